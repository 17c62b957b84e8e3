// List and dict comprehensions that make layers, and layer names written with f-strings, % and .format().
// Every figure is worked by hand in the comments (Dense: units × (inputs + 1)) and was confirmed with
// Keras 3.15.1 (jax) running the same source: scripts/oracle/check_sources.py test/unit/engine/comprehensions.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const COMPREHENSIONS = `import keras
from keras import layers

sizes = [2 ** i for i in range(3, 6)]
blocks = [layers.Dense(s, name=f"fc_{s:03d}") for s in sizes if s != 16]
heads = {k: layers.Dense(v, name="head_%s_%d" % (k, v)) for k, v in zip("ab", (3, 4))}
inp = keras.Input((4,))
x = inp
for layer in blocks:
    x = layer(x)
x = heads["a"](x)
x = layers.Dense(5, name="out_{}_{}".format(len(blocks), "x"))(x)
comp = keras.Model(inp, x)
seq = keras.Sequential([keras.Input((4,))] + [layers.Dense(u) for u in (6, 2)])
`;

test('comprehensions make layers; f-string, % and .format() names', async () => {
  await ready;
  const f = analyze(COMPREHENSIONS);
  const m = model(f, 'comp');
  // sizes = [8, 16, 32]; 16 is filtered out.
  assert.deepEqual(m.layers.map((l) => l.name), ['input_layer', 'fc_008', 'fc_032', 'head_a_3', 'out_2_x']);
  assert.deepEqual(rows(m), [
    ['InputLayer', [null, 4], 0],
    ['Dense', [null, 8], 40], // 8 × (4 + 1)
    ['Dense', [null, 32], 288], // 32 × (8 + 1)
    ['Dense', [null, 3], 99], // head_a_3: 3 × (32 + 1)
    ['Dense', [null, 5], 20], // out_2_x: 5 × (3 + 1)
  ]);
  assert.deepEqual(totals(m), [447, 447, 0]);
  // head_b_4 is made but never called: it is in no model. The list comprehension inside Sequential([...]):
  // 6 × (4 + 1) = 30; 2 × (6 + 1) = 14.
  assert.deepEqual(rows(model(f, 'seq')), [['Dense', [null, 6], 30], ['Dense', [null, 2], 14]]);
  assert.deepEqual(model(f, 'seq').layers.map((l) => l.name), ['dense', 'dense_1']);
});
