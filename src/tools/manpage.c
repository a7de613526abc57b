/* manpage: writes gradscape.1 from its hand-written template, with the OPTIONS and
 * IN THE WINDOW sections generated from the tables --help prints (spec_print_man),
 * so the man page and --help cannot drift apart.
 * usage: manpage TEMPLATE OUT
 * In the template, @VERSION@ is the program's version and @DATE@ the date of
 * SOURCE_DATE_EPOCH (YYYY-MM-DD, UTC; empty when it is unset, so that a build does
 * not change the page by the day); the line `.\" @OPTIONS@` is replaced by the
 * generated sections. OUT is written under a temporary name, then renamed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *out = fopen(tmp, "w");
    if (!out) {
        fclose(in);
        return fail(tmp, strerror(errno));
    }
    int markers = 0, rc = 0;
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        const size_t n = strcspn(line, "\r\n");
        if (n == strlen(MARKER) && strncmp(line, MARKER, n) == 0) {
            markers++;
            if (spec_print_man(out) != 0) {
                rc = fail(argv[2], "could not generate the options (no scratch file)");
                goto fail;
            }
        } else {
            put_line(out, line, date);
        }
    }
    if (ferror(in)) {
        rc = fail(argv[1], "read error");
        goto fail;
    }
    if (markers != 1) {
        rc = fail(argv[1], "expected the line " MARKER " exactly once");
        goto fail;
    }
    fclose(in);
    if (fclose(out) != 0 || rename(tmp, argv[2]) != 0) {
        remove(tmp);
        return fail(argv[2], strerror(errno));
    }
    return 0;
fail:
    fclose(in);
    fclose(out);
    remove(tmp);
    return rc;
}
