/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* decode: the tests' readers of what the program writes, through the same libraries
 * a user's viewer uses: giflib for GIF (frames composited as a browser does:
 * transparent pixels keep the frame before, disposal "leave in place") and FFmpeg's
 * libavformat/libavcodec for MP4 (YUV back to RGB with the matrix and range the
 * stream declares). Frames come back as top-down RGBA. */
#ifndef GS_TEST_DECODE_H
#define GS_TEST_DECODE_H

#include <gif_lib.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
#include <stdlib.h>
#include <string.h>

typedef struct Movie {
    int w, h, n;
    unsigned char **frame;  /* n frames of w*h*4 */
    int *delay_cs;          /* GIF: each frame's delay */
    int loops;              /* GIF: 1 when it loops forever (NETSCAPE2.0, count 0) */
    int fps_num, fps_den;   /* MP4: the stream's frame rate */
    double seconds;         /* MP4: the stream's duration */
    char pix_fmt[32];       /* MP4: the coded pixel format */
    char codec[32];
} Movie;

static inline void movie_free(Movie *m)
{
    for (int i = 0; i < m->n; i++)
        free(m->frame[i]);
    free(m->frame);
    free(m->delay_cs);
    memset(m, 0, sizeof *m);
}

static inline int movie_push(Movie *m, const unsigned char *rgba)
{
    unsigned char **f = realloc(m->frame, sizeof *f * (size_t)(m->n + 1));
    int *d = realloc(m->delay_cs, sizeof *d * (size_t)(m->n + 1));
    if (f)
        m->frame = f;
    if (d)
        m->delay_cs = d;
    if (!f || !d || !(m->frame[m->n] = malloc((size_t)m->w * (size_t)m->h * 4)))
        return -1;
    memcpy(m->frame[m->n], rgba, (size_t)m->w * (size_t)m->h * 4);
    m->delay_cs[m->n++] = 0;
    return 0;
}

/* Reads every frame of a GIF. Returns 0, or -1. */
static inline int decode_gif(const char *path, Movie *m)
{
    memset(m, 0, sizeof *m);
    int err = 0;
    GifFileType *g = DGifOpenFileName(path, &err);
    if (!g)
        return -1;
    if (DGifSlurp(g) != GIF_OK) {
        DGifCloseFile(g, &err);
        return -1;
    }
    m->w = g->SWidth, m->h = g->SHeight;
    unsigned char *canvas = calloc((size_t)m->w * (size_t)m->h, 4);
    int rc = canvas ? 0 : -1;
    for (int i = 0; rc == 0 && i < g->ImageCount; i++) {
        const SavedImage *im = &g->SavedImages[i];
        for (int b = 0; b + 1 < im->ExtensionBlockCount; b++) {
            const ExtensionBlock *e = &im->ExtensionBlocks[b], *next = &im->ExtensionBlocks[b + 1];
            if (e->Function == APPLICATION_EXT_FUNC_CODE && e->ByteCount == 11 &&
                memcmp(e->Bytes, "NETSCAPE2.0", 11) == 0 && next->ByteCount == 3 && next->Bytes[0] == 1)
                m->loops = next->Bytes[1] == 0 && next->Bytes[2] == 0;
        }
        GraphicsControlBlock gcb = {0, false, 0, NO_TRANSPARENT_COLOR};
        DGifSavedExtensionToGCB(g, i, &gcb);
        const ColorMapObject *cmap = im->ImageDesc.ColorMap ? im->ImageDesc.ColorMap : g->SColorMap;
        const GifImageDesc *d = &im->ImageDesc;
        for (int y = 0; y < d->Height; y++)
            for (int x = 0; x < d->Width; x++) {
                int idx = im->RasterBits[(size_t)y * (size_t)d->Width + (size_t)x];
                int cx = d->Left + x, cy = d->Top + y;
                if (idx == gcb.TransparentColor || cx >= m->w || cy >= m->h || !cmap || idx >= cmap->ColorCount)
                    continue;
                unsigned char *p = canvas + 4 * ((size_t)cy * (size_t)m->w + (size_t)cx);
                p[0] = cmap->Colors[idx].Red, p[1] = cmap->Colors[idx].Green, p[2] = cmap->Colors[idx].Blue;
                p[3] = 255;
            }
        rc = movie_push(m, canvas);
        if (rc == 0)
            m->delay_cs[m->n - 1] = gcb.DelayTime;
    }
    free(canvas);
    DGifCloseFile(g, &err);
    return rc;
}

/* Reads every frame of an MP4's video stream. Returns 0, or -1. */
/* Any file FFmpeg reads (MP4, PNG); `strict`: every checksum checked (a PNG's chunk
 * CRCs) and any damage an error, as a careful viewer does. */
static inline int decode_av(const char *path, Movie *m, int strict)
{
    memset(m, 0, sizeof *m);
    AVFormatContext *fc = NULL;
    if (avformat_open_input(&fc, path, NULL, NULL) < 0)
        return -1;
    int rc = -1;
    AVCodecContext *cc = NULL;
    AVPacket *pkt = av_packet_alloc();
    AVFrame *fr = av_frame_alloc();
    struct SwsContext *sws = NULL;
    unsigned char *rgba = NULL;
    const AVCodec *codec = NULL;
    int si;
    if (avformat_find_stream_info(fc, NULL) < 0 || (si = av_find_best_stream(fc, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0)) < 0)
        goto done;
    AVStream *st = fc->streams[si];
    cc = avcodec_alloc_context3(codec);
    if (cc && strict)
        cc->err_recognition = AV_EF_CRCCHECK | AV_EF_BITSTREAM | AV_EF_EXPLODE;
    if (!cc || avcodec_parameters_to_context(cc, st->codecpar) < 0 || avcodec_open2(cc, codec, NULL) < 0)
        goto done;
    m->w = cc->width, m->h = cc->height;
    m->fps_num = st->avg_frame_rate.num, m->fps_den = st->avg_frame_rate.den;
    m->seconds = st->duration > 0 ? (double)st->duration * av_q2d(st->time_base) : (double)fc->duration / AV_TIME_BASE;
    snprintf(m->codec, sizeof m->codec, "%s", codec->name);
    const char *pf = av_get_pix_fmt_name(cc->pix_fmt);
    snprintf(m->pix_fmt, sizeof m->pix_fmt, "%s", pf ? pf : "?");
    rgba = malloc((size_t)m->w * (size_t)m->h * 4);
    if (!pkt || !fr || !rgba)
        goto done;
    for (int eof = 0; !eof;) {
        int r = av_read_frame(fc, pkt);
        if (r < 0) {
            eof = 1;
            avcodec_send_packet(cc, NULL);
        } else {
            int sent = pkt->stream_index == si ? avcodec_send_packet(cc, pkt) : 0;
            av_packet_unref(pkt);
            if (sent < 0 && strict)
                goto done;
        }
        int got;
        while ((got = avcodec_receive_frame(cc, fr)) == 0) {
            if (!sws) {
                sws = sws_getContext(fr->width, fr->height, fr->format, m->w, m->h, AV_PIX_FMT_RGBA,
                                     SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, NULL, NULL, NULL);
                if (!sws)
                    goto done;
                int spc = fr->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
                sws_setColorspaceDetails(sws, sws_getCoefficients(spc), fr->color_range == AVCOL_RANGE_JPEG,
                                         sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
            }
            uint8_t *dst[4] = {rgba};
            int dst_stride[4] = {m->w * 4};
            sws_scale(sws, (const uint8_t *const *)fr->data, fr->linesize, 0, fr->height, dst, dst_stride);
            if (movie_push(m, rgba) != 0)
                goto done;
        }
        if (strict && got != AVERROR(EAGAIN) && got != AVERROR_EOF)
            goto done;
    }
    rc = 0;
done:
    sws_freeContext(sws);
    free(rgba);
    av_frame_free(&fr);
    av_packet_free(&pkt);
    avcodec_free_context(&cc);
    avformat_close_input(&fc);
    return rc;
}

static inline int decode_mp4(const char *path, Movie *m) { return decode_av(path, m, 0); }

/* A PNG through FFmpeg's decoder, checking every CRC: one frame of RGBA. */
static inline int decode_png_strict(const char *path, Movie *m) { return decode_av(path, m, 1) == 0 && m->n == 1 ? 0 : -1; }

/* How two RGBA pictures differ: the mean absolute difference per channel, and the
 * share of pixels whose largest channel difference is above `tol`. */
static inline void picture_diff(const unsigned char *a, const unsigned char *b, int w, int h, int tol, double *mean,
                         double *over)
{
    double sum = 0;
    long n_over = 0;
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
        int worst = 0;
        for (int c = 0; c < 3; c++) {
            int d = abs(a[4 * i + c] - b[4 * i + c]);
            sum += d;
            worst = d > worst ? d : worst;
        }
        n_over += worst > tol;
    }
    *mean = sum / (3.0 * w * h);
    *over = (double)n_over / ((double)w * h);
}

#endif
