/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* wrap: filling words into lines. */
#include "wrap.h"

#include <string.h>

Wrap wrap_begin(FILE *f, int width) { return (Wrap){.f = f, .width = width, .fresh = 1}; }

/* The code point of the UTF-8 character at s, n > 0 bytes left, and in *len its
 * bytes: a lead byte and the continuation bytes that follow it. A stray byte is
 * one character of its own. */
static long utf8_at(const char *s, size_t n, int *len)
{
    const unsigned char c = (unsigned char)s[0];
    const int want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    long cp = want == 1 ? c : c & (0x3F >> (want - 1));
    int k = 1;
    for (; k < want && (size_t)k < n && ((unsigned char)s[k] & 0xC0) == 0x80; k++)
        cp = (cp << 6) | ((unsigned char)s[k] & 0x3F);
    *len = k;
    return cp;
}

/* East Asian Wide and Fullwidth characters (UAX #11), which a terminal shows two
 * columns wide: CJK ideographs, kana, Hangul, full-width forms and punctuation,
 * and the emoji blocks. Ambiguous ones (the middle dot, arrows, curly quotes)
 * count as narrow, as a terminal outside an East Asian locale shows them. */
static int wide(long c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE19) ||
           (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
           (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

static int columns_n(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n;) {
        int len;
        const long cp = utf8_at(s + i, n - i, &len);
        if (((unsigned char)s[i] & 0xC0) != 0x80) /* a stray continuation byte takes none */
            c += wide(cp) ? 2 : 1;
        i += (size_t)len;
    }
    return c;
}

int wrap_columns(const char *s) { return columns_n(s, strlen(s)); }

static int among(long c, const long *set, int n)
{
    for (int i = 0; i < n; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

/* Marks a line does not start with: closing brackets and quotes, commas, stops,
 * colons, the ellipsis and the dash (the full-width ones and their ASCII kin). */
static int closing(long c)
{
    static const long CLOSE[] = {',',    '.',    ':',    ';',    '!',    '?',    ')',    ']',    '}',
                                 '%',    0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015,
                                 0x2019, 0x201D, 0x2026, 0x2014, 0x00B7, 0xFF01, 0xFF05, 0xFF09, 0xFF0C,
                                 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF5E};
    return among(c, CLOSE, (int)(sizeof CLOSE / sizeof CLOSE[0]));
}

/* Marks a line does not end with: opening brackets and quotes. */
static int opening(long c)
{
    static const long OPEN[] = {'(',    '[',    '{',    0x3008, 0x300A, 0x300C, 0x300E,
                                0x3010, 0x3014, 0x2018, 0x201C, 0xFF08, 0xFF3B, 0xFF5B};
    return among(c, OPEN, (int)(sizeof OPEN / sizeof OPEN[0]));
}

/* Whether a line may break between a and b with no space there: beside a wide
 * character (Chinese puts no spaces between words), but not before a closing
 * mark nor after an opening one. Text without wide characters never breaks so. */
static int breaks_between(long a, long b)
{
    return (wide(a) || wide(b)) && !closing(b) && !opening(a);
}

void wrap_line(Wrap *w, int indent)
{
    if (w->col > 0)
        fputc('\n', w->f);
    fprintf(w->f, "%*s", indent, "");
    w->col = w->indent = indent;
    w->fresh = 1;
}

static void word_n(Wrap *w, const char *sep, const char *word, size_t n)
{
    const int cols = columns_n(word, n);
    if (!w->fresh && w->col + wrap_columns(sep) + cols > w->width)
        wrap_line(w, w->indent);
    if (!w->fresh) {
        fputs(sep, w->f);
        w->col += wrap_columns(sep);
    }
    fwrite(word, 1, n, w->f);
    w->col += cols;
    w->fresh = 0;
}

void wrap_word(Wrap *w, const char *sep, const char *word) { word_n(w, sep, word, strlen(word)); }

/* A word of n bytes after sep: in pieces where a line may break inside it (between
 * CJK characters), each piece after the first joined with no space. */
static void word_pieces(Wrap *w, const char *sep, const char *word, size_t n)
{
    size_t start = 0, i = 0;
    long prev = 0;
    while (i < n) {
        int len;
        const long c = utf8_at(word + i, n - i, &len);
        if (i > start && breaks_between(prev, c)) {
            word_n(w, start ? "" : sep, word + start, i - start);
            start = i;
        }
        prev = c;
        i += (size_t)len;
    }
    word_n(w, start ? "" : sep, word + start, n - start);
}

void wrap_text(Wrap *w, const char *text)
{
    const int base = w->indent;
    const char *s = text;
    while (*s) {
        if (*s == '\n') {
            size_t spaces = strspn(s + 1, " ");
            wrap_line(w, base + (int)spaces);
            s += 1 + spaces;
        } else if (*s == ' ') {
            s++;
        } else {
            size_t n = strcspn(s, " \n");
            word_pieces(w, " ", s, n);
            s += n;
        }
    }
}

void wrap_term(Wrap *w, const char *term, int col)
{
    wrap_line(w, 2);
    wrap_word(w, "", term);
    if (w->col + 2 > col) {
        wrap_line(w, col);
        return;
    }
    fprintf(w->f, "%*s", col - w->col, "");
    w->col = w->indent = col;
    w->fresh = 1;
}

void wrap_end(Wrap *w)
{
    if (w->col > 0)
        fputc('\n', w->f);
    w->col = 0;
    w->fresh = 1;
}
