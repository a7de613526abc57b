/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Optimizer steps against values worked out by hand from the update rules. */
#include "check.h"
#include "optim.h"

static void hp_for(OptimKind k, double *hp) { optim_defaults(k, hp); }

static void test_sgd(void)
{
    double hp[HP_COUNT];
    hp_for(OPTIM_SGD, hp);
    OptimState st;
    optim_reset(&st);
    double p[2] = {1.0, 2.0}, g[2] = {2.0, 4.0};
    optim_step(OPTIM_SGD, hp, 0.1, &st, p, g);
    CHECK_REL(p[0], 0.8, 1e-16);
    CHECK_REL(p[1], 1.6, 1e-16);
    CHECK(st.t == 1);
    /* L2 weight decay adds wd*p to the gradient: g' = 2 + 0.5*0.8 = 2.4 */
    hp[HP_WEIGHT_DECAY] = 0.5;
    optim_step(OPTIM_SGD, hp, 0.1, &st, p, g);
    CHECK_REL(p[0], 0.8 - 0.1 * 2.4, 1e-15);
}

static void test_momentum(void)
{
    double hp[HP_COUNT];
    hp_for(OPTIM_MOMENTUM, hp);
    CHECK(hp[HP_MOMENTUM] == 0.9);
    OptimState st;
    optim_reset(&st);
    double p[2] = {0, 0}, g[2] = {1, -2};
    optim_step(OPTIM_MOMENTUM, hp, 0.1, &st, p, g); /* b = g */
    CHECK_REL(p[0], -0.1, 1e-16);
    CHECK_REL(p[1], 0.2, 1e-16);
    optim_step(OPTIM_MOMENTUM, hp, 0.1, &st, p, g); /* b = 0.9 g + g = 1.9 g */
    CHECK_REL(p[0], -0.1 - 0.19, 1e-15);
    CHECK_REL(p[1], 0.2 + 0.38, 1e-15);
    double g0[2] = {0, 0};
    optim_step(OPTIM_MOMENTUM, hp, 0.1, &st, p, g0); /* b = 0.9 * 1.9 g */
    CHECK_REL(p[0], -0.29 - 0.1 * 1.71, 1e-15);
}

static void test_rmsprop(void)
{
    double hp[HP_COUNT];
    hp_for(OPTIM_RMSPROP, hp);
    CHECK(hp[HP_ALPHA] == 0.99 && hp[HP_EPS] == 1e-8);
    OptimState st;
    optim_reset(&st);
    double p[2] = {0, 0}, g[2] = {2, -0.5};
    optim_step(OPTIM_RMSPROP, hp, 0.01, &st, p, g);
    /* v = 0.01 * 4 = 0.04; p = -0.01 * 2 / (0.2 + 1e-8) */
    CHECK_REL(p[0], -0.02 / (0.2 + 1e-8), 1e-15);
    /* v = 0.01 * 0.25 = 0.0025; p = 0.01 * 0.5 / (0.05 + 1e-8) */
    CHECK_REL(p[1], 0.005 / (0.05 + 1e-8), 1e-15);
    optim_step(OPTIM_RMSPROP, hp, 0.01, &st, p, g);
    double v = 0.99 * 0.04 + 0.01 * 4;
    CHECK_REL(p[0], -0.02 / (0.2 + 1e-8) - 0.02 / (sqrt(v) + 1e-8), 1e-15);
}

static void test_adam(void)
{
    double hp[HP_COUNT];
    hp_for(OPTIM_ADAM, hp);
    CHECK(hp[HP_BETA1] == 0.9 && hp[HP_BETA2] == 0.999 && hp[HP_EPS] == 1e-8 && hp[HP_LR] == 1e-3);
    OptimState st;
    optim_reset(&st);
    double p[2] = {0, 0}, g[2] = {3, -0.001};
    optim_step(OPTIM_ADAM, hp, 0.1, &st, p, g);
    /* first step: m_hat = g, v_hat = g^2, so p = -lr * g / (|g| + eps) */
    CHECK_REL(p[0], -0.1 * 3 / (3 + 1e-8), 1e-15);
    CHECK_REL(p[1], 0.1 * 0.001 / (0.001 + 1e-8), 1e-15);
    double g2[2] = {1, 0};
    optim_step(OPTIM_ADAM, hp, 0.1, &st, p, g2);
    double m = 0.9 * 0.3 + 0.1 * 1, v = 0.999 * 0.009 + 0.001 * 1;
    double mh = m / (1 - 0.81), vh = v / (1 - 0.998001);
    CHECK_REL(p[0], -0.1 * 3 / (3 + 1e-8) - 0.1 * mh / (sqrt(vh) + 1e-8), 1e-14);
}

static void test_adam_without_bias_correction(void)
{
    double hp[HP_COUNT];
    hp_for(OPTIM_ADAM, hp);
    CHECK(hp[HP_BIAS_CORRECTION] == 1.0);
    hp[HP_BIAS_CORRECTION] = 0.0;
    OptimState st;
    optim_reset(&st);
    double p[2] = {0, 0}, g[2] = {2, 0};
    optim_step(OPTIM_ADAM, hp, 0.1, &st, p, g);
    /* m = 0.1 g, v = 0.001 g^2, no division by (1 - beta^t): the first step is
     * 0.1 / sqrt(0.001) ~ 3.16 times lr instead of lr */
    double m = 0.1 * 2, v = 0.001 * 4;
    CHECK_REL(p[0], -0.1 * m / (sqrt(v) + 1e-8), 1e-15);
    CHECK(fabs(p[0]) > 3 * 0.1);
    CHECK(!optim_hyper_valid(HP_BIAS_CORRECTION, 0.5));
    CHECK(optim_hyper_valid(HP_BIAS_CORRECTION, 0.0));
}

static void test_lion(void)
{
    double hp[HP_COUNT];
    hp_for(OPTIM_LION, hp);
    CHECK(hp[HP_LR] == 1e-4 && hp[HP_BETA1] == 0.9 && hp[HP_BETA2] == 0.99 && hp[HP_WEIGHT_DECAY] == 0);
    OptimState st;
    optim_reset(&st);
    double p[2] = {1, -1}, g[2] = {0.5, -2};
    /* c = 0.1 g -> sign (+, -); m = 0.01 g */
    optim_step(OPTIM_LION, hp, 0.1, &st, p, g);
    CHECK_REL(p[0], 0.9, 1e-15);
    CHECK_REL(p[1], -0.9, 1e-15);
    CHECK_REL(st.s[0][0], 0.005, 1e-15);
    CHECK_REL(st.s[1][0], -0.02, 1e-15);
    /* c_x = 0.9*0.005 - 0.1 = -0.0955 -> -1;  c_y = 0.9*(-0.02) + 0.001 = -0.017 -> -1 */
    double g2[2] = {-1, 0.01};
    optim_step(OPTIM_LION, hp, 0.1, &st, p, g2);
    CHECK_REL(p[0], 1.0, 1e-15);
    CHECK_REL(p[1], -0.8, 1e-15);
    /* decoupled decay: p <- p - lr (sign(c) + wd p) */
    hp[HP_WEIGHT_DECAY] = 0.5;
    optim_reset(&st);
    double q[2] = {2, 2}, g3[2] = {1, 0};
    optim_step(OPTIM_LION, hp, 0.1, &st, q, g3);
    CHECK_REL(q[0], 2 - 0.1 * (1 + 0.5 * 2), 1e-15);
    CHECK_REL(q[1], 2 - 0.1 * (0 + 0.5 * 2), 1e-15); /* sign(0) = 0 */
}

static void test_table(void)
{
    /* every kind has a name, a step, uses lr, and its defaults are valid */
    for (int k = 0; k < OPTIM_COUNT; k++) {
        const OptimInfo *o = optim_info((OptimKind)k);
        CHECK(o->name && o->step);
        CHECK(optim_uses((OptimKind)k, HP_LR));
        CHECK(optim_find(o->name) == k);
        for (int h = 0; h < HP_COUNT; h++)
            if (optim_uses((OptimKind)k, (HyperKey)h))
                CHECK_MSG(optim_hyper_valid((HyperKey)h, o->defaults[h]), "%s %s", o->name,
                          optim_hyper((HyperKey)h)->name);
    }
    CHECK(optim_find("nope") == -1);
    CHECK(optim_hyper_find("beta2") == HP_BETA2);
    CHECK(!optim_hyper_valid(HP_LR, 0.0));
    CHECK(!optim_hyper_valid(HP_LR, -1.0));
    CHECK(!optim_hyper_valid(HP_BETA1, 1.0));
    CHECK(optim_hyper_valid(HP_BETA1, 0.0));
    CHECK(!optim_hyper_valid(HP_EPS, 0.0));
    CHECK(!optim_hyper_valid(HP_ALPHA, NAN));
    CHECK(optim_hyper_clamp(HP_BETA1, 1.0) < 1.0);
    CHECK(optim_hyper_clamp(HP_LR, -5.0) > 0.0);
    CHECK(optim_hyper_valid(HP_LR, optim_hyper_clamp(HP_LR, HUGE_VAL)));
}

int main(void)
{
    test_sgd();
    test_momentum();
    test_rmsprop();
    test_adam();
    test_adam_without_bias_correction();
    test_lion();
    test_table();
    return check_done("test_optim");
}
