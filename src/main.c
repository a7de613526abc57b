/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* main: parse the command line, then print information, run headless, benchmark
 * or open the window. Bad input: one line on stderr naming it, exit status 2.
 * Every file a run writes is part of one output set: all are renamed into place
 * once every one succeeded, or none is left. SIGINT, SIGTERM and SIGHUP stop a
 * run (its loops poll cancel_requested), leave no file and exit 128 + signal. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "cancel.h"
#include "export.h"
#include "headless.h"
#include "lang.h"
#include "log.h"
#include "platform.h"
#include "scenefile.h"
#include "spec.h"
#include "torchcode.h"
#include "version.h"

/* As GNU's close_stdout, on every way out after stdout was written: what could not
 * be written (a full disk, a closed stdout) is an error, said once, exit status 2.
 * Returns rc, or 2 after that message (none when rc is already a failure, which
 * said its own: --csv - says why it could not write). */
static int close_stdout(int rc)
{
    errno = 0;
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int e = errno;
    /* a closed stdout that was never written to is no error */
    if (fclose(stdout) != 0 && !failed && errno != EBADF)
        failed = 1, e = errno;
    if (!failed || rc != 0)
        return rc;
    if (e)
        /* TRANSLATORS: stdout could not be written; %s is the system's reason (strerror) */
        gs_log(_("write error: %s"), strerror(e));
    else
        gs_log("%s", _("write error"));
    return 2;
}

static int fail(const char *msg)
{
    gs_log("%s", msg);
    return 2;
}

/* --save-scene: the scene the options describe, written as a file. */
static int save_scene(const Config *cfg, const Scene *sc)
{
    char err[SPEC_ERR_MAX + 64];
    SceneFileView v;
    scenefile_view_from_config(cfg, sc, &v);
    if (scenefile_save(cfg->save_scene_path, sc, &v, err, sizeof err) != 0) {
        gs_log("--save-scene: %s", err);
        return 2;
    }
    return 0;
}

/* --print-torch (and --save-scene with it, or alone): the scene the options
 * describe, as torch.optim code and as a scene file. */
static int print_scene(const Config *cfg, int torch)
{
    static Scene sc;
    static char code[1 << 17];
    char err[SPEC_ERR_MAX + 64];
    if (spec_build_scene(cfg, &sc, err, sizeof err) != 0)
        return fail(err);
    int rc = cfg->save_scene_path ? save_scene(cfg, &sc) : 0;
    if (rc == 0 && torch) {
        if (torchcode_scene(&sc, code, sizeof code) < 0)
            rc = fail(_("--print-torch: the code does not fit its buffer"));
        else
            fputs(code, stdout);
    }
    scene_free(&sc);
    return rc;
}

/* The end of a run that wrote files: all of them into place, or none. */
static int finish_outputs(int rc)
{
    int sig = cancel_requested();
    if (sig) {
        export_set_abort();
        cancel_phase_end();
        char msg[256];
        /* TRANSLATORS: %d is the signal's number, %s its name as the system says it ("Interrupt") */
        snprintf(msg, sizeof msg, _("stopped by signal %d (%s); no file was written"), sig, strsignal(sig));
        fprintf(stderr, "gradscape: %s\n", msg);
        return 128 + sig;
    }
    if (rc != 0) {
        export_set_abort();
        return rc;
    }
    char err[4400];
    if (export_set_commit(err, sizeof err) != 0)
        return fail(err);
    return 0;
}

/* The language of the messages, before the command line is read (its errors are
 * in it): --lang's when the line has one naming a known language, else the
 * environment's. A scene file's --lang applies once it is read. */
static void lang_start(int argc, char **argv)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0)
        exe[n] = 0;
    lang_bind_near(n > 0 ? exe : argv[0]);
    char err[256];
    lang_set(lang_arg(argc, argv), err, sizeof err);
}

int main(int argc, char **argv)
{
    Config cfg;
    char err[SPEC_ERR_MAX + 64];
    bench_mark_start();
    platform_catch_signals();
    lang_start(argc, argv);
    if (spec_parse_args(argc, argv, &cfg, err, sizeof err) != 0 || spec_check_outputs(&cfg, err, sizeof err) != 0)
        return fail(err);
    if (cfg.lang[0])
        lang_set(cfg.lang, err, sizeof err);
    if (cfg.bench_start)
        bench_phases_on();
    bench_phase("parse_ms");
    switch (cfg.action) {
    case SPEC_HELP: spec_print_help(stdout); return close_stdout(0);
    case SPEC_VERSION: version_print(stdout); return close_stdout(0);
    case SPEC_LIST: spec_print_list(stdout); return close_stdout(0);
    case SPEC_BENCH_CORE: return close_stdout(bench_core(stdout));
    case SPEC_BENCH: return close_stdout(headless_bench(&cfg));
    case SPEC_BENCH_EXPORT: return close_stdout(headless_bench_export(&cfg));
    case SPEC_BENCH_SWEEP: return close_stdout(headless_bench_sweep());
    case SPEC_PRINT_TORCH:
        export_set_open();
        return finish_outputs(close_stdout(print_scene(&cfg, 1)));
    case SPEC_RUN: break;
    }
    if (!cfg.headless) {
        if (cfg.save_scene_path) {
            export_set_open();
            return finish_outputs(print_scene(&cfg, 0));
        }
        return close_stdout(app_main(&cfg));
    }
    export_set_open();
    int rc = cfg.save_scene_path ? print_scene(&cfg, 0) : 0;
    if (rc == 0 && (cfg.sweep_label[0] || cfg.basin_label[0]))
        rc = headless_sweep(&cfg);
    else if (rc == 0 && (cfg.csv_path || cfg.screenshot_path || cfg.animate_path || !cfg.save_scene_path))
        rc = headless_run(&cfg);
    rc = finish_outputs(close_stdout(rc));
    bench_phase("finish_ms");
    bench_phases_print(stderr);
    if (headless_gl_left_up())
        _exit(rc); /* stdout is closed, stderr unbuffered */
    return rc;
}
