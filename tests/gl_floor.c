/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* gl_floor W H: the GL stack's own cost, for scripts/bench-export.sh to set beside
 * a screenshot's: the same hidden window and OpenGL 3.3 context (glctx), one
 * trivial program, a W x H RGBA8 target, one full-screen quad drawn and read back
 * in strips, then the process's peak resident memory and its time from main.
 * Nothing of gradscape's renderer, fonts or encoders is made. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "gl.h"
#include "glapi.h"
#include "glctx.h"

static const char *VS = "#version 330 core\n"
                        "void main() {\n"
                        "    vec2 q = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;\n"
                        "    gl_Position = vec4(q, 0.0, 1.0);\n"
                        "}\n";
static const char *FS = "#version 330 core\n"
                        "out vec4 o;\n"
                        "void main() { o = vec4(fract(gl_FragCoord.xy / 97.0), 0.5, 1.0); }\n";

int main(int argc, char **argv)
{
    bench_mark_start();
    bench_phases_on();
    int w = argc > 2 ? atoi(argv[1]) : 0, h = argc > 2 ? atoi(argv[2]) : 0;
    if (w < 1 || h < 1 || w > 16384 || h > 16384) {
        fprintf(stderr, "usage: gl_floor WIDTH HEIGHT\n");
        return 2;
    }
    GlContext gl;
    char err[512];
    if (glctx_create(&gl, "gl_floor", 64, 64, 1, err, (int)sizeof err) != 0) {
        fprintf(stderr, "gl_floor: %s\n", err);
        return 1;
    }
    bench_phase("gl_ms");
    GLuint prog = gl_program("floor", VS, FS), rb, fb, vao;
    if (!prog)
        return 1;
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glViewport(0, 0, w, h);
    glUseProgram(prog);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    bench_phase("draw_ms");
    enum { STRIP = 64 };
    unsigned char *px = malloc((size_t)w * STRIP * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    for (int y = 0; px && y < h; y += STRIP) {
        int n = h - y < STRIP ? h - y : STRIP;
        glReadPixels(0, y, w, n, GL_RGBA, GL_UNSIGNED_BYTE, px);
    }
    bench_phase("read_ms");
    int ok = px && glGetError() == GL_NO_ERROR;
    free(px);
    printf("gl_floor %dx%d ", w, h);
    bench_phases_print(stdout);
    fflush(stdout);
    return ok ? 0 : 1; /* the context is left to the process's end, as a screenshot's */
}
