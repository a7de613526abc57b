/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* render: the DrawList on OpenGL 3.3 core: the renderer's lifetime, the batch,
 * the shape, text and path commands, and the dispatch that hands fields to
 * render_field.c and maps and groups to render_cache.c.
 *
 * - Shapes and glyphs share one program (shape.vert/.frag) and one streamed vertex
 *   buffer; a batch is flushed only when the scissor changes, a field is blitted, a
 *   path is drawn, or the buffer is full. Coverage comes from signed distances in
 *   the fragment shader, so every edge is anti-aliased without MSAA.
 * - A trajectory is one triangle strip (path.vert/.frag) built by the core's tess
 *   from the points at least half a pixel apart: mitred joins, bevelled where the
 *   turn is sharp (no spikes), each vertex carrying its signed distance across the
 *   line for the AA edges.
 *
 * Invariants: after any helper that changes GL state for its own work (field
 * rendering, the caches, read-back), state_restore() puts back the batch state;
 * nothing here allocates per frame once the buffers have grown to the largest
 * frame seen. */
#include "render_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "lang.h"
#include "log.h"
#include "tess.h"

extern const unsigned char gs_res_shape_vert[], gs_res_shape_frag[];
extern const unsigned char gs_res_path_vert[], gs_res_path_frag[];
extern const unsigned char gs_res_image_vert[], gs_res_image_frag[];

#define HUGE_HALF 1e6f /* half extent that makes the box cover any quad */

/* ---- small helpers ------------------------------------------------------------- */

static void rgba_bytes(unsigned c, unsigned char out[4])
{
    out[0] = (unsigned char)(c >> 24);
    out[1] = (unsigned char)(c >> 16);
    out[2] = (unsigned char)(c >> 8);
    out[3] = (unsigned char)c;
}

static float clampf(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

static int integral(float v) { return fabsf(v - roundf(v)) < 1e-3f; }

/* ---- batch --------------------------------------------------------------------- */

void flush(Renderer *r)
{
    if (r->nv == 0)
        return;
    /* the buffer's storage is allocated once (render_create): re-specifying it per
     * flush costs a fresh allocation (page faults) on software renderers */
    glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)((size_t)r->nv * sizeof(Vtx)), r->v);
    glDrawArrays(GL_TRIANGLES, 0, r->nv);
    r->nv = 0;
}

static void use_shape(Renderer *r)
{
    if (r->cur_prog == PROG_SHAPE)
        return;
    r->cur_prog = PROG_SHAPE;
    glUseProgram(r->shape_prog);
    glBindVertexArray(r->vao);
    glBindBuffer(GL_ARRAY_BUFFER, r->vbo);
}

static void use_path(Renderer *r)
{
    if (r->cur_prog == PROG_PATH)
        return;
    flush(r);
    r->cur_prog = PROG_PATH;
    glUseProgram(r->path_prog);
    glBindVertexArray(r->path_vao);
    glBindBuffer(GL_ARRAY_BUFFER, r->path_vbo);
}

static Vtx *reserve(Renderer *r, int n)
{
    use_shape(r);
    if (r->nv + n > VTX_CAP)
        flush(r);
    Vtx *v = &r->v[r->nv];
    r->nv += n;
    return v;
}

void apply_scissor(Renderer *r)
{
    if (r->sc_on) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(r->sc[0], r->sc[1], r->sc[2], r->sc[3]);
    } else {
        glDisable(GL_SCISSOR_TEST);
    }
}

/* Sets the GL scissor (flushing first when it changes). */
void set_scissor(Renderer *r, int on, const GLint *rect)
{
    if (on == r->sc_on && (!on || memcmp(rect, r->sc, sizeof r->sc) == 0))
        return;
    flush(r);
    r->sc_on = on;
    if (on)
        memcpy(r->sc, rect, sizeof r->sc);
    apply_scissor(r);
}

/* Pixel rect (top-left origin, float) -> GL window rect, rounded outward. */
void render_gl_rect(const Renderer *r, float x, float y, float w, float h, GLint out[4])
{
    int x0 = (int)floorf(x), x1 = (int)ceilf(x + w);
    int y0 = (int)floorf(y), y1 = (int)ceilf(y + h);
    out[0] = x0;
    out[1] = r->fb_h - y1;
    out[2] = x1 > x0 ? x1 - x0 : 0;
    out[3] = y1 > y0 ? y1 - y0 : 0;
}

void state_restore(Renderer *r)
{
    glBindFramebuffer(GL_FRAMEBUFFER, r->fb);
    glViewport(0, 0, r->fb_w, r->fb_h);
    r->cur_prog = PROG_SHAPE;
    glUseProgram(r->shape_prog);
    glBindVertexArray(r->vao);
    glBindBuffer(GL_ARRAY_BUFFER, r->vbo);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, font_atlas(r->fonts));
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    apply_scissor(r);
}

/* ---- shapes -------------------------------------------------------------------- */

/* A quad around centre (cx, cy) with axis (ux, uy) and half extents (hx, hy), grown
 * by a pixel for the anti-aliasing ramp. */
void quad(Renderer *r, float cx, float cy, float ux, float uy, float hx, float hy, float radius, float stroke,
          int mode, unsigned col, unsigned col2)
{
    Vtx *v = reserve(r, 6);
    const float ex = hx + 1.0f, ey = hy + 1.0f;
    static const float corner[6][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, -1}, {1, 1}, {-1, 1}};
    unsigned char c1[4], c2[4];
    rgba_bytes(col, c1);
    rgba_bytes(col2, c2);
    for (int i = 0; i < 6; i++) {
        float lx = corner[i][0] * ex, ly = corner[i][1] * ey;
        v[i].x = cx + ux * lx - uy * ly;
        v[i].y = cy + uy * lx + ux * ly;
        v[i].lx = lx, v[i].ly = ly;
        v[i].hx = hx, v[i].hy = hy;
        v[i].rad = radius, v[i].stroke = stroke, v[i].mode = (float)mode;
        memcpy(v[i].col, c1, 4);
        memcpy(v[i].col2, c2, 4);
        font_white_uv(&v[i].u, &v[i].v);
    }
}

/* An axis-aligned rect whose edges lie on pixel boundaries: no AA ramp needed. */
static void solid(Renderer *r, float x0, float y0, float x1, float y1, unsigned col)
{
    Vtx *v = reserve(r, 6);
    const float px[6] = {x0, x1, x0, x1, x1, x0};
    const float py[6] = {y0, y0, y1, y0, y1, y1};
    unsigned char c1[4];
    rgba_bytes(col, c1);
    for (int i = 0; i < 6; i++) {
        memset(&v[i], 0, sizeof v[i]);
        v[i].x = px[i], v[i].y = py[i];
        v[i].hx = v[i].hy = HUGE_HALF;
        memcpy(v[i].col, c1, 4);
        font_white_uv(&v[i].u, &v[i].v);
    }
}

/* The command's rect in GL window coordinates, within the user's clip if any. */
static void clipped_rect(const Renderer *r, const DrawCmd *c, GLint rect[4])
{
    render_gl_rect(r, c->x, c->y, c->w, c->h, rect);
    if (r->clip_on) {
        int x0 = rect[0] > r->clip[0] ? rect[0] : r->clip[0];
        int y0 = rect[1] > r->clip[1] ? rect[1] : r->clip[1];
        int x1 = rect[0] + rect[2] < r->clip[0] + r->clip[2] ? rect[0] + rect[2] : r->clip[0] + r->clip[2];
        int y1 = rect[1] + rect[3] < r->clip[1] + r->clip[3] ? rect[1] + rect[3] : r->clip[1] + r->clip[3];
        rect[0] = x0, rect[1] = y0, rect[2] = x1 > x0 ? x1 - x0 : 0, rect[3] = y1 > y0 ? y1 - y0 : 0;
    }
}

/* An opaque, pixel-aligned rect as a scissored glClear (within the user's clip). */
static void clear_rect(Renderer *r, const DrawCmd *c)
{
    flush(r);
    GLint rect[4];
    clipped_rect(r, c, rect);
    if (rect[2] <= 0 || rect[3] <= 0)
        return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(rect[0], rect[1], rect[2], rect[3]);
    glClearColor((float)(c->rgba >> 24) / 255.0f, (float)((c->rgba >> 16) & 255) / 255.0f,
                 (float)((c->rgba >> 8) & 255) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    apply_scissor(r); /* back to the batch's scissor */
}

/* ---- paths --------------------------------------------------------------------- */

/* Grows a path buffer to hold n items of `size` floats. Returns 0 or -1. */
static int path_grow(float **buf, int *cap, int n, int size, int points)
{
    if (n <= *cap)
        return 0;
    float *p = realloc(*buf, sizeof(float) * (size_t)size * (size_t)n);
    if (!p) {
        gs_log(_("out of memory for a %d-point path"), points);
        return -1;
    }
    *buf = p;
    *cap = n;
    return 0;
}

void cmd_path(Renderer *r, const DrawCmd *c)
{
    if (!c->points || c->n < 2 || c->w <= 0 || c->h <= 0 || c->r <= 0)
        return;
    /* clip to the command's rect within the user's clip */
    GLint rect[4];
    clipped_rect(r, c, rect);
    if (path_grow(&r->pts, &r->pts_cap, c->n, 2, c->n) != 0)
        return;
    int k = tess_points(c->points, c->n, c->view, (const float[4]){c->x, c->y, c->w, c->h}, r->pts);
    if (k < 2 || path_grow(&r->pv, &r->pv_cap, TESS_STRIP_MAX(k), 3, c->n) != 0)
        return;
    const unsigned hc = c->rgba2;
    const float hw = c->r * 0.5f, halo = hc ? hw + 1.25f : hw;
    int nv = tess_strip(r->pts, k, halo + 1.0f, r->pv);

    use_path(r);
    set_scissor(r, 1, rect);
    size_t bytes = sizeof(float) * 3 * (size_t)nv;
    if (bytes > r->path_vbo_bytes) { /* grown rarely: the largest path so far */
        r->path_vbo_bytes = bytes + bytes / 2;
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)r->path_vbo_bytes, NULL, GL_DYNAMIC_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)bytes, r->pv);
    float a = (float)(c->rgba & 255) / 255.0f, ha = (float)(hc & 255) / 255.0f;
    glUniform4f(r->u_path_color, (float)(c->rgba >> 24) / 255.0f * a, (float)((c->rgba >> 16) & 255) / 255.0f * a,
                (float)((c->rgba >> 8) & 255) / 255.0f * a, a);
    glUniform4f(r->u_path_halo, (float)(hc >> 24) / 255.0f * ha, (float)((hc >> 16) & 255) / 255.0f * ha,
                (float)((hc >> 8) & 255) / 255.0f * ha, ha);
    glUniform2f(r->u_path_half, hw, halo);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, nv);
}

/* A min-max band: per pair of points a vertical span, as wide as halfway to its
 * neighbours; spans meet edge to edge (no AA ramp), so a translucent band is even. */
static void cmd_band(Renderer *r, const DrawCmd *c)
{
    int pairs = c->n / 2;
    if (!c->points || pairs < 1 || c->w <= 0 || c->h <= 0)
        return;
    GLint rect[4];
    clipped_rect(r, c, rect);
    set_scissor(r, 1, rect);
    const TrajPoint *p = c->points;
    const float lim = 1e6f;
    float prev = 0, cur = clampf(map_px_x(c->view, c->x, c->w, p[0].x), -lim, lim);
    for (int i = 0; i < pairs; i++) {
        float next = i + 1 < pairs ? clampf(map_px_x(c->view, c->x, c->w, p[2 * i + 2].x), -lim, lim) : cur;
        float left = i > 0 ? 0.5f * (prev + cur) : cur - 0.5f * (next - cur);
        float right = i + 1 < pairs ? 0.5f * (cur + next) : cur + 0.5f * (cur - prev);
        if (pairs == 1)
            left = cur - 0.5f, right = cur + 0.5f;
        float ya = clampf(map_px_y(c->view, c->y, c->h, p[2 * i].y), -lim, lim);
        float yb = clampf(map_px_y(c->view, c->y, c->h, p[2 * i + 1].y), -lim, lim);
        float top = fminf(ya, yb), bottom = fmaxf(ya, yb);
        if (bottom - top < 1.0f) /* at least a pixel tall */
            top = 0.5f * (top + bottom) - 0.5f, bottom = top + 1.0f;
        if (right > left)
            solid(r, left, top, right, bottom, c->rgba);
        prev = cur, cur = next;
    }
}

/* ---- text and clip ------------------------------------------------------------- */

static void cmd_text(Renderer *r, const DrawList *dl, const DrawCmd *c)
{
    int n = font_layout(r->fonts, c->font, c->h, c->x, c->y, draw_text_of(dl, c), c->text_len,
                        r->glyphs, GLYPHS_MAX);
    unsigned char col[4];
    rgba_bytes(c->rgba, col);
    for (int i = 0; i < n; i++) {
        const GlyphQuad *g = &r->glyphs[i];
        Vtx *v = reserve(r, 6);
        const float px[6] = {g->x0, g->x1, g->x0, g->x1, g->x1, g->x0};
        const float py[6] = {g->y0, g->y0, g->y1, g->y0, g->y1, g->y1};
        const float pu[6] = {g->u0, g->u1, g->u0, g->u1, g->u1, g->u0};
        const float pv[6] = {g->v0, g->v0, g->v1, g->v0, g->v1, g->v1};
        for (int j = 0; j < 6; j++) {
            v[j].x = px[j], v[j].y = py[j];
            v[j].lx = v[j].ly = 0;
            v[j].u = pu[j], v[j].v = pv[j];
            v[j].hx = v[j].hy = HUGE_HALF;
            v[j].rad = 0, v[j].stroke = 0, v[j].mode = (float)MODE_FILL;
            memcpy(v[j].col, col, 4);
            memset(v[j].col2, 0, 4);
        }
    }
}

void cmd_clip(Renderer *r, const DrawCmd *c)
{
    if (c->w < 0 || c->h < 0) {
        r->clip_on = 0;
        return;
    }
    r->clip_on = 1;
    render_gl_rect(r, c->x, c->y, c->w, c->h, r->clip);
}

/* ---- drawing a list ------------------------------------------------------------ */

void render_set_direct(Renderer *r, int on) { r->direct = on; }

void render_draw(Renderer *r, const DrawList *dl, int fb_w, int fb_h, unsigned clear_rgba)
{
    if (fb_w <= 0 || fb_h <= 0)
        return;
    r->fb_w = fb_w, r->fb_h = fb_h;
    r->frame++;
    r->clip_on = 0;
    r->sc_on = 0;
    r->nv = 0;
    glUseProgram(r->path_prog);
    glUniform2f(r->u_path_screen, (float)fb_w, (float)fb_h);
    state_restore(r);
    glUniform2f(r->u_screen, (float)fb_w, (float)fb_h);
    glClearColor((float)(clear_rgba >> 24) / 255.0f, (float)((clear_rgba >> 16) & 255) / 255.0f,
                 (float)((clear_rgba >> 8) & 255) / 255.0f, (float)(clear_rgba & 255) / 255.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render_range(r, dl, 0, dl->n);
    flush(r);
    r->sc_on = 0;
    glDisable(GL_SCISSOR_TEST);
}

/* Draws commands [first, last) into the bound framebuffer. */
void render_range(Renderer *r, const DrawList *dl, int first, int last)
{
    for (int i = first; i < last; i++) {
        const DrawCmd *c = &dl->cmd[i];
        if (c->kind != DRAW_PATH)
            set_scissor(r, r->clip_on, r->clip);
        switch (c->kind) {
        case DRAW_RECT: {
            if (c->w <= 0 || c->h <= 0)
                break;
            float rad = clampf(c->r, 0.0f, fminf(c->w, c->h) * 0.5f);
            if (rad < 0.01f && integral(c->x) && integral(c->y) && integral(c->w) && integral(c->h)) {
                if ((c->rgba & 255u) == 255u && c->w * c->h > 4096.0f)
                    clear_rect(r, c); /* large and opaque: a scissored clear, far cheaper to fill */
                else
                    solid(r, c->x, c->y, c->x + c->w, c->y + c->h, c->rgba);
                break;
            }
            quad(r, c->x + c->w * 0.5f, c->y + c->h * 0.5f, 1, 0, c->w * 0.5f, c->h * 0.5f, rad, 0,
                 MODE_FILL, c->rgba, 0);
            break;
        }
        case DRAW_FRAME:
            if (c->w <= 0 || c->h <= 0 || c->r <= 0)
                break;
            if (integral(c->x) && integral(c->y) && integral(c->w) && integral(c->h) && integral(c->r) &&
                2 * c->r < fminf(c->w, c->h)) { /* four edges, no hollow quad to shade */
                float x0 = c->x, y0 = c->y, x1 = c->x + c->w, y1 = c->y + c->h, t = c->r;
                solid(r, x0, y0, x1, y0 + t, c->rgba);
                solid(r, x0, y1 - t, x1, y1, c->rgba);
                solid(r, x0, y0 + t, x0 + t, y1 - t, c->rgba);
                solid(r, x1 - t, y0 + t, x1, y1 - t, c->rgba);
                break;
            }
            quad(r, c->x + c->w * 0.5f, c->y + c->h * 0.5f, 1, 0, c->w * 0.5f, c->h * 0.5f, 0, c->r,
                 MODE_RING, c->rgba, 0);
            break;
        case DRAW_LINE: {
            float dx = c->x2 - c->x, dy = c->y2 - c->y, len = sqrtf(dx * dx + dy * dy);
            if (len < 1e-6f || c->r <= 0)
                break;
            quad(r, (c->x + c->x2) * 0.5f, (c->y + c->y2) * 0.5f, dx / len, dy / len, len * 0.5f,
                 c->r * 0.5f, 0, 0, MODE_FILL, c->rgba, 0);
            break;
        }
        case DRAW_CIRCLE:
            if (c->w <= 0)
                break;
            quad(r, c->x, c->y, 1, 0, c->w, c->w, c->w, c->r > 0 ? fminf(c->r, c->w) : 0, MODE_FILL,
                 c->rgba, c->rgba2);
            break;
        case DRAW_TEXT:
            cmd_text(r, dl, c);
            break;
        case DRAW_CLIP:
            cmd_clip(r, c);
            break;
        case DRAW_FIELD: {
            /* the field and the trajectories that follow it in the same rect */
            int end = i + 1;
            while (end < last && dl->cmd[end].kind == DRAW_PATH && dl->cmd[end].x == c->x &&
                   dl->cmd[end].y == c->y && dl->cmd[end].w == c->w && dl->cmd[end].h == c->h)
                end++;
            if (!r->direct && cmd_map(r, dl, i, end) == 0)
                i = end - 1;
            else
                cmd_field(r, c);
            break;
        }
        case DRAW_PATH:
            cmd_path(r, c);
            break;
        case DRAW_BAND:
            cmd_band(r, c);
            break;
        case DRAW_GROUP: /* direct: its commands are drawn as they come */
            if (!r->direct)
                i = cmd_groups(r, dl, i);
            break;
        case DRAW_SURFACE3D: /* with its paths, to its end */
            i = cmd_scene3d(r, dl, i, last);
            break;
        case DRAW_PATH3D:
        case DRAW_END3D: /* outside a 3D picture: nothing to draw on */
            break;
        case DRAW_IMAGE:
            cmd_image(r, c);
            break;
        }
    }
}

/* ---- images ----------------------------------------------------------------------- */

/* An image's texture: kept while its pixels and version stay (a map redrawn only
 * when it changes), in a small LRU. */
static GLuint image_texture(Renderer *r, const DrawCmd *c)
{
    int slot = 0;
    for (int i = 0; i < 4; i++) {
        if (r->image[i].tex && r->image[i].pixels == c->pixels && r->image[i].version == c->version &&
            r->image[i].w == c->iw && r->image[i].h == c->ih) {
            r->image[i].used = r->frame;
            return r->image[i].tex;
        }
        if (r->image[i].used < r->image[slot].used)
            slot = i;
    }
    if (!r->image[slot].tex)
        glGenTextures(1, &r->image[slot].tex);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, r->image[slot].tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    /* 0xRRGGBBAA words as bytes (A, B, G, R on little-endian machines, which both
     * builds run on): ES has no packed 8_8_8_8 type, so image.frag swizzles */
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, c->iw, c->ih, 0, GL_RGBA, GL_UNSIGNED_BYTE, c->pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    r->image[slot].pixels = c->pixels, r->image[slot].version = c->version;
    r->image[slot].w = c->iw, r->image[slot].h = c->ih, r->image[slot].used = r->frame;
    return r->image[slot].tex;
}

void cmd_image(Renderer *r, const DrawCmd *c)
{
    if (!c->pixels || c->iw < 1 || c->ih < 1 || c->w <= 0 || c->h <= 0 || c->iw > r->max_tex || c->ih > r->max_tex)
        return;
    flush(r);
    GLuint tex = image_texture(r, c);
    glUseProgram(r->image_prog);
    glUniform2f(r->u_img_screen, (float)r->fb_w, (float)r->fb_h);
    glUniform4f(r->u_img_rect, c->x, c->y, c->w, c->h);
    glUniform1i(r->u_img_image, 0);
    glUniform1f(r->u_img_alpha, c->r);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, tex);
    glBindVertexArray(r->empty_vao);
    apply_scissor(r);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    state_restore(r);
}

/* ---- text metrics -------------------------------------------------------------- */

float render_text_width(Renderer *r, int font, float size, const char *s, int len)
{
    return font_text_width(r->fonts, font, size, s, len);
}

float render_text_height(Renderer *r, int font, float size)
{
    return font_height(r->fonts, font, size);
}

/* ---- lifetime ------------------------------------------------------------------ */

Renderer *render_create(void)
{
    Renderer *r = calloc(1, sizeof *r);
    if (!r) {
        gs_log("%s", _("out of memory for the renderer"));
        return NULL;
    }
    r->v = malloc(sizeof(Vtx) * VTX_CAP);
    if (!r->v) {
        gs_log("%s", _("out of memory for the renderer"));
        goto fail;
    }
#ifdef __GLIBC__
    /* A software GL (Mesa llvmpipe) allocates and frees megabytes of binning memory
     * per frame; with glibc's default thresholds that memory goes back to the kernel
     * each time and costs fresh page faults the next frame (a third of a frame's
     * time in measurements). Keep it in the heap instead. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &r->max_rb);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &r->max_tex);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, r->max_vp);
    r->fb_w = r->fb_h = 1;

    r->shape_prog = gl_program("shape", (const char *)gs_res_shape_vert, (const char *)gs_res_shape_frag);
    if (!r->shape_prog)
        goto fail;
    r->u_screen = glGetUniformLocation(r->shape_prog, "u_screen");
    r->u_atlas = glGetUniformLocation(r->shape_prog, "u_atlas");
    glUseProgram(r->shape_prog);
    glUniform1i(r->u_atlas, 0);
    r->path_prog = gl_program("path", (const char *)gs_res_path_vert, (const char *)gs_res_path_frag);
    if (!r->path_prog)
        goto fail;
    r->u_path_screen = glGetUniformLocation(r->path_prog, "u_screen");
    r->u_path_color = glGetUniformLocation(r->path_prog, "u_color");
    r->u_path_halo = glGetUniformLocation(r->path_prog, "u_halo");
    r->u_path_half = glGetUniformLocation(r->path_prog, "u_half");
    glGenVertexArrays(1, &r->path_vao);
    glGenBuffers(1, &r->path_vbo);
    glBindVertexArray(r->path_vao);
    glBindBuffer(GL_ARRAY_BUFFER, r->path_vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, (GLsizei)(3 * sizeof(float)), (const void *)0);

    glGenVertexArrays(1, &r->vao);
    glGenBuffers(1, &r->vbo);
    glBindVertexArray(r->vao);
    glBindBuffer(GL_ARRAY_BUFFER, r->vbo);
    glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(sizeof(Vtx) * VTX_CAP), NULL, GL_DYNAMIC_DRAW);
    const GLsizei st = (GLsizei)sizeof(Vtx);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, st, (const void *)offsetof(Vtx, x));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, st, (const void *)offsetof(Vtx, lx));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, st, (const void *)offsetof(Vtx, hx));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 3, GL_FLOAT, GL_FALSE, st, (const void *)offsetof(Vtx, rad));
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 4, GL_UNSIGNED_BYTE, GL_TRUE, st, (const void *)offsetof(Vtx, col));
    glEnableVertexAttribArray(5);
    glVertexAttribPointer(5, 4, GL_UNSIGNED_BYTE, GL_TRUE, st, (const void *)offsetof(Vtx, col2));
    glEnableVertexAttribArray(6);
    glVertexAttribPointer(6, 2, GL_FLOAT, GL_FALSE, st, (const void *)offsetof(Vtx, u));

    field_init(r);
    if (scale_init(r) != 0)
        goto fail;
    r->image_prog = gl_program("image", (const char *)gs_res_image_vert, (const char *)gs_res_image_frag);
    if (!r->image_prog)
        goto fail;
    r->u_img_screen = glGetUniformLocation(r->image_prog, "u_screen");
    r->u_img_rect = glGetUniformLocation(r->image_prog, "u_rect");
    r->u_img_image = glGetUniformLocation(r->image_prog, "u_image");
    r->u_img_alpha = glGetUniformLocation(r->image_prog, "u_alpha");

    r->fonts = font_create();
    if (!r->fonts)
        goto fail;
    if (glGetError() != GL_NO_ERROR) {
        gs_log("%s", _("OpenGL error while creating the renderer"));
        goto fail;
    }
    return r;

fail:
    render_destroy(r);
    return NULL;
}

void render_destroy(Renderer *r)
{
    if (!r)
        return;
    field_release(r);
    scale_release(r);
    render3d_release(r);
    cache_release(r);
    target_release(r);
    if (r->vbo)
        glDeleteBuffers(1, &r->vbo);
    if (r->vao)
        glDeleteVertexArrays(1, &r->vao);
    if (r->shape_prog)
        glDeleteProgram(r->shape_prog);
    if (r->path_prog)
        glDeleteProgram(r->path_prog);
    if (r->image_prog)
        glDeleteProgram(r->image_prog);
    for (int i = 0; i < 4; i++)
        if (r->image[i].tex)
            glDeleteTextures(1, &r->image[i].tex);
    if (r->path_vbo)
        glDeleteBuffers(1, &r->path_vbo);
    if (r->path_vao)
        glDeleteVertexArrays(1, &r->path_vao);
    font_destroy(r->fonts);
    free(r->pts);
    free(r->pv);
    free(r->v);
    free(r);
}
