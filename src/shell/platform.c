/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* platform: event translation, signals and the main loop. */
#define _POSIX_C_SOURCE 200809L
#include "platform.h"

#include "fingers.h"

#include <signal.h>

#include <SDL2/SDL.h>
#include <stdio.h>
#include <string.h>

#include "cancel.h"
#include "log.h"

static int map_key(SDL_Keycode k)
{
    switch (k) {
    case SDLK_SPACE: return UI_KEY_SPACE;
    case SDLK_LEFT: return UI_KEY_LEFT;
    case SDLK_RIGHT: return UI_KEY_RIGHT;
    case SDLK_UP: return UI_KEY_UP;
    case SDLK_DOWN: return UI_KEY_DOWN;
    case SDLK_HOME: return UI_KEY_HOME;
    case SDLK_END: return UI_KEY_END;
    case SDLK_BACKSPACE: return UI_KEY_BACKSPACE;
    case SDLK_DELETE: return UI_KEY_DELETE;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return UI_KEY_ENTER;
    case SDLK_ESCAPE: return UI_KEY_ESCAPE;
    case SDLK_TAB: return UI_KEY_TAB;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: return UI_KEY_PLUS;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: return UI_KEY_MINUS;
    case SDLK_F1: return UI_KEY_F1;
    case SDLK_F11: return UI_KEY_F11;
    case SDLK_F5: return UI_KEY_F5;
    case SDLK_z: return UI_KEY_Z;
    case SDLK_y: return UI_KEY_Y;
    case SDLK_q: return UI_KEY_Q;
    case SDLK_x: return UI_KEY_X;
    case SDLK_PAGEUP: return UI_KEY_PAGEUP;
    case SDLK_PAGEDOWN: return UI_KEY_PAGEDOWN;
    case SDLK_PERIOD: return UI_KEY_PERIOD;
    case SDLK_r: return UI_KEY_R;
    case SDLK_s: return UI_KEY_S;
    case SDLK_g: return UI_KEY_G;
    case SDLK_i: return UI_KEY_I;
    case SDLK_u: return UI_KEY_U;
    case SDLK_o: return UI_KEY_O;
    case SDLK_c: return UI_KEY_C;
    case SDLK_e: return UI_KEY_E;
    case SDLK_3: return UI_KEY_3;
    case SDLK_b: return UI_KEY_B;
    case SDLK_d: return UI_KEY_D;
    case SDLK_v: return UI_KEY_V;
    case SDLK_h: return UI_KEY_H;
    case SDLK_a: return UI_KEY_A;
    case SDLK_0: return UI_KEY_0;
    case SDLK_p: return UI_KEY_P;
    default: return -1;
    }
}

/* Fingers on a touch screen (fingers.c): SDL's own mouse made from them is off. */
static Fingers fingers;

/* What an input method composes, from its last SDL_TEXTEDITING until it commits
 * (SDL_TEXTINPUT) */
static char composing[sizeof ((Input *)0)->compose];

void platform_poll(SDL_Window *win, Input *in)
{
    float mx = in->mouse_x, my = in->mouse_y;
    int down = in->mouse_down;
    memset(in, 0, sizeof *in);
    in->mouse_x = mx, in->mouse_y = my, in->mouse_down = down;
    /* window points -> framebuffer pixels */
    int ww = 1, wh = 1, fw = 1, fh = 1;
    SDL_GetWindowSize(win, &ww, &wh);
    SDL_GL_GetDrawableSize(win, &fw, &fh);
    float sx = ww > 0 ? (float)fw / (float)ww : 1.0f, sy = wh > 0 ? (float)fh / (float)wh : 1.0f;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        switch (e.type) {
        case SDL_QUIT: in->quit = 1; break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID)
                break;
            in->mouse_x = (float)e.motion.x * sx, in->mouse_y = (float)e.motion.y * sy;
            in->pointer = -1;
            break;
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            float fx = e.tfinger.x * (float)fw, fy = e.tfinger.y * (float)fh;
            long id = (long)e.tfinger.fingerId;
            if (e.type == SDL_FINGERDOWN)
                fingers_down(&fingers, id, fx, fy, in);
            else if (e.type == SDL_FINGERMOTION)
                fingers_move(&fingers, id, fx, fy, in);
            else
                fingers_up(&fingers, id, in);
            break;
        }
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID)
                break;
            in->pointer = -1;
            in->mouse_x = (float)e.button.x * sx, in->mouse_y = (float)e.button.y * sy;
            if (e.button.button == SDL_BUTTON_LEFT) {
                in->mouse_down = 1, in->mouse_pressed = 1;
                in->double_click |= e.button.clicks >= 2;
            }
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID)
                break;
            in->mouse_x = (float)e.button.x * sx, in->mouse_y = (float)e.button.y * sy;
            if (e.button.button == SDL_BUTTON_LEFT)
                in->mouse_down = 0, in->mouse_released = 1;
            break;
        case SDL_MOUSEWHEEL:
            in->wheel += e.wheel.preciseY != 0.0f ? e.wheel.preciseY : (float)e.wheel.y;
            break;
        case SDL_KEYDOWN: {
            int k = map_key(e.key.keysym.sym);
            if (k >= 0)
                in->key_pressed[k] = 1;
            in->ctrl |= (e.key.keysym.mod & KMOD_CTRL) != 0;
            in->shift |= (e.key.keysym.mod & KMOD_SHIFT) != 0;
            if (k == UI_KEY_V && (e.key.keysym.mod & KMOD_CTRL) && SDL_HasClipboardText()) {
                char *clip = SDL_GetClipboardText();
                if (clip)
                    snprintf(in->paste, sizeof in->paste, "%s", clip);
                SDL_free(clip);
            }
            break;
        }
        case SDL_TEXTINPUT: {
            size_t have = strlen(in->text), add = strlen(e.text.text);
            if (have + add < sizeof in->text)
                memcpy(in->text + have, e.text.text, add + 1);
            composing[0] = 0;
            break;
        }
        case SDL_TEXTEDITING:
            snprintf(composing, sizeof composing, "%s", e.edit.text);
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                in->resized = 1;
            break;
        default: break;
        }
    }
    memcpy(in->compose, composing, sizeof composing);
    /* Shift held (not only pressed this frame): Shift-drag pans the 3D view */
    in->shift |= (SDL_GetModState() & KMOD_SHIFT) != 0;
    in->minimized = (SDL_GetWindowFlags(win) & SDL_WINDOW_MINIMIZED) != 0;
}

static void on_signal(int sig)
{
    cancel_request(sig);
}

void platform_catch_signals(void)
{
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &sa, NULL);
}

double platform_now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static int set_clipboard(const char *text) { return SDL_SetClipboardText(text) == 0 ? 0 : -1; }

int shell_init(Shell *sh, const Config *cfg, int headless, char *err, size_t cap, int *err_is_input)
{
    memset(sh, 0, sizeof *sh);
    *err_is_input = 0;
    if (glctx_create(&sh->gl, "gradscape", cfg->width, cfg->height, headless, err, (int)cap) != 0)
        return -1;
    if (shell_setup(sh, cfg, err, cap, err_is_input) != 0) {
        glctx_destroy(&sh->gl);
        return -1;
    }
    sh->app.clipboard = set_clipboard;
    /* screenshots, animations and the scene file go to --out-dir or the pictures folder */
    app_choose_out_dir(&sh->app, cfg->out_dir);
    SDL_StartTextInput();
    return 0;
}

int shell_frame(Shell *sh, double dt)
{
    dt = shell_dt(sh, dt);
    platform_poll(sh->gl.window, &sh->in);
    if (sh->in.quit || cancel_requested())
        return 1;
    if (sh->in.minimized) {
        SDL_WaitEventTimeout(NULL, 100);
        return 0;
    }
    int fw = 1, fh = 1;
    SDL_GL_GetDrawableSize(sh->gl.window, &fw, &fh);
    if (fw < 1 || fh < 1)
        return 0;
    shell_step(sh, dt, fw, fh);
    App *a = &sh->app;
    /* an input method shows its candidates under the caret of the field being edited */
    if (a->ui.ime_h > 0) {
        int ww = 1, wh = 1;
        SDL_GetWindowSize(sh->gl.window, &ww, &wh);
        float kx = (float)ww / (float)fw, ky = (float)wh / (float)fh;
        SDL_Rect r = {(int)(a->ui.ime_x * kx), (int)(a->ui.ime_y * ky), 1, (int)(a->ui.ime_h * ky)};
        if (r.x != sh->ime_rect[0] || r.y != sh->ime_rect[1] || r.h != sh->ime_rect[3])
            SDL_SetTextInputRect(&r);
        sh->ime_rect[0] = r.x, sh->ime_rect[1] = r.y, sh->ime_rect[2] = r.w, sh->ime_rect[3] = r.h;
    }
    if (a->fullscreen != sh->fullscreen) {
        sh->fullscreen = a->fullscreen;
        SDL_SetWindowFullscreen(sh->gl.window, sh->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    }
    SDL_GL_SwapWindow(sh->gl.window);
    return a->want_quit ? 1 : 0;
}

/* The display's frame period in ms (60 Hz where it does not say). */
static double frame_period_ms(SDL_Window *win)
{
    SDL_DisplayMode mode;
    int d = SDL_GetWindowDisplayIndex(win);
    if (d >= 0 && SDL_GetCurrentDisplayMode(d, &mode) == 0 && mode.refresh_rate >= 20 && mode.refresh_rate <= 500)
        return 1000.0 / mode.refresh_rate;
    return 1000.0 / 60.0;
}

int shell_tick(Shell *sh, int wait_ms)
{
    AppBusy busy = app_busy(&sh->app);
    if (busy == APP_ANIMATES || sh->settle > 0) {
        /* paced: vsync blocks in the swap where there is one; the timer does the rest */
        double period = frame_period_ms(sh->gl.window), left = sh->frame_start_ms + period - platform_now_ms();
        if (left > 1.0)
            SDL_Delay((Uint32)left);
        if (sh->settle > 0)
            sh->settle--;
    } else {
        /* nothing moves: wait for input (left in the queue for the frame), waking
         * to take a background map's pass and to see a signal's stop */
        int ms = busy == APP_WAITS_FOR_MAP ? 50 : wait_ms;
        if (SDL_WaitEventTimeout(NULL, ms))
            sh->settle = 2, sh->last_ms = platform_now_ms(); /* the wait is no time passed */
        else if (cancel_requested())
            return 1;
        else if (busy != APP_WAITS_FOR_MAP)
            return 0;
    }
    sh->frame_start_ms = platform_now_ms();
    return shell_frame(sh, -1.0);
}

void shell_quit(Shell *sh)
{
    /* nothing is lost on quit: the scene as it is, for --resume */
    app_save_last(&sh->app);
}

void shell_free(Shell *sh)
{
    shell_teardown(sh);
    glctx_destroy(&sh->gl);
}

int app_main(const Config *cfg)
{
    Shell sh;
    char err[600];
    int is_input;
    if (shell_init(&sh, cfg, 0, err, sizeof err, &is_input) != 0) {
        gs_log("%s", err);
        return is_input ? 2 : 1;
    }
    while (shell_tick(&sh, 250) == 0)
        ;
    shell_quit(&sh);
    shell_free(&sh);
    return 0;
}
