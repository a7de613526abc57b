/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* libFuzzer target: the optimizer and surface spec languages (spec_parse_opt,
 * spec_parse_surface) on arbitrary strings. The input, cut at the first NUL, is
 * given to both. Checks: an error is a non-empty one-line message; an accepted
 * optimizer spec has every hyperparameter it uses valid; an accepted surface has
 * a compiled expression and a sane view. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

#define EXPECT(c)                                                                   \
    do {                                                                            \
        if (!(c)) {                                                                 \
            fprintf(stderr, "fuzz_spec: invariant failed: %s (line %d)\n", #c, __LINE__); \
            abort();                                                                \
        }                                                                           \
    } while (0)

static void check_err(const char *err)
{
    EXPECT(err[0] != '\0');
    EXPECT(memchr(err, '\0', SPEC_ERR_MAX) != NULL);
    EXPECT(strchr(err, '\n') == NULL || strchr(err, '\n') > err); /* not a blank line */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    char err[SPEC_ERR_MAX];
    RunSpec rs;
    memset(err, 0, sizeof err);
    if (spec_parse_opt(text, &rs, err, sizeof err) == 0) {
        EXPECT(rs.kind >= 0 && rs.kind < OPTIM_COUNT);
        for (int k = 0; k < HP_COUNT; k++)
            if (optim_uses(rs.kind, (HyperKey)k))
                EXPECT(optim_hyper_valid((HyperKey)k, rs.hp[k]));
        EXPECT(memchr(rs.label, '\0', sizeof rs.label) != NULL);
        EXPECT(rs.bundle >= 0 && rs.bundle <= SCENE_MAX_BUNDLE);
    } else {
        check_err(err);
    }

    static Surface s;
    memset(err, 0, sizeof err);
    if (spec_parse_surface(text, &s, err, sizeof err) == 0) {
        EXPECT(s.expr.n_nodes >= 1 && s.expr.root < s.expr.n_nodes);
        EXPECT(isfinite(s.view[0]) && isfinite(s.view[1]) && s.view[0] < s.view[1]);
        EXPECT(isfinite(s.view[2]) && isfinite(s.view[3]) && s.view[2] < s.view[3]);
        EXPECT(s.n_minima >= 0 && s.n_minima <= SURFACE_MAX_MINIMA);
        double gx, gy;
        surface_grad(&s, s.start[0], s.start[1], &gx, &gy);
    } else {
        check_err(err);
    }
    free(text);
    return 0;
}
