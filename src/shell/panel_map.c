/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel_map: the map. The loss field with every run's path, head and bundle, the
 * minima and the start, and the legend (overlay), or one tile per enabled run with
 * its own title (grid). Input: a click sets every run's start, a drag pans, the
 * wheel zooms about the cursor. In 3D (view3d.h) the same picture as a lit surface
 * with the paths on it; a drag orbits, Shift-drag pans, the wheel zooms, and a
 * click sets the start where the ray from the camera meets the surface.
 *
 * Invariants: grid tiles all show the same world region, the view fitted to one
 * tile; every pixel coordinate drawn is finite (points far off the map are clamped
 * well outside it). */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "place.h"
#include "ticks.h"

typedef struct Tile {
    float x, y, w, h;
    int run;   /* grid: the run shown; overlay: -1 */
} Tile;

/* ---- axes and the colour bar: where they go -------------------------------------- */

/* The map panel's parts: the tiles' rect, and around it the bands of the axes'
 * labels (left and below, in 2D) and the colour bar (right). */
typedef struct MapFrame {
    float x, y, w, h;        /* the tiles go here */
    float fs, tick;          /* the labels' text size, a tick's length */
    int ticks2d;             /* labelled ticks left of and below the map */
    int bar;                 /* the colour bar */
    float bar_x, bar_y, bar_w, bar_h;
} MapFrame;

/* The colour scale of the field over a view, kept for the last few surfaces and
 * views (surface_color_scale samples the surface thousands of times, and a frame
 * asks for the panel's view and the tile's). */
#define SCALE_MEMO 4
static SurfaceScale field_scale(const Surface *s, MapView v)
{
    static struct {
        char key[EXPR_MAX_SOURCE + 512];
        SurfaceScale scale;
        unsigned long used;
    } memo[SCALE_MEMO];
    static unsigned long tick;
    char k[sizeof memo[0].key];
    view3d_key(s, v, k, sizeof k);
    int victim = 0;
    for (int i = 0; i < SCALE_MEMO; i++) {
        if (memo[i].used && strcmp(k, memo[i].key) == 0) {
            memo[i].used = ++tick;
            return memo[i].scale;
        }
        if (memo[i].used < memo[victim].used)
            victim = i;
    }
    surface_color_scale(s, (const double[4]){v.x0, v.x1, v.y0, v.y1}, &memo[victim].scale);
    memcpy(memo[victim].key, k, sizeof k);
    memo[victim].used = ++tick;
    return memo[victim].scale;
}

/* The colour bar's ticks for a scale, at most `most`: the loss (or, log-coloured,
 * the loss above the lowest value in view) at positions pos[i] in [0, 1] along
 * the scale. Returns how many. */
static int bar_ticks(const Surface *s, const SurfaceScale *sc, int most, Tick *t, float *pos)
{
    int n;
    if (s->log_color) {
        n = ticks_log(pow(10.0, sc->lo), pow(10.0, sc->hi), most, t);
        for (int i = 0; i < n; i++)
            pos[i] = (float)((log10(t[i].v) - sc->lo) / (sc->hi - sc->lo));
    } else {
        n = ticks_linear(sc->lo, sc->hi, most, t);
        for (int i = 0; i < n; i++)
            pos[i] = (float)((t[i].v - sc->lo) / (sc->hi - sc->lo));
    }
    return n;
}

/* The colour bar's title: "loss", or with a log scale over a lowest value that is
 * not 0, what the numbers are ("loss + 1.032": the loss above -1.032). */
static void bar_title(const Surface *s, const SurfaceScale *sc, int in3d, char *out, size_t cap)
{
    char num[32] = "";
    if (s->log_color && sc->fmin != 0.0)
        num_format(fabs(sc->fmin), num, sizeof num);
    /* TRANSLATORS: the colour bar's title (in 3D, "height: " before it); %s is a number, the loss's
     * lowest value in view, taken off the numbers on the bar */
    const char *fmt = !num[0] ? (in3d ? _("height: loss") : _("loss"))
                      : sc->fmin < 0 ? (in3d ? _("height: loss + %s") : _("loss + %s"))
                                     : (in3d ? _("height: loss \xe2\x88\x92 %s") : _("loss \xe2\x88\x92 %s"));
    snprintf(out, cap, fmt, num);
}

static float widest_label(const App *a, float fs, const Tick *t, int n)
{
    float w = 0;
    for (int i = 0; i < n; i++)
        w = fmaxf(w, ui_text_width(&a->ui, 0, fs, t[i].label));
    return w;
}

static MapView tile_view_of(const App *a, float w, float h) { return map_fit(a->view, w, h); }

/* The map panel's parts at UI scale s. The bands are sized from the labels the
 * panel's view would show (measured, so a long label never leaves its band). */
static void map_frame(const App *a, const Panel *p, float s, MapFrame *m)
{
    *m = (MapFrame){p->x, p->y, p->w, p->h, .fs = gs_theme.map_font * s * 0.9f, .tick = 5.0f * s};
    /* no room for them: the map alone */
    if (!a->axes || p->w < 260 * s || p->h < 160 * s)
        return;
    float fs = m->fs, pad = 4.0f * s;
    m->ticks2d = !a->view3d;
    m->bar = 1;
    MapView v = tile_view_of(a, p->w, p->h);
    Tick t[TICKS_MAX];
    float pos[TICKS_MAX];
    float left = 0, below = 0, top = 0.7f * fs, right;
    if (m->ticks2d) {
        int n = ticks_linear(v.y0, v.y1, 8, t);
        left = fmaxf(widest_label(a, fs, t, n), ui_text_width(&a->ui, 0, fs, "\xe2\x88\x92" "0.0")) + m->tick + 2 * pad;
        below = m->tick + 1.3f * fs + pad;
    }
    SurfaceScale sc = field_scale(&a->scene.surface, v);
    int nb = bar_ticks(&a->scene.surface, &sc, 8, t, pos);
    char title[64];
    bar_title(&a->scene.surface, &sc, a->view3d, title, sizeof title);
    float bar_w = 14.0f * s;
    right = 3 * pad + bar_w + m->tick + pad + widest_label(a, fs, t, nb);
    float title_w = ui_text_width(&a->ui, 1, fs, title);
    right = fmaxf(right, title_w + 4 * pad);
    m->x = p->x + roundf(left);
    m->y = p->y + roundf(top);
    m->w = p->w - roundf(left) - roundf(right);
    m->h = p->h - roundf(top) - roundf(below);
    m->bar_w = bar_w;
    m->bar_x = m->x + m->w + 3 * pad;
    m->bar_y = m->y + 1.6f * fs;
    m->bar_h = m->h - 1.6f * fs - (m->ticks2d ? 0 : 0.7f * fs);
}

static int enabled_runs(const Scene *sc, int *idx)
{
    int n = 0;
    for (int i = 0; i < sc->n_runs; i++)
        if (sc->run[i].enabled)
            idx[n++] = i;
    return n;
}

/* The map's tiles inside the bands of its axes (mf): one in overlay, one per
 * enabled run in grid. */
static int tiles_in(const App *a, const MapFrame *mf, float scale, Tile *out)
{
    const Panel inner = {NULL, mf->x, mf->y, mf->w, mf->h, 0}, *p = &inner;
    if (a->layout == LAYOUT_OVERLAY) {
        out[0] = (Tile){p->x, p->y, p->w, p->h, -1};
        return 1;
    }
    int idx[SCENE_MAX_RUNS];
    int n = enabled_runs(&a->scene, idx);
    if (n == 0) {
        out[0] = (Tile){p->x, p->y, p->w, p->h, -1};
        return 1;
    }
    /* columns that make the tiles closest to square */
    int best_c = 1;
    float best = 1e30f;
    for (int c = 1; c <= n; c++) {
        int rows = (n + c - 1) / c;
        float tw = p->w / (float)c, th = p->h / (float)rows;
        float score = fabsf(logf(tw / th)) + 0.5f * (float)(c * rows - n);
        if (score < best)
            best = score, best_c = c;
    }
    int rows = (n + best_c - 1) / best_c;
    float gap = 2.0f * scale;
    float tw = (p->w - gap * (float)(best_c - 1)) / (float)best_c;
    float th = (p->h - gap * (float)(rows - 1)) / (float)rows;
    for (int i = 0; i < n; i++) {
        int c = i % best_c, r = i / best_c;
        out[i] = (Tile){p->x + (float)c * (tw + gap), p->y + (float)r * (th + gap), tw, th, idx[i]};
    }
    return n;
}

/* The tiles of the map panel: its bands placed, then the tiles in what they leave. */
static int map_tiles(const App *a, const Panel *panel, float scale, Tile *out)
{
    MapFrame mf;
    map_frame(a, panel, scale, &mf);
    return tiles_in(a, &mf, scale, out);
}

static MapView tile_view(const App *a, const Tile *t) { return tile_view_of(a, t->w, t->h); }

/* The tile under a pixel, or -1. */
static int tile_at(const Tile *tiles, int n, float px, float py)
{
    for (int i = 0; i < n; i++)
        if (px >= tiles[i].x && px < tiles[i].x + tiles[i].w && py >= tiles[i].y && py < tiles[i].y + tiles[i].h)
            return i;
    return -1;
}

static Camera3D shown_camera(const App *a, const Tile *t);
static void shown_box(const App *a, Box3D *b);
static int tile_px3d(const App *a, const Tile *t, const Box3D *b, double x, double y, float *px, float *py);

int app_map_rect(const App *a, float *x, float *y, float *w, float *h)
{
    const Panel *p = frame_panel(&a->frame, &panel_map);
    if (!p)
        return 0;
    Tile tiles[SCENE_MAX_RUNS];
    map_tiles(a, p, a->frame.scale, tiles);
    *x = tiles[0].x, *y = tiles[0].y, *w = tiles[0].w, *h = tiles[0].h;
    return 1;
}

int app_map_world(const App *a, float px, float py, double *wx, double *wy)
{
    const Panel *p = frame_panel(&a->frame, &panel_map);
    if (!p)
        return 0;
    Tile tiles[SCENE_MAX_RUNS];
    int n = map_tiles(a, p, a->frame.scale, tiles);
    int i = tile_at(tiles, n, px, py);
    if (i < 0)
        return 0;
    if (a->view3d_blend > 0.0f) {
        /* the surface point under the pixel: the ray marched against the core's values */
        Box3D b;
        shown_box(a, &b);
        Camera3D cam = shown_camera(a, &tiles[i]);
        return view3d_pick(&cam, &b, &a->scene.surface, tiles[i].w, tiles[i].h, px - tiles[i].x, py - tiles[i].y, wx,
                           wy);
    }
    MapView v = tile_view(a, &tiles[i]);
    *wx = map_world_x(v, tiles[i].x, tiles[i].w, px);
    *wy = map_world_y(v, tiles[i].y, tiles[i].h, py);
    return 1;
}

/* ---- text ------------------------------------------------------------------ */

/* The run's hyperparameters, leaving out what is off or at its usual value
 * (weight decay 0 where that is the optimizer's default, flags on). */
static void hp_summary(const Run *r, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int k = 0; k < HP_COUNT && len < cap; k++) {
        if (!optim_uses(r->kind, (HyperKey)k))
            continue;
        if ((k == HP_WEIGHT_DECAY && r->hp[k] == 0.0 && optim_info(r->kind)->defaults[k] == 0.0) ||
            (optim_hyper((HyperKey)k)->is_flag && r->hp[k] == 1.0))
            continue;
        char num[32];
        num_format(r->hp[k], num, sizeof num);
        int n = snprintf(out + len, cap - len, "%s%s=%s", len ? "  " : "", optim_hyper((HyperKey)k)->symbol, num);
        if (n < 0 || (size_t)n >= cap - len)
            return;
        len += (size_t)n;
    }
    char sched[96];
    schedule_describe(&r->sched, sched, sizeof sched);
    if (sched[0] && len < cap)
        snprintf(out + len, cap - len, "  %s", sched);
}

/* ---- drawing ------------------------------------------------------------------ */

/* Pixel of a world point in a tile, kept finite: a point far outside the tile (a
 * diverging run's last finite point can be 1e300 away) would map to an infinite
 * float. Clamped well beyond the tile's clip, where it draws nothing. */
static void tile_px(const Tile *t, MapView v, double wx, double wy, float *x, float *y)
{
    const float far = 1e5f;
    float px = map_px_x(v, t->x, t->w, wx), py = map_px_y(v, t->y, t->h, wy);
    *x = px > t->x - far ? (px < t->x + t->w + far ? px : t->x + t->w + far) : t->x - far;
    *y = py > t->y - far ? (py < t->y + t->h + far ? py : t->y + t->h + far) : t->y - far;
}

/* Where to draw n heads at (hx, hy), radius r px, with the start at (sx, sy): a
 * head that is apart from the others and from the start stays where it is; heads
 * that share a place (closer than a head's diameter, or on the start) are spread
 * evenly on a ring around their centre, in run order from the top, clockwise. */
static void heads_spread(const float *hx, const float *hy, int n, float sx, float sy, float r, float *dx, float *dy)
{
    int group[SCENE_MAX_RUNS];
    for (int i = 0; i < n; i++)
        group[i] = i, dx[i] = hx[i], dy[i] = hy[i];
    /* groups: heads within 2r of each other, joined transitively */
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (hypotf(hx[i] - hx[j], hy[i] - hy[j]) < 2 * r) {
                int from = group[i], to = group[j];
                for (int k = 0; k < n; k++)
                    if (group[k] == from)
                        group[k] = to;
            }
    for (int g = 0; g < n; g++) {
        int m = 0, on_start = 0;
        float cx = 0, cy = 0;
        for (int i = 0; i < n; i++)
            if (group[i] == g) {
                m++, cx += hx[i], cy += hy[i];
                on_start |= hypotf(hx[i] - sx, hy[i] - sy) < 2 * r;
            }
        if (m == 0 || (m == 1 && !on_start))
            continue;
        cx /= (float)m, cy /= (float)m;
        /* far enough apart that the discs do not touch, and clear of the start */
        float ring = fmaxf(2.2f * r, m > 1 ? 1.15f * r / sinf(3.14159265f / (float)m) : 0);
        for (int i = 0, j = 0; i < n; i++)
            if (group[i] == g) {
                float ang = -1.5707963f + 6.2831853f * (float)j++ / (float)m;
                dx[i] = cx + ring * cosf(ang), dy[i] = cy + ring * sinf(ang);
            }
    }
}

/* ---- inside the optimizer: arrows and a box at each head ----------------------- */

/* The runs whose insides are drawn: the card's run when the card is open, else
 * every enabled one (only: a grid tile's). */
static int shows_internals(const App *a, int i, int only)
{
    if (!a->show_internals || !a->scene.run[i].enabled || a->scene.run[i].n == 0 || (only >= 0 && i != only))
        return 0;
    int card = app_card_run(a);
    return card < 0 || card == i;
}

/* Arrows are map displacements times a scale, 1, 2 or 5 times a power of ten:
 * the largest that keeps the longest of what moves the runs shown now (the step,
 * the momentum, half the box; -lr grad where there is no step to show) within
 * ARROW_LONGEST px, so it is 48 to 120 px long. -lr grad is drawn to the same
 * scale, and capped with a double head where it is longer than the map allows
 * (Adam's -lr grad is many times its step: that is the point). */
#define ARROW_LONGEST 120.0

static double arrow_scale(const App *a, const Tile *t, MapView v, int only)
{
    const Scene *sc = &a->scene;
    double longest = 0;
    for (int i = 0; i < sc->n_runs; i++) {
        RunUpdate u;
        if (!shows_internals(a, i, only) || scene_run_update(sc, i, app_visible_step(a, &sc->run[i]), &u) != 0)
            continue;
        const TrajPoint *q = &sc->run[i].traj[u.k];
        double len[4] = {u.has_next ? 0 : u.lr * hypot(q->gx, q->gy), 0, 0, 0};
        if (u.has_next) {
            len[1] = hypot(u.next[0] - q->x, u.next[1] - q->y);
            if (u.in.has & OPTIM_HAS_VELOCITY)
                len[2] = u.lr * hypot(u.in.velocity[0], u.in.velocity[1]);
            if (u.in.has & OPTIM_HAS_EFF_LR)
                len[3] = fmax(u.in.eff_lr[0], u.in.eff_lr[1]) * hypot(q->gx, q->gy);
        }
        for (int k = 0; k < 4; k++)
            if (isfinite(len[k]))
                longest = fmax(longest, len[k]);
    }
    double px_per_unit = t->w / (v.x1 - v.x0);
    if (!(longest > 0) || !(px_per_unit > 0))
        return 1;
    double raw = ARROW_LONGEST / (longest * px_per_unit);
    double p = pow(10.0, floor(log10(raw))), m = raw / p;
    double k = (m < 2 ? 1 : (m < 5 ? 2 : 5)) * p;
    return isfinite(k) && k > 0 ? k : 1;
}

/* An arrow from (x, y) by (dx, dy) cut where it leaves the tile (2 px in): 1 when
 * it was cut, the cut arrow in (dx, dy). */
static int clip_to_tile(const Tile *t, float x, float y, float *dx, float *dy)
{
    float x0 = t->x + 2, y0 = t->y + 2, x1 = t->x + t->w - 2, y1 = t->y + t->h - 2, f = 1.0f;
    if (x < x0 || x > x1 || y < y0 || y > y1)
        return 0; /* the head itself is off the tile: nothing to point from */
    if (x + *dx > x1)
        f = fminf(f, (x1 - x) / *dx);
    if (x + *dx < x0)
        f = fminf(f, (x0 - x) / *dx);
    if (y + *dy > y1)
        f = fminf(f, (y1 - y) / *dy);
    if (y + *dy < y0)
        f = fminf(f, (y0 - y) / *dy);
    if (!(f < 1.0f))
        return 0;
    *dx *= f, *dy *= f;
    return 1;
}

/* A line in dashes of `dash` px with gaps as long. */
static void dashed_line(DrawList *dl, float x0, float y0, float x1, float y1, float w, float dash, unsigned rgba)
{
    float len = hypotf(x1 - x0, y1 - y0);
    if (!(len > 0))
        return;
    float ux = (x1 - x0) / len, uy = (y1 - y0) / len;
    for (float at = 0; at < len; at += 2 * dash) {
        float to = fminf(at + dash, len);
        draw_line(dl, x0 + ux * at, y0 + uy * at, x0 + ux * to, y0 + uy * to, w, rgba);
    }
}

/* An arrow from (x, y) by (dx, dy) pixels, capped at `cap` px: a capped arrow
 * gets a second head, so it never reads as its true length. Over a dark shadow;
 * dashed (the gradient's) or solid. */
static void draw_arrow(DrawList *dl, const Tile *t, float x, float y, float dx, float dy, float cap, float w,
                       unsigned rgba, unsigned shadow, int dashed)
{
    /* a displacement that overflowed a float keeps its direction */
    if (isinf(dx) || isinf(dy)) {
        dx = isinf(dx) ? copysignf(1e6f, dx) : 0;
        dy = isinf(dy) ? copysignf(1e6f, dy) : 0;
    }
    float len = hypotf(dx, dy);
    if (!(len >= 1.5f * w) || !isfinite(len))
        return;
    int capped = len > cap;
    if (capped)
        dx *= cap / len, dy *= cap / len, len = cap;
    float ux = dx / len, uy = dy / len, hl = fminf(4.0f * w, 0.45f * len), hw = 0.6f * hl;
    /* one that leaves the tile ends at its edge on a bar across it, with no head:
     * it goes on beyond */
    int cut = t && clip_to_tile(t, x, y, &dx, &dy);
    if (cut)
        len = hypotf(dx, dy);
    float ex = x + dx, ey = y + dy;
    for (int pass = 0; pass < 2; pass++) {
        unsigned c = pass ? rgba : shadow;
        float lw = pass ? w : w + 2.5f;
        float shaft = cut ? len : len - hl * 0.5f, dash = dashed ? 3.0f * w : shaft, gap = dashed ? 2.5f * w : 0;
        for (float at = 0; at < shaft; at += dash + gap) {
            float to = fminf(at + dash, shaft);
            draw_line(dl, x + ux * at, y + uy * at, x + ux * to, y + uy * to, lw, c);
        }
        if (cut) {
            draw_line(dl, ex - uy * hw, ey + ux * hw, ex + uy * hw, ey - ux * hw, lw, c);
            continue;
        }
        for (int h = 0; h < 1 + capped; h++) {
            float hx = ex - ux * hl * 0.9f * (float)h, hy = ey - uy * hl * 0.9f * (float)h;
            draw_line(dl, hx, hy, hx - ux * hl - uy * hw, hy - uy * hl + ux * hw, lw, c);
            draw_line(dl, hx, hy, hx - ux * hl + uy * hw, hy - uy * hl - ux * hw, lw, c);
        }
    }
}

/* At each head shown: the box of the per-axis step size (eff_lr times |grad|), the
 * momentum (-lr * velocity), the plain gradient step (-lr * grad), and the step
 * taken, in that order so the step is on top. Returns the scale used. */
static double draw_internals(const App *a, const Tile *t, MapView v, int only, float s, DrawList *dl)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    double k = arrow_scale(a, t, v, only);
    float ppu = (float)(t->w / (v.x1 - v.x0)) * (float)k; /* pixels per map unit, scaled */
    float cap = fmaxf(0.3f * fminf(t->w, t->h), (float)ARROW_LONGEST * s), w = th->arrow_w * s;
    for (int i = 0; i < sc->n_runs; i++) {
        if (!shows_internals(a, i, only))
            continue;
        const Run *r = &sc->run[i];
        RunUpdate u;
        if (scene_run_update(sc, i, app_visible_step(a, r), &u) != 0)
            continue;
        const TrajPoint *q = &r->traj[u.k];
        float hx, hy;
        tile_px(t, v, q->x, q->y, &hx, &hy);
        /* y grows down on screen */
        float gx = (float)(-u.lr * q->gx) * ppu, gy = (float)(u.lr * q->gy) * ppu;
        if (!u.has_next) {
            draw_arrow(dl, t, hx, hy, gx, gy, cap, w, th->arrow_grad, th->arrow_shadow, 1);
            continue;
        }
        if (u.in.has & OPTIM_HAS_EFF_LR) {
            double gn = hypot(q->gx, q->gy);
            float bw = fminf((float)(u.in.eff_lr[0] * gn) * ppu, cap), bh = fminf((float)(u.in.eff_lr[1] * gn) * ppu, cap);
            if (isfinite(bw) && isfinite(bh) && bw + bh > 2) {
                /* on whole pixels: four thin edges for the renderer, not a shaded rect */
                float x0 = roundf(hx - bw), y0 = roundf(hy - bh), x1 = roundf(hx + bw), y1 = roundf(hy + bh);
                float lw = fmaxf(roundf(1.5f * s), 1.0f);
                /* cut at the tile's edge (2 px in); a side that was cut is dashed: the box goes on */
                float e0 = roundf(t->x + 2 + lw), f0 = roundf(t->y + 2 + lw);
                float e1 = roundf(t->x + t->w - 2 - lw), f1 = roundf(t->y + t->h - 2 - lw);
                int cut[4] = {x0 < e0, y0 < f0, x1 > e1, y1 > f1};
                x0 = fmaxf(x0, e0), y0 = fmaxf(y0, f0), x1 = fminf(x1, e1), y1 = fminf(y1, f1);
                if (x1 > x0 && y1 > y0) {
                    const float sx[4][4] = {{x0, y0, x0, y1}, {x0, y0, x1, y0}, {x1, y0, x1, y1}, {x0, y1, x1, y1}};
                    for (int pass = 0; pass < 2; pass++)
                        for (int e = 0; e < 4; e++) {
                            float ww = pass ? lw : 3 * lw;
                            unsigned c = pass ? app_run_rgba(r) : th->arrow_shadow;
                            if (cut[e])
                                dashed_line(dl, sx[e][0], sx[e][1], sx[e][2], sx[e][3], ww, 4 * lw, c);
                            else
                                draw_line(dl, sx[e][0], sx[e][1], sx[e][2], sx[e][3], ww, c);
                        }
                }
            }
        }
        if (u.in.has & OPTIM_HAS_VELOCITY)
            draw_arrow(dl, t, hx, hy, (float)(-u.lr * u.in.velocity[0]) * ppu, (float)(u.lr * u.in.velocity[1]) * ppu, cap,
                       w, th->arrow_velocity, th->arrow_shadow, 0);
        draw_arrow(dl, t, hx, hy, gx, gy, cap, w, th->arrow_grad, th->arrow_shadow, 1);
        if (isfinite(u.next[0]) && isfinite(u.next[1]))
            draw_arrow(dl, t, hx, hy, (float)(u.next[0] - q->x) * ppu, (float)(q->y - u.next[1]) * ppu, cap, w * 1.3f,
                       app_run_rgba(r), th->arrow_shadow, 0);
    }
    return k;
}

/* What the runs shown have inside: OPTIM_HAS_* bits. */
static unsigned internals_has(const App *a, int only)
{
    unsigned has = 0;
    for (int i = 0; i < a->scene.n_runs; i++) {
        RunUpdate u;
        if (shows_internals(a, i, only) && scene_run_update(&a->scene, i, app_visible_step(a, &a->scene.run[i]), &u) == 0)
            has |= u.in.has;
    }
    return has;
}

/* What the arrows mean: "-> step  -> -lr grad  -> -lr m  [] ...  x20", the
 * momentum and the box only when a run shown has them (has: OPTIM_HAS_*), on as
 * many lines of height 1.45 fs as max_w needs (*lines); drawn at (x, y) when dl is
 * not NULL. Returns the widest line's width. */
static float internals_key(const App *a, float x, float y, float fs, double k, unsigned has, unsigned step_rgba,
                           unsigned box_rgba, float max_w, int *lines, DrawList *dl)
{
    const Theme *th = &gs_theme;
    float s = fs / th->map_font, cx = x, cy = y, widest = 0;
    char scale[48];
    /* TRANSLATORS: the key to the internals' arrows: how much longer than the true step they are drawn */
    snprintf(scale, sizeof scale, _("arrows \xc3\x97%g"), k);
    /* the arrows' names: the step taken, the gradient's part, the momentum's part, the box of the step per axis */
    const char *const NAMES[] = {
        /* TRANSLATORS: the arrow of the step a run takes (internals' key) */
        _("step"), "\xe2\x88\x92lr\xc2\xb7\xe2\x88\x87" "f",
        /* TRANSLATORS: the arrow of the momentum's part of a step; keep −lr· */
        _("\xe2\x88\x92lr\xc2\xb7momentum"),
        /* TRANSLATORS: a box: the step's size along each axis (an adaptive optimizer's) */
        _("step per axis"), NULL};
    const unsigned colours[] = {step_rgba, th->arrow_grad, th->arrow_velocity, box_rgba};
    *lines = 1;
    for (int i = 0; i < 5; i++) {
        if ((i == 2 && !(has & OPTIM_HAS_VELOCITY)) || (i == 3 && !(has & OPTIM_HAS_EFF_LR)))
            continue;
        float mark = i == 4 ? 0 : (i == 3 ? 1.1f : 1.9f) * fs;
        float iw = mark + ui_text_width(&a->ui, i == 4, fs, i == 4 ? scale : NAMES[i]);
        if (cx > x && cx + iw > x + max_w) { /* on the next line */
            cx = x, cy += 1.45f * fs;
            (*lines)++;
        }
        if (dl && i < 4) {
            if (i == 3)
                draw_frame(dl, cx, cy + 0.15f * fs, 0.8f * fs, 0.8f * fs, 1.5f * s, colours[i]);
            else
                draw_arrow(dl, NULL, cx, cy + 0.55f * fs, 1.6f * fs, 0, 1e9f, th->arrow_w * s * (i == 0 ? 1.3f : 1.0f),
                           colours[i], th->arrow_shadow, i == 1);
            draw_text(dl, cx + mark, cy, fs, 0, th->text, NAMES[i], -1);
        } else if (dl) {
            draw_text(dl, cx, cy, fs, 1, th->text_strong, scale, -1);
        }
        widest = fmaxf(widest, cx + iw - x);
        cx += iw + 0.9f * fs;
    }
    return widest;
}

#define BASIN_DIM 0x6E6E6ED8u     /* over the field under basins: it turns grey */
#define BASIN_DIVERGED 0x8E1B1BFFu /* app_maps.c's diverged cells */

/* A known minimum: hollow rings, so the field's lowest colour shows at the centre. */
static void draw_minimum(DrawList *dl, float x, float y, float s)
{
    const Theme *th = &gs_theme;
    draw_circle(dl, x, y, th->minimum_r * s, th->minimum_ring & ~0xFFu, th->minimum_shadow_w * s, th->minimum_shadow);
    draw_circle(dl, x, y, th->minimum_ring_r * s, th->minimum_ring & ~0xFFu, th->minimum_ring_w * s, th->minimum_ring);
}

/* The heads of runs idx[0, n) at (hx, hy), the start at (sx, sy): heads that share
 * a place (with each other or the start) are drawn on a small ring around it, each
 * with a line to its point; with `labels`, a diverged run's head says so. */
static void draw_heads(const App *a, const Tile *t, const int *idx, const float *hx, const float *hy, int n, float sx,
                       float sy, float s, int labels, DrawList *dl)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    float dx[SCENE_MAX_RUNS], dy[SCENE_MAX_RUNS];
    heads_spread(hx, hy, n, sx, sy, th->head_r * s, dx, dy);
    float fs = th->label_font * s;
    for (int j = 0; j < n; j++) {
        const Run *r = &sc->run[idx[j]];
        int k = app_visible_step(a, r);
        if (dx[j] != hx[j] || dy[j] != hy[j])
            draw_line(dl, hx[j], hy[j], dx[j], dy[j], th->marker_w * s, app_run_rgba(r));
        draw_circle(dl, dx[j], dy[j], th->head_r * s, app_run_rgba(r), th->marker_w * s, th->head_outline);
        float hx0 = dx[j], hy0 = dy[j];
        if (labels && r->diverged_at >= 0 && k == r->n - 1) {
            char msg[64];
            /* TRANSLATORS: by a diverged run's head on the map: the run's name and a step */
            snprintf(msg, sizeof msg, _("%s diverged at step %d"), r->label, r->diverged_at);
            float tw = ui_text_width(&a->ui, 1, fs, msg);
            float tx = hx0 + 10 * s, ty = hy0 - 10 * s - fs;
            if (tx + tw > t->x + t->w - 4 * s)
                tx = hx0 - 10 * s - tw;
            if (tx < t->x + 4 * s)
                tx = t->x + 4 * s;
            if (ty < t->y + 4 * s)
                ty = hy0 + 10 * s;
            draw_rect(dl, tx - 5 * s, ty - 3 * s, tw + 10 * s, fs * 1.25f + 6 * s, 4 * s, th->label_box);
            draw_text(dl, tx, ty, fs, 1, th->error, msg, -1);
        }
    }
}

/* The other members of each noise bundle, so far, faint: as paths in the tile, or
 * on the 3D picture's surface. */
static void draw_bundles(const App *a, const Tile *t, MapView v, int only, float s, int in3d, DrawList *dl)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled || (only >= 0 && i != only) || sc->noise <= 0.0 || r->bundle < 2)
            continue;
        unsigned faint = (scene_palette(r->colour) << 8) | th->bundle_alpha;
        for (int j = 0; j < r->bundle - 1 && j < r->bundle_cap; j++) {
            int n = r->bundle_n[j];
            int k = (int)a->t + 1 < n ? (int)a->t + 1 : n;
            const TrajPoint *p = r->bundle_traj + (size_t)j * (size_t)r->cap;
            if (k > 1 && in3d)
                draw_path3d(dl, p, k, r->version, th->bundle_w * s, faint);
            else if (k > 1)
                draw_path(dl, t->x, t->y, t->w, t->h, v, p, k, r->version, th->bundle_w * s, faint);
        }
    }
}

/* The paths drawn (only: a grid tile's run, or -1), in the order they are drawn:
 * the runs in order, the selected run (the card's) last, on top. */
static int path_order(const App *a, int only, int *order)
{
    const Scene *sc = &a->scene;
    int m = 0, card = app_card_run(a);
    for (int i = 0; i < sc->n_runs; i++)
        if (sc->run[i].enabled && (only < 0 || i == only) && sc->run[i].n > 0 && i != card)
            order[m++] = i;
    if (card >= 0 && (only < 0 || card == only) && sc->run[card].n > 0)
        order[m++] = card;
    return m;
}

/* The width of the j-th of m paths drawn (run r): each a step wider than the one
 * drawn after it, so where paths share a valley every one still shows at the edges
 * of those over it (at most three steps up); a run that diverged, whose path flies
 * off the map, keeps the plain width. */
static float path_width(const Run *r, float s, int j, int m)
{
    int up = m - 1 - j < 3 ? m - 1 - j : 3;
    if (r->diverged_at >= 0)
        up = 0;
    return gs_theme.path_w * s + 2.0f * s * (float)up;
}

static void draw_runs(const App *a, const Tile *t, MapView v, int only, float s, DrawList *dl)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    /* noise bundles: the other seeds, faint, under every path */
    draw_bundles(a, t, v, only, s, 0, dl);
    /* every path's dark casing, then the paths over them, then the heads on top */
    int order[SCENE_MAX_RUNS], np = path_order(a, only, order);
    for (int pass = 0; pass < 2; pass++)
        for (int j = 0; j < np; j++) {
            const Run *r = &sc->run[order[j]];
            int k = app_visible_step(a, r);
            float w = path_width(r, s, j, np);
            draw_path_plain(dl, t->x, t->y, t->w, t->h, v, r->traj, k + 1, r->version, pass ? w : w + 2.5f * s,
                            pass ? app_run_rgba(r) : DRAW_PATH_HALO);
        }
    /* minima, over the paths: hollow rings, so the field's lowest colour shows at the
     * centre; over basins, filled with their basin's hue */
    int basins = a->maps.kind == MAPS_BASIN && a->maps.image && !a->maps.out2;
    for (int m = 0; m < sc->surface.n_minima; m++) {
        float mx, my;
        tile_px(t, v, sc->surface.minima[m][0], sc->surface.minima[m][1], &mx, &my);
        if (basins)
            draw_circle(dl, mx, my, th->minimum_ring_r * s, app_basin_rgb(m) << 8 | 0xFFu, 0, 0);
        draw_minimum(dl, mx, my, s);
    }
    /* the start, then the heads; heads that share a place (with each other or the
     * start) are drawn on a small ring around it, each with a line to its point */
    float sx, sy;
    tile_px(t, v, sc->start[0], sc->start[1], &sx, &sy);
    draw_circle(dl, sx, sy, th->start_r * s, th->marker_fill, th->marker_w * s, th->marker_outline);
    int idx[SCENE_MAX_RUNS], n = 0;
    float hx[SCENE_MAX_RUNS], hy[SCENE_MAX_RUNS];
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled || (only >= 0 && i != only) || r->n == 0)
            continue;
        int k = app_visible_step(a, r);
        tile_px(t, v, r->traj[k].x, r->traj[k].y, &hx[n], &hy[n]);
        idx[n++] = i;
    }
    draw_heads(a, t, idx, hx, hy, n, sx, sy, s, 1, dl);
    /* the arrows over the heads they leave */
    draw_internals(a, t, v, only, s, dl);
}

/* What a legend must not hide, as weighted pixels: the paths over the whole run
 * (each run's points sampled alike, so a long run weighs no more than a short
 * one), the minima, and, beyond any count of path points, the heads shown and the
 * start. In 3D the points are where they stand on the surface, and the surface
 * itself counts too, a little. Gathered once for as long as what they come from
 * stays the same. */
#define COST_RUN_POINTS 300
#define COST_POINTS (SCENE_MAX_RUNS * (COST_RUN_POINTS + 2) + SURFACE_MAX_MINIMA + 1 + 256)
typedef struct CostPoints {
    unsigned long long key;
    int n;
    PlaceMark m[COST_POINTS];
} CostPoints;

static unsigned long long mix_key(unsigned long long h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

static const CostPoints *cost_points(const App *a, const Tile *t, MapView v, float head_r)
{
    static CostPoints c;
    const Scene *sc = &a->scene;
    int in3d = a->view3d_blend > 0.0f;
    unsigned long long key = 1469598103934665603ull;
    key = mix_key(key, t, sizeof *t);
    key = mix_key(key, &v, sizeof v);
    key = mix_key(key, &a->view3d_blend, sizeof a->view3d_blend);
    key = mix_key(key, &a->camera, sizeof a->camera);
    key = mix_key(key, sc->start, sizeof sc->start);
    key = mix_key(key, &head_r, sizeof head_r);
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        int k = app_visible_step(a, r);
        key = mix_key(key, &r->version, sizeof r->version);
        key = mix_key(key, &r->n, sizeof r->n);
        key = mix_key(key, &r->enabled, sizeof r->enabled);
        key = mix_key(key, &k, sizeof k);
    }
    if (key == c.key && c.n > 0)
        return &c;
    c.key = key, c.n = 0;
    Box3D b;
    if (in3d)
        shown_box(a, &b);
    float px, py;
#define ADD(wx, wy, weight)                                                                         \
    do {                                                                                            \
        if (c.n < COST_POINTS &&                                                                    \
            (in3d ? tile_px3d(a, t, &b, (wx), (wy), &px, &py)                                       \
                  : (px = map_px_x(v, t->x, t->w, (wx)), py = map_px_y(v, t->y, t->h, (wy)), 1)))  \
            c.m[c.n++] = (PlaceMark){px, py, (weight) >= PLACE_NEVER ? head_r : 0, (float)(weight)};      \
    } while (0)
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled || r->n == 0)
            continue;
        int stride = r->n / COST_RUN_POINTS + 1, samples = (r->n + stride - 1) / stride;
        for (int k = 0; k < r->n; k += stride)
            ADD(r->traj[k].x, r->traj[k].y, (double)COST_RUN_POINTS / samples);
        const TrajPoint *q = &r->traj[app_visible_step(a, r)];
        ADD(q->x, q->y, PLACE_NEVER);
    }
    for (int m = 0; m < sc->surface.n_minima; m++)
        ADD(sc->surface.minima[m][0], sc->surface.minima[m][1], 100);
    ADD(sc->start[0], sc->start[1], PLACE_NEVER);
    if (in3d) /* the surface: a 16 x 16 grid of its points */
        for (int j = 0; j < 16; j++)
            for (int i = 0; i < 16; i++)
                ADD(b.view.x0 + (i + 0.5) / 16 * (b.view.x1 - b.view.x0),
                    b.view.y0 + (j + 0.5) / 16 * (b.view.y1 - b.view.y0), 2);
#undef ADD
    return &c;
}

/* Where the legend goes and what it holds. */
typedef struct Legend {
    char title[700];
    int compact;                     /* the run's name and loss only: a small map */
    int overflow;                    /* ... and even those are wider than the map has room */
    float loss_x;                    /* ... the loss's column */
    int starts[UI_WRAP_MAX], lines;  /* the title, wrapped */
    int cols;                        /* columns shown */
    int diverged;                    /* "diverged at step N" after the columns (when it fits) */
    float x, y, w, h;                /* its box */
    float fs, lh, pad;
    float rows_y;                    /* the first run's row */
    int key;                         /* the internals' key line at the bottom */
    double arrows;                   /* ... and its scale */
    unsigned has;                    /* ... and what it lists (OPTIM_HAS_*) */
    float key_fs;                    /* ... and its text size */
    int key_lines;                   /* ... and its lines */
} Legend;

/* A diverged run's words after its legend row. */
static void diverged_label(const Run *r, char *out, size_t cap)
{
    snprintf(out, cap, _("diverged at step %d"), r->diverged_at);
}

/* The legend: formula, then one line per run: swatch, label, step, loss, |grad|,
 * lr; with the internals, their key. Placed in the corner of the map that hides
 * least, unless asked otherwise. Returns 0 when there is none. */
static double legend_try(const App *a, const Tile *t, MapView v, float s, float text, Legend *L)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    float fs = th->map_font * s * text, lh = fs * 1.45f, pad = 10.0f * s, margin = 12.0f * s;
    L->fs = fs, L->lh = lh, L->pad = pad;
    int rows = 0, shown = 0;
    for (int i = 0; i < sc->n_runs; i++) {
        rows += sc->run[i].enabled;
        shown |= shows_internals(a, i, -1);
    }
    const char *name = sc->surface.builtin >= 0 ? _(surface_info(sc->surface.builtin)->title) : _("Your function");
    L->key = shown;
    L->arrows = shown ? arrow_scale(a, t, v, -1) : 1;
    L->has = shown ? internals_has(a, -1) : 0;
    float col[6] = {0, 150 * s, 230 * s, 340 * s, 450 * s, 550 * s};
    float diverged_w = 0; /* the widest "diverged at step N" */
    for (int i = 0; i < sc->n_runs; i++)
        if (sc->run[i].enabled && sc->run[i].diverged_at >= 0) {
            char label[64];
            diverged_label(&sc->run[i], label, sizeof label);
            diverged_w = fmaxf(diverged_w, ui_text_width(&a->ui, 1, fs, label));
        }
    float room = t->w - 2 * margin - 2 * pad;
    /* compact: the loss after the widest name, as wide as the widest loss */
    float name_w = 0, loss_w = 0;
    for (int i = 0; i < sc->n_runs; i++)
        if (sc->run[i].enabled) {
            const Run *r = &sc->run[i];
            char num[64];
            snprintf(num, sizeof num, "%s", _("not finite at the start"));
            int k = app_visible_step(a, r);
            if (r->n > 0 && r->diverged_at >= 0 && k == r->n - 1)
                diverged_label(r, num, sizeof num);
            else if (r->n > 0)
                num_format(r->traj[k].loss, num, sizeof num);
            name_w = fmaxf(name_w, ui_text_width(&a->ui, 1, fs, r->label));
            loss_w = fmaxf(loss_w, ui_text_width(&a->ui, 1, fs, num));
        }
    L->loss_x = roundf(22 * s + name_w + 14 * s);
    /* compact (the name and the loss, the surface's name alone) when the whole
     * legend would take more than half the map's width or a fifth of its area */
    for (int compact = 0; compact < 2; compact++) {
        L->compact = compact;
        if (compact)
            snprintf(L->title, sizeof L->title, "%s", name);
        else
            snprintf(L->title, sizeof L->title, "%s   f = %s", name, surface_display(&sc->surface));
        /* the columns that fit, dropped from the right (lr, then |grad|) when the map
         * is narrow; the divergence after them where it fits whole; the title
         * wrapped onto more lines when it is long */
        int cols = compact ? 2 : 5;
        float w = compact ? L->loss_x + loss_w : col[5] - 20 * s;
        while (!compact && cols > 3 && w > room)
            w = col[--cols] - 20 * s;
        L->overflow = compact && w > room;
        if (w > room)
            w = room;
        L->diverged = !compact && cols == 5 && diverged_w > 0 && col[5] + diverged_w <= room;
        if (L->diverged)
            w = col[5] + diverged_w;
        L->cols = cols;
        L->lines = 1;
        L->starts[0] = 0;
        float tw = ui_text_width(&a->ui, 1, fs, L->title);
        if (tw > w && tw > room) {
            L->lines = ui_wrap(&a->ui, 1, fs, L->title, room, L->starts, UI_WRAP_MAX);
            tw = room;
        }
        if (tw > w)
            w = tw;
        L->key_lines = 0;
        L->key_fs = 0;
        if (L->key) {
            /* the key on one line if it fits the legend's width, else on more */
            L->key_fs = fs * 0.9f;
            w = fmaxf(w, internals_key(a, 0, 0, L->key_fs, L->arrows, L->has, 0, 0, fmaxf(w, room), &L->key_lines, NULL));
        }
        if (w > room)
            w = room;
        L->w = w + 2 * pad;
        L->h = lh * (float)(rows + (compact ? 0 : 1) + L->lines) + L->key_fs * 1.45f * (float)L->key_lines + 2 * pad -
               4 * s;
        if (L->w <= 0.5f * t->w && L->w * L->h <= 0.2f * t->w * t->h)
            break;
    }
    float bw = L->w, bh = L->h;
    /* corners (top left, top right, bottom left, bottom right), then the middles of
     * the top, bottom, left and right edges */
    float x0 = t->x + margin, x1 = t->x + t->w - margin - bw, xm = 0.5f * (x0 + x1);
    float y0 = t->y + margin, y1 = t->y + t->h - margin - bh, ym = 0.5f * (y0 + y1);
    float cx[8] = {x0, x1, x0, x1, xm, xm, x0, x1}, cy[8] = {y0, y0, y1, y1, y0, y1, ym, ym};
    int place = 0;
    double best = 0;
    if (a->legend == LEGEND_AT) {
        L->x = roundf(x0 + (float)a->legend_at[0] * fmaxf(x1 - x0, 0));
        L->y = roundf(y0 + (float)a->legend_at[1] * fmaxf(y1 - y0, 0));
    } else {
        if (a->legend >= LEGEND_TL && a->legend <= LEGEND_BR) {
            place = (int)a->legend - (int)LEGEND_TL;
        } else {
            const CostPoints *pts = cost_points(a, t, v, 1.5f * th->head_r * s);
            place = place_best(pts->m, pts->n, cx, cy, 8, bw, bh, &best);
            if (bw > t->w - 2 * margin || bh > t->h - 2 * margin)
                best += 1e9; /* it does not fit */
        }
        L->x = cx[place], L->y = cy[place];
    }
    L->rows_y = L->y + pad + lh * (float)(L->lines + (L->compact ? 0 : 1));
    return best;
}

/* Places the legend (a->legend says how). Where it goes by itself and every place
 * would hide a head or the start, it tries smaller text, and on a map too small
 * for any legend that hides none, there is none (the heads matter more). Returns
 * 0 when there is no legend. */
static int legend_place(const App *a, const Tile *t, MapView v, float s, Legend *L)
{
    if (a->legend == LEGEND_NONE)
        return 0;
    /* smaller text where even the names and losses would be cut by a narrow map */
    float text = 1.0f;
    double score = legend_try(a, t, v, s, text, L);
    while (L->overflow && text > 0.65f)
        score = legend_try(a, t, v, s, text -= 0.1f, L);
    if (score < PLACE_NEVER || a->legend != LEGEND_AUTO)
        return 1;
    return (text > 0.8f ? legend_try(a, t, v, s, 0.8f, L) : score) < PLACE_NEVER;
}

/* The run of the legend row under a pixel, or -1. */
static int legend_row_at(const App *a, const Legend *L, float px, float py)
{
    if (px < L->x || px >= L->x + L->w || py < L->rows_y)
        return -1;
    int row = (int)((py - L->rows_y) / L->lh);
    for (int i = 0; i < a->scene.n_runs; i++)
        if (a->scene.run[i].enabled && row-- == 0)
            return i;
    return -1;
}

/* Draws the legend; returns 1 with its box in box (x, y, w, h), or 0 when none. */
static int draw_legend(const App *a, const Tile *t, MapView v, float s, DrawList *dl, float box[4])
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    static Legend L; /* the frame is built on one thread */
    if (!legend_place(a, t, v, s, &L))
        return 0;
    box[0] = L.x, box[1] = L.y, box[2] = L.w, box[3] = L.h;
    float fs = L.fs, lh = L.lh, pad = L.pad, x = L.x, y = L.y, bw = L.w, bh = L.h;
    float col[6] = {0, 150 * s, 230 * s, 340 * s, 450 * s, 550 * s};
    int cols = L.cols, card = app_card_run(a);
    draw_rect(dl, x, y, bw, bh, 8 * s, th->box);
    draw_clip(dl, x, y, bw, bh);
    float tx = x + pad, ty = y + pad;
    for (int i = 0; i < L.lines; i++) {
        int end = i + 1 < L.lines ? L.starts[i + 1] : (int)strlen(L.title);
        draw_text(dl, tx, ty + (float)i * lh, fs, 1, th->text_strong, L.title + L.starts[i], end - L.starts[i]);
    }
    ty += lh * (float)L.lines;
    /* the columns' heads: words, then symbols (lr the key's name) */
    static const char *const HEAD[] = {N_("run"), N_("step"), N_("loss"), "|\342\210\207f|", "lr", ""};
    if (!L.compact) {
        for (int c = 0; c < cols; c++)
            draw_text(dl, tx + col[c] + (c == 0 ? 22 * s : 0), ty, fs * 0.9f, 0, th->text_dim, c < 3 ? _(HEAD[c]) : HEAD[c],
                      -1);
        ty += lh;
    }
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled)
            continue;
        if (i == card) /* the run the card explains */
            draw_rect(dl, x + 3 * s, ty - 0.15f * lh, bw - 6 * s, lh, 4 * s, th->widget_hot);
        draw_rect(dl, tx, ty + fs * 0.45f, 16 * s, 4 * s, 2 * s, app_run_rgba(r));
        draw_text(dl, tx + 22 * s, ty, fs, 1, th->text_strong, r->label, -1);
        char buf[64];
        if (r->n == 0) {
            draw_text(dl, tx + (L.compact ? L.loss_x : col[1]), ty, fs, 0, th->error, _("not finite at the start"), -1);
        } else if (L.compact) { /* the loss, or that it diverged */
            int k = app_visible_step(a, r);
            if (r->diverged_at >= 0 && k == r->n - 1) {
                diverged_label(r, buf, sizeof buf);
                draw_text(dl, tx + L.loss_x, ty, fs, 1, th->error, buf, -1);
            } else {
                num_format(r->traj[k].loss, buf, sizeof buf);
                draw_text(dl, tx + L.loss_x, ty, fs, 0, th->text, buf, -1);
            }
        } else {
            int k = app_visible_step(a, r);
            const TrajPoint *q = &r->traj[k];
            snprintf(buf, sizeof buf, "%d", k);
            draw_text(dl, tx + col[1], ty, fs, 0, th->text, buf, -1);
            num_format(q->loss, buf, sizeof buf);
            draw_text(dl, tx + col[2], ty, fs, 0, th->text, buf, -1);
            if (cols > 3) {
                num_format(hypot(q->gx, q->gy), buf, sizeof buf);
                draw_text(dl, tx + col[3], ty, fs, 0, th->text, buf, -1);
            }
            if (cols > 4) {
                num_format(q->lr, buf, sizeof buf); /* the learning rate of the next step */
                draw_text(dl, tx + col[4], ty, fs, 0, th->text, buf, -1);
            }
            if (r->diverged_at >= 0 && k == r->n - 1 && L.diverged) {
                diverged_label(r, buf, sizeof buf);
                draw_text(dl, tx + col[5], ty, fs, 1, th->error, buf, -1);
            }
        }
        ty += lh;
    }
    if (L.key) {
        /* the samples of the step and the box: in the colour of the run they are
         * drawn for when that is one run, else in the text's (each run's own) */
        unsigned step_rgba = 0, box_rgba = 0;
        int steps = 0, boxes = 0;
        for (int i = 0; i < sc->n_runs; i++) {
            RunUpdate u;
            if (!shows_internals(a, i, -1) || scene_run_update(sc, i, app_visible_step(a, &sc->run[i]), &u) != 0)
                continue;
            unsigned c = app_run_rgba(&sc->run[i]);
            steps += step_rgba != c, step_rgba = c;
            if (u.in.has & OPTIM_HAS_EFF_LR)
                boxes += box_rgba != c, box_rgba = c;
        }
        int key_lines;
        internals_key(a, tx, ty + 0.1f * lh, L.key_fs, L.arrows, L.has, steps == 1 ? step_rgba : th->text_strong,
                      boxes == 1 ? box_rgba : th->text_strong, bw - 2 * pad, &key_lines, dl);
    }
    draw_no_clip(dl);
    return 1;
}

/* A grid tile's title (the run and its settings) and its live numbers. */
static void draw_tile_title(const App *a, const Tile *t, const Run *r, float s, DrawList *dl)
{
    const Theme *th = &gs_theme;
    char title[200], hp[160];
    hp_summary(r, hp, sizeof hp);
    snprintf(title, sizeof title, "%s   %s", r->label, hp);
    float fs = th->map_font * s;
    float tw = ui_text_width(&a->ui, 1, fs, title);
    draw_rect(dl, t->x + 8 * s, t->y + 8 * s, tw + 20 * s, fs * 1.25f + 10 * s, 6 * s, th->box);
    draw_rect(dl, t->x + 8 * s, t->y + 8 * s, 5 * s, fs * 1.25f + 10 * s, 2 * s, app_run_rgba(r));
    draw_text(dl, t->x + 20 * s, t->y + 13 * s, fs, 1, th->text_strong, title, -1);
    if (r->n == 0)
        return;
    int k = app_visible_step(a, r);
    char line[160], l1[32], l2[32];
    num_format(r->traj[k].loss, l1, sizeof l1);
    num_format(hypot(r->traj[k].gx, r->traj[k].gy), l2, sizeof l2);
    /* TRANSLATORS: a grid tile's numbers: the step shown, the loss and the gradient's size there */
    snprintf(line, sizeof line, _("step %d   loss %s   |\xe2\x88\x87" "f| %s"), k, l1, l2);
    float lw = ui_text_width(&a->ui, 0, fs * 0.9f, line);
    float ly = t->y + t->h - fs * 1.3f - 16 * s;
    draw_rect(dl, t->x + 8 * s, ly, lw + 20 * s, fs * 1.2f + 10 * s, 6 * s, th->box);
    draw_text(dl, t->x + 18 * s, ly + 5 * s, fs * 0.9f, 0, th->text, line, -1);
}

/* A grid tile's key to its arrows, above its numbers. */
static void draw_tile_key(const App *a, const Tile *t, MapView v, float s, DrawList *dl)
{
    const Theme *th = &gs_theme;
    float fs = th->map_font * s * 0.9f;
    double k = arrow_scale(a, t, v, t->run);
    unsigned has = internals_has(a, t->run);
    int lines;
    float kw = internals_key(a, 0, 0, fs, k, has, 0, 0, t->w - 36 * s, &lines, NULL);
    float kh = 1.45f * fs * (float)lines;
    float ky = t->y + t->h - th->map_font * s * 1.3f - 16 * s - kh - 18 * s;
    draw_rect(dl, t->x + 8 * s, ky, kw + 20 * s, kh + 8 * s, 6 * s, th->box);
    unsigned rgba = app_run_rgba(&a->scene.run[t->run]);
    internals_key(a, t->x + 18 * s, ky + 5 * s, fs, k, has, rgba, rgba, t->w - 36 * s, &lines,
                  dl);
}

/* ---- 3D ----------------------------------------------------------------------- */

/* The camera and box height drawn now: while the map turns between 2D and 3D, the
 * camera comes down from straight above and the surface rises from flat. */
static float ease(float x) { return x * x * (3.0f - 2.0f * x); }

static Camera3D shown_camera(const App *a, const Tile *t)
{
    Camera3D c = view3d_camera_fit(a->camera, t->w, t->h);
    float k = ease(a->view3d_blend);
    c.elevation = 89.0f + (c.elevation - 89.0f) * k;
    return c;
}

static float shown_height(const App *a) { return VIEW3D_HEIGHT * ease(a->view3d_blend); }

/* The region the 3D box stands on: the view, as the 2D map asks for it. */
static MapView box_view(const App *a) { return a->view; }

/* The box drawn now (its colour scale kept while the surface and view stay). */
static void shown_box(const App *a, Box3D *b)
{
    static Box3DMemo memo;
    view3d_box_memo(&memo, &a->scene.surface, box_view(a), shown_height(a), b);
}

/* A world point on the surface, in pixels of the tile; 0 when it is off the box
 * (a run that flew off) or behind the camera. */
static int tile_px3d(const App *a, const Tile *t, const Box3D *b, double x, double y, float *px, float *py)
{
    vec3 q;
    float o[3];
    if (!(fabs(x - b->cx) <= 0.5 * fabs(b->view.x1 - b->view.x0) && fabs(y - b->cy) <= 0.5 * fabs(b->view.y1 - b->view.y0)))
        return 0;
    view3d_point(b, x, y, surface_value(&a->scene.surface, x, y), 0.0f, q);
    Camera3D cam = shown_camera(a, t);
    if (!view3d_project(&cam, t->w, t->h, q, o))
        return 0;
    *px = t->x + fmaxf(-1e5f, fminf(1e5f, o[0]));
    *py = t->y + fmaxf(-1e5f, fminf(1e5f, o[1]));
    return 1;
}

/* The 3D picture of a tile: surface, bundles and paths on it, then the minima, the
 * start and the heads as markers over it. */
static void draw_runs3d(const App *a, const Tile *t, int only, float s, DrawList *dl)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    Box3D b;
    shown_box(a, &b);
    draw_surface3d(dl, t->x, t->y, t->w, t->h, &sc->surface, b.view, shown_camera(a, t), b.height);
    draw_bundles(a, t, b.view, only, s, 1, dl);
    int order[SCENE_MAX_RUNS], np = path_order(a, only, order);
    for (int j = 0; j < np; j++) {
        const Run *r = &sc->run[order[j]];
        draw_path3d(dl, r->traj, app_visible_step(a, r) + 1, r->version, path_width(r, s, j, np), app_run_rgba(r));
    }
    draw_end3d(dl);
    float mx, my, sx, sy;
    for (int m = 0; m < sc->surface.n_minima; m++)
        if (tile_px3d(a, t, &b, sc->surface.minima[m][0], sc->surface.minima[m][1], &mx, &my))
            draw_minimum(dl, mx, my, s);
    if (tile_px3d(a, t, &b, sc->start[0], sc->start[1], &sx, &sy))
        draw_circle(dl, sx, sy, th->start_r * s, th->marker_fill, th->marker_w * s, th->marker_outline);
    else
        sx = sy = -1e5f;
    int idx[SCENE_MAX_RUNS], n = 0;
    float hx[SCENE_MAX_RUNS], hy[SCENE_MAX_RUNS];
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled || (only >= 0 && i != only) || r->n == 0)
            continue;
        const TrajPoint *q = &r->traj[app_visible_step(a, r)];
        if (tile_px3d(a, t, &b, q->x, q->y, &hx[n], &hy[n]))
            idx[n++] = i;
    }
    draw_heads(a, t, idx, hx, hy, n, sx, sy, s, 0, dl);
}

/* The basins' key at the bottom right of the tiles' frame (its top right when the
 * legend is there, legend a box or NULL): whose they are, each minimum's hue with where it
 * is and its share of the starts, the diverged share; or that they are being
 * computed, and how far. */
static void draw_basin_key(const App *a, const MapFrame *p, float s, const float *legend, DrawList *dl)
{
    const Maps *m = &a->maps;
    if (m->want != MAPS_BASIN && m->kind != MAPS_BASIN)
        return;
    const Theme *th = &gs_theme;
    const Surface *surf = &a->scene.surface;
    float fs = th->map_font * s * 0.9f, lh = 1.3f * fs, sw = 0.9f * fs;
    enum { LINES = SURFACE_MAX_MINIMA + 3 };
    char line[LINES][160];
    unsigned swatch[LINES];
    int n = 0;
    int run = m->run >= 0 && m->run < a->scene.n_runs ? m->run : 0;
    int other = m->other >= 0 && m->other < a->scene.n_runs ? m->other : -1;
    if (m->kind != MAPS_BASIN || !m->image) {
        snprintf(line[n], sizeof line[n], _("Computing the basins of %s\xe2\x80\xa6 %.0f%%"), a->scene.run[run].label,
                 100.0 * app_maps_progress(a));
        swatch[n++] = 0;
    } else if (other >= 0 && m->out2) {
        /* TRANSLATORS: the basins' key comparing two runs: where their ends differ, coloured by the first's end;
         * %s are runs' names (the first twice), %d x %d the grid of start points */
        snprintf(line[n], sizeof line[n], _("Where %s and %s part (%d \xc3\x97 %d starts): the colour of where %s ends"),
                 a->scene.run[run].label, a->scene.run[other].label, m->nx, m->ny, a->scene.run[run].label);
        swatch[n++] = 0;
    } else {
        const char *fmt = m->fine || !m->want ?
            /* TRANSLATORS: the basins' key: the run's name, the grid of start points (still being refined, in the
             * second); a darker colour: the run took longer to get there */
            _("Basins of %s (%d \xc3\x97 %d starts); darker: slower")
            : _("Basins of %s (%d \xc3\x97 %d starts, refining); darker: slower");
        snprintf(line[n], sizeof line[n], fmt, a->scene.run[run].label, m->nx, m->ny);
        swatch[n++] = 0;
        for (int k = 0; k < surf->n_minima && k < SURFACE_MAX_MINIMA; k++) {
            char x[32], y[32];
            num_format(surf->minima[k][0], x, sizeof x), num_format(surf->minima[k][1], y, sizeof y);
            /* TRANSLATORS: a minimum's point, and the share of the start points whose runs end there */
            snprintf(line[n], sizeof line[n], _("(%s, %s): %.0f%% of the starts"), x, y, 100.0 * m->share[k]);
            swatch[n++] = app_basin_rgb(k) << 8 | 0xFFu;
        }
        snprintf(line[n], sizeof line[n], _("diverged: %.0f%%"), 100.0 * m->share_diverged);
        swatch[n++] = BASIN_DIVERGED;
        if (m->share_none > 0) {
            snprintf(line[n], sizeof line[n], _("at no minimum within the steps: %.0f%%"), 100.0 * m->share_none);
            swatch[n++] = BASIN_DIM | 0xFFu;
        }
    }
    float w = 0;
    for (int i = 0; i < n; i++)
        w = fmaxf(w, ui_text_width(&a->ui, i == 0, fs, line[i]) + (swatch[i] ? sw + 0.5f * fs : 0));
    w += 20 * s;
    float h = (float)n * lh + 10 * s;
    float x = p->x + p->w - w - 8 * s, y = p->y + p->h - h - 8 * s;
    if (legend && x < legend[0] + legend[2] && legend[0] < x + w && y < legend[1] + legend[3] && legend[1] < y + h)
        y = p->y + 8 * s;
    draw_rect(dl, x, y, w, h, 6 * s, th->box);
    for (int i = 0; i < n; i++) {
        float tx = x + 10 * s, ty = y + 5 * s + (float)i * lh;
        if (swatch[i]) {
            draw_rect(dl, tx, ty + 0.5f * (lh - sw) - 0.1f * fs, sw, sw, 2 * s, swatch[i]);
            tx += sw + 0.5f * fs;
        }
        draw_text(dl, tx, ty, fs, i == 0 ? 1 : 0, th->text, line[i], -1);
    }
}

/* ---- axes and the colour bar: drawing ------------------------------------------ */

/* Text centred vertically on y, right-aligned at x (align 1), left at x (0) or
 * centred on x (0.5). */
static void axis_text(const App *a, DrawList *dl, float x, float y, float fs, float align, unsigned rgba, const char *s)
{
    float w = ui_text_width(&a->ui, 0, fs, s);
    draw_text(dl, roundf(x - align * w), roundf(y - 0.62f * fs), fs, 0, rgba, s, -1);
}

/* Labelled ticks left of the tiles in the first column and below those in the
 * last row (every tile shows the same region); a label that would run past the
 * panel or into its neighbour is left out. */
static void draw_axes2d(const App *a, const MapFrame *mf, const Panel *p, const Tile *tiles, int n, DrawList *dl)
{
    const Theme *th = &gs_theme;
    float fs = mf->fs, tk = mf->tick, lw = fmaxf(1.0f, roundf(fs / 12.0f));
    for (int i = 0; i < n; i++) {
        const Tile *t = &tiles[i];
        MapView v = tile_view(a, t);
        Tick k[TICKS_MAX];
        /* a tile with a neighbour above, below, left or right keeps its labels clear of
         * the neighbour's */
        int above = t->y > mf->y + 0.5f, below = t->y + t->h < mf->y + mf->h - 0.5f;
        int leftn = t->x > mf->x + 0.5f, rightn = t->x + t->w < mf->x + mf->w - 0.5f;
        if (!leftn) {
            int most = (int)(t->h / (2.6f * fs));
            int m = ticks_linear(v.y0, v.y1, most < 2 ? 2 : most, k);
            for (int j = 0; j < m; j++) {
                float y = roundf(map_px_y(v, t->y, t->h, k[j].v));
                if (y < t->y - 0.5f || y > t->y + t->h + 0.5f || y - 0.62f * fs < p->y ||
                    (above && y - 0.7f * fs < t->y) || (below && y + 0.7f * fs > t->y + t->h))
                    continue;
                draw_line(dl, t->x - tk, y, t->x, y, lw, th->text_dim);
                axis_text(a, dl, t->x - tk - 3, y, fs, 1.0f, th->text, k[j].label);
            }
        }
        if (!below) {
            float widest = 0;
            Tick probe[TICKS_MAX];
            int pm = ticks_linear(v.x0, v.x1, 8, probe);
            widest = widest_label(a, fs, probe, pm);
            int most = (int)(t->w / (widest + 2.5f * fs));
            int m = ticks_linear(v.x0, v.x1, most < 2 ? 2 : most, k);
            float last_end = -1e30f, y = t->y + t->h;
            for (int j = 0; j < m; j++) {
                float x = roundf(map_px_x(v, t->x, t->w, k[j].v));
                float w = ui_text_width(&a->ui, 0, fs, k[j].label);
                if (x < t->x - 0.5f || x > t->x + t->w + 0.5f || x - w / 2 < p->x || x + w / 2 > p->x + p->w ||
                    x - w / 2 < last_end + fs || (leftn && x - w / 2 < t->x + 2) ||
                    (rightn && x + w / 2 > t->x + t->w - 2))
                    continue;
                draw_line(dl, x, y, x, y + tk, lw, th->text_dim);
                axis_text(a, dl, x, y + tk + 0.75f * fs, fs, 0.5f, th->text, k[j].label);
                last_end = x + w / 2;
            }
        }
    }
}

/* The colour bar: the colormap from low (bottom) to high, a dark mark at each
 * contour level the field draws, and the loss at labelled ticks. */
static void draw_colour_bar(const App *a, const MapFrame *mf, const SurfaceScale *sc, DrawList *dl)
{
    static unsigned ramp[256];
    if (!ramp[0])
        for (int i = 0; i < 256; i++)
            ramp[i] = render_colormap((float)(255 - i) / 255.0f) << 8 | 0xFFu;
    const Theme *th = &gs_theme;
    const Surface *s = &a->scene.surface;
    float fs = mf->fs, x = mf->bar_x, y = mf->bar_y, w = mf->bar_w, h = mf->bar_h;
    float lw = fmaxf(1.0f, roundf(fs / 12.0f));
    char title[64];
    bar_title(s, sc, a->view3d, title, sizeof title);
    draw_text(dl, roundf(x), roundf(mf->y), fs, 1, th->text_strong, title, -1);
    draw_image(dl, x, y, w, h, ramp, 1, 256, 1, 1.0f);
    for (int i = 1; i < RENDER_FIELD_LEVELS; i++) {
        float ly = roundf(y + h - h * (float)i / RENDER_FIELD_LEVELS);
        draw_line(dl, x, ly, x + w, ly, lw, 0x00000070u);
    }
    draw_frame(dl, x - lw, y - lw, w + 2 * lw, h + 2 * lw, lw, th->text_dim);
    Tick t[TICKS_MAX];
    float pos[TICKS_MAX];
    int most = (int)(h / (2.4f * fs));
    int n = bar_ticks(s, sc, most < 2 ? 2 : most, t, pos);
    for (int i = 0; i < n; i++) {
        float ty = roundf(y + h - h * pos[i]);
        draw_line(dl, x + w, ty, x + w + mf->tick, ty, lw, th->text_dim);
        axis_text(a, dl, x + w + mf->tick + 3, ty, fs, 0.0f, th->text, t[i].label);
    }
}

/* The 3D box's scales: labelled ticks along the two floor edges nearest the
 * camera (x and y), and the height scale up the corner on their left, with the
 * colour bar's values. */
static void draw_axes3d(const App *a, const MapFrame *mf, const Tile *t, DrawList *dl)
{
    const Theme *th = &gs_theme;
    Box3D b;
    shown_box(a, &b);
    Camera3D cam = shown_camera(a, t);
    MapView v = b.view;
    float hx = (float)(0.5 * fabs(v.x1 - v.x0) / b.half), hz = (float)(0.5 * fabs(v.y1 - v.y0) / b.half);
    float az = glm_rad(cam.azimuth);
    /* the near edges: the camera's side of the box in x and in z */
    float ex = sinf(az) >= 0 ? hx : -hx, ez = cosf(az) >= 0 ? hz : -hz;
    float fs = mf->fs, lw = fmaxf(1.0f, roundf(fs / 12.0f)), off = 0.07f;
    Tick k[TICKS_MAX];
    float o[3], o2[3];
    for (int axis = 0; axis < 2; axis++) {
        double lo = axis == 0 ? v.x0 : v.y0, hi = axis == 0 ? v.x1 : v.y1;
        int m = ticks_linear(lo, hi, 5, k);
        for (int j = 0; j < m; j++) {
            float bx = axis == 0 ? (float)((k[j].v - b.cx) / b.half) : ex;
            float bz = axis == 0 ? ez : (float)(-(k[j].v - b.cy) / b.half);
            if (fabsf(bx) > hx + 1e-4f || fabsf(bz) > hz + 1e-4f)
                continue;
            vec3 p0 = {bx, VIEW3D_FLOOR, bz};
            vec3 p1 = {axis == 0 ? bx : bx + copysignf(off, ex), VIEW3D_FLOOR, axis == 0 ? bz + copysignf(off, ez) : bz};
            if (!view3d_project(&cam, t->w, t->h, p0, o) || !view3d_project(&cam, t->w, t->h, p1, o2))
                continue;
            draw_line(dl, t->x + o[0], t->y + o[1], t->x + o2[0], t->y + o2[1], lw, th->text_strong);
            float dx = o2[0] - o[0], dy = o2[1] - o[1], d = fmaxf(hypotf(dx, dy), 1e-3f);
            float lx = t->x + o2[0] + dx / d * 0.9f * fs, ly = t->y + o2[1] + dy / d * 0.9f * fs;
            axis_text(a, dl, lx, ly, fs, dx < -0.3f * d ? 1.0f : (dx > 0.3f * d ? 0.0f : 0.5f), th->text_strong,
                      k[j].label);
        }
        /* the axis's name past its last tick */
        vec3 pn = {axis == 0 ? hx * 1.12f : ex + copysignf(2.5f * off, ex), VIEW3D_FLOOR,
                   axis == 0 ? ez + copysignf(2.5f * off, ez) : -hz * 1.12f};
        if (view3d_project(&cam, t->w, t->h, pn, o))
            axis_text(a, dl, t->x + o[0], t->y + o[1], fs, 0.5f, th->text_strong, axis == 0 ? "x" : "y");
    }
    /* the height scale: up the near corner on the left of the picture */
    vec3 c1 = {ex, 0, -ez}, c2 = {-ex, 0, ez};
    float a1[3], a2[3];
    if (!view3d_project(&cam, t->w, t->h, c1, a1) || !view3d_project(&cam, t->w, t->h, c2, a2))
        return;
    float cx = a1[0] < a2[0] ? c1[0] : c2[0], cz = a1[0] < a2[0] ? c1[2] : c2[2];
    vec3 bot = {cx, 0, cz}, top = {cx, b.height, cz};
    float ob[3], ot[3];
    if (!view3d_project(&cam, t->w, t->h, bot, ob) || !view3d_project(&cam, t->w, t->h, top, ot) || b.height < 0.05f)
        return;
    draw_line(dl, t->x + ob[0], t->y + ob[1], t->x + ot[0], t->y + ot[1], lw, th->text_strong);
    float pos[TICKS_MAX];
    int m = bar_ticks(&a->scene.surface, &b.scale, 5, k, pos);
    for (int j = 0; j < m; j++) {
        vec3 p0 = {cx, pos[j] * b.height, cz};
        if (!view3d_project(&cam, t->w, t->h, p0, o))
            continue;
        float px = t->x + o[0], py = t->y + o[1];
        draw_line(dl, px - mf->tick, py, px, py, lw, th->text_strong);
        axis_text(a, dl, px - mf->tick - 3, py, fs, 1.0f, th->text_strong, k[j].label);
    }
}

static void map_draw(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    MapFrame mf;
    map_frame(a, p, f->scale, &mf);
    Tile tiles[SCENE_MAX_RUNS];
    int n = tiles_in(a, &mf, f->scale, tiles);
    for (int i = 0; i < n; i++) {
        const Tile *t = &tiles[i];
        MapView v = tile_view(a, t);
        draw_clip(dl, t->x, t->y, t->w, t->h);
        if (a->view3d_blend > 0.0f) {
            draw_runs3d(a, t, a->layout == LAYOUT_GRID ? t->run : -1, f->scale, dl);
        } else {
            draw_field(dl, t->x, t->y, t->w, t->h, &a->scene.surface, v);
            const Maps *m = &a->maps;
            if (m->kind == MAPS_BASIN && m->image) {
                /* where each start ends, over the field dimmed to grey (its hues are the
                 * basins' now) */
                draw_rect(dl, t->x, t->y, t->w, t->h, 0, BASIN_DIM);
                float bx = map_px_x(v, t->x, t->w, m->view.x0), by = map_px_y(v, t->y, t->h, m->view.y1);
                draw_image(dl, bx, by, map_px_x(v, t->x, t->w, m->view.x1) - bx,
                           map_px_y(v, t->y, t->h, m->view.y0) - by, m->image, m->nx, m->ny, m->version, 0.8f);
            }
            draw_runs(a, t, v, a->layout == LAYOUT_GRID ? t->run : -1, f->scale, dl);
        }
        if (a->layout == LAYOUT_GRID && t->run >= 0)
            draw_tile_title(a, t, &a->scene.run[t->run], f->scale, dl);
        if (a->layout == LAYOUT_GRID && t->run >= 0 && shows_internals(a, t->run, t->run) && a->view3d_blend == 0.0f)
            draw_tile_key(a, t, v, f->scale, dl);
        if (mf.bar && a->view3d && a->view3d_blend >= 1.0f)
            draw_axes3d(a, &mf, t, dl);
        draw_no_clip(dl);
    }
    if (mf.ticks2d && a->view3d_blend == 0.0f)
        draw_axes2d(a, &mf, p, tiles, n, dl);
    if (mf.bar) {
        Box3D b;
        SurfaceScale sc = field_scale(&a->scene.surface, tile_view(a, &tiles[0]));
        if (a->view3d_blend > 0.0f)
            shown_box(a, &b), sc = b.scale;
        draw_colour_bar(a, &mf, &sc, dl);
    }
    float legend[4];
    int has_legend = (a->layout == LAYOUT_OVERLAY || n == 0) &&
                     draw_legend(a, &tiles[0], tile_view(a, &tiles[0]), f->scale, dl, legend);
    draw_basin_key(a, &mf, f->scale, has_legend ? legend : NULL, dl);
}

/* ---- input -------------------------------------------------------------------- */

/* The view scaled by f about world point (wx, wy), which stays where it is on the
 * map; not past the spans the map allows. */
static void zoom_view(App *a, double wx, double wy, double f)
{
    double span = (a->view.x1 - a->view.x0) * f;
    if (span >= 1e-9 && span <= 1e9) {
        a->view.x0 = wx + (a->view.x0 - wx) * f, a->view.x1 = wx + (a->view.x1 - wx) * f;
        a->view.y0 = wy + (a->view.y0 - wy) * f, a->view.y1 = wy + (a->view.y1 - wy) * f;
    }
}

static void map_input(App *a, const Panel *p, const Input *in)
{
    MapGesture *g = &a->gesture;
    float s = a->frame.scale;
    int over = in->mouse_x >= p->x && in->mouse_x < p->x + p->w && in->mouse_y >= p->y && in->mouse_y < p->y + p->h &&
               !app_covered(a, in->mouse_x, in->mouse_y);
    /* the legend: a click on a row selects its run (again: closes its card), a drag
     * moves it to a place of its own (kept in the scene), a double click puts it
     * back where it hides least */
    if (in->mouse_pressed && over && !a->ui.mouse_used && !a->show_help && a->layout == LAYOUT_OVERLAY) {
        Tile t[SCENE_MAX_RUNS];
        map_tiles(a, p, s, t);
        static Legend L;
        if (legend_place(a, &t[0], tile_view(a, &t[0]), s, &L) && in->mouse_x >= L.x && in->mouse_x < L.x + L.w &&
            in->mouse_y >= L.y && in->mouse_y < L.y + L.h) {
            if (in->double_click) {
                a->legend = LEGEND_AUTO;
            } else {
                g->legend = 1;
                g->panning = 0;
                g->legend_row = legend_row_at(a, &L, in->mouse_x, in->mouse_y);
                g->press_x = in->mouse_x, g->press_y = in->mouse_y;
                g->legend_x = L.x, g->legend_y = L.y;
            }
            a->ui.mouse_used = 1;
            return;
        }
    }
    if (g->legend) {
        float dx = in->mouse_x - g->press_x, dy = in->mouse_y - g->press_y;
        if (in->mouse_down && !g->panning && dx * dx + dy * dy > 16.0f * s * s)
            g->panning = 1;
        if (in->mouse_down && g->panning) {
            Tile t[SCENE_MAX_RUNS];
            map_tiles(a, p, s, t);
            static Legend L;
            if (legend_place(a, &t[0], tile_view(a, &t[0]), s, &L)) {
                /* the box's place as a share of the room it has (legend_place's margins) */
                float margin = 12.0f * s;
                float rx = t[0].w - 2 * margin - L.w, ry = t[0].h - 2 * margin - L.h;
                double fx = rx > 0 ? (g->legend_x + dx - (t[0].x + margin)) / rx : 0;
                double fy = ry > 0 ? (g->legend_y + dy - (t[0].y + margin)) / ry : 0;
                a->legend = LEGEND_AT;
                a->legend_at[0] = fmin(fmax(fx, 0.0), 1.0);
                a->legend_at[1] = fmin(fmax(fy, 0.0), 1.0);
            }
        }
        if (in->mouse_released || !in->mouse_down) {
            if (!g->panning && g->legend_row >= 0)
                app_select(a, app_card_run(a) == g->legend_row ? -1 : g->legend_row);
            g->legend = g->panning = 0;
        }
        return;
    }
    if (in->mouse_pressed && over && !a->ui.mouse_used && !a->show_help) {
        g->pressing = 1;
        g->panning = 0;
        g->press_x = in->mouse_x, g->press_y = in->mouse_y;
        g->press_view = a->view;
        g->press_camera = a->camera;
    }
    Tile tiles[SCENE_MAX_RUNS];
    int n = map_tiles(a, p, s, tiles);
    if (in->two_fingers) /* a second finger: the press is a gesture, not a click */
        g->pressing = g->panning = 0;
    int gi = tile_at(tiles, n, in->gesture_x, in->gesture_y);
    if (in->two_fingers && gi >= 0 && !app_covered(a, in->gesture_x, in->gesture_y) && !a->show_help) {
        if (a->view3d) {
            if (in->zoom > 0) {
                a->camera.distance /= in->zoom;
                view3d_camera_clamp(&a->camera);
            }
        } else {
            /* the world point under the fingers' centre follows it, and the view scales
             * about it as they spread or close */
            MapView v = tile_view(a, &tiles[gi]);
            double ux = (v.x1 - v.x0) / tiles[gi].w, uy = (v.y1 - v.y0) / tiles[gi].h;
            double wx = map_world_x(v, tiles[gi].x, tiles[gi].w, in->gesture_x - in->pan_dx);
            double wy = map_world_y(v, tiles[gi].y, tiles[gi].h, in->gesture_y - in->pan_dy);
            double f = in->zoom > 0 ? 1.0 / in->zoom : 1.0;
            zoom_view(a, wx, wy, f);
            double mx = -in->pan_dx * ux * f, my = in->pan_dy * uy * f;
            a->view.x0 += mx, a->view.x1 += mx, a->view.y0 += my, a->view.y1 += my;
        }
    }
    if (g->pressing && in->mouse_down) {
        float dx = in->mouse_x - g->press_x, dy = in->mouse_y - g->press_y;
        if (!g->panning && dx * dx + dy * dy > 16.0f * s * s)
            g->panning = 1;
        if (g->panning && a->view3d) {
            /* 3D: a drag orbits, Shift-drag moves the target along the ground */
            Camera3D c = g->press_camera;
            if (in->shift) {
                float az = glm_rad(c.azimuth), k = c.distance * 1.2f / fmaxf(tiles[0].h, 1.0f);
                c.target[0] -= (cosf(az) * dx - sinf(az) * dy) * k;
                c.target[2] -= (-sinf(az) * dx - cosf(az) * dy) * k;
            } else {
                c.azimuth -= dx * 0.35f;
                c.elevation += dy * 0.3f;
            }
            view3d_camera_clamp(&c);
            a->camera = c;
        } else if (g->panning) {
            MapView v = map_fit(g->press_view, tiles[0].w, tiles[0].h);
            double ux = (v.x1 - v.x0) / tiles[0].w, uy = (v.y1 - v.y0) / tiles[0].h;
            a->view.x0 = g->press_view.x0 - dx * ux, a->view.x1 = g->press_view.x1 - dx * ux;
            a->view.y0 = g->press_view.y0 + dy * uy, a->view.y1 = g->press_view.y1 + dy * uy;
        }
    }
    if (g->pressing && in->mouse_released) {
        double wx, wy;
        if (!g->panning && app_map_world(a, g->press_x, g->press_y, &wx, &wy)) {
            a->scene.start[0] = wx;
            a->scene.start[1] = wy;
            a->changes.scene = 1;
            a->changes.restart = 1;
        }
        g->pressing = g->panning = 0;
    }
    int i = tile_at(tiles, n, in->mouse_x, in->mouse_y);
    if (in->wheel != 0.0f && over && !a->show_help && i >= 0 && a->view3d) {
        a->camera.distance *= powf(1.12f, -in->wheel);
        view3d_camera_clamp(&a->camera);
    } else if (in->wheel != 0.0f && over && !a->show_help && i >= 0) {
        /* zoom about the cursor: the world point under it stays put */
        MapView v = tile_view(a, &tiles[i]);
        double wx = map_world_x(v, tiles[i].x, tiles[i].w, in->mouse_x);
        double wy = map_world_y(v, tiles[i].y, tiles[i].h, in->mouse_y);
        zoom_view(a, wx, wy, pow(1.15, -(double)in->wheel));
    }
}

const PanelClass panel_map = {
    .name = "map",
    .input = map_input,
    .draw = map_draw,
};
