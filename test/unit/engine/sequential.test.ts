// Sequential models: every way of giving (or not giving) the input shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const H = 'import keras\nfrom keras import layers\n';

test('the three Q&A models', async () => {
  await ready;
  const f = analyze(`${H}
a = keras.Sequential()
a.add(layers.Flatten(input_shape=(1, 28, 28)))
a.add(layers.Dense(10))
a.add(layers.Activation("softmax"))
b = keras.Sequential([layers.Dense(514, input_dim=514), layers.Dense(257)])
c = keras.Sequential([keras.Input((224, 224, 3)), layers.Conv2D(32, (3, 3), padding="same"), layers.MaxPooling2D(),
    layers.Conv2D(64, (3, 3), padding="same"), layers.MaxPooling2D(), layers.Conv2D(128, (3, 3), padding="same"),
    layers.GlobalAveragePooling2D(), layers.Dense(10)])
`);
  assert.deepEqual(rows(model(f, 'a')).map((r) => r[2]), [0, 7850, 0]); // 10 × (784 + 1)
  // 514 × (514 + 1) = 264,710; 257 × (514 + 1) = 132,355; sum 397,065.
  assert.deepEqual(rows(model(f, 'b')), [['Dense', [null, 514], 264710], ['Dense', [null, 257], 132355]]);
  assert.deepEqual(totals(model(f, 'b')), [397065, 397065, 0]);
  // 32 × (27 + 1) = 896; 64 × (288 + 1) = 18,496; 128 × (576 + 1) = 73,856; 10 × (128 + 1) = 1,290.
  assert.deepEqual(rows(model(f, 'c')).map((r) => r[2]).filter((p) => p !== 0), [896, 18496, 73856, 1290]);
});

test('InputLayer first, batch_size, model.build() and a call on numpy data', async () => {
  await ready;
  const f = analyze(`${H}import numpy as np
m1 = keras.Sequential([layers.InputLayer(shape=(8,)), layers.Dense(2)])
m2 = keras.Sequential([keras.Input(shape=(8,), batch_size=4), layers.Dense(2)])
m3 = keras.Sequential([layers.Dense(2)])
m3.build((None, 8))
m4 = keras.Sequential([layers.Dense(2)])
_ = m4(np.ones((1, 8)))
`);
  // 2 × (8 + 1) = 18 each.
  assert.deepEqual(rows(model(f, 'm1')), [['Dense', [null, 2], 18]]);
  assert.deepEqual(rows(model(f, 'm2')), [['Dense', [4, 2], 18]]);
  assert.deepEqual(rows(model(f, 'm3')), [['Dense', [null, 2], 18]]);
  assert.deepEqual(rows(model(f, 'm4')), [['Dense', [1, 2], 18]]);
});

test('a Sequential without any input shape is unbuilt: ? shapes, unknown params, but 0 for layers built at construction', async () => {
  await ready;
  const f = analyze(`${H}m = keras.Sequential([layers.Dense(4), layers.Dropout(0.5), layers.Dense(1)])\n`);
  const m = model(f, 'm');
  assert.equal(m.built, false);
  assert.deepEqual(rows(m), [['Dense', null, null], ['Dropout', null, 0], ['Dense', null, null]]);
  assert.deepEqual(m.layers.map((l) => l.unbuilt), [true, false, true]);
  assert.deepEqual(totals(m), [0, 0, 0]); // Keras prints "Total params: 0 (0.00 B)"
});

test('Keras 2 batch_input_shape, and input_dim with input_length on a recurrent layer', async () => {
  await ready;
  const f = analyze(`from keras.models import Sequential
from keras.layers import Dense, LSTM
m = Sequential()
m.add(LSTM(8, input_dim=3, input_length=5))
m.add(Dense(1, init="uniform"))
n = Sequential()
n.add(Dense(4, batch_input_shape=(16, 6)))
`);
  assert.equal(f.kerasVersion, 2);
  // LSTM: 4 × (8 × (3 + 8) + 8) = 384 on (None, 5, 3); Dense 1 × (8 + 1) = 9.
  assert.deepEqual(rows(model(f, 'm')), [['LSTM', [null, 8], 384], ['Dense', [null, 1], 9]]);
  assert.deepEqual(rows(model(f, 'n')), [['Dense', [16, 4], 28]]); // 4 × (6 + 1)
});

test('several models in one file keep their own variables and Keras 3 auto-names', async () => {
  await ready;
  const f = analyze(`${H}
first = keras.Sequential([keras.Input((3,)), layers.Dense(2)])
second = keras.Sequential([keras.Input((3,)), layers.Dense(2), layers.Dense(2)], name="named")
`);
  assert.deepEqual(f.models.map((m) => [m.variable, m.name]), [['first', 'sequential'], ['second', 'named']]);
  assert.deepEqual(model(f, 'second').layers.map((l) => l.name), ['dense_1', 'dense_2']);
});
