/* sweep: hyperparameter and basin maps (see sweep.h). */
#define _POSIX_C_SOURCE 200809L
#include "sweep.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
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

/* One map's work, shared by its threads. */
typedef struct Job {
    const Scene *sc;
    int run, n;               /* cells */
    const SweepAxis *a0, *a1; /* a hyperparameter map, or NULL */
    MapView view;             /* a basin map */
    int side;
    double tol;
    const atomic_int *cancel;
    atomic_int next;          /* the first cell not yet taken */
    SceneOutcome *out;
} Job;

static void *work(void *arg)
{
    Job *j = arg;
    double hp[BATCH][HP_COUNT], start[BATCH][2];
    for (;;) {
        if ((j->cancel && atomic_load(j->cancel)) || cancel_requested())
            break;
        int first = atomic_fetch_add(&j->next, BATCH);
        if (first >= j->n)
            break;
        int m = j->n - first < BATCH ? j->n - first : BATCH;
        for (int k = 0; k < m; k++) {
            int c = first + k;
            if (j->a0) {
                const Run *r = &j->sc->run[j->run];
                for (int h = 0; h < HP_COUNT; h++)
                    hp[k][h] = r->hp[h];
                hp[k][j->a0->key] = sweep_value(j->a0, c % j->a0->n);
                hp[k][j->a1->key] = sweep_value(j->a1, c / j->a0->n);
            } else {
                sweep_basin_start(j->view, j->side, c % j->side, c / j->side, &start[k][0], &start[k][1]);
            }
        }
        scene_outcomes(j->sc, j->run, j->a0 ? (const double(*)[HP_COUNT])hp : NULL,
                       j->a0 ? NULL : (const double(*)[2])start, m, j->tol, j->out + first);
    }
    return NULL;
}

static int run_job(Job *j, int threads)
{
    if (threads < 1)
        threads = sweep_cores();
    if (threads > SWEEP_THREADS_MAX)
        threads = SWEEP_THREADS_MAX;
    atomic_init(&j->next, 0);
    pthread_t t[SWEEP_THREADS_MAX];
    int started = 0;
    for (int i = 1; i < threads; i++)
        if (pthread_create(&t[started], NULL, work, j) == 0)
            started++;
    work(j); /* this thread works too */
    for (int i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    return (j->cancel && atomic_load(j->cancel)) || cancel_requested() ? -1 : 0;
}

int sweep_hyper(const Scene *sc, int run, const SweepAxis *a0, const SweepAxis *a1, double tol, int threads,
                const atomic_int *cancel, SceneOutcome *out)
{
    Job j = {.sc = sc, .run = run, .n = a0->n * a1->n, .a0 = a0, .a1 = a1, .tol = tol, .cancel = cancel, .out = out};
    return run_job(&j, threads);
}

int sweep_basin(const Scene *sc, int run, MapView v, int n, double tol, int threads, const atomic_int *cancel,
                SceneOutcome *out)
{
    Job j = {.sc = sc, .run = run, .n = n * n, .view = v, .side = n, .tol = tol, .cancel = cancel, .out = out};
    return run_job(&j, threads);
}
