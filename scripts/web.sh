#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Builds the browser version into build-web/ (index.html, gradscape.js,
# gradscape.wasm, the icon): static files any web server can serve. Installs what is missing
# from Debian's packages (emscripten, which brings clang, lld and binaryen; Node.js
# runs its JavaScript tools). Nothing is downloaded from anywhere else: Debian's
# emscripten comes with its C library prebuilt, and the build uses no
# network-fetched "ports" (Debian's is frozen to its prebuilt cache).
#   scripts/web.sh          build (incremental)
#   scripts/web.sh --serve  build, then serve build-web/ on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scripts/deps.sh --web
obj="$root/build-web-obj"
out="$root/build-web"
# Debian's emscripten runs its tools with the system's node, which may not look in
# Debian's own module folder (acorn, for the JavaScript optimizer)
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
mkdir -p "$obj/host" "$out"
# the embed tool runs on this machine at build time: built with the host's compiler
if [ ! -x "$obj/host/gs_embed" ] || [ src/tools/embed.c -nt "$obj/host/gs_embed" ]; then
  cc -O2 -std=c11 -o "$obj/host/gs_embed" src/tools/embed.c
fi
# emcmake prints its own command line: only the errors are shown
if ! emcmake cmake -S . -B "$obj" -DCMAKE_BUILD_TYPE=Release -DGS_EMBED_TOOL="$obj/host/gs_embed" \
    >"$obj/configure.log" 2>&1; then
  cat "$obj/configure.log" >&2
  exit 1
fi
cmake --build "$obj" -j"$(nproc)" >/dev/null
cp "$obj/gradscape.js" "$obj/gradscape.wasm" src/web/index.html assets/icon/gradscape.svg "$out/"
echo "Built $out: $(du -ch "$out"/* | tail -1 | cut -f1) ($(gzip -9c "$out/gradscape.wasm" | wc -c) bytes of wasm gzipped)"
if [ "${1:-}" = "--serve" ]; then
  echo "Serving on http://127.0.0.1:8000 (Ctrl+C stops)"
  exec python3 -m http.server --bind 127.0.0.1 --directory "$out" 8000
fi
