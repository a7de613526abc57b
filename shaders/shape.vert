#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// Every batched 2D primitive (rounded rects, frames, lines, discs, glyphs): positions in pixels, origin top left, y down.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_local;   // shape-local pixels
layout(location = 2) in vec2 a_half;    // half extents
layout(location = 3) in vec3 a_prm;     // corner radius, outline width, 1 = outline only
layout(location = 4) in vec4 a_col;     // straight-alpha colour
layout(location = 5) in vec4 a_col2;    // outline colour
layout(location = 6) in vec2 a_uv;      // atlas coordinates, in texels

uniform vec2 u_screen;                  // target size in pixels
uniform sampler2D u_atlas;              // the glyph atlas, whose size grows

out vec2 v_local;
out vec2 v_uv;
flat out vec2 v_half;
flat out vec3 v_prm;
flat out vec4 v_col;
flat out vec4 v_col2;

void main() {
    gl_Position = vec4(a_pos.x / u_screen.x * 2.0 - 1.0, 1.0 - a_pos.y / u_screen.y * 2.0, 0.0, 1.0);
    v_local = a_local;
    v_uv = a_uv / vec2(textureSize(u_atlas, 0));
    v_half = a_half;
    v_prm = a_prm;
    v_col = a_col;
    v_col2 = a_col2;
}
