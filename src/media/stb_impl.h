/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* stb_impl: the browser build's PNG writer, stb_image_write (Debian's libstb-dev). */
#ifndef GS_STB_IMPL_H
#define GS_STB_IMPL_H

typedef void GsWriteFn(void *ctx, void *data, int size);

/* Encodes RGB rows (first row at `rows`, `stride` bytes apart, may be negative) as
 * an unfiltered PNG through `fn`. Returns 1 on
 * success, 0 on failure (out of memory). */
int gs_png_write(GsWriteFn *fn, void *ctx, int w, int h, const unsigned char *rows, int stride);

#endif
