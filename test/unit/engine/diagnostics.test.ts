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
