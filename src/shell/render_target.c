/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* render_target: offscreen drawing and read-back: the RGBA8 target screenshots and
 * tests draw into (resized as needed, within GL's limits), reading the bound
 * framebuffer's pixels, and the texture-backed framebuffers that the field and the
 * caches render into.
 *
 * Invariants: a target or texture that cannot be allocated is left at size 0 x 0,
 * so the next request tries again; r->fb is the framebuffer render_draw draws
 * into (0, the window's, after render_target_end). */
#include "render_internal.h"

#include "log.h"

/* ---- texture framebuffers ------------------------------------------------------ */

/* A colour texture with its framebuffer, (re)allocated to w x h when the size
 * differs. Returns 0, or -1 (the size is then 0 x 0). */
int fbo_texture(GLuint *tex, GLuint *fbo, int *tw, int *th, int w, int h)
{
    if (!*tex) {
        glGenTextures(1, tex);
        glGenFramebuffers(1, fbo);
    }
    if (*tw == w && *th == h)
        return 0;
    gl_drain_errors();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, *tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, *fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, *tex, 0);
    *tw = w, *th = h;
    if (glGetError() != GL_NO_ERROR || glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        *tw = *th = 0;
        return -1;
    }
    return 0;
}

void fbo_delete(GLuint *tex, GLuint *fbo)
{
    if (*fbo)
        glDeleteFramebuffers(1, fbo);
    if (*tex)
        glDeleteTextures(1, tex);
    *tex = *fbo = 0;
}

/* Copies the w x h framebuffer fbo to the pixel rect at (x, y) of the one being
 * drawn into, within the scissor, then restores the batch state. */
void fbo_blit(Renderer *r, GLuint fbo, int x, int y, int w, int h)
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->fb);
    apply_scissor(r);
    int gy = r->fb_h - (y + h);
    glBlitFramebuffer(0, 0, w, h, x, gy, x + w, gy + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    state_restore(r);
}

extern const unsigned char gs_res_scale_vert[], gs_res_scale_frag[];

int scale_init(Renderer *r)
{
    r->scale_prog = gl_program("scale", (const char *)gs_res_scale_vert, (const char *)gs_res_scale_frag);
    if (!r->scale_prog)
        return -1;
    glUseProgram(r->scale_prog);
    glUniform1i(glGetUniformLocation(r->scale_prog, "u_image"), 0);
    r->u_scale_screen = glGetUniformLocation(r->scale_prog, "u_screen");
    r->u_scale_rect = glGetUniformLocation(r->scale_prog, "u_rect");
    return 0;
}

void scale_release(Renderer *r)
{
    if (r->scale_prog)
        glDeleteProgram(r->scale_prog);
}

void tex_scale(Renderer *r, GLuint tex, int x, int y, int w, int h)
{
    glUseProgram(r->scale_prog);
    glUniform2f(r->u_scale_screen, (float)r->fb_w, (float)r->fb_h);
    glUniform4f(r->u_scale_rect, (float)x, (float)y, (float)w, (float)h);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glDisable(GL_BLEND);
    glBindVertexArray(r->empty_vao);
    apply_scissor(r);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    state_restore(r);
}

/* ---- targets and read-back ----------------------------------------------------- */

int render_target_begin(Renderer *r, int w, int h)
{
    if (w <= 0 || h <= 0 || w > r->max_rb || h > r->max_rb || w > r->max_vp[0] || h > r->max_vp[1]) {
        gs_log("a %dx%d offscreen target is not possible (GL limits: renderbuffer %d, viewport %dx%d)", w, h,
               r->max_rb, r->max_vp[0], r->max_vp[1]);
        return -1;
    }
    if (!r->target_fbo) {
        glGenFramebuffers(1, &r->target_fbo);
        glGenRenderbuffers(1, &r->target_rb);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, r->target_fbo);
    if (r->target_w != w || r->target_h != h) {
        gl_drain_errors();
        glBindRenderbuffer(GL_RENDERBUFFER, r->target_rb);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, r->target_rb);
        GLenum err = glGetError();
        if (err != GL_NO_ERROR || glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            gs_log("cannot allocate a %dx%d offscreen target%s", w, h,
                   err == GL_OUT_OF_MEMORY ? " (out of memory)" : "");
            r->target_w = r->target_h = 0;
            glBindFramebuffer(GL_FRAMEBUFFER, r->fb);
            return -1;
        }
        r->target_w = w, r->target_h = h;
    }
    r->fb = r->target_fbo;
    glViewport(0, 0, w, h);
    return 0;
}

void render_target_end(Renderer *r)
{
    r->fb = 0;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

int render_read_rgba(Renderer *r, int w, int h, unsigned char *out)
{
    return render_read_rgba_at(r, 0, r->fb_h - h, w, h, out);
}

int render_read_rgba_at(Renderer *r, int x, int y, int w, int h, unsigned char *out)
{
    if (w <= 0 || h <= 0 || !out)
        return -1;
    gl_drain_errors();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->fb);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, r->fb_h - y - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, out);
    if (glGetError() != GL_NO_ERROR) {
        gs_log("cannot read back %dx%d pixels", w, h);
        return -1;
    }
    return 0;
}

void target_release(Renderer *r)
{
    if (r->target_fbo)
        glDeleteFramebuffers(1, &r->target_fbo);
    if (r->target_rb)
        glDeleteRenderbuffers(1, &r->target_rb);
}
