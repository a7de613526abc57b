/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* --animate end to end: the real binary writes a GIF and an MP4 (with --csv and
 * --screenshot in the same run), read back with giflib and FFmpeg.
 * - The GIF has the frames, size, delays and loop asked for; the MP4 the frames
 *   (the one-second hold included), rate, size and pixel format.
 * - The first frame is the --screenshot of step 0 and the last the --screenshot of
 *   the final step, within what the encoding allows: a GIF's 255-colour palette
 *   (no dithering) moves a pixel by a few levels and an anti-aliased edge by more;
 *   H.264 at quality 20 moves smooth colour by 2 to 3 levels, and its 4:2:0 chroma
 *   (one colour sample per 2x2 block) smears colour edges by a pixel. So: mean
 *   difference per channel under 1.5 levels (GIF) or 3.5 (MP4), and under 2% of
 *   the pixels more than 24 off.
 * - The animation advances: in each frame, each run's colour lies along its CSV
 *   trajectory up to the frame's step, and not yet where it goes later.
 * - Grid layout, a noise bundle, a schedule and the plot: the last frame is still
 *   the screenshot.
 * - Bad input: exit 2, one line naming the argument, no file left. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "files.h"
#include "decode.h"
#include "picture.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>

#include <sys/wait.h>
#include <unistd.h>

static const char *bin;
static char dir[64];

/* Runs the binary with args in dir; returns its exit status and the lines it
 * wrote on stderr (the first in `line`). */
static int run(const char *args, int *lines, char *line, size_t cap)
{
    char cmd[2048], log[128];
    snprintf(log, sizeof log, "%s/stderr.txt", dir);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s 2>'%s'", dir, bin, args, log);
    int rc = system(cmd);
    FILE *f = fopen(log, "r");
    char buf[1024];
    *lines = 0;
    if (line)
        line[0] = '\0';
    while (f && fgets(buf, sizeof buf, f)) {
        if (*lines == 0 && line)
            snprintf(line, cap, "%s", buf);
        ++*lines;
    }
    if (f)
        fclose(f);
    remove(log);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static unsigned char *load_png(const char *name, int *w, int *h)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int n;
    unsigned char *img = stbi_load(path, w, h, &n, 4);
    CHECK_MSG(img != NULL, "cannot decode %s", path);
    return img;
}

static void same_picture(const char *what, const unsigned char *frame, const unsigned char *shot, int w, int h,
                         double max_mean, double max_over)
{
    double mean, over;
    picture_diff(frame, shot, w, h, 24, &mean, &over);
    CHECK_MSG(mean < max_mean && over < max_over, "%s: mean difference %.2f, %.2f%% of pixels over 24", what, mean,
              100 * over);
}

/* In the frame showing step s: each run's colour at its trajectory's points up to
 * s, and not at its later points far from every point already reached. Points
 * the final screenshot does not show in the run's colour (under a later run) are
 * skipped. Adds what it checked to *shown and *hidden. */
static void check_advance(const Movie *mv, int i, int s, const unsigned char *last, const double view[4], int *shown,
                          int *hidden)
{
    int w = mv->w, h = mv->h;
    /* the heads at step s and the start: markers drawn over every path, spread on a
     * ring up to about 20 px when they share a place */
    double mark[17][2];
    int n_mark = 0;
    to_px(view, w, h, paths[0].pt[0].x, paths[0].pt[0].y, &mark[n_mark][0], &mark[n_mark][1]), n_mark++;
    for (int r = 0; r < n_paths && n_mark < 17; r++) {
        const Pt *q = &paths[r].pt[s < paths[r].n ? s : paths[r].n - 1];
        to_px(view, w, h, q->x, q->y, &mark[n_mark][0], &mark[n_mark][1]), n_mark++;
    }
    for (int r = 0; r < n_paths; r++) {
        const Path *p = &paths[r];
        for (int k = 0; k < p->n; k += p->n / 150 + 1) {
            double px, py;
            to_px(view, w, h, p->pt[k].x, p->pt[k].y, &px, &py);
            if (px < 4 || py < 4 || px >= w - 4 || py >= h - 4 || !near_colour(last, w, h, px, py, RUN_RGB[r], 1, 40))
                continue;
            int by_marker = 0;
            for (int m = 0; m < n_mark; m++)
                by_marker |= hypot(mark[m][0] - px, mark[m][1] - py) < 26;
            if (by_marker)
                continue;
            if (k <= s) {
                CHECK_MSG(near_colour(mv->frame[i], w, h, px, py, RUN_RGB[r], 2, 40),
                          "frame %d (step %d): %s not at its step %d", i, s, p->label, k);
                ++*shown;
                continue;
            }
            double near = 1e9;
            for (int q = 0; q <= s && q < p->n; q++) {
                double qx, qy;
                to_px(view, w, h, p->pt[q].x, p->pt[q].y, &qx, &qy);
                near = fmin(near, hypot(qx - px, qy - py));
            }
            if (near < 12) /* the path so far, its head and outline are there */
                continue;
            CHECK_MSG(!near_colour(mv->frame[i], w, h, px, py, RUN_RGB[r], 1, 30),
                      "frame %d (step %d): %s already at its step %d", i, s, p->label, k);
            ++*hidden;
        }
    }
}

static void test_gif(void)
{
    static const double RV[4] = {-2.0, 2.0, -1.0, 3.0};
    const char *scene = "--legend none --axes off --size 480x270 --steps 300";
    char args[512];
    int lines;
    snprintf(args, sizeof args, "--headless %s --fps 25 --frames 20 --animate a.gif --csv t.csv --screenshot last.png",
             scene);
    CHECK(run(args, &lines, NULL, 0) == 0 && lines == 0);
    snprintf(args, sizeof args, "--headless %s --at 0 --screenshot first.png", scene);
    CHECK(run(args, &lines, NULL, 0) == 0);
    char path[128];
    snprintf(path, sizeof path, "%s/a.gif", dir);
    Movie mv;
    CHECK(decode_gif(path, &mv) == 0);
    CHECK_MSG(mv.w == 480 && mv.h == 270 && mv.n == 20 && mv.loops, "%dx%d, %d frames, loops %d", mv.w, mv.h, mv.n,
              mv.loops);
    for (int i = 0; i < mv.n; i++)
        CHECK_MSG(mv.delay_cs[i] == (i == 19 ? 104 : 4), "frame %d: delay %d", i, mv.delay_cs[i]);
    int w, h;
    unsigned char *first = load_png("first.png", &w, &h), *last = load_png("last.png", &w, &h);
    snprintf(path, sizeof path, "%s/t.csv", dir);
    CHECK(read_csv(path) == 0 && n_paths == 4);
    if (mv.n == 20 && mv.w == w && mv.h == h && first && last) {
        same_picture("GIF frame 0 and --at 0", mv.frame[0], first, w, h, 1.5, 0.02);
        same_picture("GIF frame 19 and the last step", mv.frame[19], last, w, h, 1.5, 0.02);
        int shown = 0, hidden = 0;
        for (int i = 0; i < mv.n; i++)
            check_advance(&mv, i, (i * 300 * 2 + 19) / 38, last, RV, &shown, &hidden);
        CHECK_MSG(shown > 50 && hidden > 200, "advance: %d points shown, %d not yet", shown, hidden);
    }
    free(first);
    free(last);
    movie_free(&mv);
}

static void test_mp4(void)
{
    const char *scene = "--legend none --axes off --size 480x270 --steps 300";
    char args[512];
    int lines;
    snprintf(args, sizeof args, "--headless %s --duration 1 --animate a.mp4 --screenshot last.png", scene);
    CHECK(run(args, &lines, NULL, 0) == 0 && lines == 0);
    snprintf(args, sizeof args, "--headless %s --at 0 --screenshot first.png", scene);
    CHECK(run(args, &lines, NULL, 0) == 0);
    char path[128];
    snprintf(path, sizeof path, "%s/a.mp4", dir);
    Movie mv;
    CHECK(decode_mp4(path, &mv) == 0);
    /* one second at the default 30 fps, then the hold: 60 frames, two seconds */
    CHECK_MSG(mv.w == 480 && mv.h == 270 && mv.n == 60, "%dx%d, %d frames", mv.w, mv.h, mv.n);
    CHECK(mv.fps_num == 30 && mv.fps_den == 1 && fabs(mv.seconds - 2.0) < 0.02);
    CHECK_STR(mv.pix_fmt, "yuv420p");
    int w, h;
    unsigned char *first = load_png("first.png", &w, &h), *last = load_png("last.png", &w, &h);
    if (mv.n == 60 && mv.w == w && mv.h == h && first && last) {
        same_picture("MP4 frame 0 and --at 0", mv.frame[0], first, w, h, 3.5, 0.02);
        same_picture("MP4 frame 29 and the last step", mv.frame[29], last, w, h, 3.5, 0.02);
        same_picture("MP4 held frame and the last step", mv.frame[59], last, w, h, 3.5, 0.02);
        double mean, over;
        picture_diff(mv.frame[0], mv.frame[29], w, h, 24, &mean, &over);
        CHECK_MSG(over > 0.002, "the MP4 does not move: %.3f%% changed", 100 * over);
    }
    free(first);
    free(last);
    movie_free(&mv);
}

/* Every layout and option at once: grid, a noise bundle, a schedule, the plot. */
static void test_options(void)
{
    const char *scene = "--layout grid --plot loss --noise 0.3 --seed 7 --size 640x400 --steps 150 "
                        "--opt adam:lr=0.05,bundle=4 --opt sgd:lr=0.001,schedule=cosine,t_max=150";
    char args[512], path[128];
    int lines, w, h;
    snprintf(args, sizeof args, "--headless %s --frames 6 --animate g.gif --screenshot g.png", scene);
    CHECK(run(args, &lines, NULL, 0) == 0 && lines == 0);
    snprintf(path, sizeof path, "%s/g.gif", dir);
    Movie mv;
    CHECK(decode_gif(path, &mv) == 0 && mv.n == 6);
    unsigned char *last = load_png("g.png", &w, &h);
    if (mv.n == 6 && last && mv.w == w && mv.h == h)
        same_picture("grid, bundle, schedule and plot: the last frame", mv.frame[5], last, w, h, 1.5, 0.02);
    free(last);
    movie_free(&mv);
}

static void test_refused(void)
{
    static const struct {
        const char *args, *names;
    } BAD[] = {
        {"--headless --animate a.avi", "--animate"},
        {"--headless --animate a.gif --fps 0", "--fps"},
        {"--headless --animate a.gif --frames -1", "--frames"},
        {"--headless --animate a.gif --frames 0", "--frames"},
        {"--headless --animate a.gif --duration 0", "--duration"},
        {"--headless --animate a.gif --fps 60", "--fps"},
        {"--headless --animate a.gif --frames 5 --duration 2", "--duration"},
        {"--headless --animate a.mp4 --size 10000x10000", "--animate"},
        {"--headless --animate no/such/dir/a.gif --steps 10", "--animate"},
        {"--headless --animate /proc/a.mp4 --steps 10", "--animate"},
        {"--headless --animate ''", "--animate"},
        {"--animate a.gif", "--animate"},
    };
    int before = files_in(dir);
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        char line[1024];
        int lines;
        int rc = run(BAD[i].args, &lines, line, sizeof line);
        CHECK_MSG(rc == 2 && lines == 1 && strstr(line, BAD[i].names), "%s: exit %d, %d lines: %s", BAD[i].args, rc,
                  lines, line);
        CHECK_MSG(files_in(dir) == before, "%s left a file", BAD[i].args);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    bin = argv[1];
    snprintf(dir, sizeof dir, "/tmp/gs-test-animate-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    test_refused();
    test_gif();
    test_mp4();
    test_options();
    static const char *const FILES[] = {"a.gif", "a.mp4", "g.gif", "g.png", "t.csv", "first.png", "last.png"};
    for (size_t i = 0; i < sizeof FILES / sizeof FILES[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, FILES[i]);
        remove(path);
    }
    CHECK(rmdir(dir) == 0); /* nothing else was left behind */
    return check_done("test_animate");
}
