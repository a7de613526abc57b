/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* outdir: the folder the window saves into (screenshots, animations, the scene
 * file). --out-dir when given, made absolute from the working directory; else the
 * user's pictures folder with gradscape/ in it. The pictures folder is
 * XDG_PICTURES_DIR from the environment, else the XDG_PICTURES_DIR line of
 * user-dirs.dirs ($XDG_CONFIG_HOME/user-dirs.dirs, else ~/.config/user-dirs.dirs,
 * as xdg-user-dirs writes it), else ~/Pictures.
 *
 * outdir_user_dirs and outdir_choose are pure (the values are passed in);
 * outdir_from_env reads the environment, the working directory and the file for
 * them. Nothing here creates the folder: the shell does, when something is saved.
 *
 * Invariant: a folder given back is an absolute path with no "." component, no
 * doubled slash and no slash at its end (unless it is "/"). */
#ifndef GS_OUTDIR_H
#define GS_OUTDIR_H

#include <stddef.h>

/* What the folder is chosen from; NULL (or "") where a value is not set. */
typedef struct OutDirEnv {
    const char *out_dir;      /* --out-dir */
    const char *cwd;          /* the working directory */
    const char *pictures;     /* $XDG_PICTURES_DIR (used only when absolute) */
    const char *user_dirs;    /* the text of user-dirs.dirs */
    const char *home;         /* $HOME */
} OutDirEnv;

/* The pictures folder a user-dirs.dirs text names: its (last) line
 * XDG_PICTURES_DIR="$HOME/..." or XDG_PICTURES_DIR="/...", with \-escapes, into
 * out. Returns 0, or -1 when the text names none, names one neither under $HOME nor
 * absolute, needs a home that is not given, or does not fit cap. */
int outdir_user_dirs(const char *text, const char *home, char *out, size_t cap);

/* Where user-dirs.dirs is: $XDG_CONFIG_HOME/user-dirs.dirs when config_home is
 * absolute, else $HOME/.config/user-dirs.dirs. Returns 0, or -1 (no home, or too
 * long). */
int outdir_user_dirs_path(const char *config_home, const char *home, char *out, size_t cap);

/* The folder to save into (see the top of this file); with no --out-dir, no
 * pictures folder and no home, the working directory. Returns 0, or -1 with err
 * (a relative --out-dir or no home without a working directory, or a path longer
 * than cap). */
int outdir_choose(const OutDirEnv *env, char *out, size_t cap, char *err, size_t err_cap);

/* outdir_choose with XDG_PICTURES_DIR, XDG_CONFIG_HOME, HOME, the working
 * directory and user-dirs.dirs as they are. */
int outdir_from_env(const char *out_dir, char *out, size_t cap, char *err, size_t err_cap);

#endif
