/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* draw: a frame's drawing as a list of commands, in pixels (origin top left, y
 * down). The app and the UI widgets append; the renderer in the shell consumes. No
 * GL here, so what a frame draws is testable without a renderer.
 *
 * Invariants: fixed capacity set at creation (no allocation while a frame is
 * built); a command that does not fit is dropped and counted in `dropped`; text is
 * copied into the list's own arena; FIELD and PATH point at data that must outlive
 * the list until it is drawn (the scene's surface and trajectories). */
#ifndef GS_DRAW_H
#define GS_DRAW_H

#include "scene.h"

typedef enum DrawKind {
    DRAW_RECT,     /* filled rect, rounded by `r` */
    DRAW_FRAME,    /* rect outline, `r` = line width */
    DRAW_LINE,     /* segment (x, y) -> (x2, y2), `r` = width */
    DRAW_CIRCLE,   /* centre (x, y), radius w; filled, with an outline of width r in rgba2 */
    DRAW_TEXT,     /* text at (x, y) = top left; h = pixel size; font 0 regular, 1 bold */
    DRAW_CLIP,     /* scissor to the rect; w or h < 0: no clip */
    DRAW_FIELD,    /* the surface's loss field in the rect, for the view */
    DRAW_PATH,     /* trajectory points [0, n) mapped from the view to the rect, `r` wide,
                      over a dark halo 1.25 px each side in rgba2 (0: none) */
    DRAW_BAND,     /* points [0, n) in pairs (x, ya), (x, yb) mapped from the view to the
                      rect: each pair a vertical span, filled across to halfway to its
                      neighbours (a min-max band) */
    DRAW_GROUP,    /* the next n commands draw only inside the rect, which they cover
                      opaquely: a renderer may keep the result and reuse it while
                      they stay the same */
    DRAW_SURFACE3D, /* the surface over the view in 3D (view3d.h), seen by `camera`,
                      in the rect; `r` is the box's height. Starts a 3D picture:
                      the PATH3D commands that follow draw in it, depth-tested */
    DRAW_PATH3D,   /* trajectory points [0, n) on the surface of the 3D picture */
    DRAW_END3D,    /* ends the 3D picture: it is put in its rect */
    DRAW_IMAGE,    /* n = iw x ih cells of `pixels` (0xRRGGBBAA, top row first) in the rect,
                      each a crisp block, at alpha r; `version` changes with them */
} DrawKind;

/* World rectangle shown in a pixel rectangle (x0 at the left edge, y1 at the top). */
typedef struct MapView {
    double x0, x1, y0, y1;
} MapView;

/* An orbiting camera (view3d.h). */
typedef struct Camera3D {
    float azimuth;    /* degrees about the vertical, 0: looking along +y (world) */
    float elevation;  /* degrees above the plane, 2 to 89 */
    float distance;   /* from the target, in box units */
    float target[3];  /* the point orbited, in box coordinates */
} Camera3D;

typedef struct DrawCmd {
    DrawKind kind;
    float x, y, w, h;
    float x2, y2;
    float r;
    unsigned rgba, rgba2;       /* 0xRRGGBBAA */
    int font;
    int text;                   /* offset into the text arena */
    int text_len;
    const Surface *surface;     /* FIELD */
    const TrajPoint *points;    /* PATH, BAND */
    const unsigned *pixels;     /* IMAGE, iw x ih */
    int iw, ih;
    int n;                      /* PATH, BAND */
    unsigned long long version; /* PATH: changes whenever points[0, n) may have changed */
    MapView view;               /* FIELD, PATH, SURFACE3D */
    Camera3D camera;            /* SURFACE3D */
} DrawCmd;

typedef struct DrawList {
    DrawCmd *cmd;
    int n, cap;
    char *text;
    int text_len, text_cap;
    int dropped;
} DrawList;

/* Allocates the list. Returns 0 or -1. */
int draw_init(DrawList *dl, int cmd_cap, int text_cap);
void draw_free(DrawList *dl);
void draw_clear(DrawList *dl);

void draw_rect(DrawList *dl, float x, float y, float w, float h, float radius, unsigned rgba);
void draw_frame(DrawList *dl, float x, float y, float w, float h, float width, unsigned rgba);
void draw_line(DrawList *dl, float x, float y, float x2, float y2, float width, unsigned rgba);
void draw_circle(DrawList *dl, float x, float y, float radius, unsigned fill, float outline, unsigned outline_rgba);
void draw_text(DrawList *dl, float x, float y, float size, int font, unsigned rgba, const char *s, int len);
void draw_clip(DrawList *dl, float x, float y, float w, float h);
void draw_no_clip(DrawList *dl);
void draw_field(DrawList *dl, float x, float y, float w, float h, const Surface *s, MapView v);
/* A trajectory. `version` must change whenever the points may have changed (other
 * than growing n), so a renderer may keep what it drew and only add new segments. */
void draw_path(DrawList *dl, float x, float y, float w, float h, MapView v, const TrajPoint *p, int n,
               unsigned long long version, float width, unsigned rgba);

/* A band: n points, in pairs (see DRAW_BAND). The points must outlive the list. */
/* A path with no halo (a caller that draws every halo first, then every line). */
void draw_path_plain(DrawList *dl, float x, float y, float w, float h, MapView v, const TrajPoint *p, int n,
                     unsigned long long version, float width, unsigned rgba);
/* The halo draw_path puts under a path. */
#define DRAW_PATH_HALO 0x0000007Au
void draw_band(DrawList *dl, float x, float y, float w, float h, MapView v, const TrajPoint *p, int n, unsigned rgba);

/* A 3D picture (see DRAW_SURFACE3D): the surface, paths on it, the end. */
void draw_surface3d(DrawList *dl, float x, float y, float w, float h, const Surface *s, MapView v, Camera3D cam,
                    float height);
void draw_path3d(DrawList *dl, const TrajPoint *p, int n, unsigned long long version, float width, unsigned rgba);
void draw_end3d(DrawList *dl);

/* An image (see DRAW_IMAGE); the pixels must outlive the list. */
void draw_image(DrawList *dl, float x, float y, float w, float h, const unsigned *pixels, int iw, int ih,
                unsigned long long version, float alpha);

/* Starts a group (see DRAW_GROUP); returns its index for draw_group_end. */
int draw_group_begin(DrawList *dl, float x, float y, float w, float h);
void draw_group_end(DrawList *dl, int group);

/* Appends src's commands [first, last) after dst's (text copied). */
void draw_append_range(DrawList *dst, const DrawList *src, int first, int last);

/* The text of a DRAW_TEXT command. */
static inline const char *draw_text_of(const DrawList *dl, const DrawCmd *c) { return dl->text + c->text; }

/* World -> pixel within a rect, and back. */
static inline float map_px_x(MapView v, float x, float w, double wx) { return x + (float)((wx - v.x0) / (v.x1 - v.x0)) * w; }
static inline float map_px_y(MapView v, float y, float h, double wy) { return y + (float)((v.y1 - wy) / (v.y1 - v.y0)) * h; }
static inline double map_world_x(MapView v, float x, float w, float px) { return v.x0 + (double)((px - x) / w) * (v.x1 - v.x0); }
static inline double map_world_y(MapView v, float y, float h, float py) { return v.y1 - (double)((py - y) / h) * (v.y1 - v.y0); }

/* Widens the view around its centre so that it has the pixel rect's aspect ratio
 * (square world units on screen). */
MapView map_fit(MapView v, float w, float h);

#endif
