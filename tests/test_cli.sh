#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# The command line end to end: the CSV of a known scene, and every kind of bad input
# exits 2 with its message and writes nothing.
set -u
BIN="$1"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# -- a known scene: sgd on x^2+10y^2 from (1,1), lr 0.01: x_k = 0.98^k, y_k = 0.8^k.
# Expected rows computed in Python with the same IEEE operations:
#   gx = 2x; gy = 10(2y); loss = x*x + 10(y*y); x += -0.01 gx; y += -0.01 gy
"$BIN" --headless --surface 'expr:x^2+10*y^2' --opt sgd:lr=0.01 --start 1,1 --steps 3 --csv "$T/a.csv" 2>"$T/err"
[ $? -eq 0 ] && ok || bad "known scene exit status"
expected='optimizer,step,x,y,loss,grad_x,grad_y,lr
sgd,0,1,1,11,2,20,0.01
sgd,1,0.97999999999999998,0.80000000000000004,7.3604000000000012,1.96,16,0.01
sgd,2,0.96040000000000003,0.64000000000000001,5.0183681600000005,1.9208000000000001,12.800000000000001,0.01
sgd,3,0.94119200000000003,0.51200000000000001,3.5072823808639999,1.8823840000000001,10.24,0.01'
[ "$(cat "$T/a.csv")" = "$expected" ] && ok || { bad "known scene CSV"; diff <(echo "$expected") "$T/a.csv" >&2; }
[ ! -s "$T/err" ] && ok || bad "known scene wrote to stderr: $(cat "$T/err")"

# -- default scene: four runs, labels in order, every run starts at the start
"$BIN" --headless --csv "$T/d.csv" || bad "default scene"
[ "$(cut -d, -f1 "$T/d.csv" | sed 1d | uniq | tr '\n' ' ')" = "sgd momentum rmsprop adam " ] && ok || bad "default labels"
[ "$(grep -c ',0,-1.5,2.5,' "$T/d.csv")" = 4 ] && ok || bad "default start"

# -- --bench-start: one line on stderr with the run's phases, in order, and nothing
# without it
SDL_VIDEODRIVER=offscreen "$BIN" --headless --size 320x180 --screenshot "$T/b.png" --bench-start 2>"$T/err" ||
  bad "--bench-start run"
phases=$(sed -n 's/^start: //p' "$T/err" | grep -o '[a-z_]*=' | tr -d '=' | tr '\n' ' ')
[ "$phases" = "parse_ms simulate_ms gl_ms renderer_ms app_ms drawlist_ms draw_ms encode_ms write_ms teardown_ms finish_ms total_ms peak_rss_mb " ] &&
  ok || bad "--bench-start phases: '$phases' ($(cat "$T/err"))"
SDL_VIDEODRIVER=offscreen "$BIN" --headless --size 320x180 --screenshot "$T/b.png" 2>"$T/err" && [ ! -s "$T/err" ] &&
  ok || bad "a screenshot without --bench-start wrote to stderr: $(cat "$T/err")"
rm -f "$T/b.png"

# -- lessons: --list names each built-in one with its title; a handout writes one
# PNG per slide and nothing else; a slide that cannot be built leaves no file and no
# folder; a bad line names the lesson file's line
"$BIN" --list | sed -n '/^Lessons/,$p' >"$T/lessons"
for name in gradient-descent valleys adagrad rmsprop adam schedules noise; do
  grep -qE "^  $name +[A-Z].* \([3-8] slides\)$" "$T/lessons" && ok || bad "--list: no lesson line for $name"
done
for name in gradient-descent valleys adagrad rmsprop adam schedules noise; do # every slide renders
  SDL_VIDEODRIVER=offscreen "$BIN" --lesson $name --headless --size 320x180 --screenshot "$T/handout/" 2>"$T/err" &&
    [ ! -s "$T/err" ] && ok || bad "handout of $name: $(cat "$T/err")"
  n=$("$BIN" --list | sed -n "s/^  $name .*(\([0-9]*\) slides)\$/\1/p")
  [ "$(ls -A "$T/handout" | tr '\n' ' ')" = "$(seq -f '%02g.png ' 1 "$n" | tr -d '\n')" ] &&
    ok || bad "handout files of $name: $(ls -A "$T/handout" | tr '\n' ' '), expected $n"
  rm -rf "$T/handout"
done
printf -- '--title Broken\n--caption fine\n---\n--caption not finite at the start\n--surface expr:log(x)\n--start -1,1\n' \
  >"$T/broken.lesson"
SDL_VIDEODRIVER=offscreen "$BIN" --lesson "$T/broken.lesson" --headless --size 320x180 --screenshot "$T/handout/" \
  2>"$T/err"
[ $? -eq 2 ] && [ ! -e "$T/handout" ] && ok || bad "a failed handout left $(ls -A "$T/handout" 2>&1)"
grep -q "not finite" "$T/err" && ok || bad "failed handout message: $(cat "$T/err")"
printf -- '--caption a\n---\n--caption b\n\n--steps many\n' >"$T/bad.lesson"
"$BIN" --lesson "$T/bad.lesson" --headless --csv "$T/x.csv" 2>"$T/err"
[ $? -eq 2 ] && grep -q "bad.lesson:5: --steps" "$T/err" && [ ! -e "$T/x.csv" ] && ok ||
  bad "bad lesson line: $(cat "$T/err")"
rm -f "$T/broken.lesson" "$T/bad.lesson"

# -- unique labels and user labels
"$BIN" --headless --opt adam --opt adam --opt adam:label=mine --steps 1 --csv "$T/l.csv" || bad "labels run"
[ "$(cut -d, -f1 "$T/l.csv" | sed 1d | uniq | tr '\n' ' ')" = "adam adam-2 mine " ] && ok || bad "unique labels"

# -- a diverging run: rows stop at its last finite step, a line on stderr says so
"$BIN" --headless --surface 'expr:x^4' --opt sgd:lr=1 --start 3,0 --steps 100 --csv "$T/v.csv" 2>"$T/err"
[ $? -eq 0 ] && ok || bad "diverging run exit status"
grep -q "run 'sgd' diverged at step" "$T/err" && ok || bad "divergence message: $(cat "$T/err")"
rows=$(($(wc -l < "$T/v.csv") - 1))
k=$(sed -n "s/.*diverged at step \([0-9]*\).*/\1/p" "$T/err")
[ "$rows" = "$k" ] && ok || bad "diverged rows $rows, step $k"
grep -qiE 'nan|inf' "$T/v.csv" && bad "non-finite value in CSV" || ok

# -- information
"$BIN" --help | grep -q -- '--surface SPEC' && ok || bad "--help"
"$BIN" --list | grep -q 'beta2=0.999' && ok || bad "--list"
"$BIN" --version | grep -qE '^gradscape [0-9]+\.[0-9]+' && ok || bad "--version"

# -- --print-torch: the default scene's runs as torch.optim classes; Lion as comments
"$BIN" --print-torch >"$T/torch.py" 2>"$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && ok || bad "--print-torch exit status or stderr: $(cat "$T/err")"
for call in "optimizer = torch.optim.SGD(params, lr=0.0002, momentum=0," "optimizer = torch.optim.SGD(params, lr=0.0002, momentum=0.9," \
            "optimizer = torch.optim.RMSprop(params, lr=0.005, alpha=0.99, eps=1e-08," "optimizer = torch.optim.Adam(params, lr=0.05, betas=(0.9, 0.999), eps=1e-08,"; do
  grep -qF -- "$call" "$T/torch.py" && ok || bad "--print-torch lacks '$call'"
done
[ "$(grep -c '^optimizer = torch\.optim\.' "$T/torch.py")" = 4 ] && ok || bad "--print-torch: not one optimizer per default run"
grep -q '^# gradscape: surface rosenbrock:a=1,b=100, start (-1.5, 2.5), 2000 steps$' "$T/torch.py" && ok \
  || bad "--print-torch header: $(head -1 "$T/torch.py")"
"$BIN" --print-torch --opt lion:lr=0.001 --opt adam:schedule=cosine,t_max=300,warmup=20 >"$T/torch.py" || bad "--print-torch lion"
grep -q '^# note: Lion is not in torch.optim' "$T/torch.py" && ok || bad "--print-torch: no note on Lion"
grep -q '^optimizer = Lion' "$T/torch.py" && bad "--print-torch: Lion as code" || ok
grep -qF 'scheduler = torch.optim.lr_scheduler.ChainedScheduler([warmup, decay])' "$T/torch.py" && ok \
  || bad "--print-torch: no warm-up chain"

# -- bad input: exit 2, one line naming the argument, no output file
check_bad() {
  local expect="$1"; shift
  rm -f "$T/out.csv"
  "$BIN" "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ $rc -ne 2 ]; then bad "$* -> exit $rc"; return; fi
  if ! grep -qF -- "$expect" "$T/err"; then bad "$* -> '$(cat "$T/err")' lacks '$expect'"; return; fi
  if [ "$(wc -l < "$T/err")" -ne 1 ]; then bad "$* -> more than one line"; return; fi
  if ls -A "$T" | grep -q 'out.csv\|^\.gradscape-'; then bad "$* left an output file"; return; fi
  ok
}
check_bad "unknown surface 'bowl'" --headless --surface bowl --csv "$T/out.csv"
check_bad "unknown optimizer 'adamm'" --headless --opt adamm --csv "$T/out.csv"
check_bad "sgd has no key 'beta1'" --headless --opt sgd:beta1=0.9 --csv "$T/out.csv"
check_bad "lr 'x1' is not a number" --headless --opt adam:lr=x1 --csv "$T/out.csv"
check_bad "lr must be > 0, got 0" --headless --opt adam:lr=0 --csv "$T/out.csv"
check_bad "lr must be > 0, got -0.1" --headless --opt sgd:lr=-0.1 --csv "$T/out.csv"
check_bad "beta1 must be in [0, 1), got 1" --headless --opt adam:beta1=1 --csv "$T/out.csv"
check_bad "beta2 must be in [0, 1), got 1.5" --headless --opt adam:beta2=1.5 --csv "$T/out.csv"
check_bad "alpha must be in [0, 1), got -1" --headless --opt rmsprop:alpha=-1 --csv "$T/out.csv"
check_bad "eps must be > 0, got 0" --headless --opt adam:eps=0 --csv "$T/out.csv"
check_bad "--steps '2000000': expected an integer from 0 to 1000000" --headless --steps 2000000 --csv "$T/out.csv"
check_bad "--steps 'ten'" --headless --steps ten --csv "$T/out.csv"
check_bad "--start '1;2'" --headless --start '1;2' --csv "$T/out.csv"
check_bad "expected ')' at column 13" --headless --surface 'expr:(1-x)^2+(y-x' --csv "$T/out.csv"
check_bad "unknown name 'z' at column 5" --headless --surface 'expr:x + z' --csv "$T/out.csv"
check_bad "unknown option '--fast'" --headless --fast --csv "$T/out.csv"
check_bad "--card 'adamw': no run has that label (the runs: sgd, momentum, rmsprop, adam)" --headless --card adamw --csv "$T/out.csv"
check_bad "--at '-1': expected a step from 0 to 1000000" --headless --at -1 --csv "$T/out.csv"
check_bad "--at 'end'" --headless --at end --csv "$T/out.csv"
check_bad "cannot write '$T/nodir/out.csv': No such file or directory" --headless --csv "$T/nodir/out.csv"
check_bad "cannot write '/proc/gs.csv'" --headless --csv /proc/gs.csv
check_bad "No space left on device" --headless --csv /dev/full
check_bad "unknown optimizer 'adamm'" --print-torch --opt adamm
check_bad "lr must be > 0, got 0" --print-torch --opt adam:lr=0
[ "$(ls -A "$T" | grep -c "^\.gradscape-")" = 0 ] && ok || bad "temporary files left: $(ls -A "$T")"

# -- a 599-character broken formula: the quote is shortened, the reason is all there
f="expr:$(printf '%.0s(' $(seq 297))x$(printf '%.0s+x' $(seq 148))"
[ ${#f} = 599 ] && ok || bad "the long formula has ${#f} characters"
"$BIN" --headless --surface "$f" --csv "$T/out.csv" 2>"$T/err"
[ $? -eq 2 ] && ok || bad "long formula exit status"
msg=$(cat "$T/err")
case "$msg" in *"': expression too long (at most 511 characters)") ok ;; *) bad "long formula: no reason in: $msg" ;; esac
[ ${#msg} -lt 160 ] && ok || bad "long formula message is ${#msg} characters: $msg"
case "$msg" in *"expr:((((("*"…"*"+x+x'"*) ok ;; *) bad "long formula: quote not shortened: $msg" ;; esac

# -- a path that is a symbolic link is written through: the link stays a link, its
#    target (relative to the link, not there yet, then replaced) holds the file
mkdir "$T/real"
ln -s real/target.csv "$T/link.csv"
"$BIN" --headless --opt sgd --steps 2 --csv "$T/link.csv" || bad "write through a dangling link"
[ -L "$T/link.csv" ] && ok || bad "the link was replaced by a file"
[ "$(wc -l < "$T/real/target.csv")" = 4 ] && ok || bad "the link's target does not hold the CSV"
"$BIN" --headless --opt sgd --steps 5 --csv "$T/link.csv" || bad "write through a link"
[ -L "$T/link.csv" ] && [ "$(wc -l < "$T/real/target.csv")" = 7 ] && ok || bad "second write through the link"
[ "$(ls -A "$T/real")" = target.csv ] && ok || bad "left in the target's directory: $(ls "$T/real")"
f="expr:$(printf '%.0s(' $(seq 240))x$(printf '%.0s+x' $(seq 119))"
"$BIN" --headless --surface "$f" --csv "$T/out.csv" 2>"$T/err"
msg=$(cat "$T/err")
case "$msg" in *"…"*"': expected ')' at column 480") ok ;; *) bad "long broken formula: $msg" ;; esac
ln -s loop2 "$T/loop1"; ln -s loop1 "$T/loop2"
check_bad "cannot write '$T/loop1': Too many levels of symbolic links" --headless --csv "$T/loop1"

# -- scene files: --save-scene then --scene gives the same CSV byte for byte
S=(--surface 'expr:(1-x)^2 + 3*sin(x*y)' --start 0.3,-0.7 --steps 200 --noise 0.05 --seed 11
   --opt 'adam:lr=0.0123456789,schedule=cosine,warmup=5,bundle=3' --opt 'nadam:lr=0.003,colour=6,enabled=0')
"$BIN" "${S[@]}" --save-scene "$T/s.scene" 2>"$T/err" && [ ! -s "$T/err" ] && ok || bad "--save-scene: $(cat "$T/err")"
"$BIN" --headless "${S[@]}" --csv "$T/s1.csv" || bad "scene CSV"
"$BIN" --headless --scene "$T/s.scene" --csv "$T/s2.csv" || bad "--scene CSV"
cmp -s "$T/s1.csv" "$T/s2.csv" && ok || bad "--scene CSV differs from the options' CSV"
"$BIN" --headless --scene "$T/s.scene" --steps 10 --csv "$T/s3.csv" || bad "--scene then --steps"
[ "$(grep -c '^adam,' "$T/s3.csv")" = 11 ] && ok || bad "--steps after --scene does not override"
"$BIN" --headless "${S[@]}" --save-scene "$T/s4.scene" --csv "$T/s4.csv" && cmp -s "$T/s.scene" "$T/s4.scene" &&
  cmp -s "$T/s1.csv" "$T/s4.csv" && ok || bad "--save-scene with --headless"
# a bad file: exit 2, one line naming file:line
printf -- '--steps 10\n# fine\n--opt adam:lr=x\n' > "$T/bad.scene"
check_bad "$T/bad.scene:3: --opt 'adam:lr=x': lr 'x' is not a number" --headless --scene "$T/bad.scene" --csv "$T/out.csv"
printf -- '--steps 10\n--scene %s\n' "$T/bad.scene" > "$T/nest.scene"
check_bad "$T/nest.scene:2: --scene cannot be used in a scene file" --headless --scene "$T/nest.scene" --csv "$T/out.csv"
head -c 2000000 /dev/zero > "$T/big.scene"
check_bad "'$T/big.scene' is too large for a scene file" --headless --scene "$T/big.scene" --csv "$T/out.csv"
check_bad "'$T' is a directory, not a scene file" --headless --scene "$T" --csv "$T/out.csv"
check_bad "cannot read scene file '$T/none.scene': No such file or directory" --headless --scene "$T/none.scene" --csv "$T/out.csv"
check_bad "cannot write '$T/nodir/x.scene': No such file or directory" --save-scene "$T/nodir/x.scene"
# --resume: XDG_STATE_HOME honoured; a missing state file is a clear exit 2
mkdir "$T/state"
XDG_STATE_HOME="$T/state" check_bad "--resume: no saved scene at '$T/state/gradscape/last.scene'" --headless --resume --csv "$T/out.csv"
[ ! -e "$T/state/gradscape" ] && ok || bad "--resume made the state directory"
mkdir -p "$T/state/gradscape" && cp "$T/s.scene" "$T/state/gradscape/last.scene"
XDG_STATE_HOME="$T/state" "$BIN" --headless --resume --csv "$T/s5.csv" && cmp -s "$T/s1.csv" "$T/s5.csv" && ok ||
  bad "--resume CSV differs"
"$BIN" --help | grep -q -- '--scene FILE' && "$BIN" --help | grep -q -- '--save-scene FILE' &&
  "$BIN" --help | grep -q -- '--resume' && ok || bad "--help lacks the scene options"
# -- --sweep: one row per cell, and each cell is the run the command line makes with
# its values (its last row's loss, bit for bit; steps to the tolerance; divergence)
"$BIN" --headless --steps 300 --sweep adam:lr=0.001:2:6,beta1=0:0.99:5 --csv "$T/sw.csv" || bad "--sweep run"
[ "$(head -1 "$T/sw.csv")" = "lr,beta1,final_loss,steps_to_tol,diverged_at" ] && ok || bad "--sweep header"
[ "$(sed 1d "$T/sw.csv" | wc -l)" = 30 ] && ok || bad "--sweep rows: $(wc -l < "$T/sw.csv")"
for row in 2 9 17 31; do
  IFS=, read -r lr b1 final tol div < <(sed -n "${row}p" "$T/sw.csv")
  "$BIN" --headless --steps 300 --opt "adam:lr=$lr,beta1=$b1" --csv "$T/one.csv" 2>/dev/null
  last=$(tail -1 "$T/one.csv" | cut -d, -f5)
  [ "$last" = "$final" ] && ok || bad "--sweep row $row: final loss $final, the run's $last"
  first=$(awk -F, 'NR > 1 && $5 + 0 <= 1e-6 { print $2; exit }' "$T/one.csv")
  [ "${first:-}" = "$tol" ] && ok || bad "--sweep row $row: steps to tol '$tol', the run's '${first:-}'"
done
# -- --basin: one row per start, the start on a grid over the view
"$BIN" --headless --surface himmelblau --opt adam:lr=0.1 --steps 200 --basin adam:8 --csv "$T/b.csv" || bad "--basin run"
[ "$(head -1 "$T/b.csv")" = "x0,y0,end_x,end_y,final_loss,minimum,steps_to_tol,diverged_at" ] && ok || bad "--basin header"
[ "$(sed 1d "$T/b.csv" | wc -l)" = 64 ] && ok || bad "--basin rows"
[ "$(sed -n 2p "$T/b.csv" | cut -d, -f1,2)" = "-4.375,-4.375" ] && ok || bad "--basin first start: $(sed -n 2p "$T/b.csv")"
IFS=, read -r x0 y0 ex ey final minimum tol div < <(sed -n 20p "$T/b.csv")
"$BIN" --headless --surface himmelblau --steps 200 --opt adam:lr=0.1 --start "$x0,$y0" --csv "$T/one.csv" 2>/dev/null
[ "$(tail -1 "$T/one.csv" | cut -d, -f3,4,5)" = "$ex,$ey,$final" ] && ok || bad "--basin row 20 is not the run from its start"
check_bad "--sweep 'nope': no run has that label (the runs: sgd, momentum, rmsprop, adam)" --headless --sweep nope:lr=0.1:1:4,beta1=0:0.9:4
check_bad "--basin 'nope': no run has that label (the runs: sgd, momentum, rmsprop, adam)" --headless --basin nope:8
check_bad "--sweep: sgd takes no beta1" --headless --sweep sgd:lr=0.1:1:4,beta1=0:0.9:4
check_bad "--sweep 'lr=0.1:1' is not KEY=LO:HI:N" --headless --sweep adam:lr=0.1:1
check_bad "--sweep 'adam': expected LABEL:KEY=LO:HI:N (a curve) or LABEL:KEY=LO:HI:N,KEY=LO:HI:N (a map)" --headless --sweep adam
# -- --sweep with one key: the learning-rate curve, one row per value, each the run
#    the command line makes with it
"$BIN" --headless --surface himmelblau --steps 200 --opt sgd:lr=0.01 --sweep sgd:lr=0.001:0.1:8 --csv "$T/c.csv" || bad "--sweep curve run"
[ "$(head -1 "$T/c.csv")" = "lr,final_loss,steps_to_tol,diverged_at" ] && ok || bad "--sweep curve header: $(head -1 "$T/c.csv")"
[ "$(sed 1d "$T/c.csv" | wc -l)" = 8 ] && ok || bad "--sweep curve rows"
IFS=, read -r lr final tol div < <(sed -n 4p "$T/c.csv")
"$BIN" --headless --surface himmelblau --steps 200 --opt "sgd:lr=$lr" --csv "$T/one.csv" 2>/dev/null
[ "$(tail -1 "$T/one.csv" | cut -d, -f5)" = "$final" ] && ok || bad "--sweep curve row 3 (lr $lr: $final) is not the run: $(tail -1 "$T/one.csv")"
check_bad "--sweep 'lr=0:1:4': lr must be > 0" --headless --sweep adam:lr=0:1:4,beta1=0:0.9:4
check_bad "--sweep 'beta1=0:0.9:1': expected numbers LO and HI and a count N from 2 to 1024" --headless --sweep adam:lr=0.1:1:4,beta1=0:0.9:1
check_bad "--basin 'adam:0': expected LABEL[:N], N from 2 to 1024" --headless --basin adam:0
check_bad "--sweep and --basin: give one at a time" --headless --basin adam --sweep adam:lr=0.1:1:4,beta1=0:0.9:4
check_bad "--basin needs --headless" --basin adam
# -- a scene or lesson file named alone (as a file manager opens one): the same as
#    --scene FILE (or --lesson FILE); two, or one and --scene, are bad input
printf -- "--surface himmelblau\n--steps 30\n--opt adam:lr=0.1\n" >"$T/pos.scene"
"$BIN" --headless "$T/pos.scene" --csv "$T/pos.csv" && "$BIN" --headless --scene "$T/pos.scene" --csv "$T/opt.csv" &&
  cmp -s "$T/pos.csv" "$T/opt.csv" && [ "$(wc -l <"$T/pos.csv")" -gt 30 ] && ok || bad "a scene file named alone differs from --scene"
check_bad "'$T/pos.scene' and '$T/pos.scene': give one scene or lesson file" --headless "$T/pos.scene" "$T/pos.scene"
check_bad "'$T/pos.scene' and --scene: give one scene or lesson file" --headless "$T/pos.scene" --scene "$T/pos.scene"
printf -- "--title Two\n--caption one\n--steps 12\n---\n--caption two\n--steps 14\n" >"$T/pos.lesson"
"$BIN" --headless "$T/pos.lesson" --slide 2 --csv "$T/l.csv" && [ "$(tail -1 "$T/l.csv" | cut -d, -f2)" = 14 ] && ok ||
  bad "a lesson file named alone is not opened as --lesson: $(tail -1 "$T/l.csv")"
# -- --version: the version, the licence and no warranty, as GNU's programs say it
"$BIN" --version >"$T/v" && head -1 "$T/v" | grep -qE "^gradscape [0-9]+\.[0-9]+\.[0-9]+$" &&
  grep -q "^License GPLv3+: GNU GPL version 3 or later" "$T/v" && grep -q "NO WARRANTY" "$T/v" && ok ||
  bad "--version: $(cat "$T/v")"
"$BIN" --help | tail -3 | grep -q "Report bugs" && ok || bad "--help does not end with where to report bugs"

[ "$(ls -A "$T" | grep -c "^\.gradscape-")" = 0 ] && ok || bad "temporary files left: $(ls -A "$T")"

echo "test_cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
