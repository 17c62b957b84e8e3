// Normalization layers. Figures worked by hand from keras-layers.md §3.5 (✔ rows) and §6b.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run, list } from './harness';

test('BatchNormalization on 16 channels: T = 2·16 = 32, NT = 2·16 = 32 (§6b fixture 3)', () => {
  const r = run('BatchNormalization', [], {}, [null, 32, 32, 16]);
  assert.deepEqual(r.shape, [null, 32, 32, 16]);
  assert.equal(r.trainable, 32);
  assert.equal(r.nonTrainable, 32);
  assert.equal(r.build.formula?.numeric, '4 × 16');
  assert.deepEqual(r.build.weights.map((w) => [w.name, w.trainable]), [['gamma', true], ['beta', true], ['moving_mean', false], ['moving_variance', false]]);
});

test('BatchNormalization axis=1 (channels_first) uses in[1]: 4·3 = 12; center=False/scale=False drop T weights', () => {
  assert.equal(run('BatchNormalization', [], { axis: 1 }, [null, 3, 32, 32]).total, 12);
  const r = run('BatchNormalization', [], { center: false, scale: false }, [null, 10]);
  assert.equal(r.trainable, 0);
  assert.equal(r.nonTrainable, 20);
});

test('BatchNormalization renorm=True on C=10: T 20, NT 2·10 + 3·10 = 50', () => {
  const r = run('BatchNormalization', [], { renorm: true }, [null, 10]);
  assert.equal(r.trainable, 20);
  assert.equal(r.nonTrainable, 50);
});

test('BatchNormalization errors: None channel, axis out of range, list axis in Keras 3', () => {
  assert.throws(() => run('BatchNormalization', [], {}, [null, null]), KerasError);
  assert.throws(() => run('BatchNormalization', [], { axis: 3 }, [null, 10]), /out of bounds/);
  assert.throws(() => run('BatchNormalization', [], { axis: list(1, 2) }, [null, 4, 5]), /must be an int/);
});

test('BatchNormalization tf.keras list axis spans the product: [1,2] on (None,4,5) → 4·20 = 80', () => {
  assert.equal(run('BatchNormalization', [], { axis: list(1, 2) }, [null, 4, 5], { version: 2 }).total, 80);
});

test('BatchNormalization Keras 1: first positional is epsilon; always gamma/beta + running stats: 4·8 = 32', () => {
  const r = run('BatchNormalization', [0.001, 0, 1], {}, [null, 8, 5, 5], { version: 1 });
  assert.equal(r.trainable, 16);
  assert.equal(r.nonTrainable, 16);
  assert.throws(() => run('BatchNormalization', [], { mode: 2 }, [null, 8], { version: 2 }), /mode/);
});

test('LayerNormalization: axis -1 on (None,7,10) → 2·10 = 20; [1,2] → 2·7·10 = 140; center=False → 10', () => {
  assert.equal(run('LayerNormalization', [], {}, [null, 7, 10]).total, 20);
  assert.equal(run('LayerNormalization', [], { axis: list(1, 2) }, [null, 7, 10]).total, 140);
  assert.equal(run('LayerNormalization', [], { center: false }, [null, 7, 10]).total, 10);
  assert.throws(() => run('LayerNormalization', [], {}, [null, 7, null]), KerasError);
});

test('GroupNormalization: 8 groups on 64 ch → 2·64 = 128; default 32 groups on 16 ch fails; -1 = instance norm', () => {
  assert.equal(run('GroupNormalization', [8], {}, [null, 8, 8, 64]).total, 128);
  assert.throws(() => run('GroupNormalization', [], {}, [null, 8, 8, 16]), /cannot be more than the number of channels \(16\)/);
  assert.throws(() => run('GroupNormalization', [6], {}, [null, 8, 8, 16]), /multiple/);
  assert.equal(run('GroupNormalization', [-1], {}, [null, 8, 8, 16]).total, 32);
  assert.throws(() => run('GroupNormalization', [0], {}, [null, 8, 8, 16]), /positive integer/);
});

test('UnitNormalization keeps the shape, 0 params', () => {
  const r = run('UnitNormalization', [], {}, [null, 5]);
  assert.deepEqual(r.shape, [null, 5]);
  assert.equal(r.total, 0);
});
