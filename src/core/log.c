/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* log: stderr plus an optional sink. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

#include "cancel.h"
#include "text.h"

static GsLogSink log_sink;
static void *log_user;

void gs_log_set_sink(GsLogSink sink, void *user)
{
    log_sink = sink;
    log_user = user;
}

void gs_log(const char *fmt, ...)
{
    char raw[GS_LOG_MAX], msg[GS_LOG_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof raw)
        text_utf8_trim(raw);
    Text t = text_begin(msg, sizeof msg);
    text_add_escaped(&t, raw);
    /* what fails because a signal stopped the work is not news: the one line
     * that says it was stopped is main's */
    if (cancel_requested())
        return;
    fprintf(stderr, "gradscape: %s\n", msg);
    if (log_sink)
        log_sink(log_user, msg);
}
