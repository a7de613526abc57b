/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* render_cache: what is kept between frames so that an unchanged part of the
 * picture is copied, not drawn again.
 *
 * - Maps: a panel's field with its trajectories drawn over it, kept in a texture
 *   per panel. While the animation runs only the new segments are added. A
 *   trajectory that changed otherwise (a slider drag) is "hot" for HOT_FRAMES
 *   frames: drawn live over the kept map, so only that path is redrawn each frame.
 *   A new field, another number of paths, or a path joining or leaving the kept
 *   set redraws the map from the field texture.
 * - Groups (DRAW_GROUP): opaque rects of commands, kept in one framebuffer-sized
 *   texture with a hash of each rect's commands; a rect whose hash is unchanged is
 *   not drawn again, and a run of groups reaches the screen as one blit.
 *
 * Invariants: a kept texture is reused only when what it was drawn from is the
 * same (field generation, each path's points, version, width and colour; the
 * group's command hash); when no texture can be had, the commands are drawn
 * directly. */
#include "render_internal.h"

#include <math.h>
#include <string.h>

#define HOT_FRAMES 30 /* a trajectory that changed this recently is drawn live */

/* ---- maps: field + trajectories ------------------------------------------------ */

/* Draws cmd[first] (a FIELD) and the PATH commands cmd[first+1, last) in the same
 * rect through the panel's cached map. Returns 0, or -1 when the group cannot be
 * cached (the caller then draws it directly). */
int cmd_map(Renderer *r, const DrawList *dl, int first, int last)
{
    const DrawCmd *c = &dl->cmd[first];
    int x = (int)lroundf(c->x), y = (int)lroundf(c->y);
    int w = (int)lroundf(c->w), h = (int)lroundf(c->h);
    int np = last - first - 1;
    if (!c->surface || w <= 0 || h <= 0 || np > MAP_PATHS || w > r->max_tex || h > r->max_tex ||
        w > r->max_vp[0] || h > r->max_vp[1])
        return -1;
    flush(r);
    FieldEntry *fe = field_get(r, c->surface, c->view, w, h);
    if (!fe) {
        state_restore(r);
        return -1;
    }
    /* the panel's entry, or the least recently used one */
    MapEntry *m = NULL, *victim = &r->map[0];
    for (int i = 0; i < MAP_CACHE; i++) {
        MapEntry *e = &r->map[i];
        if (e->valid && e->x == x && e->y == y && e->tw == w && e->th == h) {
            m = e;
            break;
        }
        if ((!e->valid && victim->valid) || (e->valid == victim->valid && e->used < victim->used))
            victim = e;
    }
    int rebuild = m == NULL || m->field_gen != fe->gen || m->n_paths != np;
    if (!m) {
        m = victim;
        m->valid = 0;
        if (fbo_texture(&m->tex, &m->fbo, &m->tw, &m->th, w, h) != 0) {
            state_restore(r);
            return -1;
        }
    }
    /* A trajectory that changed (other than by growing) is "hot" for a while: drawn
     * live over the kept map, so dragging a slider redraws one path, not the map. */
    const unsigned long now = r->frame;
    int hot[MAP_PATHS];
    for (int k = 0; k < np; k++) {
        const DrawCmd *p = &dl->cmd[first + 1 + k];
        MapPath *o = &m->path[k];
        if (rebuild) {
            hot[k] = 0;
            o->changed = 0;
            continue;
        }
        int same = o->pts == p->points && o->version == p->version && o->width == p->r && o->rgba == p->rgba && o->halo == p->rgba2 &&
                   p->n >= o->n;
        if (!same)
            o->changed = now;
        hot[k] = !same || (o->changed && now - o->changed < HOT_FRAMES);
        if (hot[k] == o->in_base || (!hot[k] && !same))
            rebuild = 1; /* the kept texture holds the wrong set of paths */
    }
    /* draw into the map: its framebuffer stands in for the screen */
    GLuint fb = r->fb;
    int fb_w = r->fb_w, fb_h = r->fb_h, clip_on = r->clip_on;
    r->fb = m->fbo, r->fb_w = w, r->fb_h = h, r->clip_on = 0, r->sc_on = 0;
    if (rebuild) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fe->fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m->fbo);
        glDisable(GL_SCISSOR_TEST);
        glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    state_restore(r);
    glUseProgram(r->path_prog);
    glUniform2f(r->u_path_screen, (float)w, (float)h);
    r->cur_prog = PROG_SHAPE; /* so use_path binds its program and buffers */
    for (int k = 0; k < np; k++) {
        const DrawCmd *p = &dl->cmd[first + 1 + k];
        MapPath *o = &m->path[k];
        if (!hot[k]) {
            DrawCmd t = *p;
            int from = rebuild ? 0 : o->n - 1;
            if (from < 0)
                from = 0;
            if (t.n - from >= 2) {
                t.points += from;
                t.n -= from;
                t.x -= (float)x, t.y -= (float)y;
                cmd_path(r, &t);
            }
        }
        unsigned long changed = o->changed;
        *o = (MapPath){p->points, p->version, p->n, p->r, p->rgba, p->rgba2, !hot[k], changed};
    }
    flush(r);
    m->n_paths = np;
    m->field_gen = fe->gen;
    m->x = x, m->y = y;
    m->valid = 1;
    m->used = ++r->tick;
    /* back to the screen, then the map onto it */
    r->fb = fb, r->fb_w = fb_w, r->fb_h = fb_h, r->clip_on = clip_on, r->sc_on = 0;
    glUseProgram(r->path_prog);
    glUniform2f(r->u_path_screen, (float)fb_w, (float)fb_h);
    set_scissor(r, r->clip_on, r->clip);
    fbo_blit(r, m->fbo, x, y, w, h);
    for (int k = 0; k < np; k++)
        if (hot[k])
            cmd_path(r, &dl->cmd[first + 1 + k]);
    flush(r);
    state_restore(r);
    return 0;
}

/* ---- groups: an opaque rect of commands, kept while unchanged ------------------ */

static unsigned long long fnv(unsigned long long h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* What the group draws: its commands (text by content, not arena offset). */
static unsigned long long group_hash(const DrawList *dl, int first, int n)
{
    unsigned long long h = 14695981039346656037ull;
    for (int i = first; i < first + n; i++) {
        DrawCmd c = dl->cmd[i];
        if (c.kind == DRAW_TEXT) {
            h = fnv(h, draw_text_of(dl, &dl->cmd[i]), (size_t)c.text_len);
            c.text = 0;
        }
        h = fnv(h, &c, sizeof c);
    }
    return h;
}

/* Makes the kept texture hold group cmd[g] (its rect and n commands): redrawn
 * only when they changed. Returns the index of its last command. */
static int group_update(Renderer *r, const DrawList *dl, int g)
{
    const DrawCmd *c = &dl->cmd[g];
    int first = g + 1, last = g + 1 + c->n;
    if (last > dl->n)
        last = dl->n;
    unsigned long long h = group_hash(dl, first, last - first);
    float rect[4] = {c->x, c->y, c->w, c->h};
    int size_ok = r->group_tex && r->group_w == r->fb_w && r->group_h == r->fb_h;
    /* the record of this rect, or a free one */
    int slot = -1, same = 0;
    for (int i = 0; i < GROUPS_MAX && size_ok; i++) {
        if (memcmp(rect, r->group[i].rect, sizeof rect) == 0) {
            slot = i;
            same = r->group[i].hash == h;
            break;
        }
    }
    if (same) {
        /* keep the clip state the skipped commands would have left */
        for (int i = first; i < last; i++)
            if (dl->cmd[i].kind == DRAW_CLIP)
                cmd_clip(r, &dl->cmd[i]);
        return last - 1;
    }
    flush(r);
    if (!size_ok) {
        memset(r->group, 0, sizeof r->group);
        if (fbo_texture(&r->group_tex, &r->group_fbo, &r->group_w, &r->group_h, r->fb_w, r->fb_h) != 0) {
            state_restore(r);
            render_range(r, dl, first, last); /* no texture to keep: draw it directly */
            return last - 1;
        }
    }
    if (slot < 0) {
        /* a new rect: drop the records it overlaps, then take a free one */
        for (int i = 0; i < GROUPS_MAX; i++) {
            const float *o = r->group[i].rect;
            if (o[2] > 0 && o[0] < rect[0] + rect[2] && rect[0] < o[0] + o[2] && o[1] < rect[1] + rect[3] &&
                rect[1] < o[1] + o[3])
                memset(&r->group[i], 0, sizeof r->group[i]);
        }
        for (int i = 0; i < GROUPS_MAX && slot < 0; i++)
            if (r->group[i].rect[2] <= 0)
                slot = i;
        if (slot < 0)
            slot = 0;
    }
    /* draw the commands in screen coordinates into the kept texture */
    GLuint fb = r->fb;
    r->fb = r->group_fbo;
    state_restore(r);
    render_range(r, dl, first, last);
    flush(r);
    r->fb = fb;
    state_restore(r);
    r->group[slot].hash = h;
    memcpy(r->group[slot].rect, rect, sizeof rect);
    return last - 1;
}

/* Copies a rect of the kept group texture onto the screen. */
static void group_blit(Renderer *r, float x, float y, float w, float h)
{
    GLint gr[4];
    render_gl_rect(r, x, y, w, h, gr);
    glBlitFramebuffer(gr[0], gr[1], gr[0] + gr[2], gr[1] + gr[3], gr[0], gr[1], gr[0] + gr[2], gr[1] + gr[3],
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

/* Draws the run of consecutive groups starting at cmd[g]: each kept or redrawn,
 * then copied onto the screen: as one copy of their union, unless the union is
 * much larger than the groups (panels around another one, as the side panel, the
 * plot and the bar are around the map), then one copy each. Returns the index of
 * the last command used. */
int cmd_groups(Renderer *r, const DrawList *dl, int g)
{
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f, area = 0;
    int i = g, n = 0, first[GROUPS_MAX];
    while (i < dl->n && dl->cmd[i].kind == DRAW_GROUP) {
        const DrawCmd *c = &dl->cmd[i];
        if (c->w > 0 && c->h > 0) {
            x0 = fminf(x0, c->x), y0 = fminf(y0, c->y);
            x1 = fmaxf(x1, c->x + c->w), y1 = fmaxf(y1, c->y + c->h);
            area += c->w * c->h;
            if (n < GROUPS_MAX)
                first[n] = i;
            n++;
        }
        i = group_update(r, dl, i) + 1;
    }
    if (x1 > x0 && y1 > y0 && r->group_w > 0) {
        flush(r);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, r->group_fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, r->fb);
        glDisable(GL_SCISSOR_TEST);
        if ((x1 - x0) * (y1 - y0) <= 1.25f * area || n > GROUPS_MAX) {
            group_blit(r, x0, y0, x1 - x0, y1 - y0);
        } else {
            for (int k = 0; k < n; k++) {
                const DrawCmd *c = &dl->cmd[first[k]];
                group_blit(r, c->x, c->y, c->w, c->h);
            }
        }
        r->sc_on = 0;
        state_restore(r);
    }
    return i - 1;
}

void cache_release(Renderer *r)
{
    fbo_delete(&r->group_tex, &r->group_fbo);
    for (int i = 0; i < MAP_CACHE; i++)
        fbo_delete(&r->map[i].tex, &r->map[i].fbo);
}
