/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* headless: everything the program does without a window: simulate a scene, write
 * its CSV and an offscreen-rendered PNG, and the rendering benchmark. Each returns
 * the process exit status. */
#ifndef GS_HEADLESS_H
#define GS_HEADLESS_H

#include "spec.h"

int headless_run(const Config *cfg);

/* 1 when headless_run left its GL context up for the process's end to take down:
 * the caller then ends the process with _exit once its files are in place (library
 * destructors must not run under a live software GL's threads). */
int headless_gl_left_up(void);
int headless_bench(const Config *cfg);

/* --sweep and --basin: the map computed, written with --csv. */
int headless_sweep(const Config *cfg);

/* --bench-sweep: a 64x64 hyperparameter map and a 256x256 basin map, on one thread
 * and on all, medians of 3. */
int headless_bench_sweep(void);

/* --bench-export: the time of a 1920x1080 PNG's encoding, and of a 150-frame
 * 960x540 GIF and MP4 of the scene (rendering and encoding), medians of 3. */
int headless_bench_export(const Config *cfg);

#endif
