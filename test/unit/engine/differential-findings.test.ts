// Behaviours the differential test against real Keras 3.15.1 found (test/differential/KNOWN.md);
// each expected figure is Keras's printout for the same source, or worked by hand where noted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const H = 'import keras\nfrom keras import layers\n';

test('ConvLSTM2D: 4 × filters × (kernel × (in + filters) + 1)', async () => {
  await ready;
  const f = analyze(`${H}m = keras.Sequential([keras.Input((5, 16, 16, 3)), layers.ConvLSTM2D(8, 3)])\n`);
  // 4 × 8 × (3·3 × (3 + 8) + 1) = 3,200; 16 − 3 + 1 = 14.
  assert.deepEqual(rows(model(f, 'm')), [['ConvLSTM2D', [null, 14, 14, 8], 3200]]);
});

test('Embedding(mask_zero=True) into an RNN: the not_equal mask op is a row, connected to the RNN', async () => {
  await ready;
  const f = analyze(`${H}i = keras.Input((6,), dtype="int32")
e = layers.Embedding(10, 4, mask_zero=True)(i)
d = layers.Dense(5)(e)
l = layers.LSTM(3, return_sequences=True)(d)
g = layers.GRU(2)(l)
m = keras.Model(i, g)
`);
  const mm = model(f, 'm');
  assert.deepEqual(mm.layers.map((x) => `${x.name} (${x.type})`), [
    'input_layer (InputLayer)', 'embedding (Embedding)', 'dense (Dense)', 'not_equal (NotEqual)', 'lstm (LSTM)', 'gru (GRU)',
  ]);
  assert.deepEqual(mm.layers[4].connectedTo, ['dense[0][0]', 'not_equal[0][0]']);
  assert.deepEqual(mm.layers[3].outputShape, [null, 6]);
});

test('Masking: not_equal then any, ahead of the consumers', async () => {
  await ready;
  const f = analyze(`${H}i = keras.Input((6, 3))
mm = layers.Masking()(i)
p = layers.GlobalAveragePooling1D()(mm)
q = layers.LSTM(2)(mm)
m = keras.Model(i, [p, q])
`);
  assert.deepEqual(model(f, 'm').layers.map((x) => [x.type, x.outputShape]), [
    ['InputLayer', [null, 6, 3]], ['NotEqual', [null, 6, 3]], ['Masking', [null, 6, 3]], ['Any', [null, 6]],
    ['GlobalAveragePooling1D', [null, 3]], ['LSTM', [null, 2]],
  ]);
});

test('a wrapper\'s weights follow the wrapped layer\'s trainable flag, not the wrapper\'s constructor flag', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Input((5, 6))
a = keras.Model(x, layers.TimeDistributed(layers.Dense(4, trainable=False))(x))
b = keras.Model(x, layers.TimeDistributed(layers.Dense(4), trainable=False)(x))
`);
  // Dense(4) on 6: 4 × 7 = 28.
  assert.deepEqual(totals(model(f, 'a')), [28, 0, 28]);
  assert.deepEqual(totals(model(f, 'b')), [28, 28, 0]);
});

test('errors Keras raises: a backwards RNN in Bidirectional, base keywords on SpatialDropout', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Input((6, 4))
y = layers.Bidirectional(layers.LSTM(3, go_backwards=True))(x)
z = layers.SpatialDropout1D(0.2, trainable=False)(x)
`);
  const errs = f.diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line);
  assert.deepEqual(errs, [3, 4]);
});

test('unpacking a multi-output layer whose input shape is unknown keeps the model', async () => {
  await ready;
  const f = analyze(`${H}inp = keras.Input((5, 3))
x = layers.Mystery()(inp)
seq, state = layers.GRU(4, return_sequences=True, return_state=True)(x)
m = keras.Model(inp, seq)
`);
  const mm = model(f, 'm');
  assert.deepEqual(mm.layers.map((l) => l.type), ['InputLayer', 'Mystery', 'GRU']);
  assert.equal(mm.totalParams, null);
});

test('attention layers (figures printed by Keras 3.15.1 for the same source)', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Input((10, 32))
y = keras.Input((7, 24))
z = keras.Input((7, 40))
a = layers.MultiHeadAttention(4, 16)(x, x)
b = layers.MultiHeadAttention(num_heads=4, key_dim=16, value_dim=8, output_shape=20)(x, y, z)
c, s = layers.MultiHeadAttention(2, 8, use_bias=False)(query=x, value=x, return_attention_scores=True)
d = layers.Attention()([x, x])
e = layers.AdditiveAttention()([x, x])
g = layers.Attention(use_scale=True, score_mode="concat")([x, x])
out = layers.Concatenate()([a, b, c, d, e, g])
m = keras.Model([x, y, z], [out, s])
`);
  assert.deepEqual(rows(model(f, 'm')).slice(3), [
    // 4 heads × 16: query 32·64 + 64, key the same, value the same, output 64·32 + 32 = 8,416
    ['MultiHeadAttention', [null, 10, 32], 8416],
    ['MultiHeadAttention', [null, 10, 20], 6196],
    ['MultiHeadAttention', [[null, 10, 32], [null, 2, 10, 10]], 2048],
    ['Attention', [null, 10, 32], 0],
    ['AdditiveAttention', [null, 10, 32], 32],
    ['Attention', [null, 10, 32], 2],
    ['Concatenate', [null, 10, 180], 0],
  ]);
});

test('trainable=False on RNN(cell) / ConvLSTM2D does not reach the cell (Keras 3.15.1); on the cell it does', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Input((5, 8))
a = keras.Model(x, layers.RNN(layers.SimpleRNNCell(8), trainable=False)(x))
b = keras.Model(x, layers.RNN(layers.SimpleRNNCell(8, trainable=False))(x))
v = keras.Input((3, 4, 4, 2))
c = keras.Model(v, layers.ConvLSTM2D(5, (1, 1), trainable=False)(v))
`);
  // SimpleRNNCell(8) on 8: 8 × (8 + 8 + 1) = 136; ConvLSTM2D(5, 1×1) on 2 channels: 4 × 5 × (1 × (2 + 5) + 1) = 160.
  assert.deepEqual(totals(model(f, 'a')), [136, 136, 0]);
  assert.deepEqual(totals(model(f, 'b')), [136, 0, 136]);
  assert.deepEqual(totals(model(f, 'c')), [160, 160, 0]);
});

test('RNN cells keep their own trainable flags, a cell stack\'s constructor flag does not reach its cells', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Input((5, 4))
a = keras.Model(x, layers.RNN([layers.SimpleRNNCell(3), layers.SimpleRNNCell(2, trainable=False)])(x))
b = keras.Model(x, layers.RNN(layers.StackedRNNCells([layers.SimpleRNNCell(3)], trainable=False))(x))
`);
  // SimpleRNNCell(3) on 4: 3 × (4 + 3 + 1) = 24; SimpleRNNCell(2) on 3: 2 × (3 + 2 + 1) = 12 (frozen).
  assert.deepEqual(totals(model(f, 'a')), [36, 24, 12]);
  assert.deepEqual(totals(model(f, 'b')), [24, 24, 0]);
});

test('Lambda takes the incoming mask (a node input) and passes none on', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Input((6, 3))
m = layers.Masking()(x)
y = layers.Lambda(lambda t: t * 2, output_shape=(6, 3))(m)
model = keras.Model(x, y)
`);
  assert.deepEqual(model(f, 'model').layers.map((l) => l.type), ['InputLayer', 'NotEqual', 'Masking', 'Any', 'Lambda']);
});
