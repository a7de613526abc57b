/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* manpage: writes gradscape.1 from its hand-written template, with the OPTIONS and
 * IN THE WINDOW sections generated from the tables --help prints (spec_print_man),
 * so the man page and --help cannot drift apart.
 * usage: manpage TEMPLATE OUT
 *        manpage --lang CODE LOCALEDIR TEMPLATE OUT   the page in CODE's language
 *        manpage --pot TEMPLATE                       the template's prose, as PO entries
 * The prose is translated a piece at a time: a section's heading (.SH, .SS), and
 * each run of text lines and font macros (.B, .BR, .I ...) between the others
 * (.PP, .TP, .RS, .EX ... .EE, comments), which is one message of the catalog,
 * macros and all; examples (.EX ... .EE) stay as they are.
 * In the template, @VERSION@ is the program's version and @DATE@ the date of
 * SOURCE_DATE_EPOCH (YYYY-MM-DD, UTC; empty when it is unset, so that a build does
 * not change the page by the day); the line `.\" @OPTIONS@` is replaced by the
 * generated sections. OUT is written as every file of the project is
 * (export_begin, export_commit): under a temporary name, then renamed.
 * The page is English, as its template is, whatever the build's environment: this
 * program sets no locale (so gettext keeps to the C locale and ignores LANGUAGE)
 * and binds no catalog, and every _() of the tables gives back its msgid. Its own
 * messages are for whoever runs the build, in English like the build's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export.h"
#include "lang.h"
#include "spec.h"
#include "version.h"

#define MARKER ".\\\" @OPTIONS@"

static int fail(const char *what, const char *why)
{
    fprintf(stderr, "manpage: %s: %s\n", what, why);
    return 2;
}

/* SOURCE_DATE_EPOCH as YYYY-MM-DD, "" when unset. Returns 0, or -1 if malformed. */
static int build_date(char *out, size_t cap)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    out[0] = '\0';
    if (!epoch || !epoch[0])
        return 0;
    char *end;
    errno = 0;
    long long v = strtoll(epoch, &end, 10);
    if (errno || *end || v < 0)
        return -1;
    time_t t = (time_t)v;
    struct tm *tm = gmtime(&t);
    if (!tm || strftime(out, cap, "%Y-%m-%d", tm) == 0)
        return -1;
    return 0;
}

/* Writes a template line with @VERSION@ and @DATE@ replaced. */
static void put_line(FILE *out, const char *line, const char *date)
{
    const char *s = line;
    for (;;) {
        const char *at = strchr(s, '@');
        if (!at) {
            fputs(s, out);
            return;
        }
        fwrite(s, 1, (size_t)(at - s), out);
        if (strncmp(at, "@VERSION@", 9) == 0) {
            fputs(version_string(), out);
            s = at + 9;
        } else if (strncmp(at, "@DATE@", 6) == 0) {
            fputs(date, out);
            s = at + 6;
        } else {
            fputc('@', out);
            s = at + 1;
        }
    }
}

/* A line that ends a piece of prose and is written as it is (a structural macro,
 * a comment, a blank line), or 0: text or a font macro, part of the prose. */
static int is_structure(const char *line)
{
    static const char *const FONT[] = {".B ", ".BR ", ".I ", ".IR ", ".RB ", ".RI ", ".BI ", ".IB ", ".SM "};
    if (line[0] != '.')
        return line[0] == '\0' || line[0] == '\n';
    for (size_t i = 0; i < sizeof FONT / sizeof FONT[0]; i++)
        if (strncmp(line, FONT[i], strlen(FONT[i])) == 0)
            return 0;
    return 1;
}

/* The prose gathered so far (lines joined by newlines, without the last). */
typedef struct Piece {
    char text[8192];
    size_t len;
    int first_line;
} Piece;

/* A PO string of s: backslashes, quotes and newlines escaped, a line per line. */
static void po_string(FILE *out, const char *s)
{
    fputs(strchr(s, '\n') ? "\"\"\n\"" : "\"", out);
    for (; *s; s++) {
        if (*s == '\\' || *s == '"')
            fputc('\\', out), fputc(*s, out);
        else if (*s == '\n')
            fputs("\\n\"\n\"", out);
        else
            fputc(*s, out);
    }
    fputs("\"\n", out);
}

/* Ends a piece: with --pot, its PO entry; else its text in the language in use. */
static void piece_flush(Piece *p, FILE *out, int pot, const char *template_name)
{
    if (!p->len)
        return;
    p->text[p->len] = '\0';
    if (pot) {
        fprintf(out, "#. TRANSLATORS: the man page, in roff: keep each macro line (.B, .BR, .I ...) a line of its own\n");
        fprintf(out, "#: %s:%d\n", template_name, p->first_line);
        if (strchr(p->text, '%'))
            fputs("#, no-c-format\n", out);
        fputs("msgid ", out);
        po_string(out, p->text);
        fputs("msgstr \"\"\n\n", out);
    } else {
        /* a line may break after each Chinese, Japanese or Korean character (\:):
         * groff finds no spaces in such text */
        for (const unsigned char *s = (const unsigned char *)_(p->text); *s; s++) {
            fputc(*s, out);
            int cjk = s[0] >= 0xE2 && s[0] <= 0xEF && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
                      !(s[0] == 0xE2 && s[1] < 0xBA);
            if (cjk) {
                fputc(*++s, out);
                fputc(*++s, out);
                if (s[1] != '\n' && s[1] != '\0')
                    fputs("\\:", out);
            }
        }
        fputc('\n', out);
    }
    p->len = 0;
}

/* A heading's text: its argument, without quotes. */
static void heading_text(const char *line, char *out, size_t cap)
{
    const char *s = line + 3;
    while (*s == ' ')
        s++;
    size_t n = strcspn(s, "\r\n");
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"')
        s++, n -= 2;
    snprintf(out, cap, "%.*s", (int)n, s);
}

/* --pot TEMPLATE: the template's prose as PO entries on stdout. */
static int write_pot(const char *template_name, const char *path)
{
    FILE *in = fopen(path, "r");
    if (!in)
        return fail(path, strerror(errno));
    static Piece p;
    char line[4096];
    int no = 0, example = 0;
    while (fgets(line, sizeof line, in)) {
        no++;
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, ".EX", 3) == 0 || strncmp(line, ".EE", 3) == 0)
            example = line[2] == 'X';
        if (example || is_structure(line)) {
            piece_flush(&p, stdout, 1, template_name);
            if ((strncmp(line, ".SH ", 4) == 0 || strncmp(line, ".SS ", 4) == 0) && !example) {
                char h[256];
                heading_text(line, h, sizeof h);
                printf("#. TRANSLATORS: a heading of the man page\n#: %s:%d\nmsgid ", template_name, no);
                po_string(stdout, h);
                fputs("msgstr \"\"\n\n", stdout);
            }
            continue;
        }
        if (!p.len)
            p.first_line = no;
        size_t n = strlen(line);
        if (p.len + n + 2 < sizeof p.text) {
            if (p.len)
                p.text[p.len++] = '\n';
            memcpy(p.text + p.len, line, n);
            p.len += n;
        }
    }
    piece_flush(&p, stdout, 1, template_name);
    fclose(in);
    return fflush(stdout) == 0 ? 0 : fail("stdout", "write error");
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--pot") == 0) {
        const char *slash = strstr(argv[2], "assets/");
        return write_pot(slash ? slash : argv[2], argv[2]);
    }
    int translate = 0;
    if (argc == 6 && strcmp(argv[1], "--lang") == 0) {
        char err[256];
        lang_bind(argv[3]);
        if (lang_set(argv[2], err, sizeof err) != 0)
            return fail(argv[2], err);
        translate = 1;
        argc -= 3, argv += 3;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: manpage [--lang CODE LOCALEDIR] TEMPLATE OUT | manpage --pot TEMPLATE\n");
        return 2;
    }
    char date[32];
    if (build_date(date, sizeof date) != 0)
        return fail("SOURCE_DATE_EPOCH", "expected a number of seconds since 1970");
    FILE *in = fopen(argv[1], "r");
    if (!in)
        return fail(argv[1], strerror(errno));
    char tmp[4200], err[4400];
    FILE *out = export_begin(argv[2], tmp, sizeof tmp, err, sizeof err);
    if (!out) {
        fclose(in);
        fprintf(stderr, "manpage: %s\n", err);
        return 2;
    }
    int markers = 0, generated = 0, example = 0;
    char line[4096];
    static Piece piece;
    /* a page in another language says its encoding to man (preconv) */
    if (translate)
        fputs(".\\\" -*- coding: UTF-8 -*-\n", out);
    while (fgets(line, sizeof line, in)) {
        const size_t n = strcspn(line, "\r\n");
        if (translate && (strncmp(line, ".EX", 3) == 0 || strncmp(line, ".EE", 3) == 0))
            example = line[2] == 'X';
        if (translate && !example && !is_structure(line)) {
            /* prose: gathered, then translated whole */
            if (piece.len + n + 2 < sizeof piece.text) {
                if (piece.len)
                    piece.text[piece.len++] = '\n';
                memcpy(piece.text + piece.len, line, n);
                piece.len += n;
            }
            continue;
        }
        piece_flush(&piece, out, 0, NULL);
        if (n == strlen(MARKER) && strncmp(line, MARKER, n) == 0) {
            markers++;
            generated |= spec_print_man(out) != 0;
        } else if (translate && !example && (strncmp(line, ".SH ", 4) == 0 || strncmp(line, ".SS ", 4) == 0)) {
            char h[256];
            heading_text(line, h, sizeof h);
            fprintf(out, "%.3s \"%s\"\n", line, _(h));
        } else {
            put_line(out, line, date);
        }
    }
    piece_flush(&piece, out, 0, NULL);
    const int read_failed = ferror(in);
    fclose(in);
    /* nothing is left behind unless all of it was written */
    const int ok = !generated && !read_failed && markers == 1;
    if (export_commit(out, tmp, argv[2], ok ? 0 : -1, err, sizeof err) != 0 && ok) {
        fprintf(stderr, "manpage: %s\n", err);
        return 2;
    }
    if (generated)
        return fail(argv[2], "could not generate the options (no scratch file)");
    if (read_failed)
        return fail(argv[1], "read error");
    if (markers != 1)
        return fail(argv[1], "expected the line " MARKER " exactly once");
    return 0;
}
