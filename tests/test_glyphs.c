/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Every character a catalog's translations use has a glyph in the font chain (the
 * UI font, then the fallback for Chinese, Japanese and Korean), so that no
 * translated word shows as '?'; and the fallback's glyphs have ink.
 *   test_glyphs PO... */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "font_face.h"

static int fails;

#define CHECK(cond, ...)                                                                                     \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            fails++;                                                                                         \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                      \
            printf(__VA_ARGS__);                                                                             \
            printf("\n");                                                                                    \
        }                                                                                                    \
    } while (0)

/* The next codepoint of a UTF-8 string, 0xFFFD for a bad sequence. */
static uint32_t next_cp(const unsigned char **s)
{
    const unsigned char *p = *s;
    uint32_t c = *p++;
    int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0) {
        *s = p;
        return 0xFFFD;
    }
    c &= n == 0 ? 0x7F : n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07;
    for (int k = 0; k < n; k++, p++) {
        if ((*p & 0xC0) != 0x80) {
            *s = p;
            return 0xFFFD;
        }
        c = c << 6 | (*p & 0x3F);
    }
    *s = p;
    return c;
}

/* Checks every character inside the quotes of the msgstr lines of a PO file. */
static int check_po(const char *path, FontFace *ui, FontFace *ui_bold, FontFace *cjk)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "cannot read %s", path);
    if (!f)
        return 0;
    char line[8192];
    int in_msgstr = 0, n_chars = 0, n_cjk = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (!strncmp(line, "msgstr", 6))
            in_msgstr = 1;
        else if (line[0] != '"')
            in_msgstr = 0;
        const char *q = strchr(line, '"');
        if (!in_msgstr || !q)
            continue;
        const unsigned char *s = (const unsigned char *)q + 1;
        while (*s && *s != '\n') {
            if (*s == '\\') { /* an escape: \n, \", \\ */
                s += s[1] ? 2 : 1;
                continue;
            }
            if (*s == '"')
                break;
            uint32_t cp = next_cp(&s);
            n_chars++;
            if (cp < 0x80)
                continue;
            int in_ui = face_has(ui, cp), in_bold = face_has(ui_bold, cp), in_cjk = cjk && face_has(cjk, cp);
            n_cjk += !in_ui && in_cjk;
            /* a glyph in each of the weights: what the bold face lacks comes from the fallback too */
            CHECK(in_ui || in_cjk, "%s:%d: U+%04X has no glyph in the UI font or the fallback", path, lineno,
                  (unsigned)cp);
            CHECK(in_bold || in_cjk, "%s:%d: U+%04X has no bold glyph", path, lineno, (unsigned)cp);
        }
    }
    fclose(f);
    printf("%s: %d characters, %d from the fallback\n", path, n_chars, n_cjk);
    return n_cjk;
}

int main(int argc, char **argv)
{
    char err[512];
    FontFace *ui = face_open(0, 16, err, sizeof err);
    CHECK(ui != NULL, "the UI font: %s", err);
    FontFace *bold = face_open(1, 16, err, sizeof err);
    CHECK(bold != NULL, "the bold UI font: %s", err);
    FontFace *cjk = face_open(FACE_CJK, 16, err, sizeof err);
    CHECK(cjk != NULL, "the fallback (fonts-wqy-microhei, scripts/deps.sh): %s", err);
    if (!ui || !bold)
        return 1;
    /* the fallback draws ideographs: ink, an em wide, on the UI font's line */
    if (cjk) {
        const uint32_t han[] = {0x4E2D, 0x6587, 0x5B66, 0x4E60, 0x7387}; /* 中文学习率 */
        for (size_t i = 0; i < sizeof han / sizeof han[0]; i++) {
            CHECK(face_has(cjk, han[i]) && !face_has(ui, han[i]), "U+%04X: the fallback's, not the UI font's",
                  (unsigned)han[i]);
            int w = 0, h = 0, ox = 0, oy = 0;
            unsigned char *a = face_render(cjk, han[i], &w, &h, &ox, &oy);
            long ink = 0;
            for (int k = 0; a && k < w * h; k++)
                ink += a[k];
            CHECK(a && w >= 10 && h >= 10 && ink > 255 * 20, "U+%04X renders %dx%d with ink %ld", (unsigned)han[i],
                  w, h, ink);
            int adv = face_advance(cjk, han[i]);
            CHECK(adv >= 14 && adv <= 18, "U+%04X advances %d px at 16 px", (unsigned)han[i], adv);
            free(a);
        }
        FontFace *cjk_bold = face_open(FACE_CJK + 1, 16, err, sizeof err);
        CHECK(cjk_bold != NULL, "the bold fallback: %s", err);
        if (cjk_bold) {
            /* emboldened: more ink than the regular */
            int w1, h1, w2, h2, o;
            unsigned char *r = face_render(cjk, 0x5B66, &w1, &h1, &o, &o);
            unsigned char *b = face_render(cjk_bold, 0x5B66, &w2, &h2, &o, &o);
            long i1 = 0, i2 = 0;
            for (int k = 0; r && k < w1 * h1; k++)
                i1 += r[k];
            for (int k = 0; b && k < w2 * h2; k++)
                i2 += b[k];
            CHECK(i2 > i1 * 11 / 10, "the bold fallback's ink %ld is not above the regular's %ld", i2, i1);
            free(r);
            free(b);
            face_close(cjk_bold);
        }
    }
    int from_fallback = 0;
    for (int i = 1; i < argc; i++)
        from_fallback += check_po(argv[i], ui, bold, cjk);
    CHECK(argc < 2 || from_fallback > 100, "only %d characters of the catalogs come from the fallback", from_fallback);
    face_close(ui);
    face_close(bold);
    if (cjk)
        face_close(cjk);
    printf("test_glyphs: %s\n", fails ? "FAILED" : "passed");
    return fails ? 1 : 0;
}
