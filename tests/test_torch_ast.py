#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The gradscape authors
"""A label or a typed formula never reaches --print-torch's code: only its comments.

    test_torch_ast.py GRADSCAPE [SCENE_CORPUS_DIR]

Python's own parser (ast, tokenize; the standard library only) reads the code:
 a. every optimizer with a hostile but accepted label (quotes, backslashes, '#',
    code, Unicode) parses to the same AST as with a plain label, and a typed
    formula to the same AST as a built-in surface; the label's line is one comment
    token; a label written with --save-scene and read back prints the same code;
 b. the statements are exactly those the rule gives: one `import torch`, then per
    run `optimizer = torch.optim.X(params, ...)` with the run's hyperparameters
    (nothing for Lion or Adam without bias correction: torch.optim has neither, so
    their block is comments only) and the scheduler's assignments for a schedule
    or a warm-up (LinearLR; ChainedScheduler([warmup, decay]) for StepLR,
    ExponentialLR and CosineAnnealingLR with eta_min 0 when T_max + 2 >= warmup;
    otherwise one LambdaLR);
 c. a label with a control, line-separator or bidi character, a duplicate label
    and an overlong one are refused: exit 2, stdout empty, one line on stderr with
    the character escaped (\\xNN, \\uNNNN), never raw;
 d. every scene of the fuzz corpus --print-torch accepts parses and gives each of
    its runs (read back with --save-scene -) the statements of b; the others exit 2
    with one line.
Ends with `N passed, N failed`; exit 1 on any failure."""
import ast
import io
import os
import subprocess
import sys
import tempfile
import time
import tokenize

BIN = sys.argv[1]
CORPUS = sys.argv[2] if len(sys.argv) > 2 else None
# GS_TORCH_AST_BREAK=1: a newline injected after each label of the hostile outputs
# (a copy, in this harness), to see the test fail as it should
BREAK = os.environ.get("GS_TORCH_AST_BREAK") == "1"

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)
    return ok


def run(*args):
    r = subprocess.run([BIN, *args], capture_output=True, timeout=60)
    return r.returncode, r.stdout, r.stderr


def show(args):
    return " ".join(ascii(a) for a in args)


def torch_code(*args):
    """The decoded --print-torch output, or None (a failure recorded)."""
    rc, out, err = run("--print-torch", *args)
    if not check(rc == 0 and err == b"", "%s: exit %d, stderr %r" % (show(args), rc, err[:300])):
        return None
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, "%s: output not UTF-8: %s" % (show(args), e))
        return None


def parse(code, what):
    try:
        return ast.parse(code)
    except SyntaxError as e:
        check(False, "%s: not Python: %s\n%s" % (what, e, code))
        return None


def comment_lines(code):
    """{line number: comment text} of the comment tokens that start a line."""
    out = {}
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT and tok.start[1] == 0:
            out[tok.start[0]] = tok.string
    return out


# ---- the runs of a scene, as the scene file writer gives them ----------------------

def scene_runs(args):
    """(steps, [run dict]) of the scene the arguments describe, from --save-scene -."""
    rc, out, err = run(*args, "--save-scene", "-")
    if not check(rc == 0, "%s --save-scene -: exit %d, %r" % (show(args), rc, err[:300])):
        return None
    steps, runs = None, []
    for line in out.decode("utf-8").splitlines():
        flag, _, val = line.partition(" ")
        if len(val) >= 2 and val[0] in "'\"" and val[-1] == val[0]:
            val = val[1:-1]
        if flag == "--steps":
            steps = int(val)
        elif flag == "--opt":
            kind, _, rest = val.partition(":")
            r = {"kind": kind}
            for kv in rest.split(","):
                k, _, v = kv.partition("=")
                r[k] = v
            runs.append(r)
    check(steps is not None and runs, "%s --save-scene -: no steps or runs" % show(args))
    return steps, runs


def f(r, key, default=None):
    v = r.get(key)
    return float(v) if v is not None else default


# ---- the statements the rule gives -------------------------------------------------

# the optimizers torch.optim has, and their class (--list's "= torch.optim.X(")
TORCH_CLASS = {"sgd": "SGD", "momentum": "SGD", "nesterov": "SGD", "rmsprop": "RMSprop", "adam": "Adam",
               "amsgrad": "Adam", "adamw": "AdamW", "nadam": "NAdam", "radam": "RAdam", "adagrad": "Adagrad",
               "adadelta": "Adadelta"}
SCHED = "torch.optim.lr_scheduler."


def optimizer_kwargs(r):
    """torch's arguments for run r: each hyperparameter as torch names it, with the
    fixed choices that make torch step as gradscape does."""
    k, wd, lr = r["kind"], f(r, "weight_decay"), f(r, "lr")
    betas = (f(r, "beta1"), f(r, "beta2"))
    if k in ("sgd", "momentum", "nesterov"):
        m = 0.0 if k == "sgd" else f(r, "momentum")
        # torch refuses nesterov=True without momentum (then it is plain SGD)
        return {"lr": lr, "momentum": m, "dampening": 0, "weight_decay": wd, "nesterov": k == "nesterov" and m > 0}
    if k == "rmsprop":
        return {"lr": lr, "alpha": f(r, "alpha"), "eps": f(r, "eps"), "weight_decay": wd, "momentum": 0,
                "centered": False}
    if k in ("adam", "amsgrad", "adamw"):
        return {"lr": lr, "betas": betas, "eps": f(r, "eps"), "weight_decay": wd, "amsgrad": k == "amsgrad"}
    if k == "nadam":
        return {"lr": lr, "betas": betas, "eps": f(r, "eps"), "weight_decay": wd,
                "momentum_decay": f(r, "momentum_decay")}
    if k == "radam":
        return {"lr": lr, "betas": betas, "eps": f(r, "eps"), "weight_decay": wd}
    if k == "adagrad":
        return {"lr": lr, "lr_decay": f(r, "lr_decay"), "weight_decay": wd,
                "initial_accumulator_value": f(r, "initial_accumulator_value"), "eps": f(r, "eps")}
    if k == "adadelta":
        return {"lr": lr, "rho": f(r, "rho"), "eps": f(r, "eps"), "weight_decay": wd}
    raise KeyError(k)


def scheduler_call(r, steps):
    """(class, kwargs) of the run's schedule without warm-up, or None."""
    s, lr = r.get("schedule", "constant"), f(r, "lr")
    if s == "step":
        return "StepLR", {"step_size": f(r, "step_size", 100.0), "gamma": f(r, "gamma", 0.1)}
    if s == "exponential":
        return "ExponentialLR", {"gamma": f(r, "gamma", 0.99)}
    if s == "cosine":
        return "CosineAnnealingLR", {"T_max": f(r, "t_max", float(steps)), "eta_min": f(r, "eta_min", 0.0)}
    if s == "cyclic":
        return "CyclicLR", {"base_lr": f(r, "base_lr", lr / 10), "max_lr": f(r, "max_lr", lr),
                            "step_size_up": f(r, "step_size_up", 100.0), "mode": "triangular",
                            "cycle_momentum": False}
    return None


def expected_run(r, steps):
    """The statements of run r's block, as describe() writes them."""
    if r["kind"] not in TORCH_CLASS or (r["kind"] == "adam" and f(r, "bias_correction", 1.0) == 0.0):
        return []  # comments only: no torch.optim optimizer takes these steps
    out = [("assign", "optimizer", "torch.optim." + TORCH_CLASS[r["kind"]], ("params",), optimizer_kwargs(r))]
    w = f(r, "warmup", 0.0)
    warm = w > 1  # lr * min(1, t/1) changes no step
    sched = scheduler_call(r, steps)

    def linear(var):
        return ("assign", var, SCHED + "LinearLR", ("optimizer",),
                {"start_factor": 1 / w, "end_factor": 1.0, "total_iters": w - 1})

    if sched is None:
        return out + ([linear("scheduler")] if warm else [])
    cls, kw = sched
    if not warm:
        return out + [("assign", "scheduler", SCHED + cls, ("optimizer",), kw)]
    chainable = cls in ("StepLR", "ExponentialLR") or (
        cls == "CosineAnnealingLR" and kw["eta_min"] == 0 and kw["T_max"] + 2 >= w)
    if chainable:
        return out + [linear("warmup"), ("assign", "decay", SCHED + cls, ("optimizer",), kw),
                      ("assign", "scheduler", SCHED + "ChainedScheduler", (("warmup", "decay"),), {})]
    return out + [("import", ("math",)), ("def", "lr_lambda", ("e",)),
                  ("assign", "scheduler", SCHED + "LambdaLR", ("optimizer", "lr_lambda"), {})]


def expected_scene(runs, steps):
    out = [("import", ("torch",))]
    for r in runs:
        out += expected_run(r, steps)
    return out


def value(node):
    """A literal argument: numbers, strings, booleans, tuples, names, 1 / W."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(value(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -value(node.operand)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return value(node.left) / value(node.right)
    return ("?", ast.dump(node))


def dotted(node):
    if isinstance(node, ast.Attribute):
        return dotted(node.value) + "." + node.attr
    if isinstance(node, ast.Name):
        return node.id
    return "?" + ast.dump(node)


def describe(stmt):
    """A statement in the form expected_run writes."""
    if isinstance(stmt, ast.Import):
        return ("import", tuple(a.name + ("" if a.asname is None else " as " + a.asname) for a in stmt.names))
    if isinstance(stmt, ast.FunctionDef):
        return ("def", stmt.name, tuple(a.arg for a in stmt.args.args))
    if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)):
        c = stmt.value
        return ("assign", stmt.targets[0].id, dotted(c.func), tuple(value(a) for a in c.args),
                {k.arg: value(k.value) for k in c.keywords})
    return ("other", ast.dump(stmt))


def strict(x):
    """x with its booleans told from numbers (False == 0 in Python)."""
    if isinstance(x, bool):
        return ("bool", x)
    if isinstance(x, (tuple, list)):
        return tuple(strict(e) for e in x)
    if isinstance(x, dict):
        return {k: strict(v) for k, v in x.items()}
    return x


def check_statements(tree, runs, steps, what):
    got = [strict(describe(s)) for s in tree.body]
    want = [strict(s) for s in expected_scene(runs, steps)]
    if got == want:
        return check(True, what)
    first = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
    return check(False, "%s: statement %d of %d (%d expected):\n  got  %s\n  want %s" % (
        what, first, len(got), len(want), got[first] if first < len(got) else "(none)",
        want[first] if first < len(want) else "(none)"))


def check_scene(args, what):
    """b: the statements of the scene the arguments describe; returns its code."""
    code = torch_code(*args)
    sr = scene_runs(args)
    if code is None or sr is None:
        return None
    tree = parse(code, what)
    if tree is not None:
        check_statements(tree, sr[1], sr[0], what)
        check_headers(code, [r["label"] for r in sr[1]], what)
    return code


def check_headers(code, labels, what):
    """Each run's block starts with the comment `# LABEL: ...`, in order."""
    lines = code.split("\n")
    heads = [c for n, c in sorted(comment_lines(code).items()) if n >= 2 and lines[n - 2] == ""]
    check(len(heads) == len(labels) and all(h.startswith("# " + l + ": ") for h, l in zip(heads, labels)),
          "%s: the blocks' first comments %r, labels %r" % (what, heads, labels))


# ---- a: hostile labels and formulas -------------------------------------------------

def torch_kinds():
    """The optimizers of --list, and the torch.optim class it names (None: not torch's)."""
    rc, out, _ = run("--list")
    kinds, cur, section = {}, None, False
    for line in out.decode("utf-8").splitlines():
        if line.startswith("Optimizers"):
            section = True
            continue
        if section and line and not line.startswith(" "):
            break
        if not section:
            continue
        s = line.strip()
        if line.startswith("  ") and not line.startswith("   "):
            cur = s.split()[0]
            kinds[cur] = None
        elif s.startswith("= ") and cur:
            kinds[cur] = s[2:].split("(")[0] if s.startswith("= torch.optim.") else None
    return kinds


HOSTILE = [
    "'''", '"""', "'", '"', "\\", "x\\", "x\\\\", "#", "a#b", "# noqa", '");import os;os.system("id") #',
    "__import__('os')", "é中文", "x=1", ") ; print(1", "a:b", "if 1:", "optimizer", "$(id)", "%s%n",
    " lead", "trail ", "\u00a0nbsp", "zw\u200bsp", "\ufeffbom", "🙂", "👩\u200d💻", "A" * 31, "é" * 15 + "x",
    "中" * 10 + "x",
]


def hostile_outputs(kinds):
    for name, cls in kinds.items():
        if cls is not None:
            check(cls == "torch.optim." + TORCH_CLASS.get(name, "?"),
                  "--list: %s is %s, the rule says torch.optim.%s" % (name, cls, TORCH_CLASS.get(name)))
    for name in kinds:
        spec = name + ":schedule=cosine,warmup=20"
        base = ["--steps", "300", "--opt", "sgd:label=other"]
        benign = check_scene(base + ["--opt", spec + ",label=benign"], "%s benign" % name)
        if benign is None:
            continue
        want = ast.dump(ast.parse(benign))
        for label in HOSTILE:
            check(len(label.encode()) <= 31, "%r: longer than a label may be" % label)
            args = base + ["--opt", spec + ",label=" + label]
            code = torch_code(*args)
            if code is None:
                continue
            if BREAK:
                code = code.replace("# " + label + ": ", "# " + label + "\n" + label + ": ")
            tree = parse(code, "%s label %r" % (name, label))
            if tree is None:
                continue
            if not check(ast.dump(tree) == want, "%s label %r: the code differs from label=benign's:\n%s"
                         % (name, label, code)):
                continue
            # the label's line: one comment token holding the whole label
            lines = [c for c in comment_lines(code).values() if c.startswith("# " + label + ": ")]
            check(len(lines) == 1, "%s label %r: no single comment `# LABEL: ...`:\n%s" % (name, label, code))


def labels_through_scene_file(tmp):
    """A label written by --save-scene and read back with --scene prints the same code."""
    for label in HOSTILE:
        args = ["--opt", "adam:label=" + label, "--opt", "sgd"]
        path = os.path.join(tmp, "label.scene")
        rc, _, err = run(*args, "--save-scene", path)
        if not check(rc == 0, "%r: --save-scene: exit %d %r" % (label, rc, err)):
            continue
        check(run("--print-torch", *args)[1] == run("--print-torch", "--scene", path)[1],
              "label %r: the scene file's code differs from the command line's" % label)


FORMULAS = [
    "expr:x^2+y^2",
    "expr:(1-x)^2\t+100*(y-x^2)^2",
    "expr:\t(1 - x)^2 +\t100*(y - x^2)^2\t",
    "expr:sin(x)*cos(y) + exp(-abs(x))/ (1+y^2)",
]


def formulas():
    base = ["--start", "-1,1", "--steps", "250", "--opt", "adam:schedule=cosine,warmup=300",
            "--opt", "sgd:schedule=cyclic", "--opt", "lion"]
    ref = torch_code("--surface", "rosenbrock", *base)
    if ref is None:
        return
    want = ast.dump(ast.parse(ref))
    for form in FORMULAS:
        code = torch_code("--surface", form, *base)
        if code is None:
            continue
        tree = parse(code, "formula %r" % form)
        if tree is None:
            continue
        check(ast.dump(tree) == want, "formula %r: the code differs from rosenbrock's:\n%s" % (form, code))
        first = comment_lines(code).get(1, "")
        escaped = form.replace("\t", "\\x09")
        check(first.startswith("# gradscape: surface " + escaped + ", "),
              "formula %r: line 1 is not the comment naming it: %r" % (form, first))
        check("\t" not in code, "formula %r: a raw tab in the code" % form)


# ---- b: the statements, every optimizer and schedule --------------------------------

SCHEDULES = [
    "", "warmup=1", "warmup=10", "schedule=step,step_size=30,gamma=0.5", "schedule=step,warmup=12",
    "schedule=exponential", "schedule=exponential,gamma=0.9,warmup=2", "schedule=cosine",
    "schedule=cosine,t_max=50,warmup=20", "schedule=cosine,t_max=10,warmup=13",
    "schedule=cosine,t_max=10,warmup=12", "schedule=cosine,eta_min=0.0001,warmup=5",
    "schedule=cyclic", "schedule=cyclic,base_lr=0.0001,max_lr=0.01,step_size_up=20,warmup=8",
]


def statements(kinds):
    for name in kinds:
        for variant in ([""] if name != "adam" else ["", "bias_correction=0,"]):
            for start in range(0, len(SCHEDULES), 8):
                args = ["--steps", "200"]
                for i, s in enumerate(SCHEDULES[start:start + 8]):
                    args += ["--opt", "%s:%s%slabel=r%d" % (name, variant, s + "," if s else "", i)]
                check_scene(args, "%s%s schedules %d-" % (name, "/" + variant if variant else "", start))
    # other hyperparameters, momentum 0 for Nesterov, several runs in one scene
    check_scene(["--opt", "nesterov:momentum=0", "--opt", "momentum:momentum=0.5,weight_decay=0.1",
                 "--opt", "adagrad:lr_decay=0.01,initial_accumulator_value=0.5,eps=1e-6",
                 "--opt", "nadam:momentum_decay=0.01,beta1=0.8", "--opt", "adadelta:rho=0.5,lr=2",
                 "--opt", "rmsprop:alpha=0.5,eps=1e-5", "--opt", "adamw:weight_decay=0",
                 "--opt", "lion:schedule=step,warmup=4", "--opt", "adam:bias_correction=0,warmup=9"],
                "mixed hyperparameters")
    check_scene([], "the default runs")
    check_scene(["--surface", "himmelblau"], "himmelblau's default runs")


# ---- c: refused labels ---------------------------------------------------------------

UNSAFE = {c for c in map(chr, range(0x20))} | {chr(c) for c in range(0x7F, 0xA0)} | set(
    "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
REFUSED = ["a\nb", "a\rb", "a\x1bb", "\x1b[31mred", "a\x7fb", "a\u0085b", "a\u202eb", "a\u2066b", "a\u2028b",
           "a\u2029b", "a\u200eb", "a\u061cb", "a\tb", "a\x01b", "a\x9bb"]


def check_refusal(args, what, char=None):
    rc, out, err = run(*args)
    check(rc == 2, "%s: exit %d, not 2" % (what, rc))
    check(out == b"", "%s: stdout %r" % (what, out[:200]))
    try:
        text = err.decode("utf-8")
    except UnicodeDecodeError:
        check(False, "%s: stderr not UTF-8: %r" % (what, err))
        return
    check(text.endswith("\n") and text.count("\n") == 1, "%s: stderr not one line: %r" % (what, text))
    raw = sorted({c for c in text[:-1] if c in UNSAFE})
    check(not raw, "%s: stderr has raw %s: %r" % (what, [ascii(c) for c in raw], text))
    if char is not None:
        n = ord(char)
        forms = ["\\x%02X" % n, "\\u%04X" % n, "U+%04X" % n, "byte 0x%02X" % n]
        check(any(f.lower() in text.lower() for f in forms), "%s: stderr does not name %s: %r"
              % (what, ascii(char), text))


def refused(tmp):
    for label in REFUSED:
        bad = next(c for c in label if c in UNSAFE)
        check_refusal(["--print-torch", "--opt", "sgd:label=" + label], "label %s" % ascii(label), bad)
        if "\n" not in label and "\r" not in label:
            path = os.path.join(tmp, "bad.scene")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("--steps 10\n--opt sgd:label=%s\n" % label)
            check_refusal(["--print-torch", "--scene", path], "scene file label %s" % ascii(label), bad)
    check_refusal(["--print-torch", "--opt", "sgd:label=a", "--opt", "adam:label=a"], "a duplicate label")
    check_refusal(["--print-torch", "--opt", "sgd:label=" + "a" * 32], "a 32-byte label")
    check_refusal(["--print-torch", "--opt", "sgd:label=" + "é" * 16], "a 32-byte UTF-8 label")
    check_refusal(["--print-torch", "--surface", "expr:x^2\x1b+y^2"], "a formula with ESC", "\x1b")
    check_refusal(["--print-torch", "--surface", "expr:x^2+y^2\u202e"], "a formula with U+202E", "\u202e")


# ---- d: the scene fuzz corpus ---------------------------------------------------------

def corpus():
    if not CORPUS or not os.path.isdir(CORPUS):
        check(CORPUS is None, "no corpus directory %r" % CORPUS)
        return
    names = sorted(os.listdir(CORPUS))
    check(names, "%s is empty" % CORPUS)
    for name in names:
        path = os.path.join(CORPUS, name)
        rc, out, err = run("--scene", path, "--print-torch")
        if rc != 0:
            check_refusal(["--scene", path, "--print-torch"], "corpus %s" % name)
            continue
        check_scene(["--scene", path], "corpus %s" % name)


def main():
    t0 = time.monotonic()
    kinds = torch_kinds()
    check(set(TORCH_CLASS) | {"lion"} == set(kinds) and kinds.get("lion") is None,
          "--list's optimizers %r" % kinds)
    with tempfile.TemporaryDirectory() as tmp:
        hostile_outputs(kinds)
        labels_through_scene_file(tmp)
        formulas()
        statements(kinds)
        refused(tmp)
        corpus()
    print("%d passed, %d failed (%.1f s)" % (passed, failed, time.monotonic() - t0))
    sys.exit(1 if failed else 0)


main()
