/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* app_scene: what the window keeps and shares: the scene file it saves and opens
 * (Ctrl+Shift+S, Ctrl+O, the side panel's Scene section), the last scene saved on
 * a normal quit for --resume, a run copied to the clipboard as PyTorch code, and
 * the lesson: its slides shown, opened, presented.
 *
 * Invariants: a file that cannot be read or parsed changes nothing and is reported
 * on screen with its line; the scene a file opens is built completely before it
 * replaces the current one. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "lesson.h"
#include "log.h"
#include "scenefile.h"
#include "torchcode.h"

/* What the window shows besides the scene, as a scene file keeps it. */
static void view_of(const App *a, SceneFileView *v)
{
    memset(v, 0, sizeof *v);
    v->view[0] = a->view.x0, v->view[1] = a->view.x1, v->view[2] = a->view.y0, v->view[3] = a->view.y1;
    v->layout = a->layout;
    v->legend = a->legend;
    v->legend_at[0] = a->legend_at[0], v->legend_at[1] = a->legend_at[1];
    v->no_axes = !a->axes;
    v->at = (int)a->t;
    v->plot = a->plot.show ? (PlotArg)(PLOT_ARG_LOSS + (int)a->plot.metric) : PLOT_ARG_NONE;
    v->internals = a->show_internals;
    int card = app_card_run(a);
    if (card >= 0)
        snprintf(v->card, sizeof v->card, "%s", a->scene.run[card].label);
    v->speed = a->speed;
    v->view3d = a->view3d;
    v->camera[0] = a->camera.azimuth, v->camera[1] = a->camera.elevation, v->camera[2] = a->camera.distance;
    snprintf(v->lang, sizeof v->lang, "%s", a->lang);
}

int app_save_scene_to(const App *a, const char *path, char *err, size_t cap)
{
    SceneFileView v;
    view_of(a, &v);
    return scenefile_save(path, &a->scene, &v, err, cap);
}

static int is_lesson_name(const char *path)
{
    size_t n = strlen(path);
    return n > 7 && strcmp(path + n - 7, ".lesson") == 0;
}

void app_save_scene(App *a)
{
    char err[1400];
    if (is_lesson_name(a->side.scene_path)) { /* a scene written there would be the lesson's end */
        /* TRANSLATORS: %s is the path typed in the side panel's file field */
        snprintf(err, sizeof err, _("%s is a lesson: save the scene under a name ending in .scene"),
                 a->side.scene_path);
        app_message(a, err);
        return;
    }
    /* in the folder the window saves to: made first, if missing */
    size_t n = strlen(a->out_dir);
    if (strncmp(a->side.scene_path, a->out_dir, n) == 0 && a->side.scene_path[n] == '/' && app_out_dir_ready(a) != 0)
        return;
    if (app_save_scene_to(a, a->side.scene_path, err, sizeof err) == 0) {
        /* TRANSLATORS: a notice; %s is the scene file's path, shortened in its middle where it is long: keep it
         * at the end */
        app_saved(a, _("Saved the scene to %s"), a->side.scene_path);
    } else {
        app_message(a, err);
    }
}

void app_open_scene(App *a, const char *path)
{
    char err[1400];
    if (is_lesson_name(path)) { /* a lesson file, opened the same ways */
        app_open_lesson(a, path);
        return;
    }
    Config cfg;
    char *argv[] = {"gradscape"};
    spec_parse_args(1, argv, &cfg, err, sizeof err);
    Scene next;
    if (scenefile_load(path, &cfg, err, sizeof err) != 0 || spec_build_scene(&cfg, &next, err, sizeof err) != 0) {
        app_message(a, err);
        return;
    }
    scene_free(&a->scene);
    a->scene = next;
    app_apply_config_view(a, &cfg);
    if (cfg.lang[0])
        app_set_lang(a, cfg.lang);
    char msg[1300];
    /* TRANSLATORS: a notice; %s is the scene file's path */
    snprintf(msg, sizeof msg, _("Opened %s"), path);
    app_message(a, msg);
}

void app_lesson_labels(App *a, char *card)
{
    Scene *sc = &a->scene;
    for (int i = 0; i < sc->n_runs; i++) {
        char *label = sc->run[i].label, key[SCENE_LABEL_MAX + 16];
        /* msgctxt "run label" (scripts/pot.sh): "step" the schedule, not the step shown */
        snprintf(key, sizeof key, "run label\004%s", label);
        const char *t = _(key);
        if (t == key || strcmp(t, key) == 0 || strlen(t) >= sizeof sc->run[i].label || strpbrk(t, ",:=") ||
            scene_find_run(sc, t) >= 0)
            continue;
        if (card && strcmp(card, label) == 0)
            snprintf(card, SCENE_LABEL_MAX, "%s", t);
        snprintf(label, sizeof sc->run[i].label, "%s", t);
    }
}

void app_show_slide(App *a, int k)
{
    char err[1400];
    if (!a->lesson || k < 0 || k >= a->lesson->n_slides)
        return;
    Config cfg;
    spec_config_defaults(&cfg);
    Scene next;
    if (lesson_apply(a->lesson, k, &cfg, err, sizeof err) != 0 || spec_build_scene(&cfg, &next, err, sizeof err) != 0) {
        app_message(a, err);
        return;
    }
    scene_free(&a->scene);
    a->scene = next;
    app_lesson_labels(a, cfg.card);
    app_apply_config_view(a, &cfg);
    a->slide = k;
    a->blank = 0;
    if (a->lesson->slide[k].play)
        a->t = 0, a->playing = 1;
}

void app_open_lesson(App *a, const char *what)
{
    char err[1400];
    Lesson *l = malloc(sizeof *l);
    if (!l) {
        app_message(a, _("Not enough memory for a lesson"));
        return;
    }
    if (lesson_load(what, l, err, sizeof err) != 0) {
        free(l);
        app_message(a, err);
        return;
    }
    lesson_free(a->lesson);
    a->lesson = l;
    app_show_slide(a, 0);
    char msg[700];
    /* TRANSLATORS: a notice; %s is the lesson's title, %d how many slides it has */
    snprintf(msg, sizeof msg, _("Opened the lesson %s: %d slides (F5 presents it)"), _(l->title), l->n_slides);
    app_message(a, msg);
}

void app_add_slide(App *a)
{
    char err[1400];
    if (!a->side.new_caption[0]) {
        app_message(a, _("Type the new slide's caption first (what to watch, in a sentence)"));
        return;
    }
    if (!a->lesson) { /* a new lesson */
        a->lesson = calloc(1, sizeof *a->lesson);
        if (!a->lesson) {
            app_message(a, _("Not enough memory for a lesson"));
            return;
        }
        snprintf(a->lesson->name, sizeof a->lesson->name, "%s/lesson.lesson", a->out_dir);
    }
    SceneFileView v;
    view_of(a, &v);
    v.at = a->playing ? -1 : v.at; /* a playing scene is a slide that plays */
    v.lang[0] = '\0';                /* a lesson's language is its reader's */
    size_t size = 4096 + (size_t)a->scene.n_runs * 1024;
    char *scene = malloc(size);
    int n = scene ? scenefile_format(&a->scene, &v, scene, size) : -1;
    if (n < 0 || lesson_add_slide(a->lesson, a->side.new_caption, a->playing, scene, err, sizeof err) != 0) {
        app_message(a, n < 0 ? _("The scene cannot be written as a slide") : err);
    } else {
        a->slide = a->lesson->n_slides - 1;
        a->side.new_caption[0] = '\0';
        char msg[300];
        /* TRANSLATORS: a notice; "Save lesson" is the side panel's button */
        snprintf(msg, sizeof msg, _("Added slide %d: Save lesson keeps it"), a->lesson->n_slides);
        app_message(a, msg);
    }
    if (a->lesson->n_slides == 0) { /* the first slide failed: no lesson after all */
        lesson_free(a->lesson);
        a->lesson = NULL;
    }
    free(scene);
}

void app_lesson_path(const App *a, char *out, size_t cap)
{
    const char *name = a->lesson ? a->lesson->name : "lesson";
    if (strchr(name, '/') || is_lesson_name(name))
        snprintf(out, cap, "%s", name);
    else /* a built-in lesson, saved to change it */
        snprintf(out, cap, "%s/%s.lesson", a->out_dir, name);
}

void app_save_lesson(App *a)
{
    char path[1100], err[1400];
    if (!a->lesson || a->lesson->n_slides == 0) {
        app_message(a, _("No lesson to save: open one, or add a slide"));
        return;
    }
    app_lesson_path(a, path, sizeof path);
    size_t n = strlen(a->out_dir);
    if (strncmp(path, a->out_dir, n) == 0 && path[n] == '/' && app_out_dir_ready(a) != 0)
        return;
    if (lesson_save(a->lesson, path, err, sizeof err) != 0) {
        app_message(a, err);
        return;
    }
    snprintf(a->lesson->name, sizeof a->lesson->name, "%s", path); /* saved again there */
    /* TRANSLATORS: a notice; %s is the lesson file's path, shortened in its middle where it is long: keep it at
     * the end */
    app_saved(a, _("Saved the lesson to %s"), path);
}

/* ---- undo and redo ---------------------------------------------------------------- */

/* The scene as the history keeps it: its scene file's text without the step shown
 * (the playing position is not history). Returns its length, or -1. */
static int history_text(const App *a)
{
    SceneFileView v;
    view_of(a, &v);
    v.at = -1;
    v.lang[0] = '\0'; /* a language switched is no change of the scene to undo */
    return scenefile_format(&a->scene, &v, a->history_buf, HISTORY_TEXT_MAX);
}

void app_history_commit(App *a)
{
    /* a drag (a slider, the map's pan, the legend) is one change: recorded when it ends */
    if (!a->history_buf || a->ui.active || a->gesture.pressing || history_text(a) < 0)
        return;
    history_record(&a->history, a->history_buf);
}

/* Makes `text` (a state of the history) the scene, keeping the step shown. */
static int history_apply(App *a, const char *text)
{
    char err[1400];
    Config cfg;
    Scene next;
    spec_config_defaults(&cfg);
    /* TRANSLATORS: where an undo's scene comes from, in place of a file's name in an error ("the history:3: ...") */
    if (scenefile_parse(text, strlen(text), _("the history"), &cfg, err, sizeof err) != 0 ||
        spec_build_scene(&cfg, &next, err, sizeof err) != 0) {
        app_message(a, err);
        return -1;
    }
    double t = a->t;
    int playing = a->playing;
    scene_free(&a->scene);
    a->scene = next;
    app_apply_config_view(a, &cfg);
    a->t = t < a->scene.steps ? t : a->scene.steps, a->playing = playing;
    return 0;
}

static void undo_redo(App *a, int redo)
{
    app_history_commit(a); /* a change not yet recorded is the one to undo */
    const char *now = a->history.at >= 0 ? a->history.text[a->history.at] : NULL;
    const char *to = redo ? history_redo(&a->history) : history_undo(&a->history);
    if (!now || !to) {
        app_message(a, redo ? _("Nothing to redo") : _("Nothing to undo"));
        return;
    }
    char what[200], msg[260];
    history_describe(now, to, what, sizeof what);
    if (history_apply(a, to) == 0) {
        /* TRANSLATORS: a notice; %s says what changed back ("lr of Adam") */
        snprintf(msg, sizeof msg, redo ? _("Redone: %s") : _("Undone: %s"), what);
        app_message(a, msg);
    } else if (redo) { /* the state could not be had: stay where the scene is */
        history_undo(&a->history);
    } else {
        history_redo(&a->history);
    }
}

void app_undo(App *a) { undo_redo(a, 0); }

void app_redo(App *a) { undo_redo(a, 1); }

void app_present(App *a, int on)
{
    /* presenting fills the screen, and leaving it gives the window back as it was */
    if (on && !a->presenting && !a->fullscreen)
        a->fullscreen = a->present_fullscreen = 1;
    if (!on && a->present_fullscreen)
        a->fullscreen = a->present_fullscreen = 0;
    a->presenting = on;
    a->blank = 0;
    a->show_help = 0;
    if (on)
        a->message[0] = '\0'; /* the slide alone */
}

int app_save_last(const App *a)
{
    char path[1024], err[1400];
    if (scenefile_state_path(path, sizeof path, 1) != 0) {
        gs_log("%s", _("cannot save the last scene: no state directory (set XDG_STATE_HOME or HOME)"));
        return -1;
    }
    if (app_save_scene_to(a, path, err, sizeof err) != 0) {
        gs_log("%s", err);
        return -1;
    }
    return 0;
}

void app_copy_torch(App *a, int run)
{
    static char code[1 << 16];
    int card = run >= 0 && run < a->scene.n_runs ? run : app_card_run(a);
    int n = card >= 0 ? torchcode_run(&a->scene, card, code, sizeof code) : torchcode_scene(&a->scene, code, sizeof code);
    if (n < 0) {
        app_message(a, _("The PyTorch code is too long for the clipboard"));
        return;
    }
    if (!a->clipboard || a->clipboard(code) != 0) {
        app_message(a, _("Cannot put the PyTorch code on the clipboard"));
        return;
    }
    char msg[200];
    if (card >= 0)
        snprintf(msg, sizeof msg, _("Copied %s as PyTorch code"), a->scene.run[card].label);
    else
        snprintf(msg, sizeof msg, "%s", _("Copied every run as PyTorch code"));
    app_message(a, msg);
}
