/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
#define _POSIX_C_SOURCE 200809L
/* Export: the CSV holds exactly the trajectories (parsed back, bit for bit), and
 * failures leave no file behind (PNG and animations: test_media). */
#include "check.h"
#include "files.h"
#include "export.h"
#include "spec.h"

#include <stdlib.h>
#include <unistd.h>

static char dir[256];

static void test_csv(void)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    char *argv[] = {"gradscape", "--surface", "rosenbrock", "--opt", "adam:lr=0.05", "--opt",
                    "sgd:lr=1e-3,label=a \"quoted\", label", "--steps", "50"};
    CHECK(spec_parse_args(9, argv, &cfg, err, sizeof err) == -1); /* the label has a comma */
    CHECK_STR(err, "--opt 'sgd:lr=1e-3,label=a \"quoted\", label': ' label' is not key=value");
    Scene sc;
    argv[6] = "sgd:lr=1e-3,label=a \"quoted\" label";
    CHECK(spec_parse_args(9, argv, &cfg, err, sizeof err) == 0);
    CHECK(spec_build_scene(&cfg, &sc, err, sizeof err) == 0);
    char path[300];
    snprintf(path, sizeof path, "%s/t.csv", dir);
    CHECK(export_csv(&sc, path, err, sizeof err) == 0);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    char line[512];
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK_STR(line, "optimizer,step,x,y,loss,grad_x,grad_y,lr\n");
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        int run = rows < 51 ? 0 : 1;
        int k = rows - run * 51;
        const TrajPoint *p = &sc.run[run].traj[k];
        char *rest;
        if (run == 0) {
            CHECK(strncmp(line, "adam,", 5) == 0);
            rest = line + 5;
        } else {
            const char *q = "\"a \"\"quoted\"\" label\",";
            CHECK_MSG(strncmp(line, q, strlen(q)) == 0, "%s", line);
            rest = line + strlen(q);
        }
        int step = (int)strtol(rest, &rest, 10);
        CHECK(step == k);
        double v[6];
        for (int j = 0; j < 6; j++)
            v[j] = strtod(rest + 1, &rest);
        CHECK(*rest == '\n');
        /* %.17g round-trips exactly */
        CHECK(v[0] == p->x && v[1] == p->y && v[2] == p->loss && v[3] == p->gx && v[4] == p->gy && v[5] == p->lr);
        rows++;
    }
    fclose(f);
    CHECK(rows == 102);
    remove(path);
    scene_free(&sc);
}

static void test_failures(void)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    char *argv[] = {"gradscape", "--steps", "5"};
    spec_parse_args(3, argv, &cfg, err, sizeof err);
    Scene sc;
    spec_build_scene(&cfg, &sc, err, sizeof err);
    int before = files_in(dir);
    char path[300];
    snprintf(path, sizeof path, "%s/no/such/dir/t.csv", dir);
    CHECK(export_csv(&sc, path, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "cannot write") && strstr(err, "No such file or directory"), "%s", err);
    /* /proc refuses new files even to root */
    CHECK(export_csv(&sc, "/proc/gradscape-test.csv", err, sizeof err) == -1);
    CHECK(strstr(err, "cannot write '/proc/gradscape-test.csv'") != NULL);
    /* a directory */
    CHECK(export_csv(&sc, dir, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "Is a directory") != NULL, "%s", err);
    /* a full disk: the error names the file and the reason */
    CHECK(export_csv(&sc, "/dev/full", err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "No space left on device") != NULL, "%s", err);
    CHECK(files_in(dir) == before);
    scene_free(&sc);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/gs-test-export-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    test_csv();
    test_failures();
    CHECK(files_in(dir) == 0); /* no temporary file left anywhere */
    rmdir(dir);
    return check_done("test_export");
}
