/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel_caption: the open lesson's caption, a band under the map. Presenting (and
 * in a picture of a slide) it is the one text on the screen: in type of at least a
 * 28th of the window's height, wrapped, never clipped (smaller type before a line
 * is lost), with a quiet "3 / 8" in its corner. In the window it is smaller, with
 * buttons to the previous and next slides beside the count.
 *
 * Invariants: size 0 when no lesson is open; every caption line is drawn whole
 * inside the band. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "lesson.h"

#define CAPTION_MAX_LINES 12 /* wrapped lines in the band */

typedef struct CaptionFit {
    float fs;                 /* the caption's type size */
    float pad, line_h, count_w;
    int n;                    /* wrapped lines */
    int below_floor;          /* smaller than the floor: the caption is too long */
    int from[CAPTION_MAX_LINES], len[CAPTION_MAX_LINES], src[CAPTION_MAX_LINES];
} CaptionFit;

static const LessonSlide *shown_slide(const App *a)
{
    return a->lesson && a->slide >= 0 && a->slide < a->lesson->n_slides ? &a->lesson->slide[a->slide] : NULL;
}

/* Large type: presenting, or a picture (a slide's handout) */
static int large(const App *a, const FrameLayout *f) { return a->presenting || !f->controls; }

/* The caption wrapped to width w at size fs; returns the lines it takes, or
 * CAPTION_MAX_LINES + 1 when they do not fit. */
static int wrap_at(const App *a, const LessonSlide *sl, float fs, float w, CaptionFit *c)
{
    c->n = 0;
    for (int i = 0; i < sl->n_caption; i++) {
        int starts[CAPTION_MAX_LINES + 1];
        const char *s = _(sl->caption[i]);
        int k = ui_wrap(&a->ui, i == 0 ? 1 : 0, fs, s, w, starts, CAPTION_MAX_LINES + 1);
        for (int j = 0; j < k; j++) {
            if (c->n == CAPTION_MAX_LINES)
                return CAPTION_MAX_LINES + 1;
            int from = starts[j], end = j + 1 < k ? starts[j + 1] : (int)strlen(s);
            while (end > from && s[end - 1] == ' ')
                end--;
            while (from < end && s[from] == ' ') /* a wrapped line starts at its word */
                from++;
            c->from[c->n] = from, c->len[c->n] = end - from, c->src[c->n] = i;
            c->n++;
        }
    }
    return c->n;
}

/* The type size and lines for a band w wide: the largest size from the first
 * choice down whose lines fit in at most `max_h`. */
static void caption_fit(const App *a, const FrameLayout *f, float w, float max_h, CaptionFit *c)
{
    memset(c, 0, sizeof *c);
    const LessonSlide *sl = shown_slide(a);
    if (!sl)
        return;
    float s = f->scale;
    float fs = large(a, f) ? ceilf((float)f->h / 26.0f) : roundf(gs_theme.font * s * 1.25f);
    float floor_fs = large(a, f) ? ceilf((float)f->h / 28.0f) : roundf(gs_theme.font * s);
    for (;;) {
        c->fs = fs, c->pad = roundf(fs * 0.55f), c->line_h = roundf(fs * 1.3f);
        char count[32];
        snprintf(count, sizeof count, "%d / %d", a->slide + 1, a->lesson->n_slides);
        /* presenting: a quiet count; in the window: the count between two buttons */
        c->count_w = large(a, f) ? ui_text_width(&a->ui, 0, roundf(fs * 0.6f), count) + c->pad
                                 : ui_text_width(&a->ui, 0, gs_theme.font * s, count) + 2 * roundf(gs_theme.row * s) +
                                       3 * roundf(gs_theme.pad * s);
        float room = w - 2 * c->pad - c->count_w;
        int n = room > 20 ? wrap_at(a, sl, fs, room, c) : CAPTION_MAX_LINES + 1;
        float h = (float)n * c->line_h + 2 * c->pad;
        /* the largest size that fits; below the floor only where nothing else fits
         * (a lesson's captions are tested to fit at the floor) */
        if ((n <= CAPTION_MAX_LINES && h <= max_h) || fs <= 6.0f) {
            c->n = n > CAPTION_MAX_LINES ? CAPTION_MAX_LINES : n;
            c->below_floor = fs < floor_fs;
            return;
        }
        fs = fmaxf(floorf(fs * 0.9f), 6.0f);
    }
}

static float caption_size(const App *a, const FrameLayout *f, float room_w, float room_h)
{
    if (!shown_slide(a))
        return 0;
    CaptionFit c;
    caption_fit(a, f, room_w, room_h * 0.4f, &c);
    float min_h = large(a, f) ? 0 : roundf((gs_theme.row + 2 * gs_theme.pad) * f->scale);
    return fmaxf((float)c.n * c.line_h + 2 * c.pad, min_h);
}

/* The count's place, and in the window the buttons' beside it. */
static void count_rect(const App *a, const FrameLayout *f, const Panel *p, const CaptionFit *c, float *x, float *y,
                       float *w, float *h)
{
    (void)a;
    *w = c->count_w;
    *h = large(a, f) ? roundf(c->fs * 0.6f) * 1.3f : roundf(gs_theme.row * f->scale);
    *x = p->x + p->w - c->count_w - c->pad * 0.5f;
    *y = p->y + p->h - *h - c->pad * 0.5f;
}

static void caption_input(App *a, const Panel *p, const Input *in)
{
    (void)in;
    if (a->presenting || !shown_slide(a))
        return;
    CaptionFit c;
    caption_fit(a, &a->frame, p->w, p->h, &c);
    UiContext *ui = &a->ui;
    float x, y, w, h;
    count_rect(a, &a->frame, p, &c, &x, &y, &w, &h);
    float b = roundf(gs_theme.row * a->frame.scale), gap = roundf(gs_theme.pad * a->frame.scale);
    ui_push_id(ui, "caption");
    if (ui_button_at(ui, ui_get_id(ui, "previous"), x, y, b, h, "\xe2\x97\x80", 0) && a->slide > 0)
        app_show_slide(a, a->slide - 1);
    if (ui_button_at(ui, ui_get_id(ui, "next"), x + w - b - gap, y, b, h, "\xe2\x96\xb6", 0) &&
        a->slide + 1 < a->lesson->n_slides)
        app_show_slide(a, a->slide + 1);
    ui_pop_id(ui);
}

static void caption_draw(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl)
{
    const LessonSlide *sl = shown_slide(a);
    if (!sl || p->h < 1)
        return;
    const Theme *th = &gs_theme;
    CaptionFit c;
    caption_fit(a, f, p->w, p->h, &c);
    draw_rect(dl, p->x, p->y, p->w, p->h, 0, th->panel);
    float y = p->y + c.pad;
    for (int i = 0; i < c.n; i++, y += c.line_h)
        draw_text(dl, p->x + c.pad, y + (c.line_h - c.fs) * 0.5f, c.fs, c.src[i] == 0 ? 1 : 0,
                  c.src[i] == 0 ? th->text_strong : th->text, _(sl->caption[c.src[i]]) + c.from[i], c.len[i]);
    char count[32];
    snprintf(count, sizeof count, "%d / %d", a->slide + 1, a->lesson->n_slides);
    float x, cy, w, h;
    count_rect(a, f, p, &c, &x, &cy, &w, &h);
    if (large(a, f)) {
        float cs = roundf(c.fs * 0.6f);
        draw_text(dl, x + c.pad * 0.5f, cy + (h - cs) * 0.5f, cs, 0, th->text_dim, count, -1);
    } else {
        panel_draw_recorded(a, f, p, dl);
        float cs = th->font * f->scale, tw = ui_text_width(&a->ui, 0, cs, count);
        draw_text(dl, x + (w - tw) * 0.5f, cy + (h - cs) * 0.5f, cs, 0, th->text_dim, count, -1);
    }
}

float app_caption_size(const App *a, const FrameLayout *f, int *fits)
{
    const Panel *p = frame_panel(f, &panel_caption);
    *fits = 0;
    if (!p || !shown_slide(a))
        return 0;
    CaptionFit c;
    caption_fit(a, f, p->w, (float)f->h * 0.4f, &c);
    *fits = !c.below_floor && c.n >= shown_slide(a)->n_caption && (float)c.n * c.line_h + 2 * c.pad <= p->h + 0.5f;
    return c.fs;
}

const PanelClass panel_caption = {
    .name = "caption",
    .size = caption_size,
    .input = caption_input,
    .draw = caption_draw,
};
