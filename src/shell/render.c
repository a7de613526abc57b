/* render: the DrawList on OpenGL 3.3 core.
 *
 * - Shapes and glyphs share one program (shape.vert/.frag) and one streamed vertex
 *   buffer; a batch is flushed only when the scissor changes, a field is blitted, a
 *   path is drawn, or the buffer is full. Coverage comes from signed distances in
 *   the fragment shader, so every edge is anti-aliased without MSAA.
 * - A trajectory is one triangle strip (path.vert/.frag) of the points at least
 *   half a pixel apart: mitred joins, bevelled where the turn is sharp (no spikes),
 *   each vertex carrying its signed distance across the line for the AA edges.
 * - The loss field is rendered by a program built per surface formula (the
 *   expression's GLSL spliced into field.frag at //@SURFACE@; parameters are
 *   uniforms) into an RGBA8 texture, cached by (formula, parameters, colouring,
 *   view, size) in a small LRU; a frame only blits the cached texture.
 *
 * Invariants: after any helper that changes GL state for its own work (field
 * rendering, read-back), state_restore() puts back the batch state; nothing here
 * allocates per frame once the buffers have grown to the largest frame seen. */
#include "render.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "colormap.h"
#include "font.h"
#include "gl.h"
#include "tess.h"

extern const unsigned char gs_res_shape_vert[], gs_res_shape_frag[];
extern const unsigned char gs_res_field_vert[], gs_res_field_frag[];
extern const unsigned char gs_res_path_vert[], gs_res_path_frag[];

#define VTX_CAP 24000      /* vertices per batch (a multiple of 6) */
#define FIELD_CACHE 4
#define MAP_CACHE 16        /* maps (field + trajectories) kept, one per panel */
#define MAP_PATHS 64        /* trajectories a cached map holds; more are drawn directly */
#define HOT_FRAMES 30
#define GROUPS_MAX 64       /* groups kept at once */       /* a trajectory that changed this recently is drawn live */
#define PROG_CACHE 8
#define GLYPHS_MAX 1024     /* glyphs per text command */
#define FIELD_LEVELS 20.0f
#define PATH_HALO 0x0000007Au
#define KEY_MAX (EXPR_MAX_SOURCE + EXPR_MAX_PARAMS * (EXPR_NAME_MAX + 1) + 8)

typedef struct Vtx {
    float x, y;
    float lx, ly;
    float hx, hy;
    float rad, stroke, mode;
    unsigned char col[4], col2[4];
    float u, v;
} Vtx;

enum { MODE_FILL, MODE_RING }; /* shape.frag's v_prm.z */
#define HUGE_HALF 1e6f           /* half extent that makes the box cover any quad */
enum { PROG_SHAPE, PROG_PATH };

typedef struct FieldProg {
    GLuint prog;
    int failed;
    char key[KEY_MAX];
    GLint u_param, u_log, u_fmin, u_delta, u_range, u_levels, u_colormap, u_mode, u_view;
    unsigned long used;
} FieldProg;

typedef struct FieldEntry {
    GLuint tex, fbo;
    int tw, th;             /* allocated texture size */
    int valid;
    char key[KEY_MAX];
    double param[EXPR_MAX_PARAMS];
    int log_color;
    MapView view;
    unsigned long used;
    unsigned long long gen; /* new each time the texture is rendered */
} FieldEntry;

/* A panel's map: its field with the trajectories drawn over it, kept between
 * frames. While the animation runs only the new segments are added; any other
 * change (field, view, a trajectory's version, colour, width) redraws it. */
typedef struct MapPath {
    const TrajPoint *pts;
    unsigned long long version;
    int n;
    float width;
    unsigned rgba;
    int in_base;            /* drawn into the kept texture (else: drawn live, "hot") */
    unsigned long changed;  /* frame of its last change other than growing */
} MapPath;

typedef struct MapEntry {
    GLuint tex, fbo;
    int tw, th;
    int valid;
    int x, y;
    unsigned long long field_gen;
    int n_paths;
    MapPath path[MAP_PATHS];
    unsigned long used;
} MapEntry;

struct Renderer {
    GLuint shape_prog;
    GLint u_screen, u_atlas;
    GLuint vao, vbo, empty_vao;
    GLuint colormap;
    Vtx *v;
    int nv;
    int cur_prog;           /* PROG_SHAPE or PROG_PATH */
    GLuint path_prog;
    GLint u_path_screen, u_path_color, u_path_halo, u_path_half;
    GLuint path_vao, path_vbo;
    size_t path_vbo_bytes;
    float *pts;             /* path points: x, y pairs */
    int pts_cap;            /* in points */
    float *pv;              /* path strip: x, y, d triples */
    int pv_cap;             /* in vertices */
    Fonts *fonts;
    GlyphQuad glyphs[GLYPHS_MAX];
    FieldProg prog[PROG_CACHE];
    FieldEntry field[FIELD_CACHE];
    MapEntry map[MAP_CACHE];
    unsigned long frame;    /* render_draw calls */
    /* DRAW_GROUP: one framebuffer-sized texture keeps every group, each in its own
     * rect; a record per group says what its rect holds */
    GLuint group_tex, group_fbo;
    int group_w, group_h;
    struct {
        unsigned long long hash;
        float rect[4];
    } group[GROUPS_MAX];
    unsigned long long field_gen;
    unsigned long tick;
    GLuint target_fbo, target_rb;
    int target_w, target_h;
    GLuint fb;              /* the framebuffer render_draw draws into */
    int fb_w, fb_h;
    int clip_on;            /* the user's clip (DRAW_CLIP), in GL window coords */
    GLint clip[4];
    int sc_on;              /* the scissor as set in GL */
    GLint sc[4];
    GLint max_rb, max_tex, max_vp[2];
    int warned_field;
};

/* ---- small helpers ------------------------------------------------------------ */

static void rgba_bytes(unsigned c, unsigned char out[4])
{
    out[0] = (unsigned char)(c >> 24);
    out[1] = (unsigned char)(c >> 16);
    out[2] = (unsigned char)(c >> 8);
    out[3] = (unsigned char)c;
}

static void gl_drain_errors(void)
{
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; i++)
        ;
}

/* A colour texture with its framebuffer, (re)allocated to w x h when the size
 * differs. Returns 0, or -1 (the size is then 0 x 0). */
static int fbo_texture(GLuint *tex, GLuint *fbo, int *tw, int *th, int w, int h)
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

static void fbo_delete(GLuint *tex, GLuint *fbo)
{
    if (*fbo)
        glDeleteFramebuffers(1, fbo);
    if (*tex)
        glDeleteTextures(1, tex);
    *tex = *fbo = 0;
}

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

/* ---- batch --------------------------------------------------------------------- */

static void flush(Renderer *r)
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

static void apply_scissor(Renderer *r)
{
    if (r->sc_on) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(r->sc[0], r->sc[1], r->sc[2], r->sc[3]);
    } else {
        glDisable(GL_SCISSOR_TEST);
    }
}

/* Sets the GL scissor (flushing first when it changes). */
static void set_scissor(Renderer *r, int on, const GLint *rect)
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
static void gl_rect(const Renderer *r, float x, float y, float w, float h, GLint out[4])
{
    int x0 = (int)floorf(x), x1 = (int)ceilf(x + w);
    int y0 = (int)floorf(y), y1 = (int)ceilf(y + h);
    out[0] = x0;
    out[1] = r->fb_h - y1;
    out[2] = x1 > x0 ? x1 - x0 : 0;
    out[3] = y1 > y0 ? y1 - y0 : 0;
}

static void state_restore(Renderer *r)
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

/* A quad around centre (cx, cy) with axis (ux, uy) and half extents (hx, hy), grown
 * by a pixel for the anti-aliasing ramp. */
static void quad(Renderer *r, float cx, float cy, float ux, float uy, float hx, float hy,
                 float radius, float stroke, int mode, unsigned col, unsigned col2)
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

static int integral(float v) { return fabsf(v - roundf(v)) < 1e-3f; }

/* The command's rect in GL window coordinates, within the user's clip if any. */
static void clipped_rect(const Renderer *r, const DrawCmd *c, GLint rect[4])
{
    gl_rect(r, c->x, c->y, c->w, c->h, rect);
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

/* ---- field --------------------------------------------------------------------- */

static void field_key(const Surface *s, char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "%s", s->expr.source);
    for (int i = 0; i < s->expr.n_params && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "|%s", s->expr.param_name[i]);
}

static FieldProg *field_prog(Renderer *r, const Surface *s)
{
    char key[KEY_MAX];
    field_key(s, key, sizeof key);
    r->tick++;
    FieldProg *slot = &r->prog[0];
    for (int i = 0; i < PROG_CACHE; i++) {
        FieldProg *p = &r->prog[i];
        if ((p->prog || p->failed) && strcmp(p->key, key) == 0) {
            p->used = r->tick;
            return p->failed ? NULL : p;
        }
        if (p->used < slot->used)
            slot = p;
    }
    if (slot->prog)
        glDeleteProgram(slot->prog);
    memset(slot, 0, sizeof *slot);
    snprintf(slot->key, sizeof slot->key, "%s", key);
    slot->used = r->tick;
    slot->failed = 1;

    static char fn[32768], src[49152];
    if (expr_glsl(&s->expr, "gs_f", "u_param", fn, sizeof fn) < 0 ||
        gl_splice((const char *)gs_res_field_frag, "//@SURFACE@", fn, src, sizeof src) != 0) {
        fprintf(stderr, "gradscape: cannot build the field shader for \"%s\"\n", s->expr.source);
        return NULL;
    }
    GLuint prog = gl_program("field", (const char *)gs_res_field_vert, src);
    if (!prog)
        return NULL;
    slot->prog = prog;
    slot->failed = 0;
    slot->u_param = glGetUniformLocation(prog, "u_param");
    slot->u_log = glGetUniformLocation(prog, "u_log");
    slot->u_fmin = glGetUniformLocation(prog, "u_fmin");
    slot->u_delta = glGetUniformLocation(prog, "u_delta");
    slot->u_range = glGetUniformLocation(prog, "u_range");
    slot->u_levels = glGetUniformLocation(prog, "u_levels");
    slot->u_colormap = glGetUniformLocation(prog, "u_colormap");
    slot->u_mode = glGetUniformLocation(prog, "u_mode");
    slot->u_view = glGetUniformLocation(prog, "u_view");
    return slot;
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

/* Draws the field program over the whole bound framebuffer (w x h). */
static void field_run(Renderer *r, int w, int h)
{
    glViewport(0, 0, w, h);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, r->colormap);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r->empty_vao);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
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
static FieldEntry *field_get(Renderer *r, const Surface *s, MapView v, int w, int h)
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
        fprintf(stderr, "gradscape: cannot create a %dx%d field texture\n", w, h);
        return NULL;
    }
    SurfaceScale sc;
    surface_color_scale(s, (const double[4]){v.x0, v.x1, v.y0, v.y1}, &sc);
    glBindFramebuffer(GL_FRAMEBUFFER, e->fbo);
    glUseProgram(p->prog);
    field_uniforms(p, s, v, 0);
    glUniform1i(p->u_log, s->log_color ? 1 : 0);
    glUniform1f(p->u_fmin, (float)sc.fmin);
    glUniform1f(p->u_delta, (float)sc.delta);
    glUniform2f(p->u_range, (float)sc.lo, (float)sc.hi);
    glUniform1f(p->u_levels, FIELD_LEVELS);
    field_run(r, w, h);

    snprintf(e->key, sizeof e->key, "%s", key);
    memcpy(e->param, s->expr.param, sizeof e->param);
    e->log_color = s->log_color;
    e->view = v;
    e->valid = 1;
    e->used = r->tick;
    e->gen = ++r->field_gen;
    return e;
}

static void cmd_field(Renderer *r, const DrawCmd *c)
{
    int x = (int)lroundf(c->x), y = (int)lroundf(c->y);
    int w = (int)lroundf(c->w), h = (int)lroundf(c->h);
    if (!c->surface || w <= 0 || h <= 0)
        return;
    flush(r);
    FieldEntry *e = NULL;
    if (w <= r->max_tex && h <= r->max_tex && w <= r->max_vp[0] && h <= r->max_vp[1])
        e = field_get(r, c->surface, c->view, w, h);
    else if (!r->warned_field)
        fprintf(stderr, "gradscape: a %dx%d field exceeds the GL limit of %d pixels\n", w, h, r->max_tex);
    if (!e) {
        r->warned_field = 1;
        state_restore(r);
        quad(r, (float)x + (float)w * 0.5f, (float)y + (float)h * 0.5f, 1, 0, (float)w * 0.5f,
             (float)h * 0.5f, 0, 0, MODE_FILL, 0x303030FFu, 0);
        return;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, e->fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->fb);
    apply_scissor(r);
    int gy = r->fb_h - (y + h);
    glBlitFramebuffer(0, 0, w, h, x, gy, x + w, gy + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    state_restore(r);
}

/* ---- paths --------------------------------------------------------------------- */

static float clampf(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Grows a path buffer to hold n items of `size` floats. Returns 0 or -1. */
static int path_grow(float **buf, int *cap, int n, int size, int points)
{
    if (n <= *cap)
        return 0;
    float *p = realloc(*buf, sizeof(float) * (size_t)size * (size_t)n);
    if (!p) {
        fprintf(stderr, "gradscape: out of memory for a %d-point path\n", points);
        return -1;
    }
    *buf = p;
    *cap = n;
    return 0;
}

static void cmd_path(Renderer *r, const DrawCmd *c)
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
    const float hw = c->r * 0.5f, halo = hw + 1.25f;
    int nv = tess_strip(r->pts, k, halo + 1.0f, r->pv);

    use_path(r);
    set_scissor(r, 1, rect);
    size_t bytes = sizeof(float) * 3 * (size_t)nv;
    if (bytes > r->path_vbo_bytes) { /* grown rarely: the largest path so far */
        r->path_vbo_bytes = bytes + bytes / 2;
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)r->path_vbo_bytes, NULL, GL_DYNAMIC_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)bytes, r->pv);
    float a = (float)(c->rgba & 255) / 255.0f, ha = (float)(PATH_HALO & 255) / 255.0f;
    glUniform4f(r->u_path_color, (float)(c->rgba >> 24) / 255.0f * a, (float)((c->rgba >> 16) & 255) / 255.0f * a,
                (float)((c->rgba >> 8) & 255) / 255.0f * a, a);
    glUniform4f(r->u_path_halo, (float)(PATH_HALO >> 24) / 255.0f * ha, (float)((PATH_HALO >> 16) & 255) / 255.0f * ha,
                (float)((PATH_HALO >> 8) & 255) / 255.0f * ha, ha);
    glUniform2f(r->u_path_half, hw, halo);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, nv);
}

/* ---- maps: field + trajectories, cached ----------------------------------------- */

/* Draws cmd[first] (a FIELD) and the PATH commands cmd[first+1, last) in the same
 * rect through the panel's cached map. Returns 0, or -1 when the group cannot be
 * cached (the caller then draws it directly). */
static int cmd_map(Renderer *r, const DrawList *dl, int first, int last)
{
    const DrawCmd *c = &dl->cmd[first];
    int x = (int)lroundf(c->x), y = (int)lroundf(c->y);
    int w = (int)lroundf(c->w), h = (int)lroundf(c->h);
    int np = last - first - 1;
    if (!c->surface || w <= 0 || h <= 0 || np > MAP_PATHS || w > r->max_tex || h > r->max_tex ||
        w > r->max_vp[0] || h > r->max_vp[1])
        return -1;
    flush(r);
    FieldEntry *fe = field_get(r, c->surface, c->view, w, h);
    if (!fe) {
        state_restore(r);
        return -1;
    }
    /* the panel's entry, or the least recently used one */
    MapEntry *m = NULL, *victim = &r->map[0];
    for (int i = 0; i < MAP_CACHE; i++) {
        MapEntry *e = &r->map[i];
        if (e->valid && e->x == x && e->y == y && e->tw == w && e->th == h) {
            m = e;
            break;
        }
        if ((!e->valid && victim->valid) || (e->valid == victim->valid && e->used < victim->used))
            victim = e;
    }
    int rebuild = m == NULL || m->field_gen != fe->gen || m->n_paths != np;
    if (!m) {
        m = victim;
        m->valid = 0;
        if (fbo_texture(&m->tex, &m->fbo, &m->tw, &m->th, w, h) != 0) {
            state_restore(r);
            return -1;
        }
    }
    /* A trajectory that changed (other than by growing) is "hot" for a while: drawn
     * live over the kept map, so dragging a slider redraws one path, not the map. */
    const unsigned long now = r->frame;
    int hot[MAP_PATHS];
    for (int k = 0; k < np; k++) {
        const DrawCmd *p = &dl->cmd[first + 1 + k];
        MapPath *o = &m->path[k];
        if (rebuild) {
            hot[k] = 0;
            o->changed = 0;
            continue;
        }
        int same = o->pts == p->points && o->version == p->version && o->width == p->r && o->rgba == p->rgba &&
                   p->n >= o->n;
        if (!same)
            o->changed = now;
        hot[k] = !same || (o->changed && now - o->changed < HOT_FRAMES);
        if (hot[k] == o->in_base || (!hot[k] && !same))
            rebuild = 1; /* the kept texture holds the wrong set of paths */
    }
    /* draw into the map: its framebuffer stands in for the screen */
    GLuint fb = r->fb;
    int fb_w = r->fb_w, fb_h = r->fb_h, clip_on = r->clip_on;
    r->fb = m->fbo, r->fb_w = w, r->fb_h = h, r->clip_on = 0, r->sc_on = 0;
    if (rebuild) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fe->fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m->fbo);
        glDisable(GL_SCISSOR_TEST);
        glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    state_restore(r);
    glUseProgram(r->path_prog);
    glUniform2f(r->u_path_screen, (float)w, (float)h);
    r->cur_prog = PROG_SHAPE; /* so use_path binds its program and buffers */
    for (int k = 0; k < np; k++) {
        const DrawCmd *p = &dl->cmd[first + 1 + k];
        MapPath *o = &m->path[k];
        if (!hot[k]) {
            DrawCmd t = *p;
            int from = rebuild ? 0 : o->n - 1;
            if (from < 0)
                from = 0;
            if (t.n - from >= 2) {
                t.points += from;
                t.n -= from;
                t.x -= (float)x, t.y -= (float)y;
                cmd_path(r, &t);
            }
        }
        unsigned long changed = o->changed;
        *o = (MapPath){p->points, p->version, p->n, p->r, p->rgba, !hot[k], changed};
    }
    flush(r);
    m->n_paths = np;
    m->field_gen = fe->gen;
    m->x = x, m->y = y;
    m->valid = 1;
    m->used = ++r->tick;
    /* back to the screen, then the map onto it */
    r->fb = fb, r->fb_w = fb_w, r->fb_h = fb_h, r->clip_on = clip_on, r->sc_on = 0;
    glUseProgram(r->path_prog);
    glUniform2f(r->u_path_screen, (float)fb_w, (float)fb_h);
    set_scissor(r, r->clip_on, r->clip);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m->fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->fb);
    apply_scissor(r);
    int gy = r->fb_h - (y + h);
    glBlitFramebuffer(0, 0, w, h, x, gy, x + w, gy + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    state_restore(r);
    for (int k = 0; k < np; k++)
        if (hot[k])
            cmd_path(r, &dl->cmd[first + 1 + k]);
    flush(r);
    state_restore(r);
    return 0;
}

/* ---- groups: an opaque rect of commands, kept while unchanged ------------------ */

static unsigned long long fnv(unsigned long long h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* What the group draws: its commands (text by content, not arena offset). */
static unsigned long long group_hash(const DrawList *dl, int first, int n)
{
    unsigned long long h = 14695981039346656037ull;
    for (int i = first; i < first + n; i++) {
        DrawCmd c = dl->cmd[i];
        if (c.kind == DRAW_TEXT) {
            h = fnv(h, draw_text_of(dl, &dl->cmd[i]), (size_t)c.text_len);
            c.text = 0;
        }
        h = fnv(h, &c, sizeof c);
    }
    return h;
}

static void draw_range(Renderer *r, const DrawList *dl, int first, int last);
static void cmd_clip(Renderer *r, const DrawCmd *c);

/* Makes the kept texture hold group cmd[g] (its rect and n commands): redrawn
 * only when they changed. Returns the index of its last command. */
static int group_update(Renderer *r, const DrawList *dl, int g)
{
    const DrawCmd *c = &dl->cmd[g];
    int first = g + 1, last = g + 1 + c->n;
    if (last > dl->n)
        last = dl->n;
    unsigned long long h = group_hash(dl, first, last - first);
    float rect[4] = {c->x, c->y, c->w, c->h};
    int size_ok = r->group_tex && r->group_w == r->fb_w && r->group_h == r->fb_h;
    /* the record of this rect, or a free one */
    int slot = -1, same = 0;
    for (int i = 0; i < GROUPS_MAX && size_ok; i++) {
        if (memcmp(rect, r->group[i].rect, sizeof rect) == 0) {
            slot = i;
            same = r->group[i].hash == h;
            break;
        }
    }
    if (same) {
        /* keep the clip state the skipped commands would have left */
        for (int i = first; i < last; i++)
            if (dl->cmd[i].kind == DRAW_CLIP)
                cmd_clip(r, &dl->cmd[i]);
        return last - 1;
    }
    flush(r);
    if (!size_ok) {
        memset(r->group, 0, sizeof r->group);
        if (fbo_texture(&r->group_tex, &r->group_fbo, &r->group_w, &r->group_h, r->fb_w, r->fb_h) != 0) {
            state_restore(r);
            draw_range(r, dl, first, last); /* no texture to keep: draw it directly */
            return last - 1;
        }
    }
    if (slot < 0) {
        /* a new rect: drop the records it overlaps, then take a free one */
        for (int i = 0; i < GROUPS_MAX; i++) {
            const float *o = r->group[i].rect;
            if (o[2] > 0 && o[0] < rect[0] + rect[2] && rect[0] < o[0] + o[2] && o[1] < rect[1] + rect[3] &&
                rect[1] < o[1] + o[3])
                memset(&r->group[i], 0, sizeof r->group[i]);
        }
        for (int i = 0; i < GROUPS_MAX && slot < 0; i++)
            if (r->group[i].rect[2] <= 0)
                slot = i;
        if (slot < 0)
            slot = 0;
    }
    /* draw the commands in screen coordinates into the kept texture */
    GLuint fb = r->fb;
    r->fb = r->group_fbo;
    state_restore(r);
    draw_range(r, dl, first, last);
    flush(r);
    r->fb = fb;
    state_restore(r);
    r->group[slot].hash = h;
    memcpy(r->group[slot].rect, rect, sizeof rect);
    return last - 1;
}

/* Draws the run of consecutive groups starting at cmd[g]: each kept or redrawn,
 * then one copy of their union onto the screen. Returns the index of the last
 * command used. */
static int cmd_groups(Renderer *r, const DrawList *dl, int g)
{
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    int i = g;
    while (i < dl->n && dl->cmd[i].kind == DRAW_GROUP) {
        const DrawCmd *c = &dl->cmd[i];
        if (c->w > 0 && c->h > 0) {
            x0 = fminf(x0, c->x), y0 = fminf(y0, c->y);
            x1 = fmaxf(x1, c->x + c->w), y1 = fmaxf(y1, c->y + c->h);
        }
        i = group_update(r, dl, i) + 1;
    }
    if (x1 > x0 && y1 > y0 && r->group_w > 0) {
        flush(r);
        GLint gr[4];
        gl_rect(r, x0, y0, x1 - x0, y1 - y0, gr);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, r->group_fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->fb);
        glDisable(GL_SCISSOR_TEST);
        glBlitFramebuffer(gr[0], gr[1], gr[0] + gr[2], gr[1] + gr[3], gr[0], gr[1], gr[0] + gr[2], gr[1] + gr[3],
                          GL_COLOR_BUFFER_BIT, GL_NEAREST);
        r->sc_on = 0;
        state_restore(r);
    }
    return i - 1;
}

/* ---- other commands ------------------------------------------------------------ */

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

static void cmd_clip(Renderer *r, const DrawCmd *c)
{
    if (c->w < 0 || c->h < 0) {
        r->clip_on = 0;
        return;
    }
    r->clip_on = 1;
    gl_rect(r, c->x, c->y, c->w, c->h, r->clip);
}

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
    draw_range(r, dl, 0, dl->n);
    flush(r);
    r->sc_on = 0;
    glDisable(GL_SCISSOR_TEST);
}

/* Draws commands [first, last) into the bound framebuffer. */
static void draw_range(Renderer *r, const DrawList *dl, int first, int last)
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
            if (cmd_map(r, dl, i, end) == 0)
                i = end - 1;
            else
                cmd_field(r, c);
            break;
        }
        case DRAW_PATH:
            cmd_path(r, c);
            break;
        case DRAW_GROUP:
            i = cmd_groups(r, dl, i);
            break;
        }
    }
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

/* ---- targets and read-back ----------------------------------------------------- */

int render_target_begin(Renderer *r, int w, int h)
{
    if (w <= 0 || h <= 0 || w > r->max_rb || h > r->max_rb || w > r->max_vp[0] || h > r->max_vp[1]) {
        fprintf(stderr, "gradscape: a %dx%d offscreen target is not possible (GL limits: renderbuffer %d, viewport %dx%d)\n",
                w, h, r->max_rb, r->max_vp[0], r->max_vp[1]);
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
            fprintf(stderr, "gradscape: cannot allocate a %dx%d offscreen target%s\n", w, h,
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
    if (w <= 0 || h <= 0 || !out)
        return -1;
    gl_drain_errors();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->fb);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, out);
    if (glGetError() != GL_NO_ERROR) {
        fprintf(stderr, "gradscape: cannot read back %dx%d pixels\n", w, h);
        return -1;
    }
    return 0;
}

int render_field_values(Renderer *r, const Surface *s, MapView v, int w, int h, float *out)
{
    if (w <= 0 || h <= 0 || w > r->max_tex || h > r->max_tex || w > r->max_vp[0] || h > r->max_vp[1]) {
        fprintf(stderr, "gradscape: a %dx%d field read-back is not possible\n", w, h);
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
        fprintf(stderr, "gradscape: float render targets are not supported\n");
        goto done;
    }
    glUseProgram(p->prog);
    field_uniforms(p, s, v, 1);
    field_run(r, w, h);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, w, h, GL_RED, GL_FLOAT, out);
    if (glGetError() != GL_NO_ERROR) {
        fprintf(stderr, "gradscape: cannot read back the field values\n");
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

/* ---- lifetime ------------------------------------------------------------------ */

Renderer *render_create(void)
{
    Renderer *r = calloc(1, sizeof *r);
    if (!r) {
        fprintf(stderr, "gradscape: out of memory for the renderer\n");
        return NULL;
    }
    r->v = malloc(sizeof(Vtx) * VTX_CAP);
    if (!r->v) {
        fprintf(stderr, "gradscape: out of memory for the renderer\n");
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
    glGenVertexArrays(1, &r->empty_vao);
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

    r->fonts = font_create();
    if (!r->fonts)
        goto fail;
    if (glGetError() != GL_NO_ERROR) {
        fprintf(stderr, "gradscape: OpenGL error while creating the renderer\n");
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
    for (int i = 0; i < PROG_CACHE; i++)
        if (r->prog[i].prog)
            glDeleteProgram(r->prog[i].prog);
    for (int i = 0; i < FIELD_CACHE; i++)
        fbo_delete(&r->field[i].tex, &r->field[i].fbo);
    fbo_delete(&r->group_tex, &r->group_fbo);
    for (int i = 0; i < MAP_CACHE; i++)
        fbo_delete(&r->map[i].tex, &r->map[i].fbo);
    if (r->target_fbo)
        glDeleteFramebuffers(1, &r->target_fbo);
    if (r->target_rb)
        glDeleteRenderbuffers(1, &r->target_rb);
    if (r->colormap)
        glDeleteTextures(1, &r->colormap);
    if (r->vbo)
        glDeleteBuffers(1, &r->vbo);
    if (r->vao)
        glDeleteVertexArrays(1, &r->vao);
    if (r->empty_vao)
        glDeleteVertexArrays(1, &r->empty_vao);
    if (r->shape_prog)
        glDeleteProgram(r->shape_prog);
    if (r->path_prog)
        glDeleteProgram(r->path_prog);
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
