/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* app_anim: writing an animation of the app's scene (GIF or MP4), a frame at a
 * time: each frame is the picture a screenshot gives at the plan's step (the
 * window's, or --screenshot's on the command line). */
#ifndef GS_APP_ANIM_H
#define GS_APP_ANIM_H

#include "anim.h"
#include "app.h"
#include "media.h"

typedef struct AnimJob AnimJob;

/* Starts writing `path` (.gif or .mp4) at w x h with the plan: each frame the
 * w x h pixels at (x, y) of `layout` rendered, or with layout NULL, a w x h
 * picture (app_layout; x and y 0). Returns the job, or NULL with err (nothing is
 * left on disk). */
AnimJob *anim_job_start(App *a, const char *path, const FrameLayout *layout, int x, int y, int w, int h,
                        const AnimPlan *plan, char *err, size_t cap);

/* Renders and adds frames for about budget_ms (<= 0: all of them). Returns 0 while
 * frames remain, 1 when the file is complete and in place, -1 with err. */
int anim_job_run(AnimJob *j, App *a, double budget_ms, char *err, size_t cap);

/* The share of the frames written, 0 to 1. */
float anim_job_progress(const AnimJob *j);

/* Frees the job; an unfinished file is removed (a cancel). Restores the app's step
 * and play state. NULL is ignored. */
void anim_job_free(AnimJob *j, App *a);

#endif
