/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* ticks: axis ticks and the on-screen number format. */
#include "ticks.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Drops the exponent's '+' and leading zeros: "1.5e-05" -> "1.5e-5", "2e+06" -> "2e6". */
static void short_exponent(char *s)
{
    char *e = strchr(s, 'e');
    if (!e)
        return;
    char *src = e + 1, *dst = e + 1;
    if (*src == '+')
        src++;
    else if (*src == '-')
        *dst++ = *src++;
    while (*src == '0' && src[1])
        src++;
    memmove(dst, src, strlen(src) + 1);
}

void num_format(double v, char *out, size_t cap)
{
    if (cap == 0)
        return;
    if (isnan(v)) {
        snprintf(out, cap, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(out, cap, "%s", v < 0 ? "-inf" : "inf");
        return;
    }
    if (v == 0) /* and -0 */
        v = 0;
    snprintf(out, cap, "%.4g", v);
    short_exponent(out);
}

/* s with a leading '-' written as U+2212 (the typographic minus), into out. */
static void with_minus(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    if (*s == '-' && cap > 4)
        memcpy(out, "\xe2\x88\x92", 3), n = 3, s++;
    for (; *s && n + 1 < cap; s++)
        out[n++] = *s;
    out[n] = '\0';
}

/* lo and hi in increasing order. */
static void order(double *lo, double *hi)
{
    if (*lo > *hi) {
        double t = *lo;
        *lo = *hi, *hi = t;
    }
}

/* A tick count asked for, from `least` to TICKS_MAX. */
static int most_ticks(int most, int least) { return most > TICKS_MAX ? TICKS_MAX : (most < least ? least : most); }

/* The count of multiples of step in [lo, hi]. */
static double multiples(double lo, double hi, double step)
{
    return floor(hi / step + 1e-9) - ceil(lo / step - 1e-9) + 1;
}

double ticks_step(double lo, double hi, int most)
{
    if (!isfinite(lo) || !isfinite(hi))
        return 0;
    order(&lo, &hi);
    if (most < 2)
        most = 2;
    double span = hi - lo;
    if (!(span > 0) || !isfinite(span))
        return 0;
    static const double M[] = {1, 2, 2.5, 5};
    for (int k = (int)floor(log10(span / most)) - 1; k < 310; k++) {
        double p = pow(10.0, k);
        for (int i = 0; i < 4; i++)
            if (multiples(lo, hi, M[i] * p) <= most)
                return M[i] * p;
    }
    return 0;
}

/* Labels v[0..n) written alike: the decimals the step needs, or in significant
 * digits when the values are large or the step tiny. */
static void label_all(Tick *t, int n, double step)
{
    double top = 0;
    for (int i = 0; i < n; i++)
        top = fmax(top, fabs(t[i].v));
    double e = floor(log10(step) + 1e-9), m = step / pow(10.0, e);
    int extra = fabs(m - 2.5) < 1e-6 ? 1 : 0;
    char buf[64];
    for (int i = 0; i < n; i++) {
        double v = fabs(t[i].v) < step * 1e-6 ? 0.0 : t[i].v;
        if (top < 1e5 && step >= 1e-4) {
            int dec = e < 0 ? (int)-e + extra : (extra && e == 0 ? 1 : 0);
            snprintf(buf, sizeof buf, "%.*f", dec, v);
        } else {
            int sig = (int)ceil(log10(fmax(top, step) / step) + 1e-9) + 1 + extra;
            snprintf(buf, sizeof buf, "%.*g", sig < 1 ? 1 : (sig > 15 ? 15 : sig), v);
            short_exponent(buf);
        }
        with_minus(buf, t[i].label, sizeof t[i].label);
    }
}

int ticks_linear(double lo, double hi, int most, Tick *out)
{
    if (!isfinite(lo) || !isfinite(hi))
        return 0;
    order(&lo, &hi);
    most = most_ticks(most, 1);
    /* one value, or a range too narrow for its magnitude to be told apart */
    if (!(hi - lo > 1e-12 * fmax(fabs(lo), fabs(hi))) || !isfinite(hi - lo)) {
        char buf[64];
        out[0].v = lo;
        num_format(lo, buf, sizeof buf);
        with_minus(buf, out[0].label, sizeof out[0].label);
        return 1;
    }
    double step = ticks_step(lo, hi, most);
    if (!(step > 0))
        return 0;
    int n = 0;
    for (double k = ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9 && n < most; k++)
        out[n++].v = k * step;
    label_all(out, n, step);
    return n;
}

int ticks_log(double lo, double hi, int most, Tick *out)
{
    if (!(lo > 0) || !(hi > 0) || !isfinite(lo) || !isfinite(hi))
        return 0;
    order(&lo, &hi);
    most = most_ticks(most, 2);
    double a = log10(lo), b = log10(hi);
    if (b - a < 1.5)
        return ticks_linear(lo, hi, most, out);
    static const int STEPS[] = {1, 2, 5, 10, 20, 50, 100};
    int step = 100;
    for (int i = 0; i < 7; i++)
        if (multiples(a, b, STEPS[i]) <= most) {
            step = STEPS[i];
            break;
        }
    int n = 0;
    char buf[64];
    for (double k = ceil(a / step - 1e-9) * step; k <= b + 1e-9 && n < most; k += step) {
        out[n].v = pow(10.0, k);
        num_format(out[n].v, buf, sizeof buf);
        with_minus(buf, out[n].label, sizeof out[n].label);
        n++;
    }
    return n;
}
