// The figures of a fuzz run: cases, failures by kind and by mutation, analysis time, steps, budget cut-offs, skips.
import type { CaseResult } from './check';

export interface FuzzReport {
  readonly seed: number;
  readonly cases: number;
  readonly failed: readonly CaseResult[];
  readonly failuresByKind: Readonly<Record<string, number>>;
  readonly failedByMutation: Readonly<Record<string, number>>;
  readonly casesByMutation: Readonly<Record<string, number>>;
  readonly maxMs: number;
  readonly slowest?: CaseResult;
  readonly p99Ms: number;
  readonly medianMs: number;
  readonly maxSteps: number;
  readonly budgetHits: number;
  readonly belowCompared: number;
  readonly belowSkipped: Readonly<Record<string, number>>;
}

const bump = (o: Record<string, number>, k: string): void => { o[k] = (o[k] ?? 0) + 1; };

function quantile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export function summarize(seed: number, results: readonly CaseResult[]): FuzzReport {
  const failuresByKind: Record<string, number> = {};
  const failedByMutation: Record<string, number> = {};
  const casesByMutation: Record<string, number> = {};
  const belowSkipped: Record<string, number> = {};
  const ms = new Float64Array(results.map((r) => r.ms)).sort();
  let slowest: CaseResult | undefined;
  for (const r of results) {
    for (const k of new Set(r.mutations)) bump(casesByMutation, k);
    if (r.failures.length > 0) for (const k of new Set(r.mutations)) bump(failedByMutation, k);
    for (const k of new Set(r.failures.map((f) => f.kind))) bump(failuresByKind, k);
    if (r.belowSkipped) bump(belowSkipped, r.belowSkipped);
    if (!slowest || r.ms > slowest.ms) slowest = r;
  }
  return {
    seed,
    cases: results.length,
    failed: results.filter((r) => r.failures.length > 0),
    failuresByKind, failedByMutation, casesByMutation,
    maxMs: ms.length > 0 ? ms[ms.length - 1] : 0,
    slowest,
    p99Ms: quantile(ms, 0.99),
    medianMs: quantile(ms, 0.5),
    maxSteps: results.reduce((m, r) => Math.max(m, r.steps), 0),
    budgetHits: results.filter((r) => r.budgetHit).length,
    belowCompared: results.filter((r) => !r.belowSkipped && !r.failures.some((f) => f.kind === 'hang' || f.kind === 'worker-died' || f.kind === 'throw')).length,
    belowSkipped,
  };
}

const n = (x: number): string => x.toLocaleString('en-US');
const list = (o: Readonly<Record<string, number>>): string =>
  Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${n(v)}`).join(', ') || 'none';

export const reproduce = (r: Pick<CaseResult, 'seed' | 'index'>): string => `npm run fuzz -- --only ${r.seed}:${r.index}`;

export function formatReport(r: FuzzReport, maxListed = 20): string {
  const lines = [
    `cases:        ${n(r.cases)} (seed ${r.seed})`,
    `failures:     ${n(r.failed.length)}${r.failed.length ? ` — by kind: ${list(r.failuresByKind)}` : ''}`,
  ];
  if (r.failed.length > 0) lines.push(`  by mutation: ${list(r.failedByMutation)}`);
  lines.push(
    `time:         max ${r.maxMs.toFixed(0)} ms${r.slowest ? ` (${r.slowest.seed}:${r.slowest.index}, ${r.slowest.mutations.join('+')})` : ''}, p99 ${r.p99Ms.toFixed(0)} ms, median ${r.medianMs.toFixed(1)} ms`,
    `steps:        max ${n(r.maxSteps)}; budget cut-off in ${n(r.budgetHits)} cases`,
    `anchor below: compared in ${n(r.belowCompared)} cases; skipped: ${list(r.belowSkipped)}`,
    `mutations:    ${list(r.casesByMutation)}`,
  );
  for (const f of r.failed.slice(0, maxListed)) {
    lines.push(`FAIL ${f.seed}:${f.index} [${f.mutations.join('+')}] on ${f.target}: ${f.failures.map((x) => `${x.kind}: ${x.detail.split('\n')[0]}`).join('; ')}`);
    lines.push(`     reproduce: ${reproduce(f)}`);
  }
  if (r.failed.length > maxListed) lines.push(`… and ${n(r.failed.length - maxListed)} more failing cases`);
  return lines.join('\n');
}
