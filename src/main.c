/* main: parse the command line, then print information, run headless, benchmark
 * or open the window. Bad input: one line on stderr naming it, exit status 2. */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "export.h"
#include "headless.h"
#include "platform.h"
#include "scenefile.h"
#include "spec.h"
#include "torchcode.h"
#include "version.h"

static int fail(const char *msg)
{
    fprintf(stderr, "gradscape: %s\n", msg);
    return 2;
}

/* --print-torch: the scene the options describe, as torch.optim code. */
static int print_torch(const Config *cfg)
{
    static Scene sc;
    static char code[1 << 17];
    char err[SPEC_ERR_MAX + 64];
    if (spec_build_scene(cfg, &sc, err, sizeof err) != 0)
        return fail(err);
    int n = torchcode_scene(&sc, code, sizeof code);
    scene_free(&sc);
    if (n < 0)
        return fail("--print-torch: the code does not fit its buffer");
    fputs(code, stdout);
    return fflush(stdout) == 0 ? 0 : 1;
}

/* --save-scene: the scene the options describe, written as a file. */
static int save_scene(const Config *cfg)
{
    Scene sc;
    char err[SPEC_ERR_MAX + 64];
    if (spec_build_scene(cfg, &sc, err, sizeof err) != 0)
        return fail(err);
    SceneFileView v;
    scenefile_view_from_config(cfg, &sc, &v);
    int rc = scenefile_save(cfg->save_scene_path, &sc, &v, err, sizeof err);
    scene_free(&sc);
    if (rc != 0) {
        fprintf(stderr, "gradscape: --save-scene: %s\n", err);
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    Config cfg;
    char err[SPEC_ERR_MAX + 64];
    if (spec_parse_args(argc, argv, &cfg, err, sizeof err) != 0)
        return fail(err);
    switch (cfg.action) {
    case SPEC_HELP: spec_print_help(stdout); return 0;
    case SPEC_VERSION: printf("gradscape %s\n", version_string()); return 0;
    case SPEC_LIST: spec_print_list(stdout); return 0;
    case SPEC_BENCH_CORE: return bench_core(stdout);
    case SPEC_BENCH: return headless_bench(&cfg);
    case SPEC_BENCH_EXPORT: return headless_bench_export(&cfg);
    case SPEC_BENCH_SWEEP: return headless_bench_sweep();
    case SPEC_PRINT_TORCH: return print_torch(&cfg);
    case SPEC_RUN: break;
    }
    if (cfg.save_scene_path) {
        int rc = save_scene(&cfg);
        if (rc != 0 || !cfg.headless)
            return rc;
    }
    if (cfg.headless && (cfg.sweep_label[0] || cfg.basin_label[0]))
        return headless_sweep(&cfg);
    if (cfg.headless)
        return headless_run(&cfg);
    return app_main(&cfg);
}
