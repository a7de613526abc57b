#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// The image's texels, each a crisp cell (nearest), times an overall alpha;
// premultiplied output (blend ONE, ONE_MINUS_SRC_ALPHA). The texels are
// 0xRRGGBBAA words uploaded as bytes, so they arrive as (a, b, g, r).
in vec2 v_uv;
out vec4 o_color;
uniform sampler2D u_image;
uniform float u_alpha;

void main() {
    vec4 c = texture(u_image, v_uv).abgr;
    float a = c.a * u_alpha;
    o_color = vec4(c.rgb * a, a);
}
