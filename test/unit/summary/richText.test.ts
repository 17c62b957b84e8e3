// wrapCell against what rich 15's Text.wrap(justify, overflow="ellipsis") returns for the same input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellLen, wrapCell } from '../../../src/analysis/summary/format/richText';
import { richColumnWidths } from '../../../src/analysis/summary/format/richTable';

test('text that fits stays on one line; one cell less wraps at the space', () => {
  assert.deepEqual(wrapCell('dense (Dense)', 13, 'left'), ['dense (Dense)']);
  assert.deepEqual(wrapCell('dense (Dense)', 12, 'left'), ['dense       ', '(Dense)     ']);
});

test('a word longer than the cell gets a line of its own, cut with …', () => {
  assert.deepEqual(wrapCell('batch_normalization_1 (BatchNormalization)', 20, 'left'), [
    'batch_normalization…',
    '(BatchNormalization)',
  ]);
  assert.deepEqual(wrapCell('global_average_pooling2d[0][0]', 26, 'left'), ['global_average_pooling2d[…']);
  assert.deepEqual(wrapCell('abc', 1, 'left'), ['…']);
});

test('right-justified cells wrap too', () => {
  assert.deepEqual(wrapCell('0 (unbuilt)', 8, 'right'), ['       0', '(unbuil…']);
});

test('runs of spaces and empty text', () => {
  assert.deepEqual(wrapCell('a  b', 2, 'left'), ['a ', 'b ']);
  assert.deepEqual(wrapCell('', 5, 'left'), ['     ']);
});

test('wide characters count as two cells', () => {
  assert.equal(cellLen('层'), 2);
  assert.equal(cellLen('dense'), 5);
});

test('column widths: Keras asks 39/31/18 of an 88-wide table, rich renders 38/29/17', () => {
  const cols = [39, 31, 18].map((width) => ({ header: '', justify: 'left' as const, width }));
  assert.deepEqual(richColumnWidths(cols, 88), [38, 29, 17]);
  const four = [32, 28, 19, 29].map((width) => ({ header: '', justify: 'left' as const, width }));
  assert.deepEqual(richColumnWidths(four, 108), [31, 27, 17, 28]);
});
