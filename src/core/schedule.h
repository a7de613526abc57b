/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* schedule: learning-rate schedules with torch.optim.lr_scheduler's semantics,
 * stepped once per optimizer step, plus an optional linear warm-up that multiplies
 * any of them. The lr of optimizer step t (t from 1) is the schedule's value after
 * t - 1 scheduler steps:
 *   constant     lr
 *   step         lr * gamma^floor((t-1) / step_size)              (StepLR)
 *   exponential  lr * gamma^(t-1)                                  (ExponentialLR)
 *   cosine       eta_min + (lr - eta_min)(1 + cos(pi (t-1)/t_max))/2 (CosineAnnealingLR)
 *   cyclic       triangular between base_lr and max_lr, step_size_up steps each way
 *                (CyclicLR, mode triangular, without momentum cycling)
 *   warmup W     times min(1, t / W)                               (LinearLR from 1/W)
 * Invariants: a Schedule that is zero-initialised is constant with no warm-up. */
#ifndef GS_SCHEDULE_H
#define GS_SCHEDULE_H

#include <stddef.h>

typedef enum ScheduleKind {
    SCHED_CONSTANT,
    SCHED_STEP,
    SCHED_EXPONENTIAL,
    SCHED_COSINE,
    SCHED_CYCLIC,
    SCHED_COUNT
} ScheduleKind;

typedef enum ScheduleKey {
    SK_STEP_SIZE,
    SK_GAMMA,
    SK_T_MAX,
    SK_ETA_MIN,
    SK_BASE_LR,
    SK_MAX_LR,
    SK_STEP_SIZE_UP,
    SK_WARMUP,
    SK_COUNT
} ScheduleKey;

#define SK_BIT(k) (1u << (k))

typedef struct Schedule {
    ScheduleKind kind;
    double v[SK_COUNT];   /* 0 means "default" where a default exists */
} Schedule;

/* What a key's default is a multiple of. */
typedef enum ScheduleUnit { SCHED_UNIT_ONE, SCHED_UNIT_LR, SCHED_UNIT_STEPS } ScheduleUnit;

typedef struct ScheduleKeyInfo {
    const char *name;
    double lo, hi;        /* valid range (closed) */
    int lo_open;
    int integer;
    double ui_lo, ui_hi;
    int log_scale;
    const char *label;    /* for help: "decay factor" (N_(): show _(label)) */
    ScheduleUnit unit;    /* of its default */
} ScheduleKeyInfo;

typedef struct ScheduleInfo {
    const char *name;     /* "step" */
    const char *torch;    /* the lr_scheduler it follows: "StepLR" ("no scheduler" is
                           * N_(): show _(torch)) */
    unsigned keys;        /* SK_BIT mask of its own keys (warmup goes with every kind) */
    double defaults[SK_COUNT]; /* of its keys, in the keys' units */
} ScheduleInfo;

const ScheduleInfo *schedule_info(ScheduleKind k);
const char *schedule_name(ScheduleKind k);
int schedule_find(const char *name);            /* kind or -1 */
int schedule_key_find(const char *name);        /* key or -1 */
const ScheduleKeyInfo *schedule_key(ScheduleKey k);
int schedule_uses(ScheduleKind kind, ScheduleKey key);  /* its own keys and warmup */

/* Writes a key's valid range as text ("in (0, 1]", "a whole number >= 1"). */
void schedule_key_range_text(ScheduleKey key, char *out, size_t cap);

/* Writes the kind's default for a key it uses as text: "100", "lr/10", "steps". */
void schedule_default_text(ScheduleKind kind, ScheduleKey key, char *out, size_t cap);

/* Fills the unset values of the kind's keys with its defaults for a run of `lr`
 * over `steps` steps (t_max at least 1). */
void schedule_resolve(const Schedule *in, double lr, int steps, Schedule *out);

/* The learning rate of optimizer step t (t >= 1) for a resolved schedule. */
double schedule_lr(const Schedule *s, double lr, long t);

/* Writes "cosine t_max=500 warmup=20" (or "" for constant without warm-up). */
void schedule_describe(const Schedule *s, char *out, size_t cap);

#endif
