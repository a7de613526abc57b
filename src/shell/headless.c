/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* headless: simulate, write the outputs asked for, exit; and the render and export
 * benchmarks. */
#define _POSIX_C_SOURCE 200809L
#include "headless.h"

#include "glapi.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_anim.h"
#include "bench.h"
#include "cancel.h"
#include "export.h"
#include "glctx.h"
#include "lang.h"
#include "lesson.h"
#include "log.h"
#include "media.h"
#include "platform.h"
#include "sweep.h"

static void report_divergence(const Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (r->diverged_at == 0)
            fprintf(stderr, _("gradscape: run '%s' is not finite at its start point; it has no rows\n"), r->label);
        else if (r->diverged_at > 0)
            fprintf(stderr, _("gradscape: run '%s' diverged at step %d; its rows stop at step %d\n"), r->label,
                    r->diverged_at, r->diverged_at - 1);
    }
}

/* Writes the animation of the app's scene that --animate asks for. Returns the exit
 * status. */
static int write_animation(const Config *cfg, App *a)
{
    char err[1400];
    AnimPlan plan = anim_plan(a->scene.steps, cfg->fps, cfg->anim_frames, cfg->anim_seconds);
    /* TRANSLATORS: the progress line's phase: "gradscape: writing the animation [###---] 40%  3 s left" */
    cancel_phase(_("writing the animation"), plan.frames);
    AnimJob *j = anim_job_start(a, cfg->animate_path, NULL, 0, 0, cfg->width, cfg->height, &plan, err, sizeof err);
    int rc = j ? anim_job_run(j, a, 0, err, sizeof err) : -1;
    anim_job_free(j, a);
    cancel_phase_end();
    if (rc != 1) {
        gs_log("--animate: %s", err);
        return 2;
    }
    return 0;
}

/* One picture of the app at cfg's size into path, drawn directly (nothing kept for
 * a next one). Returns 0, or 2 with the message logged. */
static int write_still(App *app, Renderer *r, const Config *cfg, const char *path)
{
    char err[1400];
    render_set_direct(r, 1);
    int rc = app_write_png(app, path, cfg->width, cfg->height, err, sizeof err) == 0 ? 0 : 2;
    render_set_direct(r, 0);
    if (rc)
        gs_log("--screenshot: %s", err);
    return rc;
}

/* A headless run ends the process right after its pictures: the GL context is not
 * taken down (joining llvmpipe's threads, freeing its compiled shaders and the
 * context: 5 ms of a 100 ms screenshot), the kernel frees it all at exit. Sanitizer
 * builds take everything down, so that LeakSanitizer sees the program's own
 * memory freed. */
#if defined(__SANITIZE_ADDRESS__)
enum { LEAVE_GL_UP = 0 };
#else
enum { LEAVE_GL_UP = 1 };
#endif
static int gl_left_up;

int headless_gl_left_up(void) { return gl_left_up; }

/* Renders the scene (taken over) offscreen and writes the PNG at its step and the
 * animation, as asked. */
/* `maps`: a map for the picture, its outcomes computed already (maps->out, taken
 * over), or NULL. */
static int write_pictures(const Config *cfg, Scene *sc, Maps *maps)
{
    GlContext gl;
    char err[1400];
    int ok = glctx_create(&gl, "gradscape", 64, 64, 1, err, (int)sizeof err) == 0;
    bench_phase("gl_ms");
    if (!ok) {
        gs_log("%s: %s", cfg->screenshot_path ? "--screenshot" : "--animate", err);
        scene_free(sc);
        if (maps)
            free(maps->out), maps->out = NULL;
        return 1;
    }
    int rc = 1;
    Renderer *r = render_create();
    bench_phase("renderer_ms");
    App app;
    if (!r) {
        gs_log("%s", _("cannot set up OpenGL rendering"));
        scene_free(sc);
    } else if (app_init(&app, cfg, sc, r, err, sizeof err) != 0) {
        gs_log("%s", err);
        rc = 2;
    } else {
        bench_phase("app_ms");
        if (cfg->at < 0)
            app.t = app.scene.steps;
        app.playing = 0;
        rc = 0;
        if (maps && maps->kind != MAPS_NONE &&
            app_maps_compute(&app, maps->kind, maps->run, maps->axis, maps->view, maps->n, maps->tol, maps->metric,
                             maps->out) != 0)
            gs_log("%s", _("not enough memory for the map")), rc = 1;
        if (maps)
            maps->out = NULL; /* the app's now */
        if (rc == 0 && cfg->screenshot_path && !cancel_requested())
            rc = write_still(&app, r, cfg, cfg->screenshot_path);
        if (rc == 0 && cfg->animate_path && !cancel_requested())
            rc = write_animation(cfg, &app);
        app_free(&app);
    }
    if (maps) /* not taken: no GL, or no app */
        free(maps->out), maps->out = NULL;
    if (LEAVE_GL_UP && !maps && r) {
        gl_left_up = 1;
        bench_phase("teardown_ms"); /* none */
        return rc;
    }
    if (r)
        render_destroy(r);
    glctx_destroy(&gl);
    bench_phase("teardown_ms");
    return rc;
}

/* --lesson with --screenshot DIR/: one PNG per slide, DIR/01.png, 02.png, ..., each
 * slide from the defaults, in one GL context. The files are kept under temporary
 * names until all are written (the export set main opened): a failure leaves none,
 * and a folder made for them is removed. Returns the exit status. */
static int write_handout(const Config *cfg)
{
    const Lesson *l = spec_lesson(cfg);
    const char *dir = cfg->screenshot_path;
    char err[1400];
    int made = mkdir(dir, 0777) == 0;
    if (!made && errno != EEXIST) {
        gs_log(_("--screenshot '%s': cannot make the folder: %s"), dir, strerror(errno));
        return 2;
    }
    GlContext gl;
    if (glctx_create(&gl, "gradscape", 64, 64, 1, err, (int)sizeof err) != 0) {
        gs_log("--screenshot: %s", err);
        if (made)
            rmdir(dir);
        return 1;
    }
    Renderer *r = render_create();
    int rc = r ? 0 : 1;
    if (!r)
        gs_log("%s", _("cannot set up OpenGL rendering"));
    for (int k = 0; rc == 0 && k < l->n_slides && !cancel_requested(); k++) {
        Config c;
        Scene sc;
        App app;
        char path[4200];
        snprintf(path, sizeof path, "%s%02d.png", dir, k + 1);
        if (spec_slide_config(cfg, k, &c, err, sizeof err) != 0 || spec_build_scene(&c, &sc, err, sizeof err) != 0) {
            gs_log("%s", err);
            rc = 2;
            break;
        }
        if (app_init(&app, &c, &sc, r, err, sizeof err) != 0) {
            gs_log("%s", err);
            rc = 2;
            break;
        }
        if (c.at < 0)
            app.t = app.scene.steps;
        app.playing = 0;
        rc = write_still(&app, r, cfg, path);
        app_free(&app);
    }
    if (cancel_requested() && rc == 0)
        rc = 2;
    if (r)
        render_destroy(r);
    glctx_destroy(&gl);
    if (rc != 0) {
        export_set_abort(); /* what was written goes, and the folder made for it */
        if (made)
            rmdir(dir);
    }
    return rc;
}

int headless_run(const Config *cfg)
{
    Scene sc;
    char err[SPEC_ERR_MAX + 64];
    /* what the animation's name asks for, before anything is written */
    if (cfg->animate_path) {
        MediaFormat fmt = media_format_of(cfg->animate_path);
        if (fmt == MEDIA_NONE) {
            gs_log(_("--animate '%s': the format comes from the name: .gif or .mp4"), cfg->animate_path);
            return 2;
        }
        if (fmt == MEDIA_GIF && cfg->fps > MEDIA_GIF_FPS_MAX) {
            gs_log(_("--fps %d: a GIF plays at most %d frames per second (an .mp4 up to %d)"), cfg->fps,
                   MEDIA_GIF_FPS_MAX, MEDIA_FPS_MAX);
            return 2;
        }
    }
    if (spec_build_scene(cfg, &sc, err, sizeof err) != 0) {
        gs_log("%s", err);
        return 2;
    }
    if (cancel_requested()) {
        scene_free(&sc);
        return 2;
    }
    bench_phase("simulate_ms");
    report_divergence(&sc);
    int n_runs = sc.n_runs;
    if (cfg->csv_path && export_csv(&sc, cfg->csv_path, err, sizeof err) != 0) {
        gs_log("--csv: %s", err);
        scene_free(&sc);
        return 2;
    }
    size_t sl = cfg->screenshot_path ? strlen(cfg->screenshot_path) : 0;
    if (sl && cfg->screenshot_path[sl - 1] == '/') { /* a lesson's handout */
        scene_free(&sc);
        int rc = write_handout(cfg);
        if (rc == 0 && cfg->animate_path) {
            if (spec_build_scene(cfg, &sc, err, sizeof err) != 0) {
                gs_log("%s", err);
                return 2;
            }
            Config still = *cfg;
            still.screenshot_path = NULL;
            rc = write_pictures(&still, &sc, NULL);
        }
        return rc;
    }
    if (cfg->screenshot_path || cfg->animate_path)
        return write_pictures(cfg, &sc, NULL);
    scene_free(&sc);
    if (!cfg->csv_path)
        /* TRANSLATORS: FILE stands for a file name */
        printf(_("gradscape: simulated %d runs; add --csv FILE, --screenshot FILE or --animate FILE to write "
                 "them\n"),
               n_runs);
    return 0;
}

/* The hidden window and app a benchmark runs in (its own size set later). Returns
 * 0, or the exit status. */
static int bench_shell(Config *cfg, Shell *sh)
{
    char err[600];
    int is_input;
    cfg->width = 64, cfg->height = 64;
    if (shell_init(sh, cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "gradscape: %s\n", err);
        return is_input ? 2 : 1;
    }
    return 0;
}

int headless_bench(const Config *in_cfg)
{
    Config cfg = *in_cfg;
    int w = cfg.width, h = cfg.height;
    if (cfg.steps < 0)
        cfg.steps = 10000;
    Shell sh;
    int rc0 = bench_shell(&cfg, &sh);
    if (rc0 != 0)
        return rc0;
    App *a = &sh.app;
    if (render_target_begin(sh.r, w, h) != 0) {
        shell_free(&sh);
        return 1;
    }
    Renderer *ren = sh.r;
    DrawList *dl = &sh.dl;
    /* the first frame: from main to the window's whole first picture drawn */
    shell_step(&sh, 0.0, w, h);
    glFinish();
    printf("bench: first_frame_ms=%.1f (from main: GL context, fonts, %d runs x %d steps simulated, the first "
           "%dx%d frame drawn)\n",
           bench_since_start_ms(), a->scene.n_runs, a->scene.steps, w, h);
    double rss_start = bench_rss_mb();
    enum { FRAMES = 300 };
    static double t_anim[FRAMES], t_drag[FRAMES], t_cpu[2][FRAMES];
    Input none;
    memset(&none, 0, sizeof none);
    none.mouse_x = -1, none.mouse_y = -1;
    /* pass 0, the animation running: the trails grow every frame.
     * pass 1, a slider dragged: one run's lr changes every frame and that run's
     * trajectory is recomputed in full (all its steps), as the slider does; each
     * run's slider in turn, FRAMES / runs frames each. */
    a->speed = 10000.0 / 5.0;
    int runs = a->scene.n_runs > 0 ? a->scene.n_runs : 1;
    double per_run[SCENE_MAX_RUNS];
    double cpu_anim_ms = 0; /* the process's CPU time over pass 0: every thread's, llvmpipe's too */
    for (int pass = 0; pass < 2; pass++) {
        a->t = 0;
        a->playing = 1;
        double cpu0 = bench_cpu_ms();
        for (int f = 0; f < FRAMES; f++) {
            double t0 = bench_now_ms();
            if (pass == 1) {
                int i = f * runs / FRAMES;
                Run *r = &a->scene.run[i];
                r->hp[HP_LR] *= (f & 1) ? 1.01 : 1.0 / 1.01;
                scene_simulate_run(&a->scene, i);
            }
            app_update(a, &none, 1.0 / 60.0, w, h);
            app_frame(a, &a->frame, dl);
            t_cpu[pass][f] = bench_now_ms() - t0; /* the frame built; the rest is OpenGL's */
            render_draw(ren, dl, w, h, gs_theme.bg);
            glFinish();
            (pass ? t_drag : t_anim)[f] = bench_now_ms() - t0;
        }
        if (pass == 0) {
            cpu_anim_ms = bench_cpu_ms() - cpu0;
            a->t = a->scene.steps; /* drag with the whole trails shown */
            a->playing = 0;
        }
    }
    for (int i = 0; i < runs; i++) {
        int lo = i * FRAMES / runs, hi = (i + 1) * FRAMES / runs;
        static double tmp[FRAMES];
        memcpy(tmp, t_drag + lo, sizeof(double) * (size_t)(hi - lo));
        per_run[i] = bench_median(tmp, hi - lo);
    }
    /* the animation while a hyperparameter map computes in the background */
    static double t_maps[FRAMES];
    int maps_busy = 0;
    a->maps.want = MAPS_HYPER;
    a->t = 0;
    a->playing = 1;
    for (int f = 0; f < FRAMES; f++) {
        if (!a->maps.job)
            a->maps.inputs = 0; /* done: start it again, so that every frame has it running */
        double t0 = bench_now_ms();
        app_update(a, &none, 1.0 / 60.0, w, h);
        app_frame(a, &a->frame, dl);
        render_draw(ren, dl, w, h, gs_theme.bg);
        glFinish();
        t_maps[f] = bench_now_ms() - t0;
        maps_busy += a->maps.job != NULL;
    }
    a->maps.want = MAPS_NONE;
    app_update(a, &none, 1.0 / 60.0, w, h);
    /* 3D: the camera orbiting, a new angle every frame (the surface drawn anew) */
    static double t_orbit[FRAMES];
    if (a->view3d) {
        a->t = a->scene.steps;
        a->playing = 0;
        for (int f = 0; f < FRAMES; f++) {
            double t0 = bench_now_ms();
            a->camera.azimuth += 1.0f;
            a->camera.elevation = 40.0f + 10.0f * sinf((float)f * 0.05f);
            app_update(a, &none, 1.0 / 60.0, w, h);
            app_frame(a, &a->frame, dl);
            render_draw(ren, dl, w, h, gs_theme.bg);
            glFinish();
            t_orbit[f] = bench_now_ms() - t0;
        }
    }
    /* soak: a long session, the animation looping over and over (2,000,000
     * simulated steps per run), rendering every frame; memory must stay flat */
    double rss_soak0 = bench_rss_mb();
    const long soak_steps = 2000000;
    a->speed = 100000.0;
    a->t = 0;
    a->playing = 1;
    long simulated = 0, soak_frames = 0;
    double soak_t0 = bench_now_ms();
    while (simulated < soak_steps) {
        double before = a->t;
        app_update(a, &none, 1.0 / 60.0, w, h);
        app_frame(a, &a->frame, dl);
        render_draw(ren, dl, w, h, gs_theme.bg);
        simulated += (long)(a->t - before);
        soak_frames++;
        if (!a->playing) { /* at the end: loop */
            a->t = 0;
            a->playing = 1;
        }
    }
    glFinish();
    double soak_ms = bench_now_ms() - soak_t0;
    double rss_soak1 = bench_rss_mb();
    /* the maps in the window, from asking for one to its fine pass shown, while the
     * animation plays at 60 frames a second (each frame drawn, then a wait to the
     * next sixtieth): the surface's own step count, the run with two main keys */
    double map_ms[2] = {0, 0};
    int map_n[2] = {0, 0};
    scene_set_steps(&a->scene, a->scene.surface.steps);
    scene_simulate(&a->scene);
    for (int i = 0; i < a->scene.n_runs; i++) {
        SweepAxis ax[2];
        if (sweep_default_axes(a->scene.run[i].kind, a->scene.run[i].hp, NULL, 2, ax) == 2)
            a->selected = i;
    }
    for (int k = 0; k < 2; k++) {
        MapsKind want = k ? MAPS_BASIN : MAPS_HYPER;
        a->maps.want = want;
        a->t = 0;
        a->playing = 1;
        a->speed = a->scene.steps / 6.0;
        double t0 = bench_now_ms();
        while (bench_now_ms() - t0 < 60000) {
            double f0 = bench_now_ms();
            app_update(a, &none, 1.0 / 60.0, w, h);
            app_frame(a, &a->frame, dl);
            render_draw(ren, dl, w, h, gs_theme.bg);
            glFinish();
            if (a->maps.kind == want && a->maps.fine && !a->maps.job)
                break;
            if (!a->playing)
                a->t = 0, a->playing = 1;
            bench_sleep_ms(1000.0 / 60.0 - (bench_now_ms() - f0));
        }
        map_ms[k] = bench_now_ms() - t0;
        map_n[k] = a->maps.nx;
        a->maps.want = MAPS_NONE;
        app_update(a, &none, 1.0 / 60.0, w, h);
    }
    render_target_end(sh.r);
    double rss = bench_rss_mb();
    double med = bench_median(t_anim, FRAMES), p99 = bench_quantile(t_anim, FRAMES, 0.99);
    double drag = bench_median(t_drag, FRAMES);
    printf("bench: runs=%d steps=%d draw_commands=%d rss_start_mb=%.1f\n", a->scene.n_runs, a->scene.steps, dl->n,
           rss_start);
    printf("bench: drag median per run's slider:");
    for (int i = 0; i < runs; i++)
        printf(" %s=%.2f", a->scene.run[i].label, per_run[i]);
    printf("\n");
    printf("soak: steps=%ld frames=%ld seconds=%.1f rss_start_mb=%.1f rss_end_mb=%.1f\n", simulated, soak_frames,
           soak_ms / 1000.0, rss_soak0, rss_soak1);
    printf("bench: the frame's draw list built (simulation, UI, panels), median: animation %.2f ms, drag %.2f ms\n",
           bench_median(t_cpu[0], FRAMES), bench_median(t_cpu[1], FRAMES));
    printf("bench: animating, CPU time per frame %.2f ms (all threads): at 60 frames a second, %.2f cores\n",
           cpu_anim_ms / FRAMES, cpu_anim_ms / FRAMES * 60.0 / 1000.0);
    printf("bench: while a map computes (%d of %d frames) median_ms=%.2f p99_ms=%.2f\n", maps_busy, FRAMES,
           bench_median(t_maps, FRAMES), bench_quantile(t_maps, FRAMES, 0.99));
    printf("bench: map in the window (%d steps, animating at 60 fps): hyper %dx%d done_ms=%.0f basin %dx%d "
           "done_ms=%.0f\n",
           a->scene.steps, map_n[0], map_n[0], map_ms[0], map_n[1], map_n[1], map_ms[1]);
    if (a->view3d)
        printf("bench: 3d orbit median_ms=%.2f p99_ms=%.2f\n", bench_median(t_orbit, FRAMES),
               bench_quantile(t_orbit, FRAMES, 0.99));
    printf("bench: size=%dx%d frames=%d median_ms=%.2f p99_ms=%.2f drag_median_ms=%.2f rss_mb=%.1f\n", w, h, FRAMES,
           med, p99, drag, rss);
    shell_free(&sh);
    return 0;
}

static long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    long size = f && fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (f)
        fclose(f);
    return size;
}

/* Writes the animation `name` into dir with the plan, three times; the median of
 * the whole job's time, its file size and the median per frame. */
static int bench_animation(App *a, const char *dir, const char *name, int w, int h, const AnimPlan *plan)
{
    char path[1200], err[1400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    double t[3];
    long size = 0;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = bench_now_ms();
        AnimJob *j = anim_job_start(a, path, NULL, 0, 0, w, h, plan, err, sizeof err);
        int rc = j ? anim_job_run(j, a, 0, err, sizeof err) : -1;
        anim_job_free(j, a);
        t[rep] = bench_now_ms() - t0;
        if (rc != 1) {
            fprintf(stderr, "gradscape: --bench-export: %s\n", err);
            return -1;
        }
        size = file_size(path);
        remove(path);
    }
    double med = bench_median(t, 3);
    printf("bench-export: %s %dx%d frames=%d total_ms=%.1f per_frame_ms=%.2f size_kb=%.0f\n", name, w, h,
           plan->frames, med, med / plan->frames, (double)size / 1024.0);
    return 0;
}

int headless_bench_export(const Config *in_cfg)
{
    Config cfg = *in_cfg;
    Shell sh;
    char err[1400];
    int rc0 = bench_shell(&cfg, &sh);
    if (rc0 != 0)
        return rc0;
    App *a = &sh.app;
    a->t = a->scene.steps;
    a->playing = 0;
    char dir[] = "/tmp/gradscape-bench-XXXXXX";
    int rc = 1;
    unsigned char *px = malloc((size_t)1920 * 1080 * 4);
    if (!px || !mkdtemp(dir)) {
        fputs(_("gradscape: --bench-export: no room for its files\n"), stderr);
        goto done;
    }
    /* PNG: the 1080p picture rendered once, then encoded and written five times */
    FrameLayout f;
    app_layout(a, 1920, 1080, 0, &f);
    app_frame(a, &f, &sh.dl);
    if (render_target_begin(sh.r, 1920, 1080) != 0)
        goto done;
    render_draw(sh.r, &sh.dl, 1920, 1080, gs_theme.bg);
    render_read_rgba(sh.r, 1920, 1080, px);
    render_target_end(sh.r);
    char path[1200];
    snprintf(path, sizeof path, "%s/bench.png", dir);
    double t[5];
    long size = 0;
    for (int i = 0; i < 5; i++) {
        double t0 = bench_now_ms();
        if (media_png_write(path, 1920, 1080, px, 1920 * 4, 1, err, sizeof err) != 0) {
            fprintf(stderr, "gradscape: --bench-export: %s\n", err);
            goto done;
        }
        t[i] = bench_now_ms() - t0;
    }
    size = file_size(path);
    remove(path);
    printf("bench-export: png 1920x1080 encode_ms=%.1f size_kb=%.0f\n", bench_median(t, 5), (double)size / 1024.0);
    AnimPlan plan = anim_plan(a->scene.steps, 30, 150, 0);
    if (bench_animation(a, dir, "bench.gif", 960, 540, &plan) != 0 ||
        bench_animation(a, dir, "bench.mp4", 960, 540, &plan) != 0)
        goto done;
    rc = 0;
done:
    if (dir[strlen(dir) - 1] != 'X')
        rmdir(dir);
    free(px);
    shell_free(&sh);
    return rc;
}

/* ---- hyperparameter and basin maps --------------------------------------------- */

static void put_int_or_empty(FILE *f, int v)
{
    if (v >= 0)
        fprintf(f, "%d", v);
}

int headless_sweep(const Config *cfg)
{
    Scene sc;
    char err[SPEC_ERR_MAX + 64];
    if (spec_build_scene(cfg, &sc, err, sizeof err) != 0) {
        gs_log("%s", err);
        return 2;
    }
    /* spec_build_scene checked the label and the keys */
    int basin = cfg->basin_label[0] != 0;
    int run = scene_find_run(&sc, basin ? cfg->basin_label : cfg->sweep_label);
    const SweepAxis *a = cfg->sweep_axis;
    double tol = cfg->sweep_tol != 0 ? cfg->sweep_tol : sweep_default_tol(&sc.surface);
    MapView v = {sc.surface.view[0], sc.surface.view[1], sc.surface.view[2], sc.surface.view[3]};
    if (cfg->have_view)
        v = (MapView){cfg->view[0], cfg->view[1], cfg->view[2], cfg->view[3]};
    const SweepAxis *a1 = a[1].n > 0 ? &a[1] : NULL; /* none: a curve over a[0] */
    int n = basin ? cfg->basin_n * cfg->basin_n : a[0].n * (a1 ? a1->n : 1);
    SceneOutcome *out = malloc(sizeof *out * (size_t)n);
    if (!out) {
        /* TRANSLATORS: %s is the option, --basin or --sweep */
        gs_log(_("%s: not enough memory for %d runs"), basin ? "--basin" : "--sweep", n);
        scene_free(&sc);
        return 1;
    }
    double t0 = bench_now_ms();
    /* TRANSLATORS: the progress line's phase: "gradscape: computing the map [###---] 40%  3 s left" */
    cancel_phase(basin ? _("computing the basins") : _("computing the map"), (long long)n * (sc.steps + 1));
    int stopped = basin ? sweep_basin(&sc, run, v, cfg->basin_n, tol, 0, NULL, out)
                        : sweep_hyper(&sc, run, &a[0], a1, tol, 0, NULL, out);
    cancel_phase_end();
    double ms = bench_now_ms() - t0;
    int rc = stopped ? 2 : 0;
    if (rc == 0 && cfg->csv_path) {
        char tmp[4200];
        FILE *f = export_begin(cfg->csv_path, tmp, sizeof tmp, err, sizeof err);
        if (!f) {
            gs_log("--csv: %s", err);
            rc = 2;
        } else {
            errno = 0;
            if (basin)
                fprintf(f, "x0,y0,end_x,end_y,final_loss,minimum,steps_to_tol,diverged_at\n");
            else if (a1)
                fprintf(f, "%s,%s,final_loss,steps_to_tol,diverged_at\n", optim_hyper(a[0].key)->name,
                        optim_hyper(a1->key)->name);
            else
                fprintf(f, "%s,final_loss,steps_to_tol,diverged_at\n", optim_hyper(a[0].key)->name);
            for (int c = 0; c < n; c++) {
                const SceneOutcome *o = &out[c];
                if (basin) {
                    double x0, y0;
                    sweep_basin_start(v, cfg->basin_n, c % cfg->basin_n, c / cfg->basin_n, &x0, &y0);
                    fprintf(f, "%.17g,%.17g,%.17g,%.17g,%.17g,%d,", x0, y0, o->end[0], o->end[1], o->final_loss,
                            sweep_minimum(&sc.surface, v, o));
                } else if (a1) {
                    fprintf(f, "%.17g,%.17g,%.17g,", sweep_value(&a[0], c % a[0].n), sweep_value(a1, c / a[0].n),
                            o->final_loss);
                } else {
                    fprintf(f, "%.17g,%.17g,", sweep_value(&a[0], c), o->final_loss);
                }
                put_int_or_empty(f, o->steps_to_tol);
                fprintf(f, ",%d\n", o->diverged_at);
            }
            if (export_commit(f, tmp, cfg->csv_path, ferror(f) ? (errno ? errno : -1) : 0, err, sizeof err) != 0) {
                gs_log("--csv: %s", err);
                rc = 2;
            }
        }
    } else if (rc == 0 && !cfg->screenshot_path) {
        int diverged = 0, arrived = 0;
        for (int c = 0; c < n; c++)
            diverged += out[c].diverged_at >= 0, arrived += out[c].steps_to_tol >= 0;
        /* TRANSLATORS: %s is the run's label; FILE stands for a file name */
        printf(_("gradscape: %d runs of %s in %.0f ms: %d reached loss %g, %d diverged; add --csv FILE to write "
                 "them\n"),
               n, sc.run[run].label, ms, arrived, tol, diverged);
    }
    if (rc == 0 && cfg->screenshot_path) { /* the same outcomes in the picture */
        Maps m = {.kind = basin ? MAPS_BASIN : MAPS_HYPER, .run = run, .view = v, .n = cfg->basin_n, .tol = tol,
                  .metric = cfg->sweep_metric, .out = out};
        m.axis[0] = a[0], m.axis[1] = a[1];
        return write_pictures(cfg, &sc, &m);
    }
    free(out);
    scene_free(&sc);
    return rc;
}

int headless_bench_sweep(void)
{
    static const char *const HYPER[] = {"gradscape", "--surface", "rosenbrock", "--opt", "adam", "--steps", "1000"};
    static const char *const BASIN[] = {"gradscape", "--surface", "himmelblau", "--opt", "adam:lr=0.1", "--steps", "500"};
    Scene sc[2];
    char err[SPEC_ERR_MAX];
    for (int k = 0; k < 2; k++) {
        Config cfg;
        if (spec_parse_args(7, (char **)(k ? BASIN : HYPER), &cfg, err, sizeof err) != 0 ||
            spec_build_scene(&cfg, &sc[k], err, sizeof err) != 0) {
            fprintf(stderr, "gradscape: %s\n", err);
            return 1;
        }
    }
    SweepAxis a0 = {HP_LR, 1e-4, 1.0, 64, 1}, a1 = {HP_BETA1, 0.0, 0.99, 64, 0};
    SceneOutcome *out = malloc(sizeof *out * 256 * 256);
    if (!out)
        return 1;
    MapView v = {-5, 5, -5, 5};
    double ms[2][2][3]; /* map, threads 1 or all, repetitions */
    int cores = sweep_cores();
    for (int rep = 0; rep < 3; rep++)
        for (int t = 0; t < 2; t++) {
            double t0 = bench_now_ms();
            sweep_hyper(&sc[0], 0, &a0, &a1, 1e-6, t ? cores : 1, NULL, out);
            ms[0][t][rep] = bench_now_ms() - t0;
            t0 = bench_now_ms();
            sweep_basin(&sc[1], 0, v, 256, sweep_default_tol(&sc[1].surface), t ? cores : 1, NULL, out);
            ms[1][t][rep] = bench_now_ms() - t0;
        }
    for (int m = 0; m < 2; m++) {
        double one = bench_median(ms[m][0], 3), all = bench_median(ms[m][1], 3);
        printf("bench-sweep: %s threads=1 median_ms=%.1f threads=%d median_ms=%.1f speedup=%.2f\n",
               m ? "basin 256x256 himmelblau adam 500 steps" : "hyper 64x64 rosenbrock adam lr x beta1 1000 steps", one,
               cores, all, one / all);
    }
    free(out);
    scene_free(&sc[0]);
    scene_free(&sc[1]);
    return 0;
}
