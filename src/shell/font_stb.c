/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* font_stb: the glyph rasterizer of the browser build, stb_truetype (Debian's
 * libstb-dev) over the embedded fonts. SDL2_ttf needs FreeType, which Debian does
 * not ship for WebAssembly; stb_truetype is one header. Sizes and metrics follow
 * SDL2_ttf's (px pixels per em, ascent and descent rounded as FreeType does), so a
 * layout fits the same in both builds. */
#include "font_face.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <stb_truetype.h>

extern const unsigned char gs_res_DejaVuSans_ttf[];
extern const unsigned char gs_res_DejaVuSans_Bold_ttf[];
/* the fallback: the characters of the catalogs the UI font lacks (scripts/cjk_subset.py) */
extern const unsigned char gs_res_CJKSubset_ttf[];

struct FontFace {
    stbtt_fontinfo info;
    float scale;
};

FontFace *face_open(int font, int px, char *err, size_t cap)
{
    /* no bold for the fallback: its regular serves both */
    const unsigned char *data = font >= FACE_CJK ? gs_res_CJKSubset_ttf
                                : font           ? gs_res_DejaVuSans_Bold_ttf
                                                 : gs_res_DejaVuSans_ttf;
    FontFace *fc = calloc(1, sizeof *fc);
    if (!fc) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    if (!stbtt_InitFont(&fc->info, data, stbtt_GetFontOffsetForIndex(data, 0))) {
        snprintf(err, cap, "the embedded font is not a TrueType font");
        free(fc);
        return NULL;
    }
    fc->scale = stbtt_ScaleForMappingEmToPixels(&fc->info, (float)px);
    return fc;
}

void face_close(FontFace *fc) { free(fc); }

void face_vmetrics(FontFace *fc, int *ascent, int *descent)
{
    int a = 0, d = 0, gap = 0;
    stbtt_GetFontVMetrics(&fc->info, &a, &d, &gap);
    *ascent = (int)ceilf((float)a * fc->scale);
    *descent = -(int)ceilf((float)d * fc->scale);
}

int face_has(FontFace *fc, uint32_t cp) { return stbtt_FindGlyphIndex(&fc->info, (int)cp) != 0; }

int face_advance(FontFace *fc, uint32_t cp)
{
    int adv = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(&fc->info, (int)cp, &adv, &lsb);
    return (int)lroundf((float)adv * fc->scale);
}

int face_kern(FontFace *fc, uint32_t prev, uint32_t cp)
{
    return (int)lroundf((float)stbtt_GetCodepointKernAdvance(&fc->info, (int)prev, (int)cp) * fc->scale);
}

unsigned char *face_render(FontFace *fc, uint32_t cp, int *w, int *h, int *ox, int *oy)
{
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0, ascent = 0, descent = 0;
    stbtt_GetCodepointBitmapBox(&fc->info, (int)cp, fc->scale, fc->scale, &x0, &y0, &x1, &y1);
    *w = x1 - x0, *h = y1 - y0;
    if (*w <= 0 || *h <= 0)
        return NULL;
    unsigned char *a = malloc((size_t)*w * (size_t)*h);
    if (!a)
        return NULL;
    stbtt_MakeCodepointBitmap(&fc->info, a, *w, *h, *w, fc->scale, fc->scale, (int)cp);
    face_vmetrics(fc, &ascent, &descent);
    *ox = x0;
    *oy = ascent + y0; /* y0 is from the baseline, up negative */
    return a;
}
