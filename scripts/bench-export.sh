#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# The export benchmark, three rounds, alone on the machine: gradscape's own
# --bench-export (encode times inside one process), then whole processes as a user
# runs them (a 1920x1080 --screenshot, with its phases from --bench-start; 150
# frames at 960x540 as GIF and as MP4), and the matplotlib references
# (scripts/bench_matplotlib.py, the same scene: the still picture and the frames) in
# each round; and the GL stack's own floor (tests/gl_floor: the same context, one
# full-screen quad at 1920x1080 read back, nothing of gradscape's). Prints each
# figure's median and the ratios.
# Needs python3-matplotlib (installed here if missing, from Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/gradscape}
FLOOR=${FLOOR:-$(dirname "$BIN")/tests/gl_floor}
ROUNDS=${ROUNDS:-3}
export SDL_VIDEODRIVER=offscreen
if ! /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-matplotlib >/dev/null
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$BIN" --headless --csv "$dir/t.csv"   # the default scene's trajectories, for matplotlib

# wall time of a command, from bash's own clock (a `date` process on each side
# would add its own start to every figure: 2.5 ms here)
seconds() { local t0 t1; t0=$EPOCHREALTIME; "$@" >/dev/null; t1=$EPOCHREALTIME; echo "$t1 - $t0" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }

declare -A t
for r in $(seq "$ROUNDS"); do
  echo "== round $r"
  "$BIN" --bench-export | tee -a "$dir/bench.txt"
  t[png]+=" $(seconds "$BIN" --headless --size 1920x1080 --screenshot "$dir/s.png")"
  "$BIN" --headless --size 1920x1080 --screenshot "$dir/s.png" --bench-start 2>>"$dir/start.txt"
  [ -x "$FLOOR" ] && "$FLOOR" 1920 1080 >>"$dir/floor.txt"
  t[gif]+=" $(seconds "$BIN" --headless --size 960x540 --frames 150 --animate "$dir/a.gif")"
  t[mp4]+=" $(seconds "$BIN" --headless --size 960x540 --frames 150 --animate "$dir/a.mp4")"
  t[mpl]+=" $(seconds /usr/bin/python3 scripts/bench_matplotlib.py "$dir/t.csv" "$dir/m.gif" 150)"
  t[mplpng]+=" $(seconds /usr/bin/python3 scripts/bench_matplotlib.py "$dir/t.csv" "$dir/m.png" still)"
done
echo "== medians of $ROUNDS rounds"
field() { grep "$1" "$dir/bench.txt" | sed "s/.*$2=\([0-9.]*\).*/\1/" | median; }
echo "in-process: png 1080p encode $(field png encode_ms) ms;" \
     "gif $(field bench.gif total_ms) ms ($(field bench.gif per_frame_ms) ms/frame);" \
     "mp4 $(field bench.mp4 total_ms) ms ($(field bench.mp4 per_frame_ms) ms/frame)"
echo "screenshot phases (ms):" $(for k in gl_ms renderer_ms draw_ms encode_ms total_ms peak_rss_mb; do
  echo "$k=$(grep -o "$k=[0-9.]*" "$dir/start.txt" | cut -d= -f2 | median)"; done)
if [ -s "$dir/floor.txt" ]; then
  echo "the GL stack alone at 1920x1080 (gl_floor):" $(for k in gl_ms draw_ms read_ms total_ms peak_rss_mb; do
    echo "$k=$(grep -o "$k=[0-9.]*" "$dir/floor.txt" | cut -d= -f2 | median)"; done)
fi
declare -A m
for k in png gif mp4 mpl mplpng; do m[$k]=$(echo ${t[$k]} | tr ' ' '\n' | median); done
echo "whole process: screenshot 1080p ${m[png]} s; gif ${m[gif]} s ($(stat -c %s "$dir/a.gif") bytes);" \
     "mp4 ${m[mp4]} s ($(stat -c %s "$dir/a.mp4") bytes); matplotlib ${m[mpl]} s ($(stat -c %s "$dir/m.gif") bytes)"
echo "still: screenshot 1080p ${m[png]} s ($(stat -c %s "$dir/s.png") bytes); matplotlib ${m[mplpng]} s" \
     "($(stat -c %s "$dir/m.png") bytes): matplotlib / gradscape $(echo "${m[mplpng]} / ${m[png]}" | bc -l | xargs printf %.1f)x"
echo "ratios: matplotlib / gif $(echo "${m[mpl]} / ${m[gif]}" | bc -l | xargs printf %.1f)x;" \
     "matplotlib / mp4 $(echo "${m[mpl]} / ${m[mp4]}" | bc -l | xargs printf %.1f)x"
