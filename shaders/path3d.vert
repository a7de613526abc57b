#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// A trajectory in the 3D picture: the strip of path.vert with each vertex's depth.
layout(location = 0) in vec4 a_pos_d;   // x, y in pixels, signed distance, depth in [0, 1]

uniform vec2 u_screen;

out float v_d;

void main() {
    gl_Position = vec4(a_pos_d.x / u_screen.x * 2.0 - 1.0, 1.0 - a_pos_d.y / u_screen.y * 2.0,
                       a_pos_d.w * 2.0 - 1.0, 1.0);
    v_d = a_pos_d.z;
}
