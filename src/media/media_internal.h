/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_internal: what the animation writer shares with its two encoders. */
#ifndef GS_MEDIA_INTERNAL_H
#define GS_MEDIA_INTERNAL_H

#include <pthread.h>
#include <stdio.h>

#include "media.h"

struct MediaAnim {
    MediaFormat fmt;
    int w, h, fps;
    long periods;       /* frame periods written so far */
    int frames;         /* frames added */
    char path[4200];    /* the file asked for, for messages */
    char tmp[4200];     /* the temporary file being written */
    FILE *f;            /* its stream (GIF), or NULL (MP4: libavformat opens it) */
    int failed;         /* errno of the first failed write, or -1 */
    void *enc;          /* the encoder's own state */
    /* the encoding thread: the caller renders the next frame while it encodes
     * this one; frames are handed over through one slot */
    int threaded;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned char *slot;  /* w*h*4, top-down */
    int slot_full, slot_periods, quit;
    int worker_rc;        /* -1 once a frame failed; worker_err says why */
    char worker_err[1400];
};

/* Each encoder: begin (after the temporary file exists), hint, add, end (ok: finish
 * the file; not ok: just free). Each returns 0, or -1 with err. */
int gif_begin(MediaAnim *m, char *err, size_t cap);
void gif_hint(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up);
int gif_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err, size_t cap);
int gif_end(MediaAnim *m, int ok, char *err, size_t cap);

int mp4_begin(MediaAnim *m, char *err, size_t cap);
int mp4_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err, size_t cap);
int mp4_end(MediaAnim *m, int ok, char *err, size_t cap);

/* The first byte of row y of a picture given top-down or bottom-up. */
static inline const unsigned char *media_row(const unsigned char *rgba, int stride, int bottom_up, int h, int y)
{
    return rgba + (size_t)stride * (size_t)(bottom_up ? h - 1 - y : y);
}

#endif
