// Normalization layers. Figures worked by hand from keras-layers.md §3.5 (✔ rows) and §6b.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run, list } from './harness';
import { figures, rejects } from './cases';

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

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('BatchNormalization figures: gamma, beta trainable; moving statistics non-trainable (C = in[axis])', async () => {
  await figures('BatchNormalization()', [null, 32, 32, 16], { shape: [null, 32, 32, 16], params: 64, nonTrainable: 32 }); // 4·16
  await figures('BatchNormalization(axis=1)', [null, 3, 32, 32], { shape: [null, 3, 32, 32], params: 12, nonTrainable: 6 }); // channels_first nets
  await figures('BatchNormalization(center=False, scale=False)', [null, 10], { shape: [null, 10], params: 20, nonTrainable: 20 });
  // renorm: gamma 3 trainable; moving mean/variance + moving_stddev, renorm_mean, renorm_stddev = 5·3 non-trainable
  await figures('BatchNormalization(renorm=True, center=False)', [null, 8, 3], { shape: [null, 8, 3], params: 18, nonTrainable: 15 });
  // Keras 1: BatchNormalization(epsilon, mode, axis): axis 1 → C 8; gamma, beta + running_mean, running_std
  await figures('BatchNormalization(0.001, 0, 1)', [null, 8, 5, 5], { shape: [null, 8, 5, 5], params: 32, nonTrainable: 16 }, { version: 1 });
  await figures('BatchNormalization(axis=1, beta_init="zero")', [null, 4, 6], { shape: [null, 4, 6], params: 16, nonTrainable: 8 }, { version: 2 });
  // tf.keras list axis: every weight spans 4·5 = 20 → 4·20
  await figures('BatchNormalization(axis=[1, 2])', [null, 4, 5], { shape: [null, 4, 5], params: 80, nonTrainable: 40 }, { version: 2 });
});

test('BatchNormalization error cases', async () => {
  await rejects('BatchNormalization()', [null, null], /dimension at axis -1 of the input must be defined/);
  await rejects('BatchNormalization(axis=3)', [null, 8, 3], /Axis 3 is out of bounds for input shape \(None, 8, 3\)/);
  await rejects('BatchNormalization(axis=[1, 2])', [null, 8, 3], /`axis` must be an int in Keras 3/);
  await rejects('BatchNormalization(fused=True)', [null, 8, 3], /Unrecognized keyword arguments passed to BatchNormalization: \{'fused': True\}/);
  await rejects('BatchNormalization(mode=2)', [null, 8], /`mode=1` and `mode=2` are no longer supported/, { version: 2 });
});

test('LayerNormalization figures: gamma and beta over the normalised axes', async () => {
  await figures('LayerNormalization()', [null, 7, 10], { shape: [null, 7, 10], params: 20 }); // 2·10
  await figures('LayerNormalization(axis=[1, 2])', [null, 7, 10], { shape: [null, 7, 10], params: 140 }); // 2·7·10
  await figures('LayerNormalization(center=False)', [null, 7, 10], { shape: [null, 7, 10], params: 10 });
  await figures('LayerNormalization(axis=-2, scale=False)', [null, 8, 3], { shape: [null, 8, 3], params: 8 });
  await figures('LayerNormalization(rms_scaling=True)', [null, 8, 3], { shape: [null, 8, 3], params: 3 }); // gamma only
  // Keras 3 does not check for a repeated axis: shape (8, 8) for gamma and beta → 2·64
  await figures('LayerNormalization(axis=[1, 1])', [null, 8, 3], { shape: [null, 8, 3], params: 128 });
  await figures('LayerNormalization(axis=1)', [null, 8, 3], { shape: [null, 8, 3], params: 16 }, { version: 2 });
});

test('LayerNormalization error cases', async () => {
  await rejects('LayerNormalization()', [null, 7, null], /dimension at axis -1 of the input must be defined/);
  await rejects('LayerNormalization(axis=3)', [null, 8, 3], /Axis 3 is out of bounds/);
  await rejects('LayerNormalization(axis="x")', [null, 8, 3], /Expected an int or a list\/tuple of ints for the argument 'axis'/);
  await rejects('LayerNormalization(axis=[1, 1])', [null, 8, 3], /Duplicate axis value/, { version: 2 });
});

test('GroupNormalization figures: gamma and beta over the channels', async () => {
  await figures('GroupNormalization(8)', [null, 8, 8, 64], { shape: [null, 8, 8, 64], params: 128 }); // 2·64
  await figures('GroupNormalization(-1, center=False)', [null, 8, 6], { shape: [null, 8, 6], params: 6 }); // instance norm, gamma only
  await figures('GroupNormalization(4, axis=1)', [null, 8, 3], { shape: [null, 8, 3], params: 16 }); // 2·8
});

test('GroupNormalization error cases', async () => {
  await rejects('GroupNormalization()', [null, 8, 8, 16], /Number of groups \(32\) cannot be more than the number of channels \(16\)/);
  await rejects('GroupNormalization(6)', [null, 8, 8, 16], /must be a multiple of the number of channels/);
  await rejects('GroupNormalization(0)', [null, 8, 6], /expected a positive integer \(or `-1` for instance normalization\). Received: groups=0/);
  await rejects('GroupNormalization(2)', [null, 8, null], /Axis -1 of input tensor should have a defined dimension/);
  await rejects('GroupNormalization(axis=5)', [null, 8, 64], /Axis 5 is out of bounds/);
});

test('UnitNormalization: the input shape, 0 params; axis checks', async () => {
  await figures('UnitNormalization()', [null, 5], { shape: [null, 5], params: 0 });
  await figures('UnitNormalization(axis=(1, 2))', [null, 8, 3], { shape: [null, 8, 3], params: 0 });
  await rejects('UnitNormalization(axis=5)', [null, 8, 3], /Axis 5 is out of bounds for input shape \(None, 8, 3\)/);
  await rejects('UnitNormalization(axis="x")', [null, 8, 3], /Invalid value for `axis` argument: expected an int or a list\/tuple of ints. Received: axis=x/);
});
