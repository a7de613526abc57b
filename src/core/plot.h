/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* plot: the loss-vs-step plot's numbers, without drawing: which value of a step is
 * plotted (the metric), the y scale (log above a known minimum, or symlog), its
 * ticks and labels, and the reduction of a long series to at most two points per
 * pixel column (its lowest and highest, in step order), so a million steps draw as
 * a few thousand vertices and a spike is never lost.
 *
 * Invariants: plot_fwd is monotonic (non-decreasing) in v and plot_inv undoes it on
 * its range; every value plot_fwd returns is finite; a reduction keeps each
 * column's exact minimum and maximum with their steps. */
#ifndef GS_PLOT_H
#define GS_PLOT_H

#include <stddef.h>

#include "scene.h"

typedef enum PlotMetric { PLOT_LOSS, PLOT_GRAD, PLOT_LR, PLOT_METRIC_COUNT } PlotMetric;

typedef enum PlotScaleKind {
    PLOT_SCALE_LOG,     /* log10(v - offset), floored at `floor` */
    PLOT_SCALE_SYMLOG,  /* sign(v) log10(1 + |v| / c): linear near 0, log beyond c */
} PlotScaleKind;

typedef struct PlotScale {
    PlotScaleKind kind;
    double offset;  /* log: subtracted first (the surface's minimum, or 0) */
    double floor;   /* log: the smallest plotted difference (> 0) */
    double c;       /* symlog: the linear threshold (> 0) */
} PlotScale;

/* One point of a reduced series: a step and its value. */
typedef struct PlotPoint {
    int step;
    double v;
} PlotPoint;

/* What the data of a plot span, gathered over every series for a given offset:
 * the lowest and highest value, the smallest difference above the offset, the
 * smallest and largest magnitude. */
typedef struct PlotExtent {
    double offset;
    double lo, hi;
    double min_above;   /* smallest v - offset > 0 (+inf: none) */
    double min_abs;     /* smallest |v| > 0 (+inf: none) */
    double max_abs;     /* largest |v| */
    int any;
} PlotExtent;

#define PLOT_MAX_TICKS 16
#define PLOT_LABEL_MAX 16

typedef struct PlotTick {
    double pos;                 /* in plotted (transformed) units, or steps on x */
    char label[PLOT_LABEL_MAX];
} PlotTick;

/* The metric's value at a point: the loss, |grad| or the learning rate. */
double plot_metric(PlotMetric m, const TrajPoint *p);
const char *plot_metric_name(PlotMetric m); /* "loss", "grad", "lr" (--plot) */

/* The lowest known minimum value of the surface (over its minima), or NAN when it
 * knows none. */
double plot_known_min(const Surface *s);

/* The offset a metric is plotted above: for the loss, the surface's known minimum
 * (or the lowest loss seen, if lower: minima are known to a few ulps), NAN when the
 * minimum is unknown (symlog then); 0 for |grad| and lr. */
double plot_offset(PlotMetric m, double known_min, double lowest);

/* The scale for data gathered with offset e->offset: log when it is a number,
 * symlog when NAN. The floor and the symlog threshold follow the data, so an exact
 * hit of the minimum or a zero lr sits a decade below the lowest positive value
 * rather than at -inf, and symlog's linear part spans no more than needed. */
void plot_scale_make(const PlotExtent *e, PlotScale *out);

double plot_fwd(const PlotScale *s, double v);
double plot_inv(const PlotScale *s, double y);

/* Extent: start empty (for an offset, NAN: none), then add values. */
void plot_extent_init(PlotExtent *e, double offset);
void plot_extent_add(PlotExtent *e, double v);

/* Ticks on the plotted range [y0, y1] of a scale, at most `most` (1-2-5 steps or
 * whole decades for log, decades either side of 0 for symlog), labelled in the
 * scale's own values (for log: v - offset). Returns how many (at least 1 when the
 * range holds any). */
int plot_ticks_y(const PlotScale *s, double y0, double y1, int most, PlotTick *out);

/* Ticks on steps [0, hi]: whole numbers in 1-2-5 steps, labels such as 2500, 40k,
 * 1.5M. Returns how many. */
int plot_ticks_x(double hi, int most, PlotTick *out);

/* The column of a step when steps [0, last] are spread over `cols` columns (use
 * plot_columns for cols). */
static inline int plot_column(int step, int last, int cols)
{
    return (int)((long long)step * cols / ((long long)last + 1));
}

/* Columns worth reducing to for a plot `px` pixels wide over steps [0, last]: one
 * per pixel, no more than there are steps, at most `cap`. */
int plot_columns(double px, int last, int cap);

/* Reduces the metric of p[0, n) (p[k] is step k) over steps [0, last] in `cols`
 * columns: per column its lowest and highest value, in step order (one point when
 * they are the same step). Writes at most 2 * cols points; returns how many. */
int plot_reduce(const TrajPoint *p, int n, PlotMetric m, int last, int cols, PlotPoint *out);

/* A band over several series (series j: p[j], n[j] points): per column the lowest
 * and highest value over every series, at the column's middle step. Writes one
 * (lo, hi) pair per column that holds a point; returns the number of pairs. */
int plot_band(const TrajPoint *const *p, const int *n, int series, PlotMetric m, int last, int cols, PlotPoint *lo,
              PlotPoint *hi);

#endif
