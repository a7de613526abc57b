/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_web: the browser build's animation encoders, which it has not: giflib,
 * libimagequant and FFmpeg are not built for WebAssembly by Debian. An export
 * asked for there stops at its start with a message saying so, before any frame
 * is rendered; PNG screenshots work in both builds. */
#include <stdio.h>

#include "lang.h"
#include "media_internal.h"

static int unavailable(const MediaAnim *m, char *err, size_t cap)
{
    /* TRANSLATORS: %s is GIF or MP4 */
    snprintf(err, cap, _("%s export is in the desktop program only; the browser saves PNG screenshots"),
             m->fmt == MEDIA_GIF ? "GIF" : "MP4");
    return -1;
}

int gif_begin(MediaAnim *m, char *err, size_t cap) { return unavailable(m, err, cap); }
void gif_hint(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up)
{
    (void)m, (void)rgba, (void)stride, (void)bottom_up;
}
int gif_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err, size_t cap)
{
    (void)rgba, (void)stride, (void)bottom_up, (void)periods;
    return unavailable(m, err, cap);
}
int gif_end(MediaAnim *m, int ok, char *err, size_t cap)
{
    (void)m, (void)ok, (void)err, (void)cap;
    return 0;
}

int mp4_begin(MediaAnim *m, char *err, size_t cap) { return unavailable(m, err, cap); }
int mp4_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err, size_t cap)
{
    (void)rgba, (void)stride, (void)bottom_up, (void)periods;
    return unavailable(m, err, cap);
}
int mp4_end(MediaAnim *m, int ok, char *err, size_t cap)
{
    (void)m, (void)ok, (void)err, (void)cap;
    return 0;
}
