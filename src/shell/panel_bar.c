/* panel_bar: the bar under the map: play/pause, step, restart, undo and redo, the
 * timeline, the
 * animation speed, the plot on or off, 2D or 3D, save a PNG, export a GIF or MP4,
 * help. Its
 * items flow into as many rows as the width needs (each item at least wide enough
 * for its text), and the bar is as tall as its rows: it reflows rather than
 * squashing. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { BAR_ITEMS = 12, ITEM_BUTTON = 0, ITEM_SLIDER = 1 };

typedef struct BarItem {
    const char *name;
    int kind;
    float min_w, flex;    /* width it needs, and its share of what is left in its row */
    float x, y, w, h;     /* placed */
} BarItem;

typedef struct BarFlow {
    BarItem item[BAR_ITEMS];
    int rows;
    float row_h, value_w[BAR_ITEMS];
} BarFlow;

#define UNDO "\xe2\x86\xb6" /* the arrows of undo and redo */
#define REDO "\xe2\x86\xb7"

static double fix_speed(const void *user, double v)
{
    (void)user;
    /* the range the +/- keys allow: 0 or less would stall the animation */
    return v < 1 ? 1 : (v > 1e6 ? 1e6 : v);
}

static void timeline_format(const App *a, char *fmt, size_t cap) { snprintf(fmt, cap, "%%.0f / %d", a->scene.steps); }

/* The items in the order given, in rows across width w from (x, y). */
static void flow_rows(const BarItem *items, const int *order, float s, float x, float y, float w, BarFlow *out)
{
    float pad = 10 * s, gap = 6 * s, avail = w - 2 * pad;
    out->rows = 0;
    for (int i = 0; i < BAR_ITEMS;) {
        /* the items that fit in this row (at least one) */
        int end = i;
        float used = 0, flex = 0;
        while (end < BAR_ITEMS && (end == i || used + gap + items[order[end]].min_w <= avail)) {
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
    float play = fmaxf(ui_text_width(ui, 0, fs, "Pause"), ui_text_width(ui, 0, fs, "Play"));
#define BUTTON(n, text_w) {n, ITEM_BUTTON, (text_w) + margin, 0, 0, 0, 0, 0}
#define SLIDER(n, label, value, flex) \
    {n, ITEM_SLIDER, ui_text_width(ui, 0, fs, label) + 10 * s + (value) + 6 * s + 90 * s, flex, 0, 0, 0, 0}
    const BarItem items[BAR_ITEMS] = {
        BUTTON("play", play),
        BUTTON("step", ui_text_width(ui, 0, fs, "Step")),
        BUTTON("reset", ui_text_width(ui, 0, fs, "Reset")),
        /* undo and redo: two buttons in one item (they go together) */
        {"history", ITEM_BUTTON, 2 * (ui_text_width(ui, 0, fs, UNDO) + 0.7f * margin) + 4 * s, 0, 0, 0, 0, 0},
        SLIDER("timeline", "step", tl_value, 0.6f),
        SLIDER("speed", "steps/s", sp_value, 0.4f),
        BUTTON("plot", ui_text_width(ui, 0, fs, "Plot")),
        BUTTON("3d", ui_text_width(ui, 0, fs, "3D")),
        BUTTON("shot", ui_text_width(ui, 0, fs, "PNG")),
        BUTTON("gif", ui_text_width(ui, 0, fs, "GIF")),
        BUTTON("mp4", ui_text_width(ui, 0, fs, "MP4")),
        BUTTON("help", ui_text_width(ui, 0, fs, "Help")),
    };
#undef BUTTON
#undef SLIDER
    out->value_w[4] = tl_value, out->value_w[5] = sp_value;
    out->row_h = (gs_theme.bar_h - 14) * s;
    static const int IN_ORDER[BAR_ITEMS] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                     BUTTONS_FIRST[BAR_ITEMS] = {0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 4, 5};
    flow_rows(items, IN_ORDER, s, x, y, w, out);
    if (out->rows > 1) {
        BarFlow alt = *out;
        flow_rows(items, BUTTONS_FIRST, s, x, y, w, &alt);
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
    if (ui_button_at(ui, AT(0), a->playing ? "Pause" : "Play", a->playing))
        app_act(a, ACT_PLAY_PAUSE);
    if (ui_button_at(ui, AT(1), "Step", 0))
        app_act(a, ACT_STEP_FORWARD);
    if (ui_button_at(ui, AT(2), "Reset", 0))
        app_act(a, ACT_RESTART);
    /* after the UI pass (the scene is replaced, under the panels still to come) */
    float half = 0.5f * (it[3].w - 4 * a->frame.scale);
    if (ui_button_at(ui, ui_get_id(ui, "undo"), it[3].x, it[3].y, half, it[3].h, UNDO, 0))
        a->changes.history = -1;
    if (ui_button_at(ui, ui_get_id(ui, "redo"), it[3].x + it[3].w - half, it[3].y, half, it[3].h, REDO, 0))
        a->changes.history = 1;
    double t = app_step(a); /* the step shown, as in the legend and the plot */
    char fmt[48];
    timeline_format(a, fmt, sizeof fmt);
    const UiSlider timeline = {0, a->scene.steps > 0 ? a->scene.steps : 1, 0, fmt, NULL, NULL, flow.value_w[4]};
    if (ui_slider_at(ui, AT(4), "step", &t, &timeline) & UI_CHANGED) {
        a->t = floor(t + 0.5);
        a->playing = 0;
    }
    const UiSlider speed = {1, 100000, 1, "%.0f", fix_speed, NULL, flow.value_w[5]};
    ui_slider_at(ui, AT(5), "steps/s", &a->speed, &speed);
    if (ui_button_at(ui, AT(6), "Plot", a->plot.show))
        app_act(a, ACT_TOGGLE_PLOT);
    if (ui_button_at(ui, AT(7), "3D", a->view3d))
        app_act(a, ACT_TOGGLE_3D);
    if (ui_button_at(ui, AT(8), "PNG", 0))
        app_act(a, ACT_SCREENSHOT);
    if (ui_button_at(ui, AT(9), "GIF", a->anim && !strstr(a->anim_path, ".mp4")))
        app_act(a, ACT_EXPORT_GIF);
    if (ui_button_at(ui, AT(10), "MP4", a->anim && strstr(a->anim_path, ".mp4")))
        app_act(a, ACT_EXPORT_MP4);
    if (ui_button_at(ui, AT(11), "Help", a->show_help))
        app_act(a, ACT_HELP);
#undef AT
    ui_pop_id(ui);
}

const PanelClass panel_bar = {
    .name = "bar",
    .size = bar_size,
    .input = bar_input,
    .draw = panel_draw_recorded,
};
