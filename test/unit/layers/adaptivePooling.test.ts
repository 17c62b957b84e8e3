// AdaptiveAveragePooling1D/2D/3D and AdaptiveMaxPooling1D/2D/3D (Keras ≥ 3.13), checked against Keras 3.15.1 (JAX).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';
import { figures, rejects } from './cases';

test('spatial dims become output_size, channels kept, 0 params', () => {
  const r = run('AdaptiveAveragePooling1D', [4], {}, [null, 10, 3]);
  assert.deepEqual(r.shape, [null, 4, 3]);
  assert.equal(r.total, 0);
  assert.deepEqual(run('AdaptiveAveragePooling2D', [[3, 4]], {}, [null, 10, 9, 3]).shape, [null, 3, 4, 3]);
  assert.deepEqual(run('AdaptiveMaxPooling2D', [2], {}, [null, 10, 9, 3]).shape, [null, 2, 2, 3]);
  assert.deepEqual(run('AdaptiveMaxPooling3D', [[1, 2, 3]], {}, [null, 4, 5, 6, 2]).shape, [null, 1, 2, 3, 2]);
});

test('output larger than the input and unknown input lengths are fine (no arithmetic on the input)', () => {
  assert.deepEqual(run('AdaptiveMaxPooling1D', [20], {}, [null, 10, 3]).shape, [null, 20, 3]);
  assert.deepEqual(run('AdaptiveMaxPooling1D', [2], {}, [null, null, 3]).shape, [null, 2, 3]);
});

test('channels_first: (None, 3, 10, 9) → (None, 3, 2, 2); the global default applies too', () => {
  assert.deepEqual(run('AdaptiveMaxPooling2D', [2], { data_format: 'channels_first' }, [null, 3, 10, 9]).shape, [null, 3, 2, 2]);
  assert.deepEqual(run('AdaptiveAveragePooling2D', [2], {}, [null, 3, 10, 9], { dataFormat: 'channels_first' }).shape, [null, 3, 2, 2]);
});

test('errors: output_size of the wrong length (TypeError), missing, bad data_format, Keras 2', () => {
  assert.throws(() => run('AdaptiveMaxPooling2D', [[1, 2, 3]], {}, [null, 8, 8, 3]), (e: unknown) => e instanceof KerasError && /\(height, width\) tuple/.test(e.message));
  assert.throws(() => run('AdaptiveMaxPooling2D', [], {}, [null, 8, 8, 3]), /output_size/);
  assert.throws(() => run('AdaptiveMaxPooling1D', [2], { data_format: 'nhwc' }, [null, 8, 3]), /Invalid data_format/);
  assert.throws(() => run('AdaptiveMaxPooling1D', [2], {}, [null, 8, 3], { version: 2 }), /Keras 3.13/);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('adaptive pooling whole-path figures: spatial dims = output_size, channels kept, channels_first', async () => {
  await figures('AdaptiveAveragePooling1D(4)', [null, 10, 3], { shape: [null, 4, 3], params: 0 });
  await figures('AdaptiveAveragePooling1D(4, data_format="channels_first")', [null, 3, 10], { shape: [null, 3, 4], params: 0 });
  await figures('AdaptiveAveragePooling2D((3, 4), data_format="channels_first")', [null, 3, 10, 9], { shape: [null, 3, 3, 4], params: 0 });
  await figures('AdaptiveAveragePooling3D(2)', [null, 4, 5, 6, 2], { shape: [null, 2, 2, 2, 2], params: 0 });
  await figures('AdaptiveAveragePooling3D((1, 2, 3), data_format="channels_first")', [null, 2, 4, 5, 6], { shape: [null, 2, 1, 2, 3], params: 0 });
  await figures('AdaptiveMaxPooling1D(20, data_format="channels_first")', [null, 3, 10], { shape: [null, 3, 20], params: 0 });
  await figures('AdaptiveMaxPooling2D(2, data_format="channels_first")', [null, 3, 10, 9], { shape: [null, 3, 2, 2], params: 0 });
  await figures('AdaptiveMaxPooling3D((1, 2, 3), data_format="channels_first")', [null, 2, 4, 5, 6], { shape: [null, 2, 1, 2, 3], params: 0 });
  await figures('AdaptiveMaxPooling3D(2)', [null, 4, 5, 6], { shape: [null, 2, 2, 2, 6], params: 0 }); // no input rank check
});

test('adaptive pooling whole-path error cases', async () => {
  await rejects('AdaptiveAveragePooling1D((1, 2))', [null, 10, 3], /`output_size` must be an integer or tuple of 1 integer/);
  await rejects('AdaptiveAveragePooling2D((1, 2, 3))', [null, 8, 8, 3], /\(height, width\) tuple/);
  await rejects('AdaptiveAveragePooling3D((1, 2))', [null, 4, 5, 6, 2], /\(depth, height, width\) tuple/);
  await rejects('AdaptiveMaxPooling1D()', [null, 10, 3], /missing 1 required positional argument: 'output_size'/);
  await rejects('AdaptiveMaxPooling2D(2, data_format="CHANNELS_FIRST")', [null, 3, 10, 9], /Invalid data_format: CHANNELS_FIRST/);
  await rejects('AdaptiveMaxPooling3D(2)', [null, 4, 5, 6, 2], /Keras 3.13/, { version: 2 });
});
