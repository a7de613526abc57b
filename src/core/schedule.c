/* schedule: closed forms of torch's schedulers. */
#include "schedule.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const NAMES[SCHED_COUNT] = {"constant", "step", "exponential", "cosine", "cyclic"};

static const ScheduleKeyInfo KEYS[SK_COUNT] = {
    [SK_STEP_SIZE] = {"step_size", 1, 1e9, 0, 1, 1, 5000, 1},
    [SK_GAMMA] = {"gamma", 0, 1, 1, 0, 0.5, 1, 0},
    [SK_T_MAX] = {"t_max", 1, 1e9, 0, 1, 1, 100000, 1},
    [SK_ETA_MIN] = {"eta_min", 0, 1e300, 0, 0, 0, 1, 0},
    [SK_BASE_LR] = {"base_lr", 0, 1e300, 1, 0, 1e-5, 10, 1},
    [SK_MAX_LR] = {"max_lr", 0, 1e300, 1, 0, 1e-5, 10, 1},
    [SK_STEP_SIZE_UP] = {"step_size_up", 1, 1e9, 0, 1, 1, 5000, 1},
    [SK_WARMUP] = {"warmup", 0, 1e9, 0, 1, 0, 1000, 0},
};

const char *schedule_name(ScheduleKind k) { return NAMES[k]; }

int schedule_find(const char *name)
{
    for (int i = 0; i < SCHED_COUNT; i++)
        if (strcmp(NAMES[i], name) == 0)
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
    switch (key) {
    case SK_WARMUP: return 1;
    case SK_STEP_SIZE: return kind == SCHED_STEP;
    case SK_GAMMA: return kind == SCHED_STEP || kind == SCHED_EXPONENTIAL;
    case SK_T_MAX:
    case SK_ETA_MIN: return kind == SCHED_COSINE;
    case SK_BASE_LR:
    case SK_MAX_LR:
    case SK_STEP_SIZE_UP: return kind == SCHED_CYCLIC;
    default: return 0;
    }
}

void schedule_resolve(const Schedule *in, double lr, int steps, Schedule *out)
{
    *out = *in;
    double *v = out->v;
    if (v[SK_STEP_SIZE] <= 0)
        v[SK_STEP_SIZE] = 100;
    if (v[SK_GAMMA] <= 0)
        v[SK_GAMMA] = in->kind == SCHED_EXPONENTIAL ? 0.99 : 0.1;
    if (v[SK_T_MAX] <= 0)
        v[SK_T_MAX] = steps > 0 ? steps : 1;
    if (v[SK_BASE_LR] <= 0)
        v[SK_BASE_LR] = lr / 10.0;
    if (v[SK_MAX_LR] <= 0)
        v[SK_MAX_LR] = lr;
    if (v[SK_STEP_SIZE_UP] <= 0)
        v[SK_STEP_SIZE_UP] = 100;
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
        len = (size_t)snprintf(out, cap, "%s", NAMES[s->kind]);
    for (int k = 0; k < SK_COUNT && len < cap; k++) {
        if (!schedule_uses(s->kind, (ScheduleKey)k) || s->v[k] <= 0)
            continue;
        int n = snprintf(out + len, cap - len, "%s%s=%g", len ? " " : "", KEYS[k].name, s->v[k]);
        if (n < 0)
            break;
        len += (size_t)n;
    }
}
