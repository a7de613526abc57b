/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The GLSL generated from each surface, inside the real field shader, compiles
 * (glslangValidator from Debian's glslang-tools). A broken shader must fail, so
 * the check cannot pass vacuously. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "surface.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *validator;
static char shader[16384];

/* Runs the validator on field.frag with fn_source spliced in; shows its log when
 * the result is not the one expected. Returns its exit status. */
static int validate(const char *name, const char *fn_source, int expect_ok)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/gs-glsl-%d-%s.frag", (int)getpid(), name);
    const char *mark = strstr(shader, "//@SURFACE@");
    if (!mark)
        return -2;
    FILE *f = fopen(path, "w");
    if (!f)
        return -2;
    fwrite(shader, 1, (size_t)(mark - shader), f);
    fputs(fn_source, f);
    fputs(mark + strlen("//@SURFACE@"), f);
    fclose(f);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' -S frag '%s' > /tmp/gs-glsl-%d.log 2>&1", validator, path, (int)getpid());
    int rc = system(cmd);
    if ((rc == 0) != expect_ok) {
        snprintf(cmd, sizeof cmd, "cat /tmp/gs-glsl-%d.log >&2", (int)getpid());
        if (system(cmd) != 0)
            return -2;
    }
    remove(path);
    snprintf(cmd, sizeof cmd, "/tmp/gs-glsl-%d.log", (int)getpid());
    remove(cmd);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static int validate_surface(const Surface *s)
{
    char fn[32768];
    CHECK(expr_glsl(&s->expr, "gs_f", "u_param", fn, sizeof fn) > 0);
    return validate(s->name, fn, 1);
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    validator = argv[1];
    char path[512];
    snprintf(path, sizeof path, "%s/field.frag", argv[2]);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f)
        return check_done("test_glsl");
    size_t n = fread(shader, 1, sizeof shader - 1, f);
    shader[n] = '\0';
    fclose(f);

    for (int i = 0; i < surface_count(); i++) {
        Surface s;
        CHECK(surface_init_builtin(&s, i) == 0);
        CHECK_MSG(validate_surface(&s) == 0, "%s", s.name);
    }
    static const char *EXPRS[] = {
        "x^2 + 3*y^2", "sin(x)*cos(y) + exp(-x^2) - log(1+y^2)", "sqrt(abs(x*y)) + tanh(x) - tan(y/4)",
        "x^-3 + y^0.5 + 2^x + x^y", "-(-x) - +y", "pi*e", "((((x))))", "x^64 + y^0",
    };
    for (size_t i = 0; i < sizeof EXPRS / sizeof EXPRS[0]; i++) {
        Surface s;
        ExprError err;
        CHECK(surface_init_expr(&s, EXPRS[i], &err) == 0);
        snprintf(s.name, sizeof s.name, "expr%d", (int)i);
        CHECK_MSG(validate_surface(&s) == 0, "%s", EXPRS[i]);
    }
    /* the control: a function that does not type-check must be rejected */
    CHECK(validate("broken", "float gs_f(float x, float y) { return vec2(x, y); }\n", 0) != 0);
    return check_done("test_glsl");
}
