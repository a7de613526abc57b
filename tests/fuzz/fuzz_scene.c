/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* libFuzzer target: a scene file's text, and the same bytes as a lesson file's.
 * lesson_parse must accept them (every slide then applies to the defaults, with its
 * captions non-empty) or give one line naming the file. scenefile_parse must accept it or give one
 * line naming the file and the line, leaving the config as it was. When it accepts
 * a run, the scene is built (steps capped at 1000 so that one input stays fast),
 * written as a scene file, read back and built again: the trajectories must be the
 * same bit for bit. Every built scene's labels must pass scene_label_check and be
 * distinct, and read back unchanged. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "scenefile.h"

#define EXPECT(c)                                                                    \
    do {                                                                             \
        if (!(c)) {                                                                  \
            fprintf(stderr, "fuzz_scene: invariant failed: %s (line %d)\n", #c, __LINE__); \
            abort();                                                                 \
        }                                                                            \
    } while (0)

#define MAX_STEPS 1000

/* every label a readable name (scene_label_check), no two runs sharing one */
static void expect_labels(const Scene *sc)
{
    for (int i = 0; i < sc->n_runs; i++) {
        char why[128];
        EXPECT(scene_label_check(sc->run[i].label, why, sizeof why) == 0);
        EXPECT(scene_find_run(sc, sc->run[i].label) == i);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Config cfg, before, again;
    static Scene sc, back;
    static char text[1 << 16];
    char err[SPEC_ERR_MAX + 64];
    static Lesson les;
    if (lesson_parse((const char *)data, size, "f.lesson", &les, err, sizeof err) != 0) {
        EXPECT(strncmp(err, "f.lesson", 8) == 0 && strchr(err, '\n') == NULL);
    } else {
        EXPECT(les.n_slides >= 1 && les.n_slides <= LESSON_MAX_SLIDES && les.title[0]);
        for (int k = 0; k < les.n_slides; k++) {
            const LessonSlide *s = &les.slide[k];
            EXPECT(s->first_line >= 1 && s->first_line <= s->last_line + 1);
            EXPECT(k == 0 || s->first_line > les.slide[k - 1].last_line);
            for (int c = 0; c < s->n_caption; c++)
                EXPECT(s->caption[c][0] && strlen(s->caption[c]) < LESSON_CAPTION_LINE_MAX);
            spec_config_defaults(&cfg);
            EXPECT(lesson_apply(&les, k, &cfg, err, sizeof err) == 0);
        }
        free(les.text);
    }
    spec_config_defaults(&cfg);
    before = cfg;
    if (scenefile_parse((const char *)data, size, "f.scene", &cfg, err, sizeof err) != 0) {
        EXPECT(strncmp(err, "f.scene:", 8) == 0 && strchr(err, '\n') == NULL);
        EXPECT(memcmp(&cfg, &before, sizeof cfg) == 0);
        return 0;
    }
    EXPECT(cfg.n_opts >= 0 && cfg.n_opts <= SCENE_MAX_RUNS);
    if (cfg.steps < 0 || cfg.steps > MAX_STEPS)
        cfg.steps = MAX_STEPS;
    if (spec_build_scene(&cfg, &sc, err, sizeof err) != 0) {
        EXPECT(err[0] && strchr(err, '\n') == NULL);
        return 0;
    }
    expect_labels(&sc);
    SceneFileView v;
    scenefile_view_from_config(&cfg, &sc, &v);
    int n = scenefile_format(&sc, &v, text, sizeof text);
    EXPECT(n > 0);
    spec_config_defaults(&again);
    if (scenefile_parse(text, (size_t)n, "written", &again, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n%s", err, text);
        EXPECT(0);
    }
    EXPECT(spec_build_scene(&again, &back, err, sizeof err) == 0);
    EXPECT(back.n_runs == sc.n_runs && back.steps == sc.steps);
    expect_labels(&back);
    for (int i = 0; i < sc.n_runs; i++) {
        EXPECT(strcmp(back.run[i].label, sc.run[i].label) == 0);
        EXPECT(back.run[i].n == sc.run[i].n);
        EXPECT(memcmp(back.run[i].traj, sc.run[i].traj, sizeof *sc.run[i].traj * (size_t)sc.run[i].n) == 0);
        EXPECT(memcmp(back.run[i].hp, sc.run[i].hp, sizeof sc.run[i].hp) == 0);
    }
    scene_free(&back);
    scene_free(&sc);
    return 0;
}
