/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* cancel: the one flag that stops long work, and the progress line a person waits
 * by. Every long loop (simulation, sweeps and basins, rendering and encoding an
 * animation) calls cancel_tick every few thousand units of work: it counts them
 * for the progress line and says whether to stop. The platform layer sets the flag
 * from signals (cancel_request is async-signal-safe); the code that started the
 * work unwinds, removes what it wrote and exits 128 + the signal.
 *
 * The progress line is drawn on stderr only when stderr is a terminal and only
 * once the phase looks like taking more than about 2 s: a bar redrawn in place
 * with the share done and the time left, erased when the phase ends. */
#ifndef GS_CANCEL_H
#define GS_CANCEL_H

/* Asks every long loop to stop; sig is the signal's number (or any non-zero value).
 * Safe to call from a signal handler and from any thread. */
void cancel_request(int sig);

/* The signal that asked to stop, or 0. */
int cancel_requested(void);

/* Forgets a request (a new job in the window, tests). */
void cancel_clear(void);

/* Starts a phase of `total` units (what it is: "simulating", "rendering frames")
 * for the progress line; total <= 0 shows no line. */
void cancel_phase(const char *what, long long total);

/* Counts n units done in the current phase (any thread) and redraws the progress
 * line when it is due. Returns non-zero when the work must stop. */
int cancel_tick(long long n);

/* Ends the phase: erases the progress line if one was drawn. */
void cancel_phase_end(void);

#endif
