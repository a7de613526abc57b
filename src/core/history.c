/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* history: the states, and the words for what changed between two of them. */
#include "history.h"
#include "lang.h"
#include "ticks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void history_init(History *h)
{
    memset(h, 0, sizeof *h);
    h->at = -1;
}

void history_free(History *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->text[i]);
    history_init(h);
}

int history_record(History *h, const char *text)
{
    if (h->at >= 0 && strcmp(h->text[h->at], text) == 0)
        return 0;
    char *copy = malloc(strlen(text) + 1);
    if (!copy)
        return -1;
    strcpy(copy, text);
    for (int i = h->at + 1; i < h->n; i++) /* what was ahead of an undo */
        free(h->text[i]);
    h->n = h->at + 1;
    if (h->n == HISTORY_DEPTH) { /* the oldest goes */
        free(h->text[0]);
        memmove(h->text, h->text + 1, sizeof h->text[0] * (HISTORY_DEPTH - 1));
        h->n--;
    }
    h->text[h->n++] = copy;
    h->at = h->n - 1;
    return 1;
}

const char *history_undo(History *h)
{
    if (h->at <= 0)
        return NULL;
    return h->text[--h->at];
}

const char *history_redo(History *h)
{
    if (h->at < 0 || h->at + 1 >= h->n)
        return NULL;
    return h->text[++h->at];
}

/* A value for a notice: a number as num_format writes it (4 digits), else the text
 * (at most 32 bytes). */
static void short_value(const char *v, size_t n, char *out, size_t cap)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), v);
    char *end;
    double d = strtod(buf, &end);
    if (end != buf && *end == '\0')
        num_format(d, out, cap);
    else
        snprintf(out, cap, "%.32s", buf);
}

/* Line k (from 0) of text, not counting '#' comments: its start and length; 0 when
 * there is none. */
static int line_of(const char *text, int k, const char **s, size_t *n)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len && *p != '#' && k-- == 0) {
            *s = p, *n = len;
            return 1;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    return 0;
}

static int count_lines(const char *text, const char *prefix)
{
    int c = 0;
    const char *s;
    size_t n;
    for (int k = 0; line_of(text, k, &s, &n); k++)
        c += strncmp(s, prefix, strlen(prefix)) == 0;
    return c;
}

/* The value of `key=` in an --opt line's keys (up to the line's end), or NULL. */
static const char *key_value(const char *s, size_t n, const char *key, size_t *vn)
{
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl < n; i++)
        if ((s[i] == ':' || s[i] == ',') && strncmp(s + i + 1, key, kl) == 0 && s[i + 1 + kl] == '=') {
            const char *v = s + i + 2 + kl;
            *vn = strcspn(v, ",\n");
            if (v + *vn > s + n)
                *vn = (size_t)(s + n - v);
            return v;
        }
    return NULL;
}

void history_describe(const char *from, const char *to, char *out, size_t cap)
{
    int runs_from = count_lines(from, "--opt "), runs_to = count_lines(to, "--opt ");
    if (runs_to != runs_from) {
        /* TRANSLATORS: what an undo or redo changed, after "Undone: " or "Redone: " */
        snprintf(out, cap, "%s", runs_to > runs_from ? _("a run added") : _("a run removed"));
        return;
    }
    const char *a, *b;
    size_t an, bn;
    for (int k = 0; line_of(from, k, &a, &an) && line_of(to, k, &b, &bn); k++) {
        if (an == bn && memcmp(a, b, an) == 0)
            continue;
        if (strncmp(a, "--opt ", 6) == 0 && strncmp(b, "--opt ", 6) == 0) {
            /* a run: its label, then the first key whose value differs */
            size_t ln;
            const char *label = key_value(b, bn, "label", &ln);
            for (const char *p = a + 6; p < a + an;) {
                size_t tn = strcspn(p, ",\n");
                if (p + tn > a + an)
                    tn = (size_t)(a + an - p);
                const char *eq = memchr(p, '=', tn);
                if (eq) {
                    char key[48];
                    size_t kn = (size_t)(eq - p);
                    const char *k0 = memchr(p, ':', kn) ? (const char *)memchr(p, ':', kn) + 1 : p;
                    kn = (size_t)(eq - k0);
                    if (kn < sizeof key) {
                        memcpy(key, k0, kn);
                        key[kn] = '\0';
                        size_t vn;
                        const char *v = key_value(b, bn, key, &vn);
                        size_t on = tn - (size_t)(eq + 1 - p);
                        if (!v || vn != on || memcmp(v, eq + 1, on) != 0) {
                            char was[48], now[48];
                            short_value(eq + 1, on, was, sizeof was);
                            short_value(v ? v : "-", v ? vn : 1, now, sizeof now);
                            snprintf(out, cap, "%.*s %s %s \xe2\x86\x92 %s", label ? (int)ln : 3, label ? label : "run",
                                     key, was, now);
                            return;
                        }
                    }
                }
                p += tn + 1;
            }
            snprintf(out, cap, "%.*s", label ? (int)ln : 3, label ? label : "run");
            return;
        }
        /* an option: its name, then the values */
        size_t fa = strcspn(a, " \n"), fb = strcspn(b, " \n");
        if (fa == fb && memcmp(a, b, fa) == 0 && fa < an && fb < bn) {
            char was[48], now[48];
            short_value(a + fa + 1, an - fa - 1, was, sizeof was);
            short_value(b + fb + 1, bn - fb - 1, now, sizeof now);
            snprintf(out, cap, "%.*s %s \xe2\x86\x92 %s", (int)fa - 2, a + 2, was, now);
            return;
        }
        /* TRANSLATORS: what an undo or redo changed, after "Undone: " or "Redone: " */
        snprintf(out, cap, "%s", _("the scene"));
        return;
    }
    snprintf(out, cap, "%s", _("the scene"));
}
