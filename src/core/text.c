/* text: the buffer and the round-trip numbers. */
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The length of the character at s that must not reach a terminal or a line of
 * code raw (a control character, a line separator, a bidirectional control), or
 * 0; its code point in *c. */
static int unsafe_char(const unsigned char *s, unsigned *c)
{
    if (s[0] < 0x20 || s[0] == 0x7F)
        return *c = s[0], 1;
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) /* C1 */
        return *c = s[1], 2;
    if (s[0] == 0xD8 && s[1] == 0x9C) /* U+061C */
        return *c = 0x61C, 2;
    if (s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81) && s[2]) {
        unsigned u = 0x2000u | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3Fu);
        if (u == 0x200E || u == 0x200F || (u >= 0x2028 && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            return *c = u, 3;
    }
    return 0;
}

void text_add_escaped(Text *t, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p && !t->full;) {
        const unsigned char *run = p;
        unsigned c = 0;
        int n = 0;
        while (*p && !(n = unsafe_char(p, &c)))
            p++;
        if (p > run)
            text_add(t, "%.*s", (int)(p - run), (const char *)run);
        if (n) {
            text_add(t, c < 0x100 ? "\\x%02X" : "\\u%04X", c);
            p += n;
        }
    }
}
