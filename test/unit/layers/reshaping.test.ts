// Reshaping layers. Figures worked by hand from keras-layers.md §1.4, §3.1 and §3.4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { float } from '../../../src/analysis/keras/args';
import { run } from './harness';
import { figures, rejects } from './cases';

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

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('Flatten, Reshape, Permute, RepeatVector figures', async () => {
  await figures('Flatten()', [null, 5, 5, 64], { shape: [null, 1600], params: 0 }); // 5·5·64
  await figures('Flatten()', [null], { shape: [null, 1], params: 0 });
  await figures('Flatten()', [null, null, 3], { shape: [null, null], params: 0 });
  await figures('Flatten(data_format="channels_first")', [null, 3, 4, 5], { shape: [null, 60], params: 0 }); // order only
  await figures('Flatten(data_format="CHANNELS_FIRST")', [null, 3, 4, 5], { shape: [null, 60], params: 0 }); // lower-cased
  await figures('Flatten()', [null, 4, 5], { shape: [null, 20], params: 0 }, { version: 2 });
  await figures('Reshape((3, 4))', [null, 12], { shape: [null, 3, 4], params: 0 });
  await figures('Reshape([-1, 2, 2])', [null, 12], { shape: [null, 3, 2, 2], params: 0 }); // 12 / (2·2) = 3
  await figures('Reshape((None, 4))', [null, 12], { shape: [null, null, 4], params: 0 }); // None kept, no check
  await figures('Reshape((-1, 4))', [null, null, 4], { shape: [null, null, 4], params: 0 });
  await figures('Reshape((3, 4))', [null, 12], { shape: [null, 3, 4], params: 0 }, { version: 1 });
  await figures('Permute((2, 1))', [null, 10, 64], { shape: [null, 64, 10], params: 0 });
  await figures('Permute((3, 1, 2))', [null, 10, 64, 3], { shape: [null, 3, 10, 64], params: 0 });
  await figures('Permute((2, 1))', [null, 10, 64], { shape: [null, 64, 10], params: 0 }, { version: 1 });
  await figures('RepeatVector(3)', [null, 32], { shape: [null, 3, 32], params: 0 });
  await figures('RepeatVector(3)', [null, 32], { shape: [null, 3, 32], params: 0 }, { version: 1 });
});

test('Flatten, Reshape, Permute, RepeatVector error cases', async () => {
  await rejects('Flatten(data_format="channels_middle")', [null, 4, 5], /The `data_format` argument must be one of \{'channels_first', 'channels_last'\}. Received: data_format=channels_middle/);
  await rejects('Flatten()', [null, 7], /expected min_ndim=3, found ndim=2/, { version: 2 });
  await rejects('Flatten()', [null, null, 3], /not fully defined/, { version: 1 });
  await rejects('Reshape((5, 3))', [null, 12], /The total size of the tensor must be unchanged. Received: input_shape=\(12,\), target_shape=\(5, 3\)/);
  await rejects('Reshape((-1, 5))', [null, 12], /input size cannot by divided by the specified dimensions/);
  await rejects('Reshape((-1, 0))', [null, 12], /input size cannot by divided/);
  await rejects('Reshape((-1, -1))', [null, 12], /at most one unknown dimension \(-1\)/);
  await rejects('Reshape((-2, 6))', [null, 12], /must be a non-negative integer, or `-1`/);
  await rejects('Reshape(12)', [null, 12], /'int' object is not iterable/);
  await rejects('Permute((1, 3))', [null, 10, 64], /Invalid permutation argument `dims` for Permute Layer/);
  await rejects('Permute((2, 1))', [null, 10, 64, 3], /expected ndim=3, found ndim=4/);
  await rejects('RepeatVector(3)', [null, 4, 32], /expected ndim=2, found ndim=3/);
  await rejects('RepeatVector(0)', [null, 32], /Argument `n` should be a positive integer. Received: n=0/);
  await rejects('RepeatVector(2.0)', [null, 32], /Expected an integer value for `n`, got <class 'float'>/);
});

test('ZeroPadding figures: int, pairs, mixed, channels_first; Keras 3 ZeroPadding2D/3D take a bare negative int; Keras 1 forms', async () => {
  await figures('ZeroPadding1D((1, 2))', [null, 10, 4], { shape: [null, 13, 4], params: 0 }); // 10 + 1 + 2
  await figures('ZeroPadding1D(2, data_format="channels_first")', [null, 4, 10], { shape: [null, 4, 14], params: 0 });
  await figures('ZeroPadding2D((1, 2))', [null, 10, 10, 3], { shape: [null, 12, 14, 3], params: 0 }); // 10+1+1, 10+2+2
  await figures('ZeroPadding2D(((1, 2), 3))', [null, 10, 10, 3], { shape: [null, 13, 16, 3], params: 0 }); // 10+1+2, 10+3+3
  await figures('ZeroPadding2D(2, data_format="channels_first")', [null, 3, 10, 10], { shape: [null, 3, 14, 14], params: 0 });
  await figures('ZeroPadding2D(-1)', [null, 10, 10, 3], { shape: [null, 8, 8, 3], params: 0 }); // 10 − 1 − 1, unchecked
  await figures('ZeroPadding3D(((1, 2), (0, 1), (2, 2)), data_format="channels_first")', [null, 2, 4, 5, 6], { shape: [null, 2, 7, 6, 10], params: 0 });
  await figures('ZeroPadding3D()', [null, 4, null, 4, 2], { shape: [null, 6, null, 6, 2], params: 0 });
  await figures('ZeroPadding1D(padding=2)', [null, 10, 4], { shape: [null, 14, 4], params: 0 }, { version: 1 });
  // Keras 1 4-tuple (top, bottom, left, right) = (1, 0, 2, 0) with 'th': 10 + 1 = 11, 10 + 2 = 12
  await figures('ZeroPadding2D((1, 0, 2, 0), dim_ordering="th")', [null, 3, 10, 10], { shape: [null, 3, 11, 12], params: 0 }, { version: 1 });
  await figures('ZeroPadding2D(padding={"top_pad": 2, "left_pad": 1})', [null, 10, 10, 3], { shape: [null, 12, 11, 3], params: 0 }, { version: 1 });
  await figures('ZeroPadding3D((1, 1, 1), dim_ordering="th")', [null, 2, 4, 5, 6], { shape: [null, 2, 6, 7, 8], params: 0 }, { version: 1 });
});

test('ZeroPadding error cases', async () => {
  await rejects('ZeroPadding1D((1, 2, 3))', [null, 10, 4], /`padding` should have 1 elements|tuple of 2/);
  await rejects('ZeroPadding1D(-1)', [null, 10, 4], /cannot be negative/);
  await rejects('ZeroPadding1D(1)', [null, 10], /expected ndim=3, found ndim=2/);
  await rejects('ZeroPadding2D((1, 2, 3))', [null, 10, 10, 3], /`padding` should have 2 elements/);
  await rejects('ZeroPadding2D(((1, -2), (3, 4)))', [null, 10, 10, 3], /cannot be negative/);
  await rejects('ZeroPadding2D(-6)', [null, 10, 10, 3], /Cannot convert '\(None, -2, -2, 3\)' to a shape. Negative dimensions are not allowed/);
  await rejects('ZeroPadding2D(1)', [null, 10, 3], /expected ndim=4, found ndim=3/);
  await rejects('ZeroPadding3D((1, 2))', [null, 4, 5, 6, 2], /`padding` should have 3 elements/);
  await rejects('ZeroPadding3D(1)', [null, 4, 5, 6], /expected ndim=5, found ndim=4/);
});

test('Cropping figures: pairs, mixed, channels_first, None dims; Keras 1 forms', async () => {
  await figures('Cropping1D((2, 3))', [null, 10, 4], { shape: [null, 5, 4], params: 0 }); // 10 − 2 − 3
  await figures('Cropping2D(((1, 2), (3, 4)), data_format="channels_first")', [null, 3, 10, 12], { shape: [null, 3, 7, 5], params: 0 });
  await figures('Cropping2D(((1, 2), 3))', [null, 10, 10, 3], { shape: [null, 7, 4, 3], params: 0 }); // 10−1−2, 10−3−3
  await figures('Cropping3D(((1, 1), (2, 2), (0, 1)), data_format="channels_first")', [null, 2, 6, 6, 6], { shape: [null, 2, 4, 2, 5], params: 0 });
  await figures('Cropping3D(2)', [null, 6, null, 6, 1], { shape: [null, 2, null, 2, 1], params: 0 });
  await figures('Cropping1D(cropping=(1, 1))', [null, 10, 4], { shape: [null, 8, 4], params: 0 }, { version: 1 });
  await figures('Cropping2D(((1, 1), (2, 2)), dim_ordering="th")', [null, 3, 10, 10], { shape: [null, 3, 8, 6], params: 0 }, { version: 1 });
  await figures('Cropping3D(dim_ordering="th")', [null, 2, 6, 6, 6], { shape: [null, 2, 4, 4, 4], params: 0 }, { version: 1 }); // default 1 each side
});

test('Cropping error cases', async () => {
  await rejects('Cropping1D(5)', [null, 10, 4], /`cropping` parameter of `Cropping1D` layer must be smaller than the input length/);
  await rejects('Cropping1D(1)', [null, 10], /expected ndim=3, found ndim=2/);
  await rejects('Cropping1D(-1)', [null, 10, 4], /cannot be negative/);
  await rejects('Cropping2D(-1)', [null, 10, 10, 3], /`cropping` cannot be negative. Received: cropping=-1/);
  await rejects('Cropping2D(5)', [null, 10, 10, 1], /should be smaller than the corresponding spatial dimension/);
  await rejects('Cropping3D(((1, 1), (1, 1)))', [null, 6, 6, 6, 1], /`cropping` should have 3 elements/);
  await rejects('Cropping3D(3)', [null, 6, 6, 6, 1], /should be smaller than the corresponding spatial dimension/);
});

test('UpSampling figures: sizes, interpolation, channels_first, Keras 1 length= / dim_ordering=', async () => {
  await figures('UpSampling1D(3)', [null, 10, 4], { shape: [null, 30, 4], params: 0 });
  await figures('UpSampling2D((2, 3), interpolation="bilinear")', [null, 4, 5, 3], { shape: [null, 8, 15, 3], params: 0 });
  await figures('UpSampling2D(2, data_format="channels_first")', [null, 3, 4, 5], { shape: [null, 3, 8, 10], params: 0 });
  await figures('UpSampling3D((1, 2, 3), data_format="channels_first")', [null, 2, 4, 5, 6], { shape: [null, 2, 4, 10, 18], params: 0 });
  await figures('UpSampling3D()', [null, 2, null, 3, 1], { shape: [null, 4, null, 6, 1], params: 0 });
  await figures('UpSampling1D(length=3)', [null, 10, 4], { shape: [null, 30, 4], params: 0 }, { version: 1 });
  await figures('UpSampling2D(size=(2, 2), dim_ordering="th")', [null, 3, 4, 5], { shape: [null, 3, 8, 10], params: 0 }, { version: 1 });
  await figures('UpSampling3D(dim_ordering="th")', [null, 2, 4, 5, 6], { shape: [null, 2, 8, 10, 12], params: 0 }, { version: 1 });
});

test('UpSampling error cases', async () => {
  await rejects('UpSampling1D(0)', [null, 10, 4], /Argument `size` should be a positive integer. Received: size=0/);
  await rejects('UpSampling1D((2,))', [null, 10, 4], /Expected an integer value for `size`, got <class 'tuple'>/);
  await rejects('UpSampling1D(2)', [null, 10], /expected ndim=3, found ndim=2/);
  await rejects('UpSampling2D(0)', [null, 4, 5, 3], /positive integers/);
  await rejects('UpSampling2D(2)', [null, 4, 5], /expected ndim=4, found ndim=3/);
  await rejects('UpSampling3D((2, 2))', [null, 4, 5, 6, 1], /must be a tuple of 3 integers/);
  await rejects('UpSampling3D(2)', [null, 4, 5, 6], /expected ndim=5, found ndim=4/);
});
