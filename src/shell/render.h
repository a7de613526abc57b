/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* render: draws a DrawList (src/core/draw.h) with OpenGL 3.3 core: the loss field
 * from the surface's generated GLSL (cached in a texture, re-rendered only when the
 * surface, its parameters, the view or the size change), anti-aliased trajectories,
 * shapes and text (SDL2_ttf glyph atlas). Also offscreen targets and read-back.
 * All GL state lives in the opaque Renderer. */
#ifndef GS_RENDER_H
#define GS_RENDER_H

#include "draw.h"

typedef struct Renderer Renderer;

/* Needs a current GL 3.3 core context (glctx_create). Compiles the programs from the
 * shaders embedded in the binary and opens the embedded fonts. On failure logs why
 * (gs_log) and returns NULL. */
Renderer *render_create(void);
void render_destroy(Renderer *r);

/* Width in pixels of s[0..len) (len < 0: up to NUL) in font 0 regular / 1 bold at
 * `size` pixels. Same metrics as DRAW_TEXT uses. */
float render_text_width(Renderer *r, int font, float size, const char *s, int len);

/* Line height for a size (ascent + descent). */
float render_text_height(Renderer *r, int font, float size);

/* Clears the bound framebuffer (fb_w x fb_h pixels) to clear_rgba and draws the list
 * in order. */
void render_draw(Renderer *r, const DrawList *dl, int fb_w, int fb_h, unsigned clear_rgba);

/* Direct drawing (on = 1) for a single picture: each frame is drawn straight into
 * the framebuffer, keeping nothing for the next (no field texture, no kept map or
 * panel groups), which touches less memory and copies no pixels. Off by default:
 * a window or an animation redraws from what it kept. */
void render_set_direct(Renderer *r, int on);

/* Binds an offscreen RGBA8 framebuffer of w x h (created or resized as needed);
 * render_draw then draws into it. Returns 0, or -1 with a logged message when
 * the size exceeds GL_MAX_RENDERBUFFER_SIZE / GL_MAX_VIEWPORT_DIMS or allocation
 * fails. render_target_end binds the window's framebuffer again. */
int render_target_begin(Renderer *r, int w, int h);
void render_target_end(Renderer *r);

/* Reads the bound framebuffer's w x h RGBA pixels, rows bottom-up as GL returns
 * them, into out (w*h*4 bytes). Returns 0 or -1. */
int render_read_rgba(Renderer *r, int w, int h, unsigned char *out);

/* The same of the w x h pixels at (x, y) from the top left of what render_draw last
 * drew into. Returns 0 or -1. */
int render_read_rgba_at(Renderer *r, int x, int y, int w, int h, unsigned char *out);

/* For tests: evaluates the surface's GLSL function at the centres of a w x h grid of
 * pixels covering the view (row 0 at y1, the top) into a float target, and copies
 * the values to out (w*h floats, top row first). Returns 0 or -1. */
int render_field_values(Renderer *r, const Surface *s, MapView v, int w, int h, float *out);

/* For tests: the 3D surface's heights as its vertex shader computes them: the
 * colour scale's position t at each vertex of the mesh over the view (n x n, row j
 * at y0 + j/(n-1) of the way to y1, column i likewise in x), into out (room for
 * 256 x 256 floats). Returns 0 or -1. */
int render_surface3d_heights(Renderer *r, const Surface *s, MapView v, float *out, int *n);

/* The colour the field uses at scale position t in [0, 1] (the colormap), 0xRRGGBB. */
unsigned render_colormap(float t);

/* The field's contour lines: one at each 1/RENDER_FIELD_LEVELS of its colour scale. */
#define RENDER_FIELD_LEVELS 20

#endif
