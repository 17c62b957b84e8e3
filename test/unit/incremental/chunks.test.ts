// Parsing chunk by chunk (DocumentParse) must give the statements a whole-file parse gives, or flag the
// chunk (then the whole file is parsed). Random few-line files, and random edits of the corpus, check it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { initEngine } from '../../../src/analysis/engine';
import { parseText } from '../../../src/analysis/parse/parser';
import { named } from '../../../src/analysis/parse/nodes';
import { nodeRange } from '../../../src/analysis/parse/ranges';
import { DocumentParse } from '../../../src/analysis/parse/documentParse';
import { rng, randomEdit } from './randomEdits';
import { ROOT } from '../../support/cli';

const ready = initEngine();

const show = (n: Node): string => `${n.type} ${JSON.stringify(nodeRange(n))}`;

/** The statements of a whole-file parse, or undefined if it has an error. */
function wholeFile(text: string): string[] | undefined {
  const tree = parseText(text);
  try {
    return tree.rootNode.hasError ? undefined : named(tree.rootNode).map(show);
  } finally {
    tree.delete();
  }
}

const LINES = [
  'a = 1', 'b = f(a)', 'c, d = 1, 2', '[a, b] = c', 'f(a)', 'a.b = 1', 'x = [1,', ']', 'def g():', '    return 1', 'if a:', 'else:',
  'a,', '(a),', 'a = b,', 'print a', '@d', 'x = (', '    1,', ')', 'x = """', 'doc', '"""', '# c', '', '    # c', 'y = a \\',
  'for i in r:', '    b = 2', 'class C:', '    def m(self):', 'lambda: 0', 'a if b else c', 'x = 1 # ,', 'with a as b:', 'f(', 'a)',
  'g = {', '}', '    [a, b],', '  y = 1', 'try:', 'except E:', 'a; b',
];

test('random few-line files: chunks parsed alone give the whole-file statements, or are flagged', async () => {
  await ready;
  const r = rng(11);
  let compared = 0;
  for (let k = 0; k < 6000; k++) {
    const n = 2 + Math.floor(r() * 3);
    const text = Array.from({ length: n }, () => LINES[Math.floor(r() * LINES.length)]).join('\n') + '\n';
    const whole = wholeFile(text);
    const doc = new DocumentParse();
    doc.update(text);
    if (whole && !doc.hasError) {
      compared++;
      assert.deepEqual(doc.chunks.flatMap((c) => c.statements.map(show)), whole, JSON.stringify(text));
    }
    doc.dispose();
  }
  assert.ok(compared > 500, `only ${compared} files compared`);
});

test('random edits of the corpus: the chunks keep giving the whole-file statements and positions', async () => {
  await ready;
  let compared = 0;
  for (const dir of ['test/corpus', 'test/corpus-hard']) {
    for (const d of readdirSync(path.join(ROOT, dir)).sort()) {
      const file = path.join(ROOT, dir, d, 'model.py');
      if (!existsSync(file)) continue;
      let text = readFileSync(file, 'utf8');
      const r = rng(text.length + 1);
      const doc = new DocumentParse();
      for (let k = 0; k < 30; k++) {
        const next = k === 0 ? text : randomEdit(text, r);
        doc.update(next);
        const whole = wholeFile(next);
        if (!whole || doc.hasError) continue; // left broken: the next edit starts from the last good text
        text = next;
        compared++;
        assert.deepEqual(doc.chunks.flatMap((c) => c.statements.map(show)), whole, `${d} after edit ${k}`);
      }
      doc.dispose();
    }
  }
  assert.ok(compared > 1000, `only ${compared} versions compared`);
});
