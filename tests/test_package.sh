#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# The Debian package, as scripts/package.sh makes it: cpack -G DEB from the build
# directory gives gradscape_VERSION_ARCH.deb; it holds the program, the man page,
# the desktop entry, the MIME types, the icons, the lessons, the licence and the
# history; lintian finds no error in it; its Depends come from the program's
# libraries; the program taken out of it runs and says its version and licence.
# Exit 77 (skipped) where lintian or dpkg-deb is missing (scripts/deps.sh installs
# them).
# usage: test_package.sh CPACK BUILD_DIR VERSION
set -u
CPACK="$1" BUILD="$2" VERSION="$3"
for tool in lintian dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "SKIPPED: $tool is not installed (scripts/deps.sh installs it)"; exit 77; }
done
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

(cd "$T" && "$CPACK" -G DEB -B "$T/out" --config "$BUILD/CPackConfig.cmake") >"$T/cpack.log" 2>&1 ||
  { echo "FAIL: cpack: $(tail -5 "$T/cpack.log")"; exit 1; }
ARCH="$(dpkg --print-architecture)"
DEB="$T/out/gradscape_${VERSION}_${ARCH}.deb"
[ -f "$DEB" ] && ok || { echo "FAIL: no $DEB: $(ls "$T/out")"; exit 1; }

dpkg-deb -c "$DEB" | awk '{ print $6 }' | sed 's|^\./||' >"$T/files"
for f in usr/bin/gradscape usr/share/man/man1/gradscape.1.gz usr/share/applications/gradscape.desktop \
  usr/share/mime/packages/gradscape.xml usr/share/icons/hicolor/scalable/apps/gradscape.svg \
  usr/share/icons/hicolor/48x48/apps/gradscape.png usr/share/gradscape/lessons/valleys.lesson \
  usr/share/doc/gradscape/copyright usr/share/doc/gradscape/changelog.gz \
  usr/share/locale/zh_CN/LC_MESSAGES/gradscape.mo; do
  grep -qx "$f" "$T/files" && ok || bad "the package has no $f"
done
[ "$(grep -c '^usr/share/gradscape/lessons/.*\.lesson$' "$T/files")" -ge 7 ] && ok || bad "the package lacks lessons"

dpkg-deb -f "$DEB" Package Version Section Depends >"$T/control"
grep -qx "Version: $VERSION" "$T/control" && ok || bad "control: $(cat "$T/control")"
grep -qE "^Section: (science|education)$" "$T/control" && ok || bad "section: $(grep Section "$T/control")"
# Depends as dpkg-shlibdeps finds them: the libraries the program links
for lib in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libepoxy0 libc6; do
  grep -q "$lib" "$T/control" && ok || bad "Depends lacks $lib: $(grep Depends "$T/control")"
done

lintian --fail-on error "$DEB" >"$T/lintian" 2>&1 && ok || bad "lintian: $(grep -E '^E:' "$T/lintian" | head -10)"
grep -E '^(W|E):' "$T/lintian" | sed 's/^/lintian: /'

dpkg-deb -x "$DEB" "$T/root"
"$T/root/usr/bin/gradscape" --version >"$T/version" 2>&1 && ok || bad "the packaged program: $(cat "$T/version")"
head -1 "$T/version" | grep -qx "gradscape $VERSION" && grep -q "GPL version 3 or later" "$T/version" &&
  grep -q "NO WARRANTY" "$T/version" && ok || bad "--version from the package: $(cat "$T/version")"

echo "test_package: $pass passed, $fail failed ($(du -k "$DEB" | cut -f1) KB)"
[ "$fail" -eq 0 ]
