/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* manpage: writes gradscape.1 from its hand-written template, with the OPTIONS and
 * IN THE WINDOW sections generated from the tables --help prints (spec_print_man),
 * so the man page and --help cannot drift apart.
 * usage: manpage TEMPLATE OUT
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

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: manpage TEMPLATE OUT\n");
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
    int markers = 0, generated = 0;
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        const size_t n = strcspn(line, "\r\n");
        if (n == strlen(MARKER) && strncmp(line, MARKER, n) == 0) {
            markers++;
            generated |= spec_print_man(out) != 0;
        } else {
            put_line(out, line, date);
        }
    }
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
