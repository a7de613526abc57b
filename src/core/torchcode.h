/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* torchcode: a run as PyTorch code. For one run (or every run of a scene) writes
 * Python that builds the same optimizer with torch.optim, every hyperparameter
 * spelled out (the code does not lean on torch's defaults), and the
 * torch.optim.lr_scheduler lines of its schedule. `params` in the code is the
 * caller's parameters. Numbers are written so that Python reads back the same
 * doubles. What torch cannot reproduce (Lion, Adam without bias correction) is
 * written as comments, never as code that would compute something else; what
 * differs slightly (gradient noise, torch versions) gets a "# note:" line.
 *
 * Invariants: the output is NUL-terminated text ending in a newline; it is
 * complete or, when it does not fit, the functions return -1. */
#ifndef GS_TORCHCODE_H
#define GS_TORCHCODE_H

#include <stddef.h>

#include "scene.h"

/* Writes the code of run `run` of the scene into out (cap bytes). Returns its
 * length, or -1 when it does not fit or run is out of range. */
int torchcode_run(const Scene *sc, int run, char *out, size_t cap);

/* Writes a header (the surface, start and steps, for the record) and the code of
 * every run, separated by blank lines. Returns the length or -1. */
int torchcode_scene(const Scene *sc, char *out, size_t cap);

#endif
