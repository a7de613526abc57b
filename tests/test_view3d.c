/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* view3d: the 3D view's geometry without GL. Heights follow the colour scale (the
 * minimum at the box's floor, the highest value at its top); the box's corners
 * project into the picture from the default camera; picking inverts projection:
 * the surface point seen at the pixel where a point projects is that point, to a
 * small part of a pixel's worth of world distance, on several surfaces and from
 * several cameras; a ray that misses the surface picks nothing; the camera's
 * ranges are kept. */
#include "check.h"
#include "spec.h"
#include "view3d.h"

static void test_heights(void)
{
    Surface s;
    char err[256];
    CHECK(spec_parse_surface("quadratic", &s, err, sizeof err) == 0);
    MapView v = {s.view[0], s.view[1], s.view[2], s.view[3]};
    Box3D b;
    view3d_box(&s, v, VIEW3D_HEIGHT, &b);
    /* the minimum (0, 0) is the scale's low end: the floor of the box */
    vec3 p;
    view3d_point(&b, 0.0, 0.0, surface_value(&s, 0.0, 0.0), 0.0f, p);
    CHECK_MSG(fabsf(p[1]) < 1e-3f && fabsf(p[0]) < 1e-6f && fabsf(p[2]) < 1e-6f, "%g %g %g", p[0], p[1], p[2]);
    /* heights rise away from it, and stay within the box */
    double prev = -1;
    for (int i = 1; i <= 10; i++) {
        double x = v.x1 * i / 10.0;
        double t = view3d_t(&b, surface_value(&s, x, 0.0));
        CHECK(t > prev && t <= 1.0 + 1e-9);
        prev = t;
        view3d_point(&b, x, 0.0, surface_value(&s, x, 0.0), 0.0f, p);
        CHECK(p[1] >= 0.0f && p[1] <= VIEW3D_HEIGHT + 1e-6f);
    }
    /* x runs right, world y runs into the screen (-z); the longer side is 2 */
    view3d_point(&b, v.x1, v.y1, 0.0, 0.0f, p);
    double half = 0.5 * fmax(v.x1 - v.x0, v.y1 - v.y0);
    CHECK_REL(p[0], (v.x1 - 0.5 * (v.x0 + v.x1)) / half, 1e-6);
    CHECK_REL(p[2], -(v.y1 - 0.5 * (v.y0 + v.y1)) / half, 1e-6);
    /* a non-finite value lies on the floor, not at infinity */
    view3d_point(&b, 0.5, 0.5, INFINITY, 0.0f, p);
    CHECK(p[1] == 0.0f || p[1] == VIEW3D_HEIGHT);
}

static void test_project(void)
{
    Camera3D c = view3d_camera_default();
    const float W = 1280, H = 720;
    for (int i = 0; i < 8; i++) {
        vec3 p = {i & 1 ? 1.0f : -1.0f, i & 2 ? VIEW3D_HEIGHT : 0.0f, i & 4 ? 1.0f : -1.0f};
        float o[3];
        CHECK(view3d_project(&c, W, H, p, o) == 1);
        CHECK_MSG(o[0] > 0 && o[0] < W && o[1] > 0 && o[1] < H && o[2] > 0 && o[2] < 1, "corner %d at %g, %g, %g", i,
                  o[0], o[1], o[2]);
    }
    /* nearer is smaller depth */
    float a[3], b[3];
    view3d_project(&c, W, H, (vec3){0, 0, 0}, a);
    Camera3D far = c;
    far.distance *= 2;
    view3d_project(&far, W, H, (vec3){0, 0, 0}, b);
    CHECK(a[2] < b[2]);
    /* behind the camera: not projected */
    vec3 behind = {c.target[0] + 30 * sinf(glm_rad(c.azimuth)), 30.0f, c.target[2] + 30 * cosf(glm_rad(c.azimuth))};
    CHECK(view3d_project(&c, W, H, behind, a) == 0);
}

static void test_pick(const char *surface, Camera3D c)
{
    Surface s;
    char err[256];
    CHECK(spec_parse_surface(surface, &s, err, sizeof err) == 0);
    MapView v = {s.view[0], s.view[1], s.view[2], s.view[3]};
    Box3D b;
    view3d_box(&s, v, VIEW3D_HEIGHT, &b);
    const float W = 1000, H = 700;
    int picked = 0, tried = 0;
    for (int j = 1; j < 8; j++)
        for (int i = 1; i < 8; i++) {
            double x = v.x0 + (v.x1 - v.x0) * i / 8.0, y = v.y0 + (v.y1 - v.y0) * j / 8.0;
            vec3 p;
            float o[3];
            view3d_point(&b, x, y, surface_value(&s, x, y), 0.0f, p);
            if (!view3d_project(&c, W, H, p, o))
                continue;
            double px_world = 2 * b.half / W * c.distance; /* generous: a pixel's worth at the far side */
            double wx, wy;
            tried++;
            if (!view3d_pick(&c, &b, &s, W, H, o[0], o[1], &wx, &wy))
                continue;
            /* a point hidden behind a nearer part of the surface picks that part */
            vec3 q;
            view3d_point(&b, wx, wy, surface_value(&s, wx, wy), 0.0f, q);
            float oq[3];
            view3d_project(&c, W, H, q, oq);
            if (oq[2] < o[2] - 1e-4f)
                continue;
            picked++;
            CHECK_MSG(fabs(wx - x) < px_world && fabs(wy - y) < px_world, "%s: (%g, %g) picked as (%g, %g)", surface, x,
                      y, wx, wy);
        }
    CHECK_MSG(picked >= tried / 2 && picked > 10, "%s: %d of %d points picked", surface, picked, tried);
    /* a ray beside the box misses: a pixel left of every corner's projection */
    float left = W;
    for (int i = 0; i < 8; i++) {
        vec3 p = {(i & 1 ? 1.0f : -1.0f) * (float)((v.x1 - v.x0) / (2 * b.half)), i & 2 ? VIEW3D_HEIGHT : 0.0f,
                  (i & 4 ? 1.0f : -1.0f) * (float)((v.y1 - v.y0) / (2 * b.half))};
        float o[3];
        if (view3d_project(&c, W, H, p, o))
            left = fminf(left, o[0]);
    }
    double wx, wy;
    if (left > 2)
        CHECK(view3d_pick(&c, &b, &s, W, H, left - 2, H / 2, &wx, &wy) == 0);
}

/* A squarer picture moves the camera back so the whole box still fits. */
static void test_fit(void)
{
    Camera3D c = view3d_camera_default();
    static const float SIZES[][2] = {{1280, 720}, {1024, 768}, {640, 490}, {500, 500}, {400, 700}};
    for (int s = 0; s < 5; s++) {
        float W = SIZES[s][0], H = SIZES[s][1];
        Camera3D f = view3d_camera_fit(c, W, H);
        CHECK(f.distance >= c.distance && f.azimuth == c.azimuth && f.elevation == c.elevation);
        for (int i = 0; i < 8; i++) {
            vec3 p = {i & 1 ? 1.0f : -1.0f, i & 2 ? VIEW3D_HEIGHT : 0.0f, i & 4 ? 1.0f : -1.0f};
            float o[3];
            CHECK(view3d_project(&f, W, H, p, o) == 1);
            CHECK_MSG(o[0] >= 0 && o[0] <= W && o[1] >= 0 && o[1] <= H, "%gx%g: corner %d at %g, %g", W, H, i, o[0],
                      o[1]);
        }
    }
}

static void test_clamp(void)
{
    Camera3D c = {.azimuth = 725, .elevation = 120, .distance = 0.1f, .target = {9, NAN, -9}};
    view3d_camera_clamp(&c);
    CHECK(c.elevation == 89.0f && c.distance == 1.0f && fabsf(c.azimuth - 5.0f) < 1e-4f);
    CHECK(c.target[0] == 3.0f && c.target[1] == 0.0f && c.target[2] == -3.0f);
    c.elevation = -10, c.distance = 100;
    view3d_camera_clamp(&c);
    CHECK(c.elevation == 2.0f && c.distance == 20.0f);
}

int main(void)
{
    test_heights();
    test_project();
    test_pick("rosenbrock", view3d_camera_default());
    test_pick("quadratic:kappa=10,angle=30", view3d_camera_default());
    test_pick("himmelblau", (Camera3D){.azimuth = 120, .elevation = 35, .distance = 5, .target = {0, 0.2f, 0}});
    test_pick("rastrigin", (Camera3D){.azimuth = 10, .elevation = 70, .distance = 3, .target = {0.1f, 0, 0}});
    test_fit();
    test_clamp();
    return check_done("test_view3d");
}
