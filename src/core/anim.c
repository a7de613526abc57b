/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* anim: the frame schedule of an animation (see anim.h). */
#include "anim.h"

#include <math.h>

AnimPlan anim_plan(int steps, int fps, int frames, double seconds)
{
    AnimPlan p = {.fps = fps > 0 ? fps : ANIM_DEFAULT_FPS, .steps = steps > 0 ? steps : 0};
    if (frames <= 0) {
        double s = seconds > 0 ? fmin(seconds, ANIM_MAX_SECONDS) : ANIM_DEFAULT_SECONDS;
        frames = (int)lround(s * p.fps);
    }
    p.frames = frames < 1 ? 1 : frames > ANIM_MAX_FRAMES ? ANIM_MAX_FRAMES : frames;
    p.hold = p.fps;
    return p;
}

int anim_frame_step(const AnimPlan *p, int i)
{
    if (p->frames <= 1 || i >= p->frames - 1)
        return p->steps;
    if (i <= 0)
        return 0;
    /* rounded to the nearest step, in integers: exact for every count */
    long long num = (long long)i * p->steps * 2 + (p->frames - 1);
    return (int)(num / (2LL * (p->frames - 1)));
}

int anim_frame_periods(const AnimPlan *p, int i)
{
    return i == p->frames - 1 ? 1 + p->hold : 1;
}
