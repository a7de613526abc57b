/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* app: the state, the frame pipeline, the layout, actions and key bindings, the
 * overlays over every panel (message, help), screenshots and the folder they go
 * to. The panels are in panel_*.c. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app_anim.h"
#include "bench.h"
#include "lang.h"
#include "lesson.h"
#include "log.h"
#include "media.h"
#include "outdir.h"
#include "tune.h"

/* ---- the layout, as data ------------------------------------------------------- */

/* DOCK_UNDER: in one column with the DOCK_RIGHT slot before it, under it, when both
 * are shown (alone, either docks right). */
/* DOCK_OVER: a drawer over the fill and what is docked beside it (not beneath it:
 * the bar stays), shown while it is open; first in the order, so that it takes the
 * mouse before what it covers, and drawn last. The side panel is one in a narrow
 * window (app_narrow). */
typedef enum Dock { DOCK_FILL, DOCK_RIGHT, DOCK_BOTTOM, DOCK_UNDER, DOCK_OVER } Dock;

typedef struct Slot {
    const PanelClass *cls;
    Dock dock;
} Slot;

/* Docked slots take their size from the edge of what is left, in order; the fill
 * slot takes the rest. Input runs in this order too: the controls take the mouse
 * before the map does. */
static const Slot WINDOW_LAYOUT[] = {
    {&panel_side, DOCK_RIGHT},
    {&panel_bar, DOCK_BOTTOM},
    {&panel_caption, DOCK_BOTTOM},
    {&panel_card, DOCK_RIGHT},
    {&panel_sweep, DOCK_UNDER},
    {&panel_plot, DOCK_BOTTOM},
    {&panel_map, DOCK_FILL},
};

/* A screenshot or an animation frame: the map, and the plot, card and
 * hyperparameter map when they are shown. */
static const Slot PICTURE_LAYOUT[] = {
    {&panel_caption, DOCK_BOTTOM},
    {&panel_card, DOCK_RIGHT},
    {&panel_sweep, DOCK_UNDER},
    {&panel_plot, DOCK_BOTTOM},
    {&panel_map, DOCK_FILL},
};

/* Presenting (F5): what a picture has, the caption under all of it; no controls. */
static const Slot PRESENT_LAYOUT[] = {
    {&panel_caption, DOCK_BOTTOM},
    {&panel_card, DOCK_RIGHT},
    {&panel_sweep, DOCK_UNDER},
    {&panel_plot, DOCK_BOTTOM},
    {&panel_map, DOCK_FILL},
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The UI scale: the user's, times the window size's; on a touch screen, at least
 * what makes a row (a button, a slider's thumb) 44 px tall. */
static float frame_scale(float user_scale, int h, int touch)
{
    float s = (float)h / 900.0f;
    s = s < 1.0f ? (h < 500 ? 0.75f : 1.0f) : (s > 3.0f ? 3.0f : s);
    s *= user_scale;
    if (touch && s * gs_theme.row < 44.0f)
        s = 44.0f / gs_theme.row;
    return s;
}

int app_narrow(const App *a, int w, int h)
{
    float s = frame_scale(a->user_scale, h, a->touch);
    return !a->presenting && gs_theme.side_w * s > 0.4f * (float)w;
}

/* Two panels in one column at the right of the room (rw x rh at x, y): the upper's
 * and the lower's rects. Alone, either takes the column as a DOCK_RIGHT panel does.
 * Both shown: the column is as wide as the wider asks, but leaves the fill at least
 * half the frame's width; each is shown if the column is wide enough for it (and
 * where it is wide enough for neither, the upper alone as it asks); the upper takes the height it needs, or what the lower leaves when the lower must
 * have more than the rest, and the lower the rest. Returns the column's width. */
static float layout_column(const App *a, FrameLayout *out, Panel *up, Panel *low, float x, float y, float rw, float rh)
{
    float wa = roundf(up->cls->size(a, out, rw, rh)), wb = roundf(low->cls->size(a, out, rw, rh));
    float cw = fmaxf(wa, wb), ha = wa > 0 ? rh : 0, hb = wa > 0 ? 0 : rh;
    if (wa > 0 && wb > 0) {
        cw = fminf(cw, floorf(rw - 0.5f * (float)out->w));
        ha = cw > 0 ? fminf(ceilf(up->cls->height(a, out, cw, rh)), rh) : 0;
        hb = cw > 0 ? fminf(ceilf(low->cls->height(a, out, cw, rh - ha)), rh) : 0;
        if (ha <= 0 && hb <= 0) /* no room for the two: the upper alone, as it was before the lower came */
            cw = wa, ha = rh, hb = 0;
        else if (ha <= 0 || hb <= 0)
            ha = ha > 0 ? rh : 0, hb = rh - ha;
        else {
            /* the upper, short of what it needs, takes what the lower leaves; the
             * lower then has the rest (what the upper's text leaves of it, too) */
            if (ha + hb > rh)
                ha = fminf(ceilf(up->cls->height(a, out, cw, rh - hb)), rh - hb);
            hb = rh - ha;
        }
    }
    cw = fminf(fmaxf(cw, 0), rw - 1);
    float cx = x + rw - cw;
    *up = (Panel){up->cls, cx, y, ha > 0 ? cw : 0, ha > 0 ? ha : rh, 0};
    *low = (Panel){low->cls, cx, y + (ha > 0 ? ha : 0), hb > 0 ? cw : 0, hb > 0 ? hb : 0, 0};
    return cw;
}

void app_layout(const App *a, int w, int h, int controls, FrameLayout *out)
{
    memset(out, 0, sizeof *out);
    out->w = w, out->h = h;
    out->controls = controls;
    out->scale = frame_scale(a->user_scale, h, controls && a->touch);
    int narrow = controls && app_narrow(a, w, h);
    out->narrow = narrow;
    const Slot *slots = !controls ? PICTURE_LAYOUT : a->presenting ? PRESENT_LAYOUT : WINDOW_LAYOUT;
    int n = !controls ? COUNT(PICTURE_LAYOUT) : a->presenting ? COUNT(PRESENT_LAYOUT) : COUNT(WINDOW_LAYOUT);
    int over = -1;
    /* what is left: docked panels leave at least a pixel each way to the fill, and
     * every edge is on a whole pixel (an opaque panel is then a scissored clear) */
    float x = 0, y = 0, rw = (float)w, rh = (float)h;
    int fill = -1;
    for (int i = 0; i < n && out->n < FRAME_MAX_PANELS; i++) {
        Panel *p = &out->panel[out->n++];
        p->cls = slots[i].cls;
        /* a narrow window (a phone, a window snapped to half a screen): the side
         * panel a drawer, so that the map keeps the width */
        Dock dock = narrow && slots[i].cls == &panel_side ? DOCK_OVER : slots[i].dock;
        if (dock == DOCK_FILL) {
            fill = out->n - 1;
            continue;
        }
        if (dock == DOCK_OVER) {
            /* placed once the rest is (below); none while the drawer is closed */
            if (a->drawer)
                over = out->n - 1, p->over = 1;
            else
                out->n--;
            continue;
        }
        if (dock == DOCK_RIGHT && i + 1 < n && slots[i + 1].dock == DOCK_UNDER &&
            out->n < FRAME_MAX_PANELS) {
            Panel *low = &out->panel[out->n++];
            low->cls = slots[++i].cls;
            rw -= layout_column(a, out, p, low, x, y, rw, rh);
        } else if (dock == DOCK_RIGHT) {
            float keep = fmaxf(rw - roundf(p->cls->size(a, out, rw, rh)), 1.0f);
            *p = (Panel){p->cls, x + keep, y, rw - keep, rh, 0};
            rw = keep;
        } else {
            float keep = fmaxf(rh - roundf(p->cls->size(a, out, rw, rh)), 1.0f);
            *p = (Panel){p->cls, x, y + keep, rw, rh - keep, 0};
            rh = keep;
        }
    }
    if (fill >= 0)
        out->panel[fill] = (Panel){out->panel[fill].cls, x, y, rw, rh, 0};
    if (over >= 0) {
        /* the drawer: over what is left of the window above the bar; turned (wider
         * than tall), a panel from the right as wide as the side panel's; upright,
         * a sheet from the bottom: a peek, half that height or nearly all (Drawer) */
        const Panel *bar = frame_panel(out, &panel_bar);
        float top = bar && bar->w > 0 ? bar->y : (float)h;
        Panel *p = &out->panel[over];
        float sw = fminf(floorf(gs_theme.side_w * out->scale), floorf(0.9f * (float)w));
        if (w > h)
            *p = (Panel){p->cls, (float)w - sw, 0, sw, top, 1};
        else {
            float sh = floorf(a->drawer == DRAWER_FULL ? 0.92f * top
                              : a->drawer == DRAWER_PEEK ? fminf(side_peek_height(a, out->scale), 0.5f * top)
                                                         : 0.5f * top);
            *p = (Panel){p->cls, 0, top - sh, (float)w, sh, 1};
        }
    }
}

int app_covered(const App *a, float x, float y)
{
    const FrameLayout *f = &a->frame;
    for (int i = 0; i < f->n; i++) {
        const Panel *p = &f->panel[i];
        if (p->over && x >= p->x && x < p->x + p->w && y >= p->y && y < p->y + p->h)
            return 1;
    }
    return 0;
}

void app_window_picture(const App *a, FrameLayout *out, int rect[4])
{
    const FrameLayout *win = &a->frame;
    memset(out, 0, sizeof *out);
    out->w = win->w, out->h = win->h;
    out->scale = win->scale;
    out->as_shown = 1;
    /* the picture's panels where the window has them, in the order a picture draws
     * them: drawn into a frame of the window's size, each pixel of theirs is
     * computed as the window's is */
    for (int i = 0; i < COUNT(PICTURE_LAYOUT); i++) {
        const Panel *p = frame_panel(win, PICTURE_LAYOUT[i].cls);
        if (p)
            out->panel[out->n++] = *p;
    }
    /* the part of the window they cover: all but the controls docked at its edges
     * (whole pixels: every docked edge is on one) */
    float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (int i = 0; i < out->n; i++) {
        const Panel *p = &out->panel[i];
        x0 = fminf(x0, p->x), y0 = fminf(y0, p->y);
        x1 = fmaxf(x1, p->x + p->w), y1 = fmaxf(y1, p->y + p->h);
    }
    rect[0] = rect[1] = rect[2] = rect[3] = 0;
    if (x1 > x0 && y1 > y0)
        rect[0] = (int)x0, rect[1] = (int)y0, rect[2] = (int)(x1 - x0), rect[3] = (int)(y1 - y0);
}

const Panel *frame_panel(const FrameLayout *f, const PanelClass *cls)
{
    for (int i = 0; i < f->n; i++)
        if (f->panel[i].cls == cls)
            return &f->panel[i];
    return NULL;
}

void panel_draw_recorded(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    (void)f;
    for (int i = 0; i < a->n_recorded; i++)
        if (a->recorded[i].cls == p->cls)
            draw_append_range(dl, &a->ui_dl, a->recorded[i].first, a->recorded[i].last);
}

/* ---- set-up ---------------------------------------------------------------------- */

static float text_width_cb(void *user, int font, float size, const char *s, int len)
{
    return render_text_width((Renderer *)user, font, size, s, len);
}

static double default_speed(int steps)
{
    /* the whole run in about six seconds, in a round number of steps per second */
    double s = steps / 6.0;
    double p = pow(10.0, floor(log10(s > 1 ? s : 1)));
    double m = s / p;
    return (m < 2 ? 1 : (m < 5 ? 2 : 5)) * p;
}

static void reset_view(App *a)
{
    const double *v = a->scene.surface.view;
    a->view = (MapView){v[0], v[1], v[2], v[3]};
    a->camera = view3d_camera_default();
}

static void clear_changes(AppChanges *c)
{
    c->runs = 0;
    c->scene = c->restart = c->surface = c->formula_only = c->tune = c->open_scene = c->open_lesson = 0;
    c->history = 0;
    c->steps = c->add = c->remove = c->bundle_run = -1;
}

int app_init(App *a, const Config *cfg, Scene *sc, Renderer *r, char *err, size_t cap)
{
    memset(a, 0, sizeof *a);
    if (sc) {
        a->scene = *sc;
        memset(sc, 0, sizeof *sc);
    } else if (spec_build_scene(cfg, &a->scene, err, cap) != 0) {
        return -1;
    }
    if (draw_init(&a->ui_dl, 4096, 1 << 15) != 0) {
        scene_free(&a->scene);
        snprintf(err, cap, "%s", _("out of memory"));
        return -1;
    }
    if (panel_plot_init(a, cfg) != 0) {
        scene_free(&a->scene);
        draw_free(&a->ui_dl);
        snprintf(err, cap, "%s", _("out of memory"));
        return -1;
    }
    a->r = r;
    a->user_scale = 1.0f;
    a->anim_fps = cfg->fps, a->anim_frames = cfg->anim_frames, a->anim_seconds = cfg->anim_seconds;
    a->maps.hover = a->maps.press_cell = -1;
    a->maps.pick[0] = a->maps.pick[1] = -1;
    a->maps.other = -1;
    history_init(&a->history);
    a->history_buf = malloc(HISTORY_TEXT_MAX);
    if (!a->history_buf) {
        scene_free(&a->scene);
        draw_free(&a->ui_dl);
        panel_plot_free(a);
        snprintf(err, cap, "%s", _("out of memory"));
        return -1;
    }
    app_apply_config_view(a, cfg);
    if (spec_lesson(cfg)) { /* --lesson: its slide is the scene built */
        a->lesson = lesson_dup(spec_lesson(cfg));
        a->slide = spec_slide(cfg);
        app_lesson_labels(a, NULL); /* the card's run is chosen already, by its index */
        if (a->lesson && a->lesson->slide[a->slide].play)
            a->t = 0, a->playing = 1;
    }
    snprintf(a->out_dir, sizeof a->out_dir, "%s", cfg->out_dir ? cfg->out_dir : ".");
    snprintf(a->lang, sizeof a->lang, "%s", cfg->lang);
    snprintf(a->side.scene_path, sizeof a->side.scene_path, "%s/gradscape.scene", a->out_dir);
    clear_changes(&a->changes);
    ui_init(&a->ui, text_width_cb, r);
    return 0;
}

void app_apply_config_view(App *a, const Config *cfg)
{
    a->layout = cfg->layout;
    a->legend = cfg->legend;
    a->legend_at[0] = cfg->legend_at[0], a->legend_at[1] = cfg->legend_at[1];
    a->axes = !cfg->no_axes;
    reset_view(a);
    a->view3d = cfg->view3d;
    a->view3d_blend = cfg->view3d ? 1.0f : 0.0f;
    if (cfg->have_camera) {
        a->camera.azimuth = (float)cfg->camera[0], a->camera.elevation = (float)cfg->camera[1];
        if (cfg->camera[2] > 0)
            a->camera.distance = (float)cfg->camera[2];
        view3d_camera_clamp(&a->camera);
    }
    a->speed = cfg->speed > 0 ? cfg->speed : default_speed(a->scene.steps);
    a->t = 0;
    a->playing = 1;
    a->selected = -1;
    a->show_card = 0;
    a->show_internals = cfg->internals;
    if (cfg->plot != PLOT_ARG_UNSET) {
        a->plot.show = cfg->plot != PLOT_ARG_NONE;
        if (cfg->plot >= PLOT_ARG_LOSS && cfg->plot <= PLOT_ARG_LR)
            a->plot.metric = (PlotMetric)(cfg->plot - PLOT_ARG_LOSS);
    }
    if (cfg->at >= 0) {
        a->t = cfg->at < a->scene.steps ? cfg->at : a->scene.steps;
        a->playing = 0;
    }
    /* the scene was built from cfg, which checked the label */
    if (cfg->card[0])
        app_select(a, scene_find_run(&a->scene, cfg->card));
    a->side.run_more = 0;
    side_reset_formula(a);
}

void app_free(App *a)
{
    anim_job_free(a->anim, a);
    a->anim = NULL;
    app_maps_free(a);
    scene_free(&a->scene);
    draw_free(&a->ui_dl);
    panel_plot_free(a);
    lesson_free(a->lesson);
    a->lesson = NULL;
    history_free(&a->history);
    free(a->history_buf);
    a->history_buf = NULL;
}

void app_set_lang(App *a, const char *code)
{
    char err[256];
    if (lang_set(code, err, sizeof err) != 0) {
        app_message(a, err);
        return;
    }
    snprintf(a->lang, sizeof a->lang, "%s", lang_current());
    a->message[0] = '\0'; /* a notice in the old language */
}

void app_message(App *a, const char *text)
{
    snprintf(a->message, sizeof a->message, "%s", text);
    a->message_until = a->clock + 4.0;
    a->message_path = -1;
}

unsigned app_run_rgba(const Run *r) { return (scene_palette(r->colour) << 8) | 0xFFu; }

int app_focus_run(const App *a)
{
    if (a->selected >= 0 && a->selected < a->scene.n_runs && a->scene.run[a->selected].enabled)
        return a->selected;
    for (int i = 0; i < a->scene.n_runs; i++)
        if (a->scene.run[i].enabled)
            return i;
    return -1;
}

int app_step(const App *a)
{
    double k = floor(a->t);
    return k < 0 ? 0 : (k > a->scene.steps ? a->scene.steps : (int)k);
}

int app_visible_step(const App *a, const Run *r)
{
    int k = app_step(a);
    return k > r->n - 1 ? r->n - 1 : k;
}

static void clamp_t(App *a)
{
    if (a->t < 0)
        a->t = 0;
    if (a->t > a->scene.steps)
        a->t = a->scene.steps;
}

void app_resimulate(App *a)
{
    scene_simulate(&a->scene);
    clamp_t(a);
}

/* ---- applying what the UI pass changed, then one re-simulation --------------------- */

/* Sets every run's learning rate to the one tuned for the surface (tune.h); the
 * runs changed are marked in *runs. Returns how many runs have no tuned rate. */
static int tune_runs(App *a, unsigned *runs)
{
    int untuned = 0;
    for (int i = 0; i < a->scene.n_runs; i++) {
        Run *r = &a->scene.run[i];
        double lr;
        if (tune_lr(&a->scene.surface, r->kind, &lr) != 0) {
            untuned++;
            continue;
        }
        if (r->hp[HP_LR] != lr) {
            r->hp[HP_LR] = lr;
            *runs |= 1u << i;
        }
    }
    return untuned;
}

/* How many runs' learning rates differ from the surface's tuned ones. */
static int runs_off_tune(const App *a)
{
    int n = 0;
    for (int i = 0; i < a->scene.n_runs; i++) {
        double lr;
        if (tune_lr(&a->scene.surface, a->scene.run[i].kind, &lr) == 0 && a->scene.run[i].hp[HP_LR] != lr)
            n++;
    }
    return n;
}

/* A new surface under the runs the user made: their optimizers, hyperparameters,
 * labels, colours, schedules and bundles stay, and so do the steps, the speed, the
 * noise and its seed. A built-in surface brings its own view and start; a typed
 * formula (formula_only) changes nothing but the formula, over the view and from
 * the start it had. */
static void load_surface(App *a, const Surface *s, int formula_only)
{
    Surface next_surface = *s;
    if (formula_only) {
        memcpy(next_surface.view, a->scene.surface.view, sizeof next_surface.view);
        next_surface.start[0] = a->scene.start[0], next_surface.start[1] = a->scene.start[1];
    }
    Scene next;
    scene_init(&next, &next_surface);
    next.steps = a->scene.steps; /* before the runs, which are sized for it */
    for (int i = 0; i < a->scene.n_runs; i++) {
        const Run *r = &a->scene.run[i];
        int k = scene_add_run(&next, r->kind, r->hp, r->label_set ? r->label : NULL);
        if (k < 0)
            continue;
        next.run[k].enabled = r->enabled;
        next.run[k].colour = r->colour;
        next.run[k].sched = r->sched;
        if (r->bundle > 1)
            scene_set_bundle(&next, k, r->bundle);
    }
    next.noise = a->scene.noise;
    next.seed = a->scene.seed;
    scene_free(&a->scene);
    a->scene = next;
    if (formula_only)
        return;
    reset_view(a);
    side_reset_formula(a);
    if (runs_off_tune(a) > 0) {
        char msg[200];
        /* TRANSLATORS: a notice after another surface is chosen (%s, its name); "Tune lr" is the side panel's
         * button "Tune lr for this surface" */
        snprintf(msg, sizeof msg, _("%s: your runs are kept. \xe2\x80\x9cTune lr\xe2\x80\x9d gives them the learning "
                                    "rates tuned for it (Ctrl+Z takes them back)"),
                 _(surface_info(s->builtin)->title));
        app_message(a, msg);
    }
}

static void apply_changes(App *a)
{
    AppChanges *c = &a->changes;
    if (c->history) {
        int redo = c->history > 0;
        clear_changes(c);
        if (redo)
            app_redo(a);
        else
            app_undo(a);
        return;
    }
    if (c->open_lesson > 0) {
        const char *name = lesson_builtin_name(c->open_lesson - 1);
        clear_changes(c);
        if (name)
            app_open_lesson(a, name);
        return;
    }
    if (c->open_scene) {
        /* a whole new scene: what else was changed this frame was the old one's */
        clear_changes(c);
        if (a->file_open)
            a->file_open(a);
        else
            app_open_scene(a, a->side.scene_path);
        return;
    }
    Scene *sc = &a->scene;
    unsigned runs = c->runs;
    int all = c->scene;
    if (c->bundle_run >= 0 && c->bundle_run < sc->n_runs) {
        if (scene_set_bundle(sc, c->bundle_run, c->bundle) == 0)
            runs |= 1u << c->bundle_run;
        else
            app_message(a, _("Not enough memory for that bundle"));
    }
    if (c->steps >= 0 && c->steps != sc->steps) {
        if (scene_set_steps(sc, c->steps) == 0)
            all = 1;
        else
            app_message(a, _("Not enough memory for that many steps"));
    }
    if (c->add >= 0) {
        int i = scene_add_run(sc, (OptimKind)c->add, NULL, NULL);
        if (i >= 0)
            runs |= 1u << i;
        else
            app_message(a, _("Cannot add a run: out of memory"));
    }
    if (c->remove >= 0 && c->remove < sc->n_runs) {
        scene_remove_run(sc, c->remove);
        /* the expanded flags follow their runs */
        unsigned low = a->side.run_more & ((1u << c->remove) - 1u), high = a->side.run_more >> (c->remove + 1);
        a->side.run_more = low | (high << c->remove);
        /* and so does the selection */
        if (a->selected == c->remove)
            a->selected = -1, a->show_card = 0;
        else if (a->selected > c->remove)
            a->selected--;
        all = 1;
    }
    if (c->surface) {
        load_surface(a, &c->next_surface, c->formula_only);
        all = 1;
        c->restart = 1;
    }
    if (c->tune) {
        int untuned = tune_runs(a, &runs);
        char msg[160];
        if (a->scene.surface.builtin < 0)
            snprintf(msg, sizeof msg, "%s",
                     untuned ? _("Learning rates tuned for your function (Adadelta sizes its own steps: its lr is kept)")
                             : _("Learning rates tuned for your function"));
        else
            snprintf(msg, sizeof msg,
                     /* TRANSLATORS: a notice; %s is the surface's name */
                     untuned ? _("Learning rates tuned for %s (Adadelta sizes its own steps: its lr is kept)")
                             : _("Learning rates tuned for %s"),
                     _(surface_info(a->scene.surface.builtin)->title));
        app_message(a, msg);
        c->restart = 1;
    }
    if (all)
        scene_simulate(sc);
    else if (runs)
        scene_resimulate(sc, runs);
    if (c->restart) {
        a->t = 0;
        a->playing = 1;
    }
    clamp_t(a);
    clear_changes(c);
}

/* ---- actions ------------------------------------------------------------------- */

void app_act(App *a, Action act)
{
    switch (act) {
    case ACT_PLAY_PAUSE:
        if (!a->playing && a->t >= a->scene.steps)
            a->t = 0;
        a->playing = !a->playing;
        break;
    case ACT_STEP_FORWARD: a->playing = 0, a->t = floor(a->t) + 1; break;
    case ACT_STEP_BACK: a->playing = 0, a->t = ceil(a->t) - 1; break;
    case ACT_FIRST_STEP: a->t = 0; break;
    case ACT_LAST_STEP: a->t = a->scene.steps, a->playing = 0; break;
    case ACT_RESTART: a->t = 0, a->playing = 1; break;
    case ACT_FASTER: a->speed = a->speed * 2 > 1e6 ? 1e6 : a->speed * 2; break;
    case ACT_SLOWER: a->speed = a->speed / 2 < 1 ? 1 : a->speed / 2; break;
    case ACT_TOGGLE_LAYOUT: a->layout = a->layout == LAYOUT_OVERLAY ? LAYOUT_GRID : LAYOUT_OVERLAY; break;
    case ACT_RESET_VIEW: reset_view(a); break;
    case ACT_TOGGLE_3D: a->view3d = !a->view3d; break;
    case ACT_TOGGLE_HYPER_MAP: a->maps.want = a->maps.want == MAPS_HYPER ? MAPS_NONE : MAPS_HYPER; break;
    case ACT_TOGGLE_BASINS:
        a->maps.want = a->maps.want == MAPS_BASIN && !a->maps.other_wanted ? MAPS_NONE : MAPS_BASIN;
        a->maps.other_wanted = 0;
        break;
    case ACT_TOGGLE_BASIN_DIFF:
        a->maps.want = a->maps.want == MAPS_BASIN && a->maps.other_wanted ? MAPS_NONE : MAPS_BASIN;
        a->maps.other_wanted = a->maps.want == MAPS_BASIN;
        break;
    case ACT_TOGGLE_INTERNALS: a->show_internals = !a->show_internals; break;
    case ACT_TOGGLE_CARD:
        if (app_card_run(a) >= 0) {
            a->show_card = 0;
        } else {
            /* the selected run, else the first enabled one */
            int i = a->selected >= 0 && a->selected < a->scene.n_runs && a->scene.run[a->selected].enabled ? a->selected : -1;
            for (int k = 0; k < a->scene.n_runs && i < 0; k++)
                if (a->scene.run[k].enabled)
                    i = k;
            app_select(a, i);
            if (i < 0)
                app_message(a, _("No run to explain: switch one on first"));
        }
        break;
    case ACT_TOGGLE_PLOT: panel_plot_toggle(a); break;
    case ACT_SCREENSHOT: a->want_screenshot = 1; break;
    case ACT_SAVE_SCENE: app_save_scene(a); break;
    case ACT_OPEN_SCENE: a->changes.open_scene = 1; break;
    case ACT_COPY_TORCH: app_copy_torch(a, -1); break;
    case ACT_EXPORT_GIF: a->want_export = MEDIA_GIF; break;
    case ACT_EXPORT_MP4: a->want_export = MEDIA_MP4; break;
    case ACT_UI_LARGER:
        if (a->user_scale < 3.0f)
            a->user_scale *= 1.125f;
        break;
    case ACT_UI_SMALLER:
        if (a->user_scale > 0.5f)
            a->user_scale /= 1.125f;
        break;
    case ACT_UI_NORMAL: a->user_scale = 1.0f; break;
    case ACT_FULLSCREEN:
        a->fullscreen = !a->fullscreen;
        a->present_fullscreen = 0;
        break;
    case ACT_HELP: a->show_help = !a->show_help; break;
    case ACT_ESCAPE: /* backs out of what is open; quitting is Ctrl+Q's, never Esc's */
        if (a->presenting)
            app_present(a, 0);
        else if (a->show_help)
            a->show_help = 0;
        else if (a->drawer && a->frame.narrow)
            a->drawer = 0;
        else if (a->fullscreen)
            a->fullscreen = 0;
        break;
    case ACT_QUIT: a->want_quit = 1; break;
    case ACT_DRAWER: /* opened, an upright sheet peeks first */
        a->drawer = a->drawer ? DRAWER_CLOSED : a->frame.w < a->frame.h ? DRAWER_PEEK : DRAWER_HALF;
        break;
    case ACT_PRESENT: app_present(a, !a->presenting); break;
    case ACT_UNDO: app_undo(a); break;
    case ACT_REDO: app_redo(a); break;
    case ACT_NEXT_SLIDE:
        if (a->lesson && a->slide + 1 < a->lesson->n_slides)
            app_show_slide(a, a->slide + 1);
        break;
    case ACT_PREV_SLIDE:
        if (a->lesson && a->slide > 0)
            app_show_slide(a, a->slide - 1);
        break;
    case ACT_NONE:
    case ACT_COUNT: break;
    }
}

/* Presenting: a clicker's keys (PageDown / PageUp, or the arrows; B or '.' to
 * blank), Space to play, Home / End for the first and last slides; F5 and Esc
 * leave. Nothing else: every other key would change what the class sees. */
static void present_keys(App *a, const Input *in)
{
    const int *k = in->key_pressed;
    if (k[UI_KEY_B] || k[UI_KEY_PERIOD]) {
        a->blank = !a->blank;
        return;
    }
    if (k[UI_KEY_ESCAPE] || k[UI_KEY_F5]) {
        if (a->blank)
            a->blank = 0;
        else
            app_present(a, 0);
        return;
    }
    if (a->blank) /* any other key shows the slide again, doing nothing more */
        for (int i = 0; i < UI_KEY_COUNT; i++)
            if (k[i]) {
                a->blank = 0;
                return;
            }
    int n = a->lesson ? a->lesson->n_slides : 0;
    if ((k[UI_KEY_PAGEDOWN] || k[UI_KEY_RIGHT] || k[UI_KEY_DOWN]) && a->slide + 1 < n)
        app_show_slide(a, a->slide + 1);
    else if ((k[UI_KEY_PAGEUP] || k[UI_KEY_LEFT] || k[UI_KEY_UP]) && a->slide > 0)
        app_show_slide(a, a->slide - 1);
    else if (k[UI_KEY_HOME] && n > 0)
        app_show_slide(a, 0);
    else if (k[UI_KEY_END] && n > 0)
        app_show_slide(a, n - 1);
    else if (k[UI_KEY_SPACE])
        app_act(a, ACT_PLAY_PAUSE);
    else if (k[UI_KEY_F11])
        app_act(a, ACT_FULLSCREEN);
}

static void handle_keys(App *a, const Input *in)
{
    if (a->presenting) {
        present_keys(a, in);
        return;
    }
    if (a->ui.focus) /* a text field has the keyboard */
        return;
    for (int k = 0; k < UI_KEY_COUNT; k++)
        if (in->key_pressed[k])
            app_act(a, bindings_action((UiKey)k, in->ctrl, in->shift));
}

/* ---- one frame ------------------------------------------------------------------ */

/* A panel's commands recorded again from the state as it now is, taking no input
 * (what the mouse hovers stays lit); its widgets' places are the new ones. */
static void record_again(App *a, const PanelClass *cls)
{
    const Panel *p = frame_panel(&a->frame, cls);
    int k = 0;
    while (k < a->n_recorded && a->recorded[k].cls != cls)
        k++;
    if (!p || k == a->n_recorded)
        return;
    UiContext *ui = &a->ui;
    Recorded *rec = &a->recorded[k];
    Input quiet;
    memset(&quiet, 0, sizeof quiet);
    quiet.mouse_x = quiet.mouse_y = -1;
    const Input *in = ui->in;
    ui->in = &quiet;
    /* the first recording's places out (those after them move down) */
    int gone = rec->placed_last - rec->placed_first;
    memmove(&ui->placed[rec->placed_first], &ui->placed[rec->placed_last],
            sizeof ui->placed[0] * (size_t)(ui->n_placed - rec->placed_last));
    ui->n_placed -= gone;
    for (int i = 0; i < a->n_recorded; i++)
        if (a->recorded[i].placed_first >= rec->placed_last)
            a->recorded[i].placed_first -= gone, a->recorded[i].placed_last -= gone;
    int first = a->ui_dl.n, placed = ui->n_placed;
    cls->input(a, p, &quiet);
    *rec = (Recorded){cls, first, a->ui_dl.n, placed, ui->n_placed};
    ui->in = in;
}

void app_update(App *a, const Input *in, double dt, int fb_w, int fb_h)
{
    a->clock += dt;
    /* while an animation is exported the controls are drawn but take no input; Esc
     * cancels the export */
    Input quiet;
    if (a->anim) {
        if (in->key_pressed[UI_KEY_ESCAPE])
            a->anim_cancel = 1;
        memset(&quiet, 0, sizeof quiet);
        quiet.mouse_x = quiet.mouse_y = -1;
        in = &quiet;
    }
    /* a finger makes the controls touch-sized, a mouse as they were: a frame after
     * the press is over (the controls do not move under a finger, nor before its
     * release has been taken where it fell) */
    if (a->touch_next && !in->mouse_down && !in->mouse_pressed && !in->mouse_released && !in->two_fingers) {
        a->touch = a->touch_next > 0;
        a->touch_next = 0;
    }
    if (in->pointer && (in->pointer > 0) != a->touch)
        a->touch_next = in->pointer;
    app_layout(a, fb_w, fb_h, 1, &a->frame);
    /* an open card or hyperparameter map the window has no room for: say so, once */
    const Panel *card = frame_panel(&a->frame, &panel_card), *sweep = frame_panel(&a->frame, &panel_sweep);
    int no_room = (app_card_run(a) >= 0 && (!card || card->w < 1)) |
                  (a->maps.want == MAPS_HYPER && (!sweep || sweep->w < 1)) << 1;
    static const char *const NO_ROOM[] = {
        "",
        N_("The window is too narrow for the update rule: widen it, or Ctrl \xe2\x88\x92 for smaller text"),
        N_("The window is too narrow for the hyperparameter map: widen it, or Ctrl \xe2\x88\x92 for smaller text"),
        N_("The window is too narrow for the update rule and the hyperparameter map: widen it, or Ctrl \xe2\x88\x92 "
           "for smaller text")};
    if (no_room && (no_room & ~a->card_no_room))
        app_message(a, _(NO_ROOM[no_room]));
    a->card_no_room = no_room;
    /* the UI pass: each panel in layout order, so the controls take the mouse first */
    draw_clear(&a->ui_dl);
    a->n_recorded = 0;
    /* a text field that had the keyboard when the frame began took this frame's keys,
     * the Esc or Enter that let it go too: they are not also the window's */
    int typing = a->ui.focus != 0;
    ui_begin(&a->ui, in, &a->ui_dl, a->frame.scale);
    for (int i = 0; i < a->frame.n; i++) {
        const Panel *p = &a->frame.panel[i];
        if (!p->cls->input)
            continue;
        int first = a->ui_dl.n, placed = a->ui.n_placed;
        p->cls->input(a, p, in);
        a->recorded[a->n_recorded++] = (Recorded){p->cls, first, a->ui_dl.n, placed, a->ui.n_placed};
    }
    if (!typing)
        handle_keys(a, in);
    ui_end(&a->ui);
    if (a->ui.copied_ready) { /* Ctrl+C or Ctrl+X in a text field */
        a->ui.copied_ready = 0;
        if (a->clipboard)
            a->clipboard(a->ui.copied);
    }
    apply_changes(a);
    app_maps_update(a);
    /* the turn between the 2D map and 3D takes half a second */
    float goal = a->view3d ? 1.0f : 0.0f, turn = (float)dt / 0.5f;
    a->view3d_blend = fabsf(goal - a->view3d_blend) <= turn ? goal : a->view3d_blend + (goal > a->view3d_blend ? turn : -turn);
    /* the animation advances in simulated steps, the same at any frame rate */
    if (a->playing) {
        a->t += a->speed * dt;
        if (a->t >= a->scene.steps) {
            a->t = a->scene.steps;
            a->playing = 0;
        }
    }
    clamp_t(a);
    /* a trajectory changed (a slider, a typed value, a start): what follows a change
     * for a while (the plot holding its range, a path drawn live over the kept map)
     * settles in the frames of the next 0.6 s, which are drawn though nothing
     * animates */
    unsigned long long versions = 0;
    for (int i = 0; i < a->scene.n_runs; i++)
        versions = versions * 1099511628211ull + a->scene.run[i].version;
    if (a->versions_seen && versions != a->versions_seen) /* not the first frame's */
        a->settle_until = a->clock + 0.6;
    a->versions_seen = versions;
    /* the step is settled for the frame: the bar, recorded in the UI pass before
     * the keys, the plot and the animation moved it, is recorded again, so that its
     * timeline shows the step the legend and the plot show (app_step) */
    record_again(a, &panel_bar);
    app_history_commit(a);
}

AppBusy app_busy(const App *a)
{
    float goal = a->view3d ? 1.0f : 0.0f;
    if (a->playing || a->anim != NULL || a->want_export || a->want_screenshot || a->view3d_blend != goal ||
        a->touch_next ||
        (a->message[0] && a->clock <= a->message_until) || a->clock < a->settle_until)
        return APP_ANIMATES;
    return a->maps.job != NULL ? APP_WAITS_FOR_MAP : APP_IDLE;
}

/* ---- overlays -------------------------------------------------------------------- */

static void draw_help(const App *a, const FrameLayout *f, DrawList *dl)
{
    const Theme *th = &gs_theme;
    float s = f->scale;
    int n_rows, lines = 0;
    const Binding *b = bindings_table(&n_rows);
    /* the help's size, or smaller where the window is small for it */
    float fs = th->help_font * s, pad = 24 * s, keys_w, help_w, w, h;
    for (int tries = 0; tries < 2; tries++) {
        keys_w = 0, help_w = ui_text_width(&a->ui, 1, fs * 1.2f, _("Keyboard and mouse")), lines = 0;
        for (int i = 0; i < n_rows; i++) {
            if (!b[i].keys)
                continue;
            lines++;
            keys_w = fmaxf(keys_w, ui_text_width(&a->ui, 1, fs, bindings_keys(&b[i])));
            help_w = fmaxf(help_w, ui_text_width(&a->ui, 0, fs, bindings_help(&b[i])));
        }
        w = 2 * pad + keys_w + 1.5f * fs + help_w, h = fs * 1.55f * (float)(lines + 2) + 1.25f * pad;
        float k = fminf(((float)f->w - 16 * s) / w, ((float)f->h - 16 * s) / h);
        if (k >= 1.0f)
            break;
        fs = floorf(fs * k * 0.98f), pad *= k; /* measured again at that size */
    }
    float gap = 1.5f * fs;
    float lh = fs * 1.55f;
    float x = 0.5f * ((float)f->w - w), y = 0.5f * ((float)f->h - h);
    draw_rect(dl, 0, 0, (float)f->w, (float)f->h, 0, th->scrim);
    draw_rect(dl, x, y, w, h, 12 * s, th->dialog);
    /* TRANSLATORS: the help overlay's title (F1) */
    draw_text(dl, x + pad, y + 0.75f * pad, fs * 1.2f, 1, th->text_strong, _("Keyboard and mouse"), -1);
    for (int i = 0, line = 0; i < n_rows; i++) {
        if (!b[i].keys)
            continue;
        float ly = y + 0.75f * pad + lh * ((float)line + 1.4f);
        draw_text(dl, x + pad, ly, fs, 1, th->heading, bindings_keys(&b[i]), -1);
        draw_text(dl, x + pad + keys_w + gap, ly, fs, 0, th->text, bindings_help(&b[i]), -1);
        line++;
    }
}

#define TOAST_MARKS 512

/* What a notice must not cover: the boxes, markers and words the map drew this
 * frame, commands [first, last) of dl (its legend, the runs' heads, the start, the
 * minima, a tile's numbers), as rects x, y, w, h. */
static int map_marks(const App *a, const DrawList *dl, int first, int last, float (*mark)[4])
{
    int n = 0;
    for (int i = first; i < last && n < TOAST_MARKS; i++) {
        const DrawCmd *c = &dl->cmd[i];
        float *q = mark[n];
        if (c->kind == DRAW_RECT) {
            q[0] = c->x, q[1] = c->y, q[2] = c->w, q[3] = c->h;
        } else if (c->kind == DRAW_CIRCLE) {
            float r = c->w + c->r;
            q[0] = c->x - r, q[1] = c->y - r, q[2] = q[3] = 2 * r;
        } else if (c->kind == DRAW_TEXT) {
            q[0] = c->x, q[1] = c->y, q[3] = 1.2f * c->h;
            q[2] = ui_text_width_n(&a->ui, c->font, c->h, draw_text_of(dl, c), c->text_len);
        } else {
            continue;
        }
        n++;
    }
    return n;
}

/* Where a w x h notice goes on the map m: the first place, row by row from the
 * bottom (above the bar) to the top, each row's centre, left and right, that keeps
 * gap clear of every mark; where none is, the place that covers the least. */
static void toast_place(const Panel *m, float w, float h, float s, const float (*mark)[4], int n, float *ox, float *oy)
{
    float margin = 12 * s, gap = 4 * s, top = m->y + margin, step = fmaxf(0.5f * h, 8 * s);
    const float xs[3] = {m->x + 0.5f * (m->w - w), m->x + margin, m->x + m->w - margin - w};
    float least = INFINITY;
    *ox = xs[0], *oy = m->y + m->h - h - 24 * s;
    for (float y = m->y + m->h - h - 24 * s;; y -= step) {
        y = fmaxf(y, top);
        for (int k = 0; k < 3; k++) {
            float x = fmaxf(xs[k], m->x), cover = 0;
            for (int i = 0; i < n; i++) {
                float ix = fminf(x + w + gap, mark[i][0] + mark[i][2]) - fmaxf(x - gap, mark[i][0]);
                float iy = fminf(y + h + gap, mark[i][1] + mark[i][3]) - fmaxf(y - gap, mark[i][1]);
                if (ix > 0 && iy > 0)
                    cover += ix * iy;
            }
            if (cover < least)
                least = cover, *ox = x, *oy = y;
            if (cover == 0)
                return;
        }
        if (y <= top)
            return;
    }
}

/* The message over the map, where it hides none of the map's legend, heads and
 * markers (the map's commands are dl's [map_first, map_last)). A path in it (a
 * file saved) is shortened in its middle to fit the map; other words wrap. */
static void draw_toast(const App *a, const FrameLayout *f, DrawList *dl, int map_first, int map_last)
{
    const Panel *mp = frame_panel(f, &panel_map);
    if (!a->message[0] || a->clock > a->message_until || !mp)
        return;
    /* on the map itself, off the bands of its axes' numbers (a grid's tiles: over
     * the panel) */
    Panel on_map = *mp;
    const Panel *m = &on_map;
    if (a->layout != LAYOUT_GRID)
        app_map_rect(a, &on_map.x, &on_map.y, &on_map.w, &on_map.h);
    const Theme *th = &gs_theme;
    float s = f->scale, fs = th->toast_font * s, pad = 14 * s, lh = fs * 1.3f;
    float room = fmaxf(m->w - 2 * pad - 24 * s, 40 * s), tw = 0;
    char one[sizeof a->message + 8];
    const char *text = a->message;
    int starts[UI_WRAP_MAX + 1], lines = 1, len = (int)strlen(a->message);
    if (a->message_path >= 0 && a->message_path <= len) {
        /* one line: the words, then the path with its middle left out where needed */
        int head = a->message_path;
        float head_w = ui_text_width_n(&a->ui, 0, fs, a->message, head);
        memcpy(one, a->message, (size_t)head);
        ui_text_fit_middle(&a->ui, 0, fs, a->message + head, fmaxf(room - head_w, 0), one + head, sizeof one - (size_t)head);
        text = one, len = (int)strlen(one);
        starts[0] = 0;
    } else {
        /* on as many lines as the map's width needs */
        lines = ui_wrap(&a->ui, 0, fs, a->message, room, starts, UI_WRAP_MAX);
    }
    starts[lines] = len; /* each line ends where the next starts */
    for (int i = 0; i < lines; i++)
        tw = fmaxf(tw, ui_text_width_n(&a->ui, 0, fs, text + starts[i], starts[i + 1] - starts[i]));
    float w = tw + 2 * pad, h = lh * (float)lines + 16 * s, x, y;
    static float mark[TOAST_MARKS][4]; /* the frame is built on one thread */
    int n = map_marks(a, dl, map_first, map_last, mark);
    toast_place(m, w, h, s, (const float(*)[4])mark, n, &x, &y);
    draw_rect(dl, x, y, w, h, 8 * s, th->toast);
    for (int i = 0; i < lines; i++)
        draw_text(dl, x + pad, y + 8 * s + lh * (float)i, fs, 0, th->text_strong, text + starts[i],
                  starts[i + 1] - starts[i]);
}

/* An export's progress over the map: the file, a bar, and how to cancel. */
static void draw_export(const App *a, const FrameLayout *f, DrawList *dl)
{
    const Panel *m = frame_panel(f, &panel_map);
    if (!a->anim || !m)
        return;
    const Theme *th = &gs_theme;
    float s = f->scale, fs = th->toast_font * s, pad = 14 * s;
    const char *slash = strrchr(a->anim_path, '/');
    char line[1400];
    /* TRANSLATORS: an export's progress: the file's name, how far it is */
    snprintf(line, sizeof line, _("Exporting %s   %d%%   Esc cancels"), slash ? slash + 1 : a->anim_path,
             (int)(100.0f * anim_job_progress(a->anim)));
    float tw = ui_text_width(&a->ui, 0, fs, line);
    float bw = fmaxf(tw, 320 * s), bh = 10 * s;
    float w = bw + 2 * pad, h = fs * 1.3f + bh + 2.6f * pad;
    float x = m->x + 0.5f * (m->w - w), y = m->y + m->h - h - 40 * s;
    draw_rect(dl, x, y, w, h, 8 * s, th->toast);
    draw_text(dl, x + pad, y + pad, fs, 0, th->text_strong, line, -1);
    float by = y + pad + fs * 1.3f + 0.6f * pad;
    draw_rect(dl, x + pad, by, bw, bh, 0.5f * bh, th->widget);
    draw_rect(dl, x + pad, by, bw * anim_job_progress(a->anim), bh, 0.5f * bh, th->accent);
}

void app_frame(const App *a, const FrameLayout *f, DrawList *out)
{
    draw_clear(out);
    int map_first = 0, map_last = 0;
    for (int pass = 0; pass < 2; pass++) /* a drawer over the rest */
        for (int i = 0; i < f->n; i++) {
            if (f->panel[i].over != pass)
                continue;
            int first = out->n;
            f->panel[i].cls->draw(a, f, &f->panel[i], out);
            if (f->panel[i].cls == &panel_map)
                map_first = first, map_last = out->n;
        }
    if (!f->controls)
        return;
    out->dropped += a->ui_dl.dropped;
    if (a->presenting) { /* the slide alone: no notice, no help; or black */
        if (a->blank)
            draw_rect(out, 0, 0, (float)f->w, (float)f->h, 0, 0x000000FFu);
        return;
    }
    draw_toast(a, f, out, map_first, map_last);
    draw_export(a, f, out);
    if (a->show_help)
        draw_help(a, f, out);
}

/* ---- screenshots ------------------------------------------------------------------ */

/* Renders layout f and writes its pixels in rect (x, y, w, h) as a PNG: offscreen,
 * or a picture of the window's (as_shown) in the window's framebuffer, which the
 * window's frame then draws over. There each pixel is computed as the window's
 * own, bit for bit: in a target of another format a GL implementation may blend an
 * anti-aliased edge a level apart (llvmpipe does). */
/* The rendered picture's rows, read back a strip at a time as the encoder asks for
 * them (the whole RGBA picture is never held). */
typedef struct StripReader {
    Renderer *r;
    int x, y, w, h;        /* the picture's rect in what was drawn */
    int y0, n;             /* the strip held: rows [y0, y0 + n) of the picture */
    unsigned char *strip;  /* STRIP_ROWS rows, bottom-up as GL returns them */
} StripReader;

enum { STRIP_ROWS = 64 };

static const unsigned char *strip_row(void *ctx, int y)
{
    StripReader *s = ctx;
    if (y < s->y0 || y >= s->y0 + s->n) {
        s->y0 = y;
        s->n = s->h - y < STRIP_ROWS ? s->h - y : STRIP_ROWS;
        if (render_read_rgba_at(s->r, s->x, s->y + y, s->w, s->n, s->strip) != 0)
            return NULL;
    }
    return s->strip + (size_t)s->w * 4 * (size_t)(s->n - 1 - (y - s->y0));
}

static int write_picture(const App *a, const FrameLayout *f, const int rect[4], const char *path, char *err, size_t cap)
{
    int rc = -1, w = rect[2], h = rect[3];
    DrawList dl = {0};
    StripReader rd = {a->r, rect[0], rect[1], w, h, 0, 0, malloc((size_t)w * STRIP_ROWS * 4)};
    if (!rd.strip || draw_init(&dl, 8192, 1 << 16) != 0) {
        snprintf(err, cap, _("cannot write '%s': not enough memory for a %dx%d image"), path, w, h);
        goto done;
    }
    app_frame(a, f, &dl);
    bench_phase("drawlist_ms");
    if (dl.dropped > 0)
        gs_log(_("%d drawing commands did not fit: '%s' is incomplete"), dl.dropped, path);
    if (!f->as_shown && render_target_begin(a->r, f->w, f->h) != 0) {
        snprintf(err, cap, _("cannot render a %dx%d image (larger than the GL limit?)"), f->w, f->h);
        goto done;
    }
    render_draw(a->r, &dl, f->w, f->h, gs_theme.bg);
    bench_phase("draw_ms");
    rc = media_png_write_rows(path, w, h, strip_row, &rd, err, cap);
    render_target_end(a->r);
done:
    draw_free(&dl);
    free(rd.strip);
    return rc;
}

int app_write_png(const App *a, const char *path, int w, int h, char *err, size_t cap)
{
    FrameLayout f;
    app_layout(a, w, h, 0, &f);
    const int whole[4] = {0, 0, w, h};
    return write_picture(a, &f, whole, path, err, cap);
}

int app_write_window_png(const App *a, const char *path, char *err, size_t cap)
{
    FrameLayout f;
    int rect[4];
    app_window_picture(a, &f, rect);
    if (rect[2] < 1 || rect[3] < 1) {
        snprintf(err, cap, _("cannot write '%s': the window shows no map"), path);
        return -1;
    }
    return write_picture(a, &f, rect, path, err, cap);
}

/* ---- the folder files are saved to ------------------------------------------------- */

void app_choose_out_dir(App *a, const char *out_dir)
{
    char dir[sizeof a->out_dir], err[1400];
    if (outdir_from_env(out_dir, dir, sizeof dir, err, sizeof err) != 0) {
        gs_log("%s", err);
        return;
    }
    snprintf(a->out_dir, sizeof a->out_dir, "%s", dir);
    snprintf(a->side.scene_path, sizeof a->side.scene_path, "%s/gradscape.scene", a->out_dir);
}

int app_out_dir_ready(App *a)
{
    char path[sizeof a->out_dir], msg[sizeof a->message];
    snprintf(path, sizeof path, "%s", a->out_dir);
    /* mkdir -p: each folder of the path, then the path */
    for (char *p = path + 1;; p++) {
        if (*p && *p != '/')
            continue;
        char c = *p;
        *p = '\0';
        struct stat st;
        if (stat(path, &st) != 0 && mkdir(path, 0755) != 0 && errno != EEXIST) {
            int e = errno;
            *p = c;
            /* TRANSLATORS: the folder files are saved to, and the system's reason */
            snprintf(msg, sizeof msg, _("Cannot create the folder %s: %s"), a->out_dir, strerror(e));
            app_message(a, msg);
            return -1;
        }
        *p = c;
        if (!c)
            break;
    }
    struct stat st;
    const char *why = NULL;
    if (stat(path, &st) != 0)
        why = strerror(errno);
    else if (!S_ISDIR(st.st_mode))
        why = "";
    else if (access(path, W_OK | X_OK) != 0)
        why = strerror(errno);
    if (why) {
        if (why[0])
            /* TRANSLATORS: the folder files are saved to, and the system's reason */
            snprintf(msg, sizeof msg, _("Cannot save into %s: %s"), a->out_dir, why);
        else
            snprintf(msg, sizeof msg, _("Cannot save into %s: it is not a folder"), a->out_dir);
        app_message(a, msg);
        return -1;
    }
    return 0;
}

void app_timestamped_path(const App *a, const char *ext, char *out, size_t cap)
{
    char name[64];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(name, sizeof name, "gradscape-%Y%m%d-%H%M%S", &tm);
    snprintf(out, cap, "%s/%s.%s", a->out_dir, name, ext);
    /* never overwrite an earlier file made in the same second */
    for (int k = 2; k < 100; k++) {
        FILE *f = fopen(out, "rb");
        if (!f)
            break;
        fclose(f);
        snprintf(out, cap, "%s/%s-%d.%s", a->out_dir, name, k, ext);
    }
}

void app_saved(App *a, const char *format, const char *path)
{
    char msg[1400];
    /* TRANSLATORS: a notice; %s is the path of the file saved, shortened in its middle where it is long: keep
     * it at the end */
    const char *fmt = format ? format : _("Saved %s"), *at = strstr(fmt, "%s");
    int head = at ? (int)(at - fmt) : (int)strlen(fmt);
    int n = snprintf(msg, sizeof msg, "%.*s", head, fmt);
    if (n > (int)sizeof msg - 1)
        n = (int)sizeof msg - 1;
    snprintf(msg + n, sizeof msg - (size_t)n, "%s%s", path, at ? at + 2 : "");
    app_message(a, msg);
    a->message_path = n; /* shortened in its middle, not wrapped */
    if (a->file_saved)
        a->file_saved(path);
}

void app_write_png_timestamped(App *a)
{
    char path[1200], err[1400];
    if (app_out_dir_ready(a) != 0)
        return;
    app_timestamped_path(a, "png", path, sizeof path);
    if (app_write_window_png(a, path, err, sizeof err) == 0)
        app_saved(a, NULL, path);
    else
        app_message(a, err);
}
