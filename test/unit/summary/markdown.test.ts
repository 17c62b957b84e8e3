// formatMarkdown: a GitHub table with the Keras 3 figures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMarkdown } from '../../../src/analysis/summary/format';
import { layer, loadModel, model } from './fixtures';

test('sequential-like model: three columns, right-aligned counts, totals with sizes', () => {
  const expected = [
    '**Model: "sequential_1"**',
    '',
    '| Layer (type) | Output Shape | Param # |',
    '| --- | --- | ---: |',
    '| dense_1 (Dense) | ? | 0 (unbuilt) |',
    '| dropout_1 (Dropout) | ? | 0 |',
    '| dense_2 (Dense) | ? | 0 (unbuilt) |',
    '',
    '- Total params: 0 (0.00 B)',
    '- Trainable params: 0 (0.00 B)',
    '- Non-trainable params: 0 (0.00 B)',
    '',
  ].join('\n');
  assert.equal(formatMarkdown(loadModel('unbuilt')), expected);
});

test('functional model: Connected to column, - for inputs, multi-output shapes', () => {
  const text = formatMarkdown(loadModel('two_tower'));
  const lines = text.split('\n');
  assert.equal(lines[2], '| Layer (type) | Output Shape | Param # | Connected to |');
  assert.equal(lines[3], '| --- | --- | ---: | --- |');
  assert.equal(lines[4], '| left (InputLayer) | (None, 16) | 0 | - |');
  assert.equal(lines[6], '| shared_tower (Dense) | (None, 8) | 136 | left[0][0], right[0][0] |');
  assert.equal(lines[8], '| ids (InputLayer) | (None) | 0 | - |');
  assert.ok(text.endsWith('- Total params: 1,153 (4.50 KB)\n- Trainable params: 1,153 (4.50 KB)\n- Non-trainable params: 0 (0.00 B)\n'));
  assert.match(formatMarkdown(loadModel('lstm_state')), /\| lstm \(LSTM\) \| \[\(None, 32\), \(None, 32\), \(None, 32\)\] \| 4,736 \|/);
});

test('pipes and newlines in cells are escaped', () => {
  const text = formatMarkdown(
    model({ name: 'a|b', layers: [layer({ name: 'x|y', type: 'Lambda', outputShape: [null, 2], params: null })] }),
  );
  assert.match(text, /^\*\*Model: "a\\\|b"\*\*\n/);
  assert.match(text, /\n\| x\\\|y \(Lambda\) \| \(None, 2\) \| \? \|\n/);
});
