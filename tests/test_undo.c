/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Undo and redo through real SDL events: a slider drag (one step however many frames
 * it takes), a map click, a run removed, the layout, a zoom, a surface from the
 * menu and a typed formula are each one change;
 * undone all, the scene's text is the first one byte for byte, redone all, the last;
 * a notice names each; nothing to undo says so; a change after an undo drops what
 * was ahead. */
#define _POSIX_C_SOURCE 200809L
#include "shell_test.h"

#include <stdlib.h>
#include <unistd.h>


static void mouse(Uint32 type, float x, float y) { push(ev_mouse(type, x, y)); }

static void click_at(float x, float y, float w, float h)
{
    mouse(SDL_MOUSEMOTION, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONDOWN, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + w / 2, y + h / 2);
}

static int find(const char *path, float *x, float *y, float *w, float *h)
{
    frame();
    return ui_find(&sh.app.ui, ui_id_path(path), x, y, w, h);
}

/* The scene's current state, as the history holds it (a copy). */
static char *state(void)
{
    frame();
    const History *hs = &sh.app.history;
    CHECK(hs->at >= 0);
    return hs->at >= 0 ? strdup(hs->text[hs->at]) : strdup("");
}

int main(void)
{
    char dir[] = "/tmp/gs-test-undo-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char *argv[] = {"gradscape", "--size", "1600x900", "--out-dir", dir};
    if (shell_test_open(5, argv) != 0)
        return 1;
    App *a = &sh.app;
    enum { CHANGES = 7 };
    char *s[CHANGES + 1];
    s[0] = state();
    int depth0 = a->history.n;
    float x, y, w, h;
    /* 1: a drag of adam's lr over several frames */
    CHECK(find("side/run/3/lr", &x, &y, &w, &h));
    double lr0 = a->scene.run[3].hp[HP_LR];
    mouse(SDL_MOUSEBUTTONDOWN, x + 0.2f * w, y + h / 2);
    for (int i = 1; i <= 6; i++)
        mouse(SDL_MOUSEMOTION, x + (0.2f + 0.05f * i) * w, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + 0.5f * w, y + h / 2);
    CHECK(a->scene.run[3].hp[HP_LR] != lr0);
    s[1] = state();
    CHECK_MSG(a->history.n == depth0 + 1, "a drag made %d steps of history", a->history.n - depth0);
    /* 2: a click on the map moves the start */
    float mx, my, mw, mh;
    CHECK(app_map_rect(a, &mx, &my, &mw, &mh));
    mouse(SDL_MOUSEBUTTONDOWN, mx + mw * 0.3f, my + mh * 0.7f);
    mouse(SDL_MOUSEBUTTONUP, mx + mw * 0.3f, my + mh * 0.7f);
    a->playing = 0;
    s[2] = state();
    /* 3: a run removed */
    int runs = a->scene.n_runs;
    CHECK(find("side/run/0/remove", &x, &y, &w, &h));
    mouse(SDL_MOUSEBUTTONDOWN, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + w / 2, y + h / 2);
    CHECK(a->scene.n_runs == runs - 1);
    s[3] = state();
    /* 4: the layout */
    push(ev_key(SDLK_g, 0));
    s[4] = state();
    /* 5: a zoom on the map */
    mouse(SDL_MOUSEMOTION, mx + mw / 2, my + mh / 2);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 2;
    push(e);
    s[5] = state();
    /* 6: another surface from the menu */
    CHECK(find("side/surface-menu", &x, &y, &w, &h));
    click_at(x, y, w, h);
    CHECK(find("side/surface/booth", &x, &y, &w, &h));
    click_at(x, y, w, h);
    CHECK_STR(a->scene.surface.name, "booth");
    s[6] = state();
    /* 7: a formula typed over it (Ctrl+A, then the new text replaces the old) */
    CHECK(find("side/expr", &x, &y, &w, &h));
    click_at(x, y, w, h);
    push(ev_key(SDLK_a, KMOD_CTRL));
    push(ev_text("x^2 + 4*y^2"));
    push(ev_key(SDLK_RETURN, 0));
    CHECK(a->scene.surface.builtin == SURFACE_EXPR);
    CHECK_STR(a->scene.surface.expr.source, "x^2 + 4*y^2");
    a->playing = 0;
    s[7] = state();
    for (int i = 1; i <= CHANGES; i++)
        CHECK_MSG(strcmp(s[i], s[i - 1]) != 0, "change %d left the scene's text as it was", i);
    CHECK_MSG(a->history.n == depth0 + CHANGES, "%d changes made %d steps", CHANGES, a->history.n - depth0);
    /* undone, one by one, back to the first text byte for byte: the bar's undo
     * button for the last two, Ctrl+Z for the rest */
    for (int i = CHANGES; i > 0; i--) {
        if (i > CHANGES - 2) {
            CHECK(find("bar/undo", &x, &y, &w, &h));
            click_at(x, y, w, h);
        } else {
            push(ev_key(SDLK_z, KMOD_CTRL));
        }
        char *now = state();
        CHECK_MSG(strcmp(now, s[i - 1]) == 0, "undo %d: the scene is not what it was before change %d", i, i);
        CHECK_MSG(strncmp(a->message, "Undone: ", 8) == 0, "undo %d said '%s'", i, a->message);
        if (i == 3)
            CHECK_MSG(strstr(a->message, "a run added"), "undoing the removal said '%s'", a->message);
        if (i == 1)
            CHECK_MSG(strstr(a->message, "adam lr "), "undoing the drag said '%s'", a->message);
        if (i == 7)
            CHECK_STR(a->side.expr_text, "(x + 2*y - 7)^2 + (2*x + y - 5)^2"); /* the field follows */
        free(now);
    }
    CHECK(a->scene.run[3].hp[HP_LR] == lr0 && a->scene.n_runs == runs);
    push(ev_key(SDLK_z, KMOD_CTRL)); /* the first state: nothing before it this session */
    if (depth0 == 1)
        CHECK(strcmp(a->message, "Nothing to undo") == 0);
    /* redone (Ctrl+Y, Ctrl+Shift+Z and the bar's redo button), to the last text byte
     * for byte */
    for (int i = 1; i <= CHANGES; i++) {
        if (i == CHANGES) {
            CHECK(find("bar/redo", &x, &y, &w, &h));
            click_at(x, y, w, h);
        } else {
            push(i % 2 ? ev_key(SDLK_y, KMOD_CTRL) : ev_key(SDLK_z, KMOD_CTRL | KMOD_SHIFT));
        }
        char *now = state();
        CHECK_MSG(strcmp(now, s[i]) == 0, "redo %d: the scene is not what change %d made", i, i);
        free(now);
    }
    push(ev_key(SDLK_y, KMOD_CTRL));
    CHECK(strcmp(a->message, "Nothing to redo") == 0);
    /* an undo, then a new change: what was ahead is gone */
    push(ev_key(SDLK_z, KMOD_CTRL));
    push(ev_key(SDLK_g, 0));
    int n = a->history.n;
    push(ev_key(SDLK_y, KMOD_CTRL));
    CHECK(a->history.n == n && strcmp(a->message, "Nothing to redo") == 0);
    for (int i = 0; i <= CHANGES; i++)
        free(s[i]);
    shell_free(&sh);
    rmdir(dir);
    return check_done("test_undo");
}
