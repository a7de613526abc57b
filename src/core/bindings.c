/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* bindings: the table and the lookups over it. */
#include "bindings.h"

#include "lang.h"
#include "wrap.h"

#define NO_KEY UI_KEY_COUNT

/* The keys' column is translated only where it holds words ("Space", "Click the
 * map"); key caps (Home, PageDown, Esc, Ctrl+S, F1) and letters stay as printed on
 * the keyboard. */
static const Binding BINDINGS[] = {
    /* TRANSLATORS: the help overlay's key column: the Space bar. The second string of
     * each row is what the key or gesture does; the help lists them in two columns. */
    {ACT_PLAY_PAUSE, UI_KEY_SPACE, BIND_PLAIN, N_("Space"), N_("play / pause")},
    {ACT_STEP_FORWARD, UI_KEY_RIGHT, BIND_PLAIN, "\xe2\x86\x92  \xe2\x86\x90", N_("one step forward / back")},
    {ACT_STEP_BACK, UI_KEY_LEFT, BIND_PLAIN, NULL, NULL},
    {ACT_FIRST_STEP, UI_KEY_HOME, BIND_PLAIN, "Home  End", N_("first / last step")},
    {ACT_LAST_STEP, UI_KEY_END, BIND_PLAIN, NULL, NULL},
    {ACT_RESTART, UI_KEY_R, BIND_PLAIN, "R", N_("restart the animation")},
    {ACT_FASTER, UI_KEY_PLUS, BIND_PLAIN, "+  \xe2\x88\x92", N_("faster / slower")},
    {ACT_SLOWER, UI_KEY_MINUS, BIND_PLAIN, NULL, NULL},
    {ACT_TOGGLE_LAYOUT, UI_KEY_G, BIND_PLAIN, "G", N_("overlay / grid layout")},
    {ACT_RESET_VIEW, UI_KEY_V, BIND_PLAIN, "V", N_("reset the view (and the 3D camera)")},
    {ACT_TOGGLE_3D, UI_KEY_3, BIND_PLAIN, "3", N_("2D / 3D map")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Drag in 3D"), N_("orbit (with Shift: pan); wheel: zoom")},
    {ACT_TOGGLE_HYPER_MAP, UI_KEY_H, BIND_PLAIN, "H  B", N_("the selected run's hyperparameter map / basins")},
    {ACT_TOGGLE_BASINS, UI_KEY_B, BIND_PLAIN, NULL, NULL},
    {ACT_TOGGLE_BASIN_DIFF, UI_KEY_D, BIND_PLAIN, "D", N_("where the basins of the selected run and the next part")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Click the map of H"), N_("give the run that cell's hyperparameters")},
    {ACT_TOGGLE_INTERNALS, UI_KEY_I, BIND_PLAIN, "I", N_("at each head: gradient, step and the optimizer's state")},
    {ACT_TOGGLE_CARD, UI_KEY_U, BIND_PLAIN, "U", N_("the selected run's update rule, with its numbers")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Click a legend row"), N_("select that run and show its update rule")},
    {ACT_TOGGLE_PLOT, UI_KEY_P, BIND_PLAIN, "P", N_("show / hide the plot under the map")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Click the plot"), N_("go to that step (drag to scrub)")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Click the map"), N_("start every run there")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Drag  /  wheel"), N_("pan  /  zoom about the cursor")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Slider value"), N_("click it to type an exact number")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("\xe2\x86\x91  \xe2\x86\x93 on a slider"), N_("nudge by 1%")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("Shift+drag a slider"), N_("ten times finer (wheel: a tick, once pressed)")},
    {ACT_NONE, NO_KEY, BIND_ANY, N_("In a text field"), N_("select: Ctrl+A, Shift+arrows, drag, double-click")},
    {ACT_NONE, NO_KEY, BIND_ANY, "", N_("Ctrl+C X V; Ctrl+Backspace: a word; Esc: as it was")},
    {ACT_UNDO, UI_KEY_Z, BIND_CTRL, "Ctrl+Z  Ctrl+Y", N_("undo / redo a change (Ctrl+Shift+Z; \xe2\x86\xb6 \xe2\x86\xb7 on the bar)")},
    {ACT_REDO, UI_KEY_Y, BIND_CTRL, NULL, NULL},
    {ACT_REDO, UI_KEY_Z, BIND_CTRL_SHIFT, NULL, NULL},
    {ACT_SCREENSHOT, UI_KEY_S, BIND_CTRL, "Ctrl+S", N_("save a PNG screenshot")},
    {ACT_EXPORT_GIF, UI_KEY_E, BIND_CTRL, "Ctrl+E  Ctrl+Shift+E", N_("export the animation as GIF / MP4 (Esc cancels)")},
    {ACT_EXPORT_MP4, UI_KEY_E, BIND_CTRL_SHIFT, NULL, NULL},
    {ACT_SAVE_SCENE, UI_KEY_S, BIND_CTRL_SHIFT, "Ctrl+Shift+S  Ctrl+O", N_("save / open the scene file (side panel)")},
    {ACT_OPEN_SCENE, UI_KEY_O, BIND_CTRL, NULL, NULL},
    {ACT_COPY_TORCH, UI_KEY_C, BIND_CTRL_SHIFT, "Ctrl+Shift+C", N_("copy the selected run (or all) as PyTorch code")},
    {ACT_UI_LARGER, UI_KEY_PLUS, BIND_CTRL, "Ctrl +  Ctrl \xe2\x88\x92  Ctrl 0", N_("larger / smaller / normal text")},
    {ACT_UI_SMALLER, UI_KEY_MINUS, BIND_CTRL, NULL, NULL},
    {ACT_UI_NORMAL, UI_KEY_0, BIND_CTRL, NULL, NULL},
    {ACT_FULLSCREEN, UI_KEY_F11, BIND_ANY, "F11", N_("full screen")},
    {ACT_PRESENT, UI_KEY_F5, BIND_ANY, "F5", N_("present the lesson (or the scene); Esc leaves")},
    {ACT_NEXT_SLIDE, UI_KEY_PAGEDOWN, BIND_ANY, "PageDown  PageUp", N_("next / previous slide; presenting: \xe2\x86\x92 \xe2\x86\x90, B blanks")},
    {ACT_PREV_SLIDE, UI_KEY_PAGEUP, BIND_ANY, NULL, NULL},
    {ACT_DRAWER, UI_KEY_TAB, BIND_PLAIN, "Tab", N_("in a narrow window: open / close the controls (\xe2\x98\xb0)")},
    {ACT_HELP, UI_KEY_F1, BIND_ANY, "F1", N_("this help")},
    {ACT_ESCAPE, UI_KEY_ESCAPE, BIND_ANY, "Esc", N_("back out of help, presenting, full screen; never quits")},
    {ACT_QUIT, UI_KEY_Q, BIND_CTRL, "Ctrl+Q", N_("quit (the scene is kept for --resume)")},
};
#define N_BINDINGS ((int)(sizeof BINDINGS / sizeof BINDINGS[0]))

const char *bindings_keys(const Binding *b)
{
    return b->keys && b->keys[0] ? _(b->keys) : b->keys; /* _("") is the catalog's header */
}

const char *bindings_help(const Binding *b) { return b->help && b->help[0] ? _(b->help) : b->help; }

const Binding *bindings_table(int *n)
{
    *n = N_BINDINGS;
    return BINDINGS;
}

static int mods_match(BindMods m, int ctrl, int shift)
{
    switch (m) {
    case BIND_PLAIN: return !ctrl;
    case BIND_CTRL: return ctrl && !shift;
    case BIND_CTRL_SHIFT: return ctrl && shift;
    case BIND_ANY: return 1;
    }
    return 0;
}

Action bindings_action(UiKey key, int ctrl, int shift)
{
    for (int i = 0; i < N_BINDINGS; i++) {
        const Binding *b = &BINDINGS[i];
        if (b->key == key && mods_match(b->mods, ctrl != 0, shift != 0))
            return b->action;
    }
    return ACT_NONE;
}

void bindings_print(FILE *f, int keys_w)
{
    for (int i = 0; i < N_BINDINGS; i++) {
        const Binding *b = &BINDINGS[i];
        if (!b->keys)
            continue;
        const char *keys = bindings_keys(b);
        int pad = keys_w - wrap_columns(keys);
        fprintf(f, "  %s%*s  %s\n", keys, pad > 0 ? pad : 0, "", bindings_help(b));
    }
}
