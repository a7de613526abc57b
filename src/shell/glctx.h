/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* glctx: an SDL window with an OpenGL 3.3 core context (epoxy resolves the GL
 * functions). Headless runs use SDL's offscreen driver (EGL, no display): when no
 * video driver is set and `headless` is 1, SDL_VIDEODRIVER=offscreen is chosen. */
#ifndef GS_GLCTX_H
#define GS_GLCTX_H

#ifdef __EMSCRIPTEN__
/* the browser build: a WebGL 2 context on the page's canvas (platform_web.c) */
typedef struct GlContext {
    int handle;         /* EMSCRIPTEN_WEBGL_CONTEXT_HANDLE */
} GlContext;
#else
typedef struct SDL_Window SDL_Window;

typedef struct GlContext {
    SDL_Window *window;
    void *gl;           /* SDL_GLContext */
} GlContext;

/* Initialises SDL video, creates the window (hidden when headless, resizable and
 * HiDPI-aware otherwise) and the context, and makes it current with vsync when
 * shown. Returns 0, or -1 with a one-line reason in err. */
int glctx_create(GlContext *c, const char *title, int w, int h, int headless, char *err, int cap);
void glctx_destroy(GlContext *c);
#endif

#endif
