#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// The line over its dark halo, each edge a one-pixel anti-aliasing ramp; output
// premultiplied (blend ONE, ONE_MINUS_SRC_ALPHA).
in float v_d;
out vec4 o_color;

uniform vec4 u_color;   // line, premultiplied
uniform vec4 u_halo;    // halo, premultiplied
uniform vec2 u_half;    // half widths: line, halo

void main() {
    float d = abs(v_d);
    float line = clamp(u_half.x - d + 0.5, 0.0, 1.0);
    float halo = clamp(u_half.y - d + 0.5, 0.0, 1.0);
    o_color = u_color * line + u_halo * (halo * (1.0 - u_color.a * line));
}
