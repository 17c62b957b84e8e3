// Runs every case of a corpus directory through the built CLI and checks it against expected.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, summarizeJson, type JsonFile } from '../support/cli';
import { compareCase, type CaseResult, type ExpectedCase } from './compare';
import type { Gap } from './expected-gaps';

export function corpusSuite(label: string, corpusDir: string, gaps: readonly Gap[], listName: string): void {
  const abs = path.join(ROOT, corpusDir);
  const dirs = readdirSync(abs, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(abs, d.name, 'model.py')))
    .map((d) => d.name)
    .sort();
  const gapByDir = new Map(gaps.map((g) => [g.dir, g.reason]));

  let files: Map<string, JsonFile> | undefined;
  let ms = 0;
  const results = new Map<string, CaseResult>();
  const load = (): Map<string, JsonFile> => {
    if (!files) {
      // One process for the whole corpus: the CLI analyses several files per invocation.
      const rel = dirs.map((d) => path.join(corpusDir, d, 'model.py'));
      const { json, result } = summarizeJson(rel);
      ms = result.ms;
      files = new Map(json.files.map((f) => [path.normalize(f.file), f]));
    }
    return files;
  };

  test(`${label}: every gap in ${listName} names an existing case`, () => {
    assert.ok(dirs.length > 0, `no cases under ${corpusDir}`);
    const unknown = gaps.filter((g) => !dirs.includes(g.dir)).map((g) => g.dir);
    assert.deepEqual(unknown, [], `${listName} names cases that do not exist`);
    assert.equal(new Set(gaps.map((g) => g.dir)).size, gaps.length, `${listName} lists a case twice`);
  });

  for (const dir of dirs) {
    const reason = gapByDir.get(dir);
    test(`${label}: ${dir}${reason ? ' (expected gap)' : ''}`, () => {
      const expected = JSON.parse(readFileSync(path.join(abs, dir, 'expected.json'), 'utf8')) as ExpectedCase;
      const file = load().get(path.normalize(path.join(corpusDir, dir, 'model.py')));
      const r = compareCase(expected, file);
      results.set(dir, r);
      if (reason === undefined) {
        assert.deepEqual(r.diffs, [], `${dir} differs from real Keras:\n  ${r.diffs.join('\n  ')}`);
      } else {
        assert.notDeepEqual(r.diffs, [], `${dir} now matches real Keras exactly: remove it from ${listName}`);
      }
    });
  }

  test(`${label}: report`, () => {
    const exact = dirs.filter((d) => results.get(d)?.diffs.length === 0).length;
    const rows = [...results.values()].reduce((n, r) => n + r.rows, 0);
    const lines = [`${label}: ${exact}/${dirs.length} cases exact (${rows} layer rows compared; CLI took ${ms} ms for all)`];
    for (const d of dirs) {
      const r = results.get(d);
      if (!r) lines.push(`  ${d}: not run`);
      else if (r.diffs.length > 0) {
        const tag = gapByDir.has(d) ? ` [gap: ${gapByDir.get(d)}]` : '';
        lines.push(`  ${d}${tag}: ${r.diffs[0]}${r.diffs.length > 1 ? ` (+${r.diffs.length - 1} more)` : ''}`);
      }
    }
    console.log(lines.join('\n'));
  });
}
