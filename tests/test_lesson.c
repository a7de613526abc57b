/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* lesson: every built-in lesson reads, each slide's scene builds from the defaults
 * (not from the slide before), and its captions are there; broken lessons are
 * refused with one line naming the file's line; the command line's --lesson and
 * --slide and what they refuse. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lesson.h"
#include "scene.h"
#include "spec.h"

static Lesson les;

/* parses text; returns the message (empty when it parsed) */
static const char *parse(const char *text)
{
    static char err[SPEC_ERR_MAX + 64];
    err[0] = '\0';
    if (lesson_parse(text, strlen(text), "t.lesson", &les, err, sizeof err) == 0) {
        free(les.text);
        return "";
    }
    return err;
}

static void refused(const char *text, const char *want)
{
    const char *got = parse(text);
    CHECK_MSG(strstr(got, want) != NULL, "lesson %.40s...: '%s', expected '%s'", text, got, want);
}

static void builtins(void)
{
    CHECK(lesson_builtin_count() >= 7);
    static const char *const NAMES[] = {"gradient-descent", "valleys", "adagrad", "rmsprop",
                                        "adam", "schedules", "noise"};
    for (int i = 0; i < 7; i++) {
        int found = 0;
        for (int k = 0; k < lesson_builtin_count(); k++)
            found |= strcmp(lesson_builtin_name(k), NAMES[i]) == 0;
        CHECK_MSG(found, "no built-in lesson '%s'", NAMES[i]);
    }
    for (int i = 0; i < lesson_builtin_count(); i++) {
        char err[SPEC_ERR_MAX];
        const char *name = lesson_builtin_name(i);
        CHECK_MSG(lesson_load(name, &les, err, sizeof err) == 0, "%s: %s", name, err);
        CHECK_MSG(les.n_slides >= 3 && les.n_slides <= 8, "%s has %d slides", name, les.n_slides);
        CHECK_MSG(strcmp(les.title, name) != 0, "%s has no --title", name);
        for (int k = 0; k < les.n_slides; k++) {
            CHECK_MSG(les.slide[k].n_caption >= 1, "%s slide %d has no caption", name, k + 1);
            Config cfg;
            Scene sc;
            spec_config_defaults(&cfg);
            int ok = lesson_apply(&les, k, &cfg, err, sizeof err) == 0 && spec_build_scene(&cfg, &sc, err, sizeof err) == 0;
            CHECK_MSG(ok, "%s slide %d: %s", name, k + 1, err);
            if (ok) {
                CHECK_MSG(sc.n_runs >= 1, "%s slide %d has no run", name, k + 1);
                scene_free(&sc);
            }
        }
        free(les.text);
    }
}

static void broken(void)
{
    refused("", "no slides");
    refused("# only a comment\n\n", "no slides");
    refused("---\n--caption a\n", "t.lesson:1: slide 1 is empty");
    refused("--caption a\n---\n", "t.lesson:2: a '---' ends the lesson");
    refused("--caption a\n---\n---\n--caption c\n", "t.lesson:2: slide 2 is empty");
    refused("--caption\n", "t.lesson:1: --caption needs a text");
    refused("--caption ''\n", "t.lesson:1: --caption needs a text");
    refused("--caption a\n--play 1\n", "t.lesson:2: --play takes no value");
    refused("--caption a\n---\n--title T\n--caption b\n", "t.lesson:3: --title belongs in the first slide");
    refused("--caption 1\n--caption 2\n--caption 3\n--caption 4\n--caption 5\n--caption 6\n--caption 7\n",
            "t.lesson:7: more than 6 --caption lines");
    /* a bad line in the last slide: its line in the file */
    refused("--caption a\n--steps 10\n---\n--caption b\n\n# c\n--steps x\n", "t.lesson:7: --steps");
    refused("--caption a\n---\n--caption b\n--scene other.scene\n", "t.lesson:4: --scene cannot be used");
    refused("--caption a\n---\n--caption b\n--headless\n", "t.lesson:4: --headless cannot be used");
    refused("--caption a\n--bogus\n", "t.lesson:2: unknown option");
    refused("--caption a\x01\n", "t.lesson:1: not a text file");
    /* 1000 slides: refused at the 101st */
    size_t cap = 1000 * 16;
    char *many = malloc(cap);
    size_t n = 0;
    for (int i = 0; i < 1000; i++)
        n += (size_t)snprintf(many + n, cap - n, "%s--caption s\n", i ? "---\n" : "");
    refused(many, "t.lesson:200: more than 100 slides");
    free(many);
    /* and what reads: 100 slides; CRLF lines; a byte-order mark */
    cap = 100 * 16, n = 0;
    many = malloc(cap);
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(many + n, cap - n, "%s--caption s\n", i ? "---\n" : "");
    CHECK_MSG(strcmp(parse(many), "") == 0, "100 slides: %s", parse(many));
    free(many);
    CHECK(strcmp(parse("\xEF\xBB\xBF--title T\r\n--caption a\r\n---\r\n--caption b\r\n"), "") == 0);
}

static void slides_start_from_defaults(void)
{
    char err[SPEC_ERR_MAX];
    const char *text = "--title Two\n--steps 7\n--plot lr\n--caption one\n--caption 'two'\n--play\n---\n"
                       "# the second\n--caption second\n--surface himmelblau\n";
    CHECK(lesson_parse(text, strlen(text), "two.lesson", &les, err, sizeof err) == 0);
    CHECK(les.n_slides == 2 && strcmp(les.title, "Two") == 0);
    CHECK(les.slide[0].n_caption == 2 && strcmp(les.slide[0].caption[1], "two") == 0 && les.slide[0].play);
    CHECK(les.slide[1].n_caption == 1 && !les.slide[1].play);
    CHECK(les.slide[0].first_line == 1 && les.slide[0].last_line == 6 && les.slide[1].first_line == 8);
    Config d, c;
    spec_config_defaults(&d);
    c = d;
    CHECK(lesson_apply(&les, 0, &c, err, sizeof err) == 0 && c.steps == 7 && c.plot == PLOT_ARG_LR);
    c = d;
    CHECK(lesson_apply(&les, 1, &c, err, sizeof err) == 0);
    CHECK_MSG(c.steps == d.steps && c.plot == d.plot, "slide 2 took slide 1's options: steps %d", c.steps);
    CHECK(lesson_apply(&les, 2, &c, err, sizeof err) == -1 && strstr(err, "no slide 3"));
    free(les.text);
}

static int parse_args(const char *a, const char *b, const char *c, const char *d, Config *cfg, char *err)
{
    char *argv[] = {"gradscape", (char *)a, (char *)b, (char *)c, (char *)d, NULL};
    int argc = 1;
    while (argc < 5 && argv[argc])
        argc++;
    return spec_parse_args(argc, argv, cfg, err, SPEC_ERR_MAX);
}

static void command_line(void)
{
    Config cfg;
    char err[SPEC_ERR_MAX];
    CHECK(parse_args("--lesson", "valleys", "--slide", "2", &cfg, err) == 0);
    CHECK(spec_lesson(&cfg) && spec_slide(&cfg) == 1 && spec_lesson(&cfg)->n_slides >= 3);
    Config s3;
    CHECK(spec_slide_config(&cfg, 2, &s3, err, sizeof err) == 0 && spec_slide(&s3) == 2 && spec_lesson(&s3));
    CHECK(parse_args("--lesson", "valleys", "--surface", "himmelblau", &cfg, err) == -1 &&
          strstr(err, "--surface cannot be given with it"));
    CHECK(parse_args("--slide", "2", NULL, NULL, &cfg, err) == -1 && strstr(err, "--slide needs --lesson"));
    CHECK(parse_args("--lesson", "valleys", "--slide", "99", &cfg, err) == -1 && strstr(err, "has 6 slides"));
    CHECK(parse_args("--lesson", "valleys", "--slide", "0", &cfg, err) == -1 && strstr(err, "from 1"));
    CHECK(parse_args("--lesson", "nope", NULL, NULL, &cfg, err) == -1 && strstr(err, "no lesson 'nope'") &&
          strstr(err, "valleys"));
    CHECK(parse_args("--lesson", "/nonexistent/x.lesson", NULL, NULL, &cfg, err) == -1 &&
          strstr(err, "No such file"));
    CHECK(parse_args("--headless", "--screenshot", "dir/", NULL, &cfg, err) == -1 && strstr(err, "give --lesson"));
}

/* Authoring: slides added to a new lesson and to an opened one; saved and read
 * back, the same text and slides; a bad caption changes nothing. */
static void authoring(void)
{
    char err[SPEC_ERR_MAX];
    Lesson *l = calloc(1, sizeof *l);
    snprintf(l->name, sizeof l->name, "new.lesson");
    CHECK(lesson_add_slide(l, "first", 1, "--steps 5\n--surface himmelblau\n", err, sizeof err) == 0);
    CHECK(l->n_slides == 1 && strcmp(l->title, "A lesson") == 0 && l->slide[0].play);
    CHECK(lesson_add_slide(l, "second", 0, "# a scene\n--steps 9\n", err, sizeof err) == 0);
    CHECK(l->n_slides == 2 && strcmp(l->slide[1].caption[0], "second") == 0 && !l->slide[1].play);
    size_t len = l->len;
    CHECK(lesson_add_slide(l, "", 0, "--steps 3\n", err, sizeof err) == -1 && l->n_slides == 2 && l->len == len);
    CHECK(lesson_add_slide(l, "bad", 0, "--steps x\n", err, sizeof err) == -1 && strstr(err, "new.lesson:") &&
          l->n_slides == 2 && l->len == len);
    char path[] = "/tmp/gs-test-lesson-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0)
        close(fd);
    CHECK(lesson_save(l, path, err, sizeof err) == 0);
    Lesson *back = malloc(sizeof *back);
    CHECK(lesson_load(path, back, err, sizeof err) == 0);
    CHECK(back->len == l->len && memcmp(back->text, l->text, l->len) == 0);
    CHECK(back->n_slides == 2 && strcmp(back->slide[0].caption[0], "first") == 0);
    for (int k = 0; k < 2; k++) {
        Config a, b;
        spec_config_defaults(&a);
        b = a;
        CHECK(lesson_apply(l, k, &a, err, sizeof err) == 0 && lesson_apply(back, k, &b, err, sizeof err) == 0);
        CHECK(a.steps == (k ? 9 : 5) && a.steps == b.steps);
    }
    free(back->text);
    free(back);
    remove(path);
    lesson_free(l);
}

int main(void)
{
    authoring();
    builtins();
    broken();
    slides_start_from_defaults();
    command_line();
    return check_done("test_lesson");
}
