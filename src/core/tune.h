/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* tune: the learning rate each surface is known to work with, for any optimizer.
 *
 * A built-in surface names four runs (SGD, Momentum, RMSprop, Adam) with learning
 * rates chosen for it; a typed formula has four general ones. The other optimizers
 * take the rate of the family whose step they share: Nesterov Momentum's; AMSGrad,
 * AdamW and NAdam Adam's; RAdam, whose first steps are momentum SGD's and the rest
 * Adam's, Adam's at most three times Momentum's; Adagrad ten times RMSprop's (its steps shrink as
 * 1/sqrt(t) where RMSprop's stay near lr); Lion a third of Adam's (a sign step of
 * size lr every time, as the Lion paper advises). Adadelta's lr is a multiplier of
 * steps it sizes itself, 1 by convention: it has none. */
#ifndef GS_TUNE_H
#define GS_TUNE_H

#include "optim.h"
#include "surface.h"

/* The learning rate for `kind` on surface s into *lr. Returns 0, or -1 where there
 * is none (Adadelta). */
int tune_lr(const Surface *s, OptimKind kind, double *lr);

#endif
