#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// The field's quad: covers the whole target (drawn with 4 vertices as a triangle
// strip, no vertex buffer); v_world runs over the view, y0 at the bottom row.
uniform vec4 u_view;             // x0, x1, y0, y1
out vec2 v_world;

void main() {
    vec2 c = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    gl_Position = vec4(c * 2.0 - 1.0, 0.0, 1.0);
    v_world = vec2(mix(u_view.x, u_view.y, c.x), mix(u_view.z, u_view.w, c.y));
}
