// Recurrent layers and wrappers. Figures worked by hand from keras-layers.md §3.6 (✔ rows) and §6b.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { layerArg, run } from './harness';

const x: [null, number, number] = [null, 10, 8];

test('u=32, D=8: SimpleRNN 32·(32+8+1) = 1312; LSTM 4·32·41 = 5248; GRU 3·32·(40+2) = 4032', () => {
  assert.equal(run('SimpleRNN', [32], {}, x).total, 1312);
  assert.equal(run('LSTM', [32], {}, x).total, 5248);
  const gru = run('GRU', [32], {}, x);
  assert.equal(gru.total, 4032);
  assert.deepEqual(gru.build.weights.find((w) => w.name === 'bias')?.shape, [2, 96]);
  assert.equal(gru.build.formula?.numeric, '3 × 32 × (32 + 8 + 2)');
});

test('GRU reset_after: False → 3·32·41 = 3936; Keras 1/2 default False', () => {
  assert.equal(run('GRU', [32], { reset_after: false }, x).total, 3936);
  assert.equal(run('GRU', [32], {}, x, { version: 2 }).total, 3936);
  assert.equal(run('GRU', [32], {}, x, { version: 1 }).total, 3936);
});

test('use_bias=False: LSTM 4·32·40 = 5120; Keras 1 ignores it (always biased)', () => {
  assert.equal(run('LSTM', [32], { use_bias: false }, x).total, 5120);
  assert.equal(run('SimpleRNN', [], { output_dim: 32, init: 'glorot_uniform' }, x, { version: 1 }).total, 1312);
});

test('return_sequences and return_state shapes', () => {
  assert.deepEqual(run('LSTM', [32], { return_sequences: true }, x).shape, [null, 10, 32]);
  const r = run('LSTM', [32], { return_state: true }, x);
  assert.deepEqual(r.outputs, [[null, 32], [null, 32], [null, 32]]);
  assert.equal(r.build.multiOutput, true);
  assert.equal(run('GRU', [4], { return_state: true, return_sequences: true }, x).outputs.length, 2);
});

test('RNN errors: rank ≠ 3, unknown feature dim, non-positive units', () => {
  assert.throws(() => run('LSTM', [32], {}, [null, 8]), (e: unknown) => e instanceof KerasError && /expected ndim=3/.test(e.message));
  assert.throws(() => run('LSTM', [32], {}, [null, 10, null]), KerasError);
  assert.throws(() => run('SimpleRNN', [0], {}, x), /positive integer/);
});

test('CuDNNLSTM/CuDNNGRU (Keras 2 only): 4·32·(40+2) = 5376; 3·32·42 = 4032', () => {
  assert.equal(run('CuDNNLSTM', [32], {}, x, { version: 2 }).total, 5376);
  assert.equal(run('CuDNNGRU', [32], {}, x, { version: 2 }).total, 4032);
  assert.throws(() => run('CuDNNLSTM', [32], {}, x), /CuDNNLSTM/);
});

test('Bidirectional(LSTM(32)) on D=8: 2·5248 = 10,496, concat → (None, 64)', () => {
  const r = run('Bidirectional', [layerArg('LSTM', [32])], {}, x);
  assert.equal(r.total, 10496);
  assert.deepEqual(r.shape, [null, 64]);
});

test('Fixture 2: Bidirectional(LSTM(64, return_sequences=True)) on (None,None,128): 2·4·64·(64+128+1) = 98,816', () => {
  const r = run('Bidirectional', [layerArg('LSTM', [64], { return_sequences: true })], {}, [null, null, 128]);
  assert.deepEqual(r.shape, [null, null, 128]);
  assert.equal(r.total, 98816);
  assert.deepEqual(run('Bidirectional', [layerArg('LSTM', [64])], {}, [null, null, 128]).shape, [null, 128]);
});

test('Bidirectional merge modes: sum keeps units; None gives two outputs; return_state concat gives 5 tensors', () => {
  assert.deepEqual(run('Bidirectional', [layerArg('GRU', [4])], { merge_mode: 'sum' }, x).shape, [null, 4]);
  const none = run('Bidirectional', [layerArg('GRU', [4])], { merge_mode: null }, x);
  assert.deepEqual(none.outputs, [[null, 4], [null, 4]]);
  assert.equal(none.build.multiOutput, true);
  const st = run('Bidirectional', [layerArg('LSTM', [4], { return_sequences: true, return_state: true })], {}, x);
  assert.deepEqual(st.outputs, [[null, 10, 8], [null, 4], [null, 4], [null, 4], [null, 4]]);
});

test('Bidirectional errors: bad merge_mode, non-recurrent layer', () => {
  assert.throws(() => run('Bidirectional', [layerArg('LSTM', [4])], { merge_mode: 'max' }, x), /Invalid merge mode/);
  assert.throws(() => run('Bidirectional', [layerArg('Dense', [4])], {}, x), /recurrent layer/);
});

test('Bidirectional with a backward_layer of other size: Keras 3 still doubles the forward units', () => {
  const r = run('Bidirectional', [layerArg('LSTM', [4])], { backward_layer: layerArg('LSTM', [6], { go_backwards: true }) }, x);
  // params: 4·4·(4+8+1) + 4·6·(6+8+1) = 208 + 360 = 568
  assert.equal(r.total, 568);
  assert.deepEqual(r.shape, [null, 8]);
});

test('TimeDistributed: Dense(5) on (None,10,8) → (None,10,5), 45; Conv2D(4,3) on (None,10,8,8,3) → (None,10,6,6,4), 4·(27+1) = 112', () => {
  const d = run('TimeDistributed', [layerArg('Dense', [5])], {}, [null, 10, 8]);
  assert.deepEqual(d.shape, [null, 10, 5]);
  assert.equal(d.total, 45);
  const c = run('TimeDistributed', [layerArg('Conv2D', [4, 3])], {}, [null, 10, 8, 8, 3]);
  assert.deepEqual(c.shape, [null, 10, 6, 6, 4]);
  assert.equal(c.total, 112);
  assert.throws(() => run('TimeDistributed', [layerArg('Dense', [5])], {}, [null, 8]), /min_ndim=3/);
});
