/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* spec: the command line: the table of options and the handler of each, the parse
 * of argv, a lesson's slides, and the scene a command line describes. Each list
 * the command line knows is one table, read by the parser, by the help and by the
 * man page's generated sections: the options here, the keys of a run besides its
 * hyperparameters in spec_values.c, the optimizers, surfaces, schedules,
 * expression words and key bindings in their modules. spec_values.c parses the
 * values in it, spec_help.c prints the help and the man page (spec_internal.h). */
#include "spec_internal.h"

#include <errno.h>
#include <stddef.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "cancel.h"
#include "export.h"
#include "lang.h"
#include "lesson.h"
#include "scenefile.h"

#define STR_(x) #x
#define STR(x) STR_(x)

#define DEFAULT_WIDTH 1600
#define DEFAULT_HEIGHT 900

/* "a, b or c" */
static void text_choices(Text *t, const char *const *names, int n)
{
    char head[256];
    Text h = text_begin(head, sizeof head);
    for (int i = 0; i + 1 < n; i++)
        text_add(&h, "%s%s", i ? ", " : "", names[i]);
    if (n > 1)
        /* TRANSLATORS: the last two of a list of choices: "overlay or grid", "auto,
           none, tl, tr, bl or br"; the first %s is all but the last */
        text_add(t, _("%s or %s"), head, names[n - 1]);
    else if (n == 1)
        text_add(t, "%s", names[0]);
}

static const char *const LAYOUT_NAMES[] = {[LAYOUT_OVERLAY] = "overlay", [LAYOUT_GRID] = "grid"};
static const char *const LEGEND_NAMES[] = {[LEGEND_AUTO] = "auto", [LEGEND_NONE] = "none", [LEGEND_TL] = "tl",
                                           [LEGEND_TR] = "tr", [LEGEND_BL] = "bl", [LEGEND_BR] = "br"};

const char *spec_layout_name(Layout l) { return LAYOUT_NAMES[l == LAYOUT_GRID ? LAYOUT_GRID : LAYOUT_OVERLAY]; }

const char *spec_legend_name(LegendPos p)
{
    return LEGEND_NAMES[p >= LEGEND_AUTO && p <= LEGEND_BR ? p : LEGEND_AUTO];
}

static const char *const AXES_NAMES[] = {"on", "off"};

/* ---- the command line ------------------------------------------------------- */

static int arg_action(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)val, (void)err, (void)cap;
    if (cfg->action == SPEC_RUN || o->action == SPEC_HELP)
        cfg->action = o->action;
    return 0;
}

static int arg_headless(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)val, (void)err, (void)cap;
    cfg->headless = 1;
    return 0;
}

static int arg_bench_start(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)val, (void)err, (void)cap;
    cfg->bench_start = 1;
    return 0;
}

static int arg_surface(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    Surface s;
    char why[SPEC_ERR_MAX];
    if (spec_parse_surface(val, &s, why, sizeof why) != 0)
        /* TRANSLATORS: an option, its value, and what is wrong with the value */
        return seterr(err, cap, _("%s '%s': %s"), o->flag, val, why);
    snprintf(cfg->surface, sizeof cfg->surface, "%s", val);
    return 0;
}

static int arg_opt(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    RunSpec rs;
    char why[SPEC_ERR_MAX];
    if (cfg->n_opts >= SCENE_MAX_RUNS)
        return seterr(err, cap, _("%s: at most %d runs"), o->flag, SCENE_MAX_RUNS);
    if (spec_parse_opt(val, &rs, why, sizeof why) != 0)
        /* TRANSLATORS: an option, its value, and what is wrong with the value */
        return seterr(err, cap, _("%s '%s': %s"), o->flag, val, why);
    snprintf(cfg->opt[cfg->n_opts++], SPEC_ARG_MAX, "%s", val);
    return 0;
}

static int arg_start(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_tuple(val, cfg->start, 2) != 0)
        return seterr(err, cap, _("%s '%s': expected X,Y with two finite numbers"), o->flag, val);
    cfg->have_start = 1;
    return 0;
}

static int arg_steps(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 0, SCENE_MAX_STEPS, &cfg->steps) != 0)
        return seterr(err, cap, _("%s '%s': expected an integer from 0 to %d"), o->flag, val, SCENE_MAX_STEPS);
    return 0;
}

static int arg_noise(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0 || v < 0)
        return seterr(err, cap, _("%s '%s': expected a number >= 0 (the gradient noise's sigma)"), o->flag, val);
    cfg->noise = v;
    return 0;
}

static int arg_seed(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(val, &end, 10);
    if (!*val || *end || errno == ERANGE || val[0] == '-')
        return seterr(err, cap, _("%s '%s': expected a whole number from 0 to 18446744073709551615"), o->flag, val);
    cfg->seed = v;
    return 0;
}

static int arg_view(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v[4];
    if (parse_tuple(val, v, 4) != 0)
        return seterr(err, cap, _("%s '%s': expected XMIN,XMAX,YMIN,YMAX"), o->flag, val);
    if (!(v[0] < v[1]) || !(v[2] < v[3]))
        return seterr(err, cap, _("%s '%s': needs XMIN < XMAX and YMIN < YMAX"), o->flag, val);
    memcpy(cfg->view, v, sizeof v);
    cfg->have_view = 1;
    return 0;
}

/* The index of val among the option's choices, or -1 with err. */
static int find_choice(const Option *o, const char *val, char *err, size_t cap)
{
    for (int i = 0; i < o->n_choices; i++)
        if (strcmp(val, o->choices[i]) == 0)
            return i;
    char names[128];
    Text t = text_begin(names, sizeof names);
    text_choices(&t, o->choices, o->n_choices);
    return seterr(err, cap, _("%s '%s': expected %s"), o->flag, val, names);
}

static int arg_layout(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->layout = (Layout)k;
    return k < 0 ? -1 : 0;
}

static int arg_legend(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double at[2];
    if (strchr(val, ',')) {
        if (parse_tuple(val, at, 2) != 0 || !(at[0] >= 0 && at[0] <= 1 && at[1] >= 0 && at[1] <= 1))
            return seterr(err, cap, _("%s '%s': expected X,Y, each from 0 to 1 (the box's place in the room the map "
                                      "leaves it: 0,0 top left, 1,1 bottom right)"), o->flag, val);
        cfg->legend = LEGEND_AT;
        cfg->legend_at[0] = at[0], cfg->legend_at[1] = at[1];
        return 0;
    }
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->legend = (LegendPos)k;
    else
        seterr(err, cap, _("%s '%s': expected auto, none, tl, tr, bl, br or X,Y (each from 0 to 1)"), o->flag, val);
    return k < 0 ? -1 : 0;
}

static int arg_axes(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->no_axes = k == 1;
    return k < 0 ? -1 : 0;
}

static int arg_lang(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    const Lang *l = lang_find(val);
    if (!l) {
        char known[128];
        lang_list(known, sizeof known);
        return seterr(err, cap, _("%s '%s': there is no such language (there are: %s)"), o->flag, val, known);
    }
    snprintf(cfg->lang, sizeof cfg->lang, "%s", l->code);
    return 0;
}

static int arg_internals(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)val, (void)err, (void)cap;
    cfg->internals = 1;
    return 0;
}

static int arg_card(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (!val[0] || strlen(val) >= SCENE_LABEL_MAX)
        return seterr(err, cap, _("%s '%s': expected a run's label (1 to %d characters)"), o->flag, val,
                      SCENE_LABEL_MAX - 1);
    snprintf(cfg->card, sizeof cfg->card, "%s", val);
    cfg->card_origin[0] = '\0'; /* a scene file sets it after this */
    return 0;
}

static int arg_at(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 0, SCENE_MAX_STEPS, &cfg->at) != 0)
        return seterr(err, cap, _("%s '%s': expected a step from 0 to %d"), o->flag, val, SCENE_MAX_STEPS);
    return 0;
}

static const char *const PLOT_NAMES[] = {"loss", "grad", "lr", "none"};

const char *spec_plot_name(PlotArg p)
{
    return p >= PLOT_ARG_LOSS && p <= PLOT_ARG_NONE ? PLOT_NAMES[p - PLOT_ARG_LOSS] : NULL;
}

static int arg_plot(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->plot = (PlotArg)(PLOT_ARG_LOSS + k);
    return k < 0 ? -1 : 0;
}

static int arg_size(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_size(val, &cfg->width, &cfg->height) != 0)
        return seterr(err, cap, _("%s '%s': expected WxH, each from 1 to 16384"), o->flag, val);
    return 0;
}

/* A file or directory name: anything but empty. `empty` says it is empty, "%s"
 * the option. */
static int arg_path(const Option *o, const char *val, const char *empty, const char **out, char *err, size_t cap)
{
    if (!*val)
        return seterr(err, cap, empty, o->flag);
    *out = val;
    return 0;
}

static int arg_csv(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->csv_path, err, cap);
}

static int arg_screenshot(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->screenshot_path, err, cap);
}

static int arg_animate(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->animate_path, err, cap);
}

static int arg_fps(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 1, 120, &cfg->fps) != 0)
        return seterr(err, cap, _("%s '%s': expected 1 to 120 frames per second"), o->flag, val);
    return 0;
}

static int arg_frames(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 1, ANIM_MAX_FRAMES, &cfg->anim_frames) != 0)
        return seterr(err, cap, _("%s '%s': expected 1 to %d frames"), o->flag, val, ANIM_MAX_FRAMES);
    return 0;
}

static int arg_duration(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0 || !(v > 0) || v > ANIM_MAX_SECONDS)
        return seterr(err, cap, _("%s '%s': expected seconds, more than 0 and at most %g"), o->flag, val,
                      ANIM_MAX_SECONDS);
    cfg->anim_seconds = v;
    return 0;
}

static int arg_view3d(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    cfg->view3d = 1;
    cfg->have_camera = 0;
    if (!val)
        return 0;
    /* two or three numbers, comma-separated */
    char buf[SPEC_ARG_MAX], *tok[4];
    snprintf(buf, sizeof buf, "%s", val);
    int n = 0;
    for (char *p = buf; n < 4; n++) {
        tok[n] = p;
        char *comma = strchr(p, ',');
        if (!comma) {
            n++;
            break;
        }
        *comma = '\0';
        p = comma + 1;
    }
    double v[3] = {0, 0, 0};
    int ok = n >= 2 && n <= 3;
    for (int k = 0; ok && k < n; k++)
        ok = parse_double(tok[k], &v[k]) == 0;
    if (!ok || !(v[1] >= 2 && v[1] <= 89) || (n == 3 && !(v[2] >= 1 && v[2] <= 20)) || fabs(v[0]) > 1e6)
        return seterr(err, cap, _("%s=%s: expected AZIMUTH,ELEVATION[,DISTANCE] in degrees (elevation 2 to 89, "
                                  "distance 1 to 20)"), o->flag, val);
    cfg->camera[0] = v[0], cfg->camera[1] = v[1], cfg->camera[2] = n == 3 ? v[2] : 0;
    cfg->have_camera = 1;
    return 0;
}

static int arg_sweep(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    char buf[SPEC_ARG_MAX];
    snprintf(buf, sizeof buf, "%s", val);
    char *colon = strchr(buf, ':'), *comma = colon ? strchr(colon + 1, ',') : NULL;
    if (!colon || colon == buf || (size_t)(colon - buf) >= SCENE_LABEL_MAX)
        return seterr(err, cap,
                      _("%s '%s': expected LABEL:KEY=LO:HI:N (a curve) or LABEL:KEY=LO:HI:N,KEY=LO:HI:N (a map)"),
                      o->flag, val);
    if (comma && strchr(comma + 1, ','))
        return seterr(err, cap, _("%s '%s': a sweep takes one key (a curve) or two (a map), not more"), o->flag, val);
    *colon = '\0';
    if (comma)
        *comma = '\0';
    char why[SPEC_ERR_MAX];
    memset(&cfg->sweep_axis[1], 0, sizeof cfg->sweep_axis[1]); /* n 0: a curve over the first key alone */
    for (int k = 0; k < (comma ? 2 : 1); k++)
        if (parse_axis(k ? comma + 1 : colon + 1, &cfg->sweep_axis[k], why, sizeof why) != 0)
            return seterr(err, cap, "%s %s", o->flag, why);
    if (comma && cfg->sweep_axis[0].key == cfg->sweep_axis[1].key)
        return seterr(err, cap, _("%s '%s': two different keys are needed"), o->flag, val);
    snprintf(cfg->sweep_label, sizeof cfg->sweep_label, "%.*s", (int)sizeof cfg->sweep_label - 1, buf);
    return 0;
}

static const char *const METRIC_NAMES[] = {"final", "steps"};

static int arg_sweep_metric(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->sweep_metric = k;
    return k < 0 ? -1 : 0;
}

static int arg_sweep_tol(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0)
        return seterr(err, cap, _("%s '%s': expected a loss"), o->flag, val);
    cfg->sweep_tol = v;
    return 0;
}

static int arg_basin(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    char buf[SPEC_ARG_MAX];
    snprintf(buf, sizeof buf, "%s", val);
    char *colon = strrchr(buf, ':');
    cfg->basin_n = 256;
    if (colon) {
        *colon = '\0';
        if (parse_int(colon + 1, 2, SWEEP_MAX_N, &cfg->basin_n) != 0)
            return seterr(err, cap, _("%s '%s': expected LABEL[:N], N from 2 to %d"), o->flag, val, SWEEP_MAX_N);
    }
    if (!buf[0] || strlen(buf) >= SCENE_LABEL_MAX)
        return seterr(err, cap, _("%s '%s': expected LABEL[:N], a run's label"), o->flag, val);
    snprintf(cfg->basin_label, sizeof cfg->basin_label, "%.*s", (int)sizeof cfg->basin_label - 1, buf);
    return 0;
}

static int arg_out_dir(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty directory name"), &cfg->out_dir, err, cap);
}

static int arg_speed(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0 || !(v > 0) || v > 1e6)
        return seterr(err, cap, _("%s '%s': expected steps per second, > 0 and at most 1000000"), o->flag, val);
    cfg->speed = v;
    return 0;
}

static int arg_lesson(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)err, (void)cap;
    cfg->lesson_arg = val;
    return 0;
}

static int arg_slide(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 1, LESSON_MAX_SLIDES, &cfg->slide) != 0)
        return seterr(err, cap, _("%s '%s': a slide's number, from 1"), o->flag, val);
    return 0;
}

static int arg_scene(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o;
    cfg->scene_path = val;
    return scenefile_load(val, cfg, err, cap);
}

static int arg_resume(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)val;
    char path[4096];
    int rc = scenefile_state_path(path, sizeof path, 0);
    if (rc == SCENEFILE_PATH_TOO_LONG)
        return seterr(err, cap, _("%s: the saved scene's path is too long (%s is %zu bytes; the path must fit in %zu)"),
                      o->flag, scenefile_state_var(), strlen(getenv(scenefile_state_var())), sizeof path - 1);
    if (rc != 0)
        return seterr(err, cap, _("%s: neither XDG_STATE_HOME nor HOME is set"), o->flag);
    int e = scenefile_probe(path);
    if (e == ENOENT)
        return seterr(err, cap, _("%s: no saved scene at '%s' (the window saves one when it quits)"), o->flag, path);
    if (e)
        return seterr(err, cap, _("%s: cannot read '%s': %s"), o->flag, path, strerror(e));
    char why[SPEC_ERR_MAX];
    if (scenefile_load(path, cfg, why, sizeof why) != 0)
        return seterr(err, cap, "%s: %s", o->flag, why);
    return 0;
}

static int arg_save_scene(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->save_scene_path, err, cap);
}

/* In the order --help shows them. The helps are whole literals, for xgettext: the
 * numbers and names in them are checked here. */
_Static_assert(SCENE_MAX_STEPS == 1000000, "--steps's help says 0 to 1000000");
_Static_assert(DEFAULT_WIDTH == 1600 && DEFAULT_HEIGHT == 900, "--size's help says 1600x900");
static const Option OPTIONS[] = {
    {SECTION_SCENE, "--surface", .value = "SPEC", .parse = arg_surface, .more = help_surfaces,
     .help = N_("loss surface NAME[:param=value,...] (default rosenbrock):")},
    {SECTION_SCENE, "--opt", .value = "SPEC", .parse = arg_opt, .more = help_runs,
     .help = N_("add a run, NAME[:key=value,...], repeatable, in order:")},
    {SECTION_SCENE, "--start", .value = "X,Y", .parse = arg_start,
     .help = N_("start point of every run (default: the surface's)")},
    {SECTION_SCENE, "--steps", .value = "N", .parse = arg_steps,
     .help = N_("steps per run, 0 to 1000000 (default: the surface's)")},
    {SECTION_SCENE, "--noise", .value = "SIGMA", .parse = arg_noise,
     .help = N_("stochastic gradients: g + SIGMA * N(0, 1) (default 0)")},
    {SECTION_SCENE, "--seed", .value = "S", .parse = arg_seed,
     .help = N_("seed of the noise (default 0); bundle member j uses S + j")},
    {SECTION_SCENE, "--view", .value = "XMIN,XMAX,YMIN,YMAX", .parse = arg_view,
     .help = N_("region of the plane to show")},
    {SECTION_SCENE, "--layout", .choices = LAYOUT_NAMES, .n_choices = COUNT(LAYOUT_NAMES), .parse = arg_layout,
     .help = N_("all runs on one map, or one panel per run")},
    {SECTION_SCENE, "--legend", .choices = LEGEND_NAMES, .n_choices = COUNT(LEGEND_NAMES), .parse = arg_legend,
     .value = "X,Y",
     .help = N_("where the legend goes (auto: where it hides least; X,Y: a place of its own, 0 to 1 across the room "
                "the map leaves it, as dragging it sets)")},
    {SECTION_SCENE, "--axes", .choices = AXES_NAMES, .n_choices = COUNT(AXES_NAMES), .parse = arg_axes,
     .help = N_("tick labels on the map's axes and the colour bar of the loss (default on)")},
    {SECTION_SCENE, "--lang", .value = "CODE", .parse = arg_lang,
     .help = N_("the language of the window and its pictures: en or zh_CN (default: the environment's, "
                "LANGUAGE, LC_ALL, LC_MESSAGES, LANG)")},
    {SECTION_SCENE, "--internals", .parse = arg_internals,
     .help = N_("at each head: -lr*gradient, the step, the momentum, and the per-axis step size as a box")},
    {SECTION_SCENE, "--card", .value = "LABEL", .parse = arg_card,
     .help = N_("show the update rule of run LABEL, with the numbers of the step shown")},
    {SECTION_SCENE, "--view3d", .opt_value = "AZ,EL[,DIST]", .parse = arg_view3d,
     .help = N_("the map in 3D: the surface as a lit mesh, its height the colour scale; seen from azimuth AZ and "
                "elevation EL degrees (and DIST, 1 to 20 box widths; default -30,50,4.9)")},
    {SECTION_SCENE, "--at", .value = "STEP", .parse = arg_at,
     .help = N_("the step shown (a screenshot's; the window starts there, paused); default: the last")},
    {SECTION_SCENE, "--plot", .choices = PLOT_NAMES, .n_choices = COUNT(PLOT_NAMES), .parse = arg_plot,
     .help = N_("the plot under the map: loss, |grad| or lr per step (default: loss in the window, none in a "
                "--headless screenshot)")},
    {SECTION_SCENE, "--speed", .value = "STEPS_PER_SECOND", .parse = arg_speed,
     .help = N_("the window's animation speed (default: the whole run in about six seconds)")},
    {SECTION_SCENE, "--lesson", .value = "NAME|FILE", .parse = arg_lesson, .not_in_file = 1,
     .help = N_("open a lesson: a built-in one by name (--list) or a lesson file; its slides are the scenes "
                "(no other scene option with it)")},
    {SECTION_SCENE, "--slide", .value = "K", .parse = arg_slide, .not_in_file = 1,
     .help = N_("the lesson's slide to show, from 1 (default 1)")},
    {SECTION_SCENE, "--scene", .value = "FILE", .parse = arg_scene, .not_in_file = 1,
     .help = N_("read options from a scene file, one per line, as if given here (options after it override it; "
                "its --opt lines replace the runs given before it)")},
    {SECTION_SCENE, "--resume", .parse = arg_resume, .not_in_file = 1,
     .help = N_("the scene the window had when it last quit: --scene $XDG_STATE_HOME/gradscape/last.scene")},
    {SECTION_OUTPUT, "--headless", .parse = arg_headless,
     .help = N_("no window: simulate, write what is asked, exit")},
    {SECTION_OUTPUT, "--csv", .value = "FILE", .parse = arg_csv,
     .help = N_("trajectories, one row per run and step ('-': stdout):"), .tail = "\n  " EXPORT_CSV_HEADER},
    {SECTION_OUTPUT, "--screenshot", .value = "FILE", .parse = arg_screenshot,
     .help = N_("PNG of the scene after all steps (with --headless)")},
    {SECTION_OUTPUT, "--animate", .value = "FILE", .parse = arg_animate,
     .help = N_("animation of the runs from step 0 to the last, .gif or .mp4 by the name; each frame is the "
                "picture --screenshot gives at its step, the last held a second (with --headless)")},
    {SECTION_OUTPUT, "--fps", .value = "N", .parse = arg_fps,
     .help = N_("the animation's frames per second, 1 to 120, a GIF's at most 50 (default 30)")},
    {SECTION_OUTPUT, "--frames", .value = "N", .parse = arg_frames,
     .help = N_("the animation's frame count (default: 5 seconds' worth)")},
    {SECTION_OUTPUT, "--duration", .value = "SECONDS", .parse = arg_duration,
     .help = N_("the animation's length before the hold, instead of --frames")},
    {SECTION_OUTPUT, "--sweep", .value = "LABEL:KEY=LO:HI:N[,KEY=LO:HI:N]", .parse = arg_sweep,
     .help = N_("with one key, a curve (the learning-rate range test): run LABEL once for each of N values of KEY "
                "from LO to HI, its final loss against the value; with two, a hyperparameter map, a cell per pair (lr "
                "and eps spaced in log10); with --csv, one row per value or cell: KEY[,KEY2],final_loss,steps_to_tol,"
                "diverged_at (with --headless)")},
    {SECTION_OUTPUT, "--sweep-metric", .choices = METRIC_NAMES, .n_choices = COUNT(METRIC_NAMES),
     .parse = arg_sweep_metric, .help = N_("what a map's colour shows: the final loss, or the steps to --sweep-tol")},
    {SECTION_OUTPUT, "--sweep-tol", .value = "LOSS", .parse = arg_sweep_tol,
     .help = N_("the loss a run counts as arrived at (default: 1e-6 above the lowest known minimum)")},
    {SECTION_OUTPUT, "--basin", .value = "LABEL[:N]", .parse = arg_basin,
     .help = N_("a basin map: run LABEL from every start of an N x N grid over the view (default 256); with --csv, "
                "one row per start: x0,y0,end_x,end_y,final_loss,\n  minimum,steps_to_tol,diverged_at (with "
                "--headless)")},
    {SECTION_OUTPUT, "--save-scene", .value = "FILE", .parse = arg_save_scene,
     .help = N_("write the scene the options describe as a scene file, then exit (or go on with --headless)")},
    {SECTION_OUTPUT, "--size", .value = "WxH", .parse = arg_size,
     .help = N_("window or, with --headless, image size (default 1600x900)")},
    {SECTION_OUTPUT, "--out-dir", .value = "DIR", .parse = arg_out_dir,
     .help = N_("where the window saves screenshots, animations and the scene file (default: "
                "$XDG_PICTURES_DIR/gradscape, else ~/Pictures/gradscape)")},
    {SECTION_INFORMATION, "--list", .action = SPEC_LIST, .parse = arg_action,
     .help = N_("surfaces, optimizers, schedules, their keys and defaults")},
    {SECTION_INFORMATION, "--print-torch", .action = SPEC_PRINT_TORCH, .parse = arg_action,
     .help = N_("print the torch.optim and lr_scheduler code of every run")},
    {SECTION_INFORMATION, "--bench-core", .action = SPEC_BENCH_CORE, .parse = arg_action,
     .help = N_("time recomputing 4 runs x 10000 steps")},
    {SECTION_INFORMATION, "--bench", .action = SPEC_BENCH, .parse = arg_action,
     .help = N_("time rendering frames offscreen (with --size)")},
    {SECTION_INFORMATION, "--bench-export", .action = SPEC_BENCH_EXPORT, .parse = arg_action,
     .help = N_("time a 1920x1080 PNG and a 150-frame 960x540 GIF and MP4 of the scene")},
    {SECTION_INFORMATION, "--bench-sweep", .action = SPEC_BENCH_SWEEP, .parse = arg_action,
     .help = N_("time a 64x64 hyperparameter map and a 256x256 basin map, on one thread and on all")},
    {SECTION_INFORMATION, "--bench-start", .parse = arg_bench_start,
     .help = N_("with --headless: print the time and memory of each phase of the run (stderr)")},
    {SECTION_INFORMATION, "--version", .action = SPEC_VERSION, .parse = arg_action, .help = N_("print the version")},
    {SECTION_INFORMATION, "--help", .alias = "-h", .action = SPEC_HELP, .parse = arg_action, .help = N_("this text")},
};

const Option *spec_options(int *n)
{
    *n = COUNT(OPTIONS);
    return OPTIONS;
}

static int takes_value(const Option *o) { return o->value || o->choices; }

static const Option *option_find(const char *flag)
{
    for (int i = 0; i < COUNT(OPTIONS); i++)
        if (strcmp(flag, OPTIONS[i].flag) == 0 || (OPTIONS[i].alias && strcmp(flag, OPTIONS[i].alias) == 0))
            return &OPTIONS[i];
    return NULL;
}

void spec_config_defaults(Config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->action = SPEC_RUN;
    cfg->steps = -1;
    cfg->at = -1;
    cfg->width = DEFAULT_WIDTH;
    cfg->height = DEFAULT_HEIGHT;
}

/* Checks the value's presence and length and stores it. */
static int option_apply(const Option *o, const char *flag, const char *val, Config *cfg, char *err, size_t cap)
{
    if (!takes_value(o) && !o->opt_value && val)
        return seterr(err, cap, _("%s takes no value"), flag);
    if (val && strlen(val) >= SPEC_ARG_MAX)
        return seterr(err, cap, _("%s: value too long (at most %d characters)"), flag, SPEC_ARG_MAX - 1);
    return o->parse(o, val, cfg, err, cap);
}

int spec_apply_option(Config *cfg, const char *flag, const char *val, int in_file, char *err, size_t cap)
{
    const Option *o = option_find(flag);
    if (!o)
        return seterr(err, cap, _("unknown option '%s' (see --help)"), flag);
    if (in_file && (o->section != SECTION_SCENE || o->not_in_file))
        return seterr(err, cap, _("%s cannot be used in a scene file (only the options of --help's Scene section)"),
                      o->flag);
    if (takes_value(o) && !val)
        return seterr(err, cap, _("%s needs a value"), flag);
    return option_apply(o, flag, val, cfg, err, cap);
}

/* --help, or else --version, if the command line has it as an option (not as
 * another option's value: "--csv --help" writes a file named --help). */
static SpecAction info_action(int argc, char **argv)
{
    SpecAction a = SPEC_RUN;
    for (int i = 1; i < argc; i++) {
        const Option *o = option_find(argv[i]);
        if (o && o->action == SPEC_HELP)
            return SPEC_HELP;
        if (o && o->action == SPEC_VERSION)
            a = SPEC_VERSION;
        else if (o && takes_value(o))
            i++;
    }
    return a;
}

/* The lesson of the last command line that opened one, and that command line's
 * Config before its slide was applied (each slide starts from it). One at a time:
 * the next --lesson replaces it; freed at exit. */
struct SpecLesson {
    Lesson *lesson;
    Config base;
};
static struct SpecLesson *held;

static void held_free(void)
{
    if (held)
        lesson_free(held->lesson);
    free(held);
    held = NULL;
}

const Lesson *spec_lesson(const Config *cfg) { return cfg->lesson ? cfg->lesson->lesson : NULL; }

int spec_slide(const Config *cfg) { return cfg->slide > 0 ? cfg->slide - 1 : 0; }

int spec_slide_config(const Config *cfg, int k, Config *out, char *err, size_t cap)
{
    if (!cfg->lesson)
        return seterr(err, cap, _("no lesson is open"));
    Config c = cfg->lesson->base;
    if (lesson_apply(cfg->lesson->lesson, k, &c, err, cap) != 0)
        return -1;
    c.slide = k + 1;
    *out = c;
    return 0;
}

/* --lesson: the lesson opened, and its slide applied to cfg. `scene_flag`: a scene
 * option given with it, which is refused. */
static int open_lesson(Config *cfg, const char *scene_flag, char *err, size_t cap)
{
    if (scene_flag)
        return seterr(err, cap, _("--lesson takes its scenes from the lesson: %s cannot be given with it"), scene_flag);
    static int registered;
    if (!registered)
        registered = atexit(held_free) == 0;
    held_free();
    held = calloc(1, sizeof *held);
    Lesson *l = held ? malloc(sizeof *l) : NULL;
    if (!l) {
        held_free();
        return seterr(err, cap, _("--lesson: out of memory"));
    }
    char why[SPEC_ERR_MAX];
    if (lesson_load(cfg->lesson_arg, l, why, sizeof why) != 0) {
        free(l);
        held_free();
        return seterr(err, cap, "--lesson: %s", why);
    }
    held->lesson = l;
    if (cfg->slide > l->n_slides) {
        int n = l->n_slides;
        held_free();
        return seterr(err, cap,
                      dngettext(GS_TEXTDOMAIN, "--slide %d: the lesson '%s' has %d slide",
                                "--slide %d: the lesson '%s' has %d slides", (unsigned long)n),
                      cfg->slide, cfg->lesson_arg, n);
    }
    cfg->lesson = held;
    held->base = *cfg; /* with the lesson: a slide's config names it too */
    if (lesson_apply(l, spec_slide(cfg), cfg, why, sizeof why) != 0)
        return seterr(err, cap, "--lesson: %s", why);
    return 0;
}

int spec_parse_args(int argc, char **argv, Config *cfg, char *err, size_t cap)
{
    spec_config_defaults(cfg);
    /* As GNU's programs do, --help and --version answer whatever else is given,
     * even what would be an error ("--help --bogus"); --help first. */
    cfg->action = info_action(argc, argv);
    if (cfg->action != SPEC_RUN)
        return 0;
    const char *scene_flag = NULL; /* the first scene option given, which --lesson refuses */
    const char *file_arg = NULL;   /* a scene or lesson file named alone, as a file manager does */
    int scene_opt = 0, lesson_opt = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        char flag[64];
        const char *val = NULL;
        if (arg[0] != '-' && arg[0]) {
            /* FILE: --lesson FILE for a name ending in .lesson, else --scene FILE */
            if (file_arg)
                return seterr(err, cap, _("'%s' and '%s': give one scene or lesson file"), file_arg, arg);
            file_arg = arg;
            size_t n = strlen(arg);
            int lesson = n > 7 && strcmp(arg + n - 7, ".lesson") == 0;
            if (lesson ? lesson_opt : scene_opt)
                return seterr(err, cap,
                              lesson ? _("'%s' and --lesson: give one lesson file")
                                     : _("'%s' and --scene: give one scene file"),
                              arg);
            const Option *o = option_find(lesson ? "--lesson" : "--scene");
            if (option_apply(o, o->flag, arg, cfg, err, cap) != 0)
                return -1;
            continue;
        }
        const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        if (eq && (size_t)(eq - arg) < sizeof flag) {
            memcpy(flag, arg, (size_t)(eq - arg));
            flag[eq - arg] = '\0';
            val = eq + 1;
        } else {
            snprintf(flag, sizeof flag, "%s", arg);
        }
        const Option *o = option_find(flag);
        if (!o)
            return seterr(err, cap, _("unknown option '%s' (see --help)"), arg);
        if (takes_value(o) && !val) {
            if (i + 1 >= argc)
                return seterr(err, cap, _("%s needs a value"), flag);
            val = argv[++i];
        }
        if ((o->parse == arg_scene || o->parse == arg_lesson) && file_arg)
            return seterr(err, cap, _("'%s' and %s: give one scene or lesson file"), file_arg, flag);
        scene_opt |= o->parse == arg_scene, lesson_opt |= o->parse == arg_lesson;
        if (option_apply(o, flag, val, cfg, err, cap) != 0)
            return -1;
        if (o->section == SECTION_SCENE && o->parse != arg_lesson && o->parse != arg_slide && o->parse != arg_lang &&
            !scene_flag)
            scene_flag = o->flag;
    }
    if (cfg->slide && !cfg->lesson_arg)
        return seterr(err, cap, _("--slide needs --lesson"));
    if (cfg->lesson_arg && open_lesson(cfg, scene_flag, err, cap) != 0)
        return -1;
    size_t sl = cfg->screenshot_path ? strlen(cfg->screenshot_path) : 0;
    if (sl && cfg->screenshot_path[sl - 1] == '/' && !cfg->lesson_arg)
        return seterr(err, cap, _("--screenshot '%s': a folder (a name ending in /) takes a lesson's handout, one "
                                  "PNG per slide: give --lesson"), cfg->screenshot_path);
    if (cfg->anim_frames > 0 && cfg->anim_seconds > 0)
        return seterr(err, cap, _("--frames and --duration both set the animation's length: give one"));
    if (cfg->anim_seconds > 0) {
        int fps = cfg->fps > 0 ? cfg->fps : ANIM_DEFAULT_FPS;
        long frames = lround(cfg->anim_seconds * fps);
        if (frames > ANIM_MAX_FRAMES)
            return seterr(err, cap,
                          cfg->fps > 0 ? _("--duration %s with --fps %d makes %ld frames, more than the %d --frames "
                                           "allows (at most %g seconds at %d frames per second)")
                                       : _("--duration %s with the default --fps %d makes %ld frames, more than the "
                                           "%d --frames allows (at most %g seconds at %d frames per second)"),
                          text_num(cfg->anim_seconds).s, fps, frames, ANIM_MAX_FRAMES,
                          floor(100.0 * ANIM_MAX_FRAMES / fps) / 100, fps);
    }
    if (cfg->sweep_label[0] && cfg->basin_label[0])
        return seterr(err, cap, _("--sweep and --basin: give one at a time"));
    if (cfg->action == SPEC_RUN && !cfg->headless && (cfg->sweep_label[0] || cfg->basin_label[0]))
        return seterr(err, cap, _("%s needs --headless"), cfg->sweep_label[0] ? "--sweep" : "--basin");
    if (cfg->action == SPEC_RUN && !cfg->headless && (cfg->csv_path || cfg->screenshot_path || cfg->animate_path) == 0)
        return 0;
    if (cfg->action == SPEC_RUN && !cfg->headless)
        /* TRANSLATORS: the second %s is a key, Ctrl+S or Ctrl+E */
        return seterr(err, cap, _("%s needs --headless (in the window, use %s)"),
                      cfg->csv_path ? "--csv" : cfg->screenshot_path ? "--screenshot" : "--animate",
                      cfg->animate_path && !cfg->csv_path && !cfg->screenshot_path ? "Ctrl+E" : "Ctrl+S");
    return 0;
}

int spec_check_outputs(const Config *cfg, char *err, size_t cap)
{
    const struct {
        const char *flag, *path;
    } out[] = {{"--csv", cfg->csv_path},
               {"--screenshot", cfg->screenshot_path},
               {"--animate", cfg->animate_path},
               {"--save-scene", cfg->save_scene_path}};
    for (int i = 0; i < COUNT(out); i++) {
        const char *p = out[i].path;
        if (!p || strcmp(p, "-") == 0)
            continue;
        for (int j = i + 1; j < COUNT(out); j++)
            if (out[j].path && export_same_file(p, out[j].path))
                return seterr(err, cap, _("%s '%s' and %s '%s' name the same file: give each output its own"),
                              out[i].flag, p, out[j].flag, out[j].path);
        if (cfg->scene_path && export_same_file(p, cfg->scene_path))
            return seterr(err, cap, _("%s '%s' would overwrite the scene it reads (--scene '%s')"), out[i].flag, p,
                          cfg->scene_path);
    }
    return 0;
}

static int add_run_spec(Scene *sc, const char *text, char *err, size_t cap)
{
    RunSpec rs;
    if (spec_parse_opt(text, &rs, err, cap) != 0)
        return -1;
    int i = scene_add_run(sc, rs.kind, rs.hp, rs.label);
    if (i < 0)
        return seterr(err, cap, _("out of memory for %d steps"), sc->steps);
    sc->run[i].sched = rs.sched;
    sc->run[i].enabled = rs.enabled;
    if (rs.colour >= 0)
        sc->run[i].colour = rs.colour;
    if (rs.bundle > 1 && scene_set_bundle(sc, i, rs.bundle) != 0)
        return seterr(err, cap, _("out of memory for a bundle of %d x %d steps"), rs.bundle, sc->steps);
    return 0;
}

static const char *const EXPR_DEFAULT_RUNS[] = {"sgd:lr=0.01", "momentum:lr=0.01,momentum=0.9",
                                                "rmsprop:lr=0.01", "adam:lr=0.05"};

const char *spec_default_run(const Surface *s, int i)
{
    if (i < 0 || i >= SURFACE_MAX_DEFAULT_RUNS)
        return NULL;
    return s->builtin >= 0 ? surface_info(s->builtin)->runs[i] : EXPR_DEFAULT_RUNS[i];
}

int spec_add_default_runs(Scene *sc)
{
    char err[SPEC_ERR_MAX];
    for (int i = 0; i < SURFACE_MAX_DEFAULT_RUNS; i++) {
        const char *text = spec_default_run(&sc->surface, i);
        if (text && add_run_spec(sc, text, err, sizeof err) != 0)
            return -1;
    }
    return 0;
}

/* Refuses a scene whose trajectories would not fit in memory, before any is
 * allocated: its runs (or the surface's four default ones) with their bundles. */
static int check_memory(const Config *cfg, int steps, char *err, size_t cap)
{
    int tracks = cfg->n_opts ? 0 : SURFACE_MAX_DEFAULT_RUNS, bundle = 0;
    for (int i = 0; i < cfg->n_opts; i++) {
        RunSpec rs;
        char why[SPEC_ERR_MAX];
        if (spec_parse_opt(cfg->opt[i], &rs, why, sizeof why) != 0)
            return 0; /* its own message comes when the run is added */
        int members = rs.bundle > 1 ? rs.bundle : 1;
        tracks += members;
        bundle = members > bundle ? members : bundle;
    }
    double need = scene_bytes(tracks, steps), limit = scene_memory_limit();
    if (need <= limit)
        return 0;
    int runs = cfg->n_opts ? cfg->n_opts : SURFACE_MAX_DEFAULT_RUNS;
    if (bundle > 1)
        return seterr(err, cap,
                      dngettext(GS_TEXTDOMAIN,
                                "--steps %d with %d run and their bundles needs about %.1f GB for its trajectories, "
                                "more than half of this machine's memory (%.1f GB): lower --steps or bundle=",
                                "--steps %d with %d runs and their bundles needs about %.1f GB for its trajectories, "
                                "more than half of this machine's memory (%.1f GB): lower --steps or bundle=",
                                (unsigned long)runs),
                      steps, runs, need / 1e9, limit / 1e9);
    return seterr(err, cap,
                  dngettext(GS_TEXTDOMAIN,
                            "--steps %d with %d run needs about %.1f GB for its trajectories, more than half of "
                            "this machine's memory (%.1f GB): lower --steps or give fewer runs",
                            "--steps %d with %d runs needs about %.1f GB for its trajectories, more than half of "
                            "this machine's memory (%.1f GB): lower --steps or give fewer runs",
                            (unsigned long)runs),
                  steps, runs, need / 1e9, limit / 1e9);
}

/* A run starts with the surface's value and gradient at the start point: refused
 * when they are not finite there, as such a run would have not one point. */
static int check_start(const Config *cfg, const Scene *sc, char *err, size_t cap)
{
    double gx, gy, f = surface_grad(&sc->surface, sc->start[0], sc->start[1], &gx, &gy);
    if (isfinite(f) && isfinite(gx) && isfinite(gy))
        return 0;
    const char *surf = cfg->surface[0] ? cfg->surface : DEFAULT_SURFACE;
    double v[5] = {sc->start[0], sc->start[1], f, gx, gy};
    TextNum t[5];
    for (int i = 0; i < 5; i++)
        t[i] = isnan(v[i]) ? (TextNum){"nan"} : text_num(v[i]); /* not "-nan" */
    if (cfg->have_start)
        return seterr(err, cap, _("--start %s,%s: --surface '%s' is not finite there (loss %s, gradient %s,%s)"),
                      t[0].s, t[1].s, surf, t[2].s, t[3].s, t[4].s);
    return seterr(err, cap,
                  _("--surface '%s' is not finite at its start point %s,%s (loss %s, gradient %s,%s): give "
                    "--start X,Y"),
                  surf, t[0].s, t[1].s, t[2].s, t[3].s, t[4].s);
}

int spec_build_scene(const Config *cfg, Scene *sc, char *err, size_t cap)
{
    Surface s;
    char why[SPEC_ERR_MAX];
    const char *surf = cfg->surface[0] ? cfg->surface : DEFAULT_SURFACE;
    if (spec_parse_surface(surf, &s, why, sizeof why) != 0)
        return seterr(err, cap, _("%s '%s': %s"), "--surface", surf, why);
    if (cfg->have_view)
        memcpy(s.view, cfg->view, sizeof s.view);
    scene_init(sc, &s);
    sc->noise = cfg->noise;
    sc->seed = cfg->seed;
    if (cfg->have_start) {
        sc->start[0] = cfg->start[0];
        sc->start[1] = cfg->start[1];
    }
    if (check_memory(cfg, cfg->steps >= 0 ? cfg->steps : sc->steps, err, cap) != 0)
        return -1;
    if (cfg->steps >= 0 && scene_set_steps(sc, cfg->steps) != 0)
        return seterr(err, cap, _("--steps %d: out of memory"), cfg->steps);
    if (cfg->n_opts == 0) {
        if (spec_add_default_runs(sc) != 0) {
            scene_free(sc);
            return seterr(err, cap, _("out of memory for %d steps"), sc->steps);
        }
    }
    for (int i = 0; i < cfg->n_opts; i++) {
        if (add_run_spec(sc, cfg->opt[i], why, sizeof why) != 0) {
            scene_free(sc);
            return seterr(err, cap, _("%s '%s': %s"), "--opt", cfg->opt[i], why);
        }
        int same = scene_find_run(sc, sc->run[sc->n_runs - 1].label);
        if (same < sc->n_runs - 1) {
            char label[SCENE_LABEL_MAX];
            snprintf(label, sizeof label, "%s", sc->run[same].label);
            scene_free(sc);
            return seterr(err, cap, _("--opt '%s': run %d is called '%s' already: give each run its own label"),
                          cfg->opt[i], same + 1, label);
        }
    }
    /* the runs the options name: --card, --sweep, --basin */
    static const struct {
        const char *flag;
        size_t offset;
    } NAMED[] = {{"--card", offsetof(Config, card)},
                 {"--sweep", offsetof(Config, sweep_label)},
                 {"--basin", offsetof(Config, basin_label)}};
    for (size_t k = 0; k < sizeof NAMED / sizeof NAMED[0]; k++) {
        const char *label = (const char *)cfg + NAMED[k].offset;
        if (!label[0] || scene_find_run(sc, label) >= 0)
            continue;
        Text t = text_begin(why, sizeof why);
        for (int i = 0; i < sc->n_runs; i++)
            text_add(&t, "%s%s", i ? ", " : "", sc->run[i].label);
        scene_free(sc);
        /* --basin took the text after its last ':' as N: a label with one more ':' was a second N */
        if (k == 2 && strchr(label, ':'))
            return seterr(err, cap, _("--basin '%s:%d': expected LABEL[:N] with one N (no run is labelled '%s'; the "
                                      "runs: %s)"), label, cfg->basin_n, label, why);
        const char *origin = k == 0 ? cfg->card_origin : "";
        if (origin[0])
            /* TRANSLATORS: the first %s is where it was given, a scene file's FILE:LINE */
            return seterr(err, cap, _("%s: %s '%s': no run has that label (the runs: %s)"), origin, NAMED[k].flag,
                          label, why);
        return seterr(err, cap, _("%s '%s': no run has that label (the runs: %s)"), NAMED[k].flag, label, why);
    }
    int swept = cfg->sweep_label[0] ? scene_find_run(sc, cfg->sweep_label) : -1;
    for (int k = 0; swept >= 0 && k < 2; k++)
        if (cfg->sweep_axis[k].n > 0 && !optim_uses(sc->run[swept].kind, cfg->sweep_axis[k].key)) {
            OptimKind kind = sc->run[swept].kind;
            scene_free(sc);
            /* TRANSLATORS: an optimizer's name and a hyperparameter's key: "sgd takes no beta1" */
            return seterr(err, cap, _("--sweep: %s takes no %s"), optim_info(kind)->name,
                          optim_hyper(cfg->sweep_axis[k].key)->name);
        }
    /* a basin map starts everywhere but here */
    if (!cfg->basin_label[0] && check_start(cfg, sc, err, cap) != 0) {
        scene_free(sc);
        return -1;
    }
    /* TRANSLATORS: the work a progress line on a terminal shows, "gradscape: simulating [####----] 40%" */
    cancel_phase(_("simulating"), scene_points(sc));
    scene_simulate(sc);
    cancel_phase_end();
    if (cancel_requested()) {
        scene_free(sc);
        return seterr(err, cap, _("stopped"));
    }
    return 0;
}
