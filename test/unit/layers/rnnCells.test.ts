// The generic RNN wrapper with SimpleRNNCell / LSTMCell / GRUCell / StackedRNNCells. Figures from the cells' build()
// (same formulas as the layers, keras-layers.md §3.6 "RNN wrapper" ✔), checked against Keras 3.15.1 (JAX).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { layerArg, list, run } from './harness';
import { figures, rejects } from './cases';

const x: [null, number, number] = [null, 5, 8];

test('RNN(LSTMCell(16), return_sequences, return_state) on (None, 5, 8): 4·16·(16+8+1) = 1,600; [seq, h, c]', () => {
  const r = run('RNN', [layerArg('LSTMCell', [16])], { return_sequences: true, return_state: true }, x);
  assert.deepEqual(r.outputs, [[null, 5, 16], [null, 16], [null, 16]]);
  assert.equal(r.total, 1600);
  assert.equal(r.build.multiOutput, true);
});

test('a list of cells is a StackedRNNCells: [LSTMCell(16), GRUCell(4)] on D=8 → 1,600 + 3·4·(4+16+2) = 1,864; states in cell order', () => {
  const cells = list(layerArg('LSTMCell', [16]), layerArg('GRUCell', [4]));
  const r = run('RNN', [cells], { return_state: true }, x);
  assert.equal(r.total, 1864);
  assert.deepEqual(r.outputs, [[null, 4], [null, 16], [null, 16], [null, 4]]);
  assert.deepEqual(run('RNN', [cells], {}, x).shape, [null, 4]);
});

test('StackedRNNCells([SimpleRNNCell(3), SimpleRNNCell(5)]) on D=8: 3·(3+8+1) + 5·(5+3+1) = 36 + 45 = 81', () => {
  const stacked = layerArg('StackedRNNCells', [list(layerArg('SimpleRNNCell', [3]), layerArg('SimpleRNNCell', [5]))]);
  const r = run('RNN', [stacked], { return_state: true }, x);
  assert.equal(r.total, 81);
  assert.deepEqual(r.outputs, [[null, 5], [null, 3], [null, 5]]);
});

test('GRUCell: reset_after (Keras 3 default) → bias (2, 9): 3·3·(3+8+2) = 117; reset_after=False 108; Keras 2 default False', () => {
  assert.equal(run('RNN', [layerArg('GRUCell', [3])], {}, x).total, 117);
  assert.equal(run('RNN', [layerArg('GRUCell', [3], { reset_after: false })], {}, x).total, 108);
  assert.equal(run('RNN', [layerArg('GRUCell', [3], {}, 2)], {}, x, { version: 2 }).total, 108);
  assert.equal(run('RNN', [layerArg('SimpleRNNCell', [4], { use_bias: false })], {}, x).total, 48);
});

test('no InputSpec: the cell is built on the step shape (B, *in[2:]), so a rank-4 input works: (None, 5, 6, 8) → (None, 4), 4·(4+8+1) = 52', () => {
  const r = run('RNN', [layerArg('SimpleRNNCell', [4])], {}, [null, 5, 6, 8]);
  assert.deepEqual(r.shape, [null, 4]);
  assert.equal(r.total, 52);
});

test('Bidirectional(RNN(LSTMCell(3), return_state=True)) on D=8: 2·4·3·12 = 288; [concat (None, 6), 4 states]', () => {
  const r = run('Bidirectional', [layerArg('RNN', [layerArg('LSTMCell', [3])], { return_state: true })], {}, x);
  assert.equal(r.total, 288);
  assert.deepEqual(r.outputs, [[null, 6], [null, 3], [null, 3], [null, 3], [null, 3]]);
});

test('TimeDistributed(RNN(GRUCell(3))) on (None, 4, 5, 8) → (None, 4, 3), 117', () => {
  const r = run('TimeDistributed', [layerArg('RNN', [layerArg('GRUCell', [3])])], {}, [null, 4, 5, 8]);
  assert.deepEqual(r.shape, [null, 4, 3]);
  assert.equal(r.total, 117);
});

test('RNN errors: feature dim None, rank 2 (the step has no features), not a cell, empty list, stateful without batch, units ≤ 0, a cell called directly', () => {
  const err = (re: RegExp) => (e: unknown) => e instanceof KerasError && re.test(e.message);
  assert.throws(() => run('RNN', [layerArg('GRUCell', [3])], {}, [null, 5, null]), err(/fully-defined/));
  assert.throws(() => run('RNN', [layerArg('SimpleRNNCell', [4])], {}, [null, 8]), err(/fully-defined/));
  assert.throws(() => run('RNN', [layerArg('Dense', [3])], {}, x), err(/should have a `state_size` attribute/));
  assert.throws(() => run('RNN', [list()], {}, x), err(/empty/));
  assert.throws(() => run('RNN', [layerArg('GRUCell', [3])], { stateful: true }, x), err(/batch size must be static/));
  assert.deepEqual(run('RNN', [layerArg('GRUCell', [3])], { stateful: true }, [2, 5, 8]).shape, [2, 3]);
  assert.throws(() => run('GRUCell', [0], {}, [null, 8]), err(/expected a positive integer, got 0/));
  assert.throws(() => run('LSTMCell', [3], {}, [null, 8]), err(/missing a required argument: 'states'/));
  assert.throws(() => run('RNN', [layerArg('LSTMCell', [3])], {}, x, { version: 1 }), err(/Keras 1 has no RNN/));
});

test('a frozen cell freezes its weights: RNN(SimpleRNNCell(8, trainable=False)) on D=8 → 136 non-trainable', () => {
  const cell = layerArg('SimpleRNNCell', [8]);
  if (cell.t === 'layer') (cell.layer as { trainable: boolean }).trainable = false;
  const r = run('RNN', [cell], {}, x);
  assert.equal(r.nonTrainable, 136);
  assert.equal(r.trainable, 0);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.
// A cell is never a row: its figures are those of the RNN built around it (cell formulas as for the layers).

test('RNN with each cell kind, a list of cells and StackedRNNCells', async () => {
  await figures('RNN(layers.LSTMCell(16), return_sequences=True, return_state=True)', [null, 5, 8], { shape: [[null, 5, 16], [null, 16], [null, 16]], params: 1600 }); // 4·16·25
  await figures('RNN(layers.GRUCell(3))', [null, 5, 8], { shape: [null, 3], params: 117 }); // 3·3·(3+8+2)
  await figures('RNN(layers.GRUCell(3, reset_after=False), go_backwards=True, unroll=True)', [null, 5, 8], { shape: [null, 3], params: 108 }); // 3·3·12
  await figures('RNN(layers.GRUCell(3))', [null, 5, 8], { shape: [null, 3], params: 108 }, { version: 2 }); // Keras 2 reset_after=False
  await figures('RNN(layers.SimpleRNNCell(4, use_bias=False))', [null, 5, 8], { shape: [null, 4], params: 48 }); // 4·12
  await figures('RNN(layers.SimpleRNNCell(4))', [null, 5, 6, 8], { shape: [null, 4], params: 52 }); // no InputSpec: step (B, 6, 8)
  await figures('RNN(layers.GRUCell(3), stateful=True)', [2, 5, 8], { shape: [2, 3], params: 117 });
  // [LSTMCell(16), GRUCell(4)]: 1,600 + 3·4·(4+16+2) = 264 → 1,864; states h, c of the LSTM then the GRU's
  await figures('RNN([layers.LSTMCell(16), layers.GRUCell(4)], return_state=True)', [null, 5, 8], { shape: [[null, 4], [null, 16], [null, 16], [null, 4]], params: 1864 });
  // LSTMCell(2) on 8: 4·2·11 = 88; SimpleRNNCell(3) on 2: 3·(3+2+1) = 18
  await figures('RNN(layers.StackedRNNCells([layers.LSTMCell(2), layers.SimpleRNNCell(3)]), return_sequences=True)', [null, 5, 8], { shape: [null, 5, 3], params: 106 });
  await figures('RNN(layers.StackedRNNCells([layers.SimpleRNNCell(3), layers.SimpleRNNCell(5)]), return_state=True)', [null, 5, 8], { shape: [[null, 5], [null, 3], [null, 5]], params: 81 });
  await figures('Bidirectional(layers.RNN(layers.LSTMCell(3), return_state=True))', [null, 5, 8], { shape: [[null, 6], [null, 3], [null, 3], [null, 3], [null, 3]], params: 288 }); // 2·4·3·12
});

test('RNN and cell error cases', async () => {
  await rejects('RNN(layers.GRUCell(3))', [null, 5, null], /fully-defined/);
  await rejects('RNN(layers.SimpleRNNCell(4))', [null, 8], /fully-defined/);
  await rejects('RNN(layers.Dense(3))', [null, 5, 8], /should have a `state_size` attribute/);
  await rejects('RNN(layers.GRUCell(3), stateful=True)', [null, 5, 8], /batch size must be static/);
  await rejects('RNN(layers.LSTMCell(-1))', [null, 5, 8], /expected a positive integer, got -1/);
  await rejects('RNN()', [null, 5, 8], /missing 1 required positional argument: 'cell'/);
  await rejects('RNN(layers.LSTMCell(3))', [null, 5, 8], /Keras 1 has no RNN/, { version: 1 });
  await rejects('SimpleRNNCell(4)', [null, 8], /missing a required argument: 'states'/);
  await rejects('LSTMCell(3)', [null, 8], /missing a required argument: 'states'/);
  await rejects('GRUCell(3)', [null, 8], /missing a required argument: 'states'/);
  await rejects('StackedRNNCells([layers.SimpleRNNCell(3)])', [null, 8], /missing a required argument: 'states'/);
});
