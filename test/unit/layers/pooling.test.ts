// Pooling layers. Figures worked by hand from keras-layers.md §1.3 and §3.3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { findLayer } from '../../../src/analysis/keras/catalogue';
import { run } from './harness';

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
