/* scene: a surface, a start point, a step count and up to SCENE_MAX_RUNS runs.
 * Each run's trajectory is computed to its full length whenever anything it
 * depends on changes; animation only reveals steps 0..t, so the window, a
 * screenshot and a CSV always agree.
 *
 * Invariants: run.traj has room for run.cap >= scene.steps + 1 points (allocated by
 * scene_set_steps / scene_add_run, never in the frame loop); after simulation
 * run.n points are valid, point 0 is the start, and every valid point is finite.
 * run.diverged_at is the first step that was not finite, or -1. */
#ifndef GS_SCENE_H
#define GS_SCENE_H

#include "optim.h"
#include "surface.h"

#define SCENE_MAX_RUNS 16
#define SCENE_MAX_STEPS 1000000
#define SCENE_LABEL_MAX 32

typedef struct TrajPoint {
    double x, y, loss, gx, gy;
} TrajPoint;

typedef struct Run {
    OptimKind kind;
    double hp[HP_COUNT];
    char label[SCENE_LABEL_MAX];
    int label_set;   /* 1 when the label was given by the user */
    int colour;      /* palette index */
    int enabled;
    TrajPoint *traj;
    int cap;
    int n;
    int diverged_at;
} Run;

typedef struct Scene {
    Surface surface;
    double start[2];
    int steps;
    Run run[SCENE_MAX_RUNS];
    int n_runs;
} Scene;

/* Empty scene on the given surface, with the surface's start and step count and no
 * runs. Returns 0. */
int scene_init(Scene *sc, const Surface *surface);
void scene_free(Scene *sc);

/* Appends a run (hp may be NULL for the kind's defaults; label NULL or "" for an
 * automatic unique one). Returns its index, or -1 when full or out of memory. */
int scene_add_run(Scene *sc, OptimKind kind, const double *hp, const char *label);
void scene_remove_run(Scene *sc, int index);

/* Resizes every trajectory for n steps. Returns 0, or -1 when out of memory (the
 * scene keeps its previous step count). */
int scene_set_steps(Scene *sc, int n);

/* Gives automatic labels ("adam", "adam-2", ...) to runs without a user label. */
void scene_relabel(Scene *sc);

/* Recomputes one run's trajectory, or all of them. */
void scene_simulate_run(Scene *sc, int index);
void scene_simulate(Scene *sc);

/* Okabe-Ito colour-blind-safe palette, 0xRRGGBB. */
unsigned scene_palette(int index);

#endif
