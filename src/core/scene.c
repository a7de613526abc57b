/* scene: runs and their trajectories. */
#include "scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Okabe & Ito (2008), reordered so the first four read well on viridis. */
static const unsigned PALETTE[] = {
    0xE69F00, /* orange */
    0x56B4E9, /* sky blue */
    0xCC79A7, /* reddish purple */
    0xF0F0F0, /* white (the palette's black, inverted for a dark map) */
    0xD55E00, /* vermillion */
    0x009E73, /* bluish green */
    0xF0E442, /* yellow */
    0x0072B2, /* blue */
};
#define N_PALETTE ((int)(sizeof PALETTE / sizeof PALETTE[0]))

unsigned scene_palette(int index) { return PALETTE[((index % N_PALETTE) + N_PALETTE) % N_PALETTE]; }

int scene_init(Scene *sc, const Surface *surface)
{
    memset(sc, 0, sizeof *sc);
    sc->surface = *surface;
    sc->start[0] = surface->start[0];
    sc->start[1] = surface->start[1];
    sc->steps = surface->steps;
    return 0;
}

void scene_free(Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++)
        free(sc->run[i].traj);
    sc->n_runs = 0;
}

static int reserve(Run *r, int steps)
{
    if (r->cap >= steps + 1)
        return 0;
    TrajPoint *t = realloc(r->traj, sizeof(TrajPoint) * ((size_t)steps + 1));
    if (!t)
        return -1;
    r->traj = t;
    r->cap = steps + 1;
    return 0;
}

static int unused_colour(const Scene *sc)
{
    for (int c = 0; c < N_PALETTE; c++) {
        int used = 0;
        for (int i = 0; i < sc->n_runs; i++)
            used |= sc->run[i].colour == c;
        if (!used)
            return c;
    }
    return sc->n_runs;
}

int scene_add_run(Scene *sc, OptimKind kind, const double *hp, const char *label)
{
    if (sc->n_runs >= SCENE_MAX_RUNS)
        return -1;
    Run *r = &sc->run[sc->n_runs];
    memset(r, 0, sizeof *r);
    if (reserve(r, sc->steps) != 0)
        return -1;
    r->kind = kind;
    if (hp)
        memcpy(r->hp, hp, sizeof r->hp);
    else
        optim_defaults(kind, r->hp);
    r->label_set = label && label[0];
    if (r->label_set)
        snprintf(r->label, sizeof r->label, "%s", label);
    r->colour = unused_colour(sc);
    r->enabled = 1;
    r->diverged_at = -1;
    sc->n_runs++;
    scene_relabel(sc);
    return sc->n_runs - 1;
}

void scene_remove_run(Scene *sc, int index)
{
    if (index < 0 || index >= sc->n_runs)
        return;
    free(sc->run[index].traj);
    memmove(&sc->run[index], &sc->run[index + 1], sizeof(Run) * (size_t)(sc->n_runs - index - 1));
    sc->n_runs--;
    scene_relabel(sc);
}

void scene_relabel(Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++) {
        Run *r = &sc->run[i];
        if (r->label_set)
            continue;
        const char *name = optim_info(r->kind)->name;
        int nth = 1;
        for (int j = 0; j < i; j++)
            nth += !sc->run[j].label_set && sc->run[j].kind == r->kind;
        if (nth == 1)
            snprintf(r->label, sizeof r->label, "%s", name);
        else
            snprintf(r->label, sizeof r->label, "%s-%d", name, nth);
    }
}

int scene_set_steps(Scene *sc, int n)
{
    if (n < 0 || n > SCENE_MAX_STEPS)
        return -1;
    for (int i = 0; i < sc->n_runs; i++)
        if (reserve(&sc->run[i], n) != 0)
            return -1;
    sc->steps = n;
    return 0;
}

static int finite_point(const TrajPoint *p)
{
    return isfinite(p->x) && isfinite(p->y) && isfinite(p->loss) && isfinite(p->gx) && isfinite(p->gy);
}

/* Simulates the runs listed in idx[0..n) in lockstep, so each step evaluates the
 * surface's gradient at all their positions in one pass. A run leaves the batch at
 * its first non-finite point. */
static void simulate_batch(Scene *sc, const int *idx, int n)
{
    const Expr *e = &sc->surface.expr;
    int lane_run[EXPR_LANES];
    OptimState st[EXPR_LANES];
    double px[EXPR_LANES], py[EXPR_LANES], f[EXPR_LANES], gx[EXPR_LANES], gy[EXPR_LANES];
    for (int l = 0; l < n; l++) {
        lane_run[l] = idx[l];
        optim_reset(&st[l]);
        px[l] = sc->start[0], py[l] = sc->start[1];
        sc->run[idx[l]].diverged_at = -1;
    }
    for (int k = 0; n > 0; k++) {
        if (k > 0) {
            for (int l = 0; l < n; l++) {
                const Run *r = &sc->run[lane_run[l]];
                double p[2] = {px[l], py[l]}, g[2] = {gx[l], gy[l]};
                optim_step(r->kind, r->hp, r->hp[HP_LR], &st[l], p, g);
                px[l] = p[0], py[l] = p[1];
            }
        }
        expr_eval_grad_n(e, n, px, py, f, gx, gy);
        for (int l = 0; l < n; l++) {
            Run *r = &sc->run[lane_run[l]];
            TrajPoint *q = &r->traj[k];
            q->x = px[l], q->y = py[l], q->loss = f[l], q->gx = gx[l], q->gy = gy[l];
            int ok = finite_point(q);
            if (ok && k < sc->steps)
                continue;
            /* this run is done: record it and move the last lane into its place */
            r->n = ok ? k + 1 : k;
            r->diverged_at = ok ? -1 : k;
            n--;
            lane_run[l] = lane_run[n], st[l] = st[n];
            px[l] = px[n], py[l] = py[n], f[l] = f[n], gx[l] = gx[n], gy[l] = gy[n];
            l--;
        }
    }
}

void scene_simulate_run(Scene *sc, int index)
{
    simulate_batch(sc, &index, 1);
}

void scene_simulate(Scene *sc)
{
    int idx[EXPR_LANES];
    for (int i = 0; i < sc->n_runs; i += EXPR_LANES) {
        int n = sc->n_runs - i < EXPR_LANES ? sc->n_runs - i : EXPR_LANES;
        for (int l = 0; l < n; l++)
            idx[l] = i + l;
        simulate_batch(sc, idx, n);
    }
}
