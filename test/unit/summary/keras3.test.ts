// formatKeras3 against text captured from real Keras 3.15.1 (scripts/capture-summaries.py).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatKeras3 } from '../../../src/analysis/summary/format';
import { fixtureNames, layer, loadKerasText, loadModel, model } from './fixtures';

// NAME_76 fixtures are the same model printed with line_length=76.
for (const name of fixtureNames()) {
  const narrow = /^(.*)_76$/.exec(name);
  test(`Keras 3 summary of ${name} is byte-identical to Keras`, () => {
    const entry = loadModel(narrow ? (narrow[1] ?? name) : name);
    const opts = narrow ? { lineLength: 76 } : {};
    assert.equal(formatKeras3(entry, opts), loadKerasText(name));
  });
}

test('unknown figures print as ?', () => {
  const text = formatKeras3(
    model({
      name: 'm',
      totalParams: null,
      trainableParams: null,
      nonTrainableParams: 0,
      layers: [layer({ name: 'dense', type: 'Dense', outputShape: [null, null], params: null })],
    }),
  );
  assert.match(text, /│ dense \(Dense\) +│ \(None, None\) +│ +\? │/);
  assert.match(text, /\n Total params: \?\n Trainable params: \?\n Non-trainable params: 0 \(0\.00 B\)\n$/);
});

test('bytesPerParam scales the sizes', () => {
  const text = formatKeras3(
    model({ name: 'm', totalParams: 1024, trainableParams: 1024, layers: [] }),
    { bytesPerParam: 2 },
  );
  assert.match(text, / Total params: 1,024 \(2\.00 KB\)/);
});

test('a model without layers prints the header and an empty body', () => {
  const lines = formatKeras3(model({ name: 'empty' })).split('\n');
  assert.equal(lines[0], 'Model: "empty"');
  assert.equal(lines.length, 9); // name, 4 table lines, 3 totals, final ''
  assert.ok(lines[4]?.startsWith('└'));
});

test('a line length Keras would reject falls back to the default', () => {
  const lines = formatKeras3(model({ name: 'm' }), { lineLength: 8 }).split('\n');
  assert.equal(lines[1]?.length, 88);
});
