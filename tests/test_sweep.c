/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* sweep: hyperparameter and basin maps. A cell's outcome is the run the scene
 * makes with its values (final loss, steps to the tolerance, divergence: bit for
 * bit, on sampled cells, with a schedule and noise too); one thread and four give
 * the same maps; axes are spaced as asked; starts beside each of Himmelblau's
 * minima end there, a start where the run diverges is marked so; a cancel stops a
 * map early. Built a second time with ThreadSanitizer (tests/CMakeLists.txt). */
#include "check.h"
#include "spec.h"
#include "sweep.h"
#include "tune.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static void build(Scene *sc, int argc, char **argv)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    CHECK_MSG(spec_parse_args(argc, argv, &cfg, err, sizeof err) == 0, "%s", err);
    CHECK_MSG(spec_build_scene(&cfg, sc, err, sizeof err) == 0, "%s", err);
}

/* The outcome of run 0 as scene_simulate makes it, with its hyperparameters. */
static SceneOutcome single(Scene *sc, double tol)
{
    scene_simulate(sc);
    const Run *r = &sc->run[0];
    SceneOutcome o = {.steps_to_tol = -1, .diverged_at = r->diverged_at};
    const TrajPoint *last = &r->traj[r->n - 1];
    o.final_loss = r->n > 0 ? last->loss : NAN;
    o.end[0] = last->x, o.end[1] = last->y;
    for (int k = 0; k < r->n; k++)
        if (r->traj[k].loss <= tol) {
            o.steps_to_tol = k;
            break;
        }
    return o;
}

static int same(const SceneOutcome *a, const SceneOutcome *b)
{
    return memcmp(&a->final_loss, &b->final_loss, sizeof(double)) == 0 && a->steps_to_tol == b->steps_to_tol &&
           a->diverged_at == b->diverged_at && memcmp(a->end, b->end, sizeof a->end) == 0;
}

/* A map over a0 x a1, or (a1.n 0) a curve over a0 alone. */
static void test_hyper(char **argv, int argc, SweepAxis a0, SweepAxis a1)
{
    Scene sc;
    build(&sc, argc, argv);
    double tol = sweep_default_tol(&sc.surface);
    int n = a0.n * (a1.n > 0 ? a1.n : 1);
    const SweepAxis *second = a1.n > 0 ? &a1 : NULL;
    SceneOutcome *one = malloc(sizeof *one * (size_t)n), *four = malloc(sizeof *four * (size_t)n);
    CHECK(sweep_hyper(&sc, 0, &a0, second, tol, 1, NULL, one) == 0);
    CHECK(sweep_hyper(&sc, 0, &a0, second, tol, 4, NULL, four) == 0);
    int differ = 0, diverged = 0, arrived = 0;
    for (int c = 0; c < n; c++) {
        differ += !same(&one[c], &four[c]);
        diverged += one[c].diverged_at >= 0, arrived += one[c].steps_to_tol >= 0;
    }
    CHECK_MSG(differ == 0, "%d cells differ between 1 and 4 threads", differ);
    /* sampled cells against the scene's own simulation with those values */
    for (int c = 0; c < n; c += n / 23 + 1) {
        double saved[HP_COUNT];
        memcpy(saved, sc.run[0].hp, sizeof saved);
        sc.run[0].hp[a0.key] = sweep_value(&a0, c % a0.n);
        if (second)
            sc.run[0].hp[a1.key] = sweep_value(&a1, c / a0.n);
        SceneOutcome s = single(&sc, tol);
        CHECK_MSG(same(&s, &one[c]), "%s cell %d: %.17g/%d/%d, the run: %.17g/%d/%d", argv[2], c, one[c].final_loss,
                  one[c].steps_to_tol, one[c].diverged_at, s.final_loss, s.steps_to_tol, s.diverged_at);
        memcpy(sc.run[0].hp, saved, sizeof saved);
    }
    fprintf(stderr, "test_sweep: %s: %d cells, %d arrived, %d diverged\n", argv[2], n, arrived, diverged);
    free(one);
    free(four);
    scene_free(&sc);
}

static void test_axis(void)
{
    SweepAxis lin = {HP_BETA1, 0.0, 0.9, 10, 0}, lg = {HP_LR, 1e-4, 1.0, 5, 1};
    CHECK(sweep_value(&lin, 0) == 0.0 && sweep_value(&lin, 9) == 0.9);
    CHECK_REL(sweep_value(&lin, 3), 0.3, 1e-15);
    CHECK(sweep_value(&lg, 0) == 1e-4 && sweep_value(&lg, 4) == 1.0);
    CHECK_REL(sweep_value(&lg, 2), 1e-2, 1e-14);
}

static void test_basin(void)
{
    char *argv[] = {"gradscape", "--surface", "himmelblau", "--opt", "adam:lr=0.05", "--steps", "500"};
    Scene sc;
    build(&sc, 7, argv);
    MapView v = {-5, 5, -5, 5};
    enum { N = 40 };
    static SceneOutcome out[N * N];
    CHECK(sweep_basin(&sc, 0, v, N, sweep_default_tol(&sc.surface), 2, NULL, out) == 0);
    /* a start a little off each minimum ends at it */
    for (int m = 0; m < sc.surface.n_minima; m++) {
        double mx = sc.surface.minima[m][0], my = sc.surface.minima[m][1];
        int i = (int)((mx - v.x0) / (v.x1 - v.x0) * N), j = (int)((my - v.y0) / (v.y1 - v.y0) * N);
        const SceneOutcome *o = &out[j * N + i];
        CHECK_MSG(sweep_minimum(&sc.surface, v, o) == m && o->steps_to_tol >= 0, "minimum %d: the start beside it "
                  "ended at (%g, %g), minimum %d", m, o->end[0], o->end[1], sweep_minimum(&sc.surface, v, o));
        /* and that cell is the run from its start */
        double x0, y0;
        sweep_basin_start(v, N, i, j, &x0, &y0);
        sc.start[0] = x0, sc.start[1] = y0;
        SceneOutcome s = single(&sc, sweep_default_tol(&sc.surface));
        CHECK(same(&s, o));
    }
    /* all four basins are reached from somewhere */
    int seen[8] = {0};
    for (int c = 0; c < N * N; c++) {
        int m = sweep_minimum(&sc.surface, v, &out[c]);
        if (m >= 0 && m < 8)
            seen[m]++;
    }
    CHECK(seen[0] > 0 && seen[1] > 0 && seen[2] > 0 && seen[3] > 0);
    scene_free(&sc);
    /* SGD with a huge step diverges from far out, and says so */
    char *argv2[] = {"gradscape", "--surface", "himmelblau", "--opt", "sgd:lr=0.05", "--steps", "100"};
    build(&sc, 7, argv2);
    static SceneOutcome far[4];
    CHECK(sweep_basin(&sc, 0, (MapView){-60, 60, -60, 60}, 2, 1e-6, 1, NULL, far) == 0);
    for (int c = 0; c < 4; c++)
        CHECK_MSG(far[c].diverged_at > 0 && sweep_minimum(&sc.surface, v, &far[c]) == -1, "corner %d: %d", c,
                  far[c].diverged_at);
    scene_free(&sc);
}

static void test_cancel(void)
{
    char *argv[] = {"gradscape", "--opt", "adam", "--steps", "20000"};
    Scene sc;
    build(&sc, 5, argv);
    SweepAxis a0 = {HP_LR, 1e-3, 1, 64, 1}, a1 = {HP_BETA1, 0, 0.99, 64, 0};
    static SceneOutcome out[64 * 64];
    atomic_int cancel;
    atomic_init(&cancel, 1);
    for (int c = 0; c < 64 * 64; c++)
        out[c].diverged_at = -7;
    CHECK(sweep_hyper(&sc, 0, &a0, &a1, 1e-6, 2, &cancel, out) == -1);
    int untouched = 0;
    for (int c = 0; c < 64 * 64; c++)
        untouched += out[c].diverged_at == -7;
    CHECK_MSG(untouched == 64 * 64, "%d cells computed after the cancel", 64 * 64 - untouched);
    scene_free(&sc);
}

/* The default map of every optimizer on every built-in surface's default scene,
 * with the surface's tuned learning rate: less than half of it diverges (on a
 * surface with a minimum: on the saddles, with none, a run that goes off down the
 * slope is what the scene is about). The
 * learning rate spans three decades about the run's; Adam's family has beta1 on
 * its second axis (beta2 when picked); SGD and Adagrad a curve over lr alone. */
static void test_default_pairs(void)
{
    enum { N = 12 };
    SweepAxis ax[2];
    double hp[HP_COUNT];
    optim_defaults(OPTIM_ADAM, hp);
    hp[HP_LR] = 0.05;
    CHECK(sweep_default_axes(OPTIM_ADAM, hp, NULL, N, ax) == 2);
    CHECK(ax[0].key == HP_LR && ax[0].log && fabs(sqrt(ax[0].lo * ax[0].hi) - 0.05) < 1e-12 &&
          fabs(ax[0].hi / ax[0].lo - 1000) < 1e-9);
    CHECK(ax[1].key == HP_BETA1 && !ax[1].log && ax[1].n == N);
    CHECK(sweep_default_axes(OPTIM_ADAM, hp, (const int[]){-1, HP_BETA2}, N, ax) == 2 && ax[1].key == HP_BETA2);
    static const HyperKey SECOND[OPTIM_COUNT] = {
        [OPTIM_SGD] = HP_COUNT, [OPTIM_MOMENTUM] = HP_MOMENTUM, [OPTIM_RMSPROP] = HP_ALPHA, [OPTIM_ADAM] = HP_BETA1,
        [OPTIM_NESTEROV] = HP_MOMENTUM, [OPTIM_AMSGRAD] = HP_BETA1, [OPTIM_ADAMW] = HP_BETA1, [OPTIM_NADAM] = HP_BETA1,
        [OPTIM_RADAM] = HP_BETA1, [OPTIM_ADAGRAD] = HP_COUNT, [OPTIM_ADADELTA] = HP_RHO, [OPTIM_LION] = HP_BETA1,
    };
    double worst = 0;
    char worst_at[96] = "";
    for (int si = 0; si < surface_count(); si++) {
        Surface surf;
        CHECK(surface_init_builtin(&surf, si) == 0);
        for (int k = 0; k < OPTIM_COUNT; k++) {
            Scene sc;
            scene_init(&sc, &surf);
            optim_defaults((OptimKind)k, hp);
            tune_lr(&surf, (OptimKind)k, &hp[HP_LR]);
            CHECK(scene_add_run(&sc, (OptimKind)k, hp, NULL) == 0);
            int axes = sweep_default_axes((OptimKind)k, hp, NULL, N, ax);
            CHECK_MSG(axes == (SECOND[k] == HP_COUNT ? 1 : 2) && (axes == 1 || ax[1].key == SECOND[k]),
                      "%s: %d axes", optim_info((OptimKind)k)->name, axes);
            int cells = N * (axes == 2 ? N : 1), diverged = 0;
            SceneOutcome out[N * N];
            CHECK(sweep_hyper(&sc, 0, &ax[0], axes == 2 ? &ax[1] : NULL, 1e-6, 0, NULL, out) == 0);
            for (int c = 0; c < cells; c++)
                diverged += out[c].diverged_at >= 0 || !isfinite(out[c].final_loss);
            double share = (double)diverged / cells;
            CHECK_MSG(share < 0.5 || surf.n_minima == 0, "%s on %s: %.0f%% of the default map diverges", optim_info((OptimKind)k)->name,
                      surface_info(si)->name, 100 * share);
            if (share > worst && surf.n_minima > 0) {
                worst = share;
                snprintf(worst_at, sizeof worst_at, "%s on %s", optim_info((OptimKind)k)->name, surface_info(si)->name);
            }
            scene_free(&sc);
        }
    }
    printf("test_sweep: the most diverged default map: %.0f%% (%s)\n", 100 * worst, worst_at);
}

int main(void)
{
    test_axis();
    test_default_pairs();
    char *adam[] = {"gradscape", "--surface", "rosenbrock", "--opt", "adam", "--steps", "1000"};
    test_hyper(adam, 7, (SweepAxis){HP_LR, 1e-3, 1.0, 24, 1}, (SweepAxis){HP_BETA1, 0.0, 0.99, 20, 0});
    char *sched[] = {"gradscape", "--surface", "quadratic", "--opt", "momentum:schedule=cosine,t_max=300",
                     "--noise", "0.3", "--seed", "5", "--steps", "300"};
    test_hyper(sched, 11, (SweepAxis){HP_LR, 1e-3, 0.5, 16, 1}, (SweepAxis){HP_MOMENTUM, 0.0, 0.99, 16, 0});
    /* the learning-rate curve: one key */
    char *sgd[] = {"gradscape", "--surface", "himmelblau", "--opt", "sgd:lr=0.01", "--steps", "400"};
    test_hyper(sgd, 7, (SweepAxis){HP_LR, 1e-4, 0.1, 40, 1}, (SweepAxis){0});
    test_basin();
    test_cancel();
    return check_done("test_sweep");
}
