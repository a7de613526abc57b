/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* view3d: the box, the camera and picking (see view3d.h). */
#include "view3d.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

Camera3D view3d_camera_default(void)
{
    return (Camera3D){.azimuth = -30.0f, .elevation = 50.0f, .distance = 4.9f, .target = {0.0f, 0.15f, 0.0f}};
}

Camera3D view3d_camera_fit(Camera3D c, float w, float h)
{
    float aspect = h > 0 ? w / h : 1.0f;
    if (aspect < 1.5f)
        c.distance *= 1.5f / fmaxf(aspect, 0.2f);
    return c;
}

void view3d_camera_clamp(Camera3D *c)
{
    if (!(c->elevation >= 2.0f))
        c->elevation = 2.0f;
    if (c->elevation > 89.0f)
        c->elevation = 89.0f;
    if (!isfinite(c->azimuth))
        c->azimuth = 0.0f;
    c->azimuth = fmodf(c->azimuth, 360.0f);
    if (!(c->distance >= 1.0f))
        c->distance = 1.0f;
    if (c->distance > 20.0f)
        c->distance = 20.0f;
    for (int i = 0; i < 3; i++)
        if (!(fabsf(c->target[i]) <= 3.0f))
            c->target[i] = c->target[i] > 0 ? 3.0f : (c->target[i] < 0 ? -3.0f : 0.0f);
}

void view3d_box(const Surface *s, MapView v, float height, Box3D *out)
{
    out->view = v;
    out->cx = 0.5 * (v.x0 + v.x1), out->cy = 0.5 * (v.y0 + v.y1);
    out->half = 0.5 * fmax(fabs(v.x1 - v.x0), fabs(v.y1 - v.y0));
    surface_color_scale(s, (const double[4]){v.x0, v.x1, v.y0, v.y1}, &out->scale);
    out->height = height;
}

size_t view3d_key(const Surface *s, MapView v, char *out, size_t cap)
{
    Text t = text_begin(out, cap);
    text_add(&t, "%s|%.17g|%.17g|%.17g|%.17g", s->expr.source, v.x0, v.x1, v.y0, v.y1);
    for (int i = 0; i < s->expr.n_params; i++)
        text_add(&t, "|%.17g", s->expr.param[i]);
    return t.len;
}

void view3d_box_memo(Box3DMemo *m, const Surface *s, MapView v, float height, Box3D *out)
{
    char key[sizeof m->key];
    view3d_key(s, v, key, sizeof key);
    if (strcmp(key, m->key) != 0) {
        view3d_box(s, v, height, &m->box);
        memcpy(m->key, key, sizeof key);
    }
    *out = m->box;
    out->height = height;
}

double view3d_t(const Box3D *b, double f)
{
    const SurfaceScale *sc = &b->scale;
    if (!isfinite(f))
        return NAN;
    /* as field.frag and surface3d.vert: log10(max(f - fmin, 0) + delta) */
    double s = sc->delta > 0 ? log10(fmax(f - sc->fmin, 0.0) + sc->delta) : f;
    return (s - sc->lo) / (sc->hi - sc->lo);
}

void view3d_point(const Box3D *b, double x, double y, double f, float lift, vec3 out)
{
    double t = view3d_t(b, f);
    t = t > 0 ? (t < 1 ? t : 1) : 0; /* NaN too: the floor of the box */
    out[0] = (float)((x - b->cx) / b->half);
    out[1] = (float)t * b->height + lift;
    out[2] = (float)(-(y - b->cy) / b->half);
}

/* The camera's eye: spherical coordinates about the target. */
static void eye_of(const Camera3D *c, vec3 eye)
{
    float az = glm_rad(c->azimuth), el = glm_rad(c->elevation);
    eye[0] = c->target[0] + c->distance * cosf(el) * sinf(az);
    eye[1] = c->target[1] + c->distance * sinf(el);
    eye[2] = c->target[2] + c->distance * cosf(el) * cosf(az);
}

void view3d_mvp(const Camera3D *c, float w, float h, mat4 out)
{
    mat4 proj, view;
    vec3 eye, up = {0.0f, 1.0f, 0.0f}, target = {c->target[0], c->target[1], c->target[2]};
    eye_of(c, eye);
    glm_perspective(glm_rad(VIEW3D_FOVY), w / (h > 0 ? h : 1), 0.05f, 60.0f, proj);
    glm_lookat(eye, target, up, view);
    glm_mat4_mul(proj, view, out);
}

int view3d_project(const Camera3D *c, float w, float h, const vec3 p, float out[3])
{
    mat4 mvp;
    view3d_mvp(c, w, h, mvp);
    vec4 q = {p[0], p[1], p[2], 1.0f}, clip;
    glm_mat4_mulv(mvp, q, clip);
    if (clip[3] <= 1e-6f)
        return 0;
    vec3 win;
    vec4 vp = {0.0f, 0.0f, w, h};
    glm_project((vec3){p[0], p[1], p[2]}, mvp, vp, win);
    out[0] = win[0], out[1] = h - win[1], out[2] = win[2];
    return 1;
}

/* How far the ray's point at s is above the surface there, in box units. */
static double ray_gap(const Box3D *b, const Surface *s, const double o[3], const double d[3], double sp)
{
    double p[3] = {o[0] + d[0] * sp, o[1] + d[1] * sp, o[2] + d[2] * sp};
    double wx = b->cx + p[0] * b->half, wy = b->cy - p[2] * b->half;
    vec3 q;
    view3d_point(b, wx, wy, surface_value(s, wx, wy), 0.0f, q);
    return p[1] - q[1];
}

int view3d_pick(const Camera3D *c, const Box3D *b, const Surface *s, float w, float h, float px, float py, double *x,
                double *y)
{
    mat4 mvp;
    view3d_mvp(c, w, h, mvp);
    vec4 vp = {0.0f, 0.0f, w, h};
    vec3 a, z;
    /* the ray through the pixel, from the near plane to the far one */
    glm_unproject((vec3){px, h - py, 0.0f}, mvp, vp, a);
    glm_unproject((vec3){px, h - py, 1.0f}, mvp, vp, z);
    double o[3] = {a[0], a[1], a[2]}, d[3] = {z[0] - a[0], z[1] - a[1], z[2] - a[2]};
    /* march in steps of a two-hundredth of the box, then bisect the crossing;
     * heights are the core's (double) */
    double ex = fabs(b->view.x1 - b->view.x0) / (2 * b->half), ey = fabs(b->view.y1 - b->view.y0) / (2 * b->half);
    double len = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    int n = (int)(len / 0.005) + 1;
    if (n > 200000)
        n = 200000;
    /* the first crossing of the sheet inside the box, from either side: from below,
     * it is the underside the renderer shows where the box has no wall */
    double prev_gap = 0, prev_s = 0;
    int prev_inside = 0;
    for (int i = 0; i <= n; i++) {
        double sp = (double)i / n;
        double p[3] = {o[0] + d[0] * sp, o[1] + d[1] * sp, o[2] + d[2] * sp};
        int inside = fabs(p[0]) <= ex && fabs(p[2]) <= ey;
        double gap = inside ? ray_gap(b, s, o, d, sp) : 0;
        if (inside && prev_inside && (prev_gap > 0) != (gap > 0)) {
            double lo = prev_s, hi = sp;
            for (int k = 0; k < 50; k++) {
                double mid = 0.5 * (lo + hi);
                if ((ray_gap(b, s, o, d, mid) > 0) == (prev_gap > 0))
                    lo = mid;
                else
                    hi = mid;
            }
            double m = 0.5 * (lo + hi);
            *x = b->cx + (o[0] + d[0] * m) * b->half;
            *y = b->cy - (o[2] + d[2] * m) * b->half;
            return 1;
        }
        prev_inside = inside;
        prev_gap = gap;
        prev_s = sp;
    }
    return 0;
}
