// formatCount, formatBytes and shapeToText; byte strings were checked against Keras's readable_memory_size.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatCount, shapeToPythonText, shapeToText } from '../../../src/analysis/summary/format';

test('formatCount uses Python thousands separators', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(999), '999');
  assert.equal(formatCount(1000), '1,000');
  assert.equal(formatCount(2757761), '2,757,761');
  assert.equal(formatCount(null), '?');
});

test('formatBytes matches Keras sizes', () => {
  assert.equal(formatBytes(0), '0.00 B');
  assert.equal(formatBytes(92), '92.00 B');
  assert.equal(formatBytes(1023), '1023.00 B');
  assert.equal(formatBytes(1024), '1.00 KB');
  assert.equal(formatBytes(34826 * 4), '136.04 KB');
  assert.equal(formatBytes(2757761 * 4), '10.52 MB');
  assert.equal(formatBytes(2 ** 40), '1.00 TB');
  assert.equal(formatBytes(2 ** 50), '1.00 PB');
  // Past PB Keras divides once more but keeps the PB label.
  assert.equal(formatBytes(2 ** 60), '1.00 PB');
  assert.equal(formatBytes(0.5), '0.50 B');
  assert.equal(formatBytes(null), '?');
});

test('formatBytes rounds exact halves to even like Python, not up like toFixed', () => {
  // 1152 B = 1.125 KB exactly: Python prints 1.12, JavaScript's toFixed would print 1.13.
  assert.equal(formatBytes(1152), '1.12 KB');
  assert.equal(formatBytes(4224), '4.12 KB');
  assert.equal(formatBytes(1408), '1.38 KB');
});

test('formatBytes keras2 style names the first unit Byte', () => {
  assert.equal(formatBytes(0, 'keras2'), '0.00 Byte');
  assert.equal(formatBytes(2048, 'keras2'), '2.00 KB');
});

test('shapeToText prints Keras 3 shapes', () => {
  assert.equal(shapeToText([null, 64]), '(None, 64)');
  assert.equal(shapeToText([null]), '(None)');
  assert.equal(shapeToText([]), '()');
  assert.equal(shapeToText([[null, 5], [null, 5]]), '[(None, 5), (None, 5)]');
  assert.equal(shapeToText([[null, 5]]), '(None, 5)');
  assert.equal(shapeToText(null), '?');
});

test('shapeToPythonText prints tf.keras 2 shapes', () => {
  assert.equal(shapeToPythonText([null]), '(None,)');
  assert.equal(shapeToPythonText([null, 784], true), '[(None, 784)]');
  assert.equal(shapeToPythonText([[null, 5], [null, 5]]), '[(None, 5), (None, 5)]');
});
