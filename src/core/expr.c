/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* expr: recursive-descent parser to a DAG of nodes (operands always precede their
 * users, identical subexpressions shared, constants folded), a forward-mode AD
 * evaluator, and a GLSL emitter. See expr.h for the grammar. */
#include "expr.h"

#include "lang.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POWI_MAX 64

typedef struct Parser {
    const char *src;
    int pos;
    Expr *e;
    const char *const *names;
    int n_names;
    ExprError *err;
    int failed;
} Parser;

/* The language's words, one table each: the parser reads them, the GLSL emitter
 * writes them and expr_vocab lists them for help. */

/* Binary operators by precedence level, loosest first; '^' binds right to left. */
enum { LEVEL_SUM, LEVEL_PRODUCT, LEVEL_POWER };
static const struct { const char *symbol; ExprOp op; int level; } OPERATORS[] = {
    {"+", EXPR_ADD, LEVEL_SUM}, {"-", EXPR_SUB, LEVEL_SUM}, {"*", EXPR_MUL, LEVEL_PRODUCT},
    {"/", EXPR_DIV, LEVEL_PRODUCT}, {"^", EXPR_POW, LEVEL_POWER},
};

/* Functions of one argument, named as in GLSL. */
static const struct { const char *name; ExprOp op; } FUNCS[] = {
    {"sin", EXPR_SIN}, {"cos", EXPR_COS}, {"tan", EXPR_TAN}, {"exp", EXPR_EXP},
    {"log", EXPR_LOG}, {"sqrt", EXPR_SQRT}, {"abs", EXPR_ABS}, {"tanh", EXPR_TANH},
};

static const struct { const char *name; double value; } CONSTANTS[] = {
    {"pi", 3.14159265358979323846},
    {"e", 2.71828182845904523536},
};

#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

const char *expr_vocab(ExprVocab kind, int i)
{
    switch (kind) {
    case EXPR_VOCAB_OPERATORS: return i >= 0 && i < COUNT(OPERATORS) ? OPERATORS[i].symbol : NULL;
    case EXPR_VOCAB_FUNCTIONS: return i >= 0 && i < COUNT(FUNCS) ? FUNCS[i].name : NULL;
    case EXPR_VOCAB_CONSTANTS: return i >= 0 && i < COUNT(CONSTANTS) ? CONSTANTS[i].name : NULL;
    }
    return NULL;
}

static int fail(Parser *p, int col, const char *fmt, ...)
{
    if (p->failed)
        return -1;
    p->failed = 1;
    char what[96];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    p->err->column = col;
    if (col > 0)
        /* TRANSLATORS: %s is one of the expression parser's messages, %d the column (from 1) */
        snprintf(p->err->message, sizeof p->err->message, _("%s at column %d"), what, col);
    else
        snprintf(p->err->message, sizeof p->err->message, "%s", what);
    return -1;
}

static int is_unary(ExprOp op) { return op == EXPR_NEG || op == EXPR_POWI || op >= EXPR_SIN; }
static int is_binary(ExprOp op) { return op >= EXPR_ADD && op <= EXPR_POW; }

/* Value of one node from operand values (shared by folding and evaluation). */
static double apply(ExprOp op, double a, double b, int n)
{
    switch (op) {
    case EXPR_ADD: return a + b;
    case EXPR_SUB: return a - b;
    case EXPR_MUL: return a * b;
    case EXPR_DIV: return a / b;
    case EXPR_POW: return pow(a, b);
    case EXPR_POWI: {
        unsigned m = (unsigned)(n < 0 ? -n : n);
        double r = 1.0, base = a;
        int first = 1;
        /* plain repeated squaring; x^2 is exactly x*x */
        while (m) {
            if (m & 1u) {
                r = first ? base : r * base;
                first = 0;
            }
            m >>= 1u;
            if (m)
                base = base * base;
        }
        return n < 0 ? 1.0 / r : r;
    }
    case EXPR_NEG: return -a;
    case EXPR_SIN: return sin(a);
    case EXPR_COS: return cos(a);
    case EXPR_TAN: return tan(a);
    case EXPR_EXP: return exp(a);
    case EXPR_LOG: return log(a);
    case EXPR_SQRT: return sqrt(a);
    case EXPR_ABS: return fabs(a);
    case EXPR_TANH: return tanh(a);
    default: return 0.0;
    }
}

static int add_node(Parser *p, ExprNode nd)
{
    if (p->failed)
        return -1;
    Expr *e = p->e;
    /* fold constants */
    if ((is_unary(nd.op) && e->node[nd.a].op == EXPR_CONST) ||
        (is_binary(nd.op) && e->node[nd.a].op == EXPR_CONST && e->node[nd.b].op == EXPR_CONST)) {
        double b = is_binary(nd.op) ? e->node[nd.b].k : 0.0;
        nd = (ExprNode){.op = EXPR_CONST, .k = apply(nd.op, e->node[nd.a].k, b, nd.n)};
    }
    if (!is_unary(nd.op) && !is_binary(nd.op))
        nd.a = nd.b = 0;
    if (!is_binary(nd.op))
        nd.b = 0;
    /* share identical nodes */
    for (int i = 0; i < e->n_nodes; i++) {
        const ExprNode *o = &e->node[i];
        if (o->op == nd.op && o->a == nd.a && o->b == nd.b && o->n == nd.n &&
            memcmp(&o->k, &nd.k, sizeof nd.k) == 0)
            return i;
    }
    if (e->n_nodes >= EXPR_MAX_NODES)
        return fail(p, 0, _("expression too long (more than %d operations)"), EXPR_MAX_NODES);
    e->node[e->n_nodes] = nd;
    return e->n_nodes++;
}

static void skip_ws(Parser *p)
{
    /* spaces and tabs only: a formula is one line (of a scene file, of code) */
    while (p->src[p->pos] == ' ' || p->src[p->pos] == '\t')
        p->pos++;
}

static int col(const Parser *p) { return p->pos + 1; }

/* The bytes of the (UTF-8) character at s, for a message quoting it whole. */
static int char_len(const char *s)
{
    int n = 1;
    while (n < 4 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

static int parse_binary(Parser *p, int level);
static int parse_unary(Parser *p);

/* The operator of this precedence level at the parser's position, or -1. */
static int operator_at(const Parser *p, int level)
{
    for (int i = 0; i < COUNT(OPERATORS); i++)
        if (OPERATORS[i].level == level && p->src[p->pos] == OPERATORS[i].symbol[0])
            return i;
    return -1;
}

static int parse_primary(Parser *p)
{
    skip_ws(p);
    const char *s = p->src + p->pos;
    int start = p->pos;
    if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
        int n = 0;
        while (isdigit((unsigned char)s[n]))
            n++;
        if (s[n] == '.') {
            n++;
            while (isdigit((unsigned char)s[n]))
                n++;
        }
        if ((s[n] == 'e' || s[n] == 'E') &&
            (isdigit((unsigned char)s[n + 1]) ||
             ((s[n + 1] == '+' || s[n + 1] == '-') && isdigit((unsigned char)s[n + 2])))) {
            n += 2;
            while (isdigit((unsigned char)s[n]))
                n++;
        }
        char buf[64];
        if (n >= (int)sizeof buf)
            return fail(p, col(p), _("number too long"));
        memcpy(buf, s, (size_t)n);
        buf[n] = '\0';
        double v = strtod(buf, NULL);
        if (!isfinite(v))
            return fail(p, col(p), _("number out of range"));
        p->pos += n;
        return add_node(p, (ExprNode){.op = EXPR_CONST, .k = v});
    }
    if (isalpha((unsigned char)*s) || *s == '_') {
        int n = 0;
        while (isalnum((unsigned char)s[n]) || s[n] == '_')
            n++;
        char name[32];
        if (n >= (int)sizeof name)
            return fail(p, col(p), _("name too long"));
        memcpy(name, s, (size_t)n);
        name[n] = '\0';
        p->pos += n;
        for (int i = 0; i < COUNT(FUNCS); i++) {
            if (strcmp(name, FUNCS[i].name) == 0) {
                skip_ws(p);
                if (p->src[p->pos] != '(')
                    /* TRANSLATORS: %s is a function's name (sin, exp ...) */
                    return fail(p, col(p), _("expected '(' after %s"), name);
                p->pos++;
                int a = parse_binary(p, LEVEL_SUM);
                if (a < 0)
                    return -1;
                skip_ws(p);
                if (p->src[p->pos] != ')')
                    return fail(p, col(p), _("expected ')'"));
                p->pos++;
                return add_node(p, (ExprNode){.op = FUNCS[i].op, .a = a});
            }
        }
        if (strcmp(name, "x") == 0)
            return add_node(p, (ExprNode){.op = EXPR_X});
        if (strcmp(name, "y") == 0)
            return add_node(p, (ExprNode){.op = EXPR_Y});
        for (int i = 0; i < p->n_names; i++)
            if (strcmp(name, p->names[i]) == 0)
                return add_node(p, (ExprNode){.op = EXPR_PARAM, .n = i});
        for (int i = 0; i < COUNT(CONSTANTS); i++)
            if (strcmp(name, CONSTANTS[i].name) == 0)
                return add_node(p, (ExprNode){.op = EXPR_CONST, .k = CONSTANTS[i].value});
        return fail(p, start + 1, _("unknown name '%s'"), name);
    }
    if (*s == '(') {
        p->pos++;
        int a = parse_binary(p, LEVEL_SUM);
        if (a < 0)
            return -1;
        skip_ws(p);
        if (p->src[p->pos] != ')')
            return fail(p, col(p), _("expected ')'"));
        p->pos++;
        return a;
    }
    if (*s == '\0')
        return fail(p, col(p), _("expected a number, name or '(' but the expression ended"));
    return fail(p, col(p), _("expected a number, name or '(' but found '%.*s'"), char_len(s), s);
}

static int parse_power(Parser *p)
{
    int a = parse_primary(p);
    if (a < 0)
        return -1;
    skip_ws(p);
    if (operator_at(p, LEVEL_POWER) < 0)
        return a;
    p->pos++;
    int b = parse_unary(p);
    if (b < 0)
        return -1;
    const ExprNode *nb = &p->e->node[b];
    if (nb->op == EXPR_CONST && nb->k == floor(nb->k) && fabs(nb->k) <= POWI_MAX)
        return add_node(p, (ExprNode){.op = EXPR_POWI, .a = a, .n = (int)nb->k});
    return add_node(p, (ExprNode){.op = EXPR_POW, .a = a, .b = b});
}

static int parse_unary(Parser *p)
{
    skip_ws(p);
    char c = p->src[p->pos];
    if (c == '-' || c == '+') {
        p->pos++;
        int a = parse_unary(p);
        if (a < 0 || c == '+')
            return a;
        return add_node(p, (ExprNode){.op = EXPR_NEG, .a = a});
    }
    return parse_power(p);
}

/* What the level's operators combine: products for a sum, unaries for a product. */
static int parse_operand(Parser *p, int level)
{
    return level == LEVEL_SUM ? parse_binary(p, LEVEL_PRODUCT) : parse_unary(p);
}

/* A left-associative chain of the level's operators. */
static int parse_binary(Parser *p, int level)
{
    int a = parse_operand(p, level);
    while (a >= 0) {
        skip_ws(p);
        int o = operator_at(p, level);
        if (o < 0)
            break;
        p->pos++;
        int b = parse_operand(p, level);
        if (b < 0)
            return -1;
        a = add_node(p, (ExprNode){.op = OPERATORS[o].op, .a = a, .b = b});
    }
    return a;
}

int expr_compile(const char *src, const char *const *param_names, int n_params,
                 Expr *out, ExprError *err)
{
    ExprError dummy;
    if (!err)
        err = &dummy;
    memset(err, 0, sizeof *err);
    memset(out, 0, sizeof *out);
    Parser p = {.src = src, .e = out, .names = param_names, .n_names = n_params, .err = err};
    if (n_params > EXPR_MAX_PARAMS)
        return fail(&p, 0, _("too many parameters (at most %d)"), EXPR_MAX_PARAMS);
    if (strlen(src) >= EXPR_MAX_SOURCE)
        return fail(&p, 0, _("expression too long (at most %d characters)"), EXPR_MAX_SOURCE - 1);
    for (int i = 0; i < n_params; i++) {
        snprintf(out->param_name[i], EXPR_NAME_MAX, "%s", param_names[i]);
    }
    out->n_params = n_params;
    int root = parse_binary(&p, LEVEL_SUM);
    if (root >= 0) {
        skip_ws(&p);
        char c = src[p.pos];
        if (c == ')')
            root = fail(&p, col(&p), _("unmatched ')'"));
        else if (c != '\0')
            root = fail(&p, col(&p), _("expected an operator but found '%.*s'"), char_len(src + p.pos), src + p.pos);
    }
    if (root < 0)
        return -1;
    out->root = root;
    snprintf(out->source, sizeof out->source, "%s", src);
    double zero[EXPR_MAX_PARAMS] = {0};
    expr_bind(out, zero);
    return 0;
}

void expr_bind(Expr *e, const double *params)
{
    for (int i = 0; i < e->n_params; i++)
        e->param[i] = params[i];
    e->n_order = 0;
    for (int i = 0; i < e->n_nodes; i++) {
        const ExprNode *nd = &e->node[i];
        unsigned char var;
        double a = 0, b = 0;
        switch (nd->op) {
        case EXPR_CONST: var = 0; e->uniform_value[i] = nd->k; break;
        case EXPR_PARAM: var = 0; e->uniform_value[i] = e->param[nd->n]; break;
        case EXPR_X:
        case EXPR_Y: var = 1; break;
        default:
            var = e->varying[nd->a];
            if (is_binary(nd->op))
                var = (unsigned char)(var | e->varying[nd->b]);
            if (!var) {
                a = e->uniform_value[nd->a];
                b = is_binary(nd->op) ? e->uniform_value[nd->b] : 0.0;
                e->uniform_value[i] = apply(nd->op, a, b, nd->n);
            }
        }
        e->varying[i] = var;
        if (var)
            e->order[e->n_order++] = i;
    }
    /* uniform operands of varying nodes: loaded once per evaluation */
    unsigned char listed[EXPR_MAX_NODES] = {0};
    e->n_boundary = 0;
    for (int k = 0; k < e->n_order; k++) {
        const ExprNode *nd = &e->node[e->order[k]];
        int ops[2] = {nd->a, nd->b};
        int n_ops = is_binary(nd->op) ? 2 : (is_unary(nd->op) ? 1 : 0);
        for (int j = 0; j < n_ops; j++) {
            if (!e->varying[ops[j]] && !listed[ops[j]]) {
                listed[ops[j]] = 1;
                e->boundary[e->n_boundary++] = ops[j];
            }
        }
    }
}

double expr_eval(const Expr *e, double x, double y)
{
    if (!e->varying[e->root])
        return e->uniform_value[e->root];
    double v[EXPR_MAX_NODES];
    for (int k = 0; k < e->n_boundary; k++)
        v[e->boundary[k]] = e->uniform_value[e->boundary[k]];
    for (int k = 0; k < e->n_order; k++) {
        int i = e->order[k];
        const ExprNode *nd = &e->node[i];
        switch (nd->op) {
        case EXPR_X: v[i] = x; break;
        case EXPR_Y: v[i] = y; break;
        default: v[i] = apply(nd->op, v[nd->a], is_binary(nd->op) ? v[nd->b] : 0.0, nd->n);
        }
    }
    return v[e->root];
}

/* One node's value and derivatives from its operands' (the rules of forward-mode
 * AD); shared by the single-point and many-point evaluators. */
typedef struct Expr1 {
    ExprOp op;
    int n;
    double a, ax, ay, b, bx, by;
    int b_varies;
} Expr1;

static void scalar_rule(const Expr1 *o, double *v, double *vx, double *vy)
{
    const double a = o->a, b = o->b;
    double r, s; /* value, and d(value)/d(a) for unary ops */
    switch (o->op) {
    case EXPR_ADD: *v = a + b, *vx = o->ax + o->bx, *vy = o->ay + o->by; return;
    case EXPR_SUB: *v = a - b, *vx = o->ax - o->bx, *vy = o->ay - o->by; return;
    case EXPR_MUL:
        *v = a * b;
        *vx = o->ax * b + a * o->bx;
        *vy = o->ay * b + a * o->by;
        return;
    case EXPR_DIV:
        r = a / b;
        *v = r;
        *vx = (o->ax - r * o->bx) / b;
        *vy = (o->ay - r * o->by) / b;
        return;
    case EXPR_POW:
        r = pow(a, b);
        *v = r;
        s = b * pow(a, b - 1.0);
        *vx = s * o->ax, *vy = s * o->ay;
        if (o->b_varies) {
            double l = r * log(a);
            *vx += l * o->bx, *vy += l * o->by;
        }
        return;
    case EXPR_POWI:
        if (o->n == 2) { /* the common case, exactly a*a */
            r = a * a, s = 2.0 * a;
        } else {
            r = apply(EXPR_POWI, a, 0.0, o->n);
            s = o->n == 0 ? 0.0 : (double)o->n * apply(EXPR_POWI, a, 0.0, o->n - 1);
        }
        break;
    case EXPR_NEG: r = -a, s = -1.0; break;
    case EXPR_SIN: r = sin(a), s = cos(a); break;
    case EXPR_COS: r = cos(a), s = -sin(a); break;
    case EXPR_TAN: r = tan(a), s = 1.0 + r * r; break;
    case EXPR_EXP: r = exp(a), s = r; break;
    case EXPR_LOG: r = log(a), s = 1.0 / a; break;
    case EXPR_SQRT: r = sqrt(a), s = 0.5 / r; break;
    case EXPR_ABS: r = fabs(a), s = a > 0.0 ? 1.0 : (a < 0.0 ? -1.0 : 0.0); break;
    case EXPR_TANH: r = tanh(a), s = 1.0 - r * r; break;
    default: r = 0.0, s = 0.0; break;
    }
    /* a direction along which the operand does not change contributes nothing, even
     * where the operation's own derivative is infinite (sqrt at 0) */
    *v = r, *vx = o->ax == 0.0 ? 0.0 : s * o->ax, *vy = o->ay == 0.0 ? 0.0 : s * o->ay;
}

double expr_eval_grad(const Expr *e, double x, double y, double *gx, double *gy)
{
    double f;
    expr_eval_grad_n(e, 1, &x, &y, &f, gx, gy);
    return f;
}

/* The many-point evaluator for a block of B points, B a compile-time constant so
 * the per-point loops unroll (no library calls for short copies). */
#define EVAL_BLOCK(NAME, B)                                                                         \
    static void NAME(const Expr *e, const double *x, const double *y, double *f, double *gx,         \
                     double *gy)                                                                    \
    {                                                                                               \
        double v[EXPR_MAX_NODES][B], dx[EXPR_MAX_NODES][B], dy[EXPR_MAX_NODES][B];                  \
        for (int k = 0; k < e->n_boundary; k++) {                                                   \
            int i = e->boundary[k];                                                                 \
            for (int l = 0; l < B; l++)                                                             \
                v[i][l] = e->uniform_value[i], dx[i][l] = 0.0, dy[i][l] = 0.0;                      \
        }                                                                                           \
        for (int k = 0; k < e->n_order; k++) {                                                      \
            const int i = e->order[k];                                                              \
            const ExprNode *nd = &e->node[i];                                                       \
            double *vi = v[i], *xi = dx[i], *yi = dy[i];                                            \
            const double *va = v[nd->a], *xa = dx[nd->a], *ya = dy[nd->a];                         \
            const double *vb = v[nd->b], *xb = dx[nd->b], *yb = dy[nd->b];                         \
            switch (nd->op) {                                                                       \
            case EXPR_X:                                                                            \
                for (int l = 0; l < B; l++)                                                         \
                    vi[l] = x[l], xi[l] = 1.0, yi[l] = 0.0;                                         \
                break;                                                                              \
            case EXPR_Y:                                                                            \
                for (int l = 0; l < B; l++)                                                         \
                    vi[l] = y[l], xi[l] = 0.0, yi[l] = 1.0;                                         \
                break;                                                                              \
            case EXPR_ADD:                                                                          \
                for (int l = 0; l < B; l++)                                                         \
                    vi[l] = va[l] + vb[l], xi[l] = xa[l] + xb[l], yi[l] = ya[l] + yb[l];            \
                break;                                                                              \
            case EXPR_SUB:                                                                          \
                for (int l = 0; l < B; l++)                                                         \
                    vi[l] = va[l] - vb[l], xi[l] = xa[l] - xb[l], yi[l] = ya[l] - yb[l];            \
                break;                                                                              \
            case EXPR_MUL:                                                                          \
                for (int l = 0; l < B; l++) {                                                       \
                    const double a = va[l], b = vb[l];                                              \
                    vi[l] = a * b;                                                                  \
                    xi[l] = xa[l] * b + a * xb[l];                                                  \
                    yi[l] = ya[l] * b + a * yb[l];                                                  \
                }                                                                                   \
                break;                                                                              \
            case EXPR_POWI:                                                                         \
                if (nd->n == 2) {                                                                   \
                    for (int l = 0; l < B; l++) {                                                   \
                        const double a = va[l], s = 2.0 * a;                                        \
                        vi[l] = a * a, xi[l] = s * xa[l], yi[l] = s * ya[l];                        \
                    }                                                                               \
                    break;                                                                          \
                }                                                                                   \
                /* fall through */                                                                  \
            default:                                                                                \
                /* everything else, one point at a time through the scalar rules */                 \
                for (int l = 0; l < B; l++) {                                                       \
                    Expr1 one = {nd->op, nd->n, va[l], xa[l], ya[l], vb[l], xb[l], yb[l],           \
                                 e->varying[nd->b]};                                                \
                    scalar_rule(&one, &vi[l], &xi[l], &yi[l]);                                      \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
        for (int l = 0; l < B; l++)                                                                 \
            f[l] = v[e->root][l], gx[l] = dx[e->root][l], gy[l] = dy[e->root][l];                   \
    }

EVAL_BLOCK(eval_block1, 1)
EVAL_BLOCK(eval_block4, 4)

void expr_eval_grad_n(const Expr *e, int n, const double *x, const double *y, double *f,
                      double *gx, double *gy)
{
    if (!e->varying[e->root]) {
        for (int l = 0; l < n; l++)
            f[l] = e->uniform_value[e->root], gx[l] = 0.0, gy[l] = 0.0;
        return;
    }
    int l = 0;
    for (; l + 4 <= n; l += 4)
        eval_block4(e, x + l, y + l, f + l, gx + l, gy + l);
    if (n - l >= 2) {
        /* a short last block: pad with the first of its points, drop the extras */
        double px[4], py[4], pf[4], pgx[4], pgy[4];
        for (int j = 0; j < 4; j++)
            px[j] = x[l + (l + j < n ? j : 0)], py[j] = y[l + (l + j < n ? j : 0)];
        eval_block4(e, px, py, pf, pgx, pgy);
        for (int j = 0; l + j < n; j++)
            f[l + j] = pf[j], gx[l + j] = pgx[j], gy[l + j] = pgy[j];
        l = n;
    }
    for (; l < n; l++)
        eval_block1(e, x + l, y + l, f + l, gx + l, gy + l);
}

/* ---- GLSL ------------------------------------------------------------------ */

typedef struct Out {
    char *buf;
    size_t cap, len;
    int overflow;
} Out;

static void put(Out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->len < o->cap ? o->cap - o->len : 0, fmt, ap);
    va_end(ap);
    if (n < 0 || o->len + (size_t)n >= o->cap)
        o->overflow = 1;
    else
        o->len += (size_t)n;
}

static void put_float(Out *o, double k)
{
    if (!isfinite(k) || fabs(k) > 3.0e38)
        put(o, "%s3.0e38", k < 0 ? "-" : "");
    else
        put(o, "%.9e", k);
}

int expr_glsl(const Expr *e, const char *fn_name, const char *param_array, char *out, size_t cap)
{
    Out o = {.buf = out, .cap = cap};
    if (cap)
        out[0] = '\0';
    put(&o, "float %s(float x, float y) {\n", fn_name);
    for (int i = 0; i < e->n_nodes; i++) {
        const ExprNode *nd = &e->node[i];
        put(&o, "    float t%d = ", i);
        switch (nd->op) {
        case EXPR_CONST: put_float(&o, nd->k); break;
        case EXPR_X: put(&o, "x"); break;
        case EXPR_Y: put(&o, "y"); break;
        case EXPR_PARAM: put(&o, "%s[%d]", param_array, nd->n); break;
        case EXPR_POW: put(&o, "pow(t%d, t%d)", nd->a, nd->b); break;
        case EXPR_NEG: put(&o, "-t%d", nd->a); break;
        case EXPR_POWI: {
            int m = nd->n < 0 ? -nd->n : nd->n;
            if (nd->n < 0)
                put(&o, "1.0 / (");
            if (m == 0)
                put(&o, "1.0");
            for (int j = 0; j < m; j++)
                put(&o, j ? " * t%d" : "t%d", nd->a);
            if (nd->n < 0)
                put(&o, ")");
            break;
        }
        default:
            for (int k = 0; k < COUNT(OPERATORS); k++)
                if (OPERATORS[k].op == nd->op)
                    put(&o, "t%d %s t%d", nd->a, OPERATORS[k].symbol, nd->b);
            for (int k = 0; k < COUNT(FUNCS); k++)
                if (FUNCS[k].op == nd->op)
                    put(&o, "%s(t%d)", FUNCS[k].name, nd->a);
        }
        put(&o, ";\n");
    }
    put(&o, "    return t%d;\n}\n", e->root);
    return o.overflow ? -1 : (int)o.len;
}
