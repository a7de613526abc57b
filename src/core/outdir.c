/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* outdir: the folder the window saves into (see outdir.h). */
#define _POSIX_C_SOURCE 200809L
#include "outdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang.h"

#define USER_DIRS_MAX (64 * 1024) /* xdg-user-dirs writes a few hundred bytes */

/* Appends the components of path to out (an absolute path of length *len, no
 * slash at its end but "/"), dropping empty and "." components. A ".." before
 * any other component of path takes the last component off out (out is a
 * physical path: the root, or the working directory); a later one is kept, since
 * the component before it may be a link. Returns 0, or -1 when it does not fit. */
static int append_clean(char *out, size_t *len, size_t cap, const char *path)
{
    int leading = 1;
    for (const char *p = path; *p;) {
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* nothing */
        } else if (leading && n == 2 && p[0] == '.' && p[1] == '.') {
            while (*len > 1 && out[*len - 1] != '/')
                (*len)--;
            if (*len > 1)
                (*len)--; /* the slash before it, but the root's */
            out[*len] = '\0';
        } else {
            leading = 0;
            size_t slash = *len > 1 ? 1 : 0;
            if (*len + slash + n + 1 > cap)
                return -1;
            if (slash)
                out[(*len)++] = '/';
            memcpy(out + *len, p, n);
            *len += n;
            out[*len] = '\0';
        }
        p += n;
        if (*p == '/')
            p++;
    }
    return 0;
}

/* base (absolute) then path (relative to it, or absolute), cleaned, into out. */
static int join_clean(const char *base, const char *path, char *out, size_t cap)
{
    if (cap < 2)
        return -1;
    size_t len = 1;
    out[0] = '/', out[1] = '\0';
    if (path[0] != '/' && append_clean(out, &len, cap, base) != 0)
        return -1;
    return append_clean(out, &len, cap, path);
}

static int set(const char *s) { return s && s[0]; }

int outdir_user_dirs(const char *text, const char *home, char *out, size_t cap)
{
    static const char KEY[] = "XDG_PICTURES_DIR";
    char value[4096];
    int found = 0;
    for (const char *line = text; line && *line;) {
        const char *next = strchr(line, '\n');
        const char *p = line;
        line = next ? next + 1 : NULL;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, KEY, sizeof KEY - 1) != 0)
            continue;
        p += sizeof KEY - 1;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p++ != '=')
            continue;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p++ != '"')
            continue;
        /* "$HOME/...", "$HOME", or an absolute path */
        int under_home = strncmp(p, "$HOME", 5) == 0;
        if (under_home) {
            p += 5;
            if (*p == '/')
                p++;
            else if (*p != '"')
                continue;
        } else if (*p != '/') {
            continue;
        }
        size_t n = 0;
        int fits = 1;
        for (; *p && *p != '"' && *p != '\n'; p++) {
            if (*p == '\\' && p[1] && p[1] != '\n')
                p++;
            if (n + 1 >= sizeof value)
                fits = 0;
            else
                value[n++] = *p;
        }
        value[n] = '\0';
        if (!fits || (under_home && !(set(home) && home[0] == '/')))
            continue;
        if (join_clean(under_home ? home : "/", value, out, cap) != 0)
            continue;
        found = 1; /* the last such line is the one a shell sourcing the file keeps */
    }
    return found ? 0 : -1;
}

int outdir_user_dirs_path(const char *config_home, const char *home, char *out, size_t cap)
{
    int n;
    if (set(config_home) && config_home[0] == '/')
        n = snprintf(out, cap, "%s/user-dirs.dirs", config_home);
    else if (set(home))
        n = snprintf(out, cap, "%s/.config/user-dirs.dirs", home);
    else
        return -1;
    return n < 0 || (size_t)n >= cap ? -1 : 0;
}

int outdir_choose(const OutDirEnv *env, char *out, size_t cap, char *err, size_t err_cap)
{
    int have_cwd = set(env->cwd) && env->cwd[0] == '/';
    if (set(env->out_dir)) {
        if (env->out_dir[0] != '/' && !have_cwd) {
            snprintf(err, err_cap, _("--out-dir '%s' is relative, and the working directory is unknown"), env->out_dir);
            return -1;
        }
        if (join_clean(have_cwd ? env->cwd : "/", env->out_dir, out, cap) != 0) {
            snprintf(err, err_cap, _("--out-dir '%s': the folder's path is too long (at most %zu bytes)"), env->out_dir,
                     cap - 1);
            return -1;
        }
        return 0;
    }
    char pictures[4096];
    if (set(env->pictures) && env->pictures[0] == '/')
        snprintf(pictures, sizeof pictures, "%s", env->pictures);
    else if (!set(env->user_dirs) || outdir_user_dirs(env->user_dirs, env->home, pictures, sizeof pictures) != 0) {
        if (set(env->home) && env->home[0] == '/') {
            snprintf(pictures, sizeof pictures, "%s/Pictures", env->home);
        } else if (have_cwd) {
            if (join_clean(env->cwd, "", out, cap) == 0)
                return 0;
            snprintf(err, err_cap, _("the working directory's path is too long (at most %zu bytes)"), cap - 1);
            return -1;
        } else {
            snprintf(err, err_cap, "%s", _("no folder to save into: neither XDG_PICTURES_DIR nor HOME is set"));
            return -1;
        }
    }
    if (join_clean("/", pictures, out, cap) != 0 || strlen(out) + sizeof "/gradscape" > cap) {
        snprintf(err, err_cap, _("the pictures folder's path is too long (%s: at most %zu bytes)"), pictures, cap - 1);
        return -1;
    }
    strcat(out, out[1] ? "/gradscape" : "gradscape");
    return 0;
}

int outdir_from_env(const char *out_dir, char *out, size_t cap, char *err, size_t err_cap)
{
    char cwd[4096], path[4096];
    static char text[USER_DIRS_MAX + 1];
    const char *home = getenv("HOME");
    OutDirEnv env = {
        .out_dir = out_dir,
        .cwd = getcwd(cwd, sizeof cwd),
        .pictures = getenv("XDG_PICTURES_DIR"),
        .home = home,
    };
    /* the file only when it is needed */
    if (!set(out_dir) && !(set(env.pictures) && env.pictures[0] == '/') &&
        outdir_user_dirs_path(getenv("XDG_CONFIG_HOME"), home, path, sizeof path) == 0) {
        FILE *f = fopen(path, "r");
        if (f) {
            size_t n = fread(text, 1, USER_DIRS_MAX, f);
            text[n] = '\0';
            fclose(f);
            env.user_dirs = text;
        }
    }
    return outdir_choose(&env, out, cap, err, err_cap);
}
