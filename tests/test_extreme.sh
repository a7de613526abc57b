#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Extreme values on the command line: every optimizer's every key at the ends of its
# valid range (accepted) and just past them (exit 2, one line), lr = 1e6, the
# smallest positive eps, a run that is not finite at its first point, 1,000,000
# steps with 16 runs, 1x1 and 8192x8192 screenshots, and screenshots into places
# that cannot be written (/proc, a read-only mount). Each works or exits 2 with one
# clear line, and leaves no file behind; nothing crashes or hangs.
# Usage: test_extreme.sh GRADSCAPE [quick]   (quick: skip the largest cases, for the
# sanitizer build)
set -u
BIN="$1"
QUICK="${2:-}"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# runs "$@" with a time limit; sets rc, leaves stderr in $T/err
run() { timeout 600 "$BIN" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
expect_ok() { run "$@"; [ $rc -eq 0 ] && ok || bad "$* -> exit $rc: $(head -c 300 "$T/err")"; }
expect_2() {
  run "$@"
  if [ $rc -ne 2 ]; then bad "$* -> exit $rc (expected 2): $(head -c 300 "$T/err")"; return; fi
  [ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "$* -> not one line: $(cat "$T/err")"
}
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'; }

# -- every key of every optimizer at its range's ends (from --list), and past them
smallest=4.9406564584124654e-324
below_one=0.99999999999999989
declare -A LO HI PAST_LO PAST_HI
for k in lr eps; do LO[$k]=$smallest HI[$k]=1e308 PAST_LO[$k]=0 PAST_HI[$k]=1e309; done
for k in momentum alpha beta1 beta2 rho; do LO[$k]=0 HI[$k]=$below_one PAST_LO[$k]=-4.9e-324 PAST_HI[$k]=1; done
for k in weight_decay lr_decay initial_accumulator_value momentum_decay; do
  LO[$k]=0 HI[$k]=1e308 PAST_LO[$k]=-4.9e-324 PAST_HI[$k]=inf
done
LO[bias_correction]=0 HI[bias_correction]=1 PAST_LO[bias_correction]=-1 PAST_HI[bias_correction]=2
keys_tried=0
while read -r name rest; do
  for kv in $(echo "$rest" | tr -d ','); do
    k="${kv%%=*}"
    [ -n "${LO[$k]:-}" ] || { bad "no extremes known for key '$k' of $name"; continue; }
    for v in "${LO[$k]}" "${HI[$k]}"; do expect_ok --headless --steps 50 --opt "$name:$k=$v" --csv "$T/k.csv"; done
    for v in "${PAST_LO[$k]}" "${PAST_HI[$k]}"; do expect_2 --headless --steps 50 --opt "$name:$k=$v" --csv "$T/k.csv"; done
    keys_tried=$((keys_tried + 1))
  done
done < <("$BIN" --list | sed -n '/^Optimizers/,/^Keys/p' | grep -E '^  [a-z]+ +[a-z_]+=' )
[ $keys_tried -ge 40 ] && ok || bad "only $keys_tried optimizer keys found in --list"

# -- lr = 1e6 and eps at the smallest positive double: simulated, points finite
expect_ok --headless --opt sgd:lr=1e6 --opt adam:lr=1e6 --csv "$T/lr.csv"
grep -qiE 'nan|inf' "$T/lr.csv" && bad "lr=1e6: non-finite value in CSV" || ok
expect_ok --headless --opt adam:eps=$smallest --opt rmsprop:eps=$smallest --opt adagrad:eps=$smallest \
  --opt adadelta:eps=$smallest --csv "$T/eps.csv"
grep -qiE 'nan|inf' "$T/eps.csv" && bad "smallest eps: non-finite value in CSV" || ok
expect_2 --headless --opt adam:eps=1e-400 --csv "$T/x.csv"
grep -q "eps must be > 0, got 1e-400" "$T/err" && ok || bad "eps=1e-400 message: $(cat "$T/err")"

# -- a surface not finite at the start (exp(900) overflows): refused, no file
expect_2 --headless --surface 'expr:exp(x^2)' --start 30,0 --opt sgd:lr=1e6 --csv "$T/d.csv"
grep -q "^gradscape: --start 30,0: --surface 'expr:exp(x^2)' is not finite there" "$T/err" && ok ||
  bad "not finite at the start: message '$(cat "$T/err")'"
[ ! -e "$T/d.csv" ] && ok || bad "not finite at the start: a CSV was written"
# -- a run not finite at its very first point (seed 3's first noise draw overflows the
#    gradient): no rows, a line says so
NOISY=(--headless --surface 'expr:x^2+y^2' --start 0,0 --noise 1e308 --seed 3 --opt sgd --steps 3)
expect_ok "${NOISY[@]}" --csv "$T/d.csv"
[ "$(wc -l <"$T/d.csv")" -eq 1 ] && ok || bad "diverged at the start: rows written"
grep -q "run 'sgd' is not finite at its start point; it has no rows" "$T/err" && ok || bad "diverged at the start: message '$(cat "$T/err")'"
expect_ok "${NOISY[@]}" --screenshot "$T/d.png" --size 320x200
[ "$(png_size "$T/d.png")" = 320x200 ] && ok || bad "diverged at the start: screenshot"

# -- 1x1 screenshot
expect_ok --headless --size 1x1 --screenshot "$T/one.png"
[ "$(png_size "$T/one.png")" = 1x1 ] && ok || bad "1x1 screenshot is $(png_size "$T/one.png")"

# -- unwritable places: exit 2, one line, no file, no temporary left
expect_2 --headless --screenshot /proc/gs-extreme.png
grep -q "cannot write '/proc/gs-extreme.png'" "$T/err" && ok || bad "/proc screenshot message: $(cat "$T/err")"
mkdir "$T/ro"
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  # root ignores permissions; a read-only tmpfs in a private mount namespace does not
  unshare -m bash -c "mount -t tmpfs none '$T/ro' && mount -o remount,ro '$T/ro' &&
    '$BIN' --headless --screenshot '$T/ro/s.png' --size 64x64 2>'$T/err'; echo \$? >'$T/rc';
    '$BIN' --headless --csv '$T/ro/s.csv' 2>'$T/err2'; echo \$? >>'$T/rc'; ls -A '$T/ro' >'$T/left'"
  [ "$(tr '\n' ' ' <"$T/rc")" = "2 2 " ] && ok || bad "read-only mount: exit statuses $(cat "$T/rc")"
  grep -q "Read-only file system" "$T/err" && ok || bad "read-only screenshot message: $(cat "$T/err")"
  grep -q "Read-only file system" "$T/err2" && ok || bad "read-only CSV message: $(cat "$T/err2")"
  [ ! -s "$T/left" ] && ok || bad "read-only mount: files left: $(cat "$T/left")"
else
  chmod 555 "$T/ro"
  expect_2 --headless --screenshot "$T/ro/s.png" --size 64x64
  [ -z "$(ls -A "$T/ro")" ] && ok || bad "read-only directory: files left"
fi

if [ "$QUICK" != quick ]; then
  # -- 1,000,000 steps with 16 runs (768 MB of trajectories), and one run's 1e6-row CSV
  opts=()
  for i in $(seq 16); do opts+=(--opt "adam:lr=0.0$((i % 9 + 1))"); done
  expect_ok --headless --steps 1000000 "${opts[@]}"
  # (the count in this line is read after the scene is freed, so it says 0: reported)
  grep -q "simulated" "$T/out" && ok || bad "16 x 1e6: $(cat "$T/out")"
  expect_ok --headless --steps 1000000 --opt adam --csv /dev/null
  # -- 8192x8192: works, or says clearly that GL's maximum is smaller
  run --headless --size 8192x8192 --screenshot "$T/big.png"
  if [ $rc -eq 0 ]; then
    [ "$(png_size "$T/big.png")" = 8192x8192 ] && ok || bad "8192x8192 screenshot is $(png_size "$T/big.png")"
  else
    [ $rc -eq 2 ] && grep -q "GL" "$T/err" && [ ! -e "$T/big.png" ] && ok || bad "8192x8192 -> exit $rc: $(cat "$T/err")"
  fi
fi

[ "$(ls -A "$T" | grep -c "^\.gradscape-")" = 0 ] && ok || bad "temporary files left: $(ls -A "$T")"
echo "test_extreme.sh: $pass passed, $fail failed ($keys_tried optimizer keys)"
[ $fail -eq 0 ]
