/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* winfit: the first window's size and place (see winfit.h). */
#include "winfit.h"

WinRect winfit_place(int want_w, int want_h, WinRect usable, int frame_w, int frame_h, int frame_top)
{
    int room_w = usable.w - frame_w, room_h = usable.h - frame_h;
    if (room_w < 1)
        room_w = 1;
    if (room_h < 1)
        room_h = 1;
    int w = want_w > 0 ? want_w : 1, h = want_h > 0 ? want_h : 1;
    /* each side to the room: on a 4:3 projector the window takes its height too */
    if (w > room_w)
        w = room_w;
    if (h > room_h)
        h = room_h;
    WinRect r = {.w = w, .h = h};
    r.x = usable.x + (usable.w - frame_w - w) / 2 + frame_w / 2;
    r.y = usable.y + (usable.h - frame_h - h) / 2 + frame_top;
    if (r.x < usable.x)
        r.x = usable.x;
    if (r.y < usable.y + frame_top)
        r.y = usable.y + frame_top;
    return r;
}
