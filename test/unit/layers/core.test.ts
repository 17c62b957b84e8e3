// Core layers: Dense, Embedding, Masking, Identity, Lambda. Figures worked by hand from keras-layers.md §3.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError, UnknownFigure } from '../../../src/analysis/keras/errors';
import { run } from './harness';
import { figures, rejects } from './cases';

test('Dense(64) on (None, 784): 784 × 64 + 64 = 50,240', () => {
  const r = run('Dense', [64], {}, [null, 784]);
  assert.deepEqual(r.shape, [null, 64]);
  assert.equal(r.total, 50240);
  assert.equal(r.build.formula?.numeric, '64 × (784 + 1)');
});

test('Dense on rank 3 applies to the last axis; use_bias=False drops the bias: 8 × 5 = 40', () => {
  const r = run('Dense', [5], { use_bias: false }, [null, 10, 8]);
  assert.deepEqual(r.shape, [null, 10, 5]);
  assert.equal(r.total, 40);
});

test('Dense errors: rank 1, None last dim, non-int units in Keras 3', () => {
  assert.throws(() => run('Dense', [5], {}, [null]), (e: unknown) => e instanceof KerasError && /min_ndim=2/.test(e.message));
  assert.throws(() => run('Dense', [5], {}, [null, null]), KerasError);
  assert.throws(() => run('Dense', [10.5], {}, [null, 4]), /positive integer/);
  assert.throws(() => run('Dense', [0], {}, [null, 4]), /positive integer/);
});

test('Dense Keras 1 spelling: Dense(output_dim=32, bias=False) → 784 × 32 = 25,088', () => {
  const r = run('Dense', [], { output_dim: 32, bias: false }, [null, 784], { version: 1 });
  assert.equal(r.total, 25088);
});

test('Dense unknown input → UnknownFigure', () => {
  assert.throws(() => run('Dense', [5], {}, null), UnknownFigure);
});

test('Embedding(20000, 128) on (None, None) → (None, None, 128), 2,560,000 (§6b fixture 2)', () => {
  const r = run('Embedding', [20000, 128], {}, [null, null]);
  assert.deepEqual(r.shape, [null, null, 128]);
  assert.equal(r.total, 2560000);
});

test('Embedding Keras 3 on (None,) → (None, 128); input_length ignored', () => {
  assert.deepEqual(run('Embedding', [1000, 128], {}, [null]).shape, [null, 128]);
  assert.deepEqual(run('Embedding', [1000, 8], { input_length: 10 }, [null, 5]).shape, [null, 5, 8]);
});

test('Embedding Keras 3 rejects non-positive / non-int sizes', () => {
  assert.throws(() => run('Embedding', [0, 8], {}, [null, 5]), /positive integer/);
  assert.throws(() => run('Embedding', [10, true], {}, [null, 5]), /positive integer/);
});

test('Embedding Keras 1: always (B, input_length, output_dim); init → embeddings_initializer', () => {
  // K1 Embedding(input_dim, output_dim, init, input_length): 1000 × 64 = 64,000
  const r = run('Embedding', [1000, 64, 'uniform', 10], {}, [null, 10], { version: 1 });
  assert.deepEqual(r.shape, [null, 10, 64]);
  assert.equal(r.total, 64000);
  assert.deepEqual(run('Embedding', [1000, 64], {}, [null, 7], { version: 1 }).shape, [null, 7, 64]);
});

test('Embedding Keras 2 input_length fills a None dim and checks a known one', () => {
  assert.deepEqual(run('Embedding', [100, 4], { input_length: 12 }, [null, null], { version: 2 }).shape, [null, 12, 4]);
  assert.throws(() => run('Embedding', [100, 4], { input_length: 12 }, [null, 10], { version: 2 }), /input_length/);
});

test('Masking and Identity keep the shape, 0 params', () => {
  assert.deepEqual(run('Masking', [0.0], {}, [null, 7, 3]).shape, [null, 7, 3]);
  const r = run('Identity', [], {}, [null, 4]);
  assert.deepEqual(r.shape, [null, 4]);
  assert.equal(r.total, 0);
});

test('Lambda: output_shape tuple gives (B,) + output_shape; otherwise unknown', () => {
  const fn = { t: 'other', what: '<lambda>' } as const;
  assert.deepEqual(run('Lambda', [fn], { output_shape: [3, 4] }, [null, 12]).shape, [null, 3, 4]);
  assert.throws(() => run('Lambda', [fn], {}, [null, 12]), UnknownFigure);
  assert.throws(() => run('Lambda', [fn], { output_shape: fn }, [null, 12]), UnknownFigure);
});

test('Keras 1/2 kwargs are unrecognized in Keras 3', () => {
  assert.throws(() => run('Dense', [3], { init: 'uniform' }, [null, 4]), /Unrecognized keyword arguments passed to Dense: {'init': 'uniform'}/);
});

test('lora_rank=2 (Keras 3) freezes the kernel and trains lora_kernel_a/b: Dense, Embedding, Conv2D', () => {
  // Dense(10) on 4: kernel (4, 10) frozen = 40; bias 10 + a (4, 2) 8 + b (2, 10) 20 = 38 trainable
  const d = run('Dense', [10], { lora_rank: 2 }, [null, 4]);
  assert.deepEqual([d.trainable, d.nonTrainable], [38, 40]);
  // Embedding(10, 4): embeddings 40 frozen; a (10, 2) 20 + b (2, 4) 8 = 28 trainable
  const e = run('Embedding', [10, 4], { lora_rank: 2 }, [null, 5]);
  assert.deepEqual([e.trainable, e.nonTrainable], [28, 40]);
  // Conv2D(8, 3) on 3 ch: kernel (3, 3, 3, 8) 216 frozen; bias 8 + a (3, 3, 3, 2) 54 + b (2, 8) 16 = 78 trainable
  const c = run('Conv2D', [8, 3], { lora_rank: 2 }, [null, 6, 6, 3]);
  assert.deepEqual([c.trainable, c.nonTrainable], [78, 216]);
});

// Whole-path cases (cases.ts): Python source in, summary row or diagnostic out; Keras 3 ones replayed by scripts/check-layer-cases.mjs.

test('Dense figures, Keras 3 and the Keras 1/2 spellings', async () => {
  await figures('Dense(64)', [null, 784], { shape: [null, 64], params: 50240 }); // 784·64 + 64
  await figures('Dense(5, use_bias=False)', [null, 10, 8], { shape: [null, 10, 5], params: 40 }); // 8·5, last axis only
  // lora_rank=2: kernel (4, 10) frozen = 40; bias 10 + lora_a 4·2 + lora_b 2·10 = 38 trainable
  await figures('Dense(10, lora_rank=2)', [null, 4], { shape: [null, 10], params: 78, trainable: 38, nonTrainable: 40 });
  // Keras 1: Dense(output_dim, init, activation, …, bias): 784·32 = 25,088 without bias; 784·32 + 32 = 25,120 with
  await figures('Dense(output_dim=32, bias=False)', [null, 784], { shape: [null, 32], params: 25088 }, { version: 1 });
  await figures('Dense(32, "glorot_uniform", "relu")', [null, 784], { shape: [null, 32], params: 25120 }, { version: 1 });
  // Keras 2 reads the Keras 1 names with a warning: 8·10 + 10 = 90
  await figures('Dense(output_dim=10, init="uniform", W_regularizer=None)', [null, 8], { shape: [null, 10], params: 90 }, { version: 2 });
});

test('Dense error cases', async () => {
  await rejects('Dense(5)', [null], /expected min_ndim=2, found ndim=1/);
  await rejects('Dense(5)', [null, 4, null], /last dimension of the input must be defined/);
  await rejects('Dense(0)', [null, 4], /expected a positive integer. Received: units=0/);
  await rejects('Dense(10.5)', [null, 4], /expected a positive integer. Received: units=10.5/);
  await rejects('Dense(output_dim=3)', [null, 4], /Unrecognized keyword arguments passed to Dense: \{'output_dim': 3\}/);
  await rejects('Dense()', [null, 4], /missing 1 required positional argument: 'units'/);
});

test('Embedding figures: any input rank, lora, Keras 1 always 3-D, Keras 2 input_length', async () => {
  await figures('Embedding(20000, 128)', [null, null], { shape: [null, null, 128], params: 2560000 }, { dtype: 'int32' }); // 20000·128
  await figures('Embedding(1000, 8, input_length=10)', [null, 5], { shape: [null, 5, 8], params: 8000 }, { dtype: 'int32' }); // input_length ignored
  await figures('Embedding(50, 4)', [null], { shape: [null, 4], params: 200 }, { dtype: 'int32' });
  // lora_rank=2: embeddings (10, 4) frozen = 40; lora_a 10·2 + lora_b 2·4 = 28 trainable
  await figures('Embedding(10, 4, lora_rank=2)', [null, 5], { shape: [null, 5, 4], params: 68, trainable: 28, nonTrainable: 40 }, { dtype: 'int32' });
  // Keras 1 Embedding(input_dim, output_dim, init, input_length): (B, input_length, 64), 1000·64 = 64,000
  await figures('Embedding(1000, 64, "uniform", 10)', [null, 10], { shape: [null, 10, 64], params: 64000 }, { version: 1 });
  await figures('Embedding(1000, 64, W_regularizer=None)', [null, 7], { shape: [null, 7, 64], params: 64000 }, { version: 1 });
  // Keras 2: input_length fills the None dim: (None, 12, 4), 100·4 = 400
  await figures('Embedding(100, 4, input_length=12)', [null, null], { shape: [null, 12, 4], params: 400 }, { version: 2 });
});

test('Embedding error cases', async () => {
  await rejects('Embedding(0, 8)', [null, 5], /`input_dim` must be a positive integer. Received: input_dim=0 \(of type int\)/, { dtype: 'int32' });
  await rejects('Embedding(10, True)', [null, 5], /`output_dim` must be a positive integer. Received: output_dim=True \(of type bool\)/, { dtype: 'int32' });
  await rejects('Embedding(10)', [null, 5], /missing 1 required positional argument: 'output_dim'/, { dtype: 'int32' });
  await rejects('Embedding(100, 4, input_length=12)', [null, 10], /"input_length" is 12, but received input has shape \(None, 10\)/, { version: 2 });
});

test('Masking, Identity: the input shape, 0 params; Keras 1/2 base keywords are Keras 3 errors', async () => {
  await figures('Masking(0.0)', [null, 7, 3], { shape: [null, 7, 3], params: 0 });
  await figures('Identity()', [null, 4], { shape: [null, 4], params: 0 });
  await rejects('Masking(mask_value=0.0, batch_input_shape=(None, 7, 3))', [null, 7, 3], /Unrecognized keyword arguments passed to Masking: \{'batch_input_shape'/);
  await rejects('Identity(weights=None)', [null, 4], /Unrecognized keyword arguments passed to Identity: \{'weights': None\}/);
});

test('Lambda: output_shape (batch excluded) gives (B,) + output_shape; Keras 2 positional output_shape', async () => {
  await figures('Lambda(lambda t: keras.ops.reshape(t, (-1, 3, 4)), output_shape=(3, 4))', [null, 12], { shape: [null, 3, 4], params: 0 });
  await figures('Lambda(lambda t: t, (6, 2))', [null, 6, 2], { shape: [null, 6, 2], params: 0 }, { version: 2 });
  await rejects('Lambda()', [null, 12], /missing 1 required positional argument: 'function'/);
});
