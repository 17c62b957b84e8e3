// CategoryEncoding, Discretization (checked against Keras 3.15.1, JAX) and Hashing, StringLookup, IntegerLookup,
// TextVectorization (need TensorFlow, which the differential venv does not have: figures read from each layer's
// compute_output_shape in keras/src/layers/preprocessing). No weights anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError, UnknownFigure } from '../../../src/analysis/keras/errors';
import { list, run } from './harness';
import { figures, rejects } from './cases';

test('CategoryEncoding(10): multi_hot (None, 3) → (None, 10); one_hot (None,) → (None, 10); one_hot (None, 3) → (None, 3, 10)', () => {
  assert.deepEqual(run('CategoryEncoding', [10], { output_mode: 'multi_hot' }, [null, 3]).shape, [null, 10]);
  assert.deepEqual(run('CategoryEncoding', [10], { output_mode: 'one_hot' }, [null]).shape, [null, 10]);
  assert.deepEqual(run('CategoryEncoding', [10], { output_mode: 'one_hot' }, [null, 3]).shape, [null, 3, 10]);
  assert.deepEqual(run('CategoryEncoding', [10], { output_mode: 'one_hot' }, [null, 1]).shape, [null, 10]);
  assert.deepEqual(run('CategoryEncoding', [10], { output_mode: 'count' }, [null, 3, 4]).shape, [null, 3, 10]);
  // default multi_hot on a rank-1 batch: the ids are one sample, the batch dim goes
  assert.deepEqual(run('CategoryEncoding', [10], {}, [null]).shape, [10]);
  assert.equal(run('CategoryEncoding', [10], {}, [null, 3]).total, 0);
});

test('CategoryEncoding errors: num_tokens missing or < 1, output_mode int', () => {
  assert.throws(() => run('CategoryEncoding', [], {}, [null, 3]), /num_tokens must be set/);
  assert.throws(() => run('CategoryEncoding', [0], {}, [null, 3]), /`num_tokens` must be >= 1/);
  assert.throws(() => run('CategoryEncoding', [5], { output_mode: 'int' }, [null, 3]), /Unknown arg for output_mode: int/);
});

test('Discretization: int keeps the shape; one_hot appends bins (3 boundaries → 4); multi_hot/count drop axis 1', () => {
  const b = list(0.0, 1.0, 2.0);
  assert.deepEqual(run('Discretization', [], { bin_boundaries: b }, [null, 3]).shape, [null, 3]);
  assert.deepEqual(run('Discretization', [], { bin_boundaries: b, output_mode: 'one_hot' }, [null, 3]).shape, [null, 3, 4]);
  assert.deepEqual(run('Discretization', [], { bin_boundaries: b, output_mode: 'multi_hot' }, [null, 3]).shape, [null, 4]);
  assert.deepEqual(run('Discretization', [], { num_bins: 4, output_mode: 'count' }, [null, 3]).shape, [null, 4]);
  assert.deepEqual(run('Discretization', [], { num_bins: 4, output_mode: 'count' }, [null, 3, 5]).shape, [null, 5, 4]);
});

test('Discretization errors: both or neither of num_bins/bin_boundaries, bad output_mode', () => {
  assert.throws(() => run('Discretization', [], { num_bins: 4, bin_boundaries: list(1.0) }, [null, 3]), /Both `num_bins` and `bin_boundaries` should not be set/);
  assert.throws(() => run('Discretization', [], {}, [null, 3]), /You need to set either `num_bins` or `bin_boundaries`/);
  assert.throws(() => run('Discretization', [], { num_bins: 4, output_mode: 'tf_idf' }, [null, 3]), (e: unknown) => e instanceof KerasError && /Allowed values are/.test(e.message));
});

test('Hashing(5): int keeps the shape; multi_hot/one_hot/count replace the last dim by num_bins; num_bins ≤ 0 → error', () => {
  assert.deepEqual(run('Hashing', [5], {}, [null, 3]).shape, [null, 3]);
  assert.deepEqual(run('Hashing', [5], { output_mode: 'multi_hot' }, [null, 3]).shape, [null, 5]);
  assert.deepEqual(run('Hashing', [5], { output_mode: 'one_hot' }, [null, 1]).shape, [null, 5]);
  assert.throws(() => run('Hashing', [0], {}, [null, 3]), /cannot be `None` or non-positive/);
});

test('StringLookup / IntegerLookup: depth = len(vocabulary) + num_oov_indices (mask not counted outside int mode), or max_tokens when padded', () => {
  const vocab = list('a', 'b', 'c');
  assert.deepEqual(run('StringLookup', [], { vocabulary: vocab }, [null, 3]).shape, [null, 3]);
  assert.deepEqual(run('StringLookup', [], { vocabulary: vocab, output_mode: 'multi_hot' }, [null, 3]).shape, [null, 4]);
  assert.deepEqual(run('StringLookup', [], { vocabulary: vocab, output_mode: 'one_hot', num_oov_indices: 2 }, [null, 3]).shape, [null, 3, 5]);
  assert.deepEqual(run('IntegerLookup', [], { vocabulary: list(1, 2, 3), output_mode: 'count', mask_token: 0 }, [null, 3]).shape, [null, 4]);
  assert.deepEqual(run('IntegerLookup', [], { max_tokens: 20, pad_to_max_tokens: true, output_mode: 'multi_hot' }, [null, 3]).shape, [null, 20]);
});

test('lookups: the depth of an adapt()-ed vocabulary is unknown; bad arguments are errors', () => {
  assert.throws(() => run('StringLookup', [], { output_mode: 'multi_hot' }, [null, 3]), (e: unknown) => e instanceof UnknownFigure && /adapt\(\)/.test(e.reason));
  assert.throws(() => run('StringLookup', [], { vocabulary: 'vocab.txt', output_mode: 'multi_hot' }, [null, 3]), UnknownFigure);
  assert.throws(() => run('IntegerLookup', [], { max_tokens: 1 }, [null, 3]), /`max_tokens` must be greater than 1/);
  assert.throws(() => run('StringLookup', [], { pad_to_max_tokens: true }, [null, 3]), /must set `max_tokens`/);
  assert.throws(() => run('StringLookup', [], { output_mode: 'bag' }, [null, 3]), /Allowed values are/);
});

test('TextVectorization: int → (B, output_sequence_length) or (B, None); multi_hot → (B, vocab + 1) after the split axis', () => {
  assert.deepEqual(run('TextVectorization', [], { max_tokens: 10, output_sequence_length: 5 }, [null, 1]).shape, [null, 5]);
  assert.deepEqual(run('TextVectorization', [], {}, [null]).shape, [null, null]);
  assert.deepEqual(run('TextVectorization', [], { vocabulary: list('a', 'b'), output_mode: 'multi_hot' }, [null]).shape, [null, 3]);
  assert.deepEqual(run('TextVectorization', [], { max_tokens: 50, pad_to_max_tokens: true, output_mode: 'count' }, [null]).shape, [null, 50]);
  assert.throws(() => run('TextVectorization', [], { output_mode: 'multi_hot' }, [null]), UnknownFigure);
  assert.throws(() => run('TextVectorization', [], { output_mode: 'multi_hot', output_sequence_length: 4 }, [null]), /must not be set if `output_mode` is not 'int'/);
  assert.throws(() => run('TextVectorization', [], {}, [null], { version: 2 }), /TextVectorization/);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs, except the
// layers that need TensorFlow (Hashing, StringLookup, IntegerLookup, TextVectorization): hand-worked from their
// compute_output_shape only.
const TF = { notInKeras3: 'needs TensorFlow' };

test('CategoryEncoding and Discretization figures', async () => {
  await figures('CategoryEncoding(10, output_mode="multi_hot")', [null, 3], { shape: [null, 10], params: 0 }, { dtype: 'int32' });
  await figures('CategoryEncoding(10, output_mode="one_hot")', [null, 3], { shape: [null, 3, 10], params: 0 }, { dtype: 'int32' });
  await figures('CategoryEncoding(10, output_mode="one_hot")', [null, 1], { shape: [null, 10], params: 0 }, { dtype: 'int32' }); // trailing 1 replaced
  await figures('CategoryEncoding(10, output_mode="count")', [null, 3, 4], { shape: [null, 3, 10], params: 0 }, { dtype: 'int32' });
  await figures('CategoryEncoding(10)', [null], { shape: [10], params: 0 }, { dtype: 'int32' }); // rank 1: one sample
  await figures('Discretization(bin_boundaries=[0.0, 1.0, 2.0])', [null, 3], { shape: [null, 3], params: 0 });
  await figures('Discretization(bin_boundaries=[0.0, 1.0, 2.0], output_mode="one_hot")', [null, 3], { shape: [null, 3, 4], params: 0 }); // 3 boundaries → 4 bins
  await figures('Discretization(num_bins=4, output_mode="count")', [null, 3, 5], { shape: [null, 5, 4], params: 0 }); // axis 1 dropped
  await figures('Discretization(num_bins=4, output_mode="multi_hot")', [null], { shape: [4], params: 0 });
});

test('CategoryEncoding and Discretization error cases', async () => {
  await rejects('CategoryEncoding()', [null, 3], /num_tokens must be set to use this layer/, { dtype: 'int32' });
  await rejects('CategoryEncoding(0)', [null, 3], /`num_tokens` must be >= 1. Received: num_tokens=0./, { dtype: 'int32' });
  await rejects('CategoryEncoding(5, output_mode="int")', [null, 3], /Unknown arg for output_mode: int/, { dtype: 'int32' });
  await rejects('Discretization()', [null, 3], /You need to set either `num_bins` or `bin_boundaries`/);
  await rejects('Discretization(num_bins=4, bin_boundaries=[1.0])', [null, 3], /Both `num_bins` and `bin_boundaries` should not be set/);
  await rejects('Discretization(num_bins=4, output_mode="tf_idf")', [null, 3], /Allowed values are/);
  await rejects('CategoryEncoding(5)', [null, 3], /has no attribute 'CategoryEncoding'/, { version: 2 });
});

test('Hashing, StringLookup, IntegerLookup, TextVectorization figures (hand-worked: they need TensorFlow)', async () => {
  await figures('Hashing(5)', [null, 3], { shape: [null, 3], params: 0 }, TF);
  await figures('Hashing(5, output_mode="multi_hot")', [null, 3], { shape: [null, 5], params: 0 }, TF);
  // depth = len(vocabulary) + num_oov_indices: 3 + 1 = 4; 3 + 2 = 5
  await figures('StringLookup(vocabulary=["a", "b", "c"], output_mode="multi_hot")', [null, 3], { shape: [null, 4], params: 0 }, { ...TF, dtype: 'string' });
  await figures('StringLookup(vocabulary=["a", "b", "c"], output_mode="one_hot", num_oov_indices=2)', [null, 3], { shape: [null, 3, 5], params: 0 }, { ...TF, dtype: 'string' });
  await figures('IntegerLookup(vocabulary=[1, 2, 3], output_mode="count", mask_token=0)', [null, 3], { shape: [null, 4], params: 0 }, { ...TF, dtype: 'int64' });
  await figures('IntegerLookup(max_tokens=20, pad_to_max_tokens=True, output_mode="multi_hot")', [null, 3], { shape: [null, 20], params: 0 }, { ...TF, dtype: 'int64' });
  await figures('TextVectorization(max_tokens=10, output_sequence_length=5)', [null, 1], { shape: [null, 5], params: 0 }, { ...TF, dtype: 'string' });
  // split on whitespace adds a token axis; multi_hot over vocabulary 2 + 1 OOV = 3
  await figures('TextVectorization(vocabulary=["a", "b"], output_mode="multi_hot")', [null], { shape: [null, 3], params: 0 }, { ...TF, dtype: 'string' });
});

test('Hashing, StringLookup, IntegerLookup, TextVectorization error cases (hand-worked)', async () => {
  await rejects('Hashing(0)', [null, 3], /`num_bins` for `Hashing` cannot be `None` or non-positive values/, TF);
  await rejects('Hashing(5, output_mode="tf_idf")', [null, 3], /Invalid value for argument `output_mode`/, TF);
  await rejects('StringLookup(pad_to_max_tokens=True)', [null, 3], /If pad_to_max_tokens is True, must set `max_tokens`/, { ...TF, dtype: 'string' });
  await rejects('StringLookup(output_mode="bag")', [null, 3], /Allowed values are/, { ...TF, dtype: 'string' });
  await rejects('IntegerLookup(max_tokens=1)', [null, 3], /`max_tokens` must be greater than 1/, { ...TF, dtype: 'int64' });
  await rejects('IntegerLookup(num_oov_indices=-1)', [null, 3], /`num_oov_indices` must be greater than or equal to 0/, { ...TF, dtype: 'int64' });
  await rejects('TextVectorization(output_mode="multi_hot", output_sequence_length=4)', [null], /must not be set if `output_mode` is not 'int'/, { ...TF, dtype: 'string' });
  await rejects('TextVectorization(max_tokens=1)', [null], /`max_tokens` must be greater than 1/, { ...TF, dtype: 'string' });
});
