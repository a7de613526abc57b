/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* ui: widgets (behaviour, then drawing) and the row layout. */
#include "ui.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_init(UiContext *ui, UiTextWidthFn text_width, void *text_user)
{
    memset(ui, 0, sizeof *ui);
    ui->text_width = text_width;
    ui->text_user = text_user;
    ui->theme = &gs_theme;
    ui->style = (UiStyle){
        .scale = 1.0f,
        .font_size = gs_theme.font,
        .row_height = gs_theme.row,
        .pad = gs_theme.pad,
    };
}

float ui_px(const UiContext *ui, float v) { return v * ui->style.scale; }

void ui_begin(UiContext *ui, const Input *in, DrawList *dl, float scale)
{
    ui->in = in;
    ui->dl = dl;
    ui->style.scale = scale;
    ui->last_hot = ui->hot;
    ui->hot = 0;
    ui->ime_h = 0;
    ui->last_wheel_slider = ui->wheel_slider;
    ui->wheel_slider = 0;
    if (in->mouse_pressed)
        ui->wheel_armed = 0; /* a slider pressed this frame takes it again */
    if (in->mouse_x != ui->last_mouse_x || in->mouse_y != ui->last_mouse_y)
        ui->wheel_scrolling = 0;
    ui->last_mouse_x = in->mouse_x, ui->last_mouse_y = in->mouse_y;
    ui->mouse_used = 0;
    ui->n_placed = 0;
    ui->id_depth = 0;
    if (!in->mouse_down && !in->mouse_released)
        ui->active = 0;
}

void ui_end(UiContext *ui)
{
    if (ui->in->mouse_released)
        ui->active = 0;
    /* a click outside the focused field ends editing */
    if (ui->in->mouse_pressed && ui->focus && !ui->mouse_used)
        ui->focus = 0;
}

/* FNV-1a, continued from h: a path's id is the hash of its whole text. */
static UiId id_mix(UiId h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

#define ID_ROOT 2166136261u

static UiId id_child(const UiContext *ui, const char *name)
{
    if (ui->id_depth == 0)
        return id_mix(ID_ROOT, name);
    return id_mix(id_mix(ui->id_stack[ui->id_depth - 1], "/"), name);
}

UiId ui_get_id(const UiContext *ui, const char *name)
{
    UiId h = id_child(ui, name);
    return h ? h : 1;
}

void ui_push_id(UiContext *ui, const char *name)
{
    UiId h = id_child(ui, name);
    if (ui->id_depth < UI_ID_DEPTH)
        ui->id_stack[ui->id_depth++] = h;
}

void ui_push_index(UiContext *ui, int index)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%d", index);
    ui_push_id(ui, buf);
}

void ui_pop_id(UiContext *ui)
{
    if (ui->id_depth > 0)
        ui->id_depth--;
}

UiId ui_id_path(const char *path)
{
    UiId h = id_mix(ID_ROOT, path);
    return h ? h : 1;
}

UiId ui_value_box_id(UiId slider)
{
    UiId h = id_mix(slider, "/value");
    return h ? h : 1;
}

float ui_text_width(const UiContext *ui, int font, float size, const char *s)
{
    return ui_text_width_n(ui, font, size, s, (int)strlen(s));
}

float ui_text_width_n(const UiContext *ui, int font, float size, const char *s, int len)
{
    return ui->text_width ? ui->text_width(ui->text_user, font, size, s, len) : 0.55f * size * (float)len;
}

void ui_text(UiContext *ui, float x, float y, float size, int font, unsigned rgba, const char *s)
{
    draw_text(ui->dl, x, y, size, font, rgba, s, -1);
}

int ui_mouse_over(const UiContext *ui, float x, float y, float w, float h)
{
    const Input *in = ui->in;
    return in->mouse_x >= x && in->mouse_x < x + w && in->mouse_y >= y && in->mouse_y < y + h;
}

int ui_find(const UiContext *ui, UiId id, float *x, float *y, float *w, float *h)
{
    for (int i = 0; i < ui->n_placed; i++) {
        if (ui->placed[i].id == id) {
            *x = ui->placed[i].x, *y = ui->placed[i].y, *w = ui->placed[i].w, *h = ui->placed[i].h;
            return 1;
        }
    }
    return 0;
}

/* Marks the widget hot when the mouse is over it, and active when pressed there. */
static int interact(UiContext *ui, UiId id, float x, float y, float w, float h)
{
    if (ui->n_placed < (int)(sizeof ui->placed / sizeof ui->placed[0])) {
        ui->placed[ui->n_placed].id = id;
        ui->placed[ui->n_placed].x = x, ui->placed[ui->n_placed].y = y;
        ui->placed[ui->n_placed].w = w, ui->placed[ui->n_placed].h = h;
        ui->n_placed++;
    }
    int over = ui_mouse_over(ui, x, y, w, h);
    if (ui->pw > 0 && !ui_mouse_over(ui, ui->px, ui->py, ui->pw, ui->ph))
        over = 0; /* scrolled out of the panel */
    if (over && (!ui->active || ui->active == id))
        ui->hot = id;
    if (over && ui->in->mouse_pressed && !ui->mouse_used) {
        ui->active = id;
        ui->mouse_used = 1;
        return 1;
    }
    return 0;
}

static float text_y(const UiContext *ui, float y, float h, float size)
{
    (void)ui;
    return y + 0.5f * (h - size * 1.2f);
}

int ui_button_at(UiContext *ui, UiId id, float x, float y, float w, float h, const char *label, int selected)
{
    int pressed = interact(ui, id, x, y, w, h);
    (void)pressed;
    int clicked = ui->in->mouse_released && ui->active == id && ui_mouse_over(ui, x, y, w, h);
    ui_button_draw(ui, ui->dl, ui->style.scale, x, y, w, h, label, selected, ui->hot == id);
    return clicked ? UI_CLICKED : 0;
}

void ui_button_draw(const UiContext *ui, DrawList *dl, float scale, float x, float y, float w, float h,
                    const char *label, int selected, int hot)
{
    const Theme *t = ui->theme;
    unsigned bg = selected ? t->accent : (hot ? t->widget_hot : t->widget);
    draw_rect(dl, x, y, w, h, 4 * scale, bg);
    float fs = ui->style.font_size * scale;
    float tw = ui_text_width(ui, 0, fs, label);
    draw_text(dl, x + 0.5f * (w - tw), text_y(ui, y, h, fs), fs, 0, t->text, label, -1);
}

double ui_slider_value(double t, double lo, double hi, int log_scale)
{
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    if (log_scale)
        return pow(10.0, log10(lo) + t * (log10(hi) - log10(lo)));
    return lo + t * (hi - lo);
}

double ui_slider_pos(double value, double lo, double hi, int log_scale)
{
    double t;
    if (log_scale)
        t = value > 0 ? (log10(value) - log10(lo)) / (log10(hi) - log10(lo)) : 0.0;
    else
        t = (value - lo) / (hi - lo);
    return isnan(t) ? 0.0 : (t < 0 ? 0 : (t > 1 ? 1 : t));
}

/* Starts editing a value as text, all of it selected (typing replaces it). */
static void begin_edit(UiContext *ui, UiId id, const char *text)
{
    ui->focus = id;
    snprintf(ui->edit, sizeof ui->edit, "%s", text);
    ui->edit_len = (int)strlen(ui->edit);
    ui->caret = ui->edit_len;
    ui->anchor = 0;
    ui->edit_scroll = 0;
    ui->word_drag = 0;
}

static int utf8_prev(const char *s, int i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static int utf8_next(const char *s, int len, int i)
{
    do
        i++;
    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

int ui_text_hit(const UiContext *ui, int font, float size, const char *s, int len, float x)
{
    if (x <= 0)
        return 0;
    float prev = 0;
    for (int i = 0; i < len;) {
        int j = utf8_next(s, len, i);
        float w = ui_text_width_n(ui, font, size, s, j);
        if (x < 0.5f * (prev + w))
            return i;
        prev = w;
        i = j;
    }
    return len;
}

static int word_char(unsigned char c) { return isalnum(c) || c == '_' || c == '.' || c >= 0x80; }

void ui_word_at(const char *s, int len, int i, int *from, int *to)
{
    i = i < 0 ? 0 : (i > len ? len : i);
    if (i == len && i > 0)
        i = utf8_prev(s, i);
    if (len == 0 || !word_char((unsigned char)s[i])) {
        *from = i, *to = i < len ? utf8_next(s, len, i) : i;
        return;
    }
    int a = i, b = i;
    while (a > 0 && word_char((unsigned char)s[a - 1]))
        a--;
    while (b < len && word_char((unsigned char)s[b]))
        b++;
    while (a < len && ((unsigned char)s[a] & 0xC0) == 0x80) /* a character's start */
        a++;
    *from = a, *to = b;
}

/* The start of the word before i (Ctrl+Left, Ctrl+Backspace): spaces, then one word
 * or one run of other characters. */
static int word_left(const char *s, int i)
{
    while (i > 0 && s[i - 1] == ' ')
        i--;
    if (i > 0 && word_char((unsigned char)s[i - 1]))
        while (i > 0 && word_char((unsigned char)s[i - 1]))
            i--;
    else
        while (i > 0 && s[i - 1] != ' ' && !word_char((unsigned char)s[i - 1]))
            i--;
    return i;
}

/* The end of the word after i (Ctrl+Right, Ctrl+Delete). */
static int word_right(const char *s, int len, int i)
{
    if (i < len && word_char((unsigned char)s[i]))
        while (i < len && word_char((unsigned char)s[i]))
            i++;
    else
        while (i < len && s[i] != ' ' && !word_char((unsigned char)s[i]))
            i++;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* Removes bytes [a, b) of buf (n bytes long); returns the new length. */
static int cut_range(char *buf, int n, int a, int b)
{
    memmove(buf + a, buf + b, (size_t)(n - b));
    return n - (b - a);
}

/* Inserts text at c, as much of it as fits cap (whole characters; control
 * characters as spaces, as a pasted line break becomes one); returns the new
 * length, and the caret after it in *c. */
static int insert_text(char *buf, int n, int cap, int *c, const char *text)
{
    for (const char *t = text; *t;) {
        unsigned char ch = (unsigned char)*t;
        int k = ch < 0x80 ? 1 : (ch & 0xE0) == 0xC0 ? 2 : (ch & 0xF0) == 0xE0 ? 3 : (ch & 0xF8) == 0xF0 ? 4 : 1;
        for (int j = 1; j < k; j++)
            if (((unsigned char)t[j] & 0xC0) != 0x80)
                k = j; /* cut short: as many bytes as belong to it */
        if (n + k >= cap)
            break;
        memmove(buf + *c + k, buf + *c, (size_t)(n - *c));
        if (k == 1 && (ch < 0x20 || ch == 0x7F))
            buf[*c] = ' ';
        else if (k == 1 && ch >= 0x80)
            buf[*c] = '?'; /* a stray byte: not UTF-8 */
        else
            memcpy(buf + *c, t, (size_t)k);
        *c += k, n += k, t += k;
    }
    return n;
}

/* Applies this frame's typing and editing keys to the focused text buf (*len
 * bytes, cap with its NUL) at the caret and selection: typing and pasting replace
 * the selection; Ctrl+A selects all, Ctrl+C and Ctrl+X copy (and cut) it; Shift
 * with the arrows, Home and End selects; Ctrl with the arrows, Backspace and
 * Delete goes by words. Returns UI_SUBMIT / UI_CANCEL / UI_CHANGED. */
static int edit_text(UiContext *ui, char *buf, int *len, int cap)
{
    const Input *in = ui->in;
    const int *key = in->key_pressed;
    int flags = 0, n = *len;
    int c = ui->caret < 0 ? 0 : (ui->caret > n ? n : ui->caret);
    int an = ui->anchor < 0 ? 0 : (ui->anchor > n ? n : ui->anchor);
    int sa = c < an ? c : an, sb = c < an ? an : c, ctrl = in->ctrl, shift = in->shift;
    if (ctrl && key[UI_KEY_A])
        an = 0, c = n, sa = 0, sb = n;
    if (ctrl && (key[UI_KEY_C] || key[UI_KEY_X]) && sb > sa) {
        snprintf(ui->copied, sizeof ui->copied, "%.*s", sb - sa, buf + sa);
        ui->copied_ready = 1;
    }
    int replace = in->text[0] || (ctrl && key[UI_KEY_V] && in->paste[0]) || (ctrl && key[UI_KEY_X]);
    if (replace && sb > sa) {
        n = cut_range(buf, n, sa, sb);
        c = an = sa, sb = sa;
        flags |= UI_CHANGED;
    }
    const char *typed = in->text[0] ? in->text : (ctrl && key[UI_KEY_V] ? in->paste : "");
    if (*typed) {
        int before = n;
        n = insert_text(buf, n, cap, &c, typed);
        an = c;
        flags |= n != before ? UI_CHANGED : 0;
    }
    if (key[UI_KEY_BACKSPACE] || key[UI_KEY_DELETE]) {
        if (sb > sa) {
            n = cut_range(buf, n, sa, sb);
            c = sa;
            flags |= UI_CHANGED;
        } else if (key[UI_KEY_BACKSPACE] && c > 0) {
            int p = ctrl ? word_left(buf, c) : utf8_prev(buf, c);
            n = cut_range(buf, n, p, c);
            c = p;
            flags |= UI_CHANGED;
        } else if (key[UI_KEY_DELETE] && c < n) {
            int q = ctrl ? word_right(buf, n, c) : utf8_next(buf, n, c);
            n = cut_range(buf, n, c, q);
            flags |= UI_CHANGED;
        }
        an = c;
    }
    /* moves: with Shift the anchor stays (the selection grows); without, an arrow
     * first collapses a selection to its side */
    int moved = 1, to = c;
    if (key[UI_KEY_LEFT])
        to = !shift && !ctrl && sb > sa ? sa : (c > 0 ? (ctrl ? word_left(buf, c) : utf8_prev(buf, c)) : 0);
    else if (key[UI_KEY_RIGHT])
        to = !shift && !ctrl && sb > sa ? sb : (c < n ? (ctrl ? word_right(buf, n, c) : utf8_next(buf, n, c)) : n);
    else if (key[UI_KEY_HOME])
        to = 0;
    else if (key[UI_KEY_END])
        to = n;
    else
        moved = 0;
    if (moved) {
        c = to;
        if (!shift)
            an = c;
    }
    buf[n] = '\0';
    *len = n;
    ui->caret = c;
    ui->anchor = an;
    if (key[UI_KEY_ENTER])
        flags |= UI_SUBMIT;
    if (key[UI_KEY_ESCAPE])
        flags |= UI_CANCEL;
    return flags;
}

/* The mouse in a focused field whose text starts at x0 px: a press puts the caret
 * there (Shift: the selection grows to it), a double-click selects the word there,
 * a drag selects. `pressed` is whether the field took this frame's press. */
static void edit_mouse(UiContext *ui, UiId id, int pressed, const char *buf, int len, float x0, float fs)
{
    const Input *in = ui->in;
    int at = ui_text_hit(ui, 0, fs, buf, len, in->mouse_x - x0);
    if (pressed) {
        ui->word_drag = 0;
        if (in->double_click) {
            ui_word_at(buf, len, at, &ui->anchor, &ui->caret);
            ui->word_drag = 1;
        } else {
            if (!in->shift)
                ui->anchor = at;
            ui->caret = at;
        }
    } else if (ui->active == id && in->mouse_down && !ui->word_drag) {
        ui->caret = at;
    }
}

/* The selection's highlight behind text drawn from x0 (the caret and anchor of
 * the focused field). */
static void draw_selection(UiContext *ui, const char *buf, float x0, float y, float h, float fs)
{
    int a = ui->caret < ui->anchor ? ui->caret : ui->anchor, b = ui->caret < ui->anchor ? ui->anchor : ui->caret;
    if (b <= a)
        return;
    float xa = ui_text_width_n(ui, 0, fs, buf, a), xb = ui_text_width_n(ui, 0, fs, buf, b);
    draw_rect(ui->dl, x0 + xa, y, xb - xa, h, 0, (ui->theme->accent & ~0xFFu) | 0xA0u);
}

/* Stores v through the slider's fix; returns the flags that says what happened. */
static int slider_store(const UiSlider *s, double *value, double v)
{
    double fixed = s->fix ? s->fix(s->fix_user, v) : v;
    int flags = fixed != v ? UI_FIXED : 0;
    if (fixed != *value)
        flags |= UI_CHANGED;
    *value = fixed;
    return flags;
}

int ui_slider_at(UiContext *ui, UiId id, float x, float y, float w, float h, const char *label,
                 double *value, const UiSlider *s)
{
    const Input *in = ui->in;
    const Theme *th = ui->theme;
    const double lo = s->lo, hi = s->hi;
    const int log_scale = s->log_scale;
    float fs = ui_px(ui, ui->style.font_size);
    /* a label column just wide enough (at least a short standard width) */
    float label_w = 0.0f;
    if (label && *label) {
        label_w = ui_text_width(ui, 0, fs, label) + ui_px(ui, 10);
        if (label_w < ui_px(ui, 44))
            label_w = ui_px(ui, 44);
    }
    UiId vid = ui_value_box_id(id);
    int flags = 0;
    char text[64];
    snprintf(text, sizeof text, s->fmt ? s->fmt : "%.4g", *value);
    /* the value box: a quarter of the slider, or as wide as its text needs */
    float value_w = s->value_w > 0 ? s->value_w : fmaxf(w * 0.27f, ui_text_width(ui, 0, fs, text) + ui_px(ui, 14));
    float tx = x + label_w, tw = w - label_w - value_w - ui_px(ui, 6);
    float vx = x + w - value_w;

    /* the value box: click to type an exact value */
    if (ui->focus == vid) {
        int f = edit_text(ui, ui->edit, &ui->edit_len, (int)sizeof ui->edit);
        if (f & UI_SUBMIT) {
            char *end;
            double v = strtod(ui->edit, &end);
            if (end != ui->edit && !*end && isfinite(v))
                flags |= slider_store(s, value, v) | UI_CHANGED | UI_SUBMIT;
            ui->focus = 0;
        } else if (f & UI_CANCEL) {
            ui->focus = 0;
        }
    }
    int box_pressed = interact(ui, vid, vx, y, value_w, h);
    if (ui->focus == vid) {
        edit_mouse(ui, vid, box_pressed, ui->edit, ui->edit_len, vx + ui_px(ui, 6), fs);
    } else if (box_pressed || (in->double_click && ui_mouse_over(ui, tx, y, tw, h))) {
        begin_edit(ui, vid, text);
        ui->mouse_used = 1;
    }
    /* the track: a press puts the knob there; a drag moves it with the mouse, a
     * tenth as far while Shift is held */
    if (ui->focus == vid)
        ui->wheel_armed = id;
    if (ui->focus != vid && interact(ui, id, tx, y, tw, h)) {
        ui->wheel_armed = id;
        ui->drag_t = (double)((in->mouse_x - tx) / (tw > 1 ? tw : 1));
        ui->drag_t = ui->drag_t < 0 ? 0 : (ui->drag_t > 1 ? 1 : ui->drag_t);
        ui->drag_x = in->mouse_x;
        ui->drag_fine = 0;
        if (in->shift) { /* a fine drag starts from the value as it is */
            ui->drag_t = ui_slider_pos(*value, lo, hi, log_scale);
            ui->drag_fine = 1;
        } else {
            flags |= slider_store(s, value, ui_slider_value(ui->drag_t, lo, hi, log_scale));
        }
    } else if (ui->active == id && in->mouse_down && in->mouse_x != ui->drag_x) {
        ui->drag_fine |= in->shift;
        double dt = (double)((in->mouse_x - ui->drag_x) / (tw > 1 ? tw : 1));
        if (ui->drag_fine)
            ui->drag_t += in->shift ? 0.1 * dt : dt;
        else
            ui->drag_t = (double)((in->mouse_x - tx) / (tw > 1 ? tw : 1)); /* under the mouse */
        ui->drag_t = ui->drag_t < 0 ? 0 : (ui->drag_t > 1 ? 1 : ui->drag_t);
        ui->drag_x = in->mouse_x;
        double v = ui_slider_value(ui->drag_t, lo, hi, log_scale);
        if (v != *value)
            flags |= slider_store(s, value, v);
    }
    if (!in->mouse_down && !in->mouse_pressed && ui_mouse_over(ui, tx, y, tw, h) && ui->hot == id) {
        /* arrow keys nudge the hovered slider by 1% of its range; the wheel by one
         * tick: 1% of its range, a tenth of a decade on a log scale */
        int dir = in->key_pressed[UI_KEY_UP] - in->key_pressed[UI_KEY_DOWN];
        if (dir) {
            double t = ui_slider_pos(*value, lo, hi, log_scale) + 0.01 * dir;
            flags |= slider_store(s, value, ui_slider_value(t, lo, hi, log_scale));
        }
        if (ui->wheel_armed == id)
            ui->wheel_slider = id;
        if (in->wheel != 0.0f && ui->last_wheel_slider == id && !ui->wheel_scrolling) {
            double tick = log_scale ? 0.1 / fabs(log10(hi) - log10(lo)) : 0.01;
            double t = ui_slider_pos(*value, lo, hi, log_scale) + tick * (double)in->wheel;
            flags |= slider_store(s, value, ui_slider_value(t, lo, hi, log_scale));
        }
    }
    /* drawing */
    if (label_w > 0)
        ui_text(ui, x, text_y(ui, y, h, fs), fs, 0, th->text_dim, label);
    float bar = ui_px(ui, 6);
    float ty = y + 0.5f * (h - bar);
    float pos = (float)ui_slider_pos(*value, lo, hi, log_scale);
    draw_rect(ui->dl, tx, ty, tw, bar, bar * 0.5f, th->widget);
    draw_rect(ui->dl, tx, ty, tw * pos, bar, bar * 0.5f, th->accent);
    if (log_scale && lo > 0 && hi > lo) {
        /* a mark at each power of ten (where they are not crowded) */
        int d0 = (int)ceil(log10(lo) - 1e-9), d1 = (int)floor(log10(hi) + 1e-9);
        if (d1 >= d0 && tw / (float)(d1 - d0 + 1) >= ui_px(ui, 6))
            for (int d = d0; d <= d1; d++) {
                float mx = tx + tw * (float)ui_slider_pos(pow(10.0, d), lo, hi, 1);
                draw_rect(ui->dl, mx - ui_px(ui, 0.75f), ty - ui_px(ui, 3), ui_px(ui, 1.5f), bar + ui_px(ui, 6), 0,
                          th->text_dim);
            }
    }
    int lit = ui->hot == id || ui->active == id;
    draw_circle(ui->dl, tx + tw * pos, y + 0.5f * h, ui_px(ui, lit ? 8.5f : 7.0f), th->text, ui_px(ui, 1.5f),
                th->knob_outline);
    unsigned box = ui->focus == vid ? th->widget_hot : th->widget;
    draw_rect(ui->dl, vx, y + ui_px(ui, 2), value_w, h - ui_px(ui, 4), ui_px(ui, 4), box);
    if (ui->focus == vid) {
        draw_frame(ui->dl, vx, y + ui_px(ui, 2), value_w, h - ui_px(ui, 4), ui_px(ui, 1.5f), th->accent);
        draw_selection(ui, ui->edit, vx + ui_px(ui, 6), y + ui_px(ui, 6), h - ui_px(ui, 12), fs);
        ui_text(ui, vx + ui_px(ui, 6), text_y(ui, y, h, fs), fs, 0, th->text, ui->edit);
        float cw = ui_text_width_n(ui, 0, fs, ui->edit, ui->caret);
        draw_rect(ui->dl, vx + ui_px(ui, 7) + cw, y + ui_px(ui, 6), ui_px(ui, 1.5f), h - ui_px(ui, 12), 0, th->text);
    } else {
        float vw = ui_text_width(ui, 0, fs, text);
        ui_text(ui, vx + value_w - vw - ui_px(ui, 6), text_y(ui, y, h, fs), fs, 0, th->text, text);
    }
    return flags;
}

int ui_checkbox_at(UiContext *ui, UiId id, float x, float y, float w, float h, int *value, unsigned colour)
{
    interact(ui, id, x, y, w, h);
    int flags = 0;
    if (ui->in->mouse_released && ui->active == id && ui_mouse_over(ui, x, y, w, h)) {
        *value = !*value;
        flags = UI_CHANGED;
    }
    /* the box, inside the rect that takes the mouse (a row's height: a finger's size
     * on a touch screen) */
    float s = 0.78f * (h < w ? h : w);
    float bx = x + 0.5f * (w - s), by = y + 0.5f * (h - s);
    draw_rect(ui->dl, bx, by, s, s, ui_px(ui, 4), *value ? colour : ui->theme->widget);
    draw_frame(ui->dl, bx, by, s, s, ui_px(ui, 1.5f), *value ? (colour | 0xFFu) : ui->theme->text_dim);
    if (*value) {
        draw_line(ui->dl, bx + s * 0.22f, by + s * 0.52f, bx + s * 0.42f, by + s * 0.72f, ui_px(ui, 2.2f), ui->theme->check_mark);
        draw_line(ui->dl, bx + s * 0.42f, by + s * 0.72f, bx + s * 0.78f, by + s * 0.30f, ui_px(ui, 2.2f), ui->theme->check_mark);
    }
    return flags;
}

/* The codepoint of the UTF-8 sequence at s[i..len) (0 at the end or a bad byte). */
static unsigned cp_at(const char *s, int len, int i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    int n = utf8_next(s, len, i) - i;
    if (i >= len || n < 1)
        return 0;
    if (n == 1)
        return u[0] < 0x80 ? u[0] : 0;
    unsigned c = u[0] & (0x7Fu >> n);
    for (int k = 1; k < n; k++)
        c = c << 6 | (u[k] & 0x3Fu);
    return c;
}

/* Chinese, Japanese and Korean text: ideographs, kana, hangul, their punctuation
 * and full-width forms. A line may break between two of these, as there are no
 * spaces between their words. */
static int cp_cjk(unsigned c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

/* Punctuation that closes (，。：） and the like): never at the start of a line. */
static int cp_closing(unsigned c)
{
    static const unsigned close[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09,
                                     0x300D, 0x300F, 0x201D, 0x2019, 0x300B, 0x3009, 0xFF05, 0x3011, 0x2026};
    for (size_t i = 0; i < sizeof close / sizeof close[0]; i++)
        if (c == close[i])
            return 1;
    return c == ',' || c == '.' || c == ')' || c == ':' || c == ';';
}

/* Whether a line may break before s[k] (k > 0): after a space or an operator, or
 * between CJK characters (not before closing punctuation). */
static int break_before(const char *s, int len, int k)
{
    if (strchr(" +-*/,", s[k - 1]))
        return 1;
    unsigned next = cp_at(s, len, k), prev = cp_at(s, len, utf8_prev(s, k));
    return (cp_cjk(next) || cp_cjk(prev)) && !cp_closing(next) && next != ' ';
}

int ui_wrap(const UiContext *ui, int font, float size, const char *s, float width, int *starts, int max_lines)
{
    int len = (int)strlen(s), lines = 0, at = 0;
    while (lines < max_lines) {
        starts[lines++] = at;
        if (at >= len)
            break;
        /* the rest, when it fits; else the longest prefix that fits (at least one
         * character), found by bisection over character boundaries */
        if (ui_text_width_n(ui, font, size, s + at, len - at) <= width)
            break;
        int end = utf8_next(s, len, at), hi = len; /* end fits (or is the first character); hi does not */
        while (utf8_next(s, len, end) < hi) {
            int mid = end + (hi - end) / 2;
            while (mid > end && ((unsigned char)s[mid] & 0xC0) == 0x80) /* back to a character's start */
                mid--;
            if (mid <= end)
                mid = utf8_next(s, len, end);
            if (ui_text_width_n(ui, font, size, s + at, mid - at) > width)
                hi = mid;
            else
                end = mid;
        }
        /* ... cut after its last space or operator, or between CJK characters, if it
         * has one */
        for (int k = end; k > at + 1; k = utf8_prev(s, k))
            if (break_before(s, len, k)) {
                end = k;
                break;
            }
        at = end;
    }
    return lines;
}

void ui_text_fit(const UiContext *ui, int font, float size, const char *s, float width, char *out, size_t cap)
{
    snprintf(out, cap, "%s", s);
    int len = (int)strlen(out);
    if (ui_text_width_n(ui, font, size, out, len) <= width)
        return;
    while (len > 0) {
        len = utf8_prev(out, len);
        if ((size_t)len + 4 > cap)
            continue;
        memcpy(out + len, "\xe2\x80\xa6", 4); /* ... */
        if (ui_text_width(ui, font, size, out) <= width)
            return;
    }
    snprintf(out, cap, "\xe2\x80\xa6");
}

/* Byte offset of code point k of s (len bytes). */
static int utf8_offset(const char *s, int len, int k)
{
    int i = 0;
    while (k-- > 0 && i < len)
        i = utf8_next(s, len, i);
    return i;
}

/* The first `head` and last `tail` code points of s (n of them, len bytes) about
 * an ellipsis, into out; 0 when that does not fit cap. */
static int join_ends(const char *s, int len, int n, int head, int tail, char *out, size_t cap)
{
    int a = utf8_offset(s, len, head), b = utf8_offset(s, len, n - tail);
    if ((size_t)a + 3 + (size_t)(len - b) + 1 > cap)
        return 0;
    memcpy(out, s, (size_t)a);
    memcpy(out + a, "\xe2\x80\xa6", 3); /* ... */
    memcpy(out + a + 3, s + b, (size_t)(len - b));
    out[a + 3 + len - b] = '\0';
    return 1;
}

void ui_text_fit_middle(const UiContext *ui, int font, float size, const char *s, float width, char *out, size_t cap)
{
    int len = (int)strlen(s);
    if ((size_t)len < cap && ui_text_width_n(ui, font, size, s, len) <= width) {
        memcpy(out, s, (size_t)len + 1);
        return;
    }
    int n = 0;
    for (int i = 0; i < len; i = utf8_next(s, len, i))
        n++;
    /* the most code points kept that fit (a third before the ellipsis, the rest
     * after it), found by bisection */
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int k = (lo + hi + 1) / 2;
        if (join_ends(s, len, n, k / 3, k - k / 3, out, cap) && ui_text_width(ui, font, size, out) <= width)
            lo = k;
        else
            hi = k - 1;
    }
    if (!join_ends(s, len, n, lo / 3, lo - lo / 3, out, cap))
        snprintf(out, cap, "\xe2\x80\xa6");
}

float ui_textbox_height(const UiContext *ui, const char *buf, float w, float h)
{
    int starts[UI_WRAP_MAX];
    float fs = ui_px(ui, ui->style.font_size);
    int lines = ui_wrap(ui, 0, fs, buf, w - ui_px(ui, 12), starts, UI_WRAP_MAX);
    return h + (float)(lines - 1) * fs * 1.25f;
}

void ui_focus_text(UiContext *ui, UiId id, const char *buf, const char *orig)
{
    ui->focus = id;
    ui->edit_len = (int)strlen(buf);
    ui->caret = ui->anchor = ui->edit_len;
    ui->edit_scroll = 0;
    ui->word_drag = 0;
    snprintf(ui->edit_orig, sizeof ui->edit_orig, "%s", orig);
}

int ui_textbox_at(UiContext *ui, UiId id, float x, float y, float w, float h, char *buf, int cap)
{
    int flags = 0;
    float fs = ui_px(ui, ui->style.font_size), lh = fs * 1.25f;
    /* one line of the row's first line height; more when the text wraps */
    float first_h = ui_px(ui, ui->style.row_height) < h ? ui_px(ui, ui->style.row_height) : h;
    float room = w - ui_px(ui, 12);
    int pressed = interact(ui, id, x, y, w, h);
    if (pressed && ui->focus != id) {
        /* focus, with the caret where the click fell in the wrapped text */
        int starts[UI_WRAP_MAX], len = (int)strlen(buf);
        int lines = ui_wrap(ui, 0, fs, buf, room, starts, UI_WRAP_MAX);
        int line = (int)floorf((ui->in->mouse_y - text_y(ui, y, first_h, fs)) / lh);
        line = line < 0 ? 0 : (line >= lines ? lines - 1 : line);
        int end = line + 1 < lines ? starts[line + 1] : len;
        ui_focus_text(ui, id, buf, buf);
        ui->caret = ui->anchor = starts[line] + ui_text_hit(ui, 0, fs, buf + starts[line], end - starts[line],
                                                            ui->in->mouse_x - (x + ui_px(ui, 6)));
        if (ui->in->double_click)
            ui_word_at(buf, len, ui->caret, &ui->anchor, &ui->caret), ui->word_drag = 1;
    } else if (ui->focus == id) {
        edit_mouse(ui, id, pressed, buf, (int)strlen(buf), x + ui_px(ui, 6) - ui->edit_scroll, fs);
    }
    /* while an input method composes, its keys are its own (Backspace edits the
     * composition, Enter commits it): the field takes the text it commits */
    const char *compose = ui->focus == id ? ui->in->compose : "";
    if (ui->focus == id && !compose[0]) {
        int len = (int)strlen(buf);
        flags = edit_text(ui, buf, &len, cap);
        if (flags & UI_CANCEL) {
            /* Esc: the text it had when the field took focus */
            if (strcmp(buf, ui->edit_orig) != 0 && (int)strlen(ui->edit_orig) < cap) {
                strcpy(buf, ui->edit_orig);
                flags |= UI_CHANGED;
            }
        }
        if (flags & (UI_SUBMIT | UI_CANCEL))
            ui->focus = 0;
    }
    const Theme *th = ui->theme;
    draw_rect(ui->dl, x, y, w, h, ui_px(ui, 4), ui->focus == id ? th->widget_hot : th->widget);
    if (ui->focus == id)
        draw_frame(ui->dl, x, y, w, h, ui_px(ui, 1.5f), th->accent);
    draw_clip(ui->dl, x, y, w, h);
    if (ui->focus == id) {
        /* one line, scrolled so that the caret is in view */
        float cx = ui_text_width_n(ui, 0, fs, buf, ui->caret), tw = ui_text_width(ui, 0, fs, buf);
        if (cx - ui->edit_scroll > room)
            ui->edit_scroll = cx - room;
        if (cx < ui->edit_scroll)
            ui->edit_scroll = cx;
        if (ui->edit_scroll > 0 && tw - ui->edit_scroll < room)
            ui->edit_scroll = tw > room ? tw - room : 0;
        float tx = x + ui_px(ui, 6) - ui->edit_scroll, ty = text_y(ui, y, first_h, fs);
        if (compose[0]) {
            /* the composition where the selection is (what its commit replaces),
             * underlined, the text after it moved on */
            int s0 = ui->caret < ui->anchor ? ui->caret : ui->anchor, s1 = ui->caret + ui->anchor - s0;
            float comp_w = ui_text_width(ui, 0, fs, compose);
            cx = ui_text_width_n(ui, 0, fs, buf, s0);
            draw_text(ui->dl, tx, ty, fs, 0, th->text, buf, s0);
            draw_text(ui->dl, tx + cx, ty, fs, 0, th->accent, compose, (int)strlen(compose));
            draw_rect(ui->dl, tx + cx, ty + fs * 1.15f, comp_w, ui_px(ui, 1.5f), 0, th->accent);
            draw_text(ui->dl, tx + cx + comp_w, ty, fs, 0, th->text, buf + s1, (int)strlen(buf + s1));
            cx += comp_w;
        } else {
            draw_selection(ui, buf, tx, y + ui_px(ui, 5), first_h - ui_px(ui, 10), fs);
            ui_text(ui, tx, ty, fs, 0, th->text, buf);
        }
        draw_rect(ui->dl, tx + cx, y + ui_px(ui, 5), ui_px(ui, 1.5f), first_h - ui_px(ui, 10), 0, th->text);
        ui->ime_x = tx + cx, ui->ime_y = y, ui->ime_h = first_h;
    } else {
        /* the whole text, wrapped */
        int starts[UI_WRAP_MAX];
        int lines = ui_wrap(ui, 0, fs, buf, room, starts, UI_WRAP_MAX), len = (int)strlen(buf);
        for (int i = 0; i < lines; i++) {
            int end = i + 1 < lines ? starts[i + 1] : len;
            draw_text(ui->dl, x + ui_px(ui, 6), text_y(ui, y, first_h, fs) + (float)i * lh, fs, 0, th->text,
                      buf + starts[i], end - starts[i]);
        }
    }
    if (ui->pw > 0)
        draw_clip(ui->dl, ui->px, ui->py, ui->pw, ui->ph);
    else
        draw_no_clip(ui->dl);
    return flags;
}

void ui_panel_begin(UiContext *ui, float x, float y, float w, float h, float *scroll)
{
    ui->px = x, ui->py = y, ui->pw = w, ui->ph = h;
    /* the wheel scrolls the panel, or nudges the slider the mouse rests on; once it
     * scrolls, it scrolls until the mouse moves (a slider brought under the
     * resting mouse is not nudged) */
    if (ui_mouse_over(ui, x, y, w, h) && ui->in->wheel != 0.0f && (ui->wheel_scrolling || !ui->last_wheel_slider)) {
        *scroll -= ui->in->wheel * ui_px(ui, 60);
        ui->wheel_scrolling = 1;
    }
    /* a drag that began on the panel's background (not on a widget) scrolls it, as a
     * finger does on a phone */
    if (ui->panel_drag && ui->in->mouse_down)
        *scroll = ui->panel_drag_scroll - (ui->in->mouse_y - ui->panel_drag_y);
    else
        ui->panel_drag = 0;
    float max_scroll = ui->content_h - h;
    if (*scroll > max_scroll)
        *scroll = max_scroll;
    if (*scroll < 0)
        *scroll = 0;
    ui->scroll = *scroll;
    draw_rect(ui->dl, x, y, w, h, 0, ui->theme->panel);
    draw_clip(ui->dl, x, y, w, h);
    ui->cx = x + ui_px(ui, ui->style.pad);
    ui->cy = y + ui_px(ui, ui->style.pad) - *scroll;
}

void ui_panel_end(UiContext *ui, float *scroll)
{
    if (ui->in->mouse_pressed && !ui->mouse_used && ui_mouse_over(ui, ui->px, ui->py, ui->pw, ui->ph)) {
        ui->panel_drag = 1;
        ui->panel_drag_y = ui->in->mouse_y, ui->panel_drag_scroll = *scroll;
        ui->mouse_used = 1;
        ui->focus = 0; /* a press beside the field being edited ends the edit */
    }
    ui->content_h = ui->cy + *scroll - ui->py + ui_px(ui, ui->style.pad);
    if (ui->content_h > ui->ph) {
        /* scroll bar */
        float frac = ui->ph / ui->content_h;
        float bh = ui->ph * frac, by = ui->py + (*scroll / ui->content_h) * ui->ph;
        draw_rect(ui->dl, ui->px + ui->pw - ui_px(ui, 5), by, ui_px(ui, 4), bh, ui_px(ui, 2), ui->theme->scroll_bar);
    }
    draw_no_clip(ui->dl);
    ui->pw = ui->ph = 0;
}

void ui_row(UiContext *ui, float h, float *x, float *y, float *w, float *rh)
{
    float height = h > 0 ? h : ui_px(ui, ui->style.row_height);
    *x = ui->cx;
    *y = ui->cy;
    *w = ui->pw - 2 * ui_px(ui, ui->style.pad);
    *rh = height;
    ui->cy += height + ui_px(ui, 4);
}

int ui_slider(UiContext *ui, const char *name, const char *label, double *value, const UiSlider *s)
{
    float x, y, w, h;
    ui_row(ui, 0, &x, &y, &w, &h);
    return ui_slider_at(ui, ui_get_id(ui, name), x, y, w, h, label, value, s);
}

void ui_label(UiContext *ui, const char *text, unsigned rgba, int bold)
{
    float x, y, w, h;
    float fs = ui_px(ui, ui->style.font_size), lh = fs * 1.35f;
    int starts[UI_WRAP_MAX];
    int lines = ui_wrap(ui, bold, fs, text, ui->pw - 2 * ui_px(ui, ui->style.pad), starts, UI_WRAP_MAX);
    int len = (int)strlen(text);
    ui_row(ui, lh * (float)lines, &x, &y, &w, &h);
    for (int i = 0; i < lines; i++) {
        int end = i + 1 < lines ? starts[i + 1] : len;
        draw_text(ui->dl, x, y + (float)i * lh + 0.5f * (lh - fs * 1.2f), fs, bold, rgba, text + starts[i],
                  end - starts[i]);
    }
}
