/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* panel: a rectangle of the window that draws itself from const state and takes
 * its input. The window's layout is data, a list of slots (panel, dock edge), in
 * app.c; a new view is a new file that defines a PanelClass, plus a slot line.
 *
 * A panel built from immediate-mode widgets (the side panel, the bar) draws while
 * it takes input: its `input` records commands into the App's UI list and its
 * `draw` is panel_draw_recorded, which copies them into the frame. A panel drawn
 * from state alone (the map) draws only in `draw`.
 *
 * Invariants: `input` may change the App but simulates nothing (it records what
 * changed in App.changes); `draw` changes nothing and may be called for any layout
 * (the window's, or a screenshot's at another size); in a picture of the window
 * (as_shown), the panel's pixels are the window's but for what the mouse hovers. */
#ifndef GS_PANEL_H
#define GS_PANEL_H

#include "draw.h"
#include "ui.h"

typedef struct App App;
typedef struct PanelClass PanelClass;

typedef struct Panel {
    const PanelClass *cls;
    float x, y, w, h;
    int over;              /* a drawer over the others (drawn last, takes the mouse first) */
} Panel;

#define FRAME_MAX_PANELS 8

/* Where everything goes in one frame, and at what UI scale. */
typedef struct FrameLayout {
    int w, h;              /* framebuffer pixels */
    float scale;           /* the user's UI scale times the window size's */
    int controls;          /* the window's controls and overlays (0: a picture) */
    int narrow;            /* the side panel is a drawer (app_narrow) */
    int as_shown;          /* a picture of the window's (app_window_picture): what the
                            * window shows there, at rest (the plot's metric buttons,
                            * nothing hovered) */
    Panel panel[FRAME_MAX_PANELS];
    int n;
} FrameLayout;

struct PanelClass {
    const char *name;
    /* Pixels the panel takes from its dock edge, given the room left (w x h).
     * Unused for the fill slot. */
    float (*size)(const App *a, const FrameLayout *f, float room_w, float room_h);
    /* For a panel that may share a column with another (app.c's layout): the
     * height it takes at width w when offered h, what it needs but no more than h
     * unless it must have more to be worth showing; 0 when w is too narrow for it.
     * NULL for the others. */
    float (*height)(const App *a, const FrameLayout *f, float w, float h);
    /* The UI pass. NULL: the panel takes no input. */
    void (*input)(App *a, const Panel *p, const Input *in);
    /* Appends the panel's commands to dl. */
    void (*draw)(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl);
};

extern const PanelClass panel_map, panel_side, panel_bar, panel_card, panel_plot, panel_sweep, panel_caption;

/* The panel of a class in a layout, or NULL. */
const Panel *frame_panel(const FrameLayout *f, const PanelClass *cls);

/* `draw` for an immediate-mode panel: what its input recorded this frame. */
void panel_draw_recorded(const App *a, const FrameLayout *f, const Panel *p, DrawList *dl);

#endif
