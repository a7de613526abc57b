/* panel_card: the update-rule card. For the selected run at the step shown, the
 * update that takes it to the next step, written out operation by operation as its
 * step function computed it (src/core/optim.c traces each line), first with symbols
 * and then with each coordinate's numbers and result. It follows the animation, the
 * timeline and the arrow keys, so a class can walk through one update at a time.
 *
 * Invariants: everything shown comes from scene_run_update (the state replayed from
 * the trajectory), so the numbers are the simulation's own; the text shrinks (to a
 * floor) rather than leave the card. */
#include "app.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define CARD_MAX_LINES 64
#define CARD_MIN_W 300.0f     /* the card's narrowest, at UI scale 1 */
#define CARD_MAP_MIN_W 300.0f /* the map it leaves, at least */

typedef struct CardLine {
    char text[320];
    int font;
    float size;      /* times the card's font size */
    unsigned rgba;
    float indent;    /* times the font size */
    float gap;       /* space above, times the line height */
} CardLine;

typedef struct Card {
    CardLine line[CARD_MAX_LINES];
    int n;
} Card;

static CardLine *add(Card *c, int font, float size, unsigned rgba, float indent, float gap, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static CardLine *add(Card *c, int font, float size, unsigned rgba, float indent, float gap, const char *fmt, ...)
{
    if (c->n >= CARD_MAX_LINES)
        return NULL;
    CardLine *l = &c->line[c->n++];
    *l = (CardLine){.font = font, .size = size, .rgba = rgba, .indent = indent, .gap = gap};
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->text, sizeof l->text, fmt, ap);
    va_end(ap);
    return l;
}


/* The step the card explains: the one shown; while the animation plays faster
 * than a few steps a second, the last multiple of a quarter second's steps, so
 * the numbers stay long enough to be read (and the card is redrawn four times a
 * second, not every frame). */
static int card_step(const App *a, const Run *r)
{
    int k = app_visible_step(a, r);
    if (a->playing && a->speed > 4.0) {
        int q = (int)floor(a->speed / 4.0);
        k = k / q * q;
    }
    return k;
}

/* The card's content for run i at step k. */
static void card_build(const App *a, int i, Card *c)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    const Run *r = &sc->run[i];
    const OptimInfo *oi = optim_info(r->kind);
    c->n = 0;
    add(c, 1, 1.2f, app_run_rgba(r), 0, 0, "%s", r->label);
    add(c, 0, 0.85f, th->text_dim, 0, 0, "%s", oi->torch);
    RunUpdate u;
    if (r->n == 0 || scene_run_update(sc, i, card_step(a, r), &u) != 0) {
        add(c, 1, 1, th->error, 0, 0.5f, "not finite at the start");
        return;
    }
    const TrajPoint *q = &r->traj[u.k];
    char x[40], y[40];
    if (!u.has_next) {
        add(c, 1, 1, th->text_strong, 0, 0.5f, "step %d: the last one", u.k);
        add(c, 0, 1, th->text_dim, 0, 0, "no update follows; step back with \xe2\x86\x90");
        return;
    }
    add(c, 1, 1, th->text_strong, 0, 0.5f, "update t = %ld, from step %d to %d", u.after.t, u.k, u.k + 1);
    optim_format_number(q->x, x, sizeof x), optim_format_number(q->y, y, sizeof y);
    add(c, 0, 1, th->text, 0, 0.2f, "\xce\xb8 = (%s, %s)", x, y);
    optim_format_number(q->gx, x, sizeof x), optim_format_number(q->gy, y, sizeof y);
    add(c, 0, 1, th->text, 0, 0, "\xe2\x88\x87" "f(\xce\xb8) = (%s, %s)%s", x, y, sc->noise > 0 ? "  with noise" : "");
    optim_format_number(u.lr, x, sizeof x);
    add(c, 0, 1, th->text, 0, 0, "lr = %s%s", x, u.lr != r->hp[HP_LR] ? "  (scheduled)" : "");
    static const char *const AXIS[2] = {"x", "y"};
    for (int l = 0; l < u.trace.n; l++) {
        const OptimTraceLine *L = &u.trace.line[l];
        CardLine *rule = add(c, 1, 1.1f, th->rule, 0, 0.45f, "%s", "");
        if (rule)
            optim_trace_format(L, -1, rule->text, sizeof rule->text);
        for (int k = 0; k < (L->scalar ? 1 : 2); k++) {
            CardLine *num = add(c, 0, 1, th->text, 1.0f, 0, "%s", "");
            if (!num)
                continue;
            char body[300];
            optim_trace_format(L, k, body, sizeof body);
            snprintf(num->text, sizeof num->text, "%s%s%s", L->scalar ? "" : AXIS[k], L->scalar ? "" : ":  ", body);
        }
    }
    if (!isfinite(u.next[0]) || !isfinite(u.next[1]))
        add(c, 1, 1, th->error, 0, 0.5f, "this update leaves the finite numbers: the run diverges");
    else if (r->diverged_at == u.k + 1)
        add(c, 1, 1, th->error, 0, 0.5f, "the loss or gradient where it lands is not finite: the run diverges at step %d",
            u.k + 1);
}

/* A line's text size at the card's font size fs, in whole pixels: crisp, and the
 * glyph cache sees few sizes while the card shrinks to fit. */
static float line_size(const CardLine *l, float fs) { return fmaxf(roundf(fs * l->size), 6.0f); }

/* A card line wrapped to width w at font size fs: its lines' starts. A wrapped
 * line goes on under the text, not under its "x:", so every line has room for
 * that indent. */
static int line_wrap(const App *a, const CardLine *l, float fs, float w, int *starts)
{
    return ui_wrap(&a->ui, l->font, line_size(l, fs), l->text, w - (l->indent + 1.2f) * fs, starts, UI_WRAP_MAX);
}

/* The card's height at font size fs and width w. */
static float card_height(const App *a, const Card *c, float fs, float w)
{
    float h = 0;
    for (int i = 0; i < c->n; i++) {
        const CardLine *l = &c->line[i];
        float lh = line_size(l, fs) * 1.35f;
        int starts[UI_WRAP_MAX];
        h += l->gap * lh + (float)line_wrap(a, l, fs, w, starts) * lh;
    }
    return h;
}

int app_card_run(const App *a)
{
    int i = a->selected;
    if (!a->show_card || i < 0 || i >= a->scene.n_runs || !a->scene.run[i].enabled)
        return -1;
    return i;
}

void app_select(App *a, int i)
{
    if (i < 0 || i >= a->scene.n_runs) {
        a->show_card = 0;
        return;
    }
    a->selected = i;
    a->show_card = 1;
}

static float card_size(const App *a, const FrameLayout *f, float room_w, float room_h)
{
    (void)room_h;
    if (app_card_run(a) < 0)
        return 0;
    float s = f->scale;
    float w = fminf(fmaxf(0.36f * room_w, CARD_MIN_W * s), 500 * s);
    /* the map keeps room to be a map; else the card waits for a wider window */
    return room_w - w < CARD_MAP_MIN_W * s ? 0 : w;
}

/* The card as last laid out, and what it was made from: the frame is built on
 * one thread, and while the card shows the same update at the same size (a
 * paused class, a slider dragged elsewhere) it is not built and measured again.
 * A cache, not state: drawing fills it and changes nothing else. */
typedef struct CardMemo {
    const Run *run;
    unsigned long long version;
    int k, n, colour;
    char label[SCENE_LABEL_MAX];
    float w, h, scale;
    int starts[CARD_MAX_LINES][UI_WRAP_MAX], lines[CARD_MAX_LINES];
    float fs;
    Card card;
} CardMemo;

static const CardMemo *card_layout(const App *a, int i, float w, float h, float s)
{
    static CardMemo m;
    const Run *r = &a->scene.run[i];
    int k = r->n > 0 ? card_step(a, r) : -1;
    if (m.run == r && m.version == r->version && m.k == k && m.n == r->n && m.colour == r->colour &&
        strcmp(m.label, r->label) == 0 && m.w == w && m.h == h && m.scale == s)
        return &m;
    m.run = r, m.version = r->version, m.k = k, m.n = r->n, m.colour = r->colour, m.w = w, m.h = h, m.scale = s;
    snprintf(m.label, sizeof m.label, "%s", r->label);
    card_build(a, i, &m.card);
    /* the largest whole-pixel text size that fits the height, down to 65% of the
     * card's size (bisected: wrapping makes the height jump) */
    float fs = roundf(gs_theme.card_font * s);
    if (card_height(a, &m.card, fs, w) > h) {
        float lo = floorf(0.65f * fs), hi = fs; /* lo: the floor, taken if nothing fits; hi: too big */
        while (hi - lo > 1) {
            float mid = floorf(0.5f * (lo + hi));
            if (card_height(a, &m.card, mid, w) > h)
                hi = mid;
            else
                lo = mid;
        }
        fs = lo;
    }
    m.fs = fs;
    for (int l = 0; l < m.card.n; l++)
        m.lines[l] = line_wrap(a, &m.card.line[l], fs, w, m.starts[l]);
    return &m;
}

static void card_draw(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    int i = app_card_run(a);
    if (i < 0 || p->w < 1)
        return;
    const Theme *th = &gs_theme;
    float s = f->scale, pad = 16 * s, w = p->w - 2 * pad;
    const CardMemo *m = card_layout(a, i, w, p->h - 2 * pad, s);
    float fs = m->fs;
    /* one group: the renderer keeps it while the card does not change */
    int group = draw_group_begin(dl, p->x, p->y, p->w, p->h);
    draw_rect(dl, p->x, p->y, p->w, p->h, 0, th->card);
    draw_rect(dl, p->x, p->y, 4 * s, p->h, 0, app_run_rgba(&a->scene.run[i]));
    draw_clip(dl, p->x, p->y, p->w, p->h);
    float y = p->y + pad;
    for (int k = 0; k < m->card.n; k++) {
        const CardLine *l = &m->card.line[k];
        float size = line_size(l, fs), lh = size * 1.35f, x = p->x + pad + l->indent * fs;
        y += l->gap * lh;
        int len = (int)strlen(l->text);
        for (int j = 0; j < m->lines[k]; j++) {
            int end = j + 1 < m->lines[k] ? m->starts[k][j + 1] : len;
            /* a wrapped line goes on under the text, not under its "x:" */
            float cx = x + (j > 0 ? 1.2f * fs : 0);
            draw_text(dl, cx, y, size, l->font, l->rgba, l->text + m->starts[k][j], end - m->starts[k][j]);
            y += lh;
        }
    }
    draw_no_clip(dl);
    draw_group_end(dl, group);
}

const PanelClass panel_card = {
    .name = "card",
    .size = card_size,
    .draw = card_draw,
};
