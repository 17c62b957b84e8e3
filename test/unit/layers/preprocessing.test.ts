// Preprocessing layers. Figures worked by hand from keras-layers.md §3.9 (✔ rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';
import { figures, rejects } from './cases';

test('Normalization NT = 2·prod(kept dims) + 1: axis None → 3; -1 on (None,10) → 21; (None,8,8,3) → 7; (1,2) on (None,4,5,3) → 41', () => {
  assert.equal(run('Normalization', [], { axis: null }, [null, 10]).nonTrainable, 3);
  const r = run('Normalization', [], {}, [null, 10]);
  assert.equal(r.nonTrainable, 21);
  assert.equal(r.trainable, 0);
  assert.equal(run('Normalization', [], {}, [null, 8, 8, 3]).total, 7);
  assert.equal(run('Normalization', [], { axis: [1, 2] }, [null, 4, 5, 3]).total, 41);
});

test('Normalization with mean and variance has no weights; only one of them is an error; kept axes must be known', () => {
  assert.equal(run('Normalization', [], { mean: 0.5, variance: 2.0 }, [null, 10]).total, 0);
  assert.throws(() => run('Normalization', [], { mean: 0.5 }, [null, 10]), /both `mean` and `variance`/);
  assert.throws(() => run('Normalization', [], {}, [null, null]), /known shape/);
});

test('Rescaling and the Random* augmentations keep the shape', () => {
  assert.deepEqual(run('Rescaling', [1 / 255], {}, [null, 32, 32, 3]).shape, [null, 32, 32, 3]);
  for (const cls of ['RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomTranslation', 'RandomContrast', 'RandomBrightness']) {
    const args = cls === 'RandomFlip' ? [] : cls === 'RandomZoom' || cls === 'RandomTranslation' ? [0.1, 0.1] : [0.1];
    assert.deepEqual(run(cls, args, {}, [null, 32, 32, 3]).shape, [null, 32, 32, 3], cls);
  }
});

test('Resizing / CenterCrop replace H and W: batched, unbatched, channels_first', () => {
  assert.deepEqual(run('Resizing', [64, 48], {}, [null, 32, 32, 3]).shape, [null, 64, 48, 3]);
  assert.deepEqual(run('Resizing', [64, 48], {}, [32, 32, 3]).shape, [64, 48, 3]);
  assert.deepEqual(run('CenterCrop', [24, 20], { data_format: 'channels_first' }, [null, 3, 32, 32]).shape, [null, 3, 24, 20]);
  assert.throws(() => run('CenterCrop', [24, 24], {}, [null, 32, 32, 32, 3]), KerasError);
});

test('RandomCrop replaces H and W counted from the end', () => {
  assert.deepEqual(run('RandomCrop', [24, 24], {}, [null, 32, 32, 3]).shape, [null, 24, 24, 3]);
  assert.deepEqual(run('RandomCrop', [24, 20], { data_format: 'channels_first' }, [null, 3, 32, 32]).shape, [null, 3, 24, 20]);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('Rescaling and Normalization figures: Normalization NT = 2·prod(kept dims) + 1 unless mean and variance are given', async () => {
  await figures('Rescaling(1 / 255, offset=-1.0)', [null, 32, 32, 3], { shape: [null, 32, 32, 3], params: 0 });
  await figures('Rescaling(2.0)', [null], { shape: [null], params: 0 });
  await figures('Normalization(axis=None)', [null, 10], { shape: [null, 10], params: 3, nonTrainable: 3 }); // scalar mean, variance, count
  await figures('Normalization()', [null, 10], { shape: [null, 10], params: 21, nonTrainable: 21 }); // 2·10 + 1
  await figures('Normalization()', [null, 8, 8, 3], { shape: [null, 8, 8, 3], params: 7, nonTrainable: 7 }); // 2·3 + 1
  await figures('Normalization(axis=(1, 2))', [null, 4, 5, 3], { shape: [null, 4, 5, 3], params: 41, nonTrainable: 41 }); // 2·20 + 1
  await figures('Normalization(invert=True)', [null, 4, 5], { shape: [null, 4, 5], params: 11, nonTrainable: 11 });
  await figures('Normalization(mean=0.5, variance=2.0)', [null, 10], { shape: [null, 10], params: 0 });
});

test('Rescaling and Normalization error cases', async () => {
  await rejects('Rescaling()', [null, 4], /missing 1 required positional argument: 'scale'/);
  await rejects('Normalization(axis=3)', [null, 10], /All `axis` values must be in the range \[-ndim, ndim\)/);
  await rejects('Normalization(mean=0.5)', [null, 10], /both `mean` and `variance` must be set. Received: mean=0.5 and variance=None/);
  await rejects('Normalization()', [null, null], /must have a known shape/);
});

test('Resizing, CenterCrop, RandomCrop figures: height and width replaced; batched, unbatched, channels_first', async () => {
  await figures('Resizing(64, 48)', [null, 32, 32, 3], { shape: [null, 64, 48, 3], params: 0 });
  await figures('Resizing(64, 48, data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 64, 48], params: 0 });
  await figures('Resizing(64, 48)', [null, 3, 32, 32], { shape: [null, 3, 64, 48], params: 0 }, { dataFormat: 'channels_first' });
  await figures('Resizing(64, 48)', [32, 32, 3], { shape: [64, 48, 3], params: 0 }); // rank 3: one unbatched image
  await figures('CenterCrop(24, 20, data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 24, 20], params: 0 });
  await figures('CenterCrop(24, 20)', [32, 32, 3], { shape: [24, 20, 3], params: 0 });
  await figures('RandomCrop(24, 24)', [null, 32, 32, 3], { shape: [null, 24, 24, 3], params: 0 });
  await figures('RandomCrop(24, 20, data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 24, 20], params: 0 });
  await figures('RandomCrop(24, 20)', [null, 5, 32, 32, 3], { shape: [null, 5, 24, 20, 3], params: 0 }); // axes counted from the end
});

test('Resizing, CenterCrop, RandomCrop error cases', async () => {
  await rejects('Resizing(64)', [null, 32, 32, 3], /missing 1 required positional argument: 'width'/);
  await rejects('Resizing(64, 48, data_format="nhwc")', [null, 32, 32, 3], /Received: data_format=nhwc/);
  await rejects('CenterCrop(24, 24)', [null, 32, 32, 32, 3], /size 3 \(unbatched\) or 4 \(batched\)/);
  await rejects('CenterCrop(24)', [null, 32, 32, 3], /missing 1 required positional argument: 'width'/);
  await rejects('RandomCrop(24, 24)', [null, 32], /rank 3 or 4/);
  await rejects('RandomCrop(24)', [null, 32, 32, 3], /missing 1 required positional argument: 'width'/);
});

test('random augmentations: the input shape, 0 params, channels_first', async () => {
  await figures('RandomFlip()', [null, 32, 32, 3], { shape: [null, 32, 32, 3], params: 0 });
  await figures('RandomFlip("horizontal", data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 32, 32], params: 0 });
  await figures('RandomRotation((0.3, 0.1))', [null, 32, 32, 3], { shape: [null, 32, 32, 3], params: 0 });
  await figures('RandomRotation(0.1, fill_mode="constant", data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 32, 32], params: 0 });
  await figures('RandomZoom((-0.3, 0.2), 0.1)', [null, 32, 32, 3], { shape: [null, 32, 32, 3], params: 0 });
  await figures('RandomZoom(0.2, data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 32, 32], params: 0 });
  await figures('RandomTranslation(0.1, 0.1, data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 32, 32], params: 0 });
  await figures('RandomContrast(0.2, data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 32, 32], params: 0 });
  await figures('RandomBrightness(0.2, value_range=(0, 255), data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 3, 32, 32], params: 0 });
});

test('random augmentation error cases: factor bounds, fill modes, value_range, required arguments', async () => {
  await rejects('RandomFlip(data_format="nchw")', [null, 32, 32, 3], /The `data_format` argument must be one of/);
  await rejects('RandomRotation()', [null, 32, 32, 3], /missing 1 required positional argument: 'factor'/);
  await rejects('RandomRotation(1.5)', [null, 32, 32, 3], /in the range \[-1, 1\]. Received: factor=1.5/);
  await rejects('RandomRotation(0.1, fill_mode="foo")', [null, 32, 32, 3], /Unknown `fill_mode` foo. Expected of one \('reflect', 'wrap', 'constant', 'nearest'\)/);
  await rejects('RandomZoom(1.5)', [null, 32, 32, 3], /in the range \(-1.0, 1.0\]. Received: input_number=1.5/);
  await rejects('RandomZoom(-1.0)', [null, 32, 32, 3], /Received: input_number=-1.0/);
  await rejects('RandomZoom(0.2, interpolation="cubic")', [null, 32, 32, 3], /Unknown `interpolation` cubic/);
  await rejects('RandomTranslation(0.1)', [null, 32, 32, 3], /missing 1 required positional argument: 'width_factor'/);
  await rejects('RandomTranslation(1.5, 0.1)', [null, 32, 32, 3], /in the range \[-1.0, 1.0\]. Received: input_number=1.5/);
  await rejects('RandomContrast(-0.1)', [null, 32, 32, 3], /in the range \[0, 1\]. Received: factor=-0.1/);
  await rejects('RandomBrightness(1.5)', [null, 32, 32, 3], /in the range \[-1, 1\]. Received: factor=1.5/);
  await rejects('RandomBrightness(0.2, value_range=(0,))', [null, 32, 32, 3], /`value_range` argument should be a list of two numbers. Received: value_range=\(0,\)/);
});
