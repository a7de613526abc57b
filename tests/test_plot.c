/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* plot: the scales and their inverses, ticks, labels, the column reduction (it
 * keeps spikes) and the band of a bundle. */
#include "check.h"
#include "plot.h"
#include "ticks.h"

#include <stdlib.h>

static PlotScale scale_of(double offset, const double *v, int n)
{
    PlotExtent e;
    plot_extent_init(&e, offset);
    for (int i = 0; i < n; i++)
        plot_extent_add(&e, v[i]);
    PlotScale s;
    plot_scale_make(&e, &s);
    return s;
}

static void test_log_scale(void)
{
    /* above a known minimum of -2: 1e-6 above it plots at -6 */
    static const double V[] = {-2.0 + 1e-6, -1.0, 98.0};
    PlotScale s = scale_of(-2.0, V, 3);
    CHECK(s.kind == PLOT_SCALE_LOG);
    CHECK_REL(plot_fwd(&s, -2.0 + 1e-6), -6.0, 1e-9);
    CHECK_REL(plot_fwd(&s, 98.0), 2.0, 1e-12);
    CHECK_REL(plot_inv(&s, plot_fwd(&s, 3.5)), 3.5, 1e-12);
    /* an exact hit sits a decade below the lowest positive difference, finite */
    static const double H[] = {0.0, 3e-6, 5.0};
    PlotScale h = scale_of(0.0, H, 3);
    CHECK(isfinite(plot_fwd(&h, 0.0)));
    CHECK_REL(plot_fwd(&h, 0.0), -7.0, 1e-9);
    CHECK_REL(plot_fwd(&h, -5.0), -7.0, 1e-9); /* below the minimum: floored too */
    CHECK(plot_fwd(&h, 3e-6) > -7.0);
    /* monotonic */
    double prev = -1e300;
    for (double v = -2.0; v < 1e6; v = v * 1.7 + 2.1) {
        double y = plot_fwd(&s, v);
        CHECK(y >= prev);
        prev = y;
    }
    /* the offset: the known minimum, or the lowest loss when it is lower */
    CHECK(plot_offset(PLOT_LOSS, 0.0, 1e-3) == 0.0);
    CHECK(plot_offset(PLOT_LOSS, 0.0, -1e-12) == -1e-12);
    CHECK(isnan(plot_offset(PLOT_LOSS, NAN, 3.0)));
    CHECK(plot_offset(PLOT_LR, NAN, 3.0) == 0.0);
    /* no positive value at all: a finite floor */
    static const double Z[] = {0.0, 0.0};
    PlotScale z = scale_of(0.0, Z, 2);
    CHECK(isfinite(plot_fwd(&z, 0.0)));
}

static void test_symlog(void)
{
    static const double V[] = {-1000.0, -3.0, 0.0, 0.5, 250.0};
    PlotScale s = scale_of(NAN, V, 5);
    CHECK(s.kind == PLOT_SCALE_SYMLOG && s.c > 0);
    CHECK(plot_fwd(&s, 0.0) == 0.0);
    CHECK(plot_fwd(&s, -3.0) < 0 && plot_fwd(&s, 3.0) > 0);
    CHECK_REL(plot_fwd(&s, -3.0), -plot_fwd(&s, 3.0), 0);
    for (int i = 0; i < 5; i++)
        CHECK_REL(plot_inv(&s, plot_fwd(&s, V[i])), V[i], 1e-9);
    double prev = -1e300;
    for (double v = -1e5; v < 1e5; v += 37.3) {
        double y = plot_fwd(&s, v);
        CHECK(y > prev);
        prev = y;
    }
    /* a decade above c is about a unit apart */
    CHECK(fabs(plot_fwd(&s, 1000.0) - plot_fwd(&s, 100.0) - 1.0) < 0.05);
    /* the linear part ends no lower than needed: c at most the smallest magnitude */
    CHECK(s.c <= 0.5);
    CHECK(isfinite(plot_fwd(&s, -1e308)) && isfinite(plot_fwd(&s, NAN)));
}

static int monotonic(const PlotTick *t, int n)
{
    for (int i = 1; i < n; i++)
        if (!(t[i].pos > t[i - 1].pos))
            return 0;
    return 1;
}

static void test_ticks(void)
{
    char buf[32];
    static const struct { double v; const char *s; } F[] = {
        {0, "0"}, {1, "1"}, {0.01, "0.01"}, {100, "100"}, {1e-6, "1e-6"}, {2e5, "2e5"}, {-1000, "-1000"},
        {2.5, "2.5"}, {1e4, "1e4"}, {0.001, "0.001"}, {1.5e-7, "1.5e-7"}, {9.99999e5, "1e6"},
    };
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++) {
        num_format(F[i].v, buf, sizeof buf);
        CHECK_STR(buf, F[i].s);
    }
    PlotTick t[PLOT_MAX_TICKS];
    /* log over 1e-8 .. 1e2: whole decades, at most 6, evenly spaced */
    static const double V[] = {1e-8, 1e2};
    PlotScale s = scale_of(0.0, V, 2);
    int n = plot_ticks_y(&s, -8.0, 2.0, 6, t);
    CHECK(n >= 3 && n <= 6 && monotonic(t, n));
    for (int i = 0; i < n; i++)
        CHECK(t[i].pos == floor(t[i].pos) && (i == 0 || t[i].pos - t[i - 1].pos == t[1].pos - t[0].pos));
    n = plot_ticks_y(&s, -2.0, 2.0, 8, t);
    CHECK(n == 5 && monotonic(t, n));
    CHECK_STR(t[0].label, "0.01");
    CHECK_STR(t[4].label, "100");
    /* less than a decade: 1-2-5 steps inside it */
    n = plot_ticks_y(&s, log10(0.3), log10(0.9), 6, t);
    CHECK(n >= 2 && monotonic(t, n));
    for (int i = 0; i < n; i++)
        CHECK(t[i].pos >= log10(0.3) - 1e-9 && t[i].pos <= log10(0.9) + 1e-9);
    CHECK_STR(t[0].label, "0.4");
    /* symlog across zero: 0 in the middle, decades either side, labels negative below */
    static const double W[] = {-1e4, 1e-3, 1e4};
    PlotScale y = scale_of(NAN, W, 3);
    n = plot_ticks_y(&y, plot_fwd(&y, -1e4), plot_fwd(&y, 1e4), 9, t);
    CHECK(n >= 3 && n <= 9 && monotonic(t, n));
    int zero = -1;
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].label, "0") == 0)
            zero = i;
    CHECK(zero > 0 && zero < n - 1 && t[zero].pos == 0);
    CHECK(t[0].label[0] == '-' && t[n - 1].label[0] != '-');
    /* steps: 0 first, nice numbers, readable labels */
    n = plot_ticks_x(1000000, 6, t);
    CHECK(n >= 3 && n <= 6 && monotonic(t, n) && t[0].pos == 0);
    CHECK_STR(t[n - 1].label, "1M");
    n = plot_ticks_x(300, 7, t);
    CHECK(n >= 3 && t[1].pos == 50);
    CHECK_STR(t[1].label, "50");
    n = plot_ticks_x(0, 5, t);
    CHECK(n >= 1);
}

static void test_reduce(void)
{
    enum { N = 100001 };
    static TrajPoint p[N];
    for (int i = 0; i < N; i++)
        p[i] = (TrajPoint){.loss = 1.0 / (1.0 + i), .gx = 3.0, .gy = 4.0, .lr = 0.01};
    p[54321].loss = 50.0;   /* a spike up */
    p[77777].loss = -40.0;  /* and one down */
    static PlotPoint out[2 * 1000];
    int cols = plot_columns(1000.7, N - 1, 4096);
    CHECK(cols == 1000);
    int n = plot_reduce(p, N, PLOT_LOSS, N - 1, cols, out);
    CHECK(n <= 2 * cols && n >= cols);
    int up = 0, down = 0, ordered = 1;
    for (int i = 0; i < n; i++) {
        up |= out[i].step == 54321 && out[i].v == 50.0;
        down |= out[i].step == 77777 && out[i].v == -40.0;
        ordered &= i == 0 || out[i].step > out[i - 1].step;
        CHECK(out[i].v == p[out[i].step].loss);
    }
    CHECK(up && down && ordered);
    CHECK(out[0].step == 0 && out[n - 1].step == N - 1);
    /* the metric: |grad| = 5, the lr */
    n = plot_reduce(p, N, PLOT_GRAD, N - 1, cols, out);
    CHECK(n == cols && out[0].v == 5.0);
    n = plot_reduce(p, N, PLOT_LR, N - 1, cols, out);
    CHECK(out[n - 1].v == 0.01);
    /* fewer steps than columns: every step, once */
    CHECK(plot_columns(800, 300, 4096) == 301);
    n = plot_reduce(p, 301, PLOT_LOSS, 300, 301, out);
    CHECK(n == 301 && out[300].step == 300);
    /* a trajectory that stops early (diverged) reduces only what it has */
    n = plot_reduce(p, 5000, PLOT_LOSS, N - 1, cols, out);
    CHECK(n > 0 && out[n - 1].step == 4999);
    /* columns: a step's column agrees with the reduction's */
    CHECK(plot_column(0, N - 1, cols) == 0 && plot_column(N - 1, N - 1, cols) == cols - 1);
}

static void test_band(void)
{
    enum { N = 1001, M = 3 };
    static TrajPoint a[M][N];
    for (int j = 0; j < M; j++)
        for (int i = 0; i < N; i++)
            a[j][i] = (TrajPoint){.loss = 1.0 + j + 0.001 * i};
    a[1][500].loss = 99.0;
    const TrajPoint *p[M] = {a[0], a[1], a[2]};
    int n[M] = {N, N, 400}; /* the last member diverged at 400 */
    static PlotPoint lo[N], hi[N];
    int pairs = plot_band(p, n, M, PLOT_LOSS, N - 1, 100, lo, hi);
    CHECK(pairs == 100);
    int spike = 0;
    for (int c = 0; c < pairs; c++) {
        int first = (c * N + 99) / 100, last = ((c + 1) * N + 99) / 100 - 1; /* the column's steps */
        CHECK(lo[c].step == hi[c].step && lo[c].step >= first && lo[c].step <= last);
        CHECK_REL(lo[c].v, 1.0 + 0.001 * first, 1e-12); /* member 0's first step in the column */
        int upper = last < 400 ? 2 : 1;                  /* member 2 ends at 399 */
        if (first <= 500 && 500 <= last)
            spike = hi[c].v == 99.0;
        else if (!(first < 400 && 400 <= last))
            CHECK_REL(hi[c].v, 1.0 + upper + 0.001 * last, 1e-12);
    }
    CHECK(spike);
}

int main(void)
{
    test_log_scale();
    test_symlog();
    test_ticks();
    test_reduce();
    test_band();
    return check_done("test_plot");
}
