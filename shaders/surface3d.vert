#version 330 core
// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The gradscape authors
// The surface in 3D: a grid of u_n x u_n vertices over the view (gl_VertexID is the
// grid index; no vertex buffer), lifted by the surface's value: the colour scale's
// position t (as field.frag computes it, log where it is log) times the box's
// height, clamped to the box.
// Mode 1 evaluates the surface's function at every vertex and writes its t to the
// vertex's own pixel of a u_n x u_n float target: the heights, made again only when
// the formula, its parameters or the view change. Mode 0 draws the mesh from those
// heights (u_heights), the normal from the heights a vertex away; so turning the
// camera costs no evaluation. Mode 2 draws the floor, the view at y = u_floor.
uniform float u_param[8];
uniform int u_log;
uniform float u_fmin, u_delta;
uniform vec2 u_range;
uniform vec4 u_view;      // x0, x1, y0, y1
uniform vec4 u_box;       // cx, cy, half, height
uniform float u_floor;
uniform int u_n;
uniform int u_mode;
uniform mat4 u_mvp;
uniform sampler2D u_heights;

out vec2 v_uv;
out vec3 v_normal;
out float v_t;

//@SURFACE@

float scale_t(vec2 w) {
    float f = gs_f(w.x, w.y);
    float s = (u_log == 1) ? log(max(f - u_fmin, 0.0) + u_delta) * 0.4342944819 : f;
    float t = (s - u_range.x) / (u_range.y - u_range.x);
    return isnan(t) ? 0.0 : t;
}

vec3 box_point(vec2 w, float t) {
    return vec3((w.x - u_box.x) / u_box.z, clamp(t, 0.0, 1.0) * u_box.w, -(w.y - u_box.y) / u_box.z);
}

void main() {
    vec2 uv;
    if (u_mode == 2)
        uv = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    else
        uv = vec2(float(gl_VertexID % u_n), float(gl_VertexID / u_n)) / float(u_n - 1);
    vec2 w = vec2(mix(u_view.x, u_view.y, uv.x), mix(u_view.z, u_view.w, uv.y));
    v_uv = uv;
    if (u_mode == 2) {
        v_t = 0.5;
        v_normal = vec3(0.0, 1.0, 0.0);
        gl_Position = u_mvp * vec4((w.x - u_box.x) / u_box.z, u_floor, -(w.y - u_box.y) / u_box.z, 1.0);
        return;
    }
    if (u_mode == 0) {
        ivec2 ij = ivec2(gl_VertexID % u_n, gl_VertexID / u_n);
        float t = texelFetch(u_heights, ij, 0).r;
        vec2 d = vec2(u_view.y - u_view.x, u_view.w - u_view.z) / float(u_n - 1);
        ivec2 lo = max(ij - 1, ivec2(0)), hi = min(ij + 1, ivec2(u_n - 1));
        vec3 ex = box_point(w + vec2(d.x * float(hi.x - ij.x), 0.0), texelFetch(u_heights, ivec2(hi.x, ij.y), 0).r) -
                  box_point(w - vec2(d.x * float(ij.x - lo.x), 0.0), texelFetch(u_heights, ivec2(lo.x, ij.y), 0).r);
        vec3 ez = box_point(w + vec2(0.0, d.y * float(hi.y - ij.y)), texelFetch(u_heights, ivec2(ij.x, hi.y), 0).r) -
                  box_point(w - vec2(0.0, d.y * float(ij.y - lo.y)), texelFetch(u_heights, ivec2(ij.x, lo.y), 0).r);
        vec3 n = cross(ex, ez);
        v_normal = n.y < 0.0 ? -n : n;
        v_t = t;
        gl_Position = u_mvp * vec4(box_point(w, t), 1.0);
        return;
    }
    float t = scale_t(w);
    v_t = t;
    v_normal = vec3(0.0, 1.0, 0.0);
    if (u_mode == 1) {
        gl_PointSize = 1.0;
        vec2 px = (vec2(float(gl_VertexID % u_n), float(gl_VertexID / u_n)) + 0.5) / float(u_n);
        gl_Position = vec4(px * 2.0 - 1.0, 0.0, 1.0);
        return;
    }
    gl_Position = u_mvp * vec4(box_point(w, t), 1.0);
}
