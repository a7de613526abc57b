/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* spec: command-line parsing and the optimizer and surface spec languages. Each
 * list the command line knows is one table, read by the parser, by the help and
 * by the man page's generated sections: the options here, the keys of a run
 * besides its hyperparameters here, the optimizers, surfaces, schedules,
 * expression words and key bindings in their modules. */
#include "spec.h"
#include "text.h"

#include <errno.h>
#include <stddef.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "cancel.h"
#include "bindings.h"
#include "export.h"
#include "lang.h"
#include "lesson.h"
#include "scenefile.h"
#include "wrap.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))
#define STR_(x) #x
#define STR(x) STR_(x)

#define DEFAULT_SURFACE "rosenbrock" /* --surface's help names it */
#define DEFAULT_WIDTH 1600
#define DEFAULT_HEIGHT 900

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
static int seterr(char *err, size_t cap, const char *fmt, ...)
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
static int parse_double(const char *s, double *out)
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

static int parse_int(const char *s, long lo, long hi, int *out)
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


/* "a, b or c" */
static void text_choices(Text *t, const char *const *names, int n)
{
    char head[256];
    Text h = text_begin(head, sizeof head);
    for (int i = 0; i + 1 < n; i++)
        text_add(&h, "%s%s", i ? ", " : "", names[i]);
    if (n > 1)
        /* TRANSLATORS: the last two of a list of choices: "overlay or grid", "auto,
           none, tl, tr, bl or br"; the first %s is all but the last */
        text_add(t, _("%s or %s"), head, names[n - 1]);
    else if (n == 1)
        text_add(t, "%s", names[0]);
}

/* A table's text as the language in use has it (_("") would be the catalog's
 * header). */
static const char *tr(const char *s) { return s && s[0] ? _(s) : s; }

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

typedef struct OptCtx {
    RunSpec *spec;
    unsigned seen;            /* HP_BIT of the hyperparameters given */
    unsigned run_seen;        /* bit i: RUN_KEYS[i] given */
    unsigned sched_seen;      /* bit k: schedule key k given */
    int schedule_given;
} OptCtx;

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

static void schedule_names(Text *t, const char *sep)
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
static const struct {
    const char *name;
    const char *help; /* N_(): shown through tr() */
    int (*parse)(OptCtx *c, const char *value, char *err, size_t cap);
} RUN_KEYS[] = {
    {"label", N_("the run's name in the legend and the CSV"), run_label},
    {"schedule", N_("the learning-rate schedule, one of those above"), run_schedule},
    {"bundle", N_("with --noise: draw K seeds (1 to 32) as a bundle"), run_bundle},
    {"enabled", N_("0 hides the run (it is still simulated), 1 shows it (default)"), run_enabled},
    {"colour", N_("palette index 0 to 7 (8 to 15 repeat them); default: the first unused"), run_colour},
};

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

int spec_parse_opt(const char *text, RunSpec *out, char *err, size_t cap)
{
    char name[32];
    const char *colon = strchr(text, ':');
    size_t nlen = colon ? (size_t)(colon - text) : strlen(text);
    if (nlen == 0)
        return seterr(err, cap, _("missing optimizer name"));
    if (nlen >= sizeof name)
        nlen = sizeof name - 1;
    memcpy(name, text, nlen);
    name[nlen] = '\0';
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
    const char *colon = strchr(text, ':');
    size_t nlen = colon ? (size_t)(colon - text) : strlen(text);
    if (nlen >= sizeof name)
        nlen = sizeof name - 1;
    memcpy(name, text, nlen);
    name[nlen] = '\0';
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

static const char *const LAYOUT_NAMES[] = {[LAYOUT_OVERLAY] = "overlay", [LAYOUT_GRID] = "grid"};
static const char *const LEGEND_NAMES[] = {[LEGEND_AUTO] = "auto", [LEGEND_NONE] = "none", [LEGEND_TL] = "tl",
                                           [LEGEND_TR] = "tr", [LEGEND_BL] = "bl", [LEGEND_BR] = "br"};

const char *spec_layout_name(Layout l) { return LAYOUT_NAMES[l == LAYOUT_GRID ? LAYOUT_GRID : LAYOUT_OVERLAY]; }

const char *spec_legend_name(LegendPos p)
{
    return LEGEND_NAMES[p >= LEGEND_AUTO && p <= LEGEND_BR ? p : LEGEND_AUTO];
}

static const char *const AXES_NAMES[] = {"on", "off"};

/* "A,B" or "A,B,C,D" as finite doubles. */
static int parse_tuple(const char *s, double *out, int n)
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

static int parse_size(const char *s, int *w, int *h)
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

/* ---- the command line ------------------------------------------------------- */

typedef struct Option Option;

/* Checks an option's value (NULL for one that takes none) and stores it. */
typedef int (*OptionParse)(const Option *o, const char *val, Config *cfg, char *err, size_t cap);

typedef enum Section { SECTION_SCENE, SECTION_OUTPUT, SECTION_INFORMATION } Section;
/* TRANSLATORS: the titles of --help's sections of options */
static const char *const SECTION_TITLES[] = {N_("Scene"), N_("Output"), N_("Information")};

struct Option {
    Section section;
    const char *flag;            /* "--steps" */
    const char *alias;           /* "-h", or NULL */
    const char *value;           /* its value as help shows it ("N"); NULL: none, or choices */
    const char *opt_value;       /* a value it may take after '=' ("AZ,EL"), or NULL */
    const char *const *choices;  /* the names it takes, n_choices of them */
    int n_choices;
    int not_in_file;             /* a scene option that a scene file may not hold */
    SpecAction action;           /* what an information option asks for */
    OptionParse parse;
    const char *help;            /* N_(); a newline and k spaces: a new line k columns in */
    const char *tail;            /* text a machine reads, after the help untranslated, or NULL */
    void (*more)(Wrap *w);       /* writes generated lines under the help */
};

static int arg_action(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)val, (void)err, (void)cap;
    if (cfg->action == SPEC_RUN || o->action == SPEC_HELP)
        cfg->action = o->action;
    return 0;
}

static int arg_headless(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)val, (void)err, (void)cap;
    cfg->headless = 1;
    return 0;
}

static int arg_bench_start(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)val, (void)err, (void)cap;
    cfg->bench_start = 1;
    return 0;
}

static int arg_surface(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    Surface s;
    char why[SPEC_ERR_MAX];
    if (spec_parse_surface(val, &s, why, sizeof why) != 0)
        /* TRANSLATORS: an option, its value, and what is wrong with the value */
        return seterr(err, cap, _("%s '%s': %s"), o->flag, val, why);
    snprintf(cfg->surface, sizeof cfg->surface, "%s", val);
    return 0;
}

static int arg_opt(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    RunSpec rs;
    char why[SPEC_ERR_MAX];
    if (cfg->n_opts >= SCENE_MAX_RUNS)
        return seterr(err, cap, _("%s: at most %d runs"), o->flag, SCENE_MAX_RUNS);
    if (spec_parse_opt(val, &rs, why, sizeof why) != 0)
        /* TRANSLATORS: an option, its value, and what is wrong with the value */
        return seterr(err, cap, _("%s '%s': %s"), o->flag, val, why);
    snprintf(cfg->opt[cfg->n_opts++], SPEC_ARG_MAX, "%s", val);
    return 0;
}

static int arg_start(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_tuple(val, cfg->start, 2) != 0)
        return seterr(err, cap, _("%s '%s': expected X,Y with two finite numbers"), o->flag, val);
    cfg->have_start = 1;
    return 0;
}

static int arg_steps(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 0, SCENE_MAX_STEPS, &cfg->steps) != 0)
        return seterr(err, cap, _("%s '%s': expected an integer from 0 to %d"), o->flag, val, SCENE_MAX_STEPS);
    return 0;
}

static int arg_noise(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0 || v < 0)
        return seterr(err, cap, _("%s '%s': expected a number >= 0 (the gradient noise's sigma)"), o->flag, val);
    cfg->noise = v;
    return 0;
}

static int arg_seed(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(val, &end, 10);
    if (!*val || *end || errno == ERANGE || val[0] == '-')
        return seterr(err, cap, _("%s '%s': expected a whole number from 0 to 18446744073709551615"), o->flag, val);
    cfg->seed = v;
    return 0;
}

static int arg_view(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v[4];
    if (parse_tuple(val, v, 4) != 0)
        return seterr(err, cap, _("%s '%s': expected XMIN,XMAX,YMIN,YMAX"), o->flag, val);
    if (!(v[0] < v[1]) || !(v[2] < v[3]))
        return seterr(err, cap, _("%s '%s': needs XMIN < XMAX and YMIN < YMAX"), o->flag, val);
    memcpy(cfg->view, v, sizeof v);
    cfg->have_view = 1;
    return 0;
}

/* The index of val among the option's choices, or -1 with err. */
static int find_choice(const Option *o, const char *val, char *err, size_t cap)
{
    for (int i = 0; i < o->n_choices; i++)
        if (strcmp(val, o->choices[i]) == 0)
            return i;
    char names[128];
    Text t = text_begin(names, sizeof names);
    text_choices(&t, o->choices, o->n_choices);
    return seterr(err, cap, _("%s '%s': expected %s"), o->flag, val, names);
}

static int arg_layout(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->layout = (Layout)k;
    return k < 0 ? -1 : 0;
}

static int arg_legend(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double at[2];
    if (strchr(val, ',')) {
        if (parse_tuple(val, at, 2) != 0 || !(at[0] >= 0 && at[0] <= 1 && at[1] >= 0 && at[1] <= 1))
            return seterr(err, cap, _("%s '%s': expected X,Y, each from 0 to 1 (the box's place in the room the map "
                                      "leaves it: 0,0 top left, 1,1 bottom right)"), o->flag, val);
        cfg->legend = LEGEND_AT;
        cfg->legend_at[0] = at[0], cfg->legend_at[1] = at[1];
        return 0;
    }
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->legend = (LegendPos)k;
    else
        seterr(err, cap, _("%s '%s': expected auto, none, tl, tr, bl, br or X,Y (each from 0 to 1)"), o->flag, val);
    return k < 0 ? -1 : 0;
}

static int arg_axes(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->no_axes = k == 1;
    return k < 0 ? -1 : 0;
}

static int arg_lang(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    const Lang *l = lang_find(val);
    if (!l) {
        char known[128];
        lang_list(known, sizeof known);
        return seterr(err, cap, _("%s '%s': there is no such language (there are: %s)"), o->flag, val, known);
    }
    snprintf(cfg->lang, sizeof cfg->lang, "%s", l->code);
    return 0;
}

static int arg_internals(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)val, (void)err, (void)cap;
    cfg->internals = 1;
    return 0;
}

static int arg_card(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (!val[0] || strlen(val) >= SCENE_LABEL_MAX)
        return seterr(err, cap, _("%s '%s': expected a run's label (1 to %d characters)"), o->flag, val,
                      SCENE_LABEL_MAX - 1);
    snprintf(cfg->card, sizeof cfg->card, "%s", val);
    cfg->card_origin[0] = '\0'; /* a scene file sets it after this */
    return 0;
}

static int arg_at(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 0, SCENE_MAX_STEPS, &cfg->at) != 0)
        return seterr(err, cap, _("%s '%s': expected a step from 0 to %d"), o->flag, val, SCENE_MAX_STEPS);
    return 0;
}

static const char *const PLOT_NAMES[] = {"loss", "grad", "lr", "none"};

const char *spec_plot_name(PlotArg p)
{
    return p >= PLOT_ARG_LOSS && p <= PLOT_ARG_NONE ? PLOT_NAMES[p - PLOT_ARG_LOSS] : NULL;
}

static int arg_plot(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->plot = (PlotArg)(PLOT_ARG_LOSS + k);
    return k < 0 ? -1 : 0;
}

static int arg_size(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_size(val, &cfg->width, &cfg->height) != 0)
        return seterr(err, cap, _("%s '%s': expected WxH, each from 1 to 16384"), o->flag, val);
    return 0;
}

/* A file or directory name: anything but empty. `empty` says it is empty, "%s"
 * the option. */
static int arg_path(const Option *o, const char *val, const char *empty, const char **out, char *err, size_t cap)
{
    if (!*val)
        return seterr(err, cap, empty, o->flag);
    *out = val;
    return 0;
}

static int arg_csv(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->csv_path, err, cap);
}

static int arg_screenshot(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->screenshot_path, err, cap);
}

static int arg_animate(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->animate_path, err, cap);
}

static int arg_fps(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 1, 120, &cfg->fps) != 0)
        return seterr(err, cap, _("%s '%s': expected 1 to 120 frames per second"), o->flag, val);
    return 0;
}

static int arg_frames(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 1, ANIM_MAX_FRAMES, &cfg->anim_frames) != 0)
        return seterr(err, cap, _("%s '%s': expected 1 to %d frames"), o->flag, val, ANIM_MAX_FRAMES);
    return 0;
}

static int arg_duration(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0 || !(v > 0) || v > ANIM_MAX_SECONDS)
        return seterr(err, cap, _("%s '%s': expected seconds, more than 0 and at most %g"), o->flag, val,
                      ANIM_MAX_SECONDS);
    cfg->anim_seconds = v;
    return 0;
}

static int arg_view3d(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    cfg->view3d = 1;
    cfg->have_camera = 0;
    if (!val)
        return 0;
    /* two or three numbers, comma-separated */
    char buf[SPEC_ARG_MAX], *tok[4];
    snprintf(buf, sizeof buf, "%s", val);
    int n = 0;
    for (char *p = buf; n < 4; n++) {
        tok[n] = p;
        char *comma = strchr(p, ',');
        if (!comma) {
            n++;
            break;
        }
        *comma = '\0';
        p = comma + 1;
    }
    double v[3] = {0, 0, 0};
    int ok = n >= 2 && n <= 3;
    for (int k = 0; ok && k < n; k++)
        ok = parse_double(tok[k], &v[k]) == 0;
    if (!ok || !(v[1] >= 2 && v[1] <= 89) || (n == 3 && !(v[2] >= 1 && v[2] <= 20)) || fabs(v[0]) > 1e6)
        return seterr(err, cap, _("%s=%s: expected AZIMUTH,ELEVATION[,DISTANCE] in degrees (elevation 2 to 89, "
                                  "distance 1 to 20)"), o->flag, val);
    cfg->camera[0] = v[0], cfg->camera[1] = v[1], cfg->camera[2] = n == 3 ? v[2] : 0;
    cfg->have_camera = 1;
    return 0;
}

/* KEY=LO:HI:N, one axis of --sweep. */
static int parse_axis(const char *text, SweepAxis *a, char *err, size_t cap)
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

static int arg_sweep(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    char buf[SPEC_ARG_MAX];
    snprintf(buf, sizeof buf, "%s", val);
    char *colon = strchr(buf, ':'), *comma = colon ? strchr(colon + 1, ',') : NULL;
    if (!colon || colon == buf || (size_t)(colon - buf) >= SCENE_LABEL_MAX)
        return seterr(err, cap,
                      _("%s '%s': expected LABEL:KEY=LO:HI:N (a curve) or LABEL:KEY=LO:HI:N,KEY=LO:HI:N (a map)"),
                      o->flag, val);
    if (comma && strchr(comma + 1, ','))
        return seterr(err, cap, _("%s '%s': a sweep takes one key (a curve) or two (a map), not more"), o->flag, val);
    *colon = '\0';
    if (comma)
        *comma = '\0';
    char why[SPEC_ERR_MAX];
    memset(&cfg->sweep_axis[1], 0, sizeof cfg->sweep_axis[1]); /* n 0: a curve over the first key alone */
    for (int k = 0; k < (comma ? 2 : 1); k++)
        if (parse_axis(k ? comma + 1 : colon + 1, &cfg->sweep_axis[k], why, sizeof why) != 0)
            return seterr(err, cap, "%s %s", o->flag, why);
    if (comma && cfg->sweep_axis[0].key == cfg->sweep_axis[1].key)
        return seterr(err, cap, _("%s '%s': two different keys are needed"), o->flag, val);
    snprintf(cfg->sweep_label, sizeof cfg->sweep_label, "%.*s", (int)sizeof cfg->sweep_label - 1, buf);
    return 0;
}

static const char *const METRIC_NAMES[] = {"final", "steps"};

static int arg_sweep_metric(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    int k = find_choice(o, val, err, cap);
    if (k >= 0)
        cfg->sweep_metric = k;
    return k < 0 ? -1 : 0;
}

static int arg_sweep_tol(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0)
        return seterr(err, cap, _("%s '%s': expected a loss"), o->flag, val);
    cfg->sweep_tol = v;
    return 0;
}

static int arg_basin(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    char buf[SPEC_ARG_MAX];
    snprintf(buf, sizeof buf, "%s", val);
    char *colon = strrchr(buf, ':');
    cfg->basin_n = 256;
    if (colon) {
        *colon = '\0';
        if (parse_int(colon + 1, 2, SWEEP_MAX_N, &cfg->basin_n) != 0)
            return seterr(err, cap, _("%s '%s': expected LABEL[:N], N from 2 to %d"), o->flag, val, SWEEP_MAX_N);
    }
    if (!buf[0] || strlen(buf) >= SCENE_LABEL_MAX)
        return seterr(err, cap, _("%s '%s': expected LABEL[:N], a run's label"), o->flag, val);
    snprintf(cfg->basin_label, sizeof cfg->basin_label, "%.*s", (int)sizeof cfg->basin_label - 1, buf);
    return 0;
}

static int arg_out_dir(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty directory name"), &cfg->out_dir, err, cap);
}

static int arg_speed(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    double v;
    if (parse_double(val, &v) != 0 || !(v > 0) || v > 1e6)
        return seterr(err, cap, _("%s '%s': expected steps per second, > 0 and at most 1000000"), o->flag, val);
    cfg->speed = v;
    return 0;
}

static int arg_lesson(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o, (void)err, (void)cap;
    cfg->lesson_arg = val;
    return 0;
}

static int arg_slide(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    if (parse_int(val, 1, LESSON_MAX_SLIDES, &cfg->slide) != 0)
        return seterr(err, cap, _("%s '%s': a slide's number, from 1"), o->flag, val);
    return 0;
}

static int arg_scene(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)o;
    cfg->scene_path = val;
    return scenefile_load(val, cfg, err, cap);
}

static int arg_resume(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    (void)val;
    char path[4096];
    int rc = scenefile_state_path(path, sizeof path, 0);
    if (rc == SCENEFILE_PATH_TOO_LONG)
        return seterr(err, cap, _("%s: the saved scene's path is too long (%s is %zu bytes; the path must fit in %zu)"),
                      o->flag, scenefile_state_var(), strlen(getenv(scenefile_state_var())), sizeof path - 1);
    if (rc != 0)
        return seterr(err, cap, _("%s: neither XDG_STATE_HOME nor HOME is set"), o->flag);
    int e = scenefile_probe(path);
    if (e == ENOENT)
        return seterr(err, cap, _("%s: no saved scene at '%s' (the window saves one when it quits)"), o->flag, path);
    if (e)
        return seterr(err, cap, _("%s: cannot read '%s': %s"), o->flag, path, strerror(e));
    char why[SPEC_ERR_MAX];
    if (scenefile_load(path, cfg, why, sizeof why) != 0)
        return seterr(err, cap, "%s: %s", o->flag, why);
    return 0;
}

static int arg_save_scene(const Option *o, const char *val, Config *cfg, char *err, size_t cap)
{
    return arg_path(o, val, _("%s: empty file name"), &cfg->save_scene_path, err, cap);
}

static void help_surfaces(Wrap *w);
static void help_runs(Wrap *w);

/* In the order --help shows them. The helps are whole literals, for xgettext: the
 * numbers and names in them are checked here. */
_Static_assert(SCENE_MAX_STEPS == 1000000, "--steps's help says 0 to 1000000");
_Static_assert(DEFAULT_WIDTH == 1600 && DEFAULT_HEIGHT == 900, "--size's help says 1600x900");
static const Option OPTIONS[] = {
    {SECTION_SCENE, "--surface", .value = "SPEC", .parse = arg_surface, .more = help_surfaces,
     .help = N_("loss surface NAME[:param=value,...] (default rosenbrock):")},
    {SECTION_SCENE, "--opt", .value = "SPEC", .parse = arg_opt, .more = help_runs,
     .help = N_("add a run, NAME[:key=value,...], repeatable, in order:")},
    {SECTION_SCENE, "--start", .value = "X,Y", .parse = arg_start,
     .help = N_("start point of every run (default: the surface's)")},
    {SECTION_SCENE, "--steps", .value = "N", .parse = arg_steps,
     .help = N_("steps per run, 0 to 1000000 (default: the surface's)")},
    {SECTION_SCENE, "--noise", .value = "SIGMA", .parse = arg_noise,
     .help = N_("stochastic gradients: g + SIGMA * N(0, 1) (default 0)")},
    {SECTION_SCENE, "--seed", .value = "S", .parse = arg_seed,
     .help = N_("seed of the noise (default 0); bundle member j uses S + j")},
    {SECTION_SCENE, "--view", .value = "XMIN,XMAX,YMIN,YMAX", .parse = arg_view,
     .help = N_("region of the plane to show")},
    {SECTION_SCENE, "--layout", .choices = LAYOUT_NAMES, .n_choices = COUNT(LAYOUT_NAMES), .parse = arg_layout,
     .help = N_("all runs on one map, or one panel per run")},
    {SECTION_SCENE, "--legend", .choices = LEGEND_NAMES, .n_choices = COUNT(LEGEND_NAMES), .parse = arg_legend,
     .value = "X,Y",
     .help = N_("where the legend goes (auto: where it hides least; X,Y: a place of its own, 0 to 1 across the room "
                "the map leaves it, as dragging it sets)")},
    {SECTION_SCENE, "--axes", .choices = AXES_NAMES, .n_choices = COUNT(AXES_NAMES), .parse = arg_axes,
     .help = N_("tick labels on the map's axes and the colour bar of the loss (default on)")},
    {SECTION_SCENE, "--lang", .value = "CODE", .parse = arg_lang,
     .help = N_("the language of the window and its pictures: en or zh_CN (default: the environment's, "
                "LANGUAGE, LC_ALL, LC_MESSAGES, LANG)")},
    {SECTION_SCENE, "--internals", .parse = arg_internals,
     .help = N_("at each head: -lr*gradient, the step, the momentum, and the per-axis step size as a box")},
    {SECTION_SCENE, "--card", .value = "LABEL", .parse = arg_card,
     .help = N_("show the update rule of run LABEL, with the numbers of the step shown")},
    {SECTION_SCENE, "--view3d", .opt_value = "AZ,EL[,DIST]", .parse = arg_view3d,
     .help = N_("the map in 3D: the surface as a lit mesh, its height the colour scale; seen from azimuth AZ and "
                "elevation EL degrees (and DIST, 1 to 20 box widths; default -30,50,4.9)")},
    {SECTION_SCENE, "--at", .value = "STEP", .parse = arg_at,
     .help = N_("the step shown (a screenshot's; the window starts there, paused); default: the last")},
    {SECTION_SCENE, "--plot", .choices = PLOT_NAMES, .n_choices = COUNT(PLOT_NAMES), .parse = arg_plot,
     .help = N_("the plot under the map: loss, |grad| or lr per step (default: loss in the window, none in a "
                "--headless screenshot)")},
    {SECTION_SCENE, "--speed", .value = "STEPS_PER_SECOND", .parse = arg_speed,
     .help = N_("the window's animation speed (default: the whole run in about six seconds)")},
    {SECTION_SCENE, "--lesson", .value = "NAME|FILE", .parse = arg_lesson, .not_in_file = 1,
     .help = N_("open a lesson: a built-in one by name (--list) or a lesson file; its slides are the scenes "
                "(no other scene option with it)")},
    {SECTION_SCENE, "--slide", .value = "K", .parse = arg_slide, .not_in_file = 1,
     .help = N_("the lesson's slide to show, from 1 (default 1)")},
    {SECTION_SCENE, "--scene", .value = "FILE", .parse = arg_scene, .not_in_file = 1,
     .help = N_("read options from a scene file, one per line, as if given here (options after it override it; "
                "its --opt lines replace the runs given before it)")},
    {SECTION_SCENE, "--resume", .parse = arg_resume, .not_in_file = 1,
     .help = N_("the scene the window had when it last quit: --scene $XDG_STATE_HOME/gradscape/last.scene")},
    {SECTION_OUTPUT, "--headless", .parse = arg_headless,
     .help = N_("no window: simulate, write what is asked, exit")},
    {SECTION_OUTPUT, "--csv", .value = "FILE", .parse = arg_csv,
     .help = N_("trajectories, one row per run and step ('-': stdout):"), .tail = "\n  " EXPORT_CSV_HEADER},
    {SECTION_OUTPUT, "--screenshot", .value = "FILE", .parse = arg_screenshot,
     .help = N_("PNG of the scene after all steps (with --headless)")},
    {SECTION_OUTPUT, "--animate", .value = "FILE", .parse = arg_animate,
     .help = N_("animation of the runs from step 0 to the last, .gif or .mp4 by the name; each frame is the "
                "picture --screenshot gives at its step, the last held a second (with --headless)")},
    {SECTION_OUTPUT, "--fps", .value = "N", .parse = arg_fps,
     .help = N_("the animation's frames per second, 1 to 120, a GIF's at most 50 (default 30)")},
    {SECTION_OUTPUT, "--frames", .value = "N", .parse = arg_frames,
     .help = N_("the animation's frame count (default: 5 seconds' worth)")},
    {SECTION_OUTPUT, "--duration", .value = "SECONDS", .parse = arg_duration,
     .help = N_("the animation's length before the hold, instead of --frames")},
    {SECTION_OUTPUT, "--sweep", .value = "LABEL:KEY=LO:HI:N[,KEY=LO:HI:N]", .parse = arg_sweep,
     .help = N_("with one key, a curve (the learning-rate range test): run LABEL once for each of N values of KEY "
                "from LO to HI, its final loss against the value; with two, a hyperparameter map, a cell per pair (lr "
                "and eps spaced in log10); with --csv, one row per value or cell: KEY[,KEY2],final_loss,steps_to_tol,"
                "diverged_at (with --headless)")},
    {SECTION_OUTPUT, "--sweep-metric", .choices = METRIC_NAMES, .n_choices = COUNT(METRIC_NAMES),
     .parse = arg_sweep_metric, .help = N_("what a map's colour shows: the final loss, or the steps to --sweep-tol")},
    {SECTION_OUTPUT, "--sweep-tol", .value = "LOSS", .parse = arg_sweep_tol,
     .help = N_("the loss a run counts as arrived at (default: 1e-6 above the lowest known minimum)")},
    {SECTION_OUTPUT, "--basin", .value = "LABEL[:N]", .parse = arg_basin,
     .help = N_("a basin map: run LABEL from every start of an N x N grid over the view (default 256); with --csv, "
                "one row per start: x0,y0,end_x,end_y,final_loss,\n  minimum,steps_to_tol,diverged_at (with "
                "--headless)")},
    {SECTION_OUTPUT, "--save-scene", .value = "FILE", .parse = arg_save_scene,
     .help = N_("write the scene the options describe as a scene file, then exit (or go on with --headless)")},
    {SECTION_OUTPUT, "--size", .value = "WxH", .parse = arg_size,
     .help = N_("window or, with --headless, image size (default 1600x900)")},
    {SECTION_OUTPUT, "--out-dir", .value = "DIR", .parse = arg_out_dir,
     .help = N_("where the window saves screenshots, animations and the scene file (default: "
                "$XDG_PICTURES_DIR/gradscape, else ~/Pictures/gradscape)")},
    {SECTION_INFORMATION, "--list", .action = SPEC_LIST, .parse = arg_action,
     .help = N_("surfaces, optimizers, schedules, their keys and defaults")},
    {SECTION_INFORMATION, "--print-torch", .action = SPEC_PRINT_TORCH, .parse = arg_action,
     .help = N_("print the torch.optim and lr_scheduler code of every run")},
    {SECTION_INFORMATION, "--bench-core", .action = SPEC_BENCH_CORE, .parse = arg_action,
     .help = N_("time recomputing 4 runs x 10000 steps")},
    {SECTION_INFORMATION, "--bench", .action = SPEC_BENCH, .parse = arg_action,
     .help = N_("time rendering frames offscreen (with --size)")},
    {SECTION_INFORMATION, "--bench-export", .action = SPEC_BENCH_EXPORT, .parse = arg_action,
     .help = N_("time a 1920x1080 PNG and a 150-frame 960x540 GIF and MP4 of the scene")},
    {SECTION_INFORMATION, "--bench-sweep", .action = SPEC_BENCH_SWEEP, .parse = arg_action,
     .help = N_("time a 64x64 hyperparameter map and a 256x256 basin map, on one thread and on all")},
    {SECTION_INFORMATION, "--bench-start", .parse = arg_bench_start,
     .help = N_("with --headless: print the time and memory of each phase of the run (stderr)")},
    {SECTION_INFORMATION, "--version", .action = SPEC_VERSION, .parse = arg_action, .help = N_("print the version")},
    {SECTION_INFORMATION, "--help", .alias = "-h", .action = SPEC_HELP, .parse = arg_action, .help = N_("this text")},
};

static int takes_value(const Option *o) { return o->value || o->choices; }

static const Option *option_find(const char *flag)
{
    for (int i = 0; i < COUNT(OPTIONS); i++)
        if (strcmp(flag, OPTIONS[i].flag) == 0 || (OPTIONS[i].alias && strcmp(flag, OPTIONS[i].alias) == 0))
            return &OPTIONS[i];
    return NULL;
}

void spec_config_defaults(Config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->action = SPEC_RUN;
    cfg->steps = -1;
    cfg->at = -1;
    cfg->width = DEFAULT_WIDTH;
    cfg->height = DEFAULT_HEIGHT;
}

/* Checks the value's presence and length and stores it. */
static int option_apply(const Option *o, const char *flag, const char *val, Config *cfg, char *err, size_t cap)
{
    if (!takes_value(o) && !o->opt_value && val)
        return seterr(err, cap, _("%s takes no value"), flag);
    if (val && strlen(val) >= SPEC_ARG_MAX)
        return seterr(err, cap, _("%s: value too long (at most %d characters)"), flag, SPEC_ARG_MAX - 1);
    return o->parse(o, val, cfg, err, cap);
}

int spec_apply_option(Config *cfg, const char *flag, const char *val, int in_file, char *err, size_t cap)
{
    const Option *o = option_find(flag);
    if (!o)
        return seterr(err, cap, _("unknown option '%s' (see --help)"), flag);
    if (in_file && (o->section != SECTION_SCENE || o->not_in_file))
        return seterr(err, cap, _("%s cannot be used in a scene file (only the options of --help's Scene section)"),
                      o->flag);
    if (takes_value(o) && !val)
        return seterr(err, cap, _("%s needs a value"), flag);
    return option_apply(o, flag, val, cfg, err, cap);
}

/* --help, or else --version, if the command line has it as an option (not as
 * another option's value: "--csv --help" writes a file named --help). */
static SpecAction info_action(int argc, char **argv)
{
    SpecAction a = SPEC_RUN;
    for (int i = 1; i < argc; i++) {
        const Option *o = option_find(argv[i]);
        if (o && o->action == SPEC_HELP)
            return SPEC_HELP;
        if (o && o->action == SPEC_VERSION)
            a = SPEC_VERSION;
        else if (o && takes_value(o))
            i++;
    }
    return a;
}

/* The lesson of the last command line that opened one, and that command line's
 * Config before its slide was applied (each slide starts from it). One at a time:
 * the next --lesson replaces it; freed at exit. */
struct SpecLesson {
    Lesson *lesson;
    Config base;
};
static struct SpecLesson *held;

static void held_free(void)
{
    if (held)
        lesson_free(held->lesson);
    free(held);
    held = NULL;
}

const Lesson *spec_lesson(const Config *cfg) { return cfg->lesson ? cfg->lesson->lesson : NULL; }

int spec_slide(const Config *cfg) { return cfg->slide > 0 ? cfg->slide - 1 : 0; }

int spec_slide_config(const Config *cfg, int k, Config *out, char *err, size_t cap)
{
    if (!cfg->lesson)
        return seterr(err, cap, _("no lesson is open"));
    Config c = cfg->lesson->base;
    if (lesson_apply(cfg->lesson->lesson, k, &c, err, cap) != 0)
        return -1;
    c.slide = k + 1;
    *out = c;
    return 0;
}

/* --lesson: the lesson opened, and its slide applied to cfg. `scene_flag`: a scene
 * option given with it, which is refused. */
static int open_lesson(Config *cfg, const char *scene_flag, char *err, size_t cap)
{
    if (scene_flag)
        return seterr(err, cap, _("--lesson takes its scenes from the lesson: %s cannot be given with it"), scene_flag);
    static int registered;
    if (!registered)
        registered = atexit(held_free) == 0;
    held_free();
    held = calloc(1, sizeof *held);
    Lesson *l = held ? malloc(sizeof *l) : NULL;
    if (!l) {
        held_free();
        return seterr(err, cap, _("--lesson: out of memory"));
    }
    char why[SPEC_ERR_MAX];
    if (lesson_load(cfg->lesson_arg, l, why, sizeof why) != 0) {
        free(l);
        held_free();
        return seterr(err, cap, "--lesson: %s", why);
    }
    held->lesson = l;
    if (cfg->slide > l->n_slides) {
        int n = l->n_slides;
        held_free();
        return seterr(err, cap,
                      dngettext(GS_TEXTDOMAIN, "--slide %d: the lesson '%s' has %d slide",
                                "--slide %d: the lesson '%s' has %d slides", (unsigned long)n),
                      cfg->slide, cfg->lesson_arg, n);
    }
    cfg->lesson = held;
    held->base = *cfg; /* with the lesson: a slide's config names it too */
    if (lesson_apply(l, spec_slide(cfg), cfg, why, sizeof why) != 0)
        return seterr(err, cap, "--lesson: %s", why);
    return 0;
}

int spec_parse_args(int argc, char **argv, Config *cfg, char *err, size_t cap)
{
    spec_config_defaults(cfg);
    /* As GNU's programs do, --help and --version answer whatever else is given,
     * even what would be an error ("--help --bogus"); --help first. */
    cfg->action = info_action(argc, argv);
    if (cfg->action != SPEC_RUN)
        return 0;
    const char *scene_flag = NULL; /* the first scene option given, which --lesson refuses */
    const char *file_arg = NULL;   /* a scene or lesson file named alone, as a file manager does */
    int scene_opt = 0, lesson_opt = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        char flag[64];
        const char *val = NULL;
        if (arg[0] != '-' && arg[0]) {
            /* FILE: --lesson FILE for a name ending in .lesson, else --scene FILE */
            if (file_arg)
                return seterr(err, cap, _("'%s' and '%s': give one scene or lesson file"), file_arg, arg);
            file_arg = arg;
            size_t n = strlen(arg);
            int lesson = n > 7 && strcmp(arg + n - 7, ".lesson") == 0;
            if (lesson ? lesson_opt : scene_opt)
                return seterr(err, cap,
                              lesson ? _("'%s' and --lesson: give one lesson file")
                                     : _("'%s' and --scene: give one scene file"),
                              arg);
            const Option *o = option_find(lesson ? "--lesson" : "--scene");
            if (option_apply(o, o->flag, arg, cfg, err, cap) != 0)
                return -1;
            continue;
        }
        const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        if (eq && (size_t)(eq - arg) < sizeof flag) {
            memcpy(flag, arg, (size_t)(eq - arg));
            flag[eq - arg] = '\0';
            val = eq + 1;
        } else {
            snprintf(flag, sizeof flag, "%s", arg);
        }
        const Option *o = option_find(flag);
        if (!o)
            return seterr(err, cap, _("unknown option '%s' (see --help)"), arg);
        if (takes_value(o) && !val) {
            if (i + 1 >= argc)
                return seterr(err, cap, _("%s needs a value"), flag);
            val = argv[++i];
        }
        if ((o->parse == arg_scene || o->parse == arg_lesson) && file_arg)
            return seterr(err, cap, _("'%s' and %s: give one scene or lesson file"), file_arg, flag);
        scene_opt |= o->parse == arg_scene, lesson_opt |= o->parse == arg_lesson;
        if (option_apply(o, flag, val, cfg, err, cap) != 0)
            return -1;
        if (o->section == SECTION_SCENE && o->parse != arg_lesson && o->parse != arg_slide && o->parse != arg_lang &&
            !scene_flag)
            scene_flag = o->flag;
    }
    if (cfg->slide && !cfg->lesson_arg)
        return seterr(err, cap, _("--slide needs --lesson"));
    if (cfg->lesson_arg && open_lesson(cfg, scene_flag, err, cap) != 0)
        return -1;
    size_t sl = cfg->screenshot_path ? strlen(cfg->screenshot_path) : 0;
    if (sl && cfg->screenshot_path[sl - 1] == '/' && !cfg->lesson_arg)
        return seterr(err, cap, _("--screenshot '%s': a folder (a name ending in /) takes a lesson's handout, one "
                                  "PNG per slide: give --lesson"), cfg->screenshot_path);
    if (cfg->anim_frames > 0 && cfg->anim_seconds > 0)
        return seterr(err, cap, _("--frames and --duration both set the animation's length: give one"));
    if (cfg->anim_seconds > 0) {
        int fps = cfg->fps > 0 ? cfg->fps : ANIM_DEFAULT_FPS;
        long frames = lround(cfg->anim_seconds * fps);
        if (frames > ANIM_MAX_FRAMES)
            return seterr(err, cap,
                          cfg->fps > 0 ? _("--duration %s with --fps %d makes %ld frames, more than the %d --frames "
                                           "allows (at most %g seconds at %d frames per second)")
                                       : _("--duration %s with the default --fps %d makes %ld frames, more than the "
                                           "%d --frames allows (at most %g seconds at %d frames per second)"),
                          text_num(cfg->anim_seconds).s, fps, frames, ANIM_MAX_FRAMES,
                          floor(100.0 * ANIM_MAX_FRAMES / fps) / 100, fps);
    }
    if (cfg->sweep_label[0] && cfg->basin_label[0])
        return seterr(err, cap, _("--sweep and --basin: give one at a time"));
    if (cfg->action == SPEC_RUN && !cfg->headless && (cfg->sweep_label[0] || cfg->basin_label[0]))
        return seterr(err, cap, _("%s needs --headless"), cfg->sweep_label[0] ? "--sweep" : "--basin");
    if (cfg->action == SPEC_RUN && !cfg->headless && (cfg->csv_path || cfg->screenshot_path || cfg->animate_path) == 0)
        return 0;
    if (cfg->action == SPEC_RUN && !cfg->headless)
        /* TRANSLATORS: the second %s is a key, Ctrl+S or Ctrl+E */
        return seterr(err, cap, _("%s needs --headless (in the window, use %s)"),
                      cfg->csv_path ? "--csv" : cfg->screenshot_path ? "--screenshot" : "--animate",
                      cfg->animate_path && !cfg->csv_path && !cfg->screenshot_path ? "Ctrl+E" : "Ctrl+S");
    return 0;
}

int spec_check_outputs(const Config *cfg, char *err, size_t cap)
{
    const struct {
        const char *flag, *path;
    } out[] = {{"--csv", cfg->csv_path},
               {"--screenshot", cfg->screenshot_path},
               {"--animate", cfg->animate_path},
               {"--save-scene", cfg->save_scene_path}};
    for (int i = 0; i < COUNT(out); i++) {
        const char *p = out[i].path;
        if (!p || strcmp(p, "-") == 0)
            continue;
        for (int j = i + 1; j < COUNT(out); j++)
            if (out[j].path && export_same_file(p, out[j].path))
                return seterr(err, cap, _("%s '%s' and %s '%s' name the same file: give each output its own"),
                              out[i].flag, p, out[j].flag, out[j].path);
        if (cfg->scene_path && export_same_file(p, cfg->scene_path))
            return seterr(err, cap, _("%s '%s' would overwrite the scene it reads (--scene '%s')"), out[i].flag, p,
                          cfg->scene_path);
    }
    return 0;
}

static int add_run_spec(Scene *sc, const char *text, char *err, size_t cap)
{
    RunSpec rs;
    if (spec_parse_opt(text, &rs, err, cap) != 0)
        return -1;
    int i = scene_add_run(sc, rs.kind, rs.hp, rs.label);
    if (i < 0)
        return seterr(err, cap, _("out of memory for %d steps"), sc->steps);
    sc->run[i].sched = rs.sched;
    sc->run[i].enabled = rs.enabled;
    if (rs.colour >= 0)
        sc->run[i].colour = rs.colour;
    if (rs.bundle > 1 && scene_set_bundle(sc, i, rs.bundle) != 0)
        return seterr(err, cap, _("out of memory for a bundle of %d x %d steps"), rs.bundle, sc->steps);
    return 0;
}

static const char *const EXPR_DEFAULT_RUNS[] = {"sgd:lr=0.01", "momentum:lr=0.01,momentum=0.9",
                                                "rmsprop:lr=0.01", "adam:lr=0.05"};

const char *spec_default_run(const Surface *s, int i)
{
    if (i < 0 || i >= SURFACE_MAX_DEFAULT_RUNS)
        return NULL;
    return s->builtin >= 0 ? surface_info(s->builtin)->runs[i] : EXPR_DEFAULT_RUNS[i];
}

int spec_add_default_runs(Scene *sc)
{
    char err[SPEC_ERR_MAX];
    for (int i = 0; i < SURFACE_MAX_DEFAULT_RUNS; i++) {
        const char *text = spec_default_run(&sc->surface, i);
        if (text && add_run_spec(sc, text, err, sizeof err) != 0)
            return -1;
    }
    return 0;
}

/* Refuses a scene whose trajectories would not fit in memory, before any is
 * allocated: its runs (or the surface's four default ones) with their bundles. */
static int check_memory(const Config *cfg, int steps, char *err, size_t cap)
{
    int tracks = cfg->n_opts ? 0 : SURFACE_MAX_DEFAULT_RUNS, bundle = 0;
    for (int i = 0; i < cfg->n_opts; i++) {
        RunSpec rs;
        char why[SPEC_ERR_MAX];
        if (spec_parse_opt(cfg->opt[i], &rs, why, sizeof why) != 0)
            return 0; /* its own message comes when the run is added */
        int members = rs.bundle > 1 ? rs.bundle : 1;
        tracks += members;
        bundle = members > bundle ? members : bundle;
    }
    double need = scene_bytes(tracks, steps), limit = scene_memory_limit();
    if (need <= limit)
        return 0;
    int runs = cfg->n_opts ? cfg->n_opts : SURFACE_MAX_DEFAULT_RUNS;
    if (bundle > 1)
        return seterr(err, cap,
                      dngettext(GS_TEXTDOMAIN,
                                "--steps %d with %d run and their bundles needs about %.1f GB for its trajectories, "
                                "more than half of this machine's memory (%.1f GB): lower --steps or bundle=",
                                "--steps %d with %d runs and their bundles needs about %.1f GB for its trajectories, "
                                "more than half of this machine's memory (%.1f GB): lower --steps or bundle=",
                                (unsigned long)runs),
                      steps, runs, need / 1e9, limit / 1e9);
    return seterr(err, cap,
                  dngettext(GS_TEXTDOMAIN,
                            "--steps %d with %d run needs about %.1f GB for its trajectories, more than half of "
                            "this machine's memory (%.1f GB): lower --steps or give fewer runs",
                            "--steps %d with %d runs needs about %.1f GB for its trajectories, more than half of "
                            "this machine's memory (%.1f GB): lower --steps or give fewer runs",
                            (unsigned long)runs),
                  steps, runs, need / 1e9, limit / 1e9);
}

/* A run starts with the surface's value and gradient at the start point: refused
 * when they are not finite there, as such a run would have not one point. */
static int check_start(const Config *cfg, const Scene *sc, char *err, size_t cap)
{
    double gx, gy, f = surface_grad(&sc->surface, sc->start[0], sc->start[1], &gx, &gy);
    if (isfinite(f) && isfinite(gx) && isfinite(gy))
        return 0;
    const char *surf = cfg->surface[0] ? cfg->surface : DEFAULT_SURFACE;
    double v[5] = {sc->start[0], sc->start[1], f, gx, gy};
    TextNum t[5];
    for (int i = 0; i < 5; i++)
        t[i] = isnan(v[i]) ? (TextNum){"nan"} : text_num(v[i]); /* not "-nan" */
    if (cfg->have_start)
        return seterr(err, cap, _("--start %s,%s: --surface '%s' is not finite there (loss %s, gradient %s,%s)"),
                      t[0].s, t[1].s, surf, t[2].s, t[3].s, t[4].s);
    return seterr(err, cap,
                  _("--surface '%s' is not finite at its start point %s,%s (loss %s, gradient %s,%s): give "
                    "--start X,Y"),
                  surf, t[0].s, t[1].s, t[2].s, t[3].s, t[4].s);
}

int spec_build_scene(const Config *cfg, Scene *sc, char *err, size_t cap)
{
    Surface s;
    char why[SPEC_ERR_MAX];
    const char *surf = cfg->surface[0] ? cfg->surface : DEFAULT_SURFACE;
    if (spec_parse_surface(surf, &s, why, sizeof why) != 0)
        return seterr(err, cap, _("%s '%s': %s"), "--surface", surf, why);
    if (cfg->have_view)
        memcpy(s.view, cfg->view, sizeof s.view);
    scene_init(sc, &s);
    sc->noise = cfg->noise;
    sc->seed = cfg->seed;
    if (cfg->have_start) {
        sc->start[0] = cfg->start[0];
        sc->start[1] = cfg->start[1];
    }
    if (check_memory(cfg, cfg->steps >= 0 ? cfg->steps : sc->steps, err, cap) != 0)
        return -1;
    if (cfg->steps >= 0 && scene_set_steps(sc, cfg->steps) != 0)
        return seterr(err, cap, _("--steps %d: out of memory"), cfg->steps);
    if (cfg->n_opts == 0) {
        if (spec_add_default_runs(sc) != 0) {
            scene_free(sc);
            return seterr(err, cap, _("out of memory for %d steps"), sc->steps);
        }
    }
    for (int i = 0; i < cfg->n_opts; i++) {
        if (add_run_spec(sc, cfg->opt[i], why, sizeof why) != 0) {
            scene_free(sc);
            return seterr(err, cap, _("%s '%s': %s"), "--opt", cfg->opt[i], why);
        }
        int same = scene_find_run(sc, sc->run[sc->n_runs - 1].label);
        if (same < sc->n_runs - 1) {
            char label[SCENE_LABEL_MAX];
            snprintf(label, sizeof label, "%s", sc->run[same].label);
            scene_free(sc);
            return seterr(err, cap, _("--opt '%s': run %d is called '%s' already: give each run its own label"),
                          cfg->opt[i], same + 1, label);
        }
    }
    /* the runs the options name: --card, --sweep, --basin */
    static const struct {
        const char *flag;
        size_t offset;
    } NAMED[] = {{"--card", offsetof(Config, card)},
                 {"--sweep", offsetof(Config, sweep_label)},
                 {"--basin", offsetof(Config, basin_label)}};
    for (size_t k = 0; k < sizeof NAMED / sizeof NAMED[0]; k++) {
        const char *label = (const char *)cfg + NAMED[k].offset;
        if (!label[0] || scene_find_run(sc, label) >= 0)
            continue;
        Text t = text_begin(why, sizeof why);
        for (int i = 0; i < sc->n_runs; i++)
            text_add(&t, "%s%s", i ? ", " : "", sc->run[i].label);
        scene_free(sc);
        /* --basin took the text after its last ':' as N: a label with one more ':' was a second N */
        if (k == 2 && strchr(label, ':'))
            return seterr(err, cap, _("--basin '%s:%d': expected LABEL[:N] with one N (no run is labelled '%s'; the "
                                      "runs: %s)"), label, cfg->basin_n, label, why);
        const char *origin = k == 0 ? cfg->card_origin : "";
        if (origin[0])
            /* TRANSLATORS: the first %s is where it was given, a scene file's FILE:LINE */
            return seterr(err, cap, _("%s: %s '%s': no run has that label (the runs: %s)"), origin, NAMED[k].flag,
                          label, why);
        return seterr(err, cap, _("%s '%s': no run has that label (the runs: %s)"), NAMED[k].flag, label, why);
    }
    int swept = cfg->sweep_label[0] ? scene_find_run(sc, cfg->sweep_label) : -1;
    for (int k = 0; swept >= 0 && k < 2; k++)
        if (cfg->sweep_axis[k].n > 0 && !optim_uses(sc->run[swept].kind, cfg->sweep_axis[k].key)) {
            OptimKind kind = sc->run[swept].kind;
            scene_free(sc);
            /* TRANSLATORS: an optimizer's name and a hyperparameter's key: "sgd takes no beta1" */
            return seterr(err, cap, _("--sweep: %s takes no %s"), optim_info(kind)->name,
                          optim_hyper(cfg->sweep_axis[k].key)->name);
        }
    /* a basin map starts everywhere but here */
    if (!cfg->basin_label[0] && check_start(cfg, sc, err, cap) != 0) {
        scene_free(sc);
        return -1;
    }
    /* TRANSLATORS: the work a progress line on a terminal shows, "gradscape: simulating [####----] 40%" */
    cancel_phase(_("simulating"), scene_points(sc));
    scene_simulate(sc);
    cancel_phase_end();
    if (cancel_requested()) {
        scene_free(sc);
        return seterr(err, cap, _("stopped"));
    }
    return 0;
}

/* ---- help ---------------------------------------------------------------------- */

#define HELP_WIDTH 80
#define OPTION_COL 21 /* where an option's help starts in --help */
#define DETAIL_COL 23 /* where the lists under it start */
#define LIST_COL 19   /* where a name's description starts in --list */
#define KIND_COL 15   /* the same for optimizers and schedules */

/* "rosenbrock[:a=1,b=100]" */
static void surface_usage(int i, char *out, size_t cap)
{
    const SurfaceInfo *in = surface_info(i);
    Text t = text_begin(out, cap);
    text_add(&t, "%s", in->name);
    for (int p = 0; p < in->n_params; p++)
        text_add(&t, "%s%s=%g", p ? "," : "[:", in->param[p].name, in->param[p].def);
    if (in->n_params)
        text_add(&t, "]");
}

static void help_surfaces(Wrap *w)
{
    wrap_line(w, DETAIL_COL);
    for (int i = 0; i < surface_count(); i++) {
        char usage[128];
        surface_usage(i, usage, sizeof usage);
        wrap_word(w, "  ", usage);
    }
    wrap_line(w, OPTION_COL);
    wrap_text(w, _("or expr:FORMULA, your own function of x and y,\n  e.g. 'expr:(1-x)^2+100*(y-x^2)^2'"));
}

/* A key used by every kind of schedule. */
static int schedule_key_shared(ScheduleKey key)
{
    for (int k = 0; k < SCHED_COUNT; k++)
        if (!schedule_uses((ScheduleKind)k, key))
            return 0;
    return 1;
}

static void help_schedules(Wrap *w)
{
    char word[160];
    Text t = text_begin(word, sizeof word);
    text_add(&t, "schedule=");
    schedule_names(&t, "|");
    wrap_line(w, DETAIL_COL);
    wrap_word(w, " ", word);
    wrap_line(w, DETAIL_COL);
    for (int k = 0; k < SCHED_COUNT; k++) {
        int own = 0;
        for (int key = 0; key < SK_COUNT; key++) {
            if (!schedule_uses((ScheduleKind)k, (ScheduleKey)key) || schedule_key_shared((ScheduleKey)key))
                continue;
            wrap_word(w, " ", schedule_key((ScheduleKey)key)->name);
            own = 1;
        }
        if (own) {
            snprintf(word, sizeof word, "(%s),", schedule_name((ScheduleKind)k));
            wrap_word(w, " ", word);
        }
    }
    for (int key = 0; key < SK_COUNT; key++) {
        if (schedule_key_shared((ScheduleKey)key)) {
            wrap_word(w, " ", schedule_key((ScheduleKey)key)->name);
            /* TRANSLATORS: after a key every learning-rate schedule takes: "warmup (with any of them)" */
            wrap_text(w, _("(with any of them)"));
        }
    }
}

static void help_runs(Wrap *w)
{
    wrap_line(w, DETAIL_COL);
    for (int i = 0; i < OPTIM_COUNT; i++)
        wrap_word(w, " ", optim_info((OptimKind)i)->name);
    wrap_line(w, OPTION_COL);
    wrap_text(w, _("e.g. adam:lr=0.01,beta1=0.9,label=fast\n"
                   "hyperparameters (each optimizer takes its own; --list):"));
    wrap_line(w, DETAIL_COL);
    for (int k = 0; k < HP_COUNT; k++) {
        const HyperInfo *h = optim_hyper((HyperKey)k);
        wrap_word(w, " ", h->name);
        if (!h->is_flag)
            continue;
        /* a switch: who has it */
        char names[128], users[192];
        Text t = text_begin(names, sizeof names);
        for (int i = 0; i < OPTIM_COUNT; i++)
            if (optim_uses((OptimKind)i, (HyperKey)k))
                text_add(&t, "%s%s", t.len ? ", " : "", optim_info((OptimKind)i)->name);
        /* TRANSLATORS: after a switch among the hyperparameters; %s names the optimizers that take it */
        snprintf(users, sizeof users, _("(%s: 0 turns it off)"), names);
        wrap_text(w, users);
    }
    wrap_line(w, OPTION_COL);
    wrap_text(w, _("learning-rate schedule, stepped once per step:"));
    help_schedules(w);
    wrap_line(w, OPTION_COL);
    wrap_text(w, _("label=NAME names the run; bundle=K draws K --noise seeds; enabled=0 hides it; colour=K "
                   "picks its colour"));
    /* the default surface's runs, by optimizer: "sgd, momentum, rmsprop and adam" */
    const SurfaceInfo *in = surface_info(surface_find(DEFAULT_SURFACE));
    int n = 0;
    while (n < SURFACE_MAX_DEFAULT_RUNS && in->runs[n])
        n++;
    char head[160], last[40], runs[256], text[384];
    Text t = text_begin(head, sizeof head);
    for (int i = 0; i + 1 < n; i++)
        text_add(&t, "%s%.*s", i ? ", " : "", (int)strcspn(in->runs[i], ":"), in->runs[i]);
    snprintf(last, sizeof last, "%.*s", n ? (int)strcspn(in->runs[n - 1], ":") : 0, n ? in->runs[n - 1] : "");
    if (n > 1)
        /* TRANSLATORS: the last two of a list of optimizers: "sgd, momentum, rmsprop and adam"; the first %s
           is all but the last */
        snprintf(runs, sizeof runs, _("%s and %s"), head, last);
    else
        snprintf(runs, sizeof runs, "%s", last);
    /* TRANSLATORS: %s is the list of the runs the default surface starts with, "sgd, momentum, rmsprop and adam" */
    snprintf(text, sizeof text, _("Without --opt: %s, tuned for the surface."), runs);
    wrap_line(w, OPTION_COL);
    wrap_text(w, text);
}

/* The pieces of an option's term, in order, each handed to put with what it is:
 * "--steps N", "--layout overlay|grid", "-h, --help", "--view3d[=AZ,EL[,DIST]]".
 * The help writes them as text, the man page with fonts. */
enum { TERM_TEXT, TERM_FLAG, TERM_VALUE };
typedef void (*TermPut)(void *ctx, int what, const char *s);

static void option_term_pieces(const Option *o, TermPut put, void *ctx)
{
    if (o->alias)
        put(ctx, TERM_FLAG, o->alias), put(ctx, TERM_TEXT, ", ");
    put(ctx, TERM_FLAG, o->flag);
    if (o->opt_value)
        put(ctx, TERM_TEXT, "[="), put(ctx, TERM_VALUE, o->opt_value), put(ctx, TERM_TEXT, "]");
    if (o->value && !o->n_choices)
        put(ctx, TERM_TEXT, " "), put(ctx, TERM_VALUE, o->value);
    for (int i = 0; i < o->n_choices; i++)
        put(ctx, TERM_TEXT, i ? "|" : " "), put(ctx, TERM_FLAG, o->choices[i]);
    if (o->value && o->n_choices) /* names or a value of its own */
        put(ctx, TERM_TEXT, "|"), put(ctx, TERM_VALUE, o->value);
}

static void term_as_text(void *ctx, int what, const char *s)
{
    (void)what;
    text_add(ctx, "%s", s);
}

static void option_term(const Option *o, char *out, size_t cap)
{
    Text t = text_begin(out, cap);
    option_term_pieces(o, term_as_text, &t);
}

/* An option's help in the language in use, with its tail. */
static void option_help(const Option *o, char *out, size_t cap)
{
    snprintf(out, cap, "%s%s", _(o->help), o->tail ? o->tail : "");
}

/* Writes a line of --help or --list: text, then a newline. */
static void put_line(FILE *f, const char *text)
{
    fputs(text, f);
    fputc('\n', f);
}

void spec_print_help(FILE *f)
{
    /* TRANSLATORS: FILE.scene and FILE.lesson are the command line's syntax: keep them */
    put_line(f, _("Usage: gradscape [options] [FILE.scene | FILE.lesson]"));
    /* TRANSLATORS: two lines of at most 80 columns (a Chinese character takes two) */
    put_line(f, _("Draws a 2D loss surface and animates optimizers descending it side by side,\n"
                  "with the numbers of torch.optim."));
    Wrap w = wrap_begin(f, HELP_WIDTH);
    for (int i = 0; i < COUNT(OPTIONS); i++) {
        const Option *o = &OPTIONS[i];
        if (i == 0 || o->section != OPTIONS[i - 1].section) {
            wrap_end(&w);
            fputc('\n', f);
            /* TRANSLATORS: a heading of --help, a section's title and a colon: "Scene:" */
            fprintf(f, _("%s:"), _(SECTION_TITLES[o->section]));
            fputc('\n', f);
        }
        char term[96], help[2048];
        option_term(o, term, sizeof term);
        wrap_term(&w, term, OPTION_COL);
        option_help(o, help, sizeof help);
        wrap_text(&w, help);
        if (o->more)
            o->more(&w);
    }
    wrap_end(&w);
    int n, keys_w = 0;
    const Binding *b = bindings_table(&n);
    for (int i = 0; i < n; i++)
        if (b[i].keys && wrap_columns(bindings_keys(&b[i])) > keys_w)
            keys_w = wrap_columns(bindings_keys(&b[i]));
    fputc('\n', f);
    put_line(f, _("In the window:"));
    bindings_print(f, keys_w);
    fputc('\n', f);
    put_line(f, _("Exit status: 0 on success, 2 on bad input (the message names what was wrong)."));
    fputc('\n', f);
    /* TRANSLATORS: two lines of at most 80 columns; "Reporting bugs" is the title of a section of README.md,
       which is in English */
    put_line(f, _("Report bugs to the project's issue tracker, with the output of --version, the\n"
                  "command line and the scene file (README.md, \"Reporting bugs\", says where)."));
}

/* ---- the man page --------------------------------------------------------------- */

/* Writes the non-ASCII UTF-8 character at s, n bytes left, as \[uXXXX]: its lead
 * byte's high bits say how long it is; after a Chinese, Japanese or Korean one, \:
 * (a line may break there: groff finds no spaces in such text). Returns its bytes. */
static size_t roff_char(FILE *f, const char *s, size_t n)
{
    const unsigned char c = (unsigned char)s[0];
    const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    unsigned long cp = c & (0x3Fu >> (len - 1));
    size_t i = 0;
    for (int k = 1; k < len && i + 1 < n; k++)
        cp = (cp << 6) | ((unsigned char)s[++i] & 0x3Fu);
    fprintf(f, "\\[u%04lX]%s", cp, cp >= 0x2E80 && cp <= 0xFFEF ? "\\:" : "");
    return i + 1;
}

/* Writes n bytes of text as roff: '-' as the \- that copies as a hyphen-minus,
 * quotes and accents as the ASCII characters, a backslash as \e, a '.' that starts
 * a line behind \&, and each non-ASCII character as \[uXXXX] (man pages are read
 * as ASCII). */
static void roff_text_n(FILE *f, const char *s, size_t n, int line_start)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c == '\\')
            fputs("\\e", f);
        else if (c == '-')
            fputs("\\-", f);
        else if (c == '\'')
            fputs("\\(aq", f);
        else if (c == '`')
            fputs("\\(ga", f);
        else if (c == '^')
            fputs("\\(ha", f);
        else if (c == '~')
            fputs("\\(ti", f);
        else if (c == '.' && i == 0 && line_start)
            fputs("\\&.", f);
        else if (c < 0x80)
            fputc(c, f);
        else
            i += roff_char(f, s + i, n - i) - 1;
    }
}

static void roff_text(FILE *f, const char *s) { roff_text_n(f, s, strlen(s), 0); }

/* A line of prose the page writes itself, as roff: its ASCII as it is (but a
 * backslash, and a line's leading '.' or '\''), each non-ASCII character as
 * \[uXXXX]. The English is the same bytes as the C string. */
static void roff_prose(FILE *f, const char *s)
{
    const size_t n = strlen(s);
    if (s[0] == '.' || s[0] == '\'')
        fputs("\\&", f);
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c == '\\')
            fputs("\\e", f);
        else if (c < 0x80)
            fputc(c, f);
        else
            i += roff_char(f, s + i, n - i) - 1;
    }
}

/* An option's help text as a paragraph: a newline in it starts a new line, the
 * spaces after it its indent, as in --help. */
static void man_help(FILE *f, const char *help)
{
    const char *s = help;
    for (;;) {
        const size_t n = strcspn(s, "\n");
        roff_text_n(f, s, n, 1);
        fputc('\n', f);
        if (!s[n])
            break;
        fputs(".br\n", f);
        s += n + 1;
        for (; *s == ' '; s++)
            fputs("\\ ", f); /* the indent, as unbreakable spaces */
    }
}

/* The lines an option's `more` writes under its help in --help, with --help's
 * indent taken off, as an unfilled block: the same lists in the same lines. */
static int man_more(FILE *f, const Option *o)
{
    FILE *tmp = tmpfile();
    if (!tmp)
        return -1;
    Wrap w = wrap_begin(tmp, HELP_WIDTH);
    wrap_line(&w, OPTION_COL);
    o->more(&w);
    wrap_end(&w);
    rewind(tmp);
    fputs(".nf\n", f);
    char line[1024];
    while (fgets(line, sizeof line, tmp)) {
        line[strcspn(line, "\n")] = '\0';
        const char *text = line + strspn(line, " ");
        if (!*text)
            continue;
        const int indent = (int)(text - line) - OPTION_COL;
        fprintf(f, "%*s", indent > 0 ? indent : 0, "");
        roff_text_n(f, text, strlen(text), 1);
        fputc('\n', f);
    }
    fputs(".fi\n", f);
    const int bad = ferror(tmp);
    fclose(tmp);
    return bad ? -1 : 0;
}

/* Text in a font (B bold, I italic), then back to roman. */
static void roff_font(FILE *f, const char *font, const char *text)
{
    fprintf(f, "\\f%s", font);
    roff_text(f, text);
    fputs("\\fR", f);
}

static void term_as_roff(void *ctx, int what, const char *s)
{
    if (what == TERM_TEXT)
        roff_text(ctx, s);
    else
        roff_font(ctx, what == TERM_FLAG ? "B" : "I", s);
}

/* ".TP" and the term, the pieces --help writes: a flag and its choices in bold,
 * a value in italics. */
static void man_term(FILE *f, const Option *o)
{
    fputs(".TP\n", f);
    option_term_pieces(o, term_as_roff, f);
    fputc('\n', f);
}

/* In the language in use, as --help is: English unless a language was set (the
 * build's man page is English: its tool sets none). */
int spec_print_man(FILE *f)
{
    fputs(".SH ", f);
    /* TRANSLATORS: a heading of the man page, in capitals as man pages write them */
    roff_text(f, _("OPTIONS"));
    fputc('\n', f);
    for (int i = 0; i < COUNT(OPTIONS); i++) {
        const Option *o = &OPTIONS[i];
        if (i == 0 || o->section != OPTIONS[i - 1].section) {
            fputs(".SS ", f);
            roff_text(f, _(SECTION_TITLES[o->section]));
            fputc('\n', f);
        }
        man_term(f, o);
        char help[2048];
        option_help(o, help, sizeof help);
        man_help(f, help);
        if (o->more && man_more(f, o) != 0)
            return -1;
    }
    fputs(".SH \"", f);
    /* TRANSLATORS: a heading of the man page, in capitals as man pages write them */
    roff_text(f, _("IN THE WINDOW"));
    fputs("\"\n", f);
    roff_prose(f, _("The keys and the mouse, as the window's help (F1) lists them:"));
    fputc('\n', f);
    int n;
    const Binding *b = bindings_table(&n);
    for (int i = 0; i < n; i++) {
        if (!b[i].keys)
            continue;
        fputs(".TP\n", f);
        roff_font(f, "B", bindings_keys(&b[i]));
        fputc('\n', f);
        const char *help = bindings_help(&b[i]);
        roff_text_n(f, help, strlen(help), 1);
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}

/* "+ - * / ^, ( ), sin cos ..., pi, e": the words of the expression language. */
static void expr_syntax(char *out, size_t cap)
{
    Text t = text_begin(out, cap);
    for (int i = 0; expr_vocab(EXPR_VOCAB_OPERATORS, i); i++)
        text_add(&t, "%s%s", i ? " " : "", expr_vocab(EXPR_VOCAB_OPERATORS, i));
    text_add(&t, ", ( ),");
    for (int i = 0; expr_vocab(EXPR_VOCAB_FUNCTIONS, i); i++)
        text_add(&t, " %s", expr_vocab(EXPR_VOCAB_FUNCTIONS, i));
    for (int i = 0; expr_vocab(EXPR_VOCAB_CONSTANTS, i); i++)
        text_add(&t, ", %s", expr_vocab(EXPR_VOCAB_CONSTANTS, i));
}

/* A key's line in --list: "  NAME  LABEL, RANGE" */
static void list_key(Wrap *w, const char *name, const char *label, const char *range)
{
    char text[320];
    snprintf(text, sizeof text, "%s%s%s", tr(label), range ? ", " : "", range ? range : "");
    wrap_term(w, name, LIST_COL);
    wrap_text(w, text);
}

void spec_print_list(FILE *f)
{
    Wrap w = wrap_begin(f, HELP_WIDTH);
    char text[160];
    put_line(f, _("Surfaces (--surface NAME[:param=value,...]):"));
    for (int i = 0; i < surface_count(); i++) {
        const SurfaceInfo *in = surface_info(i);
        wrap_term(&w, in->name, LIST_COL);
        wrap_text(&w, in->formula);
        for (int p = 0; p < in->n_params; p++) {
            snprintf(text, sizeof text, "%s%s=%g%s", p ? "" : "[", in->param[p].name, in->param[p].def,
                     p + 1 < in->n_params ? "," : "]");
            wrap_word(&w, p ? " " : "   ", text);
        }
    }
    wrap_term(&w, "expr:FORMULA", LIST_COL);
    /* TRANSLATORS: followed by the operators, functions and constants a formula may use */
    wrap_text(&w, _("your own formula in x and y:"));
    expr_syntax(text, sizeof text);
    wrap_text(&w, text);
    wrap_end(&w);

    fputc('\n', f);
    put_line(f, _("Optimizers (--opt NAME[:key=value,...]); defaults as in torch.optim:"));
    for (int i = 0; i < OPTIM_COUNT; i++) {
        const OptimInfo *o = optim_info((OptimKind)i);
        wrap_term(&w, o->name, KIND_COL);
        Text t = text_begin(text, sizeof text);
        for (int k = 0; k < HP_COUNT; k++)
            if (optim_uses((OptimKind)i, (HyperKey)k))
                text_add(&t, "%s%s=%g", t.len ? ", " : "", optim_hyper((HyperKey)k)->name, o->defaults[k]);
        wrap_text(&w, text);
        wrap_line(&w, KIND_COL + 2);
        wrap_word(&w, "", "=");
        wrap_text(&w, o->torch);
    }
    wrap_end(&w);

    fputc('\n', f);
    put_line(f, _("Schedules (--opt ...,schedule=NAME,key=value), as torch.optim.lr_scheduler:"));
    int torch_w = 0;
    for (int k = 0; k < SCHED_COUNT; k++)
        if (wrap_columns(schedule_info((ScheduleKind)k)->torch) > torch_w)
            torch_w = wrap_columns(schedule_info((ScheduleKind)k)->torch);
    /* each kind: its torch class, its own keys with their defaults; then the keys
     * every kind takes */
    for (int k = 0; k <= SCHED_COUNT; k++) {
        const int shared = k == SCHED_COUNT;
        const ScheduleKind kind = shared ? SCHED_CONSTANT : (ScheduleKind)k;
        char keys[128];
        Text t = text_begin(keys, sizeof keys);
        for (int key = 0; key < SK_COUNT; key++) {
            if (!schedule_uses(kind, (ScheduleKey)key) || schedule_key_shared((ScheduleKey)key) != shared)
                continue;
            char def[32];
            schedule_default_text(kind, (ScheduleKey)key, def, sizeof def);
            text_add(&t, "%s%s=%s", t.len ? " " : "", schedule_key((ScheduleKey)key)->name, def);
        }
        t = text_begin(text, sizeof text);
        if (!shared)
            text_add(&t, "(%s)", schedule_info(kind)->torch);
        if (keys[0])
            text_add(&t, "%*s%s", torch_w + 4 - wrap_columns(text), "", keys);
        /* TRANSLATORS: in --list's table of schedules, the keys every schedule takes; at most 11 columns (a
           Chinese character takes two) */
        wrap_term(&w, shared ? _("any of them") : schedule_name(kind), KIND_COL);
        wrap_word(&w, "", text);
    }
    wrap_end(&w);

    fputc('\n', f);
    put_line(f, _("Keys of a run (--opt NAME:key=value,...):"));
    for (int k = 0; k < HP_COUNT; k++) {
        char range[48];
        optim_hyper_range_text((HyperKey)k, range, sizeof range);
        list_key(&w, optim_hyper((HyperKey)k)->name, optim_hyper((HyperKey)k)->label, range);
    }
    for (int i = 0; i < COUNT(RUN_KEYS); i++)
        list_key(&w, RUN_KEYS[i].name, RUN_KEYS[i].help, NULL);
    for (int k = 0; k < SK_COUNT; k++) {
        char range[48];
        schedule_key_range_text((ScheduleKey)k, range, sizeof range);
        list_key(&w, schedule_key((ScheduleKey)k)->name, schedule_key((ScheduleKey)k)->label, range);
    }
    wrap_end(&w);

    fputc('\n', f);
    put_line(f, _("Lessons (--lesson NAME, F5 in the window presents them):"));
    int name_w = 0; /* one line each: the name, then the title */
    for (int i = 0; i < lesson_builtin_count(); i++)
        if ((int)strlen(lesson_builtin_name(i)) > name_w)
            name_w = (int)strlen(lesson_builtin_name(i));
    Lesson *l = malloc(sizeof *l);
    for (int i = 0; l && i < lesson_builtin_count(); i++) {
        char why[SPEC_ERR_MAX];
        if (lesson_load(lesson_builtin_name(i), l, why, sizeof why) != 0)
            continue; /* a built-in lesson that does not parse fails the tests, not the list */
        fprintf(f, "  %-*s  ", name_w, l->name);
        /* TRANSLATORS: a lesson's title and how many slides it has */
        fprintf(f, _("%s (%d slides)"), tr(l->title), l->n_slides);
        fputc('\n', f);
        free(l->text);
    }
    free(l);
}
