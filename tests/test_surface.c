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

int main(void)
{
    test_gradients_and_minima();
    test_definitions();
    return check_done("test_surface");
}
