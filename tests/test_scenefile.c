/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Scene files: scene -> text -> --scene on the real command-line path -> scene gives
 * the same trajectories bit for bit, for every optimizer, schedule, a noise bundle, a
 * typed formula and a built-in with changed parameters; options after --scene
 * override it; broken files are refused with one line naming the file and line. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "scenefile.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/gs-scenefile-XXXXXX";

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len)
        abort();
    fclose(f);
}

/* Builds a scene from a command line. Returns 0 or -1 with err. */
static int build(int argc, char **argv, Config *cfg, Scene *sc, char *err, size_t cap)
{
    if (spec_parse_args(argc, argv, cfg, err, cap) != 0)
        return -1;
    return spec_build_scene(cfg, sc, err, cap);
}

/* Every run's hyperparameters moved off their defaults (as a slider would) to values
 * with all 17 digits, switches off; schedule kind, keys and warm-up by index. */
static void tune(Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++) {
        Run *r = &sc->run[i];
        for (int k = 0; k < HP_COUNT; k++) {
            if (!optim_uses(r->kind, (HyperKey)k))
                continue;
            if (optim_hyper((HyperKey)k)->is_flag) {
                r->hp[k] = 0;
                continue;
            }
            double v = r->hp[k] * 0.9712345678901234 + 0.0012345678901234567;
            if (optim_hyper_valid((HyperKey)k, v))
                r->hp[k] = v;
        }
        Schedule *s = &r->sched;
        memset(s, 0, sizeof *s);
        s->kind = (ScheduleKind)(i % SCHED_COUNT);
        if (i % 2)
            s->v[SK_WARMUP] = 7 + i;
        switch (s->kind) {
        case SCHED_STEP: s->v[SK_STEP_SIZE] = 13, s->v[SK_GAMMA] = 0.7071067811865476; break;
        case SCHED_EXPONENTIAL: s->v[SK_GAMMA] = 0.99123456789012345; break;
        case SCHED_COSINE: s->v[SK_T_MAX] = 77, s->v[SK_ETA_MIN] = 1.2345678901234567e-5; break;
        case SCHED_CYCLIC:
            s->v[SK_BASE_LR] = r->hp[HP_LR] / 3, s->v[SK_MAX_LR] = r->hp[HP_LR] * 1.7;
            s->v[SK_STEP_SIZE_UP] = 21;
            break;
        default: break;
        }
    }
}

static void compare_scenes(const Scene *a, const Scene *b, const char *what)
{
    CHECK_MSG(a->surface.builtin == b->surface.builtin, "%s: surface", what);
    CHECK_MSG(memcmp(a->surface.param, b->surface.param, sizeof a->surface.param) == 0, "%s: parameters", what);
    CHECK_MSG(strcmp(a->surface.expr.source, b->surface.expr.source) == 0, "%s: formula", what);
    CHECK_MSG(memcmp(a->start, b->start, sizeof a->start) == 0, "%s: start", what);
    CHECK_MSG(a->steps == b->steps && a->seed == b->seed, "%s: steps, seed", what);
    CHECK_MSG(memcmp(&a->noise, &b->noise, sizeof a->noise) == 0, "%s: noise", what);
    CHECK_MSG(a->n_runs == b->n_runs, "%s: %d runs, read back %d", what, a->n_runs, b->n_runs);
    for (int i = 0; i < a->n_runs && i < b->n_runs; i++) {
        const Run *x = &a->run[i], *y = &b->run[i];
        CHECK_MSG(x->kind == y->kind && strcmp(x->label, y->label) == 0, "%s: run %d", what, i);
        CHECK_MSG(memcmp(x->hp, y->hp, sizeof x->hp) == 0, "%s: run %d hyperparameters", what, i);
        CHECK_MSG(memcmp(&x->sched, &y->sched, sizeof x->sched) == 0, "%s: run %d schedule", what, i);
        CHECK_MSG(x->colour == y->colour && x->enabled == y->enabled, "%s: run %d colour, enabled", what, i);
        CHECK_MSG((x->bundle > 1 ? x->bundle : 1) == (y->bundle > 1 ? y->bundle : 1), "%s: run %d bundle", what, i);
        CHECK_MSG(x->n == y->n && x->diverged_at == y->diverged_at, "%s: run %d points %d, %d", what, i, x->n, y->n);
        if (x->n == y->n)
            CHECK_MSG(memcmp(x->traj, y->traj, sizeof *x->traj * (size_t)x->n) == 0, "%s: run %d trajectory", what,
                      i);
        for (int j = 0; j + 1 < x->bundle; j++) {
            CHECK_MSG(x->bundle_n[j] == y->bundle_n[j], "%s: run %d member %d points", what, i, j);
            if (x->bundle_n[j] == y->bundle_n[j])
                CHECK_MSG(memcmp(x->bundle_traj + (size_t)j * (size_t)x->cap, y->bundle_traj + (size_t)j * (size_t)y->cap,
                                 sizeof *x->traj * (size_t)x->bundle_n[j]) == 0,
                          "%s: run %d member %d trajectory", what, i, j);
        }
    }
}

/* Formats sc, reads it back through --scene FILE plus `extra`, and compares. */
static void round_trip(Scene *sc, const SceneFileView *v, const char *what)
{
    static char text[65536], again[65536];
    int n = scenefile_format(sc, v, text, sizeof text);
    CHECK_MSG(n > 0, "%s: format", what);
    if (n <= 0)
        return;
    CHECK(scenefile_format(sc, v, again, (size_t)n) == -1 && again[0] == '\0'); /* no room for the NUL */
    char path[256], err[SPEC_ERR_MAX + 300];
    snprintf(path, sizeof path, "%s/rt.scene", dir);
    CHECK_MSG(scenefile_save(path, sc, v, err, sizeof err) == 0, "%s: save: %s", what, err);
    char *argv[] = {"gradscape", "--scene", path, NULL};
    Config cfg;
    Scene back;
    if (build(3, argv, &cfg, &back, err, sizeof err) != 0) {
        CHECK_MSG(0, "%s: read back: %s\n%s", what, err, text);
        return;
    }
    compare_scenes(sc, &back, what);
    CHECK_MSG(memcmp(cfg.view, v->view, sizeof v->view) == 0 && cfg.have_view, "%s: view", what);
    CHECK_MSG(cfg.layout == v->layout && cfg.legend == v->legend && cfg.at == v->at && cfg.plot == v->plot &&
                  cfg.internals == v->internals && strcmp(cfg.card, v->card) == 0 &&
                  memcmp(&cfg.speed, &v->speed, sizeof v->speed) == 0,
              "%s: layout, legend, at, plot, internals, card, speed", what);
    /* the text is a fixed point */
    SceneFileView v2;
    scenefile_view_from_config(&cfg, &back, &v2);
    CHECK_MSG(scenefile_format(&back, &v2, again, sizeof again) == n && strcmp(text, again) == 0,
              "%s: written again differs:\n%s\n---\n%s", what, text, again);
    scene_free(&back);
}

static void test_round_trip(void)
{
    char err[SPEC_ERR_MAX];
    Config cfg;
    Scene sc;
    /* a built-in with changed parameters, one run of every optimizer */
    char *argv[48] = {"gradscape", "--surface", "rosenbrock:a=1.25,b=37.5", "--steps", "300", "--noise",
                      "0.0123", "--seed", "18446744073709551615"};
    int argc = 9;
    static char specs[OPTIM_COUNT][64];
    for (int k = 0; k < OPTIM_COUNT; k++) {
        snprintf(specs[k], sizeof specs[k], "%s:lr=1e-4", optim_info((OptimKind)k)->name);
        argv[argc++] = "--opt";
        argv[argc++] = specs[k];
    }
    CHECK(OPTIM_COUNT + 1 <= SCENE_MAX_RUNS);
    argv[argc++] = "--opt";
    argv[argc++] = "adam:lr=0.01,weight_decay=0.05,label=noisy,bundle=4";
    if (build(argc, argv, &cfg, &sc, err, sizeof err) != 0) {
        CHECK_MSG(0, "%s", err);
        return;
    }
    tune(&sc);
    sc.start[0] += 1.0 / 3.0, sc.start[1] -= 1e-7 / 7.0;
    surface_set_param(&sc.surface, 1, sc.surface.param[1] * 1.0000001234567);
    sc.run[2].enabled = 0;
    sc.run[3].colour = 7, sc.run[4].colour = 15, sc.run[0].colour = 4;
    snprintf(sc.run[5].label, sizeof sc.run[5].label, "my run = 5 (α)");
    sc.run[5].label_set = 1;
    scene_simulate(&sc);
    CHECK(sc.run[OPTIM_COUNT].bundle == 4 && sc.run[OPTIM_COUNT].bundle_n[2] == sc.steps + 1);
    SceneFileView v = {.view = {-2.0 / 3.0, 2.5, -1.0 / 7.0, 3.25}, .layout = LAYOUT_GRID, .legend = LEGEND_BR,
                       .at = 123, .plot = PLOT_ARG_LR, .internals = 1, .speed = 333.3333333333333};
    snprintf(v.card, sizeof v.card, "my run = 5 (α)");
    round_trip(&sc, &v, "every optimizer");
    scene_free(&sc);

    /* a typed formula, default view fields */
    /* spaces at the ends of values, quotes around them, are kept */
    char *argv2[] = {"gradscape", "--surface", "expr: (1-x)^2 + 3*sin(x*y) + y^2/7 ", "--opt",
                     "nadam:lr=0.0314159,label= 'a b' ", "--card", " 'a b' ",
                     "--opt", "sgd:lr=0.001,schedule=cosine,warmup=5", "--start", "0.1,-0.2", "--steps", "500"};
    if (build(13, argv2, &cfg, &sc, err, sizeof err) != 0) {
        CHECK_MSG(0, "%s", err);
        return;
    }
    SceneFileView v2;
    scenefile_view_from_config(&cfg, &sc, &v2);
    CHECK(v2.at == -1 && v2.plot == PLOT_ARG_UNSET && v2.speed == 0);
    round_trip(&sc, &v2, "formula");
    scene_free(&sc);
}

/* Options after --scene override it; before it, it overrides them; its runs
 * replace those before it and an --opt after it adds one. */
static void test_override(void)
{
    char path[256], err[SPEC_ERR_MAX + 300];
    snprintf(path, sizeof path, "%s/o.scene", dir);
    const char *text = "# a scene\n\n  --steps 50  \n--opt adam:lr=0.1\n--opt=sgd:lr=0.01\n--layout grid\r\n";
    write_file(path, text, strlen(text));
    Config cfg;
    char *a1[] = {"gradscape", "--scene", path, "--steps", "10", "--opt", "lion"};
    CHECK(spec_parse_args(7, a1, &cfg, err, sizeof err) == 0);
    CHECK(cfg.steps == 10 && cfg.n_opts == 3 && cfg.layout == LAYOUT_GRID);
    CHECK_STR(cfg.opt[0], "adam:lr=0.1");
    CHECK_STR(cfg.opt[2], "lion");
    char *a2[] = {"gradscape", "--steps", "10", "--opt", "lion", "--layout", "overlay", "--scene", path};
    CHECK(spec_parse_args(9, a2, &cfg, err, sizeof err) == 0);
    CHECK(cfg.steps == 50 && cfg.n_opts == 2 && cfg.layout == LAYOUT_GRID);
    CHECK_STR(cfg.opt[1], "sgd:lr=0.01");
    /* a build from it */
    Scene sc;
    char *a3[] = {"gradscape", "--scene", path, "--steps", "10"};
    CHECK(build(5, a3, &cfg, &sc, err, sizeof err) == 0);
    CHECK(sc.steps == 10 && sc.n_runs == 2 && sc.run[0].n == 11);
    scene_free(&sc);
}

static void test_bad_files(void)
{
    static const struct {
        const char *text;
        size_t len; /* 0: strlen */
        const char *message; /* after "PATH:" */
    } BAD[] = {
        {"--steps 10\n--opt adam:lr=x\n", 0, "2: --opt 'adam:lr=x': lr 'x' is not a number"},
        {"# c\n\n--fast\n", 0, "3: unknown option '--fast' (see --help)"},
        {"--opt adam:lr=0.1,be", 0, "1: --opt 'adam:lr=0.1,be': 'be' is not key=value"},
        {"--opt adam:foo=1\n", 0, "1: --opt 'adam:foo=1': adam has no key 'foo'"},
        {"--opt adam:colour=16\n", 0, "1: --opt 'adam:colour=16': colour must be an integer from 0 to 15, got '16'"},
        {"--opt adam:enabled=2\n", 0, "1: --opt 'adam:enabled=2': enabled must be 0 or 1, got '2'"},
        {"--steps\n", 0, "1: --steps needs a value"},
        {"--steps 1e3\n", 0, "1: --steps '1e3': expected an integer from 0 to 1000000"},
        {"--internals 1\n", 0, "1: --internals takes no value"},
        {"--steps 10\n--st\x00ps 5\n", 21, "2: not a text file (byte 0x00 at column 5)"},
        {"--opt adam:label=\xff\xfe\n", 0, "1: not UTF-8 text (byte 0xFF at column 18)"},
        {"--opt adam:label=\xc3\n", 0, "1: not UTF-8 text (byte 0xC3 at column 18)"},
        {"\x1b[31m--steps 5\n", 0, "1: not a text file (byte 0x1B at column 1)"},
        {"--scene other.scene\n", 0, "1: --scene cannot be used in a scene file"},
        {"--resume\n", 0, "1: --resume cannot be used in a scene file"},
        {"--help\n", 0, "1: --help cannot be used in a scene file"},
        {"--headless\n", 0, "1: --headless cannot be used in a scene file"},
        {"--csv out.csv\n", 0, "1: --csv cannot be used in a scene file"},
        {"--save-scene x\n", 0, "1: --save-scene cannot be used in a scene file"},
        {"steps 100\n", 0, "1: expected an option such as '--steps 100', got 'steps 100'"},
        {"--speed 0\n", 0, "1: --speed '0': expected steps per second, > 0 and at most 1000000"},
        {"--surface expr:x+\n", 0, "1: --surface 'expr:x+': "},
    };
    char path[256], err[SPEC_ERR_MAX + 300], expect[600];
    snprintf(path, sizeof path, "%s/bad.scene", dir);
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        write_file(path, BAD[i].text, BAD[i].len ? BAD[i].len : strlen(BAD[i].text));
        Config cfg;
        char *argv[] = {"gradscape", "--steps", "7", "--scene", path};
        err[0] = '\0';
        CHECK_MSG(spec_parse_args(5, argv, &cfg, err, sizeof err) == -1, "bad file %zu accepted", i);
        snprintf(expect, sizeof expect, "%s:%s", path, BAD[i].message);
        CHECK_MSG(strncmp(err, expect, strlen(expect)) == 0, "got '%s', expected '%s'", err, expect);
        CHECK(!strchr(err, '\n'));
        /* the config is left as it was */
        spec_config_defaults(&cfg);
        cfg.steps = 7;
        CHECK(scenefile_load(path, &cfg, err, sizeof err) == -1 && cfg.steps == 7);
    }
    Config cfg;
    /* a line too long */
    static char longline[3000];
    memset(longline, 'x', sizeof longline - 1);
    memcpy(longline, "--card ", 7);
    write_file(path, longline, strlen(longline));
    spec_config_defaults(&cfg);
    CHECK(scenefile_load(path, &cfg, err, sizeof err) == -1);
    snprintf(expect, sizeof expect, "%s:1: line too long (at most %d characters)", path, SCENEFILE_LINE_MAX);
    CHECK_STR(err, expect);
    /* a 100 MB file (sparse): refused unread */
    FILE *f = fopen(path, "wb");
    CHECK(f && ftruncate(fileno(f), 100L * 1024 * 1024) == 0);
    fclose(f);
    CHECK(scenefile_load(path, &cfg, err, sizeof err) == -1);
    snprintf(expect, sizeof expect, "'%s' is too large for a scene file (104857600 bytes; at most 1048576)", path);
    CHECK_STR(err, expect);
    remove(path);
    /* a directory, a missing file */
    CHECK(scenefile_load(dir, &cfg, err, sizeof err) == -1);
    snprintf(expect, sizeof expect, "'%s' is a directory, not a scene file", dir);
    CHECK_STR(err, expect);
    CHECK(scenefile_load(path, &cfg, err, sizeof err) == -1);
    snprintf(expect, sizeof expect, "cannot read scene file '%s': No such file or directory", path);
    CHECK_STR(err, expect);
    /* an empty file is a scene of defaults; a BOM is skipped */
    write_file(path, "", 0);
    CHECK(scenefile_load(path, &cfg, err, sizeof err) == 0);
    write_file(path, "\xEF\xBB\xBF--steps 9\n", 13);
    CHECK(scenefile_load(path, &cfg, err, sizeof err) == 0 && cfg.steps == 9);
}

static void test_state_path(void)
{
    char path[4096], expect[600];
    setenv("XDG_STATE_HOME", dir, 1);
    CHECK(scenefile_state_path(path, sizeof path, 0) == 0);
    snprintf(expect, sizeof expect, "%s/gradscape/last.scene", dir);
    CHECK_STR(path, expect);
    struct stat sb;
    snprintf(expect, sizeof expect, "%s/gradscape", dir);
    CHECK(stat(expect, &sb) != 0); /* reading makes nothing */
    CHECK(scenefile_state_path(path, sizeof path, 1) == 0);
    CHECK(stat(expect, &sb) == 0 && S_ISDIR(sb.st_mode));
    rmdir(expect);
    setenv("XDG_STATE_HOME", "relative", 1);
    setenv("HOME", "/home/someone", 1);
    CHECK(scenefile_state_path(path, sizeof path, 0) == 0);
    CHECK_STR(path, "/home/someone/.local/state/gradscape/last.scene");
    unsetenv("XDG_STATE_HOME");
}

/* The 3D view and its camera go into a scene file and come back. */
static void test_view3d_roundtrip(void)
{
    char *argv[] = {"gradscape", "--view3d=10.5,40,6", "--steps", "5"};
    Config cfg, back;
    char err[SPEC_ERR_MAX];
    CHECK(spec_parse_args(4, argv, &cfg, err, sizeof err) == 0);
    Scene sc;
    CHECK(spec_build_scene(&cfg, &sc, err, sizeof err) == 0);
    SceneFileView v;
    scenefile_view_from_config(&cfg, &sc, &v);
    static char text[65536];
    int n = scenefile_format(&sc, &v, text, sizeof text);
    CHECK(n > 0 && strstr(text, "\n--view3d=10.5,40,6\n") != NULL);
    spec_config_defaults(&back);
    CHECK_MSG(scenefile_parse(text, (size_t)n, "t.scene", &back, err, sizeof err) == 0, "%s", err);
    CHECK(back.view3d && back.have_camera && back.camera[0] == 10.5 && back.camera[1] == 40 && back.camera[2] == 6);
    /* without a camera: just the 3D view */
    v.camera[2] = 0;
    n = scenefile_format(&sc, &v, text, sizeof text);
    spec_config_defaults(&back);
    CHECK(n > 0 && strstr(text, "\n--view3d\n") && scenefile_parse(text, (size_t)n, "t.scene", &back, err, sizeof err) == 0);
    CHECK(back.view3d && !back.have_camera);
    /* 2D: nothing written */
    v.view3d = 0;
    n = scenefile_format(&sc, &v, text, sizeof text);
    CHECK(n > 0 && !strstr(text, "view3d"));
    scene_free(&sc);
}

int main(void)
{
    test_view3d_roundtrip();
    if (!mkdtemp(dir))
        return 1;
    test_round_trip();
    test_override();
    test_bad_files();
    test_state_path();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    return check_done("test_scenefile");
}
