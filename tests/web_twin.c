/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* web_twin: the desktop program's side of the browser test (test_web.py). It opens
 * the window (SDL's offscreen driver) with the options the page gets from its URL,
 * and goes through the browser test's script with real SDL events: nothing, a drag
 * of run 0's lr slider, the G key. After each it writes the window's pixels and
 * the picture (the PNG that Ctrl+S saves) to OUTDIR/window{0,1,2}.png and
 * picture{0,1,2}.png, and prints, as JSON, where the slider is and what each
 * run's colour and lr is. The browser must show the same, from the same events.
 *
 * With --keys K (letters, each a key pressed in turn), it presses those instead,
 * waits for a map they ask for to be finished, and writes window0.png and
 * picture0.png only. With --phone, fingers (SDL's touch events) on a phone-sized
 * window: it prints the touch events for the page to replay (phone()). With
 * --touch, the script's drag is a finger's.
 *
 * usage: web_twin [--keys K | --phone | --touch] OUTDIR WxH [gradscape options...] */
#define _POSIX_C_SOURCE 200809L
#include "glapi.h"
#include "lang.h"
#include "media.h"
#include "panel.h"
#include "platform.h"
#include "sdl_events.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static Shell sh;
static const char *outdir;
static int win_w, win_h;

static void frame(void) { shell_frame(&sh, 1.0 / 60.0); }

static void push(SDL_Event e)
{
    SDL_PushEvent(&e);
    frame();
}

/* The window as the last frame drew it (drawn again, without a swap, to read it) and
 * the picture. Returns 0 or -1. */
static int snap(int k)
{
    char path[1200], err[1400];
    shell_step(&sh, 0.0, win_w, win_h);
    unsigned char *px = malloc((size_t)win_w * (size_t)win_h * 4);
    if (!px)
        return -1;
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, win_w, win_h, GL_RGBA, GL_UNSIGNED_BYTE, px);
    snprintf(path, sizeof path, "%s/window%d.png", outdir, k);
    int rc = media_png_write(path, win_w, win_h, px, win_w * 4, 1, err, sizeof err);
    free(px);
    snprintf(path, sizeof path, "%s/picture%d.png", outdir, k);
    if (rc == 0)
        rc = app_write_window_png(&sh.app, path, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "web_twin: %s\n", err);
    return rc;
}

/* --keys: each letter pressed, a few frames apart; then until a map asked for
 * is finished (its fine pass, computed in the background here). */
static int tour(const char *keys)
{
    App *a = &sh.app;
    for (const char *k = keys; *k; k++) {
        push(ev_key((SDL_Keycode)*k, 0));
        for (int i = 0; i < 3; i++)
            frame();
    }
    Uint32 t0 = SDL_GetTicks();
    while (a->maps.want != MAPS_NONE && !(a->maps.kind == a->maps.want && a->maps.fine && !a->maps.job) &&
           SDL_GetTicks() - t0 < 120000) {
        frame();
        SDL_Delay(10);
    }
    frame();
    int rc = snap(0);
    printf("{}\n");
    shell_free(&sh);
    return rc ? 1 : 0;
}

/* ---- fingers: SDL's touch events, and the same for the page (as JSON) ---------- */

static int events_out, print_events;

/* A touch event: on the desktop through SDL; printed for the page to replay with
 * Input.dispatchTouchEvent (the fingers down after it, in CSS pixels). */
static void touch(const char *kind, int n, const float *fx, const float *fy, const int *ids, Uint32 type, int changed)
{
    /* whole pixels: a page's touch points are (EmscriptenTouchPoint's clientX) */
    float x[2] = {roundf(fx[0]), n > 1 ? roundf(fx[1]) : 0}, y[2] = {roundf(fy[0]), n > 1 ? roundf(fy[1]) : 0};
    if (print_events) {
        printf("%s{\"type\": \"%s\", \"points\": [", events_out++ ? ", " : "", kind);
        for (int i = 0, k = 0; i < n; i++)
            if (type != SDL_FINGERUP || i != changed)
                printf("%s{\"x\": %g, \"y\": %g, \"id\": %d}", k++ ? ", " : "", x[i], y[i], ids[i]);
        printf("]}");
    }
    push(ev_finger(type, ids[changed], x[changed], y[changed], win_w, win_h));
}

/* One finger from (xa, ya) to (xb, yb) in `moves` steps (0: a tap). */
static void finger_drag(float xa, float ya, float xb, float yb, int moves)
{
    static const int id[1] = {0};
    float x = xa, y = ya;
    touch("touchStart", 1, &x, &y, id, SDL_FINGERDOWN, 0);
    for (int i = 1; i <= moves; i++) {
        x = xa + (xb - xa) * (float)i / (float)moves, y = ya + (yb - ya) * (float)i / (float)moves;
        touch("touchMove", 1, &x, &y, id, SDL_FINGERMOTION, 0);
    }
    touch("touchEnd", 1, &x, &y, id, SDL_FINGERUP, 0);
    frame();
}

/* Two fingers about (cx, cy), `d0` px apart across, spreading to `d1` while their
 * centre moves by (dx, dy), in `moves` steps. */
static void two_fingers(float cx, float cy, float d0, float d1, float dx, float dy, int moves)
{
    static const int ids[2] = {1, 2};
    float x[2] = {cx - d0 / 2, cx + d0 / 2}, y[2] = {cy, cy};
    touch("touchStart", 1, x, y, ids, SDL_FINGERDOWN, 0);
    touch("touchStart", 2, x, y, ids, SDL_FINGERDOWN, 1);
    for (int i = 1; i <= moves; i++) {
        /* one finger, then the other: the page gets the same events, a point at a time */
        float t = (float)i / (float)moves, d = d0 + (d1 - d0) * t;
        for (int k = 0; k < 2; k++) {
            x[k] = cx + dx * t + (k ? d / 2 : -d / 2), y[k] = cy + dy * t;
            touch("touchMove", 2, x, y, ids, SDL_FINGERMOTION, k);
        }
    }
    touch("touchEnd", 2, x, y, ids, SDL_FINGERUP, 1);
    touch("touchEnd", 1, x, y, ids, SDL_FINGERUP, 0);
    frame();
}

/* --phone: a finger on the bar's margin (the controls turn touch-sized), a tap on
 * the map (the start), a pinch and a two-finger pan on it, a tap on the drawer's
 * button, the drawer scrolled by a finger until run 0's lr slider shows, and that
 * slider dragged; then the End key. Writes window0.png and picture0.png; prints the
 * touch events and the run's lr. */
static int phone(void)
{
    App *a = &sh.app;
    print_events = 1;
    printf("{\"events\": [");
    const Panel *bar = frame_panel(&a->frame, &panel_bar);
    finger_drag(3, bar->y + 3, 3, bar->y + 3, 0);
    frame();
    const Panel *m = frame_panel(&a->frame, &panel_map);
    float cx = (float)(int)(m->x + 0.5f * m->w), cy = (float)(int)(m->y + 0.5f * m->h);
    finger_drag(cx, (float)(int)(m->y + 0.8f * m->h), cx, (float)(int)(m->y + 0.8f * m->h), 0);
    two_fingers(cx, cy, 60, 120, 0, 0, 4);
    two_fingers(cx, cy, 60, 60, 40, -30, 4);
    float x, y, w, h;
    int ok = ui_find(&a->ui, ui_id_path("bar/menu"), &x, &y, &w, &h);
    if (ok)
        finger_drag((float)(int)(x + w / 2), (float)(int)(y + h / 2), (float)(int)(x + w / 2), (float)(int)(y + h / 2),
                    0);
    frame();
    const Panel *side = frame_panel(&a->frame, &panel_side);
    for (int i = 0; ok && side && i < 12 && ui_find(&a->ui, ui_id_path("side/run/0/lr"), &x, &y, &w, &h) &&
                    y + h > side->y + side->h;
         i++) {
        finger_drag(side->x + 6, side->y + side->h - 10, side->x + 6, side->y + side->h - 100, 3);
        side = frame_panel(&a->frame, &panel_side);
    }
    ok = ok && side && ui_find(&a->ui, ui_id_path("side/run/0/lr"), &x, &y, &w, &h) && y + h <= side->y + side->h;
    if (ok)
        finger_drag((float)(int)(x + 0.2f * w), (float)(int)(y + h / 2), (float)(int)(x + 0.35f * w),
                    (float)(int)(y + h / 2), 3); /* to an lr at which it still converges */
    /* then End: the last step, the same on the page whatever its clock did meanwhile */
    push(ev_key(SDLK_END, 0));
    for (int i = 0; i < 40; i++)
        frame();
    int rc = snap(0);
    printf("], \"lr\": %.17g, \"start\": [%.17g, %.17g], \"drawer\": %d, \"touch\": %d, \"selected\": %d, "
           "\"message\": \"%s\", \"view\": [%.17g, %.17g, %.17g, %.17g]}\n",
           a->scene.run[0].hp[HP_LR], a->scene.start[0], a->scene.start[1], a->drawer, a->touch, a->selected,
           a->message, a->view.x0, a->view.x1, a->view.y0, a->view.y1);
    shell_free(&sh);
    if (!ok)
        fprintf(stderr, "web_twin: the drawer's run 0 lr slider was not reached\n");
    return rc || !ok ? 1 : 0;
}

int main(int argc, char **argv)
{
    const char *keys = NULL;
    int phone_tour = 0, by_touch = 0;
    if (argc > 2 && strcmp(argv[1], "--keys") == 0)
        keys = argv[2], argc -= 2, argv += 2;
    if (argc > 1 && strcmp(argv[1], "--phone") == 0)
        phone_tour = 1, argc--, argv++;
    if (argc > 1 && strcmp(argv[1], "--touch") == 0)
        by_touch = 1, argc--, argv++;
    if (argc < 3 || sscanf(argv[2], "%dx%d", &win_w, &win_h) != 2) {
        fprintf(stderr, "usage: web_twin [--keys K | --phone | --touch] OUTDIR WxH [gradscape options...]\n");
        return 2;
    }
    outdir = argv[1];
    char *args[64] = {"gradscape", "--size", argv[2]};
    int n = 3;
    for (int i = 3; i < argc && n < 64; i++)
        args[n++] = argv[i];
    Config cfg;
    char err[600];
    int is_input;
    /* the build's catalogs, for --lang (as the program's main does) */
    char exe[4096];
    ssize_t exe_n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[exe_n > 0 ? exe_n : 0] = 0;
    lang_bind_near(exe);
    lang_set("en", err, sizeof err);
    if (spec_parse_args(n, args, &cfg, err, sizeof err) != 0 || (cfg.lang[0] && lang_set(cfg.lang, err, sizeof err)) ||
        shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "web_twin: %s\n", err);
        return 1;
    }
    for (int i = 0; i < 3; i++)
        frame();
    if (keys)
        return tour(keys);
    if (phone_tour)
        return phone();
    App *a = &sh.app;
    float x, y, w, h;
    if (!ui_find(&a->ui, ui_id_path("side/run/0/lr"), &x, &y, &w, &h)) {
        fprintf(stderr, "web_twin: run 0's lr slider is not in the window\n");
        return 1;
    }
    int rc = snap(0);
    double lr0 = a->scene.run[0].hp[HP_LR];
    /* the drag, one event a frame, at even pixels: whole CSS pixels at a device
     * pixel ratio of 1 or 2, as a browser delivers them */
    float y0 = 2.0f * (float)(int)((y + h / 2) / 2), xa = 2.0f * (float)(int)((x + 0.2f * w) / 2),
          xb = 2.0f * (float)(int)((x + 0.6f * w) / 2);
    if (by_touch) { /* the same drag by a finger: the controls turn touch-sized after it */
        finger_drag(xa, y0, xb, y0, 2);
    } else {
        push(ev_mouse(SDL_MOUSEMOTION, xa, y0));
        push(ev_mouse(SDL_MOUSEBUTTONDOWN, xa, y0));
        push(ev_mouse(SDL_MOUSEMOTION, (xa + xb) / 2, y0));
        push(ev_mouse(SDL_MOUSEMOTION, xb, y0));
        push(ev_mouse(SDL_MOUSEBUTTONUP, xb, y0));
    }
    /* past the half second in which the changed curve is drawn live and the plot
     * keeps its range (test_web.py waits as long) */
    for (int i = 0; i < 40; i++)
        frame();
    rc |= snap(1);
    double lr1 = a->scene.run[0].hp[HP_LR];
    push(ev_key(SDLK_g, 0));
    frame();
    rc |= snap(2);
    printf("{\"drag\": [%g, %g, %g], \"lr\": [%.17g, %.17g], \"layout\": %d, \"runs\": [", xa, xb, y0, lr0, lr1,
           (int)a->layout);
    for (int i = 0; i < a->scene.n_runs; i++) {
        unsigned c = scene_palette(a->scene.run[i].colour);
        printf("%s{\"label\": \"%s\", \"rgb\": [%u, %u, %u]}", i ? ", " : "", a->scene.run[i].label,
               (c >> 16) & 255u, (c >> 8) & 255u, c & 255u);
    }
    printf("]}\n");
    shell_free(&sh);
    return rc ? 1 : 0;
}
