/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* spec_internal: what the command line's three files share and nobody else sees.
 *
 *   spec.c          the table of options and the handler of each, the parse of
 *                   argv, a lesson's slides, the scene a command line describes
 *   spec_values.c   the values' small languages: --opt and --surface specs,
 *                   tuples, sizes, sweep axes; seterr, the one-line message
 *   spec_help.c     --help, --list and the man page's sections, printed from the
 *                   tables
 *
 * The option table (spec.c) stays the single source: the parser reads it, --help
 * and the man page print it through spec_options. */
#ifndef GS_SPEC_INTERNAL_H
#define GS_SPEC_INTERNAL_H

#include <stddef.h>

#include "spec.h"
#include "text.h"
#include "wrap.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

#define DEFAULT_SURFACE "rosenbrock" /* --surface's help names it */

/* ---- spec_values.c ------------------------------------------------------------ */

/* err = the message fmt makes (fmt as _() gave it), each quoted value in it too
 * long shortened so that the reason after it fits. Returns -1. */
int seterr(char *err, size_t cap, const char *fmt, ...);

/* A whole string as a finite double, or as an integer from lo to hi; "A,B" or
 * "A,B,C,D" as n finite doubles; "WxH", each from 1 to 16384. Each returns 0, or
 * -1 (the caller's message names the option). */
int parse_double(const char *s, double *out);
int parse_int(const char *s, long lo, long hi, int *out);
int parse_tuple(const char *s, double *out, int n);
int parse_size(const char *s, int *w, int *h);

/* KEY=LO:HI:N, one axis of --sweep. Returns 0, or -1 with err. */
int parse_axis(const char *text, SweepAxis *a, char *err, size_t cap);

/* The schedules' names, sep between them. */
void schedule_names(Text *t, const char *sep);

/* The keys of a run besides its hyperparameters and its schedule's keys: --opt
 * takes them, --list lists them. */
typedef struct OptCtx OptCtx;
typedef struct RunKey {
    const char *name;
    const char *help; /* N_(): shown through tr() */
    int (*parse)(OptCtx *c, const char *value, char *err, size_t cap);
} RunKey;
const RunKey *spec_run_keys(int *n);

/* ---- spec.c: the options -------------------------------------------------------- */

typedef struct Option Option;

/* Checks an option's value (NULL for one that takes none) and stores it. */
typedef int (*OptionParse)(const Option *o, const char *val, Config *cfg, char *err, size_t cap);

typedef enum Section { SECTION_SCENE, SECTION_OUTPUT, SECTION_INFORMATION } Section;

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

/* The options, in the order --help shows them; *n is how many. */
const Option *spec_options(int *n);

/* ---- spec_help.c ----------------------------------------------------------------- */

/* The lines under --surface's and --opt's help (their `more`): the surfaces with
 * their parameters, the optimizers with their keys and schedules. */
void help_surfaces(Wrap *w);
void help_runs(Wrap *w);

#endif
