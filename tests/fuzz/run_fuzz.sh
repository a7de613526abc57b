#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Runs a libFuzzer target for a bounded time on a copy of its seed corpus (new inputs
# go to a temporary directory, never into the source tree). Any crash, leak, timeout
# or sanitizer report fails the test and leaves the reproducer in the log.
# Usage: run_fuzz.sh FUZZER SEED_CORPUS SECONDS
set -euo pipefail
fuzzer="$1" seeds="$2" seconds="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/artifacts"
cp "$seeds"/* "$work/corpus/"
# every seed must pass on its own first (the regression inputs among them)
"$fuzzer" -runs=0 -timeout=5 -rss_limit_mb=2048 "$work/corpus" 2>"$work/seeds.log" ||
  { cat "$work/seeds.log" >&2; exit 1; }
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" 2>"$work/fuzz.log" || status=$?
grep -E '^#[0-9]+' "$work/fuzz.log" | tail -n 1 || true
grep -E 'stat::number_of_executed_units|stat::peak_rss' "$work/fuzz.log" || true
if [ $status -ne 0 ] || ls "$work/artifacts" | grep -q .; then
  tail -n 60 "$work/fuzz.log" >&2
  for a in "$work/artifacts"/*; do
    [ -e "$a" ] || continue
    echo "reproducer $(basename "$a") (base64): $(base64 -w0 "$a")" >&2
  done
  exit 1
fi
