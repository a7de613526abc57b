/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* render3d: the 3D picture (DRAW_SURFACE3D, DRAW_PATH3D, DRAW_END3D). The surface
 * is a fixed grid mesh whose heights the shader computes from the surface's
 * generated GLSL (a program per formula, kept like the field's), so a typed formula
 * or a parameter changes it with no mesh rebuilt on the CPU; it is coloured by the
 * 2D field's texture (the same colormap and contour lines) and lit. The floor is
 * the field, dimmed. Paths are the 2D strips with a depth per vertex, projected
 * with the camera's matrices (cglm, view3d.c): drawn faint where the surface hides
 * them and in full where it does not.
 *
 * The heights are evaluated once per vertex into a float texture, again only when
 * the formula, its parameters or the view change: turning the camera costs none.
 *
 * The picture is drawn into its own target (colour and depth) and copied into its
 * rect at DRAW_END3D. The surface with its floor is kept in a second target and
 * reused while the formula, parameters, view, camera, height and size stay the
 * same: while the animation runs, a frame only copies it and draws the paths. */
#include "render_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "tess.h"
#include "text.h"
#include "theme.h"

extern const unsigned char gs_res_surface3d_vert[], gs_res_surface3d_frag[], gs_res_path3d_vert[],
    gs_res_path_frag[];

#define MESH_N 129        /* grid vertices a side: smooth at 1080p, light on a CPU rasterizer; odd,
                             so that every other vertex (the coarse mesh) spans it too */
#define PATH3D_LIFT 0.015f /* box units above the surface, so a path never sinks into it */
#define HIDDEN_ALPHA 0.3f  /* a path's part behind the surface */

/* ---- programs ------------------------------------------------------------------ */

static Prog3D *prog3d_get(Renderer *r, const Surface *s)
{
    int made;
    Prog3D *p = (Prog3D *)surface_prog(r, &r->prog3d[0].s, sizeof r->prog3d[0], s, "surface3d",
                                       (const char *)gs_res_surface3d_vert, (const char *)gs_res_surface3d_frag, &made);
    if (p && made) {
#define LOC(name) p->name = glGetUniformLocation(p->s.prog, #name)
        LOC(u_param), LOC(u_log), LOC(u_fmin), LOC(u_delta), LOC(u_range), LOC(u_view), LOC(u_box), LOC(u_floor);
        LOC(u_n), LOC(u_mode), LOC(u_mvp), LOC(u_field), LOC(u_eye_dir), LOC(u_heights);
#undef LOC
    }
    return p;
}

/* The grid's triangles, made once: every vertex (fine), and every other one (the
 * coarse mesh, a quarter of the triangles, while the camera turns), one after the
 * other in one index buffer. */
static int mesh_init(Renderer *r)
{
    if (r->mesh_vao)
        return 0;
    int n = MESH_N;
    size_t fine = (size_t)(n - 1) * (size_t)(n - 1) * 6, coarse = (size_t)(n / 2) * (size_t)(n / 2) * 6;
    unsigned *idx = malloc(sizeof *idx * (fine + coarse));
    if (!idx)
        return -1;
    size_t k = 0;
    for (int step = 1; step <= 2; step++)
        for (int j = 0; j + step < n; j += step)
            for (int i = 0; i + step < n; i += step) {
                unsigned a = (unsigned)(j * n + i), b = a + (unsigned)step, c = a + (unsigned)(step * n), d = c + (unsigned)step;
                idx[k++] = a, idx[k++] = b, idx[k++] = d;
                idx[k++] = a, idx[k++] = d, idx[k++] = c;
            }
    glGenVertexArrays(1, &r->mesh_vao);
    glGenBuffers(1, &r->mesh_ebo);
    glBindVertexArray(r->mesh_vao);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r->mesh_ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)(sizeof *idx * k), idx, GL_STATIC_DRAW);
    free(idx);
    r->mesh_count = (int)fine;
    r->mesh_coarse = (int)(k - fine);
    return 0;
}

static int path3d_init(Renderer *r)
{
    if (r->p3_prog)
        return 0;
    r->p3_prog = gl_program("path3d", (const char *)gs_res_path3d_vert, (const char *)gs_res_path_frag);
    if (!r->p3_prog)
        return -1;
    r->u_p3_screen = glGetUniformLocation(r->p3_prog, "u_screen");
    r->u_p3_color = glGetUniformLocation(r->p3_prog, "u_color");
    r->u_p3_halo = glGetUniformLocation(r->p3_prog, "u_halo");
    r->u_p3_half = glGetUniformLocation(r->p3_prog, "u_half");
    glGenVertexArrays(1, &r->p3_vao);
    glGenBuffers(1, &r->p3_vbo);
    glBindVertexArray(r->p3_vao);
    glBindBuffer(GL_ARRAY_BUFFER, r->p3_vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, (GLsizei)(4 * sizeof(float)), (const void *)0);
    return 0;
}

/* A colour texture with a depth buffer, (re)allocated to w x h. Returns 0 or -1. */
static int target3d(Target3D *t, int w, int h)
{
    if (!t->fbo) {
        glGenTextures(1, &t->tex);
        glGenRenderbuffers(1, &t->depth);
        glGenFramebuffers(1, &t->fbo);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
    if (t->w == w && t->h == h)
        return 0;
    gl_drain_errors();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, t->tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t->tex, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, t->depth);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, w, h);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, t->depth);
    t->w = w, t->h = h;
    t->key[0] = '\0';
    if (glGetError() != GL_NO_ERROR || glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        t->w = t->h = 0;
        return -1;
    }
    return 0;
}

static void target3d_delete(Target3D *t)
{
    if (t->fbo)
        glDeleteFramebuffers(1, &t->fbo);
    if (t->tex)
        glDeleteTextures(1, &t->tex);
    if (t->depth)
        glDeleteRenderbuffers(1, &t->depth);
    memset(t, 0, sizeof *t);
}

void render3d_release(Renderer *r)
{
    for (int i = 0; i < PROG_CACHE; i++)
        if (r->prog3d[i].s.prog)
            glDeleteProgram(r->prog3d[i].s.prog);
    if (r->mesh_ebo)
        glDeleteBuffers(1, &r->mesh_ebo);
    if (r->mesh_vao)
        glDeleteVertexArrays(1, &r->mesh_vao);
    if (r->p3_prog)
        glDeleteProgram(r->p3_prog);
    if (r->p3_vbo)
        glDeleteBuffers(1, &r->p3_vbo);
    if (r->p3_vao)
        glDeleteVertexArrays(1, &r->p3_vao);
    target3d_delete(&r->work3d);
    target3d_delete(&r->kept3d);
    target3d_delete(&r->half3d);
    if (r->hgt_fbo)
        glDeleteFramebuffers(1, &r->hgt_fbo);
    if (r->hgt_tex)
        glDeleteTextures(1, &r->hgt_tex);
    free(r->p3_pts);
    free(r->p3_z);
    for (int i = 0; i < MAP_PATHS; i++)
        free(r->box3d_pts[i].q);
    free(r->p3_v);
}

/* ---- the surface ---------------------------------------------------------------- */

static void set_uniforms(const Prog3D *p, const Surface *s, const Box3D *b)
{
    float param[EXPR_MAX_PARAMS] = {0};
    for (int i = 0; i < s->expr.n_params && i < EXPR_MAX_PARAMS; i++)
        param[i] = (float)s->expr.param[i];
    glUniform1fv(p->u_param, EXPR_MAX_PARAMS, param);
    const SurfaceScale *sc = &b->scale;
    glUniform1i(p->u_log, sc->delta > 0 ? 1 : 0);
    glUniform1f(p->u_fmin, (float)sc->fmin);
    glUniform1f(p->u_delta, (float)sc->delta);
    glUniform2f(p->u_range, (float)sc->lo, (float)sc->hi);
    glUniform4f(p->u_view, (float)b->view.x0, (float)b->view.x1, (float)b->view.y0, (float)b->view.y1);
    glUniform4f(p->u_box, (float)b->cx, (float)b->cy, (float)b->half, b->height);
    glUniform1f(p->u_floor, VIEW3D_FLOOR);
    glUniform1i(p->u_n, MESH_N);
    glUniform1i(p->u_field, 0);
    glUniform1i(p->u_heights, 2);
}

/* The mesh's heights for the surface over the box's view: its function evaluated
 * once per vertex by the shader's mode 1 into a float texture, again only when the
 * formula, its parameters or the view change. Leaves GL state changed. Returns 0
 * or -1. */
static int heights_get(Renderer *r, const Prog3D *p, const Surface *s, const Box3D *b)
{
    char key[sizeof r->hgt_key];
    view3d_key(s, b->view, key, sizeof key);
    if (r->hgt_tex && strcmp(key, r->hgt_key) == 0)
        return 0;
    if (!r->hgt_tex) {
        glGenTextures(1, &r->hgt_tex);
        glBindTexture(GL_TEXTURE_2D, r->hgt_tex);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, MESH_N, MESH_N, 0, GL_RED, GL_FLOAT, NULL);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glGenFramebuffers(1, &r->hgt_fbo);
        glBindFramebuffer(GL_FRAMEBUFFER, r->hgt_fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, r->hgt_tex, 0);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, r->hgt_fbo);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        return -1;
    glViewport(0, 0, MESH_N, MESH_N);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
#if !GS_GLES
    glEnable(GL_PROGRAM_POINT_SIZE); /* always on in ES */
#endif
    glUseProgram(p->s.prog);
    set_uniforms(p, s, b);
    glUniform1i(p->u_mode, 1);
    /* no sampler of the program may read the texture being written: WebGL refuses
     * such a draw (a feedback loop), and the heights would stay zero */
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindVertexArray(r->empty_vao);
    glDrawArrays(GL_POINTS, 0, MESH_N * MESH_N);
    snprintf(r->hgt_key, sizeof r->hgt_key, "%s", key);
    return 0;
}

/* What the kept surface shows: it is reused while this stays the same (with the
 * camera, or without it: what stays while the camera turns). */
static void surface_key(const DrawCmd *c, unsigned long long field_gen, int w, int h, int camera, char *out,
                        size_t cap)
{
    const Camera3D *k = &c->camera;
    size_t n = view3d_key(c->surface, c->view, out, cap);
    Text t = text_begin(out + n, cap - n);
    text_add(&t, "|%d|%d|%.9g|%llu", w, h, (double)c->r, field_gen);
    if (camera)
        text_add(&t, "|%.9g|%.9g|%.9g|%.9g|%.9g|%.9g", (double)k->azimuth, (double)k->elevation,
                 (double)k->distance, (double)k->target[0], (double)k->target[1], (double)k->target[2]);
}

/* Draws the floor and the surface into the bound w x h target (the coarse mesh if
 * asked). */
static int draw_surface(Renderer *r, const DrawCmd *c, const Box3D *b, const FieldEntry *fe, int w, int h, int coarse)
{
    Prog3D *p = prog3d_get(r, c->surface);
    if (!p || mesh_init(r) != 0)
        return -1;
    GLint target = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &target);
    if (heights_get(r, p, c->surface, b) != 0)
        return -1;
    glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)target);
    glViewport(0, 0, w, h);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    unsigned bg = gs_theme.bg;
    glClearColor((float)(bg >> 24) / 255.0f, (float)((bg >> 16) & 255) / 255.0f, (float)((bg >> 8) & 255) / 255.0f,
                 1.0f);
    glClearDepth(1.0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glUseProgram(p->s.prog);
    set_uniforms(p, c->surface, b);
    mat4 mvp;
    view3d_mvp(&c->camera, (float)w, (float)h, mvp);
    glUniformMatrix4fv(p->u_mvp, 1, GL_FALSE, (const float *)mvp);
    float az = glm_rad(c->camera.azimuth), el = glm_rad(c->camera.elevation);
    glUniform3f(p->u_eye_dir, cosf(el) * sinf(az), sinf(el), cosf(el) * cosf(az));
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, r->hgt_tex);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, fe->tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    /* the surface, then the floor where the surface does not hide it (the depth
     * test spares the hidden part its shading) */
    glUniform1i(p->u_mode, 0);
    glBindVertexArray(r->mesh_vao);
    /* pushed back by its slope: where the mesh's flat triangles cut above a curved
     * valley, the path on the true surface still shows */
    glEnable(GL_POLYGON_OFFSET_FILL);
    glPolygonOffset(4.0f, 4.0f);
    if (coarse)
        glDrawElements(GL_TRIANGLES, r->mesh_coarse, GL_UNSIGNED_INT, (const void *)(sizeof(unsigned) * (size_t)r->mesh_count));
    else
        glDrawElements(GL_TRIANGLES, r->mesh_count, GL_UNSIGNED_INT, (const void *)0);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glUniform1i(p->u_mode, 2);
    glBindVertexArray(r->empty_vao);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindTexture(GL_TEXTURE_2D, fe->tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    return 0;
}

/* Readies the work target for the picture of c: the surface, and what is on it.
 * Returns 1 when the work target holds the surface alone (every path must be
 * drawn), 0 when it still holds the last picture, this surface with the paths
 * then drawn (only what they grew by need be added), -1 on failure. */
static int surface_begin(Renderer *r, const DrawCmd *c)
{
    flush(r);
    r->in3d = 0;
    int w = (int)lroundf(c->w), h = (int)lroundf(c->h);
    if (!c->surface || w < 2 || h < 2 || w > r->max_tex || h > r->max_tex)
        return -1;
    view3d_box_memo(&r->box_memo, c->surface, c->view, c->r, &r->box3d);
    /* the field's texture for the colours: the view at about 1024 px across */
    double ex = fabs(c->view.x1 - c->view.x0), ey = fabs(c->view.y1 - c->view.y0);
    int fw = ex >= ey ? 1024 : (int)lround(1024 * ex / ey), fh = ey >= ex ? 1024 : (int)lround(1024 * ey / ex);
    FieldEntry *fe = field_get(r, c->surface, c->view, fw < 2 ? 2 : fw, fh < 2 ? 2 : fh);
    if (!fe || target3d(&r->work3d, w, h) != 0 || target3d(&r->kept3d, w, h) != 0) {
        state_restore(r);
        return -1;
    }
    char key[sizeof r->kept3d.key];
    surface_key(c, fe->gen, w, h, 1, key, sizeof key);
    int state = 1;
    r->cur3d = &r->work3d;
    r->scale3d = 1.0f;
    r->dst3d[0] = c->x, r->dst3d[1] = c->y, r->dst3d[2] = (float)w, r->dst3d[3] = (float)h;
    if (strcmp(key, r->kept3d.key) == 0 && strcmp(key, r->work3d.key) == 0) {
        state = 0; /* the last picture is still there */
        goto ready;
    }
    r->work3d.key[0] = '\0';
    if (strcmp(key, r->kept3d.key) != 0) {
        /* changed since the last picture (the camera turning): drawn straight into
         * the work target; the same as the last (it stopped): kept for the frames
         * that follow */
        /* turning: only the camera changed since the picture of the frame before */
        const Camera3D *lc = &r->last3d_cam, *cc = &c->camera;
        int same_camera = lc->azimuth == cc->azimuth && lc->elevation == cc->elevation &&
                          lc->distance == cc->distance && lc->target[0] == cc->target[0] &&
                          lc->target[1] == cc->target[1] && lc->target[2] == cc->target[2];
        char base[sizeof r->last3d_key];
        surface_key(c, fe->gen, w, h, 0, base, sizeof base);
        int turning = r->last3d_frame + 1 == r->frame && !same_camera && strcmp(base, r->last3d_key) == 0;
        if (turning) {
            /* while it turns: the whole picture at half the resolution from the
             * coarse mesh, scaled up at the end (a quarter of the pixels and the
             * triangles for a CPU rasterizer); full resolution when it stops */
            int hw = (w + 1) / 2, hh = (h + 1) / 2;
            if (target3d(&r->half3d, hw, hh) != 0 || draw_surface(r, c, &r->box3d, fe, hw, hh, 1) != 0) {
                glDisable(GL_DEPTH_TEST);
                state_restore(r);
                return -1;
            }
            r->cur3d = &r->half3d;
            r->scale3d = 0.5f;
            w = hw, h = hh;
            goto ready;
        }
        glBindFramebuffer(GL_FRAMEBUFFER, r->kept3d.fbo);
        if (draw_surface(r, c, &r->box3d, fe, w, h, 0) != 0) {
            glDisable(GL_DEPTH_TEST);
            state_restore(r);
            return -1;
        }
        snprintf(r->kept3d.key, sizeof r->kept3d.key, "%s", key);
    }
    /* the work target starts as the kept surface, colour and depth */
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->kept3d.fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->work3d.fbo);
    glDisable(GL_SCISSOR_TEST);
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    snprintf(r->work3d.key, sizeof r->work3d.key, "%s", key);
ready:
    r->last3d_frame = r->frame;
    r->last3d_cam = c->camera;
    surface_key(c, fe->gen, (int)lroundf(c->w), (int)lroundf(c->h), 0, r->last3d_key, sizeof r->last3d_key);
    view3d_mvp(&c->camera, (float)w, (float)h, r->mvp3d);
    r->in3d = 1;
    r->rect3d[0] = c->x, r->rect3d[1] = c->y, r->rect3d[2] = (float)w, r->rect3d[3] = (float)h;
    state_restore(r);
    return state;
}

/* ---- paths ---------------------------------------------------------------------- */

static int grow(float **buf, int *cap, int n, int size)
{
    if (n <= *cap)
        return 0;
    float *p = realloc(*buf, sizeof(float) * (size_t)size * (size_t)n);
    if (!p)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

/* Draws one piece of a path: points [0, k) of r->p3_pts and r->p3_z, thinned. */
static void path3d_piece(Renderer *r, const DrawCmd *c, int k)
{
    k = tess_thin(r->p3_pts, r->p3_z, k);
    if (k < 2 || grow(&r->p3_v, &r->p3_v_cap, TESS_STRIP_MAX(k), 4) != 0 ||
        grow(&r->pv, &r->pv_cap, TESS_STRIP_MAX(k), 3) != 0)
        return;
    float w = r->rect3d[2], h = r->rect3d[3];
    const float hw = c->r * 0.5f * r->scale3d, halo = hw + 1.25f * r->scale3d;
    int nv = tess_strip(r->p3_pts, k, halo + 1.0f, r->pv);
    /* each pair of strip vertices straddles one of the points: its depth */
    int pi = 0;
    for (int v = 0; v + 1 < nv; v += 2) {
        float mx = 0.5f * (r->pv[3 * v] + r->pv[3 * v + 3]), my = 0.5f * (r->pv[3 * v + 1] + r->pv[3 * v + 4]);
        while (pi + 1 < k && fabsf(mx - r->p3_pts[2 * pi]) + fabsf(my - r->p3_pts[2 * pi + 1]) > 0.01f &&
               fabsf(mx - r->p3_pts[2 * pi + 2]) + fabsf(my - r->p3_pts[2 * pi + 3]) <=
                   fabsf(mx - r->p3_pts[2 * pi]) + fabsf(my - r->p3_pts[2 * pi + 1]))
            pi++;
        for (int e = 0; e < 2; e++) {
            float *o = &r->p3_v[4 * (v + e)];
            o[0] = r->pv[3 * (v + e)], o[1] = r->pv[3 * (v + e) + 1], o[2] = r->pv[3 * (v + e) + 2], o[3] = r->p3_z[pi];
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, r->cur3d->fbo);
    glViewport(0, 0, (GLsizei)w, (GLsizei)h);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(r->p3_prog);
    glBindVertexArray(r->p3_vao);
    glBindBuffer(GL_ARRAY_BUFFER, r->p3_vbo);
    size_t bytes = sizeof(float) * 4 * (size_t)nv;
    if (bytes > r->p3_bytes) {
        r->p3_bytes = bytes + bytes / 2;
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)r->p3_bytes, NULL, GL_DYNAMIC_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)bytes, r->p3_v);
    glUniform2f(r->u_p3_screen, w, h);
    glUniform2f(r->u_p3_half, hw, halo);
    /* behind the surface, faint (not while the camera turns: half the strips'
     * cost, and a faint line is lost in the motion anyway); then in front of it,
     * in full */
    for (int pass = r->scale3d < 1.0f; pass < 2; pass++) {
        float a = (float)(c->rgba & 255) / 255.0f * (pass ? 1.0f : HIDDEN_ALPHA);
        float ha = (float)(PATH_HALO & 255) / 255.0f * (pass ? 1.0f : HIDDEN_ALPHA);
        glDepthFunc(pass ? GL_LEQUAL : GL_GREATER);
        glUniform4f(r->u_p3_color, (float)(c->rgba >> 24) / 255.0f * a, (float)((c->rgba >> 16) & 255) / 255.0f * a,
                    (float)((c->rgba >> 8) & 255) / 255.0f * a, a);
        glUniform4f(r->u_p3_halo, (float)(PATH_HALO >> 24) / 255.0f * ha,
                    (float)((PATH_HALO >> 16) & 255) / 255.0f * ha, (float)((PATH_HALO >> 8) & 255) / 255.0f * ha,
                    ha);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, nv);
    }
    glDepthMask(GL_TRUE);
    glDepthFunc(GL_LESS);
    glDisable(GL_DEPTH_TEST);
}

#define BOX_POINTS_MAX (1 << 18) /* points a path's kept box coordinates may hold */

/* Point i of path c in box coordinates (`lift` above the surface), into q; returns
 * 1 when it is inside the box (a diverging run flies off it). */
static int box_point(const Box3D *b, const TrajPoint *p, vec3 q)
{
    double ex = fabs(b->view.x1 - b->view.x0) / (2 * b->half), ez = fabs(b->view.y1 - b->view.y0) / (2 * b->half);
    view3d_point(b, p->x, p->y, p->loss, PATH3D_LIFT, q);
    return isfinite(p->x) && isfinite(p->y) && fabs(q[0]) <= ex * 1.0001 && fabs(q[2]) <= ez * 1.0001;
}

/* Path `slot`'s points in box coordinates (x, y, z, inside), made when its points
 * or the box changed: the camera turning reuses them. NULL when the path is too
 * long to keep (or memory is short): the caller computes each point. */
static const float *box_points(Renderer *r, int slot, const DrawCmd *c)
{
    if (slot >= MAP_PATHS || c->n > BOX_POINTS_MAX)
        return NULL;
    __typeof__(r->box3d_pts[0]) *k = &r->box3d_pts[slot];
    int same = k->q && k->pts == c->points && k->version == c->version && k->n <= c->n &&
               memcmp(&k->box, &r->box3d, sizeof k->box) == 0;
    if (same && k->n == c->n)
        return k->q;
    if (c->n > k->cap) {
        int cap = c->n + c->n / 2 < BOX_POINTS_MAX ? c->n + c->n / 2 : BOX_POINTS_MAX;
        float *q = realloc(k->q, sizeof(float) * 4 * (size_t)cap);
        if (!q)
            return NULL;
        k->q = q, k->cap = cap;
    }
    for (int i = same ? k->n : 0; i < c->n; i++) { /* a path that grew: only what it grew by */
        vec3 q;
        int inside = box_point(&r->box3d, &c->points[i], q);
        float *o = &k->q[4 * i];
        o[0] = q[0], o[1] = q[1], o[2] = q[2], o[3] = (float)inside;
    }
    k->pts = c->points, k->version = c->version, k->n = c->n, k->box = r->box3d;
    return k->q;
}

/* A path on the surface, its points [from, n): lifted onto the surface (the core's
 * values), projected, and cut where it leaves the box. `slot`: its place among the
 * picture's paths. */
static void path3d(Renderer *r, const DrawCmd *c, int from, int slot)
{
    if (!r->in3d || !c->points || c->n - from < 2 || c->r <= 0 || path3d_init(r) != 0)
        return;
    flush(r);
    float w = r->rect3d[2], h = r->rect3d[3];
    if (grow(&r->p3_pts, &r->p3_pts_cap, c->n, 2) != 0 || grow(&r->p3_z, &r->p3_z_cap, c->n, 1) != 0)
        return;
    const float *kept = box_points(r, slot, c);
    int k = 0;
    for (int i = from; i < c->n; i++) {
        vec3 q;
        int inside;
        if (kept)
            q[0] = kept[4 * i], q[1] = kept[4 * i + 1], q[2] = kept[4 * i + 2], inside = kept[4 * i + 3] != 0.0f;
        else
            inside = box_point(&r->box3d, &c->points[i], q);
        vec4 clip = {0, 0, 0, 0}, qq = {q[0], q[1], q[2], 1.0f};
        if (inside) {
            glm_mat4_mulv(r->mvp3d, qq, clip);
            inside = clip[3] > 1e-6f;
        }
        if (!inside) { /* the piece so far ends here */
            path3d_piece(r, c, k);
            k = 0;
            continue;
        }
        float px = (clip[0] / clip[3] * 0.5f + 0.5f) * w, py = (0.5f - clip[1] / clip[3] * 0.5f) * h;
        float pz = clip[2] / clip[3] * 0.5f + 0.5f;
        r->p3_pts[2 * k] = px, r->p3_pts[2 * k + 1] = py, r->p3_z[k] = pz;
        k++;
    }
    path3d_piece(r, c, k);
    state_restore(r);
}

/* While the animation runs only the paths grow: the work target keeps the last
 * picture and each path adds what it grew by, as the 2D map cache does. Anything
 * else (a path changed, one more or fewer) draws them all again over the kept
 * surface. */
int cmd_scene3d(Renderer *r, const DrawList *dl, int first, int last)
{
    int end = first + 1;
    while (end < last && dl->cmd[end].kind == DRAW_PATH3D)
        end++;
    int state = surface_begin(r, &dl->cmd[first]);
    if (state < 0)
        return end < last && dl->cmd[end].kind == DRAW_END3D ? end : end - 1;
    int n = end - first - 1;
    int grow_only = state == 0 && n == r->n_drawn3d && n <= MAP_PATHS;
    for (int i = 0; grow_only && i < n; i++) {
        const DrawCmd *c = &dl->cmd[first + 1 + i];
        const MapPath *m = &r->drawn3d[i];
        grow_only = m->pts == c->points && m->version == c->version && m->width == c->r && m->rgba == c->rgba &&
                    c->n >= m->n;
    }
    if (!grow_only && state == 0) { /* the paths drawn are not these: the kept surface again */
        int w = (int)r->rect3d[2], h = (int)r->rect3d[3];
        glBindFramebuffer(GL_READ_FRAMEBUFFER, r->kept3d.fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->work3d.fbo);
        glDisable(GL_SCISSOR_TEST);
        glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT, GL_NEAREST);
        state_restore(r);
    }
    for (int i = 0; i < n; i++) {
        const DrawCmd *c = &dl->cmd[first + 1 + i];
        int from = grow_only ? r->drawn3d[i].n - 1 : 0;
        path3d(r, c, from > 0 ? from : 0, i);
        if (i < MAP_PATHS)
            r->drawn3d[i] = (MapPath){.pts = c->points, .version = c->version, .n = c->n, .width = c->r, .rgba = c->rgba};
    }
    r->n_drawn3d = n;
    if (r->work3d.key[0] == '\0') /* a turning camera's picture is not kept */
        r->n_drawn3d = -1;
    flush(r);
    r->in3d = 0;
    int x = (int)lroundf(r->dst3d[0]), y = (int)lroundf(r->dst3d[1]), w = (int)r->dst3d[2], h = (int)r->dst3d[3];
    if (r->cur3d == &r->work3d) {
        fbo_blit(r, r->work3d.fbo, x, y, w, h);
    } else { /* the half-resolution picture, scaled up */
        tex_scale(r, r->cur3d->tex, x, y, w, h);
    }
    return end < last && dl->cmd[end].kind == DRAW_END3D ? end : end - 1;
}

/* ---- heights, for tests ------------------------------------------------------------ */

int render_surface3d_heights(Renderer *r, const Surface *s, MapView v, float *out, int *n)
{
    *n = MESH_N;
    Prog3D *p = prog3d_get(r, s);
    if (!p)
        return -1;
    Box3D b;
    view3d_box(s, v, VIEW3D_HEIGHT, &b);
    int rc = -1;
    if (heights_get(r, p, s, &b) == 0) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, r->hgt_fbo);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        gl_drain_errors();
        glReadPixels(0, 0, MESH_N, MESH_N, GL_RED, GL_FLOAT, out);
        rc = glGetError() == GL_NO_ERROR ? 0 : -1;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, r->fb);
    state_restore(r);
    return rc;
}
