/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* text: a string built in a caller's buffer, and numbers written so they read
 * back as the same double. Used by the command line's help, scene files and the
 * PyTorch code, which all print text that must not be cut in the middle.
 *
 * Invariants: the buffer is always NUL-terminated; an addition that does not fit
 * is left out whole, and so is every one after it (`full` is then set). */
#ifndef GS_TEXT_H
#define GS_TEXT_H

#include <stddef.h>

typedef struct Text {
    char *s;
    size_t cap, len;
    int full;
} Text;

/* An empty text in buf (cap >= 1). */
Text text_begin(char *buf, size_t cap);

/* Appends printf-formatted text, or sets `full` and appends nothing. */
void text_add(Text *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The code point of the UTF-8 character at s and, in *len, its bytes; -1 when the
 * bytes there are not UTF-8 (a stray, overlong or cut sequence, a surrogate). */
long text_utf8_next(const char *s, int *len);

/* What makes code point c unfit to reach a terminal or a line of code raw ("control
 * character" for C0, DEL and C1; "bidirectional control" for U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069; "line separator" for U+2028, U+2029), or
 * NULL. The words are N_(): a message shows _(kind). */
const char *text_unsafe_kind(long c);

/* Cuts a character left incomplete at the end of s (by a truncating snprintf). */
void text_utf8_trim(char *s);

/* Appends s with every character that must not reach a terminal or a line of code
 * raw written as \xNN or \uNNNN: control characters (C0, DEL, C1), the line and
 * paragraph separators and the bidirectional controls. */
void text_add_escaped(Text *t, const char *s);

/* The shortest text that reads back as exactly v: whole numbers in full ("300",
 * not "3e+02"), others the fewest %g digits ("0.001", "1e-08"). */
typedef struct TextNum {
    char s[32];
} TextNum;
TextNum text_num(double v);

#endif
