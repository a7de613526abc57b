/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* test_ticks: axis ticks against ranges whose ticks are known (as matplotlib's
 * MaxNLocator and LogLocator place them), degenerate ranges, and the invariants
 * over many random ranges; the on-screen number format. */
#include "check.h"
#include "ticks.h"

#include <stdlib.h>

#define MINUS "\xe2\x88\x92"

static void check_labels(const Tick *t, int n, const char *const *want)
{
    for (int i = 0; i < n; i++)
        CHECK_STR(t[i].label, want[i]);
}

static void test_known(void)
{
    Tick t[TICKS_MAX];
    int n = ticks_linear(-2, 2, 5, t);
    CHECK(n == 5);
    check_labels(t, n, (const char *const[]){MINUS "2", MINUS "1", "0", "1", "2"});
    n = ticks_linear(2, -2, 5, t); /* either order */
    CHECK(n == 5 && t[0].v == -2 && t[4].v == 2);
    n = ticks_linear(0, 1, 6, t);
    CHECK(n == 6);
    check_labels(t, n, (const char *const[]){"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});
    n = ticks_linear(-1.5, 1.5, 7, t);
    CHECK(n == 7);
    check_labels(t, n, (const char *const[]){MINUS "1.5", MINUS "1.0", MINUS "0.5", "0.0", "0.5", "1.0", "1.5"});
    n = ticks_linear(0, 10, 5, t); /* 2.5 is a step, as in MaxNLocator */
    CHECK(n == 5);
    check_labels(t, n, (const char *const[]){"0.0", "2.5", "5.0", "7.5", "10.0"});
    /* Rosenbrock's view, at most 6 */
    n = ticks_linear(-2.2, 2.2, 6, t);
    CHECK(n == 5 && t[0].v == -2 && t[4].v == 2);
    n = ticks_linear(-1, 3, 6, t);
    CHECK(n == 5);
    check_labels(t, n, (const char *const[]){MINUS "1", "0", "1", "2", "3"});
    /* ends off the grid: inside only */
    n = ticks_linear(0.13, 0.97, 5, t);
    CHECK(n == 4);
    check_labels(t, n, (const char *const[]){"0.2", "0.4", "0.6", "0.8"});
    /* tiny and huge */
    n = ticks_linear(1e-9, 3e-9, 5, t);
    CHECK(n == 5);
    check_labels(t, n, (const char *const[]){"1e-9", "1.5e-9", "2e-9", "2.5e-9", "3e-9"});
    n = ticks_linear(0, 3e8, 4, t);
    CHECK(n == 4);
    check_labels(t, n, (const char *const[]){"0", "1e8", "2e8", "3e8"});
    /* a narrow range far from zero: enough digits to tell the ticks apart */
    n = ticks_linear(1e6, 1e6 + 4, 5, t);
    CHECK(n == 5);
    check_labels(t, n, (const char *const[]){"1000000", "1000001", "1000002", "1000003", "1000004"});
    n = ticks_linear(-3e5, -1e5, 3, t);
    CHECK(n == 3);
    check_labels(t, n, (const char *const[]){MINUS "3e5", MINUS "2e5", MINUS "1e5"});
    /* degenerate */
    n = ticks_linear(3, 3, 5, t);
    CHECK(n == 1 && t[0].v == 3);
    CHECK_STR(t[0].label, "3");
    CHECK(ticks_linear(NAN, 1, 5, t) == 0);
    CHECK(ticks_linear(0, INFINITY, 5, t) == 0);
    CHECK(ticks_linear(-1e308, 1e308, 5, t) >= 1); /* no overflow into nonsense */
    CHECK(ticks_step(0, 1, 6) == 0.2);
    CHECK(ticks_step(1, 1, 6) == 0);

    /* log */
    n = ticks_log(1e-3, 1e3, 7, t);
    CHECK(n == 7);
    check_labels(t, n, (const char *const[]){"0.001", "0.01", "0.1", "1", "10", "100", "1000"});
    n = ticks_log(1e-8, 1e8, 6, t); /* every 5th decade */
    CHECK(n == 3);
    check_labels(t, n, (const char *const[]){"1e-5", "1", "1e5"});
    n = ticks_log(0.05, 2e4, 6, t);
    CHECK(n == 6 && t[0].v == 0.1 && t[5].v == 1e4);
    CHECK_STR(t[5].label, "1e4");
    n = ticks_log(2, 8, 5, t); /* under a decade and a half: linear steps */
    CHECK(n == 4);
    check_labels(t, n, (const char *const[]){"2", "4", "6", "8"});
    CHECK(ticks_log(0, 10, 5, t) == 0);
    CHECK(ticks_log(-1, 10, 5, t) == 0);
}

/* Over random ranges: increasing, inside, evenly spaced, as many as asked and no
 * more, at least two, labels distinct. */
static void test_random(void)
{
    srand(7);
    int bad = 0;
    for (int it = 0; it < 20000; it++) {
        double mag = pow(10.0, (rand() % 40) - 20);
        double lo = ((double)rand() / RAND_MAX - 0.5) * 10 * mag;
        double hi = lo + ((double)rand() / RAND_MAX + 1e-3) * 10 * mag;
        int most = 3 + rand() % 10;
        Tick t[TICKS_MAX];
        int n = ticks_linear(lo, hi, most, t);
        int ok = n >= 2 && n <= most;
        double step = n > 1 ? t[1].v - t[0].v : 0;
        for (int i = 0; i < n; i++) {
            ok &= t[i].v >= lo - 1e-9 * step && t[i].v <= hi + 1e-9 * step;
            if (i > 0) {
                ok &= t[i].v > t[i - 1].v && fabs((t[i].v - t[i - 1].v) - step) <= 1e-6 * step;
                ok &= strcmp(t[i].label, t[i - 1].label) != 0;
            }
        }
        /* the fewest: the next smaller step would give too many */
        if (!ok && bad++ < 5)
            fprintf(stderr, "bad ticks on [%.17g, %.17g] most %d: n %d\n", lo, hi, most, n);
        int n2 = ticks_log(fabs(lo) + mag, fabs(lo) + mag * (1 + rand() % 100000), most, t);
        ok = n2 >= 1 && n2 <= most;
        for (int i = 1; i < n2; i++)
            ok &= t[i].v > t[i - 1].v && strcmp(t[i].label, t[i - 1].label) != 0;
        if (!ok && bad++ < 5)
            fprintf(stderr, "bad log ticks: n %d\n", n2);
    }
    CHECK(bad == 0);
}

static void test_format(void)
{
    char buf[32];
    static const struct { double v; const char *s; } F[] = {
        {0, "0"}, {-0.0, "0"}, {0.0002, "0.0002"}, {1.23456, "1.235"}, {12.5, "12.5"}, {1234, "1234"},
        {12345, "1.234e4"}, {3.2e-12, "3.2e-12"}, {-0.5, "-0.5"}, {2e-4, "0.0002"}, {2e-5, "2e-5"},
        {1e100, "1e100"}, {NAN, "nan"}, {-INFINITY, "-inf"},
    };
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++) {
        num_format(F[i].v, buf, sizeof buf);
        CHECK_MSG(strcmp(buf, F[i].s) == 0, "%g gave %s, expected %s", F[i].v, buf, F[i].s);
    }
}

int main(void)
{
    test_known();
    test_random();
    test_format();
    return check_done("test_ticks");
}
