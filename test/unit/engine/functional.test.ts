// Functional models: chains, merges, shared layers, several inputs and outputs, nesting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const H = 'import keras\nfrom keras import layers\n';

test('chained calls, keyword and positional Model arguments', async () => {
  await ready;
  const f = analyze(`${H}
inputs = keras.Input(shape=(28, 28))
outputs = layers.Dense(10)(layers.Flatten()(inputs))
m1 = keras.Model(inputs=inputs, outputs=outputs)
m2 = keras.Model(inputs, outputs, name="same_graph")
`);
  const expected = [['InputLayer', [null, 28, 28], 0], ['Flatten', [null, 784], 0], ['Dense', [null, 10], 7850]];
  assert.deepEqual(rows(model(f, 'm1')), expected);
  assert.deepEqual(rows(model(f, 'm2')), expected);
  assert.equal(model(f, 'm1').sequentialLike, true);
  assert.equal(model(f, 'm1').name, 'functional');
});

test('a shared layer counts its weights once and lists both calls', async () => {
  await ready;
  const f = analyze(`${H}
a = keras.Input((16,), name="a")
b = keras.Input((16,), name="b")
shared = layers.Dense(8, name="shared")
merged = layers.concatenate([shared(a), shared(b)])
out = layers.Dense(1)(merged)
m = keras.Model([a, b], out)
`);
  const mm = model(f, 'm');
  // shared: 8 × 17 = 136 (once); out: 1 × (16 + 1) = 17.
  assert.deepEqual(totals(mm), [153, 153, 0]);
  const row = mm.layers.find((l) => l.name === 'shared')!;
  assert.deepEqual(row.connectedTo, ['a[0][0]', 'b[0][0]']);
  assert.equal(mm.sequentialLike, false);
  assert.deepEqual(mm.layers.find((l) => l.type === 'Concatenate')!.outputShape, [null, 16]);
});

test('multi-output layers and list outputs', async () => {
  await ready;
  const f = analyze(`${H}
x = keras.Input((5, 3))
seq, h, c = layers.LSTM(4, return_sequences=True, return_state=True)(x)
m = keras.Model(x, [seq, h])
`);
  const lstm = model(f, 'm').layers[1];
  // 4 × (4 × (3 + 4) + 4) = 128.
  assert.deepEqual([lstm.outputShape, lstm.params], [[[null, 5, 4], [null, 4], [null, 4]], 128]);
});

test('a model nested in another is one row with its total', async () => {
  await ready;
  const f = analyze(`${H}
enc = keras.Sequential([keras.Input((10,)), layers.Dense(4)], name="enc")
x = keras.Input((10,))
y = layers.Dense(2)(enc(x))
outer = keras.Model(x, y)
`);
  // enc: 4 × 11 = 44; head: 2 × 5 = 10.
  assert.deepEqual(rows(model(f, 'outer')), [['InputLayer', [null, 10], 0], ['Sequential', [null, 4], 44], ['Dense', [null, 2], 10]]);
  assert.deepEqual(totals(model(f, 'outer')), [54, 54, 0]);
});

test('BatchNormalization splits trainable and non-trainable; trainable=False freezes', async () => {
  await ready;
  const f = analyze(`${H}
x = keras.Input((6,))
y = layers.BatchNormalization()(x)
z = layers.Dense(2, trainable=False)(y)
m = keras.Model(x, z)
`);
  // BN: gamma 6 + beta 6 trainable, moving mean 6 + variance 6 non-trainable; frozen Dense 2 × 7 = 14.
  assert.deepEqual(totals(model(f, 'm')), [38, 12, 26]);
});

test('Keras 3 arithmetic on tensors records operation rows (checked against Keras 3.15.1)', async () => {
  await ready;
  const f = analyze(`${H}
a = keras.Input((4,))
b = keras.Input((4,))
t = -(2 * ((a + b) * 2 - a) / b)
m = keras.Model([a, b], t)
`);
  const mm = model(f, 'm');
  assert.deepEqual(mm.layers.map((l) => `${l.name} (${l.type})`), [
    'input_layer (InputLayer)', 'input_layer_1 (InputLayer)', 'add (Add)', 'multiply (Multiply)', 'subtract (Subtract)',
    'multiply_1 (Multiply)', 'true_divide (TrueDivide)', 'negative (Negative)',
  ]);
  assert.ok(mm.layers.every((l) => l.params === 0 && JSON.stringify(l.outputShape) === '[null,4]'));
});

test('a nested model row carries the nested model\'s own rows (expand_nested)', async () => {
  await ready;
  const f = analyze(`${H}
enc = keras.Sequential([keras.Input((10,)), layers.Dense(4), layers.Dense(3)], name="enc")
x = keras.Input((10,))
outer = keras.Model(x, enc(x))
`);
  const row = model(f, 'outer').layers[1];
  // 4 × 11 = 44; 3 × 5 = 15.
  assert.deepEqual(row.nested?.map((l) => [l.type, l.outputShape, l.params]), [['Dense', [null, 4], 44], ['Dense', [null, 3], 15]]);
});
