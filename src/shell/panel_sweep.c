/* panel_sweep: the hyperparameter map of a run, beside the map: a cell per pair of
 * values of two of its hyperparameters, coloured by the outcome of the whole run
 * with them (app_maps.c), the run's own setting ringed, the axes labelled with
 * their ends (a click on an axis's name takes another of the run's keys). */
#include "app.h"

#include <math.h>
#include <stdio.h>

/* Where the map's grid sits in the panel. */
typedef struct SweepBox {
    float x, y, side, fs;
} SweepBox;

static void sweep_box(const App *a, const Panel *p, float s, SweepBox *b)
{
    (void)a;
    float pad = 16 * s;
    b->fs = gs_theme.map_font * s;
    float title = 2.4f * b->fs, below = 2.6f * b->fs, left = 3.5f * b->fs;
    b->side = fminf(p->w - 2 * pad - left, p->h - title - below - 2 * pad);
    if (b->side < 8)
        b->side = 8;
    b->x = p->x + pad + left + 0.5f * (p->w - 2 * pad - left - b->side);
    b->y = p->y + pad + title;
}

static int shown(const App *a) { return a->maps.want == MAPS_HYPER || (a->maps.kind == MAPS_HYPER && a->maps.image); }

static float sweep_size(const App *a, const FrameLayout *f, float room_w, float room_h)
{
    if (!shown(a))
        return 0;
    float s = f->scale, fs = gs_theme.map_font * s;
    /* as wide as a square map of the height allows, within 45% of the room */
    float w = fminf(room_h - 1.5f * fs, 0.45f * room_w);
    return w < 160 * s ? 0 : w;
}

/* The position in [0, 1] of value v along an axis (cell centres at the ends). */
static float axis_at(const SweepAxis *ax, double v)
{
    double t = ax->log ? (log10(v) - log10(ax->lo)) / (log10(ax->hi) - log10(ax->lo)) : (v - ax->lo) / (ax->hi - ax->lo);
    return (float)(((t * (ax->n - 1)) + 0.5) / ax->n);
}

static void sweep_draw(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    const Maps *m = &a->maps;
    const Theme *th = &gs_theme;
    if (!shown(a) || p->w < 1)
        return;
    float s = f->scale;
    SweepBox b;
    sweep_box(a, p, s, &b);
    draw_rect(dl, p->x, p->y, p->w, p->h, 0, th->card);
    if (m->kind != MAPS_HYPER || !m->image) {
        draw_text(dl, b.x, p->y + 16 * s, b.fs * 1.1f, 1, th->text_strong, "Computing the hyperparameter map\xe2\x80\xa6",
                  -1);
        return;
    }
    const Run *r = &a->scene.run[m->run];
    const HyperInfo *h0 = optim_hyper(m->axis[0].key), *h1 = optim_hyper(m->axis[1].key);
    char line[256];
    snprintf(line, sizeof line, "%s: %s over %s \xc3\x97 %s", r->label, m->metric ? "steps to the tolerance" : "final loss",
             h0->symbol, h1->symbol);
    draw_text(dl, b.x, p->y + 16 * s, b.fs * 1.1f, 1, th->text_strong, line, -1);
    draw_image(dl, b.x, b.y, b.side, b.side, m->image, m->nx, m->ny, m->version, 1.0f);
    /* the run's own setting */
    float cx = b.x + axis_at(&m->axis[0], r->hp[m->axis[0].key]) * b.side;
    float cy = b.y + (1.0f - axis_at(&m->axis[1], r->hp[m->axis[1].key])) * b.side;
    if (cx >= b.x && cx <= b.x + b.side && cy >= b.y && cy <= b.y + b.side) {
        draw_circle(dl, cx, cy, 7 * s, 0, 3.5f * s, th->marker_outline);
        draw_circle(dl, cx, cy, 6 * s, 0, 2 * s, app_run_rgba(r));
    }
    /* the axes: their ends and names */
    float fs = b.fs * 0.9f;
    char lo[32], hi[32];
    snprintf(lo, sizeof lo, "%.3g", m->axis[0].lo), snprintf(hi, sizeof hi, "%.3g", m->axis[0].hi);
    draw_text(dl, b.x, b.y + b.side + 4 * s, fs, 0, th->text_dim, lo, -1);
    draw_text(dl, b.x + b.side - ui_text_width(&a->ui, 0, fs, hi), b.y + b.side + 4 * s, fs, 0, th->text_dim, hi, -1);
    snprintf(line, sizeof line, "%s%s", h0->symbol, m->axis[0].log ? " (log)" : "");
    draw_text(dl, b.x + 0.5f * (b.side - ui_text_width(&a->ui, 1, fs, line)), b.y + b.side + 4 * s, fs, 1, th->text,
              line, -1);
    snprintf(lo, sizeof lo, "%.3g", m->axis[1].lo), snprintf(hi, sizeof hi, "%.3g", m->axis[1].hi);
    draw_text(dl, b.x - ui_text_width(&a->ui, 0, fs, hi) - 6 * s, b.y, fs, 0, th->text_dim, hi, -1);
    draw_text(dl, b.x - ui_text_width(&a->ui, 0, fs, lo) - 6 * s, b.y + b.side - fs * 1.2f, fs, 0, th->text_dim, lo, -1);
    snprintf(line, sizeof line, "%s%s", h1->symbol, m->axis[1].log ? " (log)" : "");
    draw_text(dl, b.x - ui_text_width(&a->ui, 1, fs, line) - 6 * s, b.y + 0.5f * b.side, fs, 1, th->text, line, -1);
    /* the key */
    float ky = b.y + b.side + fs * 1.5f + 8 * s;
    draw_rect(dl, b.x, ky + 0.2f * fs, fs, fs, 2 * s, 0x8E1B1BFFu);
    draw_text(dl, b.x + 1.5f * fs, ky, fs, 0, th->text_dim, m->metric ? "diverged;  dark: soon, light: late"
                                                                         : "diverged;  dark: low loss, light: high", -1);
    /* the cell under the mouse, and what its run came to (in the window only) */
    if (f->controls && m->hover >= 0 && m->hover < m->nx * m->ny && m->out) {
        const SceneOutcome *o = &m->out[m->hover];
        char what[96];
        if (o->diverged_at >= 0)
            snprintf(what, sizeof what, "diverged at step %d", o->diverged_at);
        else if (o->steps_to_tol >= 0)
            snprintf(what, sizeof what, "loss %.4g, reached %.3g at step %d", o->final_loss, m->tol, o->steps_to_tol);
        else
            snprintf(what, sizeof what, "final loss %.4g", o->final_loss);
        snprintf(line, sizeof line, "%s=%.4g  %s=%.4g:  %s", h0->symbol, sweep_value(&m->axis[0], m->hover % m->nx),
                 h1->symbol, sweep_value(&m->axis[1], m->hover / m->nx), what);
        draw_text(dl, b.x, ky + 1.6f * fs, fs, 0, th->text, line, -1);
    }
}

/* Hovering shows a cell's values and outcome; a click gives the run its values; a
 * click on an axis's name puts the run's next hyperparameter on it. */
static void sweep_input(App *a, const Panel *p, const Input *in)
{
    Maps *m = &a->maps;
    m->hover = -1;
    if (!shown(a) || m->kind != MAPS_HYPER || !m->image || p->w < 1 || a->ui.mouse_used)
        return;
    SweepBox b;
    sweep_box(a, p, a->frame.scale, &b);
    /* an axis's name: the next of the run's hyperparameters on that axis */
    float fs = b.fs * 0.9f, mx = in->mouse_x, my = in->mouse_y;
    int on_x = my >= b.y + b.side && my < b.y + b.side + 1.4f * fs && mx > b.x + 0.25f * b.side &&
               mx < b.x + 0.75f * b.side;
    int on_y = mx < b.x && mx > b.x - 3.5f * b.fs && my > b.y + 0.35f * b.side && my < b.y + 0.65f * b.side;
    if (in->mouse_pressed && (on_x || on_y)) {
        app_maps_next_key(a, on_x ? 0 : 1);
        a->ui.mouse_used = 1;
        return;
    }
    float u = (in->mouse_x - b.x) / b.side, v = (in->mouse_y - b.y) / b.side;
    if (!(u >= 0 && u < 1 && v >= 0 && v < 1))
        return;
    int i = (int)(u * (float)m->nx), j = m->ny - 1 - (int)(v * (float)m->ny);
    m->hover = j * m->nx + i;
    if (in->mouse_pressed && m->run < a->scene.n_runs) {
        Run *r = &a->scene.run[m->run];
        r->hp[m->axis[0].key] = sweep_value(&m->axis[0], i);
        r->hp[m->axis[1].key] = sweep_value(&m->axis[1], j);
        a->changes.runs |= 1u << m->run;
        a->ui.mouse_used = 1;
    }
}

const PanelClass panel_sweep = {
    .name = "sweep",
    .size = sweep_size,
    .input = sweep_input,
    .draw = sweep_draw,
};
