/* font: SDL2_ttf faces per (font, pixel size) and one shared glyph atlas. */
#include "font.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>

#include "log.h"

extern const unsigned char gs_res_DejaVuSans_ttf[];
extern const size_t gs_res_DejaVuSans_ttf_len;
extern const unsigned char gs_res_DejaVuSans_Bold_ttf[];
extern const size_t gs_res_DejaVuSans_Bold_ttf_len;

#define FONT_MAX_FACES 32
#define FONT_EXTRA 128     /* non-ASCII glyphs remembered per face */
#define FONT_MIN_PX 4
#define FONT_MAX_PX 256
#define ATLAS_SIZE 2048

enum { GLYPH_EMPTY, GLYPH_METRICS, GLYPH_READY };

typedef struct Glyph {
    Uint32 cp;          /* the codepoint asked for */
    Uint32 use;         /* the codepoint drawn ('?' when the font lacks cp) */
    int state;
    int adv, minx;
    int ox, oy, w, h;   /* ink box relative to (pen x, line top) */
    int ax, ay;         /* ink box in the atlas */
} Glyph;

typedef struct Face {
    int font, px;
    TTF_Font *ttf;
    int ascent, descent; /* descent >= 0 */
    Glyph ascii[95];
    Glyph extra[FONT_EXTRA];
    int n_extra;
} Face;

struct Fonts {
    Face face[FONT_MAX_FACES];
    int n_faces;
    GLuint atlas;
    int shelf_x, shelf_y, shelf_h;
    int warned_full, warned_faces;
    int ttf_inited;
};

Fonts *font_create(void)
{
    Fonts *f = calloc(1, sizeof *f);
    if (!f) {
        gs_log("out of memory for fonts");
        return NULL;
    }
    if (TTF_Init() != 0) {
        gs_log("cannot initialise SDL2_ttf: %s", TTF_GetError());
        free(f);
        return NULL;
    }
    f->ttf_inited = 1;
    unsigned char *zero = calloc(1, (size_t)ATLAS_SIZE * ATLAS_SIZE);
    if (zero)
        zero[0] = 255; /* texel (0, 0): white, for shapes */
    if (!zero) {
        gs_log("out of memory for the glyph atlas");
        font_destroy(f);
        return NULL;
    }
    glGenTextures(1, &f->atlas);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, f->atlas);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, ATLAS_SIZE, ATLAS_SIZE, 0, GL_RED, GL_UNSIGNED_BYTE, zero);
    free(zero);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (glGetError() != GL_NO_ERROR) {
        gs_log("cannot create the %dx%d glyph atlas texture", ATLAS_SIZE, ATLAS_SIZE);
        font_destroy(f);
        return NULL;
    }
    f->shelf_x = f->shelf_y = 1;
    return f;
}

void font_destroy(Fonts *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->n_faces; i++)
        if (f->face[i].ttf)
            TTF_CloseFont(f->face[i].ttf);
    if (f->atlas)
        glDeleteTextures(1, &f->atlas);
    if (f->ttf_inited)
        TTF_Quit();
    free(f);
}

GLuint font_atlas(const Fonts *f) { return f->atlas; }

void font_white_uv(float *u, float *v) { *u = *v = 0.5f / (float)ATLAS_SIZE; }

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
    const unsigned char *data = font ? gs_res_DejaVuSans_Bold_ttf : gs_res_DejaVuSans_ttf;
    size_t len = font ? gs_res_DejaVuSans_Bold_ttf_len : gs_res_DejaVuSans_ttf_len;
    SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
    TTF_Font *ttf = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!ttf) {
        gs_log("cannot open the embedded font at %d px: %s", px, TTF_GetError());
        return best; /* may be NULL: the caller draws nothing */
    }
    Face *fc = &f->face[f->n_faces++];
    memset(fc, 0, sizeof *fc);
    fc->font = font;
    fc->px = px;
    fc->ttf = ttf;
    fc->ascent = TTF_FontAscent(ttf);
    fc->descent = -TTF_FontDescent(ttf);
    return fc;
}

/* The glyph record of cp with its metrics resolved. */
static Glyph *glyph_get(Face *fc, Uint32 cp)
{
    Glyph *g;
    if (cp >= 32 && cp < 127) {
        g = &fc->ascii[cp - 32];
    } else {
        g = NULL;
        for (int i = 0; i < fc->n_extra; i++)
            if (fc->extra[i].cp == cp) {
                g = &fc->extra[i];
                break;
            }
        if (!g) {
            if (fc->n_extra < FONT_EXTRA) {
                g = &fc->extra[fc->n_extra++];
                memset(g, 0, sizeof *g);
            } else {
                cp = '?'; /* too many distinct glyphs for this face */
                g = &fc->ascii['?' - 32];
            }
        }
    }
    if (g->state == GLYPH_EMPTY) {
        g->cp = cp;
        g->use = TTF_GlyphIsProvided32(fc->ttf, cp) ? cp : '?';
        int minx = 0, maxx = 0, miny = 0, maxy = 0, adv = 0;
        if (TTF_GlyphMetrics32(fc->ttf, g->use, &minx, &maxx, &miny, &maxy, &adv) != 0)
            adv = 0, minx = 0;
        g->adv = adv;
        g->minx = minx;
        g->state = GLYPH_METRICS;
    }
    return g;
}

/* Renders the glyph's bitmap into the atlas (once). */
static void glyph_rasterize(Fonts *f, Face *fc, Glyph *g)
{
    g->state = GLYPH_READY;
    g->w = g->h = 0;
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *s = TTF_RenderGlyph32_Blended(fc->ttf, g->use, white);
    if (!s)
        return; /* e.g. a space: no ink */
    if (s->format->BytesPerPixel != 4 || SDL_LockSurface(s) != 0) {
        SDL_FreeSurface(s);
        return;
    }
    /* ink bounding box */
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            if (row[x] >> 24) {
                x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
            }
    }
    int w = x1 - x0 + 1, h = y1 - y0 + 1;
    if (x1 < 0 || w <= 0 || h <= 0)
        goto done;
    if (f->shelf_x + w + 1 > ATLAS_SIZE) {
        f->shelf_x = 1;
        f->shelf_y += f->shelf_h + 1;
        f->shelf_h = 0;
    }
    if (f->shelf_y + h + 1 > ATLAS_SIZE) {
        if (!f->warned_full)
            gs_log("the glyph atlas is full; some glyphs are not drawn");
        f->warned_full = 1;
        goto done;
    }
    unsigned char *a = malloc((size_t)w * (size_t)h);
    if (!a)
        goto done;
    for (int y = 0; y < h; y++) {
        const Uint32 *row = (const Uint32 *)((const unsigned char *)s->pixels + (size_t)(y0 + y) * (size_t)s->pitch);
        for (int x = 0; x < w; x++)
            a[y * w + x] = (unsigned char)(row[x0 + x] >> 24);
    }
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, f->atlas);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, f->shelf_x, f->shelf_y, w, h, GL_RED, GL_UNSIGNED_BYTE, a);
    free(a);
    g->ax = f->shelf_x, g->ay = f->shelf_y;
    g->w = w, g->h = h;
    /* SDL_ttf shifts the pen right by -minx when the ink starts left of it */
    g->ox = x0 - (g->minx < 0 ? -g->minx : 0);
    g->oy = y0;
    f->shelf_x += w + 1;
    f->shelf_h = h > f->shelf_h ? h : f->shelf_h;
done:
    SDL_UnlockSurface(s);
    SDL_FreeSurface(s);
}

/* Decodes one UTF-8 sequence at s[*i..len); invalid bytes give '?'. */
static Uint32 utf8_next(const char *s, int len, int *i)
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
    Uint32 cp = n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
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
    Uint32 prev = 0;
    for (int i = 0; i < len;) {
        Glyph *g = glyph_get(fc, utf8_next(s, len, &i));
        if (prev)
            w += TTF_GetFontKerningSizeGlyphs32(fc->ttf, prev, g->use);
        w += g->adv;
        prev = g->use;
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
    const float inv = 1.0f / (float)ATLAS_SIZE;
    Uint32 prev = 0;
    for (int i = 0; i < len && n < cap;) {
        Glyph *g = glyph_get(fc, utf8_next(s, len, &i));
        if (prev)
            pen += TTF_GetFontKerningSizeGlyphs32(fc->ttf, prev, g->use);
        if (g->state != GLYPH_READY)
            glyph_rasterize(f, fc, g);
        if (g->w > 0) {
            GlyphQuad *q = &out[n++];
            q->x0 = (float)(pen + g->ox), q->y0 = (float)(top + g->oy);
            q->x1 = q->x0 + (float)g->w, q->y1 = q->y0 + (float)g->h;
            q->u0 = (float)g->ax * inv, q->v0 = (float)g->ay * inv;
            q->u1 = (float)(g->ax + g->w) * inv, q->v1 = (float)(g->ay + g->h) * inv;
        }
        pen += g->adv;
        prev = g->use;
    }
    return n;
}
