/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* torchcode: the text for a run is complete or refused (-1), never cut short, and
 * writes its numbers so that they read back exactly. */
#include "check.h"
#include "spec.h"
#include "torchcode.h"

#include <stdlib.h>
#include <string.h>

static void build(Scene *sc, int n, char **opts)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    char *argv[16] = {"gradscape"};
    for (int i = 0; i < n; i++)
        argv[1 + 2 * i] = "--opt", argv[2 + 2 * i] = opts[i];
    CHECK(spec_parse_args(1 + 2 * n, argv, &cfg, err, sizeof err) == 0);
    cfg.steps = 5;
    CHECK(spec_build_scene(&cfg, sc, err, sizeof err) == 0);
}

int main(void)
{
    static char buf[1 << 16], small[1 << 16];
    char *opts[] = {"adam:lr=0.1234567890123,eps=3e-9,schedule=cyclic,warmup=4", "lion", "sgd"};
    Scene sc;
    build(&sc, 3, opts);

    int n = torchcode_run(&sc, 0, buf, sizeof buf);
    CHECK(n > 0 && (size_t)n == strlen(buf) && buf[n - 1] == '\n');
    CHECK(strstr(buf, "lr=0.1234567890123, betas=(0.9, 0.999), eps=3e-09,") != NULL);
    CHECK(strstr(buf, "LambdaLR(optimizer, lr_lambda)") != NULL);
    /* every cap up to the length is refused, the length + 1 fits */
    for (int cap = 0; cap <= n; cap++)
        CHECK_MSG(torchcode_run(&sc, 0, small, (size_t)cap) == -1, "cap %d", cap);
    CHECK(torchcode_run(&sc, 0, small, (size_t)n + 1) == n && strcmp(small, buf) == 0);
    CHECK(torchcode_run(&sc, -1, buf, sizeof buf) == -1);
    CHECK(torchcode_run(&sc, 3, buf, sizeof buf) == -1);

    /* lion: comments only */
    n = torchcode_run(&sc, 1, buf, sizeof buf);
    CHECK(n > 0);
    for (char *line = buf; *line; line = strchr(line, '\n') + 1)
        CHECK_MSG(line[0] == '#', "lion: a line of code: %.60s", line);

    /* the scene: the header and every run */
    n = torchcode_scene(&sc, buf, sizeof buf);
    CHECK(n > 0 && strncmp(buf, "# gradscape: surface rosenbrock:a=1,b=100, start (-1.5, 2.5), 5 steps\n", 69) == 0);
    CHECK(strstr(buf, "\n# adam: ") && strstr(buf, "\n# lion: ") && strstr(buf, "\n# sgd: "));
    CHECK(torchcode_scene(&sc, small, (size_t)n) == -1);
    scene_free(&sc);
    return check_done("test_torchcode");
}
