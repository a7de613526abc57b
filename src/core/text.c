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
