/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* gl: shader compile and link with one-line error reports. */
#include "gl.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"

#define DESKTOP_VERSION "#version 330 core\n"
#define ES_PREFIX "#version 300 es\nprecision highp float;\nprecision highp int;\nprecision highp sampler2D;\n"

int gl_es_source(const char *src, char *out, size_t cap)
{
    size_t vl = strlen(DESKTOP_VERSION), pl = strlen(ES_PREFIX);
    if (strncmp(src, DESKTOP_VERSION, vl) != 0)
        return -1;
    size_t rest = strlen(src + vl);
    if (pl + rest + 1 > cap)
        return -1;
    memcpy(out, ES_PREFIX, pl);
    memcpy(out + pl, src + vl, rest + 1);
    return 0;
}

/* The first line of a GL info log, trimmed. */
static void log_first_line(const char *what, const char *name, const char *log)
{
    int n = 0;
    while (log[n] && log[n] != '\n' && n < 300)
        n++;
    gs_log("%s %s: %.*s", what, name, n, log[0] ? log : "unknown error");
}

static GLuint compile(const char *name, GLenum type, const char *src)
{
    GLuint sh = glCreateShader(type);
    if (!sh) {
        gs_log("cannot create shader %s", name);
        return 0;
    }
#if GS_GLES
    size_t cap = strlen(src) + 128;
    char *es = malloc(cap);
    if (!es || gl_es_source(src, es, cap) != 0) {
        gs_log("shader %s: cannot make its OpenGL ES source", name);
        free(es);
        glDeleteShader(sh);
        return 0;
    }
    const char *text = es;
    glShaderSource(sh, 1, &text, NULL);
    free(es);
#else
    glShaderSource(sh, 1, &src, NULL);
#endif
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = "";
        glGetShaderInfoLog(sh, (GLsizei)sizeof log, NULL, log);
        log_first_line(type == GL_VERTEX_SHADER ? "vertex shader" : "fragment shader", name, log);
        glDeleteShader(sh);
        return 0;
    }
    return sh;
}

GLuint gl_program(const char *name, const char *vert_src, const char *frag_src)
{
    GLuint vs = compile(name, GL_VERTEX_SHADER, vert_src);
    if (!vs)
        return 0;
    GLuint fs = compile(name, GL_FRAGMENT_SHADER, frag_src);
    if (!fs) {
        glDeleteShader(vs);
        return 0;
    }
    GLuint prog = glCreateProgram();
    glAttachShader(prog, vs);
    glAttachShader(prog, fs);
    glLinkProgram(prog);
    glDetachShader(prog, vs);
    glDetachShader(prog, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(prog, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = "";
        glGetProgramInfoLog(prog, (GLsizei)sizeof log, NULL, log);
        log_first_line("cannot link program", name, log);
        glDeleteProgram(prog);
        return 0;
    }
    return prog;
}

int gl_splice(const char *src, const char *marker, const char *insert, char *out, size_t cap)
{
    const char *m = strstr(src, marker);
    if (!m)
        return -1;
    size_t head = (size_t)(m - src), ins = strlen(insert), tail = strlen(m + strlen(marker));
    if (head + ins + tail + 1 > cap)
        return -1;
    memcpy(out, src, head);
    memcpy(out + head, insert, ins);
    memcpy(out + head + ins, m + strlen(marker), tail + 1);
    return 0;
}

void gl_drain_errors(void)
{
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; i++)
        ;
}
