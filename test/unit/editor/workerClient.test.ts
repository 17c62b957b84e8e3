// The analysis worker (dist/analysisWorker.js, built by npm run build) answers like the in-process engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { AnalysisClient } from '../../../src/editor/workerClient';
import { analyzeSource, initEngine } from '../../../src/analysis/engine';

const ready = initEngine();

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

const OPTS = { kerasVersion: 'auto', dataFormat: 'channels_last' } as const;
const edited = (units: number): string => SRC.replace('Dense(10)', `Dense(${units})`);

test('documents are analysed incrementally in the worker: each answer equals a from-scratch analysis', async () => {
  await ready;
  const client = new AnalysisClient(path.resolve('dist'), () => undefined);
  try {
    for (const [version, units] of [[1, 10], [2, 11], [3, 12]] as const) {
      const a = await client.analyzeDocument('file:///m.py', version, edited(units), 'm.py', OPTS, 'both');
      assert.equal(a.version, version);
      // Dense(units) on 784: units × (784 + 1).
      assert.deepEqual(a.summary.models.map((m) => m.totalParams), [units * 785]);
      assert.deepEqual(a.summary, analyzeSource(edited(units), 'm.py', OPTS));
      // The inline annotation comes made, for the content asked: the Dense line (line 2, index 1).
      assert.deepEqual(a.figures, { content: 'both', list: [{ line: 1, text: `${(units * 785).toLocaleString('en-US')} params · (None, ${units})`, params: units * 785 }] });
    }
    client.closeDocument('file:///m.py');
    const again = await client.analyzeDocument('file:///m.py', 4, edited(13), 'm.py', OPTS, 'both');
    assert.equal(again.summary.models[0].totalParams, 13 * 785);
  } finally {
    client.dispose();
  }
});

test('requests for a document that queue up are answered by its newest text only', async () => {
  const client = new AnalysisClient(path.resolve('dist'), () => undefined);
  try {
    // Sent without waiting: the worker is still loading the parser, so all three queue.
    const answers = await Promise.all([20, 21, 22].map((units, i) => client.analyzeDocument('file:///q.py', i + 1, edited(units), 'q.py', OPTS, 'both')));
    assert.deepEqual(answers.map((a) => a.version), [3, 3, 3]);
    assert.deepEqual(answers.map((a) => a.summary.models[0].totalParams), [22 * 785, 22 * 785, 22 * 785]);
  } finally {
    client.dispose();
  }
});

test('in-process (no worker), documents are analysed incrementally too', async () => {
  const client = new AnalysisClient(path.resolve('does-not-exist'), () => undefined);
  const first = await client.analyzeDocument('d', 1, edited(5), 'm.py', OPTS, 'both');
  const second = await client.analyzeDocument('d', 2, edited(6), 'm.py', OPTS, 'params');
  assert.deepEqual([first.summary.models[0].totalParams, second.summary.models[0].totalParams], [5 * 785, 6 * 785]);
  assert.deepEqual(second.figures, { content: 'params', list: [{ line: 1, text: '4,710 params', params: 4710 }] });
  client.dispose();
});

test('the worker sends the editor no nested rows (no view shows them): the rest is analyzeSource\'s', async () => {
  await ready;
  const src = 'import keras\nfrom keras import layers\ninner = keras.Sequential([keras.Input((4,)), layers.Dense(3)])\nouter = keras.Sequential([inner, layers.Dense(2)])\n';
  const client = new AnalysisClient(path.resolve('dist'), () => undefined);
  try {
    const a = await client.analyzeDocument('file:///n.py', 1, src, 'n.py', OPTS, 'both');
    const full = analyzeSource(src, 'n.py', OPTS);
    // The outer model's first row is the inner model: 3 × (4 + 1) = 15 parameters, with its own Dense row nested.
    assert.equal(full.models[1].layers[0].nested?.length, 1);
    assert.equal(a.summary.models[1].layers[0].nested, undefined);
    assert.equal(a.summary.models[1].layers[0].params, 15);
    // Everything else is analyzeSource's: the same summary with the one nested list taken out by hand.
    const { nested: _, ...innerRow } = full.models[1].layers[0];
    const outer = { ...full.models[1], layers: [innerRow, ...full.models[1].layers.slice(1)] };
    assert.deepEqual(a.summary, { ...full, models: [full.models[0], outer] });
    assert.notDeepEqual(a.summary, full);
  } finally {
    client.dispose();
  }
});

test('after an edit in one of three models only that model crosses from the worker; the list is rebuilt whole', async () => {
  await ready;
  const three = (units: number): string => `import keras\nfrom keras import layers\na = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\nb = keras.Sequential([keras.Input((4,)), layers.Dense(${units})])\nc = keras.Sequential([keras.Input((4,)), layers.Dense(3)])\n`;
  const client = new AnalysisClient(path.resolve('dist'), () => undefined);
  try {
    const first = await client.analyzeDocument('file:///t.py', 1, three(5), 't.py', OPTS, 'both');
    assert.equal(client.receiver.received, 3);
    // The edit re-runs b alone (the units were grouped after the first answer), so a and c are the same objects.
    const second = await client.analyzeDocument('file:///t.py', 2, three(6), 't.py', OPTS, 'both');
    assert.equal(client.receiver.received, 4, 'only b crossed again');
    // Dense(u) on 4 inputs: u × (4 + 1), so a = 2 × 5 = 10, b = 6 × 5 = 30, c = 3 × 5 = 15.
    assert.deepEqual(second.summary.models.map((m) => m.totalParams), [10, 30, 15]);
    assert.deepEqual(second.summary, analyzeSource(three(6), 't.py', OPTS));
    assert.equal(second.summary.models[0], first.summary.models[0], 'a is the object that came before');
    client.closeDocument('file:///t.py');
    const reopened = await client.analyzeDocument('file:///t.py', 1, three(7), 't.py', OPTS, 'both');
    assert.equal(client.receiver.received, 7, 'a closed document starts again with every model');
    assert.deepEqual(reopened.summary, analyzeSource(three(7), 't.py', OPTS));
  } finally {
    client.dispose();
  }
});
