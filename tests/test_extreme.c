/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Extreme values through the real app (SDL events, offscreen GL): every slider's
 * hyperparameter typed at its slider's ends and its valid range's ends (and past
 * them) in the value box, the speed and a surface parameter typed out of range, a
 * run that diverges to 1e300 before it stops. After each: every value valid, every
 * trajectory point finite, nothing non-finite in the frame's draw list. The command
 * line's extremes are in test_extreme.sh. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "platform.h"

#include <SDL2/SDL.h>
#include "sdl_events.h"
#include <float.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static Shell sh;

static void frame(void)
{
    shell_frame(&sh, 1.0 / 60.0);
    sh.app.want_quit = 0;
    CHECK_MSG(sh.dl.dropped == 0, "%d draw commands dropped", sh.dl.dropped);
}

static UiId id(const char *fmt, int i, const char *name)
{
    char path[128];
    snprintf(path, sizeof path, fmt, i, name);
    return ui_id_path(path);
}

static void push(SDL_Event *e)
{
    SDL_PushEvent(e);
    frame();
}

static void mouse(Uint32 type, float x, float y)
{
    SDL_Event e = ev_mouse(type, x, y);
    push(&e);
}

static void key(SDL_Keycode k)
{
    SDL_Event e = ev_key(k, 0);
    push(&e);
}

static void text(const char *s)
{
    SDL_Event e = ev_text(s);
    push(&e);
}

static void click(float x, float y)
{
    mouse(SDL_MOUSEMOTION, x, y);
    mouse(SDL_MOUSEBUTTONDOWN, x, y);
    mouse(SDL_MOUSEBUTTONUP, x, y);
}

/* Finds a widget, scrolling the side panel until it is in view. */
static int find(UiId id, float *x, float *y, float *w, float *h)
{
    const App *a = &sh.app;
    for (int tries = 0; tries < 60; tries++) {
        if (!ui_find(&a->ui, id, x, y, w, h))
            return 0;
        float map_w = frame_panel(&a->frame, &panel_map)->w;
        if (*x < map_w || (*y >= 0 && *y + *h <= (float)a->frame.h))
            return 1;
        mouse(SDL_MOUSEMOTION, map_w + 20, 200);
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = *y < 0 ? 1 : -1;
        push(&e);
    }
    return 0;
}

/* Types `value` into the value box of the slider with track id `slider`. */
static int type_value(UiId slider, const char *value)
{
    float x, y, w, h;
    if (!find(ui_value_box_id(slider), &x, &y, &w, &h))
        return 0;
    click(x + w / 2, y + h / 2);
    for (int i = 0; i < 10; i++) /* the box starts with the value: at most 9 characters */
        key(SDLK_BACKSPACE);
    text(value);
    key(SDLK_RETURN);
    return 1;
}

static void check_frame(const char *what)
{
    const App *a = &sh.app;
    const DrawList *dl = &sh.dl;
    for (int c = 0; c < dl->n; c++) {
        const DrawCmd *d = &dl->cmd[c];
        if (!(isfinite(d->x) && isfinite(d->y) && isfinite(d->w) && isfinite(d->h) && isfinite(d->x2) &&
              isfinite(d->y2) && isfinite(d->r))) {
            CHECK_MSG(0, "%s: draw command %d (kind %d) at %g, %g not finite", what, c, d->kind, d->x, d->y);
            break;
        }
    }
    for (int i = 0; i < a->scene.n_runs; i++) {
        const Run *r = &a->scene.run[i];
        for (int k = 0; k < HP_COUNT; k++)
            if (optim_uses(r->kind, (HyperKey)k))
                CHECK_MSG(optim_hyper_valid((HyperKey)k, r->hp[k]), "%s: run %s %s = %g", what, r->label,
                          optim_hyper((HyperKey)k)->name, r->hp[k]);
        for (int j = 0; j < r->n; j++)
            if (!(isfinite(r->traj[j].x) && isfinite(r->traj[j].y) && isfinite(r->traj[j].loss))) {
                CHECK_MSG(0, "%s: run %s point %d not finite", what, r->label, j);
                break;
            }
    }
    CHECK_MSG(a->speed >= 1 && a->speed <= 1e6, "%s: speed %g", what, a->speed);
    CHECK(a->t >= 0 && a->t <= a->scene.steps);
}

static int start(char **argv, int argc)
{
    Config cfg;
    char err[600];
    if (spec_parse_args(argc, argv, &cfg, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    int is_input;
    if (shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    frame();
    frame();
    return 0;
}

/* A run that grows to 1e300 and then overflows: its head and its "diverged" label
 * sit far outside the map, and must stay finite in the draw list. */
static void test_diverging_far(void)
{
    char *argv[] = {"gradscape", "--size", "1000x700", "--surface", "expr:x^2", "--opt", "sgd:lr=1e6",
                    "--start", "1,0", "--steps", "100"};
    if (start(argv, 11) != 0) {
        CHECK(0);
        return;
    }
    const Run *r = &sh.app.scene.run[0];
    /* x is multiplied by -(2e6 - 1) per step; its loss overflows first, past 1e154 */
    CHECK(r->diverged_at > 0 && fabs(r->traj[r->n - 1].x) > 1e150);
    key(SDLK_END);
    frame();
    check_frame("diverged far away");
    key(SDLK_g); /* grid layout too */
    frame();
    check_frame("diverged far away, grid");
    shell_free(&sh);
}

/* Every hyperparameter of every optimizer at its slider's and its valid range's
 * ends, typed; past them it is clamped. */
static void test_every_slider(void)
{
    char *argv[40] = {"gradscape", "--size", "720x480", "--steps", "60"};
    int argc = 5;
    for (int k = 0; k < OPTIM_COUNT; k++) {
        argv[argc++] = "--opt";
        argv[argc++] = (char *)optim_info((OptimKind)k)->name;
    }
    if (start(argv, argc) != 0) {
        CHECK(0);
        return;
    }
    App *a = &sh.app;
    for (int i = 0; i < a->scene.n_runs; i++) {
        float x, y, w, h;
        for (int tries = 0; tries < 3 && !(a->side.run_more >> i & 1u); tries++) {
            CHECK(find(id("side/run/%d/%s", i, "more"), &x, &y, &w, &h));
            click(x + w / 2, y + h / 2);
        }
        CHECK_MSG(a->side.run_more >> i & 1u, "run %d: 'more' does not open", i);
    }
    int typed = 0;
    for (int i = 0; i < a->scene.n_runs; i++) {
        Run *r = &a->scene.run[i];
        for (int k = 0; k < HP_COUNT; k++) {
            const HyperInfo *hi = optim_hyper((HyperKey)k);
            if (!optim_uses(r->kind, (HyperKey)k) || hi->is_flag)
                continue;
            char vals[8][40];
            int n = 0;
            snprintf(vals[n++], 40, "%.17g", hi->ui_lo);
            snprintf(vals[n++], 40, "%.17g", hi->ui_hi);
            snprintf(vals[n++], 40, "%.17g", hi->lo_open ? (hi->lo == 0 ? 4.9406564584124654e-324 : nextafter(hi->lo, INFINITY)) : hi->lo);
            snprintf(vals[n++], 40, "%.17g", isinf(hi->hi) ? 1e308 : (hi->hi_open ? nextafter(hi->hi, 0) : hi->hi));
            snprintf(vals[n++], 40, "%s", "-1e308"); /* past the ends: clamped, with a message */
            snprintf(vals[n++], 40, "%s", "1e308");
            if (k == HP_LR)
                snprintf(vals[n++], 40, "%s", "1e6");
            for (int v = 0; v < n; v++) {
                char what[400];
                snprintf(what, sizeof what, "%s %s = %s", r->label, hi->name, vals[v]);
                CHECK_MSG(type_value(id("side/run/%d/%s", i, hi->name), vals[v]), "%s: value box not found", what);
                typed++;
                double want = strtod(vals[v], NULL);
                if (optim_hyper_valid((HyperKey)k, want))
                    CHECK_MSG(r->hp[k] == want, "%s: got %.17g", what, r->hp[k]);
                check_frame(what);
            }
        }
    }
    key(SDLK_END);
    check_frame("every slider, last step");
    printf("test_extreme: %d values typed into %d runs' sliders\n", typed, a->scene.n_runs);
    /* the speed: nothing below 1 step per second, which would stall the animation */
    const char *speeds[] = {"-0", "0", "-5", "1e-300", "1e308"};
    for (int i = 0; i < 5; i++) {
        CHECK(type_value(ui_id_path("bar/speed"), speeds[i]));
        check_frame(speeds[i]);
    }
    CHECK(a->speed == 1e6);
    /* a built-in surface's parameter past its range is clamped into it */
    shell_free(&sh);
    char *argv2[] = {"gradscape", "--size", "720x480", "--steps", "60"};
    if (start(argv2, 5) != 0) {
        CHECK(0);
        return;
    }
    a = &sh.app;
    const SurfaceInfo *in = surface_info(a->scene.surface.builtin);
    for (int p = 0; p < in->n_params; p++) {
        const char *vals[] = {"1e308", "-1e308", "-0"};
        for (int v = 0; v < 3; v++) {
            char path[64];
            snprintf(path, sizeof path, "side/param/%s", in->param[p].name);
            CHECK(type_value(ui_id_path(path), vals[v]));
            double got = a->scene.surface.param[p];
            CHECK_MSG(got >= in->param[p].lo && got <= in->param[p].hi, "%s %s typed %s: %g", in->name,
                      in->param[p].name, vals[v], got);
            for (int m = 0; m < a->scene.surface.n_minima; m++)
                CHECK(isfinite(a->scene.surface.minima[m][0]) && isfinite(a->scene.surface.minima[m][1]));
            check_frame(vals[v]);
        }
    }
    shell_free(&sh);
}

int main(void)
{
    test_diverging_far();
    test_every_slider();
    return check_done("test_extreme");
}
