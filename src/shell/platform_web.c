/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* platform_web: the browser build's platform layer, in place of SDL's. The page's
 * canvas gets a WebGL 2 context (OpenGL ES 3.0, through which the same renderer
 * draws); DOM events from Emscripten's html5.h become the same Input the SDL layer
 * makes; requestAnimationFrame runs the shell's frame, which draws only when
 * something changes (as the desktop's window waits for events). Files the user saves (a
 * screenshot, a scene) are written to Emscripten's in-memory file system and
 * offered as downloads (src/web/library_gradscape.js). The command line comes
 * from the page's URL (src/web/index.html), and the URL follows the scene (so
 * that it can be shared). The scene the page had when it was left is kept in the
 * browser's local storage, for ?resume.
 *
 * Invariants: coordinates are canvas pixels (CSS pixels times devicePixelRatio),
 * as the SDL layer gives framebuffer pixels; events between two frames add up as
 * SDL's queue does (a press and release in one frame is both). */
#include <emscripten.h>
#include <emscripten/html5.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "embedded.h"
#include "lang.h"
#include "log.h"
#include "scenefile.h"
#include "shell.h"
#include "fingers.h"
#include "spec.h"

#define CANVAS "#canvas"
#define DOUBLE_CLICK_MS 400.0
#define DOUBLE_CLICK_PX 4.0f

static Shell sh;
static Input ev;          /* events since the last frame */
static int settle = 2;    /* frames still to draw after an event (an immediate-mode UI settles in two) */
static int canvas_w, canvas_h;
static double last_down_ms = -1e9;
static float last_down_x, last_down_y;

double platform_now_ms(void) { return emscripten_get_now(); }

/* CSS pixels -> canvas pixels */
static float dpr(void)
{
    double r = emscripten_get_device_pixel_ratio();
    return r > 0.0 ? (float)r : 1.0f;
}

/* The mouse (or a finger) at a point of the page, in CSS pixels. */
static void mouse_to(long client_x, long client_y)
{
    ev.mouse_x = (float)client_x * dpr(), ev.mouse_y = (float)client_y * dpr();
}

/* Something happened: the next frames are drawn. */
static void wake(void) { settle = 2; }

/* For the browser test: the frames drawn so far; the lesson's slide shown (from 1;
 * 0: no lesson), plus 1000 while presenting. */
EMSCRIPTEN_KEEPALIVE unsigned long gs_web_frames(void) { return sh.frames; }
/* 1 when the controls are touch-sized (a phone's pointer, or a finger used), for
 * the tests. */
EMSCRIPTEN_KEEPALIVE int gs_web_touch(void) { return sh.app.touch; }
/* the language the page speaks ("en", "zh_CN") */
EMSCRIPTEN_KEEPALIVE const char *gs_web_lang(void) { return lang_current(); }
/* 1 while a map is being computed (in slices of the page's frames), for the tests. */
EMSCRIPTEN_KEEPALIVE int gs_web_maps_busy(void) { return sh.app.maps.job != NULL; }
EMSCRIPTEN_KEEPALIVE int gs_web_slide(void)
{
    return (sh.app.lesson ? sh.app.slide + 1 : 0) + (sh.app.presenting ? 1000 : 0);
}

static void mouse_at(const EmscriptenMouseEvent *e)
{
    mouse_to(e->clientX, e->clientY);
    ev.pointer = -1;
    ev.shift |= e->shiftKey != 0;
}

static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent *e, void *user)
{
    wake();
    (void)user;
    mouse_at(e);
    if (e->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE)
        return 0;
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) {
        double now = emscripten_get_now();
        float dx = ev.mouse_x - last_down_x, dy = ev.mouse_y - last_down_y;
        if (now - last_down_ms < DOUBLE_CLICK_MS && dx * dx + dy * dy <= DOUBLE_CLICK_PX * DOUBLE_CLICK_PX)
            ev.double_click = 1;
        last_down_ms = now, last_down_x = ev.mouse_x, last_down_y = ev.mouse_y;
        ev.mouse_down = 1, ev.mouse_pressed = 1;
        return 1;
    }
    if (type == EMSCRIPTEN_EVENT_MOUSEUP && ev.mouse_down) {
        ev.mouse_down = 0, ev.mouse_released = 1;
        return 1;
    }
    return 0;
}

static EM_BOOL on_wheel(int type, const EmscriptenWheelEvent *e, void *user)
{
    wake();
    (void)type, (void)user;
    mouse_at(&e->mouse);
    /* notches, positive away from the user: a line is a third of a notch, a
     * pixel a hundredth (as browsers scroll 100 px a notch) */
    double per = e->deltaMode == DOM_DELTA_LINE ? 3.0 : e->deltaMode == DOM_DELTA_PAGE ? 0.1 : 100.0;
    ev.wheel -= (float)(e->deltaY / per);
    return 1;
}

/* The DOM's key name -> the app's key, or -1 */
static int map_key(const char *k)
{
    static const struct {
        const char *name;
        int key;
    } NAMED[] = {
        {" ", UI_KEY_SPACE},         {"ArrowLeft", UI_KEY_LEFT},   {"ArrowRight", UI_KEY_RIGHT},
        {"ArrowUp", UI_KEY_UP},      {"ArrowDown", UI_KEY_DOWN},   {"Home", UI_KEY_HOME},
        {"End", UI_KEY_END},         {"Backspace", UI_KEY_BACKSPACE}, {"Delete", UI_KEY_DELETE},
        {"Enter", UI_KEY_ENTER},     {"Escape", UI_KEY_ESCAPE},    {"Tab", UI_KEY_TAB},
        {"+", UI_KEY_PLUS},          {"=", UI_KEY_PLUS},           {"-", UI_KEY_MINUS},
        {"F1", UI_KEY_F1},           {"F11", UI_KEY_F11},          {"0", UI_KEY_0},
        {"3", UI_KEY_3},             {"F5", UI_KEY_F5},            {"PageUp", UI_KEY_PAGEUP},
        {"PageDown", UI_KEY_PAGEDOWN}, {".", UI_KEY_PERIOD},
    };
    for (size_t i = 0; i < sizeof NAMED / sizeof NAMED[0]; i++)
        if (strcmp(k, NAMED[i].name) == 0)
            return NAMED[i].key;
    static const struct {
        char c;
        int key;
    } LETTERS[] = {
        {'r', UI_KEY_R}, {'s', UI_KEY_S}, {'g', UI_KEY_G}, {'i', UI_KEY_I}, {'u', UI_KEY_U}, {'o', UI_KEY_O},
        {'c', UI_KEY_C}, {'e', UI_KEY_E}, {'b', UI_KEY_B}, {'d', UI_KEY_D}, {'v', UI_KEY_V}, {'h', UI_KEY_H},
        {'a', UI_KEY_A}, {'p', UI_KEY_P}, {'z', UI_KEY_Z}, {'y', UI_KEY_Y}, {'x', UI_KEY_X},
    };
    if (k[0] && !k[1])
        for (size_t i = 0; i < sizeof LETTERS / sizeof LETTERS[0]; i++)
            if ((k[0] | 0x20) == LETTERS[i].c)
                return LETTERS[i].key;
    return -1;
}

/* One UTF-8 character (a printable key), not a key name like "Shift" */
static int is_char(const char *k)
{
    size_t n = strlen(k);
    unsigned c = (unsigned char)k[0];
    size_t want = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    return n > 0 && n == want && !(c < 0x20 || c == 0x7F);
}

static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent *e, void *user)
{
    wake();
    (void)type, (void)user;
    int k = map_key(e->key);
    int ctrl = e->ctrlKey || e->metaKey;
    if (ctrl && k == UI_KEY_V)
        return 0; /* the browser's paste event brings the text (gs_web_paste) */
    if (k >= 0)
        ev.key_pressed[k] = 1;
    ev.ctrl |= ctrl;
    ev.shift |= e->shiftKey != 0;
    int text = !ctrl && !e->altKey && is_char(e->key);
    if (text) {
        size_t have = strlen(ev.text), add = strlen(e->key);
        if (have + add < sizeof ev.text)
            memcpy(ev.text + have, e->key, add + 1);
    }
    /* the browser keeps what the app does not use (F5, F12, Ctrl+R, ...) */
    return k >= 0 || text;
}

/* The browser left (or entered) full screen itself (its own Esc): the app follows. */
static EM_BOOL on_fullscreen(int type, const EmscriptenFullscreenChangeEvent *e, void *user)
{
    (void)type, (void)user;
    sh.fullscreen = sh.app.fullscreen = e->isFullscreen != 0;
    if (!e->isFullscreen)
        sh.app.present_fullscreen = 0;
    wake();
    return 0;
}

/* src/web/library_gradscape.js */
void gs_web_download(const char *path);
void gs_web_pick_file(void);
void gs_web_restore(const char *path);
void gs_web_keep_on_leave(void);
void gs_web_follow_address(void);
int gs_web_clipboard(const char *text);
void gs_web_started(void);
void gs_web_first_frame(void);
void gs_web_failed(const char *msg);
int gs_web_coarse_pointer(void);
void gs_web_ime(int on, float x, float y, float h);

/* Fingers (fingers.c): the first is the mouse, two pinch and pan; the page does not
 * scroll or zoom under them. */
static Fingers fingers;

static EM_BOOL on_touch(int type, const EmscriptenTouchEvent *e, void *user)
{
    wake();
    (void)user;
    for (int i = 0; i < e->numTouches; i++) {
        const EmscriptenTouchPoint *t = &e->touches[i];
        if (!t->isChanged)
            continue;
        float x = (float)t->clientX * dpr(), y = (float)t->clientY * dpr();
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART)
            fingers_down(&fingers, t->identifier, x, y, &ev);
        else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE)
            fingers_move(&fingers, t->identifier, x, y, &ev);
        else
            fingers_up(&fingers, t->identifier, &ev);
    }
    return 1;
}

/* An input method's composition on the page (the hidden field index.html focuses
 * while a text field is edited: compositionupdate), until it commits. */
static char composing[sizeof ev.compose];

EMSCRIPTEN_KEEPALIVE void gs_web_compose(const char *text)
{
    snprintf(composing, sizeof composing, "%s", text);
    wake();
}

/* Text the input method committed (compositionend), or typed into the hidden field
 * without a key the app saw. */
EMSCRIPTEN_KEEPALIVE void gs_web_type(const char *text)
{
    size_t have = strlen(ev.text), add = strlen(text);
    if (have + add < sizeof ev.text)
        memcpy(ev.text + have, text, add + 1);
    composing[0] = 0;
    wake();
}

/* Where a widget is, in CSS pixels, as "x,y,w,h" ("" when it is not drawn): for the
 * browser test, which clicks it. */
EMSCRIPTEN_KEEPALIVE const char *gs_web_widget(const char *path)
{
    static char out[96];
    float x, y, w, h;
    out[0] = 0;
    if (ui_find(&sh.app.ui, ui_id_path(path), &x, &y, &w, &h))
        snprintf(out, sizeof out, "%g,%g,%g,%g", x / dpr(), y / dpr(), w / dpr(), h / dpr());
    return out;
}

/* The label of run k, as the app has it now (the browser test). */
EMSCRIPTEN_KEEPALIVE const char *gs_web_label(int k)
{
    return k >= 0 && k < sh.app.scene.n_runs ? sh.app.scene.run[k].label : "";
}

/* Ctrl+V on the page: the clipboard's text, for the text field being edited. */
EMSCRIPTEN_KEEPALIVE void gs_web_paste(const char *text)
{
    snprintf(ev.paste, sizeof ev.paste, "%s", text);
    ev.key_pressed[UI_KEY_V] = 1;
    ev.ctrl = 1;
    wake();
}

/* The scene file the user chose (Ctrl+O, the side panel's Open, or dropped on
 * the page), written to the in-memory file system by the page: opened, and named
 * in the side panel, so that Save writes it under the same name. */
EMSCRIPTEN_KEEPALIVE void gs_web_open(const char *path)
{
    App *a = &sh.app;
    snprintf(a->side.scene_path, sizeof a->side.scene_path, "%s", path);
    app_open_scene(a, path);
    wake();
}

/* The page is being left: the scene as it is, for ?resume (as the desktop's
 * window saves it when it quits). Returns the file the page keeps in the
 * browser's local storage, or NULL. */
EMSCRIPTEN_KEEPALIVE const char *gs_web_keep(void)
{
    static char path[1024];
    if (!sh.r || scenefile_state_path(path, sizeof path, 1) != 0 || app_save_last(&sh.app) != 0)
        return NULL;
    return path;
}

/* The scene as a scene file, whose lines the page puts in its address
 * (src/web/library_gradscape.js), so that the address a teacher copies opens this
 * scene, and a reload keeps it. Returns the file, or NULL. playing: whether the
 * step shown is moving (then the address leaves it out). */
EMSCRIPTEN_KEEPALIVE const char *gs_web_address_scene(int *playing)
{
    static const char path[] = "/tmp/address.scene";
    static unsigned long seen = (unsigned long)-1;
    char err[1400];
    if (sh.frames == seen) /* no frame drawn since: the scene is as it was */
        return NULL;
    if (!sh.r || app_save_scene_to(&sh.app, path, err, sizeof err) != 0)
        return NULL;
    seen = sh.frames;
    *playing = sh.app.playing;
    return path;
}

static void pick_file(App *a)
{
    (void)a;
    gs_web_pick_file();
}

/* The canvas's backing store follows its CSS size and the pixel ratio. */
static int fit_canvas(void)
{
    double cw = 0, ch = 0;
    emscripten_get_element_css_size(CANVAS, &cw, &ch);
    int w = (int)(cw * dpr() + 0.5), h = (int)(ch * dpr() + 0.5);
    if (w < 1 || h < 1)
        return 0;
    if (w != canvas_w || h != canvas_h) {
        emscripten_set_canvas_element_size(CANVAS, w, h);
        canvas_w = w, canvas_h = h;
        ev.resized = 1;
        wake();
    }
    return 1;
}

static void frame(void)
{
    if (!fit_canvas())
        return;
    /* nothing moves and nothing happened: the canvas keeps its picture (a map being
     * computed takes a slice of every frame, app_maps.c) */
    AppBusy busy = app_busy(&sh.app);
    double now = platform_now_ms();
    if (settle == 0 && busy == APP_IDLE) {
        sh.last_ms = now; /* the wait is no time passed */
        return;
    }
    if (settle > 0)
        settle--;
    double dt = shell_dt(&sh, -1.0);
    memcpy(ev.compose, composing, sizeof composing);
    sh.in = ev;
    /* what carries over to the next frame: where the mouse is, and the button */
    float mx = ev.mouse_x, my = ev.mouse_y;
    int down = ev.mouse_down;
    memset(&ev, 0, sizeof ev);
    ev.mouse_x = mx, ev.mouse_y = my, ev.mouse_down = down;
    shell_step(&sh, dt, canvas_w, canvas_h);
    App *a = &sh.app;
    /* a text field being edited: the page's hidden field takes the keyboard at its
     * caret, so that an input method composes there (and shows its candidates) */
    static float ime_last[4];
    float ime[4] = {a->ui.ime_h > 0, a->ui.ime_x / dpr(), a->ui.ime_y / dpr(), a->ui.ime_h / dpr()};
    if (memcmp(ime, ime_last, sizeof ime) != 0) {
        gs_web_ime(ime[0] > 0, ime[1], ime[2], ime[3]);
        memcpy(ime_last, ime, sizeof ime);
    }
    if (a->fullscreen != sh.fullscreen) {
        sh.fullscreen = a->fullscreen;
        if (a->fullscreen)
            emscripten_request_fullscreen(CANVAS, 1);
        else
            emscripten_exit_fullscreen();
    }
    a->want_quit = 0; /* a page is closed by the browser, not by the app */
    static int drawn;
    if (!drawn++)
        gs_web_first_frame();
}

/* the catalogs of po/, by language code (CMakeLists.txt: catalogs.c) */
extern const EmbeddedFile gs_catalogs[];
extern const int gs_catalogs_count;

/* The language: the embedded catalogs (lang.h: read in memory), then ?lang=
 * (--lang), else the browser's (Emscripten sets LANG from navigator.languages). */
static void lang_start(int argc, char **argv)
{
    for (int i = 0; i < gs_catalogs_count; i++)
        lang_catalog(gs_catalogs[i].name, gs_catalogs[i].data, gs_catalogs[i].len);
    char err[256];
    lang_set(lang_arg(argc, argv), err, sizeof err);
}

static int fail(const char *msg, int status)
{
    fprintf(stderr, "gradscape: %s\n", msg);
    gs_web_failed(msg);
    return status;
}

int main(int argc, char **argv)
{
    /* Emscripten starts with a umask of 0777, so a saved file (made 0666 & ~umask)
     * could not be read back for its download; the usual one */
    umask(022);
    /* the scene the page had when it was last left, where --resume reads it */
    char state[1024];
    if (scenefile_state_path(state, sizeof state, 1) == 0)
        gs_web_restore(state);
    lang_start(argc, argv);
    Config cfg;
    char err[SPEC_ERR_MAX + 64];
    if (spec_parse_args(argc, argv, &cfg, err, sizeof err) != 0)
        return fail(err, 2);
    if (cfg.lang[0])
        lang_set(cfg.lang, err, sizeof err);
    if (cfg.action != SPEC_RUN || cfg.headless)
        return fail(_("the browser build opens the window only: --help, --headless and the like are the "
                      "desktop program's"),
                    2);
    EmscriptenWebGLContextAttributes at;
    emscripten_webgl_init_context_attributes(&at);
    at.majorVersion = 2, at.minorVersion = 0;
    at.alpha = 0, at.depth = 0, at.stencil = 0, at.antialias = 0;
    at.premultipliedAlpha = 0, at.preserveDrawingBuffer = 0;
    at.powerPreference = EM_WEBGL_POWER_PREFERENCE_HIGH_PERFORMANCE;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(CANVAS, &at);
    if (ctx <= 0)
        return fail(_("this browser gives no WebGL 2 context"), 1);
    emscripten_webgl_make_context_current(ctx);
    /* float render targets: the 3D view's heights and the field's values */
    if (!emscripten_webgl_enable_extension(ctx, "EXT_color_buffer_float"))
        gs_log("%s", _("no EXT_color_buffer_float: the 3D view cannot be drawn"));
    memset(&sh, 0, sizeof sh);
    sh.gl.handle = (int)ctx;
    fit_canvas();
    int is_input = 0;
    if (shell_setup(&sh, &cfg, err, sizeof err, &is_input) != 0)
        return fail(err, is_input ? 2 : 1);
    sh.app.clipboard = gs_web_clipboard;
    /* a phone or a tablet: touch-sized controls from the first frame */
    sh.app.touch = gs_web_coarse_pointer();
    sh.app.file_saved = gs_web_download; /* a download, then gone from memory */
    sh.app.file_open = pick_file;
    emscripten_set_mousedown_callback(CANVAS, NULL, 1, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, NULL, 1, on_mouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, NULL, 1, on_mouse);
    emscripten_set_wheel_callback(CANVAS, NULL, 1, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, NULL, 1, on_key);
    emscripten_set_touchstart_callback(CANVAS, NULL, 1, on_touch);
    emscripten_set_touchmove_callback(CANVAS, NULL, 1, on_touch);
    emscripten_set_touchend_callback(CANVAS, NULL, 1, on_touch);
    emscripten_set_touchcancel_callback(CANVAS, NULL, 1, on_touch);
    emscripten_set_fullscreenchange_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, NULL, 1, on_fullscreen);
    gs_web_keep_on_leave();
    gs_web_follow_address();
    gs_web_started();
    emscripten_set_main_loop(frame, 0, 1);
    return 0;
}
