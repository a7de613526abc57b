/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* The first window on a display: never larger than the usable area with its frame,
 * centred in it, the title bar on the screen; a window that fits is left its size. */
#include "check.h"
#include "winfit.h"

static int inside(WinRect r, WinRect u, int fw, int fh, int top)
{
    return r.x - fw / 2 >= u.x && r.y - top >= u.y && r.x - fw / 2 + r.w + fw <= u.x + u.w &&
           r.y - top + r.h + fh <= u.y + u.h;
}

int main(void)
{
    /* a 1024x768 projector with a 28 px panel at the top, a 30 px title bar */
    WinRect u = {0, 28, 1024, 740};
    WinRect r = winfit_place(1600, 900, u, 2, 32, 30);
    CHECK(r.w == 1022 && r.h == 708);
    CHECK(inside(r, u, 2, 32, 30));
    CHECK(r.y == 28 + 30);
    /* 1366x768, the commonest laptop screen, a dock at the bottom */
    u = (WinRect){0, 0, 1366, 720};
    r = winfit_place(1600, 900, u, 0, 30, 30);
    CHECK(r.w == 1366 && r.h == 690 && inside(r, u, 0, 30, 30));
    /* 1920x1080: the size asked for, centred */
    u = (WinRect){0, 0, 1920, 1050};
    r = winfit_place(1600, 900, u, 0, 30, 30);
    CHECK(r.w == 1600 && r.h == 900);
    CHECK(r.x == 160 && r.y == (1050 - 930) / 2 + 30);
    /* a second display to the right keeps its offset */
    u = (WinRect){1920, 0, 1280, 1024};
    r = winfit_place(1600, 900, u, 0, 0, 0);
    CHECK(r.x == 1920 && r.w == 1280 && r.y == 62 && r.h == 900);
    /* a resumed 3840x2160 window on a 1280x720 screen */
    u = (WinRect){0, 0, 1280, 720};
    r = winfit_place(3840, 2160, u, 0, 0, 0);
    CHECK(r.w == 1280 && r.h == 720 && r.x == 0 && r.y == 0);
    /* degenerate: a frame wider than the screen, a zero size asked for */
    r = winfit_place(800, 600, (WinRect){0, 0, 10, 10}, 40, 40, 20);
    CHECK(r.w >= 1 && r.h >= 1 && r.x >= 0 && r.y >= 20);
    r = winfit_place(0, 0, u, 0, 0, 0);
    CHECK(r.w == 1 && r.h == 1);
    return check_done("test_winfit");
}
