/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* sdl_events: the SDL events the UI tests push, built the way SDL's own event loop
 * would deliver them (left button, one click; text as one input event). */
#ifndef GS_SDL_EVENTS_H
#define GS_SDL_EVENTS_H

#include <SDL2/SDL.h>
#include <stdio.h>
#include <string.h>

/* SDL_MOUSEMOTION (left button held), SDL_MOUSEBUTTONDOWN or SDL_MOUSEBUTTONUP at (x, y). */
static inline SDL_Event ev_mouse(Uint32 type, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = (Sint32)x, e.motion.y = (Sint32)y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = (Sint32)x, e.button.y = (Sint32)y;
    }
    return e;
}

static inline SDL_Event ev_key(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    return e;
}

/* SDL_FINGERDOWN, SDL_FINGERMOTION or SDL_FINGERUP of finger `id` at (x, y) in a
 * window w x h pixels (SDL gives a finger's place as a share of the window). */
static inline SDL_Event ev_finger(Uint32 type, long id, float x, float y, int w, int h)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / (float)w, e.tfinger.y = y / (float)h;
    return e;
}

/* An input method's composition so far (SDL_TEXTEDITING): "zhong" before it is "中" */
static inline SDL_Event ev_compose(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTEDITING;
    snprintf(e.edit.text, sizeof e.edit.text, "%s", s);
    e.edit.start = (Sint32)strlen(s);
    return e;
}

static inline SDL_Event ev_text(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", s);
    return e;
}

#endif
