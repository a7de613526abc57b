/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Inside a step: the optimizer's state after step k (replayed from checkpoints), the
 * traced update (the card's lines) and what the state says about the next move (the
 * arrows and box on the map), checked against the simulation itself:
 *   - scene_run_state equals a plain replay from step 0, on both sides of a
 *     checkpoint, with noise and a schedule;
 *   - the traced step lands exactly on the trajectory's next point, and its last
 *     line's result is that point, for every optimizer and its variants;
 *   - every traced line names as many operands as it records, and all are finite;
 *   - the internals explain the step: step = -eff_lr * m-hat (Adam family),
 *     -lr * b (momentum), -eff_lr * g (RMSprop, Adagrad, Adadelta);
 *   - the card's text, symbolic and with numbers. */
#include "check.h"
#include "scene.h"

#include <stdlib.h>

typedef struct Case {
    OptimKind kind;
    const char *what;
    int key1;
    double v1;
    int key2;
    double v2;
} Case;

static const Case CASES[] = {
    {OPTIM_SGD, "sgd", -1, 0, -1, 0},
    {OPTIM_SGD, "sgd wd", HP_WEIGHT_DECAY, 0.1, -1, 0},
    {OPTIM_MOMENTUM, "momentum", -1, 0, -1, 0},
    {OPTIM_NESTEROV, "nesterov", -1, 0, -1, 0},
    {OPTIM_RMSPROP, "rmsprop", -1, 0, -1, 0},
    {OPTIM_ADAM, "adam", HP_LR, 0.02, -1, 0},
    {OPTIM_ADAM, "adam no bias correction", HP_LR, 0.02, HP_BIAS_CORRECTION, 0},
    {OPTIM_ADAM, "adam wd", HP_LR, 0.02, HP_WEIGHT_DECAY, 0.1},
    {OPTIM_AMSGRAD, "amsgrad", HP_LR, 0.02, HP_BETA2, 0.99},
    {OPTIM_ADAMW, "adamw", HP_LR, 0.02, -1, 0},
    {OPTIM_NADAM, "nadam", HP_LR, 0.02, -1, 0},
    {OPTIM_RADAM, "radam", HP_LR, 0.02, -1, 0},
    {OPTIM_ADAGRAD, "adagrad", HP_LR, 0.1, HP_LR_DECAY, 0.01},
    {OPTIM_ADAGRAD, "adagrad acc0", HP_LR, 0.1, HP_INITIAL_ACCUMULATOR_VALUE, 0.5},
    {OPTIM_ADADELTA, "adadelta", -1, 0, -1, 0},
    {OPTIM_LION, "lion", HP_LR, 1e-3, HP_WEIGHT_DECAY, 0.01},
};
#define N_CASES ((int)(sizeof CASES / sizeof CASES[0]))

static int count_operands(const char *rule)
{
    int n = 0;
    for (const char *s = rule; *s; s++)
        n += *s == '{';
    return n;
}

static int same_state(const OptimState *a, const OptimState *b)
{
    return a->t == b->t && memcmp(a->s, b->s, sizeof a->s) == 0;
}

/* A scene of one run per case on a bowl with noise and a cosine schedule, long
 * enough for three checkpoints. */
static void build(Scene *sc, Surface *s, int steps)
{
    ExprError err;
    CHECK(surface_init_expr(s, "(x - 1)^2 + 4*(y + 0.5)^2 + 0.3*x*y", &err) == 0);
    scene_init(sc, s);
    sc->start[0] = -1.5, sc->start[1] = 1.2;
    sc->noise = 0.3;
    sc->seed = 7;
    CHECK(scene_set_steps(sc, steps) == 0);
    for (int i = 0; i < N_CASES; i++) {
        double hp[HP_COUNT];
        optim_defaults(CASES[i].kind, hp);
        if (CASES[i].key1 >= 0)
            hp[CASES[i].key1] = CASES[i].v1;
        if (CASES[i].key2 >= 0)
            hp[CASES[i].key2] = CASES[i].v2;
        int k = scene_add_run(sc, CASES[i].kind, hp, CASES[i].what);
        CHECK(k == i);
        sc->run[k].sched = (Schedule){.kind = SCHED_COSINE};
    }
    scene_simulate(sc);
}

static void test_state_replays(void)
{
    Surface s;
    Scene sc;
    build(&sc, &s, 2600);
    const int ks[] = {0, 1, 2, 5, 1023, 1024, 1025, 2047, 2048, 2049, 2599, 2600};
    for (int i = 0; i < sc.n_runs; i++) {
        const Run *r = &sc.run[i];
        CHECK_MSG(r->n == 2601, "%s: %d points", r->label, r->n);
        /* a plain replay from the start, alongside */
        OptimState plain;
        optim_init(r->kind, r->hp, &plain);
        int at = 0;
        for (int j = 0; j < (int)(sizeof ks / sizeof ks[0]); j++) {
            int k = ks[j];
            for (; at < k; at++) {
                double p[2] = {r->traj[at].x, r->traj[at].y}, g[2] = {r->traj[at].gx, r->traj[at].gy};
                optim_step(r->kind, r->hp, r->traj[at].lr, &plain, p, g);
                /* the replayed step lands on the stored point: the state is the simulation's */
                CHECK_MSG(p[0] == r->traj[at + 1].x && p[1] == r->traj[at + 1].y, "%s step %d", r->label, at + 1);
            }
            OptimState st;
            CHECK(scene_run_state(&sc, i, k, &st) == 0);
            CHECK_MSG(same_state(&st, &plain), "%s: state after %d steps differs from a replay", r->label, k);
            CHECK(st.t == k);
        }
        OptimState st;
        CHECK(scene_run_state(&sc, i, -1, &st) == -1);
        CHECK(scene_run_state(&sc, i, r->n, &st) == -1);
    }
    scene_free(&sc);
}

static void test_traced_step_is_the_step(void)
{
    Surface s;
    Scene sc;
    build(&sc, &s, 2100);
    const int ks[] = {0, 1, 2, 3, 4, 5, 6, 7, 50, 1023, 1024, 2099};
    for (int i = 0; i < sc.n_runs; i++) {
        const Run *r = &sc.run[i];
        int radam_branches = 0;
        for (int j = 0; j < (int)(sizeof ks / sizeof ks[0]); j++) {
            int k = ks[j];
            RunUpdate u;
            CHECK(scene_run_update(&sc, i, k, &u) == 0);
            CHECK(u.k == k && u.has_next);
            CHECK_MSG(u.next[0] == r->traj[k + 1].x && u.next[1] == r->traj[k + 1].y, "%s: traced step %d lands off",
                      r->label, k + 1);
            CHECK(u.after.t == k + 1 && u.before.t == k);
            OptimState want;
            scene_run_state(&sc, i, k + 1, &want);
            CHECK_MSG(same_state(&u.after, &want), "%s: state after the traced step %d", r->label, k + 1);
            const OptimTrace *tr = &u.trace;
            CHECK_MSG(tr->n >= 1 && tr->n <= OPTIM_TRACE_LINES, "%s: %d lines", r->label, tr->n);
            if (tr->n < 1)
                continue;
            /* the last parameter update's result is the new point (Lion updates m after it) */
            const OptimTraceLine *last = NULL;
            for (int l = tr->n - 1; l >= 0 && !last; l--)
                if (strncmp(tr->line[l].rule, "\xce\xb8 \xe2\x86\x90", 5) == 0)
                    last = &tr->line[l];
            CHECK_MSG(last && (last == &tr->line[tr->n - 1] || r->kind == OPTIM_LION), "%s: no parameter update last",
                      r->label);
            CHECK(last && last->result[0] == u.next[0] && last->result[1] == u.next[1]);
            CHECK(tr->cursor[0] == tr->n && tr->cursor[1] == tr->n);
            for (int l = 0; l < tr->n; l++) {
                const OptimTraceLine *L = &tr->line[l];
                CHECK_MSG(L->rule && count_operands(L->rule) == L->n_args, "%s line %d: '%s' has %d operands recorded",
                          r->label, l, L->rule ? L->rule : "(null)", L->n_args);
                for (int c = 0; c < 2; c++) {
                    CHECK(isfinite(L->result[c]));
                    for (int a = 0; a < L->n_args; a++)
                        CHECK(isfinite(L->arg[c][a]));
                }
                radam_branches |= strstr(L->rule, "not rectified") ? 1 : (strstr(L->rule, "{r}") ? 2 : 0);
            }
        }
        if (r->kind == OPTIM_RADAM)
            CHECK_MSG(radam_branches == 3, "radam: both branches traced (%d)", radam_branches);
    }
    /* the last point has no step after it */
    RunUpdate u;
    CHECK(scene_run_update(&sc, 0, 2100, &u) == 0);
    CHECK(!u.has_next && u.trace.n == 0 && u.before.t == 2100);
    scene_free(&sc);
}

static void test_internals_explain_the_step(void)
{
    Surface s;
    Scene sc;
    build(&sc, &s, 300);
    for (int i = 0; i < sc.n_runs; i++) {
        const Run *r = &sc.run[i];
        int wd = r->hp[HP_WEIGHT_DECAY] != 0.0 && r->kind != OPTIM_ADAMW;
        for (int k = 0; k < 300; k += 37) {
            RunUpdate u;
            scene_run_update(&sc, i, k, &u);
            const OptimInternals *in = &u.in;
            for (int c = 0; c < 2; c++) {
                double p = c ? r->traj[k].y : r->traj[k].x, g = c ? r->traj[k].gy : r->traj[k].gx;
                double step = u.next[c] - p, want = NAN;
                if (wd)
                    g += r->hp[HP_WEIGHT_DECAY] * p;
                switch (r->kind) {
                case OPTIM_MOMENTUM: want = -u.lr * in->velocity[c]; break;
                case OPTIM_RMSPROP:
                case OPTIM_ADAGRAD:
                case OPTIM_ADADELTA: want = -in->eff_lr[c] * g; break;
                case OPTIM_ADAM:
                case OPTIM_AMSGRAD: want = -in->eff_lr[c] * in->velocity[c]; break;
                case OPTIM_RADAM:
                    want = in->has & OPTIM_HAS_EFF_LR ? -in->eff_lr[c] * in->velocity[c] : -u.lr * in->velocity[c];
                    break;
                default: break;
                }
                /* the step is a difference of two points: good to a few ulps of p */
                if (!isnan(want))
                    CHECK_MSG(fabs(step - want) <= 1e-12 * fabs(want) + 4e-16 * fmax(fabs(p), 1.0),
                              "%s step %d coord %d: %.17g vs %.17g", r->label, k + 1, c, step, want);
            }
            int adaptive = r->kind != OPTIM_SGD && r->kind != OPTIM_MOMENTUM && r->kind != OPTIM_NESTEROV &&
                           r->kind != OPTIM_LION;
            if (r->kind != OPTIM_RADAM)
                CHECK_MSG(!!(in->has & OPTIM_HAS_EFF_LR) == adaptive, "%s: has %u", r->label, in->has);
            CHECK(r->kind != OPTIM_SGD || in->has == 0);
        }
    }
    scene_free(&sc);
}

static void test_card_text(void)
{
    /* Adam's first step from m = v = 0 with g = 2 at theta = 1 */
    double hp[HP_COUNT];
    optim_defaults(OPTIM_ADAM, hp);
    hp[HP_LR] = 0.1;
    OptimState st;
    optim_reset(&st);
    double p[2] = {1.0, -3.0}, g[2] = {2.0, -0.5};
    OptimTrace tr;
    optim_step_traced(OPTIM_ADAM, hp, 0.1, &st, p, g, &tr);
    CHECK(tr.n == 5);
    char buf[256];
    optim_trace_format(&tr.line[0], -1, buf, sizeof buf);
    CHECK_STR(buf, "m \xe2\x86\x90 \xce\xb2\xe2\x82\x81\xc2\xb7m + (1 \xe2\x88\x92 \xce\xb2\xe2\x82\x81)\xc2\xb7g");
    optim_trace_format(&tr.line[0], 0, buf, sizeof buf);
    CHECK_STR(buf, "0.9\xc2\xb7" "0 + (1 \xe2\x88\x92 0.9)\xc2\xb7" "2 = 0.2");
    /* a negative operand gets parentheses and a true minus sign */
    optim_trace_format(&tr.line[0], 1, buf, sizeof buf);
    CHECK_STR(buf, "0.9\xc2\xb7" "0 + (1 \xe2\x88\x92 0.9)\xc2\xb7(\xe2\x88\x92" "0.5) = \xe2\x88\x92" "0.05");
    /* an exponent: superscript t with symbols, ^1 with numbers */
    optim_trace_format(&tr.line[2], -1, buf, sizeof buf);
    CHECK_STR(buf, "m\xcc\x82 = m/(1 \xe2\x88\x92 \xce\xb2\xe2\x82\x81\xe1\xb5\x97)");
    optim_trace_format(&tr.line[2], 0, buf, sizeof buf);
    CHECK_STR(buf, "0.2/(1 \xe2\x88\x92 0.9^1) = 2");
    /* the last line: theta <- theta - lr m-hat / (sqrt(v-hat) + eps), eps as 1e-8 */
    optim_trace_format(&tr.line[4], 1, buf, sizeof buf);
    CHECK_STR(buf, "\xe2\x88\x92" "3 \xe2\x88\x92 0.1\xc2\xb7(\xe2\x88\x92" "0.5)/(0.5 + 1e\xe2\x88\x92" "8) = \xe2\x88\x92" "2.9");
    /* the first step of Adam moves every coordinate by about lr */
    CHECK_REL(tr.line[4].result[0], 0.9, 1e-6);
    CHECK_REL(tr.line[4].result[1], -2.9, 1e-6);
    /* a step count in full, not as 9.99e5 */
    OptimTraceLine big = {.rule = "{b}{^t}", .n_args = 2, .arg = {{0.9, 999001.0}}, .result = {0.5}};
    optim_trace_format(&big, 0, buf, sizeof buf);
    CHECK_STR(buf, "0.9^999001 = 0.5");
    /* a short buffer is cut, never overrun */
    char small[8];
    memset(small, 'x', sizeof small);
    optim_trace_format(&tr.line[0], 0, small, sizeof small);
    CHECK(strlen(small) < sizeof small);
}

int main(void)
{
    test_state_replays();
    test_traced_step_is_the_step();
    test_internals_explain_the_step();
    test_card_text();
    return check_done("test_inside");
}
