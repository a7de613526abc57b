/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* A phone-sized window driven by fingers, through SDL's own touch events and the
 * window's event loop: at 390x844 the side panel is a drawer (closed, the map the
 * window's whole width), the bar keeps Play, Step, Reset, undo and redo and the
 * timeline with the rest behind its overflow, and a finger makes every control at
 * least 44 px tall. A tap on the map sets the start; a drag of one finger pans; two
 * fingers spreading zoom about their centre, the world point under it staying
 * there; two fingers moving together pan; a tap on the drawer's button opens it
 * peeking (the first run's sliders in view), its grip dragged up and down sizes it,
 * a finger scrolls it and a finger on a slider in it changes a run; Tab closes it. */
#define _POSIX_C_SOURCE 200809L
#include "shell_test.h"

#include <math.h>
#include <stdlib.h>

static int fw, fh;

static void finger(Uint32 type, long id, float x, float y) { push(ev_finger(type, id, x, y, fw, fh)); }

static void tap(float x, float y)
{
    finger(SDL_FINGERDOWN, 1, x, y);
    finger(SDL_FINGERUP, 1, x, y);
}

static const Panel *panel(const PanelClass *cls) { return frame_panel(&sh.app.frame, cls); }

static int find(const char *path, float *x, float *y, float *w, float *h)
{
    frame();
    return ui_find(&sh.app.ui, ui_id_path(path), x, y, w, h);
}

/* The world point at pixel (px, py) of the map. */
static void world(float px, float py, double *wx, double *wy) { CHECK(app_map_world(&sh.app, px, py, wx, wy)); }

int main(void)
{
    char *argv[] = {"gradscape", "--size", "390x844", "--out-dir", "/tmp"};
    if (shell_test_open(5, argv) != 0)
        return 1;
    App *a = &sh.app;
    SDL_GL_GetDrawableSize(sh.gl.window, &fw, &fh);
    if (a->playing)
        push(ev_key(SDLK_SPACE, 0));
    /* narrow: the drawer closed, the map the window's width */
    CHECK(a->frame.narrow && panel(&panel_side) == NULL);
    CHECK_MSG(panel(&panel_map)->w >= 0.95f * (float)fw, "the map is %.0f of %d px wide", panel(&panel_map)->w, fw);
    float x, y, w, h;
    CHECK(find("bar/menu", &x, &y, &w, &h) && find("bar/more", &x, &y, &w, &h));
    CHECK(!find("bar/gif", &x, &y, &w, &h)); /* behind the overflow */
    /* a finger: controls at least 44 px tall */
    const Panel *m = panel(&panel_map);
    float cx = m->x + 0.5f * m->w, cy = m->y + 0.6f * m->h;
    double wx, wy;
    world(cx, cy, &wx, &wy); /* where the tap falls, in the layout it falls on */
    tap(cx, cy);
    CHECK(!a->touch); /* not yet: the release is taken where it fell */
    frame();
    CHECK(a->touch);
    CHECK(find("bar/play", &x, &y, &w, &h));
    CHECK_MSG(h >= 44.0f, "the Play button is %.0f px tall under a finger", h);
    /* the tap set the start where it fell */
    m = panel(&panel_map);
    cx = m->x + 0.5f * m->w, cy = m->y + 0.6f * m->h;
    CHECK_MSG(fabs(a->scene.start[0] - wx) < 1e-9 && fabs(a->scene.start[1] - wy) < 1e-9,
              "start (%g, %g), the tap at (%g, %g)", a->scene.start[0], a->scene.start[1], wx, wy);
    /* two fingers spreading: the view's span halves, the point under their centre stays */
    double span = a->view.x1 - a->view.x0, sx = a->scene.start[0], sy = a->scene.start[1];
    double bx, by;
    world(cx, cy, &bx, &by);
    finger(SDL_FINGERDOWN, 1, cx - 40, cy);
    finger(SDL_FINGERDOWN, 2, cx + 40, cy);
    for (int i = 1; i <= 4; i++) {
        finger(SDL_FINGERMOTION, 1, cx - 40 - 10 * i, cy);
        finger(SDL_FINGERMOTION, 2, cx + 40 + 10 * i, cy);
    }
    finger(SDL_FINGERUP, 2, cx + 80, cy);
    finger(SDL_FINGERUP, 1, cx - 80, cy);
    CHECK_MSG(fabs((a->view.x1 - a->view.x0) / span - 0.5) < 1e-6, "spreading 80 to 160 px: span %g -> %g", span,
              a->view.x1 - a->view.x0);
    double ax, ay;
    world(cx, cy, &ax, &ay);
    CHECK_MSG(fabs(ax - bx) < 1e-9 * span && fabs(ay - by) < 1e-9 * span, "the centre moved from (%g, %g) to (%g, %g)",
              bx, by, ax, ay);
    CHECK(a->scene.start[0] == sx && a->scene.start[1] == sy); /* a gesture is no tap */
    /* two fingers moving together: the map follows them */
    world(cx, cy, &bx, &by);
    finger(SDL_FINGERDOWN, 3, cx - 30, cy);
    finger(SDL_FINGERDOWN, 4, cx + 30, cy);
    for (int i = 1; i <= 5; i++) {
        finger(SDL_FINGERMOTION, 3, cx - 30 + 8 * i, cy - 6 * i);
        finger(SDL_FINGERMOTION, 4, cx + 30 + 8 * i, cy - 6 * i);
    }
    world(cx + 40, cy - 30, &ax, &ay);
    CHECK_MSG(fabs(ax - bx) < 1e-6 * span && fabs(ay - by) < 1e-6 * span, "panned: (%g, %g) is now at (%g, %g)", bx,
              by, ax, ay);
    finger(SDL_FINGERUP, 3, cx + 10, cy - 30);
    finger(SDL_FINGERUP, 4, cx + 70, cy - 30);
    CHECK(a->scene.start[0] == sx && a->scene.start[1] == sy);
    /* the drawer: a tap on its button opens it over the map, above the bar, peeking:
     * the surface and the first run's sliders, whole */
    CHECK(find("bar/menu", &x, &y, &w, &h));
    tap(x + w / 2, y + h / 2);
    frame();
    const Panel *side = panel(&panel_side);
    CHECK(a->drawer == DRAWER_PEEK && side && side->over && side->w == (float)fw &&
          side->y + side->h <= panel(&panel_bar)->y + 0.5f);
    CHECK(find("side/run/0/lr", &x, &y, &w, &h) && y >= side->y && y + h <= side->y + side->h);
    CHECK_MSG(side->h < 0.4f * (float)fh, "the peek is %.0f px tall", side->h);
    /* its grip dragged up: half the height; up again: nearly all; down: half */
    float gx = side->x + 20, gy = side->y + 12;
    finger(SDL_FINGERDOWN, 7, gx, gy);
    finger(SDL_FINGERMOTION, 7, gx, gy - 40);
    finger(SDL_FINGERMOTION, 7, gx, gy - 80);
    finger(SDL_FINGERUP, 7, gx, gy - 80);
    frame();
    CHECK_MSG(a->drawer == DRAWER_HALF, "the grip dragged up: drawer %d", a->drawer);
    side = panel(&panel_side);
    gy = side->y + 12;
    finger(SDL_FINGERDOWN, 7, gx, gy);
    finger(SDL_FINGERMOTION, 7, gx, gy - 80);
    finger(SDL_FINGERUP, 7, gx, gy - 80);
    frame();
    CHECK(a->drawer == DRAWER_FULL);
    side = panel(&panel_side);
    gy = side->y + 12;
    finger(SDL_FINGERDOWN, 7, gx, gy);
    finger(SDL_FINGERMOTION, 7, gx, gy + 80);
    finger(SDL_FINGERUP, 7, gx, gy + 80);
    frame();
    CHECK(a->drawer == DRAWER_HALF);
    side = panel(&panel_side);
    /* a finger dragged up the sheet scrolls it (in its margin, on no widget) until the
     * first run's lr slider is in view */
    for (int i = 0; i < 10 && find("side/run/0/lr", &x, &y, &w, &h) && y + h > side->y + side->h; i++) {
        finger(SDL_FINGERDOWN, 6, side->x + 6, side->y + 160);
        finger(SDL_FINGERMOTION, 6, side->x + 6, side->y + 100);
        finger(SDL_FINGERMOTION, 6, side->x + 6, side->y + 10);
        finger(SDL_FINGERUP, 6, side->x + 6, side->y + 10);
        side = panel(&panel_side);
    }
    CHECK(a->side.scroll > 0);
    /* a finger on the first run's lr slider, dragged: the run changes */
    double lr = a->scene.run[0].hp[HP_LR];
    CHECK(find("side/run/0/lr", &x, &y, &w, &h));
    CHECK_MSG(y >= side->y && y + h <= side->y + side->h, "the slider at %.0f is not in the drawer (%.0f to %.0f)", y,
              side->y, side->y + side->h);
    finger(SDL_FINGERDOWN, 5, x + 0.3f * w, y + h / 2);
    finger(SDL_FINGERMOTION, 5, x + 0.5f * w, y + h / 2);
    finger(SDL_FINGERUP, 5, x + 0.5f * w, y + h / 2);
    CHECK_MSG(a->scene.run[0].hp[HP_LR] != lr, "lr %g as it was", lr);
    /* the map under the drawer takes no tap */
    sx = a->scene.start[0];
    tap(side->x + 20, side->y + side->h - 3);
    CHECK(a->scene.start[0] == sx);
    /* Tab closes it; the overflow shows the rest of the bar */
    push(ev_key(SDLK_TAB, 0));
    frame();
    CHECK(!a->drawer && panel(&panel_side) == NULL);
    CHECK(find("bar/more", &x, &y, &w, &h));
    tap(x + w / 2, y + h / 2);
    CHECK(a->bar_more && find("bar/gif", &x, &y, &w, &h));
    shell_free(&sh);
    return check_done("test_touch");
}
