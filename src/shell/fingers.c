/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* fingers: one finger the mouse, two a pinch and a pan (fingers.h). */
#include "fingers.h"

#include <math.h>

static int find(const Fingers *f, long id)
{
    for (int i = 0; i < f->n; i++)
        if (f->id[i] == id)
            return i;
    return -1;
}

void fingers_down(Fingers *f, long id, float x, float y, Input *in)
{
    in->pointer = 1;
    if (f->n >= 2 || find(f, id) >= 0)
        return;
    int k = f->n++;
    f->id[k] = id, f->x[k] = x, f->y[k] = y;
    if (k == 0 && !f->spent) {
        in->mouse_x = x, in->mouse_y = y;
        in->mouse_down = 1, in->mouse_pressed = 1;
    } else if (k == 1) {
        /* the first finger's press ends, not as a click: a gesture begins */
        in->mouse_down = 0, in->mouse_pressed = 0;
        in->two_fingers = 1;
        in->gesture_x = 0.5f * (f->x[0] + x), in->gesture_y = 0.5f * (f->y[0] + y);
        f->spent = 1;
    }
}

void fingers_move(Fingers *f, long id, float x, float y, Input *in)
{
    int k = find(f, id);
    if (k < 0)
        return;
    in->pointer = 1;
    if (f->n == 2) {
        float cx0 = 0.5f * (f->x[0] + f->x[1]), cy0 = 0.5f * (f->y[0] + f->y[1]);
        float d0 = hypotf(f->x[1] - f->x[0], f->y[1] - f->y[0]);
        f->x[k] = x, f->y[k] = y;
        float cx1 = 0.5f * (f->x[0] + f->x[1]), cy1 = 0.5f * (f->y[0] + f->y[1]);
        float d1 = hypotf(f->x[1] - f->x[0], f->y[1] - f->y[0]);
        if (d0 > 1.0f && d1 > 1.0f)
            in->zoom = (in->zoom > 0 ? in->zoom : 1.0f) * d1 / d0;
        in->pan_dx += cx1 - cx0, in->pan_dy += cy1 - cy0;
        in->gesture_x = cx1, in->gesture_y = cy1;
        in->two_fingers = 1;
        return;
    }
    f->x[k] = x, f->y[k] = y;
    if (!f->spent)
        in->mouse_x = x, in->mouse_y = y;
}

void fingers_up(Fingers *f, long id, Input *in)
{
    int k = find(f, id);
    if (k < 0)
        return;
    in->pointer = 1;
    if (f->n == 1 && !f->spent) {
        in->mouse_x = f->x[0], in->mouse_y = f->y[0];
        in->mouse_down = 0, in->mouse_released = 1;
    }
    for (int i = k; i + 1 < f->n; i++)
        f->id[i] = f->id[i + 1], f->x[i] = f->x[i + 1], f->y[i] = f->y[i + 1];
    f->n--;
    if (f->n == 0)
        f->spent = 0;
}
