/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The update-rule card, and the hyperparameter map beside it, in the running app:
 * real SDL events through the window's own event loop, real GL through the
 * offscreen driver, and the real font's metrics.
 *   - At the last step the card shows the last update, from step n-2 to n-1, with
 *     the trajectory's own numbers (as num_format writes them); a run that diverges
 *     shows, at its last finite point, the update that diverges.
 *   - An equation on the card breaks only between its terms (before a top-level
 *     minus, "+", "=" or arrow), and only where the next term would not have fitted
 *     on the line.
 *   - With the card and the hyperparameter map (H) open at 1280x720, 1024x768,
 *     1366x768 and 1920x1080 the map keeps half the window's width, and the card's
 *     and the hyperparameter map's headings lie inside their panels and overlap no
 *     other text and no widget; so does the map's heading with H alone at 1024x768. */
#define _POSIX_C_SOURCE 200809L
#include "shell_test.h"
#include "ticks.h"

#include <math.h>
#include <stdlib.h>


static void key(SDL_Keycode k) { push(ev_key(k, 0)); }

static const Panel *panel(const PanelClass *cls) { return frame_panel(&sh.app.frame, cls); }

/* A number as the screen writes it: num_format, with a true minus sign. */
static void num(double v, char *out, size_t cap)
{
    char buf[64];
    num_format(v, buf, sizeof buf);
    snprintf(out, cap, "%s%s", buf[0] == '-' ? "\xe2\x88\x92" : "", buf + (buf[0] == '-'));
}

typedef struct Box {
    float x, y, w, h;
} Box;

static int overlap(Box a, Box b, float tol)
{
    return a.x + tol < b.x + b.w && b.x + tol < a.x + a.w && a.y + tol < b.y + b.h && b.y + tol < a.y + a.h;
}

static Box text_box(const DrawCmd *t)
{
    return (Box){t->x, t->y, render_text_width(sh.r, t->font, t->h, draw_text_of(&sh.dl, t), t->text_len), t->h * 1.2f};
}

/* ---- the card's lines, as drawn ----------------------------------------------------- */

/* A line of the card as it reads: its drawn pieces, a continuation being indented
 * past its line's start by more than 1.4 of its text height (a line starts at
 * most one em in, a continuation two ems further). */
#define PIECES 16
typedef struct CardText {
    char text[1024];
    int n;
    int at[PIECES];               /* where each piece begins in text */
    const DrawCmd *cmd[PIECES];
} CardText;

static int card_texts(CardText *out, int max)
{
    const Panel *card = panel(&panel_card);
    if (!card || card->w < 1)
        return 0;
    float left = 1e9f;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind == DRAW_TEXT && c->x >= card->x && c->x < card->x + card->w && c->y >= card->y &&
            c->y < card->y + card->h && c->x < left)
            left = c->x;
    }
    int n = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind != DRAW_TEXT || c->x < card->x || c->x >= card->x + card->w || c->y < card->y ||
            c->y >= card->y + card->h)
            continue;
        int cont = n > 0 && c->x - left > 1.4f * c->h && out[n - 1].n < PIECES;
        if (!cont && n == max)
            break;
        CardText *l = cont ? &out[n - 1] : &out[n++];
        if (!cont)
            l->text[0] = '\0', l->n = 0;
        size_t len = strlen(l->text);
        if (cont && len + 1 < sizeof l->text)
            l->text[len++] = ' ', l->text[len] = '\0';
        l->at[l->n] = (int)len;
        l->cmd[l->n++] = c;
        snprintf(l->text + len, sizeof l->text - len, "%.*s", c->text_len, draw_text_of(&sh.dl, c));
    }
    return n;
}

static const CardText *card_find(const CardText *t, int n, const char *prefix)
{
    for (int i = 0; i < n; i++)
        if (strncmp(t[i].text, prefix, strlen(prefix)) == 0)
            return &t[i];
    return NULL;
}

static int starts(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* Operators that join two terms of an equation. */
static const char *const JOIN[] = {"\xe2\x88\x92 ", "+ ", "= ", "\xe2\x86\x90 "};

/* Where the first term of s ends: at its first operator between terms outside
 * parentheses, or at its end. */
static int first_term(const char *s)
{
    int depth = 0, i = 0;
    for (; s[i]; i++) {
        depth += s[i] == '(' ? 1 : (s[i] == ')' ? -1 : 0);
        if (s[i] == ' ' && depth == 0 && i > 0)
            for (int k = 0; k < 4; k++)
                if (starts(s + i + 1, JOIN[k]))
                    return i;
    }
    return i;
}

static int is_equation(const char *s)
{
    if (starts(s, "update t") || starts(s, "step "))
        return 0;
    return starts(s, "x:  ") || starts(s, "y:  ") || strstr(s, " = ") || strstr(s, " \xe2\x86\x90 ");
}

static int wrapped_equations;

/* Every break in an equation falls between two terms, before the operator that
 * joins them (or a note in parentheses), outside parentheses; and only where the
 * next term would not have fitted on the line. */
static void check_equations(const char *where)
{
    static CardText t[96];
    int n = card_texts(t, 96);
    const Panel *card = panel(&panel_card);
    float right = card ? card->x + card->w - 16 * sh.app.frame.scale : 0;
    for (int i = 0; i < n; i++) {
        if (!is_equation(t[i].text) || t[i].n < 2)
            continue;
        wrapped_equations++;
        for (int j = 1; j < t[i].n; j++) {
            const char *piece = t[i].text + t[i].at[j];
            int joined = 0, depth = 0;
            for (int k = 0; k < 4; k++)
                joined |= starts(piece, JOIN[k]);
            for (int k = 0; k < t[i].at[j]; k++)
                depth += t[i].text[k] == '(' ? 1 : (t[i].text[k] == ')' ? -1 : 0);
            CHECK_MSG((joined || piece[0] == '(') && depth == 0, "%s: '%s' breaks inside a term, before '%s'", where,
                      t[i].text, piece);
            /* the term that went on the next line did not fit after the previous piece */
            const DrawCmd *prev = t[i].cmd[j - 1];
            char line[1100];
            int term = first_term(piece);
            snprintf(line, sizeof line, "%.*s %.*s", prev->text_len, draw_text_of(&sh.dl, prev), term, piece);
            float w = render_text_width(sh.r, prev->font, prev->h, line, -1);
            CHECK_MSG(prev->x + w > right - 0.5f, "%s: '%.*s' would have fitted after '%.*s' (%.0f of %.0f px)", where,
                      term, piece, prev->text_len, draw_text_of(&sh.dl, prev), prev->x + w, right);
        }
    }
}

/* ---- selecting and stepping --------------------------------------------------------- */

/* Clicks run i's row in the map's legend: its card opens. */
static void select_run(int i)
{
    const App *a = &sh.app;
    const Panel *m = panel(&panel_map);
    const DrawCmd *row = NULL;
    for (int c = 0; c < sh.dl.n && !row; c++) {
        const DrawCmd *t = &sh.dl.cmd[c];
        if (t->kind == DRAW_TEXT && strcmp(draw_text_of(&sh.dl, t), a->scene.run[i].label) == 0 && t->x < m->x + m->w)
            row = t;
    }
    CHECK_MSG(row != NULL, "no legend row for %s", a->scene.run[i].label);
    if (!row)
        return;
    float x = row->x + 5, y = row->y + 0.5f * row->h;
    push(ev_mouse(SDL_MOUSEBUTTONDOWN, x, y));
    push(ev_mouse(SDL_MOUSEBUTTONUP, x, y));
    frame();
    CHECK(app_card_run(a) == i);
}

/* At the last step, the card of a run that ends well: the update from step n-2 to
 * n-1, its numbers the trajectory's; one step back, the same update. */
static void test_last_update(int i)
{
    const App *a = &sh.app;
    const Run *r = &a->scene.run[i];
    select_run(i);
    key(SDLK_END);
    frame();
    CHECK(r->diverged_at < 0 && r->n == a->scene.steps + 1);
    int k = r->n - 2; /* the last update: k -> k + 1 */
    static CardText t[96];
    int n = card_texts(t, 96);
    char want[256], x[64], y[64], x0[64], x1[64], y1[64];
    snprintf(want, sizeof want, "step %d \xe2\x86\x92 %d: the last update", k, k + 1);
    CHECK_MSG(card_find(t, n, want) != NULL, "no '%s' on the card", want);
    CHECK(card_find(t, n, "no update follows") == NULL);
    /* the numbers tell this update from the one before */
    num(r->traj[k].x, x, sizeof x), num(r->traj[k - 1].x, x0, sizeof x0);
    CHECK_MSG(strcmp(x, x0) != 0, "steps %d and %d look alike (%s)", k - 1, k, x);
    num(r->traj[k].y, y, sizeof y);
    snprintf(want, sizeof want, "\xce\xb8 = (%s, %s)", x, y);
    CHECK_MSG(card_find(t, n, want) != NULL, "no '%s' on the card", want);
    num(r->traj[k].gx, x, sizeof x), num(r->traj[k].gy, y, sizeof y);
    snprintf(want, sizeof want, "\xe2\x88\x87" "f(\xce\xb8) = (%s, %s)", x, y);
    CHECK_MSG(card_find(t, n, want) != NULL, "no '%s' on the card", want);
    /* the parameter update, the card's last x and y lines: from point k to point k+1 */
    const CardText *lx = NULL, *ly = NULL;
    for (int j = 0; j < n; j++) {
        lx = starts(t[j].text, "x:  ") ? &t[j] : lx;
        ly = starts(t[j].text, "y:  ") ? &t[j] : ly;
    }
    CHECK(lx && ly);
    num(r->traj[k].x, x, sizeof x), num(r->traj[k + 1].x, x1, sizeof x1), num(r->traj[k + 1].y, y1, sizeof y1);
    snprintf(want, sizeof want, "x:  %s \xe2\x88\x92 ", x);
    CHECK_MSG(lx && starts(lx->text, want), "the last x line '%s' does not start from %s", lx ? lx->text : "", x);
    snprintf(want, sizeof want, " = %s", x1);
    CHECK_MSG(lx && strlen(lx->text) > strlen(want) && strcmp(lx->text + strlen(lx->text) - strlen(want), want) == 0,
              "the last x line '%s' does not end at %s", lx ? lx->text : "", x1);
    snprintf(want, sizeof want, " = %s", y1);
    CHECK_MSG(ly && strlen(ly->text) > strlen(want) && strcmp(ly->text + strlen(ly->text) - strlen(want), want) == 0,
              "the last y line '%s' does not end at %s", ly ? ly->text : "", y1);
    check_equations("last update");
    /* one step back: the same update, as any other */
    key(SDLK_LEFT);
    n = card_texts(t, 96);
    snprintf(want, sizeof want, "update t = %d, from step %d to %d", k + 1, k, k + 1);
    CHECK_MSG(card_find(t, n, want) != NULL, "no '%s' one step back", want);
    snprintf(want, sizeof want, "\xce\xb8 = (%s, ", x);
    CHECK_MSG(card_find(t, n, want) != NULL, "no '%s' one step back", want);
    key(SDLK_END);
}

/* A run that diverges: at its last finite point, the update that diverges. */
static void test_diverged(int i)
{
    const App *a = &sh.app;
    const Run *r = &a->scene.run[i];
    CHECK(r->diverged_at > 0 && r->n == r->diverged_at);
    if (!(r->diverged_at > 0))
        return;
    select_run(i);
    key(SDLK_END);
    frame();
    int k = r->n - 1;
    static CardText t[96];
    int n = card_texts(t, 96);
    char want[256], x[64], y[64];
    snprintf(want, sizeof want, "step %d \xe2\x86\x92 %d: the update that diverges", k, k + 1);
    CHECK_MSG(card_find(t, n, want) != NULL, "no '%s' on the card", want);
    num(r->traj[k].x, x, sizeof x), num(r->traj[k].y, y, sizeof y);
    snprintf(want, sizeof want, "\xce\xb8 = (%s, %s)", x, y);
    CHECK_MSG(card_find(t, n, want) != NULL, "no '%s' on the card", want);
    int said = 0;
    for (int j = 0; j < n; j++)
        said |= strstr(t[j].text, "the run diverges") != NULL;
    CHECK_MSG(said, "the card does not say the run diverges");
    check_equations("diverged");
}

/* ---- the card and the hyperparameter map together ----------------------------------- */

/* Frames until the hyperparameter map is complete (its threads get the cores
 * between them): at most 120 s. */
static void wait_map(void)
{
    const App *a = &sh.app;
    Uint32 t0 = SDL_GetTicks();
    while (!(a->maps.kind == MAPS_HYPER && a->maps.fine && !a->maps.job) && SDL_GetTicks() - t0 < 120000) {
        frame();
        SDL_Delay(20);
    }
    frame();
}

static void resize(int w, int h)
{
    SDL_SetWindowSize(sh.gl.window, w, h);
    for (int i = 0; i < 4; i++)
        frame();
    int fw = 0, fh = 0;
    SDL_GL_GetDrawableSize(sh.gl.window, &fw, &fh);
    CHECK_MSG(fw == w && fh == h && sh.app.frame.w == w && sh.app.frame.h == h, "the window is %dx%d, not %dx%d",
              sh.app.frame.w, sh.app.frame.h, w, h);
}

/* A heading: inside its panel, and clear of every other text and every widget. */
static int check_heading(const DrawCmd *hd, const Panel *p, const char *where)
{
    Box b = text_box(hd);
    const char *s = draw_text_of(&sh.dl, hd);
    int bad = 0;
    if (b.x < p->x - 0.5f || b.y < p->y - 0.5f || b.x + b.w > p->x + p->w + 0.5f || b.y + b.h > p->y + p->h + 0.5f) {
        CHECK_MSG(0, "%s: heading '%s' (%.0f,%.0f %.0fx%.0f) leaves its panel (%.0f,%.0f %.0fx%.0f)", where, s, b.x,
                  b.y, b.w, b.h, p->x, p->y, p->w, p->h);
        bad = 1;
    }
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c == hd || c->kind != DRAW_TEXT || c->text_len == 0 || !overlap(b, text_box(c), 0.5f))
            continue;
        CHECK_MSG(0, "%s: heading '%s' runs into '%.*s' at %.0f,%.0f", where, s, c->text_len, draw_text_of(&sh.dl, c),
                  c->x, c->y);
        bad = 1;
    }
    const UiContext *ui = &sh.app.ui;
    for (int i = 0; i < ui->n_placed; i++) {
        Box w = {ui->placed[i].x, ui->placed[i].y, ui->placed[i].w, ui->placed[i].h};
        if (!overlap(b, w, 0.5f))
            continue;
        CHECK_MSG(0, "%s: heading '%s' runs into widget %d at %.0f,%.0f", where, s, i, w.x, w.y);
        bad = 1;
    }
    return bad;
}

/* The headings of the card (the run's label) and of the hyperparameter map (its
 * title, in the strong text colour, on one line or more). Returns how many. */
static int check_headings(int run, const char *where)
{
    const App *a = &sh.app;
    const Panel *card = panel(&panel_card), *sweep = panel(&panel_sweep);
    int found = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind != DRAW_TEXT)
            continue;
        if (card && card->w >= 1 && c->x >= card->x && c->x < card->x + card->w && c->y >= card->y &&
            c->y < card->y + card->h && strcmp(draw_text_of(&sh.dl, c), a->scene.run[run].label) == 0) {
            check_heading(c, card, where);
            found++;
        }
        if (sweep && sweep->w >= 1 && c->rgba == gs_theme.text_strong && c->x >= sweep->x &&
            c->x < sweep->x + sweep->w && c->y >= sweep->y && c->y < sweep->y + sweep->h) {
            check_heading(c, sweep, where);
            found++;
        }
    }
    return found;
}

/* A label's number (a true minus sign read as '-'); 0 when it is none. */
static int label_value(const DrawCmd *c, double *v)
{
    char buf[64], *end;
    const char *t = draw_text_of(&sh.dl, c);
    int n = c->text_len < 60 ? c->text_len : 60, k = 0;
    for (int i = 0; i < n; i++) {
        if ((unsigned char)t[i] == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x88 && (unsigned char)t[i + 2] == 0x92)
            buf[k++] = '-', i += 2;
        else
            buf[k++] = t[i];
    }
    buf[k] = '\0';
    *v = strtod(buf, &end);
    return k > 0 && *end == '\0';
}

/* Where value v falls along a map's axis, 0 to 1 (cell centres at the ends). */
static double along(const SweepAxis *ax, double v)
{
    double t = ax->log ? (log10(v) - log10(ax->lo)) / (log10(ax->hi) - log10(ax->lo)) : (v - ax->lo) / (ax->hi - ax->lo);
    return (t * (ax->n - 1) + 0.5) / ax->n;
}

/* The hyperparameter map's numbers: each tick label under the grid centred on its
 * value's place along the x axis, each left of it at its value's height, and each
 * under the colour bar at its loss's place in the colours' range (labels pushed
 * in at the panel's edges excepted). Returns how many were checked. */
static int check_map_numbers(const char *where)
{
    const App *a = &sh.app;
    const Maps *m = &a->maps;
    const Panel *p = panel(&panel_sweep);
    const DrawCmd *img = NULL;
    for (int i = 0; i < sh.dl.n; i++)
        if (sh.dl.cmd[i].kind == DRAW_IMAGE && sh.dl.cmd[i].pixels == m->image)
            img = &sh.dl.cmd[i];
    CHECK_MSG(img != NULL, "%s: no map drawn", where);
    if (!img || m->axis[1].n < 1)
        return 0;
    float gx = img->x, gy = img->y, side = img->w, fs = 0;
    int checked = 0, bar = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        double v;
        if (c->kind != DRAW_TEXT || c->x < p->x || c->x >= p->x + p->w || c->y < p->y || c->y >= p->y + p->h ||
            !label_value(c, &v))
            continue;
        fs = c->h;
        float w = render_text_width(sh.r, c->font, c->h, draw_text_of(&sh.dl, c), c->text_len);
        float cx = c->x + 0.5f * w, want;
        int pushed = c->x <= p->x + 17 * a->frame.scale || c->x + w >= p->x + p->w - 17 * a->frame.scale;
        if (c->y > gy + side && c->y < gy + side + 1.5f * fs) { /* under the grid: the x axis */
            want = gx + (float)along(&m->axis[0], v) * side;
        } else if (c->y >= gy + side + 1.5f * fs) { /* the colour bar's */
            want = gx + (float)((log10(v) - m->value_lo) / (m->value_hi - m->value_lo)) * side;
            bar++;
        } else if (c->x + w < gx) { /* left of the grid: the y axis */
            float cy = c->y + 0.6f * c->h, wy = gy + (1.0f - (float)along(&m->axis[1], v)) * side;
            int clamped = c->y <= gy + 0.5f || c->y + 1.2f * c->h >= gy + side - 0.5f;
            CHECK_MSG(clamped || fabsf(cy - wy) <= 1.0f, "%s: y label %g at %.1f, its place %.1f", where, v, cy, wy);
            checked++;
            continue;
        } else {
            continue;
        }
        CHECK_MSG(pushed || fabsf(cx - want) <= 1.0f, "%s: label %g centred at %.1f, its place %.1f", where, v, cx,
                  want);
        checked++;
    }
    CHECK_MSG(bar >= 2, "%s: the colour bar has %d numbers", where, bar);
    return checked;
}

static void test_with_map(int run)
{
    App *a = &sh.app;
    static const int SIZES[][2] = {{1280, 720}, {1024, 768}, {1366, 768}, {1920, 1080}, {1600, 900}};
    if (app_card_run(a) != run)
        select_run(run);
    key(SDLK_h);
    CHECK(a->maps.want == MAPS_HYPER);
    wait_map();
    int both = 0;
    for (int s = 0; s < 5; s++) {
        int w = SIZES[s][0], h = SIZES[s][1];
        char where[64];
        snprintf(where, sizeof where, "%dx%d, card and map", w, h);
        a->message[0] = '\0', a->card_no_room = 0;
        resize(w, h);
        const Panel *map = panel(&panel_map), *card = panel(&panel_card), *sweep = panel(&panel_sweep);
        int shown = (card->w >= 1) + (sweep->w >= 1);
        /* the two share the room and leave the map half the window; where that
         * leaves neither room, the card stays as it was before H */
        CHECK_MSG(map->w >= 0.5f * (float)w || (shown == 1 && card->w >= 1), "%s: the map is %.0f px wide", where,
                  map->w);
        CHECK_MSG(shown >= 1, "%s: neither the card nor the map shown", where);
        if (shown < 2) {
            /* what the window has no room for, it says */
            CHECK_MSG(strstr(a->message, "too narrow for") != NULL, "%s: %d of 2 shown, nothing said", where,
                      shown);
        } else {
            both++;
            CHECK_MSG(card->x == sweep->x && card->w == sweep->w && card->y + card->h <= sweep->y + 0.5f,
                      "%s: card %.0f,%.0f %.0fx%.0f, map %.0f,%.0f %.0fx%.0f", where, card->x, card->y, card->w,
                      card->h, sweep->x, sweep->y, sweep->w, sweep->h);
        }
        CHECK_MSG(check_headings(run, where) >= shown, "%s: headings missing", where);
        check_equations(where);
        if (sweep->w >= 1)
            CHECK_MSG(check_map_numbers(where) >= 6, "%s: too few of the map's numbers", where);
    }
    CHECK_MSG(both >= 4, "card and map shown together at %d sizes", both);
    /* the map alone, at the size where its title ran into the side panel's */
    key(SDLK_u);
    CHECK(app_card_run(a) < 0);
    resize(1024, 768);
    CHECK(panel(&panel_sweep)->w >= 1);
    CHECK(check_headings(run, "1024x768, map alone") >= 1);
    key(SDLK_h);
    key(SDLK_u);
    resize(1600, 900);
}

int main(void)
{
    /* sgd diverges in a few steps from the start; adam ends well */
    char *argv[] = {"gradscape", "--size", "1600x900", "--steps", "40", "--opt", "sgd:lr=0.01", "--opt",
                    "adam:lr=0.1", "--opt", "momentum"};
    if (shell_test_open(11, argv) != 0)
        return 1;
    if (sh.app.playing)
        key(SDLK_SPACE);
    test_last_update(1);
    test_diverged(0);
    test_with_map(1);
    CHECK_MSG(wrapped_equations > 0, "no equation wrapped: the breaks went unchecked");
    printf("test_card: %d wrapped equations checked\n", wrapped_equations);
    shell_free(&sh);
    return check_done("test_card");
}
