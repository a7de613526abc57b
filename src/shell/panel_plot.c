/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel_plot: the plot under the map: one curve per enabled run in its colour (the
 * loss above the surface's minimum on a log scale, or symlog when the minimum is
 * unknown; |grad| or lr instead), x = step, with ticks and labels; a bundle's band
 * faint behind its run; a diverged run's end marked. A cursor at the step shown,
 * the steps to come dimmed; a press or drag on the axes sets the step (as the
 * timeline does); hovering reads every run's value at that step.
 *
 * The curves come from the memo: each run's trajectory reduced to at most two
 * points per pixel column (plot_reduce), kept while the trajectory, the metric and
 * the width are the same, so a frame of a million steps draws a few thousand
 * points and a slider drag reduces only the run it changed. The memo is a cache,
 * not state: drawing fills it for the rect being drawn and changes nothing else.
 * What does not move with the animation (axes, bands, curves) is one draw group,
 * which the renderer keeps while its commands are unchanged. A run whose curve
 * was just recomputed (a slider being dragged) is "hot": drawn live over the
 * group for half a second, and the plotted range holds while the data stays well
 * inside it, so a drag redraws one curve, not the plot; when no run is hot any
 * more, the range is fitted to the data again (so it does not depend on how the
 * scene was reached).
 *
 * Invariants: size is 0 when the plot is hidden or the room is too short for it
 * (the map keeps at least 60% of the height); nothing is drawn outside the panel. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "ticks.h"

#define PLOT_COLS_MAX 4096

typedef struct MemoRun {
    /* what the reduction was made from */
    const TrajPoint *traj, *bundle_traj;
    unsigned long long version;
    int n, bundle, bundle_sum, metric, last, cols;
    int valid;
    double changed_at;          /* App.clock when its trajectory last changed (-1: never) */
    unsigned long long pv;      /* new whenever its plotted points changed */
    PlotPoint *raw, *lo, *hi;   /* the reduced curve; the band's columns */
    int n_raw, n_band;
    TrajPoint *pts, *band;      /* plotted: x = step, y = the scale's value (band: pairs) */
    TrajPoint *quick;           /* while hot: one span per column (pairs), cheap to redraw */
    int n_quick;
} MemoRun;

struct PlotMemo {
    MemoRun run[SCENE_MAX_RUNS];
    PlotScale scale;
    double y0, y1;              /* the plotted range */
    int any;
    int held;                   /* the range was held for a hot run, not fitted */
};

/* The metric buttons: "loss" a word, the others symbols (lr the key's name). */
static const char *const METRIC_LABEL[] = {[PLOT_LOSS] = N_("loss"), [PLOT_GRAD] = "|\342\210\207f|", [PLOT_LR] = "lr"};

/* A metric button's label, in the language shown. */
static const char *metric_label(int m) { return m == PLOT_LOSS ? _(METRIC_LABEL[m]) : METRIC_LABEL[m]; }

/* ---- set-up ----------------------------------------------------------------------- */

int panel_plot_init(App *a, const Config *cfg)
{
    PlotState *ps = &a->plot;
    memset(ps, 0, sizeof *ps);
    ps->show = cfg->plot == PLOT_ARG_UNSET ? !cfg->headless : cfg->plot != PLOT_ARG_NONE;
    ps->metric = cfg->plot >= PLOT_ARG_LOSS && cfg->plot <= PLOT_ARG_LR ? (PlotMetric)(cfg->plot - PLOT_ARG_LOSS)
                                                                       : PLOT_LOSS;
    /* each run's room for the widest plot comes when the plot first shows the run
     * (memo_run_room): a picture or window without the plot touches none of it */
    ps->memo = calloc(1, sizeof *ps->memo);
    if (!ps->memo)
        return -1;
    return 0;
}

void panel_plot_free(App *a)
{
    PlotMemo *m = a->plot.memo;
    if (!m)
        return;
    for (int i = 0; i < SCENE_MAX_RUNS; i++) {
        free(m->run[i].raw), free(m->run[i].lo), free(m->run[i].hi);
        free(m->run[i].pts), free(m->run[i].band), free(m->run[i].quick);
    }
    free(m);
    a->plot.memo = NULL;
}

/* ---- geometry ------------------------------------------------------------------------ */

static float plot_size(const App *a, const FrameLayout *f, float room_w, float room_h)
{
    float s = f->scale;
    if (!a->plot.show || room_w < 320 * s)
        return 0;
    float h = fmaxf(150 * s, 0.27f * room_h);
    return h > 0.4f * room_h ? 0 : floorf(h);
}

void panel_plot_toggle(App *a)
{
    a->plot.show = !a->plot.show;
    if (!a->plot.show)
        return;
    FrameLayout f;
    app_layout(a, a->frame.w, a->frame.h, 1, &f);
    const Panel *p = frame_panel(&f, &panel_plot);
    if (a->frame.w > 0 && (!p || p->h <= 0))
        app_message(a, _("The window is too short for the plot: make it taller"));
}

/* Where the parts go: the header (title, metric buttons), the axes' rect, ticks. */
typedef struct PlotGeom {
    float s, fs, pad;
    float hx, hy, hh;          /* header row */
    float ax, ay, aw, ah;      /* the axes */
    int last;                  /* steps [0, last] across */
    int cols;
} PlotGeom;

static void plot_geom(const App *a, const FrameLayout *f, const Panel *p, PlotGeom *g)
{
    const Theme *th = &gs_theme;
    g->s = f->scale;
    g->fs = th->map_font * g->s;
    /* the left margin fits the widest label a tick can have, whatever the data */
    float label_w = ui_text_width(&a->ui, 0, g->fs, "-2.5e-10") + 10 * g->s;
    g->pad = 10 * g->s;
    g->hh = th->row * g->s;
    g->hx = p->x + g->pad, g->hy = p->y + 6 * g->s;
    g->ax = p->x + g->pad + label_w;
    g->ay = g->hy + g->hh + 6 * g->s;
    g->aw = p->x + p->w - g->pad - 12 * g->s - g->ax;
    g->ah = p->y + p->h - g->fs * 1.3f - 10 * g->s - g->ay;
    g->last = a->scene.steps > 0 ? a->scene.steps : 1;
    g->cols = plot_columns(g->aw, g->last, PLOT_COLS_MAX);
}

/* The metric buttons, right-aligned in the header. */
static void button_rect(const App *a, const PlotGeom *g, const Panel *p, int m, float *x, float *y, float *w, float *h)
{
    float fs = a->ui.style.font_size * g->s, bw[PLOT_METRIC_COUNT], gap = 6 * g->s, right = p->x + p->w - g->pad;
    for (int i = 0; i < PLOT_METRIC_COUNT; i++)
        bw[i] = ui_text_width(&a->ui, 0, fs, metric_label(i)) + 24 * g->s;
    for (int i = PLOT_METRIC_COUNT - 1; i >= m; i--)
        right -= bw[i] + (i < PLOT_METRIC_COUNT - 1 ? gap : 0);
    *x = right, *y = g->hy, *w = bw[m], *h = g->hh;
}

static int step_at(const PlotGeom *g, float px)
{
    double t = (double)((px - g->ax) / g->aw);
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    return (int)floor(t * g->last + 0.5);
}

static float step_x(const PlotGeom *g, double step) { return g->ax + (float)(step / g->last) * g->aw; }

/* ---- the memo ----------------------------------------------------------------------- */

static int bundle_sum(const Run *r)
{
    int sum = 0;
    for (int j = 0; j < r->bundle - 1 && j < r->bundle_cap; j++)
        sum += r->bundle_n[j];
    return sum;
}

/* A run whose trajectory changed in the last half second. */
static int hot(const App *a, const MemoRun *mr) { return mr->changed_at >= 0 && a->clock - mr->changed_at < 0.5; }

/* A run's room for the widest plot, allocated once. Returns 0, or -1 (out of
 * memory: the run is left out of the plot). */
static int memo_run_room(MemoRun *r)
{
    if (r->raw)
        return 0;
    r->raw = calloc(2 * PLOT_COLS_MAX, sizeof *r->raw);
    r->lo = calloc(PLOT_COLS_MAX, sizeof *r->lo);
    r->hi = calloc(PLOT_COLS_MAX, sizeof *r->hi);
    r->pts = calloc(2 * PLOT_COLS_MAX, sizeof *r->pts);
    r->quick = calloc(2 * PLOT_COLS_MAX, sizeof *r->quick);
    r->band = calloc(2 * PLOT_COLS_MAX, sizeof *r->band);
    if (r->raw && r->lo && r->hi && r->pts && r->band && r->quick)
        return 0;
    free(r->raw), free(r->lo), free(r->hi), free(r->pts), free(r->band), free(r->quick);
    memset(r, 0, sizeof *r);
    return -1;
}

/* Brings the memo up to date for the runs, the metric and a plot `cols` wide. */
static const PlotMemo *memo_update(const App *a, int cols, int last)
{
    PlotMemo *m = a->plot.memo;
    const Scene *sc = &a->scene;
    PlotMetric metric = a->plot.metric;
    int changed = 0;
    unsigned redo = 0; /* runs whose reduction was made anew */
    for (int i = 0; i < SCENE_MAX_RUNS; i++) {
        MemoRun *mr = &m->run[i];
        const Run *r = i < sc->n_runs ? &sc->run[i] : NULL;
        int bundled = r && sc->noise > 0 && r->bundle > 1;
        if (!r || !r->enabled || r->n == 0 || memo_run_room(mr) != 0) {
            changed |= mr->valid;
            mr->valid = 0;
            continue;
        }
        if (mr->valid && mr->traj == r->traj && mr->version == r->version && mr->n == r->n &&
            mr->bundle == (bundled ? r->bundle : 0) && mr->bundle_traj == r->bundle_traj &&
            mr->bundle_sum == (bundled ? bundle_sum(r) : 0) && mr->metric == (int)metric && mr->last == last &&
            mr->cols == cols)
            continue;
        /* the same trajectory recomputed (not a new width, metric or run): hot */
        int same_view = mr->valid && mr->traj == r->traj && mr->metric == (int)metric && mr->last == last &&
                        mr->cols == cols;
        mr->changed_at = same_view ? a->clock : -1.0;
        redo |= 1u << i;
        mr->traj = r->traj, mr->bundle_traj = r->bundle_traj, mr->version = r->version, mr->n = r->n;
        mr->bundle = bundled ? r->bundle : 0, mr->bundle_sum = bundled ? bundle_sum(r) : 0;
        mr->metric = (int)metric, mr->last = last, mr->cols = cols;
        mr->n_raw = plot_reduce(r->traj, r->n, metric, last, cols, mr->raw);
        mr->n_band = 0;
        if (bundled) {
            const TrajPoint *series[SCENE_MAX_BUNDLE];
            int n[SCENE_MAX_BUNDLE], k = 0;
            series[k] = r->traj, n[k++] = r->n;
            for (int j = 0; j < r->bundle - 1 && j < r->bundle_cap && k < SCENE_MAX_BUNDLE; j++)
                series[k] = r->bundle_traj + (size_t)j * (size_t)r->cap, n[k++] = r->bundle_n[j];
            mr->n_band = plot_band(series, n, k, metric, last, cols, mr->lo, mr->hi);
        }
        mr->valid = 1;
        changed = 1;
    }
    int any_hot = 0;
    for (int i = 0; i < SCENE_MAX_RUNS; i++)
        any_hot |= m->run[i].valid && hot(a, &m->run[i]);
    /* unchanged, unless a range held for a drag is to be fitted now that it ended
     * (so that the plot, and a screenshot of it, does not depend on the drag) */
    if (!changed && !(m->held && !any_hot))
        return m;
    /* the scale: the lowest value first (the offset may follow it), then the rest */
    double lowest = INFINITY;
    for (int i = 0; i < SCENE_MAX_RUNS; i++)
        for (int k = 0; k < m->run[i].n_raw && m->run[i].valid; k++)
            lowest = fmin(lowest, m->run[i].raw[k].v);
    /* a diverged run's blow-up is not the range: its curve leaves the top, where
     * the other runs start or reach */
    double top = -INFINITY;
    for (int i = 0; i < SCENE_MAX_RUNS; i++) {
        const MemoRun *mr = &m->run[i];
        for (int k = 0; k < mr->n_raw && mr->valid; k++)
            if (k == 0 || i >= sc->n_runs || sc->run[i].diverged_at < 0)
                top = fmax(top, mr->raw[k].v);
    }
    PlotExtent e;
    plot_extent_init(&e, plot_offset(metric, plot_known_min(&sc->surface), lowest));
    for (int i = 0; i < SCENE_MAX_RUNS; i++) {
        const MemoRun *mr = &m->run[i];
        if (!mr->valid)
            continue;
        int diverged = i < sc->n_runs && sc->run[i].diverged_at >= 0;
        for (int k = 0; k < mr->n_raw; k++)
            if (!diverged || mr->raw[k].v <= top)
                plot_extent_add(&e, mr->raw[k].v);
        for (int k = 0; k < mr->n_band; k++)
            plot_extent_add(&e, mr->lo[k].v), plot_extent_add(&e, mr->hi[k].v);
    }
    PlotScale scale;
    plot_scale_make(&e, &scale);
    double y0 = e.any ? plot_fwd(&scale, e.lo) : 0, y1 = e.any ? plot_fwd(&scale, e.hi) : 1;
    if (y1 - y0 < 1e-9) /* a flat line: half a unit either side */
        y0 -= 0.5, y1 += 0.5;
    double pad = 0.06 * (y1 - y0);
    /* while a run is hot, the range holds while the scale is the same kind about
     * the same offset, no value falls under its floor, and the data, on that
     * scale, fills most of it */
    int hold = 0;
    if (any_hot && m->any && e.any && scale.kind == m->scale.kind && scale.offset == m->scale.offset && scale.c == m->scale.c &&
        (scale.kind != PLOT_SCALE_LOG || e.lo - m->scale.offset > m->scale.floor)) {
        double o0 = plot_fwd(&m->scale, e.lo), o1 = plot_fwd(&m->scale, e.hi), opad = 0.06 * (o1 - o0);
        hold = o0 - opad >= m->y0 && o1 + opad <= m->y1 && (o1 - o0) >= 0.6 * (m->y1 - m->y0);
    }
    if (!hold) {
        m->scale = scale;
        m->y0 = y0 - pad, m->y1 = y1 + pad;
        redo = ~0u;
    }
    m->held = hold;
    m->any = e.any;
    /* the plotted points of the runs that changed */
    for (int i = 0; i < SCENE_MAX_RUNS; i++) {
        MemoRun *mr = &m->run[i];
        if (!mr->valid || !(redo >> i & 1u))
            continue;
        mr->pv++;
        for (int k = 0; k < mr->n_raw; k++)
            mr->pts[k] = (TrajPoint){.x = mr->raw[k].step, .y = plot_fwd(&m->scale, mr->raw[k].v)};
        /* the curve as one span per pixel column (its min to max, joined to the
         * column before): a noisy curve's anti-aliased zigzag costs a software
         * rasterizer dearly to redraw every frame of a drag, flat spans do not */
        mr->n_quick = 0;
        for (int k = 0, col = -1; k < mr->n_raw; k++) {
            int c = last > 0 ? (int)((double)mr->raw[k].step * cols / last) : 0;
            TrajPoint q = mr->pts[k];
            if (c != col) {
                TrajPoint *pair = &mr->quick[2 * mr->n_quick];
                double before = k > 0 ? mr->pts[k - 1].y : q.y; /* joined to the column before */
                pair[0] = (TrajPoint){.x = q.x, .y = fmin(q.y, before)};
                pair[1] = (TrajPoint){.x = q.x, .y = fmax(q.y, before)};
                mr->n_quick++, col = c;
            } else {
                TrajPoint *pair = &mr->quick[2 * (mr->n_quick - 1)];
                pair[0].y = fmin(pair[0].y, q.y), pair[1].y = fmax(pair[1].y, q.y);
            }
        }
        for (int k = 0; k < mr->n_band; k++) {
            mr->band[2 * k] = (TrajPoint){.x = mr->lo[k].step, .y = plot_fwd(&m->scale, mr->lo[k].v)};
            mr->band[2 * k + 1] = (TrajPoint){.x = mr->hi[k].step, .y = plot_fwd(&m->scale, mr->hi[k].v)};
        }
    }
    return m;
}

/* ---- drawing --------------------------------------------------------------------- */

static void plot_title(const App *a, const PlotMemo *m, char *out, size_t cap)
{
    if (a->plot.metric != PLOT_LOSS) {
        snprintf(out, cap, "%s",
                 a->plot.metric == PLOT_GRAD ? _("|\342\210\207f| by step, log scale") : _("learning rate by step, log scale"));
        return;
    }
    if (m->scale.kind == PLOT_SCALE_SYMLOG) {
        snprintf(out, cap, "%s", _("loss by step, symmetric log scale (the minimum is unknown)"));
        return;
    }
    char off[32];
    num_format(m->scale.offset, off, sizeof off);
    if (m->scale.offset == 0)
        snprintf(out, cap, "%s", _("loss by step, log scale (the minimum is 0)"));
    else
        /* TRANSLATORS: the plot's title; %s is the surface's lowest value, a number */
        snprintf(out, cap, _("loss \xe2\x88\x92 (%s) by step: above the minimum, log scale"), off);
}

/* "diverged at k" next to a run's last point, kept inside the axes and clear of
 * the labels placed before it. */
static void draw_diverged(const App *a, const PlotGeom *g, const Run *r, float px, float py, float *placed, int *n_placed,
                          DrawList *dl)
{
    const Theme *th = &gs_theme;
    float s = g->s, fs = th->label_font * s;
    char msg[48];
    /* TRANSLATORS: next to a diverged run's last point on the plot; %d is a step */
    snprintf(msg, sizeof msg, _("diverged at %d"), r->diverged_at);
    draw_circle(dl, px, py, 5 * s, th->error, 2 * s, th->marker_outline);
    float tw = ui_text_width(&a->ui, 1, fs, msg), bh = fs * 1.25f + 6 * s;
    float tx = px + 10 * s;
    if (tx + tw + 5 * s > g->ax + g->aw)
        tx = px - 10 * s - tw;
    if (tx < g->ax + 5 * s)
        tx = g->ax + 5 * s;
    float ty = fminf(fmaxf(py - 0.5f * bh, g->ay + 2 * s), g->ay + g->ah - bh - 2 * s);
    for (int tries = 0; tries < SCENE_MAX_RUNS; tries++) {
        int hit = 0;
        for (int k = 0; k < *n_placed; k++)
            if (tx < placed[4 * k] + placed[4 * k + 2] && placed[4 * k] < tx + tw &&
                fabsf(ty - placed[4 * k + 1]) < bh)
                hit = 1, ty = placed[4 * k + 1] + bh + 2 * s;
        if (!hit)
            break;
    }
    if (ty + bh > g->ay + g->ah)
        ty = g->ay + 2 * s;
    if (*n_placed < SCENE_MAX_RUNS) {
        float *q = &placed[4 * (*n_placed)++];
        q[0] = tx, q[1] = ty, q[2] = tw, q[3] = bh;
    }
    draw_rect(dl, tx - 5 * s, ty, tw + 10 * s, bh, 4 * s, th->label_box);
    draw_text(dl, tx, ty + 3 * s, fs, 1, th->error, msg, -1);
}

/* The y ticks of the memo's range, about two text lines apart. */
static int y_ticks(const PlotMemo *m, float ah, float fs, PlotTick *t)
{
    int most = (int)(ah / (fs * 2.0f));
    most = most < 2 ? 2 : (most > 8 ? 8 : most);
    return plot_ticks_y(&m->scale, m->y0, m->y1, most, t);
}

/* A run's curve: its min and max per pixel column as an anti-aliased line, or
 * while hot (redrawn every frame) as flat spans; the line is back half a second
 * after the last change. */
static void plot_curve(const App *a, const PlotGeom *g, MapView v, const PlotMemo *m, int i, int quick, DrawList *dl)
{
    const MemoRun *mr = &m->run[i];
    if (quick)
        draw_band(dl, g->ax, g->ay, g->aw, g->ah, v, mr->quick, 2 * mr->n_quick, app_run_rgba(&a->scene.run[i]));
    else
        draw_path(dl, g->ax, g->ay, g->aw, g->ah, v, mr->pts, mr->n_raw, mr->pv * SCENE_MAX_RUNS + (unsigned)i,
                  gs_theme.plot_w * g->s, app_run_rgba(&a->scene.run[i]));
}

static void plot_draw(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    if (p->h <= 0 || p->w <= 0 || !a->plot.memo)
        return;
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    PlotGeom g;
    plot_geom(a, f, p, &g);
    if (g.aw < 40 * g.s || g.ah < 20 * g.s)
        return;
    const PlotMemo *m = memo_update(a, g.cols, g.last);
    PlotTick yt[PLOT_MAX_TICKS], xt[PLOT_MAX_TICKS];
    int ny = y_ticks(m, g.ah, g.fs, yt);
    float s = g.s, fs = g.fs;
    MapView v = {0, g.last, m->y0, m->y1};
    /* what stays while the animation runs: one group */
    int group = draw_group_begin(dl, p->x, p->y, p->w, p->h);
    draw_rect(dl, p->x, p->y, p->w, p->h, 0, th->panel);
    draw_rect(dl, g.ax, g.ay, g.aw, g.ah, 0, th->bg);
    char title[160];
    plot_title(a, m, title, sizeof title);
    float b0[4];
    button_rect(a, &g, p, 0, &b0[0], &b0[1], &b0[2], &b0[3]);
    float title_w = (f->controls || f->as_shown ? b0[0] - 12 * s : p->x + p->w - g.pad) - g.hx;
    char fitted[160];
    ui_text_fit(&a->ui, 1, fs, title, title_w, fitted, sizeof fitted);
    draw_text(dl, g.hx, g.hy + 0.5f * (g.hh - fs * 1.2f), fs, 1, th->text_strong, fitted, -1);
    /* y: grid lines and labels, right-aligned left of the axes */
    for (int i = 0; i < ny; i++) {
        float y = map_px_y(v, g.ay, g.ah, yt[i].pos);
        if (y < g.ay - 0.5f || y > g.ay + g.ah + 0.5f)
            continue;
        draw_line(dl, g.ax, y, g.ax + g.aw, y, 1.0f * s, th->plot_grid);
        float tw = ui_text_width(&a->ui, 0, fs, yt[i].label);
        float ty = fminf(fmaxf(y - 0.6f * fs, g.ay - 0.2f * fs), g.ay + g.ah - fs);
        draw_text(dl, g.ax - 8 * s - tw, ty, fs, 0, th->text_dim, yt[i].label, -1);
    }
    /* x: ticks at nice steps, labels centred under them (kept inside the panel) */
    int most = (int)(g.aw / (ui_text_width(&a->ui, 0, fs, "000000") + 30 * s));
    int nx = plot_ticks_x(g.last, most < 2 ? 2 : most, xt);
    for (int i = 0; i < nx; i++) {
        float x = step_x(&g, xt[i].pos);
        draw_line(dl, x, g.ay, x, g.ay + g.ah, 1.0f * s, th->plot_grid);
        float tw = ui_text_width(&a->ui, 0, fs, xt[i].label);
        float tx = fminf(fmaxf(x - 0.5f * tw, g.ax), p->x + p->w - g.pad - tw);
        draw_text(dl, tx, g.ay + g.ah + 4 * s, fs, 0, th->text_dim, xt[i].label, -1);
    }
    /* TRANSLATORS: the plot's x axis: the step number */
    draw_text(dl, g.hx, g.ay + g.ah + 4 * s, fs, 0, th->text_dim, _("step"), -1);
    draw_frame(dl, g.ax, g.ay, g.aw, g.ah, 1.0f * s, th->plot_axis);
    /* bands, then curves, then the ends of diverged runs */
    for (int i = 0; i < sc->n_runs && i < SCENE_MAX_RUNS; i++)
        if (m->run[i].valid && m->run[i].n_band > 0)
            draw_band(dl, g.ax, g.ay, g.aw, g.ah, v, m->run[i].band, 2 * m->run[i].n_band,
                      (scene_palette(sc->run[i].colour) << 8) | th->plot_band_alpha);
    for (int i = 0; i < sc->n_runs && i < SCENE_MAX_RUNS; i++)
        if (m->run[i].valid && !hot(a, &m->run[i]))
            plot_curve(a, &g, v, m, i, 0, dl);
    float placed[4 * SCENE_MAX_RUNS];
    int n_placed = 0;
    draw_clip(dl, g.ax, g.ay, g.aw, g.ah);
    for (int i = 0; i < sc->n_runs && i < SCENE_MAX_RUNS; i++) {
        const Run *r = &sc->run[i];
        if (!m->run[i].valid || r->diverged_at < 0)
            continue;
        const TrajPoint *q = &r->traj[r->n - 1];
        float px = step_x(&g, r->n - 1), py = map_px_y(v, g.ay, g.ah, plot_fwd(&m->scale, plot_metric(a->plot.metric, q)));
        py = fminf(fmaxf(py, g.ay + 6 * g.s), g.ay + g.ah - 6 * g.s); /* off the range: at its edge */
        draw_diverged(a, &g, r, px, py, placed, &n_placed, dl);
    }
    draw_no_clip(dl);
    draw_group_end(dl, group);
    /* hot curves, live over the kept group */
    for (int i = 0; i < sc->n_runs && i < SCENE_MAX_RUNS; i++)
        if (m->run[i].valid && hot(a, &m->run[i]))
            plot_curve(a, &g, v, m, i, 1, dl);
    /* the step shown: the steps to come dimmed, a cursor line */
    int t = app_step(a);
    float cx = step_x(&g, t > g.last ? g.last : t);
    if (cx < g.ax + g.aw - 0.5f)
        draw_rect(dl, cx, g.ay, g.ax + g.aw - cx, g.ah, 0, th->plot_future);
    draw_line(dl, cx, g.ay, cx, g.ay + g.ah, 1.5f * s, th->plot_cursor);
    if (f->as_shown) {
        /* a picture of the window: the metric buttons as they rest */
        for (int i = 0; i < PLOT_METRIC_COUNT; i++) {
            float bx, by, bw, bh;
            button_rect(a, &g, p, i, &bx, &by, &bw, &bh);
            ui_button_draw(&a->ui, dl, s, bx, by, bw, bh, metric_label(i), a->plot.metric == (PlotMetric)i, 0);
        }
        return;
    }
    if (!f->controls)
        return;
    /* hovering: every run's value at the step under the mouse */
    const PlotState *ps = &a->plot;
    if (ps->hover && !a->show_help) {
        int k = ps->hover_step;
        float hx = step_x(&g, k);
        draw_line(dl, hx, g.ay, hx, g.ay + g.ah, 1.0f * s, th->plot_hover);
        char line[SCENE_MAX_RUNS + 1][96];
        unsigned col[SCENE_MAX_RUNS + 1];
        int rows = 0;
        snprintf(line[rows], sizeof line[0], _("step %d"), k);
        col[rows++] = th->text_strong;
        for (int i = 0; i < sc->n_runs; i++) {
            const Run *r = &sc->run[i];
            if (!r->enabled)
                continue;
            char val[40];
            if (k < r->n)
                num_format(plot_metric(ps->metric, &r->traj[k]), val, sizeof val);
            else
                /* TRANSLATORS: a run's value where it has none, having diverged */
                snprintf(val, sizeof val, "%s", r->diverged_at >= 0 ? _("diverged") : "\xe2\x80\x93");
            snprintf(line[rows], sizeof line[0], "%s  %s", r->label, val);
            col[rows++] = app_run_rgba(r);
        }
        float bw = 0, lh = fs * 1.3f;
        for (int i = 0; i < rows; i++)
            bw = fmaxf(bw, ui_text_width(&a->ui, i > 0, fs, line[i]));
        bw += 16 * s;
        float bh = lh * (float)rows + 10 * s;
        float bx = hx + 14 * s;
        if (bx + bw > p->x + p->w - 4 * s)
            bx = hx - 14 * s - bw;
        bx = fmaxf(bx, p->x + 4 * s);
        float by = fmaxf(p->y + 4 * s, fminf(g.ay + 4 * s, p->y + p->h - bh - 4 * s));
        draw_rect(dl, bx, by, bw, bh, 6 * s, th->box);
        for (int i = 0; i < rows; i++)
            draw_text(dl, bx + 8 * s, by + 5 * s + lh * (float)i, fs, i > 0, col[i], line[i], -1);
    }
    panel_draw_recorded(a, f, p, dl);
}

/* ---- input ---------------------------------------------------------------------- */

static void plot_input(App *a, const Panel *p, const Input *in)
{
    PlotState *ps = &a->plot;
    ps->hover = 0;
    if (p->h <= 0 || p->w <= 0) {
        ps->scrubbing = 0;
        return;
    }
    PlotGeom g;
    plot_geom(a, &a->frame, p, &g);
    UiContext *ui = &a->ui;
    ui_push_id(ui, "plot");
    for (int i = 0; i < PLOT_METRIC_COUNT; i++) {
        float x, y, w, h;
        button_rect(a, &g, p, i, &x, &y, &w, &h);
        if (ui_button_at(ui, ui_get_id(ui, plot_metric_name((PlotMetric)i)), x, y, w, h, metric_label(i),
                         ps->metric == (PlotMetric)i))
            ps->metric = (PlotMetric)i;
    }
    ui_pop_id(ui);
    int over = in->mouse_x >= g.ax && in->mouse_x < g.ax + g.aw && in->mouse_y >= g.ay && in->mouse_y < g.ay + g.ah;
    if (in->mouse_pressed && over && !ui->mouse_used && !a->show_help)
        ps->scrubbing = 1;
    if (ps->scrubbing && in->mouse_down) {
        a->t = step_at(&g, in->mouse_x);
        a->playing = 0;
    }
    if (!in->mouse_down)
        ps->scrubbing = 0;
    if ((over || ps->scrubbing) && !a->show_help) {
        ps->hover = 1;
        ps->hover_step = step_at(&g, in->mouse_x);
        ps->hover_x = in->mouse_x, ps->hover_y = in->mouse_y;
    }
}

const PanelClass panel_plot = {
    .name = "plot",
    .size = plot_size,
    .input = plot_input,
    .draw = plot_draw,
};
