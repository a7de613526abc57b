/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* glapi: the OpenGL API the renderer is written against. The desktop build has
 * OpenGL 3.3 core through libepoxy; the browser build has WebGL 2 (OpenGL ES 3.0)
 * through Emscripten's headers. The renderer keeps to what both share; the few
 * names ES spells differently are mapped here. */
#ifndef GS_GLAPI_H
#define GS_GLAPI_H

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#define glClearDepth glClearDepthf
#define GS_GLES 1
#else
#include <epoxy/gl.h>
#define GS_GLES 0
#endif

#endif
