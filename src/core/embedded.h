/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* embedded: the files the build embeds with a table (src/tools/embed.c --index):
 * the built-in lessons (gs_lessons, lesson.c) and the browser build's catalogs
 * (gs_catalogs, platform_web.c). The tool writes the same struct. */
#ifndef GS_EMBEDDED_H
#define GS_EMBEDDED_H

#include <stddef.h>

typedef struct EmbeddedFile {
    const char *name;           /* the file's name without its folder and extension */
    const unsigned char *data;  /* its bytes, NUL-terminated */
    size_t len;                 /* without the NUL */
} EmbeddedFile;

#endif
