/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* draw: the command list. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

int draw_init(DrawList *dl, int cmd_cap, int text_cap)
{
    memset(dl, 0, sizeof *dl);
    dl->cmd = malloc(sizeof(DrawCmd) * (size_t)cmd_cap);
    dl->text = malloc((size_t)text_cap);
    if (!dl->cmd || !dl->text) {
        draw_free(dl);
        return -1;
    }
    dl->cap = cmd_cap;
    dl->text_cap = text_cap;
    return 0;
}

void draw_free(DrawList *dl)
{
    free(dl->cmd);
    free(dl->text);
    memset(dl, 0, sizeof *dl);
}

void draw_clear(DrawList *dl)
{
    dl->n = 0;
    dl->text_len = 0;
    dl->dropped = 0;
}

static DrawCmd *push(DrawList *dl, DrawKind kind)
{
    if (dl->n >= dl->cap) {
        dl->dropped++;
        return NULL;
    }
    DrawCmd *c = &dl->cmd[dl->n++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

void draw_rect(DrawList *dl, float x, float y, float w, float h, float radius, unsigned rgba)
{
    DrawCmd *c = push(dl, DRAW_RECT);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h, c->r = radius, c->rgba = rgba;
}

void draw_frame(DrawList *dl, float x, float y, float w, float h, float width, unsigned rgba)
{
    DrawCmd *c = push(dl, DRAW_FRAME);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h, c->r = width, c->rgba = rgba;
}

void draw_line(DrawList *dl, float x, float y, float x2, float y2, float width, unsigned rgba)
{
    DrawCmd *c = push(dl, DRAW_LINE);
    if (c)
        c->x = x, c->y = y, c->x2 = x2, c->y2 = y2, c->r = width, c->rgba = rgba;
}

void draw_circle(DrawList *dl, float x, float y, float radius, unsigned fill, float outline, unsigned outline_rgba)
{
    DrawCmd *c = push(dl, DRAW_CIRCLE);
    if (c)
        c->x = x, c->y = y, c->w = radius, c->rgba = fill, c->r = outline, c->rgba2 = outline_rgba;
}

void draw_text(DrawList *dl, float x, float y, float size, int font, unsigned rgba, const char *s, int len)
{
    if (len < 0)
        len = (int)strlen(s);
    if (dl->text_len + len + 1 > dl->text_cap) {
        dl->dropped++;
        return;
    }
    DrawCmd *c = push(dl, DRAW_TEXT);
    if (!c)
        return;
    c->x = x, c->y = y, c->h = size, c->font = font, c->rgba = rgba;
    c->text = dl->text_len;
    c->text_len = len;
    memcpy(dl->text + dl->text_len, s, (size_t)len);
    dl->text[dl->text_len + len] = '\0';
    dl->text_len += len + 1;
}

void draw_clip(DrawList *dl, float x, float y, float w, float h)
{
    DrawCmd *c = push(dl, DRAW_CLIP);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h;
}

void draw_no_clip(DrawList *dl) { draw_clip(dl, 0, 0, -1, -1); }

void draw_field(DrawList *dl, float x, float y, float w, float h, const Surface *s, MapView v)
{
    DrawCmd *c = push(dl, DRAW_FIELD);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h, c->surface = s, c->view = v;
}

static void push_path(DrawList *dl, float x, float y, float w, float h, MapView v, const TrajPoint *p, int n,
                      unsigned long long version, float width, unsigned rgba, unsigned halo)
{
    DrawCmd *c = push(dl, DRAW_PATH);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h, c->view = v, c->points = p, c->n = n, c->version = version,
        c->r = width, c->rgba = rgba, c->rgba2 = halo;
}

void draw_path(DrawList *dl, float x, float y, float w, float h, MapView v, const TrajPoint *p, int n,
               unsigned long long version, float width, unsigned rgba)
{
    push_path(dl, x, y, w, h, v, p, n, version, width, rgba, DRAW_PATH_HALO);
}

void draw_path_plain(DrawList *dl, float x, float y, float w, float h, MapView v, const TrajPoint *p, int n,
                     unsigned long long version, float width, unsigned rgba)
{
    push_path(dl, x, y, w, h, v, p, n, version, width, rgba, 0);
}

void draw_band(DrawList *dl, float x, float y, float w, float h, MapView v, const TrajPoint *p, int n, unsigned rgba)
{
    DrawCmd *c = push(dl, DRAW_BAND);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h, c->view = v, c->points = p, c->n = n, c->rgba = rgba;
}

void draw_surface3d(DrawList *dl, float x, float y, float w, float h, const Surface *s, MapView v, Camera3D cam,
                    float height)
{
    DrawCmd *c = push(dl, DRAW_SURFACE3D);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h, c->surface = s, c->view = v, c->camera = cam, c->r = height;
}

void draw_path3d(DrawList *dl, const TrajPoint *p, int n, unsigned long long version, float width, unsigned rgba)
{
    DrawCmd *c = push(dl, DRAW_PATH3D);
    if (c)
        c->points = p, c->n = n, c->version = version, c->r = width, c->rgba = rgba;
}

void draw_end3d(DrawList *dl) { push(dl, DRAW_END3D); }

void draw_image(DrawList *dl, float x, float y, float w, float h, const unsigned *pixels, int iw, int ih,
                unsigned long long version, float alpha)
{
    DrawCmd *c = push(dl, DRAW_IMAGE);
    if (c)
        c->x = x, c->y = y, c->w = w, c->h = h, c->pixels = pixels, c->iw = iw, c->ih = ih, c->version = version,
        c->r = alpha;
}

MapView map_fit(MapView v, float w, float h)
{
    if (w <= 0 || h <= 0)
        return v;
    double vw = v.x1 - v.x0, vh = v.y1 - v.y0;
    double aspect = (double)w / (double)h;
    if (vw / vh < aspect) {
        double nw = vh * aspect, cx = 0.5 * (v.x0 + v.x1);
        v.x0 = cx - 0.5 * nw, v.x1 = cx + 0.5 * nw;
    } else {
        double nh = vw / aspect, cy = 0.5 * (v.y0 + v.y1);
        v.y0 = cy - 0.5 * nh, v.y1 = cy + 0.5 * nh;
    }
    return v;
}

void draw_append_range(DrawList *dst, const DrawList *src, int first, int last)
{
    for (int i = first; i < last && i < src->n; i++) {
        const DrawCmd *c = &src->cmd[i];
        if (c->kind == DRAW_TEXT) {
            draw_text(dst, c->x, c->y, c->h, c->font, c->rgba, draw_text_of(src, c), c->text_len);
            continue;
        }
        DrawCmd *d = push(dst, c->kind);
        if (d)
            *d = *c;
    }
}

int draw_group_begin(DrawList *dl, float x, float y, float w, float h)
{
    DrawCmd *c = push(dl, DRAW_GROUP);
    if (!c)
        return -1;
    c->x = x, c->y = y, c->w = w, c->h = h;
    return dl->n - 1;
}

void draw_group_end(DrawList *dl, int group)
{
    if (group >= 0 && group < dl->n)
        dl->cmd[group].n = dl->n - group - 1;
}
