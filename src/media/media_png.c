/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_png: a picture as PNG, 8-bit RGB.
 *
 * On Linux each row is filtered Up (each byte less the one above it: the pictures
 * change little from one row to the next) and the rows stream through ISA-L's
 * igzip, which deflates at three times
 * libdeflate's speed, on two cores as pigz does: the calling thread fetches strips
 * of rows from the row source (a GL read-back, which must stay on the thread that
 * owns the context) into a ring of strip buffers; a second thread, and the calling
 * one whenever the ring is full or every row is in, deflate the strips, each on
 * its own (ended by a sync flush, so that the pieces in order are one stream), and
 * the pieces are written in order as IDAT chunks. No whole-image buffer exists:
 * memory is the ring, two compressors' state and one chunk. Where the thread
 * cannot start, the calling thread deflates every strip. The browser build uses
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
/* igzip's level: on a 1920x1080 picture of the default scene, unfiltered, level 1
 * deflates in 8 ms to 1.38 MB on one core, level 2 in 8 ms to 1.30 MB, level 3 in
 * 15 ms to 1.28 MB (libdeflate took 21 ms at its level 4, for 0.83 MB: it finds
 * longer matches, and did best unfiltered). Strips of 256 KiB deflated on their own
 * make the file 3.6% larger than one stream (64 KiB: 15%; 512 KiB: 1.7%, for no
 * more speed); the encode phase, read-back included, takes 6.9 ms instead of 11.
 * Filtered Up, the file is 20% smaller again (1.08 MB) in the same time, and 10 to
 * 21% smaller on the 3D view, the saddle and a lesson's slide (3% larger on a
 * 640x360 picture). */
#define PNG_LEVEL 2
#define PNG_LEVEL_BUF ISAL_DEF_LVL2_DEFAULT
enum {
    STRIP_BYTES = 256 << 10, /* about this much of the image per strip */
    RING = 4,                /* strips in flight between the threads */
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

/* PNG's Up filter on a row of n bytes, in place: each byte less the one above it;
 * `above` becomes this row. */
static void filter_up(unsigned char *restrict row, unsigned char *restrict above, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char v = row[i];
        row[i] = (unsigned char)(v - above[i]);
        above[i] = v;
    }
}

/* A strip in flight: its filtered rows, and their deflate once made. */
enum { SLOT_FREE, SLOT_FILLED, SLOT_CLAIMED, SLOT_DONE };
typedef struct Slot {
    unsigned char *in, *out;
    size_t n_in, n_out, cap_out;
    int state, last;
} Slot;

/* The encoder: RING slots between the thread that fetches rows and the two that
 * deflate (a worker, and the fetching thread whenever the ring is full or all rows
 * are in), each strip deflated on its own (a new stream ended by a sync flush, the
 * last by the final block), so that the pieces, written in order, are one deflate
 * stream; the zlib header and the Adler-32 of all rows are put around it here. */
typedef struct Png {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    Slot slot[RING];
    long n_strips, filled, written; /* strips: in all, handed over, written */
    int stop;                       /* no more strips come: all are in, or fetching failed */
    int failed;                     /* the first errno */
    FILE *f;
    unsigned char *chunk; /* IDAT data gathered, up to CHUNK */
    size_t chunk_n;
    struct isal_zstream z[2]; /* one per deflating thread */
    unsigned char *level_buf[2];
} Png;

/* Appends n bytes to the IDAT data, writing each full chunk. Returns the errno so
 * far. Called with the lock held (one writer at a time). */
static int chunk_put(Png *p, const unsigned char *b, size_t n)
{
    while (n && !p->failed) {
        size_t k = CHUNK - p->chunk_n < n ? CHUNK - p->chunk_n : n;
        memcpy(p->chunk + p->chunk_n, b, k);
        p->chunk_n += k, b += k, n -= k;
        if (p->chunk_n == CHUNK) {
            p->failed = put_chunk(p->f, "IDAT", p->chunk, CHUNK);
            p->chunk_n = 0;
        }
    }
    return p->failed;
}

/* Deflates slot s's rows into its output with compressor c. Returns 0 or ENOMEM. */
static int deflate_piece(Png *p, int c, Slot *s)
{
    struct isal_zstream *z = &p->z[c];
    isal_deflate_init(z);
    z->level = PNG_LEVEL, z->level_buf = p->level_buf[c], z->level_buf_size = PNG_LEVEL_BUF;
    z->gzip_flag = IGZIP_DEFLATE;
    z->flush = s->last ? NO_FLUSH : SYNC_FLUSH;
    z->end_of_stream = (uint16_t)s->last;
    z->next_in = s->in, z->avail_in = (uint32_t)s->n_in;
    z->next_out = s->out, z->avail_out = (uint32_t)s->cap_out;
    for (;;) {
        if (isal_deflate(z) != COMP_OK)
            return ENOMEM;
        /* done: all input in, and room left over (so the flush is out too) */
        if (z->avail_in == 0 && z->avail_out > 0 && (!s->last || z->internal_state.state == ZSTATE_END))
            break;
        if (z->avail_out == 0) { /* an incompressible strip outgrew its guess */
            size_t used = s->cap_out;
            unsigned char *o = realloc(s->out, s->cap_out * 2);
            if (!o)
                return ENOMEM;
            s->out = o, s->cap_out *= 2;
            z->next_out = o + used, z->avail_out = (uint32_t)(s->cap_out - used);
        }
    }
    s->n_out = z->total_out;
    return 0;
}

/* Deflates one handed-over strip, if there is one unclaimed, with compressor c,
 * then writes whatever strips are done in order. Called with the lock held, which
 * it lets go while deflating. Returns 1 when it deflated a strip. */
static int deflate_one(Png *p, int c)
{
    Slot *s = NULL;
    for (long k = p->written; k < p->filled && !s; k++)
        if (p->slot[k % RING].state == SLOT_FILLED)
            s = &p->slot[k % RING];
    if (!s || p->failed)
        return 0;
    s->state = SLOT_CLAIMED;
    pthread_mutex_unlock(&p->mu);
    int e = deflate_piece(p, c, s);
    pthread_mutex_lock(&p->mu);
    s->state = SLOT_DONE;
    if (e && !p->failed)
        p->failed = e;
    for (Slot *w; p->written < p->filled && (w = &p->slot[p->written % RING])->state == SLOT_DONE;) {
        chunk_put(p, w->out, w->n_out);
        w->state = SLOT_FREE;
        p->written++;
    }
    pthread_cond_broadcast(&p->cv);
    return 1;
}

static void *deflate_thread(void *arg)
{
    Png *p = arg;
    pthread_mutex_lock(&p->mu);
    while (p->written < p->n_strips && !p->failed && !(p->stop && p->written == p->filled))
        if (!deflate_one(p, 0))
            pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Fetches the image's rows strip by strip, filtered, and deflates them (in two
 * threads when the second starts) into f after the signature and IHDR. Returns 0,
 * an errno, or -1 when the row source failed. */
static int png_stream(FILE *f, int w, int h, MediaRowFn *row_of, void *ctx)
{
    const size_t row = 1 + (size_t)w * 3;
    int rows = (int)(STRIP_BYTES / row) > 0 ? (int)(STRIP_BYTES / row) : 1;
    if (rows > h)
        rows = h;
    Png *p = calloc(1, sizeof *p); /* two compressors' state: 160 KB, not for the stack */
    if (!p)
        return ENOMEM;
    p->f = f, p->n_strips = (h + rows - 1) / rows;
    int e = 0, threaded = 0, nslot = 0;
    const size_t in_cap = row * (size_t)rows, out_cap = in_cap + in_cap / 8 + 1024;
    p->level_buf[0] = malloc(PNG_LEVEL_BUF), p->level_buf[1] = malloc(PNG_LEVEL_BUF), p->chunk = malloc(CHUNK);
    unsigned char *above = calloc((size_t)w, 3); /* the row above, RGB: zero above the first */
    for (; nslot < RING; nslot++) {
        Slot *s = &p->slot[nslot];
        s->in = malloc(in_cap), s->out = malloc(out_cap), s->cap_out = out_cap;
        if (!s->in || !s->out)
            break;
    }
    if (!p->level_buf[0] || !p->level_buf[1] || !p->chunk || !above || nslot < RING)
        e = ENOMEM;
    if (!e) {
        static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        unsigned char ihdr[13];
        put32(ihdr, (uint32_t)w), put32(ihdr + 4, (uint32_t)h);
        ihdr[8] = 8, ihdr[9] = 2, ihdr[10] = ihdr[11] = ihdr[12] = 0; /* 8-bit RGB, deflate, no interlace */
        errno = 0;
        if (fwrite(sig, 1, 8, f) != 8)
            e = errno ? errno : EIO;
        if (!e)
            e = put_chunk(f, "IHDR", ihdr, sizeof ihdr);
        static const unsigned char zhead[2] = {0x78, 0x01}; /* deflate, 32 KiB window */
        memcpy(p->chunk, zhead, 2);
        p->chunk_n = 2;
    }
    uint32_t adler = 1;
    pthread_t th;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    if (!e)
        threaded = pthread_create(&th, NULL, deflate_thread, p) == 0;
    pthread_mutex_lock(&p->mu);
    for (long k = 0; !e && k < p->n_strips; k++) {
        Slot *s = &p->slot[k % RING];
        while (s->state != SLOT_FREE && !p->failed) /* the ring is full: deflate a strip here */
            if (!deflate_one(p, 1))
                pthread_cond_wait(&p->cv, &p->mu);
        if (p->failed)
            break;
        pthread_mutex_unlock(&p->mu);
        int y0 = (int)k * rows, n = h - y0 < rows ? h - y0 : rows;
        unsigned char *out = s->in;
        for (int y = y0; y < y0 + n && !e; y++) {
            const unsigned char *src = row_of(ctx, y);
            if (!src) {
                e = -1;
                break;
            }
            *out++ = 2; /* Up */
            unsigned char *rgb = out;
            for (int x = 0; x < w; x++, src += 4, out += 3)
                out[0] = src[0], out[1] = src[1], out[2] = src[2];
            filter_up(rgb, above, (size_t)w * 3);
        }
        s->n_in = row * (size_t)n, s->last = k == p->n_strips - 1;
        if (!e)
            adler = isal_adler32(adler, s->in, s->n_in);
        pthread_mutex_lock(&p->mu);
        if (!e) {
            s->state = SLOT_FILLED;
            p->filled = k + 1;
            pthread_cond_broadcast(&p->cv);
        }
    }
    p->stop = 1;
    pthread_cond_broadcast(&p->cv);
    /* all rows in (or a failure): deflate what is left here too, until all is written */
    while (!e && !p->failed && p->written < p->filled)
        if (!deflate_one(p, 1))
            pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
    if (threaded)
        pthread_join(th, NULL);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    if (!e)
        e = p->failed;
    if (!e) {
        unsigned char tail[4];
        put32(tail, adler);
        chunk_put(p, tail, 4);
        e = p->failed;
    }
    if (!e && p->chunk_n)
        e = put_chunk(f, "IDAT", p->chunk, p->chunk_n);
    bench_phase("encode_ms");
    if (!e)
        e = put_chunk(f, "IEND", NULL, 0);
    for (int i = 0; i < RING; i++)
        free(p->slot[i].in), free(p->slot[i].out);
    free(p->level_buf[0]), free(p->level_buf[1]), free(p->chunk);
    free(above);
    free(p);
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
