/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* test_place: the legend's place among candidates, from weighted marks. */
#include "check.h"
#include "place.h"

int main(void)
{
    /* four corners of a 1000 x 600 map, a 300 x 200 box */
    const float cx[4] = {10, 690, 10, 690}, cy[4] = {10, 10, 390, 390};
    PlaceMark m[4000];
    int n = 0;
    /* a path along the top edge, left to right: both top corners cost */
    for (int i = 0; i < 100; i++)
        m[n++] = (PlaceMark){10 + 9.8f * i, 100, 0, 3};
    double cost;
    int c = place_best(m, n, cx, cy, 4, 300, 200, &cost);
    CHECK(c == 2 && cost == 0); /* bottom left: the first free one */
    /* a head in the bottom left: never, though the top right holds many path points */
    m[n++] = (PlaceMark){150, 500, 9, (float)PLACE_NEVER};
    m[n++] = (PlaceMark){850, 500, 9, (float)PLACE_NEVER};
    c = place_best(m, n, cx, cy, 4, 300, 200, &cost);
    CHECK(c == 0 || c == 1);
    CHECK(cost > 0 && cost < PLACE_NEVER);
    /* a head just outside the box still counts within its radius */
    PlaceMark h = {315, 100, 9, (float)PLACE_NEVER};
    CHECK(place_cost(&h, 1, 10, 10, 300, 200) == PLACE_NEVER);
    h.r = 4;
    CHECK(place_cost(&h, 1, 10, 10, 300, 200) == 0);
    /* ties go to the earlier candidate; a cheaper one only when cheaper by more than a part in 1000 */
    PlaceMark two[2] = {{100, 100, 0, 1000}, {800, 100, 0, 999.5f}};
    CHECK(place_best(two, 2, cx, cy, 2, 300, 200, NULL) == 0);
    two[1].weight = 990;
    CHECK(place_best(two, 2, cx, cy, 2, 300, 200, NULL) == 1);
    /* every place covers a head: the least of them (fewest heads, then fewest points) */
    PlaceMark all[5] = {{100, 100, 0, (float)PLACE_NEVER}, {800, 100, 0, (float)PLACE_NEVER},
                        {100, 500, 0, (float)PLACE_NEVER}, {800, 500, 0, (float)PLACE_NEVER}, {820, 520, 0, 5}};
    c = place_best(all, 5, cx, cy, 4, 300, 200, &cost);
    CHECK(c == 0 && cost == PLACE_NEVER);
    CHECK(place_best(NULL, 0, cx, cy, 4, 300, 200, &cost) == 0 && cost == 0);
    return check_done("test_place");
}
