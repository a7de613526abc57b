#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Bad input, one row each: the exit status, the one line on stderr (a fixed string
# or a regex written from what it must say), that line as valid UTF-8, and nothing
# left in the scratch directory the run writes into. Every run has 5 seconds, so a
# hang (a FIFO waited on, 180000 frames rendered) fails instead of stalling.
# Usage: test_badinput.sh GRADSCAPE
set -u
BIN="$1"
README="$(cd "$(dirname "$0")/.." && pwd)/README.md"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
S="$T/scratch" F="$T/fixtures"
mkdir "$S" "$F"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# row [-o full|closed] [-e VAR=VALUE]... STATUS F|E PATTERN -- ARGS...
#   -o: stdout to /dev/full or closed (default: a file outside the scratch directory)
#   F: PATTERN is a fixed string, E: an extended regex
row() {
  local out=file envs=()
  while [ "${1:0:1}" = - ]; do
    case "$1" in
      -o) out="$2" ;;
      -e) envs+=("$2") ;;
    esac
    shift 2
  done
  local status="$1" mode="$2" pattern="$3"
  shift 4 # the three and --
  local what="$*"
  [ ${#what} -gt 120 ] && what="${what:0:120}..."
  (
    cd "$S" || exit 99
    case "$out" in
      full) exec timeout 5 env ${envs[@]+"${envs[@]}"} "$BIN" "$@" >/dev/full 2>"$T/err" ;;
      closed) exec timeout 5 env ${envs[@]+"${envs[@]}"} "$BIN" "$@" >&- 2>"$T/err" ;;
      *) exec timeout 5 env ${envs[@]+"${envs[@]}"} "$BIN" "$@" >"$T/out" 2>"$T/err" ;;
    esac
  )
  local rc=$?
  local left
  left="$(ls -A "$S")"
  rm -rf "$S" && mkdir "$S"
  if [ $rc -ne "$status" ]; then bad "$what -> exit $rc, expected $status: $(head -c 400 "$T/err")"; return; fi
  if ! grep -q${mode} -- "$pattern" "$T/err"; then bad "$what -> '$(cat "$T/err")' lacks '$pattern'"; return; fi
  if [ "$(wc -l <"$T/err")" -ne 1 ]; then bad "$what -> not one line: $(cat "$T/err")"; return; fi
  if ! iconv -f UTF-8 -t UTF-8 "$T/err" >/dev/null 2>&1; then bad "$what -> stderr is not UTF-8: $(od -c "$T/err" | tail -4)"; return; fi
  if [ -n "$left" ]; then bad "$what -> left in the scratch directory: $left"; return; fi
  ok
}
rep() { local s="" i; for ((i = 0; i < $2; i++)); do s+="$1"; done; printf '%s' "$s"; }

# -- 1. a long quoted value: shortened only where that makes it shorter, at a
#    character's edge, the reason after it kept; a message cut at its cap ends on a
#    whole character
for n in 48 49 50 51; do
  v="$(rep 1 $n)"
  row 2 F "--steps '$v': expected an integer from 0 to" -- --steps "$v"
done
v="$(rep 1 52)"
row 2 F "--steps '$(rep 1 24)…$(rep 1 24)': expected an integer from 0 to" -- --steps "$v"
v="a$(rep 😀 13)" # the 24-byte cut falls inside an emoji: the head stops before it
row 2 F "--steps 'a$(rep 😀 5)…$(rep 😀 6)': expected an integer from 0 to" -- --steps "$v"
v="$(rep é 25)" # 50 bytes: not shortened
row 2 F "--steps '$v': expected" -- --steps "$v"
v="$(rep € 20)"
row 2 F "--steps '$(rep € 8)…$(rep € 8)': expected" -- --steps "$v"
runs=()
for i in $(seq 10 25); do runs+=(--opt "adam:label=$(rep é 14)$i"); done
for n in 28 29; do # one of the two lengths cuts the message inside an 'é'
  row 2 F "--card '$(rep x $n)': no run has that label (the runs: " -- --headless "${runs[@]}" --card "$(rep x $n)" --csv o.csv
done

# -- 2. --resume: nothing saved, a file that cannot be read, a path too long
mkdir -p "$F/empty" "$F/loop/gradscape"
ln -s last.scene "$F/loop/gradscape/last.scene"
row -e XDG_STATE_HOME="$F/empty" 2 E "^gradscape: --resume: no saved scene at '.*gradscape/last\.scene'" -- --headless --resume --csv o.csv
row -e XDG_STATE_HOME="$F/loop" 2 E "^gradscape: --resume: cannot read '.*last\.scene': Too many levels of symbolic links$" -- --headless --resume --csv o.csv
row -e XDG_STATE_HOME="/$(rep a 5000)" 2 E "^gradscape: --resume: .*path is too long.*XDG_STATE_HOME" -- --headless --resume --csv o.csv
if [ "$(id -u)" -ne 0 ]; then # root reads what mode 000 forbids
  mkdir -p "$F/denied/gradscape" && echo '--steps 5' >"$F/denied/gradscape/last.scene"
  chmod 000 "$F/denied/gradscape"
  row -e XDG_STATE_HOME="$F/denied" 2 E "^gradscape: --resume: cannot read '.*last\.scene': Permission denied$" -- --headless --resume --csv o.csv
  chmod 700 "$F/denied/gradscape"
fi

# -- 3. --sweep takes one key or two; --basin LABEL[:N] takes one N (a label may
#    hold ':' itself, so it still runs)
row 2 F "--sweep 'adam:lr=0.001:1:8,beta1=0:0.9:8,beta2=0.9:0.999:8': a sweep takes one key (a curve) or two (a map), not more" -- \
  --headless --sweep adam:lr=0.001:1:8,beta1=0:0.9:8,beta2=0.9:0.999:8 --csv o.csv
row 2 F "--basin 'adam:8:9': expected LABEL[:N] with one N" -- --headless --basin adam:8:9 --csv o.csv
(cd "$S" && timeout 20 "$BIN" --headless --steps 20 --opt adam:label=a:b --basin a:b:4 >"$T/out" 2>"$T/err") &&
  [ -z "$(ls -A "$S")" ] && ok || bad "--basin of a label with ':': $(cat "$T/err")"

# -- 4. a scene file's --card that names no run: its file and line
printf -- '--steps 10\n# the card\n--card nope\n' >"$F/card.scene"
row 2 F "gradscape: $F/card.scene:3: --card 'nope': no run has that label" -- --headless --scene "$F/card.scene" --csv o.csv
row 2 F "gradscape: --card 'nope': no run has that label" -- --headless --scene "$F/card.scene" --card nope --csv o.csv

# -- 5. stdout full or closed: "write error", exit 2 (--csv - says it its own way)
row -o full 2 F "gradscape: write error: No space left on device" -- --help
row -o full 2 F "gradscape: write error: No space left on device" -- --list
row -o full 2 F "gradscape: write error: No space left on device" -- --version
row -o full 2 F "gradscape: write error: No space left on device" -- --print-torch
row -o full 2 F "gradscape: write error: No space left on device" -- --headless --steps 10
row -o full 2 F "No space left on device" -- --headless --steps 10 --csv -
row -o closed 2 F "gradscape: write error: Bad file descriptor" -- --version
row -o closed 2 F "gradscape: write error: Bad file descriptor" -- --headless --steps 10

# -- 6. a surface not finite at the start point: no run could take a step
row 2 E "^gradscape: --start -1,1: --surface 'expr:log\(x\)' is not finite there \(loss nan" -- \
  --headless --surface 'expr:log(x)' --start -1,1 --csv o.csv
row 2 E "^gradscape: --start 0,1: --surface 'expr:1/x' is not finite there \(loss inf" -- \
  --headless --surface 'expr:1/x' --start 0,1 --csv o.csv
row 2 E "^gradscape: --surface 'expr:log\(x\)' is not finite at its start point -?[0-9.]+,-?[0-9.]+ \(loss nan.*--start" -- \
  --headless --surface 'expr:log(x)' --csv o.csv

# -- 7. colour=K: 0 to 15, the README saying what --list says
row 2 F "colour must be an integer from 0 to 15, got '16'" -- --headless --opt adam:colour=16 --csv o.csv
"$BIN" --list | tr -s ' \n' ' ' | grep -qF "palette index 0 to 7 (8 to 15 repeat them)" && ok || bad "--list: no colour range"
tr -s ' \n' ' ' <"$README" | grep -qF "palette index 0 to 7, 8 to 15 repeat them" && ok || bad "README: colour range not 0 to 7, 8 to 15"

# -- 8. --duration at --fps past the frame cap
row 2 E "^gradscape: --duration 3600 with --fps 50 makes 180000 frames, more than the 100000" -- \
  --headless --duration 3600 --fps 50 --animate x.gif
row 2 E "^gradscape: --duration 3600 with the default --fps 30 makes 108000 frames, more than the 100000" -- \
  --headless --duration 3600 --animate x.gif

# -- 9. scene files: a FIFO, a socket, a device refused at once; too large refused
mkfifo "$F/fifo"
row 2 F "'$F/fifo' is a named pipe (FIFO), not a regular file" -- --headless --scene "$F/fifo" --csv o.csv
row 2 F "'/dev/zero' is a character device, not a regular file" -- --headless --scene /dev/zero --csv o.csv
if python3 -c "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$F/sock" 2>/dev/null; then
  row 2 F "'$F/sock' is a socket, not a regular file" -- --headless --scene "$F/sock" --csv o.csv
fi
head -c 1100000 /dev/zero | tr '\0' '#' >"$F/big.scene"
row 2 F "'$F/big.scene' is too large for a scene file" -- --headless --scene "$F/big.scene" --csv o.csv
# ... while /dev/stdin, /dev/null and a held descriptor (<(...)) are read
Q=(--headless --surface 'expr:x^2+y^2' --opt sgd --csv -)
[ "$(echo '--steps 10' | timeout 5 "$BIN" --scene /dev/stdin "${Q[@]}" | wc -l)" = 12 ] && ok ||
  bad "--scene /dev/stdin"
[ "$(timeout 5 "$BIN" --scene /dev/null --steps 3 "${Q[@]}" | wc -l)" = 5 ] && ok || bad "--scene /dev/null"
[ "$(timeout 5 "$BIN" --scene <(echo '--steps 4') "${Q[@]}" | wc -l)" = 6 ] && ok || bad "--scene <(...)"

echo "test_badinput: $pass passed, $fail failed"
[ $fail -eq 0 ]
