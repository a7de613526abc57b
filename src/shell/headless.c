/* headless: simulate, write the outputs asked for, exit. */
#include "headless.h"

#include <stdio.h>

#include "export.h"

static void report_divergence(const Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++)
        if (sc->run[i].diverged_at >= 0)
            fprintf(stderr, "gradscape: run '%s' diverged at step %d; its rows stop at step %d\n",
                    sc->run[i].label, sc->run[i].diverged_at, sc->run[i].diverged_at - 1);
}

int headless_run(const Config *cfg)
{
    Scene sc;
    char err[SPEC_ERR_MAX + 64];
    if (spec_build_scene(cfg, &sc, err, sizeof err) != 0) {
        fprintf(stderr, "gradscape: %s\n", err);
        return 2;
    }
    report_divergence(&sc);
    int rc = 0;
    if (cfg->csv_path && export_csv(&sc, cfg->csv_path, err, sizeof err) != 0) {
        fprintf(stderr, "gradscape: --csv: %s\n", err);
        rc = 2;
    }
    scene_free(&sc);
    return rc;
}

int headless_bench(const Config *cfg)
{
    (void)cfg;
    fprintf(stderr, "gradscape: --bench is not built yet\n");
    return 1;
}

int app_main(const Config *cfg)
{
    (void)cfg;
    fprintf(stderr, "gradscape: the window is not built yet\n");
    return 1;
}
