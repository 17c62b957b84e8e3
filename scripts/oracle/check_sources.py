#!/usr/bin/env python3
"""Run the Python sources written in unit-test files under REAL Keras 3, and compare with keras-lens.

    npm run build
    KERAS_BACKEND=jax .venv-keras/bin/python scripts/oracle/check_sources.py test/unit/engine/branches.test.ts ...

A source is a TypeScript template literal `const NAME = `...`;` that contains `import keras`
(no `${...}` in it). Lines in the source steer the check:

    # keras-check: skip <why>       Keras cannot run it (an endless loop, say): not checked
    # keras-check: env KL_FLAG=1    run it again with that environment (one line per variant); the
                                    first run has none of those variables set

Each run happens in a fresh Python process (scripts/oracle/record.py's worker), so Keras's
automatic names start from zero as in `python file.py`. keras-lens (dist/cli.js, JSON) reads the
same file once. For every model variable and every row (name, type, output shape, params) and
the totals:

    same       keras-lens shows the figure Keras printed in every run
    unknown    keras-lens shows ? and the runs disagree (the figure depends on the environment)
    IMPRECISE  keras-lens shows ? though every run printed the same figure (honest, not exact)
    WRONG      keras-lens shows a figure that some run did not print

Exit status 1 if anything is WRONG.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SOURCE = re.compile(r"const (\w+) = `([^`]*)`;", re.S)


def sources(ts_file):
    text = open(ts_file).read()
    for m in SOURCE.finditer(text):
        body = m.group(2)
        if "import keras" in body and "${" not in body:
            yield m.group(1), body


def keras_run(py_file, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KL_")}
    env.update(env_extra)
    env.update({"KERAS_BACKEND": "jax", "COLUMNS": "400", "JAX_PLATFORMS": "cpu", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONHASHSEED": "0"})
    proc = subprocess.run([sys.executable, os.path.join(HERE, "record.py"), "--worker", py_file], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"Keras worker failed for {py_file}:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def lens_run(py_file):
    proc = subprocess.run(["node", os.path.join(ROOT, "dist", "cli.js"), "summary", py_file, "--format", "json"], capture_output=True, text=True)
    return json.loads(proc.stdout)["files"][0]


def compare(label, lens_value, keras_values, out):
    if lens_value is None and all(v is None for v in keras_values):
        kind = "same"  # Keras prints ? too (an unbuilt layer, a custom layer's shape)
    elif lens_value is None:
        kind = "IMPRECISE" if all(v == keras_values[0] for v in keras_values) else "unknown"
    else:
        kind = "same" if all(v == lens_value for v in keras_values) else "WRONG"
    out.append((kind, label, lens_value, keras_values))


def check(name, body):
    steer = re.findall(r"^\s*# keras-check: (.*)$", body, re.M)
    if any(s.startswith("skip") for s in steer):
        print(f"-- {name}: skipped ({next(s for s in steer if s.startswith('skip'))})")
        return True
    envs = [{}] + [dict([s[4:].strip().split("=", 1)]) for s in steer if s.startswith("env ")]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, f"{name.lower()}.py")
        with open(path, "w") as f:
            f.write(body)
        runs = [keras_run(path, e) for e in envs]
        lens = lens_run(path)
    for e, r in zip(envs, runs):
        if "error" in r:
            print(f"-- {name}: Keras raised with {e or 'no variables'}: {r['error']}")
    results = []
    lens_models = {m["variable"]: m for m in lens["models"]}
    for km in runs[0]["models"]:
        var = km["variable"]
        lm = lens_models.get(var)
        per_run = [next((m for m in r["models"] if m["variable"] == var), None) for r in runs]
        if lm is None:
            results.append(("WRONG", f"{var}: not reported by keras-lens", None, None))
            continue
        if any(m is None for m in per_run):
            results.append(("unknown", f"{var}: not made in every run", None, None))
        for key, lkey in (("total_params", "totalParams"), ("trainable_params", "trainableParams"), ("non_trainable_params", "nonTrainableParams")):
            compare(f"{var} {key}", lm[lkey], [m[key] if m else None for m in per_run], results)
        lrows = lm["layers"]
        krows = [m["layers"] if m else [] for m in per_run]
        shape_of = lambda rows, i, k: rows[i][k] if i < len(rows) else "<no row>"
        if any(len(k) != len(lrows) for k in krows):
            results.append(("unknown" if lm["totalParams"] is None or any(r["params"] is None or r["outputShape"] is None for r in lrows) else "WRONG",
                            f"{var}: {len(lrows)} rows, Keras {[len(k) for k in krows]}", [r["name"] for r in lrows], [[r["name"] for r in k] for k in krows]))
            continue
        for i, lr in enumerate(lrows):
            # A name ending in ? is the smallest its automatic number can be: the runs may differ there.
            results.append(("same" if all(k[i]["name"] == lr["name"] and k[i]["type"] == lr["type"] for k in krows) else
                            ("unknown" if lr["type"] == "?" or lr["name"].endswith("?") else "WRONG"),
                            f"{var} row {i} name/type", f"{lr['name']} ({lr['type']})", [f"{k[i]['name']} ({k[i]['type']})" for k in krows]))
            compare(f"{var} row {i} ({lr['name']}) shape", lr["outputShape"], [shape_of(k, i, "output_shape") for k in krows], results)
            compare(f"{var} row {i} ({lr['name']}) params", lr["params"], [shape_of(k, i, "params") for k in krows], results)
    bad = [r for r in results if r[0] == "WRONG"]
    counts = {k: sum(1 for r in results if r[0] == k) for k in ("same", "unknown", "IMPRECISE", "WRONG")}
    print(f"-- {name}: {len(envs)} Keras run(s); " + ", ".join(f"{v} {k}" for k, v in counts.items() if v))
    for kind, label, lv, kv in results:
        if kind != "same":
            print(f"   {kind:9} {label}: keras-lens {json.dumps(lv)}, Keras {json.dumps(kv)}")
    return not bad


def main():
    ok = True
    for ts_file in sys.argv[1:]:
        print(f"== {ts_file}")
        for name, body in sources(ts_file):
            ok = check(name, body) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
