/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* ticks: where an axis's labelled ticks go, and the one way numbers are written on
 * screen. Linear axes take steps of 1, 2, 2.5 or 5 times a power of ten, the
 * fewest ticks that are still at most `most` apart as matplotlib's MaxNLocator
 * chooses them; log axes take whole decades (every one, or every 2nd, 5th, ...),
 * and 1-2-5 steps inside a range shorter than a decade and a half.
 *
 * Invariants: ticks are in increasing order, inside [lo, hi] (to a part in 1e9 of
 * the step), evenly spaced; their labels are distinct and written with the same
 * number of decimals; every label fits TICK_LABEL_MAX bytes. */
#ifndef GS_TICKS_H
#define GS_TICKS_H

#include <stddef.h>

#define TICKS_MAX 16
#define TICK_LABEL_MAX 32

typedef struct Tick {
    double v;                    /* the value (for log axes: the value, not its log) */
    char label[TICK_LABEL_MAX];  /* UTF-8; a negative value with U+2212 */
} Tick;

/* The step of linear ticks on [lo, hi]: the smallest 1, 2, 2.5 or 5 times a power
 * of ten that puts at most `most` ticks on it (0: no finite range). */
double ticks_step(double lo, double hi, int most);

/* Ticks on a linear axis [lo, hi] (either order), at most `most` (and TICKS_MAX).
 * A range of one value gives that value. Returns how many (0 for non-finite ends). */
int ticks_linear(double lo, double hi, int most, Tick *out);

/* Ticks on a log axis over the values [lo, hi], both > 0: decades 10^k, every 1st,
 * 2nd, 5th, ... so at most `most`; linear steps when the range spans less than a
 * decade and a half. Returns how many (0 when an end is not a positive number). */
int ticks_log(double lo, double hi, int most, Tick *out);

/* A number as people read it on screen (legend, readouts, card, plot): four
 * significant digits, no trailing zeros, the exponent short when it is needed
 * (0.0002, 1.235, 12.5, 1234, 1.235e4, 3.2e-12, -0.5). */
void num_format(double v, char *out, size_t cap);

#endif
