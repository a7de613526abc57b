/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* picture: what the end-to-end picture tests share: the CSV's trajectories, the
 * map's world -> pixel mapping recomputed from the view and the size (the view
 * widened to the picture's aspect, as the app shows it), and colour probes. */
#ifndef GS_TEST_PICTURE_H
#define GS_TEST_PICTURE_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Pt {
    double x, y;
} Pt;

typedef struct Path {
    char label[32];
    Pt pt[4096];
    double loss[4096];
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
        double x = strtod(rest + 1, &rest), y = strtod(rest + 1, &rest), loss = strtod(rest + 1, &rest);
        if (p->n < 4096)
            p->loss[p->n] = loss, p->pt[p->n++] = (Pt){x, y};
    }
    fclose(f);
    return 0;
}

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

/* Okabe-Ito colours in run order (the palette the app assigns). */
static const unsigned RUN_RGB[] = {0xE69F00, 0x56B4E9, 0xCC79A7, 0xF0F0F0};

#endif
