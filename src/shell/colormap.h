/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The gradscape authors */
/* colormap: the field's colour scale, matplotlib's viridis as 256 RGB bytes
 * (generated into colormap.c by scripts/gen_colormap.py). */
#ifndef GS_COLORMAP_H
#define GS_COLORMAP_H

extern const unsigned char gs_viridis[256][3];

#endif
