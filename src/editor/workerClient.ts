// Sends analyses to a worker thread so a large file never blocks the editor; falls back to in-process.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { AnalysisOptions } from '../analysis/engine';
import type { FileSummary } from '../analysis/summary/types';
import type { WorkerReply, WorkerRequest } from './analysisWorker';
import type { DocumentAnalyses } from './documentAnalyses';
import { inlineFigures, type InlineContent, type InlineFigures } from './lineFigures';
import { ModelReceiver } from './summaryForEditor';

export interface Answer {
  readonly summary: FileSummary;
  readonly figures?: InlineFigures;
  readonly millis: number;
  /** The document version analysed (newer than asked when a later edit overtook the request). */
  readonly version?: number;
}

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Answer) => void; reject: (e: Error) => void }>();
  /** Rebuilds each document's model list from the models the worker sent whole and the references to the last list. */
  readonly receiver = new ModelReceiver();
  /** The in-process engine and its documents, loaded at the first fallback. */
  private fallback: Promise<InProcess> | undefined;

  constructor(private readonly distDir: string, private readonly log: (line: string) => void) {
    const script = path.join(distDir, 'analysisWorker.js');
    if (!fs.existsSync(script)) return;
    try {
      this.worker = new Worker(script, { workerData: { wasmDir: distDir } });
      this.worker.on('message', (r: WorkerReply) => this.settle(r));
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

  /** Analyses one text from scratch. */
  analyze(text: string, file: string, options: AnalysisOptions): Promise<Answer> {
    if (!this.worker) return this.inProcess((e) => e.engine.analyzeSource(text, file, options));
    return this.send((id) => ({ kind: 'analyze', id, text, file, options }));
  }

  /**
   * Analyses the current text of an open document (`doc` is its key) incrementally: the worker keeps the
   * document's state between versions, and answers requests that queued up with the newest one only.
   */
  analyzeDocument(doc: string, version: number, text: string, file: string, options: AnalysisOptions, content: InlineContent): Promise<Answer> {
    if (!this.worker) {
      return this.inProcess((e) => {
        const summary = e.documents.update(doc, text, file, options);
        setImmediate(() => e.documents.prepare(doc));
        return summary;
      }, version, content);
    }
    return this.send((id) => ({ kind: 'document', id, doc, version, text, file, options, content }));
  }

  /** Forgets a closed document's state. */
  closeDocument(doc: string): void {
    this.receiver.forget(doc);
    if (this.worker) this.worker.postMessage({ kind: 'close', doc } satisfies WorkerRequest);
    else void this.fallback?.then((e) => e.documents.close(doc));
  }

  private send(request: (id: number) => WorkerRequest): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.ref();
      this.worker!.postMessage(request(id));
    });
  }

  private settle(r: WorkerReply): void {
    // Rebuilt for every answer, wanted or not: the worker's next references are to this list.
    const models = r.doc !== undefined && r.models ? this.receiver.receive(r.doc, r.models) : r.summary?.models;
    const summary = r.summary && models ? { ...r.summary, models } : undefined;
    for (const id of [r.id, ...(r.also ?? [])]) {
      const p = this.pending.get(id);
      if (!p) continue;
      this.pending.delete(id);
      if (summary) p.resolve({ summary, figures: r.figures, millis: r.millis ?? 0, version: r.version });
      else p.reject(new Error(r.error ?? (r.summary ? 'an answer for a document already closed' : 'no result')));
    }
    if (this.pending.size === 0) this.worker?.unref();
  }

  /** The worker is gone: say so once, answer what was pending in-process from now on. */
  private fail(message: string): void {
    if (!this.worker) return;
    this.log(`keras-lens: ${message}; analysing in the extension host instead`);
    this.worker = undefined;
    for (const [, p] of this.pending) p.reject(new Error(message));
    this.pending.clear();
  }

  private async inProcess(run: (e: InProcess) => FileSummary, version?: number, content?: InlineContent): Promise<Answer> {
    this.fallback ??= loadInProcess(this.distDir);
    const engine = await this.fallback;
    const t0 = performance.now();
    const summary = run(engine);
    return { summary, figures: content && inlineFigures(summary, content), millis: performance.now() - t0, version };
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    void this.fallback?.then((e) => e.documents.dispose());
  }
}

interface InProcess {
  readonly engine: typeof import('./inProcessEngine');
  readonly documents: DocumentAnalyses;
}

/**
 * Loads the engine beside this file: dist/inProcessEngine.js next to the extension's bundle, or the compiled
 * module next to this one in the test build. (The name is not a literal, so esbuild leaves the require alone.)
 */
async function loadInProcess(wasmDir: string): Promise<InProcess> {
  const name = './inProcessEngine';
  const engine = require(name) as typeof import('./inProcessEngine');
  await engine.initEngine(wasmDir);
  return { engine, documents: new engine.DocumentAnalyses() };
}
