/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* lang: gettext's catalogs and the choice of language (lang.h).
 *
 * glibc looks a message up in LANGUAGE's languages unless LC_MESSAGES is the C
 * locale; musl (the browser build) looks it up in LC_MESSAGES's name, which it
 * takes whether or not that locale exists. lang_set sets both: LANGUAGE to the
 * code, and LC_MESSAGES to the code's UTF-8 locale when there is one, else to
 * C.UTF-8 (glibc's built-in UTF-8 locale), so a language needs its catalog and
 * nothing else on the machine. The catalog's text comes out as UTF-8 whatever
 * LC_CTYPE is (bind_textdomain_codeset). */
#define _POSIX_C_SOURCE 200809L
#include "lang.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef GS_LOCALEDIR
#define GS_LOCALEDIR "/usr/local/share/locale"
#endif

/* po/LINGUAS's languages, and English; test_lang checks the two agree */
static const Lang langs[] = {
    {"en", "English"},
    {"zh_CN", "\xe4\xb8\xad\xe6\x96\x87"}, /* 中文 */
};
#define N_LANGS ((int)(sizeof langs / sizeof langs[0]))

static const Lang *current = &langs[0];

/* The catalogs given in memory (the browser's), by language, and the one in use */
static struct {
    const unsigned char *mo;
    size_t len;
} given[N_LANGS], in_use;

void lang_catalog(const char *code, const void *mo, size_t len)
{
    for (int i = 0; i < N_LANGS; i++)
        if (strcmp(langs[i].code, code) == 0)
            given[i].mo = mo, given[i].len = len;
}

/* A little-endian or big-endian 32-bit word of the catalog. */
static uint32_t mo_word(const unsigned char *mo, size_t at, int big)
{
    const unsigned char *b = mo + at;
    return big ? (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]
               : (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

/* msgid's translation in a .mo file (its strings sorted: a binary search), or NULL.
 * Every offset is checked against the file's length. */
static const char *mo_find(const unsigned char *mo, size_t len, const char *msgid)
{
    if (!mo || len < 28)
        return NULL;
    int big = mo_word(mo, 0, 0) != 0x950412deu;
    if (big && mo_word(mo, 0, 1) != 0x950412deu)
        return NULL;
    uint32_t n = mo_word(mo, 8, big), orig = mo_word(mo, 12, big), trans = mo_word(mo, 16, big);
    if (n > len / 8 || orig > len - (size_t)n * 8 || trans > len - (size_t)n * 8)
        return NULL;
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t sl = mo_word(mo, orig + (size_t)mid * 8, big), so = mo_word(mo, orig + (size_t)mid * 8 + 4, big);
        if (so >= len || sl >= len - so || mo[so + sl] != 0)
            return NULL;
        int c = strcmp(msgid, (const char *)mo + so);
        if (c == 0) {
            uint32_t tl = mo_word(mo, trans + (size_t)mid * 8, big), to = mo_word(mo, trans + (size_t)mid * 8 + 4, big);
            if (to >= len || tl >= len - to || mo[to + tl] != 0)
                return NULL;
            return tl ? (const char *)mo + to : NULL;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const char *lang_gettext(const char *msgid)
{
    const char *t = msgid[0] ? mo_find(in_use.mo, in_use.len, msgid) : NULL;
    return t ? t : msgid;
}

/* The first plural form: what a language of one form (Chinese) has; others keep
 * English's choice until the browser build evaluates Plural-Forms. */
const char *lang_ngettext(const char *one, const char *many, unsigned long n)
{
    const char *t = mo_find(in_use.mo, in_use.len, one); /* a plural's key is its singular */
    return t ? t : n == 1 ? one : many;
}

int lang_count(void) { return N_LANGS; }

const Lang *lang_at(int i) { return i >= 0 && i < N_LANGS ? &langs[i] : NULL; }

/* The code's language and region ("zh", "CN"), without charset or modifier. */
static void split_code(const char *code, char *lang, char *region, size_t cap)
{
    size_t i = 0, j = 0;
    while (code[i] && code[i] != '_' && code[i] != '-' && code[i] != '.' && code[i] != '@' && i + 1 < cap)
        lang[i] = code[i], i++;
    lang[i] = 0;
    region[0] = 0;
    if (code[i] == '_' || code[i] == '-') {
        const char *r = code + i + 1;
        while (r[j] && r[j] != '.' && r[j] != '@' && j + 1 < cap)
            region[j] = r[j], j++;
        region[j] = 0;
    }
}

void lang_list(char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < N_LANGS && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? ", " : "", langs[i].code);
}

const Lang *lang_find(const char *code)
{
    if (!code || !*code)
        return NULL;
    char l[16], r[16];
    split_code(code, l, r, sizeof l);
    if (!strcmp(l, "C") || !strcmp(l, "POSIX"))
        return &langs[0];
    const Lang *same_lang = NULL;
    for (int i = 0; i < N_LANGS; i++) {
        char li[16], ri[16];
        split_code(langs[i].code, li, ri, sizeof li);
        if (strcmp(l, li) != 0)
            continue;
        if (!strcmp(r, ri))
            return &langs[i];
        if (!same_lang)
            same_lang = &langs[i];
    }
    return same_lang; /* "zh" and "zh_SG" read zh_CN; "en_GB" reads English */
}

const char *lang_from_env(void)
{
    const char *msg = NULL;
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (int i = 0; i < 3 && !msg; i++) {
        const char *v = getenv(names[i]);
        if (v && *v)
            msg = v;
    }
    const Lang *m = lang_find(msg);
    /* LANGUAGE counts unless the locale is C, as in gettext */
    const char *language = getenv("LANGUAGE");
    if (language && *language && !(m == &langs[0] && msg && (msg[0] == 'C' || msg[0] == 'P'))) {
        char item[64];
        const char *p = language;
        while (*p) {
            size_t n = strcspn(p, ":");
            if (n < sizeof item) {
                memcpy(item, p, n);
                item[n] = 0;
                const Lang *l = lang_find(item);
                if (l)
                    return l->code;
            }
            p += n;
            if (*p == ':')
                p++;
        }
    }
    return m ? m->code : "en";
}

static int dir_has_catalogs(const char *dir)
{
    char path[4096 + 64];
    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, langs[N_LANGS - 1].code, GS_TEXTDOMAIN);
    return access(path, R_OK) == 0;
}

void lang_bind(const char *dir)
{
    bindtextdomain(GS_TEXTDOMAIN, dir);
    bind_textdomain_codeset(GS_TEXTDOMAIN, "UTF-8");
    /* strerror's messages, which ours quote, are the C library's own catalog's */
    bind_textdomain_codeset("libc", "UTF-8");
}

void lang_bind_near(const char *exe)
{
    char dir[4096];
    const char *slash = exe ? strrchr(exe, '/') : NULL;
    if (slash && (size_t)(slash - exe) < sizeof dir - 32) {
        const char *tails[] = {"/locale", "/../locale", "/../share/locale"};
        for (int i = 0; i < 3; i++) {
            snprintf(dir, sizeof dir, "%.*s%s", (int)(slash - exe), exe, tails[i]);
            if (dir_has_catalogs(dir)) {
                lang_bind(dir);
                return;
            }
        }
    }
    lang_bind(GS_LOCALEDIR);
}

const char *lang_arg(int argc, char **argv)
{
    const char *code = NULL;
    for (int i = 1; i < argc; i++) {
        const char *c = strcmp(argv[i], "--lang") == 0 && i + 1 < argc ? argv[i + 1]
                        : strncmp(argv[i], "--lang=", 7) == 0   ? argv[i] + 7
                                                                : NULL;
        if (c && lang_find(c))
            code = c;
    }
    return code;
}

int lang_set(const char *code, char *err, size_t cap)
{
    const Lang *l = lang_find(code ? code : lang_from_env());
    if (!l) {
        char known[256];
        lang_list(known, sizeof known);
        snprintf(err, cap, _("unknown language '%s' (there are: %s)"), code, known);
        return -1;
    }
    setenv("LANGUAGE", l->code, 1);
    char name[64];
    snprintf(name, sizeof name, "%s.UTF-8", l->code);
    if (!setlocale(LC_MESSAGES, name) && !setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
        setlocale(LC_MESSAGES, l->code);
#ifdef __GLIBC__
    /* glibc keeps the messages it looked up until this counter moves (as the gettext
     * manual says to, after LANGUAGE changes: the locale may have stayed C.UTF-8) */
    extern int _nl_msg_cat_cntr;
    ++_nl_msg_cat_cntr;
#endif
    current = l;
    in_use.mo = given[l - langs].mo, in_use.len = given[l - langs].len;
    return 0;
}

const char *lang_current(void) { return current->code; }
