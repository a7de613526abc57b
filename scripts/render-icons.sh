#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Renders the icon's PNGs (assets/icon/gradscape-N.png, the sizes the install puts
# in the hicolor theme) from assets/icon/gradscape.svg. Run it after changing the
# SVG and commit the PNGs with it: the build takes them as they are, so it needs no
# SVG renderer. Needs rsvg-convert (Debian's librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 2; }
for n in 16 32 48 64 128 256; do
  out=assets/icon/gradscape-$n.png
  rsvg-convert -w "$n" -h "$n" -o "$out.tmp" assets/icon/gradscape.svg
  mv "$out.tmp" "$out"
done
