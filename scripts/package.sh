#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Builds the Debian package: a Release build in build-pkg/ with Debian's hardening
# flags (dpkg-buildflags), then cpack -G DEB, then lintian on it. Prints the
# package's path: install it with `sudo apt install ./gradscape_VERSION_ARCH.deb`.
# GS_MAINTAINER="Name <address>" sets the package's Maintainer field.
# usage: scripts/package.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
build="$root/build-pkg"
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
CFLAGS="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
LDFLAGS="$(dpkg-buildflags --get LDFLAGS)"
maint=()
[ -n "${GS_MAINTAINER:-}" ] && maint=(-DGS_MAINTAINER="$GS_MAINTAINER")
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DGS_BUILD_TESTS=OFF -DCMAKE_C_FLAGS="$CFLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS" "${maint[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/gradscape_*.deb)"
lintian --fail-on error "$deb"
echo "$deb"
