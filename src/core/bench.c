/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* bench: the core benchmark. Many repetitions, median reported. */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "spec.h"

double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

void bench_sleep_ms(double ms)
{
    if (ms <= 0)
        return;
    struct timespec ts = {(time_t)(ms / 1e3), (long)((ms - 1e3 * (double)(time_t)(ms / 1e3)) * 1e6)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

double bench_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static double start_ms = -1;

void bench_mark_start(void) { start_ms = bench_now_ms(); }

double bench_since_start_ms(void) { return start_ms < 0 ? 0 : bench_now_ms() - start_ms; }

enum { PHASES_MAX = 16 };
static struct {
    int on, n;
    const char *name[PHASES_MAX];
    double at_ms[PHASES_MAX];
} phases;

void bench_phases_on(void) { phases.on = 1; }

void bench_phase(const char *name)
{
    if (!phases.on || phases.n >= PHASES_MAX)
        return;
    phases.name[phases.n] = name;
    phases.at_ms[phases.n++] = bench_since_start_ms();
}

/* the high-water mark of the resident set (VmHWM), in MiB, or -1 */
static double peak_rss_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1.0;
    char line[256];
    double kb = -1.0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %lf kB", &kb) == 1)
            break;
    fclose(f);
    return kb < 0 ? -1.0 : kb / 1024.0;
}

void bench_phases_print(FILE *out)
{
    if (!phases.on)
        return;
    fprintf(out, "start:");
    for (int i = 0; i < phases.n; i++)
        fprintf(out, " %s=%.1f", phases.name[i], phases.at_ms[i] - (i ? phases.at_ms[i - 1] : 0.0));
    fprintf(out, " total_ms=%.1f peak_rss_mb=%.1f\n", phases.n ? phases.at_ms[phases.n - 1] : 0.0, peak_rss_mb());
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_quantile(double *v, int n, double q)
{
    if (n <= 0)
        return 0.0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int i = (int)(q * (n - 1) + 0.5);
    return v[i < 0 ? 0 : (i >= n ? n - 1 : i)];
}

double bench_median(double *v, int n) { return bench_quantile(v, n, 0.5); }

double bench_rss_mb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1.0;
    long size = 0, rss = 0;
    int ok = fscanf(f, "%ld %ld", &size, &rss) == 2;
    fclose(f);
    return ok ? (double)rss * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0) : -1.0;
}

static void bench_case(FILE *out, const char *label, const char *surface)
{
    char *argv[] = {"gradscape", "--surface", (char *)surface, "--start", "-1.5,2.5", "--steps", "10000",
                    "--opt", "sgd:lr=2e-4", "--opt", "momentum:lr=2e-4", "--opt", "rmsprop:lr=5e-3",
                    "--opt", "adam:lr=0.05"};
    Config cfg;
    char err[SPEC_ERR_MAX];
    Scene sc;
    if (spec_parse_args((int)(sizeof argv / sizeof argv[0]), argv, &cfg, err, sizeof err) != 0 ||
        spec_build_scene(&cfg, &sc, err, sizeof err) != 0) {
        fprintf(out, "bench-core: %s\n", err);
        return;
    }
    enum { REPS = 201 };
    static double t[REPS];
    for (int i = 0; i < 5; i++) /* warm up */
        scene_simulate(&sc);
    for (int i = 0; i < REPS; i++) {
        double t0 = bench_now_ms();
        scene_simulate(&sc);
        t[i] = bench_now_ms() - t0;
    }
    double med = bench_median(t, REPS);
    fprintf(out, "bench-core: surface=%s runs=%d steps=%d median_ms=%.3f p99_ms=%.3f\n", label, sc.n_runs,
            sc.steps, med, bench_quantile(t, REPS, 0.99));
    scene_free(&sc);
}

int bench_core(FILE *out)
{
    bench_case(out, "rosenbrock", "rosenbrock");
    bench_case(out, "expr", "expr:(1-x)^2+100*(y-x^2)^2");
    return 0;
}
