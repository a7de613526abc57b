/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* wrap: text filled to a width, for the help texts. A word goes on the current
 * line while it fits and starts a new line at the indent when it does not; a word
 * wider than the line is written whole. Columns are a terminal's: two for a wide
 * East Asian character (CJK ideographs, kana, Hangul, full-width punctuation),
 * one for any other UTF-8 character. Chinese has no spaces between words, so a
 * line also breaks between two characters where one is wide, though never before
 * a closing mark (，。：）” ...) nor after an opening one (（“ ...); text without
 * wide characters breaks at its spaces alone.
 *
 * Usage: Wrap w = wrap_begin(f, 80); wrap_term(&w, "--steps N", 21);
 *        wrap_text(&w, "steps per run"); wrap_end(&w); */
#ifndef GS_WRAP_H
#define GS_WRAP_H

#include <stdio.h>

typedef struct Wrap {
    FILE *f;
    int width;
    int col;     /* columns written on the current line */
    int indent;  /* where the current line's continuation lines start */
    int fresh;   /* the line holds nothing but its indent */
} Wrap;

Wrap wrap_begin(FILE *f, int width);

/* Columns `s` takes as shown: 2 for a wide character, 1 for another. */
int wrap_columns(const char *s);

/* Ends the current line, if any, and starts one at `indent`. */
void wrap_line(Wrap *w, int indent);

/* Writes `word`, after `sep` unless it starts the line. */
void wrap_word(Wrap *w, const char *sep, const char *word);

/* Writes the words of `text` one space apart, breaking a word between wide
 * characters where it does not fit. A newline in it starts a new line at the
 * indent the text began at, plus one column per space that follows it. */
void wrap_text(Wrap *w, const char *text);

/* Starts a definition, "  TERM", whose text begins at column `col`: on the same
 * line when the term leaves two spaces before it, else on the next. */
void wrap_term(Wrap *w, const char *term, int col);

/* Ends the current line, if any. */
void wrap_end(Wrap *w);

#endif
