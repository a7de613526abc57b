/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Lessons in the window through real SDL events: the caption under the map with its
 * buttons; F5 presents (the map and the caption alone, in large type), a clicker's
 * keys go through the slides, B and . blank the screen, Space plays, Esc leaves
 * (and never quits: Ctrl+Q does); and every slide of every built-in lesson, presented at
 * 1024x768 and 1920x1080, has its whole caption at a 28th of the height or more. */
#define _POSIX_C_SOURCE 200809L
#include "lesson.h"
#include "shell_test.h"

#include <stdlib.h>
#include <unistd.h>


static void key(SDL_Keycode k) { push(ev_key(k, 0)); }

static void click(float x, float y)
{
    push(ev_mouse(SDL_MOUSEMOTION, x, y));
    push(ev_mouse(SDL_MOUSEBUTTONDOWN, x, y));
    push(ev_mouse(SDL_MOUSEBUTTONUP, x, y));
}

/* A side panel button, scrolled into view with the wheel; 0 if there is none. */
static int side_button(const char *path, float *x, float *y, float *w, float *h)
{
    const Panel *side = frame_panel(&sh.app.frame, &panel_side);
    for (int tries = 0; side && tries < 40; tries++) {
        frame();
        if (!ui_find(&sh.app.ui, ui_id_path(path), x, y, w, h))
            return 0;
        if (*y >= side->y && *y + *h <= side->y + side->h)
            return 1;
        push(ev_mouse(SDL_MOUSEMOTION, side->x + side->w / 2, side->y + side->h / 2));
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = *y + *h > side->y + side->h ? -3 : 3;
        push(e);
    }
    return 0;
}

/* The last command of the frame is a black rect over the whole window. */
static int blanked(void)
{
    const DrawCmd *c = sh.dl.n ? &sh.dl.cmd[sh.dl.n - 1] : NULL;
    return c && c->kind == DRAW_RECT && c->x <= 0 && c->y <= 0 && c->w >= (float)sh.app.frame.w &&
           c->h >= (float)sh.app.frame.h && c->rgba == 0x000000FFu;
}

static char dir[] = "/tmp/gs-test-present-XXXXXX";

/* A lesson file opens as a scene file does: its name in the side panel's file
 * field, Ctrl+O; a bad one leaves the lesson open as it was, with a notice. */
static void lesson_file(void)
{
    App *a = &sh.app;
    char path[128];
    snprintf(path, sizeof path, "%s/mine.lesson", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("--title Mine\n--caption first\n--steps 12\n---\n--caption second\n", f);
    fclose(f);
    snprintf(a->side.scene_path, sizeof a->side.scene_path, "%s", path);
    push(ev_key(SDLK_o, KMOD_CTRL));
    frame();
    CHECK_MSG(a->lesson && strcmp(a->lesson->title, "Mine") == 0 && a->slide == 0 && a->scene.steps == 12,
              "Ctrl+O on a .lesson: %s", a->message);
    /* Save scene does not write a scene over the lesson */
    push(ev_key(SDLK_s, KMOD_CTRL | KMOD_SHIFT));
    frame();
    CHECK_MSG(strstr(a->message, "is a lesson"), "Save scene on a .lesson: %s", a->message);
    f = fopen(path, "r");
    char head[16] = "";
    CHECK(f && fgets(head, sizeof head, f) && strncmp(head, "--title Mine", 12) == 0);
    if (f)
        fclose(f);
    f = fopen(path, "w");
    fputs("--caption first\n---\n--steps many\n", f);
    fclose(f);
    push(ev_key(SDLK_o, KMOD_CTRL));
    frame();
    CHECK(a->lesson && strcmp(a->lesson->title, "Mine") == 0);
    CHECK_MSG(strstr(a->message, "mine.lesson:3: --steps"), "notice: %s", a->message);
    remove(path);
    app_open_lesson(a, "valleys");
}

/* Authoring through the side panel: a caption typed in place, Add slide (the scene
 * as it is), Save lesson; the file read back has the same text, and its new slide
 * builds the scene that was shown, trajectories bit for bit. */
static void authoring(void)
{
    App *a = &sh.app;
    app_open_lesson(a, "adagrad");
    int n = a->lesson->n_slides;
    a->scene.run[0].hp[HP_LR] *= 1.5; /* a change the new slide keeps */
    scene_simulate_run(&a->scene, 0);
    a->playing = 0, a->t = 17;
    float x, y, w, h;
    CHECK(side_button("side/lessons/caption", &x, &y, &w, &h));
    click(x + w / 2, y + h / 2);
    SDL_Event e = ev_text("Faster: lr x1.5");
    push(e);
    CHECK_MSG(strcmp(a->side.new_caption, "Faster: lr x1.5") == 0, "typed '%s'", a->side.new_caption);
    CHECK(side_button("side/lessons/add", &x, &y, &w, &h)); /* the field keeps its text */
    click(x + w / 2, y + h / 2);
    CHECK_MSG(a->lesson->n_slides == n + 1 && a->slide == n, "Add slide: %d slides, at %d (%s)", a->lesson->n_slides,
              a->slide + 1, a->message);
    CHECK(strcmp(a->lesson->slide[n].caption[0], "Faster: lr x1.5") == 0 && !a->side.new_caption[0]);
    CHECK(side_button("side/lessons/save", &x, &y, &w, &h));
    click(x + w / 2, y + h / 2);
    char path[1100];
    app_lesson_path(a, path, sizeof path);
    CHECK_MSG(strstr(path, dir) == path && strstr(path, "adagrad.lesson"), "saved to %s", path);
    Lesson *back = malloc(sizeof *back);
    char err[600];
    CHECK_MSG(lesson_load(path, back, err, sizeof err) == 0, "%s", err);
    CHECK(back->len == a->lesson->len && memcmp(back->text, a->lesson->text, back->len) == 0);
    Config c;
    Scene sc;
    spec_config_defaults(&c);
    CHECK(lesson_apply(back, n, &c, err, sizeof err) == 0 && spec_build_scene(&c, &sc, err, sizeof err) == 0);
    CHECK(c.at == 17 && sc.n_runs == a->scene.n_runs);
    for (int i = 0; i < sc.n_runs && i < a->scene.n_runs; i++)
        CHECK_MSG(sc.run[i].n == a->scene.run[i].n &&
                      memcmp(sc.run[i].traj, a->scene.run[i].traj, sizeof *sc.run[i].traj * (size_t)sc.run[i].n) == 0,
                  "run %d of the saved slide differs from the scene shown", i);
    scene_free(&sc);
    free(back->text);
    free(back);
    remove(path);
    app_open_lesson(a, "valleys");
}

static void window_and_keys(void)
{
    App *a = &sh.app;
    CHECK(a->lesson && a->slide == 0 && !a->presenting);
    const Panel *cap = frame_panel(&a->frame, &panel_caption);
    CHECK_MSG(cap && cap->h > 0, "no caption under the map");
    CHECK(frame_panel(&a->frame, &panel_side) && frame_panel(&a->frame, &panel_bar));
    /* the caption's next and previous buttons */
    float x, y, w, h;
    CHECK(ui_find(&a->ui, ui_id_path("caption/next"), &x, &y, &w, &h));
    click(x + w / 2, y + h / 2);
    CHECK_MSG(a->slide == 1, "the next button showed slide %d", a->slide + 1);
    CHECK(ui_find(&a->ui, ui_id_path("caption/previous"), &x, &y, &w, &h));
    click(x + w / 2, y + h / 2);
    CHECK(a->slide == 0);
    key(SDLK_PAGEDOWN); /* in the window too */
    CHECK(a->slide == 1);
    key(SDLK_PAGEUP);
    CHECK(a->slide == 0);
    /* the side panel's Lessons: a button opens that lesson at its first slide */
    CHECK(side_button("side/lessons/adam", &x, &y, &w, &h));
    click(x + w / 2, y + h / 2);
    frame();
    CHECK_MSG(a->lesson && strcmp(a->lesson->name, "adam") == 0 && a->slide == 0, "the Lessons button opened %s",
              a->lesson ? a->lesson->name : "nothing");
    CHECK(side_button("side/lessons/valleys", &x, &y, &w, &h));
    click(x + w / 2, y + h / 2);
    frame();
    CHECK(a->lesson && strcmp(a->lesson->name, "valleys") == 0);

    /* F5: presenting, full screen, the map and the caption alone, in large type */
    key(SDLK_F5);
    CHECK(a->presenting && a->fullscreen);
    CHECK(SDL_GetWindowFlags(sh.gl.window) & SDL_WINDOW_FULLSCREEN);
    frame();
    CHECK(!frame_panel(&a->frame, &panel_side) && !frame_panel(&a->frame, &panel_bar));
    CHECK(frame_panel(&a->frame, &panel_map) && frame_panel(&a->frame, &panel_caption));
    int fits;
    float fs = app_caption_size(a, &a->frame, &fits);
    CHECK_MSG(fits && fs * 28.0f >= (float)a->frame.h, "presented caption at %.0f px in %d", fs, a->frame.h);
    int n = a->lesson->n_slides;
    key(SDLK_PAGEDOWN);
    CHECK(a->slide == 1);
    key(SDLK_RIGHT);
    CHECK(a->slide == 2);
    key(SDLK_DOWN);
    CHECK(a->slide == 3);
    key(SDLK_PAGEUP);
    CHECK(a->slide == 2);
    key(SDLK_LEFT);
    CHECK(a->slide == 1);
    key(SDLK_END);
    CHECK(a->slide == n - 1);
    key(SDLK_PAGEDOWN); /* past the last: stays */
    CHECK(a->slide == n - 1);
    key(SDLK_HOME);
    CHECK(a->slide == 0);
    /* a notice is not shown while presenting */
    app_message(a, "hello");
    frame();
    CHECK(a->message[0]);
    /* B blanks, B shows again; '.' the same; a key while blank only shows it again */
    key(SDLK_b);
    CHECK(a->blank && blanked());
    key(SDLK_b);
    CHECK(!a->blank && !blanked());
    key(SDLK_PERIOD);
    CHECK(a->blank && blanked());
    key(SDLK_PAGEDOWN);
    CHECK(!a->blank && a->slide == 0);
    /* Space plays and pauses */
    int playing = a->playing;
    key(SDLK_SPACE);
    CHECK(a->playing == !playing);
    /* keys that would change the scene do nothing while presenting */
    Layout layout = a->layout;
    key(SDLK_g);
    CHECK(a->layout == layout && !a->show_help);
    /* Esc leaves, and gives the window back as it was */
    key(SDLK_ESCAPE);
    CHECK(!a->presenting && !a->want_quit && !a->fullscreen);
    CHECK(!(SDL_GetWindowFlags(sh.gl.window) & SDL_WINDOW_FULLSCREEN));
    frame();
    CHECK(frame_panel(&a->frame, &panel_side) != NULL);
    /* F5 with no lesson presents the scene alone */
    struct Lesson *l = a->lesson;
    a->lesson = NULL;
    key(SDLK_F5);
    frame();
    CHECK(a->presenting && !frame_panel(&a->frame, &panel_side));
    key(SDLK_F5);
    CHECK(!a->presenting);
    a->lesson = l;
    /* F11's full screen: F5 and back keep it; Esc leaves it */
    key(SDLK_F11);
    CHECK(a->fullscreen);
    key(SDLK_F5);
    key(SDLK_F5);
    CHECK(!a->presenting && a->fullscreen);
    key(SDLK_ESCAPE);
    CHECK(!a->fullscreen && !(SDL_GetWindowFlags(sh.gl.window) & SDL_WINDOW_FULLSCREEN));
    key(SDLK_ESCAPE); /* Esc never quits: Ctrl+Q does */
    CHECK(!a->want_quit);
    push(ev_key(SDLK_q, KMOD_CTRL));
    CHECK(a->want_quit);
    a->want_quit = 0;
}

/* Every slide of every built-in lesson, presented at two sizes: the caption whole
 * at a 28th of the height or more. */
static void every_caption_fits(void)
{
    App *a = &sh.app;
    static const int SIZES[2][2] = {{1024, 768}, {1920, 1080}};
    a->presenting = 1;
    int slides = 0;
    for (int i = 0; i < lesson_builtin_count(); i++) {
        app_open_lesson(a, lesson_builtin_name(i));
        CHECK(a->lesson && strcmp(a->lesson->name, lesson_builtin_name(i)) == 0);
        for (int k = 0; a->lesson && k < a->lesson->n_slides; k++) {
            app_show_slide(a, k);
            CHECK(a->slide == k);
            for (int s = 0; s < 2; s++) {
                FrameLayout f;
                app_layout(a, SIZES[s][0], SIZES[s][1], 1, &f);
                int fits;
                float fs = app_caption_size(a, &f, &fits);
                CHECK_MSG(fits && fs * 28.0f >= (float)SIZES[s][1], "%s slide %d at %dx%d: caption at %.0f px%s",
                          a->lesson->name, k + 1, SIZES[s][0], SIZES[s][1], fs, fits ? "" : ", cut");
                const Panel *m = frame_panel(&f, &panel_map);
                CHECK_MSG(m && m->h >= 0.4f * (float)SIZES[s][1], "%s slide %d at %dx%d: the map is %.0f px high",
                          a->lesson->name, k + 1, SIZES[s][0], SIZES[s][1], m ? m->h : 0.0f);
            }
            slides++;
        }
    }
    a->presenting = 0;
    CHECK(slides >= 7 * 3);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    char *argv[] = {"gradscape", "--lesson", "valleys", "--size", "1600x900", "--out-dir", dir};
    if (shell_test_open(7, argv) != 0)
        return 1;
    window_and_keys();
    lesson_file();
    authoring();
    every_caption_fits();
    shell_free(&sh);
    rmdir(dir);
    return check_done("test_present");
}
