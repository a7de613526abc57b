/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* plot: metrics, scales, ticks and the column reduction of the loss plot. */
#include "plot.h"
#include "ticks.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TINY 1e-300

double plot_metric(PlotMetric m, const TrajPoint *p)
{
    switch (m) {
    case PLOT_GRAD: {
        double q = p->gx * p->gx + p->gy * p->gy;
        return isfinite(q) ? sqrt(q) : hypot(p->gx, p->gy);
    }
    case PLOT_LR: return p->lr;
    case PLOT_LOSS:
    case PLOT_METRIC_COUNT: break;
    }
    return p->loss;
}

const char *plot_metric_name(PlotMetric m)
{
    static const char *const NAMES[] = {[PLOT_LOSS] = "loss", [PLOT_GRAD] = "grad", [PLOT_LR] = "lr"};
    return m >= 0 && m < PLOT_METRIC_COUNT ? NAMES[m] : "loss";
}

double plot_known_min(const Surface *s)
{
    double best = NAN;
    for (int i = 0; i < s->n_minima; i++) {
        double v = surface_value(s, s->minima[i][0], s->minima[i][1]);
        if (isfinite(v) && !(v >= best))
            best = v;
    }
    return best;
}

double plot_offset(PlotMetric m, double known_min, double lowest)
{
    if (m != PLOT_LOSS)
        return 0.0;
    if (isnan(known_min))
        return NAN;
    return isfinite(lowest) && lowest < known_min ? lowest : known_min;
}

/* The power of ten at or below v > 0. */
static double decade_below(double v) { return pow(10.0, floor(log10(v))); }

void plot_scale_make(const PlotExtent *e, PlotScale *out)
{
    memset(out, 0, sizeof *out);
    if (isnan(e->offset)) {
        out->kind = PLOT_SCALE_SYMLOG;
        /* linear below the smallest magnitude seen, but never more than 6 decades
         * under the largest (so a curve that reaches 0 still shows its descent) */
        double c = e->max_abs > 0 && isfinite(e->max_abs) ? decade_below(e->max_abs) * 1e-6 : 1.0;
        if (isfinite(e->min_abs) && e->min_abs > c)
            c = decade_below(e->min_abs);
        out->c = c > TINY ? c : TINY;
        return;
    }
    out->kind = PLOT_SCALE_LOG;
    out->offset = e->offset;
    out->floor = isfinite(e->min_above) ? fmax(decade_below(e->min_above) * 0.1, TINY) : 1.0;
}

double plot_fwd(const PlotScale *s, double v)
{
    if (s->kind == PLOT_SCALE_SYMLOG) {
        if (isnan(v))
            return 0.0;
        double a = log10(1.0 + fabs(v) / s->c);
        a = isfinite(a) ? a : 400.0;
        return v < 0 ? -a : a;
    }
    double d = v - s->offset;
    if (!(d > s->floor)) /* below the floor, or NAN */
        d = s->floor;
    double y = log10(d);
    return isfinite(y) ? y : 400.0;
}

double plot_inv(const PlotScale *s, double y)
{
    if (s->kind == PLOT_SCALE_SYMLOG) {
        double a = s->c * (pow(10.0, fabs(y)) - 1.0);
        return y < 0 ? -a : a;
    }
    return pow(10.0, y) + s->offset;
}

void plot_extent_init(PlotExtent *e, double offset)
{
    memset(e, 0, sizeof *e);
    e->offset = offset;
    e->lo = INFINITY, e->hi = -INFINITY;
    e->min_above = e->min_abs = INFINITY;
}

void plot_extent_add(PlotExtent *e, double v)
{
    if (!isfinite(v))
        return;
    e->any = 1;
    e->lo = fmin(e->lo, v), e->hi = fmax(e->hi, v);
    double a = fabs(v);
    if (a > 0)
        e->min_abs = fmin(e->min_abs, a);
    e->max_abs = fmax(e->max_abs, a);
    if (!isnan(e->offset)) {
        double d = v - e->offset;
        if (d > 0)
            e->min_above = fmin(e->min_above, d);
    }
}

/* ---- ticks and labels -------------------------------------------------------- */

/* Ticks at multiples of a nice step in value space [lo, hi], positioned through
 * the scale (a log scale takes only values above its offset). */
static int linear_ticks(const PlotScale *s, double lo, double hi, int most, PlotTick *out)
{
    if (!(hi > lo))
        return 0;
    double step = ticks_step(lo, hi, most);
    int n = 0;
    for (double k = ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9 && n < most && n < PLOT_MAX_TICKS; k++) {
        double v = k * step;
        if (fabs(v) < step * 1e-9)
            v = 0;
        if (s && s->kind == PLOT_SCALE_LOG && !(v > 0))
            continue;
        out[n].pos = s ? plot_fwd(s, s->kind == PLOT_SCALE_LOG ? v + s->offset : v) : v;
        num_format(v, out[n].label, sizeof out[n].label);
        n++;
    }
    return n;
}

/* Whole decades k*step in [a, b] (exponents), as 10^k (sign: -1 for negatives). */
static int decade_step(double span, int most)
{
    static const int STEPS[] = {1, 2, 5, 10, 20, 50, 100, 200};
    for (int i = 0; i < 8; i++)
        if (span / STEPS[i] + 1 <= most)
            return STEPS[i];
    return 500;
}

int plot_ticks_y(const PlotScale *s, double y0, double y1, int most, PlotTick *out)
{
    if (most > PLOT_MAX_TICKS)
        most = PLOT_MAX_TICKS;
    if (y1 < y0) {
        double t = y0;
        y0 = y1, y1 = t;
    }
    int n = 0;
    if (s->kind == PLOT_SCALE_LOG) {
        if (y1 - y0 >= 1.5) {
            int step = decade_step(y1 - y0, most);
            for (double k = ceil(y0 / step) * step; k <= y1 + 1e-9 && n < most; k += step) {
                out[n].pos = k;
                num_format(pow(10.0, k), out[n].label, sizeof out[n].label);
                n++;
            }
            return n;
        }
        return linear_ticks(s, pow(10.0, y0), pow(10.0, y1), most, out);
    }
    /* symlog: 0 and the decades at and above c on either side, from each side's
     * largest, thinned alike; then none closer than a fraction of the range */
    double k0 = ceil(log10(s->c));
    double kneg = y0 < 0 ? floor(log10(-plot_inv(s, y0))) : k0 - 1;
    double kpos = y1 > 0 ? floor(log10(plot_inv(s, y1))) : k0 - 1;
    double decades = fmax(kneg - k0 + 1, 0) + fmax(kpos - k0 + 1, 0);
    if (decades < 2) /* no two decades on screen: plain steps */
        return linear_ticks(s, plot_inv(s, y0), plot_inv(s, y1), most, out);
    int step = decade_step(decades - 1, most > 2 ? most - 1 : 1);
    PlotTick cand[2 * PLOT_MAX_TICKS + 1];
    int nc = 0;
    if (y0 <= 0 && y1 >= 0) {
        cand[nc].pos = 0;
        snprintf(cand[nc++].label, sizeof cand[0].label, "0");
    }
    for (int sign = -1; sign <= 1; sign += 2)
        for (double k = sign < 0 ? kneg : kpos; k >= k0 && nc < 2 * PLOT_MAX_TICKS + 1; k -= step) {
            double v = sign * pow(10.0, k), y = plot_fwd(s, v);
            if (y < y0 - 1e-9 || y > y1 + 1e-9)
                continue;
            cand[nc].pos = y;
            num_format(v, cand[nc++].label, sizeof cand[0].label);
        }
    double gap = (y1 - y0) / (2.0 * most);
    for (int i = 0; i < nc && n < most; i++) {
        int clear = 1;
        for (int j = 0; j < n; j++)
            clear &= fabs(out[j].pos - cand[i].pos) >= gap;
        if (clear)
            out[n++] = cand[i];
    }
    /* in increasing order */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && out[j].pos < out[j - 1].pos; j--) {
            PlotTick t = out[j];
            out[j] = out[j - 1], out[j - 1] = t;
        }
    return n;
}

int plot_ticks_x(double hi, int most, PlotTick *out)
{
    if (most > PLOT_MAX_TICKS)
        most = PLOT_MAX_TICKS;
    if (!(hi > 0))
        hi = 1;
    double step = ticks_step(0, hi, most);
    if (step < 1)
        step = 1;
    int n = 0;
    for (double k = 0; k * step <= hi + 1e-9 && n < most; k++) {
        double v = k * step;
        out[n].pos = v;
        if (v >= 1e6)
            snprintf(out[n].label, sizeof out[n].label, "%gM", v / 1e6);
        else if (v >= 1e4)
            snprintf(out[n].label, sizeof out[n].label, "%gk", v / 1e3);
        else
            snprintf(out[n].label, sizeof out[n].label, "%.0f", v);
        n++;
    }
    return n;
}

/* ---- reduction ------------------------------------------------------------------ */

int plot_columns(double px, int last, int cap)
{
    int c = (int)px;
    if (c > last + 1)
        c = last + 1;
    if (c > cap)
        c = cap;
    return c < 1 ? 1 : c;
}

int plot_reduce(const TrajPoint *p, int n, PlotMetric m, int last, int cols, PlotPoint *out)
{
    if (n > last + 1)
        n = last + 1;
    int k = 0, out_n = 0;
    while (k < n) {
        int c = plot_column(k, last, cols);
        /* the column's steps: [k, end) */
        long long next = ((long long)(c + 1) * ((long long)last + 1) + cols - 1) / cols;
        int end = next < n ? (int)next : n;
        if (end <= k)
            end = k + 1;
        int kmin = k, kmax = k;
        double vmin = plot_metric(m, &p[k]), vmax = vmin;
        for (int i = k + 1; i < end; i++) {
            double v = plot_metric(m, &p[i]);
            if (v < vmin)
                vmin = v, kmin = i;
            if (v > vmax)
                vmax = v, kmax = i;
        }
        if (kmin == kmax) {
            out[out_n++] = (PlotPoint){kmin, vmin};
        } else if (kmin < kmax) {
            out[out_n++] = (PlotPoint){kmin, vmin};
            out[out_n++] = (PlotPoint){kmax, vmax};
        } else {
            out[out_n++] = (PlotPoint){kmax, vmax};
            out[out_n++] = (PlotPoint){kmin, vmin};
        }
        k = end;
    }
    return out_n;
}

int plot_band(const TrajPoint *const *p, const int *n, int series, PlotMetric m, int last, int cols, PlotPoint *lo,
              PlotPoint *hi)
{
    int pairs = 0;
    for (int c = 0; c < cols; c++) {
        int a = (int)(((long long)c * ((long long)last + 1) + cols - 1) / cols);
        int b = (int)(((long long)(c + 1) * ((long long)last + 1) + cols - 1) / cols); /* [a, b) */
        double vlo = INFINITY, vhi = -INFINITY;
        for (int j = 0; j < series; j++) {
            int end = b < n[j] ? b : n[j];
            for (int i = a; i < end; i++) {
                double v = plot_metric(m, &p[j][i]);
                vlo = fmin(vlo, v), vhi = fmax(vhi, v);
            }
        }
        if (vlo > vhi)
            continue;
        int mid = a + (b - 1 - a) / 2;
        lo[pairs] = (PlotPoint){mid, vlo};
        hi[pairs] = (PlotPoint){mid, vhi};
        pairs++;
    }
    return pairs;
}
