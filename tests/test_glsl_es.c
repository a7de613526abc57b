/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The browser build's shaders: every shader embedded in the binary, turned into
 * OpenGL ES 3.00 by the same gl_es_source the WebGL build compiles through (with a
 * surface's generated function spliced in where a shader takes one), passes
 * glslangValidator's ES rules. A fragment shader without the precision lines must
 * fail, so the check cannot pass vacuously. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "gl.h"
#include "surface.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern const unsigned char gs_res_field_vert[], gs_res_field_frag[], gs_res_image_vert[], gs_res_image_frag[],
    gs_res_path_vert[], gs_res_path_frag[], gs_res_path3d_vert[], gs_res_shape_vert[], gs_res_shape_frag[],
    gs_res_surface3d_vert[], gs_res_surface3d_frag[];

static const char *validator;

/* Writes src to a file with the stage's extension and runs the validator on it;
 * shows its log when the result is not the one expected. Returns 0 if valid. */
static int validate(const char *name, const char *stage, const char *src, int expect_ok)
{
    char path[256], cmd[1024];
    snprintf(path, sizeof path, "/tmp/gs-glsl-es-%d-%s.%s", (int)getpid(), name, stage);
    FILE *f = fopen(path, "w");
    if (!f)
        return -2;
    fputs(src, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' '%s' > '%s.log' 2>&1", validator, path, path);
    int rc = system(cmd);
    int ok = WIFEXITED(rc) && WEXITSTATUS(rc) == 0;
    if (ok != expect_ok) {
        fprintf(stderr, "%s.%s: validator %s, expected %s\n", name, stage, ok ? "accepts" : "rejects",
                expect_ok ? "valid" : "invalid");
        snprintf(cmd, sizeof cmd, "cat '%s.log' >&2", path);
        if (system(cmd) != 0)
            return -2;
    }
    remove(path);
    snprintf(cmd, sizeof cmd, "%s.log", path);
    remove(cmd);
    return ok ? 0 : 1;
}

/* The ES source of an embedded shader, the surface's function spliced in at
 * //@SURFACE@ when it has one; validated. */
static int check_shader(const char *name, const char *stage, const unsigned char *res, const Surface *s)
{
    static char spliced[1 << 16], es[1 << 16];
    const char *src = (const char *)res;
    if (s) {
        char fn[32768];
        CHECK(expr_glsl(&s->expr, "gs_f", "u_param", fn, sizeof fn) > 0);
        CHECK(gl_splice(src, "//@SURFACE@", fn, spliced, sizeof spliced) == 0);
        src = spliced;
    }
    CHECK_MSG(gl_es_source(src, es, sizeof es) == 0, "%s.%s", name, stage);
    CHECK(strncmp(es, "#version 300 es\n", 16) == 0);
    return validate(name, stage, es, 1);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    validator = argv[1];
    CHECK(check_shader("field", "vert", gs_res_field_vert, NULL) == 0);
    CHECK(check_shader("image", "vert", gs_res_image_vert, NULL) == 0);
    CHECK(check_shader("image", "frag", gs_res_image_frag, NULL) == 0);
    CHECK(check_shader("path", "vert", gs_res_path_vert, NULL) == 0);
    CHECK(check_shader("path", "frag", gs_res_path_frag, NULL) == 0);
    CHECK(check_shader("path3d", "vert", gs_res_path3d_vert, NULL) == 0);
    CHECK(check_shader("shape", "vert", gs_res_shape_vert, NULL) == 0);
    CHECK(check_shader("shape", "frag", gs_res_shape_frag, NULL) == 0);
    CHECK(check_shader("surface3d", "frag", gs_res_surface3d_frag, NULL) == 0);
    /* the shaders that take a surface: every built-in one and typed formulas */
    for (int i = 0; i < surface_count(); i++) {
        Surface s;
        CHECK(surface_init_builtin(&s, i) == 0);
        CHECK_MSG(check_shader("field", "frag", gs_res_field_frag, &s) == 0, "%s", s.name);
        CHECK_MSG(check_shader("surface3d", "vert", gs_res_surface3d_vert, &s) == 0, "%s", s.name);
    }
    static const char *EXPRS[] = {"sin(x)*cos(y) + exp(-x^2) - log(1+y^2)", "x^-3 + y^0.5 + 2^x + x^y",
                                  "sqrt(abs(x*y)) + tanh(x) - tan(y/4)"};
    for (size_t i = 0; i < sizeof EXPRS / sizeof EXPRS[0]; i++) {
        Surface s;
        ExprError err;
        CHECK(surface_init_expr(&s, EXPRS[i], &err) == 0);
        CHECK_MSG(check_shader("field", "frag", gs_res_field_frag, &s) == 0, "%s", EXPRS[i]);
        CHECK_MSG(check_shader("surface3d", "vert", gs_res_surface3d_vert, &s) == 0, "%s", EXPRS[i]);
    }
    /* the control: ES has no default float precision in fragment shaders, so the
     * version line alone is not enough */
    const char *frag = (const char *)gs_res_path_frag;
    const char *body = strchr(frag, '\n') + 1;
    char *bare = malloc(strlen(body) + 32);
    CHECK(bare != NULL);
    if (bare) {
        sprintf(bare, "#version 300 es\n%s", body);
        CHECK(validate("bare", "frag", bare, 0) != 0);
        free(bare);
    }
    /* and a source not written for 3.3 core is refused, not passed on */
    char out[64];
    CHECK(gl_es_source("#version 450\nvoid main() {}\n", out, sizeof out) != 0);
    CHECK(gl_es_source((const char *)gs_res_path_frag, out, sizeof out) != 0); /* does not fit */
    return check_done("test_glsl_es");
}
