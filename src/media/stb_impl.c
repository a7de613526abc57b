/* stb_impl: compiles stb_image_write's PNG writer (not our code: built without our
 * warning flags) with libdeflate in place of its own deflate, which is six times
 * slower and a third larger on our pictures. The browser build keeps stb's own:
 * Debian builds libdeflate for Linux only. */
#include <stdlib.h>

#include "stb_impl.h"

#ifndef __EMSCRIPTEN__
#include <libdeflate.h>

/* stb's hook: a zlib stream of `data` in a malloc'd buffer, or NULL */
static unsigned char *deflate_zlib(unsigned char *data, int len, int *out_len, int quality)
{
    (void)quality; /* stb's level for its own deflate; libdeflate's 6 is as small and fast */
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
    if (!c)
        return NULL;
    size_t bound = libdeflate_zlib_compress_bound(c, (size_t)len);
    unsigned char *out = malloc(bound);
    size_t n = out ? libdeflate_zlib_compress(c, data, (size_t)len, out, bound) : 0;
    libdeflate_free_compressor(c);
    if (n == 0) {
        free(out);
        return NULL;
    }
    *out_len = (int)n;
    return out;
}

#define STBIW_ZLIB_COMPRESS deflate_zlib
#endif
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
