#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// A picture scaled into a rect, filtered as its texture says (scale.vert): the 3D
// picture drawn at half size while the camera turns, scaled up. Only the texture
// read, so that a software rasterizer can take its fast path for copies.
in vec2 v_uv;
out vec4 o_color;
uniform sampler2D u_image;

void main() {
    o_color = texture(u_image, v_uv);
}
