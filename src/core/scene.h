/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
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
#include "schedule.h"
#include "surface.h"

#define SCENE_MAX_RUNS 16
#define SCENE_MAX_STEPS 1000000
#define SCENE_LABEL_MAX 32
#define SCENE_MAX_BUNDLE 32
#define SCENE_CKPT_EVERY 1024

/* One step of a trajectory: the position, the loss there, the gradient the
 * optimizer used there (with the scene's noise added, if any) and the learning rate
 * of the step taken from there. */
typedef struct TrajPoint {
    double x, y, loss, gx, gy, lr;
} TrajPoint;

typedef struct Run {
    OptimKind kind;
    double hp[HP_COUNT];
    char label[SCENE_LABEL_MAX];
    int label_set;   /* 1 when the label was given by the user */
    int colour;      /* palette index */
    int enabled;
    Schedule sched;  /* as given; unset values take defaults when simulated */
    int bundle;      /* with noise: draw this many seeds (s, s+1, ...), 0 or 1: just s */
    TrajPoint *traj;
    int cap;
    /* the optimizer's state after every SCENE_CKPT_EVERY-th step: ckpt[j] after
     * j * SCENE_CKPT_EVERY steps, for scene_run_state */
    OptimState *ckpt;
    int n;
    int diverged_at;
    unsigned long long version; /* a hash of everything the trajectory depends on */
    /* the bundle's other members, seeds s+1 .. s+bundle-1: member j's points at
     * bundle_traj + j * cap, bundle_n[j] of them */
    TrajPoint *bundle_traj;
    int bundle_cap;  /* members allocated */
    int bundle_n[SCENE_MAX_BUNDLE];
} Run;

typedef struct Scene {
    Surface surface;
    double start[2];
    int steps;
    double noise;               /* sigma of the gradient noise, 0 for none */
    unsigned long long seed;    /* seed of run noise; bundle member j uses seed + j */
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

/* Sets a run's bundle size (0 to SCENE_MAX_BUNDLE), allocating its members.
 * Returns 0 or -1 (out of memory; the bundle is left as it was). */
int scene_set_bundle(Scene *sc, int index, int k);

/* The points a whole simulation computes: every run's and its bundle's, steps + 1
 * each (a progress line's total). */
long long scene_points(const Scene *sc);

/* The bytes a scene's trajectories take: `tracks` tracks (a run and each member of
 * its bundle) of n steps, with their checkpoints. */
double scene_bytes(int tracks, int steps);

/* The most a scene may take: half the machine's physical memory. */
double scene_memory_limit(void);

/* Resizes every trajectory for n steps. Returns 0, or -1 when out of memory (the
 * scene keeps its previous step count). */
int scene_set_steps(Scene *sc, int n);

/* Gives automatic labels ("adam", "adam-2", ...) to runs without a user label. */
void scene_relabel(Scene *sc);

/* Recomputes the trajectories of the runs whose bit is set (bit i: run i), their
 * own tracks in lockstep, then their bundles; one run's; or all of them. */
#define SCENE_ALL_RUNS 0xFFFFFFFFu
void scene_resimulate(Scene *sc, unsigned runs);
void scene_simulate_run(Scene *sc, int index);
void scene_simulate(Scene *sc);

/* What a run comes to, without its trajectory (sweeps and basins). */
typedef struct SceneOutcome {
    double final_loss;   /* at its last finite point (NaN: none) */
    double end[2];       /* where that is */
    int steps_to_tol;    /* the first step whose loss is at or under tol, or -1 */
    int diverged_at;     /* the first non-finite step, or -1 */
} SceneOutcome;

/* Simulates n variants of run `index` (its optimizer and schedule, the scene's
 * surface, steps, noise and seed) with the hyperparameters hp[i] (NULL: the run's)
 * from start[i] (NULL: the scene's start), exactly as scene_simulate would (the
 * same steps in the same order, bit for bit), keeping only their outcomes. Touches
 * nothing in the scene: threads may call it at once. */
void scene_outcomes(const Scene *sc, int index, const double (*hp)[HP_COUNT], const double (*start)[2], int n,
                    double tol, SceneOutcome *out);

/* The optimizer state of run `index` after k steps (0 <= k < run.n): replayed from
 * the nearest checkpoint with the trajectory's own gradients and learning rates, so
 * it is bit for bit the state the simulation had. Returns 0, or -1 when k is out of
 * range. */
int scene_run_state(const Scene *sc, int index, int k, OptimState *out);

/* One update of a run, seen from inside: the head at step k and the step from it
 * to k + 1, line by line, with the state before and after. */
typedef struct RunUpdate {
    int k;
    int has_next;          /* the scene takes a step from k (k < steps) */
    OptimState before;     /* after k steps */
    OptimState after;      /* after k + 1 steps (when has_next) */
    OptimTrace trace;      /* the update k -> k + 1 */
    double lr;             /* its learning rate */
    double next[2];        /* where it lands: the trajectory's point k + 1 when finite */
    OptimInternals in;     /* what the state after it says (when has_next) */
} RunUpdate;

/* Fills u for run `index` at step k (clamped to the run's points). Returns 0, or
 * -1 when the run has no points. */
int scene_run_update(const Scene *sc, int index, int k, RunUpdate *u);

/* Okabe-Ito colour-blind-safe palette, 0xRRGGBB. */
unsigned scene_palette(int index);

/* FNV-1a over n bytes, from h. */
unsigned long long scene_hash_bytes(unsigned long long h, const void *data, size_t n);

/* A hash of everything a run's trajectory depends on: the surface and its
 * parameters, start, steps, noise and seed, its optimizer, hyperparameters,
 * schedule and bundle size. Never 0. A run's version is this, with its resolved
 * schedule. */
unsigned long long scene_inputs_hash(const Scene *sc, OptimKind kind, const double *hp, const Schedule *sched,
                                     int bundle);

/* Checks that a label is a name a person can read and nothing else: valid UTF-8
 * with no control character (C0, DEL, C1), no line or paragraph separator and no
 * bidirectional control (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069).
 * Returns 0, or -1 with why naming the offending character. */
int scene_label_check(const char *label, char *why, size_t cap);

/* The index of the run labelled `label`, or -1. */
int scene_find_run(const Scene *sc, const char *label);

#endif
