/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Optimizer state against torch.optim. Each file in tests/fixtures/torch/state was
 * produced by make_fixtures.py with Debian's python3-torch: torch's
 * optimizer.state after k steps for a subset of k, one column per value
 * (state_step, <name>_x, <name>_y, or <name> for a 0-dim tensor). We rebuild the
 * scene from its first line as test_torch does, match the columns to the slots of
 * the run's OptimState by OptimInfo.state_name, and for every recorded k check:
 *
 *  1. scene_run_state(k) is the state the simulation had: t == k and, bit for bit,
 *     the state of optim_step folded over the run's own points 0..k-1 from
 *     optim_init, without checkpoints; asked for in increasing k, then in decreasing k.
 *  2. Its values are torch's: exactly while the run's path before k is torch's bit
 *     for bit (positions, gradients and lrs of the trajectory fixture), otherwise
 *     to 1e-9 of the column's largest magnitude (the gradients of gradscape's
 *     expressions and torch's autograd may differ in the last bit, and the
 *     schedules' lrs too; test_torch allows the same for the paths).
 *  3. With the trajectory fixture, optim_step fed torch's own positions, gradients
 *     and lrs gives torch's state exactly at every recorded k: the optimizers'
 *     state arithmetic is torch's.
 *
 * The long files (2500 steps) cross two checkpoints (SCENE_CKPT_EVERY), with rows
 * either side of each. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "torch_fixture.h"

#include <stdint.h>
#include <stdlib.h>

#define MAX_COLS 16
#define MAX_ROWS 4096
#define TOL 1e-9

/* What a column holds: torch's step count, or slot j of coordinate c (c = -1: a
 * 0-dim tensor, the same value in both coordinates). */
typedef struct Column {
    char name[64];
    int is_step;
    int slot;
    int coord;
} Column;

typedef struct StateFile {
    char head[1024];
    int n_cols;
    Column col[MAX_COLS];
    int n_rows;
    int k[MAX_ROWS];
    double v[MAX_ROWS][MAX_COLS];
} StateFile;

/* torch's trajectory of the same run: row k is x, y, loss, gx, gy[, lr]. */
typedef struct TrajFile {
    int n_rows;
    int has_lr;
    double v[MAX_ROWS][6];
} TrajFile;

static int same_bits(double a, double b)
{
    uint64_t x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    return x == y;
}

static int state_same(const OptimState *a, const OptimState *b)
{
    if (a->t != b->t)
        return 0;
    for (int c = 0; c < 2; c++)
        for (int j = 0; j < OPTIM_STATE_MAX; j++)
            if (!same_bits(a->s[c][j], b->s[c][j]))
                return 0;
    return 1;
}

static double column_value(const Column *col, const OptimState *st, int c)
{
    return col->is_step ? (double)st->t : st->s[c][col->slot];
}

/* Reads the header and rows; the column names are matched to kind's slots. */
static int read_state_file(const char *path, OptimKind kind, StateFile *sf)
{
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f)
        return -1;
    char line[4096];
    int ok = fgets(sf->head, sizeof sf->head, f) && fgets(line, sizeof line, f) &&
             strncmp(line, "optimizer,step", 14) == 0;
    CHECK_MSG(ok, "%s: bad header", path);
    const OptimInfo *info = optim_info(kind);
    int covered[OPTIM_STATE_MAX] = {0};
    sf->n_cols = 0;
    for (char *tok = strtok(ok ? line + 14 : line, ",\n"); ok && tok; tok = strtok(NULL, ",\n")) {
        if (sf->n_cols == MAX_COLS) {
            CHECK_MSG(0, "%s: more than %d columns", path, MAX_COLS);
            ok = 0;
            break;
        }
        Column *col = &sf->col[sf->n_cols++];
        snprintf(col->name, sizeof col->name, "%s", tok);
        col->is_step = strcmp(tok, "state_step") == 0;
        col->slot = -1;
        col->coord = -1;
        if (col->is_step)
            continue;
        size_t len = strlen(tok);
        char base[64];
        snprintf(base, sizeof base, "%s", tok);
        if (len > 2 && (strcmp(tok + len - 2, "_x") == 0 || strcmp(tok + len - 2, "_y") == 0)) {
            col->coord = tok[len - 1] == 'x' ? 0 : 1;
            base[len - 2] = '\0';
        }
        for (int j = 0; j < OPTIM_STATE_MAX; j++)
            if (info->state_name[j] && strcmp(info->state_name[j], base) == 0)
                col->slot = j;
        CHECK_MSG(col->slot >= 0, "%s: %s keeps no state named \"%s\" (torch's %s)", path, info->name, base, tok);
        if (col->slot < 0)
            ok = 0;
        else
            covered[col->slot] = 1;
    }
    /* every slot gradscape names is one torch keeps */
    for (int j = 0; ok && j < OPTIM_STATE_MAX; j++)
        CHECK_MSG(!info->state_name[j] || covered[j], "%s: torch keeps no \"%s\" for %s", path,
                  info->state_name[j], info->name);
    sf->n_rows = 0;
    while (ok && fgets(line, sizeof line, f)) {
        if (sf->n_rows == MAX_ROWS) {
            CHECK_MSG(0, "%s: more than %d rows", path, MAX_ROWS);
            ok = 0;
            break;
        }
        char *p = strchr(line, ',');
        ok = p != NULL;
        int r = sf->n_rows++;
        sf->k[r] = ok ? (int)strtol(p + 1, &p, 10) : -1;
        for (int j = 0; ok && j < sf->n_cols; j++) {
            char *end;
            ok = *p == ',';
            sf->v[r][j] = strtod(p + 1, &end);
            ok = ok && end != p + 1;
            p = end;
        }
        ok = ok && (*p == '\n' || *p == '\0') && (r == 0 || sf->k[r] > sf->k[r - 1]);
        CHECK_MSG(ok, "%s: bad row %d", path, r + 1);
    }
    fclose(f);
    CHECK_MSG(!ok || sf->n_rows > 0, "%s: no rows", path);
    return ok && sf->n_rows > 0 ? 0 : -1;
}

/* The trajectory fixture next to the state directory, if there is one. */
static int read_traj_file(const char *state_path, TrajFile *tf)
{
    char path[1024];
    const char *slash = strrchr(state_path, '/');
    int dir_len = (int)(slash - state_path) - (int)strlen("/state");
    snprintf(path, sizeof path, "%.*s%s", dir_len, state_path, slash);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[1024];
    int ok = fgets(line, sizeof line, f) && fgets(line, sizeof line, f);
    tf->has_lr = ok && strstr(line, ",lr") != NULL;
    tf->n_rows = 0;
    while (ok && tf->n_rows < MAX_ROWS && fgets(line, sizeof line, f)) {
        char *p = strchr(line, ',');
        ok = p && (int)strtol(p + 1, &p, 10) == tf->n_rows;
        for (int j = 0; ok && j < 5 + tf->has_lr; j++)
            tf->v[tf->n_rows][j] = strtod(p + 1, &p);
        tf->n_rows++;
    }
    fclose(f);
    CHECK_MSG(ok, "%s: bad trajectory row %d", path, tf->n_rows);
    return ok ? 0 : -1;
}

static StateFile g_sf;
static TrajFile g_tf;
static OptimState g_own[MAX_ROWS];
static int g_max_k;

static void run_fixture(const char *path)
{
    const char *name = strrchr(path, '/') + 1;
    FILE *f = fopen(path, "r");
    char head[1024], err[SPEC_ERR_MAX] = "no first line";
    Scene sc;
    int built = f && fgets(head, sizeof head, f) && torch_fixture_scene(head, &sc, err, sizeof err) == 0;
    if (f)
        fclose(f);
    CHECK_MSG(built, "%s: %s", path, err);
    if (!built)
        return;
    const Run *r = &sc.run[0];
    StateFile *sf = &g_sf;
    if (sc.n_runs != 1 || read_state_file(path, r->kind, sf) != 0) {
        CHECK_MSG(sc.n_runs == 1, "%s: %d runs", path, sc.n_runs);
        scene_free(&sc);
        return;
    }
    int last = sf->k[sf->n_rows - 1];
    CHECK_MSG(sf->k[0] >= 0 && last < r->n, "%s: steps %d..%d, the run has %d points", path, sf->k[0], last, r->n);
    if (sf->k[0] < 0 || last >= r->n) {
        scene_free(&sc);
        return;
    }
    if (last > g_max_k)
        g_max_k = last;

    /* 1. the replay from checkpoints against one pass over the run's own points */
    OptimState st;
    optim_init(r->kind, r->hp, &st);
    for (int i = 0, row = 0; row < sf->n_rows; i++) {
        while (row < sf->n_rows && sf->k[row] == i)
            g_own[row++] = st;
        double p[2] = {r->traj[i].x, r->traj[i].y}, g[2] = {r->traj[i].gx, r->traj[i].gy};
        optim_step(r->kind, r->hp, r->traj[i].lr, &st, p, g);
    }
    int replay_bad = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < sf->n_rows; i++) {
            int row = pass == 0 ? i : sf->n_rows - 1 - i;
            int k = sf->k[row];
            OptimState got;
            int rc = scene_run_state(&sc, 0, k, &got);
            CHECK_MSG(rc == 0, "%s: scene_run_state(%d) failed", path, k);
            if (rc == 0 && (got.t != k || !state_same(&got, &g_own[row])) && replay_bad++ < 3)
                fprintf(stderr, "%s: scene_run_state(%d) is not the simulation's state (t = %ld)\n", path, k, got.t);
        }
    CHECK_MSG(replay_bad == 0, "%s: %d of %d replays differ from the simulation (t == k, bit for bit)", path,
              replay_bad, 2 * sf->n_rows);
    OptimState dummy;
    CHECK(scene_run_state(&sc, 0, -1, &dummy) == -1);
    CHECK(scene_run_state(&sc, 0, r->n, &dummy) == -1);

    /* 2. against torch: exactly while the path before k is torch's bit for bit */
    TrajFile *tf = &g_tf;
    int have_traj = read_traj_file(path, tf) == 0;
    int exact_until = 0; /* the path's points 0..exact_until-1 are torch's */
    if (have_traj) {
        CHECK_MSG(tf->n_rows == r->n, "%s: trajectory fixture has %d rows, the run %d", path, tf->n_rows, r->n);
        for (; exact_until < tf->n_rows && exact_until < r->n; exact_until++) {
            const TrajPoint *q = &r->traj[exact_until];
            const double *t = tf->v[exact_until];
            if (!same_bits(q->x, t[0]) || !same_bits(q->y, t[1]) || !same_bits(q->gx, t[3]) ||
                !same_bits(q->gy, t[4]) || !same_bits(q->lr, tf->has_lr ? t[5] : r->hp[HP_LR]))
                break;
        }
    }
    double colmax[MAX_COLS] = {0};
    for (int row = 0; row < sf->n_rows; row++)
        for (int j = 0; j < sf->n_cols; j++)
            if (fabs(sf->v[row][j]) > colmax[j])
                colmax[j] = fabs(sf->v[row][j]);
    int bad = 0, exact_rows = 0;
    double worst = 0;
    for (int row = 0; row < sf->n_rows; row++) {
        int k = sf->k[row];
        OptimState got;
        if (scene_run_state(&sc, 0, k, &got) != 0)
            continue;
        int exact = k <= exact_until;
        exact_rows += exact;
        for (int j = 0; j < sf->n_cols; j++) {
            const Column *col = &sf->col[j];
            for (int c = 0; c < 2; c++) {
                if (col->coord >= 0 ? c != col->coord : col->is_step && c > 0)
                    continue;
                double want = sf->v[row][j], have = column_value(col, &got, c);
                double d = colmax[j] > 0 ? fabs(have - want) / colmax[j] : fabs(have - want);
                if (!same_bits(have, want) && d > worst)
                    worst = d;
                if (exact ? !same_bits(have, want) : !(d <= TOL)) {
                    if (bad++ < 3)
                        fprintf(stderr, "%s: step %d %s%s: %.17g, torch %.17g (%s)\n", path, k, col->name,
                                col->coord < 0 && !col->is_step ? (c ? " (y)" : " (x)") : "", have, want,
                                exact ? "path exact so far" : "to 1e-9");
                }
            }
        }
    }
    CHECK_MSG(bad == 0, "%s: %d values differ from torch's", path, bad);

    /* 3. optim_step fed torch's own points gives torch's state exactly */
    int fed_bad = 0;
    if (have_traj && tf->n_rows > last) {
        optim_init(r->kind, r->hp, &st);
        for (int i = 0, row = 0; row < sf->n_rows; i++) {
            for (; row < sf->n_rows && sf->k[row] == i; row++)
                for (int j = 0; j < sf->n_cols; j++)
                    for (int c = 0; c < 2; c++)
                        if ((sf->col[j].coord < 0 ? !sf->col[j].is_step || c == 0 : c == sf->col[j].coord) &&
                            !same_bits(column_value(&sf->col[j], &st, c), sf->v[row][j]) && fed_bad++ < 3)
                            fprintf(stderr, "%s: fed torch's points, step %d %s: %.17g, torch %.17g\n", path, i,
                                    sf->col[j].name, column_value(&sf->col[j], &st, c), sf->v[row][j]);
            const double *t = tf->v[i];
            double p[2] = {t[0], t[1]}, g[2] = {t[3], t[4]};
            optim_step(r->kind, r->hp, tf->has_lr ? t[5] : r->hp[HP_LR], &st, p, g);
        }
        CHECK_MSG(fed_bad == 0, "%s: fed torch's points, %d values differ from torch's", path, fed_bad);
    }
    printf("%-48s %3d rows, k <= %4d, %3d with the path exact before k; max diff %.1e (of the column's max)%s\n",
           name, sf->n_rows, last, exact_rows, worst, have_traj && fed_bad == 0 ? "; fed torch's points: exact" : "");
    fflush(stdout);
    scene_free(&sc);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    char *names[512];
    int n = torch_fixture_list(argv[1], names, 512);
    CHECK_MSG(n >= 50, "only %d state fixtures", n);
    for (int i = 0; i < n; i++) {
        run_fixture(names[i]);
        free(names[i]);
    }
    /* the replay from a checkpoint is exercised on both sides of two of them */
    CHECK_MSG(g_max_k > 2 * SCENE_CKPT_EVERY, "no state fixture runs past step %d", 2 * SCENE_CKPT_EVERY);
    return check_done("test_state");
}
