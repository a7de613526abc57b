/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* scenefile: a scene as a text file in the command line's own language, one option
 * per line, '#' comments and blank lines allowed:
 *     --surface rosenbrock:a=1,b=100
 *     --opt adam:lr=0.050000000000000003,beta1=0.9,...,label=adam,colour=3,enabled=1
 * Reading applies each line as if it were given on the command line where the file
 * is named; only the options of the Scene section may appear, never --scene itself.
 * The file's --opt lines replace the runs given before it (none: the surface's
 * default runs); an --opt after it adds a run.
 * Invariants: every number is written so that it reads back to the same double, so
 * scene -> file -> scene gives the same trajectories bit for bit; a file is written
 * under a temporary name, synced and renamed, never left half-written; a bad file is
 * refused with one line naming it and the line, and the Config is left as it was. */
#ifndef GS_SCENEFILE_H
#define GS_SCENEFILE_H

#include <stddef.h>

#include "scene.h"
#include "spec.h"

#define SCENEFILE_MAX_BYTES (1024 * 1024) /* larger files are refused unread */
#define SCENEFILE_LINE_MAX 1024           /* bytes in a line, without its newline */

/* What a file holds beyond the Scene: how the window showed it. */
typedef struct SceneFileView {
    double view[4];       /* xmin, xmax, ymin, ymax */
    Layout layout;
    LegendPos legend;
    double legend_at[2];  /* LEGEND_AT: where */
    int no_axes;          /* written as --axes off */
    char lang[16];        /* --lang CODE, "" for none (not written) */
    int at;               /* the step shown, -1: the last (not written) */
    PlotArg plot;         /* PLOT_ARG_UNSET: not written */
    int internals;
    char card[SCENE_LABEL_MAX]; /* "" for none */
    double speed;         /* steps per second, 0: unset (not written) */
    int view3d;           /* the map in 3D ... */
    double camera[3];     /* ... seen from azimuth, elevation, distance (0, 0, 0: the default) */
} SceneFileView;

/* The view a config asks for around a built scene (its view is the surface's). */
void scenefile_view_from_config(const Config *cfg, const Scene *sc, SceneFileView *v);

/* Writes the scene and the view as a scene file's text into buf. Returns its length,
 * or -1 when it does not fit in cap or a value cannot be written on one line. */
int scenefile_format(const Scene *sc, const SceneFileView *v, char *buf, size_t cap);

/* Writes the file atomically: a temporary file beside it, written, flushed, fsynced,
 * renamed over path, and the directory synced. Returns 0, or -1 with err. */
int scenefile_save(const char *path, const Scene *sc, const SceneFileView *v, char *err, size_t cap);

/* Writes text (len bytes) to path as scenefile_save writes a scene: atomically,
 * through a symlink. Returns 0, or -1 with err. */
int scenefile_write_text(const char *path, const char *text, size_t len, char *err, size_t cap);

/* Applies a scene file's text (len bytes, NULs included) onto cfg; `name` names it
 * in messages ("scene.gs:7: ..."). Returns 0, or -1 with err and cfg unchanged. */
int scenefile_parse(const char *text, size_t len, const char *name, Config *cfg, char *err, size_t cap);

/* Reads the file at path (at most SCENEFILE_MAX_BYTES) and applies it as
 * scenefile_parse. Only a regular file is read, or /dev/stdin, /dev/null and a
 * descriptor the caller holds (/dev/fd/N, as `--scene <(...)` gives): a FIFO, a
 * socket or a device is refused at once, never waited on. Returns 0, or -1 with
 * err and cfg unchanged. */
int scenefile_load(const char *path, Config *cfg, char *err, size_t cap);

/* Reads the file at path whole (at most SCENEFILE_MAX_BYTES) into *text (malloc'd,
 * not NUL-terminated; *len bytes), with scenefile_load's rules of what is read;
 * `kind` names it in messages (_("scene file"), _("lesson file"): translated). Returns
 * 0, or -1 with err. */
int scenefile_read(const char *path, const char *kind, char **text, size_t *len, char *err, size_t cap);

/* 0 when a line (len bytes, no newline) may be in a scene file: no control byte,
 * UTF-8, at most SCENEFILE_LINE_MAX bytes; else -1 with why. */
int scenefile_check_line(const char *s, size_t len, char *why, size_t cap);

/* 0 if path names something, else the errno that says why not (ENOENT: nothing
 * there). Opens nothing. */
int scenefile_probe(const char *path);

/* The window's last scene: $XDG_STATE_HOME/gradscape/last.scene, or
 * ~/.local/state/gradscape/last.scene when XDG_STATE_HOME is unset or not absolute.
 * With `create`, makes the directories on the way. Returns 0, -1 (no HOME, a
 * directory cannot be made) or SCENEFILE_PATH_TOO_LONG (the path does not fit in
 * cap: scenefile_state_var names the variable it came from). */
#define SCENEFILE_PATH_TOO_LONG (-2)
int scenefile_state_path(char *out, size_t cap, int create);

/* "XDG_STATE_HOME" or "HOME": the variable scenefile_state_path starts from. */
const char *scenefile_state_var(void);

#endif
