/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* anim: the frame schedule of an animation. The frames reveal steps 0..steps
 * evenly, the first at step 0 and the last at the final step, each shown for one
 * frame period; the last is held about a second longer. Pure arithmetic: the window's
 * export, the headless one and the tests agree on it. */
#ifndef GS_ANIM_H
#define GS_ANIM_H

#include <stddef.h>

#define ANIM_DEFAULT_FPS 30
#define ANIM_DEFAULT_SECONDS 5.0
#define ANIM_MAX_FRAMES 100000
#define ANIM_MAX_SECONDS 3600.0

typedef struct AnimPlan {
    int frames;  /* pictures rendered */
    int fps;     /* frame periods per second */
    int hold;    /* extra periods the last frame stays */
    int steps;   /* the last frame's step */
} AnimPlan;

/* The plan for `steps` steps at `fps` (0: the default), with `frames` frames (> 0)
 * or `seconds` of animation (> 0) before the hold, or else the default length. */
AnimPlan anim_plan(int steps, int fps, int frames, double seconds);

/* The step frame i shows. */
int anim_frame_step(const AnimPlan *p, int i);

/* How many frame periods frame i lasts: 1, and 1 + hold for the last. */
int anim_frame_periods(const AnimPlan *p, int i);

#endif
