/* Headless screenshots end to end: run the real binary with --headless --screenshot
 * --csv for each built-in surface and layout, decode the PNG and check what must be
 * there: the asked size, the colormap's low end at a minimum, each run's colour
 * along its path (from the CSV), its head at the CSV's last point mapped through the
 * view. The mapping world -> pixel is recomputed here from the view and the size. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *bin;
static char dir[64];

typedef struct Pt {
    double x, y;
} Pt;

typedef struct Path {
    char label[32];
    Pt pt[4096];
    int n;
} Path;

static Path paths[16];
static int n_paths;

static int read_csv(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512];
    n_paths = 0;
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char *c = strchr(line, ',');
        if (!c)
            continue;
        *c = '\0';
        if (n_paths == 0 || strcmp(paths[n_paths - 1].label, line) != 0) {
            snprintf(paths[n_paths].label, sizeof paths[0].label, "%.31s", line);
            paths[n_paths++].n = 0;
        }
        Path *p = &paths[n_paths - 1];
        char *rest = c + 1;
        strtol(rest, &rest, 10);
        double x = strtod(rest + 1, &rest), y = strtod(rest + 1, &rest);
        if (p->n < 4096)
            p->pt[p->n++] = (Pt){x, y};
    }
    fclose(f);
    return 0;
}

/* The view widened to the image's aspect, as the app shows it. */
static void to_px(const double v[4], int w, int h, double x, double y, double *px, double *py)
{
    double vw = v[1] - v[0], vh = v[3] - v[2];
    double upp = vw / w > vh / h ? vw / w : vh / h; /* world units per pixel */
    double cx = 0.5 * (v[0] + v[1]), cy = 0.5 * (v[2] + v[3]);
    *px = 0.5 * w + (x - cx) / upp;
    *py = 0.5 * h - (y - cy) / upp;
}

static int near_colour(const unsigned char *img, int w, int h, double px, double py, unsigned rgb, int radius, int tol)
{
    for (int dy = -radius; dy <= radius; dy++)
        for (int dx = -radius; dx <= radius; dx++) {
            int x = (int)px + dx, y = (int)py + dy;
            if (x < 0 || y < 0 || x >= w || y >= h)
                continue;
            const unsigned char *p = img + 4 * ((size_t)y * (size_t)w + (size_t)x);
            int dr = abs(p[0] - (int)(rgb >> 16 & 255)), dg = abs(p[1] - (int)(rgb >> 8 & 255)),
                db = abs(p[2] - (int)(rgb & 255));
            if (dr <= tol && dg <= tol && db <= tol)
                return 1;
        }
    return 0;
}

static unsigned char *render(const char *args, const char *png, const char *csv, int *w, int *h)
{
    char cmd[2048];
    char log[160];
    snprintf(log, sizeof log, "%s/stderr", dir);
    snprintf(cmd, sizeof cmd, "'%s' --headless --screenshot '%s' --csv '%s' %s 2>'%s'", bin, png, csv, args, log);
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

/* Okabe-Ito colours in run order (the palette the app assigns). */
static const unsigned RUN_RGB[] = {0xE69F00, 0x56B4E9, 0xCC79A7, 0xF0F0F0};

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
