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
 * picture0.png only.
 *
 * usage: web_twin [--keys K] OUTDIR WxH [gradscape options...] */
#define _POSIX_C_SOURCE 200809L
#include "glapi.h"
#include "media.h"
#include "panel.h"
#include "platform.h"
#include "sdl_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(int argc, char **argv)
{
    const char *keys = NULL;
    if (argc > 2 && strcmp(argv[1], "--keys") == 0)
        keys = argv[2], argc -= 2, argv += 2;
    if (argc < 3 || sscanf(argv[2], "%dx%d", &win_w, &win_h) != 2) {
        fprintf(stderr, "usage: web_twin [--keys K] OUTDIR WxH [gradscape options...]\n");
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
    if (spec_parse_args(n, args, &cfg, err, sizeof err) != 0 ||
        shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "web_twin: %s\n", err);
        return 1;
    }
    for (int i = 0; i < 3; i++)
        frame();
    if (keys)
        return tour(keys);
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
    push(ev_mouse(SDL_MOUSEMOTION, xa, y0));
    push(ev_mouse(SDL_MOUSEBUTTONDOWN, xa, y0));
    push(ev_mouse(SDL_MOUSEMOTION, (xa + xb) / 2, y0));
    push(ev_mouse(SDL_MOUSEMOTION, xb, y0));
    push(ev_mouse(SDL_MOUSEBUTTONUP, xb, y0));
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
