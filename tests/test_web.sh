#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# The browser test, from ctest: builds the browser version (scripts/web.sh, which
# does nothing when it is up to date) and runs it in Chromium (test_web.py).
# Exit 77 (skipped, with the reason) when the web toolchain is not installed.
# usage: test_web.sh WEB_TWIN_BINARY
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in emcc /usr/bin/chromium; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED: $tool is not installed (scripts/deps.sh --web installs the web toolchain)"
    exit 77
  fi
done
"$root/scripts/web.sh" >/dev/null
# the page's fallback font, cut down to the catalogs' characters, has each of them
GS_CJK_FONT="$root/build-web-obj/CJKSubset.ttf" "$(dirname "$1")/test_glyphs" "$root"/po/*.po >/dev/null ||
  { echo "FAIL: the browser build's fallback font lacks characters of the catalogs" >&2; exit 1; }
exec python3 "$root/tests/test_web.py" "$root/build-web" "$1"
