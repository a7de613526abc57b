/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* test_idle: the main loop's turn (shell_tick) through real SDL events. A paused
 * window left alone draws no frame for a second and uses almost no CPU; any input,
 * a notice, a changed trajectory, the turn to 3D or a map being made wakes it (the
 * changed trajectory for the 0.6 s in which the plot and the kept map settle); while
 * the animation plays
 * frames are paced (never more than the display's rate). */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "platform.h"
#include "sdl_events.h"

#include <time.h>

static Shell sh;

static double wall(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Runs the main loop's turns for `seconds`; returns the frames drawn. */
static unsigned long run(double seconds)
{
    unsigned long f0 = sh.frames;
    double end = wall() + seconds;
    while (wall() < end)
        CHECK(shell_tick(&sh, 50) == 0);
    return sh.frames - f0;
}

int main(void)
{
    char *argv[] = {"gradscape", "--size", "1280x720", "--at", "100", "--out-dir", "/tmp"};
    Config cfg;
    char err[600];
    CHECK(spec_parse_args(7, argv, &cfg, err, sizeof err) == 0);
    int is_input;
    if (shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    App *a = &sh.app;
    CHECK(!a->playing);
    run(0.3); /* the first frames, and the UI settling */
    /* paused, left alone: nothing drawn, next to no CPU */
    double c0 = cpu();
    unsigned long n = run(1.0);
    double used = cpu() - c0;
    CHECK_MSG(n == 0, "a paused window drew %lu frames in a second", n);
    CHECK_MSG(used < 0.05, "a paused window used %.3f s of CPU in a second", used);
    /* any input wakes it: one frame for the event, and the UI settles */
    SDL_Event e = ev_mouse(SDL_MOUSEMOTION, 300, 300);
    SDL_PushEvent(&e);
    unsigned long f0 = sh.frames;
    CHECK(shell_tick(&sh, 50) == 0);
    CHECK_MSG(sh.frames == f0 + 1, "input drew %lu frames", sh.frames - f0);
    n = run(0.5);
    CHECK_MSG(n >= 1 && n <= 3, "after an input: %lu frames", n);
    CHECK(run(0.5) == 0);
    /* a key that changes the picture: the step forward is drawn */
    e = ev_key(SDLK_RIGHT, 0);
    SDL_PushEvent(&e);
    run(0.3);
    CHECK(a->t == 101);
    /* a notice keeps it drawing while it is shown, then it rests */
    app_message(a, "hello");
    n = run(0.5);
    CHECK_MSG(n >= 3, "a notice showing drew %lu frames in half a second", n);
    a->message_until = a->clock; /* gone */
    run(0.2);
    CHECK(run(0.5) == 0);
    /* a trajectory changed with an input (as a slider's last move changes a run's
     * lr): frames go on with no more input while what follows a change settles (the
     * plot's held range, a path drawn live over the kept map), then it rests */
    a->scene.run[0].hp[HP_LR] *= 1.5;
    scene_simulate_run(&a->scene, 0);
    e = ev_mouse(SDL_MOUSEMOTION, 310, 300);
    SDL_PushEvent(&e);
    n = run(0.3);
    CHECK_MSG(n >= 5, "a changed trajectory drew %lu frames in the 0.3 s after it", n);
    run(0.5);
    CHECK(run(0.5) == 0);
    /* playing: frames paced to the display (at most its rate, 60 Hz if it does not say) */
    e = ev_key(SDLK_SPACE, 0);
    SDL_PushEvent(&e);
    n = run(1.0);
    CHECK(a->playing);
    CHECK_MSG(n >= 5 && n <= 130, "playing drew %lu frames in a second", n);
    e = ev_key(SDLK_SPACE, 0);
    SDL_PushEvent(&e);
    run(0.3);
    CHECK(!a->playing && run(0.5) == 0);
    /* the turn to 3D is drawn through, then it rests */
    e = ev_key(SDLK_3, 0);
    SDL_PushEvent(&e);
    unsigned long f3 = sh.frames;
    double end = wall() + 30;
    while (wall() < end && a->view3d_blend != 1.0f)
        CHECK(shell_tick(&sh, 50) == 0);
    n = sh.frames - f3;
    CHECK_MSG(n >= 5 && a->view3d_blend == 1.0f, "the turn to 3D drew %lu frames, at %.2f", n, a->view3d_blend);
    run(0.2);
    CHECK(run(0.5) == 0);
    e = ev_key(SDLK_3, 0);
    SDL_PushEvent(&e);
    end = wall() + 30;
    while (wall() < end && a->view3d_blend != 0.0f)
        CHECK(shell_tick(&sh, 50) == 0);
    /* a map made in the background: its passes come in with no input */
    e = ev_key(SDLK_h, 0);
    SDL_PushEvent(&e);
    end = wall() + 120;
    while (wall() < end && !(a->maps.kind == MAPS_HYPER && a->maps.fine && !a->maps.job))
        CHECK(shell_tick(&sh, 50) == 0);
    CHECK_MSG(a->maps.kind == MAPS_HYPER && a->maps.fine, "the map did not come in: kind %d fine %d", a->maps.kind,
              a->maps.fine);
    run(0.2);
    CHECK(run(0.5) == 0);
    shell_free(&sh);
    return check_done("test_idle");
}
