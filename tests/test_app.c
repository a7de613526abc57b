/* The app driven through real SDL events (pushed onto SDL's queue and read back by
 * the same event loop the window uses), with real GL through the offscreen driver:
 * slider drags, map clicks, keys, typing a formula, the screenshot shortcut. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "files.h"
#include "decode.h"
#include "platform.h"
#include "log.h"
#include "sdl_events.h"
#include "ticks.h"

#include <SDL2/SDL.h>
#include <stdlib.h>
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
    for (int i = 0; i < 80; i++)
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
    /* fix it: a valid formula replaces the surface and keeps the runs */
    edit_formula(&x, &y, &w, &h);
    text("x^2 + 3*y^2");
    key(SDLK_RETURN, 0);
    CHECK(a->side.expr_error[0] == '\0');
    CHECK(a->scene.surface.builtin == SURFACE_EXPR);
    CHECK_REL(surface_value(&a->scene.surface, 1, 1), 4.0, 0);
    CHECK(a->scene.n_runs == 4);
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

/* The surface menu: another surface, with its own default scene. */
static void test_surface_menu(void)
{
    App *a = &sh.app;
    click(ui_id_path("side/surface-menu"));
    CHECK(a->side.surface_menu);
    click(ui_id_path("side/surface/himmelblau"));
    CHECK_STR(a->scene.surface.name, "himmelblau");
    CHECK(!a->side.surface_menu && a->scene.n_runs == 4);
    CHECK(a->scene.start[0] == a->scene.surface.start[0]);
    /* the formula field now holds its formula, ready to edit */
    CHECK(strstr(a->side.expr_text, "(x^2 + y - 11)^2") != NULL);
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
    /* left: the whole formula, wrapped, every line inside the field */
    key(SDLK_ESCAPE, 0);
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

static void test_screenshot(const char *dir)
{
    App *a = &sh.app;
    key(SDLK_s, KMOD_LCTRL);
    CHECK_MSG(strstr(a->message, "Saved") != NULL, "%s", a->message);
    char *path = strstr(a->message, dir);
    CHECK(path != NULL);
    if (!path)
        return;
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    unsigned char head[24];
    CHECK(fread(head, 1, 24, f) == 24);
    fclose(f);
    CHECK(memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0);
    unsigned pw = (unsigned)head[16] << 24 | (unsigned)head[17] << 16 | (unsigned)head[18] << 8 | head[19];
    unsigned ph = (unsigned)head[20] << 24 | (unsigned)head[21] << 16 | (unsigned)head[22] << 8 | head[23];
    CHECK((int)pw == a->frame.w && (int)ph == a->frame.h);
    remove(path);
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
    /* the pictures' part of the window: all but the side panel and the bar */
    const Panel *side = frame_panel(&a->frame, &panel_side), *bar_panel = frame_panel(&a->frame, &panel_bar);
    int mw = (int)(a->frame.w - side->w) & ~1, mh = (int)(a->frame.h - bar_panel->h) & ~1;
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
    CHECK_MSG(a->maps.kind == MAPS_HYPER && a->maps.fine && a->maps.nx == 48, "kind %d fine %d n %d", a->maps.kind,
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
    float cx = img->x + img->w * (ci + 0.5f) / 48, cy = img->y + img->h * (1.0f - (cj + 0.5f) / 48);
    Run *r = &a->scene.run[a->maps.run];
    mouse(SDL_MOUSEMOTION, cx, cy);
    CHECK(a->maps.hover == cj * 48 + ci);
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
        mouse(SDL_MOUSEMOTION, img->x - 1.2f * fs, img->y + 0.5f * img->h);
        mouse(SDL_MOUSEBUTTONDOWN, img->x - 1.2f * fs, img->y + 0.5f * img->h);
        mouse(SDL_MOUSEBUTTONUP, img->x - 1.2f * fs, img->y + 0.5f * img->h);
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
    double loss = a->scene.run[1].traj[k].loss;
    snprintf(want_run, sizeof want_run, fabs(loss) < 1e-3 || fabs(loss) >= 1e5 ? "%s  %.3e" : "%s  %.5g",
             a->scene.run[1].label, loss);
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
    key(SDLK_ESCAPE, 0);
    CHECK(sh.app.want_quit);
    shell_free(&sh);
    rmdir(dir);
    return check_done("test_app");
}
