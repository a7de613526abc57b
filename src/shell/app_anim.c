/* app_anim: an animation export, the window's and the headless one alike. Each
 * frame is the picture a screenshot gives (app_layout without controls, app_frame)
 * at the step the plan gives it, rendered offscreen, read back and handed to the
 * media writer. The window runs a job a few frames at a time between its own frames
 * (the window shows the step being written); the command line runs it to the end.
 *
 * Invariant: while a job runs, a->t is the step of the frame last rendered and the
 * app does not play; anim_job_free puts back the step and play state it found. */
#define _POSIX_C_SOURCE 200809L
#include "app_anim.h"

#include <stdlib.h>
#include <string.h>

#include "cancel.h"
#include "log.h"
#include "shell.h"

struct AnimJob {
    MediaAnim *media;
    AnimPlan plan;
    int next;                 /* the next frame to render */
    int w, h;
    FrameLayout layout;
    DrawList dl;
    unsigned char *px;        /* w x h RGBA, bottom-up as read back */
    double saved_t;
    int saved_playing;
};

/* Renders the picture at step k into j->px. */
static int render_frame(AnimJob *j, App *a, int k, char *err, size_t cap)
{
    a->t = k;
    app_frame(a, &j->layout, &j->dl);
    if (render_target_begin(a->r, j->w, j->h) != 0) {
        snprintf(err, cap, "cannot render a %dx%d frame (larger than the GL limit?)", j->w, j->h);
        return -1;
    }
    render_draw(a->r, &j->dl, j->w, j->h, gs_theme.bg);
    int rc = render_read_rgba(a->r, j->w, j->h, j->px);
    render_target_end(a->r);
    if (rc != 0)
        snprintf(err, cap, "cannot read the rendered frame back");
    return rc;
}

AnimJob *anim_job_start(App *a, const char *path, int w, int h, const AnimPlan *plan, char *err, size_t cap)
{
    MediaFormat fmt = media_format_of(path);
    if (fmt == MEDIA_NONE) {
        snprintf(err, cap, "'%s': the format comes from the name, .gif or .mp4", path);
        return NULL;
    }
    AnimJob *j = calloc(1, sizeof *j);
    if (!j) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    j->plan = *plan;
    j->w = w, j->h = h;
    j->saved_t = a->t;
    j->saved_playing = a->playing;
    a->playing = 0;
    /* the size is checked before the writer creates its file */
    j->media = media_anim_open(path, fmt, w, h, plan->fps, err, cap);
    if (!j->media) {
        anim_job_free(j, a);
        return NULL;
    }
    j->px = malloc((size_t)w * (size_t)h * 4);
    if (!j->px || draw_init(&j->dl, 8192, 1 << 16) != 0) {
        snprintf(err, cap, "cannot write '%s': not enough memory for %dx%d frames", path, w, h);
        anim_job_free(j, a);
        return NULL;
    }
    app_layout(a, w, h, 0, &j->layout);
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
            snprintf(err, cap, "stopped");
            return -1;
        }
        if (render_frame(j, a, anim_frame_step(&j->plan, i), err, cap) != 0 ||
            media_anim_add(j->media, j->px, j->w * 4, 1, anim_frame_periods(&j->plan, i), err, cap) != 0)
            return -1;
        j->next++;
        if (j->dl.dropped > 0 && i == 0)
            gs_log("%d drawing commands did not fit: the animation is incomplete", j->dl.dropped);
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
    /* the pictures' part of the window: the map, with the plot and card around it */
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    const PanelClass *parts[] = {&panel_map, &panel_plot, &panel_card};
    for (int i = 0; i < 3; i++) {
        const Panel *p = frame_panel(&a->frame, parts[i]);
        if (!p || p->w < 1 || p->h < 1)
            continue;
        x0 = p->x < x0 ? p->x : x0, y0 = p->y < y0 ? p->y : y0;
        x1 = p->x + p->w > x1 ? p->x + p->w : x1, y1 = p->y + p->h > y1 ? p->y + p->h : y1;
    }
    /* even sides: H.264's 4:2:0 needs them, and a GIF loses nothing */
    int w = ((int)(x1 - x0)) & ~1, h = ((int)(y1 - y0)) & ~1;
    if (w < 16 || h < 16) {
        app_message(a, "The map is too small to export: enlarge the window");
        return;
    }
    AnimPlan plan = anim_plan(a->scene.steps, a->anim_fps, a->anim_frames, a->anim_seconds);
    char err[1400];
    app_timestamped_path(a, media_format == MEDIA_MP4 ? "mp4" : "gif", a->anim_path, sizeof a->anim_path);
    a->anim_cancel = 0;
    a->anim = anim_job_start(a, a->anim_path, w, h, &plan, err, sizeof err);
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
        app_message(a, "Export cancelled: nothing was written");
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
