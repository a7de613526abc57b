/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* torch_fixture: the scene of a torch.optim fixture. A fixture's first line,
 *   # surface=<SPEC> opt=<SPEC> start=<X>,<Y> steps=<N>
 * gives the scene in gradscape's own CLI syntax; it is rebuilt through the real
 * argument parser, so the tests run exactly what `gradscape --surface ... --opt ...`
 * would. Shared by test_torch (trajectories) and test_state (optimizer state). */
#ifndef GS_TORCH_FIXTURE_H
#define GS_TORCH_FIXTURE_H

#include "spec.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Builds and simulates the scene of the first line `head`. Returns 0, or -1 with
 * the reason in err. */
static int torch_fixture_scene(const char *head, Scene *sc, char *err, size_t cap)
{
    char surf[600], opt[600], start[128];
    int steps;
    if (sscanf(head, "# surface=%599s opt=%599s start=%127s steps=%d", surf, opt, start, &steps) != 4) {
        snprintf(err, cap, "bad first line");
        return -1;
    }
    char steps_s[32];
    snprintf(steps_s, sizeof steps_s, "%d", steps);
    char *argv[] = {"gradscape", "--surface", surf, "--opt", opt, "--start", start, "--steps", steps_s};
    Config cfg;
    if (spec_parse_args(9, argv, &cfg, err, cap) != 0 || spec_build_scene(&cfg, sc, err, cap) != 0)
        return -1;
    return 0;
}

static int torch_fixture_by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The paths of the .csv files in dir, sorted, malloc'd into names (at most max).
 * Returns how many (0 when dir cannot be read). */
static int torch_fixture_list(const char *dir, char **names, int max)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) && n < max;) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".csv") == 0) {
            names[n] = malloc(strlen(dir) + len + 2);
            if (names[n])
                sprintf(names[n++], "%s/%s", dir, e->d_name);
        }
    }
    if (d)
        closedir(d);
    qsort(names, (size_t)n, sizeof names[0], torch_fixture_by_name);
    return n;
}

#endif
