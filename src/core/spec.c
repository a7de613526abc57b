/* spec: command-line parsing and the optimizer and surface spec languages. */
#include "spec.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int seterr(char *err, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, cap, fmt, ap);
    va_end(ap);
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

/* Splits "key=value" pairs separated by commas. Calls fn for each; stops on error. */
typedef int (*PairFn)(void *ctx, const char *key, const char *value, char *err, size_t cap);

static int for_each_pair(const char *list, PairFn fn, void *ctx, char *err, size_t cap)
{
    char buf[SPEC_ARG_MAX];
    if (strlen(list) >= sizeof buf)
        return seterr(err, cap, "too long");
    snprintf(buf, sizeof buf, "%s", list);
    char *item = buf;
    for (;;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        if (!*item)
            return seterr(err, cap, "expected key=value%s", item == buf ? " after ':'" : " after ','");
        char *eq = strchr(item, '=');
        if (!eq)
            return seterr(err, cap, "'%s' is not key=value", item);
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
    unsigned seen;
    int label_seen, schedule_seen, bundle_seen;
    unsigned sched_seen;
} OptCtx;

static void key_list(OptimKind kind, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int k = 0; k < HP_COUNT; k++) {
        if (!optim_uses(kind, (HyperKey)k))
            continue;
        int n = snprintf(out + len, cap - len, "%s%s", len ? ", " : "", optim_hyper((HyperKey)k)->name);
        if (n < 0 || (size_t)n >= cap - len)
            break;
        len += (size_t)n;
    }
    if (len + 40 < cap)
        snprintf(out + len, cap - len, ", label, schedule, bundle");
}

static int opt_pair(void *ctx, const char *key, const char *value, char *err, size_t cap)
{
    OptCtx *c = ctx;
    RunSpec *s = c->spec;
    const char *name = optim_info(s->kind)->name;
    if (strcmp(key, "label") == 0) {
        if (c->label_seen)
            return seterr(err, cap, "key 'label' given twice");
        c->label_seen = 1;
        if (strlen(value) >= sizeof s->label)
            return seterr(err, cap, "label '%s' is too long (at most %d characters)", value,
                          (int)sizeof s->label - 1);
        snprintf(s->label, sizeof s->label, "%s", value);
        return 0;
    }
    if (strcmp(key, "schedule") == 0) {
        if (c->schedule_seen++)
            return seterr(err, cap, "key 'schedule' given twice");
        int k = schedule_find(value);
        if (k < 0)
            return seterr(err, cap, "unknown schedule '%s' (choose from constant, step, exponential, cosine, cyclic)",
                          value);
        s->sched.kind = (ScheduleKind)k;
        return 0;
    }
    if (strcmp(key, "bundle") == 0) {
        if (c->bundle_seen++)
            return seterr(err, cap, "key 'bundle' given twice");
        char *end;
        long v = strtol(value, &end, 10);
        if (!*value || *end || v < 1 || v > SCENE_MAX_BUNDLE)
            return seterr(err, cap, "bundle must be an integer from 1 to %d, got '%s'", SCENE_MAX_BUNDLE, value);
        s->bundle = (int)v;
        return 0;
    }
    int sk = schedule_key_find(key);
    if (sk >= 0) {
        const ScheduleKeyInfo *ki = schedule_key((ScheduleKey)sk);
        if (c->sched_seen & (1u << sk))
            return seterr(err, cap, "key '%s' given twice", key);
        c->sched_seen |= 1u << sk;
        double v;
        if (parse_double(value, &v) != 0)
            return seterr(err, cap, "%s '%s' is not a number", key, value);
        if ((ki->lo_open ? !(v > ki->lo) : !(v >= ki->lo)) || v > ki->hi || (ki->integer && v != floor(v))) {
            if (ki->integer)
                return seterr(err, cap, "%s must be a whole number >= %g, got %s", key, ki->lo, value);
            if (ki->hi <= 1)
                return seterr(err, cap, "%s must be in %c%g, %g], got %s", key, ki->lo_open ? '(' : '[', ki->lo, ki->hi,
                              value);
            return seterr(err, cap, "%s must be %s %g, got %s", key, ki->lo_open ? ">" : ">=", ki->lo, value);
        }
        s->sched.v[sk] = v;
        return 0;
    }
    int k = optim_hyper_find(key);
    if (k < 0 || !optim_uses(s->kind, (HyperKey)k)) {
        char keys[160];
        key_list(s->kind, keys, sizeof keys);
        return seterr(err, cap, "%s has no key '%s' (keys: %s)", name, key, keys);
    }
    if (c->seen & HP_BIT(k))
        return seterr(err, cap, "key '%s' given twice", key);
    c->seen |= HP_BIT(k);
    double v;
    if (parse_double(value, &v) != 0)
        return seterr(err, cap, "%s '%s' is not a number", key, value);
    if (!optim_hyper_valid((HyperKey)k, v)) {
        char range[48];
        optim_hyper_range_text((HyperKey)k, range, sizeof range);
        return seterr(err, cap, "%s must be %s, got %s", key, range, value);
    }
    s->hp[k] = v;
    return 0;
}

static void optimizer_names(char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < OPTIM_COUNT; i++) {
        int n = snprintf(out + len, cap - len, "%s%s", i ? ", " : "", optim_info((OptimKind)i)->name);
        if (n < 0 || (size_t)n >= cap - len)
            break;
        len += (size_t)n;
    }
}

int spec_parse_opt(const char *text, RunSpec *out, char *err, size_t cap)
{
    char name[32];
    const char *colon = strchr(text, ':');
    size_t nlen = colon ? (size_t)(colon - text) : strlen(text);
    if (nlen == 0)
        return seterr(err, cap, "missing optimizer name");
    if (nlen >= sizeof name)
        nlen = sizeof name - 1;
    memcpy(name, text, nlen);
    name[nlen] = '\0';
    int kind = optim_find(name);
    if (kind < 0) {
        char names[256];
        optimizer_names(names, sizeof names);
        return seterr(err, cap, "unknown optimizer '%s' (choose from %s)", name, names);
    }
    RunSpec s;
    memset(&s, 0, sizeof s);
    s.kind = (OptimKind)kind;
    optim_defaults(s.kind, s.hp);
    if (colon) {
        OptCtx ctx = {.spec = &s};
        if (for_each_pair(colon + 1, opt_pair, &ctx, err, cap) != 0)
            return -1;
        /* schedule keys must belong to the chosen schedule */
        for (int k = 0; k < SK_COUNT; k++)
            if ((ctx.sched_seen & (1u << k)) && !schedule_uses(s.sched.kind, (ScheduleKey)k))
                return seterr(err, cap, "%s is not a key of schedule %s%s", schedule_key((ScheduleKey)k)->name,
                              schedule_name(s.sched.kind), ctx.schedule_seen ? "" : " (give schedule=NAME)");
        if (s.sched.kind == SCHED_CYCLIC && s.sched.v[SK_BASE_LR] > 0 && s.sched.v[SK_MAX_LR] > 0 &&
            s.sched.v[SK_BASE_LR] > s.sched.v[SK_MAX_LR])
            return seterr(err, cap, "base_lr must not exceed max_lr");
    }
    *out = s;
    return 0;
}

static void surface_names(char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < surface_count(); i++) {
        int n = snprintf(out + len, cap - len, "%s, ", surface_info(i)->name);
        if (n < 0 || (size_t)n >= cap - len)
            return;
        len += (size_t)n;
    }
    snprintf(out + len, cap - len, "expr:FORMULA");
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
            return seterr(err, cap, "%s has no parameters", in->name);
        char keys[128] = "";
        size_t len = 0;
        for (int i = 0; i < in->n_params; i++) {
            int n = snprintf(keys + len, sizeof keys - len, "%s%s", i ? ", " : "", in->param[i].name);
            if (n > 0 && (size_t)n < sizeof keys - len)
                len += (size_t)n;
        }
        return seterr(err, cap, "%s has no parameter '%s' (parameters: %s)", in->name, key, keys);
    }
    if (c->seen & (1u << idx))
        return seterr(err, cap, "parameter '%s' given twice", key);
    c->seen |= 1u << idx;
    double v;
    if (parse_double(value, &v) != 0)
        return seterr(err, cap, "%s '%s' is not a number", key, value);
    if (v < in->param[idx].lo || v > in->param[idx].hi)
        return seterr(err, cap, "%s must be in [%g, %g], got %s", key, in->param[idx].lo,
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
        surface_names(names, sizeof names);
        return seterr(err, cap, "unknown surface '%s' (choose from %s)", name, names);
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

const char *spec_layout_name(Layout l) { return l == LAYOUT_GRID ? "grid" : "overlay"; }

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

int spec_parse_args(int argc, char **argv, Config *cfg, char *err, size_t cap)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->action = SPEC_RUN;
    cfg->steps = -1;
    cfg->width = 1600;
    cfg->height = 900;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        char flag[64];
        const char *val = NULL;
        const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        if (eq && (size_t)(eq - arg) < sizeof flag) {
            memcpy(flag, arg, (size_t)(eq - arg));
            flag[eq - arg] = '\0';
            val = eq + 1;
        } else {
            snprintf(flag, sizeof flag, "%s", arg);
        }
        /* flags without a value */
        static const struct { const char *name; SpecAction action; } ACTIONS[] = {
            {"--help", SPEC_HELP}, {"-h", SPEC_HELP}, {"--version", SPEC_VERSION},
            {"--list", SPEC_LIST}, {"--bench-core", SPEC_BENCH_CORE}, {"--bench", SPEC_BENCH},
        };
        int handled = 0;
        for (size_t a = 0; a < sizeof ACTIONS / sizeof ACTIONS[0]; a++) {
            if (strcmp(flag, ACTIONS[a].name) == 0) {
                if (val)
                    return seterr(err, cap, "%s takes no value", flag);
                if (cfg->action == SPEC_RUN || ACTIONS[a].action == SPEC_HELP)
                    cfg->action = ACTIONS[a].action;
                handled = 1;
            }
        }
        if (handled)
            continue;
        if (strcmp(flag, "--headless") == 0) {
            if (val)
                return seterr(err, cap, "--headless takes no value");
            cfg->headless = 1;
            continue;
        }
        static const char *const WITH_VALUE[] = {"--surface", "--opt", "--start", "--steps",
                                                 "--csv", "--screenshot", "--size", "--layout",
                                                 "--view", "--out-dir", "--noise", "--seed", "--legend"};
        int known = 0;
        for (size_t k = 0; k < sizeof WITH_VALUE / sizeof WITH_VALUE[0]; k++)
            known |= strcmp(flag, WITH_VALUE[k]) == 0;
        if (!known)
            return seterr(err, cap, "unknown option '%s' (see --help)", arg);
        if (!val) {
            if (i + 1 >= argc)
                return seterr(err, cap, "%s needs a value", flag);
            val = argv[++i];
        }
        if (strlen(val) >= SPEC_ARG_MAX)
            return seterr(err, cap, "%s: value too long (at most %d characters)", flag, SPEC_ARG_MAX - 1);
        char why[SPEC_ERR_MAX];
        if (strcmp(flag, "--surface") == 0) {
            Surface s;
            if (spec_parse_surface(val, &s, why, sizeof why) != 0)
                return seterr(err, cap, "--surface '%s': %s", val, why);
            snprintf(cfg->surface, sizeof cfg->surface, "%s", val);
        } else if (strcmp(flag, "--opt") == 0) {
            RunSpec rs;
            if (cfg->n_opts >= SCENE_MAX_RUNS)
                return seterr(err, cap, "--opt: at most %d runs", SCENE_MAX_RUNS);
            if (spec_parse_opt(val, &rs, why, sizeof why) != 0)
                return seterr(err, cap, "--opt '%s': %s", val, why);
            snprintf(cfg->opt[cfg->n_opts++], SPEC_ARG_MAX, "%s", val);
        } else if (strcmp(flag, "--start") == 0) {
            if (parse_tuple(val, cfg->start, 2) != 0)
                return seterr(err, cap, "--start '%s': expected X,Y with two finite numbers", val);
            cfg->have_start = 1;
        } else if (strcmp(flag, "--steps") == 0) {
            if (parse_int(val, 0, SCENE_MAX_STEPS, &cfg->steps) != 0)
                return seterr(err, cap, "--steps '%s': expected an integer from 0 to %d", val, SCENE_MAX_STEPS);
        } else if (strcmp(flag, "--csv") == 0) {
            if (!*val)
                return seterr(err, cap, "--csv: empty file name");
            cfg->csv_path = val;
        } else if (strcmp(flag, "--screenshot") == 0) {
            if (!*val)
                return seterr(err, cap, "--screenshot: empty file name");
            cfg->screenshot_path = val;
        } else if (strcmp(flag, "--out-dir") == 0) {
            if (!*val)
                return seterr(err, cap, "--out-dir: empty directory name");
            cfg->out_dir = val;
        } else if (strcmp(flag, "--size") == 0) {
            if (parse_size(val, &cfg->width, &cfg->height) != 0)
                return seterr(err, cap, "--size '%s': expected WxH, each from 1 to 16384", val);
        } else if (strcmp(flag, "--layout") == 0) {
            if (strcmp(val, "overlay") == 0)
                cfg->layout = LAYOUT_OVERLAY;
            else if (strcmp(val, "grid") == 0)
                cfg->layout = LAYOUT_GRID;
            else
                return seterr(err, cap, "--layout '%s': expected overlay or grid", val);
        } else if (strcmp(flag, "--legend") == 0) {
            static const char *const POS[] = {"auto", "none", "tl", "tr", "bl", "br"};
            int found = -1;
            for (int p = 0; p < 6; p++)
                if (strcmp(val, POS[p]) == 0)
                    found = p;
            if (found < 0)
                return seterr(err, cap, "--legend '%s': expected auto, none, tl, tr, bl or br", val);
            cfg->legend = (LegendPos)found;
        } else if (strcmp(flag, "--noise") == 0) {
            double v;
            if (parse_double(val, &v) != 0 || v < 0)
                return seterr(err, cap, "--noise '%s': expected a number >= 0 (the gradient noise's sigma)", val);
            cfg->noise = v;
        } else if (strcmp(flag, "--seed") == 0) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(val, &end, 10);
            if (!*val || *end || errno == ERANGE || val[0] == '-')
                return seterr(err, cap, "--seed '%s': expected a whole number from 0 to 18446744073709551615", val);
            cfg->seed = v;
        } else if (strcmp(flag, "--view") == 0) {
            double v[4];
            if (parse_tuple(val, v, 4) != 0)
                return seterr(err, cap, "--view '%s': expected XMIN,XMAX,YMIN,YMAX", val);
            if (!(v[0] < v[1]) || !(v[2] < v[3]))
                return seterr(err, cap, "--view '%s': needs XMIN < XMAX and YMIN < YMAX", val);
            memcpy(cfg->view, v, sizeof v);
            cfg->have_view = 1;
        }
    }
    if (cfg->action == SPEC_RUN && !cfg->headless && (cfg->csv_path || cfg->screenshot_path) == 0)
        return 0;
    if (cfg->action == SPEC_RUN && !cfg->headless)
        return seterr(err, cap, "%s needs --headless (in the window, use Ctrl+S)",
                      cfg->csv_path ? "--csv" : "--screenshot");
    return 0;
}

static int add_run_spec(Scene *sc, const char *text, char *err, size_t cap)
{
    RunSpec rs;
    if (spec_parse_opt(text, &rs, err, cap) != 0)
        return -1;
    int i = scene_add_run(sc, rs.kind, rs.hp, rs.label);
    if (i < 0)
        return seterr(err, cap, "out of memory for %d steps", sc->steps);
    sc->run[i].sched = rs.sched;
    if (rs.bundle > 1 && scene_set_bundle(sc, i, rs.bundle) != 0)
        return seterr(err, cap, "out of memory for a bundle of %d x %d steps", rs.bundle, sc->steps);
    return 0;
}

static const char *const EXPR_DEFAULT_RUNS[] = {"sgd:lr=0.01", "momentum:lr=0.01,momentum=0.9",
                                                "rmsprop:lr=0.01", "adam:lr=0.05"};

int spec_add_default_runs(Scene *sc)
{
    char err[SPEC_ERR_MAX];
    for (int i = 0; i < SURFACE_MAX_DEFAULT_RUNS; i++) {
        const char *text = sc->surface.builtin >= 0 ? surface_info(sc->surface.builtin)->runs[i]
                                                    : EXPR_DEFAULT_RUNS[i];
        if (text && add_run_spec(sc, text, err, sizeof err) != 0)
            return -1;
    }
    return 0;
}

int spec_build_scene(const Config *cfg, Scene *sc, char *err, size_t cap)
{
    Surface s;
    char why[SPEC_ERR_MAX];
    const char *surf = cfg->surface[0] ? cfg->surface : "rosenbrock";
    if (spec_parse_surface(surf, &s, why, sizeof why) != 0)
        return seterr(err, cap, "--surface '%s': %s", surf, why);
    if (cfg->have_view)
        memcpy(s.view, cfg->view, sizeof s.view);
    scene_init(sc, &s);
    sc->noise = cfg->noise;
    sc->seed = cfg->seed;
    if (cfg->have_start) {
        sc->start[0] = cfg->start[0];
        sc->start[1] = cfg->start[1];
    }
    if (cfg->steps >= 0 && scene_set_steps(sc, cfg->steps) != 0)
        return seterr(err, cap, "--steps %d: out of memory", cfg->steps);
    if (cfg->n_opts == 0) {
        if (spec_add_default_runs(sc) != 0) {
            scene_free(sc);
            return seterr(err, cap, "out of memory for %d steps", sc->steps);
        }
    }
    for (int i = 0; i < cfg->n_opts; i++) {
        if (add_run_spec(sc, cfg->opt[i], why, sizeof why) != 0) {
            scene_free(sc);
            return seterr(err, cap, "--opt '%s': %s", cfg->opt[i], why);
        }
    }
    scene_simulate(sc);
    return 0;
}

void spec_print_help(FILE *f)
{
    fputs(
        "Usage: gradscape [options]\n"
        "Draws a 2D loss surface and animates optimizers descending it side by side,\n"
        "with the numbers of torch.optim.\n"
        "\n"
        "Scene:\n"
        "  --surface SPEC     the loss surface (default rosenbrock), NAME[:param=value,...]:\n"
        "                       rosenbrock[:a=1,b=100]  quadratic[:kappa=10,angle=0]  saddle\n"
        "                       himmelblau rastrigin ackley beale booth matyas goldstein-price\n"
        "                       styblinski-tang six-hump-camel monkey-saddle valley\n"
        "                     or expr:FORMULA, your own function of x and y,\n"
        "                       e.g. 'expr:(1-x)^2+100*(y-x^2)^2'\n"
        "  --opt SPEC         add a run, NAME[:key=value,...], repeatable, in order:\n"
        "                       sgd momentum nesterov rmsprop adam amsgrad adamw nadam\n"
        "                       radam adagrad adadelta lion\n"
        "                     e.g. adam:lr=0.01,beta1=0.9,label=fast\n"
        "                     hyperparameters (each optimizer takes its own; --list):\n"
        "                       lr momentum alpha beta1 beta2 eps weight_decay rho\n"
        "                       lr_decay initial_accumulator_value momentum_decay\n"
        "                       bias_correction (adam: 0 turns it off)\n"
        "                     learning-rate schedule, stepped once per step:\n"
        "                       schedule=constant|step|exponential|cosine|cyclic\n"
        "                       step_size gamma (step), gamma (exponential),\n"
        "                       t_max eta_min (cosine), base_lr max_lr step_size_up\n"
        "                       (cyclic), warmup=W (linear warm-up, with any of them)\n"
        "                     label=NAME names the run; bundle=K draws K seeds with --noise\n"
        "                     Without --opt: sgd, momentum, rmsprop and adam, tuned for\n"
        "                     the surface.\n"
        "  --start X,Y        start point of every run (default: the surface's)\n"
        "  --steps N          steps per run, 0 to 1000000 (default: the surface's)\n"
        "  --noise SIGMA      stochastic gradients: g + SIGMA * N(0, 1) (default 0)\n"
        "  --seed S           seed of the noise (default 0); bundle member j uses S + j\n"
        "  --view XMIN,XMAX,YMIN,YMAX   region of the plane to show\n"
        "  --layout overlay|grid        all runs on one map, or one panel per run\n"
        "  --legend auto|none|tl|tr|bl|br   where the legend goes (auto: where it hides least)\n"
        "\n"
        "Output:\n"
        "  --headless         no window: simulate, write what is asked, exit\n"
        "  --csv FILE         trajectories, one row per run and step ('-': stdout):\n"
        "                       optimizer,step,x,y,loss,grad_x,grad_y,lr\n"
        "  --screenshot FILE  PNG of the scene after all steps (with --headless)\n"
        "  --size WxH         window size, or image size with --headless (default 1600x900)\n"
        "  --out-dir DIR      where the window's screenshots go (default: current directory)\n"
        "\n"
        "Information:\n"
        "  --list             surfaces, optimizers, schedules and their keys with defaults\n"
        "  --bench-core       time recomputing 4 runs x 10000 steps\n"
        "  --bench            time rendering frames offscreen (with --size)\n"
        "  --version          print the version\n"
        "  -h, --help         this text\n"
        "\n"
        "In the window: Space play/pause, arrows step, R restart, +/- speed, G layout,\n"
        "V reset view, Ctrl+S screenshot, F11 full screen, F1 all shortcuts, Esc quit.\n"
        "\n"
        "Exit status: 0 on success, 2 on bad input (the message names what was wrong).\n",
        f);
}

void spec_print_list(FILE *f)
{
    fputs("Surfaces (--surface NAME[:param=value,...]):\n", f);
    for (int i = 0; i < surface_count(); i++) {
        const SurfaceInfo *in = surface_info(i);
        fprintf(f, "  %-16s %s", in->name, in->formula);
        for (int p = 0; p < in->n_params; p++)
            fprintf(f, "%s%s=%g", p ? ", " : "   [", in->param[p].name, in->param[p].def);
        fputs(in->n_params ? "]\n" : "\n", f);
    }
    fprintf(f, "  %-16s your own formula in x and y: + - * / ^, ( ), sin cos tan exp log\n"
               "  %-16s sqrt abs tanh, pi, e\n",
            "expr:FORMULA", "");
    fputs("\nOptimizers (--opt NAME[:key=value,...]); defaults as in torch.optim:\n", f);
    for (int i = 0; i < OPTIM_COUNT; i++) {
        const OptimInfo *o = optim_info((OptimKind)i);
        fprintf(f, "  %-12s", o->name);
        int first = 1;
        for (int k = 0; k < HP_COUNT; k++) {
            if (!optim_uses((OptimKind)i, (HyperKey)k))
                continue;
            fprintf(f, "%s%s=%g", first ? " " : ", ", optim_hyper((HyperKey)k)->name, o->defaults[k]);
            first = 0;
        }
        fprintf(f, "\n  %-12s   = %s\n", "", o->torch);
    }
    fputs("\nKeys:\n", f);
    for (int k = 0; k < HP_COUNT; k++) {
        char range[48];
        optim_hyper_range_text((HyperKey)k, range, sizeof range);
        fprintf(f, "  %-13s %s, %s\n", optim_hyper((HyperKey)k)->name, optim_hyper((HyperKey)k)->label, range);
    }
    fprintf(f, "  %-13s the run's name in the legend and the CSV\n", "label");
    fprintf(f, "  %-13s with --noise: draw K seeds (1 to %d) as a bundle\n", "bundle", SCENE_MAX_BUNDLE);
    fputs("\nSchedules (--opt ...,schedule=NAME,key=value), as torch.optim.lr_scheduler:\n"
          "  constant     lr\n"
          "  step         step_size=100 gamma=0.1           (StepLR)\n"
          "  exponential  gamma=0.99                        (ExponentialLR)\n"
          "  cosine       t_max=steps eta_min=0             (CosineAnnealingLR)\n"
          "  cyclic       base_lr=lr/10 max_lr=lr step_size_up=100  (CyclicLR, triangular)\n"
          "  warmup=W     with any of them: lr x min(1, t/W) for step t (LinearLR)\n",
          f);
}
