// User classes: Layer subclasses in functional models, Model subclasses and their summaries.
// Expected figures are what Keras 3.15.1 printed for the same source (names included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const SRC = `import keras
from keras import layers

class Block(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.d1 = layers.Dense(units, activation="relu")
        self.d2 = layers.Dense(units)
    def call(self, x):
        return self.d2(self.d1(x)) + x

class Scale(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones", trainable=True)
        self.c = self.add_weight(shape=(), initializer="zeros", trainable=False)
    def call(self, x):
        return x * self.w

class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.inp = layers.Dense(16)
        self.block = Block(16)
        self.scale = Scale()
        self.out = layers.Dense(3)
    def call(self, x):
        return self.out(self.scale(self.block(self.inp(x))))

x = keras.Input((8,))
y = Block(8)(x)
y = Scale()(y)
func = keras.Model(x, y)
net = Net()
net.build((None, 8))
net2 = Net()
_ = net2(keras.Input((8,)))
import numpy as np
net3 = Net()
net3(np.ones((2, 8)))
`;

test('custom layers in a functional model: one row each, their sublayers and add_weight weights counted', async () => {
  await ready;
  const f = analyze(SRC);
  // Block(8): two Dense(8) on 8 = 2 × 72 = 144; Scale: w (8,) trainable + c () non-trainable = 9.
  assert.deepEqual(rows(model(f, 'func')), [['InputLayer', [null, 8], 0], ['Block', [null, 8], 144], ['Scale', [null, 8], 9]]);
  assert.deepEqual(totals(model(f, 'func')), [153, 152, 1]);
});

test('a Model subclass lists its tracked layers; build() alone leaves them unbuilt; a call builds them', async () => {
  await ready;
  const f = analyze(SRC);
  const net = model(f, 'net');
  assert.equal(net.kind, 'subclassed');
  assert.deepEqual(net.layers.map((l) => [l.name, l.type, l.unbuilt]), [
    ['dense_2', 'Dense', true], ['block_1', 'Block', true], ['scale_1', 'Scale', true], ['dense_5', 'Dense', true],
  ]);
  assert.deepEqual(totals(net), [0, 0, 0]);
  // Called on keras.Input((8,)): Dense(16) 144, Block(16) 2 × 272 = 544, Scale 16 + 1 = 17, Dense(3) 51.
  assert.deepEqual(rows(model(f, 'net2')), [['Dense', [null, 16], 144], ['Block', null, 544], ['Scale', null, 17], ['Dense', [null, 3], 51]]);
  assert.deepEqual(totals(model(f, 'net2')), [756, 755, 1]);
  // Called on a (2, 8) array: the batch dimension is 2.
  assert.deepEqual(rows(model(f, 'net3')).map((r) => r[1]), [[2, 16], null, null, [2, 3]]);
});
