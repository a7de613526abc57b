/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* media_mp4: an H.264 MP4 through FFmpeg's libavformat and libavcodec (libx264),
 * yuv420p at a constant frame rate with the index at the front (+faststart), so it
 * plays in presentation programs and starts at once in a browser. RGB becomes
 * BT.709 limited-range YUV (libswscale) and the stream says so. H.264's 4:2:0 needs
 * even sides: an odd last column or row is repeated once.
 *
 * FFmpeg's libraries are loaded (dlopen) when the first MP4 is written, not linked:
 * with the seventy libraries they bring they would cost every start of the program
 * some 25 ms, for the one command that needs them. The sonames are those of the
 * headers compiled against. */
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "media_internal.h"

/* The functions used, by library. */
#define AV_FUNCS(X) \
    X(avutil, av_log_set_level) \
    X(avutil, av_strerror) \
    X(avutil, av_dict_set) \
    X(avutil, av_dict_free) \
    X(avutil, av_frame_alloc) \
    X(avutil, av_frame_free) \
    X(avutil, av_frame_get_buffer) \
    X(avutil, av_frame_make_writable) \
    X(avcodec, av_packet_alloc) \
    X(avcodec, av_packet_free) \
    X(avcodec, av_packet_rescale_ts) \
    X(avcodec, avcodec_alloc_context3) \
    X(avcodec, avcodec_find_encoder_by_name) \
    X(avcodec, avcodec_free_context) \
    X(avcodec, avcodec_open2) \
    X(avcodec, avcodec_parameters_from_context) \
    X(avcodec, avcodec_receive_packet) \
    X(avcodec, avcodec_send_frame) \
    X(avformat, av_interleaved_write_frame) \
    X(avformat, av_write_trailer) \
    X(avformat, avformat_alloc_output_context2) \
    X(avformat, avformat_free_context) \
    X(avformat, avformat_new_stream) \
    X(avformat, avformat_write_header) \
    X(avformat, avio_closep) \
    X(avformat, avio_open) \
    X(swscale, sws_freeContext) \
    X(swscale, sws_getCoefficients) \
    X(swscale, sws_getContext) \
    X(swscale, sws_scale) \
    X(swscale, sws_setColorspaceDetails) \

static struct {
#define AV_POINTER(lib, fn) __typeof__(fn) *fn;
    AV_FUNCS(AV_POINTER)
#undef AV_POINTER
} av;

#define STR_(x) #x
#define STR(x) STR_(x)
static const char *const AV_SONAME[] = {
    "libavutil.so." STR(LIBAVUTIL_VERSION_MAJOR), "libavcodec.so." STR(LIBAVCODEC_VERSION_MAJOR),
    "libavformat.so." STR(LIBAVFORMAT_VERSION_MAJOR), "libswscale.so." STR(LIBSWSCALE_VERSION_MAJOR)};
enum { LIB_avutil, LIB_avcodec, LIB_avformat, LIB_swscale, N_LIBS };

static pthread_once_t av_once = PTHREAD_ONCE_INIT;
/* why FFmpeg could not be loaded: the library that is missing or lacks a function
 * (-1: loaded), and that function (NULL: the library itself is missing). Kept as
 * facts, not text: the message is worded when shown, in the language then in use. */
static int av_missing = -1;
static const char *av_missing_fn;

static void av_load(void)
{
    void *lib[N_LIBS];
    for (int i = 0; i < N_LIBS; i++)
        if (!(lib[i] = dlopen(AV_SONAME[i], RTLD_NOW | RTLD_LOCAL))) {
            av_missing = i;
            return;
        }
    /* dlsym returns an object pointer; POSIX guarantees it converts to a function's */
#define AV_RESOLVE(l, fn) \
    if (!(*(void **)&av.fn = dlsym(lib[LIB_##l], #fn))) { \
        av_missing = LIB_##l, av_missing_fn = #fn; \
        return; \
    }
    AV_FUNCS(AV_RESOLVE)
#undef AV_RESOLVE
}

/* The message for a failed av_load. */
static void av_missing_text(const MediaAnim *m, char *err, size_t cap)
{
    const int i = av_missing;
    if (av_missing_fn)
        snprintf(err, cap, _("cannot write '%s': %s has no %s"), m->path, AV_SONAME[i], av_missing_fn);
    else
        /* TRANSLATORS: the second %s is a library's file name, the third the Debian package that has it */
        snprintf(err, cap, _("cannot write '%s': %s is not installed (Debian: %s)"), m->path, AV_SONAME[i],
                 i == LIB_swscale ? "libswscale6" : i == LIB_avutil ? "libavutil57"
                 : i == LIB_avcodec ? "libavcodec59" : "libavformat59");
}

typedef struct Mp4Enc {
    AVFormatContext *oc;
    AVCodecContext *cc;
    AVStream *st;
    AVFrame *frame;
    AVPacket *pkt;
    struct SwsContext *sws;
    int header_written;
} Mp4Enc;

static int fail_av(MediaAnim *m, const char *what, int code, char *err, size_t cap)
{
    char msg[AV_ERROR_MAX_STRING_SIZE] = "";
    av.av_strerror(code, msg, sizeof msg);
    /* TRANSLATORS: the second %s is what failed ("cannot open"), the third FFmpeg's reason */
    snprintf(err, cap, _("cannot write '%s': %s: %s"), m->path, what, msg);
    return -1;
}

int mp4_begin(MediaAnim *m, char *err, size_t cap)
{
    Mp4Enc *e = calloc(1, sizeof *e);
    if (!e) {
        snprintf(err, cap, _("cannot write '%s': out of memory"), m->path);
        return -1;
    }
    m->enc = e;
    pthread_once(&av_once, av_load);
    if (av_missing >= 0) {
        av_missing_text(m, err, cap);
        return -1;
    }
    av.av_log_set_level(AV_LOG_ERROR);
    int rc = av.avformat_alloc_output_context2(&e->oc, NULL, "mp4", m->tmp);
    if (rc < 0)
        return fail_av(m, _("no MP4 muxer"), rc, err, cap);
    const AVCodec *codec = av.avcodec_find_encoder_by_name("libx264");
    if (!codec) {
        snprintf(err, cap, _("cannot write '%s': this FFmpeg has no libx264 encoder"), m->path);
        return -1;
    }
    e->st = av.avformat_new_stream(e->oc, NULL);
    e->cc = av.avcodec_alloc_context3(codec);
    e->frame = av.av_frame_alloc();
    e->pkt = av.av_packet_alloc();
    if (!e->st || !e->cc || !e->frame || !e->pkt)
        return fail_av(m, _("out of memory"), AVERROR(ENOMEM), err, cap);
    AVCodecContext *cc = e->cc;
    cc->width = (m->w + 1) & ~1;
    cc->height = (m->h + 1) & ~1;
    cc->time_base = (AVRational){1, m->fps};
    cc->framerate = (AVRational){m->fps, 1};
    cc->pix_fmt = AV_PIX_FMT_YUV420P;
    cc->gop_size = 2 * m->fps; /* a key frame every two seconds, for seeking */
    cc->color_range = AVCOL_RANGE_MPEG;
    cc->colorspace = AVCOL_SPC_BT709;
    cc->color_primaries = AVCOL_PRI_BT709;
    cc->color_trc = AVCOL_TRC_BT709;
    if (e->oc->oformat->flags & AVFMT_GLOBALHEADER)
        cc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    /* "veryfast" at quality 20: sharp lines and text, a few hundred KB a second */
    AVDictionary *opt = NULL;
    av.av_dict_set(&opt, "preset", "veryfast", 0);
    av.av_dict_set(&opt, "crf", "20", 0);
    rc = av.avcodec_open2(cc, codec, &opt);
    av.av_dict_free(&opt);
    if (rc < 0)
        return fail_av(m, _("cannot start the H.264 encoder"), rc, err, cap);
    av.avcodec_parameters_from_context(e->st->codecpar, cc);
    e->st->time_base = cc->time_base;
    e->st->avg_frame_rate = cc->framerate;

    e->frame->format = cc->pix_fmt;
    e->frame->width = cc->width;
    e->frame->height = cc->height;
    if ((rc = av.av_frame_get_buffer(e->frame, 0)) < 0)
        return fail_av(m, _("out of memory"), rc, err, cap);
    e->sws = av.sws_getContext(m->w, m->h, AV_PIX_FMT_RGBA, m->w, m->h, AV_PIX_FMT_YUV420P,
                            SWS_BILINEAR, NULL, NULL, NULL);
    if (!e->sws)
        return fail_av(m, _("no RGB to YUV conversion"), AVERROR(EINVAL), err, cap);
    const int *bt709 = av.sws_getCoefficients(SWS_CS_ITU709);
    av.sws_setColorspaceDetails(e->sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);

    if ((rc = av.avio_open(&e->oc->pb, m->tmp, AVIO_FLAG_WRITE)) < 0)
        return fail_av(m, _("cannot open"), rc, err, cap);
    opt = NULL;
    av.av_dict_set(&opt, "movflags", "+faststart", 0);
    rc = av.avformat_write_header(e->oc, &opt);
    av.av_dict_free(&opt);
    if (rc < 0)
        return fail_av(m, _("cannot write the header"), rc, err, cap);
    e->header_written = 1;
    return 0;
}

/* Sends a frame (NULL: the end) and writes every packet the encoder has ready. */
static int encode(MediaAnim *m, AVFrame *frame, char *err, size_t cap)
{
    Mp4Enc *e = m->enc;
    int rc = av.avcodec_send_frame(e->cc, frame);
    if (rc < 0)
        return fail_av(m, _("encoding failed"), rc, err, cap);
    for (;;) {
        rc = av.avcodec_receive_packet(e->cc, e->pkt);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return 0;
        if (rc < 0)
            return fail_av(m, _("encoding failed"), rc, err, cap);
        av.av_packet_rescale_ts(e->pkt, e->cc->time_base, e->st->time_base);
        e->pkt->stream_index = e->st->index;
        rc = av.av_interleaved_write_frame(e->oc, e->pkt);
        if (rc < 0)
            return fail_av(m, _("write failed"), rc, err, cap);
    }
}

int mp4_add(MediaAnim *m, const unsigned char *rgba, int stride, int bottom_up, int periods, char *err, size_t cap)
{
    Mp4Enc *e = m->enc;
    AVFrame *fr = e->frame;
    int rc = av.av_frame_make_writable(fr);
    if (rc < 0)
        return fail_av(m, _("out of memory"), rc, err, cap);
    const uint8_t *src[4] = {media_row(rgba, stride, bottom_up, m->h, 0)};
    int src_stride[4] = {bottom_up ? -stride : stride};
    av.sws_scale(e->sws, src, src_stride, 0, m->h, fr->data, fr->linesize);
    /* odd sides: repeat the last luma column and row (chroma already covers them) */
    if (m->w & 1)
        for (int y = 0; y < m->h; y++)
            fr->data[0][(size_t)y * (size_t)fr->linesize[0] + (size_t)m->w] =
                fr->data[0][(size_t)y * (size_t)fr->linesize[0] + (size_t)m->w - 1];
    if (m->h & 1)
        memcpy(fr->data[0] + (size_t)m->h * (size_t)fr->linesize[0],
               fr->data[0] + (size_t)(m->h - 1) * (size_t)fr->linesize[0], (size_t)fr->width);
    /* a held frame is sent again for each period: a constant frame rate plays
     * everywhere, and x264 codes a repeat in a few bytes */
    for (int k = 0; k < periods; k++) {
        fr->pts = m->periods + k;
        if (encode(m, fr, err, cap) != 0)
            return -1;
    }
    return 0;
}

int mp4_end(MediaAnim *m, int ok, char *err, size_t cap)
{
    Mp4Enc *e = m->enc;
    int rc = 0;
    if (!e)
        return 0;
    if (av_missing >= 0) { /* nothing of FFmpeg's was made */
        free(e);
        m->enc = NULL;
        return 0;
    }
    if (ok && e->header_written) {
        int c;
        if (encode(m, NULL, err, cap) != 0)
            rc = -1;
        else if ((c = av.av_write_trailer(e->oc)) < 0)
            rc = fail_av(m, _("cannot finish the file"), c, err, cap);
    }
    if (e->oc && e->oc->pb) {
        int c = av.avio_closep(&e->oc->pb);
        if (c < 0 && rc == 0 && ok)
            rc = fail_av(m, _("cannot finish the file"), c, err, cap);
    }
    av.sws_freeContext(e->sws);
    av.av_frame_free(&e->frame);
    av.av_packet_free(&e->pkt);
    av.avcodec_free_context(&e->cc);
    av.avformat_free_context(e->oc);
    free(e);
    m->enc = NULL;
    return rc;
}
