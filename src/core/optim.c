/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* optim: the optimizer table and step functions. Each step mirrors torch.optim's
 * single-tensor implementation (torch 1.13 and later), keeping its operation order:
 *   add_(t, alpha=a)        -> self + a*t
 *   addcmul_(t1, t2, value) -> self + value*t1*t2   (left to right)
 *   addcdiv_(t1, t2, value) -> self + value*t1/t2   (left to right) */
#include "optim.h"

#include "lang.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INF HUGE_VAL

/* The labels are N_(): shown through _() (optim.h). */
static const HyperInfo HYPERS[HP_COUNT] = {
    /* TRANSLATORS: the hyperparameters' names in words, beside their keys (lr, beta1 ...) */
    [HP_LR] = {"lr", N_("learning rate"), "lr", 0, INF, 1, 0, 1e-5, 10, 1, 0},
    [HP_MOMENTUM] = {"momentum", N_("momentum"), "\xce\xbc", 0, 1, 0, 1, 0, 0.999, 0, 0},
    [HP_ALPHA] = {"alpha", N_("smoothing constant"), "\xce\xb1", 0, 1, 0, 1, 0, 0.9999, 0, 0},
    [HP_BETA1] = {"beta1", N_("first-moment decay"), "\xce\xb2\xe2\x82\x81", 0, 1, 0, 1, 0, 0.999, 0, 0},
    [HP_BETA2] = {"beta2", N_("second-moment decay"), "\xce\xb2\xe2\x82\x82", 0, 1, 0, 1, 0, 0.9999, 0, 0},
    [HP_EPS] = {"eps", N_("epsilon"), "\xce\xb5", 0, INF, 1, 0, 1e-12, 1, 1, 0},
    [HP_WEIGHT_DECAY] = {"weight_decay", N_("weight decay"), "wd", 0, INF, 0, 0, 0, 1, 0, 0},
    [HP_RHO] = {"rho", N_("squared-gradient decay"), "\xcf\x81", 0, 1, 0, 1, 0, 0.999, 0, 0},
    [HP_LR_DECAY] = {"lr_decay", N_("learning-rate decay"), "decay", 0, INF, 0, 0, 0, 1, 0, 0},
    [HP_INITIAL_ACCUMULATOR_VALUE] = {"initial_accumulator_value", N_("initial accumulator"), "acc0", 0, INF, 0, 0, 0, 1, 0, 0},
    [HP_MOMENTUM_DECAY] = {"momentum_decay", N_("momentum decay"), "\xcf\x88", 0, INF, 0, 0, 0, 0.1, 0, 0},
    [HP_BIAS_CORRECTION] = {"bias_correction", N_("bias correction"), "bias corr.", 0, 1, 0, 0, 0, 1, 0, 1},
};

/* ---- tracing: each step records its lines as it computes them ------------------- */

/* Records line `rule` of coordinate c (c < 0: a scalar line, once for both) with
 * its n operands and its result. The i-th per-coordinate call of a step is its
 * i-th line for that coordinate. */
static void trace(OptimTrace *tr, int c, const char *rule, double result, int n, ...)
{
    if (!tr)
        return;
    int i;
    if (c < 0) {
        i = tr->cursor[0] > tr->cursor[1] ? tr->cursor[0] : tr->cursor[1];
        tr->cursor[0] = tr->cursor[1] = i + 1;
    } else {
        i = tr->cursor[c]++;
    }
    if (i >= OPTIM_TRACE_LINES)
        return;
    if (i >= tr->n)
        tr->n = i + 1;
    OptimTraceLine *L = &tr->line[i];
    L->rule = rule;
    L->scalar = c < 0;
    L->n_args = n < OPTIM_TRACE_ARGS ? n : OPTIM_TRACE_ARGS;
    va_list ap;
    va_start(ap, n);
    for (int k = 0; k < n; k++) {
        double v = va_arg(ap, double);
        if (k >= OPTIM_TRACE_ARGS)
            continue;
        if (c < 0)
            L->arg[0][k] = L->arg[1][k] = v;
        else
            L->arg[c][k] = v;
    }
    va_end(ap);
    if (c < 0)
        L->result[0] = L->result[1] = result;
    else
        L->result[c] = result;
}

/* The gradient with L2 weight decay added, as torch's grad.add(param, alpha=wd). */
static double with_decay(const double *hp, double p, double g, int c, OptimTrace *tr)
{
    if (hp[HP_WEIGHT_DECAY] == 0.0)
        return g;
    double d = g + hp[HP_WEIGHT_DECAY] * p;
    trace(tr, c, "g ← {∇f} + {wd}·{θ}", d, 3, g, hp[HP_WEIGHT_DECAY], p);
    return d;
}

static void step_sgd(const double *hp, double lr, long t, double p[2], const double g[2],
                     double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    (void)t, (void)st;
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c], c, tr), p0 = p[c];
        p[c] = p[c] + (-lr) * d;
        trace(tr, c, "θ ← {θ} − {lr}·{g}", p[c], 3, p0, lr, d);
    }
}

/* st[c][0]: momentum buffer */
static void momentum_buffer(const double *hp, long t, double d, double *buf, int c, OptimTrace *tr)
{
    double b0 = *buf;
    if (t == 1) {
        *buf = d;
        trace(tr, c, "b ← {g}", *buf, 1, d);
    } else {
        *buf = *buf * hp[HP_MOMENTUM] + d;
        trace(tr, c, "b ← {μ}·{b} + {g}", *buf, 3, hp[HP_MOMENTUM], b0, d);
    }
}

static void step_momentum(const double *hp, double lr, long t, double p[2], const double g[2],
                          double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c], c, tr), p0 = p[c];
        momentum_buffer(hp, t, d, &st[c][0], c, tr);
        p[c] = p[c] + (-lr) * st[c][0];
        trace(tr, c, "θ ← {θ} − {lr}·{b}", p[c], 3, p0, lr, st[c][0]);
    }
}

/* st[c][0]: square average */
static void step_rmsprop(const double *hp, double lr, long t, double p[2], const double g[2],
                         double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    (void)t;
    const double a = hp[HP_ALPHA];
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c], c, tr), v0 = st[c][0], p0 = p[c];
        st[c][0] = st[c][0] * a + (1.0 - a) * d * d;
        trace(tr, c, "v ← {α}·{v} + (1 − {α})·{g}²", st[c][0], 4, a, v0, a, d);
        double avg = sqrt(st[c][0]) + hp[HP_EPS];
        p[c] = p[c] + (-lr) * d / avg;
        trace(tr, c, "θ ← {θ} − {lr}·{g}/(√{v} + {ε})", p[c], 5, p0, lr, d, st[c][0], hp[HP_EPS]);
    }
}

/* Adam's moments, shared by the Adam family: st[0] exp_avg, st[1] exp_avg_sq */
static void adam_moments(const double *hp, double d, double *st, int c, OptimTrace *tr)
{
    const double b1 = hp[HP_BETA1], b2 = hp[HP_BETA2], m0 = st[0], v0 = st[1];
    st[0] = st[0] * b1 + (1.0 - b1) * d;
    st[1] = st[1] * b2 + (1.0 - b2) * d * d;
    trace(tr, c, "m ← {β₁}·{m} + (1 − {β₁})·{g}", st[0], 4, b1, m0, b1, d);
    trace(tr, c, "v ← {β₂}·{v} + (1 − {β₂})·{g}²", st[1], 4, b2, v0, b2, d);
}

/* The Adam family's bias corrections at step t: the step size lr / (1 - beta1^t)
 * and sqrt(1 - beta2^t), as torch computes them (both 1 when not corrected). */
static void adam_scales(const double *hp, double lr, long t, int corrected, double *step_size, double *bc2_sqrt)
{
    const double bc1 = corrected ? 1.0 - pow(hp[HP_BETA1], (double)t) : 1.0;
    const double bc2 = corrected ? 1.0 - pow(hp[HP_BETA2], (double)t) : 1.0;
    *step_size = lr / bc1;
    *bc2_sqrt = sqrt(bc2);
}

/* The card's bias-corrected lines: m-hat and sqrt(v-hat) (torch folds them into
 * the step size and the denominator; the last line's result is torch's). */
static void trace_hats(const double *hp, long t, double m, double v, int c, OptimTrace *tr)
{
    if (!tr)
        return;
    double b1t = pow(hp[HP_BETA1], (double)t), b2t = pow(hp[HP_BETA2], (double)t);
    trace(tr, c, "m̂ = {m}/(1 − {β₁}{^t})", m / (1.0 - b1t), 3, m, hp[HP_BETA1], (double)t);
    trace(tr, c, "√v̂ = √{v}/√(1 − {β₂}{^t})", sqrt(v) / sqrt(1.0 - b2t), 3, v, hp[HP_BETA2], (double)t);
}

/* st[c][0]: exp_avg, st[c][1]: exp_avg_sq */
static void step_adam(const double *hp, double lr, long t, double p[2], const double g[2],
                      double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    /* bias_correction=0 shows why it exists: the early steps start from m, v ~ 0 */
    const int corrected = hp[HP_BIAS_CORRECTION] != 0.0;
    double step_size, bc2_sqrt;
    adam_scales(hp, lr, t, corrected, &step_size, &bc2_sqrt);
    for (int c = 0; c < 2; c++) {
        double p0 = p[c];
        adam_moments(hp, with_decay(hp, p[c], g[c], c, tr), st[c], c, tr);
        double denom = sqrt(st[c][1]) / bc2_sqrt + hp[HP_EPS];
        p[c] = p[c] + (-step_size) * st[c][0] / denom;
        if (corrected) {
            trace_hats(hp, t, st[c][0], st[c][1], c, tr);
            trace(tr, c, "θ ← {θ} − {lr}·{m̂}/({√v̂} + {ε})", p[c], 5, p0, lr, st[c][0] * step_size / lr,
                  denom - hp[HP_EPS], hp[HP_EPS]);
        } else {
            trace(tr, c, "θ ← {θ} − {lr}·{m}/(√{v} + {ε})", p[c], 5, p0, lr, st[c][0], st[c][1], hp[HP_EPS]);
        }
    }
}

/* st[c][0]: momentum buffer; the gradient looks ahead along it */
static void step_nesterov(const double *hp, double lr, long t, double p[2], const double g[2],
                          double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    const double mu = hp[HP_MOMENTUM];
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c], c, tr), d0 = d, p0 = p[c];
        momentum_buffer(hp, t, d, &st[c][0], c, tr);
        d = d + mu * st[c][0];
        trace(tr, c, "g ← {g} + {μ}·{b}", d, 3, d0, mu, st[c][0]);
        p[c] = p[c] + (-lr) * d;
        trace(tr, c, "θ ← {θ} − {lr}·{g}", p[c], 3, p0, lr, d);
    }
}

/* st[c][2]: the running maximum of exp_avg_sq */
static void step_amsgrad(const double *hp, double lr, long t, double p[2], const double g[2],
                         double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    double step_size, bc2_sqrt;
    adam_scales(hp, lr, t, 1, &step_size, &bc2_sqrt);
    for (int c = 0; c < 2; c++) {
        double p0 = p[c], x0 = st[c][2];
        adam_moments(hp, with_decay(hp, p[c], g[c], c, tr), st[c], c, tr);
        st[c][2] = st[c][2] > st[c][1] ? st[c][2] : st[c][1];
        trace(tr, c, "vₘₐₓ ← max({vₘₐₓ}, {v})", st[c][2], 2, x0, st[c][1]);
        double denom = sqrt(st[c][2]) / bc2_sqrt + hp[HP_EPS];
        p[c] = p[c] + (-step_size) * st[c][0] / denom;
        trace_hats(hp, t, st[c][0], st[c][2], c, tr);
        trace(tr, c, "θ ← {θ} − {lr}·{m̂}/({√v̂ₘₐₓ} + {ε})", p[c], 5, p0, lr, st[c][0] * step_size / lr,
              denom - hp[HP_EPS], hp[HP_EPS]);
    }
}

/* decoupled weight decay: the parameter shrinks before the Adam step */
static void step_adamw(const double *hp, double lr, long t, double p[2], const double g[2],
                       double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    double step_size, bc2_sqrt;
    adam_scales(hp, lr, t, 1, &step_size, &bc2_sqrt);
    for (int c = 0; c < 2; c++) {
        double p0 = p[c];
        p[c] = p[c] * (1.0 - lr * hp[HP_WEIGHT_DECAY]);
        trace(tr, c, "θ ← {θ}·(1 − {lr}·{wd})", p[c], 3, p0, lr, hp[HP_WEIGHT_DECAY]);
        double p1 = p[c];
        adam_moments(hp, g[c], st[c], c, tr);
        double denom = sqrt(st[c][1]) / bc2_sqrt + hp[HP_EPS];
        p[c] = p[c] + (-step_size) * st[c][0] / denom;
        trace_hats(hp, t, st[c][0], st[c][1], c, tr);
        trace(tr, c, "θ ← {θ} − {lr}·{m̂}/({√v̂} + {ε})", p[c], 5, p1, lr, st[c][0] * step_size / lr,
              denom - hp[HP_EPS], hp[HP_EPS]);
    }
}

/* st[c][2]: mu_product (the same in both coordinates), 1 before the first step */
static void step_nadam(const double *hp, double lr, long t, double p[2], const double g[2],
                       double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    const double b1 = hp[HP_BETA1], md = hp[HP_MOMENTUM_DECAY];
    const double step = (double)t;
    const double bc2 = 1.0 - pow(hp[HP_BETA2], step);
    const double mu = b1 * (1.0 - 0.5 * pow(0.96, step * md));
    const double mu_next = b1 * (1.0 - 0.5 * pow(0.96, (step + 1.0) * md));
    trace(tr, -1, "μₜ = {β₁}·(1 − ½·0.96^({t}·{ψ}))", mu, 3, b1, step, md);
    trace(tr, -1, "μₜ₊₁ = {β₁}·(1 − ½·0.96^(({t} + 1)·{ψ}))", mu_next, 3, b1, step, md);
    for (int c = 0; c < 2; c++) {
        double prev = t == 1 ? 1.0 : st[c][2];
        double mu_product = prev * mu;
        st[c][2] = mu_product;
        trace(tr, c, "Π ← {Π}·{μₜ}", mu_product, 2, prev, mu);
        /* torch 1.13 multiplies mu in twice here */
        double mu_product_next = mu_product * mu * mu_next;
        trace(tr, c, "Π′ = {Π}·{μₜ}·{μₜ₊₁}", mu_product_next, 3, mu_product, mu, mu_next);
        double d = with_decay(hp, p[c], g[c], c, tr), p0 = p[c];
        adam_moments(hp, d, st[c], c, tr);
        double denom = sqrt(st[c][1] / bc2) + hp[HP_EPS];
        trace(tr, c, "d = √({v}/(1 − {β₂}{^t})) + {ε}", denom, 4, st[c][1], hp[HP_BETA2], step, hp[HP_EPS]);
        p[c] = p[c] + (-lr * (1.0 - mu) / (1.0 - mu_product)) * d / denom;
        trace(tr, c, "θ ← {θ} − {lr}·(1 − {μₜ})/(1 − {Π})·{g}/{d}", p[c], 6, p0, lr, mu, mu_product, d, denom);
        double p1 = p[c];
        p[c] = p[c] + (-lr * mu_next / (1.0 - mu_product_next)) * st[c][0] / denom;
        trace(tr, c, "θ ← {θ} − {lr}·{μₜ₊₁}/(1 − {Π′})·{m}/{d}", p[c], 6, p1, lr, mu_next, mu_product_next, st[c][0],
              denom);
    }
}

static void step_radam(const double *hp, double lr, long t, double p[2], const double g[2],
                       double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    const double b2 = hp[HP_BETA2], step = (double)t;
    const double bc1 = 1.0 - pow(hp[HP_BETA1], step);
    const double bc2 = 1.0 - pow(b2, step);
    const double rho_inf = 2.0 / (1.0 - b2) - 1.0;
    const double rho_t = rho_inf - 2.0 * step * pow(b2, step) / bc2;
    trace(tr, -1, "ρ∞ = 2/(1 − {β₂}) − 1", rho_inf, 1, b2);
    trace(tr, -1, "ρₜ = {ρ∞} − 2·{t}·{β₂}{^t}/(1 − {β₂}{^t})", rho_t, 6, rho_inf, step, b2, step, b2, step);
    double rect = 0.0;
    if (rho_t > 5.0) {
        rect = sqrt((rho_t - 4.0) * (rho_t - 2.0) * rho_inf / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t));
        trace(tr, -1, "r = √(({ρₜ} − 4)·({ρₜ} − 2)·{ρ∞}/(({ρ∞} − 4)·({ρ∞} − 2)·{ρₜ}))", rect, 6, rho_t, rho_t, rho_inf,
              rho_inf, rho_inf, rho_t);
    }
    for (int c = 0; c < 2; c++) {
        double p0 = p[c];
        adam_moments(hp, with_decay(hp, p[c], g[c], c, tr), st[c], c, tr);
        double m_hat = st[c][0] / bc1;
        trace(tr, c, "m̂ = {m}/(1 − {β₁}{^t})", m_hat, 3, st[c][0], hp[HP_BETA1], step);
        double u;
        if (rho_t > 5.0) {
            double adaptive_lr = (1.0 / (sqrt(st[c][1]) + hp[HP_EPS])) * sqrt(bc2);
            u = m_hat * lr * adaptive_lr * rect;
            p[c] = p[c] + (-1.0) * u;
            trace(tr, c, "θ ← {θ} − {m̂}·{lr}·√(1 − {β₂}{^t})/(√{v} + {ε})·{r}", p[c], 8, p0, m_hat, lr, b2, step,
                  st[c][1], hp[HP_EPS], rect);
        } else {
            u = m_hat * lr;
            p[c] = p[c] + (-1.0) * u;
            /* TRANSLATORS: a line of the update-rule card: translate only "not rectified";
             * keep the formula and its {braces} as they are */
            trace(tr, c, _("θ ← {θ} − {m̂}·{lr}   (ρₜ ≤ 5: not rectified)"), p[c], 3, p0, m_hat, lr);
        }
    }
}

/* st[c][0]: sum of squared gradients, from initial_accumulator_value (set here at
 * the first step too, so a zeroed state works as well as optim_init's) */
static void step_adagrad(const double *hp, double lr, long t, double p[2], const double g[2],
                         double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    const double clr = lr / (1.0 + (double)(t - 1) * hp[HP_LR_DECAY]);
    trace(tr, -1, "lrₜ = {lr}/(1 + ({t} − 1)·{decay})", clr, 3, lr, (double)t, hp[HP_LR_DECAY]);
    for (int c = 0; c < 2; c++) {
        if (t == 1)
            st[c][0] = hp[HP_INITIAL_ACCUMULATOR_VALUE];
        double d = with_decay(hp, p[c], g[c], c, tr), s0 = st[c][0], p0 = p[c];
        st[c][0] = st[c][0] + 1.0 * d * d;
        trace(tr, c, "s ← {s} + {g}²", st[c][0], 2, s0, d);
        double std = sqrt(st[c][0]) + hp[HP_EPS];
        p[c] = p[c] + (-clr) * d / std;
        trace(tr, c, "θ ← {θ} − {lrₜ}·{g}/(√{s} + {ε})", p[c], 5, p0, clr, d, st[c][0], hp[HP_EPS]);
    }
}

/* st[c][0]: square_avg, st[c][1]: acc_delta */
static void step_adadelta(const double *hp, double lr, long t, double p[2], const double g[2],
                          double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    (void)t;
    const double rho = hp[HP_RHO], eps = hp[HP_EPS];
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c], c, tr), v0 = st[c][0], u0 = st[c][1], p0 = p[c];
        st[c][0] = st[c][0] * rho + (1.0 - rho) * d * d;
        trace(tr, c, "v ← {ρ}·{v} + (1 − {ρ})·{g}²", st[c][0], 4, rho, v0, rho, d);
        double std = sqrt(st[c][0] + eps);
        double delta = sqrt(st[c][1] + eps) / std * d;
        trace(tr, c, "Δ = √({u} + {ε})/√({v} + {ε})·{g}", delta, 5, u0, eps, st[c][0], eps, d);
        st[c][1] = st[c][1] * rho + (1.0 - rho) * delta * delta;
        trace(tr, c, "u ← {ρ}·{u} + (1 − {ρ})·{Δ}²", st[c][1], 4, rho, u0, rho, delta);
        p[c] = p[c] + (-lr) * delta;
        trace(tr, c, "θ ← {θ} − {lr}·{Δ}", p[c], 3, p0, lr, delta);
    }
}

static double sign(double v) { return v > 0.0 ? 1.0 : (v < 0.0 ? -1.0 : 0.0); }

/* Lion (Chen et al. 2023): st[c][0] momentum m.
 *   c = b1 m + (1 - b1) g;  p <- p - lr (sign(c) + wd p);  m <- b2 m + (1 - b2) g */
static void step_lion(const double *hp, double lr, long t, double p[2], const double g[2],
                      double st[2][OPTIM_STATE_MAX], OptimTrace *tr)
{
    (void)t;
    const double b1 = hp[HP_BETA1], b2 = hp[HP_BETA2], wd = hp[HP_WEIGHT_DECAY];
    for (int c = 0; c < 2; c++) {
        double u = b1 * st[c][0] + (1.0 - b1) * g[c], p0 = p[c], m0 = st[c][0];
        trace(tr, c, "c = {β₁}·{m} + (1 − {β₁})·{g}", u, 4, b1, m0, b1, g[c]);
        p[c] = p[c] - lr * (sign(u) + wd * p[c]);
        trace(tr, c, "θ ← {θ} − {lr}·(sign({c}) + {wd}·{θ})", p[c], 5, p0, lr, u, wd, p0);
        st[c][0] = b2 * st[c][0] + (1.0 - b2) * g[c];
        trace(tr, c, "m ← {β₂}·{m} + (1 − {β₂})·{g}", st[c][0], 4, b2, m0, b2, g[c]);
    }
}

#define K(k) HP_BIT(HP_##k)
static const OptimInfo OPTIMS[OPTIM_COUNT] = {
    [OPTIM_SGD] = {"sgd", "SGD", "torch.optim.SGD(lr)",
                   K(LR) | K(WEIGHT_DECAY), {[HP_LR] = 1e-2}, step_sgd, {NULL}, {NULL}},
    [OPTIM_MOMENTUM] = {"momentum", "Momentum", "torch.optim.SGD(lr, momentum)",
                        K(LR) | K(MOMENTUM) | K(WEIGHT_DECAY),
                        {[HP_LR] = 1e-2, [HP_MOMENTUM] = 0.9}, step_momentum, {"momentum_buffer"}, {"b"}},
    [OPTIM_RMSPROP] = {"rmsprop", "RMSprop", "torch.optim.RMSprop(lr, alpha, eps)",
                       K(LR) | K(ALPHA) | K(EPS) | K(WEIGHT_DECAY),
                       {[HP_LR] = 1e-2, [HP_ALPHA] = 0.99, [HP_EPS] = 1e-8}, step_rmsprop, {"square_avg"}, {"v"}},
    [OPTIM_ADAM] = {"adam", "Adam", "torch.optim.Adam(lr, betas=(beta1, beta2), eps)",
                    K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY) | K(BIAS_CORRECTION),
                    {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8,
                     [HP_BIAS_CORRECTION] = 1},
                    step_adam, {"exp_avg", "exp_avg_sq"}, {"m", "v"}},
    [OPTIM_NESTEROV] = {"nesterov", "Nesterov", "torch.optim.SGD(lr, momentum, nesterov=True)",
                        K(LR) | K(MOMENTUM) | K(WEIGHT_DECAY),
                        {[HP_LR] = 1e-2, [HP_MOMENTUM] = 0.9}, step_nesterov, {"momentum_buffer"}, {"b"}},
    [OPTIM_AMSGRAD] = {"amsgrad", "AMSGrad", "torch.optim.Adam(lr, betas, eps, amsgrad=True)",
                       K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY),
                       {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8},
                       step_amsgrad, {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"}, {"m", "v", "vₘₐₓ"}},
    [OPTIM_ADAMW] = {"adamw", "AdamW", "torch.optim.AdamW(lr, betas, eps, weight_decay)",
                     K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY),
                     {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8,
                      [HP_WEIGHT_DECAY] = 1e-2},
                     step_adamw, {"exp_avg", "exp_avg_sq"}, {"m", "v"}},
    [OPTIM_NADAM] = {"nadam", "NAdam", "torch.optim.NAdam(lr, betas, eps, momentum_decay)",
                     K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY) | K(MOMENTUM_DECAY),
                     {[HP_LR] = 2e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8,
                      [HP_MOMENTUM_DECAY] = 4e-3},
                     step_nadam, {"exp_avg", "exp_avg_sq", "mu_product"}, {"m", "v", "Π"}},
    [OPTIM_RADAM] = {"radam", "RAdam", "torch.optim.RAdam(lr, betas, eps)",
                     K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY),
                     {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8},
                     step_radam, {"exp_avg", "exp_avg_sq"}, {"m", "v"}},
    [OPTIM_ADAGRAD] = {"adagrad", "Adagrad", "torch.optim.Adagrad(lr, lr_decay, eps, initial_accumulator_value)",
                       K(LR) | K(LR_DECAY) | K(EPS) | K(WEIGHT_DECAY) | K(INITIAL_ACCUMULATOR_VALUE),
                       {[HP_LR] = 1e-2, [HP_EPS] = 1e-10}, step_adagrad, {"sum"}, {"s"}},
    [OPTIM_ADADELTA] = {"adadelta", "Adadelta", "torch.optim.Adadelta(lr, rho, eps)",
                        K(LR) | K(RHO) | K(EPS) | K(WEIGHT_DECAY),
                        {[HP_LR] = 1.0, [HP_RHO] = 0.9, [HP_EPS] = 1e-6}, step_adadelta, {"square_avg", "acc_delta"}, {"v", "u"}},
    /* TRANSLATORS: shown where the other optimizers show their torch.optim call */
    [OPTIM_LION] = {"lion", "Lion", N_("Lion (Chen et al. 2023): sign of interpolated momentum"),
                    K(LR) | K(BETA1) | K(BETA2) | K(WEIGHT_DECAY),
                    {[HP_LR] = 1e-4, [HP_BETA1] = 0.9, [HP_BETA2] = 0.99}, step_lion, {"exp_avg"}, {"m"}},
};
#undef K

const OptimInfo *optim_info(OptimKind kind) { return &OPTIMS[kind]; }
const HyperInfo *optim_hyper(HyperKey key) { return &HYPERS[key]; }

int optim_find(const char *name)
{
    for (int i = 0; i < OPTIM_COUNT; i++)
        if (strcmp(OPTIMS[i].name, name) == 0)
            return i;
    return -1;
}

int optim_hyper_find(const char *name)
{
    for (int i = 0; i < HP_COUNT; i++)
        if (strcmp(HYPERS[i].name, name) == 0)
            return i;
    return -1;
}

int optim_uses(OptimKind kind, HyperKey key) { return (OPTIMS[kind].keys & HP_BIT(key)) != 0; }

void optim_defaults(OptimKind kind, double hp[HP_COUNT])
{
    memcpy(hp, OPTIMS[kind].defaults, sizeof(double) * HP_COUNT);
}

int optim_hyper_valid(HyperKey key, double v)
{
    const HyperInfo *h = &HYPERS[key];
    if (isnan(v) || isinf(v))
        return 0;
    if (h->lo_open ? !(v > h->lo) : !(v >= h->lo))
        return 0;
    if (h->hi_open ? !(v < h->hi) : !(v <= h->hi))
        return 0;
    if (h->is_flag && v != 0.0 && v != 1.0)
        return 0;
    return 1;
}

void optim_hyper_range_text(HyperKey key, char *out, size_t cap)
{
    const HyperInfo *h = &HYPERS[key];
    if (h->is_flag)
        /* TRANSLATORS: the values a flag takes: put into "%s must be %s, got %s" and --list */
        snprintf(out, cap, "%s", _("0 or 1"));
    else if (isinf(h->hi))
        snprintf(out, cap, "%s %g", h->lo_open ? ">" : ">=", h->lo);
    else
        /* TRANSLATORS: an interval such as "in [0, 1)": put into "%s must be %s, got %s" and --list */
        snprintf(out, cap, _("in %c%g, %g%c"), h->lo_open ? '(' : '[', h->lo, h->hi, h->hi_open ? ')' : ']');
}

double optim_hyper_clamp(HyperKey key, double v)
{
    const HyperInfo *h = &HYPERS[key];
    if (isnan(v))
        return OPTIMS[OPTIM_ADAM].defaults[key] > 0 ? OPTIMS[OPTIM_ADAM].defaults[key] : h->ui_lo;
    double lo = h->lo_open ? nextafter(h->lo, INF) : h->lo;
    double hi = isinf(h->hi) ? 1e300 : (h->hi_open ? nextafter(h->hi, -INF) : h->hi);
    if (h->lo_open && h->lo == 0.0)
        lo = 1e-300;
    return v < lo ? lo : (v > hi ? hi : v);
}

void optim_reset(OptimState *st) { memset(st, 0, sizeof *st); }

void optim_init(OptimKind kind, const double *hp, OptimState *st)
{
    optim_reset(st);
    if (kind == OPTIM_ADAGRAD)
        st->s[0][0] = st->s[1][0] = hp[HP_INITIAL_ACCUMULATOR_VALUE];
}

void optim_step(OptimKind kind, const double *hp, double lr, OptimState *st, double p[2], const double g[2])
{
    st->t++;
    OPTIMS[kind].step(hp, lr, st->t, p, g, st->s, NULL);
}

void optim_step_traced(OptimKind kind, const double *hp, double lr, OptimState *st, double p[2], const double g[2],
                       OptimTrace *tr)
{
    memset(tr, 0, sizeof *tr);
    st->t++;
    OPTIMS[kind].step(hp, lr, st->t, p, g, st->s, tr);
}

/* ---- the card's text -------------------------------------------------------------- */

typedef struct Out {
    char *p;
    size_t left;
} Out;

static void put(Out *o, const char *s, size_t n)
{
    if (o->left <= 1)
        return;
    if (n > o->left - 1)
        n = o->left - 1;
    memcpy(o->p, s, n);
    o->p += n, o->left -= n;
    *o->p = 0;
}

/* A number as the card shows it: 4 significant digits, a true minus sign, in
 * parentheses when negative and not the first thing on the line. */
void optim_format_number(double v, char *out, size_t cap)
{
    char buf[48];
    if (isnan(v)) {
        snprintf(out, cap, "NaN");
        return;
    }
    if (isinf(v))
        snprintf(buf, sizeof buf, "\xe2\x88\x9e");
    else if (fabs(v) == floor(fabs(v)) && fabs(v) < 1e9) /* a step count, an exponent: in full */
        snprintf(buf, sizeof buf, "%.0f", fabs(v));
    else
        snprintf(buf, sizeof buf, "%.4g", fabs(v));
    /* 1e-08 as 1e\xe2\x88\x928, 1e+20 as 1e20 */
    char *e = strchr(buf, 'e');
    if (e) {
        int ex = atoi(e + 1);
        snprintf(e, sizeof buf - (size_t)(e - buf), ex < 0 ? "e\xe2\x88\x92%d" : "e%d", ex < 0 ? -ex : ex);
    }
    snprintf(out, cap, "%s%s", v < 0 ? "\xe2\x88\x92" : "", buf); /* -0 is written 0 */
}

/* A number in a rule, in parentheses when negative and not the line's first. */
static void put_number(Out *o, double v, int paren)
{
    char buf[64];
    optim_format_number(v, buf, sizeof buf);
    paren = paren && v < 0;
    if (paren)
        put(o, "(", 1);
    put(o, buf, strlen(buf));
    if (paren)
        put(o, ")", 1);
}

/* The superscript of a small name ("t"), or NULL. */
static const char *superscript(const char *name, size_t n)
{
    return n == 1 && name[0] == 't' ? "\xe1\xb5\x97" : NULL;
}

void optim_trace_format(const OptimTraceLine *line, int c, char *out, size_t cap)
{
    Out o = {out, cap};
    if (cap)
        out[0] = 0;
    const char *s = line->rule;
    int k = 0;
    /* with numbers, the line starts after its left-hand side ("m <- ", "d = ") */
    if (c >= 0) {
        const char *first = strchr(s, '{'), *arrow = strstr(s, "\xe2\x86\x90 "), *eq = strstr(s, "= ");
        const char *lhs_end = arrow && (!first || arrow < first) ? arrow + 4 : (eq && (!first || eq < first) ? eq + 2 : NULL);
        if (lhs_end)
            s = lhs_end;
    }
    while (*s) {
        const char *open = strchr(s, '{');
        if (!open) {
            put(&o, s, strlen(s));
            break;
        }
        put(&o, s, (size_t)(open - s));
        const char *close = strchr(open, '}');
        if (!close)
            break;
        const char *name = open + 1;
        size_t n = (size_t)(close - name);
        int exponent = n > 0 && name[0] == '^';
        if (exponent)
            name++, n--;
        if (c < 0 || k >= line->n_args) {
            const char *sup = exponent ? superscript(name, n) : NULL;
            if (sup)
                put(&o, sup, strlen(sup));
            else
                put(&o, name, n);
        } else {
            if (exponent)
                put(&o, "^", 1);
            /* the first operand of a line with no arrow before it needs no parentheses */
            put_number(&o, line->arg[c][k], exponent || o.p != out);
        }
        k++;
        s = close + 1;
    }
    if (c >= 0) {
        put(&o, " = ", 3);
        put_number(&o, line->result[c], 0);
    }
}

/* ---- what the state says about the next move ------------------------------------- */

void optim_internals(OptimKind kind, const double *hp, double lr, const OptimState *before, const OptimState *after,
                     OptimInternals *out)
{
    memset(out, 0, sizeof *out);
    const double t = (double)after->t, eps = hp[HP_EPS];
    for (int c = 0; c < 2; c++) {
        const double *a = after->s[c], *b = before->s[c];
        switch (kind) {
        case OPTIM_MOMENTUM:
        case OPTIM_NESTEROV:
            out->has = OPTIM_HAS_VELOCITY;
            out->velocity_name = N_("momentum buffer b");
            out->velocity[c] = a[0];
            break;
        case OPTIM_LION:
            out->has = OPTIM_HAS_VELOCITY;
            out->velocity_name = N_("momentum m");
            out->velocity[c] = a[0];
            break;
        case OPTIM_RMSPROP:
            out->has = OPTIM_HAS_EFF_LR;
            out->eff_lr[c] = lr / (sqrt(a[0]) + eps);
            break;
        case OPTIM_ADAGRAD:
            out->has = OPTIM_HAS_EFF_LR;
            out->eff_lr[c] = lr / (1.0 + (t - 1.0) * hp[HP_LR_DECAY]) / (sqrt(a[0]) + eps);
            break;
        case OPTIM_ADADELTA:
            out->has = OPTIM_HAS_EFF_LR;
            out->eff_lr[c] = lr * sqrt(b[1] + eps) / sqrt(a[0] + eps);
            break;
        case OPTIM_ADAM:
        case OPTIM_AMSGRAD:
        case OPTIM_ADAMW:
        case OPTIM_NADAM:
        case OPTIM_RADAM: {
            int corrected = kind != OPTIM_ADAM || hp[HP_BIAS_CORRECTION] != 0.0;
            double bc1 = corrected ? 1.0 - pow(hp[HP_BETA1], t) : 1.0;
            double bc2 = corrected ? 1.0 - pow(hp[HP_BETA2], t) : 1.0;
            double v = kind == OPTIM_AMSGRAD ? a[2] : a[1];
            out->has = OPTIM_HAS_VELOCITY | OPTIM_HAS_EFF_LR;
            out->velocity_name = corrected ? "m\xcc\x82" : "m";
            out->velocity[c] = a[0] / bc1;
            out->eff_lr[c] = lr / (sqrt(v / bc2) + eps);
            if (kind == OPTIM_RADAM) {
                const double b2 = hp[HP_BETA2], rho_inf = 2.0 / (1.0 - b2) - 1.0;
                const double rho_t = rho_inf - 2.0 * t * pow(b2, t) / bc2;
                if (rho_t > 5.0)
                    out->eff_lr[c] = lr * sqrt(bc2) / (sqrt(a[1]) + eps) *
                                     sqrt((rho_t - 4.0) * (rho_t - 2.0) * rho_inf /
                                          ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t));
                else
                    out->has = OPTIM_HAS_VELOCITY; /* plain momentum: no adaptive step yet */
            }
            break;
        }
        case OPTIM_SGD:
        case OPTIM_COUNT: break;
        }
    }
}
