/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* export: the CSV writer, over the temporary-file-then-rename mechanism that every
 * file the program writes goes through. */
#define _POSIX_C_SOURCE 200809L
#include "export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cancel.h"
#include "lang.h"

/* The temporary name: short and hidden, in the target's directory, so that it
 * stays within NAME_MAX whatever the target's name and the rename is atomic. */
#define TMP_NAME ".gradscape-XXXXXX"

/* The output set: while it is open, finished files wait under their temporary
 * names until export_set_commit renames them all. */
#define SET_MAX 112 /* a lesson's handout of up to 100 slides, and the rest */
static struct {
    int open;
    int n;
    char tmp[SET_MAX][4200];
    char target[SET_MAX][4200];
} set;

/* The file a path names: the path itself or, for a symbolic link, the file it
 * points to (through further links; it may not exist yet), so that the link is
 * written through and stays a link, as editors and cp do. Returns 0, or -1 with
 * errno (a loop, a name too long). */
static int resolve_link(const char *path, char *out, size_t cap)
{
    if (snprintf(out, cap, "%s", path) >= (int)cap)
        return errno = ENAMETOOLONG, -1;
    for (int depth = 0; depth < 40; depth++) {
        struct stat sb;
        if (lstat(out, &sb) != 0 || !S_ISLNK(sb.st_mode))
            return 0;
        char link[4096];
        ssize_t n = readlink(out, link, sizeof link - 1);
        if (n < 0)
            return -1;
        link[n] = '\0';
        /* a relative target is relative to the link's directory */
        char *slash = strrchr(out, '/');
        int dir = link[0] == '/' || !slash ? 0 : (int)(slash - out) + 1;
        if ((size_t)dir + (size_t)n >= cap)
            return errno = ENAMETOOLONG, -1;
        memmove(out + dir, link, (size_t)n + 1);
    }
    return errno = ELOOP, -1;
}

/* The length of path's directory part with its slash ("a/b" -> 2, "b" -> 0). */
static size_t dir_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

FILE *export_begin(const char *path, char *tmp, size_t tmp_cap, char *err, size_t cap)
{
    char target[4096];
    if (resolve_link(path, target, sizeof target) != 0) {
        snprintf(err, cap, _("cannot write '%s': %s"), path, strerror(errno));
        return NULL;
    }
    /* "-", a device or a pipe is written directly: there is nothing to replace */
    struct stat sb;
    if (strcmp(path, "-") == 0 || (stat(target, &sb) == 0 && !S_ISREG(sb.st_mode))) {
        tmp[0] = '\0';
        if (strcmp(path, "-") == 0)
            return stdout;
        if (S_ISDIR(sb.st_mode)) {
            snprintf(err, cap, _("cannot write '%s': Is a directory"), path);
            return NULL;
        }
        FILE *f = fopen(path, "wb");
        if (!f)
            snprintf(err, cap, _("cannot write '%s': %s"), path, strerror(errno));
        return f;
    }
    if (set.open && set.n >= SET_MAX) {
        snprintf(err, cap, _("cannot write '%s': more than %d files at once"), path, SET_MAX);
        return NULL;
    }
    /* the temporary file beside the file written (the link's target) */
    size_t d = dir_len(target);
    int n = snprintf(tmp, tmp_cap, "%.*s" TMP_NAME, (int)d, target);
    if (n < 0 || (size_t)n >= tmp_cap) {
        snprintf(err, cap, _("'%s': path too long"), path);
        return NULL;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, cap, _("cannot write '%s': %s"), path, strerror(errno));
        return NULL;
    }
    /* mkstemp makes 0600; give the file the usual permissions */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, (mode_t)(0666 & ~mask));
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        snprintf(err, cap, _("cannot write '%s': %s"), path, strerror(errno));
        close(fd);
        remove(tmp);
    }
    return f;
}

int export_commit(FILE *f, const char *tmp, const char *path, int failed, char *err, size_t cap)
{
    if (failed == 0 && (fflush(f) != 0 || ferror(f)))
        failed = errno ? errno : -1;
    if (f != stdout && fclose(f) != 0 && failed == 0)
        failed = errno ? errno : -1;
    return export_finish(tmp, path, failed, err, cap);
}

int export_finish(const char *tmp, const char *path, int failed, char *err, size_t cap)
{
    if (failed == 0 && tmp[0]) {
        char target[4096];
        if (resolve_link(path, target, sizeof target) != 0)
            failed = errno;
        else if (set.open) { /* renamed with the others by export_set_commit */
            snprintf(set.tmp[set.n], sizeof set.tmp[0], "%s", tmp);
            snprintf(set.target[set.n], sizeof set.target[0], "%s", target);
            set.n++;
        } else if (rename(tmp, target) != 0)
            failed = errno;
    }
    if (failed != 0) {
        if (tmp[0])
            remove(tmp);
        snprintf(err, cap, _("cannot write '%s': %s"), path, failed > 0 ? strerror(failed) : _("write failed"));
        return -1;
    }
    return 0;
}

void export_set_open(void)
{
    export_set_abort();
    set.open = 1;
}

int export_set_commit(char *err, size_t cap)
{
    int rc = 0;
    for (int i = 0; i < set.n; i++) {
        if (rc == 0 && rename(set.tmp[i], set.target[i]) != 0) {
            snprintf(err, cap, _("cannot write '%s': %s"), set.target[i], strerror(errno));
            rc = -1;
        }
        if (rc != 0)
            remove(set.tmp[i]);
    }
    set.n = 0;
    set.open = 0;
    return rc;
}

void export_set_abort(void)
{
    for (int i = 0; i < set.n; i++)
        remove(set.tmp[i]);
    set.n = 0;
    set.open = 0;
}

/* Whether two paths (links followed) name one file: the same inode when both
 * exist, else the same name in the same directory. */
int export_same_file(const char *a, const char *b)
{
    char ta[4096], tb[4096];
    if (resolve_link(a, ta, sizeof ta) != 0 || resolve_link(b, tb, sizeof tb) != 0)
        return strcmp(a, b) == 0;
    struct stat sa, sb;
    int ea = stat(ta, &sa) == 0, eb = stat(tb, &sb) == 0;
    if (ea && eb)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (ea != eb)
        return 0;
    if (strcmp(ta + dir_len(ta), tb + dir_len(tb)) != 0)
        return 0;
    /* neither exists yet: compare their directories */
    char da[4096], db[4096];
    snprintf(da, sizeof da, "%.*s.", (int)dir_len(ta), ta);
    snprintf(db, sizeof db, "%.*s.", (int)dir_len(tb), tb);
    if (stat(da, &sa) != 0 || stat(db, &sb) != 0)
        return strcmp(da, db) == 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void put_label(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int export_csv_stream(const Scene *sc, FILE *f)
{
    errno = 0;
    if (fputs(EXPORT_CSV_HEADER "\n", f) < 0)
        return errno ? errno : -1;
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (cancel_requested())
            return EINTR;
        for (int k = 0; k < r->n; k++) {
            const TrajPoint *p = &r->traj[k];
            put_label(f, r->label);
            if (fprintf(f, ",%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", k, p->x, p->y, p->loss, p->gx, p->gy,
                        p->lr) < 0)
                return errno ? errno : -1;
        }
    }
    return 0;
}

int export_csv(const Scene *sc, const char *path, char *err, size_t cap)
{
    char tmp[4200];
    FILE *f = export_begin(path, tmp, sizeof tmp, err, cap);
    if (!f)
        return -1;
    return export_commit(f, tmp, path, export_csv_stream(sc, f), err, cap);
}
