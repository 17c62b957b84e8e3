// Preprocessing layers. Figures worked by hand from keras-layers.md §3.9 (✔ rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';

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
