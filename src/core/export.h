/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* export: what leaves the program as files: the trajectories as CSV here, images
 * and animations in media/ over the same mechanism. Every file is written under a
 * short hidden temporary name in the target's directory (".gradscape-XXXXXX", so
 * any valid target name works) and renamed into place only when complete, so a
 * failed or interrupted write never leaves a partial file behind. A run that
 * writes several files opens an output set: the files wait under their temporary
 * names and are renamed together once every one succeeded, or all removed. "-"
 * means standard output; an existing device or pipe (/dev/stdout, a FIFO) is
 * written directly. */
#ifndef GS_EXPORT_H
#define GS_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "scene.h"

/* The CSV's columns, its first line. */
#define EXPORT_CSV_HEADER "optimizer,step,x,y,loss,grad_x,grad_y,lr"

/* Writes every run's trajectory: the header, then one row per run and step,
 * numbers as %.17g (they read back exactly). grad is the gradient the optimizer
 * used at that point (noise included); lr the learning rate of the step taken from
 * it. Returns 0, or -1 with err. */
int export_csv(const Scene *sc, const char *path, char *err, size_t cap);

/* Writes the rows to an already open stream (no temporary file). Returns 0, or the
 * errno of the failed write (-1 if unknown). */
int export_csv_stream(const Scene *sc, FILE *f);

/* Opens a temporary file beside `path` (beside its target, when `path` is a
 * symbolic link: the link is written through and stays a link) for writing.
 * Returns the stream and writes the temporary name into tmp, or NULL with err. */
FILE *export_begin(const char *path, char *tmp, size_t tmp_cap, char *err, size_t cap);

/* Closes the stream and renames tmp to the file it stands for, or removes tmp if
 * anything failed:
 * `failed` non-zero (an errno, or -1), a write error, a failed close. Returns 0, or
 * -1 with err naming the file and the reason. */
int export_commit(FILE *f, const char *tmp, const char *path, int failed, char *err, size_t cap);

/* Opens the output set: from now on export_finish keeps each finished file under
 * its temporary name (at most 112: a handout of 100 slides, and more) instead of
 * renaming it. */
void export_set_open(void);

/* Renames every file of the set into place and closes it. Returns 0, or -1 with
 * err (the files not yet renamed are removed). */
int export_set_commit(char *err, size_t cap);

/* Removes every finished file of the set (nothing at a target is touched) and
 * closes it. */
void export_set_abort(void);

/* Non-zero when two paths name the same file (links followed): the same inode, or
 * for files that do not exist yet the same name in the same directory. */
int export_same_file(const char *a, const char *b);

/* The same for a temporary file already closed (written by a library that opens
 * the file by its name): renames it into place if `failed` is 0, else removes it. */
int export_finish(const char *tmp, const char *path, int failed, char *err, size_t cap);

#endif
