/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The window's layout at the sizes a classroom has (800x600 to 3840x2160), at UI
 * scales 0.75, 1 and 2, with every run's settings expanded and collapsed. Checked
 * on what the UI pass placed and drew, with the real font's metrics (no pixels):
 *   - no two widgets overlap;
 *   - every widget lies inside its panel (across; down the side panel, widgets may
 *     be scrolled out of view);
 *   - every text fits: inside the widget it labels, or clear of every widget and
 *     inside its panel;
 *   - nothing was dropped from the draw lists;
 *   - the plot under the map is shown wherever the map keeps 60% of the height,
 *     and its own text (title, tick labels) stays in the panel, off its axes and
 *     the widgets, with no two labels overlapping;
 *   - the map's axes: tick labels in the bands beside and below the map, never on
 *     it, on another label or a widget, each at the pixel of its value; the colour
 *     bar's numbers increasing upwards, each where the field's colour scale puts
 *     it; the legend over no head and not over the start. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>

#include <unistd.h>

#include "app.h"
#include "glctx.h"
#include "lang.h"

static Renderer *ren;
static char where[160];
static int reported;

typedef struct Box {
    float x, y, w, h;
} Box;

static int inside(Box a, Box b, float tol)
{
    return a.x >= b.x - tol && a.y >= b.y - tol && a.x + a.w <= b.x + b.w + tol && a.y + a.h <= b.y + b.h + tol;
}

static int overlap(Box a, Box b, float tol)
{
    return a.x + tol < b.x + b.w && b.x + tol < a.x + a.w && a.y + tol < b.y + b.h && b.y + tol < a.y + a.h;
}

/* Reports the first few failures of one layout only, so a broken layout does not
 * print hundreds of lines. */
#define FAIL(...)                                                                      \
    do {                                                                               \
        check_count++;                                                                 \
        check_failures++;                                                              \
        if (reported++ < 6) {                                                          \
            fprintf(stderr, "test_layout: %s: ", where);                               \
            fprintf(stderr, __VA_ARGS__);                                              \
            fputc('\n', stderr);                                                       \
        }                                                                              \
    } while (0)

/* The panel whose input recorded UI command or widget k (a->recorded), or NULL. */
static const Panel *recorded_panel(const App *a, int k, int widget)
{
    for (int r = 0; r < a->n_recorded; r++) {
        const Recorded *rec = &a->recorded[r];
        if (widget ? k >= rec->placed_first && k < rec->placed_last : k >= rec->first && k < rec->last)
            return frame_panel(&a->frame, rec->cls);
    }
    return NULL;
}

static void check_layout(const App *a)
{
    const UiContext *ui = &a->ui;
    const FrameLayout *f = &a->frame;
    const Panel *side = frame_panel(f, &panel_side);
    CHECK(a->ui_dl.dropped == 0);
    CHECK(ui->n_placed < (int)(sizeof ui->placed / sizeof ui->placed[0]));
    /* the panels tile the window (a drawer lies over them) */
    float area = 0;
    for (int i = 0; i < f->n; i++) {
        if (f->panel[i].over)
            continue;
        area += f->panel[i].w * f->panel[i].h;
        for (int j = i + 1; j < f->n; j++)
            if (!f->panel[j].over && overlap((Box){f->panel[i].x, f->panel[i].y, f->panel[i].w, f->panel[i].h},
                                             (Box){f->panel[j].x, f->panel[j].y, f->panel[j].w, f->panel[j].h}, 0.01f))
                FAIL("panels %s and %s overlap", f->panel[i].cls->name, f->panel[j].cls->name);
    }
    if (fabsf(area - (float)f->w * (float)f->h) > 1.0f)
        FAIL("the panels cover %.0f of %d pixels", area, f->w * f->h);
    /* widgets: inside the panel that placed them (down the side panel, they may be
     * scrolled out of view), apart from each other in the same layer (a drawer's lie
     * over the others') */
    for (int i = 0; i < ui->n_placed; i++) {
        Box b = {ui->placed[i].x, ui->placed[i].y, ui->placed[i].w, ui->placed[i].h};
        if (b.w < 4 || b.h < 4)
            FAIL("widget %d is squashed to %.1f x %.1f", i, b.w, b.h);
        const Panel *p = recorded_panel(a, i, 1);
        if (!p) {
            FAIL("widget %d at %.0f,%.0f %.0fx%.0f is in no panel", i, b.x, b.y, b.w, b.h);
            continue;
        }
        Box pb = {p->x, p->y, p->w, p->h};
        int across = b.x >= pb.x - 0.5f && b.x + b.w <= pb.x + pb.w + 0.5f;
        if (!across || (p != side && !inside(b, pb, 0.5f)))
            FAIL("widget %d at %.0f,%.0f %.0fx%.0f is outside the %s panel", i, b.x, b.y, b.w, b.h, p->cls->name);
        for (int j = i + 1; j < ui->n_placed; j++) {
            Box c = {ui->placed[j].x, ui->placed[j].y, ui->placed[j].w, ui->placed[j].h};
            const Panel *q = recorded_panel(a, j, 1);
            if (q && q->over == p->over && overlap(b, c, 0.5f))
                FAIL("widgets %d (%.0f,%.0f %.0fx%.0f) and %d (%.0f,%.0f %.0fx%.0f) overlap", i, b.x, b.y, b.w, b.h, j,
                     c.x, c.y, c.w, c.h);
        }
    }
    /* text: inside the widget it is on, else clear of every widget of its layer and
     * inside its panel */
    const DrawList *dl = &a->ui_dl;
    for (int c = 0; c < dl->n; c++) {
        const DrawCmd *t = &dl->cmd[c];
        if (t->kind != DRAW_TEXT || t->text_len == 0)
            continue;
        const char *s = draw_text_of(dl, t);
        Box tb = {t->x, t->y, render_text_width(ren, t->font, t->h, s, t->text_len), t->h * 1.2f};
        const Panel *p = recorded_panel(a, c, 0);
        if (!p)
            continue; /* recorded again later (the bar's, app.c: record_again): not drawn */
        int on = -1;
        for (int i = 0; i < ui->n_placed && on < 0; i++) {
            Box b = {ui->placed[i].x, ui->placed[i].y, ui->placed[i].w, ui->placed[i].h};
            const Panel *q = recorded_panel(a, i, 1);
            if (q == p && tb.x + 1 >= b.x && tb.x + 1 < b.x + b.w && tb.y + 0.5f * tb.h >= b.y &&
                tb.y + 0.5f * tb.h < b.y + b.h)
                on = i;
        }
        if (on >= 0) {
            Box b = {ui->placed[on].x, ui->placed[on].y, ui->placed[on].w, ui->placed[on].h};
            if (tb.x + tb.w > b.x + b.w + 0.5f)
                FAIL("'%s' (%.0f px) does not fit its widget (%.0f px wide)", s, tb.w, b.w);
            continue;
        }
        for (int i = 0; i < ui->n_placed; i++) {
            Box b = {ui->placed[i].x, ui->placed[i].y, ui->placed[i].w, ui->placed[i].h};
            const Panel *q = recorded_panel(a, i, 1);
            if (q && q->over == p->over && overlap(tb, b, 0.5f)) {
                FAIL("'%s' at %.0f,%.0f (%.0f px) runs into widget %d at %.0f,%.0f", s, tb.x, tb.y, tb.w, i, b.x, b.y);
                break;
            }
        }
        if (tb.x < p->x - 0.5f || tb.x + tb.w > p->x + p->w + 0.5f)
            FAIL("'%s' (%.0f px at x %.0f) leaves the %s panel (x %.0f to %.0f)", s, tb.w, tb.x, p->cls->name, p->x,
                 p->x + p->w);
    }
}

/* The update-rule card, when open: beside the map, which keeps room to be a map,
 * and every line of the card inside it (across and down: nothing cut off). */
static void check_card(const App *a, DrawList *dl)
{
    const FrameLayout *f = &a->frame;
    const Panel *card = frame_panel(f, &panel_card), *map = frame_panel(f, &panel_map);
    if (!card || !map) {
        FAIL("no card or map panel");
        return;
    }
    if (card->w < 1) {
        /* hidden only where the window is too narrow for card and map */
        if (map->w >= 600 * f->scale)
            FAIL("the card is hidden though the map is %.0f px wide", map->w);
        return;
    }
    if (map->w < 300 * f->scale - 0.5f)
        FAIL("the card leaves the map %.0f px", map->w);
    app_frame(a, f, dl);
    int lines = 0, cut = 0;
    for (int c = 0; c < dl->n; c++) {
        const DrawCmd *t = &dl->cmd[c];
        if (t->kind != DRAW_TEXT || t->x < card->x || t->x >= card->x + card->w || t->y < card->y ||
            t->y >= card->y + card->h)
            continue;
        const char *s = draw_text_of(dl, t);
        cut |= strcmp(s, _("\xe2\x80\xa6 more than fits: widen the window")) == 0;
        float w = render_text_width(ren, t->font, t->h, s, t->text_len);
        lines++;
        if (t->x + w > card->x + card->w + 0.5f || t->y + t->h * 1.2f > card->y + card->h + 0.5f)
            FAIL("card line '%.*s' (%.0fx%.0f at %.0f,%.0f) leaves the card", t->text_len, s, w, t->h, t->x, t->y);
    }
    /* all of it, or (even at its smallest text it does not fit) as much as fits and
     * a last line that says so */
    if (lines < 20 && !cut)
        FAIL("the card has %d lines", lines);
}

static DrawList frame_dl;

/* The help overlay (F1): every line inside the window, and a key never running
 * into its help text. */
static void check_help(App *a)
{
    a->show_help = 1;
    app_frame(a, &a->frame, &frame_dl);
    a->show_help = 0;
    const FrameLayout *f = &a->frame;
    const DrawCmd *prev = NULL;
    int lines = 0;
    for (int i = 0; i < frame_dl.n; i++) {
        const DrawCmd *t = &frame_dl.cmd[i];
        if (t->kind != DRAW_TEXT || t->rgba != gs_theme.heading || i + 1 >= frame_dl.n)
            continue;
        const DrawCmd *h = &frame_dl.cmd[i + 1]; /* its help text follows it */
        if (h->kind != DRAW_TEXT || h->y != t->y)
            continue;
        lines++;
        float kw = render_text_width(ren, t->font, t->h, draw_text_of(&frame_dl, t), t->text_len);
        float hw = render_text_width(ren, h->font, h->h, draw_text_of(&frame_dl, h), h->text_len);
        if (t->x + kw > h->x - 2)
            FAIL("help: the key '%s' runs into its text", draw_text_of(&frame_dl, t));
        if (t->x < 0 || h->x + hw > (float)f->w + 0.5f || h->y + h->h * 1.2f > (float)f->h + 0.5f || t->y < 0)
            FAIL("help: '%s' leaves the %dx%d window", draw_text_of(&frame_dl, h), f->w, f->h);
        if (prev && t->y < prev->y + prev->h)
            FAIL("help: lines overlap");
        prev = t;
    }
    if (lines < 15)
        FAIL("help: %d lines", lines);
}

static void check_plot(const App *a)
{
    const FrameLayout *f = &a->frame;
    const Panel *p = frame_panel(f, &panel_plot), *m = frame_panel(f, &panel_map);
    if (!p || !m) {
        FAIL("no plot or map panel");
        return;
    }
    if (p->h <= 0) {
        if (f->h >= 700 && a->user_scale <= 1.0f)
            FAIL("the plot is hidden at %dx%d", f->w, f->h);
        return;
    }
    if (m->h < 0.6f * (m->h + p->h) - 0.5f)
        FAIL("the map keeps %.0f of %.0f px over the plot", m->h, m->h + p->h);
    app_frame(a, f, &frame_dl);
    if (frame_dl.dropped)
        FAIL("%d commands dropped from the frame", frame_dl.dropped);
    /* the axes: the background rect inside the panel */
    Box axes = {0, 0, 0, 0};
    for (int i = 0; i < frame_dl.n; i++) {
        const DrawCmd *c = &frame_dl.cmd[i];
        if (c->kind == DRAW_RECT && c->rgba == gs_theme.bg && inside((Box){c->x, c->y, c->w, c->h},
                                                                   (Box){p->x, p->y, p->w, p->h}, 0))
            axes = (Box){c->x, c->y, c->w, c->h};
    }
    if (axes.w < 100 || axes.h < 40) {
        FAIL("the plot's axes are %.0f x %.0f", axes.w, axes.h);
        return;
    }
    Box text[64];
    int n = 0;
    for (int i = 0; i < frame_dl.n && n < 64; i++) {
        const DrawCmd *t = &frame_dl.cmd[i];
        if (t->kind != DRAW_TEXT || t->text_len == 0)
            continue;
        const char *s = draw_text_of(&frame_dl, t);
        Box tb = {t->x, t->y, render_text_width(ren, t->font, t->h, s, t->text_len), t->h * 1.2f};
        if (!overlap(tb, (Box){p->x, p->y, p->w, p->h}, 0.5f))
            continue;
        /* a widget's label (the metric buttons) is checked with the widgets */
        int on_widget = 0;
        for (int k = 0; k < a->ui.n_placed; k++) {
            Box b = {a->ui.placed[k].x, a->ui.placed[k].y, a->ui.placed[k].w, a->ui.placed[k].h};
            if (inside(tb, b, 0.5f))
                on_widget = 1;
            else if (overlap(tb, b, 0.5f))
                FAIL("plot text '%s' runs into widget %d", s, k);
        }
        if (on_widget)
            continue;
        if (!inside(tb, (Box){p->x, p->y, p->w, p->h}, 0.5f))
            FAIL("plot text '%s' at %.0f,%.0f (%.0f px) leaves the panel", s, tb.x, tb.y, tb.w);
        if (overlap(tb, axes, 1.0f))
            FAIL("plot text '%s' at %.0f,%.0f is on the axes", s, tb.x, tb.y);
        for (int k = 0; k < n; k++)
            if (overlap(tb, text[k], 0.5f))
                FAIL("plot texts '%s' and #%d overlap", s, k);
        text[n++] = tb;
    }
    if (n < 4)
        FAIL("only %d texts on the plot", n);
}

/* A label's number: U+2212 read as '-'. */
static double label_value(const char *s)
{
    char buf[64];
    size_t n = 0;
    for (; *s && n + 1 < sizeof buf; s++) {
        if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 && (unsigned char)s[2] == 0x92)
            buf[n++] = '-', s += 2;
        else
            buf[n++] = *s;
    }
    buf[n] = '\0';
    char *end;
    double v = strtod(buf, &end);
    return end != buf && *end == '\0' ? v : NAN;
}

static void check_map(const App *a)
{
    const FrameLayout *f = &a->frame;
    const Panel *p = frame_panel(f, &panel_map);
    Box r;
    if (!p || !app_map_rect(a, &r.x, &r.y, &r.w, &r.h)) {
        FAIL("no map");
        return;
    }
    float s = f->scale;
    int bands = p->w >= 260 * s && p->h >= 160 * s;
    if (bands && (r.x <= p->x || r.y + r.h >= p->y + p->h || r.x + r.w >= p->x + p->w))
        FAIL("no bands for the axes around the %.0fx%.0f map", p->w, p->h);
    /* the map's own drawing: an open drawer, which lies over it, left out */
    FrameLayout under = *f;
    under.n = 0;
    for (int i = 0; i < f->n; i++)
        if (!f->panel[i].over)
            under.panel[under.n++] = f->panel[i];
    app_frame(a, &under, &frame_dl);
    MapView v = map_fit(a->view, r.w, r.h);
    SurfaceScale sc;
    surface_color_scale(&a->scene.surface, (const double[4]){v.x0, v.x1, v.y0, v.y1}, &sc);
    Box bar = {0, 0, 0, 0};
    for (int i = 0; i < frame_dl.n; i++)
        if (frame_dl.cmd[i].kind == DRAW_IMAGE && frame_dl.cmd[i].iw == 1 && frame_dl.cmd[i].ih == 256)
            bar = (Box){frame_dl.cmd[i].x, frame_dl.cmd[i].y, frame_dl.cmd[i].w, frame_dl.cmd[i].h};
    if (bands && (bar.h < 0.5f * r.h || bar.x < r.x + r.w || bar.x + bar.w > p->x + p->w))
        FAIL("the colour bar is at %.0f,%.0f %.0fx%.0f beside a map ending at %.0f", bar.x, bar.y, bar.w, bar.h,
             r.x + r.w);
    Box text[96];
    const DrawCmd *text_cmd[96];
    int n = 0, nx = 0, ny = 0, nb = 0;
    /* the last label of each kind: its value and place */
    double ly = NAN, lx = NAN, lb = NAN;
    float ly_at = 0, lx_at = 0, lb_at = 0;
    for (int i = 0; i < frame_dl.n && n < 96; i++) {
        const DrawCmd *t = &frame_dl.cmd[i];
        if (t->kind != DRAW_TEXT || t->text_len == 0 || t->x < p->x || t->x >= p->x + p->w || t->y < p->y - 1 ||
            t->y >= p->y + p->h)
            continue;
        const char *str = draw_text_of(&frame_dl, t);
        Box tb = {t->x, t->y, render_text_width(ren, t->font, t->h, str, t->text_len), t->h * 1.2f};
        if (overlap(tb, r, 0.5f))
            continue; /* on the map: the legend's and the titles' */
        if (!inside(tb, (Box){p->x, p->y, p->w, p->h}, 0.5f))
            FAIL("map text '%s' at %.0f,%.0f leaves the map's panel", str, tb.x, tb.y);
        for (int k = 0; k < a->ui.n_placed; k++) {
            const Panel *q = recorded_panel(a, k, 1);
            if ((!q || !q->over) && /* a drawer's lie over the map */
                overlap(tb, (Box){a->ui.placed[k].x, a->ui.placed[k].y, a->ui.placed[k].w, a->ui.placed[k].h}, 0.5f))
                FAIL("axis text '%s' runs into widget %d", str, k);
        }
        for (int k = 0; k < n; k++)
            if (overlap(tb, text[k], 0.5f))
                FAIL("axis labels '%.*s' (of '%.40s') and '%.*s' overlap", t->text_len, str, str, text_cmd[k]->text_len,
                     draw_text_of(&frame_dl, text_cmd[k]));
        text_cmd[n] = t;
        text[n++] = tb;
        double val = label_value(str);
        float cy = tb.y + 0.62f * t->h, cx = tb.x + 0.5f * tb.w;
        if (isnan(val))
            continue; /* the colour bar's title */
        if (tb.x + tb.w <= r.x + 0.5f) { /* left: y */
            ny++;
            float want = map_px_y(v, r.y, r.h, val);
            if (fabsf(cy - want) > 1.5f)
                FAIL("y label '%s' at %.1f, its value at %.1f", str, cy, want);
            if (!isnan(ly) && !((val - ly) * (cy - ly_at) < 0))
                FAIL("y labels not increasing upwards at '%s'", str);
            ly = val, ly_at = cy;
        } else if (tb.y >= r.y + r.h - 0.5f) { /* below: x */
            nx++;
            float want = map_px_x(v, r.x, r.w, val);
            if (fabsf(cx - want) > 1.5f)
                FAIL("x label '%s' at %.1f, its value at %.1f", str, cx, want);
            if (!isnan(lx) && !((val - lx) * (cx - lx_at) > 0))
                FAIL("x labels not increasing to the right at '%s'", str);
            lx = val, lx_at = cx;
        } else if (tb.x >= bar.x + bar.w) { /* the colour bar's: drawn from low to high */
            nb++;
            double t01 = a->scene.surface.log_color ? (log10(val) - sc.lo) / (sc.hi - sc.lo)
                                                    : (val - sc.lo) / (sc.hi - sc.lo);
            float want = bar.y + bar.h * (1.0f - (float)t01);
            if (fabsf(cy - want) > 1.5f)
                FAIL("colour bar label '%s' at %.1f, its place on the scale at %.1f", str, cy, want);
            if (!isnan(lb) && !((val - lb) * (cy - lb_at) < 0))
                FAIL("colour bar labels not increasing upwards at '%s'", str);
            lb = val, lb_at = cy;
        }
    }
    if (bands && (nx < 2 || ny < 2 || nb < 2))
        FAIL("%d x labels, %d y labels, %d on the colour bar", nx, ny, nb);
    /* the legend's box (its rect right before its clip) over no head and not the start */
    Box legend = {0, 0, 0, 0};
    for (int i = 0; i + 1 < frame_dl.n; i++) {
        const DrawCmd *c = &frame_dl.cmd[i], *d = &frame_dl.cmd[i + 1];
        if (c->kind == DRAW_RECT && c->rgba == gs_theme.box && d->kind == DRAW_CLIP && d->x == c->x && d->y == c->y &&
            inside((Box){c->x, c->y, c->w, c->h}, r, 0.5f))
            legend = (Box){c->x, c->y, c->w, c->h};
    }
    if (legend.w <= 0) { /* none only where the map is too small to hold one clear of the heads */
        if (r.w >= 480 * s && r.h >= 320 * s)
            FAIL("no legend on a %.0fx%.0f map", r.w, r.h);
        return;
    }
    float hr = gs_theme.head_r * s;
    for (int i = 0; i <= a->scene.n_runs; i++) {
        double wx, wy;
        if (i == a->scene.n_runs) {
            wx = a->scene.start[0], wy = a->scene.start[1];
        } else {
            const Run *run = &a->scene.run[i];
            if (!run->enabled || run->n == 0)
                continue;
            const TrajPoint *q = &run->traj[app_visible_step(a, run)];
            wx = q->x, wy = q->y;
        }
        Box disc = {map_px_x(v, r.x, r.w, wx) - hr, map_px_y(v, r.y, r.h, wy) - hr, 2 * hr, 2 * hr};
        if (overlap(disc, legend, 0))
            FAIL("the legend covers %s", i == a->scene.n_runs ? "the start" : a->scene.run[i].label);
    }
}

int main(void)
{
    GlContext gl;
    char err[600];
    if (glctx_create(&gl, "test_layout", 64, 64, 1, err, (int)sizeof err) != 0) {
        fprintf(stderr, "test_layout: %s\n", err);
        return 1;
    }
    ren = render_create();
    CHECK(ren != NULL);
    char *argv[] = {"gradscape"};
    Config cfg;
    CHECK(spec_parse_args(1, argv, &cfg, err, sizeof err) == 0);
    static App app;
    CHECK(app_init(&app, &cfg, NULL, ren, err, sizeof err) == 0);
    /* RAdam's rectified update has the card's longest lines */
    int radam = scene_add_run(&app.scene, OPTIM_RADAM, NULL, NULL);
    CHECK(radam >= 0);
    scene_simulate(&app.scene);
    static DrawList dl;
    CHECK(draw_init(&dl, 8192, 1 << 16) == 0);
    CHECK(draw_init(&frame_dl, 8192, 1 << 16) == 0);
    static const int SIZES[][2] = {{800, 600}, {1024, 768}, {1280, 720}, {1366, 768}, {1920, 1080}, {3840, 2160}};
    static const float SCALES[] = {0.75f, 1.0f, 2.0f};
    Input none;
    memset(&none, 0, sizeof none);
    none.mouse_x = none.mouse_y = -1;
    int layouts = 0, failed = 0;
    int narrow_seen = 0;
    /* every language: Chinese's glyphs are taller and its words shorter; a
     * translation must fit where the English does */
    char exe[4096];
    ssize_t n_exe = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n_exe > 0 ? n_exe : 0] = 0;
    lang_bind_near(exe);
    for (int li = 0; li < lang_count(); li++) {
        CHECK(lang_set(lang_at(li)->code, err, sizeof err) == 0);
        int cjk_texts = 0;
        for (int s = 0; s < 6; s++)
            for (int k = 0; k < 3; k++)
                for (int more = 0; more < 4; more++) {
                    app.user_scale = SCALES[k];
                    app.side.run_more = more & 1 ? 0xFFFFu : 0;
                    /* with the update-rule card of RAdam at step 10 open */
                    app.playing = 0, app.t = 10;
                    app_select(&app, more & 2 ? radam : -1);
                    snprintf(where, sizeof where, "%s, %dx%d, UI scale %.2f, runs %s%s", lang_current(), SIZES[s][0],
                             SIZES[s][1], SCALES[k], more & 1 ? "expanded" : "collapsed", more & 2 ? ", card open" : "");
                    /* an immediate-mode layout settles in a frame or two */
                    for (int i = 0; i < 3; i++)
                        app_update(&app, &none, 0.0, SIZES[s][0], SIZES[s][1]);
                    int before = check_failures;
                    reported = 0;
                    check_layout(&app);
                    if (more & 2)
                        check_card(&app, &dl);
                    if (more == 0)
                        check_help(&app);
                    check_plot(&app);
                    check_map(&app);
                    layouts++;
                    failed += check_failures > before;
                }
        /* phones (upright and turned), a tablet, a window snapped to half a screen: the
         * side panel a drawer where it would take more than 40% of the width, the map
         * then the window's whole width; the drawer closed, peeking, at half and (upright)
         * grown, every control inside its panel; under a finger, every control 44 px tall */
        static const int PHONES[][2] = {{390, 844}, {844, 390}, {683, 768}, {768, 1024}};
        for (int s = 0; s < 4; s++)
            for (int touch = 0; touch < 2; touch++)
                for (int drawer = DRAWER_CLOSED; drawer <= DRAWER_PEEK; drawer++) {
                    int w = PHONES[s][0], h = PHONES[s][1];
                    app.user_scale = 1.0f;
                    app.side.run_more = 0;
                    app.touch = touch;
                    app.drawer = drawer;
                    app_select(&app, -1);
                    snprintf(where, sizeof where, "%s, %dx%d%s, drawer %d", lang_current(), w, h, touch ? ", touch" : "",
                         drawer);
                    for (int i = 0; i < 3; i++)
                        app_update(&app, &none, 0.0, w, h);
                    int before = check_failures;
                    reported = 0;
                    check_layout(&app);
                    check_map(&app);
                    const FrameLayout *f = &app.frame;
                    const Panel *map = frame_panel(f, &panel_map), *side = frame_panel(f, &panel_side);
                    const Panel *bar = frame_panel(f, &panel_bar);
                    if (f->narrow) {
                        narrow_seen++;
                        if (map->w < 0.95f * (float)w)
                            FAIL("a drawer, yet the map is %.0f of %d px wide", map->w, w);
                        if (drawer && !(side && side->over && side->x >= 0 && side->y >= 0 &&
                                        side->x + side->w <= (float)w + 0.5f && side->y + side->h <= bar->y + 0.5f))
                            FAIL("the open drawer is not over the map, inside the window, above the bar");
                        if (!drawer && side)
                            FAIL("the closed drawer is shown");
                    } else if (!side || map->w < 0.6f * (float)w - 0.5f) {
                        FAIL("no drawer, and the map is %.0f of %d px wide", map->w, w);
                    }
                    if (touch)
                        for (int i = 0; i < app.ui.n_placed; i++)
                            if (app.ui.placed[i].h < 43.5f) {
                                FAIL("widget %d is %.0f px tall under a finger", i, app.ui.placed[i].h);
                                break;
                            }
                    layouts++;
                    failed += check_failures > before;
                }
        /* the window speaks the language: in Chinese, its words are (a dozen texts
         * at least, with the help open), in English none is but the switch's 中文 */
        app.touch = 0, app.drawer = 0, app.show_help = 1;
        app_update(&app, &none, 0.0, 1920, 1080);
        app_frame(&app, &app.frame, &frame_dl);
        app.show_help = 0;
        for (int i = 0; i < frame_dl.n; i++) {
            const DrawCmd *t = &frame_dl.cmd[i];
            const unsigned char *u = (const unsigned char *)draw_text_of(&frame_dl, t);
            int cjk = 0;
            for (int k = 0; k < lang_count(); k++) /* the switch names each language in itself */
                if (t->kind == DRAW_TEXT && t->text_len == (int)strlen(lang_at(k)->name) &&
                    !memcmp(u, lang_at(k)->name, (size_t)t->text_len))
                    cjk = -1;
            for (int j = 0; cjk == 0 && t->kind == DRAW_TEXT && j + 2 < t->text_len; j++)
                cjk |= u[j] >= 0xE4 && u[j] <= 0xE9 && (u[j + 1] & 0xC0) == 0x80;
            cjk_texts += cjk > 0;
        }
        if (strcmp(lang_current(), "en") == 0)
            CHECK_MSG(cjk_texts == 0, "English: %d texts in Chinese", cjk_texts);
        else
            CHECK_MSG(cjk_texts >= 12, "%s: only %d texts are translated", lang_current(), cjk_texts);
    }
    lang_set("en", err, sizeof err);
    app.touch = 0, app.drawer = 0;
    CHECK_MSG(narrow_seen >= 32, "narrow at %d of the phone sizes' layouts", narrow_seen);
    printf("test_layout: %d layouts, %d with a fault\n", layouts, failed);
    draw_free(&dl);
    app_free(&app);
    draw_free(&frame_dl);
    render_destroy(ren);
    glctx_destroy(&gl);
    return check_done("test_layout");
}
