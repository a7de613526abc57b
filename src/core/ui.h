/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* ui: a small immediate-mode UI in the spirit of microui. A caller-owned UiContext
 * is passed first to every call; each widget is split in two: its behaviour (reads
 * the frame's Input, updates the value it was given, returns flags) and its drawing
 * (appends commands to a DrawList). Text is measured through a callback, so the UI
 * runs and is testable without a renderer.
 *
 * Widget ids are paths, as microui's id stack makes them: ui_push_id("run") and
 * ui_push_index(3) and then a slider named "lr" has the id of "run/3/lr"
 * (ui_id_path gives the same id from the string, for tests and tools).
 *
 * Invariants: widget ids are stable across frames; at most one widget is active
 * (held by the mouse) and at most one has keyboard focus (a text field being
 * edited); a value a slider stores has been through its `fix` (so it is valid
 * before it is drawn or used). */
#ifndef GS_UI_H
#define GS_UI_H

#include "draw.h"
#include "theme.h"

typedef enum UiKey {
    UI_KEY_SPACE, UI_KEY_LEFT, UI_KEY_RIGHT, UI_KEY_UP, UI_KEY_DOWN, UI_KEY_HOME, UI_KEY_END,
    UI_KEY_BACKSPACE, UI_KEY_DELETE, UI_KEY_ENTER, UI_KEY_ESCAPE, UI_KEY_TAB,
    UI_KEY_PLUS, UI_KEY_MINUS, UI_KEY_F1, UI_KEY_F11,
    UI_KEY_R, UI_KEY_S, UI_KEY_G, UI_KEY_V, UI_KEY_H, UI_KEY_A, UI_KEY_0, UI_KEY_P,
    UI_KEY_I, UI_KEY_U, UI_KEY_O, UI_KEY_C, UI_KEY_E, UI_KEY_3, UI_KEY_B, UI_KEY_D,
    UI_KEY_PAGEUP, UI_KEY_PAGEDOWN, UI_KEY_F5, UI_KEY_PERIOD, /* a presentation clicker's */
    UI_KEY_Z, UI_KEY_Y, UI_KEY_Q, UI_KEY_X,
    UI_KEY_COUNT
} UiKey;

#define UI_PASTE_MAX 512

/* One frame of input, in framebuffer pixels. */
typedef struct Input {
    float mouse_x, mouse_y;
    int mouse_down;                 /* left button held */
    int mouse_pressed, mouse_released;
    int double_click;
    float wheel;                    /* notches, positive away from the user */
    int key_pressed[UI_KEY_COUNT];  /* pressed this frame (with repeat) */
    int ctrl, shift;
    char text[64];                  /* UTF-8 typed this frame */
    char compose[64];               /* an input method's text being composed (拼音 → 汉字), not typed yet */
    char paste[UI_PASTE_MAX];       /* the clipboard's text, when Ctrl+V was pressed */
    int pointer;                    /* this frame's pointer: 1 a finger, -1 a mouse, 0 none */
    int two_fingers;                /* two fingers are down: a gesture, no press */
    float zoom;                     /* ... the distance between them grew this many times (0: none) */
    float pan_dx, pan_dy;           /* ... their centre moved this far (px) */
    float gesture_x, gesture_y;     /* ... their centre */
    int quit;                       /* window closed */
    int resized;
    int minimized;
} Input;

typedef unsigned UiId;

typedef float (*UiTextWidthFn)(void *user, int font, float size, const char *s, int len);

typedef struct UiStyle {
    float scale;          /* multiplies every size below */
    float font_size;      /* px */
    float row_height;     /* px */
    float pad;            /* px */
} UiStyle;

#define UI_ID_DEPTH 8

/* A slider's range and what it does to a value before storing it. */
typedef struct UiSlider {
    double lo, hi;        /* the track */
    int log_scale;        /* the track moves in log10 */
    const char *fmt;      /* the value box (default "%.4g") */
    /* the value to store for a dragged, typed or nudged v (a clamp, a rounding);
     * NULL stores v as it is */
    double (*fix)(const void *user, double v);
    const void *fix_user;
    float value_w;        /* the value box's width in pixels (0: a default that fits the value) */
} UiSlider;

typedef struct UiContext {
    const Input *in;
    DrawList *dl;
    UiStyle style;
    const Theme *theme;
    UiTextWidthFn text_width;
    void *text_user;
    UiId hot, active, focus;    /* under the mouse, held, editing text */
    UiId last_hot;
    UiId id_stack[UI_ID_DEPTH];
    int id_depth;
    /* a slider's drag: where the track is (t in [0, 1]) and the mouse was last
     * frame; Shift moves it ten times finer, from where it is */
    double drag_t;
    float drag_x;
    int drag_fine;              /* Shift was used in this drag */
    /* the wheel over the slider last pressed (its track or value box) nudges it, as
     * a focused control takes the wheel; over anything else, or once the panel
     * under the mouse scrolls (until the mouse moves), it scrolls the panel */
    UiId wheel_armed;           /* the slider last pressed (0 after a press elsewhere) */
    UiId wheel_slider, last_wheel_slider; /* that slider, under the mouse this / last frame */
    int wheel_scrolling;
    float last_mouse_x, last_mouse_y;
    /* layout: a column of rows inside a panel */
    float px, py, pw, ph;       /* panel rect */
    float cx, cy;               /* cursor */
    float scroll, content_h;
    int panel_drag;             /* a press on a panel's background: the drag scrolls it */
    float panel_drag_y, panel_drag_scroll;
    /* text editing: the focused field's caret and the other end of its selection
     * (the selection is between them; none when they are equal) */
    char edit[128];             /* a value box's text while it is edited */
    int edit_len;
    int caret, anchor;          /* byte offsets in the text being edited */
    int word_drag;              /* a double-click selected a word: the press does not drag */
    float edit_scroll;          /* px the edited line is scrolled left */
    char edit_orig[UI_PASTE_MAX]; /* a text field's text when it took focus (Esc restores it) */
    /* the focused text field's caret this frame, where an input method shows its
     * candidates (ime_h 0: no text field has focus) */
    float ime_x, ime_y, ime_h;
    /* text cut or copied this frame (Ctrl+X, Ctrl+C), for the system clipboard */
    char copied[UI_PASTE_MAX];
    int copied_ready;
    int mouse_used;             /* a widget took this frame's mouse press */
    /* where each widget was drawn this frame (for tests and tooling) */
    struct { UiId id; float x, y, w, h; } placed[512];
    int n_placed;
} UiContext;

/* UI_FIXED: the slider's fix changed the value it was given (out of range, say). */
enum { UI_CHANGED = 1, UI_SUBMIT = 2, UI_CLICKED = 4, UI_CANCEL = 8, UI_FIXED = 16 };

void ui_init(UiContext *ui, UiTextWidthFn text_width, void *text_user);
void ui_begin(UiContext *ui, const Input *in, DrawList *dl, float scale);
void ui_end(UiContext *ui);

/* px scaled by the style */
float ui_px(const UiContext *ui, float v);

/* Ids: the id of `name` under the pushed path; push/pop a path element. */
UiId ui_get_id(const UiContext *ui, const char *name);
void ui_push_id(UiContext *ui, const char *name);
void ui_push_index(UiContext *ui, int index);
void ui_pop_id(UiContext *ui);
/* The id of a whole path, "run/3/lr": what ui_get_id gives under that stack. */
UiId ui_id_path(const char *path);
/* The id of a slider's value box. */
UiId ui_value_box_id(UiId slider);

/* Layout: a scrollable vertical panel; rows are allocated top to bottom. */
void ui_panel_begin(UiContext *ui, float x, float y, float w, float h, float *scroll);
void ui_panel_end(UiContext *ui, float *scroll);
/* Next row of the given height (0: the style's row height); returns its rect. */
void ui_row(UiContext *ui, float h, float *x, float *y, float *w, float *rh);

/* Widgets at an explicit rect (behaviour + drawing). */
int ui_button_at(UiContext *ui, UiId id, float x, float y, float w, float h, const char *label, int selected);
int ui_slider_at(UiContext *ui, UiId id, float x, float y, float w, float h, const char *label,
                 double *value, const UiSlider *s);
/* A checkbox taking the mouse in the rect, its box drawn inside it. */
int ui_checkbox_at(UiContext *ui, UiId id, float x, float y, float w, float h, int *value, unsigned colour);
int ui_textbox_at(UiContext *ui, UiId id, float x, float y, float w, float h, char *buf, int cap);

/* Gives text field `id` (showing buf) the keyboard, with the caret at the end of
 * buf and Esc restoring `orig` (the text before a clear, say). */
void ui_focus_text(UiContext *ui, UiId id, const char *buf, const char *orig);

/* A button's drawing alone, at UI scale `scale` (hot: under the mouse): what
 * ui_button_at draws, for a picture of the controls as they rest. */
void ui_button_draw(const UiContext *ui, DrawList *dl, float scale, float x, float y, float w, float h,
                    const char *label, int selected, int hot);

/* Row-layout variants; `name` gives the id (ui_get_id), `label` is shown. */
int ui_slider(UiContext *ui, const char *name, const char *label, double *value, const UiSlider *s);
void ui_label(UiContext *ui, const char *text, unsigned rgba, int bold);

/* Text helpers. */
float ui_text_width(const UiContext *ui, int font, float size, const char *s);
float ui_text_width_n(const UiContext *ui, int font, float size, const char *s, int len);

/* Breaks s into lines at most `width` px wide (after a space or an operator where
 * it can, else between characters); writes each line's start offset. Returns the
 * number of lines (at least 1, at most max_lines). */
#define UI_WRAP_MAX 16

/* s, or as much of it as fits in width px followed by an ellipsis, into out. */
void ui_text_fit(const UiContext *ui, int font, float size, const char *s, float width, char *out, size_t cap);
/* s, or as much of its start and end as fits in width px about an ellipsis in its
 * middle (two thirds from the end, so that a path keeps its file's name where it
 * can), into out. */
void ui_text_fit_middle(const UiContext *ui, int font, float size, const char *s, float width, char *out, size_t cap);
int ui_wrap(const UiContext *ui, int font, float size, const char *s, float width, int *starts, int max_lines);

/* The height a text field of width w and one-line height h needs to show all of
 * buf wrapped (it shows one scrolled line while being edited). */
float ui_textbox_height(const UiContext *ui, const char *buf, float w, float h);
void ui_text(UiContext *ui, float x, float y, float size, int font, unsigned rgba, const char *s);

/* 1 when the mouse is over the rect (and no other widget holds it). */
int ui_mouse_over(const UiContext *ui, float x, float y, float w, float h);

/* The rect where widget `id` was placed in the current (or last finished) frame.
 * Returns 1 when found. */
int ui_find(const UiContext *ui, UiId id, float *x, float *y, float *w, float *h);

/* Where a click at x px (from the text's start) falls in s (len bytes): the byte
 * offset of the character boundary nearest to it. */
int ui_text_hit(const UiContext *ui, int font, float size, const char *s, int len, float x);

/* The word around byte offset i of s (len bytes): [*from, *to). A word is letters,
 * digits, '_' and '.', or any non-ASCII character; else one other character. */
void ui_word_at(const char *s, int len, int i, int *from, int *to);

/* Slider mapping between a value and a position t in [0, 1]. */
double ui_slider_value(double t, double lo, double hi, int log_scale);
double ui_slider_pos(double value, double lo, double hi, int log_scale);

#endif
