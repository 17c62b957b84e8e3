// EinsumDense. Figures worked from einsum_dense.py _analyze_split_string and keras-layers.md §3.1 (✔ rows),
// each checked against Keras 3.15.1 (JAX).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';
import { figures, rejects } from './cases';

test('"ab,bc->ac", 64, bias "c" on (None, 32): 32·64 + 64 = 2,112 → (None, 64)', () => {
  const r = run('EinsumDense', ['ab,bc->ac', 64], { bias_axes: 'c' }, [null, 32]);
  assert.deepEqual(r.shape, [null, 64]);
  assert.equal(r.total, 2112);
  assert.equal(r.build.formula?.numeric, '32 × 64 + 64');
});

test('None in output_shape stays None even when the input dim is known: "abc,cd->abd", (None, 64) on (None, 7, 32)', () => {
  const r = run('EinsumDense', ['abc,cd->abd'], { output_shape: [null, 64], bias_axes: 'd' }, [null, 7, 32]);
  assert.deepEqual(r.shape, [null, null, 64]);
  assert.equal(r.total, 2112);
});

test('ellipsis on the left: "...b,bc->...c", 64 on (None, 7, 32) → (None, 7, 64), 2,048; on (None, 2, 3, 4) with bias → (None, 3, 2, 6), 30', () => {
  const r = run('EinsumDense', ['...b,bc->...c', 64], {}, [null, 7, 32]);
  assert.deepEqual(r.shape, [null, 7, 64]);
  assert.equal(r.total, 2048);
  // Keras quirk (einsum_dense.py inserts the elided dims at position 1 one by one, so they come out reversed)
  const q = run('EinsumDense', ['...b,bc->...c', 6], { bias_axes: 'c' }, [null, 2, 3, 4]);
  assert.deepEqual(q.shape, [null, 3, 2, 6]);
  assert.equal(q.total, 4 * 6 + 6);
});

test('bias over the output letters from the first bias letter, others 1: "...bc,cd->...bd" (3, 6) bias "b" → bias (3, 1), 24 + 3', () => {
  const r = run('EinsumDense', ['...bc,cd->...bd', [3, 6]], { bias_axes: 'b' }, [null, 2, 3, 4]);
  assert.deepEqual(r.shape, [null, 2, 3, 6]);
  assert.deepEqual(r.build.weights.map((w) => w.shape), [[4, 6], [3, 1]]);
  assert.equal(r.total, 27);
});

test('ellipsis on the right: "ab...,bc->ac...", 4, bias "c" on (None, 3, 5, 6) → (None, 4, 5, 6), bias (4, 1, 1): 12 + 4', () => {
  const r = run('EinsumDense', ['ab...,bc->ac...', [4]], { bias_axes: 'c' }, [null, 3, 5, 6]);
  assert.deepEqual(r.shape, [null, 4, 5, 6]);
  assert.deepEqual(r.build.weights[1].shape, [4, 1, 1]);
  assert.equal(r.total, 16);
});

test('several output letters: "abc,cde->abde", (None, 4, 5) on (None, 7, 3): kernel 3·4·5 = 60; bias "de" 20, bias "e" 5', () => {
  assert.equal(run('EinsumDense', ['abc,cde->abde', [null, 4, 5]], { bias_axes: 'de' }, [null, 7, 3]).total, 80);
  const r = run('EinsumDense', ['abc,cde->abde', [null, 4, 5]], { bias_axes: 'e' }, [null, 7, 3]);
  assert.deepEqual(r.shape, [null, null, 4, 5]);
  assert.equal(r.total, 65);
});

test('an equation of lower rank than the input appends the extra input dims (Keras does not check): "ab,bc->ac", 8 on (None, 7, 3) → (None, 8, 3), 56', () => {
  const r = run('EinsumDense', ['ab,bc->ac', 8], {}, [null, 7, 3]);
  assert.deepEqual(r.shape, [null, 8, 3]);
  assert.equal(r.total, 56);
});

test('lora_rank=2: kernel (4, 10) non-trainable 40; bias 10 + a (4, 2) + b (2, 10) trainable 38', () => {
  const r = run('EinsumDense', ['ab,bc->ac', 10], { bias_axes: 'c', lora_rank: 2 }, [null, 4]);
  assert.equal(r.trainable, 38);
  assert.equal(r.nonTrainable, 40);
});

test('EinsumDense errors, as Keras words them', () => {
  const err = (re: RegExp) => (e: unknown) => e instanceof KerasError && re.test(e.message);
  assert.throws(() => run('EinsumDense', ['ab->ac', 8], {}, [null, 3]), err(/Invalid einsum equation 'ab->ac'/));
  assert.throws(() => run('EinsumDense', ['ab,bc->ac', 8], { bias_axes: 'x' }, [null, 3]), err(/Bias dimension 'x' was requested/));
  assert.throws(() => run('EinsumDense', ['ab,bx->ab', [3]], {}, [null, 3]), err(/Weight dimension 'x' did not have a match/));
  assert.throws(() => run('EinsumDense', ['abc,cd->abd', [5, 8]], {}, [null, 7, 3]), err(/do not match at shared dimension 'b'. Input shape is 7, and output shape is 5/));
  assert.throws(() => run('EinsumDense', ['ab,bc->az', [3]], {}, [null, 3]), err(/Dimension 'z' was specified in the output/));
  assert.throws(() => run('EinsumDense', ['ab,bc->ac', [null]], {}, [null, 3]), err(/fully-defined/));
  assert.throws(() => run('EinsumDense', ['abc,cd->abd', [null, 8]], {}, [null, null, null]), err(/fully-defined/));
  assert.throws(() => run('EinsumDense', ['abc,cd->abd', [null, 8]], {}, [null, 3]), err(/index out of range/));
  assert.throws(() => run('EinsumDense', ['ab,bc->ac'], {}, [null, 3]), err(/missing 1 required positional argument: 'output_shape'/));
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('EinsumDense whole-path figures', async () => {
  await figures('EinsumDense("ab,bc->ac", 64, bias_axes="c")', [null, 32], { shape: [null, 64], params: 2112 }); // 32·64 + 64
  await figures('EinsumDense("abc,cd->abd", output_shape=(None, 64), bias_axes="d")', [null, 7, 32], { shape: [null, null, 64], params: 2112 });
  await figures('EinsumDense("...b,bc->...c", 6, bias_axes="c")', [null, 2, 3, 4], { shape: [null, 3, 2, 6], params: 30 }); // 4·6 + 6
  await figures('EinsumDense("ab...,bc->ac...", (4,), bias_axes="c")', [null, 3, 5, 6], { shape: [null, 4, 5, 6], params: 16 }); // 3·4 + 4
  // lora_rank=2: kernel (4, 10) frozen; bias 10 + a (4, 2) + b (2, 10) = 38 trainable
  await figures('EinsumDense("ab,bc->ac", 10, bias_axes="c", lora_rank=2)', [null, 4], { shape: [null, 10], params: 78, nonTrainable: 40 });
  await figures('EinsumDense("ab,bc->ac", 16)', [null, 8], { shape: [null, 16], params: 128 }, { version: 2 }); // tf.keras ≥ 2.10
});

test('EinsumDense whole-path error cases', async () => {
  await rejects('EinsumDense("ab->ac", 8)', [null, 3], /Invalid einsum equation 'ab->ac'/);
  await rejects('EinsumDense("ab,bc->ac")', [null, 3], /missing 1 required positional argument: 'output_shape'/);
  await rejects('EinsumDense("abc,cd->abd", (5, 8))', [null, 7, 3], /Input shape and output shape do not match at shared dimension 'b'. Input shape is 7, and output shape is 5/);
  await rejects('EinsumDense("ab,bc->ac", 8, bias_axes="x")', [null, 3], /Bias dimension 'x' was requested/);
  await rejects('EinsumDense("ab,bc->ac", 8)', [null, null], /fully-defined/);
  await rejects('EinsumDense("ab,bc->ac", 8)', [null, 3], /has no attribute 'EinsumDense'/, { version: 1 });
});
