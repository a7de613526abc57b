/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* text: the buffer and the round-trip numbers. */
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

Text text_begin(char *buf, size_t cap)
{
    buf[0] = '\0';
    return (Text){.s = buf, .cap = cap};
}

void text_add(Text *t, const char *fmt, ...)
{
    if (t->full)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= t->cap - t->len) {
        t->s[t->len] = '\0';
        t->full = 1;
        return;
    }
    t->len += (size_t)n;
}

TextNum text_num(double v)
{
    TextNum n;
    /* whole numbers in full, as Python's repr writes them; -0 keeps its sign below */
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v && !(v == 0 && signbit(v))) {
        snprintf(n.s, sizeof n.s, "%lld", (long long)v);
        return n;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(n.s, sizeof n.s, "%.*g", prec, v);
        double back = strtod(n.s, NULL);
        if (memcmp(&back, &v, sizeof v) == 0)
            break;
    }
    return n;
}

long text_utf8_next(const char *str, int *len)
{
    static const long MIN[4] = {0, 0x80, 0x800, 0x10000};
    const unsigned char *s = (const unsigned char *)str;
    int n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0)
        return -1;
    long c = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < MIN[n - 1] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return -1; /* overlong, out of range, a surrogate */
    *len = n;
    return c;
}

const char *text_unsafe_kind(long c)
{
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        /* TRANSLATORS: put into "U+%04lX at %d is a %s, not part of a name" */
        return N_("control character");
    if (c == 0x61C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return N_("bidirectional control");
    if (c == 0x2028 || c == 0x2029)
        return N_("line separator");
    return NULL;
}

void text_utf8_trim(char *s)
{
    size_t len = strlen(s), i = len;
    while (i > 0 && len - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    int n = 0;
    if (i > 0 && (unsigned char)s[i - 1] >= 0x80 && (text_utf8_next(s + i - 1, &n) < 0 || (size_t)n != len - i + 1))
        s[i - 1] = '\0'; /* a character cut short: drop what is left of it */
}

void text_add_escaped(Text *t, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p && !t->full;) {
        const unsigned char *run = p;
        long c = 0;
        int n = 1;
        /* a byte that is not UTF-8 is passed as it is: only the characters named
         * unsafe are escaped */
        while (*p && !((c = text_utf8_next((const char *)p, &n)) >= 0 && text_unsafe_kind(c)))
            p += c >= 0 ? n : 1;
        if (p > run)
            text_add(t, "%.*s", (int)(p - run), (const char *)run);
        if (*p) {
            text_add(t, c < 0x100 ? "\\x%02lX" : "\\u%04lX", c);
            p += n;
        }
    }
}
