/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* glctx: SDL window + OpenGL 3.3 core context. Headless runs without a display use
 * SDL's offscreen driver (EGL; Mesa llvmpipe renders on the CPU). */
#define _POSIX_C_SOURCE 200809L
#include "glctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL2/SDL.h>
#include <epoxy/gl.h>

#include "lang.h"
#include "winfit.h"

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
/* Sanitizer builds only: keep Mesa's EGL and DRI driver mapped until exit
 * (RTLD_NODELETE). Otherwise SDL_Quit unloads them before LeakSanitizer runs, and
 * the driver's own process-lifetime allocations show up as leaks from an unknown
 * module that no suppression can name. */
static void keep_gl_libraries(void)
{
    static const char *LIBS[] = {"libEGL_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so",
                                 "/usr/lib/x86_64-linux-gnu/dri/kms_swrast_dri.so"};
    for (size_t i = 0; i < sizeof LIBS / sizeof LIBS[0]; i++)
        (void)dlopen(LIBS[i], RTLD_LAZY | RTLD_NODELETE);
}
#else
static void keep_gl_libraries(void) {}
#endif

#define FRAME_GUESS 32 /* px: a title bar, before the window manager says */

/* Once the window manager has framed the window: shrinks and moves it so that the
 * frame too is inside the usable area. */
static void fit_frame(SDL_Window *win, int w, int h)
{
    int top = 0, left = 0, bottom = 0, right = 0;
    SDL_Rect ub;
    int d = SDL_GetWindowDisplayIndex(win);
    if (SDL_GetWindowBordersSize(win, &top, &left, &bottom, &right) != 0 ||
        SDL_GetDisplayUsableBounds(d >= 0 ? d : 0, &ub) != 0 || (top == 0 && left == 0 && bottom == 0 && right == 0))
        return;
    WinRect r = winfit_place(w, h, (WinRect){ub.x, ub.y, ub.w, ub.h}, left + right, top + bottom, top);
    if (r.w != w || r.h != h)
        SDL_SetWindowSize(win, r.w, r.h);
    SDL_SetWindowPosition(win, r.x, r.y);
}

int glctx_create(GlContext *c, const char *title, int w, int h, int headless, char *err, int cap)
{
    keep_gl_libraries();
    memset(c, 0, sizeof *c);
    size_t ecap = cap > 0 ? (size_t)cap : 0;
    if (headless) {
        const char *drv = getenv("SDL_VIDEODRIVER");
        if (!drv || !*drv)
            SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(err, ecap, _("cannot initialise SDL video: %s"), SDL_GetError());
        return -1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL |
                   (headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    SDL_Rect ub;
    if (!headless && SDL_GetDisplayUsableBounds(0, &ub) == 0) {
        /* the frame is not known before the window is: a title bar's worth */
        WinRect r = winfit_place(w, h, (WinRect){ub.x, ub.y, ub.w, ub.h}, 0, FRAME_GUESS, FRAME_GUESS);
        x = r.x, y = r.y, w = r.w, h = r.h;
    }
    c->window = SDL_CreateWindow(title ? title : "gradscape", x, y, w > 0 ? w : 1, h > 0 ? h : 1, flags);
    if (!c->window) {
        /* TRANSLATORS: the first %s is SDL's video driver (x11, wayland, offscreen), the second SDL's own
         * message, in English */
        snprintf(err, ecap, _("cannot create a window (video driver %s): %s"),
                 SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "none", SDL_GetError());
        goto fail;
    }
    c->gl = SDL_GL_CreateContext(c->window);
    if (!c->gl) {
        snprintf(err, ecap, _("cannot create an OpenGL 3.3 core context: %s"), SDL_GetError());
        goto fail;
    }
    if (SDL_GL_MakeCurrent(c->window, c->gl) != 0) {
        snprintf(err, ecap, _("cannot make the OpenGL context current: %s"), SDL_GetError());
        goto fail;
    }
    if (epoxy_gl_version() < 33) {
        snprintf(err, ecap, _("OpenGL 3.3 is required, the driver gives %d.%d"),
                 epoxy_gl_version() / 10, epoxy_gl_version() % 10);
        goto fail;
    }
    if (!headless) {
        SDL_GL_SetSwapInterval(1); /* vsync; ignored where unsupported */
        fit_frame(c->window, w, h);
    }
    return 0;

fail:
    if (c->gl)
        SDL_GL_DeleteContext(c->gl);
    if (c->window)
        SDL_DestroyWindow(c->window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    c->gl = NULL;
    c->window = NULL;
    return -1;
}

void glctx_destroy(GlContext *c)
{
    if (c->gl)
        SDL_GL_DeleteContext(c->gl);
    if (c->window)
        SDL_DestroyWindow(c->window);
    if (c->gl || c->window)
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    c->gl = NULL;
    c->window = NULL;
}
