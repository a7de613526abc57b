/* app: the interactive application's state and one frame of it. app_update reads
 * the frame's Input, runs the UI (widgets write straight into the scene's
 * hyperparameters), applies actions, pans and zooms, re-simulates what changed and
 * builds the frame's DrawList; app_draw hands the list to the renderer.
 *
 * Invariants: every run's trajectory is current after app_update (a change is
 * re-simulated in the same frame); the revealed step lies in [0, scene.steps]; every
 * hyperparameter stays within its valid range. */
#ifndef GS_APP_H
#define GS_APP_H

#include "draw.h"
#include "render.h"
#include "spec.h"
#include "ui.h"

typedef struct App {
    Scene scene;
    Layout layout;
    LegendPos legend;
    MapView view;            /* the world region asked for; fitted to each panel */
    int interactive;         /* 0: a screenshot without controls */
    double t;                /* revealed step (fractional while animating) */
    int playing;
    double speed;            /* steps per second */
    int show_help;
    int want_quit, want_fullscreen, want_screenshot;
    float user_scale;        /* UI scale chosen by the user (Ctrl +/-) */
    float scale;             /* effective: user_scale x HiDPI/size factor */
    UiContext ui;
    DrawList dl;             /* the frame: map, then the UI on top */
    DrawList ui_dl;          /* the UI, built first */
    Renderer *r;
    float panel_scroll;
    int surface_menu;        /* the surface list is open */
    unsigned run_more;       /* bit i: run i shows its advanced settings */
    int block_group, block_bg; /* the side panel block being built (see app.c) */
    float block_y;
    char expr_text[EXPR_MAX_SOURCE];
    char expr_error[160];
    char message[1600];
    double message_until;
    double clock;            /* seconds since start */
    char out_dir[1024];
    /* map interaction */
    int pressing, panning;
    float press_x, press_y;
    MapView press_view;
    /* frame geometry, pixels */
    int fb_w, fb_h;
    float map_x, map_y, map_w, map_h;
} App;

/* Builds the scene from the config. Returns 0, or -1 with err (bad config). */
int app_init(App *a, const Config *cfg, Renderer *r, int interactive, char *err, size_t cap);
void app_free(App *a);

void app_update(App *a, const Input *in, double dt, int fb_w, int fb_h);
void app_draw(const App *a, Renderer *r);

/* Renders the map and legend, without controls, at w x h into an offscreen target
 * and writes a PNG. Returns 0, or -1 with err. */
int app_write_png(App *a, const char *path, int w, int h, char *err, size_t cap);

/* The screenshot action: a PNG named gradscape-YYYYmmdd-HHMMSS.png in out_dir,
 * confirmed (or the error shown) on screen. */
void app_write_png_timestamped(App *a);

/* Re-simulates every run and keeps the revealed step in range. */
void app_resimulate(App *a);

/* World point under a pixel of the map (in grid layout: of the panel under it).
 * Returns 0 when the pixel is on no map. */
int app_map_world(const App *a, float px, float py, double *wx, double *wy);

#endif
