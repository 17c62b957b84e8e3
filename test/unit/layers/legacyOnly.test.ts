// Keras 1/2-only layers (no real Keras to run: figures worked from keras 1.2.2 / 2.x source formulas in
// keras-layers.md §3.1, §3.2). Under Keras 3 each is a "removed in Keras 3" error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';
import { figures, rejects } from './cases';

test('LocallyConnected1D(16, 3) on (None, 10, 4): L_out 8; kernel (8, 12, 16) + bias (8, 16) = 1,536 + 128 = 1,664', () => {
  const r = run('LocallyConnected1D', [16, 3], {}, [null, 10, 4], { version: 2 });
  assert.deepEqual(r.shape, [null, 8, 16]);
  assert.equal(r.total, 1664);
  // Keras 1 spelling: nb_filter, filter_length, subsample_length → (10 − 3) / 2 + 1 = 4 positions
  const k1 = run('LocallyConnected1D', [16, 3], { subsample_length: 2 }, [null, 10, 4], { version: 1 });
  assert.deepEqual(k1.shape, [null, 4, 16]);
  assert.equal(k1.total, 4 * 12 * 16 + 4 * 16);
});

test('LocallyConnected2D(8, (3, 3)) on (None, 6, 5, 2): 4×3 positions; kernel (12, 18, 8) + bias (4, 3, 8) = 1,728 + 96', () => {
  const r = run('LocallyConnected2D', [8, [3, 3]], {}, [null, 6, 5, 2], { version: 2 });
  assert.deepEqual(r.shape, [null, 4, 3, 8]);
  assert.equal(r.total, 1824);
  // Keras 1: LocallyConnected2D(nb_filter, nb_row, nb_col, dim_ordering='th') on (None, 2, 6, 5)
  const k1 = run('LocallyConnected2D', [8, 3, 3], { dim_ordering: 'th' }, [null, 2, 6, 5], { version: 1 });
  assert.deepEqual(k1.shape, [null, 8, 4, 3]);
  assert.equal(k1.total, 1824);
  assert.equal(run('LocallyConnected2D', [8, [3, 3]], { use_bias: false }, [null, 6, 5, 2], { version: 2 }).total, 1728);
});

test('LocallyConnected errors: removed in Keras 3; unknown spatial dim; padding same in Keras 1', () => {
  assert.throws(() => run('LocallyConnected1D', [16, 3], {}, [null, 10, 4]), (e: unknown) => e instanceof KerasError && /removed in Keras 3/.test(e.message));
  assert.throws(() => run('LocallyConnected2D', [8, [3, 3]], {}, [null, 6, 5, 2]), /removed in Keras 3/);
  assert.throws(() => run('LocallyConnected1D', [16, 3], {}, [null, null, 4], { version: 2 }), KerasError);
  assert.throws(() => run('LocallyConnected1D', [16, 3], { border_mode: 'same' }, [null, 10, 4], { version: 1 }), /Invalid border mode/);
  assert.throws(() => run('LocallyConnected1D', [16, 30], {}, [null, 10, 4], { version: 2 }), KerasError);
});

test('MaxoutDense(5) on (None, 8) (nb_feature 4): W (4, 8, 5) + b (4, 5) = 160 + 20 = 180 → (None, 5)', () => {
  const r = run('MaxoutDense', [5], {}, [null, 8], { version: 1 });
  assert.deepEqual(r.shape, [null, 5]);
  assert.equal(r.total, 180);
  assert.equal(run('MaxoutDense', [5, 2], { bias: false }, [null, 8], { version: 2 }).total, 80);
  assert.throws(() => run('MaxoutDense', [5], {}, [null, 3, 8], { version: 1 }), /expected ndim=2/);
});

test('Highway on (None, 10): 2·10² + 2·10 = 220, same shape; bias=False 200', () => {
  const r = run('Highway', [], {}, [null, 10], { version: 1 });
  assert.deepEqual(r.shape, [null, 10]);
  assert.equal(r.total, 220);
  assert.equal(run('Highway', [], { bias: false }, [null, 10], { version: 2 }).total, 200);
});

test('TimeDistributedDense(6) on (None, 5, 8): 8·6 + 6 = 54 → (None, 5, 6) (Keras 1 only)', () => {
  const r = run('TimeDistributedDense', [6], {}, [null, 5, 8], { version: 1 });
  assert.deepEqual(r.shape, [null, 5, 6]);
  assert.equal(r.total, 54);
  assert.throws(() => run('TimeDistributedDense', [6], {}, [null, 5, 8], { version: 2 }), /removed in Keras 2/);
});

test('ParametricSoftplus: alphas + betas of PReLU shape: (None, 4, 5) → 2·20 = 40; shared_axes=1 → 2·5 = 10', () => {
  assert.equal(run('ParametricSoftplus', [], {}, [null, 4, 5], { version: 1 }).total, 40);
  assert.equal(run('ParametricSoftplus', [], { shared_axes: [1] }, [null, 4, 5], { version: 1 }).total, 10);
});

test('SReLU: 4 tensors of PReLU shape: (None, 8, 8, 3) shared [1, 2] → 4·3 = 12; (None, 10) → 40', () => {
  assert.equal(run('SReLU', [], { shared_axes: [1, 2] }, [null, 8, 8, 3], { version: 1 }).total, 12);
  assert.equal(run('SReLU', [], {}, [null, 10], { version: 1 }).total, 40);
  assert.throws(() => run('SReLU', [], {}, [null, null, 3], { version: 1 }), KerasError);
});

test('Keras 3 rejects every Keras 1/2-only layer', () => {
  for (const [cls, args, shape] of [['MaxoutDense', [5], [null, 8]], ['Highway', [], [null, 8]], ['TimeDistributedDense', [4], [null, 5, 8]],
    ['ParametricSoftplus', [], [null, 8]], ['SReLU', [], [null, 8]]] as const) {
    assert.throws(() => run(cls, args, {}, shape), (e: unknown) => e instanceof KerasError && /removed in Keras 3/.test(e.message), cls);
  }
});

// Whole-path cases (cases.ts): Keras 1/2 rules, hand-worked (no real Keras 1/2 to run); under Keras 3 each class is the
// AttributeError real Keras 3 raises, which the replay does check.

test('LocallyConnected1D figures: kernel (L_out, k·Cin, F) + bias (L_out, F); channels_first; tf.keras implementation 2 and 3', async () => {
  await figures('LocallyConnected1D(16, 3)', [null, 10, 4], { shape: [null, 8, 16], params: 1664 }, { version: 2 }); // 8·12·16 + 8·16
  await figures('LocallyConnected1D(16, 3, data_format="channels_first")', [null, 4, 10], { shape: [null, 16, 8], params: 1664 }, { version: 2 });
  // Keras 1 subsample_length=2: ⌊(10 − 3)/2⌋ + 1 = 4 positions → 4·12·16 + 4·16 = 832
  await figures('LocallyConnected1D(16, 3, subsample_length=2)', [null, 10, 4], { shape: [null, 4, 16], params: 832 }, { version: 1 });
  // implementation=2: a dense kernel (L_in, Cin, L_out, F) = (5, 3, 3, 2) = 90, bias (3, 2) = 6
  await figures('LocallyConnected1D(2, 3, implementation=2)', [null, 5, 3], { shape: [null, 3, 2], params: 96 }, { version: 2 });
  // implementation=3, same: windows around p = 0..4 hold 2, 3, 3, 3, 2 inputs = 13 → 13·3·2 = 78; bias (5, 2) = 10
  await figures('LocallyConnected1D(2, 3, padding="same", implementation=3)', [null, 5, 3], { shape: [null, 5, 2], params: 88 }, { version: 2 });
});

test('LocallyConnected2D figures: kernel (R·C, kr·kc·Cin, F) + bias (R, C, F)', async () => {
  await figures('LocallyConnected2D(8, (3, 3))', [null, 6, 5, 2], { shape: [null, 4, 3, 8], params: 1824 }, { version: 2 }); // 12·18·8 + 4·3·8
  await figures('LocallyConnected2D(8, (3, 3), data_format="channels_first")', [null, 2, 6, 5], { shape: [null, 8, 4, 3], params: 1824 }, { version: 2 });
  await figures('LocallyConnected2D(8, 3, 3, dim_ordering="th")', [null, 2, 6, 5], { shape: [null, 8, 4, 3], params: 1824 }, { version: 1 });
  await figures('LocallyConnected2D(8, (3, 3), use_bias=False)', [null, 6, 5, 2], { shape: [null, 4, 3, 8], params: 1728 }, { version: 2 });
  // implementation=2: (3, 3, 1, 2, 2, 2) = 72 + bias (2, 2, 2) = 8
  await figures('LocallyConnected2D(2, 2, implementation=2)', [null, 3, 3, 1], { shape: [null, 2, 2, 2], params: 80 }, { version: 2 });
});

test('LocallyConnected error cases', async () => {
  await rejects('LocallyConnected1D(16, 3)', [null, 10, 4], /has no attribute 'LocallyConnected1D'/);
  await rejects('LocallyConnected2D(8, (3, 3))', [null, 6, 5, 2], /has no attribute 'LocallyConnected2D'/);
  await rejects('LocallyConnected1D(16, 3)', [null, null, 4], /spatial dimension/, { version: 2 });
  await rejects('LocallyConnected1D(16, 3, border_mode="same")', [null, 10, 4], /Invalid border mode/, { version: 1 });
  await rejects('LocallyConnected1D(16, 30)', [null, 10, 4], /zero or negative|negative/, { version: 2 });
  await rejects('LocallyConnected2D(8, (3, 3))', [null, 6, 5], /expected ndim=4, found ndim=3/, { version: 2 });
});

test('Keras 1 core and activation layers: figures', async () => {
  await figures('MaxoutDense(5)', [null, 8], { shape: [null, 5], params: 180 }, { version: 1 }); // W (4, 8, 5) + b (4, 5)
  await figures('MaxoutDense(5, 2, bias=False)', [null, 8], { shape: [null, 5], params: 80 }, { version: 2 }); // 2·8·5
  await figures('Highway()', [null, 10], { shape: [null, 10], params: 220 }, { version: 1 }); // 2·10² + 2·10
  await figures('Highway(bias=False)', [null, 10], { shape: [null, 10], params: 200 }, { version: 2 });
  await figures('TimeDistributedDense(6)', [null, 5, 8], { shape: [null, 5, 6], params: 54 }, { version: 1 }); // 8·6 + 6
  await figures('ParametricSoftplus()', [null, 4, 5], { shape: [null, 4, 5], params: 40 }, { version: 1 }); // 2·4·5
  await figures('ParametricSoftplus(shared_axes=[1])', [null, 4, 5], { shape: [null, 4, 5], params: 10 }, { version: 1 }); // 2·1·5
  await figures('SReLU(shared_axes=[1, 2])', [null, 8, 8, 3], { shape: [null, 8, 8, 3], params: 12 }, { version: 1 }); // 4·3
  await figures('SReLU()', [null, 10], { shape: [null, 10], params: 40 }, { version: 1 });
});

test('Keras 1 core and activation layers: error cases', async () => {
  await rejects('MaxoutDense(5)', [null, 3, 8], /expected ndim=2/, { version: 1 });
  await rejects('MaxoutDense(5)', [null, 8], /has no attribute 'MaxoutDense'/);
  await rejects('Highway()', [null, 3, 8], /expected ndim=2/, { version: 1 });
  await rejects('Highway()', [null, 8], /has no attribute 'Highway'/);
  await rejects('TimeDistributedDense(6)', [null, 5, 8], /removed in Keras 2/, { version: 2 });
  await rejects('TimeDistributedDense(6)', [null, 5, 8], /has no attribute 'TimeDistributedDense'/);
  await rejects('ParametricSoftplus()', [null, null, 3], /non-shared dimension/, { version: 1 });
  await rejects('ParametricSoftplus()', [null, 8], /has no attribute 'ParametricSoftplus'/);
  await rejects('SReLU()', [null, null, 3], /non-shared dimension/, { version: 1 });
  await rejects('SReLU()', [null, 8], /has no attribute 'SReLU'/);
});
