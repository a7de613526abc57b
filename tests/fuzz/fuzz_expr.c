/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* libFuzzer target: the expression compiler, its evaluators and its GLSL emitter on
 * arbitrary bytes. The first byte picks how many parameter names (0-3) the formula
 * may use; the rest, cut at the first NUL, is the formula. Besides memory and UB
 * errors (the sanitizers), it checks the documented invariants: expr_eval and
 * expr_eval_grad agree on the value, expr_eval_grad_n is bit-identical to
 * expr_eval_grad, and expr_glsl returns the length it wrote or -1 when it does not
 * fit, never writing past its buffer. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

static int same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

#define EXPECT(c)                                                                   \
    do {                                                                            \
        if (!(c)) {                                                                 \
            fprintf(stderr, "fuzz_expr: invariant failed: %s (line %d)\n", #c, __LINE__); \
            abort();                                                                \
        }                                                                           \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"a", "b", "kappa"};
    static const double params[][3] = {{1, 100, 10}, {0, -2.5, 1e300}, {-0.0, 1e-300, 3}};
    char src[EXPR_MAX_SOURCE + 64];
    int n_params = size ? data[0] % 4 : 0;
    size_t len = size ? size - 1 : 0;
    if (len >= sizeof src)
        len = sizeof src - 1; /* longer inputs still exercise the length check */
    if (len)
        memcpy(src, data + 1, len);
    src[len] = '\0';

    static Expr e; /* large: keep it off the stack */
    ExprError err;
    if (expr_compile(src, n_params ? names : NULL, n_params, &e, &err) != 0) {
        EXPECT(err.message[0] != '\0');
        EXPECT(memchr(err.message, '\0', sizeof err.message) != NULL);
        EXPECT(err.column >= 0 && err.column <= (int)len + 1);
        return 0;
    }
    EXPECT(e.n_nodes >= 1 && e.n_nodes <= EXPR_MAX_NODES);
    EXPECT(e.root >= 0 && e.root < e.n_nodes);

    static const double pts[][2] = {{0, 0}, {1, -1}, {-1.5, 2.5}, {1e300, -1e300}, {-0.0, 1e-310},
                                    {3.14159, 2.71828}, {NAN, 0}, {INFINITY, -INFINITY}};
    const int n_pts = (int)(sizeof pts / sizeof pts[0]);
    for (int pset = 0; pset < 3; pset++) {
        expr_bind(&e, params[pset]);
        double xs[EXPR_LANES], ys[EXPR_LANES], f[EXPR_LANES], gx[EXPR_LANES], gy[EXPR_LANES];
        for (int i = 0; i < n_pts; i++) {
            double v = expr_eval(&e, pts[i][0], pts[i][1]);
            double dx, dy;
            double w = expr_eval_grad(&e, pts[i][0], pts[i][1], &dx, &dy);
            EXPECT(same(v, w));
            xs[i] = pts[i][0], ys[i] = pts[i][1];
        }
        expr_eval_grad_n(&e, n_pts, xs, ys, f, gx, gy);
        for (int i = 0; i < n_pts; i++) {
            double dx, dy;
            double w = expr_eval_grad(&e, xs[i], ys[i], &dx, &dy);
            EXPECT(same(f[i], w) && same(gx[i], dx) && same(gy[i], dy));
        }
    }

    /* GLSL: into a generous buffer, then into every cut of a small one; a guard
     * after the buffer must never be touched */
    static char glsl[1 << 17];
    int n = expr_glsl(&e, "gs_f", "u_param", glsl, sizeof glsl);
    EXPECT(n > 0 && (size_t)n == strlen(glsl));
    size_t caps[] = {0, 1, 7, 33, (size_t)n, (size_t)n + 1};
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
        char *buf = malloc(caps[c] + 1);
        if (!buf)
            return 0;
        buf[caps[c]] = 'Z';
        int m = expr_glsl(&e, "gs_f", "u_param", buf, caps[c]);
        EXPECT(buf[caps[c]] == 'Z');
        if (caps[c] > (size_t)n)
            EXPECT(m == n && memcmp(buf, glsl, (size_t)n + 1) == 0);
        else
            EXPECT(m == -1);
        free(buf);
    }
    return 0;
}
