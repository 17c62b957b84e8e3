// RMSNormalization and the SpectralNormalization wrapper (keras-layers.md §3.5), checked against Keras 3.15.1 (JAX).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { layerArg, run } from './harness';
import { figures, rejects } from './cases';

test('RMSNormalization: scale over the axis dims: last dim 8 → 8; axis=[1, 2] on (None, 7, 8) → 56; axis=1 → 7', () => {
  const r = run('RMSNormalization', [], {}, [null, 7, 8]);
  assert.deepEqual(r.shape, [null, 7, 8]);
  assert.equal(r.trainable, 8);
  assert.equal(run('RMSNormalization', [[1, 2]], {}, [null, 7, 8]).total, 56);
  assert.equal(run('RMSNormalization', [], { axis: 1 }, [null, 7, 8]).total, 7);
});

test('RMSNormalization errors: unknown dim at the axis; not in Keras 1/2', () => {
  assert.throws(() => run('RMSNormalization', [], {}, [null, 7, null]), KerasError);
  assert.throws(() => run('RMSNormalization', [], {}, [null, 8], { version: 2 }), /RMSNormalization/);
});

test('SpectralNormalization(Dense(5)) on (None, 8): 40 + 5 trainable, vector_u (1, 5) non-trainable → 50', () => {
  const r = run('SpectralNormalization', [layerArg('Dense', [5])], {}, [null, 8]);
  assert.deepEqual(r.shape, [null, 5]);
  assert.equal(r.trainable, 45);
  assert.equal(r.nonTrainable, 5);
});

test('SpectralNormalization: Conv2D(4, 3) on (None, 8, 8, 3) → 112 + 4 = 116; DepthwiseConv2D(3) → 30 + 1; Embedding(10, 4) → 40 + 4', () => {
  const c = run('SpectralNormalization', [layerArg('Conv2D', [4, 3])], {}, [null, 8, 8, 3]);
  assert.deepEqual(c.shape, [null, 6, 6, 4]);
  assert.equal(c.total, 116);
  assert.equal(run('SpectralNormalization', [layerArg('DepthwiseConv2D', [3])], {}, [null, 8, 8, 3]).total, 31);
  assert.equal(run('SpectralNormalization', [layerArg('Embedding', [10, 4])], {}, [null, 5]).total, 44);
  assert.equal(run('SpectralNormalization', [layerArg('Conv2DTranspose', [4, 3])], {}, [null, 8, 8, 3]).total, 115);
});

test('SpectralNormalization errors: a layer without kernel/embeddings (Dropout, SeparableConv2D, LSTM), power_iterations ≤ 0, not a layer', () => {
  const err = (re: RegExp) => (e: unknown) => e instanceof KerasError && re.test(e.message);
  assert.throws(() => run('SpectralNormalization', [layerArg('Dropout', [0.2])], {}, [null, 8]), err(/Dropout object has no attribute 'kernel' nor 'embeddings'/));
  assert.throws(() => run('SpectralNormalization', [layerArg('SeparableConv2D', [4, 3])], {}, [null, 8, 8, 3]), err(/SeparableConv2D object has no attribute/));
  assert.throws(() => run('SpectralNormalization', [layerArg('LSTM', [3])], {}, [null, 5, 8]), err(/LSTM object has no attribute/));
  assert.throws(() => run('SpectralNormalization', [layerArg('Dense', [3])], { power_iterations: 0 }, [null, 8]), err(/`power_iterations` should be greater than zero/));
  assert.throws(() => run('SpectralNormalization', [3], {}, [null, 8]), err(/isn't a supported layer type/));
});

test('SpectralNormalization(Dense(15, trainable=False)) on (None, 60): the wrapped weights follow the inner flag → 900 + 15 non-trainable (found by keras-diff s21_41)', () => {
  const dense = layerArg('Dense', [15]);
  if (dense.t === 'layer') (dense.layer as { trainable: boolean }).trainable = false;
  const r = run('SpectralNormalization', [dense], {}, [null, 60]);
  assert.equal(r.trainable, 0);
  assert.equal(r.nonTrainable, 60 * 15 + 15 + 15);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('RMSNormalization whole-path figures and errors', async () => {
  await figures('RMSNormalization()', [null, 7, 8], { shape: [null, 7, 8], params: 8 });
  await figures('RMSNormalization(axis=[1, 2])', [null, 7, 8], { shape: [null, 7, 8], params: 56 }); // 7·8
  await rejects('RMSNormalization()', [null, 8, null], /dimension at axis -1 of the input must be defined/);
  await rejects('RMSNormalization(axis=4)', [null, 7, 8], /Axis 4 is out of bounds/);
  await rejects('RMSNormalization()', [null, 8], /has no attribute 'RMSNormalization'/, { version: 2 });
});

test('SpectralNormalization whole-path figures and errors: the wrapped layer + vector_u (1, kernel[-1]) non-trainable', async () => {
  await figures('SpectralNormalization(layers.Dense(5))', [null, 8], { shape: [null, 5], params: 50, nonTrainable: 5 }); // 8·5 + 5 + 5
  // channels_first Conv2D(4, 3) on 3 ch: 4·(27+1) = 112 + vector_u 4
  await figures('SpectralNormalization(layers.Conv2D(4, 3, data_format="channels_first"))', [null, 3, 8, 8], { shape: [null, 4, 6, 6], params: 116, nonTrainable: 4 });
  await figures('SpectralNormalization(layers.Embedding(10, 4))', [null, 5], { shape: [null, 5, 4], params: 44, nonTrainable: 4 }, { dtype: 'int32' });
  await figures('SpectralNormalization(layers.Dense(5), power_iterations=2)', [null, 8], { shape: [null, 5], params: 50, nonTrainable: 5 }, { version: 2 });
  await rejects('SpectralNormalization(layers.Dropout(0.2))', [null, 8], /Dropout object has no attribute 'kernel' nor 'embeddings'/);
  await rejects('SpectralNormalization(layers.Conv2D(4, 3), power_iterations=0)', [null, 8, 8, 3], /`power_iterations` should be greater than zero/);
  await rejects('SpectralNormalization(layers.Dense(5))', [null], /min_ndim=2/);
});
