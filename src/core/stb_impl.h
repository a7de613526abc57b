/* stb_impl: the one place that includes stb_image_write (Debian's libstb-dev). */
#ifndef GS_STB_IMPL_H
#define GS_STB_IMPL_H

typedef void GsWriteFn(void *ctx, void *data, int size);

/* Encodes RGBA rows (first row at `rows`, `stride` bytes apart, may be negative) as
 * PNG through `fn`. Returns 1 on success, 0 on failure. */
int gs_png_write(GsWriteFn *fn, void *ctx, int w, int h, const unsigned char *rows, int stride);

#endif
