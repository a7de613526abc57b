/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* theme: the window's named colours and sizes, in one struct (as microui's style
 * holds its colours), so every panel draws from the same palette and a colour is
 * changed in one place. Colours are 0xRRGGBBAA; sizes are pixels at UI scale 1.
 * The runs' own colours are the scene's palette (scene_palette), not the theme's. */
#ifndef GS_THEME_H
#define GS_THEME_H

typedef struct Theme {
    /* surfaces */
    unsigned bg;             /* behind everything: the window and screenshots */
    unsigned panel;          /* the side panel and the bottom bar */
    unsigned widget, widget_hot, accent;
    unsigned box;            /* legend and titles over the map */
    unsigned toast;          /* a message over the map */
    unsigned label_box;      /* a label at a run's head */
    unsigned scrim;          /* dims the window behind the help */
    unsigned dialog;         /* the help */
    unsigned scroll_bar;
    unsigned knob_outline;   /* around a slider's knob */
    /* text */
    unsigned text;           /* values and body text */
    unsigned text_dim;       /* labels, column heads */
    unsigned text_strong;    /* titles and run labels */
    unsigned heading;        /* section titles, key names, the formula label */
    unsigned error;          /* one red for every error and warning */
    unsigned check_mark;
    /* map markers */
    unsigned marker_fill;    /* the start */
    unsigned marker_outline; /* around the start and a diverged label */
    unsigned head_outline;   /* around each run's head */
    unsigned minimum_ring;   /* a known minimum: a light ring ... */
    unsigned minimum_shadow; /* ... over a dark one, hollow */
    unsigned bundle_alpha;   /* alpha of a noise bundle's members */
    /* inside the optimizer: arrows at a run's head (the step itself is in the run's colour) */
    unsigned arrow_grad;     /* -lr * gradient */
    unsigned arrow_velocity; /* -lr * momentum (b, m-hat) */
    unsigned arrow_shadow;   /* under every arrow and box */
    unsigned card;           /* the update-rule card */
    unsigned rule;           /* a rule's symbols on the card */
    /* the plot */
    unsigned plot_grid, plot_axis;   /* grid lines, the axes' frame */
    unsigned plot_band_alpha;        /* alpha of a bundle's band behind its curve */
    unsigned plot_future;            /* over the steps not yet shown */
    unsigned plot_cursor, plot_hover; /* the step shown; the step under the mouse */
    /* sizes */
    float side_w, bar_h;                 /* the side panel's width, the bar's height */
    float font, row, pad;                /* the UI's text size, row height, padding */
    float map_font;                      /* legend and titles over the map */
    float help_font, toast_font, title_font;
    float path_w, bundle_w;              /* trajectory and bundle line widths */
    float head_r, start_r;               /* marker radii ... */
    float marker_w;                      /* ... and their outlines */
    float minimum_r, minimum_shadow_w;   /* a minimum's dark ring ... */
    float minimum_ring_r, minimum_ring_w; /* ... and its light one */
    float label_font;                    /* a label at a run's head */
    float card_font;                     /* the update-rule card's text */
    float arrow_w;                       /* an arrow's line width */
    float plot_w;                        /* a curve's line width in the plot */
} Theme;

extern const Theme gs_theme;

#endif
