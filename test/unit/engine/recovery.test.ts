// Syntax-error recovery (found by npm run fuzz): an unclosed statement must not swallow the models below it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, totals } from './analyze';

const H = 'import keras\nfrom keras import layers\n';
const FIRST = 'first = keras.Sequential([keras.Input((784,)), layers.Dense(10)])\n';
const AFTER = 'after = keras.Sequential([keras.Input((784,)), layers.Dense(10)])\n';
// Dense(10) on 784 inputs: 784 × 10 + 10 = 7,850.
const MNIST: [number, number, number] = [7850, 7850, 0];

test('an unclosed call whose error shows in the next statement: both are skipped, the model below is exact', async () => {
  await ready;
  // `block = keras.Sequential(` is fine until the `for` below it; the `for` block is wrong on its own too.
  const f = analyze(`${H}${FIRST}block = keras.Sequential(\nfor i in range(3):\n    x.add(layers.Dense(3))\n    [layers.Dense(12)],\n    name="block",\n)\n${AFTER}`);
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
  const errors = f.diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line);
  assert.ok(errors.includes(3), `an error on the unclosed line 4 (errors on lines ${errors.map((l) => l + 1)})`);
});

test('an unclosed list followed by a statement that continues it: the model below is exact', async () => {
  await ready;
  const f = analyze(`${H}${FIRST}head = keras.Sequential(\n    [\n        layers.Dense(16),\nfrom keras import layers\n        layers.Dense(1),\n    ],\n)\n${AFTER}`);
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
});

test('an error tree-sitter marks only by a hidden MISSING newline is reported on its line, not on line 1', async () => {
  await ready;
  // `h = f()h` after an indented line: tree-sitter inserts an invisible newline before the last `h`.
  const src = `${H}${FIRST}"""Docstring\t(with tabs)."""\n  \t\th\t= layers.MaxPooling2D((2,\t2), padding="same")()h\nafter = keras.Sequential(\n    [keras.Input((784,)), layers.Dense(10)])\n`;
  const f = analyze(src);
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
  const errors = f.diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0, 'a syntax error is reported');
  for (const d of errors) assert.equal(d.range.start.line, 4, `the error on line ${d.range.start.line + 1}: ${d.message}`);
});

test('old Mac line ends (a lone CR): read as line breaks, as Python and VS Code do', async () => {
  await ready;
  const lf = `${H}${FIRST}x = 1\n${AFTER}`;
  const f = analyze(lf.replace(/\n/g, '\r'));
  assert.deepEqual(f.diagnostics.filter((d) => d.severity !== 'info'), []);
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
  assert.equal(model(f, 'after').range.start.line, 4, 'the model after is on line 5');
});

test('an unclosed call two statements above where tree-sitter notices: only it is skipped, not the clean imports below', async () => {
  await ready;
  // The docstring is a fine argument of the open call; the import after it is where tree-sitter fails.
  const src = [
    '"""Several models in one file: an encoder, a classifier built from the encoder\'s layers,',
    'and a functional model that nests the encoder as a single layer."""',
    'import keras',
    'classifier = keras.Sequential(encoder.layers + [layers.Dense(4, activation="softmax")],',
    '"""tf.keras-era spellings rewritten for Keras 3: keras.models.Sequential, keras.layers.X, Input via',
    '"""',
    'from keras import layers as L',
    'from keras import models',
    'clf = models.Sequential()',
    'after = keras.Sequential([keras.Input((784,)), L.Dense(10)])',
  ].join('\n');
  const f = analyze(src);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
  const errors = f.diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line + 1);
  assert.deepEqual(errors, [4], 'one syntax error, on the unclosed line 4');
});

test('a line starting with a comma, glued by tree-sitter onto the clean statements above it: only it is skipped', async () => {
  await ready;
  const src = [
    'import keras', 'from keras import layers', FIRST.trim(),
    'seq_a = keras.Input(shape=(10, 4))', 'seq_b = keras.Input(shape=(12, 4))',
    'pooled = keras.Model(', '    [seq_a, seq_b],', '    layers.Concatenate()([seq_a, seq_b])joined', ')',
    ', = layers.Concatenate(axis=-1)([seq_a, seq_b])', AFTER,
  ].join('\n');
  const f = analyze(src);
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
  const errors = f.diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line + 1);
  assert.deepEqual(errors, [8, 10], 'syntax errors on the `joined` line and the comma line only');
});

test('a comment after a statement is not taken for the hidden error of a later line', async () => {
  await ready;
  // In the file, tree-sitter marks the import only by a hidden MISSING newline; the commented line is clean.
  const src = `${H}units = 3  # a note\nfirst = keras.Sequential([keras.Input((784,)), layers.Dense(units)])\nfrom keras.layers import Embedding, 16, Dense\n${AFTER}`;
  const f = analyze(src);
  // Dense(3) on 784 inputs: 784 × 3 + 3 = 2,355.
  assert.deepEqual(totals(model(f, 'first')), [2355, 2355, 0]);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
  const errors = f.diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line + 1);
  assert.deepEqual(errors, [5], 'one syntax error, on the import line');
});

test('a stray line after a finished statement skips only itself, not the statement its chunk starts with', async () => {
  await ready;
  // Dense(3) on 784 inputs: 784 × 3 + 3 = 2,355; it needs `units = 3` to have run.
  const uses = 'first = keras.Sequential([keras.Input((784,)), layers.Dense(units)])\n';
  for (const stray of [')', '\n\n]', '}']) {
    const f = analyze(`${H}units = 3\n${stray}\n${uses}${AFTER}`);
    assert.deepEqual(totals(model(f, 'first')), [2355, 2355, 0], `after ${JSON.stringify(stray)}`);
    assert.deepEqual(totals(model(f, 'after')), MNIST);
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, `one syntax error after ${JSON.stringify(stray)}: ${errors.map((d) => d.message).join('; ')}`);
    assert.ok(errors[0].range.start.line > 2, `the error is not on the \`units\` line: ${errors[0].message}`);
  }
});

test('a loop whose chunk ends in a stray `)` is skipped whole: half a block would be another program', async () => {
  await ready;
  const f = analyze(`${H}units = 3\nfor _ in range(2):\n    units = units + 1\n)\nfirst = keras.Sequential([keras.Input((784,)), layers.Dense(units)])\n`);
  // The loop did not run, so units is still 3: 784 × 3 + 3 = 2,355 (not 784 × 5 + 5).
  assert.deepEqual(totals(model(f, 'first')), [2355, 2355, 0]);
});

test('a stray indented line after a finished statement: the statement runs, the error is on the stray line', async () => {
  await ready;
  // tree-sitter's error node starts at `first = …` (it swallows the stray line), yet `first` is complete.
  const f = analyze(`${H}${FIRST}\n\n .keras.layers import Dense\n${AFTER}`);
  assert.deepEqual(totals(model(f, 'first')), MNIST);
  assert.deepEqual(totals(model(f, 'after')), MNIST);
  const errors = f.diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.start.line + 1);
  assert.deepEqual(errors, [6], 'one syntax error, on the stray line 6');
});

test('a `#` line inside a triple-quoted string that closes it is not blanked as a comment (found by the fuzzer)', async () => {
  await ready;
  // Python ends the string on line 4 and reads `+ "tail"` as code; blanking that line left the string open to the end of the file.
  const f = analyze(`${H}s = """notes\n    # kept """ + "tail"\nm = keras.Sequential([keras.Input((4,)), layers.Dense(3)])\n`);
  assert.deepEqual(totals(model(f, 'm')), [15, 15, 0]); // 3 × (4 + 1)
  assert.equal(f.diagnostics.length, 0);
});
