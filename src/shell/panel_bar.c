/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel_bar: the bar under the map: play/pause, step, restart, undo and redo, the
 * timeline, the animation speed, the plot on or off, 2D or 3D, save a PNG, export a
 * GIF or MP4, help. Its items flow into as many rows as the width needs (each item
 * at least wide enough for its text), and the bar is as tall as its rows: it
 * reflows rather than squashing. In a narrow window (the side panel a drawer) it
 * keeps the drawer's button, Play, Step, Reset, undo and redo and the timeline;
 * the rest is behind its overflow button. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"

enum { ITEM_BUTTON = 0, ITEM_SLIDER = 1 };

/* The items, in their order along the bar. */
enum {
    BAR_MENU, BAR_PLAY, BAR_STEP, BAR_RESET, BAR_HISTORY, BAR_TIMELINE, BAR_SPEED, BAR_PLOT, BAR_3D, BAR_SHOT,
    BAR_GIF, BAR_MP4, BAR_HELP, BAR_MORE, BAR_ITEMS
};

typedef struct BarItem {
    const char *name;
    int kind;
    float min_w, flex;    /* width it needs, and its share of what is left in its row */
    float x, y, w, h;     /* placed */
} BarItem;

typedef struct BarFlow {
    BarItem item[BAR_ITEMS];
    int shown[BAR_ITEMS]; /* placed in this bar */
    int rows;
    float row_h, value_w[BAR_ITEMS];
} BarFlow;

#define UNDO "\xe2\x86\xb6" /* the arrows of undo and redo */
#define REDO "\xe2\x86\xb7"
#define MENU "\xe2\x98\xb0" /* the drawer's button */
#define MORE "\xe2\x8b\xaf" /* the overflow's */
/* in a narrow bar, Play, Pause, Step and Reset as symbols */
#define PLAY_SYM "\xe2\x96\xb6"
#define PAUSE_SYM "\xe2\x96\xae\xe2\x96\xae"
#define STEP_SYM "\xe2\x96\xb8\xe2\x96\xae"
#define RESET_SYM "\xe2\x86\xba"

/* A control's label: its word, or in a narrow bar its symbol. */
static const char *label(const App *a, const char *word, const char *symbol) { return a->frame.narrow ? symbol : word; }

static double fix_speed(const void *user, double v)
{
    (void)user;
    /* the range the +/- keys allow: 0 or less would stall the animation */
    return v < 1 ? 1 : (v > 1e6 ? 1e6 : v);
}

static void timeline_format(const App *a, char *fmt, size_t cap) { snprintf(fmt, cap, "%%.0f / %d", a->scene.steps); }

/* The timeline's label: none in a narrow bar ("339 / 2000" says what it is). */
static const char *timeline_label(const App *a)
{
    /* TRANSLATORS: the timeline slider's label, before "339 / 2000": the step shown */
    return a->frame.narrow ? "" : _("step");
}

/* Items order[0, n) in rows across width w from (x, y). */
static void flow_rows(const BarItem *items, const int *order, int n, float s, float x, float y, float w, BarFlow *out)
{
    float pad = 10 * s, gap = 6 * s, avail = w - 2 * pad;
    out->rows = 0;
    for (int i = 0; i < n;) {
        /* the items that fit in this row (at least one) */
        int end = i;
        float used = 0, flex = 0;
        while (end < n && (end == i || used + gap + items[order[end]].min_w <= avail)) {
            used += (end > i ? gap : 0) + items[order[end]].min_w;
            flex += items[order[end]].flex;
            end++;
        }
        float extra = avail - used > 0 ? avail - used : 0, cx = x + pad;
        float ry = y + 7 * s + (float)out->rows * (out->row_h + 7 * s);
        for (int k = i; k < end; k++) {
            BarItem *it = &out->item[order[k]];
            *it = items[order[k]];
            it->w = fminf(it->min_w + (flex > 0 ? extra * it->flex / flex : 0), avail);
            it->x = cx, it->y = ry, it->h = out->row_h;
            cx += it->w + gap;
        }
        out->rows++;
        i = end;
    }
}

/* Which items this bar shows. */
static void shown_items(const App *a, int *shown)
{
    int narrow = a->frame.narrow;
    for (int i = 0; i < BAR_ITEMS; i++) {
        int extra = i >= BAR_SPEED && i <= BAR_HELP;
        shown[i] = i == BAR_MENU || i == BAR_MORE ? narrow : extra ? !narrow || a->bar_more : 1;
    }
}

/* The items, each button with `margin` px about its text, in rows across width w
 * from (x, y) at UI scale s: in their order when they fit in one row, else the
 * buttons first when that takes fewer rows. */
static void flow_items(const App *a, float s, float margin, float x, float y, float w, BarFlow *out)
{
    const UiContext *ui = &a->ui;
    float fs = s * ui->style.font_size;
    char fmt[48], widest[64];
    timeline_format(a, fmt, sizeof fmt);
    snprintf(widest, sizeof widest, fmt, (double)a->scene.steps);
    float tl_value = ui_text_width(ui, 0, fs, widest) + 14 * s;
    float sp_value = ui_text_width(ui, 0, fs, "1000000") + 14 * s;
    float track = (a->frame.narrow ? 60 : 90) * s; /* a slider's shortest track */
    /* TRANSLATORS: the bar's buttons (Pause, Play, Step, Reset, Plot, Help) are short: 2 to 4 characters */
    float play = fmaxf(ui_text_width(ui, 0, fs, label(a, _("Pause"), PAUSE_SYM)),
                       ui_text_width(ui, 0, fs, label(a, _("Play"), PLAY_SYM)));
#define BUTTON(n, text_w) {n, ITEM_BUTTON, (text_w) + margin, 0, 0, 0, 0, 0}
#define SLIDER(n, label, value, flex) \
    {n, ITEM_SLIDER, (*(label) ? ui_text_width(ui, 0, fs, label) + 10 * s : 0) + (value) + 6 * s + track, flex, 0, 0, 0, 0}
    const BarItem items[BAR_ITEMS] = {
        [BAR_MENU] = BUTTON("menu", ui_text_width(ui, 0, fs, MENU)),
        [BAR_PLAY] = BUTTON("play", play),
        [BAR_STEP] = BUTTON("step", ui_text_width(ui, 0, fs, label(a, _("Step"), STEP_SYM))),
        [BAR_RESET] = BUTTON("reset", ui_text_width(ui, 0, fs, label(a, _("Reset"), RESET_SYM))),
        /* undo and redo: two buttons in one item (they go together) */
        [BAR_HISTORY] = {"history", ITEM_BUTTON, 2 * (ui_text_width(ui, 0, fs, UNDO) + 0.7f * margin) + 4 * s, 0, 0, 0,
                         0, 0},
        [BAR_TIMELINE] = SLIDER("timeline", timeline_label(a), tl_value, 0.6f),
        [BAR_SPEED] = SLIDER("speed", _("steps/s"), sp_value, 0.4f),
        [BAR_PLOT] = BUTTON("plot", ui_text_width(ui, 0, fs, _("Plot"))),
        [BAR_3D] = BUTTON("3d", ui_text_width(ui, 0, fs, "3D")),
        [BAR_SHOT] = BUTTON("shot", ui_text_width(ui, 0, fs, "PNG")),
        [BAR_GIF] = BUTTON("gif", ui_text_width(ui, 0, fs, "GIF")),
        [BAR_MP4] = BUTTON("mp4", ui_text_width(ui, 0, fs, "MP4")),
        [BAR_HELP] = BUTTON("help", ui_text_width(ui, 0, fs, _("Help"))),
        [BAR_MORE] = BUTTON("more", ui_text_width(ui, 0, fs, MORE)),
    };
#undef BUTTON
#undef SLIDER
    memset(out->item, 0, sizeof out->item);
    shown_items(a, out->shown);
    out->value_w[BAR_TIMELINE] = tl_value, out->value_w[BAR_SPEED] = sp_value;
    out->row_h = (gs_theme.bar_h - 14) * s;
    int in_order[BAR_ITEMS], buttons_first[BAR_ITEMS], n = 0, nb = 0;
    for (int i = 0; i < BAR_ITEMS; i++)
        if (out->shown[i]) {
            in_order[n++] = i;
            if (items[i].kind == ITEM_BUTTON)
                buttons_first[nb++] = i;
        }
    for (int i = 0, k = nb; i < BAR_ITEMS; i++)
        if (out->shown[i] && items[i].kind == ITEM_SLIDER)
            buttons_first[k++] = i;
    flow_rows(items, in_order, n, s, x, y, w, out);
    if (out->rows > 1) {
        BarFlow alt = *out;
        flow_rows(items, buttons_first, n, s, x, y, w, &alt);
        if (alt.rows < out->rows)
            *out = alt;
    }
}

/* The bar's items in rows (flow_items); where that takes more than two rows, with
 * the buttons' margins cut when that saves one. */
static void bar_flow(const App *a, float s, float x, float y, float w, BarFlow *out)
{
    flow_items(a, s, 28 * s, x, y, w, out);
    if (out->rows <= 2)
        return;
    BarFlow tight;
    flow_items(a, s, 16 * s, x, y, w, &tight);
    if (tight.rows < out->rows)
        *out = tight;
}

static float bar_size(const App *a, const FrameLayout *f, float room_w, float room_h)
{
    (void)room_h;
    BarFlow flow;
    bar_flow(a, f->scale, 0, 0, room_w, &flow);
    return (float)flow.rows * (flow.row_h + 7 * f->scale) + 7 * f->scale;
}

static void bar_input(App *a, const Panel *p, const Input *in)
{
    (void)in;
    UiContext *ui = &a->ui;
    BarFlow flow;
    bar_flow(a, a->frame.scale, p->x, p->y, p->w, &flow);
    const BarItem *it = flow.item;
    ui_push_id(ui, "bar");
    draw_rect(ui->dl, p->x, p->y, p->w, p->h, 0, ui->theme->panel);
#define AT(i) ui_get_id(ui, it[i].name), it[i].x, it[i].y, it[i].w, it[i].h
#define SHOWN(i) flow.shown[i]
    if (SHOWN(BAR_MENU) && ui_button_at(ui, AT(BAR_MENU), MENU, a->drawer != 0))
        app_act(a, ACT_DRAWER);
    if (ui_button_at(ui, AT(BAR_PLAY), a->playing ? label(a, _("Pause"), PAUSE_SYM) : label(a, _("Play"), PLAY_SYM),
                     a->playing))
        app_act(a, ACT_PLAY_PAUSE);
    if (ui_button_at(ui, AT(BAR_STEP), label(a, _("Step"), STEP_SYM), 0))
        app_act(a, ACT_STEP_FORWARD);
    if (ui_button_at(ui, AT(BAR_RESET), label(a, _("Reset"), RESET_SYM), 0))
        app_act(a, ACT_RESTART);
    /* after the UI pass (the scene is replaced, under the panels still to come) */
    const BarItem *h = &it[BAR_HISTORY];
    float half = 0.5f * (h->w - 4 * a->frame.scale);
    if (ui_button_at(ui, ui_get_id(ui, "undo"), h->x, h->y, half, h->h, UNDO, 0))
        a->changes.history = -1;
    if (ui_button_at(ui, ui_get_id(ui, "redo"), h->x + h->w - half, h->y, half, h->h, REDO, 0))
        a->changes.history = 1;
    double t = app_step(a); /* the step shown, as in the legend and the plot */
    char fmt[48];
    timeline_format(a, fmt, sizeof fmt);
    const UiSlider timeline = {0, a->scene.steps > 0 ? a->scene.steps : 1, 0, fmt, NULL, NULL,
                               flow.value_w[BAR_TIMELINE]};
    if (ui_slider_at(ui, AT(BAR_TIMELINE), timeline_label(a), &t, &timeline) & UI_CHANGED) {
        a->t = floor(t + 0.5);
        a->playing = 0;
    }
    if (SHOWN(BAR_SPEED)) {
        const UiSlider speed = {1, 100000, 1, "%.0f", fix_speed, NULL, flow.value_w[BAR_SPEED]};
        /* TRANSLATORS: the animation speed slider's label: steps per second */
        ui_slider_at(ui, AT(BAR_SPEED), _("steps/s"), &a->speed, &speed);
    }
    if (SHOWN(BAR_PLOT) && ui_button_at(ui, AT(BAR_PLOT), _("Plot"), a->plot.show))
        app_act(a, ACT_TOGGLE_PLOT);
    if (SHOWN(BAR_3D) && ui_button_at(ui, AT(BAR_3D), "3D", a->view3d))
        app_act(a, ACT_TOGGLE_3D);
    if (SHOWN(BAR_SHOT) && ui_button_at(ui, AT(BAR_SHOT), "PNG", 0))
        app_act(a, ACT_SCREENSHOT);
    if (SHOWN(BAR_GIF) && ui_button_at(ui, AT(BAR_GIF), "GIF", a->anim && !strstr(a->anim_path, ".mp4")))
        app_act(a, ACT_EXPORT_GIF);
    if (SHOWN(BAR_MP4) && ui_button_at(ui, AT(BAR_MP4), "MP4", a->anim && strstr(a->anim_path, ".mp4")))
        app_act(a, ACT_EXPORT_MP4);
    if (SHOWN(BAR_HELP) && ui_button_at(ui, AT(BAR_HELP), _("Help"), a->show_help))
        app_act(a, ACT_HELP);
    if (SHOWN(BAR_MORE) && ui_button_at(ui, AT(BAR_MORE), MORE, a->bar_more))
        a->bar_more = !a->bar_more;
#undef SHOWN
#undef AT
    ui_pop_id(ui);
}

const PanelClass panel_bar = {
    .name = "bar",
    .size = bar_size,
    .input = bar_input,
    .draw = panel_draw_recorded,
};
