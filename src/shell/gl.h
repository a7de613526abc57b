/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* gl: shader programs from the sources embedded in the binary. Failures are logged
 * (gs_log) as one line naming the shader, and return 0 (never a half-built
 * program). Needs a current GL 3.3 core context. */
#ifndef GS_GL_H
#define GS_GL_H

#include <stddef.h>

#include "glapi.h"

/* Compiles and links a program from vertex and fragment source. `name` names it in
 * error messages. Returns the program or 0. */
GLuint gl_program(const char *name, const char *vert_src, const char *frag_src);

/* A fragment source with `insert` placed at the first occurrence of `marker` in
 * `src`, written to out (cap bytes). Returns 0, or -1 if the marker is missing or
 * the result does not fit. */
int gl_splice(const char *src, const char *marker, const char *insert, char *out, size_t cap);

/* The OpenGL ES 3.00 (WebGL 2) source of a shader written for OpenGL 3.3 core:
 * its first line, "#version 330 core", replaced by the ES version line and
 * precision qualifiers. The browser build compiles every shader through this.
 * Returns 0, or -1 if src does not start so or the result does not fit. */
int gl_es_source(const char *src, char *out, size_t cap);

/* Clears GL's error flags, so that the next glGetError speaks of what follows. */
void gl_drain_errors(void);

#endif
