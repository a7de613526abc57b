#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Renders headless screenshots of every built-in surface in both layouts with two
# builds of gradscape and checks that they are pixel-identical. For refactors that
# must not change a picture.
#
#   scripts/compare-screens.sh --ref REF [NEW_BIN]   build REF (a git ref) and compare
#   scripts/compare-screens.sh OLD_BIN [NEW_BIN]     compare two binaries
#
# NEW_BIN defaults to build/gradscape. Extra sizes: SIZES="960x540 1600x900".
# Exit status 0 when every pair is identical, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
cleanup() {
  [ -n "${worktree:-}" ] && git worktree remove --force "$worktree" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
worktree=""
if [ "${1:-}" = "--ref" ]; then
  ref="${2:?--ref needs a git ref}"
  shift 2
  worktree="$tmp/src"
  git worktree add --detach "$worktree" "$ref" >/dev/null 2>&1
  echo "building $ref ..."
  cmake -S "$worktree" -B "$tmp/build" -DCMAKE_BUILD_TYPE=Release -DGS_BUILD_TESTS=OFF >/dev/null
  cmake --build "$tmp/build" -j"$(nproc)" --target gradscape >/dev/null
  old="$tmp/build/gradscape"
else
  old="${1:?usage: $0 --ref REF [NEW_BIN] | OLD_BIN [NEW_BIN]}"
  shift
fi
new="${1:-build/gradscape}"
export SDL_VIDEODRIVER=offscreen
surfaces=$("$new" --list | sed -n '/^Surfaces/,/^$/p' | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p')
[ -n "$surfaces" ] || { echo "no surfaces listed by $new --list" >&2; exit 1; }
same=0 differ=0
for size in ${SIZES:-960x540}; do
  for s in $surfaces; do
    for layout in overlay grid; do
      a="$tmp/old-$s-$layout-$size.png" b="$tmp/new-$s-$layout-$size.png"
      "$old" --headless --surface "$s" --layout "$layout" --size "$size" --screenshot "$a"
      "$new" --headless --surface "$s" --layout "$layout" --size "$size" --screenshot "$b"
      if cmp -s "$a" "$b" || python3 scripts/png_same_pixels.py "$a" "$b"; then
        same=$((same + 1))
      else
        differ=$((differ + 1))
        echo "DIFFERENT: $s $layout $size" >&2
      fi
    done
  done
done
echo "compare-screens: $same identical, $differ different"
[ "$differ" -eq 0 ]
