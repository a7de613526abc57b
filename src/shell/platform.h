/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* platform: the SDL layer (the desktop, the tests, headless runs). SDL events ->
 * one frame's Input (in framebuffer pixels, HiDPI aware), the clock, and the
 * interactive main loop: poll, the shell's frame (shell.h), swap. Messages logged
 * while the window is open (gs_log) are also shown on screen. */
#ifndef GS_PLATFORM_H
#define GS_PLATFORM_H

#include "shell.h"

/* Drains the SDL event queue into `in` (cleared first; mouse position and held
 * state carry over from the previous frame's `in`). */
void platform_poll(SDL_Window *win, Input *in);

/* Creates the window (hidden when headless), renderer and app. Returns 0, or -1
 * with err; exit status 2 applies when err_is_input is set. */
int shell_init(Shell *sh, const Config *cfg, int headless, char *err, size_t cap, int *err_is_input);

/* One frame: poll, update with dt seconds (dt < 0: measured), draw, swap. Returns 0
 * to go on, 1 when the user quit. */
int shell_frame(Shell *sh, double dt);

/* The main loop's turn: a frame when the picture changes (app_busy) or input came,
 * paced to the display's refresh rate (a timer where the driver has no vsync, as
 * under Xvfb: never spinning); otherwise it waits for input, up to `wait_ms`,
 * drawing nothing (a paused window costs nothing). Returns 0 to go on, 1 when the
 * user quit or a signal asked to stop. */
int shell_tick(Shell *sh, int wait_ms);

/* After the user quit: saves the scene for --resume (scenefile_state_path). */
void shell_quit(Shell *sh);

void shell_free(Shell *sh);

/* Catches SIGINT, SIGTERM and SIGHUP: each asks the work under way to stop
 * (cancel_request); in the window, the next frame quits as the user would (the
 * scene is saved). SDL installs no handlers of its own. Call before SDL starts. */
void platform_catch_signals(void);

/* The interactive program. Returns the process exit status. */
int app_main(const Config *cfg);

#endif
