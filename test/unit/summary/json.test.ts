// toJson: the field names and order of the JSON contract other tools rely on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJson } from '../../../src/analysis/summary/format';
import type { FileSummary, Range } from '../../../src/analysis/summary/types';
import { layer, model } from './fixtures';

const r = (line: number, from: number, to: number): Range => ({
  start: { line, character: from },
  end: { line, character: to },
});

const file: FileSummary = {
  file: 'model.py',
  kerasVersion: 3,
  diagnostics: [{ range: r(4, 0, 9), severity: 'error', message: 'Input 0 of layer "dense" is incompatible' }],
  models: [
    model({
      name: 'sequential',
      variable: 'model',
      range: r(1, 0, 20),
      totalParams: 7850,
      trainableParams: 7850,
      layers: [
        layer({
          name: 'flatten',
          type: 'Flatten',
          range: r(2, 4, 30),
          outputShape: [null, 784],
          params: 0,
        }),
        layer({
          name: 'dense',
          type: 'Dense',
          range: r(3, 4, 20),
          outputShape: [null, 10],
          params: 7850,
          weights: [
            { name: 'kernel', shape: [784, 10], trainable: true },
            { name: 'bias', shape: [10], trainable: true },
          ],
          paramsExplanation: 'units × (inputs + 1) = 10 × (784 + 1) = 7,850',
          shapeExplanation: '(None, 784) → (None, units)',
          inbound: ['flatten'],
          connectedTo: ['flatten[0][0]'],
        }),
        layer({
          name: 'lstm',
          type: 'LSTM',
          outputShape: [[null, 5], [null, 5]],
          params: null,
          trainableParams: null,
          nonTrainableParams: null,
          unknownReason: 'units is not known',
        }),
      ],
    }),
  ],
};

test('contract fields come first, in order, with extras after', () => {
  const json = toJson([file]);
  const f = json.files[0];
  assert.ok(f);
  assert.deepEqual(Object.keys(json), ['files']);
  assert.deepEqual(Object.keys(f).slice(0, 3), ['file', 'models', 'diagnostics']);
  const m = f.models[0];
  assert.ok(m);
  assert.deepEqual(Object.keys(m).slice(0, 8), [
    'name', 'variable', 'kind', 'range', 'layers', 'totalParams', 'trainableParams', 'nonTrainableParams',
  ]);
  const dense = m.layers[1];
  assert.ok(dense);
  assert.deepEqual(Object.keys(dense).slice(0, 10), [
    'name', 'type', 'range', 'outputShape', 'params', 'trainableParams', 'nonTrainableParams',
    'paramsExplanation', 'shapeExplanation', 'inbound',
  ]);
  assert.deepEqual(Object.keys(f.diagnostics[0] ?? {}), ['range', 'severity', 'message']);
});

test('values round-trip through JSON text as the contract shows them', () => {
  const parsed = JSON.parse(JSON.stringify(toJson([file]))) as ReturnType<typeof toJson>;
  const m = parsed.files[0]?.models[0];
  assert.deepEqual(m?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } });
  assert.equal(m?.kind, 'sequential');
  assert.equal(m?.variable, 'model');
  assert.equal(m?.totalParams, 7850);
  const dense = m?.layers[1];
  assert.deepEqual(dense?.outputShape, [null, 10]);
  assert.equal(dense?.params, 7850);
  assert.equal(dense?.nonTrainableParams, 0);
  assert.equal(dense?.paramsExplanation, 'units × (inputs + 1) = 10 × (784 + 1) = 7,850');
  assert.deepEqual(dense?.inbound, ['flatten']);
  assert.deepEqual(dense?.weights, [
    { name: 'kernel', shape: [784, 10], trainable: true },
    { name: 'bias', shape: [10], trainable: true },
  ]);
  assert.equal(parsed.files[0]?.kerasVersion, 3);
  assert.equal(parsed.files[0]?.diagnostics[0]?.severity, 'error');
});

test('unknown figures are null and multi-output shapes are arrays of shapes', () => {
  const lstm = toJson([file]).files[0]?.models[0]?.layers[2];
  assert.deepEqual(lstm?.outputShape, [[null, 5], [null, 5]]);
  assert.equal(lstm?.params, null);
  assert.equal(lstm?.trainableParams, null);
  assert.equal(lstm?.unknownReason, 'units is not known');
  const overflow = toJson([{ ...file, models: [model({ name: 'm', totalParams: 2 ** 60 })] }]);
  assert.equal(overflow.files[0]?.models[0]?.totalParams, null);
});
