/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* render_internal: what the renderer's files share and nobody else sees: the
 * Renderer itself and the helpers one file offers the others.
 *
 *   render.c         lifetime, the batch, shapes, text, paths, the dispatch
 *   render_field.c   field programs and textures, the colormap
 *   render_cache.c   maps and groups kept between frames
 *   render_target.c  offscreen targets, read-back, texture framebuffers
 *   render3d.c       the 3D picture: the surface mesh, paths with depth
 *
 * Invariants: r->fb, r->fb_w, r->fb_h are the framebuffer being drawn into (the
 * window's, a target, or a cache texture while it is redrawn); the batch's GL state
 * is the one state_restore() sets, and any file that changes it for its own work
 * flushes first and restores it after. */
#ifndef GS_RENDER_INTERNAL_H
#define GS_RENDER_INTERNAL_H

#include <stddef.h>

#include "font.h"
#include "gl.h"
#include "render.h"
#include "view3d.h"

#define VTX_CAP 24000       /* vertices per batch (a multiple of 6) */
#define GLYPHS_MAX 1024     /* glyphs per text command */
#define PROG_CACHE 8        /* field programs kept, one per formula */
#define FIELD_CACHE 4       /* field textures kept */
#define MAP_CACHE 16        /* maps (field + trajectories) kept, one per panel */
#define MAP_PATHS 64        /* trajectories a cached map holds; more are drawn directly */
#define GROUPS_MAX 64       /* groups kept at once */
#define PATH_HALO DRAW_PATH_HALO /* the dark edge around a path */
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
enum { PROG_SHAPE, PROG_PATH };

/* A program built for one formula, in a small LRU (the head of FieldProg and
 * Prog3D; surface_prog finds or builds it). */
typedef struct ProgSlot {
    GLuint prog;
    int failed;             /* it did not build: not tried again while it is kept */
    char key[KEY_MAX];
    unsigned long used;
} ProgSlot;

typedef struct FieldProg {
    ProgSlot s;
    GLint u_param, u_log, u_fmin, u_delta, u_range, u_levels, u_colormap, u_mode, u_view;
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

/* A panel's map (render_cache.c): its field with the trajectories drawn over it,
 * and what each trajectory was when it was last drawn. */
typedef struct MapPath {
    const TrajPoint *pts;
    unsigned long long version;
    int n;
    float width;
    unsigned rgba, halo;
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

/* The 3D surface's program for one formula (render3d.c). */
typedef struct Prog3D {
    ProgSlot s;
    GLint u_param, u_log, u_fmin, u_delta, u_range, u_view, u_box, u_floor, u_n, u_mode, u_mvp, u_field, u_eye_dir,
        u_heights;
} Prog3D;

/* A colour texture with a depth buffer; `key` says what it holds (the kept surface). */
typedef struct Target3D {
    GLuint fbo, tex, depth;
    int w, h;
    char key[KEY_MAX + 512];
} Target3D;

struct Renderer {
    /* batch (shapes and glyphs) */
    GLuint shape_prog;
    GLint u_screen, u_atlas;
    GLuint vao, vbo;
    Vtx *v;
    int nv;
    int cur_prog;           /* PROG_SHAPE or PROG_PATH */
    /* paths */
    GLuint path_prog;
    GLint u_path_screen, u_path_color, u_path_halo, u_path_half;
    GLuint path_vao, path_vbo;
    size_t path_vbo_bytes;
    float *pts;             /* path points: x, y pairs */
    int pts_cap;            /* in points */
    float *pv;              /* path strip: x, y, d triples */
    int pv_cap;             /* in vertices */
    /* text */
    Fonts *fonts;
    GlyphQuad glyphs[GLYPHS_MAX];
    /* field (render_field.c) */
    GLuint empty_vao, colormap;
    FieldProg prog[PROG_CACHE];
    FieldEntry field[FIELD_CACHE];
    unsigned long long field_gen;
    int warned_field;
    /* maps and groups (render_cache.c) */
    MapEntry map[MAP_CACHE];
    /* DRAW_GROUP: one framebuffer-sized texture keeps every group, each in its own
     * rect; a record per group says what its rect holds */
    GLuint group_tex, group_fbo;
    int group_w, group_h;
    struct {
        unsigned long long hash;
        float rect[4];
    } group[GROUPS_MAX];
    unsigned long frame;    /* render_draw calls */
    int direct;             /* render_set_direct: draw everything, keep nothing */
    unsigned long tick;     /* LRU clock of the program, field and map caches */
    /* the 3D picture (render3d.c) */
    Prog3D prog3d[PROG_CACHE];
    GLuint mesh_vao, mesh_ebo;
    int mesh_count, mesh_coarse; /* indices: the fine mesh, then the coarse one */
    GLuint p3_prog, p3_vao, p3_vbo;
    GLint u_p3_screen, u_p3_color, u_p3_halo, u_p3_half;
    size_t p3_bytes;
    float *p3_pts, *p3_z, *p3_v;
    int p3_pts_cap, p3_z_cap, p3_v_cap;
    Target3D work3d, kept3d, half3d;
    Target3D *cur3d;            /* the one the picture is drawn into: work3d, or half3d while turning */
    float scale3d;              /* its size over the rect's */
    float dst3d[4];             /* the rect it goes to */
    char last3d_key[KEY_MAX + 512]; /* what the last 3D picture showed, but its camera */
    Camera3D last3d_cam;            /* ... its camera */
    unsigned long last3d_frame;     /* ... and when */
    MapPath drawn3d[MAP_PATHS];     /* the paths in the work target, as drawn */
    struct {                        /* each path's points in box coordinates, kept while
                                       the camera turns: x, y, z, and 1 inside the box */
        const TrajPoint *pts;
        unsigned long long version;
        int n, cap;
        Box3D box;
        float *q;
    } box3d_pts[MAP_PATHS];
    int n_drawn3d;                  /* how many (-1: none to add to) */
    GLuint hgt_tex, hgt_fbo;    /* the mesh's heights (R32F), for hgt_key */
    char hgt_key[KEY_MAX + 256];
    int in3d;               /* between SURFACE3D and END3D */
    float rect3d[4];
    Box3D box3d;
    Box3DMemo box_memo;
    mat4 mvp3d;
    /* images (DRAW_IMAGE): the last ones uploaded, by pixels and version */
    GLuint image_prog;
    GLint u_img_screen, u_img_rect, u_img_image, u_img_alpha;
    GLuint scale_prog;      /* render_target.c: tex_scale */
    GLint u_scale_screen, u_scale_rect;
    struct {
        GLuint tex;
        const unsigned *pixels;
        unsigned long long version;
        int w, h;
        unsigned long used;
    } image[4];
    /* offscreen target (render_target.c) */
    GLuint target_fbo, target_rb;
    int target_w, target_h;
    /* where render_draw draws */
    GLuint fb;
    int fb_w, fb_h;
    int clip_on;            /* the user's clip (DRAW_CLIP), in GL window coords */
    GLint clip[4];
    int sc_on;              /* the scissor as set in GL */
    GLint sc[4];
    GLint max_rb, max_tex, max_vp[2];
};

/* render.c */
void flush(Renderer *r);
void apply_scissor(Renderer *r);
void set_scissor(Renderer *r, int on, const GLint *rect);
void state_restore(Renderer *r);
void render_gl_rect(const Renderer *r, float x, float y, float w, float h, GLint out[4]);
void quad(Renderer *r, float cx, float cy, float ux, float uy, float hx, float hy, float radius, float stroke,
          int mode, unsigned col, unsigned col2);
void cmd_clip(Renderer *r, const DrawCmd *c);
void cmd_path(Renderer *r, const DrawCmd *c);
void render_range(Renderer *r, const DrawList *dl, int first, int last);

/* render_field.c */
void field_init(Renderer *r);
void field_release(Renderer *r);
FieldEntry *field_get(Renderer *r, const Surface *s, MapView v, int w, int h);
/* The program for a surface's formula in a cache of PROG_CACHE entries `stride`
 * bytes apart (each starting with a ProgSlot): the kept one, or one built now from
 * vert and frag with the formula's GLSL spliced in at "//@SURFACE@" (in whichever
 * has it; *made is then 1 and the caller looks up its uniforms). NULL when it does
 * not build. */
ProgSlot *surface_prog(Renderer *r, ProgSlot *cache, size_t stride, const Surface *s, const char *name,
                       const char *vert, const char *frag, int *made);
void cmd_field(Renderer *r, const DrawCmd *c);

/* render_cache.c */
int cmd_map(Renderer *r, const DrawList *dl, int first, int last);
int cmd_groups(Renderer *r, const DrawList *dl, int g);
void cache_release(Renderer *r);

/* render.c */
void cmd_image(Renderer *r, const DrawCmd *c);

/* render3d.c */
int cmd_scene3d(Renderer *r, const DrawList *dl, int first, int last);
void render3d_release(Renderer *r);

/* render_target.c */
int fbo_texture(GLuint *tex, GLuint *fbo, int *tw, int *th, int w, int h);
void fbo_delete(GLuint *tex, GLuint *fbo);
/* Copies the w x h framebuffer fbo to the pixel rect at (x, y) of the one being
 * drawn into (a blit: a software rasterizer copies it with memcpy, the fastest
 * way), within the scissor; then restores the batch state. */
void fbo_blit(Renderer *r, GLuint fbo, int x, int y, int w, int h);
/* tex_scale's program: made with the renderer (0, or -1), and released. */
int scale_init(Renderer *r);
void scale_release(Renderer *r);
/* Draws the whole of tex scaled into the pixel rect (x, y, w, h), bilinear (a
 * textured quad: a third faster than a linear blit in llvmpipe), within the
 * scissor, no blending; then restores the batch state. */
void tex_scale(Renderer *r, GLuint tex, int x, int y, int w, int h);
void target_release(Renderer *r);

#endif
