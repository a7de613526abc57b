/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* torchcode: runs as torch.optim and torch.optim.lr_scheduler code.
 *
 * Schedules map onto torch's schedulers as the fixtures in tests/fixtures/torch
 * verify them. A warm-up multiplies the schedule from step 1 (lr(t) =
 * schedule(t) * min(1, t/W)), which is ChainedScheduler([LinearLR, X]) for the
 * schedulers whose steps are factors of the current lr (StepLR, ExponentialLR,
 * CosineAnnealingLR with eta_min 0 while its restart branch stays out of the
 * warm-up); SequentialLR would instead start X after the warm-up. Every other
 * warm-up combination is a LambdaLR with gradscape's closed form. */
#include "torchcode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* N(v) lives until the end of the full expression: use it inside one call */
#define N(v) (text_num(v).s)

/* ---- the optimizer line ------------------------------------------------------- */

/* Lines of code are written after `lead`: "" for code, "# " for code that only
 * goes with an optimizer torch does not have. */
static void optimizer_line(Text *o, const char *lead, const Run *r)
{
    const double *h = r->hp;
    const TextNum wdn = text_num(h[HP_WEIGHT_DECAY]);
    const char *wd = wdn.s;
    text_add(o, "%s", lead);
    switch (r->kind) {
    case OPTIM_SGD:
        text_add(o, "optimizer = torch.optim.SGD(params, lr=%s, momentum=0, dampening=0, weight_decay=%s, nesterov=False)\n",
            N(h[HP_LR]), wd);
        break;
    case OPTIM_MOMENTUM:
    case OPTIM_NESTEROV: {
        /* torch refuses nesterov=True without momentum; with momentum 0 it is SGD */
        int nesterov = r->kind == OPTIM_NESTEROV && h[HP_MOMENTUM] > 0.0;
        text_add(o, "optimizer = torch.optim.SGD(params, lr=%s, momentum=%s, dampening=0, weight_decay=%s, nesterov=%s)\n",
            N(h[HP_LR]), N(h[HP_MOMENTUM]), wd, nesterov ? "True" : "False");
        break;
    }
    case OPTIM_RMSPROP:
        text_add(o,
            "optimizer = torch.optim.RMSprop(params, lr=%s, alpha=%s, eps=%s, weight_decay=%s, momentum=0, "
            "centered=False)\n",
            N(h[HP_LR]), N(h[HP_ALPHA]), N(h[HP_EPS]), wd);
        break;
    case OPTIM_ADAM:
    case OPTIM_AMSGRAD:
    case OPTIM_ADAMW:
        text_add(o, "optimizer = torch.optim.%s(params, lr=%s, betas=(%s, %s), eps=%s, weight_decay=%s, amsgrad=%s)\n",
            r->kind == OPTIM_ADAMW ? "AdamW" : "Adam", N(h[HP_LR]), N(h[HP_BETA1]), N(h[HP_BETA2]), N(h[HP_EPS]),
            wd, r->kind == OPTIM_AMSGRAD ? "True" : "False");
        break;
    case OPTIM_NADAM:
        text_add(o, "optimizer = torch.optim.NAdam(params, lr=%s, betas=(%s, %s), eps=%s, weight_decay=%s, momentum_decay=%s)\n",
            N(h[HP_LR]), N(h[HP_BETA1]), N(h[HP_BETA2]), N(h[HP_EPS]), wd, N(h[HP_MOMENTUM_DECAY]));
        break;
    case OPTIM_RADAM:
        text_add(o, "optimizer = torch.optim.RAdam(params, lr=%s, betas=(%s, %s), eps=%s, weight_decay=%s)\n", N(h[HP_LR]),
            N(h[HP_BETA1]), N(h[HP_BETA2]), N(h[HP_EPS]), wd);
        break;
    case OPTIM_ADAGRAD:
        text_add(o,
            "optimizer = torch.optim.Adagrad(params, lr=%s, lr_decay=%s, weight_decay=%s, "
            "initial_accumulator_value=%s, eps=%s)\n",
            N(h[HP_LR]), N(h[HP_LR_DECAY]), wd, N(h[HP_INITIAL_ACCUMULATOR_VALUE]), N(h[HP_EPS]));
        break;
    case OPTIM_ADADELTA:
        text_add(o, "optimizer = torch.optim.Adadelta(params, lr=%s, rho=%s, eps=%s, weight_decay=%s)\n", N(h[HP_LR]),
            N(h[HP_RHO]), N(h[HP_EPS]), wd);
        break;
    case OPTIM_LION:
        text_add(o, "optimizer = Lion(params, lr=%s, betas=(%s, %s), weight_decay=%s)\n", N(h[HP_LR]), N(h[HP_BETA1]),
            N(h[HP_BETA2]), wd);
        break;
    default: text_add(o, "\n"); break;
    }
}

/* ---- the scheduler lines ------------------------------------------------------ */

#define SCHED "torch.optim.lr_scheduler."

static void linear_warmup(Text *o, const char *lead, const char *var, double w)
{
    text_add(o, "%s%s = " SCHED "LinearLR(optimizer, start_factor=1 / %s, end_factor=1.0, total_iters=%s)\n", lead, var,
        N(w), N(w - 1));
}

/* The scheduler's own line (no warm-up), assigned to `var`. */
static void plain_scheduler(Text *o, const char *lead, const char *var, const Schedule *s)
{
    const double *v = s->v;
    text_add(o, "%s%s = " SCHED, lead, var);
    switch (s->kind) {
    case SCHED_STEP: text_add(o, "StepLR(optimizer, step_size=%s, gamma=%s)\n", N(v[SK_STEP_SIZE]), N(v[SK_GAMMA])); break;
    case SCHED_EXPONENTIAL: text_add(o, "ExponentialLR(optimizer, gamma=%s)\n", N(v[SK_GAMMA])); break;
    case SCHED_COSINE:
        text_add(o, "CosineAnnealingLR(optimizer, T_max=%s, eta_min=%s)\n", N(v[SK_T_MAX]), N(v[SK_ETA_MIN]));
        break;
    case SCHED_CYCLIC:
        text_add(o,
            "CyclicLR(optimizer, base_lr=%s, max_lr=%s, step_size_up=%s, mode='triangular', "
            "cycle_momentum=False)\n",
            N(v[SK_BASE_LR]), N(v[SK_MAX_LR]), N(v[SK_STEP_SIZE_UP]));
        break;
    default: text_add(o, "None\n"); break;
    }
}

/* A warm-up times the schedule as one LambdaLR: gradscape's closed form, in the
 * same operation order, divided by the optimizer's lr (LambdaLR multiplies it back). */
static void lambda_scheduler(Text *o, const char *lead, const Schedule *s, double lr)
{
    const double *v = s->v;
    text_add(o, "%simport math\n", lead);
    text_add(o, "%sdef lr_lambda(e):  # step e + 1 takes lr * lr_lambda(e)\n", lead);
    if (s->kind == SCHED_COSINE) {
        text_add(o, "%s    sched = %s + (%s - %s) * (1 + math.cos(math.pi * e / %s)) / 2\n", lead, N(v[SK_ETA_MIN]), N(lr),
            N(v[SK_ETA_MIN]), N(v[SK_T_MAX]));
    } else {
        const TextNum totaln = text_num(2.0 * v[SK_STEP_SIZE_UP]);
        const char *total = totaln.s;
        text_add(o, "%s    x = 1 + e / %s - math.floor(1 + e / %s)\n", lead, total, total);
        text_add(o, "%s    sched = %s + (%s - %s) * (x / 0.5 if x <= 0.5 else (x - 1) / (0.5 - 1))\n", lead,
            N(v[SK_BASE_LR]), N(v[SK_MAX_LR]), N(v[SK_BASE_LR]));
    }
    text_add(o, "%s    return sched / %s * min(1.0, (e + 1) / %s)\n", lead, N(lr), N(v[SK_WARMUP]));
    text_add(o, "%sscheduler = " SCHED "LambdaLR(optimizer, lr_lambda)\n", lead);
}

static void scheduler_lines(Text *o, const char *lead, const Schedule *s, double lr)
{
    const double w = s->v[SK_WARMUP];
    const int warm = w > 1.0; /* warmup=1 changes no step */
    if (s->kind == SCHED_CONSTANT) {
        if (warm) {
            text_add(o, "# warm-up: lr * t / %s at step t < %s\n", N(w), N(w));
            linear_warmup(o, lead, "scheduler", w);
        }
        return;
    }
    if (!warm) {
        if (s->kind == SCHED_CYCLIC)
            text_add(o, "# CyclicLR sets the lr itself, from base_lr up to max_lr and back\n");
        plain_scheduler(o, lead, "scheduler", s);
        return;
    }
    /* CosineAnnealingLR's restart branch (at e = T_max + 1) adds base_lr's share
     * instead of scaling the current lr: a factor only once the warm-up is over */
    const int chainable = s->kind == SCHED_STEP || s->kind == SCHED_EXPONENTIAL ||
                          (s->kind == SCHED_COSINE && s->v[SK_ETA_MIN] == 0.0 && s->v[SK_T_MAX] + 2.0 >= w);
    if (chainable) {
        text_add(o, "# warm-up times the schedule from step 1 (ChainedScheduler; SequentialLR would start it after the "
               "warm-up)\n");
        linear_warmup(o, lead, "warmup", w);
        plain_scheduler(o, lead, "decay", s);
        text_add(o, "%sscheduler = " SCHED "ChainedScheduler([warmup, decay])\n", lead);
    } else {
        text_add(o, "# warm-up times the schedule from step 1: no chain of torch's schedulers multiplies these, so one "
               "LambdaLR\n");
        lambda_scheduler(o, lead, s, lr);
    }
}

/* ---- one run ------------------------------------------------------------------ */

static void lion_comment(Text *o)
{
    text_add(o, "# note: Lion is not in torch.optim; no torch.optim code reproduces this run.\n"
           "# Its update, per parameter, with m = 0 at the start:\n"
           "#   c = beta1*m + (1 - beta1)*grad\n"
           "#   p = p - lr*(sign(c) + weight_decay*p)\n"
           "#   m = beta2*m + (1 - beta2)*grad\n"
           "# The lion-pytorch package (pip install lion-pytorch) implements the same rule\n"
           "# (its weight decay multiplies p by 1 - lr*weight_decay first: equal up to rounding):\n"
           "# from lion_pytorch import Lion\n");
}

static void nobias_comment(Text *o, const Run *r)
{
    const double *h = r->hp;
    text_add(o, "# note: torch.optim.Adam always corrects the bias of m and v; no torch.optim\n"
           "# optimizer takes these steps. The update, per parameter, with m = v = 0 at the start:\n"
           "#   g = grad + weight_decay*p\n"
           "#   m = beta1*m + (1 - beta1)*g\n"
           "#   v = beta2*v + (1 - beta2)*g*g\n"
           "#   p = p - lr*m/(sqrt(v) + eps)\n");
    text_add(o, "# with lr=%s, beta1=%s, beta2=%s,", N(h[HP_LR]), N(h[HP_BETA1]), N(h[HP_BETA2]));
    text_add(o, " eps=%s, weight_decay=%s; with bias correction it would be:\n", N(h[HP_EPS]), N(h[HP_WEIGHT_DECAY]));
}

static void run_code(Text *o, const Scene *sc, const Run *r)
{
    Schedule s;
    schedule_resolve(&r->sched, r->hp[HP_LR], sc->steps, &s);
    char desc[256];
    schedule_describe(&s, desc, sizeof desc);
    /* a label is the user's text: only ever in a comment, and never a line break */
    text_add(o, "# ");
    text_add_escaped(o, r->label);
    text_add(o, ": %s%s%s\n", optim_info(r->kind)->title, desc[0] ? ", " : "", desc);

    const int nobias = r->kind == OPTIM_ADAM && r->hp[HP_BIAS_CORRECTION] == 0.0;
    const char *lead = r->kind == OPTIM_LION || nobias ? "# " : "";
    if (r->kind == OPTIM_NESTEROV && !(r->hp[HP_MOMENTUM] > 0.0))
        text_add(o, "# note: Nesterov with momentum 0 is plain SGD (torch refuses nesterov=True without momentum)\n");
    if (r->kind == OPTIM_NADAM)
        text_add(o, "# note: steps as torch 1.13's NAdam; torch 2.0 changed its mu_product, so later\n"
               "# versions take slightly different steps\n");
    if (sc->noise > 0.0)
        text_add(o, "# note: the scene adds gradient noise (sigma %s, seed %llu); this is the noiseless\n"
               "# optimizer, fed by your own gradients\n",
            N(sc->noise), sc->seed);
    if (r->kind == OPTIM_LION)
        lion_comment(o);
    else if (nobias)
        nobias_comment(o, r);
    optimizer_line(o, lead, r);
    scheduler_lines(o, lead, &s, r->hp[HP_LR]);
}

int torchcode_run(const Scene *sc, int run, char *out, size_t cap)
{
    if (run < 0 || run >= sc->n_runs || cap == 0)
        return -1;
    Text o = text_begin(out, cap);
    run_code(&o, sc, &sc->run[run]);
    return o.full || o.len > (size_t)0x7fffffff ? -1 : (int)o.len;
}

/* "rosenbrock:a=1,b=100" or "expr:FORMULA" */

int torchcode_scene(const Scene *sc, char *out, size_t cap)
{
    if (cap == 0)
        return -1;
    Text o = text_begin(out, cap);
    char spec[sizeof sc->surface.expr.source + 64];
    Text t = text_begin(spec, sizeof spec);
    surface_write_spec(&sc->surface, &t);
    text_add(&o, "# gradscape: surface ");
    text_add_escaped(&o, spec); /* a typed formula is the user's text too */
    text_add(&o, ", start (%s, %s), %d steps\n", N(sc->start[0]), N(sc->start[1]), sc->steps);
    text_add(&o, "# One block per run; `params` is what the optimizer trains (model.parameters()).\n"
            "# Each step: optimizer.zero_grad(); loss.backward(); optimizer.step(); scheduler.step()\n"
            "import torch\n");
    for (int i = 0; i < sc->n_runs; i++) {
        text_add(&o, "\n");
        run_code(&o, sc, &sc->run[i]);
    }
    return o.full || o.len > (size_t)0x7fffffff ? -1 : (int)o.len;
}
