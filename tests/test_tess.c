/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* tess: trajectory points mapped and thinned into pixels (half-pixel rule, the
 * final point kept, non-finite points skipped, far points clamped, a back-and-forth
 * drawn once, and every point within half a pixel of what is drawn), and the
 * triangle strip built from them (mitres, bevels at sharp turns, pieces joined by
 * repeated vertices, the stated vertex bound). */
#include "check.h"
#include "tess.h"

/* view [0, 10] x [0, 10] onto a 100 x 100 px rect at (0, 0): 10 px per unit, y down */
static const MapView VIEW = {0.0, 10.0, 0.0, 10.0};
static const float RECT[4] = {0.0f, 0.0f, 100.0f, 100.0f};

static int near(float a, float b) { return fabsf(a - b) < 1e-4f; }

static void test_points(void)
{
    float out[2 * 8];
    /* mapping: (1, 2) -> (10, 80) */
    TrajPoint one[2] = {{.x = 1.0, .y = 2.0}, {.x = 3.0, .y = 2.0}};
    CHECK(tess_points(one, 2, VIEW, RECT, out) == 2);
    CHECK(near(out[0], 10.0f) && near(out[1], 80.0f) && near(out[2], 30.0f) && near(out[3], 80.0f));
    /* the rect's origin is added */
    const float moved[4] = {50.0f, 20.0f, 100.0f, 100.0f};
    CHECK(tess_points(one, 2, VIEW, moved, out) == 2);
    CHECK(near(out[0], 60.0f) && near(out[1], 100.0f));

    /* a point within half a pixel of the last kept one is dropped; the next far
     * one is kept; the final one is kept although it is within half a pixel */
    TrajPoint thin[4] = {{.x = 0.0}, {.x = 0.045}, {.x = 1.0}, {.x = 1.02}};
    CHECK(tess_points(thin, 4, VIEW, RECT, out) == 3);
    CHECK(near(out[0], 0.0f) && near(out[2], 10.0f) && near(out[4], 10.2f));
    CHECK(near(out[1], 100.0f) && near(out[5], 100.0f));
    /* ... unless it is within 0.01 px (it would make a degenerate segment) */
    TrajPoint same[3] = {{.x = 0.0}, {.x = 1.0}, {.x = 1.0005}};
    CHECK(tess_points(same, 3, VIEW, RECT, out) == 2);
    CHECK(near(out[2], 10.0f));
    /* points 0.55 px apart are all kept (0.45 px: dropped, above) */
    TrajPoint apart[3] = {{.x = 0.0}, {.x = 0.055}, {.x = 0.11}};
    CHECK(tess_points(apart, 3, VIEW, RECT, out) == 3);

    /* non-finite points are skipped, wherever they are */
    TrajPoint bad[5] = {{.x = NAN, .y = 1.0}, {.x = 1.0, .y = 1.0}, {.x = 2.0, .y = INFINITY},
                        {.x = 3.0, .y = 1.0}, {.x = -INFINITY, .y = 0.0}};
    CHECK(tess_points(bad, 5, VIEW, RECT, out) == 2);
    CHECK(near(out[0], 10.0f) && near(out[1], 90.0f) && near(out[2], 30.0f) && near(out[3], 90.0f));

    /* a point 1e300 away is clamped to a finite pixel */
    TrajPoint far[3] = {{.x = 1.0, .y = 1.0}, {.x = 1e300, .y = -1e300}, {.x = -1e300, .y = 1.0}};
    CHECK(tess_points(far, 3, VIEW, RECT, out) == 3);
    CHECK(out[2] == TESS_LIMIT && out[3] == TESS_LIMIT && out[4] == -TESS_LIMIT);
    for (int i = 0; i < 6; i++)
        CHECK(isfinite(out[i]));

    /* in a view of zero width, 0 / 0 maps (1, 2) to NaN: skipped; (3, 2) goes to
     * infinity: clamped */
    const MapView flat = {1.0, 1.0, 0.0, 10.0};
    CHECK(tess_points(one, 2, flat, RECT, out) == 1);
    CHECK(out[0] == TESS_LIMIT && near(out[1], 80.0f));
    CHECK(tess_points(one, 0, VIEW, RECT, out) == 0);
}

/* vertex i of a strip */
static const float *vtx(const float *s, int i) { return s + 3 * i; }

static int vtx_is(const float *v, float x, float y, float d) { return near(v[0], x) && near(v[1], y) && v[2] == d; }

static void test_strip(void)
{
    float s[3 * TESS_STRIP_MAX(8)];
    const float e = 2.0f;

    /* a straight segment: a pair per end, offset along the left normal */
    const float line[4] = {0, 0, 10, 0};
    CHECK(tess_strip(line, 2, e, s) == 4);
    CHECK(vtx_is(vtx(s, 0), 0, 2, e) && vtx_is(vtx(s, 1), 0, -2, -e));
    CHECK(vtx_is(vtx(s, 2), 10, 2, e) && vtx_is(vtx(s, 3), 10, -2, -e));

    /* a gentle turn (30 degrees): one mitred pair, at e / cos(15 degrees) from the
     * corner along the bisector of the normals */
    const float a = 30.0f * 3.14159265f / 180.0f;
    const float gentle[6] = {0, 0, 10, 0, 10 + 10 * cosf(a), 10 * sinf(a)};
    CHECK(tess_strip(gentle, 3, e, s) == 6);
    float mx = vtx(s, 2)[0] - 10, my = vtx(s, 2)[1];
    CHECK_MSG(fabsf(sqrtf(mx * mx + my * my) - e / cosf(a / 2)) < 1e-4f, "mitre at %g, expected %g",
              (double)sqrtf(mx * mx + my * my), (double)(e / cosf(a / 2)));
    CHECK(fabsf(atan2f(my, mx) - (a + 3.14159265f) / 2) < 1e-4f); /* between (0, 1) and the next normal */
    CHECK(near(vtx(s, 3)[0] - 10, -mx) && near(vtx(s, 3)[1], -my) && vtx(s, 3)[2] == -e);

    /* a right angle is still mitred (cos 45 degrees > TESS_MITER_MIN_COS), at
     * e * sqrt(2) */
    const float right[6] = {0, 0, 10, 0, 10, 10};
    CHECK(tess_strip(right, 3, e, s) == 6);
    CHECK(vtx_is(vtx(s, 2), 10 - e, e, e) && vtx_is(vtx(s, 3), 10 + e, -e, -e));

    /* a sharper turn (120 degrees): a bevel, two pairs at the corner, the end of
     * the first segment then the start of the second */
    const float b = 120.0f * 3.14159265f / 180.0f;
    const float sharp[6] = {0, 0, 10, 0, 10 + 10 * cosf(b), 10 * sinf(b)};
    CHECK(tess_strip(sharp, 3, e, s) == 8);
    CHECK(vtx_is(vtx(s, 2), 10, e, e) && vtx_is(vtx(s, 3), 10, -e, -e));
    CHECK(vtx_is(vtx(s, 4), 10 - e * sinf(b), e * cosf(b), e));
    CHECK(vtx_is(vtx(s, 5), 10 + e * sinf(b), -e * cosf(b), -e));
    CHECK(vtx_is(vtx(s, 7), 10 + 10 * cosf(b) + e * sinf(b), 10 * sinf(b) - e * cosf(b), -e));

    /* two pieces separated by a NaN point: joined by repeating the first piece's
     * last vertex and the second piece's first */
    const float pieces[10] = {0, 0, 10, 0, NAN, NAN, 20, 5, 30, 5};
    CHECK(tess_strip(pieces, 5, e, s) == 10);
    CHECK(vtx_is(vtx(s, 3), 10, -2, -e) && vtx_is(vtx(s, 4), 10, -2, -e));
    CHECK(vtx_is(vtx(s, 5), 20, 7, e) && vtx_is(vtx(s, 6), 20, 7, e));
    CHECK(vtx_is(vtx(s, 9), 30, 3, -e));

    /* a one-point piece draws nothing, and no join is made before the first piece */
    const float lone[10] = {5, 5, NAN, NAN, NAN, NAN, 0, 0, 10, 0};
    CHECK(tess_strip(lone, 5, e, s) == 4);
    CHECK(vtx_is(vtx(s, 0), 0, 2, e));
    CHECK(tess_strip(lone, 1, e, s) == 0);

    /* a repeated point (zero-length segment) keeps the previous normal: no NaN */
    const float dup[6] = {0, 0, 10, 0, 10, 0};
    CHECK(tess_strip(dup, 3, e, s) == 6);
    for (int i = 0; i < 18; i++)
        CHECK(isfinite(s[i]));

    /* the worst case (every turn bevelled, pieces joined) stays within the bound */
    const float zig[16] = {0, 0, 10, 0, 0, 1, 10, 1, NAN, NAN, 0, 5, 10, 5, 0, 6};
    int n = tess_strip(zig, 8, e, s);
    CHECK_MSG(n == 12 + 2 + 8 && n <= TESS_STRIP_MAX(8), "%d vertices", n);
}

/* distance from (x, y) to segment a -> b */
static double seg_dist(const float *a, const float *b, double x, double y)
{
    double dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
    double t = l2 > 0 ? ((x - a[0]) * dx + (y - a[1]) * dy) / l2 : 0.0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return hypot(a[0] + t * dx - x, a[1] + t * dy - y);
}

/* An optimizer oscillating about a point, a pixel each way, is drawn as one short
 * segment, not one per step; and on any path, oscillating or not, at any scale,
 * every point lies within half a pixel of the drawn line, which starts at the
 * first point, ends at the last and turns only at points of the path. */
static void test_back_and_forth(void)
{
    enum { N = 4000 };
    static TrajPoint p[N];
    static float out[2 * N];
    for (int i = 0; i < N; i++) /* 1 px each way about (5, 5) */
        p[i] = (TrajPoint){.x = 5.0 + (i & 1) * 0.1, .y = 5.0};
    int k = tess_points(p, N, VIEW, RECT, out);
    CHECK_MSG(k <= 3, "a 1 px oscillation of %d steps drew %d points", N, k);
    /* a path ending back beside its first point: three points, ending there */
    TrajPoint ab[3] = {{.x = 1, .y = 1}, {.x = 3, .y = 1}, {.x = 1.03, .y = 1}};
    float out3[2 * 3 + 2] = {0};
    out3[6] = out3[7] = -1.0f; /* a guard past the room for 3 */
    k = tess_points(ab, 3, VIEW, RECT, out3);
    CHECK(k == 3 && near(out3[4], 10.3f) && near(out3[5], 90.0f) && out3[6] == -1.0f && out3[7] == -1.0f);
    /* a wide zigzag that returns to its first corner and leaves from there: the
     * line must leave from that corner, not the other */
    TrajPoint z[6] = {{.x = 1, .y = 1}, {.x = 6, .y = 1}, {.x = 1.01, .y = 1}, {.x = 6.01, .y = 1},
                      {.x = 1.02, .y = 1}, {.x = 1, .y = 8}};
    k = tess_points(z, 6, VIEW, RECT, out);
    CHECK(k >= 3 && near(out[2 * k - 2], 10.0f) && near(out[2 * k - 1], 20.0f));
    CHECK_MSG(seg_dist(out + 2 * k - 4, out + 2 * k - 2, 10.2, 90.0) < 0.5, "the last segment leaves from (%g, %g)",
              (double)out[2 * k - 4], (double)out[2 * k - 3]);

    unsigned seed = 12345;
    for (int trial = 0; trial < 200; trial++) {
        int n = 50 + trial * 10;
        double x = 5, y = 5, amp = 0.02 + 0.3 * (trial % 7) / 6.0, drift = 0.002 * (trial % 5);
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            double r = ((seed >> 8) & 0xFFFF) / 65536.0 - 0.5;
            int mode = (i / 37 + trial) % 3; /* oscillating, wandering, or still */
            if (mode == 0)
                x += (i & 1 ? amp : -amp) + drift, y += r * 0.004;
            else if (mode == 1)
                x += drift, y += r * amp * 4; /* across the oscillation */
            p[i] = (TrajPoint){.x = x, .y = y};
        }
        k = tess_points(p, n, VIEW, RECT, out);
        CHECK(k >= 1 && k <= n);
        static float q[2 * N];
        for (int i = 0; i < n; i++)
            tess_points(p + i, 1, VIEW, RECT, q + 2 * i);
        float first[2], last[2];
        tess_points(p, 1, VIEW, RECT, first);
        tess_points(p + n - 1, 1, VIEW, RECT, last);
        CHECK(near(out[0], first[0]) && near(out[1], first[1]));
        CHECK(hypot(out[2 * k - 2] - last[0], out[2 * k - 1] - last[1]) < 0.01 + 1e-4);
        int far = 0, stray = 0;
        for (int i = 0; i < n; i++) {
            double qx = q[2 * i], qy = q[2 * i + 1];
            double d = k == 1 ? hypot(out[0] - qx, out[1] - qy) : 1e30;
            for (int j = 0; j + 1 < k; j++)
                d = fmin(d, seg_dist(out + 2 * j, out + 2 * j + 2, qx, qy));
            far += d > 0.5 + 1e-3;
        }
        for (int j = 0; j < k; j++) { /* each drawn vertex is a point of the path */
            int found = 0;
            for (int i = 0; i < n && !found; i++)
                found = q[2 * i] == out[2 * j] && q[2 * i + 1] == out[2 * j + 1];
            stray += !found;
            if (j + 1 < k) { /* and each drawn segment follows the path (its middle is on it) */
                double mx = 0.5 * (out[2 * j] + out[2 * j + 2]), my = 0.5 * (out[2 * j + 1] + out[2 * j + 3]), d = 1e30;
                for (int i = 0; i + 1 < n; i++)
                    d = fmin(d, seg_dist(q + 2 * i, q + 2 * i + 2, mx, my));
                stray += d > 0.5 + 1e-3;
            }
        }
        CHECK_MSG(far == 0 && stray == 0, "trial %d: %d points over half a pixel from the line, %d vertices or "
                                          "segments off the path", trial, far, stray);
    }
}

int main(void)
{
    test_points();
    test_back_and_forth();
    test_strip();
    return check_done("test_tess");
}
