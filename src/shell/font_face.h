/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* font_face: a rasterizer's face at one integer pixel size, behind font.c's atlas
 * and layout. Two implement it: font_ttf.c (SDL2_ttf, the desktop) and
 * font_stb.c (stb_truetype, the browser build, where SDL2_ttf is not built).
 *
 * Coordinates are whole pixels: a glyph's ink box is given relative to the pen's
 * x and the line's top (the baseline is `ascent` below the top). */
#ifndef GS_FONT_FACE_H
#define GS_FONT_FACE_H

#include <stddef.h>
#include <stdint.h>

typedef struct FontFace FontFace;

/* Opens font 0 (regular) or 1 (bold) of the embedded fonts at px pixels per em,
 * or FACE_CJK + 0 or 1: the fallback for Chinese, Japanese and Korean (the
 * system's on the desktop, found through fontconfig; an embedded subset in the
 * browser). Returns NULL with a reason in err. */
#define FACE_CJK 2
FontFace *face_open(int font, int px, char *err, size_t cap);
void face_close(FontFace *fc);

/* The line's ascent and descent (descent >= 0). */
void face_vmetrics(FontFace *fc, int *ascent, int *descent);

/* Whether the face has a glyph for cp. */
int face_has(FontFace *fc, uint32_t cp);

/* The pen's advance after cp. */
int face_advance(FontFace *fc, uint32_t cp);

/* The kerning between two codepoints drawn one after the other. */
int face_kern(FontFace *fc, uint32_t prev, uint32_t cp);

/* cp's coverage (0..255), w*h bytes the caller frees, tight around the ink, with
 * its top left at (ox, oy) from (pen, line top). NULL when cp has no ink. */
unsigned char *face_render(FontFace *fc, uint32_t cp, int *w, int *h, int *ox, int *oy);

#endif
