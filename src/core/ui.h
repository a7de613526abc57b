/* ui: a small immediate-mode UI in the spirit of microui. A caller-owned UiContext
 * is passed first to every call; each widget is split in two: its behaviour (reads
 * the frame's Input, updates the value it was given, returns flags) and its drawing
 * (appends commands to a DrawList). Text is measured through a callback, so the UI
 * runs and is testable without a renderer.
 *
 * Invariants: widget ids are stable across frames (derived from the address of the
 * value edited, or a string and an index); at most one widget is active (held by the
 * mouse) and at most one has keyboard focus (a text field being edited). */
#ifndef GS_UI_H
#define GS_UI_H

#include "draw.h"

typedef enum UiKey {
    UI_KEY_SPACE, UI_KEY_LEFT, UI_KEY_RIGHT, UI_KEY_UP, UI_KEY_DOWN, UI_KEY_HOME, UI_KEY_END,
    UI_KEY_BACKSPACE, UI_KEY_DELETE, UI_KEY_ENTER, UI_KEY_ESCAPE, UI_KEY_TAB,
    UI_KEY_PLUS, UI_KEY_MINUS, UI_KEY_F1, UI_KEY_F11,
    UI_KEY_R, UI_KEY_S, UI_KEY_G, UI_KEY_V, UI_KEY_H, UI_KEY_A, UI_KEY_0,
    UI_KEY_COUNT
} UiKey;

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
    unsigned text, text_dim, panel, widget, widget_hot, accent, error;
} UiStyle;

typedef struct UiContext {
    const Input *in;
    DrawList *dl;
    UiStyle style;
    UiTextWidthFn text_width;
    void *text_user;
    UiId hot, active, focus;    /* under the mouse, held, editing text */
    UiId last_hot;
    float drag_offset;
    /* layout: a column of rows inside a panel */
    float px, py, pw, ph;       /* panel rect */
    float cx, cy;               /* cursor */
    float scroll, content_h;
    /* text editing */
    char edit[128];
    int edit_len;
    int mouse_used;             /* a widget took this frame's mouse press */
    /* where each widget was drawn this frame (for tests and tooling) */
    struct { UiId id; float x, y, w, h; } placed[512];
    int n_placed;
} UiContext;

enum { UI_CHANGED = 1, UI_SUBMIT = 2, UI_CLICKED = 4, UI_CANCEL = 8 };

void ui_init(UiContext *ui, UiTextWidthFn text_width, void *text_user);
void ui_begin(UiContext *ui, const Input *in, DrawList *dl, float scale);
void ui_end(UiContext *ui);

/* px scaled by the style */
float ui_px(const UiContext *ui, float v);

UiId ui_id_ptr(const void *p);
UiId ui_id_str(const char *s, int index);

/* Layout: a scrollable vertical panel; rows are allocated top to bottom. */
void ui_panel_begin(UiContext *ui, float x, float y, float w, float h, float *scroll);
void ui_panel_end(UiContext *ui, float *scroll);
/* Next row of the given height (0: the style's row height); returns its rect. */
void ui_row(UiContext *ui, float h, float *x, float *y, float *w, float *rh);

/* Widgets at an explicit rect (behaviour + drawing). */
int ui_button_at(UiContext *ui, UiId id, float x, float y, float w, float h, const char *label, int selected);
int ui_slider_at(UiContext *ui, UiId id, float x, float y, float w, float h, const char *label,
                 double *value, double lo, double hi, int log_scale, const char *fmt);
int ui_checkbox_at(UiContext *ui, UiId id, float x, float y, float w, float h, int *value, unsigned colour);
int ui_textbox_at(UiContext *ui, UiId id, float x, float y, float w, float h, char *buf, int cap);

/* Row-layout variants. */
int ui_button(UiContext *ui, const char *label, int index, int selected);
int ui_slider(UiContext *ui, const char *label, double *value, double lo, double hi, int log_scale, const char *fmt);
/* The same with an explicit id, for a value that is a temporary copy. */
int ui_slider_id(UiContext *ui, UiId id, const char *label, double *value, double lo, double hi, int log_scale,
                 const char *fmt);
void ui_label(UiContext *ui, const char *text, unsigned rgba, int bold);

/* Text helpers. */
float ui_text_width(const UiContext *ui, int font, float size, const char *s);
void ui_text(UiContext *ui, float x, float y, float size, int font, unsigned rgba, const char *s);

/* 1 when the mouse is over the rect (and no other widget holds it). */
int ui_mouse_over(const UiContext *ui, float x, float y, float w, float h);

/* The rect where widget `id` was placed in the current (or last finished) frame.
 * Returns 1 when found. */
int ui_find(const UiContext *ui, UiId id, float *x, float *y, float *w, float *h);

/* Slider mapping between a value and a position t in [0, 1]. */
double ui_slider_value(double t, double lo, double hi, int log_scale);
double ui_slider_pos(double value, double lo, double hi, int log_scale);

#endif
