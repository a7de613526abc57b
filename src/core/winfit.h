/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* winfit: where the first window goes on a display. A projector at 1024x768 or a
 * 1366x768 laptop must show the whole window: title, controls and all.
 *
 * Invariant: the window with its frame never extends past the usable area (the
 * display less its panels and docks), unless the usable area is smaller than the
 * window's frame alone. */
#ifndef GS_WINFIT_H
#define GS_WINFIT_H

typedef struct WinRect {
    int x, y, w, h;
} WinRect;

/* The window's client size and place for a wanted size: at most what fits in
 * `usable` with the frame around it (frame_w and frame_h: the frame's added width
 * and height, the title bar included), each side cut to the room on its own (a
 * 4:3 projector gets a 4:3 window), and centred in the usable area (frame_top: the part of frame_h above the client
 * area, so that the title bar stays on the screen). */
WinRect winfit_place(int want_w, int want_h, WinRect usable, int frame_w, int frame_h, int frame_top);

#endif
