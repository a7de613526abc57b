/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* wrap: filling words into lines. */
#include "wrap.h"

#include <string.h>

Wrap wrap_begin(FILE *f, int width) { return (Wrap){.f = f, .width = width, .fresh = 1}; }

static int columns_n(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

int wrap_columns(const char *s) { return columns_n(s, strlen(s)); }

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
            word_n(w, " ", s, n);
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
