// Inline annotation texts, from real analyses of small files (figures worked by hand).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, ready } from '../engine/analyze';
import { lineFigures, modelAtLine } from '../../../src/editor/lineFigures';
import { panelPayload } from '../../../src/editor/panelPayload';

const SRC = `import keras
from keras import layers
model = keras.Sequential()
model.add(layers.Flatten(input_shape=(1, 28, 28)))
model.add(layers.Dense(10))
model.add(layers.Activation("softmax"))
other = keras.Sequential([layers.Dense(3), layers.Dense(1)])
`;

test('one annotation per layer line: params · shape, shape alone when weightless', async () => {
  await ready;
  const f = analyze(SRC);
  const byLine = Object.fromEntries(lineFigures(f, 'both').map((x) => [x.line, x.text]));
  assert.equal(byLine[3], '(None, 784)');
  assert.equal(byLine[4], '7,850 params · (None, 10)'); // 10 × (784 + 1)
  assert.equal(byLine[5], '(None, 10)');
  // The unbuilt model on line 7: shapes ? and counts unknown.
  assert.equal(byLine[6], '×2 · ? params · ?');
  assert.deepEqual(lineFigures(f, 'params').find((x) => x.line === 4)?.text, '7,850 params');
  assert.deepEqual(lineFigures(f, 'shape').find((x) => x.line === 4)?.text, '(None, 10)');
});

test('a line that creates several layers says how many and their range', async () => {
  await ready;
  const f = analyze(`import keras
from keras import layers
x = inp = keras.Input((8,))
for units in (4, 16):
    x = layers.Dense(units)(x)
m = keras.Model(inp, x)
`);
  // Dense(4) on 8: 4 × 9 = 36; Dense(16) on 4: 16 × 5 = 80.
  assert.equal(lineFigures(f, 'both').find((x) => x.line === 4)?.text, '×2 · 36–80 params · 2 shapes');
});

test('the model under the cursor', async () => {
  await ready;
  const f = analyze(SRC);
  assert.equal(modelAtLine(f, 4)?.variable, 'model');
  assert.equal(modelAtLine(f, 6)?.variable, 'other');
});

test('the panel payload: rows, totals with sizes, 3 columns for Sequential', async () => {
  await ready;
  const p = panelPayload(analyze(SRC), 'model.py', 0, 4);
  assert.equal(p.title, 'Model: "sequential"');
  assert.equal(p.columns, 3);
  assert.deepEqual(p.rows.map((r) => [r.name, r.type, r.shape, r.params]), [
    ['flatten', 'Flatten', '(None, 784)', '0'], ['dense', 'Dense', '(None, 10)', '7,850'], ['activation', 'Activation', '(None, 10)', '0'],
  ]);
  // 7,850 × 4 B = 31,400 B = 30.66 KB, as Keras prints.
  assert.deepEqual(p.totals, ['Total params: 7,850 (30.66 KB)', 'Trainable params: 7,850 (30.66 KB)', 'Non-trainable params: 0 (0.00 B)']);
  const unbuilt = panelPayload(analyze(SRC), 'model.py', 1, 4);
  assert.deepEqual(unbuilt.rows.map((r) => r.params), ['0 (unbuilt)', '0 (unbuilt)']);
  assert.match(unbuilt.note, /not built/);
});

test('a line that calls a helper shows what the call adds; in a loop, how many calls and their range', async () => {
  await ready;
  const f = analyze(`import keras
from keras import layers
def block(x, units):
    x = layers.Dense(units)(x)
    return layers.Dense(units)(x)
inp = keras.Input((8,))
x = block(inp, 4)
for u in (2, 3):
    x = block(x, u)
m = keras.Model(inp, x)
`);
  const byLine = Object.fromEntries(lineFigures(f, 'both').map((x) => [x.line, x.text]));
  // block(inp, 4): Dense(4) on 8 = 36, Dense(4) on 4 = 20 → +56, output (None, 4).
  assert.equal(byLine[6], '+56 params · (None, 4)');
  // block(x, 2) on 4: 10 + 6 = 16; block(x, 3) on 2: 9 + 12 = 21.
  assert.equal(byLine[8], '×2 calls · 16–21 params · 2 shapes');
  // Inside the helper, each line made three layers: on 8, 4, 2 inputs.
  assert.equal(byLine[3], '×3 · 9–36 params · 3 shapes');
});
