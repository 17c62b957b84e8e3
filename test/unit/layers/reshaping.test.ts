// Reshaping layers. Figures worked by hand from keras-layers.md §1.4, §3.1 and §3.4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { float } from '../../../src/analysis/keras/args';
import { run } from './harness';

test('Flatten (None,5,5,64) → 5·5·64 = 1600 (§6b fixture 1)', () => {
  const r = run('Flatten', [], {}, [null, 5, 5, 64]);
  assert.deepEqual(r.shape, [null, 1600]);
  assert.equal(r.total, 0);
});

test('Flatten Keras 3: None dim → (None, None); rank 2 ok; rank 1 → (B, 1)', () => {
  assert.deepEqual(run('Flatten', [], {}, [null, null, 3]).shape, [null, null]);
  assert.deepEqual(run('Flatten', [], {}, [null, 7]).shape, [null, 7]);
  assert.deepEqual(run('Flatten', [], {}, [null]).shape, [null, 1]);
});

test('Flatten Keras 1/2: rank 2 and None dims are errors', () => {
  assert.throws(() => run('Flatten', [], {}, [null, 7], { version: 2 }), /min_ndim=3/);
  assert.throws(() => run('Flatten', [], {}, [null, null, 3], { version: 1 }), /not fully defined/);
});

test('Reshape: (None,12) → (3,4); -1 → 12 / 4 = 3 and 12 / (2·2) = 3', () => {
  assert.deepEqual(run('Reshape', [[3, 4]], {}, [null, 12]).shape, [null, 3, 4]);
  assert.deepEqual(run('Reshape', [[-1, 4]], {}, [null, 12]).shape, [null, 3, 4]);
  assert.deepEqual(run('Reshape', [[-1, 2, 2]], {}, [null, 12]).shape, [null, 3, 2, 2]);
});

test('Reshape with None input dims leaves -1 as None', () => {
  assert.deepEqual(run('Reshape', [[-1, 4]], {}, [null, null, 4]).shape, [null, null, 4]);
});

test('Reshape errors: size mismatch, not divisible, two -1, bare int', () => {
  assert.throws(() => run('Reshape', [[5, 3]], {}, [null, 12]), /total size of the tensor must be unchanged/);
  assert.throws(() => run('Reshape', [[-1, 5]], {}, [null, 12]), /cannot by divided/);
  assert.throws(() => run('Reshape', [[-1, -1]], {}, [null, 12]), /at most one unknown dimension/);
  assert.throws(() => run('Reshape', [12], {}, [null, 12]), KerasError);
});

test('Permute((2, 1)) on (None,10,64) → (None,64,10); bad dims and ranks', () => {
  assert.deepEqual(run('Permute', [[2, 1]], {}, [null, 10, 64]).shape, [null, 64, 10]);
  assert.throws(() => run('Permute', [[1, 3]], {}, [null, 10, 64]), /Invalid permutation/);
  assert.throws(() => run('Permute', [[2, 1]], {}, [null, 10, 64, 3]), /expected ndim=3/);
});

test('RepeatVector(3) on (None,32) → (None,3,32); n checks; rank 2 only', () => {
  assert.deepEqual(run('RepeatVector', [3], {}, [null, 32]).shape, [null, 3, 32]);
  assert.throws(() => run('RepeatVector', [0], {}, [null, 32]), /positive integer/);
  assert.throws(() => run('RepeatVector', [float(2)], {}, [null, 32]), /Expected an integer/);
  assert.throws(() => run('RepeatVector', [3], {}, [null, 4, 32]), /expected ndim=2/);
});

test('ZeroPadding2D: (1,2) on 10×10 → 10+1+1 = 12, 10+2+2 = 14; ((1,2),(3,4)) → 13 × 17', () => {
  assert.deepEqual(run('ZeroPadding2D', [[1, 2]], {}, [null, 10, 10, 3]).shape, [null, 12, 14, 3]);
  assert.deepEqual(run('ZeroPadding2D', [[[1, 2], [3, 4]]], {}, [null, 10, 10, 3]).shape, [null, 13, 17, 3]);
  assert.deepEqual(run('ZeroPadding2D', [], {}, [null, 10, 10, 3]).shape, [null, 12, 12, 3]);
});

test('ZeroPadding channels_first pads axes 2..; 1D/3D; None stays None', () => {
  assert.deepEqual(run('ZeroPadding2D', [2], { data_format: 'channels_first' }, [null, 3, 10, 10]).shape, [null, 3, 14, 14]);
  assert.deepEqual(run('ZeroPadding1D', [[1, 2]], {}, [null, 10, 4]).shape, [null, 13, 4]);
  assert.deepEqual(run('ZeroPadding3D', [], {}, [null, 4, null, 4, 2]).shape, [null, 6, null, 6, 2]);
});

test('ZeroPadding2D Keras 1 4-tuple and dim_ordering="th"', () => {
  // (top, bottom, left, right) = (1, 0, 2, 0): 10+1 = 11, 10+2 = 12; 'th' = channels_first
  assert.deepEqual(run('ZeroPadding2D', [[1, 0, 2, 0]], { dim_ordering: 'th' }, [null, 3, 10, 10], { version: 1 }).shape, [null, 3, 11, 12]);
  assert.throws(() => run('ZeroPadding2D', [[1, 0, 2, 0]], {}, [null, 10, 10, 3]), KerasError);
});

test('Cropping: 1D default (1,1): 10−2 = 8; 2D ((2,2),(4,4)) on 28×28 → 24 × 20; 3D default on 6³ → 4³', () => {
  assert.deepEqual(run('Cropping1D', [], {}, [null, 10, 4]).shape, [null, 8, 4]);
  assert.deepEqual(run('Cropping2D', [[[2, 2], [4, 4]]], {}, [null, 28, 28, 1]).shape, [null, 24, 20, 1]);
  assert.deepEqual(run('Cropping2D', [], {}, [null, 28, 28, 1]).shape, [null, 28, 28, 1]);
  assert.deepEqual(run('Cropping3D', [], {}, [null, 6, 6, 6, 1]).shape, [null, 4, 4, 4, 1]);
});

test('Cropping that removes everything is a Keras 3 error', () => {
  assert.throws(() => run('Cropping2D', [5], {}, [null, 10, 10, 1]), /should be smaller than the corresponding spatial dimension/);
  assert.throws(() => run('Cropping2D', [-1], {}, [null, 10, 10, 1]), /negative/);
});

test('UpSampling: 1D size 2: 10 → 20; 2D (2,3) on 4×5 → 8 × 15; 3D default doubles; channels_first', () => {
  assert.deepEqual(run('UpSampling1D', [], {}, [null, 10, 4]).shape, [null, 20, 4]);
  assert.deepEqual(run('UpSampling2D', [[2, 3]], {}, [null, 4, 5, 3]).shape, [null, 8, 15, 3]);
  assert.deepEqual(run('UpSampling3D', [], {}, [null, 2, null, 3, 1]).shape, [null, 4, null, 6, 1]);
  assert.deepEqual(run('UpSampling2D', [2], { data_format: 'channels_first' }, [null, 3, 4, 5]).shape, [null, 3, 8, 10]);
  assert.deepEqual(run('UpSampling1D', [], { length: 3 }, [null, 10, 4], { version: 1 }).shape, [null, 30, 4]);
});
