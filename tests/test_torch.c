/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Trajectories against torch.optim. Each fixture (a .csv file in tests/fixtures/torch) was
 * produced by make_fixtures.py with Debian's python3-torch, outside this code: its
 * first line gives the scene in gradscape's own CLI syntax, then the CSV rows torch
 * computed. We rebuild the scene through the real argument parser and compare every
 * number to 1e-9 relative (absolute below magnitude 1). */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "torch_fixture.h"

#include <stdlib.h>

static int run_fixture(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char head[1024], err[SPEC_ERR_MAX] = "no first line";
    Scene sc;
    if (!fgets(head, sizeof head, f) || torch_fixture_scene(head, &sc, err, sizeof err) != 0) {
        fclose(f);
        CHECK_MSG(0, "%s: %s", path, err);
        return -1;
    }
    char line[1024];
    CHECK(fgets(line, sizeof line, f) && strncmp(line, "optimizer,step,x,y,loss,grad_x,grad_y", 37) == 0);
    int has_lr = strstr(line, ",lr") != NULL; /* fixtures of schedules carry torch's lr */
    const Run *r = &sc.run[0];
    int rows = 0, bad = 0;
    double worst = 0;
    while (fgets(line, sizeof line, f)) {
        char *p = strchr(line, ',');
        int k = (int)strtol(p + 1, &p, 10);
        double ref[6];
        int cols = has_lr ? 6 : 5;
        for (int j = 0; j < cols; j++)
            ref[j] = strtod(p + 1, &p);
        if (k != rows || k >= r->n) {
            bad++;
            break;
        }
        const TrajPoint *q = &r->traj[k];
        double got[6] = {q->x, q->y, q->loss, q->gx, q->gy, q->lr};
        for (int j = 0; j < cols; j++) {
            double scale = fabs(ref[j]) > 1 ? fabs(ref[j]) : 1;
            double d = fabs(got[j] - ref[j]) / scale;
            if (d > worst)
                worst = d;
            if (d > 1e-9) {
                if (bad++ < 3)
                    fprintf(stderr, "%s: step %d column %d: %.17g, torch %.17g\n", path, k, j, got[j], ref[j]);
            }
        }
        rows++;
    }
    fclose(f);
    CHECK_MSG(bad == 0, "%s: %d mismatches", path, bad);
    CHECK_MSG(rows == r->n, "%s: torch has %d rows, gradscape %d", path, rows, r->n);
    printf("%-50s %4d rows  max rel diff %.2e\n", strrchr(path, '/') + 1, rows, worst);
    scene_free(&sc);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    char *names[512];
    int n = torch_fixture_list(argv[1], names, 512);
    CHECK_MSG(n >= 20, "only %d fixtures", n);
    for (int i = 0; i < n; i++) {
        run_fixture(names[i]);
        free(names[i]);
    }
    return check_done("test_torch");
}
