/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* lang: the language a person reads, through gettext (glibc's, or musl's in the
 * browser build: libc either way).
 *
 * Every string a person reads is written _("...") where it is used, or N_("...")
 * in a table and _() where the table's entry is shown. What a machine reads
 * (option names, scene and lesson keywords, CSV headers, PyTorch code, numbers)
 * is never translated. Only LC_MESSAGES changes: numbers keep the C locale's
 * decimal point in every language. */
#ifndef GS_LANG_H
#define GS_LANG_H

#include <libintl.h>
#include <stddef.h>

#define GS_TEXTDOMAIN "gradscape"
#ifdef __EMSCRIPTEN__
/* The browser's C library (musl) maps a catalog file to read it, which Emscripten's
 * file system does not do reliably (its lookups read out of bounds): the browser
 * build looks messages up in the embedded catalogs itself (lang_catalog). */
const char *lang_gettext(const char *msgid);
const char *lang_ngettext(const char *one, const char *many, unsigned long n);
#define _(s) lang_gettext(s)
#define dngettext(domain, one, many, n) lang_ngettext(one, many, n)
#else
#define _(s) dgettext(GS_TEXTDOMAIN, s)
#endif
#define N_(s) (s)

typedef struct Lang {
    const char *code; /* "en", "zh_CN": what --lang, scene files and ?lang= take */
    const char *name; /* the language's name in itself: what the switch shows */
} Lang;

/* The languages there are catalogs for, English (no catalog) first. */
int lang_count(void);
const Lang *lang_at(int i);

/* "en, zh_CN": the codes, for messages. */
void lang_list(char *buf, size_t cap);

/* The known language a code names ("zh", "zh_CN.UTF-8" and "zh-CN" name zh_CN),
 * or NULL. */
const Lang *lang_find(const char *code);

/* The browser build's catalogs, in memory: code's compiled .mo file (len bytes,
 * kept by the caller). lang_set then reads messages from it. */
void lang_catalog(const char *code, const void *mo, size_t len);

/* Where the catalogs are (DIR/CODE/LC_MESSAGES/gradscape.mo). exe is the
 * program's own path: a build run from its tree finds the catalogs beside it
 * (EXEDIR/locale, or EXEDIR/../locale for the test programs), an installed one
 * under EXEDIR/../share/locale, else the install's compiled-in folder. */
void lang_bind_near(const char *exe);
void lang_bind(const char *dir);

/* The language a person asked for, from the environment as gettext reads it:
 * LANGUAGE (its first known entry), else LC_ALL, LC_MESSAGES, LANG. "en" for
 * C, POSIX, unset or a language without a catalog. */
const char *lang_from_env(void);

/* The code of a command line's last --lang CODE or --lang=CODE that names a known
 * language, or NULL: the language of the messages before the line is parsed. */
const char *lang_arg(int argc, char **argv);

/* Switches every later _() to code's language; NULL takes lang_from_env(). Works
 * where that locale is not generated (a container, a fresh install). Returns -1
 * with a message naming the known languages for an unknown code. */
int lang_set(const char *code, char *err, size_t cap);

/* The code of the language in use ("en" before any lang_set). */
const char *lang_current(void);

#endif
