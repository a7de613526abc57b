/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* bench: timing of the core's hot path (recomputing a scene's trajectories). */
#ifndef GS_BENCH_H
#define GS_BENCH_H

#include <stdio.h>

/* Monotonic time in milliseconds. */
double bench_now_ms(void);

/* Sleeps ms milliseconds (nothing for ms <= 0). */
void bench_sleep_ms(double ms);

/* The program's start, as main marks it first thing, and the time since (ms). */
void bench_mark_start(void);
double bench_since_start_ms(void);

/* The phases of one headless run (--bench-start): off until bench_phases_on();
 * then each bench_phase() records its name, the time since bench_mark_start and the
 * resident memory, and bench_phases_print() writes them as one line:
 * `start: NAME=MS ... peak_rss_mb=R` (MS: the phase's own time). A phase's name is
 * a string literal. */
void bench_phases_on(void);
void bench_phase(const char *name);
void bench_phases_print(FILE *out);

/* Median of n values (sorts them). */
double bench_median(double *v, int n);

/* Value at quantile q in [0, 1] (sorts them). */
double bench_quantile(double *v, int n, double q);

/* The CPU time the process has used, every thread's, in milliseconds. */
double bench_cpu_ms(void);

/* Resident set size in MiB (from /proc/self/statm), or -1. */
double bench_rss_mb(void);

/* Times recomputing sgd, momentum, rmsprop and adam x 10000 steps on rosenbrock and
 * on the same function typed as expr:, printing one line per case. Returns 0. */
int bench_core(FILE *out);

#endif
