/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_png: a picture as PNG. On Linux the container is written here over
 * libdeflate: one buffer of filtered rows, filled from the row source, deflated in
 * one call, written as one IDAT (stb_image_write would want the rows packed, copy
 * them into its own filtered buffer, then copy the stream again into the file's
 * image). The browser build uses stb_image_write's PNG writer with its own deflate:
 * Debian builds libdeflate for Linux only. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "export.h"
#include "lang.h"
#include "media.h"

#ifdef __EMSCRIPTEN__
#include "stb_impl.h"
#else
#include <libdeflate.h>
#endif

/* libdeflate's level: on a 1920x1080 picture of the default scene, 4 takes 20.6 ms
 * for 823 KB, 6 27.1 ms for 763 KB, 1 15.8 ms for 1190 KB (the filters Sub and Up
 * are larger and slower at every level): 4 is the whole picture's fastest step
 * that keeps the file within 8% of 6's */
#define PNG_LEVEL 4

#ifndef __EMSCRIPTEN__
static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16), p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* One chunk: length, type, data, CRC of type and data. Returns 0, or an errno. */
static int put_chunk(FILE *f, const char *type, const unsigned char *data, size_t n)
{
    unsigned char head[8], tail[4];
    put32(head, (uint32_t)n);
    memcpy(head + 4, type, 4);
    uint32_t crc = libdeflate_crc32(0, head + 4, 4);
    if (n) /* libdeflate_crc32 of NULL is its initial value, not the CRC so far */
        crc = libdeflate_crc32(crc, data, n);
    put32(tail, crc);
    errno = 0;
    if (fwrite(head, 1, 8, f) != 8 || (n && fwrite(data, 1, n, f) != n) || fwrite(tail, 1, 4, f) != 4)
        return errno ? errno : EIO;
    return 0;
}

/* The PNG of `raw` (h rows, each a filter byte and the row's RGB) into f. Returns
 * 0, or an errno. */
static int png_put(FILE *f, int w, int h, const unsigned char *raw, size_t n_raw)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(PNG_LEVEL);
    if (!c)
        return ENOMEM;
    size_t bound = libdeflate_zlib_compress_bound(c, n_raw);
    unsigned char *z = malloc(bound);
    size_t n = z ? libdeflate_zlib_compress(c, raw, n_raw, z, bound) : 0;
    libdeflate_free_compressor(c);
    bench_phase("encode_ms");
    int e = n ? 0 : ENOMEM;
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    unsigned char ihdr[13];
    put32(ihdr, (uint32_t)w), put32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8, ihdr[9] = 2, ihdr[10] = ihdr[11] = ihdr[12] = 0; /* 8-bit RGB, deflate, no interlace */
    errno = 0;
    if (!e && fwrite(sig, 1, 8, f) != 8)
        e = errno ? errno : EIO;
    if (!e)
        e = put_chunk(f, "IHDR", ihdr, sizeof ihdr);
    if (!e)
        e = put_chunk(f, "IDAT", z, n);
    if (!e)
        e = put_chunk(f, "IEND", NULL, 0);
    free(z);
    return e;
}
#else
typedef struct PngSink {
    FILE *f;
    int failed; /* errno of the first failed write */
} PngSink;

static void png_write_fn(void *ctx, void *data, int size)
{
    PngSink *sink = ctx;
    errno = 0;
    if (size > 0 && !sink->failed && fwrite(data, 1, (size_t)size, sink->f) != (size_t)size)
        sink->failed = errno ? errno : -1;
}
#endif

int media_png_write_rows(const char *path, int width, int height, MediaRowFn *row_of, void *ctx, char *err,
                         size_t cap)
{
    if (width <= 0 || height <= 0) {
        snprintf(err, cap, _("cannot write '%s': empty image"), path);
        return -1;
    }
#ifdef __EMSCRIPTEN__
    const size_t lead = 0; /* stb takes packed rows */
#else
    const size_t lead = 1; /* each row's filter byte: 0, none (the pictures are mostly runs
                              of one colour along a row, which no filter compresses better) */
#endif
    size_t row = lead + (size_t)width * 3;
    unsigned char *raw = malloc(row * (size_t)height);
    if (!raw) {
        snprintf(err, cap, _("cannot write '%s': not enough memory for a %dx%d image"), path, width, height);
        return -1;
    }
    for (int y = 0; y < height; y++) {
        const unsigned char *s = row_of(ctx, y);
        if (!s) {
            snprintf(err, cap, _("cannot write '%s': cannot read the rendered image back"), path);
            free(raw);
            return -1;
        }
        unsigned char *d = raw + row * (size_t)y;
        if (lead)
            *d++ = 0;
        for (int x = 0; x < width; x++, s += 4, d += 3)
            d[0] = s[0], d[1] = s[1], d[2] = s[2];
    }
    char tmp[4200];
    FILE *f = export_begin(path, tmp, sizeof tmp, err, cap);
    int rc = -1;
    if (f) {
#ifdef __EMSCRIPTEN__
        PngSink sink = {f, 0};
        if (!gs_png_write(png_write_fn, &sink, width, height, raw, (int)row) && !sink.failed)
            sink.failed = ENOMEM; /* the encoder's own allocation failed */
        int failed = sink.failed;
#else
        int failed = png_put(f, width, height, raw, row * (size_t)height);
#endif
        rc = export_commit(f, tmp, path, failed, err, cap);
        bench_phase("write_ms");
    }
    free(raw);
    return rc;
}

typedef struct Rows {
    const unsigned char *rgba;
    int stride, height, bottom_up;
} Rows;

static const unsigned char *row_in_memory(void *ctx, int y)
{
    const Rows *r = ctx;
    return r->rgba + (size_t)r->stride * (size_t)(r->bottom_up ? r->height - 1 - y : y);
}

int media_png_write(const char *path, int width, int height, const unsigned char *rgba, int stride,
                    int bottom_up, char *err, size_t cap)
{
    Rows r = {rgba, stride, height, bottom_up};
    return media_png_write_rows(path, width, height, row_in_memory, &r, err, cap);
}
