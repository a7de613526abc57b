/* app_maps: a hyperparameter or basin map of one run (core sweep.c), and its
 * colours: a hyperparameter map by the final loss on a log scale (the field's
 * colormap, low dark) or by the steps to the tolerance, diverged cells a dark red;
 * a basin map by the minimum each start ends at (a hue each), darker
 * the longer it took, diverged starts red, starts still moving after the step budget
 * clear. */
#include "app.h"

#include <math.h>
#include <stdlib.h>

#define DIVERGED_RGBA 0x8E1B1BFFu
#define NEVER_RGBA 0x2A2F3AFFu

/* A basin's hue per known minimum: not the runs' colours, not the diverged red. */
static const unsigned BASIN_RGB[] = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0x9467BD, 0x8C564B, 0xE377C2, 0xBCBD22, 0x17BECF};

void app_maps_free(App *a)
{
    free(a->maps.out);
    free(a->maps.image);
    a->maps.out = NULL, a->maps.image = NULL;
    a->maps.kind = MAPS_NONE;
}

static unsigned scale_rgb(unsigned rgb, float k)
{
    unsigned out = 0;
    for (int s = 16; s >= 0; s -= 8)
        out |= (unsigned)lroundf((float)(rgb >> s & 255u) * k) << s;
    return out;
}

/* The colours of the cells, top row first. */
static void colour(App *a)
{
    Maps *m = &a->maps;
    int n = m->nx * m->ny, steps = a->scene.steps > 0 ? a->scene.steps : 1;
    double lo = INFINITY, hi = -INFINITY, floor_f = sweep_default_tol(&a->scene.surface) - 1e-6;
    for (int c = 0; c < n && m->kind == MAPS_HYPER && m->metric == 0; c++) {
        const SceneOutcome *o = &m->out[c];
        if (o->diverged_at < 0 && isfinite(o->final_loss)) {
            double v = log10(fmax(o->final_loss - floor_f, 0.0) + 1e-12);
            lo = fmin(lo, v), hi = fmax(hi, v);
        }
    }
    if (!(hi > lo))
        hi = lo + 1;
    for (int j = 0; j < m->ny; j++)
        for (int i = 0; i < m->nx; i++) {
            const SceneOutcome *o = &m->out[j * m->nx + i];
            unsigned rgba;
            if (m->kind == MAPS_BASIN) {
                int min = sweep_minimum(&a->scene.surface, m->view, o);
                if (o->diverged_at >= 0)
                    rgba = DIVERGED_RGBA;
                else if (min < 0)
                    rgba = 0x00000000u;
                else {
                    float k = o->steps_to_tol >= 0 ? 1.0f - 0.6f * (float)o->steps_to_tol / (float)steps : 0.4f;
                    rgba = scale_rgb(BASIN_RGB[min % 8], k) << 8 | 0xFFu;
                }
            } else if (o->diverged_at >= 0) {
                rgba = DIVERGED_RGBA;
            } else if (m->metric == 1) {
                rgba = o->steps_to_tol < 0 ? NEVER_RGBA
                                           : render_colormap((float)o->steps_to_tol / (float)steps) << 8 | 0xFFu;
            } else {
                double v = log10(fmax(o->final_loss - floor_f, 0.0) + 1e-12);
                rgba = isfinite(o->final_loss) ? render_colormap((float)((v - lo) / (hi - lo))) << 8 | 0xFFu
                                               : DIVERGED_RGBA;
            }
            m->image[(m->ny - 1 - j) * m->nx + i] = rgba; /* the image's top row is the high end */
        }
    m->version++;
}

int app_maps_compute(App *a, MapsKind kind, int run, const SweepAxis *axes, MapView view, int n, double tol,
                     int metric)
{
    app_maps_free(a);
    Maps *m = &a->maps;
    m->run = run, m->view = view, m->tol = tol, m->metric = metric;
    if (kind == MAPS_HYPER)
        m->axis[0] = axes[0], m->axis[1] = axes[1], m->nx = axes[0].n, m->ny = axes[1].n;
    else
        m->nx = m->ny = m->n = n;
    m->out = malloc(sizeof *m->out * (size_t)m->nx * (size_t)m->ny);
    m->image = malloc(sizeof *m->image * (size_t)m->nx * (size_t)m->ny);
    if (!m->out || !m->image) {
        app_maps_free(a);
        return -1;
    }
    if (kind == MAPS_HYPER)
        sweep_hyper(&a->scene, run, &m->axis[0], &m->axis[1], tol, 0, NULL, m->out);
    else
        sweep_basin(&a->scene, run, view, n, tol, 0, NULL, m->out);
    m->kind = kind;
    colour(a);
    return 0;
}
