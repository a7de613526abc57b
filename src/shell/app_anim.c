/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* app_anim: an animation export, the window's and the headless one alike. Each
 * frame is the picture a screenshot gives (the window's picture, or app_layout
 * without controls on the command line; app_frame) at the step the plan gives it,
 * rendered (the window's in the window's framebuffer, as its screenshot; the
 * command line's offscreen), read back and handed to the media writer. The window
 * runs a job a few frames at a time between its own frames (the window shows the
 * step being written); the command line runs it to the end.
 *
 * Invariant: while a job runs, a->t is the step of the frame last rendered and the
 * app does not play; anim_job_free puts back the step and play state it found. */
#define _POSIX_C_SOURCE 200809L
#include "app_anim.h"

#include <stdlib.h>
#include <string.h>

#include "cancel.h"
#include "lang.h"
#include "log.h"
#include "shell.h"

struct AnimJob {
    MediaAnim *media;
    AnimPlan plan;
    int next;                 /* the next frame to render */
    int x, y, w, h;           /* the frames: the layout's pixels there */
    FrameLayout layout;
    DrawList dl;
    unsigned char *px;        /* w x h RGBA, bottom-up as read back */
    double saved_t;
    int saved_playing;
};

/* Renders the picture at step k into j->px. */
static int render_frame(AnimJob *j, App *a, int k, char *err, size_t cap)
{
    int w = j->layout.w, h = j->layout.h;
    a->t = k;
    app_frame(a, &j->layout, &j->dl);
    /* the window's picture in the window's framebuffer, as a screenshot's (app.c:
     * write_picture), which the window's frame then draws over */
    if (!j->layout.as_shown && render_target_begin(a->r, w, h) != 0) {
        snprintf(err, cap, _("cannot render a %dx%d frame (larger than the GL limit?)"), w, h);
        return -1;
    }
    render_draw(a->r, &j->dl, w, h, gs_theme.bg);
    int rc = render_read_rgba_at(a->r, j->x, j->y, j->w, j->h, j->px);
    render_target_end(a->r);
    if (rc != 0)
        snprintf(err, cap, "%s", _("cannot read the rendered frame back"));
    return rc;
}

AnimJob *anim_job_start(App *a, const char *path, const FrameLayout *layout, int x, int y, int w, int h,
                        const AnimPlan *plan, char *err, size_t cap)
{
    MediaFormat fmt = media_format_of(path);
    if (fmt == MEDIA_NONE) {
        snprintf(err, cap, _("'%s': the format comes from the name, .gif or .mp4"), path);
        return NULL;
    }
    AnimJob *j = calloc(1, sizeof *j);
    if (!j) {
        snprintf(err, cap, "%s", _("out of memory"));
        return NULL;
    }
    j->plan = *plan;
    j->x = x, j->y = y, j->w = w, j->h = h;
    j->saved_t = a->t;
    j->saved_playing = a->playing;
    a->playing = 0;
    /* the size is checked before the writer creates its file */
    j->media = media_anim_open(path, fmt, w, h, plan->fps, err, cap);
    if (!j->media) {
        anim_job_free(j, a);
        return NULL;
    }
    if (layout)
        j->layout = *layout;
    else
        app_layout(a, w, h, 0, &j->layout);
    if (x < 0 || y < 0 || x + w > j->layout.w || y + h > j->layout.h) {
        snprintf(err, cap, _("cannot write '%s': %dx%d frames at (%d, %d) of a %dx%d picture"), path, w, h, x, y,
                 j->layout.w, j->layout.h);
        anim_job_free(j, a);
        return NULL;
    }
    j->px = malloc((size_t)w * (size_t)h * 4);
    if (!j->px || draw_init(&j->dl, 8192, 1 << 16) != 0) {
        snprintf(err, cap, _("cannot write '%s': not enough memory for %dx%d frames"), path, w, h);
        anim_job_free(j, a);
        return NULL;
    }
    /* the GIF's palette sees the last frame too: every path, in every colour */
    if (render_frame(j, a, plan->steps, err, cap) != 0) {
        anim_job_free(j, a);
        return NULL;
    }
    media_anim_hint(j->media, j->px, w * 4, 1);
    return j;
}

int anim_job_run(AnimJob *j, App *a, double budget_ms, char *err, size_t cap)
{
    double t0 = platform_now_ms();
    while (j->next < j->plan.frames) {
        int i = j->next;
        if (cancel_tick(1)) {
            /* TRANSLATORS: an export was cancelled (Esc, or a signal) */
            snprintf(err, cap, "%s", _("stopped"));
            return -1;
        }
        if (render_frame(j, a, anim_frame_step(&j->plan, i), err, cap) != 0 ||
            media_anim_add(j->media, j->px, j->w * 4, 1, anim_frame_periods(&j->plan, i), err, cap) != 0)
            return -1;
        j->next++;
        if (j->dl.dropped > 0 && i == 0)
            gs_log(_("%d drawing commands did not fit: the animation is incomplete"), j->dl.dropped);
        if (budget_ms > 0 && platform_now_ms() - t0 >= budget_ms)
            break;
    }
    if (j->next < j->plan.frames)
        return 0;
    MediaAnim *m = j->media;
    j->media = NULL;
    return media_anim_finish(m, err, cap) == 0 ? 1 : -1;
}

float anim_job_progress(const AnimJob *j)
{
    return j->plan.frames > 0 ? (float)j->next / (float)j->plan.frames : 1.0f;
}

void anim_job_free(AnimJob *j, App *a)
{
    if (!j)
        return;
    media_anim_cancel(j->media);
    draw_free(&j->dl);
    free(j->px);
    a->t = j->saved_t;
    a->playing = j->saved_playing;
    free(j);
}

/* ---- the window's export ---------------------------------------------------------- */

void app_export_start(App *a, int media_format)
{
    if (a->anim)
        return;
    /* the picture the window shows, as a screenshot saves it */
    FrameLayout f;
    int rect[4];
    app_window_picture(a, &f, rect);
    /* an MP4's sides even (H.264's 4:2:0 needs them): its last column or row left out */
    int w = media_format == MEDIA_MP4 ? rect[2] & ~1 : rect[2], h = media_format == MEDIA_MP4 ? rect[3] & ~1 : rect[3];
    if (w < 16 || h < 16) {
        app_message(a, _("The map is too small to export: enlarge the window"));
        return;
    }
    if (app_out_dir_ready(a) != 0)
        return;
    AnimPlan plan = anim_plan(a->scene.steps, a->anim_fps, a->anim_frames, a->anim_seconds);
    char err[1400];
    app_timestamped_path(a, media_format == MEDIA_MP4 ? "mp4" : "gif", a->anim_path, sizeof a->anim_path);
    a->anim_cancel = 0;
    a->anim = anim_job_start(a, a->anim_path, &f, rect[0], rect[1], w, h, &plan, err, sizeof err);
    if (!a->anim)
        app_message(a, err);
}

void app_export_work(App *a, double budget_ms)
{
    if (!a->anim)
        return;
    char err[1400];
    if (a->anim_cancel) {
        anim_job_free(a->anim, a);
        a->anim = NULL;
        app_message(a, _("Export cancelled: nothing was written"));
        return;
    }
    int rc = anim_job_run(a->anim, a, budget_ms, err, sizeof err);
    if (rc == 0)
        return;
    anim_job_free(a->anim, a);
    a->anim = NULL;
    if (rc == 1)
        app_saved(a, NULL, a->anim_path);
    else
        app_message(a, err);
}
