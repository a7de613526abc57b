/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* ui_wrap: lines of English break after spaces and operators; lines of Chinese,
 * which has no spaces, between any two characters, never before closing
 * punctuation (，。：）); every line fits, and the lines are the text. Widths come
 * from a stand-in font: a byte of ASCII one unit, any other character two. */
#include "check.h"

#include <string.h>

#include "ui.h"

static float units(void *user, int font, float size, const char *s, int len)
{
    (void)user, (void)font, (void)size;
    float w = 0;
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        w += c < 0x80 ? 1.0f : (c & 0xC0) == 0xC0 ? 2.0f : 0.0f;
    }
    return w;
}

/* Wraps s at width w and checks the lines; returns how many. */
static int wrap_check(UiContext *ui, const char *s, float w, char lines[][128])
{
    int starts[32], len = (int)strlen(s);
    int n = ui_wrap(ui, 0, 16, s, w, starts, 32);
    for (int i = 0; i < n; i++) {
        int end = i + 1 < n ? starts[i + 1] : len;
        snprintf(lines[i], 128, "%.*s", end - starts[i], s + starts[i]);
        /* a trailing space may hang past the edge */
        float lw = units(NULL, 0, 16, s + starts[i], end - starts[i]) - (end > starts[i] && s[end - 1] == ' ');
        CHECK_MSG(lw <= w, "'%s' line %d '%s' is %g wide, over %g", s, i, lines[i], lw, w);
        static const char *const closing[] = {"，", "。", "：", "）", "、", "；"};
        for (int k = 0; i > 0 && k < 6; k++)
            CHECK_MSG(strncmp(lines[i], closing[k], strlen(closing[k])) != 0, "line %d starts with %s", i, closing[k]);
    }
    return n;
}

int main(void)
{
    static UiContext ui;
    ui_init(&ui, units, NULL);
    ui.style.scale = 1.0f;
    char lines[32][128];

    /* English: at the spaces, as before */
    int n = wrap_check(&ui, "aaa bbb ccc", 8, lines);
    CHECK(n == 2);
    CHECK_STR(lines[0], "aaa bbb ");
    CHECK_STR(lines[1], "ccc");

    /* Chinese: full lines of 5 characters (10 units), the comma kept on its line */
    const char *zh = "学习率决定了参数更新的步长，过大则发散。";
    n = wrap_check(&ui, zh, 10, lines);
    CHECK_MSG(n == 4, "%d lines", n);
    CHECK_STR(lines[0], "学习率决定");
    CHECK_STR(lines[1], "了参数更新");
    /* "的步长" then "，" may not start the next line: the break moves back one */
    CHECK_STR(lines[2], "的步长，过");
    CHECK_STR(lines[3], "大则发散。");

    /* mixed: Chinese fills the line after a Latin word; a Latin word is not split
     * while there is a break before it */
    n = wrap_check(&ui, "AdaGrad 给每个坐标自己的步长", 12, lines);
    CHECK_STR(lines[0], "AdaGrad 给每");
    CHECK_STR(lines[1], "个坐标自己的");
    CHECK_STR(lines[2], "步长");
    CHECK_MSG(n == 3, "%d lines", n);
    n = wrap_check(&ui, "步长为lr除以根号s", 9, lines);
    CHECK_STR(lines[0], "步长为lr");
    n = wrap_check(&ui, "步长为lr除以根号s", 7, lines);
    CHECK_STR(lines[0], "步长为");
    CHECK_STR(lines[1], "lr除以");
    return check_done("test_uiwrap");
}
