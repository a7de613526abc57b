/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* fingers: touch as people expect it, for every platform layer. The first finger
 * is the mouse (a tap is a click, a drag a drag); a second finger ends that press
 * without a click and starts a two-finger gesture: the distance between them
 * zooms (Input.zoom), their centre pans (Input.pan_dx, pan_dy). After a gesture,
 * the finger left is ignored until every finger is up.
 *
 * Invariants: at most two fingers are followed; each Input gets the changes since
 * the last frame, zoom as a product and pan as a sum. */
#ifndef GS_FINGERS_H
#define GS_FINGERS_H

#include "ui.h"

typedef struct Fingers {
    long id[2];
    float x[2], y[2];
    int n;          /* fingers down (followed) */
    int spent;      /* a two-finger gesture happened: the rest is no press */
} Fingers;

/* A finger down, moved or lifted at (x, y), in framebuffer pixels. */
void fingers_down(Fingers *f, long id, float x, float y, Input *in);
void fingers_move(Fingers *f, long id, float x, float y, Input *in);
void fingers_up(Fingers *f, long id, Input *in);

#endif
