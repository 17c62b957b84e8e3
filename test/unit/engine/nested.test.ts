// Models inside models: model.layers[i], model.input(s) / model.output, keras.Model(inputs, model.layers[-2].output),
// a model used as a layer; layer.trainable = False and model.trainable = False.
// Every figure is worked by hand in the comments (Dense: units × (inputs + 1)) and was confirmed with
// Keras 3.15.1 (jax) running the same source: scripts/oracle/check_sources.py test/unit/engine/nested.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const NESTED = `import keras
from keras import layers

base = keras.Sequential([keras.Input((16,)), layers.Dense(8, name="b1"), layers.Dense(4, name="b2")], name="base")
first = base.layers[0]
inp = keras.Input((16,))
h = base(inp)
outer = keras.Model(inp, layers.Dense(2)(h), name="outer")
feat = keras.Model(base.inputs, base.layers[-2].output, name="feat")
probe = keras.Model(feat.input, layers.Dense(3)(feat.output), name="probe")
first.trainable = False
enc = keras.Sequential([keras.Input((4,)), layers.Dense(3)], name="enc")
enc.trainable = False
inp3 = keras.Input((4,))
top = keras.Model(inp3, layers.Dense(1)(enc(inp3)), name="top")
`;

test('a Sequential nested in a functional model; models cut from its layers and outputs', async () => {
  await ready;
  const f = analyze(NESTED);
  // b1: 8 × (16 + 1) = 136, frozen by first.trainable = False (the summary is printed at the end of the file);
  // b2: 4 × (8 + 1) = 36.
  assert.deepEqual(rows(model(f, 'base')), [['Dense', [null, 8], 136], ['Dense', [null, 4], 36]]);
  assert.deepEqual(totals(model(f, 'base')), [172, 36, 136]);
  // outer: base as one row of 172, then Dense(2) on 4: 2 × (4 + 1) = 10.
  const o = model(f, 'outer');
  assert.deepEqual(o.layers.map((l) => l.name), ['input_layer_1', 'base', 'dense']);
  assert.deepEqual(rows(o), [['InputLayer', [null, 16], 0], ['Sequential', [null, 4], 172], ['Dense', [null, 2], 10]]);
  assert.deepEqual(totals(o), [182, 46, 136]);
  // feat = Model(base.inputs, base.layers[-2].output): base's own InputLayer and b1.
  const fe = model(f, 'feat');
  assert.deepEqual(fe.layers.map((l) => l.name), ['input_layer', 'b1']);
  assert.deepEqual(rows(fe), [['InputLayer', [null, 16], 0], ['Dense', [null, 8], 136]]);
  assert.deepEqual(totals(fe), [136, 0, 136]);
  // probe extends feat.output with Dense(3) on 8: 3 × (8 + 1) = 27.
  assert.deepEqual(rows(model(f, 'probe')), [['InputLayer', [null, 16], 0], ['Dense', [null, 8], 136], ['Dense', [null, 3], 27]]);
  assert.deepEqual(totals(model(f, 'probe')), [163, 27, 136]);
});

test('model.trainable = False freezes a nested model in every model that holds it', async () => {
  await ready;
  const f = analyze(NESTED);
  // enc: Dense(3) on 4: 3 × (4 + 1) = 15, all non-trainable; top adds Dense(1) on 3: 1 × (3 + 1) = 4.
  assert.deepEqual(totals(model(f, 'enc')), [15, 0, 15]);
  const t = model(f, 'top');
  assert.deepEqual(rows(t), [['InputLayer', [null, 4], 0], ['Sequential', [null, 3], 15], ['Dense', [null, 1], 4]]);
  assert.deepEqual(totals(t), [19, 4, 15]);
});

const DISCONNECTED = `import keras
from keras import layers

base = keras.Sequential([keras.Input((16,)), layers.Dense(8, name="b1"), layers.Dense(4, name="b2")], name="base")
inp = keras.Input((16,))
outer = keras.Model(inp, base(inp))
wrong = keras.Model(base.input, base.layers[-2].output)
`;

test('Keras 3: a called Sequential\'s input is its first call\'s; a model from it to an inner layer is not connected', async () => {
  await ready;
  const f = analyze(DISCONNECTED);
  // base.input is outer's input (base's first call); b1's output comes from base's own Input: Keras 3.15.1 raises
  // "Output with path `` is not connected to `inputs`" on line 7.
  const errors = f.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.range.start.line + 1, d.message.slice(0, 48)]);
  assert.deepEqual(errors, [[7, 'Output with path `` is not connected to `inputs`']]);
  assert.equal(f.models.some((m) => m.variable === 'wrong'), false);
  // outer: base as one row, 8 × (16 + 1) + 4 × (8 + 1) = 136 + 36 = 172.
  assert.deepEqual(totals(model(f, 'outer')), [172, 172, 0]);
});
