/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_anim: the animation writer, the part its two encoders share: the file's
 * name and format, checks on size and rate, the temporary file and its rename, and
 * the thread that encodes a frame while the caller renders the next (the encoders
 * themselves run on that one thread only, in order). */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "lang.h"
#include "media_internal.h"

MediaFormat media_format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && slash > dot))
        return MEDIA_NONE;
    char ext[8];
    size_t n = strlen(dot + 1);
    if (n >= sizeof ext)
        return MEDIA_NONE;
    for (size_t i = 0; i <= n; i++)
        ext[i] = (char)(dot[1 + i] >= 'A' && dot[1 + i] <= 'Z' ? dot[1 + i] + 32 : dot[1 + i]);
    if (strcmp(ext, "gif") == 0)
        return MEDIA_GIF;
    if (strcmp(ext, "mp4") == 0)
        return MEDIA_MP4;
    return MEDIA_NONE;
}

MediaAnim *media_anim_open(const char *path, MediaFormat fmt, int w, int h, int fps, char *err, size_t cap)
{
    if (fmt != MEDIA_GIF && fmt != MEDIA_MP4) {
        snprintf(err, cap, _("cannot write '%s': an animation is .gif or .mp4"), path);
        return NULL;
    }
    if (w < 2 || h < 2 || w > MEDIA_ANIM_MAX_SIDE || h > MEDIA_ANIM_MAX_SIDE) {
        snprintf(err, cap, _("cannot write '%s': %dx%d is not an animation size (2 to %d a side)"), path, w, h,
                 MEDIA_ANIM_MAX_SIDE);
        return NULL;
    }
    int max_fps = fmt == MEDIA_GIF ? MEDIA_GIF_FPS_MAX : MEDIA_FPS_MAX;
    if (fps < 1 || fps > max_fps) {
        snprintf(err, cap,
                 fmt == MEDIA_GIF ? _("cannot write '%s': %d frames per second (a GIF plays 1 to %d)")
                                  : _("cannot write '%s': %d frames per second (an MP4 plays 1 to %d)"),
                 path, fps, max_fps);
        return NULL;
    }
    MediaAnim *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(err, cap, _("cannot write '%s': out of memory"), path);
        return NULL;
    }
    *m = (MediaAnim){.fmt = fmt, .w = w, .h = h, .fps = fps};
    snprintf(m->path, sizeof m->path, "%s", path);
    m->f = export_begin(path, m->tmp, sizeof m->tmp, err, cap);
    if (!m->f) {
        free(m);
        return NULL;
    }
    if (!m->tmp[0]) { /* stdout, a pipe, a device: the encoders need a file */
        if (m->f != stdout)
            fclose(m->f);
        snprintf(err, cap, _("cannot write '%s': an animation needs a regular file"), path);
        free(m);
        return NULL;
    }
    if (fmt == MEDIA_MP4) { /* libavformat opens it by name (and reads it back for +faststart) */
        fclose(m->f);
        m->f = NULL;
    }
    if ((fmt == MEDIA_GIF ? gif_begin(m, err, cap) : mp4_begin(m, err, cap)) != 0) {
        media_anim_cancel(m);
        return NULL;
    }
    return m;
}

void media_anim_hint(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up)
{
    if (m->fmt == MEDIA_GIF)
        gif_hint(m, rgba, stride, bottom_up);
}

/* Encodes one frame on the calling thread. */
static int encode_frame(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err,
                        size_t cap)
{
    int rc = m->fmt == MEDIA_GIF ? gif_add(m, rgba, stride, bottom_up, periods, err, cap)
                                 : mp4_add(m, rgba, stride, bottom_up, periods, err, cap);
    if (rc == 0) {
        m->frames++;
        m->periods += periods;
    }
    return rc;
}

static void *worker(void *arg)
{
    MediaAnim *m = arg;
    pthread_mutex_lock(&m->mu);
    for (;;) {
        while (!m->slot_full && !m->quit)
            pthread_cond_wait(&m->cv, &m->mu);
        if (!m->slot_full)
            break;
        int periods = m->slot_periods, failed = m->worker_rc;
        pthread_mutex_unlock(&m->mu);
        char err[sizeof m->worker_err];
        int rc = failed ? -1 : encode_frame(m, m->slot, m->w * 4, 0, periods, err, sizeof err);
        pthread_mutex_lock(&m->mu);
        if (rc != 0 && !failed) {
            m->worker_rc = -1;
            memcpy(m->worker_err, err, sizeof err);
        }
        m->slot_full = 0;
        pthread_cond_broadcast(&m->cv);
    }
    pthread_mutex_unlock(&m->mu);
    return NULL;
}

/* Starts the encoding thread; without one (no memory, no thread) frames are
 * encoded on the caller's thread. */
static void worker_start(MediaAnim *m)
{
    m->slot = malloc((size_t)m->w * (size_t)m->h * 4);
    if (!m->slot)
        return;
    pthread_mutex_init(&m->mu, NULL);
    pthread_cond_init(&m->cv, NULL);
    if (pthread_create(&m->thread, NULL, worker, m) != 0) {
        pthread_mutex_destroy(&m->mu);
        pthread_cond_destroy(&m->cv);
        free(m->slot);
        m->slot = NULL;
        return;
    }
    m->threaded = 1;
}

/* Waits for the frame in hand, stops the thread. Returns worker_rc. */
static int worker_stop(MediaAnim *m)
{
    if (!m->threaded)
        return 0;
    pthread_mutex_lock(&m->mu);
    while (m->slot_full)
        pthread_cond_wait(&m->cv, &m->mu);
    m->quit = 1;
    pthread_cond_broadcast(&m->cv);
    pthread_mutex_unlock(&m->mu);
    pthread_join(m->thread, NULL);
    pthread_mutex_destroy(&m->mu);
    pthread_cond_destroy(&m->cv);
    free(m->slot);
    m->slot = NULL;
    m->threaded = 0;
    return m->worker_rc;
}

int media_anim_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err,
                   size_t cap)
{
    if (periods < 1)
        periods = 1;
    if (!m->threaded && !m->slot && m->frames == 0)
        worker_start(m);
    if (!m->threaded)
        return encode_frame(m, rgba, stride, bottom_up, periods, err, cap);
    pthread_mutex_lock(&m->mu);
    while (m->slot_full)
        pthread_cond_wait(&m->cv, &m->mu);
    int failed = m->worker_rc;
    pthread_mutex_unlock(&m->mu);
    if (failed) {
        snprintf(err, cap, "%s", m->worker_err);
        return -1;
    }
    /* the slot is the caller's until it is marked full */
    size_t row = (size_t)m->w * 4;
    for (int y = 0; y < m->h; y++)
        memcpy(m->slot + row * (size_t)y, media_row(rgba, stride, bottom_up, m->h, y), row);
    pthread_mutex_lock(&m->mu);
    m->slot_full = 1;
    m->slot_periods = periods;
    pthread_cond_broadcast(&m->cv);
    pthread_mutex_unlock(&m->mu);
    return 0;
}

int media_anim_finish(MediaAnim *m, char *err, size_t cap)
{
    int rc;
    if (worker_stop(m) != 0) {
        snprintf(err, cap, "%s", m->worker_err);
        rc = -1;
    } else if (m->frames == 0) {
        snprintf(err, cap, _("cannot write '%s': no frames"), m->path);
        rc = -1;
    } else {
        rc = m->fmt == MEDIA_GIF ? gif_end(m, 1, err, cap) : mp4_end(m, 1, err, cap);
    }
    if (rc != 0) {
        media_anim_cancel(m);
        return -1;
    }
    if (m->f)
        rc = export_commit(m->f, m->tmp, m->path, m->failed, err, cap);
    else
        rc = export_finish(m->tmp, m->path, m->failed, err, cap);
    free(m);
    return rc;
}

void media_anim_cancel(MediaAnim *m)
{
    if (!m)
        return;
    worker_stop(m);
    char ignored[64];
    if (m->enc)
        (m->fmt == MEDIA_GIF ? gif_end : mp4_end)(m, 0, ignored, sizeof ignored);
    if (m->f)
        fclose(m->f);
    remove(m->tmp);
    free(m);
}
