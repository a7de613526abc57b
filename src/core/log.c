/* log: stderr plus an optional sink. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

static GsLogSink log_sink;
static void *log_user;

void gs_log_set_sink(GsLogSink sink, void *user)
{
    log_sink = sink;
    log_user = user;
}

void gs_log(const char *fmt, ...)
{
    char msg[GS_LOG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "gradscape: %s\n", msg);
    if (log_sink)
        log_sink(log_user, msg);
}
