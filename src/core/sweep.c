/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* sweep: hyperparameter and basin maps (see sweep.h). */
#define _POSIX_C_SOURCE 200809L
#include "sweep.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cancel.h"

#define BATCH 64 /* cells a thread takes at a time: a few lanes' worth */

double sweep_value(const SweepAxis *a, int i)
{
    if (a->n <= 1)
        return a->lo;
    double t = (double)i / (a->n - 1);
    if (i == a->n - 1)
        return a->hi;
    if (a->log && a->lo > 0 && a->hi > 0)
        return pow(10.0, log10(a->lo) + t * (log10(a->hi) - log10(a->lo)));
    return a->lo + t * (a->hi - a->lo);
}

void sweep_axis_range(HyperKey k, double v, SweepAxis *ax)
{
    const HyperInfo *h = optim_hyper(k);
    ax->key = k;
    ax->log = h->log_scale;
    switch (k) {
    case HP_LR:
    case HP_EPS: {
        /* three decades about the value (or about the slider's middle) */
        double c = v > 0 && isfinite(v) ? v : sqrt(h->ui_lo * h->ui_hi);
        ax->lo = c / pow(10.0, 1.5), ax->hi = c * pow(10.0, 1.5);
        return;
    }
    case HP_MOMENTUM:
    case HP_BETA1: ax->lo = 0.0, ax->hi = 0.99; return;
    case HP_ALPHA: ax->lo = 0.5, ax->hi = 0.999; return;
    case HP_BETA2: ax->lo = 0.9, ax->hi = 0.9999; return;
    case HP_RHO: ax->lo = 0.5, ax->hi = 0.99; return;
    default:
        ax->lo = h->ui_lo, ax->hi = h->ui_hi;
        if (ax->log && !(ax->lo > 0))
            ax->lo = ax->hi * 1e-6;
        return;
    }
}

int sweep_default_axes(OptimKind kind, const double *hp, const int *pick, int n, SweepAxis ax[2])
{
    static const HyperKey PREFER[] = {HP_BETA1, HP_MOMENTUM, HP_ALPHA, HP_RHO};
    int keys[2] = {HP_LR, -1};
    for (size_t i = 0; i < sizeof PREFER / sizeof PREFER[0] && keys[1] < 0; i++)
        if (optim_uses(kind, PREFER[i]))
            keys[1] = (int)PREFER[i];
    for (int k = 0; k < 2; k++) /* the keys chosen, where this optimizer takes them */
        if (pick && pick[k] >= 0 && pick[k] < HP_COUNT && optim_uses(kind, (HyperKey)pick[k]) &&
            pick[k] != keys[1 - k] && !optim_hyper((HyperKey)pick[k])->is_flag)
            keys[k] = pick[k];
    memset(ax, 0, 2 * sizeof *ax);
    for (int k = 0; k < 2 && keys[k] >= 0; k++) {
        sweep_axis_range((HyperKey)keys[k], hp[keys[k]], &ax[k]);
        ax[k].n = n;
    }
    return keys[1] >= 0 ? 2 : 1;
}

double sweep_default_tol(const Surface *s)
{
    double best = INFINITY;
    for (int m = 0; m < s->n_minima; m++) {
        double f = surface_value(s, s->minima[m][0], s->minima[m][1]);
        if (isfinite(f) && f < best)
            best = f;
    }
    return isfinite(best) ? best + 1e-6 : 1e-6;
}

int sweep_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > SWEEP_THREADS_MAX ? SWEEP_THREADS_MAX : (int)n;
}

void sweep_basin_start(MapView v, int n, int i, int j, double *x, double *y)
{
    *x = v.x0 + (v.x1 - v.x0) * ((double)i + 0.5) / n;
    *y = v.y0 + (v.y1 - v.y0) * ((double)j + 0.5) / n;
}

int sweep_minimum(const Surface *s, MapView v, const SceneOutcome *o)
{
    if (o->diverged_at >= 0 || !isfinite(o->end[0]) || !isfinite(o->end[1]))
        return -1;
    double r = 0.01 * fmax(fabs(v.x1 - v.x0), fabs(v.y1 - v.y0)), best = r;
    int found = -1;
    for (int m = 0; m < s->n_minima; m++) {
        double d = hypot(o->end[0] - s->minima[m][0], o->end[1] - s->minima[m][1]);
        if (d <= best)
            best = d, found = m;
    }
    return found;
}

static void *work(void *arg)
{
    sweep_task_work(arg, 0);
    return NULL;
}

int sweep_task_work(SweepTask *t, int cells)
{
    double hp[BATCH][HP_COUNT], start[BATCH][2];
    int taken = 0;
    for (;;) {
        if ((t->cancel && atomic_load(t->cancel)) || cancel_requested())
            return 0;
        if (cells > 0 && taken >= cells)
            return atomic_load(&t->next) >= t->n;
        int first = atomic_fetch_add(&t->next, BATCH);
        if (first >= t->n)
            return 1;
        int m = t->n - first < BATCH ? t->n - first : BATCH;
        for (int k = 0; k < m; k++) {
            int c = first + k;
            if (t->axes > 0) {
                const Run *r = &t->sc->run[t->run];
                for (int h = 0; h < HP_COUNT; h++)
                    hp[k][h] = r->hp[h];
                hp[k][t->a0.key] = sweep_value(&t->a0, c % t->a0.n);
                if (t->axes == 2)
                    hp[k][t->a1.key] = sweep_value(&t->a1, c / t->a0.n);
            } else {
                sweep_basin_start(t->view, t->side, c % t->side, c / t->side, &start[k][0], &start[k][1]);
            }
        }
        scene_outcomes(t->sc, t->run, t->axes ? (const double(*)[HP_COUNT])hp : NULL,
                       t->axes ? NULL : (const double(*)[2])start, m, t->tol, t->out + first);
        atomic_fetch_add(&t->done, m);
        taken += m;
    }
}

int sweep_task_done(SweepTask *t) { return atomic_load(&t->done); }

int sweep_task_run(SweepTask *t, int threads)
{
    if (threads < 1)
        threads = sweep_cores();
    if (threads > SWEEP_THREADS_MAX)
        threads = SWEEP_THREADS_MAX;
    pthread_t th[SWEEP_THREADS_MAX];
    int started = 0;
    for (int i = 1; i < threads; i++)
        if (pthread_create(&th[started], NULL, work, t) == 0)
            started++;
    sweep_task_work(t, 0); /* this thread works too */
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    return (t->cancel && atomic_load(t->cancel)) || cancel_requested() ? -1 : 0;
}

void sweep_task_hyper(SweepTask *t, const Scene *sc, int run, const SweepAxis *a0, const SweepAxis *a1, double tol,
                      const atomic_int *cancel, SceneOutcome *out)
{
    memset(t, 0, sizeof *t);
    t->sc = sc, t->run = run, t->a0 = *a0, t->tol = tol, t->cancel = cancel, t->out = out;
    t->axes = a1 && a1->n >= 1 ? 2 : 1; /* without a second axis: a curve */
    if (t->axes == 2)
        t->a1 = *a1;
    t->n = a0->n * (t->axes == 2 ? a1->n : 1);
    atomic_init(&t->next, 0);
    atomic_init(&t->done, 0);
}

void sweep_task_basin(SweepTask *t, const Scene *sc, int run, MapView v, int n, double tol, const atomic_int *cancel,
                      SceneOutcome *out)
{
    memset(t, 0, sizeof *t);
    t->sc = sc, t->run = run, t->view = v, t->side = n, t->n = n * n, t->tol = tol, t->cancel = cancel, t->out = out;
    atomic_init(&t->next, 0);
    atomic_init(&t->done, 0);
}

int sweep_hyper(const Scene *sc, int run, const SweepAxis *a0, const SweepAxis *a1, double tol, int threads,
                const atomic_int *cancel, SceneOutcome *out)
{
    SweepTask t;
    sweep_task_hyper(&t, sc, run, a0, a1, tol, cancel, out);
    return sweep_task_run(&t, threads);
}

int sweep_basin(const Scene *sc, int run, MapView v, int n, double tol, int threads, const atomic_int *cancel,
                SceneOutcome *out)
{
    SweepTask t;
    sweep_task_basin(&t, sc, run, v, n, tol, cancel, out);
    return sweep_task_run(&t, threads);
}
