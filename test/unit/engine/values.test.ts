// Module-level names and arithmetic feed layer arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

test('constants, tuples, //, **, len() and f-strings reach layer arguments', async () => {
  await ready;
  const f = analyze(`
import keras
from keras import layers
img_rows, img_cols = 28, 28
nb_classes = 10
input_shape = (img_rows, img_cols, 1)
units = 2 * 64
widths = [units // 2, 2 ** 5]
model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten(),
    layers.Dense(units, name=f"hidden_{units}"), layers.Dense(widths[0]), layers.Dense(len(widths) * 5)])
`);
  const m = model(f, 'model');
  // 784 → 128: 128 × 785 = 100,480; 128 → 64: 64 × 129 = 8,256; 64 → 10: 10 × 65 = 650.
  assert.deepEqual(rows(m), [['Flatten', [null, 784], 0], ['Dense', [null, 128], 100480], ['Dense', [null, 64], 8256], ['Dense', [null, 10], 650]]);
  assert.equal(m.layers[1].name, 'hidden_128');
  assert.deepEqual(totals(m), [109386, 109386, 0]);
});

test('functions, loops, comprehensions, dict(**kw) and conditionals are followed', async () => {
  await ready;
  const f = analyze(`
import keras
from keras import layers
conv_kw = dict(kernel_size=3, padding="same")
def block(x, filters, pool=True):
    x = layers.Conv2D(filters, **conv_kw)(x)
    return layers.MaxPooling2D()(x) if pool else x
inp = keras.Input((32, 32, 3))
x = inp
for i, f in enumerate([8, 16]):
    x = block(x, f, pool=(i == 0))
out = layers.Dense(2)(layers.Flatten()(x))
net = keras.Model(inp, out)
`);
  const m = model(f, 'net');
  // conv 8: 8 × (3·3·3 + 1) = 224 → pool 16×16; conv 16: 16 × (3·3·8 + 1) = 1,168; flatten 16·16·16 = 4,096; dense 2 × 4,097 = 8,194.
  assert.deepEqual(rows(m), [
    ['InputLayer', [null, 32, 32, 3], 0], ['Conv2D', [null, 32, 32, 8], 224], ['MaxPooling2D', [null, 16, 16, 8], 0],
    ['Conv2D', [null, 16, 16, 16], 1168], ['Flatten', [null, 4096], 0], ['Dense', [null, 2], 8194],
  ]);
});

test('a condition keras-lens cannot decide makes what it builds unknown, not guessed', async () => {
  await ready;
  const f = analyze(`
import os, keras
from keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
if os.environ.get("BIG"):
    model.add(layers.Dense(100))
`);
  const m = model(f, 'model');
  assert.equal(m.totalParams, null);
  assert.ok(m.unknownReason);
  // The rows that were built before the branch keep their figures: 3 × (4 + 1) = 15.
  assert.equal(m.layers[0].params, 15);
});

test('a tensor changed under an undecidable condition keeps the model listed, with ? from there on', async () => {
  await ready;
  const f = analyze(`import os, keras
from keras import layers
inp = keras.Input((8,))
x = layers.Dense(4)(inp)
if os.environ.get("DEEP"):
    x = layers.Dense(4)(x)
out = layers.Dense(2)(x)
m = keras.Model(inp, out)
`);
  const mm = model(f, 'm');
  // Dense(4) on 8: 4 × 9 = 36 is certain; what follows the branch is not.
  assert.deepEqual(rows(mm), [['InputLayer', [null, 8], 0], ['Dense', [null, 4], 36], ['?', null, null], ['Dense', null, null]]);
  assert.equal(mm.totalParams, null);
});
