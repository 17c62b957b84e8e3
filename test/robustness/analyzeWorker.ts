// Runs analyzeSource in a worker thread, so a test can stop an analysis that never ends
// (a hang must fail the test, not freeze the whole test run).
import { parentPort, Worker } from 'node:worker_threads';
import { initEngine, analyzeSource } from '../../src/analysis/engine';
import type { FileSummary } from '../../src/analysis/summary/types';

interface Request { text: string; file: string }
interface Reply { summary?: FileSummary; ms: number; error?: string }

export interface Timed {
  readonly summary: FileSummary;
  /** Time spent in analyzeSource alone (parser start-up excluded). */
  readonly ms: number;
}

/** Analyses `text` in a fresh worker; rejects if it throws or has not finished after `hardLimitMs`. */
export function analyzeIsolated(text: string, file: string, hardLimitMs: number): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename);
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new Error(`analysis of ${file} had not finished after ${hardLimitMs} ms (stopped)`));
    }, hardLimitMs);
    w.once('message', (r: Reply) => {
      clearTimeout(timer);
      void w.terminate();
      if (r.summary) resolve({ summary: r.summary, ms: r.ms });
      else reject(new Error(`analyzeSource threw: ${r.error ?? 'unknown error'}`));
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    w.postMessage({ text, file } satisfies Request);
  });
}

if (parentPort) {
  const port = parentPort;
  port.once('message', (req: Request) => {
    void initEngine().then(() => {
      const t0 = performance.now();
      let reply: Reply;
      try {
        const summary = analyzeSource(req.text, req.file);
        reply = { summary, ms: performance.now() - t0 };
      } catch (e) {
        reply = { ms: performance.now() - t0, error: e instanceof Error ? e.stack ?? e.message : String(e) };
      }
      port.postMessage(reply);
    });
  });
}
