/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* font: text with SDL2_ttf from the fonts embedded in the binary (DejaVu Sans regular
 * and bold). One face per (font, integer pixel size), opened on first use; glyph
 * metrics come from the font alone (measuring never touches GL), bitmaps are
 * rendered once per glyph into one shared R8 atlas texture.
 *
 * Invariants: a glyph's atlas place never moves once given, so quads already laid
 * out stay valid for the frame; a codepoint the font lacks is drawn as '?'. */
#ifndef GS_FONT_H
#define GS_FONT_H

#include "glapi.h"

typedef struct Fonts Fonts;

/* A glyph's screen rectangle and atlas coordinates. */
typedef struct GlyphQuad {
    float x0, y0, x1, y1;
    float u0, v0, u1, v1;
} GlyphQuad;

/* Needs a current GL context (for the atlas). Returns NULL with a message. */
Fonts *font_create(void);
void font_destroy(Fonts *f);

float font_text_width(Fonts *f, int font, float size, const char *s, int len);
float font_ascent(Fonts *f, int font, float size);
float font_height(Fonts *f, int font, float size); /* ascent + descent */

/* Lays out s[0..len) with its top left at (x, y), baseline at y + ascent; writes at
 * most cap quads (glyphs without ink, like spaces, write none). Returns the number
 * written. */
int font_layout(Fonts *f, int font, float size, float x, float y, const char *s, int len,
                GlyphQuad *out, int cap);

/* The atlas texture (GL_R8, coverage in red), and the centre of its one white
 * texel (for shapes drawn with the same program). */
GLuint font_atlas(const Fonts *f);
void font_white_uv(float *u, float *v);

#endif
