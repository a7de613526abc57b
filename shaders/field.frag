#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// The loss field: colour from the surface's value (log-scaled when the losses span
// many orders), with anti-aliased contour lines. The surface function gs_f is
// generated from the same compiled expression the CPU uses, and inserted below.
in vec2 v_world;                 // (x, y) in the surface's coordinates
out vec4 o_color;

uniform float u_param[8];        // the surface's parameters
uniform int u_log;               // 1: colour by log10(f - u_fmin + u_delta)
uniform float u_fmin;            // lowest value in view (for the log scale)
uniform float u_delta;           // offset that keeps the log finite at the minimum
uniform vec2 u_range;            // the colour scale's low and high ends, after the log
uniform float u_levels;          // contour lines over the colour scale
uniform sampler2D u_colormap;    // 256 x 1 perceptually uniform colormap
uniform int u_mode;              // 0: colour, 1: raw value into a float target

//@SURFACE@

void main() {
    float f = gs_f(v_world.x, v_world.y);
    if (u_mode == 1) {
        o_color = vec4(f, 0.0, 0.0, 1.0);
        return;
    }
    float s = (u_log == 1) ? log(max(f - u_fmin, 0.0) + u_delta) * 0.4342944819 : f;
    float t = (s - u_range.x) / (u_range.y - u_range.x);
    if (isnan(t)) t = 1.0;
    vec3 c = texture(u_colormap, vec2(clamp(t, 0.0, 1.0) * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
    // contours: distance to the nearest level in screen pixels
    float lv = t * u_levels;
    float w = fwidth(lv);
    float d = abs(fract(lv + 0.5) - 0.5) / max(w, 1e-6);
    float line = 1.0 - smoothstep(0.5, 1.5, d);
    line *= 1.0 - smoothstep(0.25, 0.6, w);     // fade where levels crowd together
    c = mix(c, c * 0.55, line * 0.8);
    o_color = vec4(c, 1.0);
}
