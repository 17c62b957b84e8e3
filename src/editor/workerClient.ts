// Sends analyses to a worker thread so a large file never blocks the editor; falls back to in-process.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { analyzeSource, initEngine, type AnalysisOptions } from '../analysis/engine';
import type { FileSummary } from '../analysis/summary/types';

interface Reply {
  readonly id: number;
  readonly summary?: FileSummary;
  readonly millis?: number;
  readonly error?: string;
}

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: { summary: FileSummary; millis: number }) => void; reject: (e: Error) => void }>();
  private fallback: Promise<void> | undefined;

  constructor(private readonly distDir: string, private readonly log: (line: string) => void) {
    const script = path.join(distDir, 'analysisWorker.js');
    if (!fs.existsSync(script)) return;
    try {
      this.worker = new Worker(script, { workerData: { wasmDir: distDir } });
      this.worker.on('message', (r: Reply) => this.settle(r));
      this.worker.on('error', (e) => this.fail(`the analysis worker failed: ${e.message}`));
      this.worker.on('exit', (code) => { if (code !== 0) this.fail(`the analysis worker exited with code ${code}`); });
      // Idle, the worker must not keep the process alive; while a request is out it must.
      this.worker.unref();
    } catch (e) {
      this.fail(`cannot start the analysis worker: ${String(e)}`);
    }
  }

  /** True while analyses run in the worker thread (false after a fallback to in-process). */
  get usesWorker(): boolean {
    return this.worker !== undefined;
  }

  analyze(text: string, file: string, options: AnalysisOptions): Promise<{ summary: FileSummary; millis: number }> {
    if (!this.worker) return this.inProcess(text, file, options);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.ref();
      this.worker!.postMessage({ id, text, file, options });
    });
  }

  private settle(r: Reply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (r.summary) p.resolve({ summary: r.summary, millis: r.millis ?? 0 });
    else p.reject(new Error(r.error ?? 'no result'));
  }

  /** The worker is gone: say so once, answer what was pending in-process from now on. */
  private fail(message: string): void {
    if (!this.worker) return;
    this.log(`keras-lens: ${message}; analysing in the extension host instead`);
    this.worker = undefined;
    for (const [, p] of this.pending) p.reject(new Error(message));
    this.pending.clear();
  }

  private async inProcess(text: string, file: string, options: AnalysisOptions): Promise<{ summary: FileSummary; millis: number }> {
    this.fallback ??= initEngine(this.distDir);
    await this.fallback;
    const t0 = performance.now();
    return { summary: analyzeSource(text, file, options), millis: performance.now() - t0 };
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
