// `npm run fuzz`: mutate the corpus and check the engine never throws, hangs, or changes an unmutated model.
//   npm run fuzz -- [--seed S] [--count N] [--start I] [--workers W] [--hang-ms MS]
//   npm run fuzz -- --only S:I     runs one case and writes its source to out/fuzz/case-S-I.py
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { initEngine } from '../../src/analysis/engine';
import { ROOT } from '../support/cli';
import { FuzzCorpus } from './cases';
import { runCases } from './runner';
import { formatReport, summarize } from './report';

interface Args { seed: number; count: number; start: number; workers: number; hangMs: number; only?: [number, number] }

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { seed: 1, count: 10_000, start: 0, workers: 2, hangMs: 20_000 };
  for (let i = 0; i < argv.length; i++) {
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${argv[i - 1]} needs a whole number, got ${argv[i]}`);
      return v;
    };
    switch (argv[i]) {
      case '--seed': args.seed = value(); break;
      case '--count': args.count = value(); break;
      case '--start': args.start = value(); break;
      case '--workers': args.workers = Math.max(1, value()); break;
      case '--hang-ms': args.hangMs = value(); break;
      case '--only': {
        const m = /^(\d+):(\d+)$/.exec(argv[++i] ?? '');
        if (!m) throw new Error('--only needs SEED:INDEX, e.g. --only 1:4411');
        args.only = [Number(m[1]), Number(m[2])];
        break;
      }
      default: throw new Error(`unknown argument ${argv[i]} (see test/fuzz/main.ts)`);
    }
  }
  return args;
}

async function only(seed: number, index: number, hangMs: number): Promise<number> {
  await initEngine();
  const c = new FuzzCorpus().makeCase(seed, index);
  const dir = path.join(ROOT, 'out', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `case-${seed}-${index}.py`);
  writeFileSync(file, c.text);
  const line = (i: number): number => c.text.slice(0, i).split('\n').length;
  console.log(`case ${seed}:${index}: ${c.mutations.join(' + ')} on ${c.target}`);
  console.log(`  above anchor ${c.above.id} (lines 1–${line(c.mutatedStart) - 2}), mutated part lines ${line(c.mutatedStart)}–${line(c.mutatedEnd)}, below anchor ${c.below.id}`);
  console.log(`  source written to ${path.relative(process.cwd(), file)}`);
  const [r] = await runCases({ seed, indexes: [index], workers: 1, hangMs });
  console.log(`  ${r.ms.toFixed(0)} ms, ${r.steps.toLocaleString('en-US')} steps${r.budgetHit ? ', budget cut-off' : ''}${r.belowSkipped ? `, below anchor not compared (${r.belowSkipped})` : ''}`);
  for (const f of r.failures) console.log(`FAIL ${f.kind}: ${f.detail}`);
  if (r.failures.length === 0) console.log('  ok');
  return r.failures.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.only) return only(args.only[0], args.only[1], args.hangMs);
  const indexes = Array.from({ length: args.count }, (_, i) => args.start + i);
  const every = Math.max(1000, Math.round(args.count / 20));
  let done = 0;
  let failed = 0;
  const t0 = Date.now();
  console.log(`keras-lens fuzz: seed ${args.seed}, cases ${args.start}–${args.start + args.count - 1}, ${args.workers} workers`);
  const results = await runCases({
    seed: args.seed, indexes, workers: args.workers, hangMs: args.hangMs,
    onResult: (r) => {
      done++;
      if (r.failures.length > 0) {
        failed++;
        // Printed as found, so a long run's failures can be looked at before it ends.
        console.error(`  FAIL ${r.seed}:${r.index} [${r.mutations.join('+')}] ${r.failures.map((f) => `${f.kind}: ${f.detail.split('\n')[0].slice(0, 160)}`).join('; ')}`);
      }
      if (done % every === 0) console.error(`  ${done.toLocaleString('en-US')} cases, ${failed} failing, ${Math.round((Date.now() - t0) / 1000)} s`);
    },
  });
  console.log(formatReport(summarize(args.seed, results)));
  console.log(`wall time ${Math.round((Date.now() - t0) / 1000)} s`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exitCode = 2;
});
