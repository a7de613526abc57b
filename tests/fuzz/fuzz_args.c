/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* libFuzzer target: the whole command line. The input is split on NUL or newline
 * into argv[1..]; spec_parse_args must accept it or give a one-line error. When it
 * accepts a run, the scene is built and simulated (steps capped at 2000 so that one
 * input stays fast) and freed; every simulated point must be finite, every run's
 * hyperparameters valid, every label a readable name (scene_label_check) and no
 * two runs' labels the same. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

#define EXPECT(c)                                                                   \
    do {                                                                            \
        if (!(c)) {                                                                 \
            fprintf(stderr, "fuzz_args: invariant failed: %s (line %d)\n", #c, __LINE__); \
            abort();                                                                \
        }                                                                           \
    } while (0)

#define MAX_ARGS 64
#define MAX_STEPS 2000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    argv[argc++] = "gradscape";
    char *p = buf, *end = buf + size;
    while (p <= end && argc < MAX_ARGS) {
        char *q = p;
        while (q < end && *q != '\0' && *q != '\n')
            q++;
        *q = '\0';
        if (q == end && p == q)
            break; /* a trailing separator adds no empty argument */
        argv[argc++] = p;
        p = q + 1;
    }
    argv[argc] = NULL;

    static Config cfg;
    char err[SPEC_ERR_MAX];
    memset(err, 0, sizeof err);
    if (spec_parse_args(argc, argv, &cfg, err, sizeof err) != 0) {
        EXPECT(err[0] != '\0' && strchr(err, '\n') == NULL);
        free(buf);
        return 0;
    }
    EXPECT(cfg.steps >= -1 && cfg.steps <= SCENE_MAX_STEPS);
    EXPECT(cfg.width >= 1 && cfg.height >= 1);
    EXPECT(cfg.n_opts >= 0 && cfg.n_opts <= SCENE_MAX_RUNS);
    if (cfg.action == SPEC_RUN) {
        if (cfg.steps < 0 || cfg.steps > MAX_STEPS)
            cfg.steps = cfg.steps < 0 ? -1 : MAX_STEPS;
        static Scene sc;
        if (spec_build_scene(&cfg, &sc, err, sizeof err) == 0) {
            EXPECT(sc.n_runs >= 1 && sc.n_runs <= SCENE_MAX_RUNS);
            for (int i = 0; i < sc.n_runs; i++) {
                const Run *r = &sc.run[i];
                EXPECT(r->n >= 0 && r->n <= sc.steps + 1 && r->n <= r->cap);
                for (int k = 0; k < HP_COUNT; k++)
                    if (optim_uses(r->kind, (HyperKey)k))
                        EXPECT(optim_hyper_valid((HyperKey)k, r->hp[k]));
                for (int j = 0; j < r->n; j++)
                    EXPECT(isfinite(r->traj[j].x) && isfinite(r->traj[j].y) && isfinite(r->traj[j].loss) &&
                           isfinite(r->traj[j].gx) && isfinite(r->traj[j].gy) && isfinite(r->traj[j].lr));
                if (r->n > 0)
                    EXPECT(r->traj[0].x == sc.start[0] && r->traj[0].y == sc.start[1]);
                char why[128];
                EXPECT(scene_label_check(r->label, why, sizeof why) == 0);
                EXPECT(scene_find_run(&sc, r->label) == i);
            }
            scene_free(&sc);
        } else {
            EXPECT(err[0] != '\0' && strchr(err, '\n') == NULL);
        }
    }
    free(buf);
    return 0;
}
