/* optim: the optimizer table and step functions. Each step mirrors torch.optim's
 * single-tensor implementation (torch 1.13 and later), keeping its operation order:
 *   add_(t, alpha=a)        -> self + a*t
 *   addcmul_(t1, t2, value) -> self + value*t1*t2   (left to right)
 *   addcdiv_(t1, t2, value) -> self + value*t1/t2   (left to right) */
#include "optim.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define INF HUGE_VAL

static const HyperInfo HYPERS[HP_COUNT] = {
    [HP_LR] = {"lr", "learning rate", "lr", 0, INF, 1, 0, 1e-5, 10, 1},
    [HP_MOMENTUM] = {"momentum", "momentum", "\xce\xbc", 0, 1, 0, 1, 0, 0.999, 0},
    [HP_ALPHA] = {"alpha", "smoothing constant", "\xce\xb1", 0, 1, 0, 1, 0, 0.9999, 0},
    [HP_BETA1] = {"beta1", "first-moment decay", "\xce\xb2\xe2\x82\x81", 0, 1, 0, 1, 0, 0.999, 0},
    [HP_BETA2] = {"beta2", "second-moment decay", "\xce\xb2\xe2\x82\x82", 0, 1, 0, 1, 0, 0.9999, 0},
    [HP_EPS] = {"eps", "epsilon", "\xce\xb5", 0, INF, 1, 0, 1e-12, 1, 1},
    [HP_WEIGHT_DECAY] = {"weight_decay", "weight decay", "wd", 0, INF, 0, 0, 0, 1, 0},
    [HP_RHO] = {"rho", "squared-gradient decay", "\xcf\x81", 0, 1, 0, 1, 0, 0.999, 0},
    [HP_LR_DECAY] = {"lr_decay", "learning-rate decay", "decay", 0, INF, 0, 0, 0, 1, 0},
    [HP_INITIAL_ACCUMULATOR_VALUE] = {"initial_accumulator_value", "initial accumulator", "acc0", 0, INF, 0, 0, 0, 1, 0},
    [HP_MOMENTUM_DECAY] = {"momentum_decay", "momentum decay", "\xcf\x88", 0, INF, 0, 0, 0, 0.1, 0},
    [HP_BIAS_CORRECTION] = {"bias_correction", "bias correction", "bias corr.", 0, 1, 0, 0, 0, 1, 0, 1},
};

static double with_decay(const double *hp, double p, double g)
{
    return hp[HP_WEIGHT_DECAY] != 0.0 ? g + hp[HP_WEIGHT_DECAY] * p : g;
}

static void step_sgd(const double *hp, double lr, long t, double p[2], const double g[2],
                     double st[2][OPTIM_STATE_MAX])
{
    (void)t, (void)st;
    for (int c = 0; c < 2; c++)
        p[c] = p[c] + (-lr) * with_decay(hp, p[c], g[c]);
}

/* st[c][0]: momentum buffer */
static void step_momentum(const double *hp, double lr, long t, double p[2], const double g[2],
                          double st[2][OPTIM_STATE_MAX])
{
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c]);
        st[c][0] = t == 1 ? d : st[c][0] * hp[HP_MOMENTUM] + d;
        p[c] = p[c] + (-lr) * st[c][0];
    }
}

/* st[c][0]: square average */
static void step_rmsprop(const double *hp, double lr, long t, double p[2], const double g[2],
                         double st[2][OPTIM_STATE_MAX])
{
    (void)t;
    const double a = hp[HP_ALPHA];
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c]);
        st[c][0] = st[c][0] * a + (1.0 - a) * d * d;
        double avg = sqrt(st[c][0]) + hp[HP_EPS];
        p[c] = p[c] + (-lr) * d / avg;
    }
}

/* Adam's moments, shared by the Adam family: st[0] exp_avg, st[1] exp_avg_sq */
static void adam_moments(const double *hp, double d, double *st)
{
    const double b1 = hp[HP_BETA1], b2 = hp[HP_BETA2];
    st[0] = st[0] * b1 + (1.0 - b1) * d;
    st[1] = st[1] * b2 + (1.0 - b2) * d * d;
}

/* The Adam family's bias corrections at step t: the step size lr / (1 - beta1^t)
 * and sqrt(1 - beta2^t), as torch computes them (both 1 when not corrected). */
static void adam_scales(const double *hp, double lr, long t, int corrected, double *step_size, double *bc2_sqrt)
{
    const double bc1 = corrected ? 1.0 - pow(hp[HP_BETA1], (double)t) : 1.0;
    const double bc2 = corrected ? 1.0 - pow(hp[HP_BETA2], (double)t) : 1.0;
    *step_size = lr / bc1;
    *bc2_sqrt = sqrt(bc2);
}

/* st[c][0]: exp_avg, st[c][1]: exp_avg_sq */
static void step_adam(const double *hp, double lr, long t, double p[2], const double g[2],
                      double st[2][OPTIM_STATE_MAX])
{
    /* bias_correction=0 shows why it exists: the early steps start from m, v ~ 0 */
    double step_size, bc2_sqrt;
    adam_scales(hp, lr, t, hp[HP_BIAS_CORRECTION] != 0.0, &step_size, &bc2_sqrt);
    for (int c = 0; c < 2; c++) {
        adam_moments(hp, with_decay(hp, p[c], g[c]), st[c]);
        double denom = sqrt(st[c][1]) / bc2_sqrt + hp[HP_EPS];
        p[c] = p[c] + (-step_size) * st[c][0] / denom;
    }
}

/* st[c][0]: momentum buffer; the gradient looks ahead along it */
static void step_nesterov(const double *hp, double lr, long t, double p[2], const double g[2],
                          double st[2][OPTIM_STATE_MAX])
{
    const double mu = hp[HP_MOMENTUM];
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c]);
        st[c][0] = t == 1 ? d : st[c][0] * mu + d;
        d = d + mu * st[c][0];
        p[c] = p[c] + (-lr) * d;
    }
}

/* st[c][2]: the running maximum of exp_avg_sq */
static void step_amsgrad(const double *hp, double lr, long t, double p[2], const double g[2],
                         double st[2][OPTIM_STATE_MAX])
{
    double step_size, bc2_sqrt;
    adam_scales(hp, lr, t, 1, &step_size, &bc2_sqrt);
    for (int c = 0; c < 2; c++) {
        adam_moments(hp, with_decay(hp, p[c], g[c]), st[c]);
        st[c][2] = st[c][2] > st[c][1] ? st[c][2] : st[c][1];
        double denom = sqrt(st[c][2]) / bc2_sqrt + hp[HP_EPS];
        p[c] = p[c] + (-step_size) * st[c][0] / denom;
    }
}

/* decoupled weight decay: the parameter shrinks before the Adam step */
static void step_adamw(const double *hp, double lr, long t, double p[2], const double g[2],
                       double st[2][OPTIM_STATE_MAX])
{
    double step_size, bc2_sqrt;
    adam_scales(hp, lr, t, 1, &step_size, &bc2_sqrt);
    for (int c = 0; c < 2; c++) {
        p[c] = p[c] * (1.0 - lr * hp[HP_WEIGHT_DECAY]);
        adam_moments(hp, g[c], st[c]);
        double denom = sqrt(st[c][1]) / bc2_sqrt + hp[HP_EPS];
        p[c] = p[c] + (-step_size) * st[c][0] / denom;
    }
}

/* st[c][2]: mu_product (the same in both coordinates), 1 before the first step */
static void step_nadam(const double *hp, double lr, long t, double p[2], const double g[2],
                       double st[2][OPTIM_STATE_MAX])
{
    const double b1 = hp[HP_BETA1], md = hp[HP_MOMENTUM_DECAY];
    const double step = (double)t;
    const double bc2 = 1.0 - pow(hp[HP_BETA2], step);
    const double mu = b1 * (1.0 - 0.5 * pow(0.96, step * md));
    const double mu_next = b1 * (1.0 - 0.5 * pow(0.96, (step + 1.0) * md));
    for (int c = 0; c < 2; c++) {
        double mu_product = (t == 1 ? 1.0 : st[c][2]) * mu;
        st[c][2] = mu_product;
        /* torch 1.13 multiplies mu in twice here */
        double mu_product_next = mu_product * mu * mu_next;
        double d = with_decay(hp, p[c], g[c]);
        adam_moments(hp, d, st[c]);
        double denom = sqrt(st[c][1] / bc2) + hp[HP_EPS];
        p[c] = p[c] + (-lr * (1.0 - mu) / (1.0 - mu_product)) * d / denom;
        p[c] = p[c] + (-lr * mu_next / (1.0 - mu_product_next)) * st[c][0] / denom;
    }
}

static void step_radam(const double *hp, double lr, long t, double p[2], const double g[2],
                       double st[2][OPTIM_STATE_MAX])
{
    const double b2 = hp[HP_BETA2], step = (double)t;
    const double bc1 = 1.0 - pow(hp[HP_BETA1], step);
    const double bc2 = 1.0 - pow(b2, step);
    const double rho_inf = 2.0 / (1.0 - b2) - 1.0;
    const double rho_t = rho_inf - 2.0 * step * pow(b2, step) / bc2;
    for (int c = 0; c < 2; c++) {
        adam_moments(hp, with_decay(hp, p[c], g[c]), st[c]);
        double m_hat = st[c][0] / bc1;
        double u;
        if (rho_t > 5.0) {
            double rect = sqrt((rho_t - 4.0) * (rho_t - 2.0) * rho_inf / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t));
            double adaptive_lr = (1.0 / (sqrt(st[c][1]) + hp[HP_EPS])) * sqrt(bc2);
            u = m_hat * lr * adaptive_lr * rect;
        } else {
            u = m_hat * lr;
        }
        p[c] = p[c] + (-1.0) * u;
    }
}

/* st[c][0]: sum of squared gradients, from initial_accumulator_value */
static void step_adagrad(const double *hp, double lr, long t, double p[2], const double g[2],
                         double st[2][OPTIM_STATE_MAX])
{
    const double clr = lr / (1.0 + (double)(t - 1) * hp[HP_LR_DECAY]);
    for (int c = 0; c < 2; c++) {
        if (t == 1)
            st[c][0] = hp[HP_INITIAL_ACCUMULATOR_VALUE];
        double d = with_decay(hp, p[c], g[c]);
        st[c][0] = st[c][0] + 1.0 * d * d;
        double std = sqrt(st[c][0]) + hp[HP_EPS];
        p[c] = p[c] + (-clr) * d / std;
    }
}

/* st[c][0]: square_avg, st[c][1]: acc_delta */
static void step_adadelta(const double *hp, double lr, long t, double p[2], const double g[2],
                          double st[2][OPTIM_STATE_MAX])
{
    (void)t;
    const double rho = hp[HP_RHO], eps = hp[HP_EPS];
    for (int c = 0; c < 2; c++) {
        double d = with_decay(hp, p[c], g[c]);
        st[c][0] = st[c][0] * rho + (1.0 - rho) * d * d;
        double std = sqrt(st[c][0] + eps);
        double delta = sqrt(st[c][1] + eps) / std * d;
        st[c][1] = st[c][1] * rho + (1.0 - rho) * delta * delta;
        p[c] = p[c] + (-lr) * delta;
    }
}

static double sign(double v) { return v > 0.0 ? 1.0 : (v < 0.0 ? -1.0 : 0.0); }

/* Lion (Chen et al. 2023): st[c][0] momentum m.
 *   c = b1 m + (1 - b1) g;  p <- p - lr (sign(c) + wd p);  m <- b2 m + (1 - b2) g */
static void step_lion(const double *hp, double lr, long t, double p[2], const double g[2],
                      double st[2][OPTIM_STATE_MAX])
{
    (void)t;
    const double b1 = hp[HP_BETA1], b2 = hp[HP_BETA2], wd = hp[HP_WEIGHT_DECAY];
    for (int c = 0; c < 2; c++) {
        double u = b1 * st[c][0] + (1.0 - b1) * g[c];
        p[c] = p[c] - lr * (sign(u) + wd * p[c]);
        st[c][0] = b2 * st[c][0] + (1.0 - b2) * g[c];
    }
}

#define K(k) HP_BIT(HP_##k)
static const OptimInfo OPTIMS[OPTIM_COUNT] = {
    [OPTIM_SGD] = {"sgd", "SGD", "torch.optim.SGD(lr)",
                   K(LR) | K(WEIGHT_DECAY), {[HP_LR] = 1e-2}, step_sgd},
    [OPTIM_MOMENTUM] = {"momentum", "Momentum", "torch.optim.SGD(lr, momentum)",
                        K(LR) | K(MOMENTUM) | K(WEIGHT_DECAY),
                        {[HP_LR] = 1e-2, [HP_MOMENTUM] = 0.9}, step_momentum},
    [OPTIM_RMSPROP] = {"rmsprop", "RMSprop", "torch.optim.RMSprop(lr, alpha, eps)",
                       K(LR) | K(ALPHA) | K(EPS) | K(WEIGHT_DECAY),
                       {[HP_LR] = 1e-2, [HP_ALPHA] = 0.99, [HP_EPS] = 1e-8}, step_rmsprop},
    [OPTIM_ADAM] = {"adam", "Adam", "torch.optim.Adam(lr, betas=(beta1, beta2), eps)",
                    K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY) | K(BIAS_CORRECTION),
                    {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8,
                     [HP_BIAS_CORRECTION] = 1},
                    step_adam},
    [OPTIM_NESTEROV] = {"nesterov", "Nesterov", "torch.optim.SGD(lr, momentum, nesterov=True)",
                        K(LR) | K(MOMENTUM) | K(WEIGHT_DECAY),
                        {[HP_LR] = 1e-2, [HP_MOMENTUM] = 0.9}, step_nesterov},
    [OPTIM_AMSGRAD] = {"amsgrad", "AMSGrad", "torch.optim.Adam(lr, betas, eps, amsgrad=True)",
                       K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY),
                       {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8},
                       step_amsgrad},
    [OPTIM_ADAMW] = {"adamw", "AdamW", "torch.optim.AdamW(lr, betas, eps, weight_decay)",
                     K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY),
                     {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8,
                      [HP_WEIGHT_DECAY] = 1e-2},
                     step_adamw},
    [OPTIM_NADAM] = {"nadam", "NAdam", "torch.optim.NAdam(lr, betas, eps, momentum_decay)",
                     K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY) | K(MOMENTUM_DECAY),
                     {[HP_LR] = 2e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8,
                      [HP_MOMENTUM_DECAY] = 4e-3},
                     step_nadam},
    [OPTIM_RADAM] = {"radam", "RAdam", "torch.optim.RAdam(lr, betas, eps)",
                     K(LR) | K(BETA1) | K(BETA2) | K(EPS) | K(WEIGHT_DECAY),
                     {[HP_LR] = 1e-3, [HP_BETA1] = 0.9, [HP_BETA2] = 0.999, [HP_EPS] = 1e-8},
                     step_radam},
    [OPTIM_ADAGRAD] = {"adagrad", "Adagrad", "torch.optim.Adagrad(lr, lr_decay, eps, initial_accumulator_value)",
                       K(LR) | K(LR_DECAY) | K(EPS) | K(WEIGHT_DECAY) | K(INITIAL_ACCUMULATOR_VALUE),
                       {[HP_LR] = 1e-2, [HP_EPS] = 1e-10}, step_adagrad},
    [OPTIM_ADADELTA] = {"adadelta", "Adadelta", "torch.optim.Adadelta(lr, rho, eps)",
                        K(LR) | K(RHO) | K(EPS) | K(WEIGHT_DECAY),
                        {[HP_LR] = 1.0, [HP_RHO] = 0.9, [HP_EPS] = 1e-6}, step_adadelta},
    [OPTIM_LION] = {"lion", "Lion", "Lion (Chen et al. 2023): sign of interpolated momentum",
                    K(LR) | K(BETA1) | K(BETA2) | K(WEIGHT_DECAY),
                    {[HP_LR] = 1e-4, [HP_BETA1] = 0.9, [HP_BETA2] = 0.99}, step_lion},
};
#undef K

const OptimInfo *optim_info(OptimKind kind) { return &OPTIMS[kind]; }
const HyperInfo *optim_hyper(HyperKey key) { return &HYPERS[key]; }

int optim_find(const char *name)
{
    for (int i = 0; i < OPTIM_COUNT; i++)
        if (strcmp(OPTIMS[i].name, name) == 0)
            return i;
    return -1;
}

int optim_hyper_find(const char *name)
{
    for (int i = 0; i < HP_COUNT; i++)
        if (strcmp(HYPERS[i].name, name) == 0)
            return i;
    return -1;
}

int optim_uses(OptimKind kind, HyperKey key) { return (OPTIMS[kind].keys & HP_BIT(key)) != 0; }

void optim_defaults(OptimKind kind, double hp[HP_COUNT])
{
    memcpy(hp, OPTIMS[kind].defaults, sizeof(double) * HP_COUNT);
}

int optim_hyper_valid(HyperKey key, double v)
{
    const HyperInfo *h = &HYPERS[key];
    if (isnan(v) || isinf(v))
        return 0;
    if (h->lo_open ? !(v > h->lo) : !(v >= h->lo))
        return 0;
    if (h->hi_open ? !(v < h->hi) : !(v <= h->hi))
        return 0;
    if (h->is_flag && v != 0.0 && v != 1.0)
        return 0;
    return 1;
}

void optim_hyper_range_text(HyperKey key, char *out, size_t cap)
{
    const HyperInfo *h = &HYPERS[key];
    if (h->is_flag)
        snprintf(out, cap, "0 or 1");
    else if (isinf(h->hi))
        snprintf(out, cap, "%s %g", h->lo_open ? ">" : ">=", h->lo);
    else
        snprintf(out, cap, "in %c%g, %g%c", h->lo_open ? '(' : '[', h->lo, h->hi, h->hi_open ? ')' : ']');
}

double optim_hyper_clamp(HyperKey key, double v)
{
    const HyperInfo *h = &HYPERS[key];
    if (isnan(v))
        return OPTIMS[OPTIM_ADAM].defaults[key] > 0 ? OPTIMS[OPTIM_ADAM].defaults[key] : h->ui_lo;
    double lo = h->lo_open ? nextafter(h->lo, INF) : h->lo;
    double hi = isinf(h->hi) ? 1e300 : (h->hi_open ? nextafter(h->hi, -INF) : h->hi);
    if (h->lo_open && h->lo == 0.0)
        lo = 1e-300;
    return v < lo ? lo : (v > hi ? hi : v);
}

void optim_reset(OptimState *st) { memset(st, 0, sizeof *st); }

void optim_step(OptimKind kind, const double *hp, double lr, OptimState *st, double p[2], const double g[2])
{
    st->t++;
    OPTIMS[kind].step(hp, lr, st->t, p, g, st->s);
}
