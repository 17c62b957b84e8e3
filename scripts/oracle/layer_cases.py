#!/usr/bin/env python3
"""Replay the layer unit tests' Keras 3 cases under real Keras 3.

Input: JSON-lines files written by test/unit/layers/cases.ts (KERAS_LENS_LAYER_CASES=<file>), one per
test file; scripts/check-layer-cases.mjs writes them and calls this script. Each line is a layer
constructor (`Conv2D(32, 3)`), the Input shapes, how the layer is called, and either the hand-worked
figures (`expect`: shape, params, trainable, nonTrainable) or an expected error (`error`, plus
keras-lens's own messages in `ours`).

For a figures case the layer is built on `keras.Input(batch_shape=...)` and its output shape and
weight counts are compared with the expected figures. For an error case Keras must raise; its message
is printed beside keras-lens's so the two can be compared. Exit status 1 if any case disagrees.
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import keras  # noqa: E402
from keras import layers  # noqa: E402


def shape_list(t):
    return [d for d in t.shape]


def count(weights):
    seen, total = set(), 0
    for w in weights:
        if id(w) in seen:
            continue
        seen.add(id(w))
        n = 1
        for d in w.shape:
            n *= int(d)
        total += n
    return total


def build(case):
    keras.config.set_image_data_format(case["dataFormat"])
    try:
        ns = {"keras": keras, "layers": layers}
        for i, s in enumerate(case["inputs"]):
            ns[f"x{i}"] = keras.Input(batch_shape=tuple(s), dtype=case["dtype"] or "float32")
        layer = eval("layers." + case["ctor"], ns)
        ns["layer"] = layer
        y = eval(f"layer({case['call']})", ns)
        return layer, y
    finally:
        keras.config.set_image_data_format("channels_last")


def figures(layer, y):
    outs = keras.tree.flatten(y)
    shapes = [shape_list(t) for t in outs]
    trainable = count(layer.trainable_weights)
    non_trainable = count(layer.non_trainable_weights)
    return {
        "shape": shapes[0] if len(shapes) == 1 and not isinstance(y, (list, tuple)) else shapes,
        "params": trainable + non_trainable,
        "trainable": trainable,
        "nonTrainable": non_trainable,
    }


def check(case):
    """(ok, text) for one case."""
    label = f"{case['ctor']} on {', '.join(str(tuple(s)) for s in case['inputs'])}"
    if case["dataFormat"] != "channels_last":
        label += f" [{case['dataFormat']}]"
    try:
        layer, y = build(case)
    except Exception as e:  # noqa: BLE001 - any exception is Keras rejecting the source
        msg = " ".join(str(e).split())
        if "error" in case:
            return True, f"ok   {label}\n       keras:  {type(e).__name__}: {msg[:300]}\n       ours:   {' | '.join(case['ours'])[:300]}"
        return False, f"FAIL {label}: Keras raised {type(e).__name__}: {msg[:300]}"
    if "error" in case:
        return False, f"FAIL {label}: Keras accepted it ({figures(layer, y)}); keras-lens says: {' | '.join(case['ours'])}"
    got = figures(layer, y)
    if got != case["expect"]:
        return False, f"FAIL {label}: Keras {got}, expected {case['expect']}"
    return True, f"ok   {label}: {got['shape']} {got['params']}"


def main(paths):
    verbose = "-v" in paths
    bad = 0
    total = 0
    for path in [p for p in paths if p != "-v"]:
        with open(path) as f:
            cases = [json.loads(line) for line in f if line.strip()]
        print(f"== {os.path.basename(path)}: {len(cases)} cases")
        for case in cases:
            total += 1
            ok, text = check(case)
            if not ok:
                bad += 1
            if verbose or not ok:
                print(text)
    print(f"{total - bad} of {total} cases agree with Keras {keras.__version__}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
