/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel_side: the controls at the right of the window. The surface (menu, formula
 * field, parameters), each run (enabled, hyperparameters, and behind "more" the
 * rest, its schedule and its noise bundle), runs to add, and the scene (steps,
 * noise, seed, start, layout). Widgets write the values they edit and record in
 * App.changes what must be recomputed; nothing is simulated here.
 *
 * The panel is drawn as contiguous blocks, each a draw group (see DRAW_GROUP) with
 * its own opaque background: the renderer redraws only the blocks whose commands
 * changed (a dragged slider's run, not the whole panel). */
#include "app.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "lesson.h"

/* ---- blocks -------------------------------------------------------------------- */

static void block_end(App *a)
{
    SideState *st = &a->side;
    UiContext *ui = &a->ui;
    DrawList *dl = ui->dl;
    if (st->block_group < 0 || st->block_bg >= dl->n)
        return;
    /* whole pixels: blocks meet without a seam, and their backgrounds fill exactly */
    float top = floorf(st->block_y), bottom = floorf(ui->cy);
    dl->cmd[st->block_bg].y = top, dl->cmd[st->block_bg].h = bottom - top;
    /* the group's rect: the part of the block inside the panel */
    float y0 = top < ui->py ? ui->py : top, y1 = bottom > ui->py + ui->ph ? ui->py + ui->ph : bottom;
    dl->cmd[st->block_group].y = y0, dl->cmd[st->block_group].h = y1 > y0 ? y1 - y0 : 0;
    draw_group_end(dl, st->block_group);
    st->block_group = -1;
}

static void block_begin(App *a, float top)
{
    UiContext *ui = &a->ui;
    a->side.block_y = top;
    a->side.block_group = draw_group_begin(ui->dl, ui->px, top, ui->pw, 0);
    a->side.block_bg = ui->dl->n;
    draw_rect(ui->dl, ui->px, top, ui->pw, 0, 0, ui->theme->panel);
}

/* Ends the current block where the layout cursor is and starts the next there. */
static void block_split(App *a)
{
    block_end(a);
    block_begin(a, a->ui.cy);
}

/* ---- small pieces -------------------------------------------------------------- */

static void section(UiContext *ui, const char *title)
{
    ui->cy += ui_px(ui, 6);
    ui_label(ui, title, ui->theme->heading, 1);
}

/* Text vertically centred in a row. */
static void row_text(UiContext *ui, float x, float y, float h, int bold, unsigned rgba, const char *s)
{
    float fs = ui_px(ui, ui->style.font_size);
    ui_text(ui, x, y + 0.5f * (h - fs * 1.2f), fs, bold, rgba, s);
}

/* A row of a text field (id `name`) after its label, as tall as its text needs
 * wrapped; returns ui_textbox_at's flags. */
static int field_row(UiContext *ui, const char *name, const char *label, char *buf, int cap)
{
    float fs = ui_px(ui, ui->style.font_size), row_h = ui_px(ui, ui->style.row_height);
    float lw = ui_text_width(ui, 0, fs, label) + ui_px(ui, 8), row_w = ui->pw - 2 * ui_px(ui, ui->style.pad);
    float x, y, w, h;
    ui_row(ui, ui_textbox_height(ui, buf, row_w - lw, row_h), &x, &y, &w, &h);
    row_text(ui, x, y, row_h, 0, ui->theme->text_dim, label);
    return ui_textbox_at(ui, ui_get_id(ui, name), x + lw, y, w - lw, h, buf, cap);
}

/* How many buttons fit side by side in w (at most `most`), each wide enough for a
 * label `widest` px wide. */
static int columns(const UiContext *ui, float w, float widest, int most)
{
    float gap = ui_px(ui, 6), need = widest + ui_px(ui, 16);
    int n = (int)((w + gap) / (need + gap));
    return n < 1 ? 1 : (n > most ? most : n);
}

static float label_width(const UiContext *ui, const char *s)
{
    return ui_text_width(ui, 0, ui_px(ui, ui->style.font_size), s);
}

/* A run of buttons in rows of `cols`; returns the index clicked, or -1. */
static int button_rows(UiContext *ui, int n, int cols, const char *const *names, const char *const *labels, int selected)
{
    float x = 0, y = 0, w = 0, h = 0, gap = ui_px(ui, 6);
    int clicked = -1;
    for (int k = 0; k < n; k++) {
        if (k % cols == 0)
            ui_row(ui, 0, &x, &y, &w, &h);
        float bw = (w - gap * (float)(cols - 1)) / (float)cols;
        if (ui_button_at(ui, ui_get_id(ui, names[k]), x + (float)(k % cols) * (bw + gap), y, bw, h, labels[k],
                         k == selected))
            clicked = k;
    }
    return clicked;
}

static double fix_hyper(const void *user, double v)
{
    HyperKey k = (HyperKey)(uintptr_t)user;
    return optim_hyper_valid(k, v) ? v : optim_hyper_clamp(k, v);
}

static double fix_surface_param(const void *user, double v)
{
    const SurfaceParamInfo *p = user;
    return v < p->lo ? p->lo : (v > p->hi ? p->hi : v);
}

static double fix_schedule_key(const void *user, double v)
{
    const ScheduleKeyInfo *k = user;
    if (k->integer)
        v = floor(v + 0.5);
    if (k->lo_open ? v <= k->lo : v < k->lo)
        return k->lo_open ? k->ui_lo : k->lo;
    return v > k->hi ? k->hi : v;
}

/* A whole number in [lo, hi] (user: two ints); rounded and clamped as a double, as
 * a typed 1e308 does not fit an int. */
static double fix_count(const void *user, double v)
{
    const int *range = user;
    v = floor(v + 0.5);
    return v < range[0] ? range[0] : (v > range[1] ? range[1] : v);
}

static double fix_noise(const void *user, double v)
{
    (void)user;
    return isfinite(v) && v > 0 ? v : 0.0;
}

/* ---- the surface ----------------------------------------------------------------- */

/* The surface's formula with its parameters' values written in: a starting point
 * for the user's own formula. */
static void formula_text(const Surface *s, char *out, size_t cap)
{
    const char *src = s->builtin >= 0 ? surface_info(s->builtin)->formula : s->expr.source;
    size_t len = 0;
    out[0] = '\0';
    for (const char *p = src; *p && len + 1 < cap;) {
        if (isalpha((unsigned char)*p) || *p == '_') {
            const char *q = p;
            while (isalnum((unsigned char)*q) || *q == '_')
                q++;
            int param = -1;
            for (int i = 0; i < s->expr.n_params; i++)
                if ((size_t)(q - p) == strlen(s->expr.param_name[i]) && strncmp(p, s->expr.param_name[i], (size_t)(q - p)) == 0)
                    param = i;
            int n = param >= 0 ? snprintf(out + len, cap - len, s->param[param] < 0 ? "(%.10g)" : "%.10g", s->param[param])
                               : snprintf(out + len, cap - len, "%.*s", (int)(q - p), p);
            if (n < 0 || (size_t)n >= cap - len)
                break;
            len += (size_t)n;
            p = q;
        } else {
            out[len++] = *p++;
            out[len] = '\0';
        }
    }
}

void side_reset_formula(App *a)
{
    const Surface *s = &a->scene.surface;
    if (s->builtin == SURFACE_EXPR)
        snprintf(a->side.expr_text, sizeof a->side.expr_text, "%s", s->expr.source);
    else
        formula_text(s, a->side.expr_text, sizeof a->side.expr_text);
    a->side.expr_error[0] = '\0';
}

static void surface_controls(App *a)
{
    UiContext *ui = &a->ui;
    SideState *st = &a->side;
    Surface *s = &a->scene.surface;
    section(ui, _("Surface"));
    int ns = surface_count();
    float x, y, w, h;
    char current[96];
    snprintf(current, sizeof current, "%s   %s",
             s->builtin >= 0 ? _(surface_info(s->builtin)->title) : _("Your function"),
             st->surface_menu ? "\xe2\x96\xb4" : "\xe2\x96\xbe");
    ui_row(ui, 0, &x, &y, &w, &h);
    if (ui_button_at(ui, ui_get_id(ui, "surface-menu"), x, y, w, h, current, st->surface_menu))
        st->surface_menu = !st->surface_menu;
    if (st->surface_menu) {
        const char *names[64], *titles[64];
        float widest = 0;
        for (int j = 0; j < ns && j < 64; j++) {
            /* a surface's title: a proper name stays as it is (the catalog has none of
             * them), a descriptive one ("Saddle") is the catalog's */
            names[j] = surface_info(j)->name, titles[j] = _(surface_info(j)->title);
            widest = fmaxf(widest, label_width(ui, titles[j]));
        }
        ui_push_id(ui, "surface");
        int j = button_rows(ui, ns < 64 ? ns : 64, columns(ui, w, widest, 2), names, titles, s->builtin);
        ui_pop_id(ui);
        if (j >= 0) {
            surface_init_builtin(&a->changes.next_surface, j);
            a->changes.surface = 1;
            a->changes.formula_only = 0;
            st->surface_menu = 0;
        }
    }
    /* the learning rates tuned for this surface (a surface change keeps the runs'
     * own); always there, so that nothing below moves while a slider is dragged */
    ui_row(ui, 0, &x, &y, &w, &h);
    if (ui_button_at(ui, ui_get_id(ui, "tune"), x, y, w, h, _("Tune lr for this surface"), 0))
        a->changes.tune = 1;
    float fs = ui_px(ui, ui->style.font_size);
    float lw = ui_text_width(ui, 0, fs, "f(x, y) =") + ui_px(ui, 8);
    /* the field is as tall as the whole formula needs, wrapped */
    float row_w = ui->pw - 2 * ui_px(ui, ui->style.pad), row_h = ui_px(ui, ui->style.row_height);
    /* the field, and a small x that clears it (Esc brings the formula back) */
    float cw = row_h, gap = ui_px(ui, 4);
    ui_row(ui, ui_textbox_height(ui, st->expr_text, row_w - lw - cw - gap, row_h), &x, &y, &w, &h);
    row_text(ui, x, y, row_h, 0, s->builtin == SURFACE_EXPR ? ui->theme->heading : ui->theme->text_dim, "f(x, y) =");
    UiId field = ui_get_id(ui, "expr");
    int f = ui_textbox_at(ui, field, x + lw, y, w - lw - cw - gap, h, st->expr_text, (int)sizeof st->expr_text);
    if (ui_button_at(ui, ui_get_id(ui, "expr-clear"), x + w - cw, y, cw, row_h, "\xc3\x97", 0)) {
        char was[EXPR_MAX_SOURCE];
        snprintf(was, sizeof was, "%s", st->expr_text);
        st->expr_text[0] = '\0';
        st->expr_error[0] = '\0';
        ui_focus_text(ui, field, st->expr_text, was);
    }
    if (f & UI_SUBMIT) {
        ExprError err;
        if (surface_init_expr(&a->changes.next_surface, st->expr_text, &err) == 0) {
            st->expr_error[0] = '\0';
            a->changes.surface = 1;
            a->changes.formula_only = 1;
        } else {
            snprintf(st->expr_error, sizeof st->expr_error, "%s", err.message);
        }
    } else if (f & UI_CHANGED) {
        st->expr_error[0] = '\0';
    }
    if (st->expr_error[0])
        ui_label(ui, st->expr_error, ui->theme->error, 0);
    /* parameters of a built-in surface */
    if (s->builtin >= 0) {
        const SurfaceInfo *in = surface_info(s->builtin);
        ui_push_id(ui, "param");
        for (int i = 0; i < in->n_params; i++) {
            double v = s->param[i];
            const UiSlider sl = {in->param[i].lo, in->param[i].hi, 0, "%.4g", fix_surface_param, &in->param[i], 0};
            if (ui_slider(ui, in->param[i].name, in->param[i].name, &v, &sl) & UI_CHANGED) {
                surface_set_param(s, i, v);
                a->changes.scene = 1;
            }
        }
        ui_pop_id(ui);
    }
}

/* ---- runs ------------------------------------------------------------------------ */

/* Keys shown for every run; the rest are behind the run's "more" toggle. */
static int primary_key(HyperKey k)
{
    return k == HP_LR || k == HP_MOMENTUM || k == HP_ALPHA || k == HP_BETA1 || k == HP_BETA2 || k == HP_EPS ||
           k == HP_RHO;
}

/* One hyperparameter of run i: a slider, or a checkbox for a flag. */
static void hyper_control(App *a, int i, HyperKey k)
{
    UiContext *ui = &a->ui;
    Run *r = &a->scene.run[i];
    const HyperInfo *hi = optim_hyper(k);
    double before = r->hp[k];
    if (hi->is_flag) {
        float x, y, w, h;
        ui_row(ui, 0, &x, &y, &w, &h);
        int on = r->hp[k] != 0.0;
        if (ui_checkbox_at(ui, ui_get_id(ui, hi->name), x, y, h, h, &on, ui->theme->heading))
            r->hp[k] = on ? 1.0 : 0.0;
        row_text(ui, x + h + ui_px(ui, 4), y, h, 0, ui->theme->text_dim, _(hi->label));
    } else {
        const UiSlider sl = {hi->ui_lo, hi->ui_hi, hi->log_scale, hi->log_scale ? "%.3g" : "%.4g", fix_hyper,
                             (const void *)(uintptr_t)k, 0};
        if (ui_slider(ui, hi->name, hi->symbol, &r->hp[k], &sl) & UI_FIXED) {
            char range[48], msg[160];
            optim_hyper_range_text(k, range, sizeof range);
            /* TRANSLATORS: a notice; the first %s is a hyperparameter's key (lr, beta1),
             * the second its valid range ("> 0", "in [0, 1)") */
            snprintf(msg, sizeof msg, _("%s must be %s"), hi->name, range);
            app_message(a, msg);
        }
    }
    if (r->hp[k] != before)
        a->changes.runs |= 1u << i;
}

static void schedule_controls(App *a, int i)
{
    UiContext *ui = &a->ui;
    Run *r = &a->scene.run[i];
    /* the schedules' names as --opt and the scene file write them, shortened: not
     * translated (the map's titles show the same names) */
    static const char *const SHORT[SCHED_COUNT] = {"const", "step", "exp", "cos", "cyclic"};
    const char *names[SCHED_COUNT];
    float widest = 0;
    for (int k = 0; k < SCHED_COUNT; k++) {
        names[k] = schedule_name((ScheduleKind)k);
        widest = fmaxf(widest, label_width(ui, SHORT[k]));
    }
    float row_w = ui->pw - 2 * ui_px(ui, ui->style.pad);
    ui_push_id(ui, "sched");
    int picked = button_rows(ui, SCHED_COUNT, columns(ui, row_w, widest, SCHED_COUNT), names, SHORT, (int)r->sched.kind);
    ui_pop_id(ui);
    if (picked >= 0) {
        r->sched.kind = (ScheduleKind)picked;
        a->changes.runs |= 1u << i;
    }
    Schedule res;
    schedule_resolve(&r->sched, r->hp[HP_LR], a->scene.steps, &res);
    for (int k = 0; k < SK_COUNT; k++) {
        if (!schedule_uses(r->sched.kind, (ScheduleKey)k))
            continue;
        const ScheduleKeyInfo *ki = schedule_key((ScheduleKey)k);
        double v = res.v[k];
        UiSlider sl = {ki->ui_lo, ki->ui_hi, ki->log_scale, ki->integer ? "%.0f" : "%.3g", fix_schedule_key, ki, 0};
        if (k == SK_T_MAX || k == SK_WARMUP)
            sl.hi = a->scene.steps > 10 ? a->scene.steps : 10;
        if (ui_slider(ui, ki->name, ki->name, &v, &sl) & UI_CHANGED) {
            r->sched.v[k] = v;
            a->changes.runs |= 1u << i;
        }
    }
}

/* Why `label` cannot name run i (empty: it can): a scene file's run spec
 * separates its items with ',' and ':' and '=', and labels are unique. */
static void label_problem(const Scene *sc, int i, const char *label, char *why, size_t cap)
{
    why[0] = '\0';
    if (scene_label_check(label, why, cap) != 0)
        return;
    if (strpbrk(label, ",:=")) {
        snprintf(why, cap, "%s", _("a label cannot hold ',' ':' or '='"));
        return;
    }
    int other = scene_find_run(sc, label);
    if (label[0] && other >= 0 && other != i)
        snprintf(why, cap, _("another run is called '%s'"), label);
}

/* A run's label (Enter sets it; empty: the automatic one) and its colour, one of
 * the palette's swatches. */
static void label_and_colour(App *a, int i)
{
    UiContext *ui = &a->ui;
    SideState *st = &a->side;
    Run *r = &a->scene.run[i];
    float fs = ui_px(ui, ui->style.font_size), row_h = ui_px(ui, ui->style.row_height);
    /* the column of the words "label" and "colour": as wide as the wider */
    const char *label_word = _("label"), *colour_word = _("colour");
    float lw = fmaxf(ui_text_width(ui, 0, fs, label_word), ui_text_width(ui, 0, fs, colour_word)) + ui_px(ui, 8);
    float x, y, w, h;
    UiId id = ui_get_id(ui, "label");
    /* the field edits a copy, made when it takes the keyboard */
    char shown[SCENE_LABEL_MAX];
    int editing = ui->focus == id;
    char *buf = editing ? st->label_edit : shown;
    if (!editing)
        snprintf(shown, sizeof shown, "%s", r->label);
    ui_row(ui, row_h, &x, &y, &w, &h);
    row_text(ui, x, y, h, 0, ui->theme->text_dim, label_word);
    int f = ui_textbox_at(ui, id, x + lw, y, w - lw, h, buf, SCENE_LABEL_MAX);
    if (!editing && ui->focus == id)
        snprintf(st->label_edit, sizeof st->label_edit, "%s", shown);
    if (f & UI_SUBMIT) {
        char why[160];
        label_problem(&a->scene, i, buf, why, sizeof why);
        if (why[0]) {
            char msg[240];
            /* TRANSLATORS: %s says why ("another run is called 'Adam'") */
            snprintf(msg, sizeof msg, _("Label not changed: %s"), why);
            app_message(a, msg);
        } else {
            snprintf(r->label, sizeof r->label, "%s", buf);
            r->label_set = buf[0] != '\0';
            if (!r->label_set)
                scene_relabel(&a->scene);
        }
    }
    /* the palette, a swatch each; the run's is framed */
    ui_row(ui, row_h, &x, &y, &w, &h);
    row_text(ui, x, y, h, 0, ui->theme->text_dim, colour_word);
    enum { SWATCHES = 8 };
    float gap = ui_px(ui, 4), sw = fminf(h, (w - lw - gap * (SWATCHES - 1)) / SWATCHES);
    ui_push_id(ui, "colour");
    for (int k = 0; k < SWATCHES; k++) {
        float sx = x + lw + (float)k * (sw + gap);
        if (ui_button_at(ui, ui_get_id(ui, (const char[]){(char)('0' + k), 0}), sx, y, sw, h, "", 0))
            r->colour = k;
        draw_rect(ui->dl, sx + ui_px(ui, 3), y + ui_px(ui, 3), sw - ui_px(ui, 6), h - ui_px(ui, 6), ui_px(ui, 3),
                  (scene_palette(k) << 8) | 0xFFu);
        if (r->colour % SWATCHES == k)
            draw_frame(ui->dl, sx, y, sw, h, ui_px(ui, 2), ui->theme->text);
    }
    ui_pop_id(ui);
}

static void run_controls(App *a)
{
    static const int BUNDLE_RANGE[2] = {1, SCENE_MAX_BUNDLE};
    UiContext *ui = &a->ui;
    SideState *st = &a->side;
    Scene *sc = &a->scene;
    const Theme *th = ui->theme;
    section(ui, _("Runs"));
    ui_push_id(ui, "run");
    for (int i = 0; i < sc->n_runs; i++) {
        block_split(a);
        ui_push_index(ui, i);
        Run *r = &sc->run[i];
        float x, y, w, h;
        ui_row(ui, 0, &x, &y, &w, &h);
        float fs = ui_px(ui, ui->style.font_size);
        ui_checkbox_at(ui, ui_get_id(ui, "enabled"), x, y, h, h, &r->enabled, app_run_rgba(r));
        unsigned bit = 1u << i;
        int more = (st->run_more & bit) != 0;
        /* TRANSLATORS: a small button on a run's row that shows the rest of its settings */
        const char *more_word = _("more");
        float mw = ui_text_width(ui, 0, fs, more_word) + ui_px(ui, 18);
        /* the label, shortened to the room left of the buttons; the optimizer's
         * name after it only where it fits */
        float lx = x + h + ui_px(ui, 4), room = x + w - h - mw - ui_px(ui, 12) - lx;
        char label[SCENE_LABEL_MAX + 4];
        ui_text_fit(ui, 1, fs, r->label, room, label, sizeof label);
        /* the name selects the run for the update-rule card (again: closes it) */
        int card = app_card_run(a) == i;
        if (ui->in->mouse_pressed && !ui->mouse_used && ui_mouse_over(ui, lx, y, room, h) &&
            ui_mouse_over(ui, ui->px, ui->py, ui->pw, ui->ph)) {
            app_select(a, card ? -1 : i);
            ui->mouse_used = 1;
        }
        row_text(ui, lx, y, h, 1, card ? th->heading : th->text_strong, label);
        float lw = ui_text_width(ui, 1, fs, label) + ui_px(ui, 8);
        const char *title = optim_info(r->kind)->title;
        if (strcmp(r->label, optim_info(r->kind)->name) != 0 && lw + ui_text_width(ui, 0, fs, title) <= room)
            row_text(ui, lx + lw, y, h, 0, th->text_dim, title);
        if (ui_button_at(ui, ui_get_id(ui, "more"), x + w - h - mw - ui_px(ui, 4), y, mw, h, more_word, more))
            st->run_more ^= bit;
        if (ui_button_at(ui, ui_get_id(ui, "remove"), x + w - h, y, h, h, "\xc3\x97", 0))
            a->changes.remove = i;
        if (r->enabled) {
            for (int k = 0; k < HP_COUNT; k++)
                if (optim_uses(r->kind, (HyperKey)k) && primary_key((HyperKey)k))
                    hyper_control(a, i, (HyperKey)k);
        }
        if (r->enabled && more) {
            for (int k = 0; k < HP_COUNT; k++)
                if (optim_uses(r->kind, (HyperKey)k) && !primary_key((HyperKey)k))
                    hyper_control(a, i, (HyperKey)k);
            label_and_colour(a, i);
            ui_label(ui, _("learning-rate schedule"), th->text_dim, 0);
            schedule_controls(a, i);
            float bx, by, bw, bh;
            ui_row(ui, 0, &bx, &by, &bw, &bh);
            if (ui_button_at(ui, ui_get_id(ui, "torch"), bx, by, bw, bh, _("Copy as PyTorch"), 0))
                app_copy_torch(a, i);
            if (sc->noise > 0.0) {
                double k = r->bundle < 1 ? 1 : r->bundle;
                const UiSlider sl = {1, SCENE_MAX_BUNDLE, 0, "%.0f", fix_count, BUNDLE_RANGE, 0};
                /* TRANSLATORS: a slider: how many noisy runs (each its own seed) a run's bundle has */
                if (ui_slider(ui, "seeds", _("seeds"), &k, &sl) & UI_CHANGED)
                    a->changes.bundle_run = i, a->changes.bundle = (int)k;
            }
        }
        ui_pop_id(ui);
    }
    ui_pop_id(ui);
    block_split(a);
    if (sc->n_runs < SCENE_MAX_RUNS) {
        section(ui, _("Add a run"));
        const char *names[OPTIM_COUNT], *titles[OPTIM_COUNT];
        float widest = 0;
        for (int k = 0; k < OPTIM_COUNT; k++) {
            names[k] = optim_info((OptimKind)k)->name, titles[k] = optim_info((OptimKind)k)->title;
            widest = fmaxf(widest, label_width(ui, titles[k]));
        }
        float row_w = ui->pw - 2 * ui_px(ui, ui->style.pad);
        ui_push_id(ui, "add");
        int k = button_rows(ui, OPTIM_COUNT, columns(ui, row_w, widest, 3), names, titles, -1);
        ui_pop_id(ui);
        if (k >= 0)
            a->changes.add = k;
    }
}

/* ---- the scene ------------------------------------------------------------------- */

static void scene_controls(App *a)
{
    static const int STEPS_RANGE[2] = {0, SCENE_MAX_STEPS};
    UiContext *ui = &a->ui;
    Scene *sc = &a->scene;
    section(ui, _("Scene"));
    ui_push_id(ui, "scene");
    double steps = sc->steps;
    const UiSlider steps_sl = {10, 100000, 1, "%.0f", fix_count, STEPS_RANGE, 0};
    /* TRANSLATORS: a slider: how many steps each run takes */
    if (ui_slider(ui, "steps", _("steps"), &steps, &steps_sl) & UI_CHANGED)
        a->changes.steps = (int)steps;
    /* stochastic gradients: g + sigma * N(0, 1), seeded */
    const UiSlider noise_sl = {0, 5, 0, "%.3g", fix_noise, NULL, 0};
    /* TRANSLATORS: a slider: the gradient noise's standard deviation, sigma */
    if (ui_slider(ui, "noise", _("noise \xcf\x83"), &sc->noise, &noise_sl) & UI_CHANGED)
        a->changes.scene = 1;
    if (sc->noise > 0) {
        float x, y, w, h;
        ui_row(ui, 0, &x, &y, &w, &h);
        char seed[64];
        snprintf(seed, sizeof seed, _("seed %llu"), sc->seed);
        row_text(ui, x, y, h, 0, ui->theme->text_dim, seed);
        float bw = h * 1.4f;
        if (ui_button_at(ui, ui_get_id(ui, "seed-"), x + w - 2 * bw - ui_px(ui, 4), y, bw, h, "\xe2\x88\x92", 0) &&
            sc->seed > 0) {
            sc->seed--;
            a->changes.scene = 1;
        }
        if (ui_button_at(ui, ui_get_id(ui, "seed+"), x + w - bw, y, bw, h, "+", 0)) {
            sc->seed++;
            a->changes.scene = 1;
        }
    }
    char buf[96];
    snprintf(buf, sizeof buf, _("start (%.4g, %.4g): click the map"), sc->start[0], sc->start[1]);
    ui_label(ui, buf, ui->theme->text_dim, 0);
    float x, y, w, h;
    ui_row(ui, 0, &x, &y, &w, &h);
    float bw = (w - ui_px(ui, 6)) * 0.5f;
    if (ui_button_at(ui, ui_get_id(ui, "overlay"), x, y, bw, h, _("Overlay"), a->layout == LAYOUT_OVERLAY))
        a->layout = LAYOUT_OVERLAY;
    if (ui_button_at(ui, ui_get_id(ui, "grid"), x + bw + ui_px(ui, 6), y, bw, h, _("Grid"), a->layout == LAYOUT_GRID))
        a->layout = LAYOUT_GRID;
    /* the scene file: its path, then save and open */
    float row_w = ui->pw - 2 * ui_px(ui, ui->style.pad);
    /* TRANSLATORS: the label of the scene file's path field */
    int f = field_row(ui, "path", _("file"), a->side.scene_path, (int)sizeof a->side.scene_path);
    const char *const NAMES[] = {"save", "open"}, *const LABELS[] = {_("Save scene"), _("Open scene")};
    float widest = fmaxf(label_width(ui, LABELS[0]), label_width(ui, LABELS[1]));
    int k = button_rows(ui, 2, columns(ui, row_w, widest, 2), NAMES, LABELS, -1);
    if (k == 0 || (f & UI_SUBMIT))
        app_save_scene(a);
    if (k == 1)
        a->changes.open_scene = 1;
    ui_pop_id(ui);
}

/* ---- lessons ---------------------------------------------------------------------- */

/* The built-in lessons, a button each; a lesson file opens as a scene file does (its
 * name in the file field, "Open scene" or Ctrl+O: a name ending in .lesson). */
static void lesson_controls(App *a)
{
    UiContext *ui = &a->ui;
    section(ui, _("Lessons"));
    ui_push_id(ui, "lessons");
    enum { MAX = 32 };
    const char *names[MAX];
    int n = lesson_builtin_count() < MAX ? lesson_builtin_count() : MAX, open = -1;
    float widest = 0;
    for (int i = 0; i < n; i++) {
        names[i] = lesson_builtin_name(i);
        widest = fmaxf(widest, label_width(ui, names[i]));
        if (a->lesson && strcmp(a->lesson->name, names[i]) == 0)
            open = i;
    }
    float row_w = ui->pw - 2 * ui_px(ui, ui->style.pad);
    int k = button_rows(ui, n, columns(ui, row_w, widest, 2), names, names, open);
    if (k >= 0)
        a->changes.open_lesson = k + 1;
    ui_label(ui, _("F5 presents; a .lesson file opens as a scene file does"), ui->theme->text_dim, 0);
    /* authoring: the scene as it is, with a caption typed here, as the next slide */
    /* TRANSLATORS: the label of the field where the next slide's caption is typed */
    int f = field_row(ui, "caption", _("caption"), a->side.new_caption, (int)sizeof a->side.new_caption);
    const char *const NAMES[] = {"add", "save"}, *const LABELS[] = {_("Add slide"), _("Save lesson")};
    float wide = fmaxf(label_width(ui, LABELS[0]), label_width(ui, LABELS[1]));
    k = button_rows(ui, 2, columns(ui, row_w, wide, 2), NAMES, LABELS, -1);
    if (k == 0 || (f & UI_SUBMIT))
        app_add_slide(a);
    if (k == 1)
        app_save_lesson(a);
    if (a->lesson) {
        char path[1100], line[1200];
        app_lesson_path(a, path, sizeof path);
        /* TRANSLATORS: the lesson open: the slide shown, how many there are, and the file it saves to */
        snprintf(line, sizeof line, _("slide %d of %d; saves to %s"), a->slide + 1, a->lesson->n_slides, path);
        ui_label(ui, line, ui->theme->text_dim, 0);
    }
    ui_pop_id(ui);
}

/* ---- the panel ------------------------------------------------------------------- */

static float side_size(const App *a, const FrameLayout *f, float room_w, float room_h)
{
    (void)a, (void)room_w, (void)room_h;
    float w = gs_theme.side_w * f->scale;
    return w > (float)f->w * 0.5f ? (float)f->w * 0.5f : w;
}

float side_peek_height(const App *a, float scale)
{
    int i = app_focus_run(a), rows = 1; /* the surface */
    if (i >= 0) {
        rows++; /* the run's name */
        for (int k = 0; k < HP_COUNT; k++)
            rows += optim_uses(a->scene.run[i].kind, (HyperKey)k) && primary_key((HyperKey)k);
    }
    const Theme *t = &gs_theme;
    return ceilf(scale * (2 * t->pad + 34 + 4 + (float)rows * (t->row + 4)));
}

/* A drawer's top row: a grip (a drag up grows the drawer, down shrinks or closes
 * it), and its buttons: grow (upright), close. */
static void drawer_row(App *a, const Panel *p, float x, float y, float w, float h, float bw)
{
    UiContext *ui = &a->ui;
    SideState *st = &a->side;
    const Input *in = ui->in;
    int upright = p->w >= (float)a->frame.w - 0.5f;
    static const int BIGGER[] = {[DRAWER_PEEK] = DRAWER_HALF, [DRAWER_HALF] = DRAWER_FULL, [DRAWER_FULL] = DRAWER_FULL};
    static const int SMALLER[] = {[DRAWER_PEEK] = DRAWER_CLOSED, [DRAWER_HALF] = DRAWER_PEEK,
                                  [DRAWER_FULL] = DRAWER_HALF};
    if (ui_button_at(ui, ui_get_id(ui, "close"), x + w - bw, y, bw, h, "\xc3\x97", 0))
        a->drawer = DRAWER_CLOSED;
    if (upright && ui_button_at(ui, ui_get_id(ui, "grow"), x + w - 2 * bw - ui_px(ui, 6), y, bw, h,
                                a->drawer == DRAWER_FULL ? "\xe2\x96\xbe" : "\xe2\x96\xb4", 0))
        a->drawer = a->drawer == DRAWER_FULL ? DRAWER_HALF : BIGGER[a->drawer];
    if (!upright)
        return;
    /* the grip: drawn at the top's middle, held anywhere in the row left of the buttons */
    draw_rect(ui->dl, p->x + 0.5f * p->w - ui_px(ui, 18), p->y + ui_px(ui, 5), ui_px(ui, 36), ui_px(ui, 4),
              ui_px(ui, 2), ui->theme->text_dim);
    float gw = w - 2 * bw - ui_px(ui, 12);
    if (in->mouse_pressed && !ui->mouse_used && in->mouse_x >= p->x && in->mouse_x < x + gw &&
        in->mouse_y >= p->y && in->mouse_y < y + h) {
        st->grip = 1, st->grip_y = in->mouse_y;
        ui->mouse_used = 1;
    }
    if (st->grip && (in->mouse_released || !in->mouse_down)) {
        float dy = in->mouse_y - st->grip_y, step = ui_px(ui, 30);
        if (dy < -step)
            a->drawer = BIGGER[a->drawer];
        else if (dy > step)
            a->drawer = SMALLER[a->drawer];
        st->grip = 0;
    }
}

/* A peeking drawer: the surface (a tap opens the menu, in the half sheet) and the
 * peeked run's main sliders. */
static void peek_controls(App *a)
{
    UiContext *ui = &a->ui;
    float x, y, w, h;
    ui_row(ui, 0, &x, &y, &w, &h);
    const Surface *s = &a->scene.surface;
    char current[96];
    snprintf(current, sizeof current, "%s   \xe2\x96\xbe",
             s->builtin >= 0 ? _(surface_info(s->builtin)->title) : _("Your function"));
    if (ui_button_at(ui, ui_get_id(ui, "surface-menu"), x, y, w, h, current, 0))
        a->drawer = DRAWER_HALF, a->side.surface_menu = 1, a->side.scroll = 0;
    int i = app_focus_run(a);
    if (i < 0)
        return;
    const Run *r = &a->scene.run[i];
    ui_push_id(ui, "run");
    ui_push_index(ui, i);
    ui_row(ui, 0, &x, &y, &w, &h);
    row_text(ui, x, y, h, 1, app_run_rgba(r), r->label);
    for (int k = 0; k < HP_COUNT; k++)
        if (optim_uses(r->kind, (HyperKey)k) && primary_key((HyperKey)k))
            hyper_control(a, i, (HyperKey)k);
    ui_pop_id(ui);
    ui_pop_id(ui);
}

static void side_input(App *a, const Panel *p, const Input *in)
{
    (void)in;
    UiContext *ui = &a->ui;
    ui_push_id(ui, "side");
    int peek = p->over && a->drawer == DRAWER_PEEK && p->w >= (float)a->frame.w - 0.5f;
    if (peek)
        a->side.scroll = 0;
    ui_panel_begin(ui, p->x, p->y, p->w, p->h, &a->side.scroll);
    block_begin(a, ui->cy - ui_px(ui, ui->style.pad));
    float x, y, w, h;
    ui_row(ui, ui_px(ui, 34), &x, &y, &w, &h);
    /* a drawer has its buttons at the title's right; where they leave the title no
     * room, they stand alone */
    float bw = h * 1.4f, title_room = p->over ? w - 2 * bw - ui_px(ui, 12) : w;
    /* the languages, each in its own name, at the title's right (left of a
     * drawer's buttons) */
    float lx = x + title_room;
    for (int i = lang_count() - 1; i >= 0; i--) {
        const Lang *l = lang_at(i);
        float lw = ui_text_width(ui, 0, ui_px(ui, ui->style.font_size), l->name) + ui_px(ui, 16);
        if (lx - lw < x)
            break;
        lx -= lw;
        char id[32];
        snprintf(id, sizeof id, "lang/%s", l->code);
        if (ui_button_at(ui, ui_get_id(ui, id), lx, y, lw, h, l->name, strcmp(lang_current(), l->code) == 0) &&
            strcmp(lang_current(), l->code) != 0)
            app_set_lang(a, l->code);
        lx -= ui_px(ui, 4);
    }
    title_room = lx - x - ui_px(ui, 8);
    float tfs = ui_px(ui, gs_theme.title_font);
    if (ui_text_width(ui, 1, tfs, "gradscape") <= title_room)
        ui_text(ui, x, y, tfs, 1, ui->theme->text_strong, "gradscape");
    if (p->over)
        drawer_row(a, p, x, y, w, h, bw);
    if (peek) {
        peek_controls(a);
    } else {
        surface_controls(a);
        block_split(a);
        run_controls(a);
        block_split(a);
        scene_controls(a);
        lesson_controls(a);
    }
    /* the last block reaches the panel's bottom */
    float content_end = ui->cy;
    if (ui->cy < p->y + p->h)
        ui->cy = p->y + p->h;
    block_end(a);
    ui->cy = content_end;
    ui_panel_end(ui, &a->side.scroll);
    ui_pop_id(ui);
}

const PanelClass panel_side = {
    .name = "side",
    .size = side_size,
    .input = side_input,
    .draw = panel_draw_recorded,
};
