#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Writes the message template (po/gradscape.pot, or $1) from what a person reads:
# the _() and N_() strings of the C sources, the desktop entry's Name, Comment and
# Keywords, the built-in lessons' --title and --caption lines, and the man page's
# prose (the build's gs_manpage --pot: GS_MANPAGE, else build/gs_manpage). Then
# `msgmerge -U po/CODE.po po/gradscape.pot` brings a language's catalog up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-po/gradscape.pot}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
common=(--package-name=gradscape --msgid-bugs-address="the project's issue tracker"
        --copyright-holder="The gradscape authors" --from-code=UTF-8 --sort-by-file)
find src -name '*.c' -o -name '*.h' | LC_ALL=C sort > "$tmp/files"
xgettext "${common[@]}" --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
  --files-from="$tmp/files" -o "$tmp/c.pot"
xgettext "${common[@]}" --language=Desktop -o "$tmp/desktop.pot" assets/gradscape.desktop
# the lessons' titles and captions: lines "--title TEXT" and "--caption TEXT"
{
  printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
  for f in assets/lessons/*.lesson; do
    awk -v f="$f" '/^--(title|caption) / {
        t = $0; sub(/^--(title|caption) /, "", t); sub(/[ \t\r]+$/, "", t)
        gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t)
        printf "#: %s:%d\nmsgid \"%s\"\nmsgstr \"\"\n\n", f, NR, t }' "$f"
  done
  # the runs' labels made of words (not an optimizer's name or a symbol's value),
  # which the window shows in the reader's language (app_lesson_labels)
  for f in assets/lessons/*.lesson; do
    awk -v f="$f" '/^--opt / {
        if (match($0, /label=[^,]*/)) {
          t = substr($0, RSTART + 6, RLENGTH - 6)
          if (t ~ /^[a-z][a-z -]*$/ && t !~ /^(sgd|momentum|nesterov|rmsprop|adagrad|adadelta|adam|adamw|amsgrad|nadam|radam|lion)$/)
            printf "#. TRANSLATORS: a run'"'"'s label in a lesson (the legend, the side panel): short, without , : =\n#: %s:%d\nmsgctxt \"run label\"\nmsgid \"%s\"\nmsgstr \"\"\n\n", f, NR, t
        } }' "$f"
  done
} > "$tmp/lessons.po"
msguniq --use-first -o "$tmp/lessons.pot" "$tmp/lessons.po"
manpage="${GS_MANPAGE:-build/gs_manpage}"
if [ ! -x "$manpage" ]; then
  echo "pot.sh: no $manpage: build it (cmake --build build --target gs_manpage) or set GS_MANPAGE" >&2
  exit 2
fi
{
  printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
  "$manpage" --pot assets/man/gradscape.1.in
} > "$tmp/man.po"
msguniq --use-first -o "$tmp/man.pot" "$tmp/man.po"
msgcat --use-first -o "$tmp/all.pot" "$tmp/c.pot" "$tmp/desktop.pot" "$tmp/lessons.pot" "$tmp/man.pot"
# msgcat drops the header's charset: the C sources' header is kept
sed -i 's/charset=CHARSET/charset=UTF-8/' "$tmp/all.pot"
# the date changes nothing a translator reads: kept out so the file only changes with its messages
sed -i '/^"POT-Creation-Date:/d' "$tmp/all.pot"
# the template's own first lines: its licence, in place of xgettext's placeholders
{
  echo "# SPDX-License-Identifier: GPL-3.0-or-later"
  echo "# Copyright (C) 2026 The gradscape authors"
  echo "# The messages of gradscape, for translators: scripts/pot.sh writes it anew."
  echo "#"
  sed -n '/^#, fuzzy/,$p' "$tmp/all.pot"
} > "$tmp/final.pot"
mv "$tmp/final.pot" "$out"
