/* panel_bar: the bar under the map: play/pause, step, restart, the timeline, the
 * animation speed, save a PNG, help. */
#include "app.h"

#include <math.h>
#include <stdio.h>

static double fix_speed(const void *user, double v)
{
    (void)user;
    /* the range the +/- keys allow: 0 or less would stall the animation */
    return v < 1 ? 1 : (v > 1e6 ? 1e6 : v);
}

static float bar_size(const App *a, const FrameLayout *f, float room)
{
    (void)a, (void)room;
    return gs_theme.bar_h * f->scale;
}

static void bar_input(App *a, const Panel *p, const Input *in)
{
    (void)in;
    UiContext *ui = &a->ui;
    DrawList *dl = ui->dl;
    float s = a->frame.scale;
    ui_push_id(ui, "bar");
    draw_rect(dl, p->x, p->y, p->w, p->h, 0, ui->theme->panel);
    float bh = p->h - 14 * s, by = p->y + 7 * s, x = p->x + 10 * s;
    float bw = 80 * s;
    if (ui_button_at(ui, ui_get_id(ui, "play"), x, by, bw, bh, a->playing ? "Pause" : "Play", a->playing))
        app_act(a, ACT_PLAY_PAUSE);
    x += bw + 6 * s;
    if (ui_button_at(ui, ui_get_id(ui, "step"), x, by, 60 * s, bh, "Step", 0))
        app_act(a, ACT_STEP_FORWARD);
    x += 66 * s;
    if (ui_button_at(ui, ui_get_id(ui, "reset"), x, by, 64 * s, bh, "Reset", 0))
        app_act(a, ACT_RESTART);
    x += 76 * s;
    /* timeline */
    float rest = p->x + p->w - x - 10 * s;
    float tl_w = rest * 0.48f;
    double t = floor(a->t); /* the step shown, as in the legend */
    char fmt[48];
    snprintf(fmt, sizeof fmt, "%%.0f / %d", a->scene.steps);
    const UiSlider timeline = {0, a->scene.steps > 0 ? a->scene.steps : 1, 0, fmt, NULL, NULL};
    if (ui_slider_at(ui, ui_get_id(ui, "timeline"), x, by, tl_w, bh, "step", &t, &timeline) & UI_CHANGED) {
        a->t = floor(t + 0.5);
        a->playing = 0;
    }
    x += tl_w + 14 * s;
    const UiSlider speed = {1, 100000, 1, "%.0f", fix_speed, NULL};
    ui_slider_at(ui, ui_get_id(ui, "speed"), x, by, rest * 0.30f, bh, "steps/s", &a->speed, &speed);
    x += rest * 0.30f + 10 * s;
    float rw = p->x + p->w - 10 * s - x;
    float b2 = (rw - 6 * s) * 0.5f;
    if (ui_button_at(ui, ui_get_id(ui, "shot"), x, by, b2, bh, "Save PNG", 0))
        app_act(a, ACT_SCREENSHOT);
    if (ui_button_at(ui, ui_get_id(ui, "help"), x + b2 + 6 * s, by, b2, bh, "Help", a->show_help))
        app_act(a, ACT_HELP);
    ui_pop_id(ui);
}

const PanelClass panel_bar = {
    .name = "bar",
    .size = bar_size,
    .input = bar_input,
    .draw = panel_draw_recorded,
};
