/* media_png: a picture as PNG, through stb_image_write over libdeflate. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "media.h"
#include "stb_impl.h"

typedef struct PngSink {
    FILE *f;
    int failed; /* errno of the first failed write */
} PngSink;

static void png_write_fn(void *ctx, void *data, int size)
{
    PngSink *sink = ctx;
    errno = 0;
    if (size > 0 && !sink->failed && fwrite(data, 1, (size_t)size, sink->f) != (size_t)size)
        sink->failed = errno ? errno : -1;
}

int media_png_write(const char *path, int width, int height, const unsigned char *rgba, int stride,
                    int bottom_up, char *err, size_t cap)
{
    if (width <= 0 || height <= 0) {
        snprintf(err, cap, "cannot write '%s': empty image", path);
        return -1;
    }
    /* RGB rows top to bottom: a quarter less to compress than RGBA */
    size_t row = (size_t)width * 3;
    unsigned char *rgb = malloc(row * (size_t)height);
    if (!rgb) {
        snprintf(err, cap, "cannot write '%s': not enough memory for a %dx%d image", path, width, height);
        return -1;
    }
    for (int y = 0; y < height; y++) {
        const unsigned char *s = rgba + (size_t)stride * (size_t)(bottom_up ? height - 1 - y : y);
        unsigned char *d = rgb + row * (size_t)y;
        for (int x = 0; x < width; x++, s += 4, d += 3)
            d[0] = s[0], d[1] = s[1], d[2] = s[2];
    }
    char tmp[4200];
    FILE *f = export_begin(path, tmp, sizeof tmp, err, cap);
    int rc = -1;
    if (f) {
        PngSink sink = {f, 0};
        if (!gs_png_write(png_write_fn, &sink, width, height, rgb, (int)row) && !sink.failed)
            sink.failed = ENOMEM; /* the encoder's own allocation failed */
        rc = export_commit(f, tmp, path, sink.failed, err, cap);
    }
    free(rgb);
    return rc;
}
