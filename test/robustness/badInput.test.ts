// Bad input: nothing a user can type may throw, hang, or turn into a wrong figure shown as certain.
// Every expected figure below is worked by hand from Keras's formulas:
//   Dense(10) on 784 inputs: 784 × 10 + 10 = 7,850
//   Dense(5) on 3 inputs:    3 × 5 + 5    = 20
//   Dense(4) on 8 inputs:    8 × 4 + 4    = 36
// Flatten has no weights, and Flatten of (1, 28, 28) gives 1 × 28 × 28 = 784 features.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeIsolated } from './analyzeWorker';
import type { Diagnostic, FileSummary, ModelSummaryEntry } from '../../src/analysis/summary/types';

/**
 * A case that has not finished after this is stopped and fails as a hang. Speed is not asserted here
 * (timed assertions flake on a busy machine): the step budget makes the work bounded, the time each
 * case took is printed, and `npm run bench` measures speed.
 */
const HARD_LIMIT_MS = 30_000;

const IMPORTS = 'from keras.models import Sequential\nfrom keras.layers import Dense, Flatten, Activation\n';
const MNIST_LINE = 'ok = Sequential([Dense(10, input_shape=(784,))])\n';

async function analyze(text: string, file = 'bad.py'): Promise<FileSummary> {
  const { summary, ms } = await analyzeIsolated(text, file, HARD_LIMIT_MS);
  console.log(`${file}: ${text.length} characters analysed in ${Math.round(ms)} ms`);
  const internal = summary.diagnostics.filter((d) => /internal error/i.test(d.message));
  assert.deepEqual(internal.map((d) => d.message), [], 'the engine hit an internal error (an exception it swallowed)');
  return summary;
}

function model(s: FileSummary, variable: string): ModelSummaryEntry {
  const m = s.models.find((x) => x.variable === variable);
  assert.ok(m, `model \`${variable}\` not reported (reported: ${s.models.map((x) => x.variable).join(', ') || 'none'})`);
  return m;
}

function assertTotal(s: FileSummary, variable: string, total: number): void {
  const m = model(s, variable);
  assert.equal(m.totalParams, total, `total params of \`${variable}\``);
  assert.equal(m.trainableParams, total, `trainable params of \`${variable}\``);
  assert.equal(m.nonTrainableParams, 0, `non-trainable params of \`${variable}\``);
}

function onLine(s: FileSummary, line0: number, severity?: Diagnostic['severity']): Diagnostic[] {
  return s.diagnostics.filter((d) => d.range.start.line <= line0 && line0 <= d.range.end.line && (!severity || d.severity === severity));
}

const show = (s: FileSummary): string => s.diagnostics.map((d) => `${d.range.start.line}:${d.severity}: ${d.message}`).join('\n');

/** Deterministic pseudo-random bytes (a fixed LCG), about 5 % NUL. */
function garbage(n: number, seed: number): Buffer {
  let x = seed >>> 0;
  const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = next() < 0.05 ? 0 : Math.floor(next() * 256);
  return b;
}

test('empty file: no models, no errors', async () => {
  const s = await analyze('', 'empty.py');
  assert.equal(s.models.length, 0);
  assert.deepEqual(s.diagnostics.filter((d) => d.severity === 'error'), []);
});

for (const encoding of ['latin1', 'utf8'] as const) {
  test(`binary garbage decoded as ${encoding}: no exception, no model, a syntax error`, async () => {
    const text = garbage(64 * 1024, 42).toString(encoding);
    assert.ok(text.includes('\0'));
    const s = await analyze(text, `garbage-${encoding}.py`);
    assert.equal(s.models.length, 0);
    assert.ok(s.diagnostics.some((d) => d.severity === 'error'), 'a syntax error is reported');
  });
}

test('a 2 MB file (a real model repeated, then a huge list literal): the models before and after are exact', async () => {
  const block = (i: number): string =>
    `m${i} = Sequential()\nm${i}.add(Flatten(input_shape=(1, 28, 28)))\nm${i}.add(Dense(10))\nm${i}.add(Activation("softmax"))\n`;
  let text = IMPORTS;
  for (let i = 0; i < 100; i++) text += block(i);
  const items: string[] = [];
  let size = text.length + 40;
  for (let i = 0; size < 2 * 1024 * 1024; i++) {
    const item = String((i * 7919) % 100_000);
    items.push(item);
    size += item.length + 2;
  }
  text += `data = [${items.join(', ')}]\n`;
  text += 'last = Sequential([Dense(10, input_shape=(784,))])\n';
  assert.ok(text.length >= 2 * 1024 * 1024, `the file is ${text.length} characters`);
  const s = await analyze(text, 'big.py');
  for (const v of ['m0', 'm99', 'last']) assertTotal(s, v, 7850);
  assert.deepEqual(model(s, 'm0').layers.map((l) => l.params), [0, 7850, 0]);
});

test('a file cut off mid-call: the model above is fully reported, the cut line is an error', async () => {
  const text = `${IMPORTS}${MNIST_LINE}small = Sequential()\nsmall.add(Dense(5, input_dim=3))\nsmall.add(Dense(10`;
  const s = await analyze(text, 'cut.py');
  assertTotal(s, 'ok', 7850);
  assert.deepEqual(model(s, 'ok').layers[0].outputShape, [null, 10]);
  // The statement cut off is skipped; the layers added before it still count.
  assertTotal(s, 'small', 20);
  assert.ok(onLine(s, 5, 'error').length > 0, `a syntax error on the cut line:\n${show(s)}`);
});

test('500 nested parentheses around an argument are evaluated', async () => {
  const text = `${IMPORTS}deep = Sequential()\ndeep.add(Dense(${'('.repeat(500)}10${')'.repeat(500)}, input_dim=784))\n`;
  const s = await analyze(text, 'nested.py');
  assertTotal(s, 'deep', 7850);
});

test('500 nested brackets in an expression: the model after it is exact', async () => {
  const text = `${IMPORTS}x = ${'['.repeat(500)}${']'.repeat(500)}\ny = ${'('.repeat(500)}1${')'.repeat(500)}\n${MNIST_LINE}`;
  const s = await analyze(text, 'nested2.py');
  assertTotal(s, 'ok', 7850);
});

test('500 unclosed parentheses at the end of the file: the model above is still reported', async () => {
  const text = `${IMPORTS}${MNIST_LINE}x = ${'('.repeat(500)}\n`;
  const s = await analyze(text, 'unclosed.py');
  assertTotal(s, 'ok', 7850);
  assert.ok(onLine(s, 3, 'error').length > 0, `a syntax error on the unclosed line:\n${show(s)}`);
  assert.deepEqual(onLine(s, 2, 'error'), [], 'the model line itself is not an error');
});

test('for i in range(10**12): finishes, says the budget ran out, and does not present the totals as certain', async () => {
  const text = `${IMPORTS}model = Sequential()\nmodel.add(Dense(10, input_dim=784))\nfor i in range(10**12):\n    model.add(Dense(1))\n`;
  const s = await analyze(text, 'huge-loop.py');
  const m = model(s, 'model');
  assert.equal(m.totalParams, null, 'total params must be unknown');
  assert.equal(m.trainableParams, null, 'trainable params must be unknown');
  assert.equal(m.layers[0].params, 7850, 'the layer before the loop is still exact');
  assert.ok(
    onLine(s, 4).some((d) => d.severity !== 'info' && /budget|too long|stopped/i.test(d.message)),
    `a budget diagnostic on the for line:\n${show(s)}`,
  );
});

test('while True: pass — finishes, with a diagnostic on the loop, and the model after it is exact', async () => {
  const text = `${IMPORTS}while True:\n    pass\n${MNIST_LINE}`;
  const s = await analyze(text, 'forever.py');
  assert.ok(onLine(s, 2).some((d) => /budget|too long|stopped/i.test(d.message)), `a diagnostic on the while line:\n${show(s)}`);
  assertTotal(s, 'ok', 7850);
});

test('unbounded recursion: finishes, with a diagnostic, and the model after it is exact', async () => {
  const text = `${IMPORTS}def f(x):\n    return f(x)\ny = f(1)\n${MNIST_LINE}`;
  const s = await analyze(text, 'recursion.py');
  assert.ok(
    s.diagnostics.some((d) => d.range.start.line >= 2 && d.range.start.line <= 4 && /recurs|deep|too long|budget/i.test(d.message)),
    `a diagnostic about the recursion:\n${show(s)}`,
  );
  assertTotal(s, 'ok', 7850);
});

test('an undefined layer name: an info diagnostic names it; only what depends on it is unknown', async () => {
  const text = `${IMPORTS}model = Sequential()\nmodel.add(Dense(10, input_dim=784))\nmodel.add(Foo(3))\nmodel.add(Dense(5))\n`;
  const s = await analyze(text, 'undefined.py');
  assert.ok(onLine(s, 4, 'info').some((d) => d.message.includes('Foo')), `an info diagnostic naming Foo:\n${show(s)}`);
  const m = model(s, 'model');
  assert.equal(m.layers[0].params, 7850);
  assert.deepEqual(m.layers[0].outputShape, [null, 10]);
  // Dense(5) sits after Foo(3), whose output is unknown: its weight count depends on it.
  const last = m.layers[m.layers.length - 1];
  assert.equal(last.type, 'Dense');
  assert.equal(last.params, null, `Dense(5) after the unknown Foo(3) must be ?, got ${String(last.params)}`);
  assert.equal(m.totalParams, null);
});

test('an undefined name the model does not depend on: the model is exact', async () => {
  const text = `${IMPORTS}x = foo(3)\n${MNIST_LINE}`;
  const s = await analyze(text, 'unrelated.py');
  assert.ok(onLine(s, 2, 'info').some((d) => d.message.includes('foo')), `an info diagnostic naming foo:\n${show(s)}`);
  assertTotal(s, 'ok', 7850);
});

test('a syntax error mid-file: the models above and below are both reported', async () => {
  const text = `${IMPORTS}above = Sequential([Dense(10, input_shape=(784,))])\nx = = 3 +\nbelow = Sequential([Dense(4, input_shape=(8,))])\n`;
  const s = await analyze(text, 'syntax.py');
  assert.ok(onLine(s, 3, 'error').length > 0, `a syntax error on line 4:\n${show(s)}`);
  assertTotal(s, 'above', 7850);
  assertTotal(s, 'below', 36);
});

test('an unclosed `import(` before an 80,000-item list: tree-sitter\'s error recovery is cut short, the models are exact', async () => {
  // tree-sitter's recovery is quadratic here (14 s for 30,000 items, minutes for 80,000): found by npm run fuzz.
  const text = `${IMPORTS}${MNIST_LINE}from keras.layers import( Dense\nX = [${Array(80_000).fill('0').join(', ')}]\nlast = Sequential([Dense(10, input_shape=(784,))])\n`;
  const s = await analyze(text, 'slow-recovery.py');
  assertTotal(s, 'ok', 7850);
  assertTotal(s, 'last', 7850);
  assert.ok(onLine(s, 3, 'error').length > 0, `a syntax error on the import line:\n${show(s)}`);
});
