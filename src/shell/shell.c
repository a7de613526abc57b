/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* shell: the frame every platform layer runs. */
#include "shell.h"

#include <stdio.h>
#include <string.h>

#include "log.h"
#include "theme.h"

static void log_to_screen(void *user, const char *message) { app_message(user, message); }

int shell_setup(Shell *sh, const Config *cfg, char *err, size_t cap, int *err_is_input)
{
    *err_is_input = 0;
    sh->r = render_create();
    if (!sh->r) {
        snprintf(err, cap, "cannot set up OpenGL rendering (see the message above)");
        return -1;
    }
    if (draw_init(&sh->dl, 8192, 1 << 16) != 0) {
        snprintf(err, cap, "out of memory");
        render_destroy(sh->r);
        return -1;
    }
    if (app_init(&sh->app, cfg, NULL, sh->r, err, cap) != 0) {
        *err_is_input = 1;
        draw_free(&sh->dl);
        render_destroy(sh->r);
        return -1;
    }
    gs_log_set_sink(log_to_screen, &sh->app);
    sh->last_ms = platform_now_ms();
    return 0;
}

double shell_dt(Shell *sh, double dt)
{
    double now = platform_now_ms();
    if (dt < 0) {
        dt = (now - sh->last_ms) / 1000.0;
        if (dt > 0.1)
            dt = 0.1; /* after a stall, do not jump */
    }
    sh->last_ms = now;
    return dt;
}

void shell_step(Shell *sh, double dt, int fw, int fh)
{
    App *a = &sh->app;
    if (sh->in.ctrl)
        sh->in.text[0] = '\0'; /* while Ctrl is held, typed characters are shortcuts, not text */
    app_update(a, &sh->in, dt, fw, fh);
    if (a->want_screenshot) {
        a->want_screenshot = 0;
        app_write_png_timestamped(a);
    }
    if (a->want_export) {
        app_export_start(a, a->want_export);
        a->want_export = 0;
    }
    /* an export writes frames for part of each frame, so the window stays live */
    app_export_work(a, 25.0);
    app_frame(a, &a->frame, &sh->dl);
    render_draw(sh->r, &sh->dl, fw, fh, gs_theme.bg);
    sh->frames++;
}

void shell_teardown(Shell *sh)
{
    gs_log_set_sink(NULL, NULL);
    app_free(&sh->app);
    draw_free(&sh->dl);
    render_destroy(sh->r);
}
