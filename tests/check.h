/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* check: the test programs' assertions. Each failed CHECK prints where and why and
 * counts; check_done() prints the summary and gives the exit status. */
#ifndef GS_CHECK_H
#define GS_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        check_count++;                                                                \
        if (!(cond)) {                                                                \
            check_failures++;                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);  \
        }                                                                             \
    } while (0)

#define CHECK_MSG(cond, ...)                                                          \
    do {                                                                              \
        check_count++;                                                                \
        if (!(cond)) {                                                                \
            check_failures++;                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #cond);  \
            fprintf(stderr, __VA_ARGS__);                                             \
            fputc('\n', stderr);                                                      \
        }                                                                             \
    } while (0)

/* |a - b| <= tol * max(1, |b|) */
#define CHECK_REL(a, b, tol)                                                          \
    do {                                                                              \
        double ca_ = (a), cb_ = (b);                                                  \
        double scale_ = fabs(cb_) > 1.0 ? fabs(cb_) : 1.0;                            \
        CHECK_MSG(fabs(ca_ - cb_) <= (tol) * scale_, "%s = %.17g, expected %.17g",    \
                  #a, ca_, cb_);                                                      \
    } while (0)

#define CHECK_STR(a, b)                                                               \
    do {                                                                              \
        const char *sa_ = (a), *sb_ = (b);                                            \
        CHECK_MSG(strcmp(sa_, sb_) == 0, "got \"%s\", expected \"%s\"", sa_, sb_);    \
    } while (0)

static inline int check_done(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
