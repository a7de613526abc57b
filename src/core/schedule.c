/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* schedule: the table of kinds and keys, and closed forms of torch's schedulers. */
#include "schedule.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang.h"

/* The labels are N_(): shown through _() (schedule.h). */
static const ScheduleKeyInfo KEYS[SK_COUNT] = {
    /* TRANSLATORS: the schedule keys' meanings, beside their names (step_size, gamma ...),
     * which stay as they are, as do lr, eta_min, base_lr, max_lr, warmup and LinearLR */
    [SK_STEP_SIZE] = {"step_size", 1, 1e9, 0, 1, 1, 5000, 1, N_("steps between decays"), SCHED_UNIT_ONE},
    [SK_GAMMA] = {"gamma", 0, 1, 1, 0, 0.5, 1, 0, N_("decay factor"), SCHED_UNIT_ONE},
    [SK_T_MAX] = {"t_max", 1, 1e9, 0, 1, 1, 100000, 1, N_("steps from lr down to eta_min"), SCHED_UNIT_STEPS},
    [SK_ETA_MIN] = {"eta_min", 0, 1e300, 0, 0, 0, 1, 0, N_("lowest lr"), SCHED_UNIT_ONE},
    [SK_BASE_LR] = {"base_lr", 0, 1e300, 1, 0, 1e-5, 10, 1, N_("lowest lr of a cycle"), SCHED_UNIT_LR},
    [SK_MAX_LR] = {"max_lr", 0, 1e300, 1, 0, 1e-5, 10, 1, N_("highest lr of a cycle"), SCHED_UNIT_LR},
    [SK_STEP_SIZE_UP] = {"step_size_up", 1, 1e9, 0, 1, 1, 5000, 1, N_("steps from base_lr up to max_lr"),
                         SCHED_UNIT_ONE},
    [SK_WARMUP] = {"warmup", 0, 1e9, 0, 1, 0, 1000, 0,
                   N_("steps of linear warm-up, lr x min(1, t/warmup) at step t (LinearLR)"), SCHED_UNIT_ONE},
};

/* Keys every kind takes. */
#define SHARED_KEYS SK_BIT(SK_WARMUP)

#define K(k) SK_BIT(SK_##k)
static const ScheduleInfo SCHEDULES[SCHED_COUNT] = {
    /* TRANSLATORS: in --list, where the other schedules show their torch class (StepLR ...) */
    [SCHED_CONSTANT] = {"constant", N_("no scheduler"), 0, {0}},
    [SCHED_STEP] = {"step", "StepLR", K(STEP_SIZE) | K(GAMMA), {[SK_STEP_SIZE] = 100, [SK_GAMMA] = 0.1}},
    [SCHED_EXPONENTIAL] = {"exponential", "ExponentialLR", K(GAMMA), {[SK_GAMMA] = 0.99}},
    [SCHED_COSINE] = {"cosine", "CosineAnnealingLR", K(T_MAX) | K(ETA_MIN), {[SK_T_MAX] = 1, [SK_ETA_MIN] = 0}},
    [SCHED_CYCLIC] = {"cyclic", "CyclicLR, triangular", K(BASE_LR) | K(MAX_LR) | K(STEP_SIZE_UP),
                      {[SK_BASE_LR] = 0.1, [SK_MAX_LR] = 1, [SK_STEP_SIZE_UP] = 100}},
};
#undef K

const ScheduleInfo *schedule_info(ScheduleKind k) { return &SCHEDULES[k]; }
const char *schedule_name(ScheduleKind k) { return SCHEDULES[k].name; }

int schedule_find(const char *name)
{
    for (int i = 0; i < SCHED_COUNT; i++)
        if (strcmp(SCHEDULES[i].name, name) == 0)
            return i;
    return -1;
}

int schedule_key_find(const char *name)
{
    for (int i = 0; i < SK_COUNT; i++)
        if (strcmp(KEYS[i].name, name) == 0)
            return i;
    return -1;
}

const ScheduleKeyInfo *schedule_key(ScheduleKey k) { return &KEYS[k]; }

int schedule_uses(ScheduleKind kind, ScheduleKey key)
{
    return ((SCHEDULES[kind].keys | SHARED_KEYS) & SK_BIT(key)) != 0;
}

void schedule_key_range_text(ScheduleKey key, char *out, size_t cap)
{
    const ScheduleKeyInfo *k = &KEYS[key];
    if (k->integer)
        /* TRANSLATORS: put into "%s must be %s, got %s" and --list */
        snprintf(out, cap, _("a whole number >= %g"), k->lo);
    else if (k->hi <= 1)
        /* TRANSLATORS: an interval such as "in (0, 1]": put into "%s must be %s, got %s" and --list */
        snprintf(out, cap, _("in %c%g, %g]"), k->lo_open ? '(' : '[', k->lo, k->hi);
    else
        snprintf(out, cap, "%s %g", k->lo_open ? ">" : ">=", k->lo);
}

/* The kind's default for a key; a fraction of lr or steps divides (lr/10 as
 * written, not lr*0.1). */
static double default_value(ScheduleKind kind, ScheduleKey key, double lr, int steps)
{
    const double d = SCHEDULES[kind].defaults[key];
    if (KEYS[key].unit == SCHED_UNIT_ONE || d == 0)
        return d;
    const double unit = KEYS[key].unit == SCHED_UNIT_LR ? lr : steps;
    return d >= 1 ? d * unit : unit / (1.0 / d);
}

void schedule_default_text(ScheduleKind kind, ScheduleKey key, char *out, size_t cap)
{
    const double d = SCHEDULES[kind].defaults[key];
    const char *unit = KEYS[key].unit == SCHED_UNIT_LR ? "lr" : "steps";
    if (KEYS[key].unit == SCHED_UNIT_ONE || d == 0)
        snprintf(out, cap, "%g", d);
    else if (d == 1)
        snprintf(out, cap, "%s", unit);
    else if (d < 1)
        snprintf(out, cap, "%s/%g", unit, 1.0 / d);
    else
        snprintf(out, cap, "%g*%s", d, unit);
}

void schedule_resolve(const Schedule *in, double lr, int steps, Schedule *out)
{
    *out = *in;
    for (int k = 0; k < SK_COUNT; k++) {
        if (!schedule_uses(in->kind, (ScheduleKey)k) || !(out->v[k] <= 0))
            continue;
        double v = default_value(in->kind, (ScheduleKey)k, lr, steps);
        out->v[k] = v < KEYS[k].lo ? KEYS[k].lo : v;
    }
}

double schedule_lr(const Schedule *s, double lr, long t)
{
    const double *v = s->v;
    const double e = (double)(t - 1); /* scheduler steps taken before this step */
    double r;
    switch (s->kind) {
    case SCHED_STEP: r = lr * pow(v[SK_GAMMA], floor(e / v[SK_STEP_SIZE])); break;
    case SCHED_EXPONENTIAL: r = lr * pow(v[SK_GAMMA], e); break;
    case SCHED_COSINE:
        r = v[SK_ETA_MIN] + (lr - v[SK_ETA_MIN]) * (1.0 + cos(3.14159265358979323846 * e / v[SK_T_MAX])) / 2.0;
        break;
    case SCHED_CYCLIC: {
        double total = 2.0 * v[SK_STEP_SIZE_UP];
        double cycle = floor(1.0 + e / total);
        double x = 1.0 + e / total - cycle;
        double scale = x <= 0.5 ? x / 0.5 : (x - 1.0) / (0.5 - 1.0);
        r = v[SK_BASE_LR] + (v[SK_MAX_LR] - v[SK_BASE_LR]) * scale;
        break;
    }
    default: r = lr; break;
    }
    double w = v[SK_WARMUP];
    if (w > 0 && (double)t < w)
        r *= (double)t / w;
    return r;
}

void schedule_describe(const Schedule *s, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    if (s->kind != SCHED_CONSTANT)
        len = (size_t)snprintf(out, cap, "%s", SCHEDULES[s->kind].name);
    for (int k = 0; k < SK_COUNT && len < cap; k++) {
        if (!schedule_uses(s->kind, (ScheduleKey)k) || s->v[k] <= 0)
            continue;
        int n = snprintf(out + len, cap - len, "%s%s=%g", len ? " " : "", KEYS[k].name, s->v[k]);
        if (n < 0)
            break;
        len += (size_t)n;
    }
}
