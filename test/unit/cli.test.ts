// The keras-lens command as other tools see it: exit codes, output formats, the JSON contract.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

// The Q&A model: Flatten of (1, 28, 28) gives 784 features; Dense(10): 784 × 10 + 10 = 7,850.
const QA = [
  'from keras.models import Sequential',
  'from keras.layers import Flatten, Dense, Activation',
  '',
  'model = Sequential()',
  'model.add(Flatten(input_shape=(1, 28, 28)))',
  'model.add(Dense(10))',
  'model.add(Activation("softmax"))',
  '',
].join('\n');

let dir = '';
let qa = '';
let broken = '';
let conv = '';
let convFirst = '';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keras-lens-cli-'));
  qa = path.join(dir, 'qa.py');
  writeFileSync(qa, QA);
  broken = path.join(dir, 'broken.py');
  writeFileSync(broken, `${QA}x = = 1\n`);
  // Keras 1 reads Convolution2D(32, 3, 3) as a 3×3 kernel: (28 − 3) / 1 + 1 = 26.
  // Keras 3 reads it as kernel 3, strides 3: floor((28 − 3) / 3) + 1 = 9. Either way 32 × (3 × 3 × 1 + 1) = 320.
  conv = path.join(dir, 'conv.py');
  writeFileSync(conv, 'from keras.models import Sequential\nfrom keras.layers import Convolution2D\nm = Sequential([Convolution2D(32, 3, 3, input_shape=(28, 28, 1))])\n');
  // Input (3, 32, 32): channels_first → 3 channels, 8 × (3 × 3 × 3 + 1) = 224, output (8, 30, 30);
  // channels_last → 32 channels of a 3 × 32 image, 8 × (3 × 3 × 32 + 1) = 2,312, output (1, 30, 8).
  convFirst = path.join(dir, 'channels.py');
  writeFileSync(convFirst, 'import keras\nfrom keras import layers\nm = keras.Sequential([keras.Input(shape=(3, 32, 32)), layers.Conv2D(8, 3)])\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

interface Layer { type: string; outputShape: unknown; params: number | null }
interface Model { layers: Layer[]; totalParams: number | null }
interface Out { files: { models: Model[]; diagnostics: { severity: string }[] }[] }

function json(args: string[]): Out {
  const r = runCli(['summary', ...args, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Out;
}

test('exit 0 with the summary on stdout', () => {
  const r = runCli(['summary', qa]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /Total params: 7,850 \(30\.66 KB\)/);
});

test('exit 0 when the file has diagnostics (a syntax error)', () => {
  const r = runCli(['summary', broken]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Total params: 7,850/);
  assert.match(r.stdout, /error/i, 'the syntax error is printed');
});

test('exit 1 when a file cannot be read, with one line on stderr naming it', () => {
  const missing = path.join(dir, 'does-not-exist.py');
  for (const target of [missing, dir]) {
    const r = runCli(['summary', target]);
    assert.equal(r.status, 1, `${target}: ${r.stderr}`);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line on stderr, got:\n${r.stderr}`);
    assert.ok(r.stderr.includes(target), r.stderr);
  }
});

const BAD_USAGE: readonly (readonly string[])[] = [
  ['frobnicate', 'x.py'],
  ['summary'],
  ['summary', 'x.py', '--format', 'xml'],
  ['summary', 'x.py', '--format'],
  ['summary', 'x.py', '--keras-version', '4'],
  ['summary', 'x.py', '--data-format', 'nchw'],
  ['summary', 'x.py', '--bogus'],
];

for (const args of BAD_USAGE) {
  test(`exit 2 on bad usage: keras-lens ${args.join(' ')}`, () => {
    const r = runCli(args);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^keras-lens: \S/);
  });
}

test('bad usage: the message on stderr is one line (issue 2: "a one-line message on stderr")', () => {
  const offenders = BAD_USAGE.map((args) => ({ args, stderr: runCli(args).stderr }))
    .filter((r) => r.stderr.trimEnd().split('\n').length !== 1)
    .map((r) => `keras-lens ${r.args.join(' ')}\n${r.stderr}`);
  assert.deepEqual(offenders, [], 'stderr has more than one line');
});

test('--format keras3 prints the Keras 3 box table', () => {
  const r = runCli(['summary', qa, '--format', 'keras3']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Model: "sequential"/);
  assert.match(r.stdout, /┃ Layer \(type\)/);
  assert.match(r.stdout, /│ dense \(Dense\)\s+│ \(None, 10\)\s+│\s+7,850 │/);
  assert.match(r.stdout, / Non-trainable params: 0 \(0\.00 B\)/);
});

test('--format keras2 prints the tf.keras 2 table', () => {
  const r = runCli(['summary', qa, '--format', 'keras2']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^={65}$/m);
  assert.match(r.stdout, / dense \(Dense\)\s+\(None, 10\)\s+7850\s/);
  assert.match(r.stdout, /^Total params: 7850/m);
  assert.doesNotMatch(r.stdout, /[┃│┏]/);
});

test('--format markdown prints a Markdown table', () => {
  const r = runCli(['summary', qa, '--format', 'markdown']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^\| Layer \(type\) \| Output Shape \| Param # \|$/m);
  assert.match(r.stdout, /^\| dense \(Dense\) \| \(None, 10\) \| 7,850 \|$/m);
});

test('--format json is JSON, one entry per file, in order', () => {
  const out = json([qa, conv]);
  assert.equal(out.files.length, 2);
  assert.equal(out.files[0].models[0].totalParams, 7850);
  assert.equal(out.files[1].models[0].totalParams, 320);
});

test('--keras-version changes the rules: Convolution2D(32, 3, 3) is 3×3 in Keras 1, strides 3 in Keras 3', () => {
  const k1 = json([conv, '--keras-version', '1']).files[0].models[0].layers[0];
  assert.deepEqual([k1.type, k1.outputShape, k1.params], ['Conv2D', [null, 26, 26, 32], 320]);
  const k3 = json([conv, '--keras-version', '3']).files[0].models[0].layers[0];
  assert.deepEqual([k3.type, k3.outputShape, k3.params], ['Conv2D', [null, 9, 9, 32], 320]);
});

test('--data-format sets the default for layers that do not say', () => {
  const first = json([convFirst, '--data-format', 'channels_first']).files[0].models[0].layers;
  const conv2d = first.find((l) => l.type === 'Conv2D');
  assert.deepEqual([conv2d?.outputShape, conv2d?.params], [[null, 8, 30, 30], 224]);
  const last = json([convFirst, '--data-format', 'channels_last']).files[0].models[0].layers;
  const conv2dLast = last.find((l) => l.type === 'Conv2D');
  assert.deepEqual([conv2dLast?.outputShape, conv2dLast?.params], [[null, 1, 30, 8], 2312]);
});

// The contract of issue 2: these names, in this order, first in every object (extras may follow).
const CONTRACT = {
  top: ['files'],
  file: ['file', 'models', 'diagnostics'],
  model: ['name', 'variable', 'kind', 'range', 'layers', 'totalParams', 'trainableParams', 'nonTrainableParams'],
  layer: ['name', 'type', 'range', 'outputShape', 'params', 'trainableParams', 'nonTrainableParams', 'paramsExplanation', 'shapeExplanation', 'inbound'],
  diagnostic: ['range', 'severity', 'message'],
  range: ['start', 'end'],
  position: ['line', 'character'],
};

function keysStartWith(obj: unknown, names: readonly string[], where: string): Record<string, unknown> {
  assert.ok(obj !== null && typeof obj === 'object' && !Array.isArray(obj), `${where} is an object`);
  const o = obj as Record<string, unknown>;
  assert.deepEqual(Object.keys(o).slice(0, names.length), [...names], `${where}: contract fields in order`);
  return o;
}

function checkRange(r: unknown, where: string): { start: { line: number; character: number } } {
  const o = keysStartWith(r, CONTRACT.range, where);
  for (const end of ['start', 'end']) {
    const p = keysStartWith(o[end], CONTRACT.position, `${where}.${end}`);
    assert.equal(Object.keys(p).length, 2, `${where}.${end} has only line and character`);
    assert.ok(Number.isInteger(p.line) && (p.line as number) >= 0);
    assert.ok(Number.isInteger(p.character) && (p.character as number) >= 0);
  }
  return o as unknown as { start: { line: number; character: number } };
}

test('the JSON contract: field names, order, types and 0-based positions', () => {
  const r = runCli(['summary', qa, broken, '--format', 'json']);
  assert.equal(r.status, 0);
  const top = keysStartWith(JSON.parse(r.stdout), CONTRACT.top, 'top level');
  const files = top.files as unknown[];
  assert.equal(files.length, 2);
  const f = keysStartWith(files[0], CONTRACT.file, 'file');
  assert.equal(f.file, path.normalize(qa));
  const models = f.models as unknown[];
  assert.equal(models.length, 1);
  const m = keysStartWith(models[0], CONTRACT.model, 'model');
  assert.equal(m.name, 'sequential');
  assert.equal(m.variable, 'model');
  assert.equal(m.kind, 'sequential');
  assert.equal(checkRange(m.range, 'model.range').start.line, 3, 'the model is created on line 4 (0-based 3)');
  assert.deepEqual([m.totalParams, m.trainableParams, m.nonTrainableParams], [7850, 7850, 0]);
  const layers = (m.layers as unknown[]).map((l, i) => keysStartWith(l, CONTRACT.layer, `layer ${i}`));
  assert.deepEqual(layers.map((l) => l.type), ['Flatten', 'Dense', 'Activation']);
  const dense = layers[1];
  assert.equal(dense.name, 'dense');
  const dr = checkRange(dense.range, 'layer.range');
  assert.deepEqual([dr.start.line, dr.start.character], [5, 10], 'Dense( starts on line 6, column 11 (0-based 5, 10)');
  assert.deepEqual(dense.outputShape, [null, 10]);
  assert.deepEqual([dense.params, dense.trainableParams, dense.nonTrainableParams], [7850, 7850, 0]);
  assert.equal(dense.paramsExplanation, 'units × (inputs + 1) = 10 × (784 + 1) = 7,850');
  assert.equal(typeof dense.shapeExplanation, 'string');
  assert.ok((dense.shapeExplanation as string).length > 0);
  assert.deepEqual(dense.inbound, ['flatten']);
  assert.deepEqual(layers[0].outputShape, [null, 784]);
  assert.deepEqual(f.diagnostics, []);
  const b = keysStartWith(files[1], CONTRACT.file, 'file 2');
  const diags = (b.diagnostics as unknown[]).map((d, i) => keysStartWith(d, CONTRACT.diagnostic, `diagnostic ${i}`));
  const syntax = diags.find((d) => d.severity === 'error');
  assert.ok(syntax, 'the syntax error is a diagnostic');
  assert.equal(checkRange(syntax.range, 'diagnostic.range').start.line, 7, 'on line 8 (0-based 7)');
  assert.equal(typeof syntax.message, 'string');
});

test('an unknown figure is null in the JSON', () => {
  const unknown = path.join(dir, 'unknown.py');
  writeFileSync(unknown, 'import keras\nfrom keras import layers\nm = keras.Sequential([keras.Input(shape=(4,)), layers.Frobnicate(3), layers.Dense(2)])\n');
  const m = json([unknown]).files[0].models[0];
  assert.equal(m.totalParams, null);
  assert.equal(m.layers[0].params, null);
  assert.equal(m.layers[0].outputShape, null);
});

test('a model behind an undecidable condition renders in every format: ? row, ? totals, certain rows kept', () => {
  // Dense(4) on 8: 4 × (8 + 1) = 36 before the branch; what follows the branch is ?.
  const branchy = path.join(dir, 'branchy.py');
  writeFileSync(branchy, [
    'import os, keras', 'from keras import layers', 'inp = keras.Input((8,))', 'y = layers.Dense(4)(inp)',
    'if os.environ.get("F"):', '    y = layers.Dense(4)(y)', 'm = keras.Model(inp, layers.Dense(2)(y))', '',
  ].join('\n'));
  const k3 = runCli(['summary', branchy, '--format', 'keras3']);
  assert.equal(k3.status, 0, k3.stderr);
  assert.match(k3.stdout, /│ dense \(Dense\)\s+│ \(None, 4\)\s+│\s+36 │/);
  assert.match(k3.stdout, /│ \? \(\?\)\s+│ \?\s+│\s+\? │/);
  assert.match(k3.stdout, /Total params: \?/);
  const md = runCli(['summary', branchy, '--format', 'markdown']);
  assert.match(md.stdout, /\| \? \(\?\) \| \? \| \? \|/);
  assert.match(md.stdout, /- Total params: \?/);
  const k2 = runCli(['summary', branchy, '--format', 'keras2']);
  assert.match(k2.stdout, /Total params: \?/);
  const out = json([branchy]).files[0];
  const m = out.models[0];
  assert.deepEqual(m.layers.map((l) => [l.type, l.params]), [['InputLayer', 0], ['Dense', 36], ['?', null], ['Dense', null]]);
  assert.equal(m.totalParams, null);
  assert.ok(out.diagnostics.some((d) => d.severity === 'info'), 'the condition is an info diagnostic');
});
