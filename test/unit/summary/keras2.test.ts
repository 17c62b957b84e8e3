// formatKeras2 against hand-written tf.keras 2.13–2.15 text (keras-layers.md §4.2; no TensorFlow here).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatKeras2 } from '../../../src/analysis/summary/format';
import { keras2Row } from '../../../src/analysis/summary/format/keras2';
import { layer, loadModel, model } from './fixtures';

const SEQ_RULE = '_'.repeat(65);
const SEQ_DOUBLE = '='.repeat(65);
const SEQ_BLANK = ' '.repeat(65);

test('sequential model: 65 columns, no commas, Byte sizes, a blank line after every layer', () => {
  const entry = model({
    name: 'sequential',
    totalParams: 50890,
    trainableParams: 50890,
    layers: [
      layer({ name: 'dense', type: 'Dense', outputShape: [null, 64], params: 50240 }),
      layer({ name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 650 }),
    ],
  });
  const expected = [
    'Model: "sequential"',
    SEQ_RULE,
    ' Layer (type)                Output Shape              Param #   ',
    SEQ_DOUBLE,
    ' dense (Dense)               (None, 64)                50240     ',
    SEQ_BLANK,
    ' dense_1 (Dense)             (None, 10)                650       ',
    SEQ_BLANK,
    SEQ_DOUBLE,
    'Total params: 50890 (198.79 KB)',
    'Trainable params: 50890 (198.79 KB)',
    'Non-trainable params: 0 (0.00 Byte)',
    SEQ_RULE,
    '',
  ].join('\n');
  assert.equal(formatKeras2(entry), expected);
});

test('multi-output shapes break after each "),"; InputLayer shapes are lists; 1-D shapes keep the comma', () => {
  const entry = loadModel('lstm_state');
  const lines = formatKeras2(entry).split('\n');
  assert.deepEqual(lines.slice(4, 10), [
    ' input_layer_5 (InputLayer)  [(None, 10, 4)]           0         ',
    SEQ_BLANK,
    ' lstm (LSTM)                 [(None, 32),              4736      ',
    '                              (None, 32),                        ',
    '                              (None, 32)]                        ',
    SEQ_BLANK,
  ]);
  assert.equal(lines[11], 'Total params: 4736 (18.50 KB)');
  const oneD = formatKeras2(model({ name: 'm', layers: [layer({ name: 'ids', type: 'Dense', outputShape: [null] })] }));
  assert.match(oneD, / ids \(Dense\) +\(None,\) +0/);
});

test('functional model: 98 columns, Connected to as a Python list, wrapped after "\',"', () => {
  const lines = formatKeras2(loadModel('two_tower')).split('\n');
  assert.equal(lines[1], '_'.repeat(98));
  assert.equal(
    lines[2],
    ' Layer (type)                Output Shape                 Param #   Connected to                  ',
  );
  assert.equal(
    lines[4],
    ' left (InputLayer)           [(None, 16)]                 0         []                            ',
  );
  const concat = lines.findIndex((l) => l.startsWith(' concatenate (Concatenate)'));
  assert.deepEqual(lines.slice(concat, concat + 3), [
    " concatenate (Concatenate)   (None, 16)                   0         ['shared_tower[0][0]',        ",
    "                                                                     'shared_tower[1][0]']        ",
    ' '.repeat(98),
  ]);
});

test('a long layer cell is cut at 26 characters and continues on the next line', () => {
  assert.deepEqual(
    keras2Row(['global_average_pooling2d (GlobalAveragePooling2D)', '(None, 16)', '0', "['add_1[0][0]']"], [29, 58, 68, 98]),
    [
      " global_average_pooling2d (  (None, 16)                   0         ['add_1[0][0]']               ",
      ' GlobalAveragePooling2D)                                                                          ',
    ],
  );
});

test('non-trainable totals and unknown figures', () => {
  const text = formatKeras2(loadModel('batchnorm'));
  assert.match(text, /\nTotal params: 2369 \(9\.25 KB\)\nTrainable params: 2241 \(8\.75 KB\)\nNon-trainable params: 128 \(512\.00 Byte\)\n/);
  const unknown = formatKeras2(
    model({ name: 'm', totalParams: null, layers: [layer({ name: 'd', type: 'Dense', params: null })] }),
  );
  assert.match(unknown, / d \(Dense\) +\? +\? +\n/);
  assert.match(unknown, /\nTotal params: \?\n/);
});
