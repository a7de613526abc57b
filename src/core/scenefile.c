/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* scenefile: writing a scene as command-line options, reading them back. */
#define _POSIX_C_SOURCE 200809L
#include "scenefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "lang.h"
#include "text.h"

/* ---- writing ------------------------------------------------------------------- */

static void out_num(Text *o, const char *before, double v) { text_add(o, "%s%s", before, text_num(v).s); }

/* "--flag VALUE\n". The reader trims a line and takes off one pair of matching
 * quotes: a value with spaces at an end, or in quotes itself, is quoted. */
static void out_option(Text *o, const char *flag, const char *prefix, const char *val)
{
    char full[2 * SPEC_ARG_MAX];
    int n = snprintf(full, sizeof full, "%s%s", prefix, val);
    if (n < 0 || (size_t)n >= sizeof full || strpbrk(full, "\n\r")) {
        o->full = 1;
        return;
    }
    char a = full[0], z = n ? full[n - 1] : '\0';
    int quote = n > 0 && (a == ' ' || a == '\t' || z == ' ' || z == '\t' || ((a == '\'' || a == '"') && z == a));
    text_add(o, quote ? "%s \"%s\"\n" : "%s %s\n", flag, full);
}

static void out_surface(Text *o, const Surface *s)
{
    if (s->builtin == SURFACE_EXPR) {
        out_option(o, "--surface", "expr:", s->expr.source);
        return;
    }
    text_add(o, "--surface ");
    surface_write_spec(s, o);
    text_add(o, "\n");
}

static void out_run(Text *o, const Run *r)
{
    /* a label is never the line's last value: its spaces are kept */
    if (!r->label[0] || strpbrk(r->label, ",\n\r"))
        o->full = 1;
    text_add(o, "--opt %s:", optim_info(r->kind)->name);
    for (int k = 0; k < HP_COUNT; k++) {
        if (!optim_uses(r->kind, (HyperKey)k))
            continue;
        text_add(o, "%s=", optim_hyper((HyperKey)k)->name);
        out_num(o, "", r->hp[k]);
        text_add(o, ",");
    }
    text_add(o, "label=%s,schedule=%s", r->label, schedule_name(r->sched.kind));
    for (int k = 0; k < SK_COUNT; k++) {
        if (r->sched.v[k] == 0 || !schedule_uses(r->sched.kind, (ScheduleKey)k))
            continue; /* 0: the schedule's default */
        text_add(o, ",%s=", schedule_key((ScheduleKey)k)->name);
        out_num(o, "", r->sched.v[k]);
    }
    text_add(o, ",bundle=%d,colour=%d,enabled=%d\n", r->bundle > 1 ? r->bundle : 1, r->colour, r->enabled ? 1 : 0);
}

int scenefile_format(const Scene *sc, const SceneFileView *v, char *buf, size_t cap)
{
    if (cap == 0)
        return -1;
    Text o = text_begin(buf, cap);
    text_add(&o, "# gradscape scene\n");
    out_surface(&o, &sc->surface);
    out_num(&o, "--start ", sc->start[0]);
    out_num(&o, ",", sc->start[1]);
    text_add(&o, "\n--steps %d\n", sc->steps);
    out_num(&o, "--noise ", sc->noise);
    text_add(&o, "\n--seed %llu\n", sc->seed);
    out_num(&o, "--view ", v->view[0]);
    for (int i = 1; i < 4; i++)
        out_num(&o, ",", v->view[i]);
    text_add(&o, "\n--layout %s\n", spec_layout_name(v->layout));
    if (v->legend == LEGEND_AT) {
        out_num(&o, "--legend ", v->legend_at[0]);
        out_num(&o, ",", v->legend_at[1]);
        text_add(&o, "\n");
    } else {
        text_add(&o, "--legend %s\n", spec_legend_name(v->legend));
    }
    if (v->no_axes)
        text_add(&o, "--axes off\n");
    if (v->lang[0])
        text_add(&o, "--lang %s\n", v->lang);
    if (spec_plot_name(v->plot))
        text_add(&o, "--plot %s\n", spec_plot_name(v->plot));
    if (v->internals)
        text_add(&o, "--internals\n");
    if (v->speed > 0)
        out_num(&o, "--speed ", v->speed), text_add(&o, "\n");
    if (v->view3d && v->camera[2] > 0) {
        out_num(&o, "--view3d=", v->camera[0]);
        out_num(&o, ",", v->camera[1]);
        out_num(&o, ",", v->camera[2]);
        text_add(&o, "\n");
    } else if (v->view3d) {
        text_add(&o, "--view3d\n");
    }
    for (int i = 0; i < sc->n_runs; i++)
        out_run(&o, &sc->run[i]);
    if (v->card[0])
        out_option(&o, "--card", "", v->card);
    if (v->at >= 0)
        text_add(&o, "--at %d\n", v->at);
    if (o.full) {
        buf[0] = '\0';
        return -1;
    }
    return (int)o.len;
}

void scenefile_view_from_config(const Config *cfg, const Scene *sc, SceneFileView *v)
{
    memset(v, 0, sizeof *v);
    memcpy(v->view, sc->surface.view, sizeof v->view);
    v->layout = cfg->layout;
    v->legend = cfg->legend;
    memcpy(v->legend_at, cfg->legend_at, sizeof v->legend_at);
    v->no_axes = cfg->no_axes;
    snprintf(v->lang, sizeof v->lang, "%s", cfg->lang);
    v->at = cfg->at;
    v->plot = cfg->plot;
    v->internals = cfg->internals;
    snprintf(v->card, sizeof v->card, "%s", cfg->card);
    v->speed = cfg->speed;
    v->view3d = cfg->view3d;
    if (cfg->view3d && cfg->have_camera)
        memcpy(v->camera, cfg->camera, sizeof v->camera);
}

/* The directory of a file, synced so that a rename in it is durable. */
static void sync_dir(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else if ((size_t)(slash - path) < sizeof dir)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    else
        return;
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int scenefile_save(const char *path, const Scene *sc, const SceneFileView *v, char *err, size_t cap)
{
    size_t size = 4096 + (size_t)sc->n_runs * 1024;
    char *buf = malloc(size);
    if (!buf) {
        snprintf(err, cap, _("cannot write '%s': out of memory"), path);
        return -1;
    }
    int n = scenefile_format(sc, v, buf, size);
    if (n < 0) {
        free(buf);
        snprintf(err, cap, _("cannot write '%s': the scene has a value a scene file cannot hold"), path);
        return -1;
    }
    int rc = scenefile_write_text(path, buf, (size_t)n, err, cap);
    free(buf);
    return rc;
}

int scenefile_write_text(const char *path, const char *text, size_t len, char *err, size_t cap)
{
    char tmp[4200];
    FILE *f = export_begin(path, tmp, sizeof tmp, err, cap);
    if (!f)
        return -1;
    int failed = 0;
    errno = 0;
    if (fwrite(text, 1, len, f) != len || fflush(f) != 0)
        failed = errno ? errno : -1;
    else if (tmp[0] && fsync(fileno(f)) != 0)
        failed = errno ? errno : -1;
    int rc = export_commit(f, tmp, path, failed, err, cap);
    if (rc == 0 && tmp[0])
        sync_dir(tmp);
    return rc;
}

/* ---- reading ------------------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
               : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    /* overlong, surrogate and beyond U+10FFFF forms */
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) || (s[0] == 0xF0 && s[1] < 0x90) ||
        (s[0] == 0xF4 && s[1] > 0x8F))
        return 0;
    return len;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Checks one line (len bytes, no newline): text, not too long. Returns 0, or -1
 * with why. */
int scenefile_check_line(const char *s, size_t len, char *why, size_t cap)
{
    if (len > SCENEFILE_LINE_MAX) {
        snprintf(why, cap, _("line too long (at most %d characters)"), SCENEFILE_LINE_MAX);
        return -1;
    }
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && !(c == '\r' && i + 1 == len)) || c == 0x7F) {
            snprintf(why, cap, _("not a text file (byte 0x%02X at column %zu)"), c, i + 1);
            return -1;
        }
        size_t n = utf8_len((const unsigned char *)s + i, len - i);
        if (n == 0) {
            snprintf(why, cap, _("not UTF-8 text (byte 0x%02X at column %zu)"), c, i + 1);
            return -1;
        }
        i += n;
    }
    return 0;
}

/* Applies one line (checked, trimmed, not empty, not a comment). */
static int line_apply(char *line, Config *cfg, char *why, size_t cap)
{
    if (strncmp(line, "--", 2) != 0) {
        snprintf(why, cap, _("expected an option such as '--steps 100', got '%.40s%s'"), line,
                 strlen(line) > 40 ? "..." : "");
        return -1;
    }
    char *val = line + strcspn(line, " \t=");
    if (*val) {
        *val++ = '\0';
        while (is_space(*val))
            val++;
    } else {
        val = NULL;
    }
    if (val && !*val)
        val = NULL;
    /* one pair of matching quotes around a value, as a shell would take them */
    if (val) {
        size_t n = strlen(val);
        if (n >= 2 && (val[0] == '\'' || val[0] == '"') && val[n - 1] == val[0]) {
            val[n - 1] = '\0';
            val++;
        }
    }
    return spec_apply_option(cfg, line, val, 1, why, cap);
}

int scenefile_parse(const char *text, size_t len, const char *name, Config *cfg, char *err, size_t cap)
{
    Config work = *cfg; /* applied to a copy: cfg changes only when the whole file is good */
    work.n_opts = 0; /* the file's runs replace those given before it */
    char line[SCENEFILE_LINE_MAX + 1];
    char why[SPEC_ERR_MAX];
    size_t pos = 0;
    for (int no = 1; pos < len; no++) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl ? 1 : 0);
        /* a byte-order mark at the start is no part of the text */
        if (no == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3, n -= 3;
        if (scenefile_check_line(s, n, why, sizeof why) != 0) {
            snprintf(err, cap, "%s:%d: %s", name, no, why);
            return -1;
        }
        while (n > 0 && is_space(s[n - 1]))
            n--;
        while (n > 0 && is_space(*s))
            s++, n--;
        if (n == 0 || *s == '#')
            continue;
        memcpy(line, s, n);
        line[n] = '\0';
        if (line_apply(line, &work, why, sizeof why) != 0) {
            snprintf(err, cap, "%s:%d: %s", name, no, why);
            return -1;
        }
        /* the label is checked when the scene is built: a message then names this line */
        if (strcmp(line, "--card") == 0)
            snprintf(work.card_origin, sizeof work.card_origin, "%s:%d", name, no);
    }
    *cfg = work;
    return 0;
}

/* What a file that is not a regular file or a directory is, for a message. */
static const char *file_kind(mode_t mode)
{
    /* TRANSLATORS: what a file is, put into "'%s' is %s, not a regular file (a %s must be one)" */
    return S_ISFIFO(mode) ? _("a named pipe (FIFO)") : S_ISSOCK(mode) ? _("a socket")
         : S_ISCHR(mode) ? _("a character device") : S_ISBLK(mode) ? _("a block device") : _("not a file");
}

/* The names that stand for a stream the caller already holds or for nothing: read
 * whatever they are. */
static int names_held_stream(const char *path)
{
    if (strcmp(path, "/dev/stdin") == 0 || strcmp(path, "/dev/null") == 0)
        return 1;
    const char *n = strncmp(path, "/dev/fd/", 8) == 0 ? path + 8
                  : strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14 : NULL;
    return n && *n && strspn(n, "0123456789") == strlen(n);
}

int scenefile_read(const char *path, const char *kind, char **text, size_t *len, char *err, size_t cap)
{
    *text = NULL, *len = 0;
    /* O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    struct stat sb;
    if (fd < 0) {
        int e = errno;
        if (e == ENXIO && stat(path, &sb) == 0 && S_ISSOCK(sb.st_mode))
            /* TRANSLATORS: the second %s is "scene file" or "lesson file" */
            snprintf(err, cap, _("'%s' is a socket, not a regular file (a %s must be one)"), path, kind);
        else
            /* TRANSLATORS: the first %s is "scene file" or "lesson file", then the file's name and why */
            snprintf(err, cap, _("cannot read %s '%s': %s"), kind, path, strerror(e));
        return -1;
    }
    if (fstat(fd, &sb) != 0) {
        snprintf(err, cap, _("cannot read %s '%s': %s"), kind, path, strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(sb.st_mode)) {
        close(fd);
        snprintf(err, cap, _("'%s' is a directory, not a %s"), path, kind);
        return -1;
    }
    if (!S_ISREG(sb.st_mode) && !names_held_stream(path)) {
        close(fd);
        /* TRANSLATORS: the second %s is what the file is ("a socket"), the third "scene file" or "lesson file" */
        snprintf(err, cap, _("'%s' is %s, not a regular file (a %s must be one)"), path, file_kind(sb.st_mode), kind);
        return -1;
    }
    if (S_ISREG(sb.st_mode) && sb.st_size > SCENEFILE_MAX_BYTES) {
        close(fd);
        snprintf(err, cap, _("'%s' is too large for a %s (%lld bytes; at most %d)"), path, kind, (long long)sb.st_size,
                 SCENEFILE_MAX_BYTES);
        return -1;
    }
    /* a held pipe is read as it comes: blocking again */
    int fl = fcntl(fd, F_GETFL);
    FILE *f = fl == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1 ? NULL : fdopen(fd, "rb");
    if (!f) {
        snprintf(err, cap, _("cannot read %s '%s': %s"), kind, path, strerror(errno));
        close(fd);
        return -1;
    }
    /* a pipe has no size: read one byte more than allowed to know */
    char *buf = malloc(SCENEFILE_MAX_BYTES + 1);
    if (!buf) {
        fclose(f);
        snprintf(err, cap, _("cannot read %s '%s': out of memory"), kind, path);
        return -1;
    }
    errno = 0;
    size_t n = fread(buf, 1, SCENEFILE_MAX_BYTES + 1, f);
    int read_err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (read_err)
        snprintf(err, cap, _("cannot read %s '%s': %s"), kind, path, strerror(read_err));
    else if (n > SCENEFILE_MAX_BYTES)
        snprintf(err, cap, _("'%s' is too large for a %s (at most %d bytes)"), path, kind, SCENEFILE_MAX_BYTES);
    if (read_err || n > SCENEFILE_MAX_BYTES) {
        free(buf);
        return -1;
    }
    *text = buf, *len = n;
    return 0;
}

int scenefile_load(const char *path, Config *cfg, char *err, size_t cap)
{
    char *text;
    size_t len;
    /* TRANSLATORS: put into messages such as "cannot read %s '%s': %s" */
    if (scenefile_read(path, _("scene file"), &text, &len, err, cap) != 0)
        return -1;
    int rc = scenefile_parse(text, len, path, cfg, err, cap);
    free(text);
    return rc;
}

int scenefile_probe(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? 0 : errno ? errno : EIO;
}

/* mkdir -p of the directory part of path. */
static int make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        int e = errno;
        *p = '/';
        if (rc != 0 && e != EEXIST)
            return -1;
    }
    return 0;
}

const char *scenefile_state_var(void)
{
    const char *state = getenv("XDG_STATE_HOME");
    return state && state[0] == '/' ? "XDG_STATE_HOME" : "HOME";
}

int scenefile_state_path(char *out, size_t cap, int create)
{
    const char *home = getenv("HOME");
    int n;
    if (strcmp(scenefile_state_var(), "XDG_STATE_HOME") == 0)
        n = snprintf(out, cap, "%s/gradscape/last.scene", getenv("XDG_STATE_HOME"));
    else if (home && home[0])
        n = snprintf(out, cap, "%s/.local/state/gradscape/last.scene", home);
    else
        return -1;
    if (n < 0)
        return -1;
    if ((size_t)n >= cap)
        return SCENEFILE_PATH_TOO_LONG;
    return create ? make_dirs(out) : 0;
}
