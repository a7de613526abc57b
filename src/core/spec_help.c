/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* spec_help: --help, --list and the man page's OPTIONS and IN THE WINDOW
 * sections, each written from the tables the parser reads: the options (spec.c),
 * the keys of a run (spec_values.c), and the optimizers, surfaces, schedules,
 * expression words and key bindings of their modules. */
#include "spec_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "lang.h"
#include "lesson.h"

/* ---- help ---------------------------------------------------------------------- */

#define HELP_WIDTH 80
#define OPTION_COL 21 /* where an option's help starts in --help */
#define DETAIL_COL 23 /* where the lists under it start */
#define LIST_COL 19   /* where a name's description starts in --list */
#define KIND_COL 15   /* the same for optimizers and schedules */

/* TRANSLATORS: the titles of --help's sections of options */
static const char *const SECTION_TITLES[] = {N_("Scene"), N_("Output"), N_("Information")};

/* A table's text as the language in use has it (_("") would be the catalog's
 * header). */
static const char *tr(const char *s) { return s && s[0] ? _(s) : s; }

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

void help_surfaces(Wrap *w)
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

void help_runs(Wrap *w)
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
    int n_options;
    const Option *options = spec_options(&n_options);
    Wrap w = wrap_begin(f, HELP_WIDTH);
    for (int i = 0; i < n_options; i++) {
        const Option *o = &options[i];
        if (i == 0 || o->section != options[i - 1].section) {
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
    int n_options;
    const Option *options = spec_options(&n_options);
    for (int i = 0; i < n_options; i++) {
        const Option *o = &options[i];
        if (i == 0 || o->section != options[i - 1].section) {
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
    int n_run_keys;
    const RunKey *run_keys = spec_run_keys(&n_run_keys);
    for (int i = 0; i < n_run_keys; i++)
        list_key(&w, run_keys[i].name, run_keys[i].help, NULL);
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
