/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
#define _POSIX_C_SOURCE 200809L
/* media: the encoders on their own, read back with the libraries a viewer uses.
 * PNG decodes to the pixels given and is no larger than stb_image_write's own,
 * streamed in strips and chunks as well as small;
 * a GIF has the frames, size, delays and loop asked for, composites back to the
 * frames given (exactly, when they have fewer than 256 colours), and codes only
 * what changed; an MP4 has the frames (the hold included), rate, size and pixel
 * format, and decodes close to what was given; bad sizes, rates, names and paths
 * are refused with a message and leave no file; a cancel leaves no file. */
#include "check.h"
#include "files.h"
#include "decode.h"
#include "media.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* A picture like the program's: a field of smooth colour with dark contour lines,
 * a flat panel, and a square of a run's colour at (sx, sy). */
static void picture(unsigned char *px, int w, int h, int sx, int sy, int levels)
{
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = px + 4 * ((size_t)y * (size_t)w + (size_t)x);
            int t = (x + 2 * y) * levels / (w + 2 * h); /* `levels` bands */
            int line = (x + 2 * y) % 37 == 0;
            p[0] = (unsigned char)(40 + t * 200 / levels), p[1] = (unsigned char)(20 + t * 150 / levels),
            p[2] = (unsigned char)(90 - t * 60 / levels), p[3] = 255;
            if (line)
                p[0] /= 2, p[1] /= 2, p[2] /= 2;
            if (y < h / 6 && x > w / 2)
                p[0] = 0x1B, p[1] = 0x1F, p[2] = 0x27;
            if (x >= sx && x < sx + 6 && y >= sy && y < sy + 6)
                p[0] = 0xE6, p[1] = 0x9F, p[2] = 0x00;
        }
}

static void flip(unsigned char *dst, const unsigned char *src, int w, int h)
{
    for (int y = 0; y < h; y++)
        memcpy(dst + (size_t)y * (size_t)w * 4, src + (size_t)(h - 1 - y) * (size_t)w * 4, (size_t)w * 4);
}

static size_t stb_size;
static void count_fn(void *ctx, void *data, int size)
{
    (void)ctx, (void)data;
    stb_size += (size_t)size;
}

static void test_png(void)
{
    enum { W = 7, H = 5 };
    unsigned char px[W * H * 4];
    for (int i = 0; i < W * H * 4; i++)
        px[i] = (unsigned char)(i % 4 == 3 ? 255 : i * 37 + 11);
    char path[300], err[256];
    snprintf(path, sizeof path, "%s/t.png", dir);
    CHECK(media_png_write(path, W, H, px, W * 4, 0, err, sizeof err) == 0);
    int w, h, n;
    unsigned char *img = stbi_load(path, &w, &h, &n, 4);
    CHECK(img && w == W && h == H && n == 3); /* RGB: the pictures are opaque */
    CHECK(img && memcmp(img, px, sizeof px) == 0);
    stbi_image_free(img);
    /* bottom-up rows come out flipped; a stride wider than the row is honoured */
    unsigned char wide[W * H * 4 + H * 8];
    for (int y = 0; y < H; y++)
        memcpy(wide + (size_t)y * (W * 4 + 8), px + (size_t)(H - 1 - y) * W * 4, W * 4);
    CHECK(media_png_write(path, W, H, wide, W * 4 + 8, 1, err, sizeof err) == 0);
    img = stbi_load(path, &w, &h, &n, 4);
    CHECK(img && memcmp(img, px, sizeof px) == 0);
    stbi_image_free(img);

    /* a picture like ours: the same pixels, and no larger than stb's own deflate */
    enum { BW = 640, BH = 360 };
    unsigned char *big = malloc(BW * BH * 4);
    picture(big, BW, BH, 100, 100, 200);
    CHECK(media_png_write(path, BW, BH, big, BW * 4, 0, err, sizeof err) == 0);
    img = stbi_load(path, &w, &h, &n, 4);
    CHECK(img && w == BW && h == BH && memcmp(img, big, BW * BH * 4) == 0);
    stbi_image_free(img);
    /* a strict reader (FFmpeg's, every CRC checked) reads the same pixels; and
     * fails once one byte of the file is changed (the last chunk's CRC, then a
     * byte inside the pixels' stream): the check does look */
    Movie mv;
    CHECK_MSG(decode_png_strict(path, &mv) == 0 && mv.w == BW && mv.h == BH, "%s: not a valid PNG", path);
    CHECK(mv.n == 1 && memcmp(mv.frame[0], big, BW * BH * 4) == 0);
    movie_free(&mv);
    long size = file_size(path);
    for (int k = 0; k < 2; k++) {
        FILE *f = fopen(path, "r+b");
        long at = k == 0 ? size - 1 : size / 2;
        int c = f && fseek(f, at, SEEK_SET) == 0 ? fgetc(f) : EOF;
        CHECK(c != EOF && fseek(f, at, SEEK_SET) == 0 && fputc(c ^ 0x40, f) != EOF);
        if (f)
            fclose(f);
        CHECK_MSG(decode_png_strict(path, &mv) != 0, "a PNG with byte %ld changed reads as valid", at);
        movie_free(&mv);
        f = fopen(path, "r+b"); /* put it back */
        CHECK(f && fseek(f, at, SEEK_SET) == 0 && fputc(c, f) != EOF);
        if (f)
            fclose(f);
    }
    stb_size = 0;
    stbi_write_png_to_func(count_fn, NULL, BW, BH, 4, big, BW * 4);
    CHECK_MSG(file_size(path) > 0 && (size_t)file_size(path) <= stb_size, "%ld bytes, stb's %zu", file_size(path),
              stb_size);
    free(big);
    remove(path);
    /* failures: a full disk, a missing directory, an empty image; nothing left */
    CHECK(media_png_write("/dev/full", 1, 1, px, 4, 0, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "No space left") != NULL, "%s", err);
    snprintf(path, sizeof path, "%s/no/such/t.png", dir);
    CHECK(media_png_write(path, W, H, px, W * 4, 0, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "No such file or directory") != NULL, "%s", err);
    CHECK(media_png_write(path, 0, H, px, W * 4, 0, err, sizeof err) == -1);
}

static void test_gif(void)
{
    enum { W = 200, H = 120, FRAMES = 12, FPS = 30 };
    char path[300], err[256];
    snprintf(path, sizeof path, "%s/a.gif", dir);
    unsigned char *frames[FRAMES], *up = malloc(W * H * 4);
    MediaAnim *m = media_anim_open(path, MEDIA_GIF, W, H, FPS, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    /* 40 bands, a line colour each, a panel and the square: under 256 colours */
    for (int i = 0; i < FRAMES; i++) {
        frames[i] = malloc(W * H * 4);
        picture(frames[i], W, H, 10 + 12 * i, 60 + 3 * i, 40);
    }
    flip(up, frames[FRAMES - 1], W, H);
    media_anim_hint(m, up, W * 4, 1);
    for (int i = 0; i < FRAMES; i++) {
        flip(up, frames[i], W, H);
        CHECK(media_anim_add(m, up, W * 4, 1, i == FRAMES - 1 ? 1 + FPS : 1, err, sizeof err) == 0);
    }
    CHECK(files_in(dir) == 1); /* the temporary file, not yet the GIF */
    CHECK(file_size(path) < 0);
    CHECK_MSG(media_anim_finish(m, err, sizeof err) == 0, "%s", err);
    Movie mv;
    CHECK(decode_gif(path, &mv) == 0);
    CHECK(mv.w == W && mv.h == H && mv.n == FRAMES && mv.loops);
    int total = 0;
    for (int i = 0; i < mv.n; i++) {
        /* each frame ends at its time rounded to a hundredth: 3, 3, 4, 3, 3, 4 ... */
        int expect = ((i + 1) * 100 + FPS / 2) / FPS - (i * 100 + FPS / 2) / FPS;
        if (i == FRAMES - 1)
            expect += 100;
        CHECK_MSG(mv.delay_cs[i] == expect, "frame %d: delay %d, expected %d", i, mv.delay_cs[i], expect);
        total += mv.delay_cs[i];
        CHECK_MSG(memcmp(mv.frame[i], frames[i], W * H * 4) == 0, "frame %d differs from the picture given", i);
    }
    CHECK(total == (FRAMES + FPS) * 100 / FPS);
    movie_free(&mv);
    /* only the changed rectangle is coded after the first frame */
    int e = 0;
    GifFileType *g = DGifOpenFileName(path, &e);
    CHECK(g && DGifSlurp(g) == GIF_OK);
    if (g) {
        CHECK(g->SavedImages[0].ImageDesc.Width == W && g->SavedImages[0].ImageDesc.Height == H);
        for (int i = 1; i < g->ImageCount; i++) {
            const GifImageDesc *d = &g->SavedImages[i].ImageDesc;
            CHECK_MSG(d->Width <= 20 && d->Height <= 12, "frame %d codes %dx%d", i, d->Width, d->Height);
        }
        DGifCloseFile(g, &e);
    }
    for (int i = 0; i < FRAMES; i++)
        free(frames[i]);

    /* many colours: quantized, close (libimagequant's palette, no dithering) */
    unsigned char *smooth = malloc(W * H * 4);
    picture(smooth, W, H, 50, 50, 1000);
    m = media_anim_open(path, MEDIA_GIF, W, H, 10, err, sizeof err);
    CHECK(m && media_anim_add(m, smooth, W * 4, 0, 1, err, sizeof err) == 0 && media_anim_finish(m, err, sizeof err) == 0);
    CHECK(decode_gif(path, &mv) == 0 && mv.n == 1);
    if (mv.n == 1) {
        double mean, over;
        picture_diff(mv.frame[0], smooth, W, H, 8, &mean, &over);
        CHECK_MSG(mean < 1.5 && over < 0.01, "quantized: mean %.2f, %.2f%% over 8", mean, 100 * over);
    }
    movie_free(&mv);
    free(smooth);
    free(up);
    remove(path);
}

static void test_mp4(int w, int h)
{
    enum { FRAMES = 10, FPS = 30 };
    char path[300], err[256];
    snprintf(path, sizeof path, "%s/a.mp4", dir);
    MediaAnim *m = media_anim_open(path, MEDIA_MP4, w, h, FPS, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    unsigned char *frames[FRAMES], *up = malloc((size_t)w * h * 4);
    for (int i = 0; i < FRAMES; i++) {
        frames[i] = malloc((size_t)w * h * 4);
        picture(frames[i], w, h, 10 + 20 * i, 40 + 5 * i, 200);
        flip(up, frames[i], w, h);
        CHECK(media_anim_add(m, up, w * 4, 1, i == FRAMES - 1 ? 1 + FPS : 1, err, sizeof err) == 0);
    }
    CHECK_MSG(media_anim_finish(m, err, sizeof err) == 0, "%s", err);
    Movie mv;
    CHECK(decode_mp4(path, &mv) == 0);
    int ew = (w + 1) & ~1, eh = (h + 1) & ~1;
    CHECK_MSG(mv.w == ew && mv.h == eh && mv.n == FRAMES + FPS, "%dx%d, %d frames", mv.w, mv.h, mv.n);
    CHECK(mv.fps_num == FPS && mv.fps_den == 1);
    CHECK_MSG(fabs(mv.seconds - (double)(FRAMES + FPS) / FPS) < 0.02, "%.3f s", mv.seconds);
    CHECK_STR(mv.pix_fmt, "yuv420p");
    CHECK_STR(mv.codec, "h264");
    /* H.264 at quality 20 with chroma at half resolution: close on average; the
     * pixels far off are those at colour edges (the square, the lines), where a
     * 2x2 block shares one chroma sample */
    for (int i = 0; i < FRAMES && mv.n == FRAMES + FPS && mv.w == ew; i++) {
        unsigned char *crop = malloc((size_t)w * h * 4);
        for (int y = 0; y < h; y++)
            memcpy(crop + (size_t)y * w * 4, mv.frame[i] + (size_t)y * ew * 4, (size_t)w * 4);
        double mean, over;
        picture_diff(crop, frames[i], w, h, 24, &mean, &over);
        CHECK_MSG(mean < 2.5 && over < 0.02, "%dx%d frame %d: mean %.2f, %.2f%% over 24", w, h, i, mean, 100 * over);
        /* the square moved: the frame is not its neighbour */
        if (i > 0) {
            picture_diff(crop, frames[i - 1], w, h, 24, &mean, &over);
            CHECK_MSG(over > 0.0005, "frame %d looks like frame %d", i, i - 1);
        }
        free(crop);
    }
    /* the hold: the last picture, repeated */
    if (mv.n == FRAMES + FPS) {
        double mean, over;
        picture_diff(mv.frame[FRAMES - 1], mv.frame[mv.n - 1], ew, eh, 8, &mean, &over);
        CHECK(mean < 1.0);
    }
    movie_free(&mv);
    for (int i = 0; i < FRAMES; i++)
        free(frames[i]);
    free(up);
    remove(path);
}

static void test_refused(void)
{
    char path[300], err[256];
    CHECK(media_format_of("a.gif") == MEDIA_GIF && media_format_of("dir.x/A.GIF") == MEDIA_GIF);
    CHECK(media_format_of("b.Mp4") == MEDIA_MP4);
    CHECK(media_format_of("c.avi") == MEDIA_NONE && media_format_of("gif") == MEDIA_NONE);
    CHECK(media_format_of("x.gif/y") == MEDIA_NONE && media_format_of("a.gif.") == MEDIA_NONE);
    snprintf(path, sizeof path, "%s/r.gif", dir);
    int before = files_in(dir);
    struct {
        MediaFormat fmt;
        int w, h, fps;
        const char *says;
    } bad[] = {
        {MEDIA_GIF, 100, 100, 0, "frames per second"},  {MEDIA_GIF, 100, 100, 51, "a GIF plays 1 to 50"},
        {MEDIA_MP4, 100, 100, 121, "1 to 120"},         {MEDIA_GIF, 1, 100, 30, "not an animation size"},
        {MEDIA_MP4, 4097, 100, 30, "not an animation size"}, {MEDIA_NONE, 100, 100, 30, ".gif or .mp4"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        CHECK(media_anim_open(path, bad[i].fmt, bad[i].w, bad[i].h, bad[i].fps, err, sizeof err) == NULL);
        CHECK_MSG(strstr(err, bad[i].says) && strstr(err, "r.gif"), "case %zu: %s", i, err);
    }
    snprintf(path, sizeof path, "%s/none/r.mp4", dir);
    CHECK(media_anim_open(path, MEDIA_MP4, 64, 64, 30, err, sizeof err) == NULL);
    CHECK_MSG(strstr(err, "No such file or directory") != NULL, "%s", err);
    CHECK(media_anim_open("-", MEDIA_GIF, 64, 64, 30, err, sizeof err) == NULL);
    CHECK_MSG(strstr(err, "regular file") != NULL, "%s", err);
    CHECK(files_in(dir) == before);
    /* cancelled after some frames, or finished with none: no file */
    unsigned char px[64 * 64 * 4] = {0};
    for (int f = 0; f < 2; f++) {
        snprintf(path, sizeof path, "%s/c.%s", dir, f ? "mp4" : "gif");
        MediaAnim *m = media_anim_open(path, f ? MEDIA_MP4 : MEDIA_GIF, 64, 64, 30, err, sizeof err);
        CHECK(m && media_anim_add(m, px, 64 * 4, 0, 1, err, sizeof err) == 0);
        media_anim_cancel(m);
        CHECK(files_in(dir) == before);
        m = media_anim_open(path, f ? MEDIA_MP4 : MEDIA_GIF, 64, 64, 30, err, sizeof err);
        CHECK(m && media_anim_finish(m, err, sizeof err) == -1);
        CHECK_MSG(strstr(err, "no frames") != NULL, "%s", err);
        CHECK(files_in(dir) == before);
    }
}

/* A row source over a picture in memory that fails at row `fail_at` (-1: never),
 * and counts the rows asked for. */
typedef struct Source {
    const unsigned char *px;
    int w, fail_at, asked;
} Source;

static const unsigned char *source_row(void *ctx, int y)
{
    Source *s = ctx;
    s->asked++;
    return y == s->fail_at ? NULL : s->px + (size_t)y * (size_t)s->w * 4;
}

/* The PNG streamed in strips: a picture of noise, which deflate cannot shrink,
 * spans several IDAT chunks and many more strips than are in flight at once; it
 * decodes to the same pixels through stb and through FFmpeg's strict reader (every
 * chunk's CRC). A row source that fails halfway leaves no file, says why, and is
 * not asked for rows after the failure's strip. */
static void test_png_stream(void)
{
    enum { W = 1200, H = 700 };
    unsigned char *px = malloc((size_t)W * H * 4);
    unsigned s = 12345;
    for (size_t i = 0; i < (size_t)W * H * 4; i++)
        s = s * 1103515245u + 12345u, px[i] = i % 4 == 3 ? 255 : (unsigned char)(s >> 16);
    char path[300], err[256];
    snprintf(path, sizeof path, "%s/noise.png", dir);
    Source src = {px, W, -1, 0};
    CHECK(media_png_write_rows(path, W, H, source_row, &src, err, sizeof err) == 0);
    CHECK_MSG(src.asked == H, "%d rows asked for", src.asked);
    int idat = 0;
    FILE *f = fopen(path, "rb");
    unsigned char head[8];
    if (f && fseek(f, 8, SEEK_SET) == 0)
        while (fread(head, 1, 8, f) == 8) {
            long len = (long)head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3];
            idat += memcmp(head + 4, "IDAT", 4) == 0;
            if (fseek(f, len + 4, SEEK_CUR) != 0)
                break;
        }
    if (f)
        fclose(f);
    CHECK_MSG(idat >= 3, "%d IDAT chunks in %ld bytes", idat, file_size(path));
    int w, h, n;
    unsigned char *img = stbi_load(path, &w, &h, &n, 4);
    CHECK(img && w == W && h == H && memcmp(img, px, (size_t)W * H * 4) == 0);
    stbi_image_free(img);
    Movie mv;
    CHECK_MSG(decode_png_strict(path, &mv) == 0 && mv.n == 1 && memcmp(mv.frame[0], px, (size_t)W * H * 4) == 0,
              "%s: not the pixels given", path);
    movie_free(&mv);
    remove(path);

    src = (Source){px, W, H / 2, 0};
    CHECK(media_png_write_rows(path, W, H, source_row, &src, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "cannot read the rendered image back") != NULL, "%s", err);
    CHECK_MSG(src.asked == H / 2 + 1, "%d rows asked for", src.asked);
    CHECK(file_size(path) == -1);
    free(px);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/gs-test-media-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    test_png();
    test_png_stream();
    test_gif();
    test_mp4(320, 180);
    test_mp4(321, 181); /* odd sides: H.264 needs even, the last column and row repeat */
    test_refused();
    CHECK(files_in(dir) == 0); /* no temporary file left anywhere */
    rmdir(dir);
    return check_done("test_media");
}
