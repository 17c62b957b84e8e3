// Pooling layers. Figures worked by hand from keras-layers.md §1.3 and §3.3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { findLayer } from '../../../src/analysis/keras/catalogue';
import { run } from './harness';
import { figures, rejects } from './cases';

test('MaxPooling2D((2,2)) on (None,26,26,32) → 13×13 (§6b fixture 1); 7×7 → ⌊(7−2)/2⌋+1 = 3; same → ⌈7/2⌉ = 4', () => {
  assert.deepEqual(run('MaxPooling2D', [[2, 2]], {}, [null, 26, 26, 32]).shape, [null, 13, 13, 32]);
  assert.deepEqual(run('MaxPooling2D', [], {}, [null, 7, 7, 3]).shape, [null, 3, 3, 3]);
  const r = run('MaxPool2D', [], { padding: 'same' }, [null, 7, 7, 3]);
  assert.deepEqual(r.shape, [null, 4, 4, 3]);
  assert.equal(r.total, 0);
  assert.equal(findLayer('MaxPool2D')?.className, 'MaxPooling2D');
});

test('Pooling with explicit strides: pool 3 stride 1 on 10 → 8; 1D default 2 on 9 → 4; 3D on 4³ → 2³', () => {
  assert.deepEqual(run('AveragePooling2D', [3], { strides: 1 }, [null, 10, 10, 1]).shape, [null, 8, 8, 1]);
  assert.deepEqual(run('MaxPooling1D', [], {}, [null, 9, 5]).shape, [null, 4, 5]);
  assert.deepEqual(run('AvgPool3D', [2], {}, [null, 4, 4, 4, 2]).shape, [null, 2, 2, 2, 2]);
});

test('Pooling channels_first pools axes 2..', () => {
  assert.deepEqual(run('MaxPooling2D', [], { data_format: 'channels_first' }, [null, 3, 8, 8]).shape, [null, 3, 4, 4]);
});

test('Pooling errors: 1×1 input, upper-case padding (Keras 3 only), wrong rank, AveragePooling without pool_size', () => {
  assert.throws(() => run('MaxPooling2D', [], {}, [null, 1, 1, 3]), /zero or negative/);
  assert.throws(() => run('MaxPooling2D', [], { padding: 'SAME' }, [null, 8, 8, 3]), /padding/);
  assert.deepEqual(run('MaxPooling2D', [], { padding: 'SAME' }, [null, 7, 7, 3], { version: 2 }).shape, [null, 4, 4, 3]);
  assert.throws(() => run('MaxPooling2D', [], {}, [null, 8, 3]), (e: unknown) => e instanceof KerasError && /expected ndim=4/.test(e.message));
  assert.throws(() => run('AveragePooling2D', [], {}, [null, 8, 8, 3]), /pool_size/);
  assert.deepEqual(run('AveragePooling2D', [], {}, [null, 8, 8, 3], { version: 2 }).shape, [null, 4, 4, 3]);
});

test('Keras 1 MaxPooling1D(pool_length=3, stride=1) on 10 → 8; MaxPooling2D(border_mode="same", dim_ordering="th")', () => {
  assert.deepEqual(run('MaxPooling1D', [], { pool_length: 3, stride: 1 }, [null, 10, 4], { version: 1 }).shape, [null, 8, 4]);
  assert.deepEqual(run('MaxPooling2D', [[2, 2]], { border_mode: 'same', dim_ordering: 'th' }, [null, 3, 7, 7], { version: 1 }).shape, [null, 3, 4, 4]);
});

test('Global pooling: (B, C); keepdims → ones; channels_first; aliases', () => {
  assert.deepEqual(run('GlobalAveragePooling2D', [], {}, [null, 8, 8, 16]).shape, [null, 16]);
  assert.deepEqual(run('GlobalMaxPooling1D', [], {}, [null, null, 16]).shape, [null, 16]);
  assert.deepEqual(run('GlobalAvgPool2D', [], { keepdims: true }, [null, 8, 8, 16]).shape, [null, 1, 1, 16]);
  assert.deepEqual(run('GlobalMaxPool3D', [], { data_format: 'channels_first', keepdims: true }, [null, 16, 4, 4, 4]).shape, [null, 16, 1, 1, 1]);
  assert.throws(() => run('GlobalAveragePooling2D', [], {}, [null, 16]), /expected ndim=4/);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.
// Lengths: valid ⌊(in − p) / s⌋ + 1, same ⌈in / s⌉, strides default to pool_size; channels unchanged, 0 params.

test('MaxPooling figures: defaults, strides, same, channels_first, aliases, Keras 1 spellings', async () => {
  await figures('MaxPooling1D()', [null, 9, 5], { shape: [null, 4, 5], params: 0 }); // ⌊(9 − 2)/2⌋ + 1
  await figures('MaxPooling1D(3, padding="same", data_format="channels_first")', [null, 4, 10], { shape: [null, 4, 4], params: 0 }); // ⌈10/3⌉
  await figures('MaxPool1D(2, strides=1)', [null, 9, 5], { shape: [null, 8, 5], params: 0 });
  await figures('MaxPooling1D(pool_length=3, stride=1)', [null, 10, 4], { shape: [null, 8, 4], params: 0 }, { version: 1 });
  await figures('MaxPooling2D((2, 2))', [null, 26, 26, 32], { shape: [null, 13, 13, 32], params: 0 });
  await figures('MaxPooling2D(data_format="channels_first")', [null, 3, 8, 8], { shape: [null, 3, 4, 4], params: 0 });
  await figures('MaxPool2D(padding="same")', [null, 7, 7, 3], { shape: [null, 4, 4, 3], params: 0 }); // ⌈7/2⌉
  await figures('MaxPooling2D((2, 2), border_mode="same", dim_ordering="th")', [null, 3, 7, 7], { shape: [null, 3, 4, 4], params: 0 }, { version: 1 });
  await figures('MaxPooling2D(padding="SAME")', [null, 7, 7, 3], { shape: [null, 4, 4, 3], params: 0 }, { version: 2 }); // tf.keras lower-cases
  await figures('MaxPooling3D((2, 2, 2), strides=(1, 2, 2), data_format="channels_first")', [null, 2, 4, 6, 6], { shape: [null, 2, 3, 3, 3], params: 0 });
  await figures('MaxPool3D()', [null, 4, 5, 6, 1], { shape: [null, 2, 2, 3, 1], params: 0 });
  await figures('MaxPooling3D(pool_size=(2, 2, 2), dim_ordering="th")', [null, 1, 4, 4, 4], { shape: [null, 1, 2, 2, 2], params: 0 }, { version: 1 });
});

test('AveragePooling figures: pool_size required in Keras 3, default 2 in Keras 1/2', async () => {
  await figures('AveragePooling1D(4, strides=2, padding="same")', [null, 9, 4], { shape: [null, 5, 4], params: 0 }); // ⌈9/2⌉
  await figures('AveragePooling1D(3, data_format="channels_first")', [null, 4, 9], { shape: [null, 4, 3], params: 0 });
  await figures('AvgPool1D(3)', [null, 9, 4], { shape: [null, 3, 4], params: 0 });
  await figures('AveragePooling1D()', [null, 9, 4], { shape: [null, 4, 4], params: 0 }, { version: 2 });
  await figures('AveragePooling1D(pool_length=3, border_mode="same")', [null, 10, 4], { shape: [null, 4, 4], params: 0 }, { version: 1 }); // ⌈10/3⌉
  await figures('AveragePooling2D(3, strides=1)', [null, 10, 10, 1], { shape: [null, 8, 8, 1], params: 0 });
  await figures('AveragePooling2D((2, 3), strides=(1, 2), padding="same", data_format="channels_first")', [null, 3, 7, 7], { shape: [null, 3, 7, 4], params: 0 });
  await figures('AvgPool2D(2)', [null, 8, 8, 3], { shape: [null, 4, 4, 3], params: 0 });
  await figures('AveragePooling2D(dim_ordering="th")', [null, 3, 8, 8], { shape: [null, 3, 4, 4], params: 0 }, { version: 1 });
  await figures('AveragePooling3D(2, data_format="channels_first")', [null, 1, 4, 5, 6], { shape: [null, 1, 2, 2, 3], params: 0 });
  await figures('AvgPool3D(2)', [null, 4, 4, 4, 2], { shape: [null, 2, 2, 2, 2], params: 0 });
  await figures('AveragePooling3D(border_mode="same")', [null, 3, 3, 3, 1], { shape: [null, 2, 2, 2, 1], params: 0 }, { version: 1 });
});

test('pooling error cases', async () => {
  await rejects('MaxPooling1D(0)', [null, 10, 4], /`pool_size` argument must be a tuple of 1 integers/);
  await rejects('MaxPooling1D(3, strides=0)', [null, 10, 4], /`strides`/);
  await rejects('MaxPooling1D()', [null, 10], /expected ndim=3, found ndim=2/);
  await rejects('MaxPooling1D(3)', [null, 2, 4], /Computed output size would be zero or negative/);
  await rejects('MaxPooling2D()', [null, 1, 1, 3], /Computed output size would be zero or negative/);
  await rejects('MaxPooling2D(padding="SAME")', [null, 8, 8, 3], /Argument `padding` must be either 'valid' or 'same'. Received: padding=SAME/);
  await rejects('MaxPooling3D((2, 2))', [null, 4, 4, 4, 1], /`pool_size` argument must be a tuple of 3 integers/);
  await rejects('MaxPooling3D(2, padding="SAME")', [null, 4, 4, 4, 1], /Received: padding=SAME/);
  await rejects('AveragePooling1D()', [null, 10, 4], /missing 1 required positional argument: 'pool_size'/);
  await rejects('AveragePooling2D(2)', [null, 8, 3], /expected ndim=4, found ndim=3/);
  await rejects('AveragePooling2D()', [null, 8, 8, 3], /missing 1 required positional argument: 'pool_size'/);
  await rejects('AveragePooling3D(3)', [null, 2, 8, 8, 1], /Computed output size would be zero or negative/);
});

test('global pooling figures: (B, C), keepdims, channels_first, aliases, Keras 1 dim_ordering', async () => {
  await figures('GlobalMaxPooling1D()', [null, null, 16], { shape: [null, 16], params: 0 });
  await figures('GlobalMaxPooling1D(data_format="channels_first", keepdims=True)', [null, 4, 10], { shape: [null, 4, 1], params: 0 });
  await figures('GlobalMaxPool1D(keepdims=True)', [null, 10, 4], { shape: [null, 1, 4], params: 0 });
  await figures('GlobalMaxPooling1D()', [null, 10, 4], { shape: [null, 4], params: 0 }, { version: 1 });
  await figures('GlobalAveragePooling1D(data_format="channels_first")', [null, 4, 10], { shape: [null, 4], params: 0 });
  await figures('GlobalAvgPool1D()', [null, 10, 4], { shape: [null, 4], params: 0 });
  await figures('GlobalAveragePooling1D()', [null, 10, 4], { shape: [null, 4], params: 0 }, { version: 2 });
  await figures('GlobalMaxPooling2D(data_format="channels_first")', [null, 4, 8, 8], { shape: [null, 4], params: 0 });
  await figures('GlobalMaxPool2D()', [null, 8, 8, null], { shape: [null, null], params: 0 });
  await figures('GlobalMaxPooling2D(dim_ordering="th")', [null, 4, 8, 8], { shape: [null, 4], params: 0 }, { version: 1 });
  await figures('GlobalAveragePooling2D(keepdims=True, data_format="channels_first")', [null, 3, 8, 8], { shape: [null, 3, 1, 1], params: 0 });
  await figures('GlobalAvgPool2D()', [null, 8, 8, 16], { shape: [null, 16], params: 0 });
  await figures('GlobalAveragePooling2D(dim_ordering="tf")', [null, 8, 8, 16], { shape: [null, 16], params: 0 }, { version: 1 });
  await figures('GlobalMaxPooling3D(data_format="channels_first", keepdims=True)', [null, 16, 4, 4, 4], { shape: [null, 16, 1, 1, 1], params: 0 });
  await figures('GlobalMaxPool3D()', [null, 4, 4, 4, 16], { shape: [null, 16], params: 0 });
  await figures('GlobalMaxPooling3D(dim_ordering="th")', [null, 16, 4, 4, 4], { shape: [null, 16], params: 0 }, { version: 1 });
  await figures('GlobalAveragePooling3D(keepdims=True)', [null, 2, 8, 8, 3], { shape: [null, 1, 1, 1, 3], params: 0 });
  await figures('GlobalAveragePooling3D(data_format="channels_first")', [null, 3, 2, 8, 8], { shape: [null, 3], params: 0 });
  await figures('GlobalAvgPool3D()', [null, 2, 8, 8, 3], { shape: [null, 3], params: 0 });
  await figures('GlobalAveragePooling3D(dim_ordering="th")', [null, 3, 2, 8, 8], { shape: [null, 3], params: 0 }, { version: 1 });
});

test('global pooling error cases: exact rank, data_format', async () => {
  await rejects('GlobalMaxPooling1D()', [null, 10], /expected ndim=3, found ndim=2/);
  await rejects('GlobalAveragePooling1D()', [null, 2, 4, 10], /expected ndim=3, found ndim=4/);
  await rejects('GlobalMaxPooling2D()', [null, 8, 8], /expected ndim=4, found ndim=3/);
  await rejects('GlobalAveragePooling2D(data_format="nhwc")', [null, 8, 8, 3], /Received: data_format=nhwc/);
  await rejects('GlobalMaxPooling3D()', [null, 8, 8, 2], /expected ndim=5, found ndim=4/);
  await rejects('GlobalAveragePooling3D()', [null, 8, 8, 3], /expected ndim=5, found ndim=4/);
});
