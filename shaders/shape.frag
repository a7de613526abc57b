#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// Coverage of the batched primitives from signed distances in pixels (a one-pixel
// anti-aliasing ramp), times the atlas (glyph coverage; shapes read a white
// texel). Output premultiplied (blend ONE, ONE_MINUS_SRC_ALPHA). Branch-free on
// purpose: a software rasterizer runs every side of a per-pixel branch.
//   filled rounded box with an inner outline of width v_prm.y in v_col2 (0: none)
//   v_prm.z = 1: the box's outline only (frames)
//   glyphs and solid rects: v_half huge, so the box covers everything
in vec2 v_local;
in vec2 v_uv;
flat in vec2 v_half;
flat in vec3 v_prm;
flat in vec4 v_col;
flat in vec4 v_col2;
out vec4 o_color;

uniform sampler2D u_atlas;

float box(vec2 p, vec2 b, float r) {
    vec2 q = abs(p) - b + r;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

void main() {
    vec4 c = vec4(v_col.rgb * v_col.a, v_col.a);
    vec4 o = vec4(v_col2.rgb * v_col2.a, v_col2.a);
    float d = box(v_local, v_half, v_prm.x);
    float a = clamp(0.5 - d, 0.0, 1.0);
    float inner = v_prm.y > 0.0 ? clamp(0.5 - d - v_prm.y, 0.0, 1.0) : 1.0;
    vec4 fill = mix(o, c, inner) * a;
    vec4 ring = c * (a - inner);
    o_color = (v_prm.z > 0.5 ? ring : fill) * texture(u_atlas, v_uv).r;
}
