/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* font: faces per (font, pixel size) from a rasterizer (font_face.h) and one
 * shared glyph atlas. A glyph the UI font lacks comes from the fallback face
 * (Chinese, Japanese, Korean: FACE_CJK), opened the first time a face needs it,
 * its baseline on the UI font's. */
#include "font.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "font_face.h"
#include "gl.h"
#include "log.h"

#define FONT_MAX_FACES 32
#define FONT_EXTRA 2048    /* non-ASCII glyphs remembered per face (a power of 2) */
#define FONT_MIN_PX 4
#define FONT_MAX_PX 256
#define ATLAS_FIRST 512 /* the glyph atlas's first side: a picture's text fits */
#define ATLAS_MAX 4096  /* the side it doubles up to when full (or the GL's limit) */

enum { GLYPH_EMPTY, GLYPH_METRICS, GLYPH_READY };

typedef struct Glyph {
    uint32_t cp;        /* the codepoint asked for */
    uint32_t use;        /* the codepoint drawn ('?' when no face has cp) */
    int state;
    int alt;             /* drawn from the fallback face */
    int adv;
    int ox, oy, w, h;   /* ink box relative to (pen x, line top) */
    int ax, ay;         /* ink box in the atlas */
} Glyph;

typedef struct Face {
    int font, px;
    FontFace *ttf;
    FontFace *alt;       /* the fallback face, NULL until needed or when there is none */
    int alt_tried;
    int alt_shift;       /* down from the fallback's line top to the UI font's baseline */
    int ascent, descent; /* descent >= 0 */
    Glyph ascii[95];
    Glyph extra[FONT_EXTRA]; /* open addressing on cp; cp 0: free */
    int n_extra;
} Face;

struct Fonts {
    Face face[FONT_MAX_FACES];
    int n_faces;
    GLuint atlas;
    int atlas_size;
    int shelf_x, shelf_y, shelf_h;
    int warned_full, warned_faces;
};

/* A side x side atlas texture bound to unit 0: zero coverage, but for the white
 * texel (0, 0) shapes read. Returns its name, or 0. */
static GLuint atlas_texture(int side)
{
    unsigned char *zero = calloc(1, (size_t)side * (size_t)side);
    if (!zero)
        return 0;
    zero[0] = 255;
    GLuint t = 0;
    gl_drain_errors();
    glGenTextures(1, &t);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, t);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, side, side, 0, GL_RED, GL_UNSIGNED_BYTE, zero);
    free(zero);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &t);
        return 0;
    }
    return t;
}

/* The atlas at twice its side, its glyphs copied where they were (coordinates are
 * in texels: what was laid out before stays right), bound to unit 0. Returns 0, or
 * -1 when it is as large as it may be. */
static int atlas_grow(Fonts *f)
{
    GLint max = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max);
    int side = f->atlas_size * 2;
    if (side > ATLAS_MAX || side > max)
        return -1;
    GLint read_fb = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fb);
    GLuint fb = 0, old = f->atlas, t = atlas_texture(side); /* bound */
    if (!t)
        return -1;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb);
    glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, old, 0);
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 0, 0, f->atlas_size, f->atlas_size);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, (GLuint)read_fb);
    glDeleteFramebuffers(1, &fb);
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &t);
        glBindTexture(GL_TEXTURE_2D, old);
        return -1;
    }
    glDeleteTextures(1, &old);
    f->atlas = t;
    f->atlas_size = side;
    return 0;
}

Fonts *font_create(void)
{
    Fonts *f = calloc(1, sizeof *f);
    if (!f) {
        gs_log("out of memory for fonts");
        return NULL;
    }
    f->atlas = atlas_texture(ATLAS_FIRST);
    if (!f->atlas) {
        gs_log("cannot create the %dx%d glyph atlas texture", ATLAS_FIRST, ATLAS_FIRST);
        font_destroy(f);
        return NULL;
    }
    f->atlas_size = ATLAS_FIRST;
    f->shelf_x = f->shelf_y = 1;
    return f;
}

void font_destroy(Fonts *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->n_faces; i++) {
        if (f->face[i].ttf)
            face_close(f->face[i].ttf);
        if (f->face[i].alt)
            face_close(f->face[i].alt);
    }
    if (f->atlas)
        glDeleteTextures(1, &f->atlas);
    free(f);
}

GLuint font_atlas(const Fonts *f) { return f->atlas; }

/* in texels, as every atlas coordinate: the shader divides by the atlas's size */
void font_white_uv(float *u, float *v) { *u = *v = 0.5f; }

static Face *face_get(Fonts *f, int font, float size)
{
    font = font ? 1 : 0;
    int px = (int)lroundf(size);
    if (!(size == size)) /* NaN */
        px = 12;
    px = px < FONT_MIN_PX ? FONT_MIN_PX : px > FONT_MAX_PX ? FONT_MAX_PX : px;
    Face *best = NULL;
    for (int i = 0; i < f->n_faces; i++) {
        Face *fc = &f->face[i];
        if (fc->font == font && fc->px == px)
            return fc;
        if (fc->font == font && (!best || abs(fc->px - px) < abs(best->px - px)))
            best = fc;
    }
    if (f->n_faces == FONT_MAX_FACES) {
        if (!f->warned_faces)
            gs_log("more than %d font sizes in use; reusing the nearest", FONT_MAX_FACES);
        f->warned_faces = 1;
        return best ? best : &f->face[0];
    }
    char err[256];
    FontFace *ttf = face_open(font, px, err, sizeof err);
    if (!ttf) {
        gs_log("cannot open the embedded font at %d px: %s", px, err);
        return best; /* may be NULL: the caller draws nothing */
    }
    Face *fc = &f->face[f->n_faces++];
    memset(fc, 0, sizeof *fc);
    fc->font = font;
    fc->px = px;
    fc->ttf = ttf;
    face_vmetrics(ttf, &fc->ascent, &fc->descent);
    return fc;
}

/* The fallback face of fc, opened at the first glyph the UI font lacks. */
static FontFace *face_alt(Face *fc)
{
    if (!fc->alt_tried) {
        fc->alt_tried = 1;
        char err[256];
        fc->alt = face_open(FACE_CJK + fc->font, fc->px, err, sizeof err);
        if (!fc->alt) {
            gs_log("no font for Chinese, Japanese or Korean text (%s): such glyphs show as '?'", err);
        } else {
            int a, d;
            face_vmetrics(fc->alt, &a, &d);
            fc->alt_shift = fc->ascent - a;
        }
    }
    return fc->alt;
}

/* The glyph record of cp with its metrics resolved. */
static Glyph *glyph_get(Face *fc, uint32_t cp)
{
    Glyph *g;
    if (cp >= 32 && cp < 127) {
        g = &fc->ascii[cp - 32];
    } else {
        uint32_t key = cp ? cp : 0xFFFD;
        unsigned h = (key * 2654435761u) & (FONT_EXTRA - 1);
        g = NULL;
        for (int probe = 0; probe < FONT_EXTRA; probe++, h = (h + 1) & (FONT_EXTRA - 1)) {
            Glyph *e = &fc->extra[h];
            if (e->cp == key) {
                g = e;
                break;
            }
            if (e->cp == 0) {
                /* kept three quarters full at most, so that a miss ends soon */
                if (fc->n_extra < FONT_EXTRA / 4 * 3) {
                    g = e;
                    memset(g, 0, sizeof *g);
                    g->cp = key;
                    fc->n_extra++;
                }
                break;
            }
        }
        if (!g) {
            key = '?'; /* too many distinct glyphs for this face */
            g = &fc->ascii['?' - 32];
        }
        cp = key;
    }
    if (g->state == GLYPH_EMPTY) {
        g->cp = cp;
        g->use = cp;
        g->alt = 0;
        if (!face_has(fc->ttf, cp)) {
            FontFace *alt = face_alt(fc);
            if (alt && face_has(alt, cp))
                g->alt = 1;
            else
                g->use = '?';
        }
        g->adv = face_advance(g->alt ? fc->alt : fc->ttf, g->use);
        g->state = GLYPH_METRICS;
    }
    return g;
}

/* The kerning between two glyphs drawn one after the other: the UI font's, none
 * across faces or into the fallback (whose ideographs are fixed-pitch). */
static int glyph_kern(Face *fc, const Glyph *prev, const Glyph *g)
{
    return prev && !prev->alt && !g->alt ? face_kern(fc->ttf, prev->use, g->use) : 0;
}

/* Renders the glyph's bitmap into the atlas (once). */
static void glyph_rasterize(Fonts *f, Face *fc, Glyph *g)
{
    g->state = GLYPH_READY;
    g->w = g->h = 0;
    int w = 0, h = 0, ox = 0, oy = 0;
    unsigned char *a = face_render(g->alt ? fc->alt : fc->ttf, g->use, &w, &h, &ox, &oy);
    if (!a)
        return; /* e.g. a space: no ink */
    if (g->alt)
        oy += fc->alt_shift;
    for (;;) {
        if (f->shelf_x + w + 1 > f->atlas_size) {
            f->shelf_x = 1;
            f->shelf_y += f->shelf_h + 1;
            f->shelf_h = 0;
        }
        /* when the atlas grows, the shelf goes on to its new right edge, and the next
         * one starts below */
        if ((f->shelf_y + h + 1 <= f->atlas_size && w + 2 <= f->atlas_size) || atlas_grow(f) != 0)
            break;
    }
    if (f->shelf_y + h + 1 > f->atlas_size || w + 2 > f->atlas_size) {
        if (!f->warned_full)
            gs_log("the glyph atlas is full; some glyphs are not drawn");
        f->warned_full = 1;
        free(a);
        return;
    }
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, f->atlas);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, f->shelf_x, f->shelf_y, w, h, GL_RED, GL_UNSIGNED_BYTE, a);
    free(a);
    g->ax = f->shelf_x, g->ay = f->shelf_y;
    g->w = w, g->h = h;
    g->ox = ox, g->oy = oy;
    f->shelf_x += w + 1;
    f->shelf_h = h > f->shelf_h ? h : f->shelf_h;
}

/* Decodes one UTF-8 sequence at s[*i..len); invalid bytes give '?'. */
static uint32_t utf8_next(const char *s, int len, int *i)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[*i];
    int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n == 0) {
        (*i)++;
        return c;
    }
    if (n < 0 || *i + n >= len) {
        (*i)++;
        return '?';
    }
    uint32_t cp = n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= n; k++) {
        unsigned cc = u[*i + k];
        if ((cc & 0xC0) != 0x80) {
            (*i)++;
            return '?';
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    *i += n + 1;
    return cp;
}

static int text_len(const char *s, int len) { return len < 0 ? (int)strlen(s) : len; }

float font_text_width(Fonts *f, int font, float size, const char *s, int len)
{
    Face *fc = face_get(f, font, size);
    if (!fc || !s)
        return 0.0f;
    len = text_len(s, len);
    int w = 0;
    const Glyph *prev = NULL;
    for (int i = 0; i < len;) {
        Glyph *g = glyph_get(fc, utf8_next(s, len, &i));
        w += glyph_kern(fc, prev, g) + g->adv;
        prev = g;
    }
    return (float)w;
}

float font_ascent(Fonts *f, int font, float size)
{
    Face *fc = face_get(f, font, size);
    return fc ? (float)fc->ascent : 0.0f;
}

float font_height(Fonts *f, int font, float size)
{
    Face *fc = face_get(f, font, size);
    return fc ? (float)(fc->ascent + fc->descent) : 0.0f;
}

int font_layout(Fonts *f, int font, float size, float x, float y, const char *s, int len,
                GlyphQuad *out, int cap)
{
    Face *fc = face_get(f, font, size);
    if (!fc || !s)
        return 0;
    len = text_len(s, len);
    int pen = (int)lroundf(x), top = (int)lroundf(y), n = 0;
    const Glyph *prev = NULL;
    for (int i = 0; i < len && n < cap;) {
        Glyph *g = glyph_get(fc, utf8_next(s, len, &i));
        pen += glyph_kern(fc, prev, g);
        if (g->state != GLYPH_READY)
            glyph_rasterize(f, fc, g);
        if (g->w > 0) {
            GlyphQuad *q = &out[n++];
            q->x0 = (float)(pen + g->ox), q->y0 = (float)(top + g->oy);
            q->x1 = q->x0 + (float)g->w, q->y1 = q->y0 + (float)g->h;
            q->u0 = (float)g->ax, q->v0 = (float)g->ay; /* in texels */
            q->u1 = (float)(g->ax + g->w), q->v1 = (float)(g->ay + g->h);
        }
        pen += g->adv;
        prev = g;
    }
    return n;
}
