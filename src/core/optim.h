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
    const char *label;       /* for the UI: "learning rate" */
    const char *symbol;      /* short UI name: "lr", "\xce\xb2\x31" (beta1) */
    double lo, hi;           /* valid range */
    int lo_open, hi_open;    /* 1 when the bound itself is not allowed */
    double ui_lo, ui_hi;     /* slider range */
    int log_scale;           /* slider moves in log10 */
    int is_flag;             /* 0 or 1 only (a checkbox) */
} HyperInfo;

/* One step of both coordinates. `hp` indexed by HyperKey; `lr` is the learning rate
 * for this step; `t` counts from 1; st[c] holds OPTIM_STATE_MAX doubles for
 * coordinate c, zero before the first step. */
typedef void (*OptimStepFn)(const double *hp, double lr, long t, double p[2], const double g[2],
                            double st[2][OPTIM_STATE_MAX]);

typedef struct OptimInfo {
    const char *name;   /* CLI name: "adam" */
    const char *title;  /* "Adam" */
    const char *torch;  /* the torch.optim call it reproduces */
    unsigned keys;      /* HP_BIT mask of the hyperparameters it uses */
    double defaults[HP_COUNT];
    OptimStepFn step;
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

/* One step of the run: increments t, then updates p in place from gradient g. */
void optim_step(OptimKind kind, const double *hp, double lr, OptimState *st, double p[2], const double g[2]);

#endif
