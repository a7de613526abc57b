/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* bindings: the window's keyboard and mouse controls, as one table. The app
 * dispatches keys through it, and the help overlay and --help list it, so what a
 * key does and what the help says it does cannot drift apart.
 *
 * Invariants: a row with a key maps (key, modifiers) to one action; a row whose
 * `keys` text is NULL is described by the nearest row above it that has one (one
 * help line for a pair such as -> and <-); a row with no key (UI_KEY_COUNT) is help
 * text only (a mouse gesture). */
#ifndef GS_BINDINGS_H
#define GS_BINDINGS_H

#include <stdio.h>

#include "ui.h"

typedef enum Action {
    ACT_NONE,
    ACT_PLAY_PAUSE,
    ACT_STEP_FORWARD,
    ACT_STEP_BACK,
    ACT_FIRST_STEP,
    ACT_LAST_STEP,
    ACT_RESTART,
    ACT_FASTER,
    ACT_SLOWER,
    ACT_TOGGLE_LAYOUT,
    ACT_TOGGLE_PLOT,
    ACT_RESET_VIEW,
    ACT_TOGGLE_3D,
    ACT_TOGGLE_HYPER_MAP,
    ACT_TOGGLE_BASINS,
    ACT_TOGGLE_BASIN_DIFF,
    ACT_TOGGLE_INTERNALS,
    ACT_TOGGLE_CARD,
    ACT_SCREENSHOT,
    ACT_SAVE_SCENE,
    ACT_OPEN_SCENE,
    ACT_COPY_TORCH,
    ACT_EXPORT_GIF,
    ACT_EXPORT_MP4,
    ACT_UI_LARGER,
    ACT_UI_SMALLER,
    ACT_UI_NORMAL,
    ACT_FULLSCREEN,
    ACT_HELP,
    ACT_ESCAPE,
    ACT_PRESENT,
    ACT_NEXT_SLIDE,
    ACT_PREV_SLIDE,
    ACT_UNDO,
    ACT_REDO,
    ACT_QUIT,
    ACT_DRAWER,
    ACT_COUNT
} Action;

/* Which modifier state a row needs. */
typedef enum BindMods {
    BIND_PLAIN,      /* without Ctrl (Shift may be held: it makes + on some keyboards) */
    BIND_CTRL,       /* with Ctrl, without Shift */
    BIND_CTRL_SHIFT, /* with Ctrl and Shift */
    BIND_ANY,        /* any */
} BindMods;

typedef struct Binding {
    Action action;
    UiKey key;           /* UI_KEY_COUNT: no key (help text for a mouse gesture) */
    BindMods mods;
    const char *keys;    /* as shown in help, UTF-8, N_() where words; NULL: shares the line above */
    const char *help;    /* what it does, N_(): shown through bindings_help */
} Binding;

/* A row's keys and help in the language in use (the table holds English): what
 * the help overlay and --help show and measure. NULL or "" as the row has it. */
const char *bindings_keys(const Binding *b);
const char *bindings_help(const Binding *b);

/* The table, in the order help shows it. */
const Binding *bindings_table(int *n);

/* The action bound to a key pressed with these modifiers, or ACT_NONE. */
Action bindings_action(UiKey key, int ctrl, int shift);

/* Writes the help lines, "  KEYS  HELP" with the keys column `keys_w` bytes wide
 * (measured in characters as shown, of bindings_keys), one per line. */
void bindings_print(FILE *f, int keys_w);

#endif
