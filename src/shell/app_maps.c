/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* app_maps: a hyperparameter or basin map of one run (core sweep.c), and its
 * colours: a hyperparameter map by the final loss on a log scale (the field's
 * colormap, low dark) or by the steps to the tolerance, diverged cells a dark red;
 * a basin map by the minimum each start ends at (a hue each), darker
 * the longer it took, diverged starts red, starts still moving after the step budget
 * clear; for two runs, only the starts from which they end apart, in the colour
 * of where the first ends. In the window the map is computed in the background
 * (threads of its own, one per core at a lower priority than the window's, on a
 * private copy of the run; on a page, which has no threads, in slices of a frame's
 * time), coarse 16 x 16 first, then fine, started again whenever what it is of
 * changes; a pass of stale inputs is never shown. */
#define _GNU_SOURCE /* gettid */
#include "app.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define DIVERGED_RGBA 0x8E1B1BFFu
#define NEVER_RGBA 0x2A2F3AFFu

/* A basin's hue per known minimum: not the runs' colours, not the diverged red. */
static const unsigned BASIN_RGB[] = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0x9467BD, 0x8C564B, 0xE377C2, 0xBCBD22, 0x17BECF};

typedef struct MapsJob MapsJob;
static void job_end(App *a);

void app_maps_free(App *a)
{
    job_end(a);
    free(a->maps.out);
    free(a->maps.out2);
    free(a->maps.image);
    a->maps.out = NULL, a->maps.out2 = NULL, a->maps.image = NULL;
    a->maps.kind = MAPS_NONE;
}

static unsigned scale_rgb(unsigned rgb, float k)
{
    unsigned out = 0;
    for (int s = 16; s >= 0; s -= 8)
        out |= (unsigned)lroundf((float)(rgb >> s & 255u) * k) << s;
    return out;
}

unsigned app_basin_rgb(int minimum) { return BASIN_RGB[minimum % 8]; }

/* The colours of the cells, top row first; a basin map's shares. */
static void colour(App *a)
{
    Maps *m = &a->maps;
    int n = m->nx * m->ny, steps = a->scene.steps > 0 ? a->scene.steps : 1;
    memset(m->share, 0, sizeof m->share);
    m->share_diverged = m->share_none = 0;
    double lo = INFINITY, hi = -INFINITY, floor_f = sweep_default_tol(&a->scene.surface) - 1e-6;
    for (int c = 0; c < n && m->kind == MAPS_HYPER && m->metric == 0; c++) {
        const SceneOutcome *o = &m->out[c];
        if (o->diverged_at < 0 && isfinite(o->final_loss)) {
            double v = log10(fmax(o->final_loss - floor_f, 0.0) + 1e-12);
            lo = fmin(lo, v), hi = fmax(hi, v);
        }
    }
    if (!(hi > lo))
        hi = lo + 1;
    m->value_lo = lo, m->value_hi = hi, m->floor = floor_f; /* the colour bar's */
    for (int j = 0; j < m->ny; j++)
        for (int i = 0; i < m->nx; i++) {
            const SceneOutcome *o = &m->out[j * m->nx + i];
            unsigned rgba;
            if (m->kind == MAPS_BASIN && m->out2) {
                /* two runs: only where they part, in the colour of where the first ends */
                const SceneOutcome *o2 = &m->out2[j * m->nx + i];
                int min = sweep_minimum(&a->scene.surface, m->view, o), min2 = sweep_minimum(&a->scene.surface, m->view, o2);
                int apart = min != min2 || (o->diverged_at >= 0) != (o2->diverged_at >= 0);
                rgba = !apart ? 0x00000000u : o->diverged_at >= 0 ? DIVERGED_RGBA
                       : min >= 0 ? BASIN_RGB[min % 8] << 8 | 0xFFu : NEVER_RGBA;
            } else if (m->kind == MAPS_BASIN) {
                int min = sweep_minimum(&a->scene.surface, m->view, o);
                if (o->diverged_at >= 0)
                    m->share_diverged += 1.0 / n;
                else if (min < 0)
                    m->share_none += 1.0 / n;
                else
                    m->share[min] += 1.0 / n;
                if (o->diverged_at >= 0)
                    rgba = DIVERGED_RGBA;
                else if (min < 0)
                    rgba = 0x00000000u;
                else {
                    float k = o->steps_to_tol >= 0 ? 1.0f - 0.6f * (float)o->steps_to_tol / (float)steps : 0.4f;
                    rgba = scale_rgb(BASIN_RGB[min % 8], k) << 8 | 0xFFu;
                }
            } else if (o->diverged_at >= 0) {
                rgba = DIVERGED_RGBA;
            } else if (m->metric == 1) {
                rgba = o->steps_to_tol < 0 ? NEVER_RGBA
                                           : render_colormap((float)o->steps_to_tol / (float)steps) << 8 | 0xFFu;
            } else {
                double v = log10(fmax(o->final_loss - floor_f, 0.0) + 1e-12);
                rgba = isfinite(o->final_loss) ? render_colormap((float)((v - lo) / (hi - lo))) << 8 | 0xFFu
                                               : DIVERGED_RGBA;
            }
            m->image[(m->ny - 1 - j) * m->nx + i] = rgba; /* the image's top row is the high end */
        }
    m->version++;
}

int app_maps_compute(App *a, MapsKind kind, int run, const SweepAxis *axes, MapView view, int n, double tol,
                     int metric, SceneOutcome *done)
{
    app_maps_free(a);
    Maps *m = &a->maps;
    m->run = run, m->view = view, m->tol = tol, m->metric = metric, m->hover = m->press_cell = -1;
    if (kind == MAPS_HYPER)
        m->axis[0] = axes[0], m->axis[1] = axes[1], m->nx = axes[0].n, m->ny = axes[1].n > 0 ? axes[1].n : 1;
    else
        m->nx = m->ny = m->n = n;
    m->out = done ? done : malloc(sizeof *m->out * (size_t)m->nx * (size_t)m->ny);
    m->image = malloc(sizeof *m->image * (size_t)m->nx * (size_t)m->ny);
    if (!m->out || !m->image) {
        app_maps_free(a);
        return -1;
    }
    if (!done && kind == MAPS_HYPER)
        sweep_hyper(&a->scene, run, &m->axis[0], m->axis[1].n > 0 ? &m->axis[1] : NULL, tol, 0, NULL, m->out);
    else if (!done)
        sweep_basin(&a->scene, run, view, n, tol, 0, NULL, m->out);
    m->kind = kind;
    colour(a);
    return 0;
}

/* ---- the window's maps: in the background ------------------------------------- */

#define COARSE_N 16
#define HYPER_N 64
#define BASIN_N 128
#define CURVE_N 96

struct MapsJob {
    pthread_t thread;
    atomic_int cancel, done;
    SweepTask task[2];        /* run 0's cells and, comparing basins, run 1's */
    Scene scene;              /* its own: the surface and the one run, nothing shared */
    MapsKind kind;
    SweepAxis axis[2];
    MapView view;
    int n, nx, ny, metric;
    double tol;
    unsigned long long inputs;
    SceneOutcome *out, *out2; /* run 0's and, comparing, run 1's */
};

/* The job's tasks, set up before any work on them. */
static void job_tasks(MapsJob *j)
{
    if (j->kind == MAPS_HYPER)
        sweep_task_hyper(&j->task[0], &j->scene, 0, &j->axis[0], &j->axis[1], j->tol, &j->cancel, j->out);
    else
        sweep_task_basin(&j->task[0], &j->scene, 0, j->view, j->n, j->tol, &j->cancel, j->out);
    if (j->out2)
        sweep_task_basin(&j->task[1], &j->scene, 1, j->view, j->n, j->tol, &j->cancel, j->out2);
}

#ifndef __EMSCRIPTEN__
static void *job_main(void *arg)
{
    MapsJob *j = arg;
    /* below the window's frames, which come first, but not idle behind them: the
     * map's threads (which inherit this) share the cores the window leaves */
    setpriority(PRIO_PROCESS, (id_t)gettid(), 10);
    int threads = sweep_cores();
    if (sweep_task_run(&j->task[0], threads) == 0 && j->out2)
        sweep_task_run(&j->task[1], threads);
    atomic_store(&j->done, 1);
    return NULL;
}
#endif

#ifdef __EMSCRIPTEN__
/* On a page: the job's work for about `budget_ms` of this frame. */
static void job_slice(MapsJob *j, double budget_ms)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        SweepTask *t = &j->task[0];
        if (atomic_load(&t->next) >= t->n && j->out2)
            t = &j->task[1];
        if (sweep_task_work(t, 1) && (t == &j->task[1] || !j->out2)) {
            atomic_store(&j->done, 1);
            return;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if ((double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-6 >= budget_ms)
            return;
    }
}
#endif

double app_maps_progress(const App *a)
{
    MapsJob *j = a->maps.job;
    if (!j)
        return 1.0;
    int done = sweep_task_done(&j->task[0]) + (j->out2 ? sweep_task_done(&j->task[1]) : 0);
    int n = j->task[0].n + (j->out2 ? j->task[1].n : 0);
    return n > 0 ? (double)done / n : 1.0;
}

static void job_end(App *a)
{
    MapsJob *j = a->maps.job;
    if (!j)
        return;
    atomic_store(&j->cancel, 1);
#ifndef __EMSCRIPTEN__
    pthread_join(j->thread, NULL);
#endif
    scene_free(&j->scene);
    free(j->out);
    free(j->out2);
    free(j);
    a->maps.job = NULL;
}

/* The axes of run r's map, n cells a side (sweep_default_axes): about the values
 * the map was centred on, which follow the run's when one leaves its axis. Returns
 * how many axes. */
static int map_axes(App *a, int run, int n, SweepAxis ax[2])
{
    Maps *m = &a->maps;
    const Run *r = &a->scene.run[run];
    if (!m->centred || m->centre_run != run || m->centre_kind != (int)r->kind) {
        memcpy(m->centre, r->hp, sizeof m->centre);
        m->centred = 1, m->centre_run = run, m->centre_kind = (int)r->kind;
    }
    int axes = sweep_default_axes(r->kind, m->centre, m->pick, n, ax);
    for (int k = 0; k < axes; k++) {
        double v = r->hp[ax[k].key];
        if (!(v >= fmin(ax[k].lo, ax[k].hi) && v <= fmax(ax[k].lo, ax[k].hi))) {
            memcpy(m->centre, r->hp, sizeof m->centre);
            return sweep_default_axes(r->kind, m->centre, m->pick, n, ax);
        }
    }
    return axes;
}

/* The basin map's region: the view the map shows (the first tile's). */
static MapView basin_view(const App *a)
{
    const Panel *p = frame_panel(&a->frame, &panel_map);
    return p ? map_fit(a->view, p->w, p->h) : a->view;
}

static void job_start(App *a, int run, int other, int fine)
{
    Maps *m = &a->maps;
    const Run *r = &a->scene.run[run];
    MapsJob *j = calloc(1, sizeof *j);
    if (!j)
        return;
    j->kind = m->want;
    j->inputs = m->inputs;
    j->metric = 0;
    j->tol = sweep_default_tol(&a->scene.surface);
    int n = fine ? (j->kind == MAPS_HYPER ? HYPER_N : BASIN_N) : COARSE_N;
    if (j->kind == MAPS_HYPER) {
        /* a curve over one key has more points */
        int axes = map_axes(a, run, n, j->axis);
        if (axes == 1)
            j->axis[0].n = fine ? CURVE_N : COARSE_N * 2;
        j->nx = j->axis[0].n, j->ny = axes == 2 ? n : 1;
    }
    else
        j->view = basin_view(a), j->n = j->nx = j->ny = n;
    atomic_init(&j->cancel, 0);
    atomic_init(&j->done, 0);
    int ok = scene_init(&j->scene, &a->scene.surface) == 0;
    int k = ok ? scene_add_run(&j->scene, r->kind, r->hp, r->label) : -1;
    if (k == 0 && other >= 0 && j->kind == MAPS_BASIN) {
        const Run *o = &a->scene.run[other];
        if (scene_add_run(&j->scene, o->kind, o->hp, o->label) == 1) {
            j->scene.run[1].sched = o->sched;
            j->out2 = malloc(sizeof *j->out2 * (size_t)j->nx * (size_t)j->ny);
            ok = j->out2 != NULL;
        }
    }
    if (k == 0) {
        j->scene.run[0].sched = r->sched;
        j->scene.noise = a->scene.noise, j->scene.seed = a->scene.seed;
        j->scene.start[0] = a->scene.start[0], j->scene.start[1] = a->scene.start[1];
        ok = scene_set_steps(&j->scene, a->scene.steps) == 0;
    }
    j->out = malloc(sizeof *j->out * (size_t)j->nx * (size_t)j->ny);
    if (ok && k == 0 && j->out)
        job_tasks(j);
#ifdef __EMSCRIPTEN__
    /* the browser build has no threads (a page gets them only from a server that
     * sends cross-origin isolation headers): the map is computed in slices of the
     * frames (app_maps_update) */
    int started = ok && k == 0 && j->out;
#else
    int started = ok && k == 0 && j->out && pthread_create(&j->thread, NULL, job_main, j) == 0;
#endif
    if (!started) {
        if (ok || k >= 0)
            scene_free(&j->scene);
        free(j->out);
        free(j->out2);
        free(j);
        return;
    }
    m->job = j;
    m->fine = fine;
}

/* The run compared with: the next enabled one after `run`, or -1. */
static int next_run(const App *a, int run)
{
    for (int k = 1; k < a->scene.n_runs; k++) {
        int i = (run + k) % a->scene.n_runs;
        if (a->scene.run[i].enabled)
            return i;
    }
    return -1;
}

void app_maps_update(App *a)
{
    Maps *m = &a->maps;
    int run = app_focus_run(a); /* the run a window map is of */
    int other = m->want == MAPS_BASIN && m->other_wanted && run >= 0 ? next_run(a, run) : -1;
    if (m->want == MAPS_NONE || run < 0) {
        m->centred = 0; /* opened again, the map centres on the run as it is then */
        if (m->job || m->inputs) {
            job_end(a);
            m->inputs = 0;
            free(m->out), free(m->out2), free(m->image);
            m->out = NULL, m->out2 = NULL, m->image = NULL;
            m->kind = MAPS_NONE;
        }
        return;
    }
    /* what the map is of: the run's inputs (scene_inputs_hash, its version) and,
     * for basins, the view */
    const Run *r = &a->scene.run[run];
    unsigned long long h;
    if (m->want == MAPS_BASIN) {
        MapView v = basin_view(a);
        h = scene_hash_bytes(r->version, &v, sizeof v);
        h = scene_hash_bytes(h, &other, sizeof other);
        if (other >= 0)
            h = scene_hash_bytes(h, &a->scene.run[other].version, sizeof a->scene.run[other].version);
    } else { /* all but the two keys of the axes: dragging them moves only the ring */
        SweepAxis ax[2];
        map_axes(a, run, HYPER_N, ax);
        double hp[HP_COUNT];
        memcpy(hp, r->hp, sizeof hp);
        hp[ax[0].key] = hp[ax[1].key] = 0;
        h = scene_hash_bytes(scene_inputs_hash(&a->scene, r->kind, hp, &r->sched, 0), ax, sizeof ax);
    }
    h = scene_hash_bytes(h, &m->want, sizeof m->want);
    h = scene_hash_bytes(h, &run, sizeof run) | 1;
    if (h != m->inputs) {
        job_end(a);
        m->inputs = h;
        free(m->out), free(m->out2), free(m->image); /* a stale map is never shown */
        m->out = NULL, m->out2 = NULL, m->image = NULL;
        m->kind = MAPS_NONE;
        m->run = run, m->other = other;
        job_start(a, run, other, 0);
        return;
    }
    MapsJob *j = m->job;
#ifdef __EMSCRIPTEN__
    if (j && !atomic_load(&j->done))
        job_slice(j, 25.0);
#endif
    if (!j || !atomic_load(&j->done))
        return;
    /* a pass finished: show it, then the finer one */
    free(m->out), free(m->out2), free(m->image);
    m->out = j->out, j->out = NULL;
    m->out2 = j->out2, j->out2 = NULL;
    m->image = malloc(sizeof *m->image * (size_t)j->nx * (size_t)j->ny);
    m->nx = j->nx, m->ny = j->ny, m->n = j->n, m->view = j->view, m->tol = j->tol, m->metric = j->metric;
    m->axis[0] = j->axis[0], m->axis[1] = j->axis[1];
    m->run = run;
    int fine = m->fine;
    job_end(a);
    if (m->image) {
        m->kind = m->want;
        colour(a);
    } else {
        free(m->out), m->out = NULL;
    }
    if (!fine)
        job_start(a, run, other, 1);
}

void app_maps_next_key(App *a, int k)
{
    Maps *m = &a->maps;
    if (m->kind != MAPS_HYPER || m->run < 0 || m->run >= a->scene.n_runs)
        return;
    OptimKind kind = a->scene.run[m->run].kind;
    int cur = (int)m->axis[k].key, other = (int)m->axis[1 - k].key;
    for (int step = 1; step <= HP_COUNT; step++) {
        int c = (cur + step) % HP_COUNT;
        if (c != other && optim_uses(kind, (HyperKey)c) && !optim_hyper((HyperKey)c)->is_flag) {
            m->pick[k] = c;
            if (m->pick[1 - k] < 0)
                m->pick[1 - k] = other;
            return;
        }
    }
}
