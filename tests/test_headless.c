/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Headless screenshots end to end: run the real binary with --headless --screenshot
 * --csv for each built-in surface and layout, decode the PNG and check what must be
 * there: the asked size, the colormap's low end at a minimum, each run's colour
 * along its path (from the CSV), its head at the CSV's last point mapped through the
 * view. The mapping world -> pixel is recomputed here from the view and the size.
 * With --plot: each run's curve where its CSV losses map through the plot's scale
 * (the core's), the plot clear of the map, the map laid out above it. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "picture.h"
#include "plot.h"
#include "spec.h"
#include "view3d.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *bin;
static char dir[64];

static unsigned char *render(const char *args, const char *png, const char *csv, int *w, int *h)
{
    char cmd[2048];
    char log[160];
    snprintf(log, sizeof log, "%s/stderr", dir);
    snprintf(cmd, sizeof cmd, "'%s' --headless --axes off --screenshot '%s' --csv '%s' %s 2>'%s'", bin, png, csv, args, log);
    int rc = system(cmd);
    CHECK_MSG(rc == 0, "%s", cmd);
    /* the picture is whole: no drawing command was dropped */
    FILE *f = fopen(log, "r");
    char line[512];
    while (f && fgets(line, sizeof line, f))
        CHECK_MSG(!strstr(line, "did not fit"), "%s: %s", cmd, line);
    if (f)
        fclose(f);
    remove(log);
    int n;
    unsigned char *img = stbi_load(png, w, h, &n, 4);
    CHECK_MSG(img != NULL, "cannot decode %s", png);
    CHECK(read_csv(csv) == 0);
    return img;
}

/* 1 when a later run's path (drawn on top) passes within 6 px, or a head or the
 * start marker may be there: heads that share a place (with each other or the
 * start) are drawn on a small ring around it, up to about 20 px away. */
static int covered(const double view[4], int w, int h, int run, double px, double py)
{
    double sx, sy;
    to_px(view, w, h, paths[0].pt[0].x, paths[0].pt[0].y, &sx, &sy);
    if (hypot(sx - px, sy - py) < 12)
        return 1;
    for (int r = 0; r < n_paths; r++) {
        double hx, hy;
        to_px(view, w, h, paths[r].pt[paths[r].n - 1].x, paths[r].pt[paths[r].n - 1].y, &hx, &hy);
        if (r != run && hypot(hx - px, hy - py) < 34)
            return 1;
    }
    for (int r = run + 1; r < n_paths; r++) {
        double ax = 0, ay = 0;
        for (int k = 0; k < paths[r].n; k++) {
            double qx, qy;
            to_px(view, w, h, paths[r].pt[k].x, paths[r].pt[k].y, &qx, &qy);
            if (k == paths[r].n - 1 && hypot(qx - px, qy - py) < 12)
                return 1;
            /* distance to the segment from the previous point */
            if (k > 0) {
                double dx = qx - ax, dy = qy - ay, len2 = dx * dx + dy * dy;
                double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
                t = t < 0 ? 0 : (t > 1 ? 1 : t);
                if (hypot(ax + t * dx - px, ay + t * dy - py) < 6)
                    return 1;
            }
            ax = qx, ay = qy;
        }
    }
    return 0;
}

/* Each run's colour along its path, where no later run is drawn over it (the
 * image is rendered with --legend none, so nothing else covers the map). */
static void check_paths(const char *name, const unsigned char *img, int w, int h, const double view[4])
{
    int checked = 0;
    for (int r = 0; r < n_paths; r++) {
        const Path *p = &paths[r];
        int hits = 0, tries = 0;
        for (int k = 0; k < p->n; k += p->n / 60 + 1) {
            double px, py;
            to_px(view, w, h, p->pt[k].x, p->pt[k].y, &px, &py);
            if (px < 8 || py < 8 || px >= w - 8 || py >= h - 8 || covered(view, w, h, r, px, py))
                continue;
            tries++;
            hits += near_colour(img, w, h, px, py, RUN_RGB[r], 2, 40);
        }
        /* a path hidden entirely under later ones has nothing to check */
        if (tries >= 3)
            CHECK_MSG(hits * 10 >= tries * 9, "%s: %s colour at %d of %d path points", name, p->label, hits, tries);
        checked += tries >= 3;
        /* the head: at the last point, or on the ring around a shared place */
        double ex, ey;
        to_px(view, w, h, p->pt[p->n - 1].x, p->pt[p->n - 1].y, &ex, &ey);
        int shared = 0;
        for (int o = 0; o < n_paths; o++) {
            double ox, oy;
            to_px(view, w, h, paths[o].pt[o == r ? 0 : paths[o].n - 1].x, paths[o].pt[o == r ? 0 : paths[o].n - 1].y,
                  &ox, &oy);
            shared |= hypot(ox - ex, oy - ey) < 12;
        }
        if (ex >= 0 && ey >= 0 && ex < w && ey < h && (shared || !covered(view, w, h, r, ex, ey)))
            CHECK_MSG(near_colour(img, w, h, ex, ey, RUN_RGB[r], shared ? 22 : 1, 40), "%s: %s head not at (%.1f, %.1f)",
                      name, p->label, ex, ey);
    }
    CHECK_MSG(checked >= 1, "%s: no path could be checked", name);
}

/* 3D: each run's colour where its CSV points project with the camera's matrices
 * (view3d.c, the app's own), at the height of the core's value. A point counts
 * where the surface does not hide it (the pick at its pixel finds it, within a
 * pixel's worth) and no head or the start marker covers it. */
static void check_paths3d(const char *name, const unsigned char *img, int w, int h, const char *surface, Camera3D cam)
{
    cam = view3d_camera_fit(cam, (float)w, (float)h); /* as the app shows it */
    Surface s;
    char err[256];
    CHECK(spec_parse_surface(surface, &s, err, sizeof err) == 0);
    MapView v = {s.view[0], s.view[1], s.view[2], s.view[3]};
    Box3D b;
    view3d_box(&s, v, VIEW3D_HEIGHT, &b);
    int hits = 0, tries = 0;
    for (int r = 0; r < n_paths; r++) {
        const Path *p = &paths[r];
        float marks[2][3];
        for (int m = 0; m < 2; m++) {
            const Pt *q = &p->pt[m ? p->n - 1 : 0];
            vec3 wp;
            view3d_point(&b, q->x, q->y, surface_value(&s, q->x, q->y), 0.0f, wp);
            view3d_project(&cam, (float)w, (float)h, wp, marks[m]);
        }
        for (int k = 0; k < p->n; k += p->n / 80 + 1) {
            vec3 wp;
            float o[3];
            view3d_point(&b, p->pt[k].x, p->pt[k].y, p->loss[k], 0.015f, wp);
            if (fabs(p->pt[k].x - b.cx) > 0.5 * (v.x1 - v.x0) || fabs(p->pt[k].y - b.cy) > 0.5 * (v.y1 - v.y0) ||
                !view3d_project(&cam, (float)w, (float)h, wp, o) || o[0] < 4 || o[1] < 4 || o[0] > w - 4 || o[1] > h - 4)
                continue;
            if (hypot(o[0] - marks[0][0], o[1] - marks[0][1]) < 14 || hypot(o[0] - marks[1][0], o[1] - marks[1][1]) < 14)
                continue;
            double wx, wy, tol = 8 * 2 * b.half / w * cam.distance;
            if (!view3d_pick(&cam, &b, &s, (float)w, (float)h, o[0], o[1], &wx, &wy) ||
                fabs(wx - p->pt[k].x) > tol || fabs(wy - p->pt[k].y) > tol)
                continue;
            tries++;
            hits += near_colour(img, w, h, o[0], o[1], RUN_RGB[r], 2, 40);
        }
    }
    CHECK_MSG(tries >= 8 && hits * 10 >= tries * 9, "%s: the run's colour at %d of %d projected points", name, hits,
              tries);
}

static const unsigned char *pixel(const unsigned char *img, int w, int x, int y)
{
    return img + 4 * ((size_t)y * (size_t)w + (size_t)x);
}

static int near_rgb(const unsigned char *p, unsigned rgb, int tol)
{
    return abs(p[0] - (int)(rgb >> 16 & 255)) <= tol && abs(p[1] - (int)(rgb >> 8 & 255)) <= tol &&
           abs(p[2] - (int)(rgb & 255)) <= tol;
}

/* A colour of the field's colormap (viridis' greens, teals and yellows), not a
 * run's, the theme's greys or their blends with the dark background. */
static int field_like(const unsigned char *p)
{
    int mx = p[0] > p[1] ? (p[0] > p[2] ? p[0] : p[2]) : (p[1] > p[2] ? p[1] : p[2]);
    int mn = p[0] < p[1] ? (p[0] < p[2] ? p[0] : p[2]) : (p[1] < p[2] ? p[1] : p[2]);
    return p[1] >= 0x60 && p[1] >= p[2] && p[1] + 0x20 >= p[0] && mx - mn > 0x30;
}

#define PLOT_BG 0x12151B    /* the theme's bg, inside the plot's axes */
#define PLOT_PANEL 0x1B1F27 /* the theme's panel, around them */

/* The plot of a --plot loss screenshot: found in the image (the panel's top row,
 * the axes' background), then each run's curve checked at steps spread over it:
 * the pixel at (x(step), y(loss)), y through the core's scale of the CSV's losses,
 * has the run's colour (within 2 px). Returns the panel's top row. */
static int check_plot(const char *name, const unsigned char *img, int w, int h)
{
    /* the panel: the first row, from the top, that is all panel colour */
    int top = -1;
    for (int y = 0; y < h && top < 0; y++) {
        int all = 1;
        for (int x = 0; x < w && all; x += 3)
            all = near_rgb(pixel(img, w, x, y), PLOT_PANEL, 3);
        if (all)
            top = y;
    }
    CHECK_MSG(top > h / 2 && top < h - 100, "%s: the plot's panel starts at row %d of %d", name, top, h);
    if (top < 0)
        return h;
    /* nothing of the map below its top, and the map above it */
    int field_below = 0, field_above = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x += 2)
            *(y >= top ? &field_below : &field_above) += field_like(pixel(img, w, x, y));
    CHECK_MSG(field_below < 20 && field_above > w * top / 8, "%s: %d field pixels in the plot, %d above it", name,
              field_below, field_above);
    /* the axes: the rows and columns mostly of the background colour */
    int ay0 = -1, ay1 = -1, ax0 = -1, ax1 = -1;
    for (int y = top; y < h; y++) {
        int n = 0;
        for (int x = 0; x < w; x++)
            n += near_rgb(pixel(img, w, x, y), PLOT_BG, 3);
        if (n > w / 3)
            ay1 = y, ay0 = ay0 < 0 ? y : ay0;
    }
    for (int x = 0; x < w && ay0 >= 0; x++) {
        int n = 0;
        for (int y = ay0; y <= ay1; y++)
            n += near_rgb(pixel(img, w, x, y), PLOT_BG, 3);
        if (n > (ay1 - ay0) / 3)
            ax1 = x, ax0 = ax0 < 0 ? x : ax0;
    }
    CHECK_MSG(ay0 > top && ax0 > 0 && ax1 > ax0 + w / 2, "%s: axes %d..%d x %d..%d", name, ax0, ax1, ay0, ay1);
    if (ay0 < 0 || ax0 < 0)
        return top;
    /* inside the frame line: the frame is the axes' edge */
    double fx0 = ax0 - 1, fx1 = ax1 + 1, fy0 = ay0 - 1, fy1 = ay1 + 1;
    /* the scale, as the app makes it from the same values */
    double lowest = INFINITY;
    int last = 0;
    for (int r = 0; r < n_paths; r++)
        for (int k = 0; k < paths[r].n; k++)
            lowest = fmin(lowest, paths[r].loss[k]), last = k > last ? k : last;
    PlotExtent e;
    plot_extent_init(&e, plot_offset(PLOT_LOSS, 0.0, lowest)); /* rosenbrock: the minimum is 0 */
    for (int r = 0; r < n_paths; r++)
        for (int k = 0; k < paths[r].n; k++)
            plot_extent_add(&e, paths[r].loss[k]);
    PlotScale sc;
    plot_scale_make(&e, &sc);
    double y0 = plot_fwd(&sc, e.lo), y1 = plot_fwd(&sc, e.hi), pad = 0.06 * (y1 - y0);
    y0 -= pad, y1 += pad;
    int checked = 0;
    for (int r = 0; r < n_paths; r++) {
        int hits = 0, tries = 0;
        for (int k = 5; k < paths[r].n; k += paths[r].n / 30) {
            double px = fx0 + (fx1 - fx0) * k / last;
            double py = fy0 + (fy1 - fy0) * (y1 - plot_fwd(&sc, paths[r].loss[k])) / (y1 - y0);
            /* a later run's curve drawn over this one here: nothing to check */
            int covered_here = 0;
            for (int o = r + 1; o < n_paths; o++)
                covered_here |= fabs(fy0 + (fy1 - fy0) * (y1 - plot_fwd(&sc, paths[o].loss[k])) / (y1 - y0) - py) < 5;
            if (covered_here)
                continue;
            tries++;
            int hit = near_colour(img, w, h, px, py, RUN_RGB[r], 2, 40);
            hits += hit;
            if (!hit)
                fprintf(stderr, "%s: %s at step %d: not at (%.1f, %.1f)\n", name, paths[r].label, k, px, py);
        }
        CHECK_MSG(hits == tries, "%s: %s's curve at %d of %d steps", name, paths[r].label, hits, tries);
        checked += tries >= 5;
    }
    CHECK_MSG(checked >= 3, "%s: %d curves could be checked", name, checked);
    return top;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    bin = argv[1];
    snprintf(dir, sizeof dir, "/tmp/gs-test-headless-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    char png[128], csv[128];
    snprintf(png, sizeof png, "%s/s.png", dir);
    snprintf(csv, sizeof csv, "%s/s.csv", dir);
    int w, h;

    /* rosenbrock: the minimum (1, 1) is the darkest colour of viridis (68,1,84) */
    static const double RV[4] = {-2.0, 2.0, -1.0, 3.0};
    unsigned char *img = render("--legend none --size 640x360 --steps 0", png, csv, &w, &h);
    CHECK(w == 640 && h == 360);
    if (img) {
        double mx, my;
        to_px(RV, w, h, 1.0, 1.0, &mx, &my);
        CHECK_MSG(near_colour(img, w, h, mx, my, 0x440154, 0, 30), "rosenbrock minimum pixel is not the low end");
        stbi_image_free(img);
    }
    img = render("--legend none --size 1280x720 --steps 300", png, csv, &w, &h);
    CHECK(w == 1280 && h == 720);
    if (img) {
        check_paths("rosenbrock", img, w, h, RV);
        stbi_image_free(img);
    }
    /* the opening scene run to its end: momentum, RMSprop and Adam share the valley,
     * and each path still shows (pixels of its colour away from every head, the
     * start and the minimum, which are discs of the same colours) */
    img = render("--legend none --size 1280x720", png, csv, &w, &h);
    if (img) {
        double marks[8][2];
        int nm = 0;
        to_px(RV, w, h, paths[0].pt[0].x, paths[0].pt[0].y, &marks[nm][0], &marks[nm][1]), nm++;
        to_px(RV, w, h, 1.0, 1.0, &marks[nm][0], &marks[nm][1]), nm++;
        for (int r = 0; r < n_paths && nm < 8; r++, nm++)
            to_px(RV, w, h, paths[r].pt[paths[r].n - 1].x, paths[r].pt[paths[r].n - 1].y, &marks[nm][0], &marks[nm][1]);
        for (int r = 0; r < n_paths && r < 4; r++) {
            int count = 0;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    const unsigned char *p = img + 4 * ((size_t)y * w + x);
                    unsigned c = RUN_RGB[r];
                    if (abs(p[0] - (int)(c >> 16)) > 40 || abs(p[1] - (int)((c >> 8) & 255)) > 40 ||
                        abs(p[2] - (int)(c & 255)) > 40)
                        continue;
                    int near = 0;
                    for (int k = 0; k < nm; k++)
                        near |= hypot(x - marks[k][0], y - marks[k][1]) < 30;
                    count += !near;
                }
            CHECK_MSG(count >= 150, "opening scene: %s shows %d pixels of its path", paths[r].label, count);
        }
        stbi_image_free(img);
    }
    /* quadratic, rotated, with a given view, a different size */
    static const double QV[4] = {-3.0, 3.0, -2.0, 2.0};
    img = render("--legend none --surface quadratic:kappa=10,angle=30 --size 800x800 --steps 0", png, csv, &w, &h);
    CHECK(w == 800 && h == 800);
    if (img) {
        double mx, my;
        to_px(QV, w, h, 0.0, 0.0, &mx, &my);
        CHECK_MSG(near_colour(img, w, h, mx, my, 0x440154, 0, 30), "quadratic minimum pixel is not the low end");
        stbi_image_free(img);
    }
    img = render("--legend none --surface quadratic:kappa=10,angle=30 --size 800x800 --steps 60", png, csv, &w, &h);
    if (img) {
        check_paths("quadratic", img, w, h, QV);
        stbi_image_free(img);
    }
    /* saddle: unbounded below, still drawn; runs escape along y */
    static const double SV[4] = {-2.0, 2.0, -2.0, 2.0};
    img = render("--legend none --surface saddle --size 700x500", png, csv, &w, &h);
    if (img) {
        check_paths("saddle", img, w, h, SV);
        stbi_image_free(img);
    }
    /* himmelblau: four minima, all the low end */
    static const double HV[4] = {-5.0, 5.0, -5.0, 5.0};
    img = render("--legend none --surface himmelblau --size 900x700 --steps 0", png, csv, &w, &h);
    if (img) {
        static const double M[4][2] = {{3.0, 2.0}, {-2.805118, 3.131313}, {-3.779310, -3.283186}, {3.584428, -1.848127}};
        for (int m = 0; m < 4; m++) {
            double mx, my;
            to_px(HV, w, h, M[m][0], M[m][1], &mx, &my);
            CHECK_MSG(near_colour(img, w, h, mx, my, 0x440154, 0, 30), "himmelblau minimum %d", m);
        }
        stbi_image_free(img);
    }
    /* a user's expression with --view */
    static const double EV[4] = {-1.0, 3.0, -2.0, 2.0};
    img = render("--legend none --surface 'expr:(x-1)^2+2*(y+0.5)^2' --view -1,3,-2,2 --start 2.5,1.5 --size 500x500 --steps 80",
                 png, csv, &w, &h);
    if (img) {
        check_paths("expr", img, w, h, EV);
        stbi_image_free(img);
    }
    /* grid layout: one panel per run, each its own colour only */
    img = render("--legend none --layout grid --size 1200x800 --steps 300", png, csv, &w, &h);
    CHECK(w == 1200 && h == 800);
    if (img) {
        /* four panels of 2x2: the top-left shows sgd (orange) and no sky blue */
        int orange = 0, blue = 0;
        for (int y = 0; y < h / 2; y++)
            for (int x = 0; x < w / 2; x++) {
                const unsigned char *p = img + 4 * ((size_t)y * (size_t)w + (size_t)x);
                orange += abs(p[0] - 0xE6) < 20 && abs(p[1] - 0x9F) < 20 && abs(p[2] - 0x00) < 20;
                blue += abs(p[0] - 0x56) < 12 && abs(p[1] - 0xB4) < 12 && abs(p[2] - 0xE9) < 12;
            }
        CHECK_MSG(orange > 50 && blue < 5, "grid panel 1: %d orange, %d blue pixels", orange, blue);
        stbi_image_free(img);
    }
    /* the plot, asked for: under the map in both layouts at two sizes; the map above
     * it laid out in what is left (its paths where they map into that rect) */
    static const char *const PLOT_ARGS[] = {
        "--plot loss --legend none --size 1280x720 --steps 300",
        "--plot loss --legend none --size 1920x1080 --steps 300",
        "--plot loss --legend none --size 1280x720 --steps 300 --layout grid",
        "--plot loss --legend none --size 1920x1080 --steps 300 --layout grid",
    };
    for (int i = 0; i < 4; i++) {
        img = render(PLOT_ARGS[i], png, csv, &w, &h);
        if (!img)
            continue;
        int top = check_plot(PLOT_ARGS[i], img, w, h);
        if (i < 2)
            check_paths(PLOT_ARGS[i], img, w, top, RV);
        stbi_image_free(img);
    }
    /* without --plot (or with none): no plot, the field down to the last row */
    for (int i = 0; i < 2; i++) {
        img = render(i ? "--plot none --legend none --size 1280x720 --steps 300" : "--legend none --size 1280x720 --steps 300",
                     png, csv, &w, &h);
        if (!img)
            continue;
        int field = 0;
        for (int x = 0; x < w; x++)
            field += field_like(pixel(img, w, x, h - 2));
        CHECK_MSG(field > w / 2, "no plot asked: %d field pixels in the last row", field);
        stbi_image_free(img);
    }
    /* the legend, asked for at the top right: a dark translucent box in that corner
     * with light ink (the title, the numbers) in it; without it, the bright field */
    double mean[2] = {0, 0};
    int ink[2] = {0, 0};
    for (int with = 0; with < 2; with++) {
        img = render(with ? "--legend tr --size 1280x720 --steps 300" : "--legend none --size 1280x720 --steps 300", png,
                     csv, &w, &h);
        if (!img)
            continue;
        int n = 0;
        for (int y = 20; y < 150; y++)
            for (int x = w - 540; x < w - 20; x++) {
                const unsigned char *p = img + 4 * ((size_t)y * (size_t)w + (size_t)x);
                mean[with] += (p[0] + p[1] + p[2]) / 3.0;
                ink[with] += p[0] > 220 && p[1] > 220 && p[2] > 220;
                n++;
            }
        mean[with] /= n;
        stbi_image_free(img);
    }
    CHECK_MSG(mean[1] < 0.4 * mean[0] && ink[1] > 500 && ink[0] < 50,
              "legend corner: mean %.0f with the legend, %.0f without; %d and %d light pixels", mean[1], mean[0],
              ink[1], ink[0]);
    /* the update-rule card, asked for: a dark card along the right edge, beside the
     * map (its left edge the run's colour); without it, the field there */
    int card_px[2] = {0, 0}, edge = 0;
    for (int with = 0; with < 2; with++) {
        img = render(with ? "--legend none --card adam --at 3 --internals --size 1280x720"
                          : "--legend none --internals --at 3 --size 1280x720",
                     png, csv, &w, &h);
        if (!img)
            continue;
        for (int y = h / 2; y < h - 20; y++)
            for (int x = w - 200; x < w - 20; x++) {
                const unsigned char *p = img + 4 * ((size_t)y * (size_t)w + (size_t)x);
                card_px[with] += abs(p[0] - 0x16) < 4 && abs(p[1] - 0x1A) < 4 && abs(p[2] - 0x21) < 4;
            }
        /* the card's left edge: a column of adam's colour somewhere in the right half */
        for (int x = w / 2; x < w - 200 && with; x++) {
            int run = 0;
            for (int y = 0; y < h; y++) {
                const unsigned char *p = img + 4 * ((size_t)y * (size_t)w + (size_t)x);
                run += abs(p[0] - 0xF0) < 4 && abs(p[1] - 0xF0) < 4 && abs(p[2] - 0xF0) < 4;
            }
            edge |= run == h;
        }
        stbi_image_free(img);
    }
    int area = (h / 2 - 20) * 180;
    CHECK_MSG(card_px[1] > area * 8 / 10 && card_px[0] < area / 100 && edge,
              "card: %d of %d pixels card-coloured with it, %d without; edge %d", card_px[1], area, card_px[0], edge);
    /* 3D: paths where the camera's matrices put them, from the default camera and
     * from others, on three surfaces (one run each, so no run covers another) */
    static const struct {
        const char *args, *surface;
        Camera3D cam;
    } V3[] = {
        {"--view3d --legend none --size 960x540 --opt adam:lr=0.05 --steps 400", "rosenbrock", {-30, 50, 4.9f, {0, 0.15f, 0}}},
        {"--view3d=140,35,4 --legend none --size 800x600 --surface quadratic:kappa=10,angle=30 --opt adam:lr=0.1 "
         "--steps 200", "quadratic:kappa=10,angle=30", {140, 35, 4, {0, 0.15f, 0}}},
        {"--view3d=-100,85 --legend none --size 900x700 --surface himmelblau --start -0.5,-1 --opt adam:lr=0.1 "
         "--steps 300", "himmelblau", {-100, 85, 4.9f, {0, 0.15f, 0}}},
    };
    for (int i = 0; i < 3; i++) {
        img = render(V3[i].args, png, csv, &w, &h);
        if (img)
            check_paths3d(V3[i].args, img, w, h, V3[i].surface, V3[i].cam);
        stbi_image_free(img);
    }
    /* the hyperparameter map in a screenshot: beside the map, its cells' colours the
     * CSV's outcomes: the share of the panel's cell pixels in the diverged red is the
     * share of diverged cells */
    {
        char cmd[1024], sw[160];
        snprintf(sw, sizeof sw, "%s/sw.csv", dir);
        snprintf(cmd, sizeof cmd,
                 "'%s' --headless --opt momentum --steps 300 --sweep momentum:lr=0.0001:0.01:8,momentum=0:0.99:8 "
                 "--legend none --size 1280x720 --csv '%s' --screenshot '%s' 2>/dev/null", bin, sw, png);
        CHECK(system(cmd) == 0);
        FILE *f = fopen(sw, "r");
        char line[256];
        int cells = 0, diverged = 0;
        while (f && fgets(line, sizeof line, f))
            if (line[0] != 'l') {
                cells++;
                diverged += strtol(strrchr(line, ',') + 1, NULL, 10) >= 0;
            }
        if (f)
            fclose(f);
        remove(sw);
        int n;
        img = stbi_load(png, &w, &h, &n, 4);
        CHECK(img != NULL && cells == 64 && diverged > 0 && diverged < 64);
        long red = 0, other = 0, map_red = 0;
        for (int y = 0; img && y < h; y++)
            for (int x = 0; x < w; x++) {
                const unsigned char *q = pixel(img, w, x, y);
                int is_red = near_rgb(q, 0x8E1B1B, 6);
                int is_card = near_rgb(q, 0x161A21, 6);
                if (x < w / 2)
                    map_red += is_red;
                else if (x < w * 61 / 100 || x > w * 98 / 100 || y < h / 10 || y > h * 72 / 100)
                    continue; /* within the grid of cells: clear of the labels */
                else if (is_red)
                    red++;
                else if (!is_card)
                    other++;
            }
        double share = (double)red / (double)(red + other);
        CHECK_MSG(map_red < 50 && fabs(share - (double)diverged / cells) < 0.03,
                  "map: %.3f of the panel's cells red, %d of %d cells diverged (%ld red pixels on the map side)", share,
                  diverged, cells, map_red);
        stbi_image_free(img);
    }
    /* bad size and unwritable path: exit 2, no file */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "'%s' --headless --screenshot '%s/nodir/x.png' 2>/dev/null", bin, dir);
    int rc = system(cmd);
    CHECK(WEXITSTATUS(rc) == 2);
    remove(png);
    remove(csv);
    CHECK(rmdir(dir) == 0); /* nothing else was left behind */
    return check_done("test_headless");
}
