/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The app driven through real SDL events (pushed onto SDL's queue and read back by
 * the same event loop the window uses), with real GL through the offscreen driver:
 * slider drags, map clicks, keys, typing a formula, the screenshot shortcut (what
 * the window shows, saved pixel for pixel, into the pictures folder, announced
 * where it hides nothing), one step shown by the legend, the timeline and the plot. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "files.h"
#include "decode.h"
#include "platform.h"
#include "log.h"
#include "sdl_events.h"
#include "ticks.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>

#include <SDL2/SDL.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static Shell sh;

/* Every frame: nothing the frame drew was dropped for want of room. */
static void frame(void)
{
    shell_frame(&sh, 1.0 / 60.0);
    CHECK_MSG(sh.dl.dropped == 0, "%d draw commands dropped", sh.dl.dropped);
}

static const Panel *map_panel(void) { return frame_panel(&sh.app.frame, &panel_map); }

static UiId id(const char *fmt, int i)
{
    char path[128];
    snprintf(path, sizeof path, fmt, i);
    return ui_id_path(path);
}

static void push(SDL_Event e)
{
    SDL_PushEvent(&e);
    frame();
}

static void mouse(Uint32 type, float x, float y) { push(ev_mouse(type, x, y)); }
static void key(SDL_Keycode k, Uint16 mod) { push(ev_key(k, mod)); }
static void text(const char *s) { push(ev_text(s)); }

static void wheel(float x, float y, int notches)
{
    mouse(SDL_MOUSEMOTION, x, y);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = notches;
    SDL_PushEvent(&e);
    frame();
}

/* Finds a widget, scrolling the side panel until it is in view. */
static int find(UiId id, float *x, float *y, float *w, float *h)
{
    const App *a = &sh.app;
    /* an immediate-mode layout settles a frame after a change (the panel's scroll
     * range follows its content): look where things are now */
    frame();
    for (int tries = 0; tries < 40; tries++) {
        if (!ui_find(&a->ui, id, x, y, w, h))
            return 0;
        if (*x < map_panel()->w || (*y >= 0 && *y + *h <= (float)a->frame.h))
            return 1;
        wheel(map_panel()->w + 20, 200, *y < 0 ? 1 : -1);
    }
    return 0;
}

static void test_slider_drag(void)
{
    App *a = &sh.app;
    Run *r = &a->scene.run[3]; /* adam */
    double lr0 = r->hp[HP_LR];
    TrajPoint end0 = r->traj[r->n - 1];
    float x, y, w, h;
    CHECK(find(id("side/run/%d/lr", 3), &x, &y, &w, &h));
    mouse(SDL_MOUSEBUTTONDOWN, x + 0.2f * w, y + h / 2);
    mouse(SDL_MOUSEMOTION, x + 0.5f * w, y + h / 2);
    /* while the mouse is still held, the run already has its new lr and path */
    double lr_mid = r->hp[HP_LR];
    CHECK(lr_mid != lr0);
    CHECK(r->traj[r->n - 1].x != end0.x || r->traj[r->n - 1].y != end0.y);
    /* the path is the one this lr gives */
    Scene copy = a->scene;
    (void)copy;
    mouse(SDL_MOUSEMOTION, x + 0.6f * w, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + 0.6f * w, y + h / 2);
    CHECK(r->hp[HP_LR] > lr_mid); /* further right, larger lr (log scale) */
    const HyperInfo *hi = optim_hyper(HP_LR);
    CHECK_REL(r->hp[HP_LR], ui_slider_value(0.6, hi->ui_lo, hi->ui_hi, 1), 0.02);
    /* other runs untouched */
    CHECK(a->scene.run[0].hp[HP_LR] == 2e-4);
}

static void test_type_value(void)
{
    App *a = &sh.app;
    Run *r = &a->scene.run[1]; /* momentum */
    float x, y, w, h;
    UiId vid = ui_value_box_id(id("side/run/%d/momentum", 1));
    CHECK(find(vid, &x, &y, &w, &h));
    mouse(SDL_MOUSEBUTTONDOWN, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + w / 2, y + h / 2);
    for (int i = 0; i < 12; i++)
        key(SDLK_BACKSPACE, 0);
    text("0.75");
    key(SDLK_RETURN, 0);
    CHECK(r->hp[HP_MOMENTUM] == 0.75);
    /* an invalid value is clamped into range, never stored */
    mouse(SDL_MOUSEBUTTONDOWN, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + w / 2, y + h / 2);
    for (int i = 0; i < 12; i++)
        key(SDLK_BACKSPACE, 0);
    text("7");
    key(SDLK_RETURN, 0);
    CHECK(optim_hyper_valid(HP_MOMENTUM, r->hp[HP_MOMENTUM]));
    CHECK(strstr(a->message, "momentum must be in [0, 1)") != NULL);
}

static void test_map_click(void)
{
    App *a = &sh.app;
    /* whole pixels: SDL's mouse events carry integers */
    const Panel *m = map_panel();
    float px = floorf(m->x + m->w * 0.3f), py = floorf(m->y + m->h * 0.6f);
    double wx, wy;
    CHECK(app_map_world(a, px, py, &wx, &wy));
    mouse(SDL_MOUSEMOTION, px, py);
    mouse(SDL_MOUSEBUTTONDOWN, px, py);
    mouse(SDL_MOUSEBUTTONUP, px, py);
    CHECK_REL(a->scene.start[0], wx, 1e-9);
    CHECK_REL(a->scene.start[1], wy, 1e-9);
    for (int i = 0; i < a->scene.n_runs; i++)
        CHECK(a->scene.run[i].traj[0].x == a->scene.start[0] && a->scene.run[i].traj[0].y == a->scene.start[1]);
    /* restarted: at most one frame of animation since */
    CHECK(a->t <= a->speed / 60.0 + 1e-9 && a->playing);
    /* a drag pans instead: the start stays, the view moves */
    MapView v0 = a->view;
    double s0 = a->scene.start[0];
    mouse(SDL_MOUSEBUTTONDOWN, px, py);
    mouse(SDL_MOUSEMOTION, px + 100, py);
    mouse(SDL_MOUSEBUTTONUP, px + 100, py);
    CHECK(a->scene.start[0] == s0);
    CHECK(a->view.x0 < v0.x0);
    /* the wheel zooms about the cursor: the world point under it stays */
    double bx, by, ax, ay;
    app_map_world(a, px, py, &bx, &by);
    wheel(px, py, 2);
    app_map_world(a, px, py, &ax, &ay);
    CHECK_REL(ax, bx, 1e-6);
    CHECK_REL(ay, by, 1e-6);
    CHECK(a->view.x1 - a->view.x0 < v0.x1 - v0.x0);
    key(SDLK_v, 0); /* reset view */
    CHECK(a->view.x0 == a->scene.surface.view[0]);
}

static void test_keys(void)
{
    App *a = &sh.app;
    a->playing = 1;
    key(SDLK_SPACE, 0);
    CHECK(!a->playing);
    double t = a->t;
    key(SDLK_RIGHT, 0);
    CHECK(a->t == floor(t) + 1);
    key(SDLK_SPACE, 0);
    CHECK(a->playing);
    for (int i = 0; i < 30; i++)
        frame();
    CHECK(a->t > 1);
    key(SDLK_r, 0);
    CHECK(a->t <= a->speed / 60.0 + 1e-9 && a->playing);
    double sp = a->speed;
    key(SDLK_PLUS, 0);
    CHECK(a->speed == 2 * sp);
    key(SDLK_MINUS, 0);
    CHECK(a->speed == sp);
    key(SDLK_g, 0);
    CHECK(a->layout == LAYOUT_GRID);
    frame();
    key(SDLK_g, 0);
    CHECK(a->layout == LAYOUT_OVERLAY);
    key(SDLK_F1, 0);
    CHECK(a->show_help);
    key(SDLK_ESCAPE, 0);
    CHECK(!a->show_help && !a->want_quit);
}

/* Clicks into the formula field (its rect in x, y, w, h) and empties it. */
static void edit_formula(float *x, float *y, float *w, float *h)
{
    CHECK(find(ui_id_path("side/expr"), x, y, w, h));
    mouse(SDL_MOUSEBUTTONDOWN, *x + *w / 2, *y + *h / 2);
    mouse(SDL_MOUSEBUTTONUP, *x + *w / 2, *y + *h / 2);
    key(SDLK_a, KMOD_CTRL); /* all of it, then deleted */
    key(SDLK_BACKSPACE, 0);
}

static void test_expression(void)
{
    App *a = &sh.app;
    float x, y, w, h;
    edit_formula(&x, &y, &w, &h);
    CHECK(a->side.expr_text[0] == '\0');
    text("x^2 + *y");
    key(SDLK_RETURN, 0);
    CHECK_STR(a->side.expr_error, "expected a number, name or '(' but found '*' at column 7");
    CHECK_STR(a->scene.surface.name, "rosenbrock"); /* the last good surface is kept */
    frame();
    float ex, ey, ew, eh;
    (void)ex, (void)ey, (void)ew, (void)eh;
    /* the error is on screen */
    int shown = 0;
    for (int i = 0; i < sh.dl.n; i++)
        if (sh.dl.cmd[i].kind == DRAW_TEXT && strstr(draw_text_of(&sh.dl, &sh.dl.cmd[i]), "column 7"))
            shown = 1;
    CHECK(shown);
    /* fix it: a valid formula replaces the formula and nothing else: the runs and
     * their learning rates, the steps, the speed, the start and the view stay */
    int steps = a->scene.steps, runs = a->scene.n_runs;
    double speed = a->speed, start[2] = {a->scene.start[0], a->scene.start[1]}, lr[SCENE_MAX_RUNS];
    MapView view = a->view;
    for (int i = 0; i < runs; i++)
        lr[i] = a->scene.run[i].hp[HP_LR];
    edit_formula(&x, &y, &w, &h);
    text("x^2 + 3*y^2");
    key(SDLK_RETURN, 0);
    CHECK(a->side.expr_error[0] == '\0');
    CHECK(a->scene.surface.builtin == SURFACE_EXPR);
    CHECK_REL(surface_value(&a->scene.surface, 1, 1), 4.0, 0);
    CHECK(a->scene.n_runs == runs);
    for (int i = 0; i < runs && i < a->scene.n_runs; i++)
        CHECK_MSG(a->scene.run[i].hp[HP_LR] == lr[i], "run %d's lr %g became %g", i, lr[i], a->scene.run[i].hp[HP_LR]);
    CHECK_MSG(a->scene.steps == steps && a->speed == speed, "steps %d -> %d, speed %g -> %g", steps, a->scene.steps,
              speed, a->speed);
    CHECK(a->scene.start[0] == start[0] && a->scene.start[1] == start[1]);
    CHECK(memcmp(&a->view, &view, sizeof view) == 0);
    /* typing in the field does not trigger shortcuts */
    CHECK(!a->show_help);
}

static void click(UiId id)
{
    float x, y, w, h;
    int found = find(id, &x, &y, &w, &h);
    CHECK(found);
    if (!found)
        return;
    mouse(SDL_MOUSEMOTION, floorf(x + w / 2), floorf(y + h / 2));
    mouse(SDL_MOUSEBUTTONDOWN, floorf(x + w / 2), floorf(y + h / 2));
    mouse(SDL_MOUSEBUTTONUP, floorf(x + w / 2), floorf(y + h / 2));
    frame(); /* the layout that follows from the click */
}

static void type_value(UiId slider, const char *text_value)
{
    click(ui_value_box_id(slider));
    for (int i = 0; i < 24; i++)
        key(SDLK_BACKSPACE, 0);
    text(text_value);
    key(SDLK_RETURN, 0);
    frame(); /* the layout that follows from the new value */
}

/* A run's advanced settings: a schedule from the panel changes its learning rates. */
static void test_schedule_and_noise(void)
{
    App *a = &sh.app;
    Run *r = &a->scene.run[3];
    click(id("side/run/%d/more", 3));
    CHECK(a->side.run_more & (1u << 3));
    click(id("side/run/%d/sched/cosine", 3));
    CHECK(r->sched.kind == SCHED_COSINE);
    CHECK(r->traj[0].lr == r->hp[HP_LR]);
    CHECK(r->traj[r->n / 2].lr < 0.6 * r->hp[HP_LR]);
    /* its t_max slider, typed: the schedule's period follows */
    type_value(id("side/run/%d/t_max", 3), "100");
    CHECK(r->sched.v[SK_T_MAX] == 100);
    CHECK_REL(r->traj[100].lr, 0.0, 1e-15);
    /* noise from the scene panel, then the seed */
    TrajPoint before = r->traj[50];
    type_value(ui_id_path("side/scene/noise"), "0.5");
    CHECK(a->scene.noise == 0.5);
    CHECK(r->traj[50].x != before.x);
    TrajPoint noisy = r->traj[50];
    unsigned long long seed = a->scene.seed;
    click(ui_id_path("side/scene/seed+"));
    CHECK(a->scene.seed == seed + 1);
    CHECK(r->traj[50].x != noisy.x);
    /* a bundle of seeds for the run */
    type_value(id("side/run/%d/seeds", 3), "6");
    CHECK(r->bundle == 6 && r->bundle_n[4] > 1);
    type_value(ui_id_path("side/scene/noise"), "0");
    CHECK(a->scene.noise == 0.0);
    click(id("side/run/%d/more", 3));
}

/* The surface menu: another surface under the user's runs (kept, with their
 * learning rates and steps), its own start and view; "Tune lr" then gives them the
 * rates tuned for it. */
static void test_surface_menu(void)
{
    App *a = &sh.app;
    /* a run of the user's own: Nesterov, labelled, with lr 0.0123; 1500 steps */
    a->changes.add = OPTIM_NESTEROV;
    frame();
    int n = a->scene.n_runs;
    CHECK(n == 5 && a->scene.run[4].kind == OPTIM_NESTEROV);
    a->scene.run[4].hp[HP_LR] = 0.0123;
    a->changes.steps = 1500;
    frame();
    double lr[SCENE_MAX_RUNS];
    for (int i = 0; i < n; i++)
        lr[i] = a->scene.run[i].hp[HP_LR];
    click(ui_id_path("side/surface-menu"));
    CHECK(a->side.surface_menu);
    click(ui_id_path("side/surface/himmelblau"));
    CHECK_STR(a->scene.surface.name, "himmelblau");
    CHECK(!a->side.surface_menu && a->scene.n_runs == n);
    for (int i = 0; i < n && i < a->scene.n_runs; i++)
        CHECK_MSG(a->scene.run[i].hp[HP_LR] == lr[i], "run %d's lr %g became %g", i, lr[i], a->scene.run[i].hp[HP_LR]);
    CHECK(a->scene.run[4].kind == OPTIM_NESTEROV && a->scene.steps == 1500);
    CHECK(a->scene.start[0] == a->scene.surface.start[0]);
    CHECK(a->view.x0 == surface_info(surface_find("himmelblau"))->view[0]);
    CHECK_MSG(strstr(a->message, "Tune lr") != NULL, "the notice: %s", a->message);
    /* the formula field now holds its formula, ready to edit */
    CHECK(strstr(a->side.expr_text, "(x^2 + y - 11)^2") != NULL);
    /* Tune lr: Himmelblau's rates (sgd 0.01, momentum 0.002, rmsprop 0.05, adam 0.1),
     * Nesterov Momentum's */
    click(ui_id_path("side/tune"));
    static const double TUNED[] = {0.01, 0.002, 0.05, 0.1, 0.002};
    for (int i = 0; i < n && i < a->scene.n_runs; i++)
        CHECK_MSG(a->scene.run[i].hp[HP_LR] == TUNED[i], "run %d (%s): lr %g, not %g", i, a->scene.run[i].label,
                  a->scene.run[i].hp[HP_LR], TUNED[i]);
    /* one step of history: undone, the rates are the kept ones */
    key(SDLK_z, KMOD_CTRL);
    frame();
    CHECK(a->scene.run[4].hp[HP_LR] == 0.0123);
    key(SDLK_y, KMOD_CTRL);
    frame();
    CHECK(a->scene.run[4].hp[HP_LR] == 0.002);
    a->changes.remove = 4;
    frame();
}

/* The text drawn on the frame inside a rect: its commands there, in order. */
static int texts_in(float x, float y, float w, float h, const DrawCmd **out, int cap)
{
    int n = 0;
    for (int i = 0; i < sh.dl.n && n < cap; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind == DRAW_TEXT && c->y >= y && c->y < y + h && c->x < x + w &&
            c->x + render_text_width(sh.r, c->font, c->h, draw_text_of(&sh.dl, c), c->text_len) > x)
            out[n++] = c;
    }
    return n;
}

/* The formula field with a 200-character formula: while typing, the caret stays
 * inside the field (the text scrolls); Home brings the start into view; once the
 * field is left, the whole formula is shown, wrapped on lines that fit it. */
static void test_formula_field(void)
{
    App *a = &sh.app;
    char formula[256] = "";
    for (int i = 0; i < 16; i++)
        strcat(formula, "x*x + y*y + ");
    strcat(formula, "x + y + ");
    CHECK(strlen(formula) == 200);
    float x, y, w, h;
    edit_formula(&x, &y, &w, &h);
    for (size_t i = 0; i < 200; i += 25) {
        char chunk[32];
        snprintf(chunk, sizeof chunk, "%.25s", formula + i);
        text(chunk);
    }
    CHECK_STR(a->side.expr_text, formula);
    CHECK(ui_find(&a->ui, ui_id_path("side/expr"), &x, &y, &w, &h));
    float s = a->frame.scale, fs = gs_theme.font * s;
    /* the caret: a thin bar in the text colour, inside the field */
    int caret = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind == DRAW_RECT && c->rgba == gs_theme.text && fabsf(c->w - 1.5f * s) < 0.01f && c->y >= y &&
            c->y < y + h)
        {
            caret = 1;
            CHECK_MSG(c->x >= x && c->x + c->w <= x + w, "caret at %.0f, field %.0f to %.0f", c->x, x, x + w);
        }
    }
    CHECK(caret);
    const DrawCmd *t[UI_WRAP_MAX];
    int n = texts_in(x, y, w, h, t, UI_WRAP_MAX);
    CHECK(n == 1 && t[0]->x < x); /* one line, scrolled left */
    key(SDLK_HOME, 0);
    n = texts_in(x, y, w, h, t, UI_WRAP_MAX);
    CHECK(n == 1 && fabsf(t[0]->x - (x + 6 * s)) < 0.5f); /* the start in view */
    /* left (a click beside it, in the panel's margin): the whole formula, wrapped,
     * every line inside the field */
    const Panel *side = frame_panel(&a->frame, &panel_side);
    mouse(SDL_MOUSEBUTTONDOWN, side->x + 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, side->x + 2, y + h / 2);
    CHECK(a->ui.focus == 0);
    frame();
    CHECK(ui_find(&a->ui, ui_id_path("side/expr"), &x, &y, &w, &h));
    CHECK(h > 2 * fs);
    n = texts_in(x, y, w, h, t, UI_WRAP_MAX);
    char shown[256] = "";
    for (int i = 0; i < n; i++) {
        const char *line = draw_text_of(&sh.dl, t[i]);
        strncat(shown, line, (size_t)t[i]->text_len);
        float lw = render_text_width(sh.r, 0, t[i]->h, line, t[i]->text_len);
        CHECK_MSG(t[i]->x >= x && t[i]->x + lw <= x + w, "line %d '%s' does not fit the field", i, line);
    }
    CHECK_MSG(n > 1 && strcmp(shown, formula) == 0, "%d lines show '%s'", n, shown);
}

/* One frame as shell_frame runs it, with the window's pixels read back before the
 * swap: what the window shows, as top-down RGBA, w x h. */
static unsigned char *frame_pixels(int *w, int *h)
{
    platform_poll(sh.gl.window, &sh.in);
    SDL_GL_GetDrawableSize(sh.gl.window, w, h);
    shell_step(&sh, 1.0 / 60.0, *w, *h);
    size_t row = (size_t)*w * 4;
    unsigned char *up = malloc(row * (size_t)*h), *down = malloc(row * (size_t)*h);
    CHECK(up && down && render_read_rgba(sh.r, *w, *h, up) == 0);
    for (int y = 0; up && down && y < *h; y++)
        memcpy(down + row * (size_t)y, up + row * (size_t)(*h - 1 - y), row);
    free(up);
    SDL_GL_SwapWindow(sh.gl.window);
    return down;
}

/* The PNG at path, decoded with stb_image, against the window's pixels win (fw
 * wide) in their top left pw x ph: the same size, and every pixel the same. */
static void check_same_pixels(const char *path, const unsigned char *win, int fw, int pw, int ph, const char *what)
{
    int w = 0, h = 0, n;
    unsigned char *img = stbi_load(path, &w, &h, &n, 4);
    CHECK_MSG(img != NULL, "%s: cannot decode %s", what, path);
    CHECK_MSG(w == pw && h == ph, "%s: a %dx%d PNG of the window's %dx%d picture", what, w, h, pw, ph);
    long differ = 0, first = -1;
    for (int y = 0; img && win && w == pw && h == ph && y < h; y++)
        for (int x = 0; x < w; x++) {
            const unsigned char *p = img + 4 * ((size_t)y * (size_t)w + (size_t)x);
            const unsigned char *q = win + 4 * ((size_t)y * (size_t)fw + (size_t)x);
            if (p[0] != q[0] || p[1] != q[1] || p[2] != q[2]) {
                if (first < 0)
                    first = (long)y * w + x;
                differ++;
            }
        }
    CHECK_MSG(differ == 0, "%s: %ld of %d pixels differ from the window's, the first at (%ld, %ld)", what, differ,
              w * h, first % (w > 0 ? w : 1), first / (w > 0 ? w : 1));
    if (img)
        stbi_image_free(img);
}

/* Paused, no notice, the mouse over the map (nothing hovered), what was drawn
 * live after a change settled: the window's pixels of the next frame (its size in
 * fw x fh, the picture's part in pw x ph). */
static unsigned char *settled_window(int *fw, int *fh, int *pw, int *ph)
{
    App *a = &sh.app;
    if (a->playing)
        key(SDLK_SPACE, 0);
    app_message(a, "");
    const Panel *m = map_panel();
    mouse(SDL_MOUSEMOTION, floorf(m->x + 0.5f * m->w), floorf(m->y + 0.5f * m->h));
    for (int i = 0; i < 40; i++)
        frame();
    unsigned char *win = frame_pixels(fw, fh);
    *pw = (int)frame_panel(&a->frame, &panel_side)->x, *ph = (int)frame_panel(&a->frame, &panel_bar)->y;
    return win;
}

/* Ctrl+S: the file's path, announced as "Saved PATH", absolute and in want_dir
 * (NULL when it is not). */
static const char *save_png(const char *want_dir, const char *what)
{
    App *a = &sh.app;
    key(SDLK_s, KMOD_LCTRL);
    CHECK_MSG(strncmp(a->message, "Saved /", 7) == 0, "%s: %s", what, a->message);
    const char *path = a->message + 6;
    char prefix[1200];
    snprintf(prefix, sizeof prefix, "%s/gradscape-", want_dir);
    int ok = strncmp(path, prefix, strlen(prefix)) == 0 && strstr(path, ".png") == path + strlen(path) - 4;
    CHECK_MSG(ok, "%s: saved as %s, not %s*.png", what, path, prefix);
    return ok ? path : NULL;
}

/* Ctrl+S saves what the window shows of the picture (all but the side panel and
 * the bar: the map, and the plot and card when shown), pixel for pixel: the frame
 * before the key read back from the window. */
static void check_screenshot(const char *want_dir, const char *what)
{
    int fw, fh, pw, ph;
    unsigned char *win = settled_window(&fw, &fh, &pw, &ph);
    const char *path = save_png(want_dir, what);
    if (path) {
        check_same_pixels(path, win, fw, pw, ph, what);
        remove(path);
    }
    free(win);
}

/* The screenshot at 1600x900 with --out-dir: the plot shown, then with the card
 * open beside the map too. */
static void test_screenshot(const char *dir)
{
    App *a = &sh.app;
    CHECK(a->frame.w == 1600 && a->frame.h == 900);
    CHECK(frame_panel(&a->frame, &panel_plot)->h > 0);
    check_screenshot(dir, "1600x900 with the plot");
    key(SDLK_u, 0);
    frame();
    CHECK(app_card_run(a) >= 0 && frame_panel(&a->frame, &panel_card)->w > 0);
    check_screenshot(dir, "1600x900 with the plot and the card");
    key(SDLK_u, 0);
    frame();
}

static const DrawCmd *drawn_text(const char *s, int prefix);

/* The bar's Save GIF button exports the animation: the progress is shown over the
 * map while the window goes on, the controls take no input meanwhile, and the GIF
 * has the frames asked for (--frames) at the size of the map; Save MP4, then Esc,
 * cancels and leaves no file, and Esc does not quit. */
static void test_export(const char *dir)
{
    App *a = &sh.app;
    if (a->playing)
        key(SDLK_SPACE, 0);
    int before = files_in(dir);
    double t = a->t;
    const Panel *m = map_panel();
    /* the pictures' part of the window, as a screenshot saves it: all but the side
     * panel and the bar */
    const Panel *side = frame_panel(&a->frame, &panel_side), *bar_panel = frame_panel(&a->frame, &panel_bar);
    int mw = (int)(a->frame.w - side->w), mh = (int)(a->frame.h - bar_panel->h);
    click(ui_id_path("bar/gif"));
    CHECK(a->anim != NULL);
    CHECK_MSG(drawn_text("Exporting gradscape-", 1) != NULL, "no progress shown");
    /* the progress bar: the accent colour over part of a track */
    int bar = 0;
    for (int i = 0; i < sh.dl.n; i++)
    {
        const DrawCmd *c = &sh.dl.cmd[i];
        bar |= c->kind == DRAW_RECT && c->rgba == gs_theme.accent && c->x > m->x && c->x + c->w < m->x + m->w &&
               c->y > m->y + m->h / 2 && c->y + c->h < m->y + m->h;
    }
    CHECK_MSG(bar, "no progress bar");
    key(SDLK_SPACE, 0); /* ignored while exporting */
    for (int i = 0; i < 2000 && a->anim; i++)
        frame();
    CHECK(a->anim == NULL);
    CHECK_MSG(strstr(a->message, "Saved") && strstr(a->message, ".gif"), "%s", a->message);
    CHECK(!a->playing && a->t == t);
    const char *path = strstr(a->message, dir);
    Movie mv = {0};
    CHECK(path && decode_gif(path, &mv) == 0);
    CHECK_MSG(mv.n == 12 && mv.w == mw && mv.h == mh && mv.loops, "%d frames of %dx%d (pictures %dx%d)", mv.n, mv.w, mv.h,
              mw, mh);
    movie_free(&mv);
    if (path)
        remove(path);
    CHECK(files_in(dir) == before);
    /* cancelled: Esc while it runs (a long one, so that it is still running) */
    a->anim_frames = 3000;
    click(ui_id_path("bar/mp4"));
    CHECK(a->anim != NULL && strstr(a->anim_path, ".mp4"));
    frame();
    key(SDLK_ESCAPE, 0);
    CHECK(a->anim == NULL && !a->want_quit);
    CHECK_MSG(strstr(a->message, "cancelled") != NULL, "%s", a->message);
    CHECK_MSG(files_in(dir) == before, "%d files, %d before", files_in(dir), before);
    /* the shortcut */
    key(SDLK_e, KMOD_LCTRL | KMOD_LSHIFT);
    CHECK(a->anim != NULL && strstr(a->anim_path, ".mp4"));
    key(SDLK_ESCAPE, 0);
    CHECK(a->anim == NULL && files_in(dir) == before);
    a->anim_frames = 12;
}

/* The 3D view through real SDL events: 3 turns it on (over half a second), a drag
 * orbits, the wheel zooms, Shift-drag pans, V resets the camera; a click at the
 * pixel where a known surface point projects (with the app's own matrices) sets
 * the start to that point, within a pixel's worth of world distance; 3 turns it
 * off again. */
static void test_view3d(void)
{
    App *a = &sh.app;
    CHECK(!a->view3d && a->view3d_blend == 0.0f);
    key(SDLK_3, 0);
    CHECK(a->view3d);
    for (int i = 0; i < 40; i++)
        frame();
    CHECK(a->view3d_blend == 1.0f);
    const DrawCmd *surf = NULL;
    for (int i = 0; i < sh.dl.n && !surf; i++)
        if (sh.dl.cmd[i].kind == DRAW_SURFACE3D)
            surf = &sh.dl.cmd[i];
    CHECK(surf != NULL);
    const Panel *m = map_panel();
    float cx = m->x + m->w * 0.5f, cy = m->y + m->h * 0.5f;
    /* orbit: a drag to the right turns the camera */
    Camera3D c0 = a->camera;
    double start[2] = {a->scene.start[0], a->scene.start[1]};
    mouse(SDL_MOUSEMOTION, cx, cy);
    mouse(SDL_MOUSEBUTTONDOWN, cx, cy);
    mouse(SDL_MOUSEMOTION, cx + 50, cy);
    mouse(SDL_MOUSEMOTION, cx + 100, cy + 20);
    mouse(SDL_MOUSEBUTTONUP, cx + 100, cy + 20);
    CHECK_MSG(fabsf(a->camera.azimuth - (c0.azimuth - 35.0f)) < 0.5f && a->camera.elevation > c0.elevation,
              "azimuth %g elevation %g", a->camera.azimuth, a->camera.elevation);
    CHECK(a->scene.start[0] == start[0] && a->scene.start[1] == start[1]); /* a drag is no click */
    /* zoom */
    float d0 = a->camera.distance;
    wheel(cx, cy, 2);
    CHECK(a->camera.distance < d0 * 0.85f);
    /* pan: Shift-drag moves the target */
    float t0x = a->camera.target[0], t0z = a->camera.target[2];
    SDL_SetModState(KMOD_LSHIFT);
    mouse(SDL_MOUSEBUTTONDOWN, cx, cy);
    mouse(SDL_MOUSEMOTION, cx + 60, cy + 40);
    mouse(SDL_MOUSEBUTTONUP, cx + 60, cy + 40);
    SDL_SetModState(KMOD_NONE);
    CHECK_MSG(fabsf(a->camera.target[0] - t0x) + fabsf(a->camera.target[2] - t0z) > 0.05f, "target did not move");
    /* V: the default camera again */
    key(SDLK_v, 0);
    Camera3D d = view3d_camera_default();
    CHECK(a->camera.azimuth == d.azimuth && a->camera.distance == d.distance);
    /* picking: the pixel of a surface point, through the app's matrices */
    frame();
    Box3D b;
    view3d_box(&a->scene.surface, a->view, VIEW3D_HEIGHT, &b);
    static const double P[][2] = {{0.5, 0.5}, {-1.0, 1.5}, {1.2, 0.4}};
    for (int i = 0; i < 3; i++) {
        vec3 q;
        float o[3];
        view3d_point(&b, P[i][0], P[i][1], surface_value(&a->scene.surface, P[i][0], P[i][1]), 0.0f, q);
        float mx, my, mw, mh;
        CHECK(app_map_rect(a, &mx, &my, &mw, &mh));
        Camera3D cam = view3d_camera_fit(a->camera, mw, mh);
        CHECK(view3d_project(&cam, mw, mh, q, o));
        float px = mx + o[0], py = my + o[1];
        mouse(SDL_MOUSEMOTION, px, py);
        mouse(SDL_MOUSEBUTTONDOWN, px, py);
        mouse(SDL_MOUSEBUTTONUP, px, py);
        double tol = 2.0 * (a->view.x1 - a->view.x0) / m->w * 2; /* two pixels' worth, far side included */
        CHECK_MSG(fabs(a->scene.start[0] - P[i][0]) < tol && fabs(a->scene.start[1] - P[i][1]) < tol,
                  "clicked (%g, %g), start (%g, %g)", P[i][0], P[i][1], a->scene.start[0], a->scene.start[1]);
    }
    /* back to 2D */
    key(SDLK_3, 0);
    for (int i = 0; i < 40; i++)
        frame();
    CHECK(!a->view3d && a->view3d_blend == 0.0f);
    for (int i = 0; i < sh.dl.n; i++)
        CHECK(sh.dl.cmd[i].kind != DRAW_SURFACE3D);
}

/* The hyperparameter map through real SDL events: H shows it, computed in the
 * background (coarse, then fine); a click on a cell gives the run that cell's
 * values; a change to another hyperparameter clears the map at once (no stale
 * cell is shown) and it comes back; B shows the basins over the field. */
/* Frames until the map of `kind` is complete, sleeping between them so that its
 * idle-priority threads get the cores (an ASan build is slow): at most 120 s. */
static void wait_maps(MapsKind kind)
{
    const App *a = &sh.app;
    Uint32 t0 = SDL_GetTicks();
    while (!(a->maps.kind == kind && a->maps.fine && !a->maps.job) && SDL_GetTicks() - t0 < 120000) {
        frame();
        SDL_Delay(20);
    }
}

static void test_maps(void)
{
    App *a = &sh.app;
    a->changes.steps = 300; /* short runs: the maps of an ASan build in seconds */
    frame();
    key(SDLK_h, 0);
    CHECK(a->maps.want == MAPS_HYPER);
    wait_maps(MAPS_HYPER);
    CHECK_MSG(a->maps.kind == MAPS_HYPER && a->maps.fine && a->maps.nx == 64, "kind %d fine %d n %d", a->maps.kind,
              a->maps.fine, a->maps.nx);
    const Panel *p = frame_panel(&a->frame, &panel_sweep);
    CHECK(p && p->w > 100);
    int image = 0;
    for (int i = 0; i < sh.dl.n; i++)
        image |= sh.dl.cmd[i].kind == DRAW_IMAGE && sh.dl.cmd[i].pixels == a->maps.image;
    CHECK(image);
    if (!p || a->maps.kind != MAPS_HYPER)
        return;
    /* a click at the centre of cell (12, 12) */
    const DrawCmd *img = NULL;
    for (int i = 0; i < sh.dl.n; i++)
        if (sh.dl.cmd[i].kind == DRAW_IMAGE && sh.dl.cmd[i].pixels == a->maps.image)
            img = &sh.dl.cmd[i];
    int ci = 12, cj = 12;
    float cx = img->x + img->w * (ci + 0.5f) / 64, cy = img->y + img->h * (1.0f - (cj + 0.5f) / 64);
    Run *r = &a->scene.run[a->maps.run];
    mouse(SDL_MOUSEMOTION, cx, cy);
    CHECK(a->maps.hover == cj * 64 + ci);
    mouse(SDL_MOUSEBUTTONDOWN, cx, cy);
    mouse(SDL_MOUSEBUTTONUP, cx, cy);
    CHECK_MSG(r->hp[a->maps.axis[0].key] == sweep_value(&a->maps.axis[0], ci) &&
                  r->hp[a->maps.axis[1].key] == sweep_value(&a->maps.axis[1], cj),
              "hp %g %g, cell %g %g", r->hp[a->maps.axis[0].key], r->hp[a->maps.axis[1].key],
              sweep_value(&a->maps.axis[0], ci), sweep_value(&a->maps.axis[1], cj));
    /* the axes' own values moved the ring only: the map stays */
    CHECK(a->maps.kind == MAPS_HYPER && a->maps.image);
    /* a click on the y axis's name puts another key there (and recomputes) */
    HyperKey before = a->maps.axis[1].key;
    {
        float fs = gs_theme.map_font * a->frame.scale;
        /* the name stands over the y axis's tick labels, ending by the grid's left edge */
        mouse(SDL_MOUSEMOTION, img->x - 0.6f * fs, img->y - 0.6f * fs);
        mouse(SDL_MOUSEBUTTONDOWN, img->x - 0.6f * fs, img->y - 0.6f * fs);
        mouse(SDL_MOUSEBUTTONUP, img->x - 0.6f * fs, img->y - 0.6f * fs);
    }
    /* the old map is gone at once (the new one's first pass may be in already) */
    CHECK_MSG(a->maps.pick[1] >= 0 && a->maps.pick[1] != (int)before &&
                  (a->maps.image == NULL || (int)a->maps.axis[1].key == a->maps.pick[1]),
              "pick %d (was %d), image %p of key %d", a->maps.pick[1], before, (void *)a->maps.image,
              a->maps.axis[1].key);
    wait_maps(MAPS_HYPER);
    CHECK(a->maps.kind == MAPS_HYPER && (int)a->maps.axis[1].key == a->maps.pick[1]);
    /* a change to what the map is of: cleared at once, then back */
    a->changes.steps = a->scene.steps + 1;
    frame();
    CHECK_MSG(a->maps.image == NULL && a->maps.job != NULL, "a stale map is shown");
    wait_maps(MAPS_HYPER);
    CHECK(a->maps.kind == MAPS_HYPER && a->maps.image);
    /* basins */
    key(SDLK_b, 0);
    CHECK(a->maps.want == MAPS_BASIN);
    wait_maps(MAPS_BASIN);
    CHECK(a->maps.kind == MAPS_BASIN && a->maps.nx == 128);
    CHECK(frame_panel(&a->frame, &panel_sweep)->w < 1); /* no panel: the basins lie on the map */
    image = 0;
    for (int i = 0; i < sh.dl.n; i++)
        image |= sh.dl.cmd[i].kind == DRAW_IMAGE && sh.dl.cmd[i].pixels == a->maps.image;
    CHECK(image);
    /* the basins' key keeps off the legend: with the legend in the bottom right
     * corner, where the key goes, the key goes to the top */
    LegendPos corner_was = a->legend;
    for (int corner = LEGEND_TL; corner <= LEGEND_BR; corner++) {
        a->legend = (LegendPos)corner;
        frame();
        const DrawCmd *text = drawn_text("Basins of ", 1), *title = drawn_text("Rosenbrock   f = ", 1), *box = NULL;
        for (const DrawCmd *c = sh.dl.cmd; title && c < title; c++)
            if (c->kind == DRAW_CLIP)
                box = c; /* the legend's: the last clip before its title */
        CHECK(text && box);
        if (text && box) {
            float tw = render_text_width(sh.r, text->font, text->h, draw_text_of(&sh.dl, text), text->text_len);
            int overlap = text->x < box->x + box->w && box->x < text->x + tw && text->y < box->y + box->h &&
                          box->y < text->y + text->h;
            CHECK_MSG(!overlap, "legend corner %d: the basins' key over the legend", corner);
        }
    }
    a->legend = corner_was;
    frame();
    /* the key lists the minimum, where it is and its share of the starts (counted
     * here from the outcomes), in its hue; the minimum's marker is filled with it */
    int at_min = 0, cells = a->maps.nx * a->maps.ny, diverged = 0;
    for (int c = 0; c < cells; c++) {
        at_min += sweep_minimum(&a->scene.surface, a->maps.view, &a->maps.out[c]) == 0;
        diverged += a->maps.out[c].diverged_at >= 0;
    }
    char want_line[96];
    snprintf(want_line, sizeof want_line, "(1, 1): %.0f%% of the starts", 100.0 * at_min / cells);
    CHECK_MSG(drawn_text(want_line, 0) != NULL, "the key has no '%s'", want_line);
    snprintf(want_line, sizeof want_line, "diverged: %.0f%%", 100.0 * diverged / cells);
    CHECK_MSG(drawn_text(want_line, 0) != NULL, "the key has no '%s'", want_line);
    int filled = 0;
    for (int i = 0; i < sh.dl.n; i++)
        filled |= sh.dl.cmd[i].kind == DRAW_CIRCLE && sh.dl.cmd[i].rgba == (app_basin_rgb(0) << 8 | 0xFFu);
    CHECK_MSG(filled, "the minimum's marker is not in its basin's hue");
    /* D: where this run and the next part: a cell is coloured exactly where their
     * ends differ (another minimum, or one diverges) */
    key(SDLK_d, 0);
    CHECK(a->maps.want == MAPS_BASIN && a->maps.other_wanted);
    wait_maps(MAPS_BASIN);
    CHECK(a->maps.out2 != NULL && a->maps.other >= 0 && a->maps.other != a->maps.run);
    int apart = 0, wrong = 0;
    for (int j = 0; a->maps.out2 && j < a->maps.ny; j++)
        for (int i = 0; i < a->maps.nx; i++) {
            const SceneOutcome *o = &a->maps.out[j * a->maps.nx + i], *o2 = &a->maps.out2[j * a->maps.nx + i];
            int m1 = sweep_minimum(&a->scene.surface, a->maps.view, o), m2 = sweep_minimum(&a->scene.surface, a->maps.view, o2);
            int differ = m1 != m2 || (o->diverged_at >= 0) != (o2->diverged_at >= 0);
            unsigned px = a->maps.image[(a->maps.ny - 1 - j) * a->maps.nx + i];
            apart += differ;
            wrong += differ != ((px & 255u) != 0);
        }
    CHECK_MSG(wrong == 0 && apart > 0, "%d cells coloured wrongly, %d apart", wrong, apart);
    CHECK(drawn_text("Where ", 1) != NULL);
    key(SDLK_d, 0);
    frame();
    CHECK(a->maps.want == MAPS_NONE && a->maps.kind == MAPS_NONE && !a->maps.job);
}

/* The text command on the frame whose text is s (or starts with s when prefix), or NULL. */
static const DrawCmd *drawn_text(const char *s, int prefix)
{
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        const char *t = draw_text_of(&sh.dl, c);
        if (c->kind == DRAW_TEXT && (prefix ? strncmp(t, s, strlen(s)) == 0 : strcmp(t, s) == 0))
            return c;
    }
    return NULL;
}

/* The app's own legend, on the map: the surface's title, then per enabled run a
 * row with its label and the loss at the step shown (and the step itself unless
 * the legend is compact), the loss as every number on screen is written
 * (num_format, tested in test_ticks). */
static void test_legend(void)
{
    App *a = &sh.app;
    key(SDLK_SPACE, 0); /* pause somewhere in the middle */
    frame();
    const Panel *m = map_panel();
    const DrawCmd *title = drawn_text("Rosenbrock   f = ", 1);
    int compact = title == NULL;
    for (int c = 0; c < sh.dl.n && !title; c++) /* compact: the surface's name alone, on the map */
        if (sh.dl.cmd[c].kind == DRAW_TEXT && strcmp(draw_text_of(&sh.dl, &sh.dl.cmd[c]), "Rosenbrock") == 0 &&
            sh.dl.cmd[c].x >= m->x && sh.dl.cmd[c].x < m->x + m->w)
            title = &sh.dl.cmd[c];
    CHECK(title != NULL);
    if (title)
        CHECK(title->x >= m->x && title->x < m->x + m->w && title->y >= m->y && title->y < m->y + m->h);
    int rows = 0;
    for (int i = 0; i < a->scene.n_runs; i++) {
        const Run *r = &a->scene.run[i];
        if (!r->enabled)
            continue;
        int k = (int)a->t < r->n - 1 ? (int)a->t : r->n - 1;
        double loss = r->traj[k].loss;
        char want_step[32], want_loss[64];
        snprintf(want_step, sizeof want_step, "%d", k);
        num_format(loss, want_loss, sizeof want_loss);
        /* the row: the label, the step and the loss on one line, inside the map */
        int found = 0;
        for (int c = 0; c < sh.dl.n && !found; c++) {
            const DrawCmd *lc = &sh.dl.cmd[c];
            if (lc->kind != DRAW_TEXT || strcmp(draw_text_of(&sh.dl, lc), r->label) != 0 || lc->x >= m->x + m->w)
                continue;
            int step = 0, value = 0;
            for (int d = 0; d < sh.dl.n; d++) {
                const DrawCmd *vc = &sh.dl.cmd[d];
                if (vc->kind != DRAW_TEXT || vc->y != lc->y || vc->x <= lc->x)
                    continue;
                step |= strcmp(draw_text_of(&sh.dl, vc), want_step) == 0;
                value |= strcmp(draw_text_of(&sh.dl, vc), want_loss) == 0;
            }
            found = (step || compact) && value;
        }
        CHECK_MSG(found, "legend row of %s: step %s, loss %s", r->label, want_step, want_loss);
        rows += found;
    }
    CHECK(rows == 4);
    key(SDLK_SPACE, 0);
}

/* The legend's box: the box-coloured rect its clip follows. */
static int legend_box(float *x, float *y, float *w, float *h)
{
    for (int i = 0; i + 1 < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i], *d = &sh.dl.cmd[i + 1];
        if (c->kind == DRAW_RECT && c->rgba == gs_theme.box && d->kind == DRAW_CLIP && d->x == c->x && d->y == c->y &&
            d->w == c->w) {
            *x = c->x, *y = c->y, *w = c->w, *h = c->h;
            return 1;
        }
    }
    return 0;
}

/* The legend dragged by its title with real mouse events: it follows the mouse
 * (the start and the card unchanged), the scene file keeps its place and gives it
 * back, and a double click puts it back where it hides least. */
static void test_legend_drag(const char *dir)
{
    App *a = &sh.app;
    frame();
    float x, y, w, h;
    CHECK(legend_box(&x, &y, &w, &h));
    double start[2] = {a->scene.start[0], a->scene.start[1]};
    int card = app_card_run(a);
    float px = x + 12, py = y + 8, dx = -260, dy = 180;
    mouse(SDL_MOUSEMOTION, px, py);
    mouse(SDL_MOUSEBUTTONDOWN, px, py);
    for (int k = 1; k <= 4; k++)
        mouse(SDL_MOUSEMOTION, px + dx * k / 4, py + dy * k / 4);
    mouse(SDL_MOUSEBUTTONUP, px + dx, py + dy);
    frame();
    float x2, y2, w2, h2;
    CHECK(legend_box(&x2, &y2, &w2, &h2));
    CHECK(a->legend == LEGEND_AT);
    CHECK_MSG(fabsf(x2 - (x + dx)) <= 1.0f && fabsf(y2 - (y + dy)) <= 1.0f, "moved to %.0f,%.0f from %.0f,%.0f", x2, y2,
              x, y);
    CHECK(a->scene.start[0] == start[0] && a->scene.start[1] == start[1] && app_card_run(a) == card);
    /* kept in the scene file, and given back */
    char path[256], err[400], text[8192];
    snprintf(path, sizeof path, "%s/legend.scene", dir);
    CHECK(app_save_scene_to(a, path, err, sizeof err) == 0);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = '\0';
    if (f)
        fclose(f);
    const char *line = strstr(text, "\n--legend ");
    double fx = -1, fy = -1;
    CHECK_MSG(line && sscanf(line, "\n--legend %lf,%lf", &fx, &fy) == 2 && fx == a->legend_at[0] &&
                  fy == a->legend_at[1],
              "scene file: %s", text);
    double at[2] = {a->legend_at[0], a->legend_at[1]};
    a->legend = LEGEND_AUTO;
    app_open_scene(a, path);
    frame();
    CHECK(a->legend == LEGEND_AT && a->legend_at[0] == at[0] && a->legend_at[1] == at[1]);
    CHECK(legend_box(&x2, &y2, &w2, &h2) && fabsf(x2 - (x + dx)) <= 1.0f && fabsf(y2 - (y + dy)) <= 1.0f);
    remove(path);
    /* a double click on it: back where it hides least */
    SDL_Event e = ev_mouse(SDL_MOUSEBUTTONDOWN, x2 + 12, y2 + 8);
    e.button.clicks = 2;
    mouse(SDL_MOUSEMOTION, x2 + 12, y2 + 8);
    push(e);
    mouse(SDL_MOUSEBUTTONUP, x2 + 12, y2 + 8);
    frame();
    CHECK(a->legend == LEGEND_AUTO);
    CHECK(legend_box(&x2, &y2, &w2, &h2) && x2 == x && y2 == y);
}

/* All the text drawn inside a rect, joined (a wrapped line joins up again). */
static void text_in(float x, float y, float w, float h, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < sh.dl.n && len + 1 < cap; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind != DRAW_TEXT || c->x < x || c->x >= x + w || c->y < y || c->y >= y + h)
            continue;
        int n = snprintf(out + len, cap - len, "%.*s", c->text_len, draw_text_of(&sh.dl, c));
        if (n > 0)
            len += (size_t)n < cap - len ? (size_t)n : cap - len - 1;
    }
}

/* A number as the card writes it: as num_format writes every number on screen,
 * with a true minus sign. */
static void card_number(double v, char *out, size_t cap)
{
    char buf[64];
    num_format(v, buf, sizeof buf);
    snprintf(out, cap, "%s%s", buf[0] == '-' ? "\xe2\x88\x92" : "", buf + (buf[0] == '-'));
}

/* The update-rule card and the arrows, through real events: a click on adam's
 * legend row opens its card beside the map; the card shows the update from the
 * step shown, with the state the simulation had (m after the update, the new
 * point); the arrow keys step it; U closes and reopens it; I draws the step taken
 * as an arrow from the head along the trajectory's next step. */
static void test_card_and_internals(void)
{
    App *a = &sh.app;
    if (a->playing)
        key(SDLK_SPACE, 0);
    key(SDLK_HOME, 0);
    for (int i = 0; i < 3; i++)
        key(SDLK_RIGHT, 0);
    CHECK((int)a->t == 3 && !a->playing);
    float map_w = map_panel()->w;
    const DrawCmd *row = NULL;
    for (int i = 0; i < sh.dl.n && !row; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind == DRAW_TEXT && strcmp(draw_text_of(&sh.dl, c), "adam") == 0 && c->x < map_panel()->w)
            row = c;
    }
    CHECK(row != NULL);
    if (!row)
        return;
    float rx = row->x + 5, ry = row->y + row->h * 0.5f;
    mouse(SDL_MOUSEBUTTONDOWN, rx, ry);
    mouse(SDL_MOUSEBUTTONUP, rx, ry);
    frame();
    CHECK(app_card_run(a) == 3);
    CHECK(a->scene.start[0] == -1.5); /* the click selected; it did not move the start */
    const Panel *card = frame_panel(&a->frame, &panel_card);
    CHECK(card && card->w > 300 && map_panel()->w < map_w - 300);
    if (!card)
        return;
    static char seen[16384];
    text_in(card->x, card->y, card->w, card->h, seen, sizeof seen);
    CHECK_MSG(strstr(seen, "update t = 4, from step 3 to 4") != NULL, "card: %s", seen);
    CHECK(strstr(seen, "\xce\xb8 \xe2\x86\x90 \xce\xb8 \xe2\x88\x92 lr\xc2\xb7m\xcc\x82/(\xe2\x88\x9av\xcc\x82 + \xce\xb5)"));
    /* the first moment after the update, and where the update lands */
    OptimState st;
    CHECK(scene_run_state(&a->scene, 3, 4, &st) == 0);
    char m[48], x4[48], want[64];
    card_number(st.s[0][0], m, sizeof m);
    card_number(a->scene.run[3].traj[4].x, x4, sizeof x4);
    /* "= value" followed by the next line's "y:" */
    snprintf(want, sizeof want, "= %sy:", m);
    CHECK_MSG(strstr(seen, want) != NULL, "card has no '%s': %s", want, seen);
    snprintf(want, sizeof want, "= %sy:", x4);
    CHECK_MSG(strstr(seen, want) != NULL, "card has no '%s': %s", want, seen);
    /* the arrow keys step the card */
    key(SDLK_RIGHT, 0);
    text_in(card->x, card->y, card->w, card->h, seen, sizeof seen);
    CHECK(strstr(seen, "update t = 5, from step 4 to 5") != NULL);
    /* U closes it, and again opens it for the same run */
    key(SDLK_u, 0);
    frame(); /* the layout follows in the next frame */
    CHECK(app_card_run(a) < 0 && map_panel()->w == map_w);
    key(SDLK_u, 0);
    frame();
    CHECK(app_card_run(a) == 3);
    /* I: arrows at adam's head, to one scale, 1, 2 or 5 times a power of ten (the
     * key says which), that puts the longest of the step, -lr m and half the box
     * at 48 to 120 px; the step arrow, where it is long enough to draw, leaves the
     * head along the step to the next point */
    key(SDLK_i, 0);
    CHECK(a->show_internals);
    Panel mp = {0};
    CHECK(app_map_rect(a, &mp.x, &mp.y, &mp.w, &mp.h));
    MapView v = map_fit(a->view, mp.w, mp.h);
    float ppu = mp.w / (float)(v.x1 - v.x0), s = a->frame.scale;
    int stepped = 0;
    for (int tries = 0; tries < 60 && stepped < 3; tries++) {
        int k = app_visible_step(a, &a->scene.run[3]);
        RunUpdate u;
        CHECK(scene_run_update(&a->scene, 3, k, &u) == 0);
        const TrajPoint *q = &a->scene.run[3].traj[k];
        double len[4] = {0, hypot(u.next[0] - q->x, u.next[1] - q->y),
                         u.lr * hypot(u.in.velocity[0], u.in.velocity[1]),
                         fmax(u.in.eff_lr[0], u.in.eff_lr[1]) * hypot(q->gx, q->gy)};
        double longest = 0;
        for (int j = 0; j < 4; j++)
            longest = fmax(longest, len[j]);
        const DrawCmd *key_text = drawn_text("arrows \xc3\x97", 1);
        CHECK(key_text != NULL);
        if (!key_text)
            break;
        double scale = strtod(draw_text_of(&sh.dl, key_text) + strlen("arrows \xc3\x97"), NULL);
        double mant = scale / pow(10.0, floor(log10(scale) + 1e-9));
        CHECK_MSG(fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 || fabs(mant - 5) < 1e-9, "arrows x%g", scale);
        CHECK_MSG(longest * ppu * scale >= 47.9 && longest * ppu * scale <= 120.1,
                  "step %d: the longest arrow is %.1f px at x%g", k, longest * ppu * scale, scale);
        float hx = map_px_x(v, mp.x, mp.w, q->x), hy = map_px_y(v, mp.y, mp.h, q->y);
        float sx = (float)(u.next[0] - q->x), sy = (float)(q->y - u.next[1]), sl = hypotf(sx, sy);
        int arrows = 0;
        for (int i = 0; i < sh.dl.n; i++) {
            const DrawCmd *c = &sh.dl.cmd[i];
            /* the step arrow: the run's colour and the arrow's width (not a head's line to its spread disc) */
            if (c->kind != DRAW_LINE || c->rgba != app_run_rgba(&a->scene.run[3]) || hypotf(c->x - hx, c->y - hy) > 0.5f ||
                fabsf(c->r - gs_theme.arrow_w * 1.3f * s) > 0.01f)
                continue;
            float dx = c->x2 - c->x, dy = c->y2 - c->y;
            float cosang = (dx * sx + dy * sy) / (hypotf(dx, dy) * sl);
            CHECK_MSG(cosang > 0.9995f, "the step arrow points %.4f off the step", cosang);
            arrows++;
        }
        float drawn = (float)(sl * ppu * scale);
        if (drawn >= 2 * gs_theme.arrow_w * 1.3f * s) {
            CHECK_MSG(arrows == 1, "step %d: %d step arrows at adam's head (%.1f px long)", k, arrows, drawn);
            stepped++;
        }
        key(SDLK_RIGHT, 0);
    }
    CHECK_MSG(stepped == 3, "a step arrow long enough to see at %d steps", stepped);
    CHECK(drawn_text("arrows \xc3\x97", 1) != NULL);
    key(SDLK_i, 0);
    CHECK(!a->show_internals && drawn_text("arrows \xc3\x97", 1) == NULL);
    key(SDLK_u, 0);
    key(SDLK_SPACE, 0);
}

/* At step 0 every head sits on the start: each is still drawn apart from the
 * others and from the start marker, in its run's colour, with a line to the start. */
static void test_heads_apart(void)
{
    App *a = &sh.app;
    key(SDLK_HOME, 0);
    key(SDLK_SPACE, 0);
    a->t = 0, a->playing = 0;
    frame();
    const Panel *m = map_panel();
    float cx[SCENE_MAX_RUNS], cy[SCENE_MAX_RUNS], sx = -1, sy = -1;
    int found = 0, lines = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->x < m->x || c->x >= m->x + m->w)
            continue;
        if (c->kind == DRAW_CIRCLE && c->rgba == gs_theme.marker_fill)
            sx = c->x, sy = c->y;
        for (int r = 0; r < a->scene.n_runs; r++) {
            if (c->rgba != app_run_rgba(&a->scene.run[r]))
                continue;
            if (c->kind == DRAW_CIRCLE)
                cx[r] = c->x, cy[r] = c->y, found |= 1 << r;
            lines += c->kind == DRAW_LINE;
        }
    }
    CHECK(found == 15 && lines == 4 && sx >= 0);
    float r = gs_theme.head_r * a->frame.scale;
    for (int i = 0; i < 4; i++) {
        CHECK_MSG(hypotf(cx[i] - sx, cy[i] - sy) >= 2 * r, "head %d %.1f px from the start", i,
                  hypotf(cx[i] - sx, cy[i] - sy));
        for (int j = 0; j < i; j++)
            CHECK_MSG(hypotf(cx[i] - cx[j], cy[i] - cy[j]) >= 2 * r, "heads %d and %d %.1f px apart", i, j,
                      hypotf(cx[i] - cx[j], cy[i] - cy[j]));
    }
    key(SDLK_SPACE, 0);
}

/* The plot's axes: its background rect on the frame. Returns 1 when found. */
static int plot_axes(float *x, float *y, float *w, float *h)
{
    const Panel *p = frame_panel(&sh.app.frame, &panel_plot);
    if (!p || p->h <= 0)
        return 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind == DRAW_RECT && c->rgba == gs_theme.bg && c->x > p->x && c->y > p->y && c->x + c->w < p->x + p->w &&
            c->y + c->h < p->y + p->h)
        {
            *x = c->x, *y = c->y, *w = c->w, *h = c->h;
            return 1;
        }
    }
    return 0;
}

/* The plot's curve of run i on the frame, or NULL. */
static const DrawCmd *plot_curve(int i, float ax, float ay)
{
    for (int k = 0; k < sh.dl.n; k++) {
        const DrawCmd *c = &sh.dl.cmd[k];
        if ((c->kind == DRAW_PATH || c->kind == DRAW_BAND) && c->x == ax && c->y == ay &&
            c->rgba == app_run_rgba(&sh.app.scene.run[i]))
            return c;
    }
    return NULL;
}

/* The cursor line's x on the frame, or -1. */
static float plot_cursor_x(void)
{
    for (int i = 0; i < sh.dl.n; i++)
        if (sh.dl.cmd[i].kind == DRAW_LINE && sh.dl.cmd[i].rgba == gs_theme.plot_cursor)
            return sh.dl.cmd[i].x;
    return -1;
}

/* The plot under the map: a click on its axes goes to the step under the mouse, a
 * drag scrubs, the cursor follows, hovering reads the values, P hides and shows it,
 * its metric buttons switch the curves, and a slider drag changes a curve in the
 * same frame. */
static void test_plot(void)
{
    App *a = &sh.app;
    frame();
    float ax, ay, aw, ah;
    CHECK(a->plot.show);
    if (!plot_axes(&ax, &ay, &aw, &ah)) {
        CHECK_MSG(0, "no plot axes on the frame");
        return;
    }
    const Panel *m = map_panel(), *p = frame_panel(&a->frame, &panel_plot);
    CHECK(p->y >= m->y + m->h - 0.5f && p->x == m->x && p->w == m->w); /* under the map, as wide */
    int steps = a->scene.steps;
    a->playing = 1;
    /* a click: the step under the mouse, paused */
    float px = floorf(ax + 0.25f * aw), py = floorf(ay + 0.5f * ah);
    mouse(SDL_MOUSEMOTION, px, py);
    mouse(SDL_MOUSEBUTTONDOWN, px, py);
    mouse(SDL_MOUSEBUTTONUP, px, py);
    double want = floor((px - ax) / aw * steps + 0.5);
    CHECK_MSG(a->t == want && !a->playing, "t %.1f, want %.1f", a->t, want);
    /* the cursor at that step */
    CHECK_MSG(fabsf(plot_cursor_x() - (ax + (float)(a->t / steps) * aw)) < 1.0f, "cursor at %.1f", plot_cursor_x());
    float c0 = plot_cursor_x();
    /* a drag scrubs: the step follows while the button is held */
    mouse(SDL_MOUSEBUTTONDOWN, px, py);
    mouse(SDL_MOUSEMOTION, floorf(ax + 0.6f * aw), py);
    want = floor((floorf(ax + 0.6f * aw) - ax) / aw * steps + 0.5);
    CHECK_MSG(a->t == want, "dragged: t %.1f, want %.1f", a->t, want);
    CHECK(plot_cursor_x() > c0 + 0.3f * aw);
    mouse(SDL_MOUSEMOTION, floorf(ax + aw + 50), py); /* past the end: the last step */
    CHECK(a->t == steps);
    mouse(SDL_MOUSEBUTTONUP, floorf(ax + aw + 50), py);
    CHECK(a->t == steps && !a->plot.scrubbing);
    /* hovering: each run's value at the step under the mouse */
    mouse(SDL_MOUSEMOTION, floorf(ax + 0.5f * aw), py);
    int k = a->plot.hover_step;
    CHECK(a->plot.hover && abs(k - steps / 2) <= steps / 100 + 1);
    char want_step[32], want_run[96];
    snprintf(want_step, sizeof want_step, "step %d", k);
    char loss[32]; /* the one number format of the screen: as the legend writes it */
    num_format(a->scene.run[1].traj[k].loss, loss, sizeof loss);
    snprintf(want_run, sizeof want_run, "%s  %s", a->scene.run[1].label, loss);
    CHECK_MSG(drawn_text(want_step, 0) && drawn_text(want_run, 0), "no '%s' / '%s' on the frame", want_step, want_run);
    /* the metric: |grad| from its button */
    const DrawCmd *before = plot_curve(0, ax, ay);
    double y_loss = before ? before->points[before->n - 1].y : 0;
    click(ui_id_path("plot/grad"));
    CHECK(a->plot.metric == PLOT_GRAD);
    const DrawCmd *after = plot_curve(0, ax, ay);
    CHECK(after && after->points[after->n - 1].y != y_loss);
    click(ui_id_path("plot/loss"));
    CHECK(a->plot.metric == PLOT_LOSS);
    /* a slider drag: the curve is the new one in the frame of the drag */
    Run *r = &a->scene.run[2];
    float x, y, w, h;
    CHECK(find(id("side/run/%d/lr", 2), &x, &y, &w, &h));
    const DrawCmd *c = plot_curve(2, ax, ay);
    CHECK(c != NULL);
    double y_end = c ? c->points[c->n - 1].y : 0;
    mouse(SDL_MOUSEBUTTONDOWN, x + 0.5f * w, y + h / 2);
    mouse(SDL_MOUSEMOTION, x + 0.75f * w, y + h / 2);
    /* while dragged, the new curve as flat spans per column, ending elsewhere */
    c = plot_curve(2, ax, ay);
    CHECK(c && c->kind == DRAW_BAND && c->points[c->n - 1].y != y_end);
    mouse(SDL_MOUSEBUTTONUP, x + 0.75f * w, y + h / 2);
    /* half a second later the anti-aliased line again, to the new last step */
    for (int f = 0; f < 40; f++)
        frame();
    c = plot_curve(2, ax, ay);
    CHECK(c && c->kind == DRAW_PATH && c->points[c->n - 1].y != y_end);
    if (c) /* the last point drawn is the new trajectory's last step */
        CHECK(c->points[c->n - 1].x == r->n - 1);
    /* a small drag keeps the range while it lasts; afterwards the range is fitted
     * again, as if the plot were drawn anew (a range held for a drag does not stay
     * in the window or its screenshots): another metric and back draws the curve
     * at the same height */
    mouse(SDL_MOUSEBUTTONDOWN, x + 0.75f * w, y + h / 2);
    mouse(SDL_MOUSEMOTION, x + 0.72f * w, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + 0.72f * w, y + h / 2);
    for (int f = 0; f < 40; f++)
        frame();
    c = plot_curve(2, ax, ay);
    MapView held = c ? c->view : (MapView){0};
    click(ui_id_path("plot/grad"));
    click(ui_id_path("plot/loss"));
    for (int f = 0; f < 40; f++)
        frame();
    c = plot_curve(2, ax, ay);
    CHECK_MSG(c && c->view.y0 == held.y0 && c->view.y1 == held.y1,
              "the plot's range after the drag %g..%g, drawn anew %g..%g", held.y0, held.y1, c ? c->view.y0 : 0,
              c ? c->view.y1 : 0);
    /* P hides it (the map takes the room) and shows it again */
    float map_h = map_panel()->h;
    key(SDLK_p, 0);
    frame();
    CHECK(!a->plot.show && frame_panel(&a->frame, &panel_plot)->h == 0 && map_panel()->h > map_h);
    CHECK(plot_cursor_x() < 0);
    key(SDLK_p, 0);
    frame();
    CHECK(a->plot.show && fabsf(map_panel()->h - map_h) < 0.5f);
    /* the bar's button does the same */
    click(ui_id_path("bar/plot"));
    CHECK(!a->plot.show);
    click(ui_id_path("bar/plot"));
    CHECK(a->plot.show);
    a->playing = 1;
}

/* A failure logged anywhere (the renderer, the platform) while the window is open
 * is shown on it, not only written to stderr. */
static void test_log_on_screen(void)
{
    gs_log("cannot build the field shader for \"%s\"", "x^2");
    frame();
    CHECK(drawn_text("cannot build the field shader for \"x^2\"", 0) != NULL);
    /* a message wider than the map is wrapped on it, every word inside */
    char longer[400] = "";
    for (int i = 0; i < 12; i++)
        strcat(longer, "a message far wider than the map ");
    app_message(&sh.app, longer);
    frame();
    const Panel *m = map_panel();
    int lines = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        char piece[400];
        snprintf(piece, sizeof piece, "%.*s", c->kind == DRAW_TEXT ? c->text_len : 0, draw_text_of(&sh.dl, c));
        if (c->kind != DRAW_TEXT || strlen(piece) < 20 || !strstr(longer, piece))
            continue; /* a line of the message */
        lines++;
        float right = c->x + render_text_width(sh.r, c->font, c->h, draw_text_of(&sh.dl, c), c->text_len);
        CHECK_MSG(c->x >= m->x && right <= m->x + m->w, "a line of the message at %.0f..%.0f, the map %.0f..%.0f",
                  c->x, right, m->x, m->x + m->w);
    }
    CHECK_MSG(lines >= 2, "the long message on %d lines", lines);
    app_message(&sh.app, "");
}

static void test_add_remove(void)
{
    App *a = &sh.app;
    int n = a->scene.n_runs;
    float x, y, w, h;
    CHECK(find(ui_id_path("side/add/nadam"), &x, &y, &w, &h));
    mouse(SDL_MOUSEBUTTONDOWN, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + w / 2, y + h / 2);
    CHECK(a->scene.n_runs == n + 1);
    CHECK(a->scene.run[n].kind == OPTIM_NADAM && a->scene.run[n].n > 1);
    frame();
    CHECK(find(id("side/run/%d/remove", n), &x, &y, &w, &h));
    mouse(SDL_MOUSEBUTTONDOWN, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + w / 2, y + h / 2);
    CHECK(a->scene.n_runs == n);
}

/* A run that diverges: the legend says at which step, the words whole inside its
 * box (the box is as wide as they need). */
static void test_legend_diverged(void)
{
    App *a = &sh.app;
    double lr = a->scene.run[0].hp[HP_LR];
    type_value(id("side/run/%d/lr", 0), "0.05");
    CHECK(a->scene.run[0].diverged_at >= 0);
    key(SDLK_END, 0);
    frame();
    const DrawCmd *label = drawn_text("diverged at step ", 1), *clip = NULL;
    CHECK_MSG(label != NULL, "no 'diverged at step' in the legend");
    for (const DrawCmd *c = sh.dl.cmd; label && c < label; c++)
        if (c->kind == DRAW_CLIP)
            clip = c;
    if (label && clip) {
        float right = label->x + render_text_width(sh.r, label->font, label->h, draw_text_of(&sh.dl, label),
                                                   label->text_len);
        CHECK_MSG(right <= clip->x + clip->w, "the label ends at %.0f, the legend at %.0f", right, clip->x + clip->w);
    }
    char value[32];
    snprintf(value, sizeof value, "%.17g", lr);
    type_value(id("side/run/%d/lr", 0), value);
    CHECK(a->scene.run[0].hp[HP_LR] == lr && a->scene.run[0].diverged_at < 0);
}

/* What is over the picture only for a while is not in the file: with a notice and
 * the plot's hover readout on the screen, then with the help, Ctrl+S saves the
 * picture as it is without them. */
static void test_overlays_left_out(const char *want_dir)
{
    App *a = &sh.app;
    int fw, fh, pw, ph;
    unsigned char *win = settled_window(&fw, &fh, &pw, &ph);
    float ax, ay, aw, ah;
    CHECK(plot_axes(&ax, &ay, &aw, &ah));
    mouse(SDL_MOUSEMOTION, floorf(ax + 0.5f * aw), floorf(ay + 0.5f * ah));
    app_message(a, "A notice over the map");
    frame();
    char step[32];
    snprintf(step, sizeof step, "step %d", a->plot.hover_step);
    CHECK(a->plot.hover && drawn_text(step, 0) && drawn_text("A notice over the map", 0));
    for (int help = 0; help < 2; help++) {
        if (help) {
            key(SDLK_F1, 0);
            CHECK(a->show_help && drawn_text("Keyboard and mouse", 0));
        }
        const char *path = save_png(want_dir, "with the overlays");
        if (path) {
            check_same_pixels(path, win, fw, pw, ph, help ? "with the help on screen" : "with a notice and the plot's hover readout on screen");
            remove(path);
        }
    }
    free(win);
    key(SDLK_ESCAPE, 0);
    CHECK(!a->show_help && !a->want_quit);
}

/* x, y, w, h rects a and b overlap */
static int overlap(const float *a, const float *b)
{
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

/* The notice of a saved file: with the legend at the bottom left and every run's
 * head at the bottom centre (where the notice went), it covers neither the
 * legend's box nor a head, and a path too long for the map is shortened in its
 * middle on one line, its file's name whole, inside the map and the window. */
static void test_notice(const char *long_dir)
{
    App *a = &sh.app;
    const Theme *th = &gs_theme;
    float s = a->frame.scale;
    snprintf(a->out_dir, sizeof a->out_dir, "%s", long_dir);
    /* the start (so the heads, at step 0) at the bottom centre of the map, clicked
     * with no legend there to take the click */
    a->legend = LEGEND_NONE;
    const Panel *m = map_panel();
    float px = floorf(m->x + 0.5f * m->w), py = floorf(m->y + m->h - 24 * s - 20 * s);
    mouse(SDL_MOUSEMOTION, px, py);
    mouse(SDL_MOUSEBUTTONDOWN, px, py);
    mouse(SDL_MOUSEBUTTONUP, px, py);
    a->legend = LEGEND_BL;
    key(SDLK_SPACE, 0);
    key(SDLK_HOME, 0);
    CHECK(!a->playing && a->t == 0);
    key(SDLK_s, KMOD_LCTRL);
    frame();
    CHECK_MSG(strncmp(a->message, "Saved /", 7) == 0, "%s", a->message);
    const char *path = a->message + 6, *name = strrchr(path, '/') + 1;
    /* the notice, the legend's box, the heads */
    float toast[4] = {0}, legend[4] = {0};
    int heads = 0, has_toast = 0, toast_at = sh.dl.n;
    int has_legend = legend_box(&legend[0], &legend[1], &legend[2], &legend[3]);
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        float r[4] = {c->x, c->y, c->w, c->h};
        if (c->kind == DRAW_RECT && c->rgba == th->toast)
            memcpy(toast, r, sizeof r), has_toast = 1, toast_at = i;
    }
    CHECK(has_toast && has_legend);
    CHECK_MSG(legend[1] + legend[3] > m->y + 0.5f * m->h, "the legend is not at the bottom");
    CHECK_MSG(!overlap(toast, legend), "the notice (%.0f, %.0f, %.0f x %.0f) covers the legend (%.0f, %.0f, %.0f x %.0f)",
              toast[0], toast[1], toast[2], toast[3], legend[0], legend[1], legend[2], legend[3]);
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        int run = -1;
        for (int k = 0; k < a->scene.n_runs; k++)
            if (c->kind == DRAW_CIRCLE && c->rgba == app_run_rgba(&a->scene.run[k]) && fabsf(c->w - th->head_r * s) < 0.01f)
                run = k;
        if (run < 0)
            continue;
        heads++;
        float r = c->w + c->r, head[4] = {c->x - r, c->y - r, 2 * r, 2 * r};
        CHECK_MSG(!overlap(toast, head), "the notice covers %s's head at (%.0f, %.0f)", a->scene.run[run].label, c->x,
                  c->y);
        CHECK_MSG(fabsf(c->x - px) < 30 * s && fabsf(c->y - py) < 30 * s, "%s's head at (%.0f, %.0f), not at the start",
                  a->scene.run[run].label, c->x, c->y);
    }
    CHECK_MSG(heads == 4, "%d heads drawn", heads);
    /* its words (drawn after its box, in it): one line, "Saved " and the path
     * shortened in the middle */
    int lines = 0;
    for (int i = toast_at + 1; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind != DRAW_TEXT || c->x < toast[0] || c->x >= toast[0] + toast[2] || c->y < toast[1] ||
            c->y >= toast[1] + toast[3])
            continue;
        lines++;
        char line[1600];
        snprintf(line, sizeof line, "%.*s", c->text_len, draw_text_of(&sh.dl, c));
        float right = c->x + render_text_width(sh.r, c->font, c->h, line, c->text_len);
        CHECK_MSG(strncmp(line, "Saved /", 7) == 0 && strstr(line, "\xe2\x80\xa6") != NULL, "the notice says %s", line);
        CHECK_MSG(strlen(line) > strlen(name) && strcmp(line + strlen(line) - strlen(name), name) == 0,
                  "the notice '%s' does not end with the file's name %s", line, name);
        CHECK_MSG(c->x >= m->x && right <= m->x + m->w && right <= (float)a->frame.w,
                  "the notice's words at %.0f..%.0f, the map %.0f..%.0f", c->x, right, m->x, m->x + m->w);
    }
    CHECK_MSG(lines == 1, "the notice on %d lines", lines);
    remove(path);
    a->legend = LEGEND_AUTO;
}

/* 1 when the legend's row of run `run` (the texts on its label's line, right of
 * it) holds `want`. */
static int legend_row_has(int run, const char *want)
{
    const Run *r = &sh.app.scene.run[run];
    const Panel *m = map_panel();
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *lc = &sh.dl.cmd[i];
        if (lc->kind != DRAW_TEXT || strcmp(draw_text_of(&sh.dl, lc), r->label) != 0 || lc->x >= m->x + m->w)
            continue;
        for (int k = 0; k < sh.dl.n; k++) {
            const DrawCmd *c = &sh.dl.cmd[k];
            if (c->kind == DRAW_TEXT && c->y == lc->y && c->x > lc->x && strcmp(draw_text_of(&sh.dl, c), want) == 0)
                return 1;
        }
    }
    return 0;
}

/* The timeline's value "k / steps" in the bar, k or -1. */
static int timeline_step(void)
{
    const Panel *bar = frame_panel(&sh.app.frame, &panel_bar);
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        int k, of;
        if (c->kind == DRAW_TEXT && c->y >= bar->y && sscanf(draw_text_of(&sh.dl, c), "%d / %d", &k, &of) == 2 &&
            of == sh.app.scene.steps)
            return k;
    }
    return -1;
}

/* While the animation plays, every frame's legend, timeline and plot cursor show
 * the same step: the one app_step gives. */
static void test_same_step(void)
{
    App *a = &sh.app;
    key(SDLK_HOME, 0);
    if (!a->playing)
        key(SDLK_SPACE, 0);
    CHECK(a->playing);
    float ax, ay, aw, ah;
    CHECK(plot_axes(&ax, &ay, &aw, &ah));
    int run = 0; /* a run that goes to the last step */
    for (int i = 0; i < a->scene.n_runs; i++)
        if (a->scene.run[i].n > a->scene.run[run].n)
            run = i;
    int last = -1, moved = 0;
    for (int f = 0; f < 12; f++) {
        frame();
        int k = app_step(a), timeline = timeline_step();
        /* the legend: the step, or (compact) the loss at that step */
        char step_text[32], loss_text[32];
        snprintf(step_text, sizeof step_text, "%d", k);
        num_format(a->scene.run[run].traj[k < a->scene.run[run].n ? k : a->scene.run[run].n - 1].loss, loss_text,
                   sizeof loss_text);
        int legend = legend_row_has(run, step_text) || legend_row_has(run, loss_text);
        double at = (plot_cursor_x() - ax) / aw * a->scene.steps;
        int cursor = (int)floor(at + 0.5);
        CHECK_MSG(legend && timeline == k && cursor == k && fabs(at - cursor) < 0.05,
                  "frame %d: the legend %s step %d (loss %s), the timeline %d, the plot's cursor %.2f", f,
                  legend ? "shows" : "does not show", k, loss_text, timeline, at);
        moved += last >= 0 && k != last;
        last = k;
    }
    CHECK_MSG(moved >= 10, "the step moved in %d of 11 frames", moved);
    key(SDLK_SPACE, 0);
}

/* A folder that cannot be made: the notice names it and why, and nothing is
 * written. */
static void test_out_dir_error(const char *dir)
{
    App *a = &sh.app;
    char file[900];
    snprintf(file, sizeof file, "%s/not-a-folder", dir);
    FILE *f = fopen(file, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    snprintf(a->out_dir, sizeof a->out_dir, "%s/shots", file);
    key(SDLK_s, KMOD_LCTRL);
    char want[1400];
    snprintf(want, sizeof want, "Cannot create the folder %s: Not a directory", a->out_dir);
    CHECK_STR(a->message, want);
    snprintf(a->out_dir, sizeof a->out_dir, "%s", file);
    key(SDLK_s, KMOD_LCTRL);
    snprintf(want, sizeof want, "Cannot save into %s: it is not a folder", file);
    CHECK_STR(a->message, want);
    remove(file);
}

/* The window's pixels in the picture's part (w x h from the top left of the
 * fw-wide frame), packed. */
static unsigned char *crop(const unsigned char *win, int fw, int w, int h)
{
    unsigned char *out = malloc((size_t)w * (size_t)h * 4);
    for (int y = 0; out && y < h; y++)
        memcpy(out + (size_t)y * (size_t)w * 4, win + (size_t)y * (size_t)fw * 4, (size_t)w * 4);
    return out;
}

/* Runs the export Ctrl+E asks for (Shift: MP4) to its end; its path, or NULL. */
static const char *export_to_end(Uint16 mod)
{
    App *a = &sh.app;
    key(SDLK_e, mod); /* a short one may be written within the frame of the key */
    for (int i = 0; i < 4000 && a->anim; i++)
        frame();
    CHECK(a->anim == NULL);
    return strncmp(a->message, "Saved /", 7) == 0 ? a->message + 6 : NULL;
}

/* The window's exports follow the screenshot: the picture the window shows at its
 * size (an MP4's sides even: its last column or row left out), into the same
 * folder; the last frame (the last step, as the window shows it) is the window's
 * picture but for the GIF's palette and the MP4's compression. */
static void test_export_as_shown(const char *want_dir)
{
    App *a = &sh.app;
    key(SDLK_END, 0);
    app_message(a, "");
    const Panel *m = map_panel();
    mouse(SDL_MOUSEMOTION, floorf(m->x + 0.5f * m->w), floorf(m->y + 0.5f * m->h));
    for (int i = 0; i < 40; i++)
        frame();
    int fw = 0, fh = 0;
    unsigned char *win = frame_pixels(&fw, &fh);
    int pw = (int)frame_panel(&a->frame, &panel_side)->x, ph = (int)frame_panel(&a->frame, &panel_bar)->y;
    CHECK_MSG(pw % 2 || ph % 2, "a %dx%d picture: an odd side is what the MP4 drops", pw, ph);
    a->anim_frames = 6;
    for (int mp4 = 0; mp4 < 2; mp4++) {
        const char *path = export_to_end(mp4 ? KMOD_LCTRL | KMOD_LSHIFT : KMOD_LCTRL);
        CHECK_MSG(path && strncmp(path, want_dir, strlen(want_dir)) == 0 && path[strlen(want_dir)] == '/',
                  "exported to %s, not into %s", path ? path : a->message, want_dir);
        Movie mv = {0};
        int ok = path && (mp4 ? decode_mp4(path, &mv) : decode_gif(path, &mv)) == 0 && mv.n > 0;
        CHECK_MSG(ok, "cannot decode %s", path ? path : "the export");
        int w = mp4 ? pw & ~1 : pw, h = mp4 ? ph & ~1 : ph;
        CHECK_MSG(mv.w == w && mv.h == h, "%s: %dx%d frames of the window's %dx%d picture", mp4 ? "MP4" : "GIF", mv.w,
                  mv.h, pw, ph);
        if (ok && mv.w == w && mv.h == h && win) {
            unsigned char *want = crop(win, fw, w, h);
            double mean, over;
            picture_diff(mv.frame[mv.n - 1], want, w, h, 48, &mean, &over);
            CHECK_MSG(mean < (mp4 ? 3.5 : 1.5) && over < (mp4 ? 0.015 : 0.01),
                      "%s's last frame and the window: mean difference %.2f levels, %.2f%% of pixels more than 48 off",
                      mp4 ? "MP4" : "GIF", mean, 100 * over);
            free(want);
        }
        movie_free(&mv);
        if (path)
            remove(path);
    }
    free(win);
    a->anim_frames = 12;
}

/* The window at 1024x768 without --out-dir: the pictures folder from
 * XDG_PICTURES_DIR, gradscape/ in it made by the first screenshot. */
static void test_small_window(const char *dir)
{
    char pictures[600], want[700], long_dir[1000];
    snprintf(pictures, sizeof pictures, "%s/pictures", dir);
    setenv("XDG_PICTURES_DIR", pictures, 1);
    char *argv[] = {"gradscape", "--size", "1024x768", "--frames", "12"};
    Config cfg;
    char err[600];
    CHECK(spec_parse_args(5, argv, &cfg, err, sizeof err) == 0);
    int is_input;
    if (shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        CHECK_MSG(0, "%s", err);
        return;
    }
    App *a = &sh.app;
    frame();
    frame();
    snprintf(want, sizeof want, "%s/gradscape", pictures);
    CHECK_STR(a->out_dir, want);
    CHECK(a->frame.w == 1024 && a->frame.h == 768);
    CHECK(frame_panel(&a->frame, &panel_plot)->h > 0);
    check_screenshot(want, "1024x768 with the plot");
    test_overlays_left_out(want);
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    CHECK(stat(want, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == (0755 & ~mask));
    test_export_as_shown(want);
    test_same_step();
    snprintf(long_dir, sizeof long_dir, "%s/a-folder-with-a-name-long-enough-to-be-shortened/and-another-one-inside-it/"
             "and-a-third-to-be-sure/gradscape", pictures);
    test_notice(long_dir);
    test_out_dir_error(dir);
    shell_free(&sh);
    unsetenv("XDG_PICTURES_DIR");
    /* what the screenshots left: the folders, empty */
    for (char *slash; (slash = strrchr(long_dir, '/')) && strcmp(long_dir, pictures) != 0; *slash = '\0')
        CHECK_MSG(rmdir(long_dir) == 0, "rmdir %s", long_dir);
    CHECK(rmdir(want) == 0 && rmdir(pictures) == 0);
}

int main(void)
{
    char dir[] = "/tmp/gs-test-app-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char *argv[] = {"gradscape", "--size", "1600x900", "--out-dir", dir, "--frames", "12"};
    Config cfg;
    char err[600];
    CHECK(spec_parse_args(7, argv, &cfg, err, sizeof err) == 0);
    int is_input;
    if (shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    frame();
    frame();
    test_legend();
    test_legend_drag(dir);
    test_heads_apart();
    test_card_and_internals();
    test_log_on_screen();
    test_plot();
    test_slider_drag();
    test_type_value();
    test_legend_diverged();
    test_map_click();
    test_keys();
    test_add_remove();
    test_schedule_and_noise();
    test_screenshot(dir);
    test_export(dir);
    test_view3d();
    test_maps();
    test_expression();
    test_surface_menu();
    test_formula_field();
    for (int i = 0; i < 10; i++) /* Esc backs out of things, and never quits */
        key(SDLK_ESCAPE, 0);
    CHECK(!sh.app.want_quit);
    key(SDLK_q, KMOD_CTRL);
    CHECK(sh.app.want_quit);
    shell_free(&sh);
    test_small_window(dir);
    CHECK_MSG(rmdir(dir) == 0, "%s is not empty", dir);
    return check_done("test_app");
}
