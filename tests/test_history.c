/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* history: states recorded, undone and redone; equal states not recorded twice; a
 * record after an undo drops what was ahead; 256 deep, the oldest dropped; and the
 * words a notice gives for a change. */
#include "check.h"

#include <stdio.h>
#include <string.h>

#include "history.h"

static void describe(const char *from, const char *to, const char *want)
{
    char out[200];
    history_describe(from, to, out, sizeof out);
    CHECK_MSG(strcmp(out, want) == 0, "'%s', expected '%s'", out, want);
}

int main(void)
{
    History h;
    history_init(&h);
    CHECK(history_undo(&h) == NULL && history_redo(&h) == NULL);
    CHECK(history_record(&h, "a") == 1 && history_record(&h, "a") == 0 && h.n == 1);
    CHECK(history_record(&h, "b") == 1 && history_record(&h, "c") == 1);
    CHECK(strcmp(history_undo(&h), "b") == 0 && strcmp(history_undo(&h), "a") == 0 && history_undo(&h) == NULL);
    CHECK(strcmp(history_redo(&h), "b") == 0);
    CHECK(history_record(&h, "d") == 1 && h.n == 3 && history_redo(&h) == NULL); /* "c" is gone */
    CHECK(strcmp(history_undo(&h), "b") == 0);
    history_free(&h);
    for (int i = 0; i < 300; i++) {
        char t[16];
        snprintf(t, sizeof t, "s%d", i);
        CHECK(history_record(&h, t) == 1);
    }
    CHECK(h.n == HISTORY_DEPTH && strcmp(h.text[0], "s44") == 0 && strcmp(h.text[h.at], "s299") == 0);
    int undone = 0;
    while (history_undo(&h))
        undone++;
    CHECK(undone == HISTORY_DEPTH - 1);
    history_free(&h);

    const char *s1 = "# gradscape scene\n--steps 2000\n--opt sgd:lr=0.0002,label=sgd\n"
                     "--opt adam:lr=0.050000000000000003,beta1=0.9,label=adam\n";
    const char *s2 = "# gradscape scene\n--steps 2000\n--opt sgd:lr=0.0002,label=sgd\n"
                     "--opt adam:lr=0.02,beta1=0.9,label=adam\n";
    describe(s2, s1, "adam lr 0.02 \xe2\x86\x92 0.05");
    describe("--steps 2000\n", "--steps 500\n", "steps 2000 \xe2\x86\x92 500");
    describe("--layout overlay\n", "--layout grid\n", "layout overlay \xe2\x86\x92 grid");
    describe(s1, "# gradscape scene\n--steps 2000\n--opt sgd:lr=0.0002,label=sgd\n", "a run removed");
    describe("--steps 9\n", s1, "a run added");
    describe("--steps 9\n", "--steps 9\n--noise 1\n", "the scene");
    return check_done("test_history");
}
