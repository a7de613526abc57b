#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// An image in a pixel rect (origin top left, y down), drawn as one quad with no
// vertex buffer: u_rect is x, y, w, h; texture row 0 is the image's top row.
uniform vec2 u_screen;
uniform vec4 u_rect;
out vec2 v_uv;

void main() {
    vec2 c = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec2 p = u_rect.xy + c * u_rect.zw;
    gl_Position = vec4(p.x / u_screen.x * 2.0 - 1.0, 1.0 - p.y / u_screen.y * 2.0, 0.0, 1.0);
    v_uv = c;
}
