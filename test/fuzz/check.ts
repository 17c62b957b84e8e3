// Runs one fuzz case through the engine and checks what must hold, whatever the mutation did.
//
// What is compared, and why it is honest:
// * The anchor ABOVE the mutated part (a corpus file, its module-level names prefixed so mutated code
//   cannot name its objects) runs first, as in Python, so nothing after it can change it: its models and
//   its diagnostics must equal what the engine reports for that file alone, field for field — names,
//   shapes, counts, ranges, explanations. A mismatch means state leaked backwards, or recovery ate it.
// * The anchor BELOW runs after the mutated part, which may legitimately change some of it, so only
//   its name-free figures are compared (see nameFreeFigures: Keras numbers auto-names per file, so
//   names and "Connected to" may shift), and not at all when the mutated part could really change them:
//     - the file's whole step budget ran out (models below a cut are not followed, by design);
//     - the mutated part ends inside a triple-quoted string (Python too reads the rest as that string);
//     - it mentions set_image_data_format / image_dim_ordering (a global the below anchor reads);
//     - it binds a name the below anchor reads without binding itself (a builtin such as `range`).
// * Both: the Keras version the file was read with must be the anchors' own (they are chosen so), else
//   the case is skipped — `auto` decides the version per file, from any line.
// * Every case: no exception, no "internal error" diagnostic, steps within the file's budget, and every
//   model reported (mutated ones too) passes figureProblems.
// * The editor's path: a DocumentAnalysis given the file before the mutations, then the mutated file as
//   one edit, must report exactly what analyzeSource reports for the mutated file.
import { analyzeSource, type AnalysisOptions } from '../../src/analysis/engine';
import { DEFAULT_LIMITS } from '../../src/analysis/interpret/interpreter';
import { parseWithRecovery } from '../../src/analysis/parse/recover';
import { DocumentAnalysis } from '../../src/analysis/incremental/documentAnalysis';
import type { FileSummary, ModelSummaryEntry } from '../../src/analysis/summary/types';
import { FUZZ_OPTIONS, type FuzzCase } from './cases';
import { figureProblems, firstDifference, nameFreeFigures } from './figures';
import { boundNames } from './names';
import { endsInsideTripleQuote } from './openString';

export type FailureKind =
  | 'throw' | 'internal-error' | 'over-budget' | 'above-changed' | 'below-changed' | 'insane-figure' | 'hang' | 'worker-died'
  | 'incremental-differs';

export interface Failure {
  readonly kind: FailureKind;
  readonly detail: string;
}

export type BelowSkip = 'engine-failed' | 'version' | 'budget-used-up' | 'open-string' | 'data-format' | 'rebinds-name';

export interface CaseResult {
  readonly seed: number;
  readonly index: number;
  readonly target: string;
  readonly mutations: readonly string[];
  readonly chars: number;
  readonly ms: number;
  readonly steps: number;
  /** A statement or the file ran out of steps. */
  readonly budgetHit: boolean;
  readonly failures: readonly Failure[];
  /** Why the below anchor was not compared, when it was not. */
  readonly belowSkipped?: BelowSkip;
}

/** The largest single charge to the budget: a materialised range of up to 1,000,000 items costs 1 step per 64 (iteration.ts). */
const MAX_SINGLE_CHARGE = 16_384;

const BUDGET_CUT = /runs too long|analysis budget is used up/;
const INTERNAL = /keras-lens hit an internal error/;
// Limits of the machine, not of the path: a parse's time limit, and where the stack runs out (JIT-compiled frames are smaller).
const RESOURCE_LIMIT = /too tangled to pinpoint|nests too deeply/;

export function runCase(c: FuzzCase, options: AnalysisOptions = FUZZ_OPTIONS): CaseResult {
  let steps = 0;
  const t0 = performance.now();
  let summary: FileSummary;
  try {
    summary = analyzeSource(c.text, 'fuzz.py', { ...options, onSteps: (n) => { steps = n; } });
  } catch (e) {
    return result(c, performance.now() - t0, steps, false, [{ kind: 'throw', detail: e instanceof Error ? e.stack ?? e.message : String(e) }]);
  }
  const ms = performance.now() - t0;
  const failures: Failure[] = [];
  for (const d of summary.diagnostics) if (INTERNAL.test(d.message)) failures.push({ kind: 'internal-error', detail: d.message });
  const limit = (options.limits ?? DEFAULT_LIMITS).totalSteps;
  if (steps > limit + MAX_SINGLE_CHARGE) failures.push({ kind: 'over-budget', detail: `${steps} steps, the file's budget is ${limit}` });
  for (const m of summary.models) for (const p of figureProblems(m)) failures.push({ kind: 'insane-figure', detail: p });
  const budgetHit = summary.diagnostics.some((d) => BUDGET_CUT.test(d.message));
  let belowSkipped: BelowSkip | undefined;
  if (failures.some((f) => f.kind === 'internal-error')) {
    // The engine gave up on the whole file: comparing anchors would only repeat that failure.
    belowSkipped = 'engine-failed';
  } else if (summary.kerasVersion !== c.above.alone.kerasVersion) {
    belowSkipped = 'version';
  } else {
    failures.push(...compareAbove(c, summary));
    belowSkipped = belowSkip(c, summary, steps, limit);
    if (!belowSkipped) failures.push(...compareBelow(c, summary));
  }
  failures.push(...compareIncremental(c, summary, options));
  return result(c, ms, steps, budgetHit, failures, belowSkipped);
}

/** The editor's incremental path after the mutations as one edit: exactly analyzeSource's result. */
function compareIncremental(c: FuzzCase, summary: FileSummary, options: AnalysisOptions): Failure[] {
  const doc = new DocumentAnalysis('fuzz.py', options);
  try {
    doc.update(c.before);
    const incremental = doc.update(c.text);
    const diff = firstDifference(summary, incremental, 'summary');
    if (diff && [summary, incremental].some((s) => s.diagnostics.some((d) => RESOURCE_LIMIT.test(d.message)))) return [];
    return diff ? [{ kind: 'incremental-differs', detail: `${diff} (${doc.stats.mode}${doc.stats.reason ? `: ${doc.stats.reason}` : ''})` }] : [];
  } catch (e) {
    return [{ kind: 'throw', detail: `DocumentAnalysis: ${e instanceof Error ? e.stack ?? e.message : String(e)}` }];
  } finally {
    doc.dispose();
  }
}

function result(c: FuzzCase, ms: number, steps: number, budgetHit: boolean, failures: Failure[], belowSkipped?: BelowSkip): CaseResult {
  return { seed: c.seed, index: c.index, target: c.target, mutations: c.mutations, chars: c.text.length, ms, steps, budgetHit, failures, belowSkipped };
}

/** The above anchor: its models come first and its diagnostics sit on its lines; both must equal the file alone. */
function compareAbove(c: FuzzCase, s: FileSummary): Failure[] {
  const alone = c.above.alone;
  const lines = c.above.text.split('\n').length - 1;
  const models = s.models.slice(0, alone.models.length);
  const diff = firstDifference(alone.models, models, 'models');
  if (diff) return [{ kind: 'above-changed', detail: `${c.above.id}: ${diff}` }];
  const diags = s.diagnostics.filter((d) => d.range.start.line < lines);
  const ddiff = firstDifference(alone.diagnostics, diags, 'diagnostics');
  return ddiff ? [{ kind: 'above-changed', detail: `${c.above.id}: ${ddiff}` }] : [];
}

function belowSkip(c: FuzzCase, s: FileSummary, steps: number, limit: number): BelowSkip | undefined {
  // Only a cut by the file's total can reach the anchor's statements; a statement's own slice is fresh.
  if (steps > limit || s.diagnostics.some((d) => /analysis budget is used up/.test(d.message))) return 'budget-used-up';
  const mutated = c.text.slice(c.mutatedStart, c.mutatedEnd);
  if (endsInsideTripleQuote(mutated)) return 'open-string';
  if (/image_data_format|image_dim_ordering/.test(mutated)) return 'data-format';
  // Binding is judged on the text the engine really ran (statements with syntax errors blanked);
  // most mutated parts never spell a builtin the anchor reads, and `import *` needs a `*`: no parse then.
  const words = new Set(mutated.match(/[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/gu) ?? []);
  if (!mutated.includes('*') && ![...c.belowFree].some((n) => words.has(n))) return undefined;
  const parsed = parseWithRecovery(c.text);
  try {
    const { names, wildcard } = boundNames(parsed.tree.rootNode, (n) => n.startIndex >= c.mutatedStart && n.startIndex < c.mutatedEnd);
    if (wildcard || [...names].some((n) => c.belowFree.has(n))) return 'rebinds-name';
  } finally {
    parsed.tree.delete();
  }
  return undefined;
}

/**
 * The below anchor's models are the last ones created; each must sit where it sits in the file alone,
 * moved down by the lines above the anchor (so they are the anchor's, not the mutated part's), and keep its figures.
 */
function compareBelow(c: FuzzCase, s: FileSummary): Failure[] {
  const alone = c.below.alone.models;
  if (s.models.length < alone.length) return [{ kind: 'below-changed', detail: `${c.below.id}: ${alone.length} models alone, ${s.models.length} in the whole file` }];
  const models = s.models.slice(s.models.length - alone.length);
  const place = (m: ModelSummaryEntry, shift: number): string => `${m.range.start.line - shift}:${m.range.start.character}`;
  const pdiff = firstDifference(alone.map((m) => place(m, 0)), models.map((m) => place(m, c.belowLine)), 'model positions');
  if (pdiff) return [{ kind: 'below-changed', detail: `${c.below.id}: ${pdiff}` }];
  const diff = firstDifference(alone.map(nameFreeFigures), models.map(nameFreeFigures), 'models');
  return diff ? [{ kind: 'below-changed', detail: `${c.below.id}: ${diff}` }] : [];
}
