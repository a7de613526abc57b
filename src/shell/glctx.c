/* glctx: SDL window + OpenGL 3.3 core context. Headless runs without a display use
 * SDL's offscreen driver (EGL; Mesa llvmpipe renders on the CPU). */
#define _POSIX_C_SOURCE 200809L
#include "glctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL2/SDL.h>
#include <epoxy/gl.h>

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
        snprintf(err, ecap, "cannot initialise SDL video: %s", SDL_GetError());
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
    c->window = SDL_CreateWindow(title ? title : "gradscape", SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, w > 0 ? w : 1, h > 0 ? h : 1, flags);
    if (!c->window) {
        snprintf(err, ecap, "cannot create a window (video driver %s): %s",
                 SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "none", SDL_GetError());
        goto fail;
    }
    c->gl = SDL_GL_CreateContext(c->window);
    if (!c->gl) {
        snprintf(err, ecap, "cannot create an OpenGL 3.3 core context: %s", SDL_GetError());
        goto fail;
    }
    if (SDL_GL_MakeCurrent(c->window, c->gl) != 0) {
        snprintf(err, ecap, "cannot make the OpenGL context current: %s", SDL_GetError());
        goto fail;
    }
    if (epoxy_gl_version() < 33) {
        snprintf(err, ecap, "OpenGL 3.3 is required, the driver gives %d.%d",
                 epoxy_gl_version() / 10, epoxy_gl_version() % 10);
        goto fail;
    }
    if (!headless)
        SDL_GL_SetSwapInterval(1); /* vsync; ignored where unsupported */
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
