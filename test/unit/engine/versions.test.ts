// Keras versions: auto detection from spellings, and figures that differ between versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows } from './analyze';

const CONV = 'from keras.models import Sequential\nfrom keras.layers import Convolution2D\nm = Sequential()\nm.add(Convolution2D(32, 3, 3, input_shape=(28, 28, 1)))\n';

test('Convolution2D(32, 3, 3): Keras 3 reads kernel 3 strides 3, Keras 1 a 3×3 kernel; auto says so', async () => {
  await ready;
  const k3 = analyze(CONV);
  // Keras 3: floor((28 − 3) / 3) + 1 = 9; params 32 × (3·3·1 + 1) = 320 either way.
  assert.deepEqual(rows(model(k3, 'm')), [['Conv2D', [null, 9, 9, 32], 320]]);
  assert.ok(k3.diagnostics.some((d) => d.severity === 'info' && /--keras-version/.test(d.message)));
  const k1 = analyze(CONV, { kerasVersion: 1 });
  assert.deepEqual(rows(model(k1, 'm')), [['Conv2D', [null, 26, 26, 32], 320]]); // 28 − 3 + 1
});

test('Keras 1 spellings select the old rules: border_mode, output_dim, GRU without reset_after', async () => {
  await ready;
  const f = analyze(`from keras.models import Sequential
from keras.layers import Convolution2D, Dense, GRU, Flatten
m = Sequential()
m.add(Convolution2D(8, 3, 3, border_mode="same", input_shape=(10, 10, 2)))
m.add(Flatten())
m.add(Dense(output_dim=4))
g = Sequential()
g.add(GRU(5, input_shape=(7, 3)))
`);
  assert.equal(f.kerasVersion, 2);
  // 8 × (3·3·2 + 1) = 152; 10·10·8 = 800 → 4 × 801 = 3,204; GRU (reset_after=False): 3 × (5 × (3 + 5) + 5) = 135.
  assert.deepEqual(rows(model(f, 'm')), [['Conv2D', [null, 10, 10, 8], 152], ['Flatten', [null, 800], 0], ['Dense', [null, 4], 3204]]);
  assert.deepEqual(rows(model(f, 'g')), [['GRU', [null, 5], 135]]);
  assert.deepEqual(f.models.map((x) => x.name), ['sequential_1', 'sequential_2']); // Keras 1/2 names are one-based
});

test('Keras 3 GRU has reset_after=True: 3 × (5 × (3 + 5) + 2 × 5) = 150', async () => {
  await ready;
  const f = analyze('import keras\ng = keras.Sequential([keras.Input((7, 3)), keras.layers.GRU(5)])\n');
  assert.deepEqual(rows(model(f, 'g')), [['GRU', [null, 5], 150]]);
});

test('Embedding(output_dim=…) is current Keras 3 and does not switch versions', async () => {
  await ready;
  const f = analyze('import keras\ne = keras.Sequential([keras.Input((4,)), keras.layers.Embedding(input_dim=10, output_dim=3)])\n');
  assert.equal(f.kerasVersion, 3);
  assert.deepEqual(rows(model(f, 'e')), [['Embedding', [null, 4, 3], 30]]);
});

test('--data-format channels_first and backend.set_image_data_format', async () => {
  await ready;
  const src = 'import keras\nm = keras.Sequential([keras.Input((3, 8, 8)), keras.layers.Conv2D(4, 3)])\n';
  // channels_first: 3 input channels, 8 × 8 → 6 × 6; 4 × (3·3·3 + 1) = 112.
  assert.deepEqual(rows(model(analyze(src, { dataFormat: 'channels_first' }), 'm')), [['Conv2D', [null, 4, 6, 6], 112]]);
  const set = analyze(`import keras\nkeras.backend.set_image_data_format("channels_first")\n${src.split('\n')[1]}\n`);
  assert.deepEqual(rows(model(set, 'm')), [['Conv2D', [null, 4, 6, 6], 112]]);
});

test('Keras 1 merge(mode=…) and Model(input=, output=)', async () => {
  await ready;
  const f = analyze(`from keras.layers import Input, Dense, merge
from keras.models import Model
a = Input(shape=(32,))
b = Input(shape=(32,))
x = Dense(16)(a)
y = Dense(16)(b)
s = merge([x, y], mode='sum')
c = merge([x, y], mode='concat', concat_axis=-1)
out = Dense(1)(merge([s, c], mode='concat'))
model = Model(input=[a, b], output=out)
`);
  assert.equal(f.kerasVersion, 1);
  // Dense(16) on 32: 16 × 33 = 528 (twice); sum → 16, concat → 32, concat(16, 32) → 48; Dense(1): 49.
  const m = model(f, 'model');
  assert.deepEqual(m.layers.filter((l) => l.type === 'Merge').map((l) => l.outputShape), [[null, 16], [null, 32], [null, 48]]);
  assert.equal(m.totalParams, 528 * 2 + 49);
  assert.deepEqual(m.layers.map((l) => l.name).slice(0, 3), ['input_1', 'input_2', 'dense_1']);
});
