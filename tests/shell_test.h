/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* shell_test: the window's app in a test, driven as a person drives it: SDL events
 * pushed onto SDL's own queue and read back by the window's event loop, a frame
 * drawn (real GL, the offscreen driver) after each, every frame checked to have
 * dropped no drawing command. One test program is one translation unit: the shell
 * is its `sh`. */
#ifndef GS_SHELL_TEST_H
#define GS_SHELL_TEST_H

#include <SDL2/SDL.h>

#include "check.h"
#include "platform.h"
#include "sdl_events.h"

static Shell sh;

static inline void frame(void)
{
    shell_frame(&sh, 1.0 / 60.0);
    CHECK_MSG(sh.dl.dropped == 0, "%d draw commands dropped", sh.dl.dropped);
}

static inline void push(SDL_Event e)
{
    SDL_PushEvent(&e);
    frame();
}

/* Opens the app as the command line argv[0..argc) asks, in a hidden window, and
 * draws its first two frames. Returns 0, or 1 with the reason on stderr. */
static inline int shell_test_open(int argc, char **argv)
{
    Config cfg;
    char err[600];
    int is_input;
    if (spec_parse_args(argc, argv, &cfg, err, sizeof err) != 0 || shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    frame();
    frame();
    return 0;
}

#endif
