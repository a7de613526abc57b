/* stb_impl: compiles stb_image_write's PNG encoder (not our code: built without
 * our warning flags). */
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb_image_write.h>

#include "stb_impl.h"

int gs_png_write(GsWriteFn *fn, void *ctx, int w, int h, const unsigned char *rows, int stride)
{
    /* stride may be negative (bottom-up rows): stbiw handles it via its own flip
     * flag only globally, so pass the pointer and stride as given. */
    return stbi_write_png_to_func(fn, ctx, w, h, 4, rows, stride);
}
