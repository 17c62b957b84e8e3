// The extension's bundle leaves the engine out (it loads faster); the engine for the in-process fallback is a
// bundle of its own beside it, and ships in the .vsix. Needs npm run build (npm test runs it first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../support/cli';

const dist = (f: string): string => path.join(ROOT, 'dist', f);

test('dist/extension.js does not hold the engine; it requires dist/inProcessEngine.js only on the fallback', () => {
  const ext = readFileSync(dist('extension.js'), 'utf8');
  assert.ok(!ext.includes('class KerasSession'), 'the engine was bundled into the extension');
  assert.match(ext, /name = "\.\/inProcessEngine";[^]*require\(name\)/, 'the fallback does not load the engine bundle');
  assert.ok(statSync(dist('extension.js')).size < 200_000, `extension.js is ${statSync(dist('extension.js')).size} bytes`);
  assert.match(readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/inProcessEngine\.js$/m);
});

test('dist/inProcessEngine.js analyses on its own: Dense(10) after Flatten of (1, 28, 28) is 10 × (784 + 1) = 7,850', async () => {
  const engine = require(dist('inProcessEngine.js')) as typeof import('../../../src/editor/inProcessEngine');
  await engine.initEngine(path.join(ROOT, 'dist'));
  const src = 'import keras\nfrom keras import layers\nm = keras.Sequential([layers.Flatten(input_shape=(1, 28, 28)), layers.Dense(10)])\n';
  assert.equal(engine.analyzeSource(src, 'm.py').models[0].totalParams, 7850);
  const docs = new engine.DocumentAnalyses();
  assert.equal(docs.update('d', src.replace('Dense(10)', 'Dense(20)'), 'm.py', { kerasVersion: 'auto', dataFormat: 'channels_last' }).models[0].totalParams, 15700);
  docs.dispose();
});
