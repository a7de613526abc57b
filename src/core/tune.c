/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* tune: the surface's tuned learning rate for an optimizer (tune.h). */
#include "tune.h"

#include <math.h>

#include "spec.h"

int tune_lr(const Surface *s, OptimKind kind, double *lr)
{
    OptimKind family;
    double scale = 1.0;
    switch (kind) {
    case OPTIM_SGD: family = OPTIM_SGD; break;
    case OPTIM_MOMENTUM:
    case OPTIM_NESTEROV: family = OPTIM_MOMENTUM; break;
    case OPTIM_RMSPROP: family = OPTIM_RMSPROP; break;
    case OPTIM_ADAGRAD: family = OPTIM_RMSPROP, scale = 10.0; break;
    case OPTIM_ADAM:
    case OPTIM_AMSGRAD:
    case OPTIM_ADAMW:
    case OPTIM_NADAM: family = OPTIM_ADAM; break;
    case OPTIM_RADAM: {
        /* its first steps (until the variance is tractable) are momentum SGD's with
         * lr, the rest Adam's: Adam's rate where those first steps stay stable,
         * at most three times Momentum's */
        double mom, adam;
        if (tune_lr(s, OPTIM_MOMENTUM, &mom) != 0 || tune_lr(s, OPTIM_ADAM, &adam) != 0)
            return -1;
        *lr = fmin(adam, 3 * mom);
        return 0;
    }
    case OPTIM_LION: family = OPTIM_ADAM, scale = 1.0 / 3.0; break;
    default: return -1;
    }
    for (int i = 0; i < SURFACE_MAX_DEFAULT_RUNS; i++) {
        const char *text = spec_default_run(s, i);
        RunSpec rs;
        char err[SPEC_ERR_MAX];
        if (text && spec_parse_opt(text, &rs, err, sizeof err) == 0 && rs.kind == family) {
            *lr = rs.hp[HP_LR] * scale;
            return 0;
        }
    }
    return -1;
}
