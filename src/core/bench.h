/* bench: timing of the core's hot path (recomputing a scene's trajectories). */
#ifndef GS_BENCH_H
#define GS_BENCH_H

#include <stdio.h>

/* Monotonic time in milliseconds. */
double bench_now_ms(void);

/* The program's start, as main marks it first thing, and the time since (ms). */
void bench_mark_start(void);
double bench_since_start_ms(void);

/* Median of n values (sorts them). */
double bench_median(double *v, int n);

/* Value at quantile q in [0, 1] (sorts them). */
double bench_quantile(double *v, int n, double q);

/* Resident set size in MiB (from /proc/self/statm), or -1. */
double bench_rss_mb(void);

/* Times recomputing sgd, momentum, rmsprop and adam x 10000 steps on rosenbrock and
 * on the same function typed as expr:, printing one line per case. Returns 0. */
int bench_core(FILE *out);

#endif
