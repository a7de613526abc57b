/* app: state, input handling, UI composition and the map's drawing commands. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export.h"

#define PANEL_W 380.0f
#define BAR_H 52.0f
#define BG 0x12151BFF

static float text_width_cb(void *user, int font, float size, const char *s, int len)
{
    return render_text_width((Renderer *)user, font, size, s, len);
}

static unsigned run_rgba(const Run *r) { return (scene_palette(r->colour) << 8) | 0xFFu; }

static double default_speed(int steps)
{
    /* the whole run in about six seconds, in a round number of steps per second */
    double s = steps / 6.0;
    double p = pow(10.0, floor(log10(s > 1 ? s : 1)));
    double m = s / p;
    return (m < 2 ? 1 : (m < 5 ? 2 : 5)) * p;
}

static void set_message(App *a, const char *text)
{
    snprintf(a->message, sizeof a->message, "%s", text);
    a->message_until = a->clock + 4.0;
}

static void formula_text(const Surface *s, char *out, size_t cap);

int app_init(App *a, const Config *cfg, Renderer *r, int interactive, char *err, size_t cap)
{
    memset(a, 0, sizeof *a);
    if (spec_build_scene(cfg, &a->scene, err, cap) != 0)
        return -1;
    if (draw_init(&a->dl, 8192, 1 << 16) != 0 || draw_init(&a->ui_dl, 4096, 1 << 15) != 0) {
        draw_free(&a->dl);
        scene_free(&a->scene);
        snprintf(err, cap, "out of memory");
        return -1;
    }
    a->r = r;
    a->interactive = interactive;
    a->layout = cfg->layout;
    a->legend = cfg->legend;
    const double *v = a->scene.surface.view;
    a->view = (MapView){v[0], v[1], v[2], v[3]};
    a->speed = default_speed(a->scene.steps);
    a->t = interactive ? 0.0 : a->scene.steps;
    a->playing = interactive;
    a->user_scale = 1.0f;
    a->scale = 1.0f;
    snprintf(a->out_dir, sizeof a->out_dir, "%s", cfg->out_dir ? cfg->out_dir : ".");
    if (a->scene.surface.builtin == SURFACE_EXPR)
        snprintf(a->expr_text, sizeof a->expr_text, "%s", a->scene.surface.expr.source);
    else
        formula_text(&a->scene.surface, a->expr_text, sizeof a->expr_text);
    ui_init(&a->ui, text_width_cb, r);
    return 0;
}

void app_free(App *a)
{
    scene_free(&a->scene);
    draw_free(&a->dl);
    draw_free(&a->ui_dl);
}

void app_resimulate(App *a)
{
    scene_simulate(&a->scene);
    if (a->t > a->scene.steps)
        a->t = a->scene.steps;
}

/* ---- geometry ------------------------------------------------------------- */

typedef struct Panel {
    float x, y, w, h;
    int run;   /* grid: the run shown; overlay: -1 */
} Panel;

static int enabled_runs(const App *a, int *idx)
{
    int n = 0;
    for (int i = 0; i < a->scene.n_runs; i++)
        if (a->scene.run[i].enabled)
            idx[n++] = i;
    return n;
}

/* The map panels: one in overlay, one per enabled run in grid. */
static int map_panels(const App *a, Panel *out)
{
    if (a->layout == LAYOUT_OVERLAY) {
        out[0] = (Panel){a->map_x, a->map_y, a->map_w, a->map_h, -1};
        return 1;
    }
    int idx[SCENE_MAX_RUNS];
    int n = enabled_runs(a, idx);
    if (n == 0) {
        out[0] = (Panel){a->map_x, a->map_y, a->map_w, a->map_h, -1};
        return 1;
    }
    /* columns that make the panels closest to square */
    int best_c = 1;
    float best = 1e30f;
    for (int c = 1; c <= n; c++) {
        int rows = (n + c - 1) / c;
        float pw = a->map_w / (float)c, ph = a->map_h / (float)rows;
        float score = fabsf(logf(pw / ph)) + 0.5f * (float)(c * rows - n);
        if (score < best)
            best = score, best_c = c;
    }
    int rows = (n + best_c - 1) / best_c;
    float gap = 2.0f * a->scale;
    float pw = (a->map_w - gap * (float)(best_c - 1)) / (float)best_c;
    float ph = (a->map_h - gap * (float)(rows - 1)) / (float)rows;
    for (int i = 0; i < n; i++) {
        int c = i % best_c, r = i / best_c;
        out[i] = (Panel){a->map_x + (float)c * (pw + gap), a->map_y + (float)r * (ph + gap), pw, ph, idx[i]};
    }
    return n;
}

/* Grid panels all show the same world region: the view fitted to one panel. */
static MapView panel_view(const App *a, const Panel *p) { return map_fit(a->view, p->w, p->h); }

int app_map_world(const App *a, float px, float py, double *wx, double *wy)
{
    Panel panels[SCENE_MAX_RUNS];
    int n = map_panels(a, panels);
    for (int i = 0; i < n; i++) {
        const Panel *p = &panels[i];
        if (px >= p->x && px < p->x + p->w && py >= p->y && py < p->y + p->h) {
            MapView v = panel_view(a, p);
            *wx = map_world_x(v, p->x, p->w, px);
            *wy = map_world_y(v, p->y, p->h, py);
            return 1;
        }
    }
    return 0;
}

static void layout(App *a, int fb_w, int fb_h)
{
    a->fb_w = fb_w, a->fb_h = fb_h;
    float auto_scale = (float)fb_h / 900.0f;
    auto_scale = auto_scale < 1.0f ? (fb_h < 500 ? 0.75f : 1.0f) : (auto_scale > 3.0f ? 3.0f : auto_scale);
    a->scale = a->user_scale * auto_scale;
    if (!a->interactive) {
        a->map_x = 0, a->map_y = 0, a->map_w = (float)fb_w, a->map_h = (float)fb_h;
        return;
    }
    float panel_w = PANEL_W * a->scale;
    if (panel_w > (float)fb_w * 0.5f)
        panel_w = (float)fb_w * 0.5f;
    float bar_h = BAR_H * a->scale;
    a->map_x = 0, a->map_y = 0;
    a->map_w = (float)fb_w - panel_w;
    a->map_h = (float)fb_h - bar_h;
    if (a->map_w < 1)
        a->map_w = 1;
    if (a->map_h < 1)
        a->map_h = 1;
}

/* ---- actions -------------------------------------------------------------- */

/* The surface's formula with its parameters' values written in: a starting point
 * for the user's own formula. */
static void formula_text(const Surface *s, char *out, size_t cap)
{
    const char *src = s->builtin >= 0 ? surface_info(s->builtin)->formula : s->expr.source;
    size_t len = 0;
    out[0] = '\0';
    for (const char *p = src; *p && len + 1 < cap;) {
        if (isalpha((unsigned char)*p) || *p == '_') {
            const char *q = p;
            while (isalnum((unsigned char)*q) || *q == '_')
                q++;
            int param = -1;
            for (int i = 0; i < s->expr.n_params; i++)
                if ((size_t)(q - p) == strlen(s->expr.param_name[i]) && strncmp(p, s->expr.param_name[i], (size_t)(q - p)) == 0)
                    param = i;
            int n = param >= 0 ? snprintf(out + len, cap - len, s->param[param] < 0 ? "(%.10g)" : "%.10g", s->param[param])
                               : snprintf(out + len, cap - len, "%.*s", (int)(q - p), p);
            if (n < 0 || (size_t)n >= cap - len)
                break;
            len += (size_t)n;
            p = q;
        } else {
            out[len++] = *p++;
            out[len] = '\0';
        }
    }
}

static void load_surface(App *a, const Surface *s, int keep_runs)
{
    Scene next;
    scene_init(&next, s);
    if (keep_runs) {
        for (int i = 0; i < a->scene.n_runs; i++) {
            const Run *r = &a->scene.run[i];
            int k = scene_add_run(&next, r->kind, r->hp, r->label_set ? r->label : NULL);
            if (k >= 0) {
                next.run[k].enabled = r->enabled;
                next.run[k].colour = r->colour;
            }
        }
    } else {
        spec_add_default_runs(&next);
    }
    scene_free(&a->scene);
    a->scene = next;
    a->view = (MapView){s->view[0], s->view[1], s->view[2], s->view[3]};
    a->speed = default_speed(a->scene.steps);
    a->t = 0;
    a->playing = 1;
    app_resimulate(a);
}

static void reset_view(App *a)
{
    const double *v = a->scene.surface.view;
    a->view = (MapView){v[0], v[1], v[2], v[3]};
}

void app_write_png_timestamped(App *a)
{
    char name[64], path[1200], err[1400];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(name, sizeof name, "gradscape-%Y%m%d-%H%M%S.png", &tm);
    snprintf(path, sizeof path, "%s/%s", a->out_dir, name);
    /* never overwrite an earlier screenshot taken in the same second */
    for (int k = 2; k < 100; k++) {
        FILE *f = fopen(path, "rb");
        if (!f)
            break;
        fclose(f);
        snprintf(path, sizeof path, "%s/%.*s-%d.png", a->out_dir, (int)strlen(name) - 4, name, k);
    }
    if (app_write_png(a, path, a->fb_w, a->fb_h, err, sizeof err) == 0) {
        char msg[1300];
        snprintf(msg, sizeof msg, "Saved %s", path);
        set_message(a, msg);
    } else {
        set_message(a, err);
    }
}

static void handle_keys(App *a, const Input *in)
{
    const int *k = in->key_pressed;
    if (a->ui.focus) /* a text field has the keyboard */
        return;
    if (k[UI_KEY_ESCAPE]) {
        if (a->show_help)
            a->show_help = 0;
        else
            a->want_quit = 1;
    }
    if (k[UI_KEY_F1])
        a->show_help = !a->show_help;
    if (k[UI_KEY_F11])
        a->want_fullscreen = 1;
    if (in->ctrl) {
        if (k[UI_KEY_S])
            a->want_screenshot = 1;
        if (k[UI_KEY_PLUS] && a->user_scale < 3.0f)
            a->user_scale *= 1.125f;
        if (k[UI_KEY_MINUS] && a->user_scale > 0.5f)
            a->user_scale /= 1.125f;
        if (k[UI_KEY_0])
            a->user_scale = 1.0f;
        return;
    }
    if (k[UI_KEY_SPACE]) {
        if (!a->playing && a->t >= a->scene.steps)
            a->t = 0;
        a->playing = !a->playing;
    }
    if (k[UI_KEY_RIGHT]) {
        a->playing = 0;
        a->t = floor(a->t) + 1;
    }
    if (k[UI_KEY_LEFT]) {
        a->playing = 0;
        a->t = ceil(a->t) - 1;
    }
    if (k[UI_KEY_HOME])
        a->t = 0;
    if (k[UI_KEY_END])
        a->t = a->scene.steps, a->playing = 0;
    if (k[UI_KEY_R]) {
        a->t = 0;
        a->playing = 1;
    }
    if (k[UI_KEY_PLUS])
        a->speed = a->speed * 2 > 1e6 ? 1e6 : a->speed * 2;
    if (k[UI_KEY_MINUS])
        a->speed = a->speed / 2 < 1 ? 1 : a->speed / 2;
    if (k[UI_KEY_G])
        a->layout = a->layout == LAYOUT_OVERLAY ? LAYOUT_GRID : LAYOUT_OVERLAY;
    if (k[UI_KEY_V])
        reset_view(a);
}

static void handle_map_mouse(App *a, const Input *in)
{
    int over_map = in->mouse_x >= a->map_x && in->mouse_x < a->map_x + a->map_w && in->mouse_y >= a->map_y &&
                   in->mouse_y < a->map_y + a->map_h;
    if (in->mouse_pressed && over_map && !a->ui.mouse_used && !a->show_help) {
        a->pressing = 1;
        a->panning = 0;
        a->press_x = in->mouse_x, a->press_y = in->mouse_y;
        a->press_view = a->view;
    }
    if (a->pressing && in->mouse_down) {
        float dx = in->mouse_x - a->press_x, dy = in->mouse_y - a->press_y;
        if (!a->panning && dx * dx + dy * dy > 16.0f * a->scale * a->scale)
            a->panning = 1;
        if (a->panning) {
            Panel p[SCENE_MAX_RUNS];
            map_panels(a, p);
            MapView v = map_fit(a->press_view, p[0].w, p[0].h);
            double ux = (v.x1 - v.x0) / p[0].w, uy = (v.y1 - v.y0) / p[0].h;
            a->view.x0 = a->press_view.x0 - dx * ux, a->view.x1 = a->press_view.x1 - dx * ux;
            a->view.y0 = a->press_view.y0 + dy * uy, a->view.y1 = a->press_view.y1 + dy * uy;
        }
    }
    if (a->pressing && in->mouse_released) {
        double wx, wy;
        if (!a->panning && app_map_world(a, a->press_x, a->press_y, &wx, &wy)) {
            a->scene.start[0] = wx;
            a->scene.start[1] = wy;
            a->t = 0;
            a->playing = 1;
            app_resimulate(a);
        }
        a->pressing = a->panning = 0;
    }
    if (in->wheel != 0.0f && over_map && !a->show_help) {
        /* zoom about the cursor: the world point under it stays put */
        Panel p[SCENE_MAX_RUNS];
        int n = map_panels(a, p);
        for (int i = 0; i < n; i++) {
            if (in->mouse_x < p[i].x || in->mouse_x >= p[i].x + p[i].w || in->mouse_y < p[i].y ||
                in->mouse_y >= p[i].y + p[i].h)
                continue;
            MapView v = panel_view(a, &p[i]);
            double wx = map_world_x(v, p[i].x, p[i].w, in->mouse_x);
            double wy = map_world_y(v, p[i].y, p[i].h, in->mouse_y);
            double f = pow(1.15, -(double)in->wheel);
            double span = (a->view.x1 - a->view.x0) * f;
            if (span < 1e-9 || span > 1e9)
                break;
            a->view.x0 = wx + (a->view.x0 - wx) * f, a->view.x1 = wx + (a->view.x1 - wx) * f;
            a->view.y0 = wy + (a->view.y0 - wy) * f, a->view.y1 = wy + (a->view.y1 - wy) * f;
            break;
        }
    }
}

/* ---- text helpers ---------------------------------------------------------- */

static void hp_summary(const Run *r, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int k = 0; k < HP_COUNT && len < cap; k++) {
        if (!optim_uses(r->kind, (HyperKey)k))
            continue;
        /* leave out what is off or at its usual value: weight decay 0, flags on */
        if ((k == HP_WEIGHT_DECAY && r->hp[k] == 0.0 && r->kind != OPTIM_ADAMW) ||
            (optim_hyper((HyperKey)k)->is_flag && r->hp[k] == 1.0))
            continue;
        int n = snprintf(out + len, cap - len, "%s%s=%.3g", len ? "  " : "", optim_hyper((HyperKey)k)->symbol, r->hp[k]);
        if (n < 0 || (size_t)n >= cap - len)
            return;
        len += (size_t)n;
    }
    char sched[96];
    schedule_describe(&r->sched, sched, sizeof sched);
    if (sched[0] && len < cap)
        snprintf(out + len, cap - len, "  %s", sched);
}

static int visible_step(const App *a, const Run *r)
{
    int k = (int)a->t;
    if (k > r->n - 1)
        k = r->n - 1;
    return k;
}

/* ---- drawing the map ------------------------------------------------------- */

/* Pixel of a world point in a panel, kept finite: a point far outside the panel (a
 * diverging run's last finite point can be 1e300 away) would map to an infinite
 * float. Clamped well beyond the panel's clip, where it draws nothing, as before. */
static void panel_px(const Panel *p, MapView v, double wx, double wy, float *x, float *y)
{
    const float far = 1e5f;
    float px = map_px_x(v, p->x, p->w, wx), py = map_px_y(v, p->y, p->h, wy);
    *x = px > p->x - far ? (px < p->x + p->w + far ? px : p->x + p->w + far) : p->x - far;
    *y = py > p->y - far ? (py < p->y + p->h + far ? py : p->y + p->h + far) : p->y - far;
}

static void draw_runs_on(App *a, const Panel *p, MapView v, int only)
{
    DrawList *dl = &a->dl;
    const Scene *sc = &a->scene;
    float s = a->scale;
    /* noise bundles: the other seeds, faint, under every path */
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled || (only >= 0 && i != only) || sc->noise <= 0.0 || r->bundle < 2)
            continue;
        unsigned faint = (scene_palette(r->colour) << 8) | 0x60u;
        for (int j = 0; j < r->bundle - 1 && j < r->bundle_cap; j++) {
            int n = r->bundle_n[j];
            int k = (int)a->t + 1 < n ? (int)a->t + 1 : n;
            if (k > 1)
                draw_path(dl, p->x, p->y, p->w, p->h, v, r->bundle_traj + (size_t)j * (size_t)r->cap, k, r->version,
                          1.2f * s, faint);
        }
    }
    /* paths, then heads on top */
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled || (only >= 0 && i != only) || r->n == 0)
            continue;
        int k = visible_step(a, r);
        draw_path(dl, p->x, p->y, p->w, p->h, v, r->traj, k + 1, r->version, 2.5f * s, run_rgba(r));
    }
    /* minima, over the paths: hollow rings, so the field's lowest colour shows at the centre */
    for (int m = 0; m < sc->surface.n_minima; m++) {
        float mx, my;
        panel_px(p, v, sc->surface.minima[m][0], sc->surface.minima[m][1], &mx, &my);
        draw_circle(dl, mx, my, 8.0f * s, 0xFFFFFF00, 3.6f * s, 0x000000A0);
        draw_circle(dl, mx, my, 7.4f * s, 0xFFFFFF00, 1.8f * s, 0xFFFFFFFF);
    }

    /* the start */
    float sx, sy;
    panel_px(p, v, sc->start[0], sc->start[1], &sx, &sy);
    draw_circle(dl, sx, sy, 5.5f * s, 0xFFFFFFFF, 2.0f * s, 0x000000C0);
    float fs = 14.0f * s;
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled || (only >= 0 && i != only) || r->n == 0)
            continue;
        int k = visible_step(a, r);
        float hx, hy;
        panel_px(p, v, r->traj[k].x, r->traj[k].y, &hx, &hy);
        draw_circle(dl, hx, hy, 6.0f * s, run_rgba(r), 2.0f * s, 0x000000E0);
        if (r->diverged_at >= 0 && k == r->n - 1) {
            char msg[64];
            snprintf(msg, sizeof msg, "%s diverged at step %d", r->label, r->diverged_at);
            float tw = ui_text_width(&a->ui, 1, fs, msg);
            float tx = hx + 10 * s, ty = hy - 10 * s - fs;
            if (tx + tw > p->x + p->w - 4 * s)
                tx = hx - 10 * s - tw;
            if (tx < p->x + 4 * s)
                tx = p->x + 4 * s;
            if (ty < p->y + 4 * s)
                ty = hy + 10 * s;
            draw_rect(dl, tx - 5 * s, ty - 3 * s, tw + 10 * s, fs * 1.25f + 6 * s, 4 * s, 0x000000C0);
            draw_text(dl, tx, ty, fs, 1, 0xFF8A80FF, msg, -1);
        }
    }
}

static void fmt_num(char *out, size_t cap, double v)
{
    if (v != 0 && (fabs(v) < 1e-3 || fabs(v) >= 1e5))
        snprintf(out, cap, "%.3e", v);
    else
        snprintf(out, cap, "%.5g", v);
}

/* How much of the map a rect would hide: trajectory points, minima and the start
 * inside it (sampled). */
static int legend_cost(const App *a, const Panel *p, MapView v, float x, float y, float w, float h)
{
    const Scene *sc = &a->scene;
    int cost = 0;
#define INSIDE(wx, wy)                                                                                 \
    (map_px_x(v, p->x, p->w, (wx)) >= x && map_px_x(v, p->x, p->w, (wx)) < x + w &&                 \
     map_px_y(v, p->y, p->h, (wy)) >= y && map_px_y(v, p->y, p->h, (wy)) < y + h)
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled)
            continue;
        int n = visible_step(a, r) + 1, stride = n / 200 + 1;
        for (int k = 0; k < n; k += stride)
            cost += INSIDE(r->traj[k].x, r->traj[k].y);
    }
    for (int m = 0; m < sc->surface.n_minima; m++)
        cost += 50 * INSIDE(sc->surface.minima[m][0], sc->surface.minima[m][1]);
    cost += 50 * INSIDE(sc->start[0], sc->start[1]);
#undef INSIDE
    return cost;
}

/* The legend: formula, then one line per run: swatch, label, step, loss, |grad|.
 * Placed in the corner of the map that hides least, unless asked otherwise. */
static void draw_legend(App *a, const Panel *p, MapView v)
{
    if (a->legend == LEGEND_NONE)
        return;
    DrawList *dl = &a->dl;
    const Scene *sc = &a->scene;
    float s = a->scale, fs = 15.0f * s, lh = fs * 1.45f, pad = 10.0f * s, margin = 12.0f * s;
    char title[700];
    snprintf(title, sizeof title, "%s   f = %s",
             sc->surface.builtin >= 0 ? surface_info(sc->surface.builtin)->title : "Your function",
             surface_display(&sc->surface));
    int rows = 0;
    for (int i = 0; i < sc->n_runs; i++)
        rows += sc->run[i].enabled;
    float col[6] = {0, 150 * s, 230 * s, 340 * s, 450 * s, 550 * s};
    float w = col[5] + 80 * s;
    int any_diverged = 0;
    for (int i = 0; i < sc->n_runs; i++)
        any_diverged |= sc->run[i].enabled && sc->run[i].diverged_at >= 0;
    if (!any_diverged)
        w = col[5] - 20 * s;
    float tw = ui_text_width(&a->ui, 1, fs, title);
    if (tw > w)
        w = tw;
    if (w > p->w - 2 * margin - 2 * pad)
        w = p->w - 2 * margin - 2 * pad;
    float bw = w + 2 * pad, bh = lh * (float)(rows + 2) + 2 * pad - 4 * s;
    /* corners: top left, top right, bottom left, bottom right */
    float cx[4] = {p->x + margin, p->x + p->w - margin - bw, p->x + margin, p->x + p->w - margin - bw};
    float cy[4] = {p->y + margin, p->y + margin, p->y + p->h - margin - bh, p->y + p->h - margin - bh};
    int corner = 0;
    if (a->legend >= LEGEND_TL) {
        corner = (int)a->legend - (int)LEGEND_TL;
    } else {
        int best = -1;
        for (int c = 0; c < 4; c++) {
            int cost = legend_cost(a, p, v, cx[c], cy[c], bw, bh);
            if (best < 0 || cost < best)
                best = cost, corner = c;
        }
    }
    float x = cx[corner], y = cy[corner];
    draw_rect(dl, x, y, bw, bh, 8 * s, 0x0B0D12D0);
    draw_clip(dl, x, y, bw, bh);
    float tx = x + pad, ty = y + pad;
    draw_text(dl, tx, ty, fs, 1, 0xFFFFFFFF, title, -1);
    ty += lh;
    static const char *HEAD[] = {"run", "step", "loss", "|\xe2\x88\x87" "f|", "lr", ""};
    for (int c = 0; c < 5; c++)
        draw_text(dl, tx + col[c] + (c == 0 ? 22 * s : 0), ty, fs * 0.9f, 0, 0x9AA3B2FF, HEAD[c], -1);
    ty += lh;
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (!r->enabled)
            continue;
        draw_rect(dl, tx, ty + fs * 0.45f, 16 * s, 4 * s, 2 * s, run_rgba(r));
        draw_text(dl, tx + 22 * s, ty, fs, 1, 0xFFFFFFFF, r->label, -1);
        char buf[64];
        if (r->n == 0) {
            draw_text(dl, tx + col[1], ty, fs, 0, 0xFF8A80FF, "not finite at the start", -1);
        } else {
            int k = visible_step(a, r);
            const TrajPoint *q = &r->traj[k];
            snprintf(buf, sizeof buf, "%d", k);
            draw_text(dl, tx + col[1], ty, fs, 0, 0xECEFF4FF, buf, -1);
            fmt_num(buf, sizeof buf, q->loss);
            draw_text(dl, tx + col[2], ty, fs, 0, 0xECEFF4FF, buf, -1);
            fmt_num(buf, sizeof buf, hypot(q->gx, q->gy));
            draw_text(dl, tx + col[3], ty, fs, 0, 0xECEFF4FF, buf, -1);
            snprintf(buf, sizeof buf, "%.3g", q->lr); /* the learning rate of the next step */
            draw_text(dl, tx + col[4], ty, fs, 0, 0xECEFF4FF, buf, -1);
            if (r->diverged_at >= 0 && k == r->n - 1) {
                snprintf(buf, sizeof buf, "diverged at step %d", r->diverged_at);
                draw_text(dl, tx + col[5], ty, fs, 1, 0xFF8A80FF, buf, -1);
            }
        }
        ty += lh;
    }
    draw_no_clip(dl);
}

static void draw_map(App *a)
{
    DrawList *dl = &a->dl;
    Panel panels[SCENE_MAX_RUNS];
    int n = map_panels(a, panels);
    float s = a->scale;
    for (int i = 0; i < n; i++) {
        const Panel *p = &panels[i];
        MapView v = panel_view(a, p);
        draw_clip(dl, p->x, p->y, p->w, p->h);
        draw_field(dl, p->x, p->y, p->w, p->h, &a->scene.surface, v);
        draw_runs_on(a, p, v, a->layout == LAYOUT_GRID ? p->run : -1);
        if (a->layout == LAYOUT_GRID && p->run >= 0) {
            const Run *r = &a->scene.run[p->run];
            char title[200], hp[160];
            hp_summary(r, hp, sizeof hp);
            snprintf(title, sizeof title, "%s   %s", r->label, hp);
            float fs = 15.0f * s;
            float tw = ui_text_width(&a->ui, 1, fs, title);
            draw_rect(dl, p->x + 8 * s, p->y + 8 * s, tw + 20 * s, fs * 1.25f + 10 * s, 6 * s, 0x0B0D12D0);
            draw_rect(dl, p->x + 8 * s, p->y + 8 * s, 5 * s, fs * 1.25f + 10 * s, 2 * s, run_rgba(r));
            draw_text(dl, p->x + 20 * s, p->y + 13 * s, fs, 1, 0xFFFFFFFF, title, -1);
            if (r->n > 0) {
                int k = visible_step(a, r);
                char line[160], l1[32], l2[32];
                fmt_num(l1, sizeof l1, r->traj[k].loss);
                fmt_num(l2, sizeof l2, hypot(r->traj[k].gx, r->traj[k].gy));
                snprintf(line, sizeof line, "step %d   loss %s   |\xe2\x88\x87" "f| %s", k, l1, l2);
                float lw = ui_text_width(&a->ui, 0, fs * 0.9f, line);
                float ly = p->y + p->h - fs * 1.3f - 16 * s;
                draw_rect(dl, p->x + 8 * s, ly, lw + 20 * s, fs * 1.2f + 10 * s, 6 * s, 0x0B0D12D0);
                draw_text(dl, p->x + 18 * s, ly + 5 * s, fs * 0.9f, 0, 0xECEFF4FF, line, -1);
            }
        }
        draw_no_clip(dl);
    }
    if (a->layout == LAYOUT_OVERLAY || n == 0)
        draw_legend(a, &panels[0], panel_view(a, &panels[0]));
}

/* ---- the side panel and the bar ------------------------------------------- */

/* The side panel is drawn as contiguous blocks, each a draw group (see
 * DRAW_GROUP) with its own opaque background: the renderer redraws only the blocks
 * whose commands changed (a dragged slider's run, not the whole panel). */
static void block_end(App *a)
{
    UiContext *ui = &a->ui;
    DrawList *dl = ui->dl;
    if (a->block_group < 0 || a->block_bg >= dl->n)
        return;
    /* whole pixels: blocks meet without a seam, and their backgrounds fill exactly */
    float top = floorf(a->block_y), bottom = floorf(ui->cy);
    dl->cmd[a->block_bg].y = top, dl->cmd[a->block_bg].h = bottom - top;
    /* the group's rect: the part of the block inside the panel */
    float y0 = top < ui->py ? ui->py : top, y1 = bottom > ui->py + ui->ph ? ui->py + ui->ph : bottom;
    dl->cmd[a->block_group].y = y0, dl->cmd[a->block_group].h = y1 > y0 ? y1 - y0 : 0;
    draw_group_end(dl, a->block_group);
    a->block_group = -1;
}

static void block_begin(App *a, float top)
{
    UiContext *ui = &a->ui;
    a->block_y = top;
    a->block_group = draw_group_begin(ui->dl, ui->px, top, ui->pw, 0);
    a->block_bg = ui->dl->n;
    draw_rect(ui->dl, ui->px, top, ui->pw, 0, 0, ui->style.panel);
}

/* Ends the current block where the layout cursor is and starts the next there. */
static void block_split(App *a)
{
    block_end(a);
    block_begin(a, a->ui.cy);
}

static void section(App *a, const char *title)
{
    UiContext *ui = &a->ui;
    ui->cy += ui_px(ui, 6);
    ui_label(ui, title, 0x88C0D0FF, 1);
}

static void surface_controls(App *a)
{
    UiContext *ui = &a->ui;
    section(a, "Surface");
    int ns = surface_count();
    float x, y, w, h;
    char current[96];
    snprintf(current, sizeof current, "%s   %s",
             a->scene.surface.builtin >= 0 ? surface_info(a->scene.surface.builtin)->title : "Your function",
             a->surface_menu ? "\xe2\x96\xb4" : "\xe2\x96\xbe");
    ui_row(ui, 0, &x, &y, &w, &h);
    if (ui_button_at(ui, ui_id_str("surface-menu", 0), x, y, w, h, current, a->surface_menu))
        a->surface_menu = !a->surface_menu;
    for (int i = 0; a->surface_menu && i < ns; i += 2) {
        ui_row(ui, 0, &x, &y, &w, &h);
        float bw = (w - ui_px(ui, 6)) * 0.5f;
        for (int j = i; j < i + 2 && j < ns; j++) {
            int sel = a->scene.surface.builtin == j;
            if (ui_button_at(ui, ui_id_str("surface", j), x + (float)(j - i) * (bw + ui_px(ui, 6)), y, bw, h,
                             surface_info(j)->title, sel)) {
                Surface s;
                surface_init_builtin(&s, j);
                load_surface(a, &s, 0);
                formula_text(&a->scene.surface, a->expr_text, sizeof a->expr_text);
                a->expr_error[0] = '\0';
                a->surface_menu = 0;
            }
        }
    }
    ui_row(ui, 0, &x, &y, &w, &h);
    float fs = ui_px(ui, ui->style.font_size);
    float lw = ui_text_width(ui, 0, fs, "f(x, y) =") + ui_px(ui, 8);
    ui_text(ui, x, y + 0.5f * (h - fs * 1.2f), fs, 0, a->scene.surface.builtin == SURFACE_EXPR ? 0x88C0D0FF : 0x9AA3B2FF,
            "f(x, y) =");
    int f = ui_textbox_at(ui, ui_id_str("expr", 0), x + lw, y, w - lw, h, a->expr_text, (int)sizeof a->expr_text);
    if (f & UI_SUBMIT) {
        Surface s;
        ExprError err;
        if (surface_init_expr(&s, a->expr_text, &err) == 0) {
            a->expr_error[0] = '\0';
            load_surface(a, &s, 1);
        } else {
            snprintf(a->expr_error, sizeof a->expr_error, "%s", err.message);
        }
    } else if (f & UI_CHANGED) {
        a->expr_error[0] = '\0';
    }
    if (a->expr_error[0])
        ui_label(ui, a->expr_error, ui->style.error, 0);
    /* parameters of a built-in surface */
    Surface *s = &a->scene.surface;
    if (s->builtin >= 0) {
        const SurfaceInfo *in = surface_info(s->builtin);
        for (int i = 0; i < in->n_params; i++) {
            double v = s->param[i];
            if (ui_slider(ui, in->param[i].name, &s->param[i], in->param[i].lo, in->param[i].hi, 0, "%.4g") &
                UI_CHANGED) {
                /* a typed value may lie outside the range: keep it in (as the CLI does) */
                double nv = s->param[i] < in->param[i].lo ? in->param[i].lo
                            : (s->param[i] > in->param[i].hi ? in->param[i].hi : s->param[i]);
                s->param[i] = v;
                surface_set_param(s, i, nv);
                app_resimulate(a);
            }
        }
    }
}

/* Keys shown for every run; the rest are behind the run's "more" toggle. */
static int primary_key(HyperKey k)
{
    return k == HP_LR || k == HP_MOMENTUM || k == HP_ALPHA || k == HP_BETA1 || k == HP_BETA2 || k == HP_EPS ||
           k == HP_RHO;
}

/* One hyperparameter: a slider, or a checkbox for a flag. Keeps it valid and
 * re-simulates the run when it changes. */
static void hyper_control(App *a, int i, HyperKey k)
{
    UiContext *ui = &a->ui;
    Run *r = &a->scene.run[i];
    const HyperInfo *hi = optim_hyper(k);
    double before = r->hp[k];
    if (hi->is_flag) {
        float x, y, w, h;
        ui_row(ui, 0, &x, &y, &w, &h);
        int on = r->hp[k] != 0.0;
        float bs = h - ui_px(ui, 8);
        if (ui_checkbox_at(ui, ui_id_ptr(&r->hp[k]), x, y + ui_px(ui, 4), bs, bs, &on, 0x88C0D0FF))
            r->hp[k] = on ? 1.0 : 0.0;
        float fs = ui_px(ui, ui->style.font_size);
        ui_text(ui, x + bs + ui_px(ui, 8), y + 0.5f * (h - fs * 1.2f), fs, 0, ui->style.text_dim, hi->label);
    } else {
        int f = ui_slider(ui, hi->symbol, &r->hp[k], hi->ui_lo, hi->ui_hi, hi->log_scale, hi->log_scale ? "%.3g" : "%.4g");
        if ((f & UI_CHANGED) && !optim_hyper_valid(k, r->hp[k])) {
            char range[48], msg[160];
            optim_hyper_range_text(k, range, sizeof range);
            snprintf(msg, sizeof msg, "%s must be %s", hi->name, range);
            set_message(a, msg);
            r->hp[k] = optim_hyper_clamp(k, r->hp[k]);
        }
    }
    if (r->hp[k] != before)
        scene_simulate_run(&a->scene, i);
}

static void schedule_controls(App *a, int i)
{
    UiContext *ui = &a->ui;
    Run *r = &a->scene.run[i];
    static const char *const SHORT[SCHED_COUNT] = {"const", "step", "exp", "cos", "cyclic"};
    float x, y, w, h;
    ui_row(ui, 0, &x, &y, &w, &h);
    float gap = ui_px(ui, 4), bw = (w - gap * (SCHED_COUNT - 1)) / SCHED_COUNT;
    for (int k = 0; k < SCHED_COUNT; k++) {
        if (ui_button_at(ui, ui_id_str("sched", i * 16 + k), x + (float)k * (bw + gap), y, bw, h, SHORT[k],
                         r->sched.kind == (ScheduleKind)k)) {
            r->sched.kind = (ScheduleKind)k;
            scene_simulate_run(&a->scene, i);
        }
    }
    Schedule res;
    schedule_resolve(&r->sched, r->hp[HP_LR], a->scene.steps, &res);
    for (int k = 0; k < SK_COUNT; k++) {
        if (!schedule_uses(r->sched.kind, (ScheduleKey)k))
            continue;
        const ScheduleKeyInfo *ki = schedule_key((ScheduleKey)k);
        double v = res.v[k];
        double lo = ki->ui_lo, hi = ki->ui_hi;
        if (k == SK_T_MAX || k == SK_WARMUP)
            hi = a->scene.steps > 10 ? a->scene.steps : 10;
        if (ui_slider_id(ui, ui_id_ptr(&r->sched.v[k]), ki->name, &v, lo, hi, ki->log_scale,
                         ki->integer ? "%.0f" : "%.3g") & UI_CHANGED) {
            if (ki->integer)
                v = floor(v + 0.5);
            if (v < ki->lo || v > ki->hi || (ki->lo_open && v <= ki->lo))
                v = v < ki->lo ? (ki->lo_open ? ki->ui_lo : ki->lo) : ki->hi;
            r->sched.v[k] = v;
            scene_simulate_run(&a->scene, i);
        }
    }
}

static void run_controls(App *a)
{
    UiContext *ui = &a->ui;
    Scene *sc = &a->scene;
    section(a, "Runs");
    int remove = -1;
    for (int i = 0; i < sc->n_runs; i++) {
        block_split(a);
        Run *r = &sc->run[i];
        float x, y, w, h;
        ui_row(ui, 0, &x, &y, &w, &h);
        float fs = ui_px(ui, ui->style.font_size);
        ui_checkbox_at(ui, ui_id_ptr(&r->enabled), x, y + ui_px(ui, 3), h - ui_px(ui, 6), h - ui_px(ui, 6),
                       &r->enabled, run_rgba(r));
        ui_text(ui, x + h + ui_px(ui, 4), y + 0.5f * (h - fs * 1.2f), fs, 1, 0xFFFFFFFF, r->label);
        float lw = ui_text_width(ui, 1, fs, r->label);
        if (strcmp(r->label, optim_info(r->kind)->name) != 0)
            ui_text(ui, x + h + lw + ui_px(ui, 12), y + 0.5f * (h - fs * 1.2f), fs, 0, 0x9AA3B2FF,
                    optim_info(r->kind)->title);
        unsigned bit = 1u << i;
        int more = (a->run_more & bit) != 0;
        float mw = ui_text_width(ui, 0, fs, "more") + ui_px(ui, 18);
        if (ui_button_at(ui, ui_id_str("more", i), x + w - h - mw - ui_px(ui, 4), y, mw, h, "more", more))
            a->run_more ^= bit;
        if (ui_button_at(ui, ui_id_str("remove", i), x + w - h, y, h, h, "\xc3\x97", 0))
            remove = i;
        if (!r->enabled)
            continue;
        for (int k = 0; k < HP_COUNT; k++)
            if (optim_uses(r->kind, (HyperKey)k) && primary_key((HyperKey)k))
                hyper_control(a, i, (HyperKey)k);
        if (!more)
            continue;
        for (int k = 0; k < HP_COUNT; k++)
            if (optim_uses(r->kind, (HyperKey)k) && !primary_key((HyperKey)k))
                hyper_control(a, i, (HyperKey)k);
        ui_label(ui, "learning-rate schedule", ui->style.text_dim, 0);
        schedule_controls(a, i);
        if (sc->noise > 0.0) {
            double k = r->bundle < 1 ? 1 : r->bundle;
            if (ui_slider_id(ui, ui_id_ptr(&r->bundle), "seeds", &k, 1, SCENE_MAX_BUNDLE, 0, "%.0f") & UI_CHANGED) {
                k = floor(k + 0.5); /* clamped as a double: a typed 1e308 does not fit an int */
                int n = k < 1 ? 1 : (k > SCENE_MAX_BUNDLE ? SCENE_MAX_BUNDLE : (int)k);
                if (scene_set_bundle(sc, i, n) == 0)
                    scene_simulate_run(sc, i);
                else
                    set_message(a, "Not enough memory for that bundle");
            }
        }
    }
    if (remove >= 0) {
        scene_remove_run(sc, remove);
        /* the expanded flags follow their runs */
        unsigned low = a->run_more & ((1u << remove) - 1u), high = a->run_more >> (remove + 1);
        a->run_more = low | (high << remove);
        app_resimulate(a);
    }
    block_split(a);
    if (sc->n_runs < SCENE_MAX_RUNS) {
        section(a, "Add a run");
        float x, y, w, h;
        int per_row = 3;
        for (int k = 0; k < OPTIM_COUNT; k++) {
            if (k % per_row == 0)
                ui_row(ui, 0, &x, &y, &w, &h);
            float bw = (w - ui_px(ui, 6) * (float)(per_row - 1)) / (float)per_row;
            float bx = x + (float)(k % per_row) * (bw + ui_px(ui, 6));
            if (ui_button_at(ui, ui_id_str("add", k), bx, y, bw, h, optim_info((OptimKind)k)->title, 0)) {
                int idx = scene_add_run(sc, (OptimKind)k, NULL, NULL);
                if (idx >= 0)
                    scene_simulate_run(sc, idx);
                else
                    set_message(a, "Cannot add a run: out of memory");
            }
        }
    }
}

static void scene_controls(App *a)
{
    UiContext *ui = &a->ui;
    section(a, "Scene");
    double steps = a->scene.steps;
    if (ui_slider_id(ui, ui_id_ptr(&a->scene.steps), "steps", &steps, 10, 100000, 1, "%.0f") & UI_CHANGED) {
        /* clamped as a double: a typed 1e308 does not fit an int */
        steps = floor(steps + 0.5);
        int n = steps < 0 ? 0 : (steps > SCENE_MAX_STEPS ? SCENE_MAX_STEPS : (int)steps);
        if (scene_set_steps(&a->scene, n) == 0)
            app_resimulate(a);
        else
            set_message(a, "Not enough memory for that many steps");
    }
    /* stochastic gradients: g + sigma * N(0, 1), seeded */
    double sigma = a->scene.noise;
    if (ui_slider_id(ui, ui_id_ptr(&a->scene.noise), "noise \xcf\x83", &sigma, 0, 5, 0, "%.3g") & UI_CHANGED) {
        a->scene.noise = isfinite(sigma) && sigma > 0 ? sigma : 0.0;
        app_resimulate(a);
    }
    if (a->scene.noise > 0) {
        float x, y, w, h;
        ui_row(ui, 0, &x, &y, &w, &h);
        char seed[64];
        snprintf(seed, sizeof seed, "seed %llu", a->scene.seed);
        float fs = ui_px(ui, ui->style.font_size);
        ui_text(ui, x, y + 0.5f * (h - fs * 1.2f), fs, 0, ui->style.text_dim, seed);
        float bw = h * 1.4f;
        if (ui_button_at(ui, ui_id_str("seed-", 0), x + w - 2 * bw - ui_px(ui, 4), y, bw, h, "\xe2\x88\x92", 0) &&
            a->scene.seed > 0) {
            a->scene.seed--;
            app_resimulate(a);
        }
        if (ui_button_at(ui, ui_id_str("seed+", 0), x + w - bw, y, bw, h, "+", 0)) {
            a->scene.seed++;
            app_resimulate(a);
        }
    }
    double sx = a->scene.start[0], sy = a->scene.start[1];
    char buf[96];
    snprintf(buf, sizeof buf, "start (%.4g, %.4g): click the map", sx, sy);
    ui_label(ui, buf, 0x9AA3B2FF, 0);
    float x, y, w, h;
    ui_row(ui, 0, &x, &y, &w, &h);
    float bw = (w - ui_px(ui, 6)) * 0.5f;
    if (ui_button_at(ui, ui_id_str("overlay", 0), x, y, bw, h, "Overlay", a->layout == LAYOUT_OVERLAY))
        a->layout = LAYOUT_OVERLAY;
    if (ui_button_at(ui, ui_id_str("grid", 0), x + bw + ui_px(ui, 6), y, bw, h, "Grid", a->layout == LAYOUT_GRID))
        a->layout = LAYOUT_GRID;
}

static void bottom_bar(App *a)
{
    UiContext *ui = &a->ui;
    DrawList *dl = ui->dl;
    float s = a->scale;
    float y = a->map_h, h = (float)a->fb_h - a->map_h;
    draw_rect(dl, 0, y, a->map_w, h, 0, 0x1B1F27FF);
    float bh = h - 14 * s, by = y + 7 * s, x = 10 * s;
    const char *play = a->playing ? "Pause" : "Play";
    float bw = 80 * s;
    if (ui_button_at(ui, ui_id_str("play", 0), x, by, bw, bh, play, a->playing)) {
        if (!a->playing && a->t >= a->scene.steps)
            a->t = 0;
        a->playing = !a->playing;
    }
    x += bw + 6 * s;
    if (ui_button_at(ui, ui_id_str("step", 0), x, by, 60 * s, bh, "Step", 0)) {
        a->playing = 0;
        a->t = floor(a->t) + 1;
    }
    x += 66 * s;
    if (ui_button_at(ui, ui_id_str("reset", 0), x, by, 64 * s, bh, "Reset", 0))
        a->t = 0, a->playing = 1;
    x += 76 * s;
    /* timeline */
    float rest = a->map_w - x - 10 * s;
    float tl_w = rest * 0.48f;
    double t = floor(a->t); /* the step shown, as in the legend */
    char fmt[48];
    snprintf(fmt, sizeof fmt, "%%.0f / %d", a->scene.steps);
    if (ui_slider_at(ui, ui_id_str("timeline", 0), x, by, tl_w, bh, "step", &t, 0,
                     a->scene.steps > 0 ? a->scene.steps : 1, 0, fmt) & UI_CHANGED) {
        a->t = floor(t + 0.5);
        a->playing = 0;
    }
    x += tl_w + 14 * s;
    /* a typed speed is kept in the range the +/- keys allow (0 or less would stall) */
    if (ui_slider_at(ui, ui_id_ptr(&a->speed), x, by, rest * 0.30f, bh, "steps/s", &a->speed, 1, 100000, 1, "%.0f") &
        UI_CHANGED)
        a->speed = a->speed < 1 ? 1 : (a->speed > 1e6 ? 1e6 : a->speed);
    x += rest * 0.30f + 10 * s;
    float rw = a->map_w - 10 * s - x;
    float b2 = (rw - 6 * s) * 0.5f;
    if (ui_button_at(ui, ui_id_str("shot", 0), x, by, b2, bh, "Save PNG", 0))
        a->want_screenshot = 1;
    if (ui_button_at(ui, ui_id_str("help", 0), x + b2 + 6 * s, by, b2, bh, "Help", a->show_help))
        a->show_help = !a->show_help;
}

static const char *const HELP[][2] = {
    {"Space", "play / pause"},
    {"\xe2\x86\x92  \xe2\x86\x90", "one step forward / back"},
    {"Home  End", "first / last step"},
    {"R", "restart the animation"},
    {"+  \xe2\x88\x92", "faster / slower"},
    {"G", "overlay / grid layout"},
    {"V", "reset the view"},
    {"Click the map", "start every run there"},
    {"Drag  /  wheel", "pan  /  zoom about the cursor"},
    {"Slider value", "click it to type an exact number"},
    {"\xe2\x86\x91  \xe2\x86\x93 on a slider", "nudge by 1%"},
    {"Ctrl+S", "save a PNG screenshot"},
    {"Ctrl +  Ctrl \xe2\x88\x92  Ctrl 0", "larger / smaller / normal text"},
    {"F11", "full screen"},
    {"F1", "this help"},
    {"Esc", "close help, then quit"},
};

static void help_overlay(App *a)
{
    DrawList *dl = &a->dl;
    float s = a->scale, fs = 18 * s, lh = fs * 1.55f;
    int n = (int)(sizeof HELP / sizeof HELP[0]);
    float w = 620 * s, h = lh * (float)(n + 2) + 30 * s;
    float x = 0.5f * ((float)a->fb_w - w), y = 0.5f * ((float)a->fb_h - h);
    draw_rect(dl, 0, 0, (float)a->fb_w, (float)a->fb_h, 0, 0x00000090);
    draw_rect(dl, x, y, w, h, 12 * s, 0x1B1F27F8);
    draw_text(dl, x + 24 * s, y + 18 * s, fs * 1.2f, 1, 0xFFFFFFFF, "Keyboard and mouse", -1);
    for (int i = 0; i < n; i++) {
        float ly = y + 18 * s + lh * ((float)i + 1.4f);
        draw_text(dl, x + 24 * s, ly, fs, 1, 0x88C0D0FF, HELP[i][0], -1);
        draw_text(dl, x + 270 * s, ly, fs, 0, 0xECEFF4FF, HELP[i][1], -1);
    }
}

static void toast(App *a)
{
    if (!a->message[0] || a->clock > a->message_until)
        return;
    float s = a->scale, fs = 16 * s;
    float tw = ui_text_width(&a->ui, 0, fs, a->message);
    float x = a->map_x + 0.5f * (a->map_w - tw) - 14 * s, y = a->map_y + a->map_h - fs * 1.3f - 40 * s;
    draw_rect(&a->dl, x, y, tw + 28 * s, fs * 1.3f + 16 * s, 8 * s, 0x0B0D12E8);
    draw_text(&a->dl, x + 14 * s, y + 8 * s, fs, 0, 0xFFFFFFFF, a->message, -1);
}

void app_update(App *a, const Input *in, double dt, int fb_w, int fb_h)
{
    a->clock += dt;
    layout(a, fb_w, fb_h);
    draw_clear(&a->ui_dl);
    draw_clear(&a->dl);
    if (a->interactive) {
        /* the UI first, so its widgets take the mouse before the map does */
        ui_begin(&a->ui, in, &a->ui_dl, a->scale);
        float pw = (float)fb_w - a->map_w;
        ui_panel_begin(&a->ui, a->map_w, 0, pw, (float)fb_h, &a->panel_scroll);
        block_begin(a, a->ui.cy - ui_px(&a->ui, a->ui.style.pad));
        float x, y, w, h;
        ui_row(&a->ui, ui_px(&a->ui, 34), &x, &y, &w, &h);
        ui_text(&a->ui, x, y, ui_px(&a->ui, 24), 1, 0xFFFFFFFF, "gradscape");
        surface_controls(a);
        block_split(a);
        run_controls(a);
        block_split(a);
        scene_controls(a);
        /* the last block reaches the panel's bottom */
        float content_end = a->ui.cy;
        if (a->ui.cy < (float)fb_h)
            a->ui.cy = (float)fb_h;
        block_end(a);
        a->ui.cy = content_end;
        ui_panel_end(&a->ui, &a->panel_scroll);
        bottom_bar(a);
        handle_keys(a, in);
        handle_map_mouse(a, in);
        ui_end(&a->ui);
    }
    /* the animation advances in simulated steps, the same at any frame rate */
    if (a->playing) {
        a->t += a->speed * dt;
        if (a->t >= a->scene.steps) {
            a->t = a->scene.steps;
            a->playing = 0;
        }
    }
    if (a->t < 0)
        a->t = 0;
    if (a->t > a->scene.steps)
        a->t = a->scene.steps;

    draw_map(a);
    if (a->interactive) {
        draw_append(&a->dl, &a->ui_dl);
        toast(a);
        if (a->show_help)
            help_overlay(a);
    }
}

int app_write_png(App *a, const char *path, int w, int h, char *err, size_t cap)
{
    unsigned char *px = malloc((size_t)w * (size_t)h * 4);
    if (!px) {
        snprintf(err, cap, "cannot write '%s': not enough memory for a %dx%d image", path, w, h);
        return -1;
    }
    /* the same picture without the controls, at the asked size */
    int interactive = a->interactive;
    int fb_w = a->fb_w, fb_h = a->fb_h;
    a->interactive = 0;
    Input none;
    memset(&none, 0, sizeof none);
    app_update(a, &none, 0.0, w, h);
    int rc = -1;
    if (render_target_begin(a->r, w, h) != 0) {
        snprintf(err, cap, "cannot render a %dx%d image (larger than the GL limit?)", w, h);
    } else {
        render_draw(a->r, &a->dl, w, h, BG);
        rc = render_read_rgba(a->r, w, h, px);
        render_target_end(a->r);
        if (rc != 0)
            snprintf(err, cap, "cannot read the rendered image back");
        else
            rc = export_png(path, w, h, px, w * 4, 1, err, cap);
    }
    free(px);
    a->interactive = interactive;
    if (interactive)
        app_update(a, &none, 0.0, fb_w, fb_h);
    return rc;
}

void app_draw(const App *a, Renderer *r) { render_draw(r, &a->dl, a->fb_w, a->fb_h, BG); }
