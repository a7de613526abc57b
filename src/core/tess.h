/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* tess: a trajectory as a triangle strip, in pixels, without GL. The renderer
 * uploads the strip and its fragment shader turns each vertex's signed distance
 * across the line into anti-aliased edges.
 *
 * Invariants: no allocation; the caller owns every buffer and sizes it as each
 * function states. The arithmetic is float (pixels bound for the GPU), with no
 * fused or reordered operations, so the same input gives the same bits. */
#ifndef GS_TESS_H
#define GS_TESS_H

#include "draw.h"

#define TESS_LIMIT 1e6f         /* mapped coordinates are clamped to +-this */
#define TESS_MITER_MIN_COS 0.7f /* sharper joins (turns over ~91 degrees) are bevelled */

/* Vertices tess_strip may write for k points (each x, y, d: 3 floats). */
#define TESS_STRIP_MAX(k) (4 * (k))

/* Thins pixel points pts[0, n) (x, y pairs) in place, with z[0, n) (a value that
 * goes with each point; may be NULL) alongside: a point within half a pixel of
 * where the line is (the last kept point) is dropped, except that the final one is
 * kept unless it lies within 0.01 px; and a path that goes back over its last
 * segment (to within half a pixel of the point before) draws it once, the line
 * going back only when the path leaves from there. Every point stays within half
 * a pixel of the line, and every segment of the line is on the path. Returns how
 * many points are kept (at most n). */
int tess_thin(float *pts, float *z, int n);

/* Maps p[0, n) from the view into the pixel rect {x, y, w, h} and thins them
 * (tess_thin): non-finite points are skipped and coordinates clamped to
 * +-TESS_LIMIT. Writes x, y pairs to out (room for n pairs); returns how many. */
int tess_points(const TrajPoint *p, int n, MapView view, const float rect[4], float *out);

/* The strip of pts[0, k) (x, y pairs) at half width e: per point one pair of edge
 * vertices (the mitre), or two where the turn is sharp (a bevel: the end of one
 * segment, the start of the next). A NaN point separates pieces, which are joined
 * by repeating the last vertex of one and the first of the next (zero-area
 * triangles); pieces of one point draw nothing. Each vertex is x, y and its signed
 * distance +-e. Writes at most TESS_STRIP_MAX(k) vertices to out; returns how
 * many. */
int tess_strip(const float *pts, int k, float e, float *out);

#endif
