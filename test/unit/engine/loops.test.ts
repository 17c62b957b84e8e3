// Loops: for over range, lists, tuples, zip, enumerate and dict items; nested loops; while on a known
// condition; break, continue and the else clauses of for and while.
// Every figure is worked by hand in the comments (Conv2D: filters × (k·k·in + 1), Dense: units × (in + 1))
// and was confirmed with Keras 3.15.1 (jax) running the same sources:
// scripts/oracle/check_sources.py test/unit/engine/loops.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const LOOPS = `import keras
from keras import layers

widths = [16, 8]
kernels = (3, 5)
inp = keras.Input((32, 32, 3))
x = inp
for i in range(2):
    x = layers.Conv2D(4 * (i + 1), 3, padding="same")(x)
for f, k in zip(widths, kernels):
    x = layers.Conv2D(f, k)(x)
for i, rate in enumerate([0.1, 0.2]):
    if i == 1:
        continue
    x = layers.Dropout(rate)(x)
for name, units in {"a": 12, "b": 6}.items():
    for rep in range(2):
        if rep == 1:
            break
        x = layers.Dense(units, name=f"{name}{rep}")(x)
n = 3
while n > 1:
    x = layers.Dense(n)(x)
    n -= 1
else:
    x = layers.Flatten()(x)
for tag in ("end",):
    pass
else:
    out = layers.Dense(1, name=tag)(x)
loops = keras.Model(inp, out)
`;

test('for over range, zip, enumerate and dict items; nested loops; break, continue; while and for with else', async () => {
  await ready;
  const m = model(analyze(LOOPS), 'loops');
  assert.deepEqual(rows(m), [
    ['InputLayer', [null, 32, 32, 3], 0],
    ['Conv2D', [null, 32, 32, 4], 112], // i = 0: 4 × (3·3·3 + 1)
    ['Conv2D', [null, 32, 32, 8], 296], // i = 1: 8 × (3·3·4 + 1)
    ['Conv2D', [null, 30, 30, 16], 1168], // zip (16, 3): valid 32 − 3 + 1 = 30; 16 × (3·3·8 + 1)
    ['Conv2D', [null, 26, 26, 8], 3208], // zip (8, 5): 30 − 5 + 1 = 26; 8 × (5·5·16 + 1)
    ['Dropout', [null, 26, 26, 8], 0], // enumerate: i = 1 is skipped by continue
    ['Dense', [null, 26, 26, 12], 108], // a0: 12 × (8 + 1); the inner loop breaks at rep = 1
    ['Dense', [null, 26, 26, 6], 78], // b0: 6 × (12 + 1)
    ['Dense', [null, 26, 26, 3], 21], // while n = 3: 3 × (6 + 1)
    ['Dense', [null, 26, 26, 2], 8], // while n = 2: 2 × (3 + 1)
    ['Flatten', [null, 1352], 0], // while's else (no break): 26 · 26 · 2
    ['Dense', [null, 1], 1353], // for's else: 1 × (1352 + 1)
  ]);
  assert.deepEqual(m.layers.slice(6, 8).map((l) => l.name), ['a0', 'b0']);
  assert.equal(m.layers[11].name, 'end');
  // 112 + 296 + 1,168 + 3,208 + 108 + 78 + 21 + 8 + 1,353 = 6,352
  assert.deepEqual(totals(m), [6352, 6352, 0]);
});

const BUILD_LIST = `import keras
from keras import layers

stack = []
for units in [64, 32]:
    stack.append(layers.Dense(units, activation="relu"))
    stack += [layers.Dropout(0.5)]
stack.extend([layers.Dense(10)])
mlp = keras.Sequential([keras.Input((100,))] + stack)
grown = keras.Sequential([keras.Input((10,))])
i = 0
while True:
    i += 1
    if i > 3:
        break
    grown.add(layers.Dense(i))
`;

test('a list of layers built in a loop (append, +=, extend); a while True that breaks', async () => {
  await ready;
  const f = analyze(BUILD_LIST);
  // 64 × (100 + 1) = 6,464; 32 × (64 + 1) = 2,080; 10 × (32 + 1) = 330.
  assert.deepEqual(rows(model(f, 'mlp')), [
    ['Dense', [null, 64], 6464], ['Dropout', [null, 64], 0], ['Dense', [null, 32], 2080], ['Dropout', [null, 32], 0], ['Dense', [null, 10], 330],
  ]);
  assert.deepEqual(totals(model(f, 'mlp')), [8874, 8874, 0]);
  // i = 1, 2, 3: Dense(1) on 10: 11; Dense(2) on 1: 4; Dense(3) on 2: 9.
  assert.deepEqual(rows(model(f, 'grown')), [['Dense', [null, 1], 11], ['Dense', [null, 2], 4], ['Dense', [null, 3], 9]]);
});
