/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* place: the cheapest place for a box among candidates. */
#include "place.h"

double place_cost(const PlaceMark *m, int n, float x, float y, float w, float h)
{
    double cost = 0;
    for (int i = 0; i < n; i++) {
        float r = m[i].r;
        if (m[i].x >= x - r && m[i].x < x + w + r && m[i].y >= y - r && m[i].y < y + h + r)
            cost += m[i].weight;
    }
    return cost;
}

int place_best(const PlaceMark *m, int n, const float *cx, const float *cy, int nc, float w, float h, double *cost)
{
    int best = 0;
    double low = -1;
    for (int c = 0; c < nc; c++) {
        double k = place_cost(m, n, cx[c], cy[c], w, h);
        if (low < 0 || k < low * 0.999)
            low = k, best = c;
    }
    if (cost)
        *cost = low < 0 ? 0 : low;
    return best;
}
