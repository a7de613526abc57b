/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Spec languages and the argument parser: accept and reject tables, with the exact
 * one-line messages a user sees; --help and --list against the tables they are
 * generated from. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "spec.h"

#include <stdarg.h>
#include <stdlib.h>

#include "bindings.h"

static void test_opt_specs(void)
{
    RunSpec rs;
    char err[SPEC_ERR_MAX];
    CHECK(spec_parse_opt("adam", &rs, err, sizeof err) == 0);
    CHECK(rs.kind == OPTIM_ADAM && rs.hp[HP_LR] == 1e-3 && rs.hp[HP_BETA2] == 0.999 && !rs.label[0]);
    CHECK(spec_parse_opt("adam:lr=0.01,beta1=0.5,beta2=0.99,eps=1e-6,label=fast", &rs, err, sizeof err) == 0);
    CHECK(rs.hp[HP_LR] == 0.01 && rs.hp[HP_BETA1] == 0.5 && rs.hp[HP_BETA2] == 0.99 && rs.hp[HP_EPS] == 1e-6);
    CHECK_STR(rs.label, "fast");
    CHECK(spec_parse_opt("momentum:momentum=0", &rs, err, sizeof err) == 0);
    CHECK(rs.kind == OPTIM_MOMENTUM && rs.hp[HP_MOMENTUM] == 0.0);
    CHECK(spec_parse_opt("rmsprop:alpha=0.9,weight_decay=0.1", &rs, err, sizeof err) == 0);
    CHECK(rs.hp[HP_ALPHA] == 0.9 && rs.hp[HP_WEIGHT_DECAY] == 0.1);

    static const struct { const char *text, *message; } BAD[] = {
        {"adamx", "unknown optimizer 'adamx' (choose from sgd, momentum, rmsprop, adam, nesterov, amsgrad, adamw, nadam, radam, adagrad, adadelta, lion)"},
        {"", "missing optimizer name"},
        {"sgd:beta1=0.9", "sgd has no key 'beta1' (keys: lr, weight_decay, label, schedule, bundle, enabled, colour)"},
        {"adam:lr=0", "lr must be > 0, got 0"},
        {"adam:lr=-1", "lr must be > 0, got -1"},
        {"adam:lr=abc", "lr 'abc' is not a number"},
        {"adam:lr=1e-3x", "lr '1e-3x' is not a number"},
        {"adam:lr=", "lr '' is not a number"},
        {"adam:lr=nan", "lr 'nan' is not a number"},
        {"adam:lr=inf", "lr 'inf' is not a number"},
        {"adam:beta1=1", "beta1 must be in [0, 1), got 1"},
        {"adam:beta2=-0.1", "beta2 must be in [0, 1), got -0.1"},
        {"rmsprop:alpha=1.5", "alpha must be in [0, 1), got 1.5"},
        {"adam:eps=0", "eps must be > 0, got 0"},
        {"momentum:momentum=1", "momentum must be in [0, 1), got 1"},
        {"adam:lr=0.1,lr=0.2", "key 'lr' given twice"},
        {"adam:", "expected key=value after ':'"},
        {"adam:lr=0.1,", "expected key=value after ','"},
        {"adam:lr", "'lr' is not key=value"},
        {"adam:label=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
         "label 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is too long (at most 31 characters)"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        err[0] = '\0';
        CHECK_MSG(spec_parse_opt(BAD[i].text, &rs, err, sizeof err) == -1, "'%s' accepted", BAD[i].text);
        CHECK_STR(err, BAD[i].message);
    }
}

static void test_surface_specs(void)
{
    Surface s;
    char err[SPEC_ERR_MAX];
    CHECK(spec_parse_surface("quadratic:kappa=25,angle=30", &s, err, sizeof err) == 0);
    CHECK(s.param[0] == 25 && s.param[1] == 30);
    CHECK(spec_parse_surface("rosenbrock:a=1,b=100", &s, err, sizeof err) == 0);
    CHECK(spec_parse_surface("saddle", &s, err, sizeof err) == 0);
    CHECK(spec_parse_surface("expr:(1-x)^2+100*(y-x^2)^2", &s, err, sizeof err) == 0);
    CHECK(s.builtin == SURFACE_EXPR);
    CHECK_REL(surface_value(&s, 0, 0), 1.0, 0);
    static const struct { const char *text, *message; } BAD[] = {
        {"bowl", "unknown surface 'bowl' (choose from rosenbrock, quadratic, saddle, himmelblau, rastrigin, ackley, beale, booth, matyas, goldstein-price, styblinski-tang, six-hump-camel, monkey-saddle, valley, expr:FORMULA)"},
        {"quadratic:k=3", "quadratic has no parameter 'k' (parameters: kappa, angle)"},
        {"saddle:a=1", "saddle has no parameters"},
        {"rosenbrock:b=x", "b 'x' is not a number"},
        {"quadratic:kappa=1000", "kappa must be in [0.01, 100], got 1000"},
        {"expr:(1-x", "expected ')' at column 5"},
        {"expr:", "expected a number, name or '(' but the expression ended at column 1"},
        {"expr:x+q", "unknown name 'q' at column 3"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        err[0] = '\0';
        CHECK_MSG(spec_parse_surface(BAD[i].text, &s, err, sizeof err) == -1, "'%s' accepted", BAD[i].text);
        CHECK_STR(err, BAD[i].message);
    }
}

static int parse(Config *cfg, char *err, int argc, ...)
{
    char *argv[32] = {"gradscape"};
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc; i++)
        argv[i + 1] = va_arg(ap, char *);
    va_end(ap);
    err[0] = '\0';
    return spec_parse_args(argc + 1, argv, cfg, err, SPEC_ERR_MAX);
}

static void test_args(void)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    CHECK(parse(&cfg, err, 0) == 0);
    CHECK(cfg.action == SPEC_RUN && !cfg.headless && cfg.steps == -1 && cfg.width == 1600);
    CHECK(parse(&cfg, err, 11, "--surface", "quadratic:kappa=25", "--opt", "sgd:lr=0.1", "--opt=adam",
                "--start", "1,-2", "--steps=50", "--headless", "--csv", "out.csv") == 0);
    CHECK(cfg.n_opts == 2 && cfg.have_start && cfg.start[0] == 1 && cfg.start[1] == -2);
    CHECK(cfg.steps == 50 && cfg.headless);
    CHECK_STR(cfg.csv_path, "out.csv");
    CHECK_STR(cfg.opt[1], "adam");
    CHECK(parse(&cfg, err, 4, "--size", "1920x1080", "--layout", "grid") == 0);
    CHECK(cfg.width == 1920 && cfg.height == 1080 && cfg.layout == LAYOUT_GRID);
    CHECK(parse(&cfg, err, 2, "--view", "-1,1,-2,2") == 0);
    CHECK(cfg.have_view && cfg.view[3] == 2);
    CHECK(parse(&cfg, err, 1, "--help") == 0 && cfg.action == SPEC_HELP);
    CHECK(parse(&cfg, err, 2, "--list", "--help") == 0 && cfg.action == SPEC_HELP);
    CHECK(parse(&cfg, err, 1, "--version") == 0 && cfg.action == SPEC_VERSION);
    /* GNU: --help, then --version, answer whatever else is on the line */
    CHECK(parse(&cfg, err, 2, "--help", "--bogus") == 0 && cfg.action == SPEC_HELP);
    CHECK(parse(&cfg, err, 3, "--bogus", "--steps=x", "-h") == 0 && cfg.action == SPEC_HELP);
    CHECK(parse(&cfg, err, 3, "--version", "--help", "--list") == 0 && cfg.action == SPEC_HELP);
    CHECK(parse(&cfg, err, 3, "--list", "--version", "--frobnicate") == 0 && cfg.action == SPEC_VERSION);
    CHECK(parse(&cfg, err, 2, "--steps", "--version") != 0); /* a value, not the option */
    CHECK(parse(&cfg, err, 3, "--headless", "--csv", "--help") == 0 && cfg.action == SPEC_RUN);
    CHECK_STR(cfg.csv_path, "--help");

    static const struct { const char *a, *b, *message; } BAD[] = {
        {"--frobnicate", NULL, "unknown option '--frobnicate' (see --help)"},
        {"--steps", NULL, "--steps needs a value"},
        {"--steps", "-1", "--steps '-1': expected an integer from 0 to 1000000"},
        {"--steps", "1000001", "--steps '1000001': expected an integer from 0 to 1000000"},
        {"--steps", "10.5", "--steps '10.5': expected an integer from 0 to 1000000"},
        {"--start", "1", "--start '1': expected X,Y with two finite numbers"},
        {"--start", "1,2,3", "--start '1,2,3': expected X,Y with two finite numbers"},
        {"--start", "a,b", "--start 'a,b': expected X,Y with two finite numbers"},
        {"--surface", "nope", "--surface 'nope': unknown surface 'nope' (choose from rosenbrock, quadratic, saddle, himmelblau, rastrigin, ackley, beale, booth, matyas, goldstein-price, styblinski-tang, six-hump-camel, monkey-saddle, valley, expr:FORMULA)"},
        {"--surface", "expr:x+*y", "--surface 'expr:x+*y': expected a number, name or '(' but found '*' at column 3"},
        {"--opt", "adam:lr=0", "--opt 'adam:lr=0': lr must be > 0, got 0"},
        {"--size", "100", "--size '100': expected WxH, each from 1 to 16384"},
        {"--size", "0x10", "--size '0x10': expected WxH, each from 1 to 16384"},
        {"--layout", "stack", "--layout 'stack': expected overlay or grid"},
        {"--view", "1,0,0,1", "--view '1,0,0,1': needs XMIN < XMAX and YMIN < YMAX"},
        {"--csv", "x.csv", "--csv needs --headless (in the window, use Ctrl+S)"},
        {"--help=1", NULL, "--help takes no value"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        int rc = BAD[i].b ? parse(&cfg, err, 2, BAD[i].a, BAD[i].b) : parse(&cfg, err, 1, BAD[i].a);
        CHECK_MSG(rc == -1, "%s %s accepted", BAD[i].a, BAD[i].b ? BAD[i].b : "");
        CHECK_STR(err, BAD[i].message);
    }
    /* more than 16 runs */
    char *argv[40] = {"gradscape"};
    int argc = 1;
    for (int i = 0; i < 17; i++)
        argv[argc++] = "--opt=sgd";
    CHECK(spec_parse_args(argc, argv, &cfg, err, sizeof err) == -1);
    CHECK_STR(err, "--opt: at most 16 runs");
}

static void test_build_scene(void)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    CHECK(parse(&cfg, err, 6, "--surface", "saddle", "--opt", "adam:label=A", "--steps", "7") == 0);
    Scene sc;
    CHECK(spec_build_scene(&cfg, &sc, err, sizeof err) == 0);
    CHECK(sc.n_runs == 1 && sc.steps == 7 && sc.run[0].n == 8);
    CHECK_STR(sc.run[0].label, "A");
    CHECK(sc.start[0] == sc.surface.start[0]);
    scene_free(&sc);
    CHECK(parse(&cfg, err, 0) == 0);
    CHECK(spec_build_scene(&cfg, &sc, err, sizeof err) == 0);
    CHECK_STR(sc.surface.name, "rosenbrock");
    CHECK(sc.n_runs == 4);
    CHECK(sc.run[0].kind == OPTIM_SGD && sc.run[3].kind == OPTIM_ADAM);
    scene_free(&sc);
}

static char *capture(void (*print)(FILE *))
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    print(f);
    fclose(f);
    return text;
}

/* The part of text from the first `from` to the next `to` after it ("" if either
 * is missing); the caller frees it. */
static char *between(const char *text, const char *from, const char *to)
{
    const char *a = strstr(text, from);
    const char *b = a ? strstr(a + strlen(from), to) : NULL;
    size_t n = a && b ? (size_t)(b - a) : 0;
    char *out = malloc(n + 1);
    memcpy(out, a ? a : "", n);
    out[n] = '\0';
    return out;
}

/* `word` stands in text whole, between separators. */
static int has_token(const char *text, const char *word)
{
    static const char SEP[] = " \n,|=():[]";
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word))
        if ((p == text || strchr(SEP, p[-1])) && p[n] && strchr(SEP, p[n]))
            return 1;
    return 0;
}

/* A line of text starts "  TERM" followed by a space or the line's end. */
static int has_term(const char *text, const char *term)
{
    char line[128];
    snprintf(line, sizeof line, "\n  %s ", term);
    if (strstr(text, line))
        return 1;
    snprintf(line, sizeof line, "\n  %s\n", term);
    return strstr(text, line) != NULL;
}

/* The widest line, in characters (UTF-8 continuation bytes do not count). */
static int widest_line(const char *text)
{
    int widest = 0, w = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '\n')
            w = 0;
        else if ((*p & 0xC0) != 0x80 && ++w > widest)
            widest = w;
    }
    return widest;
}

/* A name of a table stands whole in its part of --help and starts a line in its
 * part of --list. */
static void check_listed(const char *what, const char *name, const char *in_help, const char *in_list)
{
    CHECK_MSG(has_token(in_help, name), "--help lacks the %s %s", what, name);
    CHECK_MSG(has_term(in_list, name), "--list lacks the %s %s", what, name);
}

static void test_help(void)
{
    char *help = capture(spec_print_help);
    char *list = capture(spec_print_list);
    CHECK_MSG(widest_line(help) <= 80, "--help has a line of %d characters", widest_line(help));
    CHECK_MSG(widest_line(list) <= 80, "--list has a line of %d characters", widest_line(list));

    static const char *const FLAGS[] = {"--surface SPEC", "--opt SPEC", "--start X,Y", "--steps N", "--noise SIGMA",
                                        "--seed S", "--view XMIN,XMAX,YMIN,YMAX", "--layout overlay|grid",
                                        "--legend auto|none|tl|tr|bl|br|X,Y", "--axes on|off", "--headless", "--csv FILE",
                                        "--screenshot FILE", "--size WxH", "--out-dir DIR", "--list",
                                        "--bench-core", "--bench", "--version", "-h, --help"};
    for (size_t i = 0; i < sizeof FLAGS / sizeof FLAGS[0]; i++)
        CHECK_MSG(has_term(help, FLAGS[i]), "--help lacks the option %s", FLAGS[i]);

    char *h_surfaces = between(help, "--surface", "or expr:FORMULA");
    char *h_optims = between(help, "--opt", "e.g.");
    char *h_keys = between(help, "hyperparameters", "learning-rate schedule");
    char *h_scheds = between(help, "learning-rate schedule", "label=NAME");
    char *l_surfaces = between(list, "Surfaces", "\nOptimizers");
    char *l_expr = between(list, "  expr:FORMULA", "\nOptimizers");
    char *l_optims = between(list, "Optimizers", "\nSchedules");
    char *l_scheds = between(list, "Schedules", "\nKeys");
    const char *l_keys = strstr(list, "\nKeys") ? strstr(list, "\nKeys") : "";

    for (int i = 0; i < surface_count(); i++)
        check_listed("surface", surface_info(i)->name, h_surfaces, l_surfaces);
    for (int i = 0; i < OPTIM_COUNT; i++)
        check_listed("optimizer", optim_info((OptimKind)i)->name, h_optims, l_optims);
    for (int k = 0; k < HP_COUNT; k++)
        check_listed("key", optim_hyper((HyperKey)k)->name, h_keys, l_keys);
    for (int k = 0; k < SCHED_COUNT; k++)
        check_listed("schedule", schedule_name((ScheduleKind)k), h_scheds, l_scheds);
    for (int k = 0; k < SK_COUNT; k++) {
        const char *name = schedule_key((ScheduleKey)k)->name;
        check_listed("schedule key", name, h_scheds, l_keys);
        CHECK_MSG(has_token(l_scheds, name), "--list's schedules lack the key %s", name);
    }
    static const ExprVocab VOCABS[] = {EXPR_VOCAB_OPERATORS, EXPR_VOCAB_FUNCTIONS, EXPR_VOCAB_CONSTANTS};
    int words = 0;
    for (int v = 0; v < 3; v++) {
        for (int i = 0; expr_vocab(VOCABS[v], i); i++, words++) {
            const char *name = expr_vocab(VOCABS[v], i);
            CHECK_MSG(has_token(l_expr, name), "--list lacks the expression word %s", name);
            Expr e;
            char src[32];
            snprintf(src, sizeof src, v == 0 ? "x %s y" : (v == 1 ? "%s(x)" : "%s + x"), name);
            CHECK_MSG(expr_compile(src, NULL, 0, &e, NULL) == 0, "'%s' does not compile", src);
        }
    }
    CHECK(words == 5 + 8 + 2);
    int n;
    const Binding *b = bindings_table(&n);
    for (int i = 0; i < n; i++) {
        if (!b[i].keys)
            continue;
        CHECK_MSG(strstr(help, b[i].keys) && strstr(help, b[i].help), "--help lacks the binding %s", b[i].keys);
    }

    free(h_surfaces), free(h_optims), free(h_keys), free(h_scheds);
    free(l_surfaces), free(l_expr), free(l_optims), free(l_scheds);
    free(help), free(list);
}

static int man_rc;
static void print_man(FILE *f) { man_rc = spec_print_man(f); }

/* Lines of text that start with `prefix`, from `from` up to `to` (or the end). */
static int count_lines(const char *text, const char *prefix, const char *from, const char *to)
{
    const char *s = strstr(text, from), *end = to ? strstr(text, to) : NULL;
    int n = 0;
    for (; s && *s && (!end || s < end); s = strchr(s, '\n') ? strchr(s, '\n') + 1 : "")
        n += strncmp(s, prefix, strlen(prefix)) == 0;
    return n;
}

/* The man page's generated sections: roff a man reader takes as it is (ASCII, no
 * line that troff would take for an unknown request), a term for every option
 * --help lists and for every binding, written as option_term writes them. */
static void test_man(void)
{
    char *man = capture(print_man);
    char *help = capture(spec_print_help);
    CHECK(man_rc == 0);
    for (const unsigned char *c = (const unsigned char *)man; *c; c++)
        CHECK_MSG(*c < 0x80, "the man page has a byte 0x%02x", *c);
    static const char *const REQUESTS[] = {".SH ", ".SS ", ".TP\n", ".br\n", ".nf\n", ".fi\n"};
    for (const char *line = man; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "") {
        int known = *line != '.' && *line != '\'';
        for (size_t i = 0; i < sizeof REQUESTS / sizeof REQUESTS[0]; i++)
            known |= strncmp(line, REQUESTS[i], strlen(REQUESTS[i])) == 0;
        CHECK_MSG(known, "the man page has the line %.40s", line);
    }
    CHECK(count_lines(man, ".TP", ".SH OPTIONS", ".SH \"IN THE WINDOW\"") == count_lines(help, "  -", "\n", NULL));
    int n, keyed = 0;
    const Binding *b = bindings_table(&n);
    for (int i = 0; i < n; i++)
        keyed += b[i].keys != NULL;
    CHECK(count_lines(man, ".TP", ".SH \"IN THE WINDOW\"", NULL) == keyed);
    static const char *const TERMS[] = {"\\fB\\-\\-steps\\fR \\fIN\\fR\n", "\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n",
                                        "\\fB\\-\\-layout\\fR \\fBoverlay\\fR|\\fBgrid\\fR\n",
                                        "\\fB\\-\\-view3d\\fR[=\\fIAZ,EL[,DIST]\\fR]\n",
                                        "\\fB\\[u2192]  \\[u2190]\\fR\n", "e.g. \\(aqexpr:(1\\-x)\\(ha2"};
    for (size_t i = 0; i < sizeof TERMS / sizeof TERMS[0]; i++)
        CHECK_MSG(strstr(man, TERMS[i]), "the man page lacks %s", TERMS[i]);
    free(man), free(help);
}

int main(void)
{
    test_opt_specs();
    test_surface_specs();
    test_args();
    test_build_scene();
    test_help();
    test_man();
    return check_done("test_spec");
}
