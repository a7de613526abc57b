/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* log: one way for any module to tell the user something went wrong. Messages go
 * to stderr as "gradscape: MESSAGE" and, when a sink is installed (the window
 * installs one to show them on screen), to the sink as well.
 *
 * Invariants: a message is one line; gs_log never fails and never allocates. Once
 * a signal asked the work to stop (cancel_requested), messages are dropped. Control
 * characters, line separators and bidirectional controls in a message are written
 * as \xNN or \uNNNN. */
#ifndef GS_LOG_H
#define GS_LOG_H

#define GS_LOG_MAX 512

typedef void (*GsLogSink)(void *user, const char *message);

/* Installs (or, with NULL, removes) the sink. Returns the previous one. */
void gs_log_set_sink(GsLogSink sink, void *user);

/* printf-style; the message is cut at GS_LOG_MAX - 1 bytes. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void gs_log(const char *fmt, ...);

#endif
