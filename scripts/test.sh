#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Installs what is missing, builds gradscape and its tests, and runs them twice: a
# Release build, then a build with AddressSanitizer and UndefinedBehaviorSanitizer.
# The Release run includes the browser test (test_web) when the web toolchain is
# installed (scripts/deps.sh --web), and says that it skipped it when not.
# Exit status non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs="$(nproc)"
export SDL_VIDEODRIVER=offscreen

echo "== Release build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" >/dev/null
ctest --test-dir build --output-on-failure -j"$jobs"
if ! command -v emcc >/dev/null || [ ! -x /usr/bin/chromium ]; then
  echo "== The browser test was skipped: no web toolchain (scripts/deps.sh --web installs it)"
fi

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DGS_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
