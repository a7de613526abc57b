/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* render_field: the loss field. A program is built per surface formula (the
 * expression's GLSL spliced into field.frag at //@SURFACE@; parameters are
 * uniforms) and kept in a small LRU by formula. The field is rendered into an RGBA8
 * texture kept in a small LRU by (formula, parameters, colouring, view, size), so a
 * frame only blits it. The colour scale is the core's surface_color_scale.
 *
 * Invariants: a texture is re-rendered only when its key changes, and each
 * rendering gets a new generation number (the map cache compares it); a formula
 * whose program failed is remembered and not compiled again while it is kept. */
#include "render_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "colormap.h"
#include "lang.h"
#include "log.h"

extern const unsigned char gs_res_field_vert[], gs_res_field_frag[];


/* ---- colormap ------------------------------------------------------------------ */

unsigned render_colormap(float t)
{
    if (!(t >= 0.0f))
        t = 0.0f;
    if (t > 1.0f)
        t = 1.0f;
    /* as the shader samples it: linear between texel centres */
    float pos = t * 255.0f;
    int i = (int)pos;
    if (i > 254)
        i = 254;
    float fr = pos - (float)i;
    unsigned out = 0;
    for (int k = 0; k < 3; k++) {
        float c = (float)gs_viridis[i][k] * (1.0f - fr) + (float)gs_viridis[i + 1][k] * fr;
        out = (out << 8) | (unsigned)lroundf(c);
    }
    return out;
}

/* The colormap texture (unit 1) and the empty vertex array the field's
 * full-screen triangle strip is drawn with. */
void field_init(Renderer *r)
{
    glGenVertexArrays(1, &r->empty_vao);
    unsigned char cm[256][4];
    for (int i = 0; i < 256; i++)
        cm[i][0] = gs_viridis[i][0], cm[i][1] = gs_viridis[i][1], cm[i][2] = gs_viridis[i][2], cm[i][3] = 255;
    glGenTextures(1, &r->colormap);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, r->colormap);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, cm);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glActiveTexture(GL_TEXTURE0);
}

void field_release(Renderer *r)
{
    for (int i = 0; i < PROG_CACHE; i++)
        if (r->prog[i].s.prog)
            glDeleteProgram(r->prog[i].s.prog);
    for (int i = 0; i < FIELD_CACHE; i++)
        fbo_delete(&r->field[i].tex, &r->field[i].fbo);
    if (r->colormap)
        glDeleteTextures(1, &r->colormap);
    if (r->empty_vao)
        glDeleteVertexArrays(1, &r->empty_vao);
}

/* ---- programs and textures ----------------------------------------------------- */

static void field_key(const Surface *s, char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "%s", s->expr.source);
    for (int i = 0; i < s->expr.n_params && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "|%s", s->expr.param_name[i]);
}

ProgSlot *surface_prog(Renderer *r, ProgSlot *cache, size_t stride, const Surface *s, const char *name,
                       const char *vert, const char *frag, int *made)
{
    char key[KEY_MAX];
    field_key(s, key, sizeof key);
    *made = 0;
    r->tick++;
    ProgSlot *slot = cache;
    for (int i = 0; i < PROG_CACHE; i++) {
        ProgSlot *p = (ProgSlot *)((char *)cache + stride * (size_t)i);
        if ((p->prog || p->failed) && strcmp(p->key, key) == 0) {
            p->used = r->tick;
            return p->failed ? NULL : p;
        }
        if (p->used < slot->used)
            slot = p;
    }
    if (slot->prog)
        glDeleteProgram(slot->prog);
    memset(slot, 0, stride);
    snprintf(slot->key, sizeof slot->key, "%s", key);
    slot->used = r->tick;
    slot->failed = 1;
    static char fn[32768], src[49152];
    int in_vert = strstr(vert, "//@SURFACE@") != NULL;
    if (expr_glsl(&s->expr, "gs_f", "u_param", fn, sizeof fn) < 0 ||
        gl_splice(in_vert ? vert : frag, "//@SURFACE@", fn, src, sizeof src) != 0) {
        /* TRANSLATORS: the first %s is the shader's name (field, surface3d), the second the surface's formula */
        gs_log(_("cannot build the %s shader for \"%s\""), name, s->expr.source);
        return NULL;
    }
    GLuint prog = gl_program(name, in_vert ? src : vert, in_vert ? frag : src);
    if (!prog)
        return NULL;
    slot->prog = prog;
    slot->failed = 0;
    *made = 1;
    return slot;
}

static FieldProg *field_prog(Renderer *r, const Surface *s)
{
    int made;
    FieldProg *p = (FieldProg *)surface_prog(r, &r->prog[0].s, sizeof r->prog[0], s, "field",
                                             (const char *)gs_res_field_vert, (const char *)gs_res_field_frag, &made);
    if (p && made) {
        GLuint prog = p->s.prog;
        p->u_param = glGetUniformLocation(prog, "u_param");
        p->u_log = glGetUniformLocation(prog, "u_log");
        p->u_fmin = glGetUniformLocation(prog, "u_fmin");
        p->u_delta = glGetUniformLocation(prog, "u_delta");
        p->u_range = glGetUniformLocation(prog, "u_range");
        p->u_levels = glGetUniformLocation(prog, "u_levels");
        p->u_colormap = glGetUniformLocation(prog, "u_colormap");
        p->u_mode = glGetUniformLocation(prog, "u_mode");
        p->u_view = glGetUniformLocation(prog, "u_view");
    }
    return p;
}

static void field_uniforms(const FieldProg *p, const Surface *s, MapView v, int mode)
{
    float param[EXPR_MAX_PARAMS] = {0};
    for (int i = 0; i < s->expr.n_params && i < EXPR_MAX_PARAMS; i++)
        param[i] = (float)s->expr.param[i];
    glUniform1fv(p->u_param, EXPR_MAX_PARAMS, param);
    glUniform4f(p->u_view, (float)v.x0, (float)v.x1, (float)v.y0, (float)v.y1);
    glUniform1i(p->u_mode, mode);
    glUniform1i(p->u_colormap, 1);
}

/* Draws the field program over the bound framebuffer's w x h pixels at (x, y) from
 * its bottom left, inside the scissor if one is on. */
static void field_run(Renderer *r, int x, int y, int w, int h, int scissor)
{
    glViewport(x, y, w, h);
    if (!scissor)
        glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, r->colormap);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r->empty_vao);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* Binds the field program with the uniforms of the surface's colours over view v. */
static void field_colours(const FieldProg *p, const Surface *s, MapView v)
{
    SurfaceScale sc;
    surface_color_scale(s, (const double[4]){v.x0, v.x1, v.y0, v.y1}, &sc);
    glUseProgram(p->s.prog);
    field_uniforms(p, s, v, 0);
    glUniform1i(p->u_log, s->log_color ? 1 : 0);
    glUniform1f(p->u_fmin, (float)sc.fmin);
    glUniform1f(p->u_delta, (float)sc.delta);
    glUniform2f(p->u_range, (float)sc.lo, (float)sc.hi);
    glUniform1f(p->u_levels, (float)RENDER_FIELD_LEVELS);
}

static int field_matches(const FieldEntry *e, const char *key, const Surface *s, MapView v, int w, int h)
{
    if (!e->valid || e->tw != w || e->th != h || e->log_color != s->log_color)
        return 0;
    if (e->view.x0 != v.x0 || e->view.x1 != v.x1 || e->view.y0 != v.y0 || e->view.y1 != v.y1)
        return 0;
    for (int i = 0; i < s->expr.n_params; i++)
        if (e->param[i] != s->expr.param[i])
            return 0;
    return strcmp(e->key, key) == 0;
}

/* The cached field texture for (surface, view, size), rendered if needed. Leaves GL
 * state changed (the caller restores it). */
FieldEntry *field_get(Renderer *r, const Surface *s, MapView v, int w, int h)
{
    char key[KEY_MAX];
    field_key(s, key, sizeof key);
    r->tick++;
    FieldEntry *slot = &r->field[0];
    for (int i = 0; i < FIELD_CACHE; i++) {
        FieldEntry *e = &r->field[i];
        if (field_matches(e, key, s, v, w, h)) {
            e->used = r->tick;
            return e;
        }
        /* the victim: an unused entry, else the least recently used */
        if ((!e->valid && slot->valid) || (e->valid == slot->valid && e->used < slot->used))
            slot = e;
    }
    FieldProg *p = field_prog(r, s);
    if (!p)
        return NULL;
    FieldEntry *e = slot;
    e->valid = 0;
    if (fbo_texture(&e->tex, &e->fbo, &e->tw, &e->th, w, h) != 0) {
        gs_log(_("cannot create a %dx%d field texture"), w, h);
        return NULL;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, e->fbo);
    field_colours(p, s, v);
    field_run(r, 0, 0, w, h, 0);

    snprintf(e->key, sizeof e->key, "%s", key);
    memcpy(e->param, s->expr.param, sizeof e->param);
    e->log_color = s->log_color;
    e->view = v;
    e->valid = 1;
    e->used = r->tick;
    e->gen = ++r->field_gen;
    return e;
}

void cmd_field(Renderer *r, const DrawCmd *c)
{
    int x = (int)lroundf(c->x), y = (int)lroundf(c->y);
    int w = (int)lroundf(c->w), h = (int)lroundf(c->h);
    if (!c->surface || w <= 0 || h <= 0)
        return;
    flush(r);
    if (r->direct && w <= r->max_vp[0] && h <= r->max_vp[1]) { /* straight into the picture */
        FieldProg *p = field_prog(r, c->surface);
        if (p) {
            field_colours(p, c->surface, c->view);
            apply_scissor(r);
            field_run(r, x, r->fb_h - (y + h), w, h, 1);
            state_restore(r);
            return;
        }
    }
    FieldEntry *e = NULL;
    if (w <= r->max_tex && h <= r->max_tex && w <= r->max_vp[0] && h <= r->max_vp[1])
        e = field_get(r, c->surface, c->view, w, h);
    else if (!r->warned_field)
        gs_log(_("a %dx%d field exceeds the GL limit of %d pixels"), w, h, r->max_tex);
    if (!e) {
        r->warned_field = 1;
        state_restore(r);
        quad(r, (float)x + (float)w * 0.5f, (float)y + (float)h * 0.5f, 1, 0, (float)w * 0.5f,
             (float)h * 0.5f, 0, 0, MODE_FILL, 0x303030FFu, 0);
        return;
    }
    fbo_blit(r, e->fbo, x, y, w, h);
}

/* ---- values, for tests --------------------------------------------------------- */

int render_field_values(Renderer *r, const Surface *s, MapView v, int w, int h, float *out)
{
    if (w <= 0 || h <= 0 || w > r->max_tex || h > r->max_tex || w > r->max_vp[0] || h > r->max_vp[1]) {
        gs_log("a %dx%d field read-back is not possible", w, h);
        return -1;
    }
    FieldProg *p = field_prog(r, s);
    if (!p)
        return -1;
    GLuint tex = 0, fbo = 0;
    int rc = -1;
    gl_drain_errors();
    glGenTextures(1, &tex);
    glGenFramebuffers(1, &fbo);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        gs_log("float render targets are not supported");
        goto done;
    }
    glUseProgram(p->s.prog);
    field_uniforms(p, s, v, 1);
    field_run(r, 0, 0, w, h, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, w, h, GL_RED, GL_FLOAT, out);
    if (glGetError() != GL_NO_ERROR) {
        gs_log("cannot read back the field values");
        goto done;
    }
    /* GL rows are bottom-up; the caller wants the top row first */
    for (int y = 0; y < h / 2; y++) {
        float *a = out + (size_t)y * (size_t)w, *b = out + (size_t)(h - 1 - y) * (size_t)w;
        for (int x = 0; x < w; x++) {
            float t = a[x];
            a[x] = b[x], b[x] = t;
        }
    }
    rc = 0;
done:
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    if (r->fb_w <= 0)
        r->fb_w = w, r->fb_h = h;
    state_restore(r);
    return rc;
}
