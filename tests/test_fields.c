/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Text fields and sliders as people know them, through real SDL events: in the
 * formula field Ctrl+A and typing replace the text, Shift+arrows and Shift+Home
 * select, Ctrl+C / Ctrl+X / Ctrl+V go through SDL's clipboard, Ctrl+Backspace
 * deletes a word, a double-click selects a word and a drag selects, the x clears
 * the field and Esc restores what it had; a value box selects its value when
 * clicked (typing replaces it) and Esc keeps the old value. Sliders: a drag with
 * Shift moves a tenth as far as the same drag without; the wheel over the slider
 * last pressed nudges it by a tick (a tenth of a decade on a log slider), over any
 * other slider it scrolls the panel (as it keeps doing, once begun, until the mouse
 * moves); log sliders mark their decades. On the hyperparameter map, a finger's
 * tap on a cell takes its values and a long press only reads them. */
#define _POSIX_C_SOURCE 200809L
#include "shell_test.h"
#include <unistd.h>

#include "lang.h"
#include "lesson.h"

#include <math.h>
#include <stdlib.h>

static void mouse(Uint32 type, float x, float y) { push(ev_mouse(type, x, y)); }
static void key(SDL_Keycode k, Uint16 mod) { push(ev_key(k, mod)); }
static void text(const char *s) { push(ev_text(s)); }

static void wheel(float notches)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = (Sint32)notches;
    e.wheel.preciseY = notches;
    push(e);
}

static int find(const char *path, float *x, float *y, float *w, float *h)
{
    frame();
    return ui_find(&sh.app.ui, ui_id_path(path), x, y, w, h);
}

static void click_at(float x, float y)
{
    mouse(SDL_MOUSEMOTION, x, y);
    mouse(SDL_MOUSEBUTTONDOWN, x, y);
    mouse(SDL_MOUSEBUTTONUP, x, y);
}

static void double_click_at(float x, float y)
{
    SDL_Event e = ev_mouse(SDL_MOUSEBUTTONDOWN, x, y);
    e.button.clicks = 2;
    push(e);
    mouse(SDL_MOUSEBUTTONUP, x, y);
}

/* The text the clipboard holds ("" when none). */
static void clipboard(char *out, size_t cap)
{
    char *c = SDL_GetClipboardText();
    snprintf(out, cap, "%s", c ? c : "");
    SDL_free(c);
}

/* x of byte offset i in the formula field's text (as the field draws it while
 * editing, unscrolled: the text is short). */
static float field_x(float fx, const char *s, int i)
{
    float fs = sh.app.ui.style.font_size * sh.app.frame.scale;
    return fx + 6 * sh.app.frame.scale + render_text_width(sh.r, 0, fs, s, i);
}

static void test_formula_field(void)
{
    App *a = &sh.app;
    SideState *st = &a->side;
    UiId field = ui_id_path("side/expr");
    char original[EXPR_MAX_SOURCE], clip[EXPR_MAX_SOURCE];
    snprintf(original, sizeof original, "%s", st->expr_text);
    float x, y, w, h;
    CHECK(find("side/expr", &x, &y, &w, &h));
    click_at(x + w - 4, y + h / 2);
    CHECK(a->ui.focus == field);
    /* Ctrl+A, then typing replaces the whole text */
    key(SDLK_a, KMOD_CTRL);
    text("0.5*x + 3*y");
    CHECK_STR(st->expr_text, "0.5*x + 3*y");
    /* Shift+Home from the end selects it all; Ctrl+X cuts it to the clipboard */
    SDL_SetModState(KMOD_LSHIFT);
    key(SDLK_HOME, KMOD_LSHIFT);
    SDL_SetModState(KMOD_NONE);
    key(SDLK_x, KMOD_CTRL);
    clipboard(clip, sizeof clip);
    CHECK_STR(clip, "0.5*x + 3*y");
    CHECK_STR(st->expr_text, "");
    /* Ctrl+V puts it back, twice */
    key(SDLK_v, KMOD_CTRL);
    key(SDLK_v, KMOD_CTRL);
    CHECK_STR(st->expr_text, "0.5*x + 3*y0.5*x + 3*y");
    /* Ctrl+Backspace deletes a word, the y */
    key(SDLK_BACKSPACE, KMOD_CTRL);
    CHECK_STR(st->expr_text, "0.5*x + 3*y0.5*x + 3*");
    /* Home, then Shift+Right five times selects "0.5*x"; Ctrl+C copies it */
    key(SDLK_HOME, 0);
    SDL_SetModState(KMOD_LSHIFT);
    for (int i = 0; i < 5; i++)
        key(SDLK_RIGHT, KMOD_LSHIFT);
    SDL_SetModState(KMOD_NONE);
    key(SDLK_c, KMOD_CTRL);
    clipboard(clip, sizeof clip);
    CHECK_STR(clip, "0.5*x");
    /* typing replaces the selection */
    text("y");
    CHECK_STR(st->expr_text, "y + 3*y0.5*x + 3*");
    /* a double-click on a word selects it: "3" (then typing replaces it) */
    key(SDLK_a, KMOD_CTRL);
    text("sin(x) + cos(y)");
    const char *s = "sin(x) + cos(y)";
    double_click_at(field_x(x, s, 10), y + h / 2);
    text("tan");
    CHECK_STR(st->expr_text, "sin(x) + tan(y)");
    /* a drag from the start to after "sin(x)" selects it */
    s = "sin(x) + tan(y)";
    mouse(SDL_MOUSEBUTTONDOWN, field_x(x, s, 0) - 2, y + h / 2);
    mouse(SDL_MOUSEMOTION, field_x(x, s, 3), y + h / 2);
    mouse(SDL_MOUSEMOTION, field_x(x, s, 6) + 1, y + h / 2);
    mouse(SDL_MOUSEBUTTONUP, field_x(x, s, 6) + 1, y + h / 2);
    text("z");
    CHECK_STR(st->expr_text, "z + tan(y)");
    /* Esc: the text the field had when it took the keyboard, and the surface as it was */
    key(SDLK_ESCAPE, 0);
    CHECK_STR(st->expr_text, original);
    CHECK(a->ui.focus == 0 && a->scene.surface.builtin >= 0 && !a->want_quit);
    /* the x clears the field and gives it the keyboard; Esc brings the formula back */
    CHECK(find("side/expr-clear", &x, &y, &w, &h));
    click_at(x + w / 2, y + h / 2);
    CHECK_STR(st->expr_text, "");
    CHECK(a->ui.focus == field);
    key(SDLK_ESCAPE, 0);
    CHECK_STR(st->expr_text, original);
    /* ... and a formula typed into the cleared field is the surface */
    click_at(x + w / 2, y + h / 2);
    text("x*x + 2*y*y");
    key(SDLK_RETURN, 0);
    CHECK(a->scene.surface.builtin == SURFACE_EXPR);
    CHECK_STR(a->scene.surface.expr.source, "x*x + 2*y*y");
}

/* A value box: clicked, its value is selected, and typing replaces it; Esc keeps
 * the value it had. */
static void test_value_box(void)
{
    App *a = &sh.app;
    float x, y, w, h;
    CHECK(find("side/run/3/lr", &x, &y, &w, &h));
    UiId box = ui_value_box_id(ui_id_path("side/run/3/lr"));
    CHECK(ui_find(&a->ui, box, &x, &y, &w, &h));
    click_at(x + w / 2, y + h / 2);
    CHECK(a->ui.focus == box);
    text("0.0321");
    key(SDLK_RETURN, 0);
    CHECK_MSG(a->scene.run[3].hp[HP_LR] == 0.0321, "lr %g", a->scene.run[3].hp[HP_LR]);
    click_at(x + w / 2, y + h / 2);
    text("7");
    key(SDLK_ESCAPE, 0);
    CHECK(a->scene.run[3].hp[HP_LR] == 0.0321 && a->ui.focus == 0);
}

/* The lr slider's track position. */
static double lr_pos(void)
{
    const HyperInfo *hi = optim_hyper(HP_LR);
    return ui_slider_pos(sh.app.scene.run[3].hp[HP_LR], hi->ui_lo, hi->ui_hi, hi->log_scale);
}

/* A press at x0, a drag of dx px in four moves, a release. */
static void drag(float x0, float y, float dx)
{
    mouse(SDL_MOUSEMOTION, x0, y);
    mouse(SDL_MOUSEBUTTONDOWN, x0, y);
    for (int i = 1; i <= 4; i++)
        mouse(SDL_MOUSEMOTION, x0 + dx * (float)i / 4, y);
    mouse(SDL_MOUSEBUTTONUP, x0 + dx, y);
}

static void test_fine_drag(void)
{
    float x, y, w, h;
    CHECK(find("side/run/3/lr", &x, &y, &w, &h));
    float x0 = x + 0.3f * w, dx = 60;
    drag(x0, y + h / 2, dx);
    double plain = lr_pos() - 0.3;
    CHECK_MSG(fabs(plain - dx / w) < 0.01, "a %g px drag moved the knob %g of the track (%g expected)", (double)dx,
              plain, (double)(dx / w));
    click_at(x0, y + h / 2); /* back to 0.3 */
    CHECK(fabs(lr_pos() - 0.3) < 0.01);
    double before = lr_pos();
    SDL_SetModState(KMOD_LSHIFT);
    drag(x0 + 40, y + h / 2, dx); /* with Shift the press does not move the knob */
    SDL_SetModState(KMOD_NONE);
    double fine = lr_pos() - before;
    CHECK_MSG(fabs(fine / plain - 0.1) < 0.02, "with Shift the drag moved %g, without %g (ratio %g, not 0.1)", fine,
              plain, fine / plain);
}

/* A press on a slider's knob (where its value is): the slider takes the wheel. */
static void press_knob(const char *path, double pos)
{
    float x, y, w, h;
    CHECK(find(path, &x, &y, &w, &h));
    SDL_SetModState(KMOD_LSHIFT); /* a fine press: the value stays as it is */
    click_at(x + w * (float)pos, y + h / 2);
    SDL_SetModState(KMOD_NONE);
}

static void test_wheel(void)
{
    App *a = &sh.app;
    float x, y, w, h;
    /* over a slider not pressed, the wheel scrolls the panel and changes nothing */
    char *before = strdup(a->history.text[a->history.at]);
    CHECK(find("side/run/2/lr", &x, &y, &w, &h));
    mouse(SDL_MOUSEMOTION, x + w * 0.5f, y + h / 2);
    wheel(-1);
    CHECK_MSG(a->side.scroll > 0, "the wheel over a slider not pressed did not scroll the panel");
    CHECK(strcmp(before, a->history.text[a->history.at]) == 0);
    free(before);
    a->side.scroll = 0;
    frame();
    /* the slider pressed: a notch is a tenth of a decade */
    press_knob("side/run/3/lr", lr_pos());
    CHECK(find("side/run/3/lr", &x, &y, &w, &h));
    double lr = a->scene.run[3].hp[HP_LR];
    float scroll = a->side.scroll;
    mouse(SDL_MOUSEMOTION, x + w * 0.5f, y + h / 2);
    wheel(1);
    CHECK_MSG(fabs(log10(a->scene.run[3].hp[HP_LR] / lr) - 0.1) < 0.005, "one notch: lr %g -> %g, not a tenth of a decade",
              lr, a->scene.run[3].hp[HP_LR]);
    wheel(-2);
    CHECK(fabs(log10(a->scene.run[3].hp[HP_LR] / lr) + 0.1) < 0.005);
    CHECK(a->side.scroll == scroll); /* the panel stayed */
    /* a linear slider: 1% of its range a notch */
    double mu = a->scene.run[1].hp[HP_MOMENTUM];
    const HyperInfo *hm = optim_hyper(HP_MOMENTUM);
    press_knob("side/run/1/momentum", ui_slider_pos(mu, hm->ui_lo, hm->ui_hi, 0));
    CHECK(a->scene.run[1].hp[HP_MOMENTUM] == mu);
    wheel(-1);
    CHECK_MSG(fabs(a->scene.run[1].hp[HP_MOMENTUM] - (mu - 0.01 * (hm->ui_hi - hm->ui_lo))) < 1e-3,
              "momentum %g -> %g", mu, a->scene.run[1].hp[HP_MOMENTUM]);
    /* a press elsewhere (the panel's margin) and the slider no longer takes it */
    const Panel *side = frame_panel(&a->frame, &panel_side);
    CHECK(find("side/run/1/momentum", &x, &y, &w, &h));
    click_at(side->x + 2, y + h / 2);
    mu = a->scene.run[1].hp[HP_MOMENTUM];
    mouse(SDL_MOUSEMOTION, x + w * 0.5f, y + h / 2);
    wheel(-1);
    CHECK(a->scene.run[1].hp[HP_MOMENTUM] == mu && a->side.scroll > 0);
    a->side.scroll = 0;
    frame();
    /* from a row above the sliders the wheel scrolls the panel, and keeps scrolling
     * while the mouse rests, though the pressed slider comes under it: no value
     * changes */
    press_knob("side/run/3/lr", lr_pos());
    float bx, by, bw, bh;
    CHECK(find("side/tune", &bx, &by, &bw, &bh));
    CHECK(find("side/run/3/lr", &x, &y, &w, &h));
    mouse(SDL_MOUSEMOTION, x + w * 0.5f, by + bh / 2);
    scroll = a->side.scroll;
    before = strdup(a->history.text[a->history.at]);
    for (int i = 0; i < 12; i++)
        wheel(-1);
    CHECK_MSG(a->side.scroll > scroll + 6 * 60 * a->frame.scale, "12 notches scrolled %g px", (double)(a->side.scroll - scroll));
    CHECK_MSG(strcmp(before, a->history.text[a->history.at]) == 0, "scrolling the panel changed the scene:\n%s\n%s", before,
              a->history.text[a->history.at]);
    free(before);
    a->side.scroll = 0;
    frame();
}

/* A widget of the side panel, scrolled into view. */
static int side_find(const char *path, float *x, float *y, float *w, float *h)
{
    const Panel *side = frame_panel(&sh.app.frame, &panel_side);
    for (int tries = 0; side && tries < 40; tries++) {
        if (!find(path, x, y, w, h))
            return 0;
        if (*y >= side->y && *y + *h <= side->y + side->h)
            return 1;
        sh.app.side.scroll += *y + *h > side->y + side->h ? 120 : -120;
    }
    return 0;
}

/* A run's label, typed in its "more" (Enter sets it; a label another run has, or
 * one with a ',' is refused and said), and its colour from the swatches; each one
 * step of undo. */
/* Opens run 0's "more" and clicks into its label field, its text selected; the
 * field's place in x..h. */
static void edit_label(float *x, float *y, float *w, float *h)
{
    CHECK(side_find("side/run/0/more", x, y, w, h));
    click_at(*x + *w / 2, *y + *h / 2);
    CHECK(side_find("side/run/0/label", x, y, w, h));
    click_at(*x + *w / 2, *y + *h / 2);
    key(SDLK_a, KMOD_CTRL);
}

static void test_label_and_colour(void)
{
    App *a = &sh.app;
    float x, y, w, h;
    edit_label(&x, &y, &w, &h);
    text("fast sgd");
    key(SDLK_RETURN, 0);
    CHECK_STR(a->scene.run[0].label, "fast sgd");
    CHECK(a->scene.run[0].label_set);
    static const char *const BAD[] = {"momentum", "a,b"};
    for (int i = 0; i < 2; i++) {
        click_at(x + w / 2, y + h / 2);
        key(SDLK_a, KMOD_CTRL);
        text(BAD[i]);
        key(SDLK_RETURN, 0);
        CHECK_MSG(strcmp(a->scene.run[0].label, "fast sgd") == 0 && strncmp(a->message, "Label not changed", 17) == 0,
                  "label '%s' gave '%s', said '%s'", BAD[i], a->scene.run[0].label, a->message);
    }
    int colour = a->scene.run[0].colour;
    CHECK(side_find("side/run/0/colour/5", &x, &y, &w, &h));
    click_at(x + w / 2, y + h / 2);
    CHECK(a->scene.run[0].colour == 5 && colour != 5);
    key(SDLK_z, KMOD_CTRL);
    CHECK(a->scene.run[0].colour == colour);
    key(SDLK_z, KMOD_CTRL);
    CHECK_MSG(strcmp(a->scene.run[0].label, "sgd") == 0, "undone: %s", a->scene.run[0].label);
    a->side.scroll = 0;
    frame();
}

/* The draw command of a text that is exactly s this frame, or NULL. */
static const DrawCmd *drawn_text(const char *s)
{
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind == DRAW_TEXT && c->text_len == (int)strlen(s) && !memcmp(draw_text_of(&sh.dl, c), s, strlen(s)))
            return c;
    }
    return NULL;
}

/* How many text commands draw exactly s this frame. */
static int drawn_count(const char *s)
{
    int n = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        n += c->kind == DRAW_TEXT && c->text_len == (int)strlen(s) && !memcmp(draw_text_of(&sh.dl, c), s, strlen(s));
    }
    return n;
}

/* Chinese typed through an input method: what it composes shows at the caret and
 * changes nothing; its keys (Backspace, Enter) are its own while it composes; what
 * it commits is typed; the input method is told where the caret is. */
static void test_input_method(void)
{
    App *a = &sh.app;
    float x, y, w, h;
    edit_label(&x, &y, &w, &h);
    /* over the selection (all of "sgd"), the composition is drawn in its place:
     * what its commit will replace is not shown beside it */
    int sgd_before = drawn_count("sgd");
    push(ev_compose("s"));
    CHECK_MSG(drawn_count("sgd") == sgd_before - 1, "the selected text is still drawn beside the composition");
    push(ev_compose(""));
    text("SGD ");
    push(ev_compose("sui"));
    push(ev_compose("suiji"));
    const DrawCmd *c = drawn_text("suiji"), *before = drawn_text("SGD ");
    CHECK_MSG(c != NULL, "the composition is not drawn");
    CHECK_MSG(c && before && c->x > before->x + 10, "the composition is not after the text");
    CHECK_MSG(a->ui.ime_h > 0 && a->ui.ime_x >= x && a->ui.ime_x <= x + w && a->ui.ime_y >= y - 1 &&
                  a->ui.ime_y <= y + h,
              "the caret for the input method (%.0f, %.0f) is not in the field", a->ui.ime_x, a->ui.ime_y);
    /* Backspace and Enter go to the input method while it composes */
    key(SDLK_BACKSPACE, 0);
    key(SDLK_RETURN, 0);
    CHECK_MSG(a->ui.focus != 0, "Enter during a composition ended the edit");
    CHECK_STR(a->scene.run[0].label, "sgd");
    push(ev_compose(""));
    text("随机");
    CHECK_MSG(drawn_text("suiji") == NULL, "the composition is still drawn after it was committed");
    key(SDLK_RETURN, 0);
    CHECK_STR(a->scene.run[0].label, "SGD 随机");
    CHECK(a->ui.focus == 0 && a->ui.ime_h == 0);
    key(SDLK_z, KMOD_CTRL);
    CHECK_STR(a->scene.run[0].label, "sgd");
    a->side.scroll = 0;
    frame();
}

/* The language switch at the side panel's title: a click speaks Chinese from the
 * next frame, kept in the scene file the window saves (and the state), not a step
 * of undo; English back the same way. */
static void test_language_switch(void)
{
    App *a = &sh.app;
    float x, y, w, h;
    CHECK(strcmp(lang_current(), "en") == 0);
    CHECK(drawn_text("Surface") != NULL && drawn_text("\xe6\x9b\xb2\xe9\x9d\xa2") == NULL); /* 曲面 */
    CHECK(find("side/lang/zh_CN", &x, &y, &w, &h));
    click_at(x + w / 2, y + h / 2);
    frame();
    CHECK_STR(lang_current(), "zh_CN");
    CHECK_STR(a->lang, "zh_CN");
    CHECK_MSG(drawn_text("\xe6\x9b\xb2\xe9\x9d\xa2") != NULL && drawn_text("Surface") == NULL,
              "the side panel's heading is not 曲面 after the switch");
    char path[] = "/tmp/test_fields_lang_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0)
        close(fd);
    char err[1400], text[8192] = "";
    CHECK(app_save_scene_to(a, path, err, sizeof err) == 0);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = 0;
    if (f)
        fclose(f);
    unlink(path);
    CHECK_MSG(strstr(text, "\n--lang zh_CN\n") != NULL, "the saved scene has no --lang zh_CN");
    /* not undone: Ctrl+Z undoes the scene's last change, the language stays */
    int runs = a->scene.n_runs;
    key(SDLK_z, KMOD_CTRL);
    CHECK_STR(lang_current(), "zh_CN");
    key(SDLK_z, KMOD_CTRL | KMOD_SHIFT);
    CHECK(a->scene.n_runs == runs);
    CHECK(find("side/lang/en", &x, &y, &w, &h));
    click_at(x + w / 2, y + h / 2);
    frame();
    CHECK_STR(lang_current(), "en");
    CHECK(drawn_text("Surface") != NULL);
}

/* A built-in lesson in Chinese: its runs' labels of words in the reader's language
 * ("no correction" 无偏差修正), its --card on the run it names; the lesson's own text
 * unchanged. Last: it leaves the lesson open. */
static void test_lesson_labels(void)
{
    App *a = &sh.app;
    char err[256];
    CHECK(lang_set("zh_CN", err, sizeof err) == 0);
    app_open_lesson(a, "adam");
    CHECK(a->lesson != NULL);
    int found = 0;
    for (int k = 0; a->lesson && k < a->lesson->n_slides && !found; k++) {
        app_show_slide(a, k);
        frame();
        int r = scene_find_run(&a->scene, "\xe6\x97\xa0\xe5\x81\x8f\xe5\xb7\xae\xe4\xbf\xae\xe6\xad\xa3"); /* 无偏差修正 */
        if (r >= 0 && app_card_run(a) == r)
            found = 1;
        CHECK_MSG(scene_find_run(&a->scene, "no correction") < 0, "slide %d: an English label in Chinese", k + 1);
    }
    CHECK_MSG(found, "no slide of the adam lesson shows the card of 无偏差修正");
    int in_text = 0; /* the lesson's text (not NUL-terminated) keeps its words */
    for (size_t i = 0; a->lesson && i + 19 <= a->lesson->len && !in_text; i++)
        in_text = memcmp(a->lesson->text + i, "label=no correction", 19) == 0;
    CHECK(in_text);
    CHECK(lang_set("en", err, sizeof err) == 0);
    app_show_slide(a, a->slide);
    CHECK(scene_find_run(&a->scene, "no correction") >= 0);
}

/* The lr slider marks each power of ten from 1e-5 to 10: seven marks. */
static void test_decades(void)
{
    float x, y, w, h;
    CHECK(find("side/run/3/lr", &x, &y, &w, &h));
    int marks = 0;
    for (int i = 0; i < sh.dl.n; i++) {
        const DrawCmd *c = &sh.dl.cmd[i];
        if (c->kind == DRAW_RECT && c->rgba == gs_theme.text_dim && c->x >= x - 1 && c->x + c->w <= x + w + 1 &&
            c->y >= y && c->y + c->h <= y + h && c->w < 3)
            marks++;
    }
    CHECK_MSG(marks == 7, "%d decade marks on the lr slider", marks);
}

static void finger(Uint32 type, float x, float y)
{
    int fw = 1, fh = 1;
    SDL_GL_GetDrawableSize(sh.gl.window, &fw, &fh);
    push(ev_finger(type, 9, x, y, fw, fh));
}

/* The hyperparameter map by touch: a tap on a cell gives the run its values; a
 * finger held on a cell half a second shows the cell's values and outcome and
 * leaves the run as it was. */
static void test_long_press(void)
{
    App *a = &sh.app;
    a->selected = 3; /* adam: lr x beta1 */
    push(ev_key(SDLK_h, 0));
    Uint32 t0 = SDL_GetTicks();
    while (!(a->maps.kind == MAPS_HYPER && a->maps.fine && !a->maps.job) && SDL_GetTicks() - t0 < 60000) {
        frame();
        SDL_Delay(10);
    }
    const DrawCmd *img = NULL;
    frame();
    for (int i = 0; i < sh.dl.n; i++)
        if (sh.dl.cmd[i].kind == DRAW_IMAGE && sh.dl.cmd[i].pixels == a->maps.image)
            img = &sh.dl.cmd[i];
    CHECK(img != NULL && a->maps.axis[1].n > 0);
    if (!img)
        return;
    Run *r = &a->scene.run[3];
    int n = a->maps.nx;
    float cx = img->x + img->w * (10 + 0.5f) / (float)n, cy = img->y + img->h * (1.0f - (20 + 0.5f) / (float)n);
    /* held: 40 frames of 1/60 s */
    double lr = r->hp[HP_LR], b1 = r->hp[HP_BETA1];
    finger(SDL_FINGERDOWN, cx, cy);
    for (int i = 0; i < 40; i++)
        frame();
    CHECK(a->maps.hover == 20 * n + 10);
    finger(SDL_FINGERUP, cx, cy);
    CHECK_MSG(r->hp[HP_LR] == lr && r->hp[HP_BETA1] == b1, "a long press changed the run: lr %g beta1 %g", r->hp[HP_LR],
              r->hp[HP_BETA1]);
    /* a tap, where the cell is now (after a finger, the controls are touch-sized) */
    frame();
    for (int i = 0; i < sh.dl.n; i++)
        if (sh.dl.cmd[i].kind == DRAW_IMAGE && sh.dl.cmd[i].pixels == a->maps.image)
            img = &sh.dl.cmd[i];
    cx = img->x + img->w * (10 + 0.5f) / (float)n, cy = img->y + img->h * (1.0f - (20 + 0.5f) / (float)n);
    finger(SDL_FINGERDOWN, cx, cy);
    finger(SDL_FINGERUP, cx, cy);
    CHECK_MSG(r->hp[HP_LR] == sweep_value(&a->maps.axis[0], 10) && r->hp[HP_BETA1] == sweep_value(&a->maps.axis[1], 20),
              "a tap gave lr %g beta1 %g", r->hp[HP_LR], r->hp[HP_BETA1]);
    push(ev_key(SDLK_h, 0));
    a->selected = -1;
    frame();
}

int main(void)
{
    char *argv[] = {"gradscape", "--size", "1600x900", "--out-dir", "/tmp"};
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    lang_bind_near(exe); /* the build's catalogs */
    if (shell_test_open(5, argv) != 0)
        return 1;
    sh.app.playing = 0;
    test_value_box();
    test_fine_drag();
    test_wheel();
    test_decades();
    test_formula_field();
    test_label_and_colour();
    test_input_method();
    test_language_switch();
    test_long_press();
    test_lesson_labels();
    shell_free(&sh);
    return check_done("test_fields");
}
