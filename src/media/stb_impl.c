/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* stb_impl: compiles stb_image_write's PNG writer for the browser build (not our
 * code: built without our warning flags), with its own deflate: ISA-L's igzip,
 * which the desktop build uses, is x86 and Arm assembly. */
#include <stdlib.h>

#include "stb_impl.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb_image_write.h>

int gs_png_write(GsWriteFn *fn, void *ctx, int w, int h, const unsigned char *rows, int stride)
{
    /* the pictures are mostly runs of one colour along a row (the field between
     * contours, panels, text): no filter compresses them best, and costs nothing */
    stbi_write_force_png_filter = 0;
    return stbi_write_png_to_func(fn, ctx, w, h, 3, rows, stride);
}
