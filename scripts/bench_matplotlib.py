#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
"""The animation a user would otherwise write: matplotlib's FuncAnimation saved
with Pillow, the reference --bench-export is compared with.

The same scene as gradscape's default (Rosenbrock, its four runs), from the CSV
gradscape writes, so both draw the same paths: 150 frames at 960x540, the colour
field on a log scale with contour lines, each run's path so far with its head,
and a legend with the step and loss, as gradscape's picture has. It is written
as an ordinary user would write it (blitting off: the legend changes every frame).

    scripts/bench_matplotlib.py TRAJECTORIES.csv OUT.gif [FRAMES]
    scripts/bench_matplotlib.py TRAJECTORIES.csv OUT.png still

The second form is the still picture gradscape's --screenshot is compared with:
1920x1080, the whole paths, their heads and the legend at the last step, saved as
PNG.
"""
import csv
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import FuncAnimation, PillowWriter  # noqa: E402

COLOURS = ["#E69F00", "#56B4E9", "#CC79A7", "#F0F0F0"]


def main():
    t0 = time.perf_counter()
    csv_path, out = sys.argv[1], sys.argv[2]
    still = len(sys.argv) > 3 and sys.argv[3] == "still"
    frames = 1 if still else int(sys.argv[3]) if len(sys.argv) > 3 else 150
    runs = {}
    with open(csv_path) as f:
        for row in csv.DictReader(f):
            runs.setdefault(row["optimizer"], []).append(
                (float(row["x"]), float(row["y"]), float(row["loss"])))
    names = list(runs)
    paths = [np.array(runs[n]) for n in names]
    steps = max(len(p) for p in paths) - 1

    fig, ax = plt.subplots(figsize=(19.2, 10.8) if still else (9.6, 5.4), dpi=100)
    fig.subplots_adjust(0, 0, 1, 1)
    # the view gradscape shows for Rosenbrock, widened to 16:9
    xs = np.linspace(-3.0, 3.0, 960 if still else 480)
    ys = np.linspace(-1.0, 3.0, 540 if still else 270)
    X, Y = np.meshgrid(xs, ys)
    Z = (1 - X) ** 2 + 100 * (Y - X ** 2) ** 2
    L = np.log10(Z + 1e-3)
    ax.contourf(X, Y, L, levels=64, cmap="viridis")
    ax.contour(X, Y, L, levels=24, colors="black", linewidths=0.6, alpha=0.5)
    ax.set_xlim(-3, 3)
    ax.set_ylim(-1, 3)
    ax.set_axis_off()
    lines = [ax.plot([], [], color=c, lw=2.5, label=n)[0] for c, n in zip(COLOURS, names)]
    heads = [ax.plot([], [], "o", color=c, mec="black", ms=8)[0] for c in COLOURS]
    ax.plot(*paths[0][0, :2], "o", color="white", mec="black", ms=7)
    legend = ax.text(0.6, 0.97, "", transform=ax.transAxes, va="top", family="monospace",
                     color="white", fontsize=10,
                     bbox=dict(facecolor="black", alpha=0.75, edgecolor="none"))

    def draw(i):
        k = steps if still else round(i * steps / (frames - 1))
        rows = ["run        step   loss"]
        for p, line, head, n in zip(paths, lines, heads, names):
            kk = min(k, len(p) - 1)
            line.set_data(p[: kk + 1, 0], p[: kk + 1, 1])
            head.set_data([p[kk, 0]], [p[kk, 1]])
            rows.append(f"{n:<10} {kk:>5}  {p[kk, 2]:.5g}")
        legend.set_text("\n".join(rows))
        return lines + heads + [legend]

    if still:
        draw(frames - 1)
        fig.savefig(out)
        print(f"matplotlib: still seconds={time.perf_counter() - t0:.2f}")
        return
    anim = FuncAnimation(fig, draw, frames=frames, blit=False)
    anim.save(out, writer=PillowWriter(fps=30))
    print(f"matplotlib: frames={frames} seconds={time.perf_counter() - t0:.2f}")


if __name__ == "__main__":
    main()
