/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* history: undo and redo over a scene's states, each a scene file's text (the text
 * is a complete description: scene -> text -> scene is bit for bit). The window
 * records a state after each finished change (one drag is one change) and steps
 * back and forth through them.
 *
 * Invariants: at most HISTORY_DEPTH states, the oldest dropped first; recording a
 * state equal to the current one does nothing; recording after an undo drops the
 * states that were ahead. */
#ifndef GS_HISTORY_H
#define GS_HISTORY_H

#include <stddef.h>

#define HISTORY_DEPTH 256
#define HISTORY_TEXT_MAX (4096 + 16 * 1024) /* a state's text: a scene file of 16 runs */

typedef struct History {
    char *text[HISTORY_DEPTH]; /* owned, NUL-terminated */
    int n, at;                 /* states held; the current one (-1: none) */
} History;

void history_init(History *h);
void history_free(History *h);

/* Records text as the current state. Returns 1 when it was new, 0 when it equals
 * the current one, -1 when out of memory (the history is then left as it was). */
int history_record(History *h, const char *text);

/* The state before (undo) or after (redo) the current one, which it becomes; NULL
 * when there is none. */
const char *history_undo(History *h);
const char *history_redo(History *h);

/* What changed from text `from` to text `to`, in a few words for a notice:
 * "adam lr 0.05 → 0.02", "steps 2000 → 500", "a run added", "the scene". */
void history_describe(const char *from, const char *to, char *out, size_t cap);

#endif
