// Shared layers (one layer object called on several tensors, in one model or in several) and call-site
// figures (what a helper call adds, shown on the line of the call).
// Every figure is worked by hand in the comments (Dense: units × (inputs + 1)); the model figures were
// confirmed with Keras 3.15.1 (jax) running the same source: scripts/oracle/check_sources.py test/unit/engine/shared.test.ts.
// Call sites are keras-lens's own data (Keras has no such thing): checked by hand only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';
import { lineFigures } from '../../../src/editor/lineFigures';

const SHARED = `import keras
from keras import layers

embed = layers.Dense(8, name="embed")
left = keras.Input((12,), name="left")
right = keras.Input((12,), name="right")
diff = layers.Subtract(name="diff")([embed(left), embed(right)])
siamese = keras.Model([left, right], layers.Dense(1, name="score")(diff), name="siamese")
solo_in = keras.Input((12,), name="solo_in")
solo = keras.Model(solo_in, embed(solo_in), name="solo")
x_in = keras.Input((4,), name="x_in")
x = x_in
refine = layers.Dense(4, name="refine")
for _ in range(3):
    x = refine(x)
looped = keras.Model(x_in, x, name="looped")
`;

test('a layer called on two inputs is one row, its weights counted once, both calls connected', async () => {
  await ready;
  const f = analyze(SHARED);
  const m = model(f, 'siamese');
  // embed: 8 × (12 + 1) = 104, once; score: 1 × (8 + 1) = 9.
  assert.deepEqual(m.layers.map((l) => [l.name, l.type, l.outputShape, l.params]), [
    ['left', 'InputLayer', [null, 12], 0], ['right', 'InputLayer', [null, 12], 0], ['embed', 'Dense', [null, 8], 104],
    ['diff', 'Subtract', [null, 8], 0], ['score', 'Dense', [null, 1], 9],
  ]);
  assert.deepEqual(m.layers[2].connectedTo, ['left[0][0]', 'right[0][0]']);
  assert.deepEqual(m.layers[3].connectedTo, ['embed[0][0]', 'embed[1][0]']);
  assert.deepEqual(totals(m), [113, 113, 0]);
  // The same layer in a second model: its third call (node 2) is the one that model uses.
  const solo = model(f, 'solo');
  assert.deepEqual(rows(solo), [['InputLayer', [null, 12], 0], ['Dense', [null, 8], 104]]);
  assert.deepEqual(solo.layers[1].connectedTo, ['solo_in[0][0]']);
});

test('a layer applied three times in a loop counts its weights once', async () => {
  await ready;
  const m = model(analyze(SHARED), 'looped');
  // refine: 4 × (4 + 1) = 20, one row for three calls.
  assert.deepEqual(rows(m), [['InputLayer', [null, 4], 0], ['Dense', [null, 4], 20]]);
  assert.deepEqual(totals(m), [20, 20, 0]);
});

const CALL_SITES = `import keras
from keras import layers

def block(x, units):
    x = layers.Dense(units)(x)
    return layers.Dropout(0.1)(x)

inp = keras.Input((16,))
x = block(inp, 8)
for units in (4, 2):
    x = block(x, units)
sites = keras.Model(inp, x)
`;

test('call-site figures: each helper call records the layers it made; the call line sums them', async () => {
  await ready;
  const f = analyze(CALL_SITES);
  const m = model(f, 'sites');
  // Dense(8) on 16: 8 × 17 = 136; Dense(4) on 8: 4 × 9 = 36; Dense(2) on 4: 2 × 5 = 10.
  assert.deepEqual(rows(m), [
    ['InputLayer', [null, 16], 0], ['Dense', [null, 8], 136], ['Dropout', [null, 8], 0],
    ['Dense', [null, 4], 36], ['Dropout', [null, 4], 0], ['Dense', [null, 2], 10], ['Dropout', [null, 2], 0],
  ]);
  // Rows 1-2 came from the call on line 9, rows 3-6 from the one on line 11 (run twice, with two ids).
  const lines = m.layers.map((l) => l.callSites?.map((c) => c.range.start.line + 1) ?? []);
  assert.deepEqual(lines, [[], [9], [9], [11], [11], [11], [11]]);
  const ids = new Set(m.layers.slice(3).map((l) => l.callSites?.[0].id));
  assert.equal(ids.size, 2);
  const byLine = new Map(lineFigures(f, 'both').map((x) => [x.line + 1, x.text]));
  assert.equal(byLine.get(9), '+136 params · (None, 8)');
  assert.equal(byLine.get(11), '×2 calls · 10–36 params · 2 shapes');
});
