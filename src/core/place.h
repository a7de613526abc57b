/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* place: where a box (the legend) goes so that it hides least of what is drawn.
 * What must stay visible is a set of weighted marks, points with a radius: path
 * points weighted so that each run counts alike, minima a little more, and the
 * heads and the start PLACE_NEVER, more than any count of path points. A box
 * costs the sum of the weights of the marks it touches; of the candidate places,
 * the cheapest wins, the first among equals.
 *
 * Invariant: a place that touches a PLACE_NEVER mark is chosen only when every
 * candidate touches one. */
#ifndef GS_PLACE_H
#define GS_PLACE_H

#define PLACE_NEVER 1e6

typedef struct PlaceMark {
    float x, y;       /* pixels */
    float r;          /* touched when the box comes within r */
    float weight;
} PlaceMark;

/* The cost of a box at (x, y), w x h. */
double place_cost(const PlaceMark *m, int n, float x, float y, float w, float h);

/* The index of the cheapest of nc candidate places (cx[i], cy[i]) for a w x h
 * box (ties, to a part in 1000, go to the earlier), its cost in *cost. */
int place_best(const PlaceMark *m, int n, const float *cx, const float *cy, int nc, float w, float h, double *cost);

#endif
