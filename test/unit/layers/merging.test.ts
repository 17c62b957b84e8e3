// Merge layers. Figures worked by hand from keras-layers.md §1.4 and §3.8 (✔ rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { findLayer } from '../../../src/analysis/keras/catalogue';
import type { Shape } from '../../../src/analysis/keras/shape';
import { run } from './harness';
import { figures, rejects } from './cases';

const merge = (cls: string, shapes: Shape[], kw: Record<string, number | [number, number]> = {}, version: 1 | 2 | 3 = 3) =>
  run(cls, [], kw, shapes, { list: true, version });

test('Add of equal shapes (§6b fixture 3) and broadcasting: (4,16)+(16) → (4,16); (4,1)+(1,16) → (4,16); None wins', () => {
  assert.equal(findLayer('Add')?.takesList, true);
  assert.deepEqual(merge('Add', [[null, 8, 8, 16], [null, 8, 8, 16]]).shape, [null, 8, 8, 16]);
  assert.deepEqual(merge('Add', [[null, 4, 16], [null, 16]]).shape, [null, 4, 16]);
  assert.deepEqual(merge('Multiply', [[null, 4, 1], [null, 1, 16]]).shape, [null, 4, 16]);
  assert.deepEqual(merge('Maximum', [[null, null], [null, 8]]).shape, [null, null]);
  assert.equal(merge('Average', [[null, 3], [null, 3], [null, 3]]).total, 0);
});

test('Elementwise errors: incompatible dims, different batch sizes, bare tensor, Subtract arity', () => {
  // Keras 3.15.1 prints Python tuples: `Received shapes (16,) and (8,)` for Add on (None, 16) and (None, 8).
  assert.throws(() => merge('Add', [[null, 5], [null, 6]]), /Inputs have incompatible shapes\. Received shapes \(5,\) and \(6,\)$/);
  assert.throws(() => merge('Minimum', [[2, 5], [3, 5]]), /different batch sizes/);
  assert.throws(() => run('Add', [], {}, [null, 5]), /list of inputs/);
  assert.throws(() => merge('Subtract', [[null, 5], [null, 5], [null, 5]]), /exactly 2 inputs/);
});

test('Keras 3 accepts a single input; Keras 2 needs two; Keras 1 needs identical shapes', () => {
  assert.deepEqual(merge('Add', [[null, 5]]).shape, [null, 5]);
  assert.throws(() => merge('Add', [[null, 5]], {}, 2), /at least 2 inputs/);
  assert.throws(() => merge('Add', [[null, 4, 16], [null, 16]], {}, 1), KerasError);
});

test('Concatenate: axis -1 sums 3 + 5 = 8; axis 1; None on the axis → None; None elsewhere is a wildcard', () => {
  assert.deepEqual(merge('Concatenate', [[null, 4, 3], [null, 4, 5]]).shape, [null, 4, 8]);
  assert.deepEqual(merge('Concatenate', [[null, 4, 3], [null, 6, 3]], { axis: 1 }).shape, [null, 10, 3]);
  assert.deepEqual(merge('Concatenate', [[null, 4, null], [null, 4, 5]]).shape, [null, 4, null]);
  // the first input's None dims are kept even when another input knows them
  assert.deepEqual(merge('Concatenate', [[null, null, 3], [null, 4, 5]]).shape, [null, null, 8]);
});

test('Concatenate errors: mismatched non-axis dims, different ranks; Keras 1 strict about None', () => {
  assert.throws(() => merge('Concatenate', [[null, 4, 3], [null, 5, 3]]), /matching shapes except for the concatenation axis/);
  assert.throws(() => merge('Concatenate', [[null, 4, 3], [null, 3]]), /matching shapes/);
  assert.throws(() => merge('Concatenate', [[null, null, 3], [null, 4, 5]], {}, 1), /matching shapes/);
});

test('Dot: (B,5)·(B,5) → (B,1); axes (2,2) on (B,3,5)·(B,4,5) → (B,3,4); axes=1 on (B,5,3)·(B,5,2) → (B,3,2)', () => {
  assert.deepEqual(merge('Dot', [[null, 5], [null, 5]], { axes: 1 }).shape, [null, 1]);
  assert.deepEqual(merge('Dot', [[null, 3, 5], [null, 4, 5]], { axes: [2, 2] }).shape, [null, 3, 4]);
  assert.deepEqual(merge('Dot', [[null, 5, 3], [null, 5, 2]], { axes: 1 }).shape, [null, 3, 2]);
  assert.deepEqual(merge('Dot', [[null, 3, 5], [null, 4, 5]], { axes: -1 }).shape, [null, 3, 4]);
});

test('Dot errors: contracted dims differ (None vs 5 too), not exactly 2 inputs', () => {
  assert.throws(() => merge('Dot', [[null, 5], [null, 6]], { axes: 1 }), /Incompatible input shapes/);
  assert.throws(() => merge('Dot', [[null, null], [null, 5]], { axes: 1 }), /Incompatible input shapes/);
  assert.throws(() => merge('Dot', [[null, 5], [null, 5], [null, 5]], { axes: 1 }), /exactly 2 inputs/);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.
// Elementwise merges broadcast right-aligned non-batch dims (1 stretches, None wins); 0 params everywhere.

test('elementwise merge figures', async () => {
  await figures('Add()', [[null, 8, 8, 16], [null, 8, 8, 16]], { shape: [null, 8, 8, 16], params: 0 });
  await figures('Add()', [[null, 4, 16], [null, 16]], { shape: [null, 4, 16], params: 0 });
  await figures('Add()', [[null, 4], [null, 4]], { shape: [null, 4], params: 0 }, { version: 2 });
  await figures('Subtract()', [[null, 4, 5], [null, 5]], { shape: [null, 4, 5], params: 0 });
  await figures('Subtract()', [[null, 5], [null, 5]], { shape: [null, 5], params: 0 }, { version: 2 });
  await figures('Multiply()', [[null, 4, 1], [null, 1, 16]], { shape: [null, 4, 16], params: 0 });
  await figures('Average()', [[null, 3], [null, 3], [null, 3]], { shape: [null, 3], params: 0 });
  await figures('Maximum()', [[null, 3, 1], [null, 1, 4]], { shape: [null, 3, 4], params: 0 });
  await figures('Minimum()', [[null, 5], [null, null]], { shape: [null, null], params: 0 });
  await figures('Minimum()', [[null, 5]], { shape: [null, 5], params: 0 }); // Keras 3 takes a single input
});

test('elementwise merge error cases', async () => {
  await rejects('Add()', [[null, 5], [null, 6]], /Inputs have incompatible shapes/);
  await rejects('Add()', [null, 5], /should be called on a list of inputs/);
  await rejects('Add()', [[null, 5]], /at least 2 inputs/, { version: 2 });
  await rejects('Subtract()', [[null, 5], [null, 5], [null, 5]], /A `Subtract` layer should be called on exactly 2 inputs/);
  await rejects('Multiply()', [null, 5], /should be called on a list of inputs/);
  await rejects('Average()', [[null, 5], [null, 6]], /Inputs have incompatible shapes/);
  await rejects('Maximum()', [[null, 4, 16], [null, 16]], /Only layers of same output shape can be merged/, { version: 1 });
  await rejects('Minimum()', [[2, 5], [3, 5]], /Cannot merge tensors with different batch sizes/);
});

test('Concatenate and Dot figures', async () => {
  await figures('Concatenate()', [[null, 4, 3], [null, 4, 5]], { shape: [null, 4, 8], params: 0 }); // 3 + 5
  await figures('Concatenate(axis=1)', [[null, 4, 3], [null, 6, 3]], { shape: [null, 10, 3], params: 0 });
  await figures('Concatenate()', [[null, null, 3], [null, 4, 5]], { shape: [null, null, 8], params: 0 }); // first input's None kept
  await figures('Concatenate(axis=1)', [[null, 4, 3], [null, 6, 3]], { shape: [null, 10, 3], params: 0 }, { version: 2 });
  await figures('Dot(axes=1)', [[null, 5], [null, 5]], { shape: [null, 1], params: 0 }); // (B,) gets a trailing 1
  await figures('Dot(axes=(1, 2))', [[null, 5, 3], [null, 2, 5]], { shape: [null, 3, 2], params: 0 });
  await figures('Dot(axes=-1, normalize=True)', [[null, 3, 5], [null, 4, 5]], { shape: [null, 3, 4], params: 0 });
  await figures('Dot(2)', [[null, 3, 5], [null, 4, 5]], { shape: [null, 3, 4], params: 0 }, { version: 2 });
});

test('Concatenate and Dot error cases', async () => {
  await rejects('Concatenate()', [[null, 4, 3], [null, 5, 3]], /requires inputs with matching shapes except for the concatenation axis/);
  await rejects('Concatenate()', [[null, 4, 3], [null, 3]], /matching shapes/);
  await rejects('Concatenate()', [null, 4, 3], /should be called on a list of inputs/);
  await rejects('Concatenate()', [[null, null, 3], [null, 4, 5]], /matching shapes/, { version: 1 });
  await rejects('Dot(axes=1)', [[null, 5], [null, 6]], /Incompatible input shapes: axis values 5 \(at axis 1\) != 6 \(at axis 1\)/);
  await rejects('Dot(axes=1)', [[null, null], [null, 5]], /Incompatible input shapes/);
  await rejects('Dot(axes=1)', [[null, 5], [null, 5], [null, 5]], /exactly 2 inputs/);
  await rejects('Dot()', [[null, 5], [null, 5]], /missing 1 required positional argument: 'axes'/);
});

test('Keras 1 Merge(mode=…): identical shapes for the elementwise modes; concat/dot/cos', async () => {
  await figures('Merge(mode="concat", concat_axis=1)', [[null, 4, 3], [null, 6, 3]], { shape: [null, 10, 3], params: 0 }, { version: 1 });
  await figures('Merge(mode="sum")', [[null, 4], [null, 4]], { shape: [null, 4], params: 0 }, { version: 1 });
  await figures('Merge(mode="dot", dot_axes=1)', [[null, 5], [null, 5]], { shape: [null, 1], params: 0 }, { version: 1 });
  await figures('Merge(mode="cos", dot_axes=1)', [[null, 5], [null, 5]], { shape: [null, 1], params: 0 }, { version: 1 });
  await figures('Merge(mode="mul")', [[null, 4], [null, 4]], { shape: [null, 4], params: 0 }, { version: 2 });
  await rejects('Merge(mode="sum")', [[null, 4], [null, 5]], /Only layers of same output shape can be merged/, { version: 1 });
  await rejects('Merge(mode="foo")', [[null, 4], [null, 4]], /Invalid merge mode: foo/, { version: 1 });
  await rejects('Merge(mode="sum")', [[null, 4], [null, 4]], /Merge was removed/);
});
