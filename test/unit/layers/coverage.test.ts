// The layer tests cover the whole catalogue: every class has a figures() case and a rejects() case (cases.ts) in
// test/unit/layers, every other name of a class and every Keras 1/2 spelling has a figures case, and every layer
// with a data_format has a channels_first one. Read from the test sources, so a class added without tests fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLayers, findLayer } from '../../../src/analysis/keras/catalogue';

const DIR = 'test/unit/layers';

/**
 * Classes with no error case, and why (nothing in the arguments or the input can make Keras raise). Empty today: even
 * a layer that checks nothing rejects a Keras 1/2 keyword in Keras 3 (`Masking(batch_input_shape=…)`).
 */
const NO_ERROR_CASE: Readonly<Record<string, string>> = {};

interface Case {
  readonly kind: 'figures' | 'rejects';
  /** The name the constructor is written with (a class name or an alias). */
  readonly name: string;
  /**
   * That name and the classes constructed in its arguments (`RNN(layers.LSTMCell(4))`): their rules are exercised
   * too, and an RNN cell is never a row of its own.
   */
  readonly names: readonly string[];
  /** The whole statement, options included. */
  readonly text: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.test.ts'))) {
    const src = readFileSync(join(DIR, file), 'utf8');
    for (const m of src.matchAll(/\b(figures|rejects)\(\s*(['"`])([A-Za-z_]\w*)\(([\s\S]*?)\);[ \t]*(?:\/\/.*)?$/gm)) {
      const inner = [...m[4].matchAll(/\blayers\.([A-Za-z_]\w*)\(/g)].map((n) => n[1]);
      out.push({ kind: m[1] as Case['kind'], name: m[3], names: [m[3], ...inner], text: m[0] });
    }
  }
  return out;
}

const all = cases();
const classOf = (name: string) => findLayer(name)?.className;
const classes = allLayers();

test('every case names catalogue classes', () => {
  assert.deepEqual(all.flatMap((c) => c.names).filter((n) => !classOf(n)), []);
});

test('every catalogue class has a figures case (output shape and params)', (t) => {
  const count = (kind: Case['kind']) => all.filter((c) => c.kind === kind).length;
  t.diagnostic(`${classes.length} classes; ${count('figures')} figures cases, ${count('rejects')} error cases`);
  const covered = new Set(all.filter((c) => c.kind === 'figures').flatMap((c) => c.names.map(classOf)));
  assert.deepEqual(classes.map((d) => d.className).filter((c) => !covered.has(c)), []);
});

test('every catalogue class has an error case, or a reason it has none', () => {
  const covered = new Set(all.filter((c) => c.kind === 'rejects').flatMap((c) => c.names.map(classOf)));
  assert.deepEqual(classes.map((d) => d.className).filter((c) => !covered.has(c) && !(c in NO_ERROR_CASE)), []);
  assert.deepEqual(Object.keys(NO_ERROR_CASE).filter((c) => covered.has(c) || !findLayer(c)), [], 'stale NO_ERROR_CASE entries');
});

test('every alias and Keras 1/2 class name has a figures case of its own', () => {
  const written = new Set(all.filter((c) => c.kind === 'figures').map((c) => c.name));
  const names = classes.flatMap((d) => [...(d.aliases ?? []), ...(d.legacyAliases ?? [])]);
  assert.deepEqual(names.filter((n) => !written.has(n)), []);
});

test('every layer with Keras 1/2 spellings has a Keras 1 or 2 figures case', () => {
  const old = new Set(all.filter((c) => c.kind === 'figures' && /version: [12]\b/.test(c.text)).map((c) => classOf(c.name)));
  assert.deepEqual(classes.filter((d) => d.legacy).map((d) => d.className).filter((c) => !old.has(c)), []);
});

test('every layer that takes data_format has a channels_first figures case', () => {
  const cf = new Set(all.filter((c) => c.kind === 'figures' && /channels_first|dim_ordering="th"/.test(c.text)).map((c) => classOf(c.name)));
  const takes = classes.filter((d) => [...d.signature, ...(d.keywords ?? [])].includes('data_format')).map((d) => d.className);
  assert.deepEqual(takes.filter((c) => !cf.has(c)), []);
});
