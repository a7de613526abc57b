#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# Installs the Debian packages gradscape needs to build and test, only those that are
# missing. Quiet when everything is already there.
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config
  libsdl2-dev libsdl2-ttf-dev libepoxy-dev libcglm-dev libstb-dev
  gettext libfontconfig-dev fonts-wqy-microhei
  libisal-dev libgif-dev libimagequant-dev libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  libegl-mesa0 libgl1-mesa-dri libegl-dev
  glslang-tools
  clang libclang-rt-14-dev
  desktop-file-utils groff-base
  lintian libxml2-utils shared-mime-info
)
# --web: the browser build's toolchain (emscripten brings clang, lld and binaryen;
# node-acorn is its JavaScript optimizer's parser) and Chromium for its test
if [ "${1:-}" = "--web" ]; then
  PACKAGES+=(emscripten node-acorn chromium python3-fonttools)
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
