#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# The languages: the template holds every message of the sources, each catalog
# translates all of it (no untranslated, no fuzzy entry, conversions kept), the
# program speaks the environment's language where its locale is not generated,
# and what machines read stays the same in every language.
#   test_lang.sh BIN SOURCE_DIR MANPAGE_TOOL
set -u
BIN="$1"
SRC="$2"
export GS_MANPAGE="$3"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# -- the template is up to date: a fresh one has no message the committed one lacks
bash "$SRC/scripts/pot.sh" "$T/fresh.pot" || bad "scripts/pot.sh failed"
missing="$(msgcmp -N --use-untranslated "$SRC/po/gradscape.pot" "$T/fresh.pot" 2>&1 | grep -c 'this message is used but not defined')"
[ "$missing" = 0 ] && ok || { bad "po/gradscape.pot lacks $missing messages of the sources (cmake --build build --target pot)"; msgcmp -N --use-untranslated "$SRC/po/gradscape.pot" "$T/fresh.pot" 2>&1 | head -20 >&2; }

# -- every catalog: complete, nothing fuzzy, printf conversions kept (msgfmt --check)
while read -r code; do
  case "$code" in ''|'#'*) continue ;; esac
  po="$SRC/po/$code.po"
  stats="$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)"
  [ $? -eq 0 ] && ok || bad "$code.po: msgfmt --check: $stats"
  echo "$stats" | grep -Eq 'fuzzy|untranslated' && bad "$code.po: $stats" || ok
  # every message of the sources is in the catalog
  n="$(msgcmp -N "$po" "$T/fresh.pot" 2>&1 | grep -c 'this message is used but not defined')"
  [ "$n" = 0 ] && ok || bad "$code.po lacks $n messages of the sources (msgmerge -U $code.po gradscape.pot)"
  # the program knows the language
  "$BIN" --lang "$code" --version >/dev/null 2>&1 && ok || bad "--lang $code refused: po/LINGUAS and lang.c disagree"
done < "$SRC/po/LINGUAS"

# -- the environment's language, where its locale is not generated here
zh_gen=0
locale -a 2>/dev/null | grep -qi '^zh_CN' && zh_gen=1
out="$(env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$BIN" --help)"
echo "$out" | grep -q '用法' && ok || bad "LANG=zh_CN.UTF-8 --help is not Chinese (zh_CN generated here: $zh_gen)"
echo "$out" | grep -q -- '--steps' && ok || bad "the Chinese --help lost the option names"
out="$(env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C "$BIN" --help)"
echo "$out" | grep -q '^Usage' && ok || bad "LANG=C --help is not English"
echo "$out" | grep -q '用法' && bad "LANG=C --help has Chinese" || ok
# gettext's order: LANGUAGE before LC_ALL, LC_MESSAGES, LANG; none of it in the C locale
out="$(env LANGUAGE=zh_CN LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 "$BIN" --help)"
echo "$out" | grep -q '用法' && ok || bad "LANGUAGE=zh_CN is not read"
out="$(env -u LANGUAGE LC_ALL=zh_CN.UTF-8 LANG=C "$BIN" --help)"
echo "$out" | grep -q '用法' && ok || bad "LC_ALL=zh_CN.UTF-8 is not read"
out="$(env LANGUAGE=zh_CN LC_ALL=C "$BIN" --help)"
echo "$out" | grep -q '^Usage' && ok || bad "LC_ALL=C must keep English, LANGUAGE or not"
# --lang overrides the environment, both ways
env LANG=zh_CN.UTF-8 "$BIN" --lang en --help | grep -q '^Usage' && ok || bad "--lang en under LANG=zh_CN"
env LANG=C "$BIN" --lang=zh_CN --help | grep -q '用法' && ok || bad "--lang=zh_CN under LANG=C"

# -- bad input in Chinese: the message translated, the exit status 2, the option's name kept
err="$(env LANG=zh_CN.UTF-8 "$BIN" --headless --steps many 2>&1 >/dev/null)"
rc=$?
[ $rc -eq 2 ] && ok || bad "a bad --steps under zh_CN: exit $rc"
echo "$err" | grep -q -- '--steps' && echo "$err" | LC_ALL=C grep -q $'[\xe4-\xe9]' && ok ||
  bad "a bad --steps under zh_CN: '$err'"
err="$("$BIN" --lang xx 2>&1)"
[ $? -eq 2 ] && echo "$err" | grep -q "zh_CN" && ok || bad "--lang xx: '$err'"

# -- a lesson in a language: --lang is no scene option a lesson refuses
"$BIN" --lesson adam --lang zh_CN --headless --csv "$T/l.csv" 2>"$T/err" && [ -s "$T/l.csv" ] && ok ||
  bad "--lesson with --lang: $(cat "$T/err")"

# -- a scene file's --lang: kept when the scene is saved again
printf -- '--lang zh_CN\n--opt adam\n' > "$T/zh.scene"
"$BIN" --scene "$T/zh.scene" --save-scene "$T/again.scene" && grep -qx -- '--lang zh_CN' "$T/again.scene" && ok ||
  bad "a scene file's --lang is not saved again"

# -- what machines read is the same in every language: CSV, scene files, PyTorch code
for what in "--headless --steps 20 --csv -" "--print-torch" "--save-scene $T/s.scene"; do
  a="$(env LANG=C "$BIN" $what 2>&1; cat "$T/s.scene" 2>/dev/null)"
  rm -f "$T/s.scene"
  b="$(env LANG=C "$BIN" --lang zh_CN $what 2>&1; grep -vx -- '--lang zh_CN' "$T/s.scene" 2>/dev/null)"
  rm -f "$T/s.scene"
  [ "$a" = "$b" ] && ok || { bad "'$what' differs in zh_CN"; diff <(echo "$a") <(echo "$b") | head >&2; }
done

echo "test_lang: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
