/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_gif: an animated GIF through giflib.
 *
 * One palette for the whole animation, built by libimagequant from the first frame
 * and a hint (the last frame, every path drawn): 255 colours and index 255 for
 * "unchanged". Each later frame is only the rectangle of pixels whose colour index
 * changed, the others transparent over the frame before (disposal "leave in place"),
 * so a frame costs what moved in it. A pixel's index depends on its colour alone (no
 * error diffusion), so an unchanged colour never flickers from frame to frame.
 *
 * Invariant: `shown` holds the index every pixel shows after the frames written;
 * `prev` the RGBA frame they were made from. */
#include <errno.h>
#include <gif_lib.h>
#include <libimagequant.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "media_internal.h"

#define GIF_TRANSPARENT 255
#define CACHE_BITS 18

typedef struct GifEnc {
    GifFileType *gif;
    liq_attr *liq;
    liq_histogram *hist;   /* the hint's colours, until the first frame */
    GifColorType pal[256];
    int n_pal;
    unsigned char *prev;   /* RGBA, top-down, w*h*4 */
    unsigned char *shown;  /* w*h indices */
    unsigned char *out;    /* w*h: the frame's new indices, GIF_TRANSPARENT elsewhere */
    uint32_t *cache_key;   /* colour + 1 << 24, or 0: empty */
    unsigned char *cache_idx;
    int cache_used;
} GifEnc;

static int gif_write(GifFileType *g, const GifByteType *buf, int len)
{
    MediaAnim *m = g->UserData;
    errno = 0;
    if (m->failed)
        return 0;
    if (fwrite(buf, 1, (size_t)len, m->f) != (size_t)len) {
        m->failed = errno ? errno : -1;
        return 0;
    }
    return len;
}

static int fail_gif(MediaAnim *m, int code, char *err, size_t cap)
{
    if (m->failed > 0)
        snprintf(err, cap, _("cannot write '%s': %s"), m->path, strerror(m->failed));
    else
        snprintf(err, cap, _("cannot write '%s': %s"), m->path, GifErrorString(code));
    return -1;
}

int gif_begin(MediaAnim *m, char *err, size_t cap)
{
    GifEnc *e = calloc(1, sizeof *e);
    size_t px = (size_t)m->w * (size_t)m->h;
    if (e) {
        m->enc = e;
        e->prev = malloc(px * 4);
        e->shown = malloc(px);
        e->out = malloc(px);
        e->cache_key = calloc((size_t)1 << CACHE_BITS, sizeof *e->cache_key);
        e->cache_idx = malloc((size_t)1 << CACHE_BITS);
        e->liq = liq_attr_create();
    }
    if (!e || !e->prev || !e->shown || !e->out || !e->cache_key || !e->cache_idx || !e->liq) {
        snprintf(err, cap, _("cannot write '%s': not enough memory for %dx%d frames"), m->path, m->w, m->h);
        return -1;
    }
    memset(e->out, GIF_TRANSPARENT, px);
    liq_set_max_colors(e->liq, 255);
    liq_set_speed(e->liq, 7);
    e->hist = liq_histogram_create(e->liq);
    int code = 0;
    e->gif = EGifOpen(m, gif_write, &code);
    if (!e->hist || !e->gif)
        return fail_gif(m, code ? code : E_GIF_ERR_NOT_ENOUGH_MEM, err, cap);
    EGifSetGifVersion(e->gif, true);
    return 0;
}

/* Adds a picture's colours to the histogram the palette is made from. */
static void hist_add(GifEnc *e, int w, int h, const unsigned char *rgba, int stride, int bottom_up)
{
    void **rows = malloc(sizeof *rows * (size_t)h);
    if (!rows)
        return;
    for (int y = 0; y < h; y++)
        rows[y] = (void *)media_row(rgba, stride, bottom_up, h, y);
    /* the pictures are opaque; alpha is whatever blending left */
    liq_image *img = liq_image_create_rgba_rows(e->liq, rows, w, h, 0);
    if (img) {
        liq_image_set_memory_ownership(img, 0);
        liq_histogram_add_image(e->hist, e->liq, img);
        liq_image_destroy(img);
    }
    free(rows);
}

void gif_hint(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up)
{
    GifEnc *e = m->enc;
    if (m->frames == 0 && e->hist)
        hist_add(e, m->w, m->h, rgba, stride, bottom_up);
}

/* The palette entry nearest to a colour, by a weighted RGB distance (green counts
 * most, as the eye sees it). */
static int nearest(const GifEnc *e, int r, int g, int b)
{
    int best = 0, best_d = 1 << 30;
    for (int i = 0; i < e->n_pal; i++) {
        int dr = r - e->pal[i].Red, dg = g - e->pal[i].Green, db = b - e->pal[i].Blue;
        int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
        if (d < best_d)
            best_d = d, best = i;
    }
    return best;
}

static int map_colour(GifEnc *e, uint32_t rgb)
{
    uint32_t key = rgb | 1u << 24;
    uint32_t mask = (1u << CACHE_BITS) - 1;
    uint32_t i = (rgb * 2654435761u) >> (32 - CACHE_BITS);
    for (;; i = (i + 1) & mask) {
        if (e->cache_key[i] == key)
            return e->cache_idx[i];
        if (e->cache_key[i] == 0)
            break;
    }
    if (e->cache_used > (1 << CACHE_BITS) / 2) { /* full enough to probe long: start over */
        memset(e->cache_key, 0, sizeof *e->cache_key << CACHE_BITS);
        e->cache_used = 0;
        i = (rgb * 2654435761u) >> (32 - CACHE_BITS);
    }
    int idx = nearest(e, (int)(rgb & 255), (int)(rgb >> 8 & 255), (int)(rgb >> 16));
    e->cache_key[i] = key;
    e->cache_idx[i] = (unsigned char)idx;
    e->cache_used++;
    return idx;
}

static int make_palette(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, char *err, size_t cap)
{
    GifEnc *e = m->enc;
    hist_add(e, m->w, m->h, rgba, stride, bottom_up);
    liq_result *res = NULL;
    if (liq_histogram_quantize(e->hist, e->liq, &res) != LIQ_OK) {
        snprintf(err, cap, _("cannot write '%s': no palette for its colours"), m->path);
        return -1;
    }
    liq_set_dithering_level(res, 0);
    const liq_palette *p = liq_get_palette(res);
    memset(e->pal, 0, sizeof e->pal);
    e->n_pal = (int)p->count;
    for (int i = 0; i < e->n_pal; i++)
        e->pal[i] = (GifColorType){p->entries[i].r, p->entries[i].g, p->entries[i].b};
    liq_result_destroy(res);
    liq_histogram_destroy(e->hist);
    e->hist = NULL;

    ColorMapObject *cmap = GifMakeMapObject(256, e->pal);
    if (!cmap)
        return fail_gif(m, E_GIF_ERR_NOT_ENOUGH_MEM, err, cap);
    int ok = EGifPutScreenDesc(e->gif, m->w, m->h, 8, 0, cmap) == GIF_OK;
    GifFreeMapObject(cmap);
    /* loop forever: the NETSCAPE2.0 application extension, count 0 */
    static const GifByteType loop[3] = {1, 0, 0};
    ok = ok && EGifPutExtensionLeader(e->gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
         EGifPutExtensionBlock(e->gif, 11, "NETSCAPE2.0") == GIF_OK &&
         EGifPutExtensionBlock(e->gif, 3, loop) == GIF_OK && EGifPutExtensionTrailer(e->gif) == GIF_OK;
    return ok ? 0 : fail_gif(m, e->gif->Error, err, cap);
}

int gif_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err, size_t cap)
{
    GifEnc *e = m->enc;
    int w = m->w, h = m->h, first = m->frames == 0;
    if (first && make_palette(m, rgba, stride, bottom_up, err, cap) != 0)
        return -1;
    /* the pixels whose index changes, and their bounding box */
    int x0 = w, x1 = -1, y0 = h, y1 = -1;
    for (int y = 0; y < h; y++) {
        const unsigned char *s = media_row(rgba, stride, bottom_up, h, y);
        unsigned char *p = e->prev + (size_t)y * (size_t)w * 4;
        if (!first && memcmp(s, p, (size_t)w * 4) == 0)
            continue;
        unsigned char *shown = e->shown + (size_t)y * (size_t)w, *out = e->out + (size_t)y * (size_t)w;
        /* the span of the row that differs, found a pixel (4 bytes) at a time */
        int xa = 0, xb = w - 1;
        if (!first) {
            while (xa < xb && memcmp(s + 4 * xa, p + 4 * xa, 4) == 0)
                xa++;
            while (xb > xa && memcmp(s + 4 * xb, p + 4 * xb, 4) == 0)
                xb--;
        }
        for (int x = xa; x <= xb; x++) {
            const unsigned char *c = s + 4 * x;
            if (!first && c[0] == p[4 * x] && c[1] == p[4 * x + 1] && c[2] == p[4 * x + 2])
                continue;
            int idx = map_colour(e, (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16);
            if (!first && idx == shown[x])
                continue;
            shown[x] = out[x] = (unsigned char)idx;
            if (x < x0)
                x0 = x;
            if (x > x1)
                x1 = x;
            if (y < y0)
                y0 = y;
            y1 = y;
        }
        memcpy(p + 4 * xa, s + 4 * xa, (size_t)(xb - xa + 1) * 4);
    }
    if (x1 < 0) /* nothing changed: one transparent pixel carries the delay */
        x0 = x1 = y0 = y1 = 0;

    /* the delay: the frame's end time in hundredths, rounded, minus its start's */
    long t0 = m->periods, t1 = m->periods + periods;
    int delay = (int)((t1 * 100 + m->fps / 2) / m->fps - (t0 * 100 + m->fps / 2) / m->fps);
    GraphicsControlBlock gcb = {DISPOSE_DO_NOT, false, delay, first ? NO_TRANSPARENT_COLOR : GIF_TRANSPARENT};
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    int ok = EGifPutExtension(e->gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_OK &&
             EGifPutImageDesc(e->gif, x0, y0, bw, bh, false, NULL) == GIF_OK;
    for (int y = y0; ok && y <= y1; y++) {
        unsigned char *out = e->out + (size_t)y * (size_t)w + x0;
        ok = EGifPutLine(e->gif, out, bw) == GIF_OK;
        memset(out, GIF_TRANSPARENT, (size_t)bw);
    }
    if (!ok)
        return fail_gif(m, e->gif->Error, err, cap);
    return 0;
}

int gif_end(MediaAnim *m, int ok, char *err, size_t cap)
{
    GifEnc *e = m->enc;
    int rc = 0;
    if (e) {
        if (e->gif) {
            int code = 0;
            /* closing writes the trailer (and frees the encoder) even when not ok */
            if (EGifCloseFile(e->gif, &code) != GIF_OK && ok)
                rc = fail_gif(m, code, err, cap);
        }
        if (e->hist)
            liq_histogram_destroy(e->hist);
        if (e->liq)
            liq_attr_destroy(e->liq);
        free(e->prev);
        free(e->shown);
        free(e->out);
        free(e->cache_key);
        free(e->cache_idx);
        free(e);
        m->enc = NULL;
    }
    return rc;
}
