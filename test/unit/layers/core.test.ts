// Core layers: Dense, Embedding, Masking, Identity, Lambda. Figures worked by hand from keras-layers.md §3.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError, UnknownFigure } from '../../../src/analysis/keras/errors';
import { run } from './harness';

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
  assert.throws(() => run('Dense', [], { output_dim: 3 }, [null, 4]), /Unrecognized keyword arguments passed to Dense/);
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
