// docs/supported.md lists every layer class of the catalogue (regenerate with node scripts/docs-layers.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allLayers } from '../../src/analysis/keras/catalogue';

test('docs/supported.md names every catalogue class', () => {
  const doc = readFileSync('docs/supported.md', 'utf8');
  const missing = allLayers().map((d) => d.className).filter((c) => !doc.includes(`| ${c} |`));
  assert.deepEqual(missing, [], 'run node scripts/docs-layers.mjs after npm run build');
});
