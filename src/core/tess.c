/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* tess: trajectory points to pixels, and pixels to a triangle strip. */
#include "tess.h"

#include <math.h>
#include <string.h>

static float clampf(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

/* squared distance from point j of pts to (x, y) */
static float dist2(const float *pts, int j, float x, float y)
{
    float dx = x - pts[2 * j], dy = y - pts[2 * j + 1];
    return dx * dx + dy * dy;
}

static void put(float *pts, float *z, int k, float x, float y, float zk)
{
    pts[2 * k] = x, pts[2 * k + 1] = y;
    if (z)
        z[k] = zk;
}

int tess_thin(float *pts, float *z, int n)
{
    /* The pen is at the last kept point, or (`back`) at the one before it, when
     * the path went back over its last segment: a back-and-forth (an optimizer
     * oscillating about a point, a pixel each way) then draws its segment once
     * instead of once per step. Writing never overtakes reading: a copy of the
     * pen's point is written only after a point was dropped. */
    int k = 0, pending = 0, back = 0;
    float lx = 0, ly = 0, lz = 0; /* the last point dropped, while it is the last seen */
    for (int i = 0; i < n; i++) {
        float x = pts[2 * i], y = pts[2 * i + 1], zi = z ? z[i] : 0.0f;
        if (k > 0) {
            int pen = back ? k - 2 : k - 1, other = back ? k - 1 : k - 2;
            if (dist2(pts, pen, x, y) < 0.25f || /* where the pen is, or back over the last segment */
                (other >= 0 && dist2(pts, other, x, y) < 0.25f && (back = !back, 1))) {
                pending = 1, lx = x, ly = y, lz = zi;
                continue;
            }
            if (back) /* the pen goes back first */
                put(pts, z, k, pts[2 * k - 4], pts[2 * k - 3], z ? z[k - 2] : 0.0f), k++;
            back = 0;
        }
        put(pts, z, k++, x, y, zi);
        pending = 0;
    }
    /* the final point, if dropped above, is kept unless it is within 0.01 px of
     * the line's end; after a back-and-forth it is beside the point before the
     * last, and the line goes back to it (back implies a point was dropped since
     * the last kept one: there is room) */
    if (pending && k > 0 && (back || dist2(pts, k - 1, lx, ly) > 1e-4f))
        put(pts, z, k++, lx, ly, lz);
    return k;
}

int tess_points(const TrajPoint *p, int n, MapView view, const float rect[4], float *out)
{
    int k = 0;
    const float lim = TESS_LIMIT;
    for (int i = 0; i < n; i++) {
        const TrajPoint *t = &p[i];
        if (!isfinite(t->x) || !isfinite(t->y))
            continue;
        float x = clampf(map_px_x(view, rect[0], rect[2], t->x), -lim, lim);
        float y = clampf(map_px_y(view, rect[1], rect[3], t->y), -lim, lim);
        if (!(x == x) || !(y == y))
            continue;
        out[2 * k] = x, out[2 * k + 1] = y;
        k++;
    }
    return tess_thin(out, NULL, k);
}

/* Unit normal of segment a -> b (left of the direction), or 0 if degenerate. */
static int seg_normal(const float *a, const float *b, float *nx, float *ny)
{
    float dx = b[0] - a[0], dy = b[1] - a[1];
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 1e-6f)
        return 0;
    *nx = -dy / len, *ny = dx / len;
    return 1;
}

static float *strip_pair(float *o, const float *p, float nx, float ny, float e)
{
    o[0] = p[0] + nx * e, o[1] = p[1] + ny * e, o[2] = e;
    o[3] = p[0] - nx * e, o[4] = p[1] - ny * e, o[5] = -e;
    return o + 6;
}

/* The strip of one piece, pts[0, k) with no NaN. Writes at o; returns the end. */
static float *piece_strip(float *o, const float *pts, int k, float e)
{
    float n0x = 0, n0y = 0;
    for (int i = 0; i < k; i++) {
        const float *p = &pts[2 * i];
        float n1x = n0x, n1y = n0y;
        int h1 = i < k - 1 && seg_normal(p, p + 2, &n1x, &n1y);
        if (i == 0) {
            o = strip_pair(o, p, n1x, n1y, e);
        } else if (i == k - 1 || !h1) {
            o = strip_pair(o, p, n0x, n0y, e);
        } else {
            float mx = n0x + n1x, my = n0y + n1y;
            float cosh = 0.5f * sqrtf(mx * mx + my * my); /* cos of half the turn */
            if (cosh >= TESS_MITER_MIN_COS) {
                o = strip_pair(o, p, mx / (2.0f * cosh * cosh), my / (2.0f * cosh * cosh), e);
            } else {
                o = strip_pair(o, p, n0x, n0y, e);
                o = strip_pair(o, p, n1x, n1y, e);
            }
        }
        if (h1)
            n0x = n1x, n0y = n1y;
    }
    return o;
}

int tess_strip(const float *pts, int k, float e, float *out)
{
    float *o = out;
    int start = 0;
    for (int i = 0; i <= k; i++) {
        if (i < k && pts[2 * i] == pts[2 * i])
            continue;
        if (i - start >= 2) {
            int joined = o != out;
            float *piece = o + (joined ? 6 : 0);
            float *end = piece_strip(piece, &pts[2 * start], i - start, e);
            if (joined) {
                memcpy(o, o - 3, sizeof(float) * 3);    /* the last vertex again */
                memcpy(o + 3, piece, sizeof(float) * 3); /* the next piece's first */
            }
            o = end;
        }
        start = i + 1;
    }
    return (int)(o - out) / 3;
}
