// Recurrent layers and wrappers. Figures worked by hand from keras-layers.md §3.6 (✔ rows) and §6b.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { layerArg, run } from './harness';
import { figures, rejects } from './cases';

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

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.
// Params: SimpleRNN u·(u + D + 1); LSTM 4u·(u + D + 1); GRU 3u·(u + D + 2) with reset_after (Keras 3), 3u·(u + D + 1) without.

test('SimpleRNN figures: sequences, stateful with a fixed batch, Keras 1/2 spellings', async () => {
  await figures('SimpleRNN(32)', [null, 10, 8], { shape: [null, 32], params: 1312 }); // 32·(32+8+1)
  await figures('SimpleRNN(4, return_sequences=True)', [null, null, 3], { shape: [null, null, 4], params: 32 }); // 4·(4+3+1)
  await figures('SimpleRNN(4, stateful=True)', [2, 5, 3], { shape: [2, 4], params: 32 });
  await figures('SimpleRNN(output_dim=32, init="glorot_uniform")', [null, 10, 8], { shape: [null, 32], params: 1312 }, { version: 1 });
  await figures('SimpleRNN(32, "glorot_uniform", "orthogonal", "tanh")', [null, 10, 8], { shape: [null, 32], params: 1312 }, { version: 1 });
  await figures('SimpleRNN(units=4, dropout_U=0.1)', [null, 10, 8], { shape: [null, 4], params: 52 }, { version: 2 }); // 4·(4+8+1)
});

test('LSTM figures: states, no bias, Keras 1/2 spellings', async () => {
  await figures('LSTM(32)', [null, 10, 8], { shape: [null, 32], params: 5248 }); // 4·32·41
  await figures('LSTM(4, return_sequences=True, return_state=True)', [null, 10, 8], { shape: [[null, 10, 4], [null, 4], [null, 4]], params: 208 }); // 4·4·13
  await figures('LSTM(32, use_bias=False)', [null, 10, 8], { shape: [null, 32], params: 5120 }); // 4·32·40
  await figures('LSTM(8, implementation=2, unit_forget_bias=False)', [null, 10, 8], { shape: [null, 8], params: 544 }); // 4·8·17
  await figures('LSTM(output_dim=4, inner_activation="hard_sigmoid", forget_bias_init="one")', [null, 10, 8], { shape: [null, 4], params: 208 }, { version: 1 });
  await figures('LSTM(4, consume_less="gpu")', [null, 10, 8], { shape: [null, 4], params: 208 }, { version: 1 });
  await figures('LSTM(4, implementation=2)', [null, 10, 8], { shape: [null, 4], params: 208 }, { version: 2 });
});

test('GRU figures: reset_after per Keras version (True in Keras 3, False in Keras 1/2)', async () => {
  await figures('GRU(32)', [null, 10, 8], { shape: [null, 32], params: 4032 }); // 3·32·(32+8+2)
  await figures('GRU(4, reset_after=False, use_bias=False)', [null, 10, 8], { shape: [null, 4], params: 144 }); // 3·4·12
  await figures('GRU(4, return_state=True)', [null, 10, 8], { shape: [[null, 4], [null, 4]], params: 168 }); // 3·4·14
  await figures('GRU(32)', [null, 10, 8], { shape: [null, 32], params: 3936 }, { version: 2 }); // 3·32·41
  await figures('GRU(32, reset_after=True)', [null, 10, 8], { shape: [null, 32], params: 4032 }, { version: 2 });
  await figures('GRU(output_dim=32, inner_activation="hard_sigmoid")', [null, 10, 8], { shape: [null, 32], params: 3936 }, { version: 1 });
});

test('CuDNNLSTM / CuDNNGRU (Keras 2 only): always a double bias', async () => {
  await figures('CuDNNLSTM(32)', [null, 10, 8], { shape: [null, 32], params: 5376 }, { version: 2 }); // 4·32·40 + 8·32
  await figures('CuDNNLSTM(4, return_sequences=True, return_state=True)', [null, 10, 8], { shape: [[null, 10, 4], [null, 4], [null, 4]], params: 224 }, { version: 2 }); // 4·4·12 + 32
  await figures('CuDNNGRU(32)', [null, 10, 8], { shape: [null, 32], params: 4032 }, { version: 2 }); // 3·32·40 + 6·32
  await rejects('CuDNNLSTM(32)', [null, 10, 8], /has no attribute 'CuDNNLSTM'/);
  await rejects('CuDNNGRU(32)', [null, 10, 8], /has no attribute 'CuDNNGRU'/);
});

test('SimpleRNN / LSTM / GRU error cases', async () => {
  await rejects('SimpleRNN(0)', [null, 10, 8], /expected a positive integer, got 0/);
  await rejects('SimpleRNN()', [null, 10, 8], /missing 1 required positional argument: 'units'/);
  await rejects('SimpleRNN(4)', [null, 8], /expected ndim=3, found ndim=2/);
  await rejects('SimpleRNN(4, time_major=True)', [null, 10, 8], /Unrecognized keyword arguments passed to SimpleRNN: \{'time_major': True\}/);
  await rejects('SimpleRNN(4, stateful=True)', [null, 5, 3], /When using `stateful=True` in a RNN, the batch size must be static/);
  await rejects('LSTM(4)', [null, 10, null], /feature \(last\) dimension of the input must be defined/);
  await rejects('LSTM(4)', [null, 2, 10, 8], /expected ndim=3, found ndim=4/);
  await rejects('GRU(-1)', [null, 10, 8], /expected a positive integer, got -1/);
});

test('Bidirectional figures: merge modes, a backward_layer, states, Keras 1/2', async () => {
  await figures('Bidirectional(layers.LSTM(32))', [null, 10, 8], { shape: [null, 64], params: 10496 }); // 2·5,248
  await figures('Bidirectional(layers.GRU(4), merge_mode="mul")', [null, 10, 8], { shape: [null, 4], params: 336 }); // 2·168
  await figures('Bidirectional(layers.GRU(4), merge_mode="ave")', [null, 10, 8], { shape: [null, 4], params: 336 });
  await figures('Bidirectional(layers.SimpleRNN(4, return_sequences=True), merge_mode=None)', [null, 10, 8], { shape: [[null, 10, 4], [null, 10, 4]], params: 104 });
  // forward LSTM(4) 208 + backward LSTM(6) 4·6·15 = 360; Keras 3 still reports 2·4 on the concat axis
  await figures('Bidirectional(layers.LSTM(4), backward_layer=layers.LSTM(6, go_backwards=True))', [null, 10, 8], { shape: [null, 8], params: 568 });
  await figures('Bidirectional(layers.LSTM(4), backward_layer=layers.LSTM(6, go_backwards=True))', [null, 10, 8], { shape: [null, 10], params: 568 }, { version: 2 }); // tf.keras: 4 + 6
  await figures('Bidirectional(layers.LSTM(4, return_sequences=True, return_state=True))', [null, 10, 8],
    { shape: [[null, 10, 8], [null, 4], [null, 4], [null, 4], [null, 4]], params: 416 });
  await figures('Bidirectional(layers.LSTM(4))', [null, 10, 8], { shape: [null, 8], params: 416 }, { version: 1 }); // Keras 1 biases always
});

test('Bidirectional error cases', async () => {
  await rejects('Bidirectional(layers.LSTM(4, go_backwards=True))', [null, 10, 8], /Forward layer and backward layer should have different `go_backwards` value/);
  await rejects('Bidirectional(layers.LSTM(4), backward_layer=layers.LSTM(6))', [null, 10, 8], /should have different `go_backwards` value/);
  await rejects('Bidirectional(layers.LSTM(4, return_sequences=True), backward_layer=layers.LSTM(4, go_backwards=True))', [null, 10, 8],
    /expected to have the same value for attribute "return_sequences"/);
  await rejects('Bidirectional(layers.Dense(4))', [null, 10, 8], /must be a recurrent layer/);
  await rejects('Bidirectional(layers.GRU(4), merge_mode="max")', [null, 10, 8], /Invalid merge mode. Received: max/);
  await rejects('Bidirectional(layers.LSTM(4))', [null, 8], /expected ndim=3, found ndim=2/);
  await rejects('Bidirectional()', [null, 10, 8], /missing 1 required positional argument: 'layer'/);
});

test('TimeDistributed figures and errors: the inner layer on (B, *in[2:])', async () => {
  await figures('TimeDistributed(layers.Dense(5))', [null, 10, 8], { shape: [null, 10, 5], params: 45 }); // 8·5 + 5
  await figures('TimeDistributed(layers.Conv2D(4, 3, data_format="channels_first"))', [null, 10, 3, 8, 8], { shape: [null, 10, 4, 6, 6], params: 112 });
  await figures('TimeDistributed(layers.LSTM(3))', [null, 4, 5, 8], { shape: [null, 4, 3], params: 144 }); // 4·3·12
  await figures('TimeDistributed(layers.Dense(5))', [null, 10, 8], { shape: [null, 10, 5], params: 45 }, { version: 1 });
  await rejects('TimeDistributed(layers.Dense(5))', [null, 8], /min_ndim=3/);
  await rejects('TimeDistributed(5)', [null, 10, 8], /must be a Keras layer, got 5/);
  await rejects('TimeDistributed(layers.Conv2D(4, 3))', [null, 10, 8, 8], /expected min_ndim=4, found ndim=3/);
});
