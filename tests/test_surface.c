/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Built-in surfaces: each compiles, its gradient agrees with central differences at
 * many points of its view, its minima are stationary and lowest around, and the
 * formulas give the values their definitions say. */
#include "check.h"
#include "surface.h"

#include <stdlib.h>

static void test_gradients_and_minima(void)
{
    srand(7);
    for (int i = 0; i < surface_count(); i++) {
        Surface s;
        CHECK(surface_init_builtin(&s, i) == 0);
        const SurfaceInfo *in = surface_info(i);
        for (int k = 0; k < 400; k++) {
            double x = s.view[0] + (s.view[1] - s.view[0]) * rand() / (double)RAND_MAX;
            double y = s.view[2] + (s.view[3] - s.view[2]) * rand() / (double)RAND_MAX;
            double gx, gy;
            double v = surface_grad(&s, x, y, &gx, &gy);
            CHECK(isfinite(v));
            double h = 1e-6;
            double fx = (surface_value(&s, x + h, y) - surface_value(&s, x - h, y)) / (2 * h);
            double fy = (surface_value(&s, x, y + h) - surface_value(&s, x, y - h)) / (2 * h);
            double scale = 1 + fabs(fx) + fabs(fy);
            CHECK_MSG(fabs(gx - fx) <= 1e-6 * scale && fabs(gy - fy) <= 1e-6 * scale,
                      "%s at (%g, %g): AD (%g, %g), FD (%g, %g)", in->name, x, y, gx, gy, fx, fy);
        }
        for (int m = 0; m < s.n_minima; m++) {
            double gx, gy;
            double v = surface_grad(&s, s.minima[m][0], s.minima[m][1], &gx, &gy);
            CHECK_MSG(fabs(gx) < 1e-9 && fabs(gy) < 1e-9, "%s minimum %d not stationary", in->name, m);
            for (int d = 0; d < 8; d++) {
                double a = d * 3.14159265358979 / 4;
                CHECK(surface_value(&s, s.minima[m][0] + 1e-3 * cos(a), s.minima[m][1] + 1e-3 * sin(a)) > v);
            }
        }
        /* the start point and minima lie in the default view */
        CHECK(s.start[0] > s.view[0] && s.start[0] < s.view[1]);
        CHECK(s.start[1] > s.view[2] && s.start[1] < s.view[3]);
        CHECK(s.steps > 0);
    }
}

static void test_definitions(void)
{
    Surface s;
    CHECK(surface_init_builtin(&s, surface_find("rosenbrock")) == 0);
    CHECK_REL(surface_value(&s, -1.5, 2.0), 6.25 + 100 * 0.0625, 1e-15);
    CHECK(s.n_minima == 1 && s.minima[0][0] == 1.0 && s.minima[0][1] == 1.0);
    surface_set_param(&s, 0, 2.0); /* a = 2: minimum moves to (2, 4) */
    CHECK(s.minima[0][0] == 2.0 && s.minima[0][1] == 4.0);
    CHECK_REL(surface_value(&s, 0, 0), 4.0, 1e-15);

    CHECK(surface_init_builtin(&s, surface_find("quadratic")) == 0);
    CHECK_REL(surface_value(&s, 1.0, 1.0), 0.5 * (1 + 10), 1e-15);
    surface_set_param(&s, 0, 25.0);
    surface_set_param(&s, 1, 30.0);
    double th = 30 * 3.14159265358979323846 / 180;
    double u = 0.3 * cos(th) + -0.7 * sin(th), v = -0.3 * sin(th) + -0.7 * cos(th);
    CHECK_REL(surface_value(&s, 0.3, -0.7), 0.5 * (u * u + 25 * v * v), 1e-14);

    CHECK(surface_init_builtin(&s, surface_find("saddle")) == 0);
    CHECK_REL(surface_value(&s, 2, 3), 4 - 9, 0);
    CHECK(s.n_minima == 0);

    ExprError err;
    CHECK(surface_init_expr(&s, "x^2 + 3*y", &err) == 0);
    CHECK(s.builtin == SURFACE_EXPR);
    CHECK_REL(surface_value(&s, 2, 1), 7, 0);
    CHECK(surface_init_expr(&s, "x^2 +", &err) == -1);
    CHECK(err.column == 6);
    CHECK(surface_find("nope") == -1);
}

/* The field's colour scale: its low end is the lowest value in view (a minimum
 * included even between grid samples), log or linear, never an empty range. */
static void test_color_scale(void)
{
    Surface s;
    SurfaceScale sc;
    CHECK(surface_init_builtin(&s, surface_find("rosenbrock")) == 0);
    CHECK(s.log_color);
    surface_color_scale(&s, s.view, &sc);
    CHECK(sc.fmin == 0.0); /* f(1, 1); no grid sample lies on it */
    CHECK(sc.fmax > 2000.0 && sc.fmax < 2600.0); /* near the corner (-2, -1): 9 + 100 * 25 */
    CHECK(sc.delta == fmax(1e-12, sc.fmax * 1e-5));
    CHECK(sc.lo == log10(sc.delta));
    CHECK(sc.hi == log10(sc.fmax + sc.delta));

    /* a view without the minimum: its lowest sample, near (2, 0) where f = 1601 */
    const double away[4] = {2.0, 3.0, -1.0, 0.0};
    surface_color_scale(&s, away, &sc);
    CHECK_MSG(sc.fmin > 1601.0 && sc.fmin < 1700.0, "fmin %g", sc.fmin);
    double fmin = sc.fmin, fmax = sc.fmax;
    const double flipped[4] = {3.0, 2.0, 0.0, -1.0};
    surface_color_scale(&s, flipped, &sc);
    CHECK_REL(sc.fmin, fmin, 1e-12);
    CHECK_REL(sc.fmax, fmax, 1e-12);
    /* a minimum in a flipped view still counts */
    const double around[4] = {2.0, -2.0, 3.0, -1.0};
    surface_color_scale(&s, around, &sc);
    CHECK(sc.fmin == 0.0);

    /* linear colouring: the ends are the values themselves */
    CHECK(surface_init_builtin(&s, surface_find("quadratic")) == 0);
    CHECK(!s.log_color);
    surface_color_scale(&s, s.view, &sc);
    CHECK(sc.fmin == 0.0 && sc.delta == 0.0);
    CHECK(sc.lo == sc.fmin && sc.hi == sc.fmax && sc.hi > 1.0);

    /* a constant surface still gets a range, linear or log */
    ExprError err;
    CHECK(surface_init_expr(&s, "3 + 0*x*y", &err) == 0);
    s.log_color = 0;
    surface_color_scale(&s, s.view, &sc);
    CHECK(sc.fmin == 3.0 && sc.fmax == 3.0);
    CHECK(sc.lo == 3.0 && sc.hi == 4.0);
    s.log_color = 1;
    surface_color_scale(&s, s.view, &sc);
    CHECK(sc.delta == 1e-12 && sc.lo == log10(1e-12));
    CHECK_REL(sc.hi - sc.lo, 1.0, 1e-12);

    /* no finite value anywhere: the unit range */
    CHECK(surface_init_expr(&s, "sqrt(-1 - x^2 - y^2)", &err) == 0);
    s.log_color = 0;
    surface_color_scale(&s, s.view, &sc);
    CHECK(sc.fmin == 0.0 && sc.fmax == 1.0 && sc.lo == 0.0 && sc.hi == 1.0);
}

int main(void)
{
    test_gradients_and_minima();
    test_definitions();
    test_color_scale();
    return check_done("test_surface");
}
