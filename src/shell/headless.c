/* headless: simulate, write the outputs asked for, exit; and the render benchmark. */
#include "headless.h"

#include <epoxy/gl.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "bench.h"
#include "export.h"
#include "glctx.h"
#include "log.h"
#include "platform.h"

static void report_divergence(const Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++) {
        const Run *r = &sc->run[i];
        if (r->diverged_at == 0)
            fprintf(stderr, "gradscape: run '%s' is not finite at its start point; it has no rows\n", r->label);
        else if (r->diverged_at > 0)
            fprintf(stderr, "gradscape: run '%s' diverged at step %d; its rows stop at step %d\n", r->label,
                    r->diverged_at, r->diverged_at - 1);
    }
}

/* Renders the scene (taken over) offscreen at its last step and writes the PNG. */
static int write_screenshot(const Config *cfg, Scene *sc)
{
    GlContext gl;
    char err[1400];
    if (glctx_create(&gl, "gradscape", 64, 64, 1, err, (int)sizeof err) != 0) {
        gs_log("--screenshot: %s", err);
        scene_free(sc);
        return 1;
    }
    int rc = 1;
    Renderer *r = render_create();
    App app;
    if (!r) {
        gs_log("--screenshot: cannot set up OpenGL rendering");
        scene_free(sc);
    } else if (app_init(&app, cfg, sc, r, err, sizeof err) != 0) {
        gs_log("%s", err);
        rc = 2;
    } else {
        if (cfg->at < 0)
            app.t = app.scene.steps;
        app.playing = 0;
        if (app_write_png(&app, cfg->screenshot_path, cfg->width, cfg->height, err, sizeof err) != 0)
            gs_log("--screenshot: %s", err), rc = 2;
        else
            rc = 0;
        app_free(&app);
    }
    if (r)
        render_destroy(r);
    glctx_destroy(&gl);
    return rc;
}

int headless_run(const Config *cfg)
{
    Scene sc;
    char err[SPEC_ERR_MAX + 64];
    if (spec_build_scene(cfg, &sc, err, sizeof err) != 0) {
        gs_log("%s", err);
        return 2;
    }
    report_divergence(&sc);
    int n_runs = sc.n_runs;
    if (cfg->csv_path && export_csv(&sc, cfg->csv_path, err, sizeof err) != 0) {
        gs_log("--csv: %s", err);
        scene_free(&sc);
        return 2;
    }
    if (cfg->screenshot_path)
        return write_screenshot(cfg, &sc);
    scene_free(&sc);
    if (!cfg->csv_path)
        printf("gradscape: simulated %d runs; add --csv FILE or --screenshot FILE to write them\n", n_runs);
    return 0;
}

int headless_bench(const Config *in_cfg)
{
    Config cfg = *in_cfg;
    int w = cfg.width, h = cfg.height;
    if (cfg.steps < 0)
        cfg.steps = 10000;
    Shell sh;
    char err[600];
    int is_input;
    cfg.width = 64, cfg.height = 64;
    if (shell_init(&sh, &cfg, 1, err, sizeof err, &is_input) != 0) {
        fprintf(stderr, "gradscape: %s\n", err);
        return is_input ? 2 : 1;
    }
    App *a = &sh.app;
    if (render_target_begin(sh.r, w, h) != 0) {
        shell_free(&sh);
        return 1;
    }
    Renderer *ren = sh.r;
    DrawList *dl = &sh.dl;
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
    for (int pass = 0; pass < 2; pass++) {
        a->t = 0;
        a->playing = 1;
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
    printf("bench: size=%dx%d frames=%d median_ms=%.2f p99_ms=%.2f drag_median_ms=%.2f rss_mb=%.1f\n", w, h, FRAMES,
           med, p99, drag, rss);
    shell_free(&sh);
    return 0;
}
