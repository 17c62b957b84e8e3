// The seed files the fuzzer mutates: every model.py of test/corpus and test/corpus-hard, in a fixed order.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/cli';

export interface SeedFile {
  /** `corpus/01-mnist-convnet`, `corpus-hard/resnet50`. */
  readonly id: string;
  readonly text: string;
  /** The big models: slower to analyse, so drawn less often and never used as anchors. */
  readonly hard: boolean;
}

export function loadSeedFiles(): SeedFile[] {
  const out: SeedFile[] = [];
  for (const dir of ['corpus', 'corpus-hard']) {
    const abs = path.join(ROOT, 'test', dir);
    for (const name of readdirSync(abs).sort()) {
      const file = path.join(abs, name, 'model.py');
      if (existsSync(file)) out.push({ id: `${dir}/${name}`, text: readFileSync(file, 'utf8'), hard: dir === 'corpus-hard' });
    }
  }
  if (out.length === 0) throw new Error(`no corpus files under ${ROOT}/test`);
  return out;
}
