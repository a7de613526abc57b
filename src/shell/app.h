/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* app: the interactive application's state and one frame of it.
 *
 * One frame, app_update: the layout places the panels (see panel.h); each panel
 * takes its input (the UI pass: widgets write the values they edit and record what
 * changed in `changes`); the key bindings apply; then the recorded changes are
 * applied and the scene re-simulated once; the animation advances. app_frame then
 * builds the frame's draw list from const state: the one function that the window,
 * a screenshot and an animation export all call.
 *
 * Invariants: after app_update every run's trajectory is current; the revealed step
 * lies in [0, scene.steps]; every hyperparameter stays within its valid range. */
#ifndef GS_APP_H
#define GS_APP_H

#include "bindings.h"
#include "draw.h"
#include "history.h"
#include "panel.h"
#include "plot.h"
#include "render.h"
#include "spec.h"
#include "sweep.h"
#include "ui.h"
#include "view3d.h"

/* What the UI pass changed, applied once after it (app.c: apply_changes). */
typedef struct AppChanges {
    unsigned runs;           /* bit i: run i's trajectory must be recomputed */
    int scene;               /* every run's */
    int restart;             /* the animation from step 0, playing */
    int steps;               /* a new step count, or -1 */
    int add;                 /* an optimizer to add a run of, or -1 */
    int remove;              /* a run to remove, or -1 */
    int bundle_run, bundle;  /* a run's new bundle size (bundle_run -1: none) */
    int surface;             /* load next_surface */
    int formula_only;        /* ... a typed formula: nothing else changes */
    int tune;                /* every run's learning rate to the surface's tuned one */
    int open_scene;          /* open the side panel's scene file (replaces everything else) */
    int open_lesson;         /* open built-in lesson open_lesson - 1 (0: none; the same) */
    int history;             /* -1: undo, 1: redo (replaces everything else) */
    Surface next_surface;
} AppChanges;

/* The side panel as a drawer (a narrow window): closed; upright, a sheet from the
 * bottom that peeks (the surface and the selected run's sliders), takes half the
 * height or nearly all of it; turned, a panel from the right (any open state). */
typedef enum Drawer { DRAWER_CLOSED, DRAWER_HALF, DRAWER_FULL, DRAWER_PEEK } Drawer;

/* The side panel's own state. */
typedef struct SideState {
    float scroll;
    int surface_menu;         /* the surface list is open */
    unsigned run_more;        /* bit i: run i shows its advanced settings */
    int block_group, block_bg; /* the block being built (panel_side.c) */
    float block_y;
    char expr_text[EXPR_MAX_SOURCE];
    char scene_path[1100];    /* the scene file that Save and Open use */
    char expr_error[160];
    char new_caption[240];    /* the caption of the slide "Add slide" makes */
    char label_edit[SCENE_LABEL_MAX]; /* a run's label while its field is edited */
    int grip;                 /* the drawer's grip is held: a drag up or down resizes it */
    float grip_y;
} SideState;

/* The map's mouse gesture: a press that becomes a click or a pan. */
typedef struct MapGesture {
    int pressing, panning;
    float press_x, press_y;
    MapView press_view;
    Camera3D press_camera;   /* 3D: orbit (drag) or pan (Shift-drag) from here */
    int legend;              /* the press was on the legend: a click selects a row, a drag moves it */
    int legend_row;          /* ... the run of the row pressed, or -1 */
    float legend_x, legend_y;/* ... the legend's box at the press */
} MapGesture;

/* The plot under the map (panel_plot.c). */
typedef struct PlotMemo PlotMemo;
typedef struct PlotState {
    int show;                /* asked for (drawn when the room allows) */
    PlotMetric metric;
    int hover;               /* the mouse is over the plot's axes, at hover_step */
    int hover_step;
    float hover_x, hover_y;
    int scrubbing;           /* a press in the plot is held: it sets the step */
    PlotMemo *memo;          /* the reduced curves, kept while what they show is unchanged */
} PlotState;

/* A hyperparameter or basin map of one run (app_maps.c): its cells' outcomes and
 * their colours. */
typedef enum MapsKind { MAPS_NONE, MAPS_HYPER, MAPS_BASIN } MapsKind;
typedef struct Maps {
    MapsKind kind;
    int run;                 /* the run mapped */
    SweepAxis axis[2];       /* a hyperparameter map's */
    MapView view;            /* a basin map's starts */
    int n;                   /* cells a side (a basin map's; a hyperparameter map has axis[k].n) */
    double tol;
    int metric;              /* 0: the final loss, 1: the steps to tol */
    double value_lo, value_hi; /* the colours' range: log10(final loss - floor) from dark to light */
    double floor;            /* the surface's lowest known value (0 where none is known) */
    double share[SURFACE_MAX_MINIMA]; /* a basin map's starts ending at each known minimum */
    double share_diverged, share_none; /* ... diverging, and ending at none */
    SceneOutcome *out;       /* cell (i, j) at out[j * nx + i], row 0 at the low end */
    unsigned *image;         /* its colours, 0xRRGGBBAA, top row first */
    int nx, ny;
    unsigned long long version; /* changes with image */
    /* the window's: asked for, computed in the background, coarse then fine */
    MapsKind want;
    struct MapsJob *job;
    unsigned long long inputs;  /* what the map shown (and the job) are of */
    int fine;                   /* the map shown is the full one */
    int hover;                  /* the cell under the mouse, or -1 */
    int press_cell;             /* the cell pressed (a click takes it on the release), or -1 */
    double press_clock;         /* ... when (a finger held half a second only reads it) */
    int press_finger;           /* ... by a finger */
    int pick[2];                /* the keys chosen for the axes (a click on an axis's name), -1: the default */
    double centre[HP_COUNT];    /* the values the axes are centred on (sweep_default_axes) */
    int centred, centre_run, centre_kind; /* centre holds the values of this run and optimizer */
    int other_wanted;           /* basins of two runs: the selected one and the next (D) */
    int other;                  /* basins: the run compared with (where the two part), or -1 */
    SceneOutcome *out2;         /* ... its outcomes */
} Maps;

/* The commands a panel's input recorded into the UI list this frame, and the
 * widgets it placed (UiContext.placed). */
typedef struct Recorded {
    const PanelClass *cls;
    int first, last;
    int placed_first, placed_last;
} Recorded;

struct App {
    Scene scene;
    Layout layout;           /* overlay or grid */
    LegendPos legend;
    double legend_at[2];     /* LEGEND_AT: the legend's place, 0 to 1 across the room the map leaves it */
    int axes;                /* tick labels and the colour bar around the map */
    MapView view;            /* the world region asked for; fitted to each map */
    int view3d;              /* the map in 3D (asked for; view3d_blend follows) */
    float view3d_blend;      /* 0: the 2D map, 1: 3D; in between while it turns */
    Camera3D camera;         /* the 3D view's */
    double t;                /* revealed step (fractional while animating) */
    int playing;
    double speed;            /* steps per second */
    int show_help;
    /* a lesson (lesson.h): the slides, the one shown; presenting it (F5): the map
     * and the caption alone; blank: the screen black (a clicker's B) */
    History history;         /* the scene's states, for undo and redo */
    char *history_buf;       /* room for one state's text */
    struct Lesson *lesson;
    int slide;
    int presenting, blank;
    int selected;            /* the run the update-rule card explains, or -1 */
    int show_card;           /* the card is open (for the selected run) */
    int show_internals;      /* arrows and boxes at the heads */
    int card_no_room;        /* bit 0: the card is open but the window has no room for it; bit 1: the
                                same for the hyperparameter map (each told once) */
    int want_quit, want_screenshot;
    int fullscreen;          /* the window fills the screen (the platform makes it so) */
    int present_fullscreen;  /* presenting made it so: leaving presenting leaves it */
    int want_export;         /* an animation to export: a MediaFormat, or 0 */
    struct AnimJob *anim;    /* the animation being exported (app_anim.c), or NULL */
    int anim_cancel;         /* Esc pressed while it runs */
    char anim_path[1200];
    int anim_fps, anim_frames;  /* the export's rate and length (--fps, --frames, --duration) */
    double anim_seconds;
    float user_scale;        /* UI scale chosen by the user (Ctrl +/-) */
    int touch;               /* the last input was a finger: controls at least 44 px */
    int touch_next;          /* the pointer changed (1 a finger, -1 a mouse): touch follows when
                                no press is on */
    int drawer;              /* in a narrow window, the side panel: a Drawer */
    int bar_more;            /* in a narrow window, the bar's overflow shown */
    FrameLayout frame;       /* this frame's layout of the window */
    UiContext ui;
    DrawList ui_dl;          /* what the UI pass recorded */
    Recorded recorded[FRAME_MAX_PANELS];
    int n_recorded;
    Renderer *r;
    AppChanges changes;
    SideState side;
    MapGesture gesture;
    char message[1600];
    int message_path;        /* where a path starts in message (shortened in its middle to fit), or -1 */
    double message_until;
    double clock;            /* seconds since start */
    double settle_until;     /* frames are drawn until then, after a trajectory changed */
    unsigned long long versions_seen; /* the runs' versions at the last frame, hashed */
    char out_dir[1024];      /* where the window saves (absolute on the desktop: app_choose_out_dir) */
    char lang[16];           /* the language chosen (--lang, a scene file, the switch); "" the environment's */
    PlotState plot;
    Maps maps;
    /* puts text on the system clipboard; 0 on success (set by the platform) */
    int (*clipboard)(const char *text);
    /* offers a file the user saved (set by the browser's platform, which has no
     * folder to leave it in: it becomes a download); NULL on the desktop */
    void (*file_saved)(const char *path);
    /* asks for a scene file to open (the browser's: a file picker, which later
     * opens the chosen file with app_open_scene); NULL on the desktop, which opens
     * the file the side panel names */
    void (*file_open)(App *a);
};

/* Sets up the app around a scene: `sc` (taken over, it is left empty) or, when
 * NULL, the one the config describes. Returns 0, or -1 with err (bad config). */
int app_init(App *a, const Config *cfg, Scene *sc, Renderer *r, char *err, size_t cap);
void app_free(App *a);

void app_update(App *a, const Input *in, double dt, int fb_w, int fb_h);

/* The layout of a w x h frame: the window's (controls) or a picture's. */
void app_layout(const App *a, int w, int h, int controls, FrameLayout *out);

/* The picture the window shows: the window's layout (a->frame: its size, its UI
 * scale, its panels where they are) with only the panels that are not controls
 * (the map, with the plot, the card and the hyperparameter map when they are
 * shown), as_shown; rect (x, y, w, h) the part of the window they cover, which the
 * picture keeps (0 x 0 before the window's first layout). */
void app_window_picture(const App *a, FrameLayout *out, int rect[4]);

/* Builds a frame's draw list (cleared first) from the state. */
void app_frame(const App *a, const FrameLayout *f, DrawList *out);

/* Renders the picture (the map and legend, no controls) at w x h offscreen and
 * writes it as a PNG. Changes no state. Returns 0, or -1 with err. */
int app_write_png(const App *a, const char *path, int w, int h, char *err, size_t cap);

/* The picture the window shows (app_window_picture) as a PNG: the window's pixels
 * there, but for its overlays (the message, help, hover readouts, an export's
 * progress). It is drawn in the window's framebuffer (which the next frame draws
 * over), so call it between frames or before a frame is drawn. Changes no state.
 * Returns 0, or -1 with err. */
int app_write_window_png(const App *a, const char *path, char *err, size_t cap);

/* The screenshot action: the window's picture as a PNG named
 * gradscape-YYYYmmdd-HHMMSS.png in out_dir, confirmed with its path (or the error
 * shown) on screen. */
void app_write_png_timestamped(App *a);

/* The desktop's folder to save into (outdir.h): out_dir (--out-dir, or NULL)
 * made absolute, else the pictures folder's gradscape; the scene file's path
 * follows. A folder that cannot be had is logged, and out_dir is left as it was. */
void app_choose_out_dir(App *a, const char *out_dir);

/* Creates out_dir when it is missing (mkdir -p, mode 0755). Returns 0 when it is a
 * folder that can be written into, else -1 with a message naming the folder and
 * why. */
int app_out_dir_ready(App *a);

/* A file the app wrote at the user's asking (a screenshot, a scene, an
 * animation): announced as "Saved PATH", or as format says (translated, its one
 * %s the path, at its end: "Saved the scene to %s"), and handed to the
 * platform's file_saved. */
void app_saved(App *a, const char *format, const char *path);

/* A new file name in out_dir, gradscape-YYYYmmdd-HHMMSS.EXT (-2, -3, ... when the
 * name is taken). */
void app_timestamped_path(const App *a, const char *ext, char *out, size_t cap);

/* The window's animation export (app_anim.c): start an animation of the picture the
 * window shows (app_window_picture, as a screenshot saves it; an MP4's sides even, its
 * last column or row left out) into out_dir, the whole run in five seconds (or as
 * --fps, --frames and --duration say); then, each frame, write frames for about
 * budget_ms, with the progress shown over the map, until done, failed or cancelled
 * (Esc), as a message. */
void app_export_start(App *a, int media_format);
void app_export_work(App *a, double budget_ms);

/* The view, layout, step, plot, arrows, card and speed a config asks for (the
 * scene already built from it). */
void app_apply_config_view(App *a, const Config *cfg);

/* Scene files (app_scene.c): save the scene and its view to a path (0, or -1 with
 * err); save to / open from the side panel's path, with a message on screen; save
 * the last scene for --resume (on a normal quit). */
int app_save_scene_to(const App *a, const char *path, char *err, size_t cap);
void app_save_scene(App *a);
void app_open_scene(App *a, const char *path);

/* Shows slide k of the open lesson: its scene, from the defaults; its animation
 * from step 0 if it says --play. Out of range or a slide that fails: a notice, and
 * the scene stays. */
void app_show_slide(App *a, int k);

/* Opens a lesson (a built-in's name or a file) at its first slide; a notice names
 * what failed. */
void app_open_lesson(App *a, const char *what);

/* Authoring: the scene as it is becomes the open lesson's last slide (a new lesson
 * when none is open), with the side panel's caption; and the lesson written where
 * app_lesson_path says (a file lesson: its file; else OUT_DIR/NAME.lesson). */
void app_add_slide(App *a);

/* Undo and redo: the scene's state before (after) the current one, from the history
 * the frames record (app_history_commit, after each finished change: a drag is one
 * change). The step shown and playing are not history. A notice names what was
 * undone ("Undone: adam lr 0.02 → 0.05"). */
void app_history_commit(App *a);
void app_undo(App *a);
void app_redo(App *a);
void app_save_lesson(App *a);
void app_lesson_path(const App *a, char *out, size_t cap);

/* Presenting the lesson, or the scene alone (F5): on / off. */
void app_present(App *a, int on);

/* For tests: in layout f, the shown slide's caption type size, and whether every
 * caption line fits at or above the floor (a 28th of the height presenting, the UI's
 * size in the window). Returns 0 with no caption. */
float app_caption_size(const App *a, const FrameLayout *f, int *fits);
int app_save_last(const App *a);

/* Puts run `run` (< 0: the selected run, or every run) on the clipboard as
 * PyTorch code, with a message on screen. */
void app_copy_torch(App *a, int run);

/* Maps (app_maps.c): a hyperparameter map (axes given) or a basin map of run `run`,
 * computed now on every core, or the outcomes `done` already computed for it
 * (taken over, freed with the map); coloured. Returns 0, or -1 (no memory; `done`
 * is freed). */
int app_maps_compute(App *a, MapsKind kind, int run, const SweepAxis *axes, MapView view, int n, double tol,
                     int metric, SceneOutcome *done);
void app_maps_free(App *a);

/* The window's maps, once a frame: starts (or restarts) the background job when
 * what the map is of changed, and takes a finished pass. */
void app_maps_update(App *a);
/* The hue of the basin of known minimum k, 0xRRGGBB. */
unsigned app_basin_rgb(int k);
/* How far the map being computed is, 0 to 1 (1: none is). */
double app_maps_progress(const App *a);

/* The next key the run's optimizer takes after axis k's (not a flag, not the other
 * axis's), chosen for that axis. */
void app_maps_next_key(App *a, int k);

/* Whether the picture changes with no input: every frame while the animation
 * plays, an export is written, the map turns between 2D and 3D or a notice is
 * shown; when a pass of a map being made in the background comes in; else not at
 * all, and a window waits for input, drawing nothing. */
typedef enum AppBusy { APP_IDLE, APP_WAITS_FOR_MAP, APP_ANIMATES } AppBusy;
AppBusy app_busy(const App *a);

/* Shows a message over the map for a few seconds. */
void app_message(App *a, const char *text);

/* Speaks another language from the next frame (lang_set), kept in the scene files
 * the window saves and in the state --resume reads; not a step of undo. */
void app_set_lang(App *a, const char *code);

/* A lesson's run labels in the reader's language where the catalog has them (the
 * built-in lessons' "too small", "no correction"), and card (the --card label, or
 * NULL) with them: in the window only, the lesson's file and CSVs keep its words. */
void app_lesson_labels(App *a, char *card);

/* Does what a key binding or a button asks. */
void app_act(App *a, Action act);

/* A run's colour, opaque 0xRRGGBBAA. The step the frame shows (floor of t, in
 * [0, steps]): the one value the legend, the timeline and the plot's cursor show;
 * and that step of a run (its last one when it ended before). */
unsigned app_run_rgba(const Run *r);
int app_step(const App *a);
int app_visible_step(const App *a, const Run *r);

/* The plot's state from the config (--plot; unset: shown in the window, not in a
 * headless picture), and its memo. Returns 0, or -1 (out of memory). */
int panel_plot_init(App *a, const Config *cfg);
void panel_plot_free(App *a);
/* Shows or hides the plot (P, the bar's button), saying so when there is no room. */
void panel_plot_toggle(App *a);

/* The formula field shows the current surface's formula (panel_side.c). */
void side_reset_formula(App *a);

/* Re-simulates every run and keeps the revealed step in range. */
void app_resimulate(App *a);

/* The selected run, if the card is open and it exists and is enabled; else -1. */
int app_card_run(const App *a);

/* The selection: run i's card (i < 0: close it). */
void app_select(App *a, int i);

/* The rect the map's picture fills, inside the bands of its axes (in grid layout:
 * the first tile's). Returns 0 when the window has no map. */
int app_map_rect(const App *a, float *x, float *y, float *w, float *h);

/* World point under a pixel of the window's map (in grid layout: of the tile under
 * it). Returns 0 when the pixel is on no map. */
int app_map_world(const App *a, float px, float py, double *wx, double *wy);

/* 1 when a window w x h is too narrow for the side panel beside the map (it would
 * take more than 40% of the width): the side panel is then a drawer. */
int app_narrow(const App *a, int w, int h);
/* 1 when (x, y) is under an open drawer. */
int app_covered(const App *a, float x, float y);

/* The height an upright drawer's peek needs (panel_side.c). */
float side_peek_height(const App *a, float scale);

/* The run a window map and a peeking drawer are of: the selected one, else the first
 * enabled, or -1. */
int app_focus_run(const App *a);

#endif
