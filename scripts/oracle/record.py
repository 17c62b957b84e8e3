#!/usr/bin/env python3
"""Record `expected.json` oracles for keras-lens from REAL Keras 3.

Usage (from the repo root):

    python3 -m venv /tmp/kvenv
    /tmp/kvenv/bin/pip install --retries 0 keras==3.15.1 jax==0.10.2
    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/oracle/record.py test/corpus/5*-* ...

Each argument is a directory holding a `model.py` (-> `expected.json` beside it), or a
single `.py` file such as `examples/two_dense.py` (-> `examples/expected/two_dense.json`,
and with --summaries `examples/expected/two_dense.txt`). For every directory the
`model.py` is executed in a *fresh* Python process (so Keras's auto-names start
from zero, exactly as `python model.py` would), then every module-level
variable holding a `keras.Model` is summarised, in definition order, and
`expected.json` is written beside `model.py`.

Row data is read from the table `model.summary()` prints (with a wide
`line_length`), and cross-checked against a reproduction of Keras's own row
logic (`model.layers` for Sequential, `model._operations` for Functional; the
shape of a layer's *last* inbound node); the two must agree or the case fails.

If executing the file raises, the exception's message and the 1-based line of
the failing statement in `model.py` are recorded under "error", and the models
bound before the failure are still recorded.

Options:
    --check       don't write; exit 1 if a recorded expected.json differs
    --source S    value of the "source" field (default "keras-lens extra corpus")
    --summaries   also write what the file itself printed (its model.summary() calls)
                  to summary.txt / expected/<stem>.txt
"""

import argparse
import json
import os
import re
import subprocess
import sys

SOURCE_DEFAULT = "keras-lens extra corpus"


# --------------------------------------------------------------------------
# Parent: one subprocess per case
# --------------------------------------------------------------------------


def output_paths(target):
    """(python file, expected.json path, summary.txt path) for a case dir or a single .py file."""
    if target.endswith(".py") and os.path.isfile(target):
        folder, base = os.path.split(target)
        stem = base[:-3]
        exp = os.path.join(folder, "expected")
        return target, os.path.join(exp, stem + ".json"), os.path.join(exp, stem + ".txt")
    return (
        os.path.join(target, "model.py"),
        os.path.join(target, "expected.json"),
        os.path.join(target, "summary.txt"),
    )


def run_case(case_dir, args):
    model_py, out, summary_out = output_paths(case_dir)
    env = dict(os.environ)
    env["KERAS_BACKEND"] = "jax"
    env["COLUMNS"] = "400"  # rich and shutil both honour it: no truncation
    env["JAX_PLATFORMS"] = "cpu"
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    env["PYTHONHASHSEED"] = "0"
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", model_py]
    if args.summaries:
        cmd.append("--summaries")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"record.py: worker failed for {case_dir}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    summaries = result.pop("_summaries", None)
    doc = {"source": args.source, "printed_by": "keras3"}
    doc.update(result)
    text = json_dump(doc)
    if args.check:
        old = open(out).read() if os.path.exists(out) else None
        if old != text:
            print(f"DIFFERS {out}")
            return False
        print(f"ok      {out}")
        return True
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.write(text)
    if summaries is not None:
        os.makedirs(os.path.dirname(summary_out), exist_ok=True)
        with open(summary_out, "w") as f:
            f.write(summaries)
    n = len(result["models"])
    err = " + error" if "error" in result else ""
    print(f"wrote   {out}  ({n} model{'s' if n != 1 else ''}{err})")
    return True


def json_dump(doc):
    """Same layout as the shared oracle: one line per layer row."""
    lines = ["{"]
    top = list(doc.items())
    for i, (k, v) in enumerate(top):
        comma = "," if i < len(top) - 1 else ""
        if k == "models":
            lines.append('  "models": [')
            for j, m in enumerate(v):
                lines.append("    {")
                items = list(m.items())
                for t, (mk, mv) in enumerate(items):
                    c2 = "," if t < len(items) - 1 else ""
                    if mk == "layers":
                        lines.append('      "layers": [')
                        for r, row in enumerate(mv):
                            c3 = "," if r < len(mv) - 1 else ""
                            lines.append("        " + json.dumps(row) + c3)
                        lines.append("      ]" + c2)
                    else:
                        lines.append(f"      {json.dumps(mk)}: {json.dumps(mv)}{c2}")
                lines.append("    }" + ("," if j < len(v) - 1 else ""))
            lines.append("  ]" + comma)
        else:
            body = json.dumps(v, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            lines.append(f"  {json.dumps(k)}: {body}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Worker: runs inside a fresh process
# --------------------------------------------------------------------------


def parse_shape_text(text):
    """'(None, 26, 26, 32)' -> [None, 26, 26, 32]; '[(None, 5), (None, 5)]' -> list of shapes;
    '?' -> None."""
    text = text.strip()
    if text == "?":
        return None
    # Keras prints 1-D shapes without the tuple comma: "(None)", "(5)"
    text = re.sub(r"\((None|\d+)\)", r"(\1,)", text)
    if text.startswith("{"):
        # dict-structured outputs are printed with quotes removed: {a: (None, 1), ...}
        text = re.sub(r"([A-Za-z_][A-Za-z_0-9]*)\s*:", r"'\1':", text)
        value = eval(text, {"None": None})  # noqa: S307 - our own printed text
        return [list(v) for v in value.values()]
    value = eval(text, {"None": None})  # noqa: S307
    return to_json_shape(value)


def to_json_shape(value):
    if isinstance(value, tuple) and all(v is None or isinstance(v, int) for v in value):
        return list(value)
    if isinstance(value, (list, tuple)):
        return [to_json_shape(v) for v in value]
    raise ValueError(f"unexpected shape structure {value!r}")


def parse_summary(text):
    """Parse one `model.summary()` print (wide, uncoloured)."""
    lines = text.splitlines()
    m = re.match(r'Model: "(.*)"', lines[0].strip())
    if not m:
        raise ValueError("no Model: line in summary:\n" + text)
    name = m.group(1)
    rows = []
    current = None
    for line in lines[1:]:
        s = line.rstrip()
        if s.startswith("│"):
            cells = [c.strip() for c in s.strip("│").split("│")]
            if current is None:
                current = cells
            else:  # wrapped cell continues on the next line
                current = [a + b for a, b in zip(current, cells)]
        elif s.startswith(("├", "└")):
            if current is not None:
                rows.append(current)
            current = None
    totals = {}
    for key, label in (
        ("total_params", "Total params"),
        ("trainable_params", "Trainable params"),
        ("non_trainable_params", "Non-trainable params"),
    ):
        mm = re.search(rf"^\s*{label}: ([\d,]+)", text, re.M)
        totals[key] = int(mm.group(1).replace(",", ""))
    parsed = []
    for cells in rows:
        mm = re.match(r"^(.*) \(([^()]+)\)$", cells[0])
        if not mm:
            raise ValueError(f"cannot parse layer cell {cells[0]!r}")
        params_text = cells[2]
        row = {
            "name": mm.group(1),
            "type": mm.group(2),
            "output_shape": parse_shape_text(cells[1]),
        }
        if params_text.endswith("(unbuilt)"):
            row["params"] = None
            row["built"] = False
        else:
            row["params"] = int(params_text.replace(",", ""))
        row["_columns"] = len(cells)
        parsed.append(row)
    return name, parsed, totals


def reproduce_rows(model):
    """Keras's own row logic (keras/src/utils/summary_utils.py), without printing."""
    from keras.src import tree
    from keras.src.models import Functional, Sequential

    if isinstance(model, Sequential) or not isinstance(model, Functional):
        layers = model.layers
    else:
        layers = model._operations
    rows = []
    for layer in layers:
        if not layer._inbound_nodes and not layer._build_shapes_dict:
            shape = None
        elif layer._inbound_nodes:
            outputs = layer._inbound_nodes[-1].output_tensors  # the LAST node wins
            flat = tree.flatten(outputs)
            if len(flat) == 1:
                shape = list(flat[0].shape)
            elif isinstance(outputs, dict):
                shape = [list(v.shape) for v in outputs.values()]
            else:
                shape = to_json_shape(tree.map_structure(lambda x: tuple(x.shape), outputs))
        else:
            shape = "<build-shapes>"  # compared loosely below
        row = {"name": layer.name, "type": layer.__class__.__name__, "output_shape": shape}
        if hasattr(layer, "built") and not layer.built:
            row["params"] = None
            row["built"] = False
        elif not hasattr(layer, "built"):
            row["params"] = 0
        else:
            row["params"] = layer.count_params()
        rows.append(row)
    return rows


def summarise(model, keras):
    from keras.src.utils import summary_utils

    captured = []
    model.summary(line_length=400, print_fn=lambda s, **kw: captured.append(s))
    text = "\n".join(captured)
    name, rows, totals = parse_summary(text)
    repro = reproduce_rows(model)
    if len(repro) != len(rows):
        raise AssertionError(f"{model.name}: printed {len(rows)} rows, reproduced {len(repro)}")
    for p, r in zip(rows, repro):
        pc = {k: v for k, v in p.items() if k != "_columns"}
        if r["output_shape"] == "<build-shapes>":
            r = dict(r, output_shape=pc["output_shape"])
        if pc != r:
            raise AssertionError(f"{model.name}: printed row {pc} != reproduced {r}")
    trainable = summary_utils.count_params(model.trainable_weights)
    non_trainable = summary_utils.count_params(model.non_trainable_weights)
    if (trainable, non_trainable) != (totals["trainable_params"], totals["non_trainable_params"]):
        raise AssertionError(f"{model.name}: totals disagree {totals} vs {trainable}/{non_trainable}")
    columns = rows[0]["_columns"] if rows else 3
    for r in rows:
        del r["_columns"]
    built = bool(model.built)
    return name, rows, totals, built, columns


def worker(model_py, want_summaries):
    print(json.dumps(run_file(model_py, want_summaries)))


def run_file(model_py, want_summaries=False, keep_going=False):
    """Execute one model file in this process and return its oracle dict (models, error).
    Also used by scripts/keras-diff, which calls it for many files in one process after
    keras.backend.clear_session()."""
    import contextlib
    import io
    import traceback

    import keras

    if os.environ.get("KERAS_LENS_TF_SHIM"):
        # Validation only: lets `from tensorflow import keras` files run on Keras 3.
        import types

        tf = types.ModuleType("tensorflow")
        tf.keras = keras
        sys.modules["tensorflow"] = tf
        sys.modules["tensorflow.keras"] = keras
        for sub in ("layers", "models", "optimizers", "activations", "backend", "losses", "utils", "regularizers", "initializers"):
            mod = getattr(keras, sub, None)
            if mod is not None:
                sys.modules[f"tensorflow.keras.{sub}"] = mod

    path = os.path.abspath(model_py)
    source = open(path).read()
    ns = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    code = compile(source, path, "exec")
    error = None
    sink = io.StringIO()
    os.chdir(os.path.dirname(path))
    with contextlib.redirect_stdout(sink):
        try:
            exec(code, ns)  # noqa: S102
        except Exception as e:  # noqa: BLE001
            tb = traceback.extract_tb(e.__traceback__)
            lines = [fr.lineno for fr in tb if fr.filename == path]
            # Line of the outermost statement in model.py that was running: the
            # module-level statement (first frame) -- and, if the failure was inside
            # a helper defined in model.py, keep the innermost line in model.py too.
            error = {
                "line": lines[0] if lines else None,
                # Keras wraps layer-call errors in bold ANSI codes; keep the text only.
                "message": re.sub(r"\x1b\[[0-9;]*m", "", str(e)),
            }
            if len(lines) > 1:
                error["innermost_line"] = lines[-1]
    models = []
    seen = set()
    for var, value in list(ns.items()):
        if var.startswith("__") or not isinstance(value, keras.Model):
            continue
        if id(value) in seen:
            continue
        seen.add(id(value))
        if keep_going:  # record a model summarise() cannot handle instead of raising
            try:
                name, rows, totals, built, columns = summarise(value, keras)
            except Exception as e:  # noqa: BLE001
                models.append({"variable": var, "oracle_failure": f"{type(e).__name__}: {e}"})
                continue
        else:
            name, rows, totals, built, columns = summarise(value, keras)
        entry = {"variable": var, "summary_name": name}
        if not built:
            entry["built"] = False
        entry["layers"] = rows
        entry.update(totals)
        models.append(entry)
    result = {"models": models}
    if error is not None:
        result["error"] = error
    if want_summaries:
        # What the file itself printed (its own model.summary() calls), at a
        # 200-column terminal: Keras's default widths (88 / 108) apply.
        result["_summaries"] = sink.getvalue()
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--summaries", action="store_true")
    ap.add_argument("--source", default=SOURCE_DEFAULT)
    args = ap.parse_args()
    if args.worker:
        worker(args.dirs[0], args.summaries)
        return
    ok = True
    for d in args.dirs:
        if not os.path.isfile(output_paths(d)[0]):
            print(f"skip    {d} (no model.py)")
            continue
        ok = run_case(d, args) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
