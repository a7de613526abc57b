/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* font_ttf: the glyph rasterizer of the desktop build, SDL2_ttf (FreeType) over
 * the fonts embedded in the binary, and the system's font for Chinese, Japanese
 * and Korean as the fallback (fontconfig's choice for zh-cn that has the
 * ideographs: Debian's fonts-wqy-microhei or fonts-noto-cjk). GS_CJK_FONT names
 * another file. */
#include "font_face.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <fontconfig/fontconfig.h>

extern const unsigned char gs_res_DejaVuSans_ttf[];
extern const size_t gs_res_DejaVuSans_ttf_len;
extern const unsigned char gs_res_DejaVuSans_Bold_ttf[];
extern const size_t gs_res_DejaVuSans_Bold_ttf_len;

struct FontFace {
    TTF_Font *ttf;
};

/* The fallback's file and its index in a collection, looked up once. */
static char cjk_file[4096];
static int cjk_index, cjk_looked;

static const char *cjk_path(void)
{
    if (cjk_looked)
        return cjk_file[0] ? cjk_file : NULL;
    cjk_looked = 1;
    const char *env = getenv("GS_CJK_FONT");
    if (env && *env) {
        snprintf(cjk_file, sizeof cjk_file, "%s", env);
        return cjk_file;
    }
    if (!FcInit())
        return NULL;
    FcPattern *pat = FcNameParse((const FcChar8 *)"sans-serif:lang=zh-cn");
    FcResult res;
    FcPattern *m = NULL;
    if (pat) {
        FcConfigSubstitute(NULL, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        m = FcFontMatch(NULL, pat, &res);
    }
    FcCharSet *cs = NULL;
    FcChar8 *file = NULL;
    /* fontconfig always matches something: only a face with the ideographs will do */
    if (m && FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) == FcResultMatch && FcCharSetHasChar(cs, 0x4E2D) &&
        FcCharSetHasChar(cs, 0x6587) && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
        snprintf(cjk_file, sizeof cjk_file, "%s", (const char *)file);
        if (FcPatternGetInteger(m, FC_INDEX, 0, &cjk_index) != FcResultMatch)
            cjk_index = 0;
    }
    if (m)
        FcPatternDestroy(m);
    if (pat)
        FcPatternDestroy(pat);
    /* the file's name is all that is needed: fontconfig's memory goes back at once */
    FcFini();
    return cjk_file[0] ? cjk_file : NULL;
}

/* SDL2_ttf is initialised once per open face (TTF_Init counts) */
FontFace *face_open(int font, int px, char *err, size_t cap)
{
    if (TTF_Init() != 0) {
        snprintf(err, cap, "cannot initialise SDL2_ttf: %s", TTF_GetError());
        return NULL;
    }
    FontFace *fc = calloc(1, sizeof *fc);
    if (fc && font >= FACE_CJK) {
        const char *path = cjk_path();
        if (!path) {
            snprintf(err, cap, "fontconfig finds none; fonts-wqy-microhei or fonts-noto-cjk has one");
            free(fc);
            TTF_Quit();
            return NULL;
        }
        fc->ttf = TTF_OpenFontIndex(path, px, cjk_index);
        /* the bold UI text: the fallback emboldened (these fonts have no bold) */
        if (fc->ttf && font == FACE_CJK + 1)
            TTF_SetFontStyle(fc->ttf, TTF_STYLE_BOLD);
        if (!fc->ttf) {
            snprintf(err, cap, "%s: %s", path, TTF_GetError());
            free(fc);
            TTF_Quit();
            return NULL;
        }
        return fc;
    }
    const unsigned char *data = font ? gs_res_DejaVuSans_Bold_ttf : gs_res_DejaVuSans_ttf;
    size_t len = font ? gs_res_DejaVuSans_Bold_ttf_len : gs_res_DejaVuSans_ttf_len;
    SDL_RWops *rw = fc ? SDL_RWFromConstMem(data, (int)len) : NULL;
    if (rw)
        fc->ttf = TTF_OpenFontRW(rw, 1, px);
    if (!fc || !fc->ttf) {
        snprintf(err, cap, "%s", fc ? TTF_GetError() : "out of memory");
        free(fc);
        TTF_Quit();
        return NULL;
    }
    return fc;
}

void face_close(FontFace *fc)
{
    if (!fc)
        return;
    TTF_CloseFont(fc->ttf);
    free(fc);
    TTF_Quit();
}

void face_vmetrics(FontFace *fc, int *ascent, int *descent)
{
    *ascent = TTF_FontAscent(fc->ttf);
    *descent = -TTF_FontDescent(fc->ttf);
}

int face_has(FontFace *fc, uint32_t cp) { return TTF_GlyphIsProvided32(fc->ttf, cp) != 0; }

/* The ink's left edge relative to the pen, and the advance (0, 0 when unknown). */
static void glyph_metrics(FontFace *fc, uint32_t cp, int *minx, int *adv)
{
    int maxx = 0, miny = 0, maxy = 0;
    if (TTF_GlyphMetrics32(fc->ttf, cp, minx, &maxx, &miny, &maxy, adv) != 0)
        *minx = *adv = 0;
}

int face_advance(FontFace *fc, uint32_t cp)
{
    int minx, adv;
    glyph_metrics(fc, cp, &minx, &adv);
    return adv;
}

int face_kern(FontFace *fc, uint32_t prev, uint32_t cp) { return TTF_GetFontKerningSizeGlyphs32(fc->ttf, prev, cp); }

unsigned char *face_render(FontFace *fc, uint32_t cp, int *w, int *h, int *ox, int *oy)
{
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *s = TTF_RenderGlyph32_Blended(fc->ttf, cp, white);
    if (!s)
        return NULL;
    unsigned char *a = NULL;
    if (s->format->BytesPerPixel != 4 || SDL_LockSurface(s) != 0) {
        SDL_FreeSurface(s);
        return NULL;
    }
    /* the ink's bounding box in the glyph's surface (the line's full height) */
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            if (row[x] >> 24) {
                x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
            }
    }
    *w = x1 - x0 + 1, *h = y1 - y0 + 1;
    if (x1 >= 0 && *w > 0 && *h > 0 && (a = malloc((size_t)*w * (size_t)*h)) != NULL) {
        for (int y = 0; y < *h; y++) {
            const Uint32 *row =
                (const Uint32 *)((const unsigned char *)s->pixels + (size_t)(y0 + y) * (size_t)s->pitch);
            for (int x = 0; x < *w; x++)
                a[y * *w + x] = (unsigned char)(row[x0 + x] >> 24);
        }
        /* SDL_ttf shifts the pen right by -minx when the ink starts left of it */
        int minx, adv;
        glyph_metrics(fc, cp, &minx, &adv);
        *ox = x0 - (minx < 0 ? -minx : 0);
        *oy = y0;
    }
    SDL_UnlockSurface(s);
    SDL_FreeSurface(s);
    return a;
}
