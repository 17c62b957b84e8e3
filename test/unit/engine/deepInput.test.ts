// Input nested deeper than the JavaScript stack (found by npm run fuzz): the statement is skipped, never the file.
// These run in the test process's main thread, whose ~1 MB stack is the CLI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, totals } from './analyze';
import type { FileSummary } from '../../../src/analysis/summary/types';

const H = 'import keras\nfrom keras import layers\n';
const FIRST = 'first = keras.Sequential([keras.Input((784,)), layers.Dense(10)])\n';
const AFTER = 'after = keras.Sequential([keras.Input((784,)), layers.Dense(10)])\n';
// Dense(10) on 784 inputs: 784 × 10 + 10 = 7,850.
const MNIST: [number, number, number] = [7850, 7850, 0];

function noInternalError(f: FileSummary): void {
  assert.deepEqual(f.diagnostics.filter((d) => /internal error/.test(d.message)).map((d) => d.message), []);
}

test('a syntax error after an 8,000-deep conditional chain: the statement is skipped, the models around it are exact', async () => {
  await ready;
  const f = analyze(`${H}${FIRST}m = f(d = 1${' if 1 else 1'.repeat(8000)} name="block")\n${AFTER}`);
  noInternalError(f);
  assert.ok(f.diagnostics.some((d) => d.severity === 'error' && d.range.start.line === 3), 'a syntax error on line 4');
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
});

test('a 25,000-term sum: a warning that it nests too deeply, the models around it are exact', async () => {
  await ready;
  const f = analyze(`${H}${FIRST}x = 1${' + 1'.repeat(25_000)}\n${AFTER}`);
  noInternalError(f);
  assert.ok(f.diagnostics.some((d) => d.range.start.line === 3 && /nests too deeply/.test(d.message)), 'a warning on line 4');
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
});

test('a layer argument in 5,000 parentheses: its model is not shown with certain figures', async () => {
  await ready;
  const f = analyze(`${H}deep = keras.Sequential([keras.Input((784,)), layers.Dense(${'('.repeat(5000)}10${')'.repeat(5000)})])\n${AFTER}`);
  noInternalError(f);
  const deep = f.models.find((m) => m.variable === 'deep');
  assert.ok(!deep || deep.totalParams === null, `deep reported as ${deep?.totalParams}`);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
});

test('a Keras 1 spelling in a file with an 8,000-deep expression: the version is still detected', async () => {
  await ready;
  const src = 'from keras.models import Sequential\nfrom keras.layers import Dense\n'
    + `x = 1${' if 1 else 1'.repeat(8000)}\nold = Sequential()\nold.add(Dense(input_dim=784, output_dim=10))\n`;
  const f = analyze(src);
  noInternalError(f);
  assert.notEqual(f.kerasVersion, 3);
  assert.deepEqual(totals(model(f, 'old')), MNIST);
});

test('a functional chain of 6,000 Dense layers: the graph walk does not recurse per layer', async () => {
  await ready;
  // A budget with room for 6,000 layers (the default stops a statement after a few thousand).
  const limits = { totalSteps: 2_000_000, stepsPerStatement: 1_000_000, maxCallDepth: 40 };
  const f = analyze(`${H}inp = keras.Input((4,))\nx = inp\nfor _ in range(6000):\n    x = layers.Dense(4)(x)\nchain = keras.Model(inp, x)\n`, { limits });
  noInternalError(f);
  // Each Dense(4) on 4 inputs: 4 × 4 + 4 = 20; 6,000 of them: 120,000.
  const m = model(f, 'chain');
  assert.equal(m.layers.length, 6001);
  assert.deepEqual(totals(m), [120_000, 120_000, 0]);
});

test('a model wrapped in a model by an endless loop: past 32 levels a ? row, so nothing recurses thousands deep', async () => {
  await ready;
  // Each wrapping costs 40 steps per row it nests (1 + 2 + … + 33 rows to pass 32 levels: 22,440 steps); 100,000 is room for a few such runs.
  const limits = { totalSteps: 300_000, stepsPerStatement: 100_000, maxCallDepth: 40 };
  const f = analyze(`${H}x = keras.Sequential([keras.Input((4,)), layers.Dense(4)])\nwhile True:\n    x = keras.Sequential([x])\n${AFTER}`, { limits });
  noInternalError(f);
  // More wrappings than levels allowed, so the cap was reached (the cut-off statement's rows then say it was cut off).
  assert.ok(f.models.length > 40, `${f.models.length} models`);
  // Dense(4) on 4 inputs: 4 × 4 + 4 = 20.
  assert.equal(f.models[0].totalParams, 20);
  const deepest = Math.max(...f.models.map((m) => {
    let d = 0;
    for (let rows = m.layers; rows.length > 0 && rows[0].nested; rows = rows[0].nested) d++;
    return d;
  }));
  assert.ok(deepest <= 33, `rows nested ${deepest} deep`);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
});

test('nested rows cost steps: an endless loop of wrappings makes at most a budget\'s worth of rows (it made 500 MB of JSON)', async () => {
  await ready;
  const f = analyze(`${H}x = keras.Sequential([keras.Input((4,)), layers.Dense(4)])\nwhile True:\n    x = keras.Sequential([x])\n${AFTER}`);
  noInternalError(f);
  const rows = (ls: readonly { nested?: readonly unknown[] }[]): number => ls.reduce((n, l) => n + 1 + (l.nested ? rows(l.nested as typeof ls) : 0), 0);
  const all = f.models.reduce((n, m) => n + rows(m.layers), 0);
  // The file's 600,000 steps at 40 a nested row: at most 15,000 of them, plus each model's own row.
  assert.ok(all <= 15_000 + 2 * f.models.length, `${all} rows in ${f.models.length} models`);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
});
