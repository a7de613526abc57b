/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* view3d: the 3D view's geometry, with cglm: the box the surface stands in, the
 * orbiting camera, projection to pixels and picking.
 *
 * The box: the view region (x0..x1, y0..y1) centred at the origin, its longer side
 * 2 units (x to the right, world y into the screen as -z), and the surface's value
 * as height: the colour scale's position t (0 at its low end, 1 at its high end,
 * log where the colours are log, exactly as the field shader computes it) times
 * VIEW3D_HEIGHT, clamped to the box. The renderer computes the same height on the
 * GPU from the surface's generated GLSL; paths and picking use the core's double
 * values. */
#ifndef GS_VIEW3D_H
#define GS_VIEW3D_H

#include <cglm/cglm.h>

#include "draw.h"
#include "surface.h"

#define VIEW3D_HEIGHT 0.9f    /* the box's height, for t = 1 */
#define VIEW3D_FLOOR (-0.12f) /* the floor under it, where the 2D map lies */
#define VIEW3D_FOVY 35.0f     /* degrees */

/* The box of a surface over a view, with the colour scale that gives heights. */
typedef struct Box3D {
    MapView view;
    double cx, cy, half;  /* centre and half of the longer side, world units */
    SurfaceScale scale;
    float height;         /* the box's height now (VIEW3D_HEIGHT, less while flattening) */
} Box3D;

/* The default camera: from the front left, 50 degrees up, the whole box in view. */
Camera3D view3d_camera_default(void);

/* The camera as a w x h picture shows it: further away when the picture is
 * narrower than 3:2, so the box that fills a wide picture still fits a squarer one
 * (a 4:3 projector, a grid tile). */
Camera3D view3d_camera_fit(Camera3D c, float w, float h);

/* Clamps the camera's angles and distance to their ranges. */
void view3d_camera_clamp(Camera3D *c);

void view3d_box(const Surface *s, MapView v, float height, Box3D *out);

/* What depends on a surface over a view, as a string: equal keys, the same formula,
 * parameters and view (the key of the box's memo and of the renderer's 3D caches).
 * Returns its length (at most cap - 1). */
size_t view3d_key(const Surface *s, MapView v, char *out, size_t cap);

/* The last box made, and what it was made for: the same surface (formula and
 * parameters) over the same view gives it back without sampling the surface again
 * (the colour scale samples it SURFACE_SCALE_GRID^2 times). Zero-initialised. */
typedef struct Box3DMemo {
    char key[EXPR_MAX_SOURCE + 512];
    Box3D box;
} Box3DMemo;

void view3d_box_memo(Box3DMemo *m, const Surface *s, MapView v, float height, Box3D *out);

/* The scale position of a value, unclamped (NaN for a non-finite value). */
double view3d_t(const Box3D *b, double f);

/* A world point (x, y) with the surface's value f there, in box coordinates,
 * `lift` above the surface. */
void view3d_point(const Box3D *b, double x, double y, double f, float lift, vec3 out);

/* Projection times view for a w x h picture. */
void view3d_mvp(const Camera3D *c, float w, float h, mat4 out);

/* A box point in pixels of the w x h picture (origin top left, y down) and its
 * depth in [0, 1]. Returns 0 when it is behind the camera. */
int view3d_project(const Camera3D *c, float w, float h, const vec3 p, float out[3]);

/* The world point (x, y) of the surface seen at pixel (px, py) of the w x h
 * picture: the ray from the camera marched against the surface's core value.
 * Returns 1, or 0 when the ray misses the surface within the box. */
int view3d_pick(const Camera3D *c, const Box3D *b, const Surface *s, float w, float h, float px, float py, double *x,
                double *y);

#endif
