/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The renderer on a real GL 3.3 context (SDL offscreen driver, Mesa llvmpipe):
 * the GPU's surface values match the CPU's; a drawn scene has the field's colour
 * scale, the path, the disc and the text where they belong; cache invalidation;
 * images drawn as nearest sampling gives them; the glyph atlas growing in the
 * middle of a frame;
 * impossible targets fail cleanly. Also times a 1920x1080 frame and writes the
 * scene to /tmp/gs-test-render.png for a person to look at. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <time.h>

#include "glapi.h"

#include "draw.h"
#include "media.h"
#include "glctx.h"
#include "render.h"
#include "scene.h"
#include "spec.h"
#include "view3d.h"

#define W 320
#define H 240

static void field_values(Renderer *r, const Surface *s)
{
    enum { FW = 64, FH = 48 };
    static float out[FW * FH];
    MapView v = {s->view[0], s->view[1], s->view[2], s->view[3]};
    CHECK_MSG(render_field_values(r, s, v, FW, FH, out) == 0, "%s", s->name);
    int bad = 0, compared = 0;
    double worst = 0.0;
    for (int j = 0; j < FH; j++) {
        double y = v.y1 - (j + 0.5) / FH * (v.y1 - v.y0);
        for (int i = 0; i < FW; i++) {
            double x = v.x0 + (i + 0.5) / FW * (v.x1 - v.x0);
            double f = surface_value(s, x, y);
            if (!isfinite(f))
                continue;
            compared++;
            double err = fabs((double)out[j * FW + i] - f) / fmax(1.0, fabs(f));
            if (err > worst)
                worst = err;
            if (err > 1e-4 && bad++ < 3)
                fprintf(stderr, "  %s at (%g, %g): gpu %.9g cpu %.9g\n", s->name, x, y, (double)out[j * FW + i], f);
        }
    }
    CHECK_MSG(bad == 0 && compared > FW * FH / 2, "%s: %d of %d values off, worst relative error %.3g",
              s->name, bad, compared, worst);
}

/* The 3D mesh's heights, as its vertex shader computes them from the generated GLSL,
 * are the core's: the colour scale's position t at each vertex, to float
 * precision (1e-4 of the box's height is a hundredth of a pixel at 1080p). */
static void mesh_heights(Renderer *r, const Surface *s)
{
    static float out[256 * 256];
    int n = 0;
    MapView v = {s->view[0], s->view[1], s->view[2], s->view[3]};
    CHECK_MSG(render_surface3d_heights(r, s, v, out, &n) == 0 && n > 16 && n <= 256, "%s", s->name);
    Box3D b;
    view3d_box(s, v, VIEW3D_HEIGHT, &b);
    int bad = 0, checked = 0;
    double worst = 0;
    for (int j = 0; j < n; j += 5)
        for (int i = 0; i < n; i += 5) {
            double x = v.x0 + (v.x1 - v.x0) * i / (n - 1), y = v.y0 + (v.y1 - v.y0) * j / (n - 1);
            double t = view3d_t(&b, surface_value(s, x, y));
            if (!isfinite(t))
                continue;
            double d = fabs(out[j * n + i] - t);
            worst = d > worst ? d : worst;
            bad += d > 1e-4;
            checked++;
        }
    CHECK_MSG(bad == 0 && checked > 400, "%s: %d of %d heights off, worst %g", s->name, bad, checked, worst);
}

static unsigned px(const unsigned char *img, int x, int y)
{
    const unsigned char *p = img + ((size_t)(H - 1 - y) * W + (size_t)x) * 4; /* rows bottom-up */
    return ((unsigned)p[0] << 16) | ((unsigned)p[1] << 8) | p[2];
}

static int close_rgb(unsigned a, unsigned b, int tol)
{
    for (int s = 0; s < 24; s += 8) {
        int d = (int)((a >> s) & 255) - (int)((b >> s) & 255);
        if (d > tol || d < -tol)
            return 0;
    }
    return 1;
}


static void save_png(const char *path, int w, int h, const unsigned char *img)
{
    char err[256];
    if (media_png_write(path, w, h, img, w * 4, 1, err, sizeof err) != 0)
        fprintf(stderr, "test_render: %s\n", err);
}

/* Direct drawing (render_set_direct: no field texture, no kept map) gives the
 * picture the caches give, to a level of rounding: a field cut by a clip, with a
 * path over it, and a second field beside it. (The fields are at even pixels: the
 * contour lines' anti-aliasing takes derivatives over 2x2 pixel blocks, which at an
 * odd place pair other pixels in the picture than in a texture.) */
static void direct_test(Renderer *r)
{
    Surface s;
    CHECK(surface_init_builtin(&s, surface_find("himmelblau")) == 0);
    MapView v = {-5.0, 5.0, -4.0, 4.0};
    enum { NP = 200 };
    static TrajPoint path[NP];
    for (int i = 0; i < NP; i++)
        path[i] = (TrajPoint){.x = -4.0 + 7.0 * i / (NP - 1), .y = 3.0 * sin(i * 0.05)};
    DrawList dl;
    CHECK(draw_init(&dl, 64, 1024) == 0);
    draw_clip(&dl, 20, 12, 250, 200);
    draw_field(&dl, 14, 8, 200, 150, &s, v);
    draw_path(&dl, 14, 8, 200, 150, v, path, NP, 1, 3.0f, 0x56B4E9FFu);
    draw_clip(&dl, 0, 0, -1, -1);
    draw_field(&dl, 230, 100, 80, 120, &s, v);
    draw_text(&dl, 240, 20, 14, 1, 0xFFFFFFFFu, "direct", -1);
    CHECK(dl.dropped == 0);
    static unsigned char kept[W * H * 4], direct[W * H * 4];
    CHECK(render_target_begin(r, W, H) == 0);
    render_draw(r, &dl, W, H, 0x000000FFu);
    CHECK(render_read_rgba(r, W, H, kept) == 0);
    render_set_direct(r, 1);
    render_draw(r, &dl, W, H, 0x000000FFu);
    CHECK(render_read_rgba(r, W, H, direct) == 0);
    render_set_direct(r, 0);
    render_target_end(r);
    int worst = 0, field_px = 0;
    for (int i = 0; i < W * H * 4; i++) {
        int d = abs(kept[i] - direct[i]);
        worst = d > worst ? d : worst;
    }
    for (int y = 0; y < H; y++) /* the clip holds: black left of x = 20 and above y = 12 */
        for (int x = 0; x < W; x++)
            if (px(direct, x, y) != 0) {
                field_px++;
                CHECK_MSG(x >= 20 && y >= 12, "direct: ink at (%d, %d) outside the clip", x, y);
            }
    CHECK_MSG(worst <= 1, "direct and cached pictures differ by up to %d", worst);
    CHECK(field_px > 200 * 150 / 2);
    draw_free(&dl);
}

/* Draws dl on a fresh renderer (a fresh glyph atlas) into a w x h picture. */
static void draw_alone(const DrawList *dl, int w, int h, unsigned char *out)
{
    Renderer *r = render_create();
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK(render_target_begin(r, w, h) == 0);
    render_draw(r, dl, w, h, 0x000000FFu);
    CHECK(render_read_rgba(r, w, h, out) == 0);
    render_target_end(r);
    render_destroy(r);
}

/* The glyph atlas grows when a frame's text needs more room than it has: every
 * printable ASCII glyph at seven sizes from 40 to 100 pixels takes about twice a
 * 1024-texel square. The text laid out before the growth (queued, then drawn from
 * the grown atlas) and the text laid out last both come out as they do alone. */
static void atlas_test(void)
{
    enum { AW = 1920, AH = 1080 };
    static const char *LABEL = "Adam lr=0.01, beta 0.9", *LAST = "Wg 0.5 {[]}";
    char ascii[96];
    for (int i = 0; i < 95; i++)
        ascii[i] = (char)(32 + i);
    ascii[95] = 0;
    DrawList all, label, last;
    CHECK(draw_init(&all, 64, 1024) == 0 && draw_init(&label, 4, 64) == 0 && draw_init(&last, 4, 64) == 0);
    draw_text(&all, 10, 4, 24, 0, 0xFFFFFFFFu, LABEL, -1);
    draw_text(&label, 10, 4, 24, 0, 0xFFFFFFFFu, LABEL, -1);
    float y = 40;
    for (int size = 40; size <= 100; size += 10, y += (float)size * 1.2f)
        for (int font = 0; font < 2; font++)
            draw_text(&all, 10.0f + 900.0f * (float)font, y, (float)size, font, 0xFFFFFFFFu, ascii, -1);
    draw_text(&all, 10, 940, 100, 1, 0xFFFFFFFFu, LAST, -1);
    draw_text(&last, 10, 940, 100, 1, 0xFFFFFFFFu, LAST, -1);
    unsigned char *pa = malloc((size_t)AW * AH * 4), *pl = calloc((size_t)AW * AH, 4),
                  *pz = calloc((size_t)AW * AH, 4);
    draw_alone(&all, AW, AH, pa);
    draw_alone(&label, AW, AH, pl);
    draw_alone(&last, AW, AH, pz);
    int ink_l = 0, ink_z = 0, diff_l = 0, diff_z = 0;
    for (int y0 = 0; y0 < AH; y0++)
        for (int x = 0; x < AW; x++) {
            size_t i = ((size_t)(AH - 1 - y0) * AW + (size_t)x) * 4; /* rows bottom-up */
            if (y0 < 36) {
                ink_l += pl[i] > 128;
                diff_l += abs(pa[i] - pl[i]) > 1;
            } else if (y0 >= 930) {
                ink_z += pz[i] > 128;
                diff_z += abs(pa[i] - pz[i]) > 1;
            }
        }
    CHECK_MSG(ink_l > 300 && ink_z > 3000, "the label has %d inked pixels, the last line %d", ink_l, ink_z);
    CHECK_MSG(diff_l == 0, "the label laid out before the atlas grew: %d pixels differ from it alone", diff_l);
    CHECK_MSG(diff_z == 0, "the line laid out last: %d pixels differ from it alone", diff_z);
    free(pa), free(pl), free(pz);
    draw_free(&all), draw_free(&label), draw_free(&last);
}

/* Images (the colour bar's ramp, the maps) come out as nearest sampling gives
 * them, computed here pixel by pixel: each pixel inside the rect, at fractional
 * edges too, takes the cell its centre falls in. */
static void image_test(Renderer *r)
{
    static unsigned cells[48 * 40];
    unsigned seed = 7;
    for (int i = 0; i < 48 * 40; i++)
        seed = seed * 1103515245u + 12345u, cells[i] = (seed & 0xFFFFFF00u) | 0xFFu;
    static const struct {
        float x, y, w, h;
        int iw, ih;
    } CASES[] = {{10.3f, 5.6f, 37.7f, 150.2f, 3, 40}, {1.0f, 2.0f, 16.0f, 230.0f, 1, 256},
                 {60.4f, 20.7f, 190.9f, 170.3f, 48, 40}};
    static unsigned char out[W * H * 4];
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        DrawList dl;
        CHECK(draw_init(&dl, 4, 64) == 0);
        draw_image(&dl, CASES[k].x, CASES[k].y, CASES[k].w, CASES[k].h, cells, CASES[k].iw, CASES[k].ih, 1, 1.0f);
        CHECK(render_target_begin(r, W, H) == 0);
        render_draw(r, &dl, W, H, 0x000000FFu);
        CHECK(render_read_rgba(r, W, H, out) == 0);
        render_target_end(r);
        int bad = 0, inside = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                double u = (x + 0.5 - CASES[k].x) / CASES[k].w, v = (y + 0.5 - CASES[k].y) / CASES[k].h;
                unsigned want = 0;
                if (u >= 0 && u < 1 && v >= 0 && v < 1) {
                    inside++;
                    want = cells[(int)(v * CASES[k].ih) * CASES[k].iw + (int)(u * CASES[k].iw)] >> 8;
                }
                if (!close_rgb(px(out, x, y), want, 1) && bad++ < 3)
                    fprintf(stderr, "  image %zu: (%d, %d) is %06x, not %06x\n", k, x, y, px(out, x, y), want);
            }
        CHECK_MSG(bad == 0 && inside > 1000, "image %zu (%dx%d cells): %d of %d pixels off", k, CASES[k].iw,
                  CASES[k].ih, bad, inside);
        draw_free(&dl);
    }
}

/* The mean absolute difference per channel of two w x h RGBA pictures. */
static double mean_diff(const unsigned char *a, const unsigned char *b, int w, int h)
{
    double sum = 0;
    for (int i = 0; i < w * h * 4; i++)
        sum += i % 4 == 3 ? 0 : abs(a[i] - b[i]);
    return sum / (w * h * 3.0);
}

/* The 3D picture while the camera turns (drawn at half size and scaled up) is the
 * still picture, blurred: not flipped, not shifted, not missing its path; and a
 * path's point projected the same way either way. */
static void turning_test(Renderer *r)
{
    enum { TW = W, TH = H }; /* px() reads W x H pictures */
    Surface s;
    CHECK(surface_init_builtin(&s, surface_find("himmelblau")) == 0);
    MapView v = {-5.0, 5.0, -5.0, 5.0};
    enum { NP = 300 };
    static TrajPoint path[NP];
    for (int i = 0; i < NP; i++) { /* a spiral into the minimum at (3, 2) */
        double a = i * 0.08, rr = 3.0 * (1.0 - (double)i / NP);
        path[i].x = 3.0 + rr * cos(a), path[i].y = 2.0 + rr * sin(a);
        path[i].loss = surface_value(&s, path[i].x, path[i].y);
    }
    static unsigned char pic[3][TW * TH * 4];
    Camera3D cam = view3d_camera_default();
    DrawList dl;
    CHECK(draw_init(&dl, 16, 64) == 0);
    CHECK(render_target_begin(r, TW, TH) == 0);
    for (int f = 0; f < 3; f++) { /* still at A; turned to B (turning); still at B */
        if (f == 1)
            cam.azimuth += 7.0f;
        draw_clear(&dl);
        draw_surface3d(&dl, 0, 0, TW, TH, &s, v, cam, 1.0f);
        draw_path3d(&dl, path, NP, 1, 4.0f, 0xE69F00FFu);
        draw_end3d(&dl);
        render_draw(r, &dl, TW, TH, 0x000000FFu);
        CHECK(render_read_rgba(r, TW, TH, pic[f]) == 0);
    }
    render_target_end(r);
    draw_free(&dl);
    double mean = mean_diff(pic[1], pic[2], TW, TH);
    CHECK_MSG(mean < 6.0, "the turning picture differs from the still one by %.1f on average", mean);
    /* a flipped or shifted picture differs far more: the check can tell */
    static unsigned char flipped[TW * TH * 4];
    for (int y = 0; y < TH; y++)
        memcpy(flipped + (size_t)y * TW * 4, pic[2] + (size_t)(TH - 1 - y) * TW * 4, TW * 4);
    double mean_flipped = mean_diff(flipped, pic[2], TW, TH);
    CHECK_MSG(mean_flipped > 3 * mean, "a flipped picture differs by %.1f only", mean_flipped);
    /* the path shows while turning: its orange in about the same amount */
    int orange[2] = {0, 0};
    for (int f = 1; f < 3; f++)
        for (int i = 0; i < TW * TH; i++)
            orange[f - 1] += close_rgb(px(pic[f], i % TW, i / TW), 0xE69F00u, 40);
    CHECK_MSG(orange[0] > orange[1] / 2 && orange[1] > 100, "path pixels: %d turning, %d still", orange[0], orange[1]);
}

static void scene_test(Renderer *r)
{
    Surface s;
    CHECK(surface_init_builtin(&s, surface_find("rosenbrock")) == 0);
    /* 1/80 world units per pixel, placed so the minimum (1, 1) is the centre of
     * pixel (240, 120) */
    const double d = 0.0125;
    MapView v = {1.0 - 240.5 * d, 1.0 - 240.5 * d + W * d, 1.0 + 120.5 * d - H * d, 1.0 + 120.5 * d};
    CHECK(fabs(map_px_x(v, 0, W, 1.0) - 240.5f) < 1e-3 && fabs(map_px_y(v, 0, H, 1.0) - 120.5f) < 1e-3);

    enum { NP = 400 };
    static TrajPoint path[NP];
    for (int i = 0; i < NP; i++) /* a straight diagonal, well away from the minimum */
        path[i] = (TrajPoint){.x = -1.6 + 1.2 * i / (NP - 1), .y = 2.3 - 1.2 * i / (NP - 1)};

    DrawList dl;
    CHECK(draw_init(&dl, 64, 1024) == 0);
    draw_field(&dl, 0, 0, W, H, &s, v);
    draw_path(&dl, 0, 0, W, H, v, path, NP, 1, 3.0f, 0xE69F00FFu);
    draw_circle(&dl, 280, 40, 9, 0xD55E00FFu, 2, 0xFFFFFFFFu);
    draw_rect(&dl, 4, 200, 190, 34, 6, 0x1E1E24FFu);
    const char *label = "Rosenbrock \xce\xb1\xe2\x82\x81 \xe2\x88\x87" "f \xe2\x89\xa4 \xc2\xbd";
    const float tx = 14, ty = 208, ts = 16;
    draw_text(&dl, tx, ty, ts, 0, 0xFFFFFFFFu, label, -1);
    CHECK(dl.dropped == 0);

    static unsigned char img[W * H * 4];
    CHECK(render_target_begin(r, W, H) == 0);
    render_draw(r, &dl, W, H, 0x000000FFu);
    CHECK(render_read_rgba(r, W, H, img) == 0);
    save_png("/tmp/gs-test-render.png", W, H, img);

    /* the minimum has the colour scale's low end */
    unsigned lo = render_colormap(0.0f);
    CHECK_MSG(close_rgb(px(img, 240, 120), lo, 6), "pixel at the minimum %06x, colormap low end %06x",
              px(img, 240, 120), lo);
    CHECK(close_rgb(lo, 0x440154u, 1)); /* viridis */
    CHECK(!close_rgb(px(img, 310, 230), lo, 40)); /* and a high corner does not */
    /* the path colour along the path */
    for (int k = 1; k < 8; k++) {
        const TrajPoint *p = &path[k * (NP - 1) / 8];
        int x = (int)map_px_x(v, 0, W, p->x), y = (int)map_px_y(v, 0, H, p->y);
        CHECK_MSG(close_rgb(px(img, x, y), 0xE69F00u, 8), "path pixel (%d, %d) is %06x", x, y, px(img, x, y));
    }
    /* the disc's fill at its centre, its outline at the rim */
    CHECK_MSG(close_rgb(px(img, 280, 40), 0xD55E00u, 4), "disc centre %06x", px(img, 280, 40));
    CHECK_MSG(close_rgb(px(img, 280, 32), 0xFFFFFFu, 40), "disc outline %06x", px(img, 280, 32));
    /* text: ink inside its measured box, none outside it on the panel */
    float tw = render_text_width(r, 0, ts, label, -1), th = render_text_height(r, 0, ts);
    CHECK(tw > 60 && tw < 180 && th >= 16 && th < 24);
    int inside = 0, outside = 0;
    for (int y = 206; y < 232; y++)
        for (int x = 8; x < 190; x++) {
            if (px(img, x, y) == 0x1E1E24u)
                continue;
            int in = x >= (int)tx - 1 && x <= (int)(tx + tw) + 1 && y >= (int)ty - 1 && y <= (int)(ty + th) + 1;
            inside += in;
            outside += !in;
        }
    CHECK_MSG(inside > 150 && outside == 0, "text pixels: %d inside its box, %d outside", inside, outside);
    CHECK(render_text_width(r, 0, ts, "", -1) == 0.0f);
    CHECK(render_text_width(r, 1, ts, "MMM", -1) > render_text_width(r, 0, ts, "iii", -1));

    /* a parameter change re-renders the cached field; the same key twice (grid
     * panels) shows the same field */
    unsigned before = px(img, 60, 60);
    surface_set_param(&s, 1, 10.0);
    draw_clear(&dl);
    draw_field(&dl, 0, 0, W / 2, H, &s, v);
    draw_field(&dl, W / 2, 0, W / 2, H, &s, v);
    CHECK(dl.dropped == 0);
    render_draw(r, &dl, W, H, 0x000000FFu);
    CHECK(render_read_rgba(r, W, H, img) == 0);
    CHECK_MSG(px(img, 60, 60) != before, "field not re-rendered after a parameter change");
    CHECK(px(img, 60, 60) == px(img, 60 + W / 2, 60) && px(img, 100, 200) == px(img, 100 + W / 2, 200));
    render_target_end(r);
    draw_free(&dl);
}

/* A screenshot-like frame: the surface's default runs over the field, a legend,
 * a side panel of widgets. Returns the median render_draw time in ms. */
static double showcase(Renderer *r, int w, int h, int steps, int ui_rows, const char *png)
{
    Scene sc;
    Surface s;
    CHECK(surface_init_builtin(&s, surface_find("rosenbrock")) == 0);
    CHECK(scene_init(&sc, &s) == 0);
    CHECK(spec_add_default_runs(&sc) == 0 || sc.n_runs > 0);
    CHECK(scene_set_steps(&sc, steps) == 0);
    scene_simulate(&sc);

    DrawList dl;
    CHECK(draw_init(&dl, 4096, 65536) == 0);
    const float panel = (float)w * 0.24f;
    MapView v = map_fit((MapView){s.view[0], s.view[1], s.view[2], s.view[3]}, (float)w - panel, (float)h);
    draw_field(&dl, panel, 0, (float)w - panel, (float)h, &sc.surface, v);
    for (int i = 0; i < sc.n_runs; i++)
        draw_path(&dl, panel, 0, (float)w - panel, (float)h, v, sc.run[i].traj, sc.run[i].n, sc.run[i].version, 2.5f,
                  (scene_palette(sc.run[i].colour) << 8) | 0xFFu);
    for (int i = 0; i < sc.n_runs; i++) {
        const TrajPoint *p = &sc.run[i].traj[sc.run[i].n - 1];
        draw_circle(&dl, map_px_x(v, panel, (float)w - panel, p->x), map_px_y(v, 0, (float)h, p->y), 6,
                    (scene_palette(sc.run[i].colour) << 8) | 0xFFu, 1.5f, 0x000000C0u);
    }
    draw_circle(&dl, map_px_x(v, panel, (float)w - panel, 1.0), map_px_y(v, 0, (float)h, 1.0), 5, 0xFFFFFFFFu,
                1.5f, 0x000000FFu);
    /* legend */
    float lx = (float)w - 210, ly = 16;
    draw_rect(&dl, lx, ly, 194, 24.0f * (float)sc.n_runs + 14, 8, 0x14141CD0u);
    for (int i = 0; i < sc.n_runs; i++) {
        float y = ly + 10 + 24.0f * (float)i;
        draw_line(&dl, lx + 12, y + 9, lx + 34, y + 9, 3, (scene_palette(sc.run[i].colour) << 8) | 0xFFu);
        draw_text(&dl, lx + 42, y, 14, 0, 0xF0F0F0FFu, sc.run[i].label, -1);
    }
    /* side panel */
    draw_rect(&dl, 0, 0, panel, (float)h, 0, 0x1B1D23FFu);
    draw_line(&dl, panel - 0.5f, 0, panel - 0.5f, (float)h, 1, 0x3A3D46FFu);
    draw_text(&dl, 16, 14, 20, 1, 0xFFFFFFFFu, "Rosenbrock", -1);
    draw_text(&dl, 16, 42, 14, 0, 0xB0B4C0FFu, surface_display(&sc.surface), -1);
    for (int i = 0; i < ui_rows; i++) {
        float y = 80 + 34.0f * (float)i;
        if (y + 30 > (float)h)
            break;
        char buf[64];
        snprintf(buf, sizeof buf, "\xce\xb2\xe2\x82\x81 = %.3f  lr %d", 0.9 + 0.001 * i, i);
        draw_text(&dl, 16, y, 13, 0, 0xD8DCE6FFu, buf, -1);
        draw_rect(&dl, 16, y + 20, panel - 32, 6, 3, 0x2E323CFFu);
        draw_rect(&dl, 16, y + 20, (panel - 32) * (0.2f + 0.03f * (float)(i % 20)), 6, 3, 0x4C8DFFFFu);
        draw_circle(&dl, 16 + (panel - 32) * (0.2f + 0.03f * (float)(i % 20)), y + 23, 7, 0xFFFFFFFFu, 1, 0x00000060u);
        draw_frame(&dl, 10, y - 4, panel - 20, 32, 1, 0xFFFFFF14u);
    }
    draw_clip(&dl, 0, 0, panel, (float)h);
    draw_text(&dl, 16, (float)h - 26, 12, 0, 0x8C90A0FFu, "\xe2\x96\xb6 play   \xe2\x8f\xb8 pause   step 2000 / 2000", -1);
    draw_no_clip(&dl);
    CHECK(dl.dropped == 0);

    unsigned char *img = malloc((size_t)w * (size_t)h * 4);
    double t[32];
    int frames = 0;
    CHECK(img != NULL);
    if (img && render_target_begin(r, w, h) == 0) {
        for (frames = 0; frames < (png ? 1 : 25); frames++) {
            struct timespec a, b;
            clock_gettime(CLOCK_MONOTONIC, &a);
            render_draw(r, &dl, w, h, 0x101014FFu);
            glFinish();
            clock_gettime(CLOCK_MONOTONIC, &b);
            t[frames] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) * 1e-6;
        }
        if (png) {
            CHECK(render_read_rgba(r, w, h, img) == 0);
            save_png(png, w, h, img);
        }
        render_target_end(r);
    }
    int n_runs = sc.n_runs;
    free(img);
    draw_free(&dl);
    scene_free(&sc);
    /* median, the first frame (field render, glyph rasterization) excluded */
    double med = 0;
    if (frames > 2) {
        for (int i = 1; i < frames; i++)
            for (int j = i + 1; j < frames; j++)
                if (t[j] < t[i]) {
                    double x = t[i];
                    t[i] = t[j], t[j] = x;
                }
        med = t[1 + (frames - 1) / 2];
        printf("render_draw %dx%d, %d runs x %d steps, %d UI rows: first frame %.2f ms, median %.2f ms\n", w, h,
               n_runs, steps, ui_rows, t[0], med);
    }
    return med;
}

int main(void)
{
    GlContext gl;
    char err[256];
    if (glctx_create(&gl, "test_render", 64, 64, 1, err, (int)sizeof err) != 0) {
        fprintf(stderr, "test_render: %s\n", err);
        return 1;
    }
    Renderer *r = render_create();
    CHECK(r != NULL);
    if (!r) {
        glctx_destroy(&gl);
        return check_done("test_render");
    }

    /* 1: the GPU's values are the CPU's (to float precision) */
    for (int i = 0; i < surface_count(); i++) {
        Surface s;
        CHECK(surface_init_builtin(&s, i) == 0);
        field_values(r, &s);
    }
    static const char *EXPRS[] = {"sin(x)*cos(y) + 0.1*x^2 - exp(-y^2)", "log(1 + x^2 + 3*y^2) + sqrt(abs(x*y))/2"};
    for (int i = 0; i < 2; i++) {
        Surface s;
        ExprError e;
        CHECK(surface_init_expr(&s, EXPRS[i], &e) == 0);
        field_values(r, &s);
    }

    /* 1b: the 3D mesh's heights are the core's */
    for (int i = 0; i < surface_count(); i++) {
        Surface s;
        CHECK(surface_init_builtin(&s, i) == 0);
        mesh_heights(r, &s);
    }
    for (int i = 0; i < 2; i++) {
        Surface s;
        ExprError e;
        CHECK(surface_init_expr(&s, EXPRS[i], &e) == 0);
        mesh_heights(r, &s);
    }

    /* 2: a drawn scene */
    scene_test(r);

    /* 2a: the 3D picture while the camera turns */
    turning_test(r);

    /* 2b: a single picture drawn directly is the picture drawn through the caches */
    direct_test(r);

    /* 2c: images, sampled nearest */
    image_test(r);

    /* 2d: the glyph atlas grows as the text needs */
    atlas_test();

    /* 3: impossible targets fail cleanly, and the renderer still works after */
    CHECK(render_target_begin(r, 100000, 10) == -1);
    CHECK(render_target_begin(r, 0, 10) == -1);
    CHECK(render_target_begin(r, 16, 16) == 0);
    render_target_end(r);

    showcase(r, 1280, 800, 2000, 12, "/tmp/gs-test-render-showcase.png");
    double ms = showcase(r, 1920, 1080, 10000, 30, NULL);
    CHECK(ms > 0);

    render_destroy(r);
    glctx_destroy(&gl);
    return check_done("test_render");
}
