/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* lesson: a class as a sequence of slides, each a scene with a caption. A lesson
 * file is scene files (scenefile.h: the same language, read by the same parser)
 * separated by lines holding only "---"; besides a scene's options, a slide's lines
 * may be:
 *     --title TEXT     the lesson's title (in the first slide only)
 *     --caption TEXT   a line of the slide's caption (repeatable)
 *     --play           the animation runs from step 0 when the slide is shown
 * '#' lines are comments. Each slide starts from the defaults, not from the slide
 * before. The built-in lessons are the files of assets/lessons/, embedded, found by
 * their names ("valleys" is assets/lessons/valleys.lesson).
 *
 * Invariants: a lesson is read whole or refused with one line naming the file and
 * the line ("class.lesson:12: ..."); every slide of a parsed lesson applies. */
#ifndef GS_LESSON_H
#define GS_LESSON_H

#include <stddef.h>

#include "spec.h"

#define LESSON_MAX_SLIDES 100
#define LESSON_CAPTION_LINES 6      /* --caption lines in a slide */
#define LESSON_CAPTION_LINE_MAX 240 /* bytes in one, with its NUL */
#define LESSON_TITLE_MAX 120

typedef struct LessonSlide {
    int first_line, last_line; /* its lines in the file, from 1 (the "---" not included) */
    int n_caption;
    char caption[LESSON_CAPTION_LINES][LESSON_CAPTION_LINE_MAX];
    int play;
} LessonSlide;

typedef struct Lesson {
    char name[1200];            /* as opened: a built-in's name, or the file's path */
    char title[LESSON_TITLE_MAX]; /* --title, or the name */
    char *text;                 /* the file's text (owned; not NUL-terminated) */
    size_t len;
    int n_slides;
    LessonSlide slide[LESSON_MAX_SLIDES];
} Lesson;

/* Parses a lesson's text (len bytes) into *out, naming it `name` in messages and in
 * out->name; every slide is applied to the defaults to check it. Returns 0, or -1
 * with err (out is then empty: nothing to free). */
int lesson_parse(const char *text, size_t len, const char *name, Lesson *out, char *err, size_t cap);

/* Opens a built-in lesson by name, or else the file at `what`. Returns 0, or -1
 * with err. */
int lesson_load(const char *what, Lesson *out, char *err, size_t cap);

/* Applies slide k (from 0) onto cfg: its scene lines, as a scene file's. Returns 0,
 * or -1 with err (cfg unchanged). */
int lesson_apply(const Lesson *l, int k, Config *cfg, char *err, size_t cap);

/* Adds a slide at the end of l (or makes l a lesson of one slide when it has none):
 * the caption (one line), --play if `play`, then `scene` (a scene file's text, as
 * scenefile_format writes it). l's text grows by exactly these lines, so that it
 * saves and reopens to the same slides. Returns 0, or -1 with err (l unchanged). */
int lesson_add_slide(Lesson *l, const char *caption, int play, const char *scene, char *err, size_t cap);

/* Writes l's text to path: atomically, through a symlink (scenefile_write_text).
 * Returns 0, or -1 with err. */
int lesson_save(const Lesson *l, const char *path, char *err, size_t cap);

/* A copy of l with its own text (NULL when out of memory), and freeing one. */
Lesson *lesson_dup(const Lesson *l);
void lesson_free(Lesson *l);

/* The built-in lessons: how many, and the name of the i-th (the order of --list). */
int lesson_builtin_count(void);
const char *lesson_builtin_name(int i);

#endif
