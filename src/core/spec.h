/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* spec: the command line and the small languages inside it.
 *   optimizer spec  NAME[:key=value,...]        adam:lr=0.01,beta1=0.9,label=fast
 *   surface spec    NAME[:param=value,...]      quadratic:kappa=25,angle=30
 *                   expr:FORMULA                expr:(1-x)^2+100*(y-x^2)^2
 * Every parse error is one line naming the argument and what is wrong. */
#ifndef GS_SPEC_H
#define GS_SPEC_H

#include <stddef.h>
#include <stdio.h>

#include "scene.h"
#include "sweep.h"

#define SPEC_ERR_MAX 320
#define SPEC_ARG_MAX 600
#define SPEC_ORIGIN_MAX 4112 /* a scene file's path and ":LINE" */

typedef struct RunSpec {
    OptimKind kind;
    double hp[HP_COUNT];
    char label[SCENE_LABEL_MAX];
    Schedule sched;
    int bundle;
    int enabled;                  /* 0: drawn nowhere, still simulated */
    int colour;                   /* palette index, -1: the first one unused */
} RunSpec;

typedef enum SpecAction {
    SPEC_RUN,        /* open the window (or run headless) */
    SPEC_HELP,
    SPEC_VERSION,
    SPEC_LIST,
    SPEC_BENCH_CORE,
    SPEC_BENCH,
    SPEC_BENCH_EXPORT,
    SPEC_BENCH_SWEEP,
    SPEC_PRINT_TORCH, /* the torch.optim code of every run */
} SpecAction;

typedef enum Layout { LAYOUT_OVERLAY, LAYOUT_GRID } Layout;

/* Where the legend goes on the map: the place that hides least, none, a corner, or
 * a place of its own (legend_at: its box's left and top as fractions of the room
 * the map leaves it, 0 to 1; where a drag put it). */
typedef enum LegendPos { LEGEND_AUTO, LEGEND_NONE, LEGEND_TL, LEGEND_TR, LEGEND_BL, LEGEND_BR, LEGEND_AT } LegendPos;

/* --plot: not given, a metric (PlotMetric's order, from PLOT_ARG_LOSS), or none. */
typedef enum PlotArg { PLOT_ARG_UNSET, PLOT_ARG_LOSS, PLOT_ARG_GRAD, PLOT_ARG_LR, PLOT_ARG_NONE } PlotArg;

typedef struct Config {
    SpecAction action;
    char surface[SPEC_ARG_MAX];   /* "" for the default */
    char opt[SCENE_MAX_RUNS][SPEC_ARG_MAX];
    int n_opts;
    double start[2];
    int have_start;
    int steps;                    /* -1 for the surface's default */
    int headless;
    int bench_start;              /* --bench-start: print the run's phases */
    const char *csv_path;
    const char *screenshot_path;
    const char *animate_path;     /* --animate FILE (.gif or .mp4) */
    int fps;                      /* its frames per second, 0: the default */
    int anim_frames;              /* its frames, 0: from anim_seconds or the default */
    double anim_seconds;          /* its length before the hold, 0: unset */
    const char *out_dir;
    int width, height;            /* window or image size */
    Layout layout;
    LegendPos legend;
    double legend_at[2];          /* LEGEND_AT: where */
    int no_axes;                  /* --axes off: no ticks and no colour bar */
    char lang[16];                /* --lang CODE, "" for the environment's */
    PlotArg plot;
    double view[4];
    int have_view;
    double noise;                 /* gradient noise sigma */
    int internals;                /* arrows and boxes at the heads */
    int view3d;                   /* the map in 3D */
    int have_camera;              /* camera: azimuth, elevation, distance (0: default) */
    double camera[3];
    char card[SCENE_LABEL_MAX];   /* the run whose update rule is shown, "" for none */
    char card_origin[SPEC_ORIGIN_MAX]; /* "FILE:LINE" when a scene file's line set card, else "" */
    int at;                       /* the step shown first (a screenshot's), -1: the last */
    unsigned long long seed;
    double speed;                 /* the window's steps per second, 0: its default */
    const char *save_scene_path;  /* --save-scene FILE */
    const char *scene_path;       /* --scene FILE (the last one), NULL for none */
    const char *lesson_arg;       /* --lesson NAME|FILE, NULL for none */
    int slide;                    /* --slide K: from 1, 0 when not given */
    const struct SpecLesson *lesson; /* the lesson --lesson opened (spec_lesson) */
    char sweep_label[SCENE_LABEL_MAX]; /* --sweep: the run, "" for none */
    SweepAxis sweep_axis[2];
    int sweep_metric;             /* 0: final loss, 1: steps to the tolerance */
    double sweep_tol;             /* 0: the default (sweep_default_tol) */
    char basin_label[SCENE_LABEL_MAX]; /* --basin: the run, "" for none */
    int basin_n;
} Config;

#define SPEC_COLOUR_MAX 15 /* colour=K: palette index 0..7, repeating up to SCENE_MAX_RUNS - 1 */

/* Parses one optimizer spec into `out`. Returns 0, or -1 with err set to what is
 * wrong (without the argument's name). */
int spec_parse_opt(const char *text, RunSpec *out, char *err, size_t cap);

/* Parses a surface spec into `out`. Returns 0, or -1 with err. */
int spec_parse_surface(const char *text, Surface *out, char *err, size_t cap);

/* The lesson --lesson opened, or NULL; the slide shown (from 0: --slide's, else
 * the first). The scene options of cfg are that slide's. */
typedef struct Lesson Lesson;
const Lesson *spec_lesson(const Config *cfg);
int spec_slide(const Config *cfg);

/* cfg as the command line makes it with slide k (from 0) of its lesson in place of
 * the slide it shows: every slide starts from the defaults. Returns 0, or -1 with
 * err. */
int spec_slide_config(const Config *cfg, int k, Config *out, char *err, size_t cap);

/* Sets the defaults every parse starts from. */
void spec_config_defaults(Config *cfg);

/* Applies one option as if given on the command line: flag as "--steps", val its
 * value (NULL for an option without one). `in_file` non-zero for a scene file's
 * line: only the options that describe a scene are taken there. Returns 0, or -1
 * with err. */
int spec_apply_option(Config *cfg, const char *flag, const char *val, int in_file, char *err, size_t cap);

/* Parses argv. Returns 0, or -1 with err holding the one-line message (the caller
 * prints "gradscape: " before it and exits 2). With --help (or else --version)
 * anywhere as an option, only that action is set and the rest is not read. */
int spec_parse_args(int argc, char **argv, Config *cfg, char *err, size_t cap);

/* Checks that no two outputs (--csv, --screenshot, --animate, --save-scene) name
 * the same file and that none names the --scene input. Returns 0, or -1 with err. */
int spec_check_outputs(const Config *cfg, char *err, size_t cap);

/* Builds and simulates the scene the config describes. Returns 0, or -1 with err. */
int spec_build_scene(const Config *cfg, Scene *sc, char *err, size_t cap);

/* Adds the surface's default runs to a scene. Returns 0 or -1. */
int spec_add_default_runs(Scene *sc);
/* Default run i of surface s as an --opt spec ("adam:lr=0.05"), or NULL. */
const char *spec_default_run(const Surface *s, int i);

/* Names of layouts, legend places and plots, as the options take them (a plot's
 * name is NULL for PLOT_ARG_UNSET). */
const char *spec_layout_name(Layout l);
const char *spec_legend_name(LegendPos p);
const char *spec_plot_name(PlotArg p);

/* Write --help and --list, generated from the tables they describe, in lines of
 * at most 80 columns. */
void spec_print_help(FILE *f);
void spec_print_list(FILE *f);

/* Writes the man page's OPTIONS and IN THE WINDOW sections in roff, from the same
 * tables as --help: every option --help lists, with the same text, and every
 * binding. Returns 0, or -1 if its scratch file could not be made. */
int spec_print_man(FILE *f);

#endif
