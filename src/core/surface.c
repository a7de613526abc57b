/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* surface: the catalogue of built-in surfaces, and the colour scale of a view. */
#include "surface.h"
#include "lang.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int minima_origin(const double *param, double out[][2])
{
    (void)param;
    out[0][0] = 0.0, out[0][1] = 0.0;
    return 1;
}

static int minima_rosenbrock(const double *param, double out[][2])
{
    out[0][0] = param[0], out[0][1] = param[0] * param[0];
    return 1;
}

static int minima_none(const double *param, double out[][2])
{
    (void)param, (void)out;
    return 0;
}

static int minima_himmelblau(const double *param, double out[][2])
{
    (void)param;
    static const double M[4][2] = {{3.0, 2.0},
                                   {-2.805118086952745, 3.131312518250573},
                                   {-3.779310253377747, -3.2831859912861696},
                                   {3.5844283403304917, -1.8481265269644034}};
    memcpy(out, M, sizeof M);
    return 4;
}

static int minima_beale(const double *param, double out[][2])
{
    (void)param;
    out[0][0] = 3.0, out[0][1] = 0.5;
    return 1;
}

static int minima_booth(const double *param, double out[][2])
{
    (void)param;
    out[0][0] = 1.0, out[0][1] = 3.0;
    return 1;
}

static int minima_goldstein(const double *param, double out[][2])
{
    (void)param;
    out[0][0] = 0.0, out[0][1] = -1.0;
    return 1;
}

static int minima_styblinski(const double *param, double out[][2])
{
    (void)param;
    out[0][0] = out[0][1] = -2.903534027771177;
    return 1;
}

static int minima_camel(const double *param, double out[][2])
{
    (void)param;
    out[0][0] = 0.08984201310031807, out[0][1] = -0.7126564030207396;
    out[1][0] = -0.08984201310031807, out[1][1] = 0.7126564030207396;
    return 2;
}

#define QUAD_U "(x*cos(angle*pi/180) + y*sin(angle*pi/180))"
#define QUAD_V "(y*cos(angle*pi/180) - x*sin(angle*pi/180))"

static const SurfaceInfo SURFACES[] = {
    {
        .name = "rosenbrock",
        .title = "Rosenbrock",
        .formula = "(a - x)^2 + b*(y - x^2)^2",
        .display = "(a \xe2\x88\x92 x)\xc2\xb2 + b\xc2\xb7(y \xe2\x88\x92 x\xc2\xb2)\xc2\xb2",
        .n_params = 2,
        .param = {{"a", 1.0, -3.0, 3.0}, {"b", 100.0, 0.0, 1000.0}},
        .view = {-2.0, 2.0, -1.0, 3.0},
        .start = {-1.5, 2.5},
        .steps = 2000,
        .log_color = 1,
        .runs = {"sgd:lr=2e-4", "momentum:lr=2e-4,momentum=0.9", "rmsprop:lr=5e-3",
                 "adam:lr=0.05"},
        .minima = minima_rosenbrock,
    },
    {
        .name = "quadratic",
        /* TRANSLATORS: a surface's name; the proper names (Rosenbrock ...) stay as they are */
        .title = N_("Quadratic bowl"),
        .formula = "0.5*(" QUAD_U "^2 + kappa*" QUAD_V "^2)",
        /* TRANSLATORS: a formula shown above the map: translate only "rotated by" */
        .display = N_("\xc2\xbd(u\xc2\xb2 + \xce\xba v\xc2\xb2), (u,v) = (x,y) rotated by \xce\xb8"),
        .n_params = 2,
        .param = {{"kappa", 10.0, 0.01, 100.0}, {"angle", 0.0, -180.0, 180.0}},
        .view = {-3.0, 3.0, -2.0, 2.0},
        .start = {-2.5, 1.5},
        .steps = 200,
        .log_color = 0,
        .runs = {"sgd:lr=0.18", "momentum:lr=0.03,momentum=0.8", "rmsprop:lr=0.05",
                 "adam:lr=0.2"},
        .minima = minima_origin,
    },
    {
        .name = "saddle",
        .title = N_("Saddle"),
        .formula = "x^2 - y^2",
        .display = "x\xc2\xb2 \xe2\x88\x92 y\xc2\xb2",
        .n_params = 0,
        .view = {-2.0, 2.0, -2.0, 2.0},
        .start = {1.8, 0.02},
        .steps = 150,
        .log_color = 0,
        .runs = {"sgd:lr=0.02", "momentum:lr=0.01,momentum=0.9", "rmsprop:lr=0.02",
                 "adam:lr=0.02"},
        .minima = minima_none,
    },
    {
        .name = "himmelblau",
        .title = "Himmelblau",
        .formula = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        .display = "(x\xc2\xb2 + y \xe2\x88\x92 11)\xc2\xb2 + (x + y\xc2\xb2 \xe2\x88\x92 7)\xc2\xb2",
        .n_params = 0,
        .view = {-5.0, 5.0, -5.0, 5.0},
        .start = {-0.27, -0.92},
        .steps = 300,
        .log_color = 1,
        .runs = {"sgd:lr=0.01", "momentum:lr=0.002,momentum=0.9", "rmsprop:lr=0.05",
                 "adam:lr=0.1"},
        .minima = minima_himmelblau,
    },
    {
        .name = "rastrigin",
        .title = "Rastrigin",
        .formula = "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
        .display = "20 + x\xc2\xb2 \xe2\x88\x92 10 cos 2\xcf\x80x + y\xc2\xb2 \xe2\x88\x92 10 cos 2\xcf\x80y",
        .view = {-5.12, 5.12, -5.12, 5.12},
        .start = {-3.3, 2.6},
        .steps = 400,
        .log_color = 0,
        .runs = {"sgd:lr=0.002", "momentum:lr=0.01,momentum=0.9", "rmsprop:lr=0.1", "adam:lr=0.8"},
        .minima = minima_origin,
    },
    {
        .name = "ackley",
        .title = "Ackley",
        .formula = "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
        .display = "\xe2\x88\x92" "20 e^(\xe2\x88\x92" "0.2\xe2\x88\x9a(\xc2\xbd(x\xc2\xb2+y\xc2\xb2))) \xe2\x88\x92 e^(\xc2\xbd(cos 2\xcf\x80x + cos 2\xcf\x80y)) + e + 20",
        .view = {-4.0, 4.0, -4.0, 4.0},
        .start = {-3.1, 2.2},
        .steps = 400,
        .log_color = 0,
        .runs = {"sgd:lr=0.05", "momentum:lr=0.05,momentum=0.9", "rmsprop:lr=0.05", "adam:lr=0.5"},
        .minima = minima_origin,
    },
    {
        .name = "beale",
        .title = "Beale",
        .formula = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        .display = "(1.5 \xe2\x88\x92 x + xy)\xc2\xb2 + (2.25 \xe2\x88\x92 x + xy\xc2\xb2)\xc2\xb2 + (2.625 \xe2\x88\x92 x + xy\xc2\xb3)\xc2\xb2",
        .view = {-4.5, 4.5, -4.5, 4.5},
        .start = {1.0, 1.4},
        .steps = 1000,
        .log_color = 1,
        .runs = {"sgd:lr=0.005", "momentum:lr=0.001,momentum=0.9", "rmsprop:lr=0.01", "adam:lr=0.05"},
        .minima = minima_beale,
    },
    {
        .name = "booth",
        .title = "Booth",
        .formula = "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
        .display = "(x + 2y \xe2\x88\x92 7)\xc2\xb2 + (2x + y \xe2\x88\x92 5)\xc2\xb2",
        .view = {-10.0, 10.0, -10.0, 10.0},
        .start = {-8.0, 6.0},
        .steps = 200,
        .log_color = 1,
        .runs = {"sgd:lr=0.1", "momentum:lr=0.01,momentum=0.9", "rmsprop:lr=0.3", "adam:lr=0.5"},
        .minima = minima_booth,
    },
    {
        .name = "matyas",
        .title = "Matyas",
        .formula = "0.26*(x^2 + y^2) - 0.48*x*y",
        .display = "0.26(x\xc2\xb2 + y\xc2\xb2) \xe2\x88\x92 0.48xy",
        .view = {-10.0, 10.0, -10.0, 10.0},
        .start = {-8.0, 4.0},
        .steps = 400,
        .log_color = 1,
        .runs = {"sgd:lr=0.5", "momentum:lr=0.2,momentum=0.9", "rmsprop:lr=0.1", "adam:lr=0.5"},
        .minima = minima_origin,
    },
    {
        .name = "goldstein-price",
        .title = "Goldstein\xe2\x80\x93Price",
        .formula = "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
                   "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
        /* TRANSLATORS: a formula shown above the map, cut short: translate only "see"
         * (--list is the option that prints it whole) */
        .display = N_("[1 + (x+y+1)\xc2\xb2(\xe2\x80\xa6)]\xc2\xb7[30 + (2x\xe2\x88\x92" "3y)\xc2\xb2(\xe2\x80\xa6)]  (see --list)"),
        .view = {-2.0, 2.0, -2.0, 2.0},
        .start = {-1.2, 1.1},
        .steps = 500,
        .log_color = 1,
        .runs = {"sgd:lr=3e-6", "momentum:lr=1e-6,momentum=0.9", "rmsprop:lr=0.005", "adam:lr=0.05"},
        .minima = minima_goldstein,
    },
    {
        .name = "styblinski-tang",
        .title = "Styblinski\xe2\x80\x93Tang",
        .formula = "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)",
        .display = "\xc2\xbd(x\xe2\x81\xb4 \xe2\x88\x92 16x\xc2\xb2 + 5x + y\xe2\x81\xb4 \xe2\x88\x92 16y\xc2\xb2 + 5y)",
        .view = {-5.0, 5.0, -5.0, 5.0},
        .start = {0.1, 4.7},
        .steps = 300,
        .log_color = 1,
        .runs = {"sgd:lr=0.005", "momentum:lr=0.005,momentum=0.9", "rmsprop:lr=0.05", "adam:lr=0.5"},
        .minima = minima_styblinski,
    },
    {
        .name = "six-hump-camel",
        .title = N_("Six-hump camel"),
        .formula = "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
        .display = "(4 \xe2\x88\x92 2.1x\xc2\xb2 + x\xe2\x81\xb4/3)x\xc2\xb2 + xy + (4y\xc2\xb2 \xe2\x88\x92 4)y\xc2\xb2",
        .view = {-2.2, 2.2, -1.3, 1.3},
        .start = {-1.9, -0.9},
        .steps = 300,
        .log_color = 1,
        .runs = {"sgd:lr=0.01", "momentum:lr=0.004,momentum=0.9", "rmsprop:lr=0.02", "adam:lr=0.05"},
        .minima = minima_camel,
    },
    {
        .name = "monkey-saddle",
        .title = N_("Monkey saddle"),
        .formula = "x^3 - 3*x*y^2",
        .display = "x\xc2\xb3 \xe2\x88\x92 3xy\xc2\xb2",
        .view = {-2.0, 2.0, -2.0, 2.0},
        .start = {-0.2, 0.3},
        .steps = 60,
        .log_color = 0,
        .runs = {"sgd:lr=0.05", "momentum:lr=0.02,momentum=0.9", "rmsprop:lr=0.02", "adam:lr=0.05"},
        .minima = minima_none,
    },
    {
        .name = "valley",
        .title = N_("Winding valley"),
        .formula = "0.05*x^2 + 4*(y - sin(x))^2",
        .display = "0.05x\xc2\xb2 + 4(y \xe2\x88\x92 sin x)\xc2\xb2",
        .view = {-6.0, 6.0, -3.0, 3.0},
        .start = {-5.0, 1.5},
        .steps = 600,
        .log_color = 1,
        .runs = {"sgd:lr=0.1", "momentum:lr=0.02,momentum=0.9", "rmsprop:lr=0.02", "adam:lr=0.1"},
        .minima = minima_origin,
    },
};
#define N_SURFACES ((int)(sizeof SURFACES / sizeof SURFACES[0]))

int surface_count(void) { return N_SURFACES; }
const SurfaceInfo *surface_info(int index) { return &SURFACES[index]; }

int surface_find(const char *name)
{
    for (int i = 0; i < N_SURFACES; i++)
        if (strcmp(SURFACES[i].name, name) == 0)
            return i;
    return -1;
}

static void rebind(Surface *s)
{
    expr_bind(&s->expr, s->param);
    s->n_minima = s->builtin >= 0 ? SURFACES[s->builtin].minima(s->param, s->minima) : 0;
}

int surface_init_builtin(Surface *s, int index)
{
    if (index < 0 || index >= N_SURFACES)
        return -1;
    const SurfaceInfo *in = &SURFACES[index];
    memset(s, 0, sizeof *s);
    const char *names[EXPR_MAX_PARAMS];
    for (int i = 0; i < in->n_params; i++) {
        names[i] = in->param[i].name;
        s->param[i] = in->param[i].def;
    }
    ExprError err;
    if (expr_compile(in->formula, names, in->n_params, &s->expr, &err) != 0)
        return -1; /* a bug in the catalogue; tests compile every entry */
    s->builtin = index;
    snprintf(s->name, sizeof s->name, "%s", in->name);
    memcpy(s->view, in->view, sizeof s->view);
    memcpy(s->start, in->start, sizeof s->start);
    s->steps = in->steps;
    s->log_color = in->log_color;
    rebind(s);
    return 0;
}

int surface_init_expr(Surface *s, const char *formula, ExprError *err)
{
    Surface t;
    memset(&t, 0, sizeof t);
    if (expr_compile(formula, NULL, 0, &t.expr, err) != 0)
        return -1;
    t.builtin = SURFACE_EXPR;
    snprintf(t.name, sizeof t.name, "expr");
    t.view[0] = -3.0, t.view[1] = 3.0, t.view[2] = -3.0, t.view[3] = 3.0;
    t.start[0] = -2.0, t.start[1] = 2.0;
    t.steps = 500;
    t.log_color = 1;
    rebind(&t);
    *s = t;
    return 0;
}

void surface_set_param(Surface *s, int i, double value)
{
    if (i < 0 || i >= s->expr.n_params)
        return;
    s->param[i] = value;
    rebind(s);
}

const char *surface_display(const Surface *s)
{
    return s->builtin >= 0 ? _(SURFACES[s->builtin].display) : s->expr.source;
}

void surface_color_scale(const Surface *s, const double view[4], SurfaceScale *out)
{
    const double x0 = view[0], x1 = view[1], y0 = view[2], y1 = view[3];
    double lo_f = INFINITY, hi_f = -INFINITY;
    for (int j = 0; j < SURFACE_SCALE_GRID; j++) {
        double y = y0 + (j + 0.5) / SURFACE_SCALE_GRID * (y1 - y0);
        for (int i = 0; i < SURFACE_SCALE_GRID; i++) {
            double f = surface_value(s, x0 + (i + 0.5) / SURFACE_SCALE_GRID * (x1 - x0), y);
            if (isfinite(f))
                lo_f = f < lo_f ? f : lo_f, hi_f = f > hi_f ? f : hi_f;
        }
    }
    double lx = fmin(x0, x1), hx = fmax(x0, x1), ly = fmin(y0, y1), hy = fmax(y0, y1);
    for (int k = 0; k < s->n_minima; k++) {
        double mx = s->minima[k][0], my = s->minima[k][1];
        if (mx < lx || mx > hx || my < ly || my > hy)
            continue;
        double f = surface_value(s, mx, my);
        if (isfinite(f))
            lo_f = f < lo_f ? f : lo_f, hi_f = f > hi_f ? f : hi_f;
    }
    if (!(lo_f <= hi_f))
        lo_f = 0.0, hi_f = 1.0;
    double delta = 0.0, lo, hi;
    if (s->log_color) {
        double span = hi_f - lo_f;
        delta = fmax(1e-12, span * 1e-5);
        lo = log10(delta);
        hi = log10(span + delta);
    } else {
        lo = lo_f, hi = hi_f;
    }
    if (!(hi - lo > 1e-9 * fmax(1.0, fabs(hi))))
        hi = lo + fmax(1.0, fabs(lo) * 1e-6);
    *out = (SurfaceScale){.fmin = lo_f, .fmax = hi_f, .delta = delta, .lo = lo, .hi = hi};
}

void surface_write_spec(const Surface *s, Text *t)
{
    if (s->builtin < 0) {
        text_add(t, "expr:%s", s->expr.source);
        return;
    }
    const SurfaceInfo *in = surface_info(s->builtin);
    text_add(t, "%s", in->name);
    for (int i = 0; i < in->n_params; i++)
        text_add(t, "%s%s=%s", i ? "," : ":", in->param[i].name, text_num(s->param[i]).s);
}
