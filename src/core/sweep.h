/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* sweep: where an optimizer works. A hyperparameter map runs a scene's run once for
 * every cell of a grid over two of its hyperparameters; a basin map runs it from
 * every start of a grid over the view. Each cell is a complete run with the same
 * step code as the trajectories (scene_outcomes), so a cell's outcome is exactly
 * that of the run the command line would make with its values, bit for bit.
 * Cells are shared among threads (pthreads), taken in batches as each finishes;
 * a cancel flag stops them between batches. */
#ifndef GS_SWEEP_H
#define GS_SWEEP_H

#include <stdatomic.h>

#include "draw.h"
#include "scene.h"

#define SWEEP_MAX_N 1024      /* cells per side */
#define SWEEP_THREADS_MAX 64

typedef struct SweepAxis {
    HyperKey key;
    double lo, hi;            /* the first and last values */
    int n;                    /* how many */
    int log;                  /* spaced in log10 (lr, eps: as their sliders) */
} SweepAxis;

/* The axes a map of a run of `kind` with hyperparameters hp shows by default,
 * n cells a side: the learning rate and the hyperparameter that shapes its steps
 * most: momentum (Momentum, Nesterov), alpha (RMSprop), beta1 (the Adam family
 * and Lion), rho (Adadelta). The learning rate spans three decades centred on
 * hp's (where the cliff at which runs diverge shows); the second its useful range.
 * pick[k] >= 0 puts that key on axis k instead (where the optimizer takes it: a
 * second click on the Adam family's second axis gives beta2). SGD and Adagrad
 * have one main key: their default is the learning rate alone, a curve (ax[1].n
 * is then 0). Returns how many axes there are, 1 or 2. */
int sweep_default_axes(OptimKind kind, const double *hp, const int *pick, int n, SweepAxis ax[2]);

/* The range of key k for a map centred on value v (sweep_default_axes). */
void sweep_axis_range(HyperKey k, double v, SweepAxis *ax);

/* The value of an axis at index i (lo at 0, hi at n - 1). */
double sweep_value(const SweepAxis *a, int i);

/* The default tolerance: the loss within 1e-6 of the surface's lowest known
 * minimum, else 1e-6. */
double sweep_default_tol(const Surface *s);

/* The hyperparameter map of run `run`: cell (i, j) at out[j * a0.n + i] has
 * axis 0's value i and axis 1's value j, the run's other hyperparameters; a1 NULL
 * (or a1->n 0): a curve over axis 0 alone, out[i]. Returns
 * 0, or -1 when cancelled (then out is incomplete). threads < 1: one per core. */
int sweep_hyper(const Scene *sc, int run, const SweepAxis *a0, const SweepAxis *a1, double tol, int threads,
                const atomic_int *cancel, SceneOutcome *out);

/* The start of basin cell (i, j) of an n x n grid over the view: cell centres,
 * row 0 at the bottom (y0). */
void sweep_basin_start(MapView v, int n, int i, int j, double *x, double *y);

/* The basin map of run `run`: out[j * n + i] is the run from sweep_basin_start's
 * point. Returns 0, or -1 when cancelled. */
int sweep_basin(const Scene *sc, int run, MapView v, int n, double tol, int threads, const atomic_int *cancel,
                SceneOutcome *out);

/* The known minimum (its index in the surface's list) a run ended at: the nearest
 * one within 1% of the view's larger side of its end, if it did not diverge; or
 * -1. */
int sweep_minimum(const Surface *s, MapView v, const SceneOutcome *o);

/* A map's work as a task: cells taken in batches by whoever works on it (threads,
 * or a frame's slice of time on a page that has no threads). */
typedef struct SweepTask {
    const Scene *sc;
    int run, n;               /* the run, and the cells */
    int axes;                 /* 2: a map over a0 x a1, 1: a curve over a0, 0: basins */
    SweepAxis a0, a1;
    MapView view;             /* basins: the starts' region, side x side of them */
    int side;
    double tol;
    const atomic_int *cancel;
    atomic_int next;          /* the first cell not yet taken */
    atomic_int done;          /* cells finished */
    SceneOutcome *out;
} SweepTask;

void sweep_task_hyper(SweepTask *t, const Scene *sc, int run, const SweepAxis *a0, const SweepAxis *a1, double tol,
                      const atomic_int *cancel, SceneOutcome *out);
void sweep_task_basin(SweepTask *t, const Scene *sc, int run, MapView v, int n, double tol, const atomic_int *cancel,
                      SceneOutcome *out);
/* Works on t on this thread, a batch at a time, until no cell is left to take,
 * it is cancelled, or `cells` (> 0) more were taken. Returns 1 when no cell is left
 * to take (other threads may still be finishing theirs). */
int sweep_task_work(SweepTask *t, int cells);
/* Works on t with `threads` threads (< 1: one per core), this one among them, to
 * the end. Returns 0, or -1 when cancelled. */
int sweep_task_run(SweepTask *t, int threads);
/* How many of t's cells are finished. */
int sweep_task_done(SweepTask *t);

/* The number of cores (for threads < 1). */
int sweep_cores(void);

#endif
