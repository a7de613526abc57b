#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// The surface's colour is the 2D field's (the same colormap and contour lines,
// from its texture), lit by one light from the upper left with a little ambient
// and specular; the floor is the field, dimmed. Mode 1: the value t, for tests.
in vec2 v_uv;
in vec3 v_normal;
in float v_t;
out vec4 o_color;

uniform sampler2D u_field;
uniform int u_mode;
uniform vec3 u_eye_dir;   // towards the camera

void main() {
    if (u_mode == 1) {
        o_color = vec4(v_t, 0.0, 0.0, 1.0);
        return;
    }
    vec3 c = texture(u_field, v_uv).rgb;
    if (u_mode == 2) {
        o_color = vec4(c * 0.42, 1.0);
        return;
    }
    vec3 n = normalize(v_normal);
    vec3 l = normalize(vec3(-0.45, 0.85, 0.35));
    float diffuse = max(dot(n, l), 0.0);
    vec3 h = normalize(l + normalize(u_eye_dir));
    float spec = pow(max(dot(n, h), 0.0), 40.0) * 0.18;
    o_color = vec4(c * (0.5 + 0.6 * diffuse) + vec3(spec), 1.0);
}
