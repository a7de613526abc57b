#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
# The browser build's start: builds it (scripts/web.sh), then opens it in headless
# Chromium from a server on 127.0.0.1, cold (a new profile each round), and prints
# each round's time from navigation to the first frame on screen, and the median.
# Run it alone: the time is the machine's.   usage: scripts/bench-web.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/web.sh
exec python3 tests/test_web.py --bench build-web "${1:-5}"
