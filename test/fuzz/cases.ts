// A fuzz case: an unmutated anchor file, then a mutated corpus file, then another unmutated anchor — all from (seed, index).
import { analyzeSource, type AnalysisOptions } from '../../src/analysis/engine';
import type { FileSummary } from '../../src/analysis/summary/types';
import { loadSeedFiles, type SeedFile } from './corpus';
import { MUTATION_WEIGHTS, mutate, type MutationKind } from './mutations';
import { freeNames, renameModuleNames } from './names';
import { caseRng } from './prng';

export const FUZZ_OPTIONS: AnalysisOptions = { kerasVersion: 'auto', dataFormat: 'channels_last' };

/** Prefixes for the anchors' module-level names: no corpus file uses them, so mutated code cannot name them. */
const ABOVE_PREFIX = 'fzA_';
const BELOW_PREFIX = 'fzB_';

/** A blank line between the parts: a backslash or an unfinished line in the mutated part cannot run into the next. */
const SEPARATOR = '\n\n';

export interface Anchor {
  readonly id: string;
  /** The file with its module-level names prefixed. */
  readonly text: string;
  /** What the engine reports for that text alone. */
  readonly alone: FileSummary;
}

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  readonly target: string;
  readonly mutations: readonly MutationKind[];
  readonly above: Anchor;
  readonly below: Anchor;
  /** Names the below anchor reads without binding (builtins): mutated code that binds them may change it. */
  readonly belowFree: ReadonlySet<string>;
  /** The whole file analysed: above + mutated + below. */
  readonly text: string;
  /** The same file before the mutations (the editor's document one edit earlier). */
  readonly before: string;
  /** Where the mutated part sits in `text` (string indexes; tree-sitter indexes the same way). */
  readonly mutatedStart: number;
  readonly mutatedEnd: number;
  /** The line the below anchor starts on (line breaks as Python counts them: LF, CRLF, a lone CR). */
  readonly belowLine: number;
}

/** The seed files, their anchors and baselines: built once per process (a worker), after initEngine(). */
export class FuzzCorpus {
  readonly files: readonly SeedFile[] = loadSeedFiles();
  private readonly anchors = new Map<string, Anchor>();
  private readonly free = new Map<string, ReadonlySet<string>>();
  private readonly versions = new Map<string, number>();

  anchor(file: SeedFile, prefix: string): Anchor {
    const key = `${prefix}${file.id}`;
    let a = this.anchors.get(key);
    if (!a) {
      const text = renameModuleNames(file.text, prefix);
      a = { id: file.id, text, alone: analyzeSource(text, `${file.id}.py`, FUZZ_OPTIONS) };
      this.anchors.set(key, a);
    }
    return a;
  }

  freeNames(anchor: Anchor): ReadonlySet<string> {
    let f = this.free.get(anchor.text);
    if (!f) this.free.set(anchor.text, (f = freeNames(anchor.text)));
    return f;
  }

  version(file: SeedFile): number {
    let v = this.versions.get(file.id);
    if (v === undefined) this.versions.set(file.id, (v = analyzeSource(file.text, `${file.id}.py`, FUZZ_OPTIONS).kerasVersion));
    return v;
  }

  makeCase(seed: number, index: number): FuzzCase {
    const rng = caseRng(seed, index);
    // The big models are a fifth as likely as a corpus case: they cost several times as much to analyse.
    const weights = this.files.map((f) => (f.hard ? 0.2 : 1));
    let r = rng.next() * weights.reduce((a, b) => a + b, 0);
    const target = this.files.find((_, i) => (r -= weights[i]) < 0) ?? this.files[0];
    // Anchors read with the same Keras version as the target, so the file's `auto` version is theirs too.
    const peers = this.files.filter((f) => !f.hard && this.version(f) === this.version(target));
    const above = this.anchor(rng.pick(peers), ABOVE_PREFIX);
    const below = this.anchor(rng.pick(peers), BELOW_PREFIX);
    const n = rng.weighted({ '1': 55, '2': 25, '3': 12, '4': 4, '5': 2, '6': 2 });
    const mutations: MutationKind[] = [];
    let mutated = target.text;
    for (let k = 0; k < Number(n); k++) {
      const kind = rng.weighted(MUTATION_WEIGHTS);
      mutations.push(kind);
      mutated = mutate(kind, mutated, rng);
    }
    const head = above.text + SEPARATOR;
    const beforeBelow = head + mutated + SEPARATOR;
    return {
      seed, index, target: target.id, mutations, above, below, belowFree: this.freeNames(below),
      text: beforeBelow + below.text,
      before: head + target.text + SEPARATOR + below.text,
      mutatedStart: head.length,
      mutatedEnd: head.length + mutated.length,
      belowLine: beforeBelow.match(/\r\n|\r|\n/g)?.length ?? 0,
    };
  }
}
