"""Run many model files under real Keras 3 in ONE process and print their oracle dicts.

Usage: KERAS_BACKEND=jax <venv>/bin/python oracle_batch.py OUT.json FILE.py...

Each file runs in a fresh `keras.backend.clear_session()` (so auto-names restart from
zero, as in `python model.py`) and a fresh namespace; row extraction is record.py's
(`run_file`: summary(line_length=400) parsed and cross-checked against Keras's own row
logic). Writes {path: result} to OUT.json, where result is record.py's dict
({"models": [...], "error": {...}}) or {"oracle_failure": "..."} if even that failed.
"""

import json
import os
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["COLUMNS"] = "400"


def fast_weight_init():
    """Create every weight as zeros instead of running its initializer.

    On JAX each new weight shape makes XLA compile the initializer's random op
    (~0.4 s each), which dominated the run time. summary() reads only weight shapes,
    trainable flags and the layer graph, never values, so zeros change nothing it prints.
    Set KERAS_DIFF_REAL_INIT=1 to keep Keras's initializers."""
    if os.environ.get("KERAS_DIFF_REAL_INIT"):
        return
    import jax
    import numpy as np
    from keras.src.backend.jax import core

    def _initialize_with_initializer(self, initializer):
        self._initialize(jax.device_put(np.zeros(self._shape, dtype=self._dtype)))

    core.Variable._initialize_with_initializer = _initialize_with_initializer


def main():
    out_path = sys.argv[1]
    files = sys.argv[2:]
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)
    import keras
    import record  # scripts/oracle/record.py

    fast_weight_init()

    cwd = os.getcwd()
    results = {}
    t0 = time.time()
    for i, path in enumerate(files):
        keras.backend.clear_session()
        try:
            results[path] = record.run_file(path, keep_going=True)
        except Exception as e:  # noqa: BLE001 - record.py's own cross-check failed
            results[path] = {"oracle_failure": f"{type(e).__name__}: {e}"}
        finally:
            os.chdir(cwd)
        if (i + 1) % 100 == 0:
            sys.stderr.write(f"  keras: {i + 1}/{len(files)} models ({time.time() - t0:.0f} s)\n")
    with open(out_path, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
