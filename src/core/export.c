/* export: the CSV writer, over the temporary-file-then-rename mechanism that every
 * file the program writes goes through. */
#define _POSIX_C_SOURCE 200809L
#include "export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TMP_SUFFIX ".tmp-XXXXXX"

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

FILE *export_begin(const char *path, char *tmp, size_t tmp_cap, char *err, size_t cap)
{
    char target[4096];
    if (resolve_link(path, target, sizeof target) != 0) {
        snprintf(err, cap, "cannot write '%s': %s", path, strerror(errno));
        return NULL;
    }
    /* "-", a device or a pipe is written directly: there is nothing to replace */
    struct stat sb;
    if (strcmp(path, "-") == 0 || (stat(target, &sb) == 0 && !S_ISREG(sb.st_mode))) {
        tmp[0] = '\0';
        if (strcmp(path, "-") == 0)
            return stdout;
        if (S_ISDIR(sb.st_mode)) {
            snprintf(err, cap, "cannot write '%s': Is a directory", path);
            return NULL;
        }
        FILE *f = fopen(path, "wb");
        if (!f)
            snprintf(err, cap, "cannot write '%s': %s", path, strerror(errno));
        return f;
    }
    /* the temporary file beside the file written (the link's target) */
    int n = snprintf(tmp, tmp_cap, "%s" TMP_SUFFIX, target);
    if (n < 0 || (size_t)n >= tmp_cap) {
        snprintf(err, cap, "'%s': path too long", path);
        return NULL;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, cap, "cannot write '%s': %s", path, strerror(errno));
        return NULL;
    }
    /* mkstemp makes 0600; give the file the usual permissions */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, (mode_t)(0666 & ~mask));
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        snprintf(err, cap, "cannot write '%s': %s", path, strerror(errno));
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
        /* the file written is the temporary name without its suffix */
        char target[4200];
        snprintf(target, sizeof target, "%.*s", (int)(strlen(tmp) - strlen(TMP_SUFFIX)), tmp);
        if (rename(tmp, target) != 0)
            failed = errno;
    }
    if (failed != 0) {
        if (tmp[0])
            remove(tmp);
        snprintf(err, cap, "cannot write '%s': %s", path, failed > 0 ? strerror(failed) : "write failed");
        return -1;
    }
    return 0;
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
