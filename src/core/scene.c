/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* scene: runs and their trajectories. */
#define _DEFAULT_SOURCE /* sysconf(_SC_PHYS_PAGES) */
#include "scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cancel.h"
#include "lang.h"
#include "text.h"

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
    for (int i = 0; i < sc->n_runs; i++) {
        free(sc->run[i].traj);
        free(sc->run[i].bundle_traj);
        free(sc->run[i].ckpt);
    }
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
    OptimState *ck = realloc(r->ckpt, sizeof(OptimState) * ((size_t)steps / SCENE_CKPT_EVERY + 1));
    if (!ck)
        return -1;
    r->ckpt = ck;
    r->cap = steps + 1;
    /* bundle members share the run's capacity */
    if (r->bundle_cap > 0) {
        TrajPoint *b = realloc(r->bundle_traj, sizeof(TrajPoint) * (size_t)r->cap * (size_t)r->bundle_cap);
        if (!b) {
            free(r->bundle_traj);
            r->bundle_traj = NULL;
            r->bundle_cap = 0;
            r->bundle = 0;
            return -1;
        }
        r->bundle_traj = b;
    }
    return 0;
}

int scene_set_bundle(Scene *sc, int index, int k)
{
    if (index < 0 || index >= sc->n_runs || k < 0 || k > SCENE_MAX_BUNDLE)
        return -1;
    Run *r = &sc->run[index];
    int members = k > 1 ? k - 1 : 0;
    if (members > r->bundle_cap) {
        TrajPoint *b = realloc(r->bundle_traj, sizeof(TrajPoint) * (size_t)r->cap * (size_t)members);
        if (!b)
            return -1;
        r->bundle_traj = b;
        r->bundle_cap = members;
    }
    r->bundle = k;
    return 0;
}

/* A colour 0xRRGGBB in CIELAB (D65), where distance is how different colours look. */
static void to_lab(unsigned rgb, double lab[3])
{
    double c[3];
    for (int k = 0; k < 3; k++) {
        double v = (double)((rgb >> (16 - 8 * k)) & 255u) / 255.0;
        c[k] = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    }
    double xyz[3] = {(0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047,
                     0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2],
                     (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883};
    for (int k = 0; k < 3; k++)
        xyz[k] = xyz[k] > 0.008856 ? cbrt(xyz[k]) : 7.787 * xyz[k] + 16.0 / 116.0;
    lab[0] = 116 * xyz[1] - 16, lab[1] = 500 * (xyz[0] - xyz[1]), lab[2] = 200 * (xyz[1] - xyz[2]);
}

/* The palette's colour for a new run: the first free one of the first four (they
 * read best on the field); past them, of those no run has, the one that looks most
 * unlike every colour in use (the largest smallest CIELAB distance; the palette's
 * order among equals); with all taken, the next in turn. */
#define PALETTE_FIRST 4
static int unused_colour(const Scene *sc)
{
    int best = -1;
    double best_d = -1;
    for (int c = 0; c < N_PALETTE; c++) {
        int used = 0;
        for (int i = 0; i < sc->n_runs; i++)
            used |= sc->run[i].colour == c;
        if (used)
            continue;
        if (c < PALETTE_FIRST)
            return c;
        double lc[3], d = INFINITY;
        to_lab(PALETTE[c], lc);
        for (int i = 0; i < sc->n_runs; i++) {
            double lu[3];
            to_lab(scene_palette(sc->run[i].colour), lu);
            d = fmin(d, sqrt((lc[0] - lu[0]) * (lc[0] - lu[0]) + (lc[1] - lu[1]) * (lc[1] - lu[1]) +
                             (lc[2] - lu[2]) * (lc[2] - lu[2])));
        }
        if (d > best_d + 1e-9)
            best_d = d, best = c;
    }
    return best >= 0 ? best : sc->n_runs;
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
    free(sc->run[index].bundle_traj);
    free(sc->run[index].ckpt);
    memmove(&sc->run[index], &sc->run[index + 1], sizeof(Run) * (size_t)(sc->n_runs - index - 1));
    sc->n_runs--;
    scene_relabel(sc);
}

/* Whether a run before `before` (or any run with a given label) is called name. */
static int label_taken(const Scene *sc, int before, const char *name)
{
    for (int j = 0; j < sc->n_runs; j++)
        if ((j < before || sc->run[j].label_set) && strcmp(sc->run[j].label, name) == 0)
            return 1;
    return 0;
}

void scene_relabel(Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++) {
        Run *r = &sc->run[i];
        if (r->label_set)
            continue;
        /* "adam", "adam-2", ...: the first name no given label and no earlier run has */
        const char *name = optim_info(r->kind)->name;
        for (int nth = 1;; nth++) {
            if (nth == 1)
                snprintf(r->label, sizeof r->label, "%s", name);
            else
                snprintf(r->label, sizeof r->label, "%s-%d", name, nth);
            if (!label_taken(sc, i, r->label))
                break;
        }
    }
}

double scene_bytes(int tracks, int steps)
{
    double per_track = ((double)steps + 1) * (double)sizeof(TrajPoint);
    return (double)tracks * per_track + (double)(steps / SCENE_CKPT_EVERY + 1) * (double)sizeof(OptimState) * tracks;
}

double scene_memory_limit(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? (double)pages * (double)size / 2.0 : 4e9;
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

/* What one lane of the lockstep simulation writes: a run's own trajectory or one
 * member of its bundle. */
typedef struct Track {
    OptimKind kind;
    const double *hp;
    double start[2];
    TrajPoint *traj;        /* point k at traj[k & mask] */
    unsigned mask;          /* ~0u: the whole trajectory is kept; 1: only the last two */
    int *n;
    int *diverged_at;       /* NULL for bundle members */
    OptimState *ckpt;       /* NULL for bundle members */
    SceneOutcome *outcome;  /* a sweep's: what the run came to, or NULL */
    double tol;             /* ... and the loss it counts as arrived at */
    unsigned long long rng; /* noise generator state */
    Schedule sched;         /* resolved */
    int constant_lr;        /* no schedule, no warm-up: every step uses hp[HP_LR] */
} Track;

/* splitmix64: small, fast, and reproducible bit for bit on every platform */
static unsigned long long rng_next(unsigned long long *s)
{
    unsigned long long z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Two independent standard normals (Box-Muller). */
static void rng_normal2(unsigned long long *s, double *a, double *b)
{
    double u1 = ((double)(rng_next(s) >> 11) + 1.0) * 0x1.0p-53; /* (0, 1] */
    double u2 = (double)(rng_next(s) >> 11) * 0x1.0p-53;         /* [0, 1) */
    double r = sqrt(-2.0 * log(u1));
    *a = r * cos(6.283185307179586 * u2);
    *b = r * sin(6.283185307179586 * u2);
}

#define CANCEL_EVERY 4096 /* steps between polls of the stop flag */

/* Simulates the tracks in lockstep, so each step evaluates the surface's gradient
 * at all their positions in one pass. A track leaves the batch at its first
 * non-finite point. */
static void simulate_batch(const Scene *sc, Track *tr, int n)
{
    const Expr *e = &sc->surface.expr;
    const double sigma = sc->noise;
    OptimState st[EXPR_LANES];
    double px[EXPR_LANES], py[EXPR_LANES], f[EXPR_LANES], gx[EXPR_LANES], gy[EXPR_LANES];
    for (int l = 0; l < n; l++) {
        optim_init(tr[l].kind, tr[l].hp, &st[l]);
        px[l] = tr[l].start[0], py[l] = tr[l].start[1];
        if (tr[l].ckpt)
            tr[l].ckpt[0] = st[l];
        if (tr[l].diverged_at)
            *tr[l].diverged_at = -1;
    }
    for (int k = 0; n > 0; k++) {
        if (k > 0 && k % CANCEL_EVERY == 0 && cancel_tick((long long)CANCEL_EVERY * n)) {
            /* stopped: each track keeps the points it has; the caller discards them */
            for (int l = 0; l < n; l++)
                *tr[l].n = k;
            return;
        }
        if (k > 0) {
            for (int l = 0; l < n; l++) {
                double p[2] = {px[l], py[l]}, g[2] = {gx[l], gy[l]};
                optim_step(tr[l].kind, tr[l].hp, tr[l].traj[(unsigned)(k - 1) & tr[l].mask].lr, &st[l], p, g);
                px[l] = p[0], py[l] = p[1];
                if (tr[l].ckpt && k % SCENE_CKPT_EVERY == 0)
                    tr[l].ckpt[k / SCENE_CKPT_EVERY] = st[l];
            }
        }
        expr_eval_grad_n(e, n, px, py, f, gx, gy);
        for (int l = 0; l < n; l++) {
            Track *t = &tr[l];
            if (sigma > 0.0) {
                double zx, zy;
                rng_normal2(&t->rng, &zx, &zy);
                gx[l] += sigma * zx;
                gy[l] += sigma * zy;
            }
            TrajPoint *q = &t->traj[(unsigned)k & t->mask];
            q->x = px[l], q->y = py[l], q->loss = f[l], q->gx = gx[l], q->gy = gy[l];
            q->lr = t->constant_lr ? t->hp[HP_LR] : schedule_lr(&t->sched, t->hp[HP_LR], (long)k + 1);
            int ok = finite_point(q) && isfinite(q->lr);
            if (ok && t->outcome && t->outcome->steps_to_tol < 0 && q->loss <= t->tol)
                t->outcome->steps_to_tol = k;
            if (ok && k < sc->steps)
                continue;
            /* this track is done: record it and move the last lane into its place */
            cancel_tick((long long)k + 1 - (long long)(k / CANCEL_EVERY) * CANCEL_EVERY);
            *t->n = ok ? k + 1 : k;
            if (t->diverged_at)
                *t->diverged_at = ok ? -1 : k;
            if (t->outcome) {
                const TrajPoint *last = &t->traj[(unsigned)(ok ? k : k - 1) & t->mask];
                t->outcome->diverged_at = ok ? -1 : k;
                t->outcome->end[0] = k > 0 || ok ? last->x : t->start[0];
                t->outcome->end[1] = k > 0 || ok ? last->y : t->start[1];
                t->outcome->final_loss = k > 0 || ok ? last->loss : NAN;
            }
            n--;
            tr[l] = tr[n], st[l] = st[n];
            px[l] = px[n], py[l] = py[n], f[l] = f[n], gx[l] = gx[n], gy[l] = gy[n];
            l--;
        }
    }
}

int scene_label_check(const char *label, char *why, size_t cap)
{
    for (const char *p = label; *p;) {
        int n = 1;
        long c = text_utf8_next(p, &n);
        if (c < 0) {
            /* TRANSLATORS: a run's label; %d is a byte offset in it, from 0 */
            snprintf(why, cap, _("byte 0x%02X at %d is not UTF-8 text"), (unsigned char)*p, (int)(p - label));
            return -1;
        }
        const char *kind = text_unsafe_kind(c);
        if (kind) {
            /* TRANSLATORS: a run's label; %d is a byte offset in it, from 0; the last %s is
             * "control character", "bidirectional control" or "line separator" */
            snprintf(why, cap, _("U+%04lX at %d is a %s, not part of a name"), c, (int)(p - label), _(kind));
            return -1;
        }
        p += n;
    }
    return 0;
}

int scene_find_run(const Scene *sc, const char *label)
{
    for (int i = 0; i < sc->n_runs; i++)
        if (strcmp(sc->run[i].label, label) == 0)
            return i;
    return -1;
}

unsigned long long scene_hash_bytes(unsigned long long h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

unsigned long long scene_inputs_hash(const Scene *sc, OptimKind kind, const double *hp, const Schedule *sched,
                                     int bundle)
{
    const Surface *s = &sc->surface;
    unsigned long long h = 14695981039346656037ull;
    h = scene_hash_bytes(h, s->expr.source, strlen(s->expr.source));
    h = scene_hash_bytes(h, s->expr.param, sizeof s->expr.param);
    h = scene_hash_bytes(h, sc->start, sizeof sc->start);
    h = scene_hash_bytes(h, &sc->steps, sizeof sc->steps);
    h = scene_hash_bytes(h, &sc->noise, sizeof sc->noise);
    h = scene_hash_bytes(h, &sc->seed, sizeof sc->seed);
    h = scene_hash_bytes(h, &kind, sizeof kind);
    h = scene_hash_bytes(h, hp, sizeof(double) * HP_COUNT);
    h = scene_hash_bytes(h, &sched->kind, sizeof sched->kind);
    h = scene_hash_bytes(h, sched->v, sizeof sched->v);
    h = scene_hash_bytes(h, &bundle, sizeof bundle);
    return h ? h : 1;
}

/* The members of a run's bundle that are simulated besides the run itself. */
static int bundle_members(const Scene *sc, const Run *r)
{
    int members = sc->noise > 0.0 && r->bundle > 1 ? r->bundle - 1 : 0;
    return members < r->bundle_cap ? members : r->bundle_cap;
}

long long scene_points(const Scene *sc)
{
    long long points = 0;
    for (int i = 0; i < sc->n_runs; i++)
        points += (long long)(1 + bundle_members(sc, &sc->run[i])) * (sc->steps + 1);
    return points;
}

/* Appends the tracks of run i (itself, then its bundle members) to tr. */
static int run_tracks(Scene *sc, int i, Track *tr)
{
    Run *r = &sc->run[i];
    Schedule resolved;
    schedule_resolve(&r->sched, r->hp[HP_LR], sc->steps, &resolved);
    /* equal inputs, equal version: re-simulating an unchanged run does not make
     * what was drawn of it stale */
    r->version = scene_inputs_hash(sc, r->kind, r->hp, &resolved, r->bundle);
    int n = 0;
    int constant = resolved.kind == SCHED_CONSTANT && !(resolved.v[SK_WARMUP] > 0);
    tr[n++] = (Track){.kind = r->kind, .hp = r->hp, .start = {sc->start[0], sc->start[1]}, .traj = r->traj,
                      .mask = ~0u, .n = &r->n, .diverged_at = &r->diverged_at, .ckpt = r->ckpt, .rng = sc->seed,
                      .sched = resolved, .constant_lr = constant};
    int members = bundle_members(sc, r);
    for (int j = 0; j < SCENE_MAX_BUNDLE; j++)
        r->bundle_n[j] = 0;
    for (int j = 0; j < members; j++)
        tr[n++] = (Track){.kind = r->kind, .hp = r->hp, .start = {sc->start[0], sc->start[1]},
                          .traj = r->bundle_traj + (size_t)j * (size_t)r->cap, .mask = ~0u, .n = &r->bundle_n[j],
                          .rng = sc->seed + (unsigned long long)j + 1, .sched = resolved, .constant_lr = constant};
    return n;
}

static void simulate_tracks(const Scene *sc, Track *tr, int n)
{
    for (int i = 0; i < n && !cancel_requested(); i += EXPR_LANES)
        simulate_batch(sc, tr + i, n - i < EXPR_LANES ? n - i : EXPR_LANES);
}

void scene_resimulate(Scene *sc, unsigned runs)
{
    /* the runs' own tracks first, in lockstep; their bundles after */
    Track tr[SCENE_MAX_RUNS];
    int n = 0;
    for (int i = 0; i < sc->n_runs; i++) {
        if (!(runs >> i & 1u))
            continue;
        Track all[SCENE_MAX_BUNDLE];
        run_tracks(sc, i, all);
        tr[n++] = all[0];
    }
    simulate_tracks(sc, tr, n);
    for (int i = 0; i < sc->n_runs; i++) {
        if (!(runs >> i & 1u))
            continue;
        Track all[SCENE_MAX_BUNDLE];
        int m = run_tracks(sc, i, all);
        if (m > 1)
            simulate_tracks(sc, all + 1, m - 1);
    }
}

void scene_simulate_run(Scene *sc, int index)
{
    if (index >= 0 && index < sc->n_runs)
        scene_resimulate(sc, 1u << index);
}

void scene_simulate(Scene *sc) { scene_resimulate(sc, SCENE_ALL_RUNS); }

void scene_outcomes(const Scene *sc, int index, const double (*hp)[HP_COUNT], const double (*start)[2], int n,
                    double tol, SceneOutcome *out)
{
    const Run *r = &sc->run[index];
    Track tr[EXPR_LANES];
    TrajPoint last[EXPR_LANES][2];
    int count[EXPR_LANES];
    for (int i = 0; i < n; i += EXPR_LANES) {
        int m = n - i < EXPR_LANES ? n - i : EXPR_LANES;
        for (int l = 0; l < m; l++) {
            const double *h = hp ? hp[i + l] : r->hp;
            Schedule resolved;
            schedule_resolve(&r->sched, h[HP_LR], sc->steps, &resolved);
            out[i + l] = (SceneOutcome){.steps_to_tol = -1, .diverged_at = -1};
            tr[l] = (Track){.kind = r->kind, .hp = h, .start = {start ? start[i + l][0] : sc->start[0],
                                                               start ? start[i + l][1] : sc->start[1]},
                            .traj = last[l], .mask = 1u, .n = &count[l], .outcome = &out[i + l], .tol = tol,
                            .rng = sc->seed, .sched = resolved,
                            .constant_lr = resolved.kind == SCHED_CONSTANT && !(resolved.v[SK_WARMUP] > 0)};
        }
        simulate_batch(sc, tr, m);
    }
}

/* ---- inside a run ------------------------------------------------------------------- */

int scene_run_state(const Scene *sc, int index, int k, OptimState *out)
{
    if (index < 0 || index >= sc->n_runs)
        return -1;
    const Run *r = &sc->run[index];
    if (k < 0 || k >= r->n || !r->ckpt)
        return -1;
    /* the step from point j uses point j's gradient and lr, as the simulation did */
    int j = k / SCENE_CKPT_EVERY * SCENE_CKPT_EVERY;
    *out = r->ckpt[j / SCENE_CKPT_EVERY];
    for (; j < k; j++) {
        double p[2] = {r->traj[j].x, r->traj[j].y}, g[2] = {r->traj[j].gx, r->traj[j].gy};
        optim_step(r->kind, r->hp, r->traj[j].lr, out, p, g);
    }
    return 0;
}

int scene_run_update(const Scene *sc, int index, int k, RunUpdate *u)
{
    memset(u, 0, sizeof *u);
    if (index < 0 || index >= sc->n_runs || sc->run[index].n < 1)
        return -1;
    const Run *r = &sc->run[index];
    k = k < 0 ? 0 : (k > r->n - 1 ? r->n - 1 : k);
    u->k = k;
    scene_run_state(sc, index, k, &u->before);
    const TrajPoint *q = &r->traj[k];
    u->next[0] = q->x, u->next[1] = q->y;
    u->has_next = k < sc->steps;
    if (!u->has_next)
        return 0;
    u->after = u->before;
    u->lr = q->lr;
    double g[2] = {q->gx, q->gy};
    optim_step_traced(r->kind, r->hp, q->lr, &u->after, u->next, g, &u->trace);
    optim_internals(r->kind, r->hp, q->lr, &u->before, &u->after, &u->in);
    return 0;
}
