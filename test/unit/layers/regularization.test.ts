// Dropout family: same shape, no weights; rate checks (Keras 3) and Keras 1 `p`. keras-layers.md §3.1 Dropout family.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';
import { figures, rejects } from './cases';

test('Dropout family keeps the shape with 0 params', () => {
  for (const cls of ['Dropout', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']) {
    const r = run(cls, [0.5], {}, [null, 1600]);
    assert.deepEqual(r.shape, [null, 1600], cls);
    assert.equal(r.total, 0, cls);
  }
  assert.deepEqual(run('ActivityRegularization', [], { l1: 0.01 }, [null, 4]).shape, [null, 4]);
});

test('rate / stddev outside [0, 1] is a Keras 3 constructor error', () => {
  assert.throws(() => run('Dropout', [1.5], {}, [null, 4]), /Expected a float value between 0 and 1. Received: rate=1.5/);
  assert.throws(() => run('GaussianNoise', [2.0], {}, [null, 4]), /stddev/);
  assert.deepEqual(run('GaussianNoise', [2.0], {}, [null, 4], { version: 2 }).shape, [null, 4]);
});

test('Keras 1 spelling Dropout(p=0.5) and GaussianNoise(sigma=0.1)', () => {
  assert.deepEqual(run('Dropout', [], { p: 0.5 }, [null, 4], { version: 1 }).shape, [null, 4]);
  assert.deepEqual(run('GaussianNoise', [], { sigma: 0.1 }, [null, 4], { version: 1 }).shape, [null, 4]);
  assert.throws(() => run('Dropout', [], { p: 0.5 }, [null, 4]), /missing 1 required positional argument: 'rate'/);
});

test('SpatialDropout1D/2D/3D need exactly rank 3/4/5', () => {
  assert.deepEqual(run('SpatialDropout1D', [0.2], {}, [null, 10, 4]).shape, [null, 10, 4]);
  assert.deepEqual(run('SpatialDropout2D', [0.2], {}, [null, 8, 8, 4]).shape, [null, 8, 8, 4]);
  assert.deepEqual(run('SpatialDropout3D', [0.2], {}, [null, 4, 8, 8, 4]).shape, [null, 4, 8, 8, 4]);
  assert.throws(() => run('SpatialDropout2D', [0.2], {}, [null, 8, 4]), (e: unknown) => e instanceof KerasError && /expected ndim=4, found ndim=3/.test(e.message));
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('dropout family figures: the input shape, 0 params; channels_first; Keras 1 p= / sigma= / dim_ordering=', async () => {
  await figures('Dropout(0.5, noise_shape=(None, 1, 3))', [null, 8, 3], { shape: [null, 8, 3], params: 0 });
  await figures('SpatialDropout1D(0.2)', [null, 10, 4], { shape: [null, 10, 4], params: 0 });
  await figures('SpatialDropout2D(0.2)', [null, 8, 8, 4], { shape: [null, 8, 8, 4], params: 0 });
  await figures('SpatialDropout2D(0.2, data_format="channels_first")', [null, 4, 8, 8], { shape: [null, 4, 8, 8], params: 0 });
  await figures('SpatialDropout3D(0.2, data_format="channels_first")', [null, 2, 4, 8, 8], { shape: [null, 2, 4, 8, 8], params: 0 });
  await figures('GaussianNoise(0.1)', [null, 6], { shape: [null, 6], params: 0 });
  await figures('GaussianDropout(0.3)', [null, 6], { shape: [null, 6], params: 0 });
  await figures('AlphaDropout(0.1)', [null, 6], { shape: [null, 6], params: 0 });
  await figures('ActivityRegularization(l1=0.01, l2=0.001)', [null, 6], { shape: [null, 6], params: 0 });
  await figures('Dropout(p=0.5)', [null, 6], { shape: [null, 6], params: 0 }, { version: 1 });
  await figures('SpatialDropout1D(p=0.2)', [null, 10, 4], { shape: [null, 10, 4], params: 0 }, { version: 1 });
  await figures('SpatialDropout2D(0.2, dim_ordering="th")', [null, 4, 8, 8], { shape: [null, 4, 8, 8], params: 0 }, { version: 1 });
  await figures('SpatialDropout3D(p=0.2, dim_ordering="th")', [null, 2, 4, 8, 8], { shape: [null, 2, 4, 8, 8], params: 0 }, { version: 1 });
  await figures('GaussianNoise(sigma=0.1)', [null, 6], { shape: [null, 6], params: 0 }, { version: 1 });
  await figures('GaussianNoise(2.0)', [null, 6], { shape: [null, 6], params: 0 }, { version: 2 }); // only Keras 3 bounds stddev
  await figures('GaussianDropout(p=0.3)', [null, 6], { shape: [null, 6], params: 0 }, { version: 1 });
});

test('dropout family error cases', async () => {
  await rejects('Dropout(1.5)', [null, 4], /Expected a float value between 0 and 1. Received: rate=1.5/);
  await rejects('Dropout()', [null, 4], /missing 1 required positional argument: 'rate'/);
  await rejects('SpatialDropout1D(0.2)', [null, 8], /expected ndim=3, found ndim=2/);
  await rejects('SpatialDropout1D(0.2, input_shape=(8, 3))', [null, 8, 3], /got an unexpected keyword argument 'input_shape'/);
  await rejects('SpatialDropout2D(1.2)', [null, 3, 8, 8], /Received: rate=1.2/);
  await rejects('SpatialDropout3D(0.2)', [null, 4, 4, 4], /expected ndim=5, found ndim=4/);
  await rejects('GaussianNoise(2.0)', [null, 4], /Received: stddev=2.0/);
  await rejects('GaussianDropout(1.5)', [null, 4], /Received: rate=1.5/);
  await rejects('AlphaDropout(-0.1)', [null, 4], /Received: rate=-0.1/);
  await rejects('ActivityRegularization(l1=-1.0)', [null, 4], /Invalid value for argument l1: expected a non-negative float. Received: l1=-1.0/);
  await rejects('ActivityRegularization(l2="x")', [null, 4], /Received: l2=x/);
  await figures('ActivityRegularization(l1=None)', [null, 4], { shape: [null, 4], params: 0 }); // None reads as 0.0
});
