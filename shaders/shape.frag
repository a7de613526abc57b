#version 330 core
// Coverage of the batched primitives from signed distances in pixels (a one-pixel
// anti-aliasing ramp), output premultiplied (blend ONE, ONE_MINUS_SRC_ALPHA).
// mode 0: filled rounded box with an optional inner outline (rects, discs, lines)
// mode 1: rounded box outline only (frames)
// mode 2: glyph, coverage from the atlas
// mode 3: solid (pixel-aligned rectangles: no edge to smooth)
in vec2 v_local;
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
    int mode = int(v_prm.z + 0.5);
    vec4 c = vec4(v_col.rgb * v_col.a, v_col.a);
    if (mode == 2) {
        o_color = c * texture(u_atlas, v_local).r;
    } else if (mode == 3) {
        o_color = c;
    } else {
        float d = box(v_local, v_half, v_prm.x);
        float a = clamp(0.5 - d, 0.0, 1.0);
        float inner = clamp(0.5 - d - v_prm.y, 0.0, 1.0);
        if (mode == 1) {
            o_color = c * (a - inner);
        } else if (v_prm.y > 0.0) {
            vec4 o = vec4(v_col2.rgb * v_col2.a, v_col2.a);
            o_color = mix(o, c, inner) * a;
        } else {
            o_color = c * a;
        }
    }
}
