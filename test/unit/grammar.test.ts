// The parser stack: web-tree-sitter loads the tree-sitter-python grammar, and that grammar is ABI 15
// (issue 2: web-tree-sitter 0.25+ loads grammar ABI 15 — check it with a test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Language, LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION, Parser } from 'web-tree-sitter';
import { initParser, grammarAbiVersion, parseText } from '../../src/analysis/parse/parser';
import { ROOT } from '../support/cli';

test('web-tree-sitter loads the tree-sitter-python grammar from the npm package; its ABI is 15', async () => {
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
  assert.equal(language.abiVersion, 15);
  assert.ok(MIN_COMPATIBLE_VERSION <= 15 && 15 <= LANGUAGE_VERSION, `web-tree-sitter accepts ABI ${MIN_COMPATIBLE_VERSION}..${LANGUAGE_VERSION}`);
  const parser = new Parser();
  parser.setLanguage(language);
  const tree = parser.parse('model.add(Dense(10))\n');
  assert.ok(tree);
  assert.equal(tree.rootNode.type, 'module');
  assert.equal(tree.rootNode.hasError, false);
  assert.equal(tree.rootNode.firstChild?.firstChild?.type, 'call');
  tree.delete();
  parser.delete();
});

test('the engine parser reports grammar ABI 15 and parses Python', async () => {
  await initParser();
  assert.equal(grammarAbiVersion(), 15);
  const tree = parseText('x = (1,\n');
  assert.equal(tree.rootNode.hasError, true, 'an unclosed tuple is a syntax error');
  tree.delete();
});

test('the bundle ships both .wasm files beside dist/cli.js', () => {
  for (const f of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) {
    assert.ok(existsSync(path.join(ROOT, 'dist', f)), `dist/${f} (run npm run build)`);
  }
});
