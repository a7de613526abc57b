/* surface: the catalogue of built-in surfaces. */
#include "surface.h"

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
        .title = "Quadratic bowl",
        .formula = "0.5*(" QUAD_U "^2 + kappa*" QUAD_V "^2)",
        .display = "\xc2\xbd(u\xc2\xb2 + \xce\xba v\xc2\xb2), (u,v) = (x,y) rotated by \xce\xb8",
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
        .title = "Saddle",
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
        .start = {-0.5, -0.2},
        .steps = 300,
        .log_color = 1,
        .runs = {"sgd:lr=0.005", "momentum:lr=0.002,momentum=0.9", "rmsprop:lr=0.05",
                 "adam:lr=0.1"},
        .minima = minima_himmelblau,
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
    return s->builtin >= 0 ? SURFACES[s->builtin].display : s->expr.source;
}
