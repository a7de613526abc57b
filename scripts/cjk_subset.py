#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
"""The browser build's fallback font: the system's Chinese face (fontconfig's
choice for zh-cn, Debian's fonts-wqy-microhei), cut down with fontTools' subsetter
to exactly the characters the catalogs' translations and the language switch use
that the UI font (DejaVu Sans) lacks.

    cjk_subset.py OUT.ttf UI_FONT.ttf PO...
"""
import re
import subprocess
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def msgstr_chars(path):
    """Every character inside the quotes of a PO file's msgstr lines."""
    chars, in_msgstr = set(), False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("msgstr"):
                in_msgstr = True
            elif not line.startswith('"'):
                in_msgstr = False
            m = re.search(r'"(.*)"\s*$', line)
            if in_msgstr and m:
                chars.update(m.group(1))
    return chars


def main():
    out, ui_font, pos = sys.argv[1], sys.argv[2], sys.argv[3:]
    chars = set("中文")  # the language switch's own name
    for po in pos:
        chars |= msgstr_chars(po)
    ui = TTFont(ui_font).getBestCmap()
    need = sorted(c for c in chars if ord(c) >= 0x80 and ord(c) not in ui)
    match = subprocess.run(["fc-match", "-f", "%{file}\n%{index}", "sans-serif:lang=zh-cn"],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    path, index = match[0], int(match[1] or 0)
    font = TTFont(path, fontNumber=index)
    missing = [c for c in need if ord(c) not in font.getBestCmap()]
    if missing:
        sys.exit(f"cjk_subset.py: {path} lacks {''.join(missing)}")
    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = []
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # the font's names and its licence's notice
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in need])
    sub.subset(font)
    font.save(out)
    print(f"cjk_subset.py: {len(need)} characters from {path}")


main()
