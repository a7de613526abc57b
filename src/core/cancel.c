/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* cancel: the stop flag and the progress line. The flag is a lock-free atomic, so
 * a signal handler may set it; the line is drawn by whichever thread's tick finds
 * it due, one at a time. */
#define _POSIX_C_SOURCE 200809L
#include "cancel.h"

#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "lang.h"

static atomic_int requested;

/* the phase: its name, size, units done, when it began and when the line was
 * last drawn (ms), whether a line is on the terminal now */
static const char *phase_what;
static long long phase_total;
static atomic_llong phase_done;
static double phase_t0;
static atomic_llong next_draw_ms;
static atomic_flag drawing = ATOMIC_FLAG_INIT;
static int phase_tty, line_shown;

#define SHOW_AFTER_MS 500.0  /* too early to estimate before this */
#define SHOW_IF_LONGER_MS 2000.0
#define REDRAW_MS 100

void cancel_request(int sig)
{
    atomic_store(&requested, sig ? sig : 1);
}

int cancel_requested(void)
{
    return atomic_load(&requested);
}

void cancel_clear(void)
{
    atomic_store(&requested, 0);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void cancel_phase(const char *what, long long total)
{
    cancel_phase_end();
    phase_what = what;
    phase_total = total;
    atomic_store(&phase_done, 0);
    phase_t0 = now_ms();
    atomic_store(&next_draw_ms, (long long)(phase_t0 + SHOW_AFTER_MS));
    phase_tty = total > 0 && isatty(STDERR_FILENO);
}

static void draw_line(double t)
{
    long long done = atomic_load(&phase_done);
    if (done > phase_total)
        done = phase_total;
    double elapsed = t - phase_t0;
    double share = (double)done / (double)phase_total;
    double left_ms = share > 0 ? elapsed * (1.0 - share) / share : 1e12;
    if (!line_shown && elapsed + left_ms < SHOW_IF_LONGER_MS)
        return; /* a short job: no line at all */
    enum { BAR = 24 };
    char bar[BAR + 1];
    int filled = (int)(share * BAR);
    for (int i = 0; i < BAR; i++)
        bar[i] = i < filled ? '#' : '-';
    bar[BAR] = '\0';
    char left[32];
    if (share <= 0)
        /* TRANSLATORS: the progress line's time left, before it is known */
        snprintf(left, sizeof left, "%s", _("estimating"));
    else if (left_ms < 60e3)
        /* TRANSLATORS: the progress line's time left, in seconds */
        snprintf(left, sizeof left, _("%.0f s left"), left_ms / 1e3 + 0.5);
    else
        /* TRANSLATORS: the progress line's time left, in minutes */
        snprintf(left, sizeof left, _("%.0f min left"), left_ms / 60e3 + 0.5);
    fprintf(stderr, "\rgradscape: %s [%s] %3.0f%%  %s\033[K", phase_what, bar, share * 100.0, left);
    fflush(stderr);
    line_shown = 1;
}

int cancel_tick(long long n)
{
    atomic_fetch_add(&phase_done, n);
    if (phase_tty) {
        double t = now_ms();
        long long due = atomic_load(&next_draw_ms);
        if (t >= (double)due && !atomic_flag_test_and_set(&drawing)) {
            if (atomic_load(&next_draw_ms) == due) { /* no other thread drew it meanwhile */
                draw_line(t);
                atomic_store(&next_draw_ms, (long long)t + REDRAW_MS);
            }
            atomic_flag_clear(&drawing);
        }
    }
    return atomic_load(&requested);
}

void cancel_phase_end(void)
{
    if (line_shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    line_shown = 0;
    phase_tty = 0;
    phase_total = 0;
}
