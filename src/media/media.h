/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media: the encoders that need a library besides libm, between the core and the
 * shell (no SDL, no GL): PNG (streamed through ISA-L's igzip), GIF
 * (giflib, with a palette from libimagequant) and MP4 (FFmpeg's libavformat and
 * libavcodec with libx264). Every file is written under a temporary name beside its
 * target and renamed into place only when complete (export_begin/export_commit), so
 * a failed or cancelled write leaves nothing behind.
 *
 * Images are 8-bit RGBA rows, `stride` bytes apart, top to bottom unless `bottom_up`
 * (as glReadPixels returns them); alpha is ignored (the pictures are opaque). */
#ifndef GS_MEDIA_H
#define GS_MEDIA_H

#include <stddef.h>

/* Writes a PNG: RGB rows filtered Up, deflated by ISA-L's igzip on two cores as
 * the rows come. Returns 0, or -1 with err. */
int media_png_write(const char *path, int width, int height, const unsigned char *rgba, int stride,
                    int bottom_up, char *err, size_t cap);

/* Where a picture's rows come from: the RGBA row y (0 at the top) of `width`
 * pixels, asked for in order y = 0, 1, ...; the pointer may be to the source's own
 * buffer, valid until the next call. NULL: the row cannot be had (the write fails). */
typedef const unsigned char *MediaRowFn(void *ctx, int y);

/* The same from a row source, so that the whole RGBA picture need never be held. */
int media_png_write_rows(const char *path, int width, int height, MediaRowFn *row, void *ctx, char *err,
                         size_t cap);

typedef enum MediaFormat { MEDIA_NONE, MEDIA_GIF, MEDIA_MP4 } MediaFormat;

/* The animation format a file name asks for, by its extension (.gif, .mp4, any
 * case), or MEDIA_NONE. */
MediaFormat media_format_of(const char *path);

/* The frame rates each format plays exactly: GIF's delays are whole hundredths of a
 * second and browsers slow down delays under two, so GIF stops at 50. */
#define MEDIA_FPS_MAX 120
#define MEDIA_GIF_FPS_MAX 50
/* The largest animation side: 4K (beyond it a frame takes seconds on a CPU). */
#define MEDIA_ANIM_MAX_SIDE 4096

typedef struct MediaAnim MediaAnim;

/* Opens an animation of w x h frames at `fps` frames per second. Returns the
 * writer, or NULL with err (an unwritable path, a size or rate the format cannot
 * play, an encoder that fails to start). */
MediaAnim *media_anim_open(const char *path, MediaFormat fmt, int w, int h, int fps, char *err, size_t cap);

/* A picture whose colours the GIF palette must serve besides the first frame's (the
 * last frame, with every path drawn); call before the first frame. MP4 ignores it. */
void media_anim_hint(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up);

/* Adds a frame shown for `periods` frame periods (1, or more to hold it). Returns 0,
 * or -1 with err. */
int media_anim_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err,
                   size_t cap);

/* Finishes the file and renames it into place; frees the writer either way.
 * Returns 0, or -1 with err. */
int media_anim_finish(MediaAnim *m, char *err, size_t cap);

/* Stops, removes the temporary file and frees the writer. NULL is ignored. */
void media_anim_cancel(MediaAnim *m);

#endif
