#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Every source, shader, script and test file names its licence in its first lines
# (SPDX-License-Identifier: GPL-3.0-or-later): a new file without one fails here.
# Data (assets, fixtures, fuzz corpora) and prose are not source.
# usage: test_spdx.sh SOURCE_DIR
set -euo pipefail
cd "$1"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=$(git ls-files --cached --others --exclude-standard)
else
  files=$(find . -type f -not -path './build*' -not -path './.git/*' | sed 's|^\./||')
fi
missing=0 checked=0
while IFS= read -r f; do
  case "$f" in
    assets/* | tests/fixtures/* | tests/fuzz/corpus/* | build*/* | .gitignore | LICENSE | NEWS | copyright) continue ;;
    *.md | *.png | *.gif | *.svg | *.txt) [ "${f##*/}" = CMakeLists.txt ] || continue ;;
  esac
  [ -f "$f" ] || continue
  checked=$((checked + 1))
  if ! head -n 4 "$f" | grep -q "SPDX-License-Identifier: GPL-3.0-or-later"; then
    echo "no SPDX-License-Identifier line in the first lines of $f"
    missing=$((missing + 1))
  fi
done <<<"$files"
echo "test_spdx: $checked files, $missing without their licence line"
[ "$checked" -gt 100 ] && [ "$missing" -eq 0 ]
