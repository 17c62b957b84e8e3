#!/usr/bin/env python3
"""Differential test: random Keras model sources, real Keras 3 vs keras-lens.

    npm run test:keras                          # 300 models, seed 1
    npm run test:keras -- --count 2000 --seed 7
    npm run test:keras -- --only 1:42           # one case (seed:index), e.g. to re-check a failure

Steps: create/reuse the venv (KERAS_LENS_VENV, default .venv-keras/) with
keras==3.15.1 and jax==0.10.2; build keras-lens; generate the sources
(scripts/keras-diff/generate.py); run them all under real Keras in one Python
process per batch (scripts/keras-diff/oracle_batch.py, row extraction from
scripts/oracle/record.py); run the keras-lens CLI once on all files; compare every
row's name, type, output shape and parameter count, the totals, and for sources
Keras rejects, an error diagnostic on the line of the failing call.

Every failure is printed (source + Keras and keras-lens rows side by side) and
written to test-results/keras-diff/. Ends with "N passed, M failed"; exit 1 on any
failure.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

from generate import generate  # noqa: E402

KERAS = "3.15.1"
JAX = "0.10.2"
RESULTS = os.path.join(ROOT, "test-results", "keras-diff")


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


# --------------------------------------------------------------------------
# environment
# --------------------------------------------------------------------------


def ensure_venv():
    venv = os.environ.get("KERAS_LENS_VENV") or os.path.join(ROOT, ".venv-keras")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        log(f"keras-diff: creating venv {venv}")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    probe = subprocess.run(
        [py, "-c", "import importlib.metadata as m; print(m.version('keras'), m.version('jax'))"],
        capture_output=True, text=True,
    )
    if probe.returncode != 0 or probe.stdout.split() != [KERAS, JAX]:
        log(f"keras-diff: installing keras=={KERAS} jax=={JAX} into {venv}")
        subprocess.run(
            [py, "-m", "pip", "install", "--quiet", "--retries", "0", f"keras=={KERAS}", f"jax=={JAX}"],
            check=True,
        )
    return py


def build():
    log("keras-diff: npm run build")
    r = subprocess.run(["npm", "run", "--silent", "build"], cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        raise SystemExit("keras-diff: build failed")


# --------------------------------------------------------------------------
# running both sides
# --------------------------------------------------------------------------


def run_keras(py, files, jobs, work):
    """Batches of files, each batch in one Python process; `jobs` batches at a time."""
    n = max(1, min(jobs, len(files)))
    chunks = [files[i::n] for i in range(n)]
    procs = []
    for i, chunk in enumerate(chunks):
        out = os.path.join(work, f"keras-{i}.json")
        env = dict(os.environ, KERAS_BACKEND="jax", JAX_PLATFORMS="cpu", PYTHONHASHSEED="0", COLUMNS="400")
        procs.append((out, subprocess.Popen([py, os.path.join(HERE, "oracle_batch.py"), out, *chunk], env=env)))
    results = {}
    for out, p in procs:
        if p.wait() != 0:
            raise SystemExit("keras-diff: the Keras oracle process failed")
        with open(out) as f:
            results.update(json.load(f))
    return results


def start_lens(files, work, chunk=400):
    """Start the keras-lens CLI (one process per `chunk` files, run one after another)."""
    outs = []
    cmds = []
    for i in range(0, len(files), chunk):
        out = os.path.join(work, f"lens-{i // chunk}.json")
        outs.append(out)
        cmds.append(["node", os.path.join(ROOT, "dist", "cli.js"), "summary", *files[i:i + chunk], "--format", "json"])
    script = " && ".join(
        " ".join(_q(c) for c in cmd) + f" > {_q(out)}" for cmd, out in zip(cmds, outs)
    )
    # A script file, not `sh -c`: thousands of file names overflow the argument list.
    path = os.path.join(work, "lens.sh")
    with open(path, "w") as f:
        f.write(script + "\n")
    return subprocess.Popen(["sh", path], cwd=ROOT), outs


def _q(s):
    return "'" + s.replace("'", "'\\''") + "'"


def collect_lens(proc, outs):
    proc.wait()  # the CLI exits non-zero when it reports error diagnostics; the JSON is still complete
    results = {}
    for out in outs:
        with open(out) as f:
            text = f.read()
        if not text.strip():
            raise SystemExit(f"keras-diff: keras-lens CLI wrote nothing to {out}")
        for entry in json.loads(text)["files"]:
            results[os.path.abspath(entry["file"])] = entry
    return results


# --------------------------------------------------------------------------
# comparison
# --------------------------------------------------------------------------


def shape_text(s):
    if s is None:
        return "?"
    if s and isinstance(s[0], list):
        return "[" + ", ".join(shape_text(x) for x in s) + "]"
    return "(" + ", ".join("None" if d is None else str(d) for d in s) + ")"


def lens_row(layer):
    params = None if layer.get("unbuilt") else layer.get("params")
    return {"name": layer.get("name"), "type": layer.get("type"), "output_shape": layer.get("outputShape"), "params": params}


def keras_row(row):
    return {"name": row["name"], "type": row["type"], "output_shape": row["output_shape"], "params": row["params"]}


def compare_case(case, k, lens):
    """Return (problems, notes). problems: list of strings (empty = pass)."""
    problems = []
    notes = []
    if "oracle_failure" in k:
        return [f"oracle could not summarise: {k['oracle_failure']}"], notes
    diags = [d for d in (lens or {}).get("diagnostics", []) if d.get("severity") == "error"]
    diag_lines = sorted({d["range"]["start"]["line"] + 1 for d in diags})
    kerr = k.get("error")
    if kerr:
        ok_lines = {kerr.get("line"), kerr.get("innermost_line"), case.bad_line} - {None}
        if not any(line in ok_lines for line in diag_lines):
            problems.append(
                f"Keras rejects line {kerr.get('line')}"
                + (f" (innermost {kerr['innermost_line']})" if kerr.get("innermost_line") else "")
                + f": {kerr['message'].splitlines()[0][:200]}\n"
                + f"    keras-lens error diagnostics on lines {diag_lines or 'none'}"
                + (f" (expected line {sorted(ok_lines)})" if ok_lines else "")
            )
        if case.bad_line is None:
            notes.append("unintended Keras error: " + kerr["message"].splitlines()[0][:160])
    else:
        if case.bad_line is not None:
            problems.append(f"generator: line {case.bad_line} ({case.bad_kind}) was meant to be invalid, but Keras accepted it")
        for d in diags:
            problems.append(f"keras-lens reports an error Keras does not raise, line {d['range']['start']['line'] + 1}: {d['message'][:200]}")
    if lens is not None and lens.get("kerasVersion") not in (None, 3):
        problems.append(f"keras-lens read this Keras 3 source with Keras {lens.get('kerasVersion')} rules")
    lens_models = {m.get("variable"): m for m in (lens or {}).get("models", [])}
    for km in k.get("models", []):
        var = km["variable"]
        if kerr and var == "model":
            # the model holding the failing call (bound before a failed .build()): only the diagnostic counts
            continue
        if "oracle_failure" in km:
            problems.append(f"model `{var}`: the oracle could not summarise it: {km['oracle_failure']}")
            continue
        lm = lens_models.get(var)
        if lm is None:
            problems.append(f"model `{var}`: keras-lens does not report it")
            continue
        mp = []
        if km["summary_name"] != lm.get("name"):
            mp.append(f"model name: Keras {km['summary_name']!r}, keras-lens {lm.get('name')!r}")
        krows = [keras_row(r) for r in km["layers"]]
        lrows = [lens_row(r) for r in lm.get("layers", [])]
        if krows != lrows:
            mp.append("rows differ:\n" + side_by_side(krows, lrows))
            reasons = [f"{l.get('name')}: {l['unknownReason']}" for l in lm.get("layers", []) if l.get("unknownReason")]
            if lm.get("unknownReason"):
                reasons.insert(0, f"model: {lm['unknownReason']}")
            if reasons:
                mp.append("keras-lens says: " + "; ".join(reasons[:4]))
        for key, lkey in (("total_params", "totalParams"), ("trainable_params", "trainableParams"),
                          ("non_trainable_params", "nonTrainableParams")):
            if km[key] != lm.get(lkey):
                mp.append(f"{key}: Keras {km[key]}, keras-lens {lm.get(lkey)}")
        if mp:
            problems.append(f"model `{var}`:\n  " + "\n  ".join(mp))
    return problems, notes


def side_by_side(krows, lrows):
    def cell(r):
        if r is None:
            return ("", "", "")
        p = "unbuilt" if r["params"] is None else f"{r['params']:,}"
        return (f"{r['name']} ({r['type']})", shape_text(r["output_shape"]), p)

    n = max(len(krows), len(lrows))
    rows = []
    for i in range(n):
        kr = krows[i] if i < len(krows) else None
        lr = lrows[i] if i < len(lrows) else None
        mark = "  " if kr == lr else "!!"
        rows.append((mark,) + cell(kr) + cell(lr))
    head = ("", "Keras layer", "shape", "params", "keras-lens layer", "shape", "params")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(7)]
    fmt = lambda r: "    " + "  ".join(c.ljust(w) if i not in (3, 6) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([fmt(head)] + [fmt(r) for r in rows])


def numbered(src):
    return "\n".join(f"{i + 1:3d}| {line}" for i, line in enumerate(src.rstrip("\n").splitlines()))


# --------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first case index")
    ap.add_argument("--only", action="append", default=[], help="seed:index of one case (repeatable)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="Keras processes in parallel")
    ap.add_argument("--no-build", action="store_true", help="use the existing dist/cli.js")
    ap.add_argument("--exclude", action="append", default=[], metavar="CLASS",
                    help="never generate this layer class (repeatable), e.g. to look past a known gap; "
                         "'mask' drops Masking and Embedding(mask_zero=True)")
    ap.add_argument("--quiet", action="store_true", help="print only the failure headers and the final line")
    args = ap.parse_args()

    t0 = time.time()
    py = ensure_venv()
    if not args.no_build:
        build()
    work = os.path.join(RESULTS, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if args.only:
        ids = [tuple(int(x) for x in o.split(":")) for o in args.only]
    else:
        ids = [(args.seed, i) for i in range(args.start, args.start + args.count)]
    cases = {}
    for seed, index in ids:
        case = generate(seed, index, exclude=args.exclude)
        path = os.path.join(work, f"s{seed}_{index}.py")
        with open(path, "w") as f:
            f.write(case.source)
        cases[path] = case
    files = list(cases)
    log(f"keras-diff: {len(files)} models generated ({time.time() - t0:.0f} s); running Keras and keras-lens")
    lens_proc, lens_outs = start_lens(files, work)
    t1 = time.time()
    kres = run_keras(py, files, args.jobs, work)
    t2 = time.time()
    lres = collect_lens(lens_proc, lens_outs)
    log(f"keras-diff: Keras {t2 - t1:.0f} s, keras-lens done {time.time() - t1:.0f} s after start")

    passed = failed = 0
    notes_all = []
    for path in files:
        case = cases[path]
        problems, notes = compare_case(case, kres[path], lres.get(path))
        notes_all += [(case, n) for n in notes]
        if not problems:
            passed += 1
            continue
        failed += 1
        stem = f"s{case.seed}_{case.index}"
        report = (
            f"==== FAIL {stem} ({case.style}{', bad ' + case.bad_kind + ' at line ' + str(case.bad_line) if case.bad_line else ''})"
            f"  re-run: npm run test:keras -- --only {case.seed}:{case.index}\n"
            + numbered(case.source) + "\n" + "\n".join("  * " + p for p in problems) + "\n"
        )
        os.makedirs(RESULTS, exist_ok=True)
        with open(os.path.join(RESULTS, stem + ".py"), "w") as f:
            f.write(case.source)
        with open(os.path.join(RESULTS, stem + ".txt"), "w") as f:
            f.write(report)
        if args.quiet:
            print(f"FAIL {stem}: " + problems[0].splitlines()[0])
        else:
            print(report)
    if notes_all:
        log(f"keras-diff: {len(notes_all)} sources were rejected by Keras without a deliberate error (generator slack):")
        for case, n in notes_all[:20]:
            log(f"  s{case.seed}_{case.index}: {n}")
    log(f"keras-diff: total {time.time() - t0:.0f} s")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
