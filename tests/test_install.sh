#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# The install end to end: `cmake --install` into a fresh prefix, then what it put
# there checked as a user and a desktop would meet it: the program runs from the
# prefix in another directory, the .desktop entry validates, scene and lesson files
# are MIME types of their own, the licence and the history are there, the icons
# are PNGs of their sizes, and the man page renders cleanly and lists exactly the
# options --help lists.
# usage: test_install.sh CMAKE BUILD_DIR VERSION
set -u
CMAKE="$1" BUILD="$2" VERSION="$3"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
skipped() { skip=$((skip + 1)); echo "skipped: $*"; }
finish() {
  echo "$pass passed, $fail failed, $skip skipped"
  [ "$fail" -eq 0 ]
  exit
}

# "W H" of a PNG, from its IHDR (big-endian at bytes 16..23); "" if no PNG.
png_size() {
  [ "$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')" = 89504e470d0a1a0a ] || return 0
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%d %d\n", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8 }'
}

P="$T/prefix"
"$CMAKE" --install "$BUILD" --prefix "$P" >"$T/install.log" 2>&1 || { bad "cmake --install: $(tail -3 "$T/install.log")"; finish; }
ok

# -- the program, from the prefix, in a directory of its own
BIN="$P/bin/gradscape"
[ -x "$BIN" ] && ok || { bad "no executable $BIN"; finish; }
mkdir "$T/work"
(cd "$T/work" && SDL_VIDEODRIVER=offscreen "$BIN" --headless --steps 50 --screenshot out.png --csv out.csv) \
  >"$T/run.out" 2>"$T/run.err"
[ $? -eq 0 ] && ok || bad "installed gradscape --headless exit status: $(cat "$T/run.err")"
[ "$(png_size "$T/work/out.png")" = "1600 900" ] && ok || bad "out.png is no 1600x900 PNG: '$(png_size "$T/work/out.png")'"
[ "$(head -1 "$T/work/out.csv" 2>/dev/null)" = "optimizer,step,x,y,loss,grad_x,grad_y,lr" ] && ok \
  || bad "out.csv header: $(head -1 "$T/work/out.csv" 2>/dev/null)"
# the default scene: 4 runs, steps 0..50 each
rows=$(($(wc -l <"$T/work/out.csv" 2>/dev/null || echo 1) - 1))
[ "$rows" = 204 ] && ok || bad "out.csv has $rows rows, not 4 x 51"

# -- --version and --help, as GNU asks: stdout, exit 0, whatever else is given
out="$("$BIN" --version)" && ok || bad "--version exit status"
[ "$(printf '%s\n' "$out" | head -1)" = "gradscape $VERSION" ] && ok || bad "--version says '$out'"
[ "$("$BIN" --version --bogus 2>&1)" = "$out" ] && ok || bad "--version --bogus differs from --version"
"$BIN" --help >"$T/help.txt" 2>"$T/help.err" && [ ! -s "$T/help.err" ] && ok || bad "--help exit status or stderr"
"$BIN" --help --bogus >"$T/help2.txt" 2>&1 && cmp -s "$T/help.txt" "$T/help2.txt" && ok \
  || bad "--help --bogus differs from --help"

# -- the catalogs: installed under share/locale, where the installed program finds
#    them (prefix/bin/../share/locale), whatever folder it was installed to
[ -f "$P/share/locale/zh_CN/LC_MESSAGES/gradscape.mo" ] && ok || bad "no share/locale/zh_CN/LC_MESSAGES/gradscape.mo"
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$BIN" --help 2>&1 | grep -q '用法' && ok ||
  bad "the installed program does not find its catalogs: LANG=zh_CN.UTF-8 --help is not Chinese"

# -- the desktop entry
DESKTOP="$P/share/applications/gradscape.desktop"
[ -f "$DESKTOP" ] && ok || bad "no $DESKTOP"
# its name and comment in each language of po/ (msgfmt --desktop)
grep -q '^Comment\[zh_CN\]=.*优化器' "$DESKTOP" && grep -q '^GenericName\[zh_CN\]=' "$DESKTOP" && ok ||
  bad "the desktop entry has no Chinese GenericName and Comment"
for kv in Type=Application "Exec=gradscape %f" Icon=gradscape Terminal=false \
  "MimeType=application/x-gradscape-scene;application/x-gradscape-lesson;"; do
  grep -qx "$kv" "$DESKTOP" 2>/dev/null && ok || bad "the desktop entry lacks $kv"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$DESKTOP" >"$T/dfv" 2>&1 && ! grep -qE 'error|warning' "$T/dfv" && ok \
    || bad "desktop-file-validate: $(cat "$T/dfv")"
else
  skipped "desktop-file-validate not found (Debian's desktop-file-utils): the entry is not validated"
fi

# -- scene and lesson files open with gradscape: the MIME types, read by the same
#    update-mime-database a system runs on them
MIME="$P/share/mime/packages/gradscape.xml"
xmllint --noout "$MIME" 2>"$T/xmllint" && ok || bad "xmllint $MIME: $(cat "$T/xmllint")"
if command -v update-mime-database >/dev/null; then
  mkdir -p "$T/mime/packages" && cp "$MIME" "$T/mime/packages/"
  update-mime-database "$T/mime" >"$T/umd" 2>&1 && ok || bad "update-mime-database: $(cat "$T/umd")"
  for t in scene lesson; do
    [ -f "$T/mime/application/x-gradscape-$t.xml" ] && grep -q "^application/x-gradscape-$t:\*\.$t$" "$T/mime/globs" \
      && ok || bad "application/x-gradscape-$t (*.$t) is not in the MIME database made from $MIME"
  done
else
  skipped "update-mime-database not found (Debian's shared-mime-info): the MIME types are not read"
fi

# -- the licence, the pieces' licences and the history
DOC="$P/share/doc/gradscape"
grep -q "^License: GPL-3.0-or-later" "$DOC/copyright" 2>/dev/null && ok || bad "no $DOC/copyright naming the licence"
zcat "$DOC/changelog.gz" 2>/dev/null | head -1 | grep -q "^gradscape ($VERSION)" && ok || bad "$DOC/changelog.gz is not this version's"
head -5 "$DOC/NEWS" 2>/dev/null | grep -q "^$VERSION " && ok || bad "$DOC/NEWS does not begin with $VERSION"

# -- the icon: SVG and PNGs of their sizes, in the hicolor theme
ICONS="$P/share/icons/hicolor"
grep -q '<svg' "$ICONS/scalable/apps/gradscape.svg" 2>/dev/null && ok || bad "no scalable/apps/gradscape.svg"
for n in 16 32 48 64 128 256; do
  f="$ICONS/${n}x${n}/apps/gradscape.png"
  [ "$(png_size "$f")" = "$n $n" ] && ok || bad "$f is no ${n}x${n} PNG: '$(png_size "$f")'"
done
# decoded: every chunk's CRC right, and the pixels inflate to the rows of W x H
if command -v python3 >/dev/null; then
  python3 - "$ICONS"/*x*/apps/gradscape.png >"$T/decode" 2>&1 <<'EOF' && ok || bad "icon PNGs do not decode: $(cat "$T/decode")"
import struct, sys, zlib
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0]:
            sys.exit(f"{path}: bad CRC in {kind!r}")
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour, _, _, interlace = ihdr
    if depth != 8 or interlace:
        sys.exit(f"{path}: depth {depth}, interlace {interlace}")
    if len(zlib.decompress(idat)) != h * (1 + w * CHANNELS[colour]):
        sys.exit(f"{path}: pixel data is not {w}x{h}")
EOF
else
  skipped "python3 not found: the icon PNGs' headers are checked, their pixels not decoded"
fi

# -- the man page
MAN="$T/gradscape.1"
zcat "$P/share/man/man1/gradscape.1.gz" >"$MAN" 2>/dev/null && ok || { bad "no $P/share/man/man1/gradscape.1.gz"; finish; }
grep -q '^\.TH GRADSCAPE 1 .*"gradscape '"$VERSION"'"' "$MAN" && ok || bad "the man page's .TH: $(grep '^\.TH' "$MAN")"
grep -q '^\.SH "IN THE WINDOW"' "$MAN" && ok || bad "the man page has no IN THE WINDOW section"
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww "$MAN" >"$T/man.txt" 2>"$T/man.err" && [ ! -s "$T/man.err" ] && [ -s "$T/man.txt" ] && ok \
    || bad "groff -man -Tutf8 -ww: $(head -5 "$T/man.err")"
else
  skipped "groff not found (Debian's groff-base): the man page is not rendered"
fi

# Every option --help lists ("  --steps N   ...", "  -h, --help  ...") is an
# option of the man page's OPTIONS section (a .TP term there), and no other.
sed -n 's/^  \(-[^ ].*\)$/\1/p' "$T/help.txt" | sed 's/  .*//' | tr ',' '\n' |
  grep -oE '^ *--?[A-Za-z0-9][A-Za-z0-9-]*' | tr -d ' ' | sort -u >"$T/opts.help"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$MAN" | sed -n '/^\.TP/{n;p}' | sed 's/\\-/-/g; s/\\f[BIRP]//g' | tr ',' '\n' |
  grep -oE '^ *--?[A-Za-z0-9][A-Za-z0-9-]*' | tr -d ' ' | sort -u >"$T/opts.man"
[ "$(wc -l <"$T/opts.help")" -ge 30 ] && ok || bad "only $(wc -l <"$T/opts.help") options read from --help"
missing="$(comm -23 "$T/opts.help" "$T/opts.man" | tr '\n' ' ')"
extra="$(comm -13 "$T/opts.help" "$T/opts.man" | tr '\n' ' ')"
[ -z "$missing" ] && ok || bad "options in --help but not in the man page: $missing"
[ -z "$extra" ] && ok || bad "options in the man page but not in --help: $extra"

# -- the man page in Chinese: its prose and options translated, the same options,
#    rendered (through preconv, as man does) with no warning
ZMAN="$T/gradscape.zh_CN.1"
zcat "$P/share/man/zh_CN/man1/gradscape.1.gz" >"$ZMAN" 2>/dev/null && ok || bad "no share/man/zh_CN/man1/gradscape.1.gz"
grep -q '^\.SH "描述"' "$ZMAN" && grep -q '^\.SH \\\[u9009\]' "$ZMAN" && ok || bad "the Chinese man page's sections are not Chinese"
# OPTIONS is the fourth section, as in English
awk '/^\.SH/ { n++ } n == 4' "$ZMAN" | sed -n '/^\.TP/{n;p}' | sed 's/\\-/-/g; s/\\f[BIRP]//g' | tr ',' '\n' |
  grep -oE '^ *--?[A-Za-z0-9][A-Za-z0-9-]*' | tr -d ' ' | sort -u >"$T/opts.zhman"
cmp -s "$T/opts.man" "$T/opts.zhman" && ok || bad "the Chinese man page's options differ: $(diff "$T/opts.man" "$T/opts.zhman" | head -3)"
if command -v groff >/dev/null; then
  preconv -e UTF-8 "$ZMAN" | groff -man -Tutf8 -ww >"$T/zhman.txt" 2>"$T/zhman.err" && [ ! -s "$T/zhman.err" ] &&
    grep -q '二维损失曲面' "$T/zhman.txt" && ok || bad "the Chinese man page: $(head -5 "$T/zhman.err")"
fi

finish
