/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* shell: what every platform layer runs around the app, whatever gives it a GL
 * context and events: the renderer, the app, the frame's draw list, and one frame
 * from an Input to pixels (update, what the update asked for, draw list, render).
 * platform.c is the SDL layer (the desktop, tests, headless); platform_web.c the
 * browser's (Emscripten's html5.h and WebGL 2). Neither touches the app otherwise. */
#ifndef GS_SHELL_H
#define GS_SHELL_H

#include "app.h"
#include "glctx.h"

/* Monotonic time in milliseconds (each platform's clock). */
double platform_now_ms(void);

/* The running program: context, renderer, app, and the frame's draw list. */
typedef struct Shell {
    GlContext gl;
    Renderer *r;
    App app;
    DrawList dl;
    Input in;
    int fullscreen;
    double last_ms;
    unsigned long frames;    /* frames drawn */
    int settle;              /* frames still to draw after an input (an immediate-mode UI settles in two) */
    int ime_rect[4];         /* the caret the input method was last told of (x, y, w, h) */
    double frame_start_ms;   /* when the last frame was begun (pacing) */
} Shell;

/* With the context current: the renderer, the draw list and the app from cfg.
 * Returns 0, or -1 with err; err_is_input is set when cfg was at fault. */
int shell_setup(Shell *sh, const Config *cfg, char *err, size_t cap, int *err_is_input);

/* The time since the last frame in seconds (dt < 0: measured, capped after a
 * stall), and the clock advanced. */
double shell_dt(Shell *sh, double dt);

/* One frame of fw x fh framebuffer pixels from sh->in (its text dropped while
 * Ctrl is held: then keys are shortcuts): update, screenshot and export work,
 * the draw list, rendered into the current framebuffer. */
void shell_step(Shell *sh, double dt, int fw, int fh);

void shell_teardown(Shell *sh);

#endif
