/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Nothing is lost on quit, through real SDL events: a slider dragged, the map
 * zoomed, the step moved and the layout changed; SDL_QUIT; the quit path saves the
 * scene (under XDG_STATE_HOME); `--resume` opens the same hyperparameters, view,
 * step, layout and arrows, and the same trajectories bit for bit. Then the side
 * panel's Save and Open, a broken file opened in the window (a message with its
 * line, the scene untouched), and Ctrl+Shift+C putting PyTorch code on the
 * clipboard. */
#define _POSIX_C_SOURCE 200809L
#include "cancel.h"
#include "check.h"
#include "platform.h"
#include "sdl_events.h"

#include <SDL2/SDL.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static Shell sh;

static void frame(void) { shell_frame(&sh, 1.0 / 60.0); }

static void push(SDL_Event e)
{
    SDL_PushEvent(&e);
    frame();
}

static void mouse(Uint32 type, float x, float y) { push(ev_mouse(type, x, y)); }
static void key(SDL_Keycode k, Uint16 mod) { push(ev_key(k, mod)); }

static int start(int argc, char **argv)
{
    Config cfg;
    char err[1400];
    if (spec_parse_args(argc, argv, &cfg, err, sizeof err) != 0) {
        fprintf(stderr, "test_resume: %s\n", err);
        return -1;
    }
    int is_input;
    if (shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "test_resume: %s\n", err);
        return -1;
    }
    frame();
    frame();
    return 0;
}

/* Clicks a widget of the side panel, scrolling it into view. */
static int click(const char *path)
{
    App *a = &sh.app;
    float x, y, w, h;
    for (int tries = 0; tries < 40; tries++) {
        frame();
        if (!ui_find(&a->ui, ui_id_path(path), &x, &y, &w, &h))
            return 0;
        if (y >= 0 && y + h <= (float)a->frame.h)
            break;
        const Panel *side = frame_panel(&a->frame, &panel_side);
        mouse(SDL_MOUSEMOTION, side->x + 20, 200);
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = y < 0 ? 1 : -1;
        push(e);
    }
    mouse(SDL_MOUSEBUTTONDOWN, x + w / 2, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + w / 2, y + h / 2);
    return 1;
}

typedef struct Kept {
    double hp[SCENE_MAX_RUNS][HP_COUNT];
    MapView view;
    double t;
    Layout layout;
    int internals, n_runs, n[SCENE_MAX_RUNS];
    TrajPoint last[SCENE_MAX_RUNS];
} Kept;

static void keep(Kept *k)
{
    const App *a = &sh.app;
    memset(k, 0, sizeof *k);
    k->n_runs = a->scene.n_runs;
    for (int i = 0; i < a->scene.n_runs; i++) {
        memcpy(k->hp[i], a->scene.run[i].hp, sizeof k->hp[i]);
        k->n[i] = a->scene.run[i].n;
        k->last[i] = a->scene.run[i].traj[a->scene.run[i].n - 1];
    }
    k->view = a->view, k->t = a->t, k->layout = a->layout, k->internals = a->show_internals;
}

static void check_same(const Kept *k, const char *when)
{
    const App *a = &sh.app;
    CHECK_MSG(a->scene.n_runs == k->n_runs, "%s: %d runs", when, a->scene.n_runs);
    for (int i = 0; i < k->n_runs && i < a->scene.n_runs; i++) {
        CHECK_MSG(memcmp(a->scene.run[i].hp, k->hp[i], sizeof k->hp[i]) == 0, "%s: run %d's hyperparameters", when, i);
        CHECK_MSG(a->scene.run[i].n == k->n[i] &&
                      memcmp(&a->scene.run[i].traj[a->scene.run[i].n - 1], &k->last[i], sizeof k->last[i]) == 0,
                  "%s: run %d's trajectory", when, i);
    }
    CHECK_MSG(memcmp(&a->view, &k->view, sizeof k->view) == 0, "%s: view %.17g %.17g vs %.17g %.17g", when, a->view.x0,
              a->view.x1, k->view.x0, k->view.x1);
    CHECK_MSG((int)a->t == (int)k->t && !a->playing, "%s: step %.1f, expected %.1f", when, a->t, k->t);
    CHECK(a->layout == k->layout && a->show_internals == k->internals);
}

int main(void)
{
    char dir[] = "/tmp/gs-test-resume-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    setenv("XDG_STATE_HOME", dir, 1);
    char *argv[] = {"gradscape", "--size", "1400x900", "--out-dir", dir};
    if (start(5, argv) != 0)
        return 1;
    App *a = &sh.app;
    /* a slider dragged, the map zoomed, the step moved, grid and arrows on */
    float x, y, w, h;
    frame();
    CHECK(ui_find(&a->ui, ui_id_path("side/run/3/lr"), &x, &y, &w, &h));
    mouse(SDL_MOUSEBUTTONDOWN, x + 0.5f * w, y + h / 2);
    mouse(SDL_MOUSEMOTION, x + 0.62f * w, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, x + 0.62f * w, y + h / 2);
    const Panel *m = frame_panel(&a->frame, &panel_map);
    mouse(SDL_MOUSEMOTION, m->x + 0.3f * m->w, m->y + 0.4f * m->h);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 2;
    push(e);
    if (a->playing)
        key(SDLK_SPACE, 0);
    key(SDLK_HOME, 0);
    for (int i = 0; i < 7; i++)
        key(SDLK_RIGHT, 0);
    key(SDLK_g, 0);
    key(SDLK_i, 0);
    Kept before;
    keep(&before);
    CHECK(before.t == 7 && before.layout == LAYOUT_GRID && before.internals);
    /* quit the way the window does */
    memset(&e, 0, sizeof e);
    e.type = SDL_QUIT;
    SDL_PushEvent(&e);
    CHECK(shell_frame(&sh, 1.0 / 60.0) == 1);
    shell_quit(&sh);
    shell_free(&sh);
    char last[1200];
    snprintf(last, sizeof last, "%s/gradscape/last.scene", dir);
    CHECK_MSG(access(last, R_OK) == 0, "no %s", last);
    /* --resume: the same */
    char *resume[] = {"gradscape", "--size", "1400x900", "--out-dir", dir, "--resume"};
    if (start(6, resume) != 0)
        return 1;
    check_same(&before, "--resume");

    /* the side panel's path, Save scene, then a change, then Open scene */
    snprintf(a->side.scene_path, sizeof a->side.scene_path, "%s/mine.scene", dir);
    CHECK(click("side/scene/save"));
    char path[1200];
    snprintf(path, sizeof path, "%s/mine.scene", dir);
    CHECK(access(path, R_OK) == 0);
    key(SDLK_g, 0); /* back to overlay */
    key(SDLK_RIGHT, 0);
    CHECK(a->layout == LAYOUT_OVERLAY);
    CHECK(click("side/scene/open"));
    frame();
    check_same(&before, "Open scene");

    /* a broken file: a message naming its line, the scene as it was */
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("# broken\n--steps 100\n--opt adam:lr=oops\n", f);
        fclose(f);
    }
    key(SDLK_o, KMOD_LCTRL);
    frame();
    CHECK_MSG(strstr(a->message, "mine.scene:3") != NULL, "message: %s", a->message);
    check_same(&before, "a broken file");

    /* Ctrl+Shift+C: every run as PyTorch code on the clipboard */
    SDL_SetClipboardText("");
    key(SDLK_c, KMOD_LCTRL | KMOD_LSHIFT);
    char *clip = SDL_GetClipboardText();
    CHECK_MSG(clip && strstr(clip, "torch.optim.SGD(") && strstr(clip, "torch.optim.Adam(") &&
                  strstr(clip, "torch.optim.RMSprop("),
              "clipboard: %s", clip ? clip : "(null)");
    SDL_free(clip);
    CHECK(strstr(a->message, "PyTorch") != NULL);

    /* SIGTERM in the window is a quit like the user's: the next frame ends the
     * loop and the scene as it is now (back in overlay) is saved */
    platform_catch_signals();
    key(SDLK_g, 0);
    CHECK(a->layout == LAYOUT_OVERLAY);
    raise(SIGTERM);
    CHECK(shell_frame(&sh, 1.0 / 60.0) == 1);
    shell_quit(&sh);
    cancel_clear();
    char saved[8192] = "";
    FILE *lf = fopen(last, "r");
    CHECK(lf != NULL);
    if (lf) {
        saved[fread(saved, 1, sizeof saved - 1, lf)] = '\0';
        fclose(lf);
    }
    CHECK_MSG(strstr(saved, "--steps") && !strstr(saved, "--layout grid"), "saved on SIGTERM: %s", saved);

    shell_free(&sh);
    remove(last);
    remove(path);
    char sub[1200];
    snprintf(sub, sizeof sub, "%s/gradscape", dir);
    rmdir(sub);
    CHECK_MSG(rmdir(dir) == 0, "left in %s", dir);
    return check_done("test_resume");
}
