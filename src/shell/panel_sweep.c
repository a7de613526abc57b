/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel_sweep: the hyperparameter map of a run, beside the map: a cell per pair of
 * values of two of its hyperparameters, coloured by the outcome of the whole run
 * with them (app_maps.c), the run's own setting ringed, the axes with ticks at
 * 1-2-5 x 10^k (decades on log axes), a colour bar with the losses, the diverged
 * share in the key (a click on an axis's name takes another of the run's keys).
 * For an optimizer with one main key (SGD, Adagrad), a curve: the final loss
 * against the learning rate, diverged values marked along the bottom, the run's
 * own value a line across.
 *
 * Invariants: every text stays inside the panel and off the grid: in a narrow
 * panel (one shared with the update-rule card) the text shrinks, to a floor, and
 * the title then wraps rather than run into what is beside it. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "ticks.h"

#define SWEEP_PAD 16.0f
#define SWEEP_MIN_W 160.0f    /* the panel's narrowest alone, at UI scale 1 */
#define SWEEP_MIN_SIDE 96.0f  /* the grid's smallest side in a column shared with the card */
#define SWEEP_LEAST_SIDE 160.0f /* ... and the most it insists on there */
#define SWEEP_FLOOR 0.7f      /* the smallest text, times the map font */
#define SWEEP_TITLE_LINES 3

/* Where the map's grid and its text sit in the panel. */
typedef struct SweepBox {
    float x, y, side;         /* the grid (or the curve's plot) */
    float fs;                 /* the axes' and the key's text size */
    float left;               /* room left of the grid for the y axis's labels */
    float below;              /* room under the grid: axis labels, key, the cell under the mouse */
    float name_dy, key_dy, hover_dy; /* under the grid's bottom: the x axis's name, the key, the cell */
    float tx, ty, tfs, th;    /* the title: place, size and height */
    int title_lines, title_starts[SWEEP_TITLE_LINES];
    char title[200];
} SweepBox;

static int shown(const App *a) { return a->maps.want == MAPS_HYPER || (a->maps.kind == MAPS_HYPER && a->maps.image); }

static int computed(const App *a) { return a->maps.kind == MAPS_HYPER && a->maps.image; }

/* A curve over one key (the learning-rate range test), not a map over two. */
static int curve(const Maps *m) { return m->axis[1].n < 1; }

/* The diverged share, as the key writes it. */
static void diverged_text(const Maps *m, char *out, size_t cap)
{
    int n = m->nx * m->ny, d = 0;
    for (int c = 0; m->out && c < n; c++)
        d += m->out[c].diverged_at >= 0 || !isfinite(m->out[c].final_loss);
    /* TRANSLATORS: the hyperparameter map's key: how many of its cells' runs diverged */
    snprintf(out, cap, _("diverged: %d of %d (%.0f%%)"), d, n, n > 0 ? 100.0 * d / n : 0.0);
}

/* An axis's labelled ticks. */
static int axis_ticks(const SweepAxis *ax, Tick *t)
{
    return ax->log ? ticks_log(ax->lo, ax->hi, 5, t) : ticks_linear(ax->lo, ax->hi, 5, t);
}

/* The curve's y axis: log10 of the final loss above the floor (or the steps to
 * the tolerance, linear), over [lo, hi]. */
static int curve_y_ticks(const Maps *m, Tick *t, double *lo, double *hi)
{
    if (m->metric) {
        int steps = 1;
        for (int c = 0; m->out && c < m->nx; c++)
            steps = m->out[c].steps_to_tol > steps ? m->out[c].steps_to_tol : steps;
        *lo = 0, *hi = steps;
        return ticks_linear(0, steps, 5, t);
    }
    *lo = m->value_lo, *hi = m->value_hi;
    return ticks_log(pow(10.0, *lo), pow(10.0, *hi), 5, t);
}

/* The y axis's tick labels' widest. */
static float y_labels_w(const App *a, float fs)
{
    const Maps *m = &a->maps;
    Tick t[TICKS_MAX];
    double lo, hi;
    int n = curve(m) ? curve_y_ticks(m, t, &lo, &hi) : axis_ticks(&m->axis[1], t);
    float w = 0;
    for (int i = 0; i < n; i++)
        w = fmaxf(w, ui_text_width(&a->ui, 0, fs, t[i].label));
    return w;
}

/* An axis's name: the hyperparameter's symbol, and "(log)" on a log axis. */
static void axis_name(const SweepAxis *ax, char *out, size_t cap)
{
    if (ax->log)
        /* TRANSLATORS: an axis's name on the hyperparameter map: a hyperparameter's symbol (lr, β₁), on a log scale */
        snprintf(out, cap, _("%s (log)"), optim_hyper(ax->key)->symbol);
    else
        snprintf(out, cap, "%s", optim_hyper(ax->key)->symbol);
}

/* The curve's y axis's name. */
static const char *curve_y_name(const Maps *m)
{
    /* TRANSLATORS: the name of the learning-rate curve's y axis: the steps to the tolerance, or the final loss
     * (above the surface's minimum: "loss − min") */
    return m->metric ? _("steps") : m->floor != 0 ? _("loss \xe2\x88\x92 min") : _("loss");
}

/* The box of a panel w x h at (x, y), at scale s. */
static void sweep_box_at(const App *a, float x, float y, float w, float h, float s, SweepBox *b)
{
    const Maps *m = &a->maps;
    float pad = SWEEP_PAD * s, inner = w - 2 * pad, base = gs_theme.map_font * s;
    b->fs = fmaxf(fminf(base, base * inner / fmaxf(22 * base, 1)), SWEEP_FLOOR * base);
    if (computed(a)) {
        const Run *r = &a->scene.run[m->run];
        const char *kx = optim_hyper(m->axis[0].key)->symbol, *ky = curve(m) ? "" : optim_hyper(m->axis[1].key)->symbol;
        const char *fmt;
        if (curve(m) && m->metric)
            /* TRANSLATORS: the learning-rate curve's title: the run's name, then a hyperparameter's symbol (lr) */
            fmt = _("%s: steps to the tolerance against %s");
        else if (curve(m))
            fmt = _("%s: final loss against %s");
        else if (m->metric)
            /* TRANSLATORS: the hyperparameter map's title: the run's name, then two hyperparameters' symbols (lr × β₁) */
            fmt = _("%s: steps to the tolerance over %s \xc3\x97 %s");
        else
            fmt = _("%s: final loss over %s \xc3\x97 %s");
        snprintf(b->title, sizeof b->title, fmt, r->label, kx, ky);
    } else {
        snprintf(b->title, sizeof b->title, _("Computing the hyperparameter map\xe2\x80\xa6 %.0f%%"),
                 100.0 * app_maps_progress(a));
    }
    /* the title: its size shrinks to fit the width, then it wraps */
    float tfs = 1.1f * base, tw = ui_text_width(&a->ui, 1, tfs, b->title);
    b->tfs = roundf(fmaxf(fminf(tfs, tfs * inner / fmaxf(tw, 1)), SWEEP_FLOOR * tfs));
    b->title_lines = ui_wrap(&a->ui, 1, b->tfs, b->title, inner, b->title_starts, SWEEP_TITLE_LINES);
    /* the y axis's tick labels, left of the grid, and its name over them (under the
     * title) */
    float lfs = 0.9f * b->fs;
    b->th = (float)b->title_lines * 1.3f * b->tfs + 0.8f * b->fs + (computed(a) ? 1.5f * lfs : 0);
    b->left = 3.5f * b->fs;
    if (computed(a)) {
        char name[64];
        if (curve(m))
            snprintf(name, sizeof name, "%s", curve_y_name(m));
        else
            axis_name(&m->axis[1], name, sizeof name);
        b->left = fmaxf(b->left, fmaxf(y_labels_w(a, lfs), ui_text_width(&a->ui, 1, lfs, name)) + 8 * s);
    }
    /* under the grid: the x axis's tick labels, its name, the key (a colour bar with
     * its numbers, for a map; the diverged share), a line for the cell under the mouse */
    b->name_dy = 4 * s + 1.3f * lfs;
    b->key_dy = b->name_dy + 1.5f * lfs + 4 * s;
    b->hover_dy = b->key_dy + (computed(a) && !curve(m) ? 2.4f * lfs : 0) + 1.5f * lfs;
    b->below = b->hover_dy + 1.3f * lfs;
    b->side = fminf(inner - b->left, h - 2 * pad - b->th - b->below);
    if (b->side < 8)
        b->side = 8;
    b->x = x + pad + b->left + 0.5f * (inner - b->left - b->side);
    b->y = y + pad + b->th;
    /* the title over the grid's left edge when it fits there, else at the pad */
    float widest = 0;
    for (int i = 0; i < b->title_lines; i++) {
        int end = i + 1 < b->title_lines ? b->title_starts[i + 1] : (int)strlen(b->title);
        widest = fmaxf(widest, ui_text_width_n(&a->ui, 1, b->tfs, b->title + b->title_starts[i],
                                               end - b->title_starts[i]));
    }
    b->tx = b->x + widest <= x + w - pad ? b->x : x + pad;
    b->ty = y + pad;
}

static void sweep_box(const App *a, const Panel *p, float s, SweepBox *b)
{
    sweep_box_at(a, p->x, p->y, p->w, p->h, s, b);
}

static float sweep_size(const App *a, const FrameLayout *f, float room_w, float room_h)
{
    if (!shown(a))
        return 0;
    float s = f->scale, fs = gs_theme.map_font * s;
    /* as wide as a square map of the height allows, within 45% of the room */
    float w = fminf(room_h - 1.5f * fs, 0.45f * room_w);
    return w < SWEEP_MIN_W * s ? 0 : w;
}

/* In a column with the card: the height that shows the grid as a square of the
 * width, down to h but not below a square of half the width (at least
 * SWEEP_MIN_SIDE, at most SWEEP_LEAST_SIDE); 0 when the width is too narrow for
 * the smallest. */
static float sweep_height(const App *a, const FrameLayout *f, float w, float h)
{
    if (!shown(a))
        return 0;
    float s = f->scale;
    SweepBox b;
    sweep_box_at(a, 0, 0, w, h, s, &b);
    float side = w - 2 * SWEEP_PAD * s - b.left, rest = 2 * SWEEP_PAD * s + b.th + b.below;
    if (side < SWEEP_MIN_SIDE * s)
        return 0;
    return fmaxf(fminf(rest + side, h), rest + fmaxf(fminf(0.5f * side, SWEEP_LEAST_SIDE * s), SWEEP_MIN_SIDE * s));
}

/* The position in [0, 1] of value v along an axis (cell centres at the ends). */
static float axis_at(const SweepAxis *ax, double v)
{
    double t = ax->log ? (log10(v) - log10(ax->lo)) / (log10(ax->hi) - log10(ax->lo)) : (v - ax->lo) / (ax->hi - ax->lo);
    return (float)(((t * (ax->n - 1)) + 0.5) / ax->n);
}

/* The position in [0, 1] of value v along a curve's x axis (ends at the edges). */
static float curve_at(const SweepAxis *ax, double v)
{
    double t = ax->log ? (log10(v) - log10(ax->lo)) / (log10(ax->hi) - log10(ax->lo)) : (v - ax->lo) / (ax->hi - ax->lo);
    return (float)t;
}

/* A line of text at (x, y) that ends by the panel's right edge (less its pad):
 * moved left, as far as x_min, then wrapped. */
static void text_in(const App *a, const Panel *p, float s, DrawList *dl, float x, float x_min, float y, float fs,
                    int font, unsigned rgba, const char *text)
{
    float right = p->x + p->w - SWEEP_PAD * s, w = ui_text_width(&a->ui, font, fs, text);
    x = fmaxf(fminf(x, right - w), x_min);
    int starts[UI_WRAP_MAX], n = ui_wrap(&a->ui, font, fs, text, right - x, starts, UI_WRAP_MAX);
    for (int i = 0; i < n; i++) {
        int end = i + 1 < n ? starts[i + 1] : (int)strlen(text);
        draw_text(dl, x, y + (float)i * 1.3f * fs, fs, font, rgba, text + starts[i], end - starts[i]);
    }
}

/* The x axis's ticks and name under the grid; the y axis's ticks (and its name
 * above them) left of it. pos_x, pos_y: a value's place along the side, 0 to 1. */
static void draw_axes(const App *a, const Panel *p, const SweepBox *b, float s, DrawList *dl, const Tick *tx, int nx,
                      float (*pos_x)(const SweepAxis *, double), const SweepAxis *ax_x, const Tick *ty, int ny,
                      const float *ty_pos, const char *x_name, const char *y_name)
{
    const Theme *th = &gs_theme;
    float fs = b->fs * 0.9f, tick = 4 * s;
    for (int i = 0; i < nx; i++) {
        float x = b->x + pos_x(ax_x, tx[i].v) * b->side, w = ui_text_width(&a->ui, 0, fs, tx[i].label);
        draw_rect(dl, x - 0.5f * s, b->y + b->side, 1.0f * s, tick, 0, th->text_dim);
        float lx = fminf(fmaxf(x - 0.5f * w, p->x + SWEEP_PAD * s), p->x + p->w - SWEEP_PAD * s - w);
        draw_text(dl, lx, b->y + b->side + tick, fs, 0, th->text_dim, tx[i].label, -1);
    }
    draw_text(dl, b->x + 0.5f * (b->side - ui_text_width(&a->ui, 1, fs, x_name)), b->y + b->side + b->name_dy, fs, 1,
              th->text, x_name, -1);
    for (int i = 0; i < ny; i++) {
        float y = b->y + (1.0f - ty_pos[i]) * b->side, w = ui_text_width(&a->ui, 0, fs, ty[i].label);
        draw_rect(dl, b->x - tick, y - 0.5f * s, tick, 1.0f * s, 0, th->text_dim);
        float ly = fminf(fmaxf(y - 0.6f * fs, b->y), b->y + b->side - 1.2f * fs);
        draw_text(dl, b->x - tick - 2 * s - w, ly, fs, 0, th->text_dim, ty[i].label, -1);
    }
    float nw = ui_text_width(&a->ui, 1, fs, y_name);
    draw_text(dl, fmaxf(b->x - nw - 6 * s, p->x + SWEEP_PAD * s * 0.5f), b->y - 1.35f * fs, fs, 1, th->text, y_name,
              -1);
}

/* The curve: the final loss (or steps) at each value, a line where runs ended,
 * a red mark along the bottom at each value where they diverged, the run's own
 * value a line across. */
static void draw_curve(const App *a, const Panel *p, const SweepBox *b, float s, DrawList *dl)
{
    const Maps *m = &a->maps;
    const Theme *th = &gs_theme;
    const Run *r = &a->scene.run[m->run];
    unsigned rgba = app_run_rgba(r);
    draw_rect(dl, b->x, b->y, b->side, b->side, 0, th->bg);
    Tick ty[TICKS_MAX], tx[TICKS_MAX];
    double lo, hi;
    int ny = curve_y_ticks(m, ty, &lo, &hi), nx = axis_ticks(&m->axis[0], tx);
    float ty_pos[TICKS_MAX];
    for (int i = 0; i < ny; i++) {
        double v = m->metric ? ty[i].v : log10(ty[i].v);
        ty_pos[i] = hi > lo ? (float)((v - lo) / (hi - lo)) : 0.5f;
        draw_rect(dl, b->x, b->y + (1.0f - ty_pos[i]) * b->side, b->side, 1.0f * s, 0, th->plot_grid);
    }
    char name[64];
    axis_name(&m->axis[0], name, sizeof name);
    draw_axes(a, p, b, s, dl, tx, nx, curve_at, &m->axis[0], ty, ny, ty_pos, name, curve_y_name(m));
    /* the points, joined where neighbours both ended */
    float px = 0, py = 0;
    int have = 0;
    for (int i = 0; i < m->nx; i++) {
        const SceneOutcome *o = &m->out[i];
        float x = b->x + curve_at(&m->axis[0], sweep_value(&m->axis[0], i)) * b->side;
        int gone = o->diverged_at >= 0 || !isfinite(o->final_loss) || (m->metric && o->steps_to_tol < 0);
        if (gone) {
            if (o->diverged_at >= 0 || !isfinite(o->final_loss))
                draw_rect(dl, x - 1.5f * s, b->y + b->side - 8 * s, 3 * s, 8 * s, 0, 0xD03030FFu);
            have = 0;
            continue;
        }
        double v = m->metric ? o->steps_to_tol : log10(fmax(o->final_loss - m->floor, 0.0) + 1e-12);
        float t = hi > lo ? (float)((v - lo) / (hi - lo)) : 0.5f;
        float y = b->y + (1.0f - fminf(fmaxf(t, 0.0f), 1.0f)) * b->side;
        if (have)
            draw_line(dl, px, py, x, y, 2.5f * s, rgba);
        px = x, py = y, have = 1;
    }
    /* the run's own value */
    float rx = b->x + curve_at(&m->axis[0], r->hp[m->axis[0].key]) * b->side;
    if (rx >= b->x && rx <= b->x + b->side) {
        draw_rect(dl, rx - 1.0f * s, b->y, 2.0f * s, b->side, 0, th->marker_outline);
        draw_rect(dl, rx - 0.5f * s, b->y, 1.0f * s, b->side, 0, rgba);
    }
}

/* The map's colour bar, under its x axis: the colours from dark to light with
 * the loss (or steps) they stand for. */
static void draw_colour_bar(const App *a, const Panel *p, const SweepBox *b, float s, DrawList *dl, float y)
{
    const Maps *m = &a->maps;
    const Theme *th = &gs_theme;
    float fs = b->fs * 0.9f, bw = b->side, bh = 0.8f * fs, x = b->x;
    enum { STEPS = 48 };
    for (int i = 0; i < STEPS; i++)
        draw_rect(dl, x + bw * (float)i / STEPS, y, bw / STEPS + 0.5f, bh, 0,
                  render_colormap(((float)i + 0.5f) / STEPS) << 8 | 0xFFu);
    Tick t[TICKS_MAX];
    double lo = m->metric ? 0 : m->value_lo, hi = m->metric ? (a->scene.steps > 0 ? a->scene.steps : 1) : m->value_hi;
    int n = m->metric ? ticks_linear(lo, hi, 5, t) : ticks_log(pow(10.0, lo), pow(10.0, hi), 5, t);
    for (int i = 0; i < n; i++) {
        double v = m->metric ? t[i].v : log10(t[i].v);
        float tx = x + (float)((v - lo) / (hi - lo)) * bw, w = ui_text_width(&a->ui, 0, fs, t[i].label);
        draw_rect(dl, tx - 0.5f * s, y + bh, 1.0f * s, 3 * s, 0, th->text_dim);
        float lx = fminf(fmaxf(tx - 0.5f * w, p->x + SWEEP_PAD * s), p->x + p->w - SWEEP_PAD * s - w);
        draw_text(dl, lx, y + bh + 3 * s, fs, 0, th->text_dim, t[i].label, -1);
    }
    (void)p;
}

static void sweep_draw(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    const Maps *m = &a->maps;
    const Theme *th = &gs_theme;
    if (!shown(a) || p->w < 1 || p->h < 1)
        return;
    float s = f->scale;
    SweepBox b;
    sweep_box(a, p, s, &b);
    draw_rect(dl, p->x, p->y, p->w, p->h, 0, th->card);
    for (int i = 0; i < b.title_lines; i++) {
        int end = i + 1 < b.title_lines ? b.title_starts[i + 1] : (int)strlen(b.title);
        draw_text(dl, b.tx, b.ty + (float)i * 1.3f * b.tfs, b.tfs, 1, th->text_strong, b.title + b.title_starts[i],
                  end - b.title_starts[i]);
    }
    if (!computed(a)) {
        /* how far it is: a bar where the map will be */
        float w = b.side * (float)app_maps_progress(a);
        draw_rect(dl, b.x, b.y + 0.5f * b.side - 3 * s, b.side, 6 * s, 3 * s, th->widget);
        draw_rect(dl, b.x, b.y + 0.5f * b.side - 3 * s, w, 6 * s, 3 * s, th->accent);
        return;
    }
    const Run *r = &a->scene.run[m->run];
    float fs = b.fs * 0.9f;
    char line[256];
    if (curve(m)) {
        draw_curve(a, p, &b, s, dl);
    } else {
        draw_image(dl, b.x, b.y, b.side, b.side, m->image, m->nx, m->ny, m->version, 1.0f);
        /* the run's own setting */
        float cx = b.x + axis_at(&m->axis[0], r->hp[m->axis[0].key]) * b.side;
        float cy = b.y + (1.0f - axis_at(&m->axis[1], r->hp[m->axis[1].key])) * b.side;
        if (cx >= b.x && cx <= b.x + b.side && cy >= b.y && cy <= b.y + b.side) {
            draw_circle(dl, cx, cy, 7 * s, 0, 3.5f * s, th->marker_outline);
            draw_circle(dl, cx, cy, 6 * s, 0, 2 * s, app_run_rgba(r));
        }
        Tick tx[TICKS_MAX], ty[TICKS_MAX];
        int nx = axis_ticks(&m->axis[0], tx), ny = axis_ticks(&m->axis[1], ty);
        float ty_pos[TICKS_MAX];
        for (int i = 0; i < ny; i++)
            ty_pos[i] = axis_at(&m->axis[1], ty[i].v);
        char xn[64], yn[64];
        axis_name(&m->axis[0], xn, sizeof xn);
        axis_name(&m->axis[1], yn, sizeof yn);
        draw_axes(a, p, &b, s, dl, tx, nx, axis_at, &m->axis[0], ty, ny, ty_pos, xn, yn);
        draw_colour_bar(a, p, &b, s, dl, b.y + b.side + b.key_dy);
    }
    /* the key: the diverged share, in the diverged colour */
    float ky = b.y + b.side + b.key_dy + (curve(m) ? 0 : 2.4f * fs);
    char div[96];
    diverged_text(m, div, sizeof div);
    float kx = fmaxf(fminf(b.x, p->x + p->w - SWEEP_PAD * s - ui_text_width(&a->ui, 0, fs, div) - 1.5f * fs),
                     p->x + SWEEP_PAD * s);
    draw_rect(dl, kx, ky + 0.2f * fs, fs, fs, 2 * s, curve(m) ? 0xD03030FFu : 0x8E1B1BFFu);
    text_in(a, p, s, dl, kx + 1.5f * fs, kx + 1.5f * fs, ky, fs, 0, th->text_dim, div);
    /* the cell under the mouse, and what its run came to (in the window only) */
    if (f->controls && m->hover >= 0 && m->hover < m->nx * m->ny && m->out) {
        const SceneOutcome *o = &m->out[m->hover];
        char what[96];
        if (o->diverged_at >= 0)
            snprintf(what, sizeof what, _("diverged at step %d"), o->diverged_at);
        else if (o->steps_to_tol >= 0)
            /* TRANSLATORS: a cell's run: its final loss, and the step where its loss first reached the tolerance */
            snprintf(what, sizeof what, _("loss %.4g, reached %.3g at step %d"), o->final_loss, m->tol, o->steps_to_tol);
        else
            snprintf(what, sizeof what, _("final loss %.4g"), o->final_loss);
        const HyperInfo *h0 = optim_hyper(m->axis[0].key);
        if (curve(m))
            snprintf(line, sizeof line, "%s=%.4g:  %s", h0->symbol, sweep_value(&m->axis[0], m->hover), what);
        else
            snprintf(line, sizeof line, "%s=%.4g  %s=%.4g:  %s", h0->symbol, sweep_value(&m->axis[0], m->hover % m->nx),
                     optim_hyper(m->axis[1].key)->symbol, sweep_value(&m->axis[1], m->hover / m->nx), what);
        text_in(a, p, s, dl, b.x, p->x + SWEEP_PAD * s, b.y + b.side + b.hover_dy, fs, 0, th->text, line);
    }
}

/* Hovering shows a cell's values and outcome; a click gives the run its values; a
 * click on an axis's name puts the run's next hyperparameter on it. */
static void sweep_input(App *a, const Panel *p, const Input *in)
{
    Maps *m = &a->maps;
    m->hover = -1;
    if (!shown(a) || m->kind != MAPS_HYPER || !m->image || p->w < 1 || p->h < 1 || a->ui.mouse_used)
        return;
    SweepBox b;
    sweep_box(a, p, a->frame.scale, &b);
    /* an axis's name: the next of the run's hyperparameters on that axis */
    float fs = b.fs * 0.9f, mx = in->mouse_x, my = in->mouse_y;
    int on_x = my >= b.y + b.side && my < b.y + b.side + b.name_dy + 1.4f * fs && mx > b.x + 0.25f * b.side &&
               mx < b.x + 0.75f * b.side;
    /* the y axis's name, over its tick labels at the grid's top left (on a curve, the
     * loss's: a second key makes it a map) */
    int on_y = mx < b.x && mx > b.x - b.left && my > b.y - 1.6f * fs && my < b.y;
    if (in->mouse_pressed && (on_x || on_y)) {
        app_maps_next_key(a, on_x ? 0 : 1);
        a->ui.mouse_used = 1;
        return;
    }
    float u = (in->mouse_x - b.x) / b.side, v = (in->mouse_y - b.y) / b.side;
    int inside = u >= 0 && u < 1 && v >= 0 && v < 1;
    /* the cell (or the curve's value) under the mouse: its values and outcome shown */
    int cell = -1;
    if (inside && curve(m))
        cell = (int)lroundf(u * (float)(m->nx - 1));
    else if (inside)
        cell = (m->ny - 1 - (int)(v * (float)m->ny)) * m->nx + (int)(u * (float)m->nx);
    m->hover = cell;
    /* a click gives the run its values, on the release over the cell pressed; a
     * finger held there half a second or more only reads it (a long press) */
    if (in->mouse_pressed && cell >= 0) {
        m->press_cell = cell, m->press_clock = a->clock;
        m->press_finger = in->pointer > 0 || (in->pointer == 0 && a->touch);
        a->ui.mouse_used = 1;
    }
    if (in->mouse_released && m->press_cell >= 0) {
        int take = m->press_cell == cell && (!m->press_finger || a->clock - m->press_clock < 0.5);
        m->press_cell = -1;
        if (take && m->run < a->scene.n_runs) {
            Run *r = &a->scene.run[m->run];
            r->hp[m->axis[0].key] = sweep_value(&m->axis[0], cell % m->nx);
            if (!curve(m))
                r->hp[m->axis[1].key] = sweep_value(&m->axis[1], cell / m->nx);
            a->changes.runs |= 1u << m->run;
        }
    }
}

const PanelClass panel_sweep = {
    .name = "sweep",
    .size = sweep_size,
    .height = sweep_height,
    .input = sweep_input,
    .draw = sweep_draw,
};
