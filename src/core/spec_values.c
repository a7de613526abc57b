/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* spec_values: the small languages inside the command line's values: optimizer
 * specs (--opt NAME[:key=value,...]), surface specs (--surface NAME[:param=value,
 * ...] or expr:FORMULA), number tuples, sizes and sweep axes; and seterr, the
 * one-line message every parse of the command line gives. */
#include "spec_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

/* Shortens each quoted value in msg longer than QUOTE_MAX bytes to its first and
 * last characters around an ellipsis, so that the reason after it always fits:
 * '--surface 'expr:((((...))))': expected ...'. Cuts between UTF-8 characters, and
 * only where the result is shorter: the text never grows. */
#define QUOTE_MAX 48

/* The value between an opening quote at `open`, qlen bytes long, and its closing
 * quote at `close`, shortened if it is too long. Returns where its closing quote
 * now is. */
static char *shorten_value(char *open, size_t qlen, char *close)
{
    char *value = open + qlen;
    size_t len = (size_t)(close - value);
    if (len <= QUOTE_MAX)
        return close;
    size_t head = QUOTE_MAX / 2, tail = QUOTE_MAX / 2;
    while (head > 0 && ((unsigned char)value[head] & 0xC0) == 0x80)
        head--;
    while (tail > 0 && ((unsigned char)close[-(long)tail] & 0xC0) == 0x80)
        tail--;
    if (head + 3 + tail < len) {
        /* the tail moves left, past where the ellipsis goes, before it is written */
        char *cut = value + head;
        memmove(cut + 3, close - tail, strlen(close - tail) + 1);
        memcpy(cut, "\xe2\x80\xa6", 3);
        close = cut + 3 + tail;
    }
    return close;
}

static void shorten_quotes(char *msg)
{
    for (char *open = strchr(msg, '\''); open; open = strchr(open + 1, '\'')) {
        /* the closing quote: the first one that ends a word */
        char *close = strchr(open + 1, '\'');
        while (close && !(close[1] == '\0' || strchr(": ),", close[1])))
            close = strchr(close + 1, '\'');
        if (!close)
            return;
        open = shorten_value(open, 1, close);
    }
}

/* The same for values a translation quotes as Chinese does, between U+201C and
 * U+201D. */
#define QUOTE_OPEN "\xe2\x80\x9c"
#define QUOTE_CLOSE "\xe2\x80\x9d"
static void shorten_curly_quotes(char *msg)
{
    for (char *open = strstr(msg, QUOTE_OPEN); open; open = strstr(open, QUOTE_OPEN)) {
        char *close = strstr(open + 3, QUOTE_CLOSE);
        if (!close)
            return;
        open = shorten_value(open, 3, close) + 3;
    }
}

/* err = the message fmt makes, fmt as _() gave it: in the language in use. */
int seterr(char *err, size_t cap, const char *fmt, ...)
{
    char msg[4 * SPEC_ARG_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n >= sizeof msg)
        text_utf8_trim(msg);
    if (strstr(fmt, QUOTE_OPEN)) /* a translation's quotes; an English message has none */
        shorten_curly_quotes(msg);
    shorten_quotes(msg);
    if (cap == 0)
        return -1;
    n = snprintf(err, cap, "%s", msg);
    if (n > 0 && (size_t)n >= cap)
        text_utf8_trim(err);
    return -1;
}

/* A whole string as a finite double. An underflow is no error: strtod sets ERANGE
 * for subnormals such as 4.9e-324, the smallest positive eps, and the caller's
 * range check refuses what rounded to 0 with a message naming the value. */
int parse_double(const char *s, double *out)
{
    if (!*s)
        return -1;
    char *end;
    double v = strtod(s, &end);
    if (*end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int parse_int(const char *s, long lo, long hi, int *out)
{
    if (!*s)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno == ERANGE || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

/* Splits "key=value" pairs separated by commas. Calls fn for each; stops on error. */
typedef int (*PairFn)(void *ctx, const char *key, const char *value, char *err, size_t cap);

static int for_each_pair(const char *list, PairFn fn, void *ctx, char *err, size_t cap)
{
    char buf[SPEC_ARG_MAX];
    if (strlen(list) >= sizeof buf)
        return seterr(err, cap, _("too long"));
    snprintf(buf, sizeof buf, "%s", list);
    char *item = buf;
    for (;;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        if (!*item)
            return seterr(err, cap,
                          item == buf ? _("expected key=value after ':'") : _("expected key=value after ','"));
        char *eq = strchr(item, '=');
        if (!eq)
            return seterr(err, cap, _("'%s' is not key=value"), item);
        *eq = '\0';
        if (fn(ctx, item, eq + 1, err, cap) != 0)
            return -1;
        if (!comma)
            return 0;
        item = comma + 1;
    }
}

struct OptCtx {
    RunSpec *spec;
    unsigned seen;            /* HP_BIT of the hyperparameters given */
    unsigned run_seen;        /* bit i: RUN_KEYS[i] given */
    unsigned sched_seen;      /* bit k: schedule key k given */
    int schedule_given;
};

static int run_label(OptCtx *c, const char *value, char *err, size_t cap)
{
    RunSpec *s = c->spec;
    if (strlen(value) >= sizeof s->label)
        return seterr(err, cap, _("label '%s' is too long (at most %d characters)"), value, (int)sizeof s->label - 1);
    char why[128];
    if (scene_label_check(value, why, sizeof why) != 0)
        return seterr(err, cap, "label: %s", why);
    snprintf(s->label, sizeof s->label, "%s", value);
    return 0;
}

void schedule_names(Text *t, const char *sep)
{
    for (int k = 0; k < SCHED_COUNT; k++)
        text_add(t, "%s%s", k ? sep : "", schedule_name((ScheduleKind)k));
}

static int run_schedule(OptCtx *c, const char *value, char *err, size_t cap)
{
    int k = schedule_find(value);
    if (k < 0) {
        char names[128];
        Text t = text_begin(names, sizeof names);
        schedule_names(&t, ", ");
        return seterr(err, cap, _("unknown schedule '%s' (choose from %s)"), value, names);
    }
    c->spec->sched.kind = (ScheduleKind)k;
    c->schedule_given = 1;
    return 0;
}

static int run_bundle(OptCtx *c, const char *value, char *err, size_t cap)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (!*value || *end || v < 1 || v > SCENE_MAX_BUNDLE)
        return seterr(err, cap, _("bundle must be an integer from 1 to %d, got '%s'"), SCENE_MAX_BUNDLE, value);
    c->spec->bundle = (int)v;
    return 0;
}

_Static_assert(SPEC_COLOUR_MAX == SCENE_MAX_RUNS - 1, "a colour for each run");

static int run_enabled(OptCtx *c, const char *value, char *err, size_t cap)
{
    if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)
        return seterr(err, cap, _("enabled must be 0 or 1, got '%s'"), value);
    c->spec->enabled = value[0] == '1';
    return 0;
}

static int run_colour(OptCtx *c, const char *value, char *err, size_t cap)
{
    if (parse_int(value, 0, SPEC_COLOUR_MAX, &c->spec->colour) != 0)
        return seterr(err, cap, _("colour must be an integer from 0 to %d, got '%s'"), SPEC_COLOUR_MAX, value);
    return 0;
}

/* The keys of a run besides its hyperparameters and its schedule's keys. The
 * helps are messages, whole literals (xgettext reads no macro): the numbers in
 * them are checked here. */
_Static_assert(SCENE_MAX_BUNDLE == 32, "bundle's help says 1 to 32");
_Static_assert(SPEC_COLOUR_MAX == 15, "colour's help says 8 to 15");
static const RunKey RUN_KEYS[] = {
    {"label", N_("the run's name in the legend and the CSV"), run_label},
    {"schedule", N_("the learning-rate schedule, one of those above"), run_schedule},
    {"bundle", N_("with --noise: draw K seeds (1 to 32) as a bundle"), run_bundle},
    {"enabled", N_("0 hides the run (it is still simulated), 1 shows it (default)"), run_enabled},
    {"colour", N_("palette index 0 to 7 (8 to 15 repeat them); default: the first unused"), run_colour},
};

const RunKey *spec_run_keys(int *n)
{
    *n = COUNT(RUN_KEYS);
    return RUN_KEYS;
}

static void key_list(OptimKind kind, char *out, size_t cap)
{
    Text t = text_begin(out, cap);
    for (int k = 0; k < HP_COUNT; k++)
        if (optim_uses(kind, (HyperKey)k))
            text_add(&t, "%s%s", t.len ? ", " : "", optim_hyper((HyperKey)k)->name);
    for (int i = 0; i < COUNT(RUN_KEYS); i++)
        text_add(&t, ", %s", RUN_KEYS[i].name);
}

static int opt_pair(void *ctx, const char *key, const char *value, char *err, size_t cap)
{
    OptCtx *c = ctx;
    RunSpec *s = c->spec;
    const char *name = optim_info(s->kind)->name;
    for (int i = 0; i < COUNT(RUN_KEYS); i++) {
        if (strcmp(key, RUN_KEYS[i].name) != 0)
            continue;
        if (c->run_seen & (1u << i))
            return seterr(err, cap, _("key '%s' given twice"), key);
        c->run_seen |= 1u << i;
        return RUN_KEYS[i].parse(c, value, err, cap);
    }
    int sk = schedule_key_find(key);
    if (sk >= 0) {
        const ScheduleKeyInfo *ki = schedule_key((ScheduleKey)sk);
        if (c->sched_seen & (1u << sk))
            return seterr(err, cap, _("key '%s' given twice"), key);
        c->sched_seen |= 1u << sk;
        double v;
        if (parse_double(value, &v) != 0)
            return seterr(err, cap, _("%s '%s' is not a number"), key, value);
        if ((ki->lo_open ? !(v > ki->lo) : !(v >= ki->lo)) || v > ki->hi || (ki->integer && v != floor(v))) {
            char range[48];
            schedule_key_range_text((ScheduleKey)sk, range, sizeof range);
            return seterr(err, cap, _("%s must be %s, got %s"), key, range, value);
        }
        s->sched.v[sk] = v;
        return 0;
    }
    int k = optim_hyper_find(key);
    if (k < 0 || !optim_uses(s->kind, (HyperKey)k)) {
        char keys[160];
        key_list(s->kind, keys, sizeof keys);
        return seterr(err, cap, _("%s has no key '%s' (keys: %s)"), name, key, keys);
    }
    if (c->seen & HP_BIT(k))
        return seterr(err, cap, _("key '%s' given twice"), key);
    c->seen |= HP_BIT(k);
    double v;
    if (parse_double(value, &v) != 0)
        return seterr(err, cap, _("%s '%s' is not a number"), key, value);
    if (!optim_hyper_valid((HyperKey)k, v)) {
        char range[48];
        optim_hyper_range_text((HyperKey)k, range, sizeof range);
        return seterr(err, cap, _("%s must be %s, got %s"), key, range, value);
    }
    s->hp[k] = v;
    return 0;
}

/* A spec's name, "adam" of "adam:lr=0.1", into name (cut to cap - 1 bytes; empty
 * when the spec has none). Returns the ':' before its pairs, or NULL. */
static const char *spec_head(const char *text, char *name, size_t cap)
{
    const char *colon = strchr(text, ':');
    size_t n = colon ? (size_t)(colon - text) : strlen(text);
    n = n < cap ? n : cap - 1;
    memcpy(name, text, n);
    name[n] = '\0';
    return colon;
}

int spec_parse_opt(const char *text, RunSpec *out, char *err, size_t cap)
{
    char name[32];
    const char *colon = spec_head(text, name, sizeof name);
    if (!name[0])
        return seterr(err, cap, _("missing optimizer name"));
    int kind = optim_find(name);
    if (kind < 0) {
        char names[256];
        Text t = text_begin(names, sizeof names);
        for (int i = 0; i < OPTIM_COUNT; i++)
            text_add(&t, "%s%s", i ? ", " : "", optim_info((OptimKind)i)->name);
        return seterr(err, cap, _("unknown optimizer '%s' (choose from %s)"), name, names);
    }
    RunSpec s;
    memset(&s, 0, sizeof s);
    s.kind = (OptimKind)kind;
    s.enabled = 1;
    s.colour = -1;
    optim_defaults(s.kind, s.hp);
    if (colon) {
        OptCtx ctx = {.spec = &s};
        if (for_each_pair(colon + 1, opt_pair, &ctx, err, cap) != 0)
            return -1;
        /* schedule keys must belong to the chosen schedule */
        for (int k = 0; k < SK_COUNT; k++)
            if ((ctx.sched_seen & (1u << k)) && !schedule_uses(s.sched.kind, (ScheduleKey)k))
                return seterr(err, cap,
                              ctx.schedule_given ? _("%s is not a key of schedule %s")
                                                 : _("%s is not a key of schedule %s (give schedule=NAME)"),
                              schedule_key((ScheduleKey)k)->name, schedule_name(s.sched.kind));
        if (s.sched.kind == SCHED_CYCLIC && s.sched.v[SK_BASE_LR] > 0 && s.sched.v[SK_MAX_LR] > 0 &&
            s.sched.v[SK_BASE_LR] > s.sched.v[SK_MAX_LR])
            return seterr(err, cap, _("base_lr must not exceed max_lr"));
    }
    *out = s;
    return 0;
}

typedef struct SurfCtx {
    Surface *s;
    unsigned seen;
} SurfCtx;

static int surf_pair(void *ctx, const char *key, const char *value, char *err, size_t cap)
{
    SurfCtx *c = ctx;
    const SurfaceInfo *in = surface_info(c->s->builtin);
    int idx = -1;
    for (int i = 0; i < in->n_params; i++)
        if (strcmp(in->param[i].name, key) == 0)
            idx = i;
    if (idx < 0) {
        if (in->n_params == 0)
            return seterr(err, cap, _("%s has no parameters"), in->name);
        char keys[128];
        Text t = text_begin(keys, sizeof keys);
        for (int i = 0; i < in->n_params; i++)
            text_add(&t, "%s%s", i ? ", " : "", in->param[i].name);
        return seterr(err, cap, _("%s has no parameter '%s' (parameters: %s)"), in->name, key, keys);
    }
    if (c->seen & (1u << idx))
        return seterr(err, cap, _("parameter '%s' given twice"), key);
    c->seen |= 1u << idx;
    double v;
    if (parse_double(value, &v) != 0)
        return seterr(err, cap, _("%s '%s' is not a number"), key, value);
    if (v < in->param[idx].lo || v > in->param[idx].hi)
        return seterr(err, cap, _("%s must be in [%g, %g], got %s"), key, in->param[idx].lo,
                      in->param[idx].hi, value);
    surface_set_param(c->s, idx, v);
    return 0;
}

int spec_parse_surface(const char *text, Surface *out, char *err, size_t cap)
{
    if (strncmp(text, "expr:", 5) == 0) {
        ExprError e;
        Surface s;
        if (surface_init_expr(&s, text + 5, &e) != 0)
            return seterr(err, cap, "%s", e.message);
        *out = s;
        return 0;
    }
    char name[32];
    const char *colon = spec_head(text, name, sizeof name);
    int idx = surface_find(name);
    if (idx < 0) {
        char names[256];
        Text t = text_begin(names, sizeof names);
        for (int i = 0; i < surface_count(); i++)
            text_add(&t, "%s, ", surface_info(i)->name);
        text_add(&t, "expr:FORMULA");
        return seterr(err, cap, _("unknown surface '%s' (choose from %s)"), name, names);
    }
    Surface s;
    surface_init_builtin(&s, idx);
    if (colon) {
        SurfCtx ctx = {.s = &s};
        if (for_each_pair(colon + 1, surf_pair, &ctx, err, cap) != 0)
            return -1;
    }
    *out = s;
    return 0;
}

/* "A,B" or "A,B,C,D" as finite doubles. */
int parse_tuple(const char *s, double *out, int n)
{
    char buf[256];
    if (strlen(s) >= sizeof buf)
        return -1;
    snprintf(buf, sizeof buf, "%s", s);
    char *p = buf;
    for (int i = 0; i < n; i++) {
        char *comma = strchr(p, ',');
        if ((i < n - 1) != (comma != NULL))
            return -1;
        if (comma)
            *comma = '\0';
        if (parse_double(p, &out[i]) != 0)
            return -1;
        p = comma ? comma + 1 : p;
    }
    return 0;
}

int parse_size(const char *s, int *w, int *h)
{
    char buf[64];
    if (strlen(s) >= sizeof buf)
        return -1;
    snprintf(buf, sizeof buf, "%s", s);
    char *x = strchr(buf, 'x');
    if (!x)
        return -1;
    *x = '\0';
    if (parse_int(buf, 1, 16384, w) != 0 || parse_int(x + 1, 1, 16384, h) != 0)
        return -1;
    return 0;
}

/* KEY=LO:HI:N, one axis of --sweep. */
int parse_axis(const char *text, SweepAxis *a, char *err, size_t cap)
{
    char buf[SPEC_ARG_MAX];
    snprintf(buf, sizeof buf, "%s", text);
    char *eq = strchr(buf, '=');
    if (!eq)
        return seterr(err, cap, _("'%s' is not KEY=LO:HI:N"), text);
    *eq = '\0';
    int key = optim_hyper_find(buf);
    if (key < 0)
        return seterr(err, cap, _("'%s' is no hyperparameter (see --list)"), buf);
    char *f1 = eq + 1, *f2 = strchr(f1, ':'), *f3 = f2 ? strchr(f2 + 1, ':') : NULL;
    if (!f2 || !f3)
        return seterr(err, cap, _("'%s' is not KEY=LO:HI:N"), text);
    *f2++ = '\0', *f3++ = '\0';
    double lo, hi;
    int n;
    if (parse_double(f1, &lo) != 0 || parse_double(f2, &hi) != 0 || parse_int(f3, 2, SWEEP_MAX_N, &n) != 0)
        return seterr(err, cap, _("'%s': expected numbers LO and HI and a count N from 2 to %d"), text, SWEEP_MAX_N);
    char range[64];
    optim_hyper_range_text((HyperKey)key, range, sizeof range);
    if (!optim_hyper_valid((HyperKey)key, lo) || !optim_hyper_valid((HyperKey)key, hi))
        return seterr(err, cap, _("'%s': %s must be %s"), text, buf, range);
    *a = (SweepAxis){.key = (HyperKey)key, .lo = lo, .hi = hi, .n = n, .log = optim_hyper((HyperKey)key)->log_scale};
    return 0;
}
