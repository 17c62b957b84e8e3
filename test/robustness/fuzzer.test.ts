// The fuzzer's own parts: reproducible cases, mutations that really mutate, and checks that really fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine } from '../../src/analysis/engine';
import type { ModelSummaryEntry } from '../../src/analysis/summary/types';
import { FuzzCorpus, type FuzzCase } from '../fuzz/cases';
import { runCase } from '../fuzz/check';
import { figureProblems } from '../fuzz/figures';
import { MUTATION_KINDS, mutate } from '../fuzz/mutations';
import { renameModuleNames } from '../fuzz/names';
import { endsInsideTripleQuote } from '../fuzz/openString';
import { caseRng } from '../fuzz/prng';

const ready = initEngine().then(() => new FuzzCorpus());

test('a case is a function of (seed, index)', async () => {
  const corpus = await ready;
  const a = corpus.makeCase(7, 3);
  const b = corpus.makeCase(7, 3);
  assert.equal(a.text, b.text);
  assert.deepEqual(a.mutations, b.mutations);
  assert.notEqual(corpus.makeCase(7, 4).text, a.text);
  assert.notEqual(corpus.makeCase(8, 3).text, a.text);
});

test('every mutation kind changes a corpus file, and the big ones reach their sizes', async () => {
  const corpus = await ready;
  const source = corpus.files.find((f) => f.id === 'corpus/73-helper-function-blocks');
  assert.ok(source);
  for (const kind of MUTATION_KINDS) {
    const outs = Array.from({ length: 10 }, (_, i) => mutate(kind, source.text, caseRng(99, i)));
    assert.ok(outs.some((t) => t !== source.text), `${kind} never changed the file in 10 draws`);
    const longest = (t: string): number => Math.max(...t.split('\n').map((l) => l.length));
    if (kind === 'long-line') assert.ok(outs.some((t) => longest(t) >= 100_000), 'no 100,000-character line');
    if (kind === 'long-list') assert.ok(outs.some((t) => t.split(',').length - source.text.split(',').length >= 9_999), 'no 10,000-item list');
  }
});

test('renaming an anchor prefixes its module names, not attributes, keyword names or imports', async () => {
  await ready;
  const src = 'import keras\nfrom keras import layers\nunits = 4\nm = keras.Sequential([layers.Dense(units=units)])\nm.units = units\n';
  assert.equal(
    renameModuleNames(src, 'fzA_'),
    'import keras\nfrom keras import layers\nfzA_units = 4\nfzA_m = keras.Sequential([layers.Dense(units=fzA_units)])\nfzA_m.units = fzA_units\n',
  );
});

test('a file ends inside a triple-quoted string only when one is really open', () => {
  assert.equal(endsInsideTripleQuote('x = """abc'), true);
  assert.equal(endsInsideTripleQuote("x = '''abc\ndef"), true);
  assert.equal(endsInsideTripleQuote('x = """abc"""'), false);
  assert.equal(endsInsideTripleQuote('x = "abc\ny = 1'), false);
  assert.equal(endsInsideTripleQuote('# """ in a comment'), false);
  assert.equal(endsInsideTripleQuote('x = "\\"""" + """'), true);
});

/** A copy of the case whose anchor, analysed alone, reports a different total for its first model. */
function tampered(c: FuzzCase, which: 'above' | 'below'): FuzzCase {
  const anchor = c[which];
  const [first, ...rest] = anchor.alone.models;
  const changed: ModelSummaryEntry = { ...first, totalParams: (first.totalParams ?? 0) + 1 };
  return { ...c, [which]: { ...anchor, alone: { ...anchor.alone, models: [changed, ...rest] } } };
}

test('the anchor checks fail when an anchor model differs from the file alone', async () => {
  const corpus = await ready;
  // Index 0 of seed 1 is an ordinary case whose anchors both get compared.
  const c = corpus.makeCase(1, 0);
  assert.deepEqual(runCase(c).failures, []);
  assert.deepEqual(runCase(tampered(c, 'above')).failures.map((f) => f.kind), ['above-changed']);
  assert.deepEqual(runCase(tampered(c, 'below')).failures.map((f) => f.kind), ['below-changed']);
});

test('figure sanity rules flag a certain total above a ? row and counts past 2**53', () => {
  const row = { name: 'd', type: 'Dense', params: null, trainableParams: null, nonTrainableParams: null, unbuilt: false, weights: [], outputShape: null } as const;
  const m = { name: 'm', variable: 'm', layers: [row], totalParams: 10, trainableParams: 10, nonTrainableParams: 0 } as unknown as ModelSummaryEntry;
  assert.match(figureProblems(m).join('\n'), /shown as certain/);
  const big = { ...m, layers: [], totalParams: 2 ** 53 + 2, trainableParams: 2 ** 53 + 2 } as ModelSummaryEntry;
  assert.match(figureProblems(big).join('\n'), /safe whole number/);
});
