#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// A trajectory as a triangle strip: each vertex is a strip edge point in pixels
// (origin top left, y down) with its signed distance across the line.
layout(location = 0) in vec3 a_pos_d;   // x, y, signed distance in pixels

uniform vec2 u_screen;

out float v_d;

void main() {
    gl_Position = vec4(a_pos_d.x / u_screen.x * 2.0 - 1.0, 1.0 - a_pos_d.y / u_screen.y * 2.0, 0.0, 1.0);
    v_d = a_pos_d.z;
}
