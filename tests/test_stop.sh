#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Stop when asked, leave nothing behind, never let a label become code: signals
# during every kind of headless work, outputs written all or nothing, labels and
# output names refused, the progress line on a terminal only.
# Usage: test_stop.sh GRADSCAPE
set -u
G=$(realpath "$1")
export SDL_VIDEODRIVER=offscreen
work=$(mktemp -d)
trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
now_ms() { date +%s%3N; }

# The directory holds exactly the files named (none when no name is given).
left_only() {
  local dir=$1; shift
  local have want
  have=$(cd "$dir" && ls -A | sort | tr '\n' ' ')
  want=$(printf '%s\n' "$@" | sed '/^$/d' | sort | tr '\n' ' ')
  [ "$have" = "$want" ] || { echo "  $dir holds '$have', expected '$want'"; return 1; }
}

# ---- signals: each kind of long work, each signal -----------------------------
# "what" "args..." : the job runs in a fresh directory; the signal comes once it
# has been working for a while (or once its temporary file exists, for exports).
signal_case() {
  local what=$1 sig=$2 wait_for=$3; shift 3
  local d="$work/sig" ; rm -rf "$d"; mkdir -p "$d"
  echo old >"$d/keep.csv"
  (cd "$d" && exec "$G" "$@" 2>"$work/sig.err") &
  local pid=$!
  local t=0
  if [ "$wait_for" = tmp ]; then
    # until an output is being written (its hidden temporary file exists)
    while [ $t -lt 100 ] && ! ls -A "$d" | grep -q '^\.gradscape-'; do sleep 0.05; t=$((t + 1)); done
    [ $t -lt 100 ] || { bad "$what $sig: no temporary file appeared"; kill -9 $pid; wait $pid 2>/dev/null; return; }
  else
    sleep "$wait_for"
  fi
  kill -0 $pid 2>/dev/null || { bad "$what $sig: the job ended before the signal"; wait $pid; return; }
  local t0; t0=$(now_ms)
  kill -"$sig" $pid
  local waited=0
  while kill -0 $pid 2>/dev/null && [ $waited -lt 50 ]; do sleep 0.02; waited=$((waited + 1)); done
  local ms=$(($(now_ms) - t0))
  if kill -0 $pid 2>/dev/null; then
    bad "$what $sig: still running 1 s after the signal"; kill -9 $pid
  fi
  wait $pid; local rc=$?
  local num; num=$(kill -l "$sig")
  [ $rc -eq $((128 + num)) ] || bad "$what $sig: exit $rc, expected $((128 + num))"
  [ "$ms" -le 1000 ] || bad "$what $sig: took $ms ms to stop"
  echo "  $what, SIG$sig: stopped in $ms ms"
  grep -q "stopped by signal $num" "$work/sig.err" || bad "$what $sig: no 'stopped by signal' line: $(cat "$work/sig.err")"
  [ "$(wc -l <"$work/sig.err")" -eq 1 ] || bad "$what $sig: more than one line: $(cat "$work/sig.err")"
  left_only "$d" keep.csv || bad "$what $sig: files left"
  [ "$(cat "$d/keep.csv")" = old ] || bad "$what $sig: an existing file was changed"
  ok
}
for sig in INT TERM HUP; do
  signal_case "animation" $sig tmp --headless --size 320x180 --frames 100000 --animate a.gif --csv keep.csv \
    --screenshot a.png
  signal_case "mp4" $sig tmp --headless --size 320x180 --frames 100000 --animate a.mp4
done
signal_case "simulation" INT 1 --headless --steps 1000000 --csv keep.csv --noise 0.1 \
  --opt adam:bundle=32 --opt sgd:bundle=32 --opt rmsprop:bundle=32 --opt momentum:bundle=32
signal_case "basin" TERM 1 --headless --surface himmelblau --steps 1000000 --basin adam:1024 --csv keep.csv
signal_case "sweep" HUP 1 --headless --steps 1000000 --sweep adam:lr=0.001:1:512,beta1=0:0.99:512 --csv b.csv

# ---- all or nothing ------------------------------------------------------------
d="$work/aon"; mkdir -p "$d"
echo old >"$d/ok.csv"
(cd "$d" && "$G" --headless --steps 50 --csv ok.csv --screenshot ok.png --animate missing-dir/a.gif 2>"$work/err")
rc=$?
[ $rc -eq 2 ] || bad "a failing --animate: exit $rc"
left_only "$d" ok.csv || bad "a failing --animate left files"
[ "$(cat "$d/ok.csv")" = old ] || bad "a failing --animate changed the existing ok.csv"
grep -q "missing-dir/a.gif" "$work/err" || bad "the message names the failing file: $(cat "$work/err")"
ok

# a disk that fills up while the animation is written
mkdir -p "$work/full"
if mount -t tmpfs -o size=16k tmpfs "$work/full" 2>/dev/null; then
  rm -f "$d"/*
  (cd "$d" && "$G" --headless --steps 50 --size 640x360 --csv ok.csv --screenshot ok.png \
    --animate "$work/full/a.gif" 2>"$work/err")
  rc=$?
  [ $rc -eq 2 ] || bad "a full disk: exit $rc"
  left_only "$d" || bad "a full disk: files left beside"
  left_only "$work/full" || bad "a full disk: files left on it"
  grep -q "No space left" "$work/err" || bad "a full disk: message $(cat "$work/err")"
  umount "$work/full"
  ok
else
  echo "SKIPPED: the full-disk case (mounting a tmpfs is not allowed here)"
fi

# every output there when all succeed, and no temporary file beside them
rm -rf "$d"; mkdir -p "$d"
(cd "$d" && "$G" --headless --steps 50 --size 320x180 --csv a.csv --screenshot a.png --animate a.gif \
  --save-scene a.scene 2>"$work/err") || bad "four outputs: exit $?: $(cat "$work/err")"
left_only "$d" a.csv a.png a.gif a.scene || bad "four outputs"
ok

# a target name of 255 bytes (the longest a file may have) is written
name=$(printf 'n%.0s' $(seq 251)).csv
(cd "$d" && "$G" --headless --steps 5 --csv "$name" 2>"$work/err") || bad "a 255-byte name: $(cat "$work/err")"
[ -s "$d/$name" ] || bad "a 255-byte name: no file"
ok

# ---- bad input: exit 2, one line naming it, no file --------------------------------
# args... | the message's fixed part
bad_case() {
  local want=$1; shift
  rm -rf "$d"; mkdir -p "$d"
  (cd "$d" && timeout 20 "$G" "$@" >"$work/out" 2>"$work/err")
  local rc=$?
  [ $rc -eq 2 ] || { bad "[$*] exit $rc, expected 2: $(cat "$work/err")"; return; }
  grep -qF -- "$want" "$work/err" || { bad "[$*] message lacks '$want': $(cat "$work/err")"; return; }
  [ "$(wc -l <"$work/err")" -eq 1 ] || { bad "[$*] not one line: $(cat "$work/err")"; return; }
  # nothing raw that a terminal would act on: no control byte but the newline
  if LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$work/err" || grep -q $'\u202e' "$work/err"; then
    bad "[$*] raw control or bidi character in the message"
    return
  fi
  left_only "$d" || { bad "[$*] left files"; return; }
  ok
}
bad_case "U+000A at 1 is a control character" --print-torch --opt $'adam:label=x\nimport os;os.system("id")#'
bad_case "U+001B" --headless --csv o.csv --opt $'adam:label=\e[31mred'
bad_case "U+202E at 2 is a bidirectional control" --headless --csv o.csv --opt $'adam:label=ab\u202ecd'
bad_case "U+2067" --headless --csv o.csv --opt $'sgd:label=\u2067x'
bad_case "U+0085" --headless --csv o.csv --opt $'sgd:label=a\u0085b'
bad_case "U+007F" --headless --csv o.csv --opt $'sgd:label=a\x7fb'
bad_case "is not UTF-8" --headless --csv o.csv --opt $'sgd:label=a\xffb'
bad_case "called 'x' already" --headless --csv o.csv --opt adam:label=x --opt sgd:label=x
bad_case "found '\\x0A'" --print-torch --surface $'expr:x+\ny'
bad_case "name the same file" --headless --csv a.csv --screenshot ./a.csv
bad_case "name the same file" --headless --animate a.gif --save-scene a.gif
printf -- "--steps 10\n" >"$work/in.scene"
bad_case "would overwrite the scene it reads" --scene "$work/in.scene" --headless --csv "$work/in.scene"
if [ "$(awk '/MemTotal/ {print $2}' /proc/meminfo)" -lt 56000000 ]; then
  t0=$(now_ms)
  bad_case "more than half of this machine's memory" --headless --steps 1000000 --noise 1 --csv o.csv \
    $(for i in $(seq 16); do echo --opt adam:bundle=32; done)
  [ $(($(now_ms) - t0)) -lt 3000 ] || bad "the memory bound was not checked before the work"
fi
[ "$(cat "$work/in.scene")" = "--steps 10" ] || bad "the scene read was changed"

# automatic names never take a given one
"$G" --print-torch --opt adam:label=adam-2 --opt adam --opt adam >"$work/out" 2>&1
[ "$(grep -c '^# adam-2:' "$work/out")" -eq 1 ] || bad "two runs called adam-2: $(grep '^# adam' "$work/out")"
ok

# --print-torch with --save-scene writes both
rm -rf "$d"; mkdir -p "$d"
(cd "$d" && "$G" --print-torch --save-scene s.scene >"$work/out") || bad "--print-torch --save-scene: exit $?"
left_only "$d" s.scene || bad "--print-torch --save-scene wrote no scene"
grep -q "torch.optim" "$work/out" || bad "--print-torch --save-scene printed no code"
ok

# ---- the progress line: on a terminal, and only there --------------------------
job=(--headless --surface himmelblau --steps 1000000 --basin adam:512 --csv p.csv)
rm -rf "$d"; mkdir -p "$d"
if command -v script >/dev/null; then
  (cd "$d" && timeout -s INT 3 script -qfec "$(printf '%q ' "$G" "${job[@]}")" /dev/null >"$work/tty" 2>&1)
  grep -q "gradscape: [a-z ]* \[#*-*\] *[0-9]*%" "$work/tty" || bad "no progress line on a terminal: $(tr '\r' '\n' <"$work/tty" | tail -3)"
  grep -q "left" "$work/tty" || bad "the progress line gives no time left"
  ok
else
  echo "SKIPPED: the terminal case (no script(1))"
fi
(cd "$d" && timeout --preserve-status -s INT 3 "$G" "${job[@]}" 2>"$work/err")
[ $? -eq 130 ] || bad "the basin job without a terminal did not stop with 130"
grep -q '\[#*-' "$work/err" && bad "a progress line without a terminal: $(cat "$work/err")"
left_only "$d" || bad "the progress job left files"
ok

echo "test_stop: $pass passed, $fail failed"
[ $fail -eq 0 ]
