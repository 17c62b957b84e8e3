// Runs fuzz cases on worker threads, one case at a time per worker, and stops a worker whose case hangs.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { CaseResult } from './check';
import type { CaseReply, CaseRequest } from './worker';

export interface RunOptions {
  readonly seed: number;
  /** Case indexes to run. */
  readonly indexes: readonly number[];
  readonly workers: number;
  /** A case not finished after this is stopped and counted as a hang (a watchdog, not a speed check). */
  readonly hangMs: number;
  readonly onResult?: (r: CaseResult) => void;
}

const WORKER = path.join(__dirname, 'worker.js');

/**
 * The CLI runs the engine on Node's main thread, whose stack is about 1 MB: the workers get no more,
 * so a deeply nested input that would overflow the CLI overflows here too. The heap cap turns a runaway
 * allocation into a failed case instead of a machine out of memory.
 */
const LIMITS = { stackSizeMb: 1, maxOldGenerationSizeMb: 1536 };

export function runCases(opts: RunOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let next = 0;
  let live = 0;
  return new Promise((resolve, reject) => {
    const finish = (r: CaseResult): void => {
      results.push(r);
      opts.onResult?.(r);
    };
    const fail = (index: number, kind: 'hang' | 'worker-died', detail: string, ms: number): CaseResult => ({
      seed: opts.seed, index, target: '?', mutations: [], chars: 0, ms, steps: 0, budgetHit: false, failures: [{ kind, detail }],
    });
    const start = (): void => {
      if (next >= opts.indexes.length) {
        if (live === 0) resolve(results.sort((a, b) => a.index - b.index));
        return;
      }
      live++;
      const w = new Worker(WORKER, { resourceLimits: LIMITS });
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const retire = (): void => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        live--;
        void w.terminate();
      };
      const send = (): void => {
        if (next >= opts.indexes.length) {
          retire();
          if (live === 0) resolve(results.sort((a, b) => a.index - b.index));
          return;
        }
        current = opts.indexes[next++];
        const t0 = performance.now();
        timer = setTimeout(() => {
          finish(fail(current, 'hang', `not finished after ${opts.hangMs} ms (worker stopped)`, performance.now() - t0));
          retire();
          start();
        }, opts.hangMs);
        w.postMessage({ seed: opts.seed, index: current } satisfies CaseRequest);
      };
      w.on('message', (reply: CaseReply) => {
        if (done) return;
        if (timer) clearTimeout(timer);
        if ('error' in reply) {
          retire();
          reject(new Error(`the fuzzer itself failed on case ${reply.seed}:${reply.index}: ${reply.error}`));
          return;
        }
        finish(reply.result);
        send();
      });
      const died = (why: string): void => {
        if (done) return;
        finish(fail(current, 'worker-died', why, 0));
        retire();
        start();
      };
      w.on('error', (e) => died(e.stack ?? e.message));
      w.on('exit', (code) => died(`the worker exited with code ${code}`));
      send();
    };
    for (let i = 0; i < Math.max(1, opts.workers); i++) start();
  });
}
