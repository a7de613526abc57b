/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* optim: the optimizers, as one table. Each kind names the hyperparameters it uses
 * (keys spelled as in torch.optim), their defaults, and a step function that
 * updates one coordinate in place. The arithmetic follows torch.optim's
 * single-tensor code operation by operation, so trajectories agree with torch to
 * the last few bits. Adding an optimizer is one table entry and one step function.
 *
 * Invariants: hyperparameter arrays are indexed by HyperKey; keys an optimizer does
 * not use are ignored by its step; t counts steps from 1. */
#ifndef GS_OPTIM_H
#define GS_OPTIM_H

#include <stddef.h>

typedef enum OptimKind {
    OPTIM_SGD,
    OPTIM_MOMENTUM,
    OPTIM_RMSPROP,
    OPTIM_ADAM,
    OPTIM_NESTEROV,
    OPTIM_AMSGRAD,
    OPTIM_ADAMW,
    OPTIM_NADAM,
    OPTIM_RADAM,
    OPTIM_ADAGRAD,
    OPTIM_ADADELTA,
    OPTIM_LION,
    OPTIM_COUNT
} OptimKind;

typedef enum HyperKey {
    HP_LR,
    HP_MOMENTUM,
    HP_ALPHA,
    HP_BETA1,
    HP_BETA2,
    HP_EPS,
    HP_WEIGHT_DECAY,
    HP_RHO,
    HP_LR_DECAY,
    HP_INITIAL_ACCUMULATOR_VALUE,
    HP_MOMENTUM_DECAY,
    HP_BIAS_CORRECTION,
    HP_COUNT
} HyperKey;

#define HP_BIT(k) (1u << (k))
#define OPTIM_STATE_MAX 4 /* doubles of state per coordinate */

typedef struct HyperInfo {
    const char *name;        /* CLI key, as in torch.optim: "lr", "beta1" */
    const char *label;       /* for the UI: "learning rate" (N_(): show _(label)) */
    const char *symbol;      /* short UI name: "lr", "\xce\xb2\x31" (beta1) */
    double lo, hi;           /* valid range */
    int lo_open, hi_open;    /* 1 when the bound itself is not allowed */
    double ui_lo, ui_hi;     /* slider range */
    int log_scale;           /* slider moves in log10 */
    int is_flag;             /* 0 or 1 only (a checkbox) */
} HyperInfo;

/* What one step computed, line by line, for the update-rule card: the step
 * functions record each operation as they do it, so the rule shown is the one the
 * code follows. A rule is UTF-8 with its operands in braces,
 *   "m \xe2\x86\x90 {\xce\xb2\xe2\x82\x81}\xc2\xb7{m} + (1 \xe2\x88\x92 {\xce\xb2\xe2\x82\x81})\xc2\xb7{g}"   (m <- b1*m + (1 - b1)*g)
 * and args holds the operands' values in the order of the braces; "{^t}" is an
 * exponent (shown as a superscript, or "^7" with numbers). */
#define OPTIM_TRACE_LINES 12
#define OPTIM_TRACE_ARGS 8

typedef struct OptimTraceLine {
    const char *rule;
    int scalar;                        /* computed once for both coordinates */
    int n_args;
    double arg[2][OPTIM_TRACE_ARGS];   /* per coordinate */
    double result[2];
} OptimTraceLine;

typedef struct OptimTrace {
    int n;
    int cursor[2];
    OptimTraceLine line[OPTIM_TRACE_LINES];
} OptimTrace;

/* One step of both coordinates. `hp` indexed by HyperKey; `lr` is the learning rate
 * for this step; `t` counts from 1; st[c] holds OPTIM_STATE_MAX doubles for
 * coordinate c, zero (or as optim_init leaves it) before the first step; tr, when not NULL, records the lines. */
typedef void (*OptimStepFn)(const double *hp, double lr, long t, double p[2], const double g[2],
                            double st[2][OPTIM_STATE_MAX], OptimTrace *tr);

typedef struct OptimInfo {
    const char *name;   /* CLI name: "adam" */
    const char *title;  /* "Adam" */
    const char *torch;  /* the torch.optim call it reproduces (Lion's, a description,
                         * is N_(): show _(torch)) */
    unsigned keys;      /* HP_BIT mask of the hyperparameters it uses */
    double defaults[HP_COUNT];
    OptimStepFn step;
    /* torch's name for the state in s[c][j] ("exp_avg"), NULL for unused slots */
    const char *state_name[OPTIM_STATE_MAX];
    /* its symbol on the card ("m", "v", "v\xe2\x82\x98\xe2\x82\x90\xe2\x82\x93") */
    const char *state_symbol[OPTIM_STATE_MAX];
} OptimInfo;

const OptimInfo *optim_info(OptimKind kind);
const HyperInfo *optim_hyper(HyperKey key);

/* Index of the named optimizer or key, or -1. */
int optim_find(const char *name);
int optim_hyper_find(const char *name);

int optim_uses(OptimKind kind, HyperKey key);

/* Fills hp with the kind's defaults (unused keys 0). */
void optim_defaults(OptimKind kind, double hp[HP_COUNT]);

/* 1 if v is a valid value for key. */
int optim_hyper_valid(HyperKey key, double v);

/* Writes the valid range as text ("> 0", "in [0, 1)"). */
void optim_hyper_range_text(HyperKey key, char *out, size_t cap);

/* Clamps v into the key's valid range (used by the UI and for extreme values). */
double optim_hyper_clamp(HyperKey key, double v);

/* The state of one run: per-coordinate buffers and the step count. */
typedef struct OptimState {
    double s[2][OPTIM_STATE_MAX];
    long t;
} OptimState;

void optim_reset(OptimState *st);

/* The state before the first step, as torch.optim's constructor leaves it: zero
 * and t = 0, except Adagrad's sum, which starts at initial_accumulator_value. The
 * steps give the same result from optim_reset's zeros; this is what the state
 * shows at step 0. */
void optim_init(OptimKind kind, const double *hp, OptimState *st);

/* One step of the run: increments t, then updates p in place from gradient g. */
void optim_step(OptimKind kind, const double *hp, double lr, OptimState *st, double p[2], const double g[2]);

/* The same step, recording each line of the update into tr (cleared first). */
void optim_step_traced(OptimKind kind, const double *hp, double lr, OptimState *st, double p[2], const double g[2],
                       OptimTrace *tr);

/* A number as the card writes it: 4 significant digits (whole numbers in full),
 * a true minus sign, exponents as 1e\xe2\x88\x928, \xe2\x88\x9e and NaN for what is not finite. */
void optim_format_number(double v, char *out, size_t cap);

/* Writes a traced line: its rule with symbols (coordinate c < 0), or with
 * coordinate c's numbers and its result ("0.9\xc2\xb70.1 + ... = 0.19"). */
void optim_trace_format(const OptimTraceLine *line, int c, char *out, size_t cap);

/* What the state says about the next move, for the arrows and box on the map.
 * velocity: the momentum the step follows, in gradient units (SGD's momentum
 * buffer, the Adam family's bias-corrected m-hat, Lion's m); eff_lr: the step per
 * unit of gradient along each axis (lr / (sqrt(v-hat) + eps) for Adam, the same
 * idea for RMSprop, Adagrad, Adadelta, RAdam's rectified step). `before` and
 * `after` are the states around step after->t, taken with learning rate lr. */
enum { OPTIM_HAS_VELOCITY = 1, OPTIM_HAS_EFF_LR = 2 };
typedef struct OptimInternals {
    unsigned has;
    double velocity[2];
    double eff_lr[2];
    const char *velocity_name;   /* "momentum buffer b" (N_(): show _()), "m\xcc\x82" */
} OptimInternals;

void optim_internals(OptimKind kind, const double *hp, double lr, const OptimState *before, const OptimState *after,
                     OptimInternals *out);

#endif
