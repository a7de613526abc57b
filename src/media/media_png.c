/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_png: a picture as PNG, RGB rows with no filter (the pictures are mostly
 * runs of one colour along a row, which no filter compresses better).
 *
 * On Linux the rows stream through ISA-L's igzip, which deflates at three times
 * libdeflate's speed: the calling thread fetches strips of rows from the row
 * source (a GL read-back, which must stay on the thread that owns the context) into
 * a ring of strip buffers, and a second thread deflates each strip as it comes and
 * writes the stream as IDAT chunks. No whole-image buffer exists: memory is the
 * ring, the compressor's state and one chunk. Where the thread cannot start, the
 * calling thread deflates each strip itself. The browser build uses
 * stb_image_write's PNG writer with its own deflate. */
#define _POSIX_C_SOURCE 200809L
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
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <pthread.h>
#endif

#ifndef __EMSCRIPTEN__
/* igzip's level: on a 1920x1080 picture of the default scene, level 1 deflates in
 * 8 ms to 1.38 MB, level 2 in 8 ms to 1.30 MB, level 3 in 15 ms to 1.28 MB
 * (libdeflate took 21 ms at its level 4, for 0.83 MB) */
#define PNG_LEVEL 2
#define PNG_LEVEL_BUF ISAL_DEF_LVL2_DEFAULT
enum {
    STRIP_BYTES = 128 << 10, /* about this much of the image per strip */
    RING = 4,                /* strips in flight between the two threads */
    CHUNK = 256 << 10,       /* an IDAT chunk's data, at most */
};

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
    uint32_t crc = crc32_gzip_refl(0, head + 4, 4);
    crc = crc32_gzip_refl(crc, data, n);
    put32(tail, crc);
    errno = 0;
    if (fwrite(head, 1, 8, f) != 8 || (n && fwrite(data, 1, n, f) != n) || fwrite(tail, 1, 4, f) != 4)
        return errno ? errno : EIO;
    return 0;
}

/* The deflating side: the stream's state, its output chunk, the file. */
typedef struct Deflater {
    struct isal_zstream z;
    unsigned char *level_buf, *out;
    FILE *f;
    int failed; /* the first errno */
} Deflater;

/* Deflates n bytes of filtered rows (the last strip when `last`), writing each full
 * chunk. Returns the errno so far. */
static int deflate_strip(Deflater *d, unsigned char *in, size_t n, int last)
{
    d->z.next_in = in;
    d->z.avail_in = (uint32_t)n;
    d->z.end_of_stream = (uint16_t)last;
    while (!d->failed) {
        if (isal_deflate(&d->z) != COMP_OK)
            d->failed = ENOMEM;
        else if (d->z.avail_out == 0 || (last && d->z.internal_state.state == ZSTATE_END)) {
            size_t k = CHUNK - d->z.avail_out;
            if (k)
                d->failed = put_chunk(d->f, "IDAT", d->out, k);
            d->z.next_out = d->out, d->z.avail_out = CHUNK;
            if (last && d->z.internal_state.state == ZSTATE_END)
                break;
        } else if (d->z.avail_in == 0 && !last)
            break;
    }
    return d->failed;
}

/* The ring between the thread that fetches rows and the one that deflates. */
typedef struct Ring {
    pthread_mutex_t mu;
    pthread_cond_t filled, emptied;
    unsigned char *buf[RING];
    size_t len[RING];
    int last[RING];
    long put, taken; /* strips handed over, and deflated */
    int stop;        /* the fetching side failed: no more strips come */
    Deflater *d;
} Ring;

static void *deflate_thread(void *arg)
{
    Ring *r = arg;
    for (long k = 0;; k++) {
        pthread_mutex_lock(&r->mu);
        while (r->put == k && !r->stop)
            pthread_cond_wait(&r->filled, &r->mu);
        int have = r->put > k;
        pthread_mutex_unlock(&r->mu);
        if (!have)
            break;
        int i = (int)(k % RING), last = r->last[i];
        deflate_strip(r->d, r->buf[i], r->len[i], last);
        pthread_mutex_lock(&r->mu);
        r->taken = k + 1;
        pthread_cond_signal(&r->emptied);
        pthread_mutex_unlock(&r->mu);
        if (last || r->d->failed)
            break;
    }
    return NULL;
}

/* Fetches the image's rows strip by strip, filtered, and deflates them (in the
 * second thread when it runs) into f after the signature and IHDR. Returns 0, an
 * errno, or -1 when the row source failed. */
static int png_stream(FILE *f, int w, int h, MediaRowFn *row_of, void *ctx)
{
    const size_t row = 1 + (size_t)w * 3;
    int rows = (int)(STRIP_BYTES / row) > 0 ? (int)(STRIP_BYTES / row) : 1;
    if (rows > h)
        rows = h;
    Deflater d = {.f = f};
    Ring r = {.d = &d};
    int nbuf = 0, e = 0, synced = 0, threaded = 0;
    struct isal_zstream *z = &d.z;
    d.level_buf = malloc(PNG_LEVEL_BUF), d.out = malloc(CHUNK);
    for (; nbuf < RING && (r.buf[nbuf] = malloc(row * (size_t)rows)); nbuf++)
        ;
    if (!d.level_buf || !d.out || nbuf < RING)
        e = ENOMEM;
    if (!e) {
        isal_deflate_init(z);
        z->level = PNG_LEVEL, z->level_buf = d.level_buf, z->level_buf_size = PNG_LEVEL_BUF;
        z->gzip_flag = IGZIP_ZLIB;
        z->next_out = d.out, z->avail_out = CHUNK;
        static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        unsigned char ihdr[13];
        put32(ihdr, (uint32_t)w), put32(ihdr + 4, (uint32_t)h);
        ihdr[8] = 8, ihdr[9] = 2, ihdr[10] = ihdr[11] = ihdr[12] = 0; /* 8-bit RGB, deflate, no interlace */
        errno = 0;
        if (fwrite(sig, 1, 8, f) != 8)
            e = errno ? errno : EIO;
        if (!e)
            e = put_chunk(f, "IHDR", ihdr, sizeof ihdr);
    }
    pthread_t th;
    if (!e) {
        pthread_mutex_init(&r.mu, NULL);
        pthread_cond_init(&r.filled, NULL);
        pthread_cond_init(&r.emptied, NULL);
        synced = 1;
        threaded = pthread_create(&th, NULL, deflate_thread, &r) == 0;
    }
    for (int y0 = 0, k = 0; !e && y0 < h; y0 += rows, k++) {
        int n = h - y0 < rows ? h - y0 : rows, i = k % RING;
        if (threaded) { /* wait for the strip's buffer to be free */
            pthread_mutex_lock(&r.mu);
            while (r.taken + RING <= k && !d.failed)
                pthread_cond_wait(&r.emptied, &r.mu);
            pthread_mutex_unlock(&r.mu);
        }
        if (d.failed)
            break;
        unsigned char *out = r.buf[i];
        for (int y = y0; y < y0 + n; y++) {
            const unsigned char *s = row_of(ctx, y);
            if (!s) {
                e = -1;
                break;
            }
            *out++ = 0;
            for (int x = 0; x < w; x++, s += 4, out += 3)
                out[0] = s[0], out[1] = s[1], out[2] = s[2];
        }
        if (e)
            break;
        r.len[i] = row * (size_t)n, r.last[i] = y0 + n >= h;
        if (!threaded)
            deflate_strip(&d, r.buf[i], r.len[i], r.last[i]);
        else {
            pthread_mutex_lock(&r.mu);
            r.put = k + 1;
            pthread_cond_signal(&r.filled);
            pthread_mutex_unlock(&r.mu);
        }
    }
    if (threaded) {
        pthread_mutex_lock(&r.mu);
        r.stop = 1;
        pthread_cond_signal(&r.filled);
        pthread_mutex_unlock(&r.mu);
        pthread_join(th, NULL);
    }
    if (synced) {
        pthread_cond_destroy(&r.emptied);
        pthread_cond_destroy(&r.filled);
        pthread_mutex_destroy(&r.mu);
    }
    if (!e)
        e = d.failed;
    bench_phase("encode_ms");
    if (!e)
        e = put_chunk(f, "IEND", NULL, 0);
    for (int i = 0; i < nbuf; i++)
        free(r.buf[i]);
    free(d.level_buf);
    free(d.out);
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

/* stb takes the packed rows of the whole image */
static int png_stream(FILE *f, int w, int h, MediaRowFn *row_of, void *ctx)
{
    size_t row = (size_t)w * 3;
    unsigned char *raw = malloc(row * (size_t)h);
    if (!raw)
        return ENOMEM;
    for (int y = 0; y < h; y++) {
        const unsigned char *s = row_of(ctx, y);
        if (!s) {
            free(raw);
            return -1;
        }
        unsigned char *d = raw + row * (size_t)y;
        for (int x = 0; x < w; x++, s += 4, d += 3)
            d[0] = s[0], d[1] = s[1], d[2] = s[2];
    }
    PngSink sink = {f, 0};
    if (!gs_png_write(png_write_fn, &sink, w, h, raw, (int)row) && !sink.failed)
        sink.failed = ENOMEM; /* the encoder's own allocation failed */
    free(raw);
    return sink.failed;
}
#endif

int media_png_write_rows(const char *path, int width, int height, MediaRowFn *row_of, void *ctx, char *err,
                         size_t cap)
{
    if (width <= 0 || height <= 0) {
        snprintf(err, cap, _("cannot write '%s': empty image"), path);
        return -1;
    }
    char tmp[4200];
    FILE *f = export_begin(path, tmp, sizeof tmp, err, cap);
    if (!f)
        return -1;
    int failed = png_stream(f, width, height, row_of, ctx);
    if (failed == -1) {
        export_commit(f, tmp, path, EIO, err, cap); /* removes the temporary file */
        snprintf(err, cap, _("cannot write '%s': cannot read the rendered image back"), path);
        return -1;
    }
    if (failed == ENOMEM) {
        export_commit(f, tmp, path, ENOMEM, err, cap);
        snprintf(err, cap, _("cannot write '%s': not enough memory for a %dx%d image"), path, width, height);
        return -1;
    }
    int rc = export_commit(f, tmp, path, failed, err, cap);
    bench_phase("write_ms");
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
