// The fixed fuzz set: 2,000 mutated corpus files (seed 1), the same cases as `npm run fuzz -- --seed 1 --count 2000`.
// Each must finish, throw nothing, stay within its step budget, and leave the unmutated models around it as they
// are alone (test/fuzz/check.ts says exactly what is compared). A failing case prints how to reproduce it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCases } from '../fuzz/runner';
import { formatReport, reproduce, summarize } from '../fuzz/report';
import { MUTATION_KINDS } from '../fuzz/mutations';

const SEED = 1;
const COUNT = 2000;
/** A watchdog, not a speed check: a case still running after this is a hang. */
const HANG_MS = 30_000;

test(`fuzz: ${COUNT.toLocaleString('en-US')} fixed-seed cases (seed ${SEED})`, async () => {
  const results = await runCases({ seed: SEED, indexes: Array.from({ length: COUNT }, (_, i) => i), workers: 2, hangMs: HANG_MS });
  const report = summarize(SEED, results);
  console.log(formatReport(report));
  assert.equal(report.cases, COUNT);
  const failed = report.failed.map((r) => `${reproduce(r)}  # ${r.failures.map((f) => `${f.kind}: ${f.detail.split('\n')[0]}`).join('; ')}`);
  assert.deepEqual(failed, [], 'fuzz cases failed');
  // The set must really exercise what it claims: every kind drawn, budgets hit, anchors compared.
  for (const kind of MUTATION_KINDS) assert.ok((report.casesByMutation[kind] ?? 0) >= 3, `${kind} drawn only ${report.casesByMutation[kind] ?? 0} times`);
  assert.ok(report.budgetHits >= 5, `only ${report.budgetHits} cases ran into the step budget`);
  assert.ok(report.belowCompared >= COUNT * 0.9, `the below anchor was compared in only ${report.belowCompared} cases`);
});
