/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel_card: the update-rule card. For the selected run at the step shown, the
 * update that takes it to the next step, written out operation by operation as its
 * step function computed it (src/core/optim.c traces each line), first with symbols
 * and then with each coordinate's numbers and result. At the last step, where no
 * update follows, it shows the update that led there, the last one; a run that
 * diverges shows, at its last finite point, the update that leaves the finite
 * numbers. It follows the animation, the timeline and the arrow keys, so a class
 * can walk through one update at a time.
 *
 * Invariants: everything shown comes from scene_run_update (the state replayed from
 * the trajectory), so the numbers are the simulation's own, written as num_format
 * writes every number on screen. An equation breaks only between its terms, before
 * a minus, " + ", " = " or an arrow outside parentheses, and its continuation is
 * indented; the first line of each takes the card's whole width. The text shrinks
 * (to a floor) rather than leave the card, and a line with a term wider than the
 * card shrinks on its own rather than split it: only at the floor does such a term
 * break inside, and then never inside a number. What does not fit even at the floor
 * is cut, and the card says so. */
#include "app.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "ticks.h"

#define CARD_MAX_LINES 64
#define CARD_MIN_W 300.0f       /* the card's narrowest alone, at UI scale 1 */
#define CARD_MAP_MIN_W 300.0f   /* the map it leaves, at least */
#define CARD_STACK_MIN_W 240.0f /* its narrowest in a column with the hyperparameter map */
#define CARD_FLOOR 0.65f        /* the smallest text, times the card's font size */
#define CARD_CONT 2.0f          /* a continuation's indent, times the font size */
#define CARD_PAD 16.0f
#define CARD_BREAKS 192

typedef struct CardLine {
    char text[320];
    int font;
    float size;      /* times the card's font size */
    unsigned rgba;
    float indent;    /* times the font size */
    float gap;       /* space above, times the line height */
    int eq;          /* an equation: it breaks between its terms */
    int body;        /* where its terms begin (after an "x:  ") */
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

/* Marks a line an equation whose terms begin at byte `body`. */
static void equation(CardLine *l, int body)
{
    if (l)
        l->eq = 1, l->body = body;
}

/* A number as the screen writes it (num_format), its sign a true minus as on the
 * axes' ticks. */
static void card_number(double v, char *out, size_t cap)
{
    char buf[48];
    num_format(v, buf, sizeof buf);
    int neg = buf[0] == '-';
    snprintf(out, cap, "%s%s", neg ? "\xe2\x88\x92" : "", buf + neg);
}

/* Appends s[0..n) to out (cap bytes), as far as it fits. */
static void put(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len + 1 >= cap)
        return;
    if (n > cap - 1 - *len)
        n = cap - 1 - *len;
    memcpy(out + *len, s, n);
    *len += n;
    out[*len] = '\0';
}

/* Traced line L with coordinate c's numbers, from after its left-hand side, and its
 * result: "0.9*(-1.239) + (1 - 0.9)*(-1.58) = -1.273" (with a true minus and a
 * middle dot). The rule's operands in
 * braces (optim.h) take the numbers in order: a negative one in parentheses unless
 * it begins the line, a step count (the operand t, an exponent) in full. */
static void trace_numbers(const OptimTraceLine *L, int c, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    const char *s = L->rule;
    const char *first = strchr(s, '{'), *arrow = strstr(s, "\xe2\x86\x90 "), *eq = strstr(s, "= ");
    if (arrow && (!first || arrow < first))
        s = arrow + 4;
    else if (eq && (!first || eq < first))
        s = eq + 2;
    char num[64];
    for (int k = 0; *s; k++) {
        const char *open = strchr(s, '{'), *close = open ? strchr(open, '}') : NULL;
        if (!close) {
            put(out, cap, &len, s, strlen(s));
            break;
        }
        put(out, cap, &len, s, (size_t)(open - s));
        const char *name = open + 1;
        size_t n = (size_t)(close - name);
        int exponent = n > 0 && name[0] == '^';
        if (exponent)
            name++, n--;
        if (k >= L->n_args) {
            put(out, cap, &len, name, n);
        } else {
            double v = L->arg[c][k];
            int count = exponent || (n == 1 && name[0] == 't');
            if (count && v == floor(v) && fabs(v) < 1e15)
                snprintf(num, sizeof num, "%.0f", v);
            else
                card_number(v, num, sizeof num);
            int paren = v < 0 && (exponent || len > 0);
            if (exponent)
                put(out, cap, &len, "^", 1);
            if (paren)
                put(out, cap, &len, "(", 1);
            put(out, cap, &len, num, strlen(num));
            if (paren)
                put(out, cap, &len, ")", 1);
        }
        s = close + 1;
    }
    card_number(L->result[c], num, sizeof num);
    put(out, cap, &len, " = ", 3);
    put(out, cap, &len, num, strlen(num));
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

/* "(x, y)" of two numbers. */
static void pair(double x, double y, char *out, size_t cap)
{
    char a[48], b[48];
    card_number(x, a, sizeof a), card_number(y, b, sizeof b);
    snprintf(out, cap, "(%s, %s)", a, b);
}

/* The card's content for run i at the step shown. */
static void card_build(const App *a, int i, Card *c)
{
    const Theme *th = &gs_theme;
    const Scene *sc = &a->scene;
    const Run *r = &sc->run[i];
    const OptimInfo *oi = optim_info(r->kind);
    c->n = 0;
    add(c, 1, 1.2f, app_run_rgba(r), 0, 0, "%s", r->label);
    add(c, 0, 0.85f, th->text_dim, 0, 0, "%s", _(oi->torch)); /* code, or (Lion's) a description */
    RunUpdate u;
    if (r->n == 0 || scene_run_update(sc, i, card_step(a, r), &u) != 0) {
        add(c, 1, 1, th->error, 0, 0.5f, "%s", _("not finite at the start"));
        return;
    }
    /* at the last step no update follows: the one that led there */
    int last = 0;
    if (!u.has_next) {
        if (u.k == 0) {
            add(c, 1, 1, th->text_strong, 0, 0.5f, "%s", _("step 0: the start"));
            add(c, 0, 1, th->text_dim, 0, 0, "%s", _("the run takes no step"));
            return;
        }
        scene_run_update(sc, i, u.k - 1, &u);
        last = 1;
    }
    const TrajPoint *q = &r->traj[u.k];
    int leaves = !isfinite(u.next[0]) || !isfinite(u.next[1]);
    int diverges = leaves || r->diverged_at == u.k + 1;
    char x[112];
    if (diverges) {
        add(c, 1, 1, th->error, 0, 0.5f, _("step %d \xe2\x86\x92 %d: the update that diverges"), u.k, u.k + 1);
        /* TRANSLATORS: t is the optimizer's step count, as in torch.optim's state */
        add(c, 0, 1, th->text_dim, 0, 0, _("update t = %ld, from the last finite point"), u.after.t);
    } else if (last) {
        add(c, 1, 1, th->text_strong, 0, 0.5f, _("step %d \xe2\x86\x92 %d: the last update"), u.k, u.k + 1);
        add(c, 0, 1, th->text_dim, 0, 0, _("update t = %ld; none follows"), u.after.t);
    } else {
        add(c, 1, 1, th->text_strong, 0, 0.5f, _("update t = %ld, from step %d to %d"), u.after.t, u.k, u.k + 1);
    }
    pair(q->x, q->y, x, sizeof x);
    equation(add(c, 0, 1, th->text, 0, 0.2f, "\xce\xb8 = %s", x), 0);
    pair(q->gx, q->gy, x, sizeof x);
    /* the equations' symbols are not translated: only the notes after them */
    if (sc->noise > 0)
        /* TRANSLATORS: the gradient at the run's point, noisy; keep "∇f(θ) = %s" as it is */
        equation(add(c, 0, 1, th->text, 0, 0, _("\xe2\x88\x87" "f(\xce\xb8) = %s  with noise"), x), 0);
    else
        equation(add(c, 0, 1, th->text, 0, 0, "\xe2\x88\x87" "f(\xce\xb8) = %s", x), 0);
    card_number(u.lr, x, sizeof x);
    if (u.lr != r->hp[HP_LR])
        /* TRANSLATORS: the learning rate of this step, set by its schedule; keep "lr = %s" as it is and the
         * note after two spaces, in parentheses */
        equation(add(c, 0, 1, th->text, 0, 0, _("lr = %s  (scheduled)"), x), 0);
    else
        equation(add(c, 0, 1, th->text, 0, 0, "lr = %s", x), 0);
    static const char *const AXIS[2] = {"x:  ", "y:  "};
    for (int l = 0; l < u.trace.n; l++) {
        const OptimTraceLine *L = &u.trace.line[l];
        CardLine *rule = add(c, 1, 1.1f, th->rule, 0, 0.45f, "%s", "");
        if (rule) {
            optim_trace_format(L, -1, rule->text, sizeof rule->text);
            equation(rule, 0);
        }
        for (int k = 0; k < (L->scalar ? 1 : 2); k++) {
            CardLine *num = add(c, 0, 1, th->text, 1.0f, 0, "%s", L->scalar ? "" : AXIS[k]);
            if (!num)
                continue;
            size_t body = strlen(num->text);
            trace_numbers(L, k, num->text + body, sizeof num->text - body);
            equation(num, (int)body);
        }
    }
    if (leaves)
        add(c, 1, 1, th->error, 0, 0.5f, "%s", _("this update leaves the finite numbers: the run diverges"));
    else if (diverges)
        add(c, 1, 1, th->error, 0, 0.5f, _("the loss or gradient where it lands is not finite: the run diverges at step %d"),
            u.k + 1);
}

/* ---- wrapping ----------------------------------------------------------------------- */

/* A line's text size at the card's font size fs, in whole pixels: crisp, and the
 * glyph cache sees few sizes while the card shrinks to fit. */
static float line_size(const CardLine *l, float fs) { return fmaxf(roundf(fs * l->size), 6.0f); }

static int starts_with(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* Where line l may begin a new visual line, in increasing order. An equation:
 * before each of its terms, at the operator that joins it to the one before (a
 * minus, "+", "=" or an arrow, a space either side, outside parentheses) or at a
 * note ("  (...)"); with `inner`, also inside a term: after a "/", before a
 * middle dot, and with `inner` 2 after a space (none of which occurs inside a
 * number). Prose: before each word (`inner` is not used). */
static int line_breaks(const CardLine *l, int inner, int *at, int max)
{
    static const char *const OPS[] = {"\xe2\x88\x92 ", "+ ", "= ", "\xe2\x86\x90 "};
    const char *s = l->text;
    int n = 0, depth = 0;
    for (int i = l->eq ? l->body : 0; s[i] && n < max; i++) {
        char ch = s[i];
        depth += ch == '(' ? 1 : (ch == ')' ? -1 : 0);
        int b = -1;
        if (!l->eq) {
            if (ch == ' ' && s[i + 1] && s[i + 1] != ' ')
                b = i + 1;
        } else if (ch == ' ' && depth == 0 && i > l->body) {
            for (int k = 0; k < 4 && b < 0; k++)
                if (starts_with(s + i + 1, OPS[k]))
                    b = i + 1;
            if (b < 0 && starts_with(s + i, "  ("))
                b = i + 2;
        }
        if (b < 0 && inner && l->eq && i > l->body) {
            if (ch == '/' && s[i + 1])
                b = i + 1;
            else if (starts_with(s + i, "\xc2\xb7"))
                b = i;
            else if (inner > 1 && ch == ' ' && s[i + 1] && s[i + 1] != ' ')
                b = i + 1;
        }
        if (b > 0 && (n == 0 || at[n - 1] < b))
            at[n++] = b;
    }
    return n;
}

/* The end of a visual line from `at` that breaks before `b`: its trailing spaces
 * dropped. */
static int line_end(const char *s, int at, int b)
{
    while (b > at && s[b - 1] == ' ')
        b--;
    return b;
}

/* The farthest of the breaks after `at` whose visual line fits `room`, or -1. */
static int farthest_fit(const App *a, const CardLine *l, float size, int at, float room, const int *brk, int nb)
{
    for (int j = nb - 1; j >= 0 && brk[j] > at; j--) {
        int end = line_end(l->text, at, brk[j]);
        if (ui_text_width_n(&a->ui, l->font, size, l->text + at, end - at) <= room)
            return brk[j];
    }
    return -1;
}

/* The first of the breaks after `at`, or -1. */
static int next_break(int at, const int *brk, int nb)
{
    for (int j = 0; j < nb; j++)
        if (brk[j] > at)
            return brk[j];
    return -1;
}

/* Line l at text size `size` in the card's text width w (its indents in the card's
 * font size fs): where each visual line begins. The first takes the whole width, a
 * continuation CARD_CONT less. *split is set when a term (or a word) was too wide
 * for a line of its own and broke inside. */
static int line_wrap(const App *a, const CardLine *l, float size, float fs, float w, int *starts, int *split)
{
    const char *s = l->text;
    int len = (int)strlen(s), n = 0, at = 0;
    int brk[CARD_BREAKS], nb = line_breaks(l, 0, brk, CARD_BREAKS);
    int inner[2][CARD_BREAKS], ni[2] = {-1, -1};
    float cont = w - (l->indent + CARD_CONT) * fs;
    while (n < UI_WRAP_MAX) {
        starts[n++] = at;
        float room = n > 1 ? cont : w - l->indent * fs;
        if (ui_text_width_n(&a->ui, l->font, size, s + at, len - at) <= room)
            break;
        int end = farthest_fit(a, l, size, at, room, brk, nb);
        if (end > 0 && l->eq) {
            /* the term after it is too wide for a line of its own: it breaks inside
             * anyway, so it begins on this line */
            int next = next_break(end, brk, nb), stop = line_end(s, end, next > 0 ? next : len);
            if (ui_text_width_n(&a->ui, l->font, size, s + end, stop - end) > cont)
                end = -1;
        }
        if (end < 0) {
            /* the next term alone is too wide: break inside it */
            *split = 1;
            if (l->eq) {
                /* at a product's or a quotient's operator, else after a space */
                for (int k = 0; k < 2 && end < 0; k++) {
                    if (ni[k] < 0)
                        ni[k] = line_breaks(l, k + 1, inner[k], CARD_BREAKS);
                    end = farthest_fit(a, l, size, at, room, inner[k], ni[k]);
                }
                if (end < 0) /* not even a number fits: it goes whole, clipped */
                    end = next_break(at, inner[1], ni[1]);
            } else {
                int two[2];
                end = ui_wrap(&a->ui, l->font, size, s + at, room, two, 2) > 1 ? at + two[1] : -1;
            }
        }
        if (end <= at)
            break;
        at = end;
    }
    return n;
}

/* A line as set on the card: its text size and where its visual lines begin. */
typedef struct LineSet {
    float size;
    int lines, starts[UI_WRAP_MAX];
} LineSet;

/* Line l set on a card of font size fs in text width w: at its share of fs, or,
 * when a term of it is wider than the card, at the largest size down to its share
 * of floor_fs at which none is. Returns 1 when even that splits a term. */
static int line_set(const App *a, const CardLine *l, float fs, float floor_fs, float w, LineSet *ls)
{
    float size = line_size(l, fs);
    int split = 0;
    ls->lines = line_wrap(a, l, size, fs, w, ls->starts, &split);
    if (split) {
        float lo = fminf(line_size(l, floor_fs), size), hi = size; /* lo: the floor, taken if nothing fits */
        while (hi - lo > 1) {
            float mid = floorf(0.5f * (lo + hi));
            split = 0;
            line_wrap(a, l, mid, fs, w, ls->starts, &split);
            if (split)
                hi = mid;
            else
                lo = mid;
        }
        size = lo, split = 0;
        ls->lines = line_wrap(a, l, size, fs, w, ls->starts, &split);
    }
    ls->size = size;
    return split;
}

/* The card's height at font size fs and text width w. */
static float card_height(const App *a, const Card *c, float fs, float floor_fs, float w)
{
    float h = 0;
    for (int i = 0; i < c->n; i++) {
        const CardLine *l = &c->line[i];
        LineSet ls;
        line_set(a, l, fs, floor_fs, w, &ls);
        float lh = ls.size * 1.35f;
        h += l->gap * lh + (float)ls.lines * lh;
    }
    return h;
}

/* The card's full font size at scale s, and its floor. */
static float card_full(float s) { return roundf(gs_theme.card_font * s); }
static float card_floor(float s) { return floorf(CARD_FLOOR * card_full(s)); }

/* The largest whole-pixel font size, down to the floor, at which the card is at
 * most h high (h <= 0: the full size): bisected, since wrapping makes the height
 * jump. The floor when none is. */
static float card_fit(const App *a, const Card *c, float w, float h, float s)
{
    float fs = card_full(s), floor_fs = card_floor(s);
    if (h <= 0 || card_height(a, c, fs, floor_fs, w) <= h)
        return fs;
    float lo = floor_fs, hi = fs; /* lo: the floor, taken if nothing fits; hi: too big */
    while (hi - lo > 1) {
        float mid = floorf(0.5f * (lo + hi));
        if (card_height(a, c, mid, floor_fs, w) > h)
            hi = mid;
        else
            lo = mid;
    }
    return lo;
}

/* ---- the panel ---------------------------------------------------------------------- */

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

/* The card as last built and laid out, and what it was made from: the frame is
 * built on one thread, and while the card shows the same update at the same size
 * (a paused class, a slider dragged elsewhere) it is not built and measured again.
 * A cache, not state: drawing and layout fill it and change nothing else. */
typedef struct CardMemo {
    /* the content, and what it was built from */
    int built;
    const Run *run;
    unsigned long long version;
    int k, n, colour;
    char label[SCENE_LABEL_MAX];
    char lang[16];          /* the language its words are in (it can change while the window runs) */
    Card card;
    /* laid out at text width w, height h (the panel's, less its padding), scale */
    int laid;
    float w, h, scale, fs, text_h;
    LineSet set[CARD_MAX_LINES];
    /* the height of its text at text width need_w, fitted to need_h */
    int needed;
    float need_w, need_h, need_scale, need;
} CardMemo;

static CardMemo memo;

static const Card *card_content(const App *a, int i)
{
    CardMemo *m = &memo;
    const Run *r = &a->scene.run[i];
    int k = r->n > 0 ? card_step(a, r) : -1;
    const char *lang = lang_current();
    if (m->built && m->run == r && m->version == r->version && m->k == k && m->n == r->n && m->colour == r->colour &&
        strcmp(m->label, r->label) == 0 && strcmp(m->lang, lang) == 0)
        return &m->card;
    m->run = r, m->version = r->version, m->k = k, m->n = r->n, m->colour = r->colour;
    snprintf(m->label, sizeof m->label, "%s", r->label);
    snprintf(m->lang, sizeof m->lang, "%s", lang);
    card_build(a, i, &m->card);
    m->built = 1, m->laid = 0, m->needed = 0;
    return &m->card;
}

static const CardMemo *card_layout(const App *a, int i, float w, float h, float s)
{
    CardMemo *m = &memo;
    const Card *c = card_content(a, i);
    if (m->laid && m->w == w && m->h == h && m->scale == s)
        return m;
    m->laid = 1, m->w = w, m->h = h, m->scale = s;
    m->fs = card_fit(a, c, w, h, s);
    m->text_h = card_height(a, c, m->fs, card_floor(s), w);
    for (int l = 0; l < c->n; l++)
        line_set(a, &c->line[l], m->fs, card_floor(s), w, &m->set[l]);
    return m;
}

/* The height of the card's text at text width w, at the size card_fit chooses for
 * height h (h <= 0: for any height). */
static float card_need(const App *a, int i, float w, float h, float s)
{
    CardMemo *m = &memo;
    const Card *c = card_content(a, i);
    if (m->needed && m->need_w == w && m->need_h == h && m->need_scale == s)
        return m->need;
    m->need = card_height(a, c, card_fit(a, c, w, h, s), card_floor(s), w);
    m->needed = 1, m->need_w = w, m->need_h = h, m->need_scale = s;
    return m->need;
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

/* In a column with the hyperparameter map: the height of its text at the size it
 * takes in h (the largest at which all of it fits), at most h. 0 when the column
 * is too narrow. */
static float card_height_at(const App *a, const FrameLayout *f, float w, float h)
{
    int i = app_card_run(a);
    float s = f->scale, pad = CARD_PAD * s;
    if (i < 0 || w < CARD_STACK_MIN_W * s)
        return 0;
    return fminf(ceilf(card_need(a, i, w - 2 * pad, h - 2 * pad, s) + 2 * pad), h);
}

static void card_draw(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    int i = app_card_run(a);
    if (i < 0 || p->w < 1 || p->h < 1)
        return;
    const Theme *th = &gs_theme;
    float s = f->scale, pad = CARD_PAD * s, w = p->w - 2 * pad;
    const CardMemo *m = card_layout(a, i, w, p->h - 2 * pad, s);
    float fs = m->fs;
    /* one group: the renderer keeps it while the card does not change */
    int group = draw_group_begin(dl, p->x, p->y, p->w, p->h);
    draw_rect(dl, p->x, p->y, p->w, p->h, 0, th->card);
    draw_rect(dl, p->x, p->y, 4 * s, p->h, 0, app_run_rgba(&a->scene.run[i]));
    draw_clip(dl, p->x, p->y, p->w, p->h);
    /* at the floor and still too long: as much as fits, and a last line that says so */
    float y = p->y + pad, bottom = p->y + p->h - pad, more = m->text_h > m->h ? fs * 1.35f : 0;
    for (int k = 0; k < m->card.n; k++) {
        const CardLine *l = &m->card.line[k];
        const LineSet *ls = &m->set[k];
        float size = ls->size, lh = size * 1.35f, x = p->x + pad + l->indent * fs;
        y += l->gap * lh;
        int len = (int)strlen(l->text);
        for (int j = 0; j < ls->lines; j++) {
            if (more > 0 && y + lh + more > bottom) {
                draw_text(dl, p->x + pad, y, fs, 0, th->text_dim, _("\xe2\x80\xa6 more than fits: widen the window"), -1);
                k = m->card.n;
                break;
            }
            int at = ls->starts[j], end = line_end(l->text, at, j + 1 < ls->lines ? ls->starts[j + 1] : len);
            draw_text(dl, x + (j > 0 ? CARD_CONT * fs : 0), y, size, l->font, l->rgba, l->text + at, end - at);
            y += lh;
        }
    }
    draw_no_clip(dl);
    draw_group_end(dl, group);
}

const PanelClass panel_card = {
    .name = "card",
    .size = card_size,
    .height = card_height_at,
    .draw = card_draw,
};
