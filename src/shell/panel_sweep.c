/* panel_sweep: the hyperparameter map of a run, beside the map: a cell per pair of
 * values of two of its hyperparameters, coloured by the outcome of the whole run
 * with them (app_maps.c), the run's own setting ringed, the axes labelled with
 * their ends (a click on an axis's name takes another of the run's keys).
 *
 * Invariants: every text stays inside the panel and off the grid: in a narrow
 * panel (one shared with the update-rule card) the text shrinks, to a floor, and
 * the title then wraps rather than run into what is beside it. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define SWEEP_PAD 16.0f
#define SWEEP_MIN_W 160.0f    /* the panel's narrowest alone, at UI scale 1 */
#define SWEEP_MIN_SIDE 96.0f  /* the grid's smallest side in a column shared with the card */
#define SWEEP_LEAST_SIDE 160.0f /* ... and the most it insists on there */
#define SWEEP_FLOOR 0.7f      /* the smallest text, times the map font */
#define SWEEP_TITLE_LINES 3

/* Where the map's grid and its text sit in the panel. */
typedef struct SweepBox {
    float x, y, side;         /* the grid */
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

static const char *key_text(const App *a)
{
    return a->maps.metric ? "diverged;  dark: soon, light: late" : "diverged;  dark: low loss, light: high";
}

/* An axis's ends, as the labels write them. */
static void axis_ends(const SweepAxis *ax, char *lo, char *hi, size_t cap)
{
    snprintf(lo, cap, "%.3g", ax->lo), snprintf(hi, cap, "%.3g", ax->hi);
}

/* An axis's name: the hyperparameter's symbol, and "(log)" on a log axis. */
static void axis_name(const SweepAxis *ax, char *out, size_t cap)
{
    snprintf(out, cap, "%s%s", optim_hyper(ax->key)->symbol, ax->log ? " (log)" : "");
}

/* The box of a panel w x h at (x, y), at scale s. */
static void sweep_box_at(const App *a, float x, float y, float w, float h, float s, SweepBox *b)
{
    const Maps *m = &a->maps;
    float pad = SWEEP_PAD * s, inner = w - 2 * pad, base = gs_theme.map_font * s;
    /* the key, on one line at 0.9 of the text size after its swatch */
    float key_w = ui_text_width(&a->ui, 0, 0.9f * base, key_text(a)) + 1.5f * 0.9f * base;
    b->fs = fmaxf(fminf(base, base * inner / fmaxf(key_w, 1)), SWEEP_FLOOR * base);
    if (computed(a)) {
        const Run *r = &a->scene.run[m->run];
        snprintf(b->title, sizeof b->title, "%s: %s over %s \xc3\x97 %s", r->label,
                 m->metric ? "steps to the tolerance" : "final loss", optim_hyper(m->axis[0].key)->symbol,
                 optim_hyper(m->axis[1].key)->symbol);
    } else {
        snprintf(b->title, sizeof b->title, "Computing the hyperparameter map\xe2\x80\xa6");
    }
    /* the title: its size shrinks to fit the width, then it wraps */
    float tfs = 1.1f * base, tw = ui_text_width(&a->ui, 1, tfs, b->title);
    b->tfs = roundf(fmaxf(fminf(tfs, tfs * inner / fmaxf(tw, 1)), SWEEP_FLOOR * tfs));
    b->title_lines = ui_wrap(&a->ui, 1, b->tfs, b->title, inner, b->title_starts, SWEEP_TITLE_LINES);
    b->th = (float)b->title_lines * 1.3f * b->tfs + 0.8f * b->fs;
    /* the y axis's labels, left of the grid */
    float lfs = 0.9f * b->fs, ends_w = 0, name_w = 0;
    b->left = 3.5f * b->fs;
    if (computed(a)) {
        char lo[32], hi[32], name[64];
        axis_ends(&m->axis[1], lo, hi, sizeof lo);
        axis_name(&m->axis[1], name, sizeof name);
        float widest = fmaxf(fmaxf(ui_text_width(&a->ui, 0, lfs, lo), ui_text_width(&a->ui, 0, lfs, hi)),
                             ui_text_width(&a->ui, 1, lfs, name));
        b->left = fmaxf(b->left, widest + 6 * s);
        axis_ends(&m->axis[0], lo, hi, sizeof lo);
        axis_name(&m->axis[0], name, sizeof name);
        ends_w = 2 * fmaxf(ui_text_width(&a->ui, 0, lfs, lo), ui_text_width(&a->ui, 0, lfs, hi));
        name_w = ui_text_width(&a->ui, 1, lfs, name);
    }
    b->side = fminf(inner - b->left, h - 2 * pad - b->th);
    /* under the grid: the x axis's ends and its name (centred; on a line of its own
     * when it would touch an end), the key, a line for the cell under the mouse */
    int own_line = ends_w + name_w + 2 * lfs > b->side;
    b->name_dy = 4 * s + (own_line ? 1.3f * lfs : 0);
    b->key_dy = b->name_dy + 1.5f * lfs + 4 * s;
    b->hover_dy = b->key_dy + 1.6f * lfs;
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
    if (!computed(a))
        return;
    const Run *r = &a->scene.run[m->run];
    const HyperInfo *h0 = optim_hyper(m->axis[0].key), *h1 = optim_hyper(m->axis[1].key);
    char line[256];
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
    axis_ends(&m->axis[0], lo, hi, sizeof lo);
    draw_text(dl, b.x, b.y + b.side + 4 * s, fs, 0, th->text_dim, lo, -1);
    draw_text(dl, b.x + b.side - ui_text_width(&a->ui, 0, fs, hi), b.y + b.side + 4 * s, fs, 0, th->text_dim, hi, -1);
    axis_name(&m->axis[0], line, sizeof line);
    draw_text(dl, b.x + 0.5f * (b.side - ui_text_width(&a->ui, 1, fs, line)), b.y + b.side + b.name_dy, fs, 1,
              th->text, line, -1);
    axis_ends(&m->axis[1], lo, hi, sizeof lo);
    draw_text(dl, b.x - ui_text_width(&a->ui, 0, fs, hi) - 6 * s, b.y, fs, 0, th->text_dim, hi, -1);
    draw_text(dl, b.x - ui_text_width(&a->ui, 0, fs, lo) - 6 * s, b.y + b.side - fs * 1.2f, fs, 0, th->text_dim, lo, -1);
    axis_name(&m->axis[1], line, sizeof line);
    draw_text(dl, b.x - ui_text_width(&a->ui, 1, fs, line) - 6 * s, b.y + 0.5f * b.side, fs, 1, th->text, line, -1);
    /* the key */
    float ky = b.y + b.side + b.key_dy;
    float kx = fmaxf(fminf(b.x, p->x + p->w - SWEEP_PAD * s - ui_text_width(&a->ui, 0, fs, key_text(a)) - 1.5f * fs),
                     p->x + SWEEP_PAD * s);
    draw_rect(dl, kx, ky + 0.2f * fs, fs, fs, 2 * s, 0x8E1B1BFFu);
    text_in(a, p, s, dl, kx + 1.5f * fs, kx + 1.5f * fs, ky, fs, 0, th->text_dim, key_text(a));
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
    int on_y = mx < b.x && mx > b.x - b.left && my > b.y + 0.35f * b.side && my < b.y + 0.65f * b.side;
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
    .height = sweep_height,
    .input = sweep_input,
    .draw = sweep_draw,
};
