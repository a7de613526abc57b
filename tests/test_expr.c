/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* Expression parser, evaluator and gradient: accept/reject tables with error
 * columns, values against C's own arithmetic, gradients against central
 * differences. */
#include "check.h"
#include "expr.h"

#include <stdlib.h>

static double val(const char *src, double x, double y)
{
    Expr e;
    ExprError err;
    if (expr_compile(src, NULL, 0, &e, &err) != 0) {
        fprintf(stderr, "unexpected error for '%s': %s\n", src, err.message);
        check_failures++;
        return NAN;
    }
    return expr_eval(&e, x, y);
}

static void test_values(void)
{
    const double x = 0.7, y = -1.3;
    CHECK_REL(val("1", x, y), 1.0, 0);
    CHECK_REL(val("2.5", x, y), 2.5, 0);
    CHECK_REL(val("1e-3", x, y), 1e-3, 0);
    CHECK_REL(val(".5", x, y), 0.5, 0);
    CHECK_REL(val("x", x, y), x, 0);
    CHECK_REL(val("y", x, y), y, 0);
    CHECK_REL(val("x + y * 2", x, y), x + y * 2, 0);
    CHECK_REL(val("(x + y) * 2", x, y), (x + y) * 2, 0);
    CHECK_REL(val("x - y - 1", x, y), (x - y) - 1, 0);
    CHECK_REL(val("x / y / 2", x, y), (x / y) / 2, 0);
    CHECK_REL(val("-x^2", x, y), -(x * x), 0);
    CHECK_REL(val("2^3^2", x, y), 512.0, 0);
    CHECK_REL(val("2^-1", x, y), 0.5, 0);
    CHECK_REL(val("x^3", x, y), x * x * x, 1e-15);
    CHECK_REL(val("y^-2", x, y), 1.0 / (y * y), 1e-15);
    CHECK_REL(val("x^0.5", x, y), sqrt(x), 1e-15);
    CHECK_REL(val("--x", x, y), x, 0);
    CHECK_REL(val("+x", x, y), x, 0);
    CHECK_REL(val("pi", x, y), 3.14159265358979323846, 0);
    CHECK_REL(val("e", x, y), 2.71828182845904523536, 0);
    CHECK_REL(val("sin(x)+cos(y)", x, y), sin(x) + cos(y), 0);
    CHECK_REL(val("tan(x)*exp(y)", x, y), tan(x) * exp(y), 1e-15);
    CHECK_REL(val("log(x)+sqrt(x)", x, y), log(x) + sqrt(x), 0);
    CHECK_REL(val("abs(y)+tanh(y)", x, y), fabs(y) + tanh(y), 0);
    CHECK_REL(val("  ( 1 - x ) ^ 2 + 100 * ( y - x ^ 2 ) ^ 2 ", x, y),
              (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x), 1e-15);
    /* x^2 is exact multiplication, bit for bit */
    double xs = 1.0000000000000002;
    CHECK(val("x^2", xs, 0) == xs * xs);

    /* named parameters, rebinding without recompiling */
    const char *names[] = {"a", "b"};
    Expr e;
    ExprError err;
    CHECK(expr_compile("(a - x)^2 + b*(y - x^2)^2", names, 2, &e, &err) == 0);
    double p[] = {1.0, 100.0};
    expr_bind(&e, p);
    CHECK_REL(expr_eval(&e, 0.5, 0.5), 0.25 + 100 * 0.0625, 1e-15);
    double q[] = {2.0, 1.0};
    expr_bind(&e, q);
    CHECK_REL(expr_eval(&e, 0.5, 0.5), 2.25 + 0.0625, 1e-15);
    /* a parameter name shadows nothing built in: x, y stay variables */
    CHECK(expr_compile("x + a", names, 2, &e, &err) == 0);
}

static void test_errors(void)
{
    static const struct {
        const char *src;
        int column;
        const char *message;
    } BAD[] = {
        {"", 1, "expected a number, name or '(' but the expression ended at column 1"},
        {"(1-x", 5, "expected ')' at column 5"},
        {"(1-x)^2+100*(y-x^2", 19, "expected ')' at column 19"},
        {"x +", 4, "expected a number, name or '(' but the expression ended at column 4"},
        {"x ++ ", 6, "expected a number, name or '(' but the expression ended at column 6"},
        {"2x", 2, "expected an operator but found 'x' at column 2"},
        {"x y", 3, "expected an operator but found 'y' at column 3"},
        {"foo + 1", 1, "unknown name 'foo' at column 1"},
        {"x + z", 5, "unknown name 'z' at column 5"},
        {"sin x", 5, "expected '(' after sin at column 5"},
        {"sin(x", 6, "expected ')' at column 6"},
        {"x)", 2, "unmatched ')' at column 2"},
        {"x # y", 3, "expected an operator but found '#' at column 3"},
        {"*x", 1, "expected a number, name or '(' but found '*' at column 1"},
        {"x^", 3, "expected a number, name or '(' but the expression ended at column 3"},
        {"()", 2, "expected a number, name or '(' but found ')' at column 2"},
        {"1e999", 1, "number out of range at column 1"},
        {"1.2.3", 4, "expected an operator but found '.' at column 4"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        Expr e;
        ExprError err;
        int rc = expr_compile(BAD[i].src, NULL, 0, &e, &err);
        CHECK_MSG(rc == -1, "'%s' accepted", BAD[i].src);
        CHECK_MSG(err.column == BAD[i].column, "'%s': column %d, expected %d", BAD[i].src,
                  err.column, BAD[i].column);
        CHECK_STR(err.message, BAD[i].message);
    }
    /* too long */
    char big[2000];
    size_t n = 0;
    while (n + 3 < sizeof big - 1) {
        memcpy(big + n, "x+", 2);
        n += 2;
    }
    big[n++] = 'x';
    big[n] = '\0';
    Expr e;
    ExprError err;
    CHECK(expr_compile(big, NULL, 0, &e, &err) == -1);
    CHECK(strstr(err.message, "too long") != NULL);
    /* deep nesting fills the node table, or the source limit, but never crashes */
    char deep[EXPR_MAX_SOURCE];
    memset(deep, '(', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    CHECK(expr_compile(deep, NULL, 0, &e, &err) == -1);
}

/* Central differences with a step scaled to the point. */
static void fd_grad(const Expr *e, double x, double y, double *gx, double *gy)
{
    double hx = 1e-6 * (fabs(x) > 1 ? fabs(x) : 1), hy = 1e-6 * (fabs(y) > 1 ? fabs(y) : 1);
    *gx = (expr_eval(e, x + hx, y) - expr_eval(e, x - hx, y)) / (2 * hx);
    *gy = (expr_eval(e, x, y + hy) - expr_eval(e, x, y - hy)) / (2 * hy);
}

static void test_gradients(void)
{
    static const char *FORMULAS[] = {
        "x^2 + 3*y^2", "x*y", "x/y", "sin(x)*cos(y)", "exp(x*y/4)", "log(x^2+y^2+1)",
        "sqrt(x^2+y^2+0.5)", "tanh(x-y)", "tan(x/3)", "abs(x-0.123)+y^3", "x^y^0.5+2",
        "(1-x)^2 + 100*(y-x^2)^2", "x^-2 + y^5", "2^x * 3^y", "(x^2+y-11)^2 + (x+y^2-7)^2",
        "-(x^2) - -y", "x^2.5 + y^2"};
    srand(12345);
    for (size_t f = 0; f < sizeof FORMULAS / sizeof FORMULAS[0]; f++) {
        Expr e;
        ExprError err;
        CHECK_MSG(expr_compile(FORMULAS[f], NULL, 0, &e, &err) == 0, "%s: %s", FORMULAS[f], err.message);
        for (int i = 0; i < 200; i++) {
            double x = 0.2 + 2.5 * rand() / (double)RAND_MAX; /* positive: x^y, log, x^2.5 */
            double y = -2.0 + 4.0 * rand() / (double)RAND_MAX;
            if (strstr(FORMULAS[f], "y^0.5") || strstr(FORMULAS[f], "x/y"))
                y = 0.3 + 2.0 * rand() / (double)RAND_MAX;
            double gx, gy, fx, fy;
            double v = expr_eval_grad(&e, x, y, &gx, &gy);
            CHECK_REL(v, expr_eval(&e, x, y), 1e-15);
            fd_grad(&e, x, y, &fx, &fy);
            double scale = 1 + fabs(fx) + fabs(fy);
            CHECK_MSG(fabs(gx - fx) <= 1e-6 * scale && fabs(gy - fy) <= 1e-6 * scale,
                      "%s at (%g, %g): AD (%g, %g), FD (%g, %g)", FORMULAS[f], x, y, gx, gy, fx, fy);
        }
    }
    /* hand-worked: d/dx (1-x)^2+100(y-x^2)^2 = -2(1-x) - 400x(y-x^2) */
    Expr e;
    CHECK(expr_compile("(1-x)^2 + 100*(y-x^2)^2", NULL, 0, &e, NULL) == 0);
    double gx, gy;
    double v = expr_eval_grad(&e, -1.5, 2.0, &gx, &gy);
    CHECK_REL(v, 6.25 + 100 * 0.0625, 1e-15);
    CHECK_REL(gx, -2 * 2.5 - 400 * -1.5 * (2.0 - 2.25), 1e-15);
    CHECK_REL(gy, 200 * (2.0 - 2.25), 1e-15);
    /* constant expression has zero gradient */
    CHECK(expr_compile("2*pi", NULL, 0, &e, NULL) == 0);
    v = expr_eval_grad(&e, 1, 1, &gx, &gy);
    CHECK(gx == 0 && gy == 0);
    CHECK_REL(v, 2 * 3.14159265358979323846, 1e-15);
}

static void test_glsl_text(void)
{
    Expr e;
    CHECK(expr_compile("x^2 + y", NULL, 0, &e, NULL) == 0);
    char buf[4096];
    int n = expr_glsl(&e, "f", "u_param", buf, sizeof buf);
    CHECK(n > 0);
    CHECK(strstr(buf, "float f(float x, float y)") != NULL);
    CHECK(strstr(buf, "pow") == NULL); /* integer power is multiplication */
    char tiny[8];
    CHECK(expr_glsl(&e, "f", "u_param", tiny, sizeof tiny) == -1);
}

int main(void)
{
    test_values();
    test_errors();
    test_gradients();
    test_glsl_text();
    return check_done("test_expr");
}
