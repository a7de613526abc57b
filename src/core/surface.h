/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* surface: the named loss surfaces. Each is defined once, as an expression with
 * named parameters, plus a default view, start point, step count, the known minima
 * (a function of the parameters) and the default runs that make its scene tell a
 * story. A user's own formula is a Surface too, with generic defaults.
 *
 * Invariant: Surface.expr is always bound to Surface.param (surface_set_param keeps
 * them in step). */
#ifndef GS_SURFACE_H
#define GS_SURFACE_H

#include "expr.h"

#define SURFACE_MAX_MINIMA 8
#define SURFACE_MAX_DEFAULT_RUNS 4
#define SURFACE_EXPR (-1)

typedef struct SurfaceParamInfo {
    const char *name;
    double def, lo, hi; /* default and valid (and slider) range */
} SurfaceParamInfo;

typedef struct SurfaceInfo {
    const char *name;     /* CLI name: "rosenbrock" */
    const char *title;    /* "Rosenbrock"; a descriptive one ("Quadratic bowl") is N_():
                           * show _(title) */
    const char *formula;  /* the defining expression */
    const char *display;  /* the formula as shown to people (some N_(): read it through
                           * surface_display, which translates) */
    int n_params;
    SurfaceParamInfo param[EXPR_MAX_PARAMS];
    double view[4];       /* xmin, xmax, ymin, ymax */
    double start[2];
    int steps;
    int log_color;        /* colour the field by log(f - fmin) */
    const char *runs[SURFACE_MAX_DEFAULT_RUNS]; /* default --opt specs */
    /* writes the global minima for these parameters; returns how many */
    int (*minima)(const double *param, double out[][2]);
} SurfaceInfo;

typedef struct Surface {
    int builtin;          /* index into the catalogue, or SURFACE_EXPR */
    char name[32];
    Expr expr;
    double param[EXPR_MAX_PARAMS];
    double view[4];
    double start[2];
    int steps;
    int log_color;
    int n_minima;
    double minima[SURFACE_MAX_MINIMA][2];
} Surface;

int surface_count(void);
const SurfaceInfo *surface_info(int index);
int surface_find(const char *name); /* index or -1 */

/* Builds a built-in surface with its default parameters. Returns 0 or -1. */
int surface_init_builtin(Surface *s, int index);

/* Builds a surface from a user's formula in x and y. Returns 0, or -1 with err. */
int surface_init_expr(Surface *s, const char *formula, ExprError *err);

/* Sets parameter i (of a built-in) and rebinds the expression and minima. */
void surface_set_param(Surface *s, int i, double value);

/* The formula as shown to people, in the language in use. */
const char *surface_display(const Surface *s);

/* Appends the surface as the command line spells it: "rosenbrock:a=1,b=100" with
 * every parameter (numbers that read back exactly), or "expr:FORMULA". */
struct Text;
void surface_write_spec(const Surface *s, struct Text *t);

#define SURFACE_SCALE_GRID 128 /* samples per side for the colour scale */

/* The field's colour scale over a view. */
typedef struct SurfaceScale {
    double fmin, fmax; /* the lowest and highest finite values seen (0, 1 if none) */
    double delta;      /* log colouring: f maps to log10(f - fmin + delta); else 0 */
    double lo, hi;     /* the scale's ends (in log10 units when log colouring), hi > lo */
} SurfaceScale;

/* Samples the surface at the centres of a SURFACE_SCALE_GRID square grid over view
 * (xmin, xmax, ymin, ymax, either way round) and at its known minima in view, so a
 * minimum gets the scale's low end. */
void surface_color_scale(const Surface *s, const double view[4], SurfaceScale *out);

static inline double surface_value(const Surface *s, double x, double y)
{
    return expr_eval(&s->expr, x, y);
}

static inline double surface_grad(const Surface *s, double x, double y, double *gx, double *gy)
{
    return expr_eval_grad(&s->expr, x, y, gx, gy);
}

#endif
