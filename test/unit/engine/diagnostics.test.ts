// Diagnostics: Keras's errors at the right line, unknown layers and names as info, never a guessed figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows } from './analyze';

const H = 'import keras\nfrom keras import layers\n';
const errorsOn = (src: string) => analyze(src).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.range.start.line, d.message]);

test('shape errors Keras raises become errors on the layer line', async () => {
  await ready;
  const cases: [string, number, RegExp][] = [
    [`${H}x = keras.Input((10,))\ny = layers.Conv2D(4, 3)(x)\n`, 3, /ndim=4/],
    [`${H}x = keras.Input((3, 4))\ny = layers.Reshape((5, 3))(x)\n`, 3, /12|size|reshape/i],
    [`${H}a = keras.Input((16,))\nb = keras.Input((8,))\nc = layers.Add()([a, b])\n`, 4, /incompatible|shape/i],
    [`${H}x = keras.Input((2, 2, 1))\ny = layers.Conv2D(4, 3)(x)\n`, 3, /negative|zero/i],
  ];
  for (const [src, line, msg] of cases) {
    const errs = errorsOn(src);
    assert.ok(errs.some(([l, m]) => l === line && msg.test(String(m))), `expected an error on line ${line + 1} matching ${msg}: ${JSON.stringify(errs)}`);
  }
});

test('an unknown layer is ? with a reason, the others still count', async () => {
  await ready;
  const f = analyze(`${H}m = keras.Sequential([keras.Input((8,)), layers.Dense(4), layers.FancyNewLayer(3), layers.Dense(2)])\n`);
  const m = model(f, 'm');
  assert.deepEqual(rows(m), [['Dense', [null, 4], 36], ['FancyNewLayer', null, null], ['Dense', null, null]]);
  assert.match(m.layers[1].unknownReason ?? '', /FancyNewLayer/);
  assert.equal(m.totalParams, null);
  assert.ok(f.diagnostics.some((d) => d.severity === 'info' && /FancyNewLayer/.test(d.message)));
  assert.ok(!f.diagnostics.some((d) => d.severity === 'error'));
});

test('an Input after an unknown layer fixes the shapes again', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Input((4,))\ny = layers.Mystery()(x)\nz = keras.Input((6,))\nw = layers.Dense(2)(z)\nm = keras.Model(z, w)\n`);
  assert.deepEqual(rows(model(f, 'm')), [['InputLayer', [null, 6], 0], ['Dense', [null, 2], 14]]);
});

test('an undefined name is an info diagnostic that names it', async () => {
  await ready;
  const f = analyze(`${H}m = keras.Sequential([keras.Input((8,)), layers.Dense(UNITS)])\n`);
  assert.ok(f.diagnostics.some((d) => d.severity === 'info' && /UNITS/.test(d.message) && d.range.start.line === 2));
  assert.deepEqual(rows(model(f, 'm')), [['Dense', null, null]]);
});

test('a syntax error mid-file leaves the models above and below annotated', async () => {
  await ready;
  const f = analyze(`${H}above = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\nbroken = layers.Dense(4\nbelow = keras.Sequential([keras.Input((5,)), layers.Dense(1)])\n`);
  assert.deepEqual(rows(model(f, 'above')), [['Dense', [null, 2], 8]]);
  assert.deepEqual(rows(model(f, 'below')), [['Dense', [null, 1], 6]]);
  assert.ok(f.diagnostics.some((d) => d.severity === 'error' && d.range.start.line === 3 && /Syntax/.test(d.message)));
});

test('a constructor fed an unknown **kwargs or *args is ?, not a missing-argument error (the argument may be in there)', async () => {
  await ready;
  const f = analyze(`${H}import json\ncfg = json.load(open("c.json"))\nx = keras.Input((8,))\ny = layers.Dense(**cfg)(x)\nz = layers.Dropout(*cfg)(x)\nm = keras.Model(x, [y, z])\n`);
  assert.deepEqual(errorsOn(`${H}import json\ncfg = json.load(open("c.json"))\nx = keras.Input((8,))\ny = layers.Dense(**cfg)(x)\n`), []);
  assert.ok(!f.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(f.diagnostics));
  const m = model(f, 'm');
  assert.deepEqual(rows(m).slice(1), [['Dense', null, null], ['Dropout', null, null]]);
  assert.match(m.layers[1].unknownReason ?? '', /arguments are not all known/);
  // a keyword Keras does not know is an error whatever **cfg holds
  assert.ok(errorsOn(`${H}cfg = load()\nx = keras.Input((8,))\ny = layers.Dense(4, bogus=1, **cfg)(x)\n`).some(([l, m]) => l === 4 && /bogus/.test(String(m))));
});

test('a layer whose rule succeeds without its unknown **kwargs is still ?: they could hold use_bias=False or strides', async () => {
  await ready;
  // Dense(64) on 4 inputs would be 64 × (4 + 1) = 320, but **cfg may say use_bias=False (256): neither is certain.
  const f = analyze(`${H}cfg = load()\nx = keras.Input((4,))\ny = layers.Dense(64, **cfg)(x)\nz = layers.Conv1D(8, 3, *extra)(layers.Reshape((4, 1))(x))\nm = keras.Model(x, [y, z])\n`);
  const m = model(f, 'm');
  assert.deepEqual(rows(m).filter(([t]) => t !== 'InputLayer' && t !== 'Reshape'), [['Dense', null, null], ['Conv1D', null, null]]);
  assert.match(m.layers.find((l) => l.type === 'Dense')?.unknownReason ?? '', /arguments are not all known/);
  assert.equal(m.totalParams, null);
});

test('an RNN whose return_sequences is an undefined name: its row is ?, the file is still analysed (found by the fuzzer)', async () => {
  await ready;
  const f = analyze(`${H}m = keras.Sequential([keras.Input((5, 3)), layers.GRU(4, return_sequences=flag), layers.Dense(2)])\nafter = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\n`);
  assert.deepEqual(f.diagnostics.filter((d) => /internal error/.test(d.message)), []);
  assert.equal(model(f, 'm').totalParams, null);
  // Dense(2) on 3 inputs: 3 × 2 + 2 = 8.
  assert.deepEqual(rows(model(f, 'after')), [['Dense', [null, 2], 8]]);
});

test('dimensions past 2**53 make a row ?, never an inexact number (found by the fuzzer)', async () => {
  await ready;
  // 10**12 × 10**12 × 3 = 3e24 features: beyond what a double holds exactly.
  const f = analyze(`${H}m = keras.Sequential([keras.Input((10**12, 10**12, 3)), layers.Flatten(), layers.Dense(2)])\n`);
  const m = model(f, 'm');
  assert.deepEqual(rows(m), [['Flatten', null, null], ['Dense', null, null]]);
  assert.equal(m.totalParams, null);
});

test('a function called twice with an undefined name inside: both of its notes stay (found by the fuzzer)', async () => {
  await ready;
  const src = `${H}def make():
    i = keras.Input((4,))
    x = layers.Dense(2)(h)
    return keras.Model(i, x)

a = make()
b = make()
`;
  const notes = analyze(src).diagnostics.map((d) => [d.range.start.line, d.message.split(';')[0]]);
  // The second call repeats both notes at the same places; dropping the repeat of `h` dropped the model's note instead.
  assert.deepEqual(notes, [
    [4, '`h` is not defined (or keras-lens cannot follow where it comes from)'],
    [5, 'keras-lens cannot follow this model: its outputs are not known (`h` is not defined)'],
  ]);
});
