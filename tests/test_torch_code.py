#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
"""The code --print-torch prints runs, and reproduces gradscape's trajectories.

    test_torch_code.py GRADSCAPE

For each scene: `gradscape --headless --csv -` gives the trajectories, and
`gradscape --print-torch` the code. Each run's block is executed with
`params = [p]` for a float64 tensor p at the start; the optimizer (and its
scheduler) then step the scene's number of steps on the surface written with
torch operations, and every point, loss and lr is compared with the CSV to
1e-9 relative. Runs torch cannot reproduce must print comments only.
Exits 77 (a skip for ctest) when torch cannot be imported."""
import csv
import io
import math
import os
import subprocess
import sys

# ATen's baseline kernels: plain multiply-then-add, as the C core computes
os.environ.setdefault("ATEN_CPU_CAPABILITY", "default")
try:
    import torch
except ImportError:
    print("python3-torch not installed: skipped")
    sys.exit(77)

torch.set_default_dtype(torch.float64)
BIN = sys.argv[1]
TOL = 1e-9


# The surfaces as torch expressions (tests/fixtures/torch/make_fixtures.py).
def f_rosenbrock(a, b):
    return lambda x, y: (a - x) ** 2 + b * (y - x ** 2) ** 2


def f_quadratic(kappa, angle):
    th = angle * math.pi / 180.0
    c, s = math.cos(th), math.sin(th)

    def f(x, y):
        u = x * c + y * s
        v = -x * s + y * c
        return 0.5 * (u ** 2 + kappa * v ** 2)
    return f


ROSEN = ("rosenbrock:a=1,b=100", f_rosenbrock(1.0, 100.0), (-1.5, 2.0))
QUAD = ("quadratic:kappa=10,angle=30", f_quadratic(10.0, 30.0), (2.5, 1.5))

# (surface, steps, runs): every torch optimizer with non-default values and
# weight decay, every schedule, warm-up alone and with each schedule.
SCENES = [
    (ROSEN, 300, [
        "sgd:lr=1e-3,weight_decay=0.01,schedule=step,step_size=100,gamma=0.5",
        "momentum:lr=3e-4,momentum=0.8,weight_decay=0.05,warmup=50",
        "nesterov:lr=5e-4,momentum=0.7,weight_decay=0.02",
        "rmsprop:lr=0.01,alpha=0.95,eps=1e-6,weight_decay=0.01,schedule=exponential,gamma=0.99",
        "adam:lr=0.05,beta1=0.8,beta2=0.99,eps=1e-6,weight_decay=0.1,schedule=cosine,t_max=300",
        "amsgrad:lr=0.05,beta1=0.85,beta2=0.995,eps=1e-7,weight_decay=0.01,schedule=cyclic,base_lr=0.005,max_lr=0.05,step_size_up=50",
        "adamw:lr=0.05,beta1=0.85,beta2=0.99,eps=1e-7,weight_decay=0.1,schedule=step,step_size=60,gamma=0.7,warmup=20",
        "nadam:lr=0.03,beta1=0.85,beta2=0.99,eps=1e-7,weight_decay=0.01,momentum_decay=0.01",
        "radam:lr=0.01,beta1=0.85,beta2=0.99,eps=1e-7,weight_decay=0.01,schedule=exponential,gamma=0.998,warmup=30",
        "adagrad:lr=0.5,lr_decay=1e-3,initial_accumulator_value=0.1,eps=1e-8,weight_decay=0.1",
        "adadelta:lr=2,rho=0.95,eps=1e-4,weight_decay=0.01",
    ]),
    (QUAD, 200, [
        "sgd:lr=0.05,weight_decay=0.1,warmup=20",
        "momentum:lr=0.02,momentum=0.5,weight_decay=0.1,schedule=cosine,t_max=80,eta_min=0.005",
        "nesterov:lr=0.02,momentum=0.8,weight_decay=0.1,schedule=cyclic,base_lr=0.002,max_lr=0.02,step_size_up=25,warmup=15",
        "rmsprop:lr=0.01,alpha=0.95,eps=1e-7,weight_decay=0.05,schedule=step,step_size=30,gamma=0.5",
        "adam:lr=0.05,beta1=0.8,beta2=0.99,eps=1e-6,weight_decay=0.05,schedule=cosine,t_max=150,warmup=30",
        "amsgrad:lr=0.05,beta2=0.99,weight_decay=0.02,schedule=cosine,t_max=60,eta_min=0.001,warmup=25",
        "adamw:lr=0.05,weight_decay=0.2,schedule=cosine,t_max=8,warmup=25",
        "nadam:lr=0.05,beta1=0.85,momentum_decay=0.006,weight_decay=0.02,schedule=exponential,gamma=0.99",
        "radam:lr=0.05,beta1=0.8,beta2=0.99,eps=1e-6,weight_decay=0.05,schedule=cyclic,base_lr=0.01,max_lr=0.05,step_size_up=40",
        "adagrad:lr=0.5,lr_decay=0.01,initial_accumulator_value=0.1,eps=1e-6,weight_decay=0.1,schedule=step,step_size=50,gamma=0.5,warmup=10",
        "adadelta:lr=1.5,rho=0.85,eps=1e-5,weight_decay=0.05,schedule=exponential,gamma=0.995",
        "sgd:lr=0.05,schedule=cosine,t_max=100,warmup=40,label=sgd-cos-warm",
    ]),
]

# Runs torch cannot reproduce: their blocks are comments only, saying why.
UNREPRODUCIBLE = [
    ("lion:lr=1e-3,weight_decay=0.1", "Lion is not in torch.optim"),
    ("adam:lr=0.05,bias_correction=0", "always corrects the bias"),
]

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def gradscape(*args):
    r = subprocess.run([BIN, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("gradscape %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr.strip()))
    return r.stdout


def blocks(code):
    """The header and {label: block} of --print-torch's output."""
    parts = code.rstrip("\n").split("\n\n")
    runs = {}
    for b in parts[1:]:
        label = b.split("\n", 1)[0][2:].split(":", 1)[0]
        runs[label] = b + "\n"
    return parts[0] + "\n", runs


def close(a, b):
    return abs(a - b) <= TOL * max(abs(a), abs(b)) or a == b


def replay(block, f, start, steps):
    """Executes a run's block and steps it; returns rows (x, y, loss, gx, gy, lr)."""
    p = torch.tensor(list(start), requires_grad=True)
    env = {"torch": torch, "params": [p]}
    exec(compile(block, "<print-torch>", "exec"), env)
    opt, sched = env["optimizer"], env.get("scheduler")
    rows = []
    for k in range(steps + 1):
        opt.zero_grad()
        loss = f(p[0], p[1])
        loss.backward()
        rows.append((p[0].item(), p[1].item(), loss.item(), p.grad[0].item(), p.grad[1].item(),
                     opt.param_groups[0]["lr"]))
        if k < steps:
            opt.step()
            if sched is not None:
                sched.step()
    return rows


def check_scene(surface, steps, runs):
    (spec, f, start) = surface
    args = ["--surface", spec, "--start", "%r,%r" % start, "--steps", str(steps)]
    for r in runs:
        args += ["--opt", r]
    table = {}
    for row in csv.DictReader(io.StringIO(gradscape("--headless", "--csv", "-", *args))):
        table.setdefault(row["optimizer"], []).append(
            tuple(float(row[c]) for c in ("x", "y", "loss", "grad_x", "grad_y", "lr")))
    code = gradscape("--print-torch", *args)
    header, code_runs = blocks(code)
    exec(compile(header, "<print-torch header>", "exec"), {})
    if spec not in header:
        fail("%s: the header does not name the surface:\n%s" % (spec, header))
    if set(code_runs) != set(table):
        fail("%s: blocks %s, CSV runs %s" % (spec, sorted(code_runs), sorted(table)))
        return
    names = ("x", "y", "loss", "grad_x", "grad_y", "lr")
    for label, block in code_runs.items():
        want = table[label]
        got = replay(block, f, start, steps)
        if len(want) != steps + 1:
            fail("%s %s: the CSV has %d rows, not %d" % (spec, label, len(want), steps + 1))
            continue
        bad = [(k, names[j], got[k][j], want[k][j]) for k in range(steps + 1) for j in range(6)
               if not close(got[k][j], want[k][j])]
        if bad:
            k, what, g, w = bad[0]
            fail("%s %s: %d values differ, first at step %d: %s torch %r, gradscape %r\n%s"
                 % (spec, label, len(bad), k, what, g, w, block))
        else:
            print("ok  %-28s %-14s %d steps" % (spec, label, steps))


def check_unreproducible():
    for run, why in UNREPRODUCIBLE:
        code = gradscape("--print-torch", "--opt", run, "--steps", "10")
        _, code_runs = blocks(code)
        block = next(iter(code_runs.values()))
        code_lines = [l for l in block.splitlines() if l.strip() and not l.lstrip().startswith("#")]
        if code_lines:
            fail("%s: code torch would run differently: %s" % (run, code_lines))
        elif why not in block:
            fail("%s: the block does not say '%s':\n%s" % (run, why, block))
        else:
            print("ok  %-28s comments only" % run)
    code = gradscape("--print-torch", "--noise", "0.5", "--opt", "adam", "--steps", "10")
    if "noiseless" not in code:
        fail("--noise: no note that the code is the noiseless optimizer:\n" + code)
    else:
        print("ok  %-28s noted" % "--noise 0.5")


for scene in SCENES:
    check_scene(*scene)
check_unreproducible()
if failures:
    print("%d failure(s)" % len(failures), file=sys.stderr)
    sys.exit(1)
print("all runs reproduced by their torch code")
