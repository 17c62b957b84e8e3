// Dropout family: same shape, no weights; rate checks (Keras 3) and Keras 1 `p`. keras-layers.md §3.1 Dropout family.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';

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
  assert.throws(() => run('Dropout', [], { p: 0.5 }, [null, 4]), /Unrecognized keyword/);
});

test('SpatialDropout1D/2D/3D need exactly rank 3/4/5', () => {
  assert.deepEqual(run('SpatialDropout1D', [0.2], {}, [null, 10, 4]).shape, [null, 10, 4]);
  assert.deepEqual(run('SpatialDropout2D', [0.2], {}, [null, 8, 8, 4]).shape, [null, 8, 8, 4]);
  assert.deepEqual(run('SpatialDropout3D', [0.2], {}, [null, 4, 8, 8, 4]).shape, [null, 4, 8, 8, 4]);
  assert.throws(() => run('SpatialDropout2D', [0.2], {}, [null, 8, 4]), (e: unknown) => e instanceof KerasError && /expected ndim=4, found ndim=3/.test(e.message));
});
