// Subclassed models and custom layers: a keras.Model subclass built by build(), by a call on an Input, or
// wrapped in a functional model; a keras.layers.Layer subclass with add_weight() weights and inner layers.
// Every figure is worked by hand in the comments and was confirmed with Keras 3.15.1 (jax) running the same
// source: scripts/oracle/check_sources.py test/unit/engine/subclassing.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const SUBCLASSES = `import keras
from keras import layers

class Gate(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.proj = layers.Dense(units)
    def build(self, input_shape):
        self.gate = self.add_weight(shape=(input_shape[-1], self.units), initializer="zeros", name="gate")
        self.shift = self.add_weight(shape=(self.units,), initializer="zeros", trainable=False, name="shift")
    def call(self, x):
        return self.proj(x) * (x @ self.gate) + self.shift

class Tiny(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gate = Gate(6)
        self.head = layers.Dense(2)
    def call(self, x):
        return self.head(self.gate(x))

inp = keras.Input((5,))
wrapped = keras.Model(inp, Tiny(name="inner")(inp), name="wrapped")
called = Tiny(name="called")
_ = called(keras.Input((5,)))
built = Tiny(name="built")
built.build((None, 5))
layer_in_model = keras.Model(inp, Gate(3)(inp), name="layer_in_model")
`;

// Gate(6) on 5 inputs: proj Dense(6) 6 × (5 + 1) = 36; gate (5, 6) = 30 trainable; shift (6,) = 6 non-trainable:
// 72 (66 trainable + 6 non-trainable). head Dense(2) on 6: 2 × (6 + 1) = 14. Tiny: 86 (80 + 6).

test('a Model subclass wrapped in a functional model is one row with its total', async () => {
  await ready;
  const m = model(analyze(SUBCLASSES), 'wrapped');
  assert.deepEqual(m.layers.map((l) => l.name), ['input_layer', 'inner']);
  assert.deepEqual(rows(m), [['InputLayer', [null, 5], 0], ['Tiny', [null, 2], 86]]);
  assert.deepEqual(totals(m), [86, 80, 6]);
});

test('a Model subclass called on an Input lists its tracked layers, built', async () => {
  await ready;
  const m = model(analyze(SUBCLASSES), 'called');
  // Keras prints a custom layer's output shape as ? (no build shapes recorded for it); the Dense after it is known.
  assert.deepEqual(m.layers.map((l) => [l.name, l.type, l.outputShape, l.params]), [
    ['gate_1', 'Gate', null, 72], ['dense_3', 'Dense', [null, 2], 14],
  ]);
  assert.deepEqual(totals(m), [86, 80, 6]);
});

test('build() on a Model subclass without its own build() leaves its layers unbuilt (Keras 3)', async () => {
  await ready;
  const m = model(analyze(SUBCLASSES), 'built');
  // Keras prints both rows as `? | 0 (unbuilt)` and totals of 0. (Gate's proj is dense_4, head dense_5.)
  assert.deepEqual(m.layers.map((l) => [l.name, l.outputShape, l.params, l.unbuilt]), [['gate_2', null, null, true], ['dense_5', null, null, true]]);
  assert.deepEqual(totals(m), [0, 0, 0]);
});

test('a custom layer in a functional model: one row, its add_weight weights and inner layer counted', async () => {
  await ready;
  const m = model(analyze(SUBCLASSES), 'layer_in_model');
  // Gate(3) on 5: proj 3 × (5 + 1) = 18; gate (5, 3) = 15; shift (3,) = 3 non-trainable: 36 (33 + 3).
  assert.deepEqual(rows(m), [['InputLayer', [null, 5], 0], ['Gate', [null, 3], 36]]);
  assert.deepEqual(totals(m), [36, 33, 3]);
});
