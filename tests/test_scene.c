/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Scenes: trajectories follow the optimizer step by step, divergence stops a run at
 * its last finite step, labels are unique, step counts resize. */
#include "check.h"
#include "scene.h"
#include "spec.h"

#include <stdlib.h>

static void test_trajectory_follows_steps(void)
{
    Surface s;
    ExprError err;
    CHECK(surface_init_expr(&s, "x^2 + 10*y^2", &err) == 0);
    Scene sc;
    scene_init(&sc, &s);
    sc.start[0] = 1.0, sc.start[1] = 1.0;
    CHECK(scene_set_steps(&sc, 3) == 0);
    double hp[HP_COUNT];
    optim_defaults(OPTIM_SGD, hp);
    hp[HP_LR] = 0.01;
    CHECK(scene_add_run(&sc, OPTIM_SGD, hp, NULL) == 0);
    scene_simulate(&sc);
    const Run *r = &sc.run[0];
    CHECK(r->n == 4 && r->diverged_at == -1);
    /* x <- x - 0.01 * 2x = 0.98x; y <- y - 0.01 * 20y = 0.8y */
    CHECK_REL(r->traj[0].x, 1.0, 0);
    CHECK_REL(r->traj[0].loss, 11.0, 0);
    CHECK_REL(r->traj[0].gx, 2.0, 0);
    CHECK_REL(r->traj[0].gy, 20.0, 0);
    CHECK_REL(r->traj[3].x, 0.98 * 0.98 * 0.98, 1e-15);
    CHECK_REL(r->traj[3].y, 0.8 * 0.8 * 0.8, 1e-15);
    CHECK_REL(r->traj[3].loss, r->traj[3].x * r->traj[3].x + 10 * r->traj[3].y * r->traj[3].y, 1e-15);
    /* resimulating is deterministic and a changed start moves point 0 */
    sc.start[0] = -2.0;
    scene_simulate_run(&sc, 0);
    CHECK(r->traj[0].x == -2.0);
    CHECK_REL(r->traj[1].x, -2.0 * 0.98, 1e-15);
    /* 0 steps: only the start */
    CHECK(scene_set_steps(&sc, 0) == 0);
    scene_simulate(&sc);
    CHECK(r->n == 1);
    CHECK(scene_set_steps(&sc, SCENE_MAX_STEPS + 1) == -1);
    CHECK(sc.steps == 0);
    scene_free(&sc);
}

static void test_divergence(void)
{
    Surface s;
    CHECK(surface_init_expr(&s, "x^4 + y^2", NULL) == 0);
    Scene sc;
    scene_init(&sc, &s);
    sc.start[0] = 3.0, sc.start[1] = 0.0;
    scene_set_steps(&sc, 1000);
    double hp[HP_COUNT];
    optim_defaults(OPTIM_SGD, hp);
    hp[HP_LR] = 1.0; /* x <- x - 4x^3 explodes within a few steps */
    scene_add_run(&sc, OPTIM_SGD, hp, NULL);
    scene_simulate(&sc);
    const Run *r = &sc.run[0];
    CHECK(r->diverged_at > 0 && r->diverged_at < 20);
    CHECK(r->n == r->diverged_at);
    for (int k = 0; k < r->n; k++)
        CHECK(isfinite(r->traj[k].x) && isfinite(r->traj[k].loss) && isfinite(r->traj[k].gx));
    /* a start where the loss is not finite diverges at step 0 */
    CHECK(surface_init_expr(&s, "log(x)", NULL) == 0);
    Scene sc2;
    scene_init(&sc2, &s);
    sc2.start[0] = -1.0;
    scene_add_run(&sc2, OPTIM_ADAM, NULL, NULL);
    scene_simulate(&sc2);
    CHECK(sc2.run[0].diverged_at == 0 && sc2.run[0].n == 0);
    scene_free(&sc);
    scene_free(&sc2);
}

static void test_labels_and_runs(void)
{
    Surface s;
    surface_init_builtin(&s, surface_find("saddle"));
    Scene sc;
    scene_init(&sc, &s);
    CHECK(scene_add_run(&sc, OPTIM_ADAM, NULL, NULL) == 0);
    CHECK(scene_add_run(&sc, OPTIM_SGD, NULL, NULL) == 1);
    CHECK(scene_add_run(&sc, OPTIM_ADAM, NULL, "") == 2);
    CHECK(scene_add_run(&sc, OPTIM_ADAM, NULL, "mine") == 3);
    CHECK(scene_add_run(&sc, OPTIM_ADAM, NULL, NULL) == 4);
    CHECK_STR(sc.run[0].label, "adam");
    CHECK_STR(sc.run[1].label, "sgd");
    CHECK_STR(sc.run[2].label, "adam-2");
    CHECK_STR(sc.run[3].label, "mine");
    CHECK_STR(sc.run[4].label, "adam-3");
    /* distinct colours: the first four in the palette's order, then the one most
     * unlike those in use: beside orange, sky blue, reddish purple and white,
     * bluish green (CIELAB distance 60 from the nearest), not vermillion (33, beside
     * orange) */
    for (int i = 0; i < sc.n_runs; i++)
        for (int j = 0; j < i; j++)
            CHECK(sc.run[i].colour != sc.run[j].colour);
    for (int i = 0; i < 4; i++)
        CHECK(sc.run[i].colour == i);
    CHECK(sc.run[4].colour == 5);
    scene_remove_run(&sc, 0);
    CHECK(sc.n_runs == 4);
    CHECK_STR(sc.run[0].label, "sgd");
    CHECK_STR(sc.run[1].label, "adam");
    CHECK_STR(sc.run[3].label, "adam-2");
    while (sc.n_runs < SCENE_MAX_RUNS)
        CHECK(scene_add_run(&sc, OPTIM_SGD, NULL, NULL) >= 0);
    CHECK(scene_add_run(&sc, OPTIM_SGD, NULL, NULL) == -1);
    scene_free(&sc);
}

static void test_default_scenes(void)
{
    /* each surface's default runs: four different optimizers that all move, none
     * diverging, and none landing at the same place */
    for (int i = 0; i < surface_count(); i++) {
        Surface s;
        surface_init_builtin(&s, i);
        Scene sc;
        scene_init(&sc, &s);
        CHECK(spec_add_default_runs(&sc) == 0);
        CHECK(sc.n_runs == 4);
        scene_simulate(&sc);
        for (int r = 0; r < sc.n_runs; r++) {
            const Run *run = &sc.run[r];
            CHECK_MSG(run->diverged_at == -1, "%s: %s diverged", s.name, run->label);
            const TrajPoint *end = &run->traj[run->n - 1];
            double moved = hypot(end->x - sc.start[0], end->y - sc.start[1]);
            CHECK_MSG(moved > 0.1, "%s: %s barely moves", s.name, run->label);
            for (int q = 0; q < r; q++) {
                const TrajPoint *o = &sc.run[q].traj[10];
                const TrajPoint *m = &run->traj[10];
                CHECK_MSG(hypot(o->x - m->x, o->y - m->y) > 1e-3, "%s: %s and %s coincide", s.name,
                          run->label, sc.run[q].label);
            }
        }
        scene_free(&sc);
    }
}

static void test_lockstep_matches_single(void)
{
    /* all runs stepped together give exactly what each run gives alone, including
     * one that diverges midway */
    Surface s;
    surface_init_builtin(&s, surface_find("rosenbrock"));
    Scene sc;
    scene_init(&sc, &s);
    scene_set_steps(&sc, 300);
    RunSpec rs;
    char err[SPEC_ERR_MAX];
    const char *specs[] = {"sgd:lr=1e-3", "adam:lr=0.05", "sgd:lr=0.01", "rmsprop:lr=0.01", "momentum:lr=1e-3"};
    for (int i = 0; i < 5; i++) {
        CHECK(spec_parse_opt(specs[i], &rs, err, sizeof err) == 0);
        scene_add_run(&sc, rs.kind, rs.hp, NULL);
    }
    scene_simulate(&sc);
    CHECK(sc.run[2].diverged_at > 0); /* sgd with lr 0.01 leaves rosenbrock's valley */
    Run saved[5];
    TrajPoint *copies[5];
    for (int i = 0; i < 5; i++) {
        saved[i] = sc.run[i];
        copies[i] = malloc(sizeof(TrajPoint) * (size_t)sc.run[i].n);
        memcpy(copies[i], sc.run[i].traj, sizeof(TrajPoint) * (size_t)sc.run[i].n);
    }
    for (int i = 0; i < 5; i++) {
        scene_simulate_run(&sc, i);
        CHECK(sc.run[i].n == saved[i].n && sc.run[i].diverged_at == saved[i].diverged_at);
        CHECK(memcmp(copies[i], sc.run[i].traj, sizeof(TrajPoint) * (size_t)sc.run[i].n) == 0);
        free(copies[i]);
    }
    scene_free(&sc);
}

static void test_noise(void)
{
    /* on a flat surface the gradient is pure noise: sgd's steps are -lr * sigma * N(0,1) */
    Surface s;
    CHECK(surface_init_expr(&s, "0*x", NULL) == 0);
    Scene sc;
    scene_init(&sc, &s);
    sc.noise = 2.0;
    sc.seed = 7;
    scene_set_steps(&sc, 20000);
    double hp[HP_COUNT];
    optim_defaults(OPTIM_SGD, hp);
    hp[HP_LR] = 1.0;
    scene_add_run(&sc, OPTIM_SGD, hp, NULL);
    scene_add_run(&sc, OPTIM_SGD, hp, NULL);
    scene_simulate(&sc);
    const Run *r = &sc.run[0];
    double mean = 0, var = 0;
    for (int k = 0; k < r->n; k++)
        mean += r->traj[k].gx;
    mean /= r->n;
    for (int k = 0; k < r->n; k++)
        var += (r->traj[k].gx - mean) * (r->traj[k].gx - mean);
    var /= r->n - 1;
    CHECK_MSG(fabs(mean) < 0.05 && fabs(sqrt(var) - 2.0) < 0.05, "noise mean %g sd %g", mean, sqrt(var));
    CHECK(r->traj[1].x == r->traj[0].x - r->traj[0].gx); /* the step used exactly the noisy gradient stored */
    /* the same seed gives the same noise to every run, bit for bit, and again on re-simulation */
    CHECK(memcmp(sc.run[0].traj, sc.run[1].traj, sizeof(TrajPoint) * (size_t)r->n) == 0);
    TrajPoint keep = r->traj[500];
    scene_simulate(&sc);
    CHECK(memcmp(&keep, &r->traj[500], sizeof keep) == 0);
    /* another seed, other noise */
    sc.seed = 8;
    scene_simulate(&sc);
    CHECK(keep.x != r->traj[500].x);
    /* a bundle of 5: members with seeds 9.. differ from the run and each other */
    CHECK(scene_set_bundle(&sc, 0, 5) == 0);
    scene_simulate(&sc);
    CHECK(r->bundle_n[0] == r->n && r->bundle_n[3] == r->n);
    CHECK(r->bundle_traj[100].x != r->traj[100].x);
    CHECK(r->bundle_traj[100].x != r->bundle_traj[(size_t)r->cap + 100].x);
    /* member j is exactly the run with seed s + j + 1 */
    TrajPoint m0 = r->bundle_traj[300];
    sc.seed = 9;
    scene_simulate_run(&sc, 1);
    CHECK(memcmp(&m0, &sc.run[1].traj[300], sizeof m0) == 0);
    scene_free(&sc);
}

static void test_schedule_in_scene(void)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    char *argv[] = {"gradscape", "--surface", "expr:x^2+y^2", "--opt", "sgd:lr=0.1,schedule=step,step_size=3,gamma=0.5,warmup=2",
                    "--steps", "8"};
    CHECK(spec_parse_args(7, argv, &cfg, err, sizeof err) == 0);
    Scene sc;
    CHECK(spec_build_scene(&cfg, &sc, err, sizeof err) == 0);
    /* step t uses lr * 0.5^floor((t-1)/3) * min(1, t/2): row k holds step k+1's lr */
    const double want[] = {0.05, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025};
    for (int k = 0; k <= 8; k++)
        CHECK_REL(sc.run[0].traj[k].lr, want[k], 1e-15);
    /* and the steps used them: x_{k+1} = x_k - lr_k * 2 x_k */
    for (int k = 0; k < 8; k++)
        CHECK_REL(sc.run[0].traj[k + 1].x, sc.run[0].traj[k].x - want[k] * 2 * sc.run[0].traj[k].x, 1e-15);
    scene_free(&sc);
}

int main(void)
{
    test_noise();
    test_schedule_in_scene();
    test_lockstep_matches_single();
    test_trajectory_follows_steps();
    test_divergence();
    test_labels_and_runs();
    test_default_scenes();
    return check_done("test_scene");
}
