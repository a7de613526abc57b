/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The UI storm: the real app (SDL offscreen driver, real GL) driven by a long,
 * seeded, reproducible stream of random SDL events: mouse moves, clicks and drags
 * anywhere and aimed at every placed widget, the wheel, every key the app handles
 * (with and without Ctrl), text typed into every field (numbers such as 1e308, -0,
 * nan, inf, formulas, random printable and UTF-8 text), window resizes from 1x1 to
 * 8000x8000, minimise and restore. One frame every few events, dt = 1/60.
 *
 * Checked after every frame: no hyperparameter outside its valid range, steps and
 * the revealed step in range, the view finite and ordered, no NaN or infinity in
 * the draw list (coordinates, sizes, views). Every 64 frames and at the end: every
 * drawn trajectory point finite. At the end: a frame still renders and a PNG can be
 * written.
 *
 * GS_STORM_EVENTS (default GS_STORM_DEFAULT_EVENTS) sets the length, GS_STORM_SEED
 * the seed; a failure prints the event and frame numbers to reproduce it. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "platform.h"

#include <SDL2/SDL.h>
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef GS_STORM_DEFAULT_EVENTS
#define GS_STORM_DEFAULT_EVENTS 100000
#endif
/* Keeps one frame's simulation small: the steps slider reaches 100,000 and 16 runs
 * with bundles of 32 at that length would make the storm minutes long. */
#define STORM_MAX_STEPS 1000

static Shell sh;
static uint64_t rng_state;
static long n_events, n_frames, n_pending, n_quit_swallowed, n_steps_capped, n_resizes, n_minimized;
static long n_typed, n_widget_aims, n_saves, n_exports;
static int win_w = 640, win_h = 360;
static int big_frames_left; /* frames left at a large size before the storm shrinks it */
static int failed_at_frame = -1;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static int rn(int n) { return (int)(rnd() % (uint64_t)n); }
static int chance(int percent) { return rn(1000) < percent * 10; }
static float rf(float lo, float hi) { return lo + (hi - lo) * (float)(rnd() >> 40) / (float)(1 << 24); }

/* ---- invariants ------------------------------------------------------------ */

static int finite_f(float v) { return isfinite(v); }
static int view_ok(MapView v)
{
    return isfinite(v.x0) && isfinite(v.x1) && isfinite(v.y0) && isfinite(v.y1) && v.x0 < v.x1 && v.y0 < v.y1;
}

static void check_state(int full)
{
    const App *a = &sh.app;
    const Scene *sc = &a->scene;
    int before = check_failures;
    CHECK(sc->n_runs >= 0 && sc->n_runs <= SCENE_MAX_RUNS);
    CHECK(sc->steps >= 0 && sc->steps <= SCENE_MAX_STEPS);
    CHECK_MSG(a->t >= 0 && a->t <= sc->steps, "t = %g, steps %d", a->t, sc->steps);
    CHECK_MSG(isfinite(a->speed) && a->speed >= 1 && a->speed <= 1e6, "speed = %g", a->speed);
    CHECK_MSG(view_ok(a->view), "view %g %g %g %g", a->view.x0, a->view.x1, a->view.y0, a->view.y1);
    CHECK(isfinite(sc->start[0]) && isfinite(sc->start[1]));
    CHECK(isfinite(sc->noise) && sc->noise >= 0);
    for (int m = 0; m < sc->surface.n_minima; m++)
        CHECK_MSG(isfinite(sc->surface.minima[m][0]) && isfinite(sc->surface.minima[m][1]), "minimum %d (%g, %g) of %s",
                  m, sc->surface.minima[m][0], sc->surface.minima[m][1], sc->surface.name);
    if (sc->surface.builtin >= 0) {
        const SurfaceInfo *in = surface_info(sc->surface.builtin);
        for (int p = 0; p < in->n_params; p++)
            CHECK_MSG(sc->surface.param[p] >= in->param[p].lo && sc->surface.param[p] <= in->param[p].hi,
                      "%s %s = %g outside [%g, %g]", in->name, in->param[p].name, sc->surface.param[p],
                      in->param[p].lo, in->param[p].hi);
    }
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        for (int k = 0; k < HP_COUNT; k++)
            if (optim_uses(r->kind, (HyperKey)k))
                CHECK_MSG(optim_hyper_valid((HyperKey)k, r->hp[k]), "run %d %s = %g", i, optim_hyper((HyperKey)k)->name,
                          r->hp[k]);
        CHECK_MSG(r->n >= 0 && r->n <= sc->steps + 1 && r->n <= r->cap, "run %d n %d steps %d cap %d", i, r->n,
                  sc->steps, r->cap);
        CHECK(r->bundle >= 0 && r->bundle <= SCENE_MAX_BUNDLE);
        for (int k = 0; k < SK_COUNT; k++)
            CHECK_MSG(!isnan(r->sched.v[k]), "run %d schedule key %d is NaN", i, k);
        if (!full)
            continue;
        for (int j = 0; j < r->n; j++) {
            const TrajPoint *q = &r->traj[j];
            if (!(isfinite(q->x) && isfinite(q->y) && isfinite(q->loss) && isfinite(q->gx) && isfinite(q->gy) &&
                  isfinite(q->lr))) {
                CHECK_MSG(0, "run %d point %d of %d not finite", i, j, r->n);
                break;
            }
        }
        int members = sc->noise > 0 && r->bundle > 1 ? r->bundle - 1 : 0;
        for (int m = 0; m < members && m < r->bundle_cap; m++)
            for (int j = 0; j < r->bundle_n[m]; j++) {
                const TrajPoint *q = r->bundle_traj + (size_t)m * (size_t)r->cap + j;
                if (!(isfinite(q->x) && isfinite(q->y))) {
                    CHECK_MSG(0, "run %d bundle %d point %d not finite", i, m, j);
                    break;
                }
            }
    }
    /* the frame: every command's geometry finite */
    const DrawList *dl = &sh.dl;
    CHECK_MSG(dl->dropped == 0, "%d draw commands dropped", dl->dropped);
    CHECK(dl->n >= 0 && dl->n <= dl->cap);
    for (int c = 0; c < dl->n; c++) {
        const DrawCmd *d = &dl->cmd[c];
        int ok = finite_f(d->x) && finite_f(d->y) && finite_f(d->w) && finite_f(d->h) && finite_f(d->x2) &&
                 finite_f(d->y2) && finite_f(d->r);
        if (d->kind == DRAW_FIELD || d->kind == DRAW_PATH)
            ok = ok && view_ok(d->view);
        if (d->kind == DRAW_PATH)
            ok = ok && d->n >= 0 && d->points != NULL;
        if (!ok) {
            CHECK_MSG(0, "draw command %d (kind %d) not finite: %g %g %g %g %g %g %g view %g %g %g %g", c, d->kind,
                      d->x, d->y, d->w, d->h, d->x2, d->y2, d->r, d->view.x0, d->view.x1, d->view.y0, d->view.y1);
            break;
        }
    }
    if (check_failures > before && failed_at_frame < 0) {
        failed_at_frame = (int)n_frames;
        fprintf(stderr, "test_storm: first failure after event %ld, frame %ld (window %dx%d)\n", n_events, n_frames,
                win_w, win_h);
    }
}

/* ---- events ---------------------------------------------------------------- */

static void frame(void)
{
    shell_frame(&sh, 1.0 / 60.0);
    n_frames++;
    n_pending = 0;
    if (sh.app.want_quit)
        n_quit_swallowed++;
    sh.app.want_quit = 0; /* Esc quits; the storm goes on */
    /* keep each frame's simulation bounded (see STORM_MAX_STEPS) */
    if (sh.app.scene.steps > STORM_MAX_STEPS) {
        if (scene_set_steps(&sh.app.scene, 100 + rn(STORM_MAX_STEPS - 100)) == 0)
            app_resimulate(&sh.app);
        n_steps_capped++;
    }
    check_state((n_frames & 63) == 0);
    /* llvmpipe draws on the CPU: a few frames at a large size, then back to small */
    if (big_frames_left > 0 && --big_frames_left == 0) {
        win_w = 320 + rn(640), win_h = 200 + rn(400);
        SDL_SetWindowSize(sh.gl.window, win_w, win_h);
        n_resizes++;
    }
}

static void push(SDL_Event *e)
{
    e->common.timestamp = SDL_GetTicks();
    if (SDL_PushEvent(e) < 0)
        fprintf(stderr, "test_storm: SDL_PushEvent: %s\n", SDL_GetError());
    n_events++;
    if (++n_pending >= 4)
        frame();
}

/* a frame now, so that what was pushed takes effect before what follows */
static void flush(void)
{
    if (n_pending)
        frame();
}

static int mouse_held;
static float mx, my;

static void motion(float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = (Sint32)x, e.motion.y = (Sint32)y;
    e.motion.xrel = (Sint32)(x - mx), e.motion.yrel = (Sint32)(y - my);
    e.motion.state = mouse_held ? SDL_BUTTON_LMASK : 0;
    mx = x, my = y;
    push(&e);
}

static void button(int down, int which, int clicks)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.button = (Uint8)which;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = (Uint8)clicks;
    e.button.x = (Sint32)mx, e.button.y = (Sint32)my;
    if (which == SDL_BUTTON_LEFT)
        mouse_held = down;
    push(&e);
}

static void wheel(int notches, float precise)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = notches;
    e.wheel.preciseY = precise;
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    push(&e);
}

static void key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = (Uint8)chance(10);
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    push(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    push(&e);
}

static void text(const char *s)
{
    /* SDL splits long text into events of at most 31 bytes */
    size_t n = strlen(s);
    size_t chunk = sizeof ((SDL_TextInputEvent *)0)->text - 1;
    size_t i = 0;
    do {
        size_t m = n - i < chunk ? n - i : chunk;
        while (m > 0 && i + m < n && ((unsigned char)s[i + m] & 0xC0) == 0x80)
            m--; /* never cut a UTF-8 sequence */
        if (m == 0)
            m = n - i < chunk ? n - i : chunk;
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, s + i, m);
        push(&e);
        i += m;
    } while (i < n);
    n_typed++;
}

/* ---- what to type ---------------------------------------------------------- */

static const char *const NUMBERS[] = {
    "1e308", "-1e308", "-0", "0", "nan", "inf", "-inf", "NaN", "1e-308", "4.9e-324", "2.2250738585072014e-308",
    "0.5", "-3", "1e6", "1e9", "999999999999", "0x1p-1074", "  7", "1,5", "", "abc", "1e", "0.999999999999",
    "1", "0.9", "1e-8", "100000", "-1", "3", "12", "1e-300", "0.0001", "5e-324", "1e400", "+2", ".5", "7.",
};
static const char *const FORMULAS[] = {
    "x^2+y^2", "(1-x)^2+100*(y-x^2)^2", "sin(x)*cos(y)", "exp(x^2)", "exp(exp(x))", "log(x)", "sqrt(-1)", "1/0",
    "0/0", "x^64", "x^-64", "((((", "x+", "x/y", "tan(x*y)", "abs(x)+abs(y)", "1e308*x*x", "x^2 + *y", "pi*e",
    "tanh(x)^0.5", "-x", "y", "0", "x^2^2^2", "(x-1)^64+(y+1)^63", "log(0)", "sqrt(x)*sqrt(y)",
};

static void random_text(char *out, size_t cap)
{
    static const char *const UTF8[] = {"\xce\xb2", "\xe2\x88\x87", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xe2\x80\x8b"};
    size_t len = 0;
    int n = rn(40);
    out[0] = '\0';
    for (int i = 0; i < n && len + 5 < cap; i++) {
        if (chance(10)) {
            const char *u = UTF8[rn(5)];
            size_t m = strlen(u);
            memcpy(out + len, u, m);
            len += m;
        } else {
            out[len++] = (char)(0x20 + rn(0x5f));
        }
    }
    out[len] = '\0';
}

static void type_something(void)
{
    char buf[256];
    int kind = rn(10);
    if (kind < 5)
        snprintf(buf, sizeof buf, "%s", NUMBERS[rn((int)(sizeof NUMBERS / sizeof NUMBERS[0]))]);
    else if (kind < 8)
        snprintf(buf, sizeof buf, "%s", FORMULAS[rn((int)(sizeof FORMULAS / sizeof FORMULAS[0]))]);
    else
        random_text(buf, sizeof buf);
    if (chance(30)) /* a long one, past the fields' capacity */
        for (size_t len = strlen(buf); len < 200; len = strlen(buf))
            snprintf(buf + len, sizeof buf - len, "+x");
    text(buf);
}

/* ---- gestures -------------------------------------------------------------- */

/* A random point in a random widget placed last frame (or anywhere). */
static void aim(float *x, float *y)
{
    const UiContext *ui = &sh.app.ui;
    if (ui->n_placed > 0 && chance(70)) {
        int i = rn(ui->n_placed);
        *x = ui->placed[i].x + rf(0.05f, 0.95f) * ui->placed[i].w;
        *y = ui->placed[i].y + rf(0.1f, 0.9f) * ui->placed[i].h;
        n_widget_aims++;
    } else {
        *x = rf(-20.0f, (float)win_w + 20.0f);
        *y = rf(-20.0f, (float)win_h + 20.0f);
    }
}

static void gesture_click(void)
{
    float x, y;
    aim(&x, &y);
    motion(x, y);
    int which = chance(90) ? SDL_BUTTON_LEFT : (chance(50) ? SDL_BUTTON_RIGHT : SDL_BUTTON_MIDDLE);
    int clicks = chance(15) ? 2 : 1;
    button(1, which, clicks);
    if (chance(50))
        flush();
    button(0, which, clicks);
}

static void gesture_drag(void)
{
    float x, y;
    aim(&x, &y);
    motion(x, y);
    button(1, SDL_BUTTON_LEFT, 1);
    flush();
    int n = 1 + rn(12);
    for (int i = 0; i < n; i++) {
        x += rf(-200, 200), y += rf(-60, 60);
        if (chance(5))
            x = rf(-5000, 5000), y = rf(-5000, 5000); /* far outside the window */
        motion(x, y);
    }
    if (chance(95))
        button(0, SDL_BUTTON_LEFT, 1);
}

/* Click a field (a slider's value box, the formula box, or anything), edit, submit
 * or cancel. */
static void gesture_type(void)
{
    const UiContext *ui = &sh.app.ui;
    float x, y;
    if (ui->n_placed > 0) {
        /* value boxes are the right 27% of a slider; the formula box is a wide field */
        int i = rn(ui->n_placed);
        float fx = chance(60) ? rf(0.78f, 0.98f) : rf(0.02f, 0.98f);
        x = ui->placed[i].x + fx * ui->placed[i].w;
        y = ui->placed[i].y + 0.5f * ui->placed[i].h;
        n_widget_aims++;
    } else {
        aim(&x, &y);
    }
    motion(x, y);
    button(1, SDL_BUTTON_LEFT, 1);
    button(0, SDL_BUTTON_LEFT, 1);
    flush();
    int erase = rn(3) == 0 ? 0 : rn(140);
    for (int i = 0; i < erase; i += 1 + rn(4))
        key(chance(80) ? SDLK_BACKSPACE : SDLK_DELETE, 0);
    type_something();
    int end = rn(10);
    if (end < 7)
        key(chance(80) ? SDLK_RETURN : SDLK_KP_ENTER, 0);
    else if (end < 9)
        key(SDLK_ESCAPE, 0);
}

static const SDL_Keycode KEYS[] = {
    SDLK_SPACE, SDLK_LEFT, SDLK_RIGHT, SDLK_UP, SDLK_DOWN, SDLK_HOME, SDLK_END, SDLK_r, SDLK_g, SDLK_v,
    SDLK_PLUS, SDLK_EQUALS, SDLK_KP_PLUS, SDLK_MINUS, SDLK_KP_MINUS, SDLK_F1, SDLK_ESCAPE, SDLK_BACKSPACE,
    SDLK_DELETE, SDLK_RETURN, SDLK_TAB, SDLK_h, SDLK_a, SDLK_0, SDLK_x, SDLK_F5, SDLK_i, SDLK_u, SDLK_o, SDLK_c,
    SDLK_e, SDLK_3, SDLK_b, SDLK_z, SDLK_y,
};

static void gesture_key(void)
{
    if (chance(30)) {
        /* arrows over a slider nudge it */
        float x, y;
        aim(&x, &y);
        motion(x, y);
    }
    Uint16 mod = 0;
    if (chance(8))
        mod |= KMOD_LCTRL;
    if (chance(8))
        mod |= KMOD_LSHIFT;
    SDL_Keycode k = KEYS[rn((int)(sizeof KEYS / sizeof KEYS[0]))];
    if ((mod & KMOD_CTRL) && k == SDLK_s)
        k = SDLK_0;
    if ((k == SDLK_z || k == SDLK_y) && chance(60)) /* undo and redo, often */
        mod |= KMOD_LCTRL;
    key(k, mod);
}

static void gesture_wheel(void)
{
    float x, y;
    aim(&x, &y);
    motion(x, y);
    int n = 1 + rn(4);
    for (int i = 0; i < n; i++) {
        if (chance(30))
            wheel(0, rf(-3.5f, 3.5f));
        else
            wheel(rn(2) ? 1 + rn(3) : -1 - rn(3), 0.0f);
    }
}

static void gesture_resize(void)
{
    static const int SIZES[][2] = {{1, 1},     {2, 50},    {50, 2},     {3, 3},      {120, 90},   {320, 240},
                                   {640, 360}, {800, 600}, {1280, 720}, {1600, 900}, {1920, 1080}, {700, 1400},
                                   {2560, 1440}, {4000, 300}, {8000, 8000}};
    int n = (int)(sizeof SIZES / sizeof SIZES[0]);
    int i = rn(n);
    if (i == n - 1 && !chance(10)) /* the huge one, rarely: llvmpipe draws it on the CPU */
        i = rn(n - 1);
    win_w = SIZES[i][0], win_h = SIZES[i][1];
    SDL_SetWindowSize(sh.gl.window, win_w, win_h);
    SDL_GetWindowSize(sh.gl.window, &win_w, &win_h);
    if ((long)win_w * win_h > 1000000)
        big_frames_left = 2 + rn(8);
    n_resizes++;
    n_events++;
    flush();
    frame();
}

static void gesture_minimise(void)
{
    SDL_MinimizeWindow(sh.gl.window);
    n_events++;
    frame();
    if (SDL_GetWindowFlags(sh.gl.window) & SDL_WINDOW_MINIMIZED)
        n_minimized++;
    if (chance(50))
        gesture_click(); /* events while minimised */
    SDL_RestoreWindow(sh.gl.window);
    n_events++;
    frame();
}

static void gesture_save(void)
{
    if (chance(40)) { /* an animation export, which the events that follow may cancel */
        key(SDLK_e, KMOD_LCTRL | (rn(2) ? KMOD_LSHIFT : 0));
        n_exports++;
        return;
    }
    key(SDLK_s, KMOD_LCTRL);
    flush();
    n_saves++;
}

/* ---- main ------------------------------------------------------------------- */

static long env_long(const char *name, long def)
{
    const char *s = getenv(name);
    return s && *s ? strtol(s, NULL, 10) : def;
}

/* Files whose name is a temporary one (a write neither finished nor cleaned up). */
static int tmp_files(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *ent; d && (ent = readdir(d));)
        n += strncmp(ent->d_name, ".gradscape-", 11) == 0;
    if (d)
        closedir(d);
    return n;
}

static int remove_dir_files(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *ent;
    char path[1200];
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        if (remove(path) == 0)
            n++;
    }
    closedir(d);
    return n;
}

int main(void)
{
    long total = env_long("GS_STORM_EVENTS", GS_STORM_DEFAULT_EVENTS);
    rng_state = (uint64_t)env_long("GS_STORM_SEED", 1);
    char dir[] = "/tmp/gs-test-storm-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char size[32];
    snprintf(size, sizeof size, "%dx%d", win_w, win_h);
    /* exports of 6 frames: many of them start, finish or are cancelled */
    char *argv[] = {"gradscape", "--size", size, "--out-dir", dir, "--frames", "6"};
    Config cfg;
    char err[600];
    CHECK(spec_parse_args(7, argv, &cfg, err, sizeof err) == 0);
    int is_input;
    if (shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    frame();
    while (n_events < total) {
        int g = rn(1000);
        if (g < 300)
            motion(rf(-20.0f, (float)win_w + 20.0f), rf(-20.0f, (float)win_h + 20.0f));
        else if (g < 480)
            gesture_click();
        else if (g < 580)
            gesture_drag();
        else if (g < 680)
            gesture_wheel();
        else if (g < 850)
            gesture_key();
        else if (g < 990)
            gesture_type();
        else if (g < 996)
            gesture_resize();
        else if (g < 999)
            gesture_minimise();
        else
            gesture_save();
        if (failed_at_frame >= 0 && check_failures > 20)
            break;
    }
    /* the end: restore a normal window and render a final frame and a PNG */
    if (mouse_held)
        button(0, SDL_BUTTON_LEFT, 1);
    SDL_RestoreWindow(sh.gl.window);
    SDL_SetWindowSize(sh.gl.window, 800, 600);
    win_w = 800, win_h = 600;
    flush();
    for (int i = 0; i < 100 && sh.app.anim; i++) /* an export still running ends */
        frame();
    CHECK(sh.app.anim == NULL);
    frame();
    frame();
    check_state(1);
    CHECK(sh.app.frame.w == 800 && sh.app.frame.h == 600);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    char png[1200];
    snprintf(png, sizeof png, "%s/final.png", dir);
    CHECK_MSG(app_write_png(&sh.app, png, 640, 360, err, sizeof err) == 0, "%s", err);
    struct stat st;
    CHECK(stat(png, &st) == 0 && st.st_size > 1000);
    FILE *f = fopen(png, "rb");
    unsigned char head[24] = {0};
    if (f) {
        CHECK(fread(head, 1, 24, f) == 24);
        fclose(f);
    }
    CHECK(memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0);
    CHECK(head[16] == 0 && head[17] == 0 && head[18] == 640 >> 8 && head[19] == (640 & 255));
    CHECK_MSG(tmp_files(dir) == 0, "a temporary file was left in %s", dir);
    int files = remove_dir_files(dir) - 1;
    rmdir(dir);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("test_storm: seed %ld, %ld events, %ld frames in %.1f s (%.0f frames/s); %ld aimed at widgets, %ld texts "
           "typed, %ld resizes, %ld minimised, %ld Ctrl+S and %ld exports (%d files), %ld quits swallowed, steps capped %ld times; "
           "final scene: %d runs, %d steps, surface %s\n",
           env_long("GS_STORM_SEED", 1), n_events, n_frames, secs, (double)n_frames / secs, n_widget_aims, n_typed,
           n_resizes, n_minimized, n_saves, n_exports, files, n_quit_swallowed, n_steps_capped, sh.app.scene.n_runs,
           sh.app.scene.steps, sh.app.scene.surface.name);
    shell_free(&sh);
    return check_done("test_storm");
}
