/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* expr: a surface's formula, compiled once, giving the CPU its value and exact
 * gradient (forward-mode automatic differentiation in double precision) and the
 * GPU an equivalent GLSL function. The same compiled program serves both, so the
 * picture and the numbers cannot drift apart.
 *
 * Grammar (whitespace ignored):
 *   sum     = product { ('+' | '-') product }
 *   product = unary { ('*' | '/') unary }
 *   unary   = ('-' | '+') unary | power
 *   power   = primary [ '^' unary ]            (right-associative: 2^-x, x^2^2)
 *   primary = number | 'x' | 'y' | CONST | PARAM | FUNC '(' sum ')' | '(' sum ')'
 * FUNC and CONST are the names expr_vocab lists (sin ..., pi, e); the operators too.
 * PARAM names are declared by the caller; their values may change without
 * recompiling (expr_bind). An integer constant exponent (x^2) is exact repeated
 * multiplication, on the CPU and in GLSL.
 *
 * Invariants: a compiled Expr is immutable except for its bound parameter values;
 * evaluation never allocates. */
#ifndef GS_EXPR_H
#define GS_EXPR_H

#include <stddef.h>

#define EXPR_MAX_PARAMS 8
#define EXPR_MAX_NODES 256
#define EXPR_MAX_SOURCE 512
#define EXPR_NAME_MAX 16

typedef struct ExprError {
    int column;       /* 1-based column in the source, 0 when not positional */
    char message[128];
} ExprError;

typedef enum ExprOp {
    EXPR_CONST, EXPR_X, EXPR_Y, EXPR_PARAM,
    EXPR_ADD, EXPR_SUB, EXPR_MUL, EXPR_DIV, EXPR_POW, EXPR_POWI, EXPR_NEG,
    EXPR_SIN, EXPR_COS, EXPR_TAN, EXPR_EXP, EXPR_LOG, EXPR_SQRT, EXPR_ABS, EXPR_TANH
} ExprOp;

typedef struct ExprNode {
    ExprOp op;
    int a, b;     /* operand node indices (earlier nodes) */
    int n;        /* POWI exponent, PARAM index */
    double k;     /* CONST value */
} ExprNode;

/* A compiled expression. Plain data: copy it freely. */
typedef struct Expr {
    ExprNode node[EXPR_MAX_NODES];
    int n_nodes;
    int root;
    int n_params;
    char param_name[EXPR_MAX_PARAMS][EXPR_NAME_MAX];
    double param[EXPR_MAX_PARAMS];
    /* Derived by expr_bind: values of nodes that do not depend on x or y, and the
     * list of nodes that do, in evaluation order. */
    double uniform_value[EXPR_MAX_NODES];
    unsigned char varying[EXPR_MAX_NODES];
    int order[EXPR_MAX_NODES];
    int n_order;
    int boundary[EXPR_MAX_NODES]; /* uniform nodes read by varying ones */
    int n_boundary;
    char source[EXPR_MAX_SOURCE];
} Expr;

typedef enum ExprVocab { EXPR_VOCAB_OPERATORS, EXPR_VOCAB_FUNCTIONS, EXPR_VOCAB_CONSTANTS } ExprVocab;

/* The i-th binary operator ("+"), function ("sin") or constant ("pi") of the
 * language, or NULL past the last: what help texts list. */
const char *expr_vocab(ExprVocab kind, int i);

/* Compiles `src`. `param_names` (may be NULL when n_params is 0) declares the names
 * the formula may use besides x, y, pi and e; their values start at 0. Returns 0, or
 * -1 with `err` filled (column and what was expected). */
int expr_compile(const char *src, const char *const *param_names, int n_params,
                 Expr *out, ExprError *err);

/* Sets parameter values (n_params of them) and precomputes what depends only on
 * them. Must be called after expr_compile and whenever a parameter changes. */
void expr_bind(Expr *e, const double *params);

/* Value at (x, y). */
double expr_eval(const Expr *e, double x, double y);

/* Value and exact gradient at (x, y). */
double expr_eval_grad(const Expr *e, double x, double y, double *gx, double *gy);

/* Value and exact gradient at n points at once (n <= EXPR_LANES): the per-operation
 * overhead is shared by the points, so stepping several runs in lockstep is faster
 * than evaluating them one by one. Results are bit-identical to expr_eval_grad. */
#define EXPR_LANES 16
void expr_eval_grad_n(const Expr *e, int n, const double *x, const double *y, double *f,
                      double *gx, double *gy);

/* Writes a GLSL function `float <fn_name>(float x, float y)` computing the same
 * value, with parameters read from `uniform float <param_array>[EXPR_MAX_PARAMS]`
 * (declared by the caller). Returns the length written, or -1 if `cap` is too small. */
int expr_glsl(const Expr *e, const char *fn_name, const char *param_array,
              char *out, size_t cap);

#endif
