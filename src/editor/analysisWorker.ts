// The analysis worker thread: runs the engine off the extension host's main thread (no `vscode` here).
// It keeps each open document's incremental analysis; requests for a document that queue up while it is
// busy are answered together by analysing only the newest text (stale work is dropped).
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeSource, initEngine, type AnalysisOptions } from '../analysis/engine';
import type { FileSummary } from '../analysis/summary/types';
import { DocumentAnalyses } from './documentAnalyses';
import { inlineFigures, type InlineContent, type InlineFigures } from './lineFigures';
import { ModelSender, type SentModel } from './summaryForEditor';

export type WorkerRequest =
  /** One text, analysed from scratch. */
  | { readonly kind?: 'analyze'; readonly id: number; readonly text: string; readonly file: string; readonly options: AnalysisOptions }
  /** The current text of an open document (`doc` is its key), analysed incrementally. */
  | {
    readonly kind: 'document'; readonly id: number; readonly doc: string; readonly version: number; readonly text: string; readonly file: string; readonly options: AnalysisOptions;
    /** The inline annotations are made here too, in this content setting (the editor's main thread then only places them). */
    readonly content: InlineContent;
  }
  /** The document was closed: forget its state. */
  | { readonly kind: 'close'; readonly doc: string };

export interface WorkerReply {
  readonly id: number;
  /** Older requests for the same document answered by this (newer) analysis. */
  readonly also?: readonly number[];
  readonly version?: number;
  readonly summary?: FileSummary;
  /** For a document: its models (the summary's list is empty), each whole or as its index in the last list sent. */
  readonly doc?: string;
  readonly models?: readonly SentModel[];
  readonly figures?: InlineFigures;
  readonly millis?: number;
  readonly error?: string;
}

type DocumentRequest = Extract<WorkerRequest, { kind: 'document' }>;

const ready = initEngine((workerData as { wasmDir?: string } | undefined)?.wasmDir);
const documents = new DocumentAnalyses();
const sender = new ModelSender();
/** The newest unanswered request per document, with the ids it supersedes. */
const queued = new Map<string, { req: DocumentRequest; older: number[] }>();
let draining = false;

function post(reply: WorkerReply): void {
  parentPort?.postMessage(reply);
}

/** Answers the queued documents' newest requests (messages that arrived meanwhile were queued first). */
function drain(): void {
  draining = false;
  for (const doc of [...queued.keys()]) answer(doc);
}

function answer(doc: string): void {
  const entry = queued.get(doc);
  if (!entry) return;
  queued.delete(doc);
  const { req, older } = entry;
  const t0 = performance.now();
  try {
    const summary = documents.update(doc, req.text, req.file, req.options);
    const models = sender.send(doc, summary.models);
    post({ id: req.id, also: older, version: req.version, summary: { ...summary, models: [] }, doc, models, figures: inlineFigures(summary, req.content), millis: performance.now() - t0 });
    // Idle work after answering: group the outcomes so the next edit is incremental (unless a request waits).
    setImmediate(() => { if (!queued.has(doc)) documents.prepare(doc); });
  } catch (e) {
    post({ id: req.id, also: older, error: e instanceof Error ? e.message : String(e) });
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  void ready.then(
    () => {
      if (req.kind === 'close') {
        answer(req.doc);
        documents.close(req.doc);
        sender.forget(req.doc);
      } else if (req.kind === 'document') {
        const prev = queued.get(req.doc);
        queued.set(req.doc, { req, older: prev ? [...prev.older, prev.req.id] : [] });
        if (!draining) {
          draining = true;
          setImmediate(drain);
        }
      } else {
        const t0 = performance.now();
        const summary = analyzeSource(req.text, req.file, req.options);
        post({ id: req.id, summary, millis: performance.now() - t0 });
      }
    },
    (e: unknown) => {
      if (req.kind !== 'close') post({ id: req.id, error: `cannot load the Python parser: ${String(e)}` });
    },
  );
});
