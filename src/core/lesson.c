/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* lesson: splitting a lesson into slides, their captions, and each slide's scene
 * through the scene-file parser. A slide's scene is read from a copy of the text in
 * which every other line (the other slides, the separators, the lesson's own
 * lines) is blanked, so that the parser's messages carry the file's line numbers. */
#include "lesson.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "lang.h"
#include "scenefile.h"


/* assets/lessons/, embedded at build time (src/tools/embed.c --index) */
extern const EmbeddedFile gs_lessons[];
extern const int gs_lessons_count;

int lesson_builtin_count(void) { return gs_lessons_count; }

const char *lesson_builtin_name(int i) { return i >= 0 && i < gs_lessons_count ? gs_lessons[i].name : NULL; }

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Line `no` of the text: its start and length, trimmed of spaces at both ends. */
typedef struct Line {
    const char *s;
    size_t n;
    size_t at; /* the untrimmed line's offset in the text, and its length */
    size_t raw;
} Line;

/* The next line from *pos; 0 at the end. */
static int next_line(const char *text, size_t len, size_t *pos, Line *ln)
{
    if (*pos >= len)
        return 0;
    const char *s = text + *pos;
    const char *nl = memchr(s, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - s) : len - *pos;
    ln->at = *pos, ln->raw = n;
    *pos += n + (nl ? 1 : 0);
    if (ln->at == 0 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) /* a byte-order mark */
        s += 3, n -= 3;
    while (n > 0 && is_space(s[n - 1]))
        n--;
    while (n > 0 && is_space(*s))
        s++, n--;
    ln->s = s, ln->n = n;
    return 1;
}

/* Which lesson line a trimmed line is: 't' --title, 'c' --caption, 'p' --play, 0
 * none; *val is its value (quotes taken off as the scene parser does), *vn its
 * length. */
static int lesson_line(const Line *ln, const char **val, size_t *vn)
{
    static const struct {
        const char *flag;
        int kind;
    } K[] = {{"--title", 't'}, {"--caption", 'c'}, {"--play", 'p'}};
    for (size_t i = 0; i < sizeof K / sizeof K[0]; i++) {
        size_t fl = strlen(K[i].flag);
        if (ln->n < fl || memcmp(ln->s, K[i].flag, fl) != 0 ||
            (ln->n > fl && !is_space(ln->s[fl]) && ln->s[fl] != '='))
            continue;
        const char *v = ln->s + fl;
        size_t n = ln->n - fl;
        if (n > 0 && *v == '=')
            v++, n--;
        while (n > 0 && is_space(*v))
            v++, n--;
        if (n >= 2 && (v[0] == '\'' || v[0] == '"') && v[n - 1] == v[0])
            v++, n -= 2;
        *val = v, *vn = n;
        return K[i].kind;
    }
    return 0;
}

static int is_separator(const Line *ln) { return ln->n == 3 && memcmp(ln->s, "---", 3) == 0; }

/* The text with every line outside [first, last] and every lesson line blanked
 * (spaces: the line numbers stay), in buf (len bytes). */
static void mask(const char *text, size_t len, int first, int last, char *buf)
{
    memcpy(buf, text, len);
    size_t pos = 0;
    Line ln;
    const char *v;
    size_t vn;
    for (int no = 1; next_line(text, len, &pos, &ln); no++)
        if (no < first || no > last || lesson_line(&ln, &v, &vn))
            memset(buf + ln.at, ' ', ln.raw);
}

int lesson_apply(const Lesson *l, int k, Config *cfg, char *err, size_t cap)
{
    if (k < 0 || k >= l->n_slides) {
        /* TRANSLATORS: %s is the lesson's name */
        snprintf(err, cap, _("%s has %d slides: there is no slide %d"), l->name, l->n_slides, k + 1);
        return -1;
    }
    char *buf = malloc(l->len ? l->len : 1);
    if (!buf) {
        snprintf(err, cap, _("%s: out of memory"), l->name);
        return -1;
    }
    mask(l->text, l->len, l->slide[k].first_line, l->slide[k].last_line, buf);
    int rc = scenefile_parse(buf, l->len, l->name, cfg, err, cap);
    free(buf);
    return rc;
}

/* Ends the slide that runs to line `last`: it must have a scene line or a caption. */
static int end_slide(Lesson *l, int last, int lines, int at_end, const char *name, char *err, size_t cap)
{
    if (l->n_slides < 0 || l->n_slides >= LESSON_MAX_SLIDES) { /* cannot be: the caller stops at the last */
        /* TRANSLATORS: "FILE:LINE: ..." as compilers write it; keep "%s:%d: " */
        snprintf(err, cap, _("%s:%d: more than %d slides"), name, last, LESSON_MAX_SLIDES);
        return -1;
    }
    LessonSlide *sl = &l->slide[l->n_slides];
    sl->last_line = last;
    if (lines == 0 && l->n_slides > 0 && at_end) {
        snprintf(err, cap, _("%s:%d: a '---' ends the lesson: no slide after it"), name, sl->first_line - 1);
        return -1;
    }
    if (lines == 0) {
        snprintf(err, cap, _("%s:%d: slide %d is empty (a slide is a scene's lines and its --caption)"), name,
                 l->n_slides ? sl->first_line - 1 : 1, l->n_slides + 1);
        return -1;
    }
    l->n_slides++;
    return 0;
}

int lesson_parse(const char *text, size_t len, const char *name, Lesson *out, char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", name);
    size_t pos = 0;
    Line ln;
    int no = 0, lines = 0; /* lines of the slide so far that are not blank or comments */
    char why[SPEC_ERR_MAX];
    out->slide[0].first_line = 1;
    while (next_line(text, len, &pos, &ln)) {
        no++;
        if (scenefile_check_line(text + ln.at, ln.raw, why, sizeof why) != 0) {
            snprintf(err, cap, "%s:%d: %s", name, no, why);
            goto fail;
        }
        if (is_separator(&ln)) {
            if (end_slide(out, no - 1, lines, 0, name, err, cap) != 0)
                goto fail;
            if (out->n_slides == LESSON_MAX_SLIDES) {
                snprintf(err, cap, _("%s:%d: more than %d slides"), name, no, LESSON_MAX_SLIDES);
                goto fail;
            }
            out->slide[out->n_slides].first_line = no + 1;
            lines = 0;
            continue;
        }
        if (ln.n == 0 || ln.s[0] == '#')
            continue;
        lines++;
        LessonSlide *sl = &out->slide[out->n_slides];
        const char *v;
        size_t vn;
        int kind = lesson_line(&ln, &v, &vn);
        if (kind == 'p') {
            if (vn) {
                snprintf(err, cap, _("%s:%d: --play takes no value"), name, no);
                goto fail;
            }
            sl->play = 1;
        } else if (kind == 'c' || kind == 't') {
            const char *flag = kind == 'c' ? "--caption" : "--title";
            size_t max = kind == 'c' ? LESSON_CAPTION_LINE_MAX : LESSON_TITLE_MAX;
            if (vn == 0) {
                /* TRANSLATORS: the third %s is --caption or --title */
                snprintf(err, cap, _("%s:%d: %s needs a text"), name, no, flag);
                goto fail;
            }
            if (vn >= max) {
                /* TRANSLATORS: the third %s is --caption or --title */
                snprintf(err, cap, _("%s:%d: %s is too long (%zu bytes; at most %zu)"), name, no, flag, vn, max - 1);
                goto fail;
            }
            if (kind == 't' && out->n_slides > 0) {
                snprintf(err, cap, _("%s:%d: --title belongs in the first slide"), name, no);
                goto fail;
            }
            if (kind == 'c' && sl->n_caption == LESSON_CAPTION_LINES) {
                snprintf(err, cap, _("%s:%d: more than %d --caption lines in a slide"), name, no, LESSON_CAPTION_LINES);
                goto fail;
            }
            char *dst = kind == 'c' ? sl->caption[sl->n_caption++] : out->title;
            memcpy(dst, v, vn);
            dst[vn] = '\0';
        }
    }
    if (no == 0 || (out->n_slides == 0 && lines == 0)) {
        snprintf(err, cap, _("%s: no slides (a lesson is scenes separated by lines of ---)"), name);
        goto fail;
    }
    if (end_slide(out, no, lines, 1, name, err, cap) != 0)
        goto fail;
    if (!out->title[0])
        snprintf(out->title, sizeof out->title, "%s", name);
    out->text = malloc(len ? len : 1);
    if (!out->text) {
        snprintf(err, cap, _("%s: out of memory"), name);
        goto fail;
    }
    memcpy(out->text, text, len);
    out->len = len;
    /* every slide's scene, applied to the defaults */
    for (int k = 0; k < out->n_slides; k++) {
        Config cfg;
        spec_config_defaults(&cfg);
        if (lesson_apply(out, k, &cfg, err, cap) != 0) {
            free(out->text);
            goto fail;
        }
    }
    return 0;
fail:
    memset(out, 0, sizeof *out);
    return -1;
}

int lesson_load(const char *what, Lesson *out, char *err, size_t cap)
{
    for (int i = 0; i < gs_lessons_count; i++)
        if (strcmp(what, gs_lessons[i].name) == 0)
            return lesson_parse((const char *)gs_lessons[i].data, gs_lessons[i].len, what, out, err, cap);
    char *text;
    size_t len;
    /* TRANSLATORS: put into messages such as "cannot read %s '%s': %s" */
    if (scenefile_read(what, _("lesson file"), &text, &len, err, cap) != 0) {
        /* a name that is neither: say which names there are */
        if (!strchr(what, '/') && !strchr(what, '.')) {
            /* TRANSLATORS: the built-in lessons' names follow, each after ", " (the first after " ") */
            size_t n = (size_t)snprintf(err, cap, _("no lesson '%s': the built-in ones are"), what);
            for (int i = 0; i < gs_lessons_count && n < cap; i++)
                n += (size_t)snprintf(err + n, cap - n, "%s %s", i ? "," : "", gs_lessons[i].name);
        }
        return -1;
    }
    int rc = lesson_parse(text, len, what, out, err, cap);
    free(text);
    return rc;
}

int lesson_add_slide(Lesson *l, const char *caption, int play, const char *scene, char *err, size_t cap)
{
    if (!caption[0] || strchr(caption, '\n')) {
        snprintf(err, cap, "%s", _("a slide's caption is one line of text"));
        return -1;
    }
    size_t old = l->n_slides ? l->len : 0, extra = strlen(caption) + strlen(scene) + 64;
    char *text = malloc(old + extra);
    if (!text) {
        snprintf(err, cap, "%s", _("out of memory"));
        return -1;
    }
    size_t n = 0;
    if (old) {
        memcpy(text, l->text, old);
        n = old;
        if (text[n - 1] != '\n')
            text[n++] = '\n';
        n += (size_t)snprintf(text + n, old + extra - n, "---\n");
    } else {
        n += (size_t)snprintf(text + n, old + extra - n, "--title %s\n", l->title[0] ? l->title : _("A lesson"));
    }
    n += (size_t)snprintf(text + n, old + extra - n, "--caption %s\n%s%s", caption, play ? "--play\n" : "", scene);
    Lesson *next = malloc(sizeof *next);
    int rc = next ? lesson_parse(text, n, l->name, next, err, cap) : -1;
    if (!next)
        snprintf(err, cap, "%s", _("out of memory"));
    free(text);
    if (rc == 0) {
        free(l->text);
        *l = *next;
    }
    free(next);
    return rc;
}

int lesson_save(const Lesson *l, const char *path, char *err, size_t cap)
{
    return scenefile_write_text(path, l->text, l->len, err, cap);
}

Lesson *lesson_dup(const Lesson *l)
{
    Lesson *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    *c = *l;
    c->text = malloc(l->len ? l->len : 1);
    if (!c->text) {
        free(c);
        return NULL;
    }
    memcpy(c->text, l->text, l->len);
    return c;
}

void lesson_free(Lesson *l)
{
    if (!l)
        return;
    free(l->text);
    free(l);
}
