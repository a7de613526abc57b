/* stb_impl: the one place that includes stb_image_write (Debian's libstb-dev), its
 * PNG container with libdeflate as its deflate. */
#ifndef GS_STB_IMPL_H
#define GS_STB_IMPL_H

typedef void GsWriteFn(void *ctx, void *data, int size);

/* Encodes RGB rows (first row at `rows`, `stride` bytes apart, may be negative) as
 * an unfiltered PNG deflated by libdeflate through `fn`. Returns 1 on
 * success, 0 on failure (out of memory). */
int gs_png_write(GsWriteFn *fn, void *ctx, int w, int h, const unsigned char *rows, int stride);

#endif
