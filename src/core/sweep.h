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

/* The value of an axis at index i (lo at 0, hi at n - 1). */
double sweep_value(const SweepAxis *a, int i);

/* The default tolerance: the loss within 1e-6 of the surface's lowest known
 * minimum, else 1e-6. */
double sweep_default_tol(const Surface *s);

/* The hyperparameter map of run `run`: cell (i, j) at out[j * a0.n + i] has
 * axis 0's value i and axis 1's value j, the run's other hyperparameters. Returns
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

/* The number of cores (for threads < 1). */
int sweep_cores(void);

#endif
