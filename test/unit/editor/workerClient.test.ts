// The analysis worker (dist/analysisWorker.js, built by npm run build) answers like the in-process engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { AnalysisClient } from '../../../src/editor/workerClient';

const SRC = 'import keras\nm = keras.Sequential([keras.Input((784,)), keras.layers.Dense(10)])\n';

test('the worker analyses off the main thread and returns the summary', async () => {
  const logs: string[] = [];
  const client = new AnalysisClient(path.resolve('dist'), (l) => logs.push(l));
  try {
    assert.equal(client.usesWorker, true, `the worker did not start: ${logs.join('; ')}`);
    const { summary } = await client.analyze(SRC, 'm.py', { kerasVersion: 'auto', dataFormat: 'channels_last' });
    // Dense(10) on 784: 10 × (784 + 1) = 7,850.
    assert.deepEqual(summary.models.map((m) => [m.variable, m.totalParams]), [['m', 7850]]);
  } finally {
    client.dispose();
  }
});

test('without the worker script it analyses in-process', async () => {
  const logs: string[] = [];
  const client = new AnalysisClient(path.resolve('does-not-exist'), (l) => logs.push(l));
  assert.equal(client.usesWorker, false);
  const { summary } = await client.analyze(SRC, 'm.py', { kerasVersion: 'auto', dataFormat: 'channels_last' });
  assert.equal(summary.models[0].totalParams, 7850);
  client.dispose();
});
