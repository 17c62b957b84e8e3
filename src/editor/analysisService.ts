// Runs the engine for open Python documents: debounced, cached per document version, errors to the output channel.
// The worker analyses each document incrementally (it keeps the document's previous analysis).
import * as vscode from 'vscode';
import type { FileSummary } from '../analysis/summary/types';
import type { InlineFigures } from './lineFigures';
import { readConfig } from './config';
import { AnalysisClient } from './workerClient';
import { FaultBarrier } from './faultBarrier';

export interface AnalysisResult {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly summary: FileSummary;
  /** The inline annotations, made beside the analysis (off the main thread), for the content setting of the request. */
  readonly figures?: InlineFigures;
  /** Milliseconds the analysis took. */
  readonly millis: number;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, AnalysisResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<AnalysisResult>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly client: AnalysisClient;
  /** The newest version asked for, per document: older answers are stale and dropped. */
  private readonly wanted = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<AnalysisResult | undefined>>();
  /** The longest time the features took on the main thread to take in one result (ms), for the e2e measurement. */
  longestMainThreadMillis = 0;
  /** Bumped when the settings that change figures change: answers computed before are dropped. */
  private generation = 0;
  /** Fired after a document's analysis is refreshed. */
  readonly onDidAnalyze = this.changed.event;
  /** Where every feature's errors go: the output channel, never a pop-up. */
  readonly faults: FaultBarrier;

  constructor(distDir: string, readonly log: vscode.OutputChannel) {
    this.faults = new FaultBarrier(log);
    this.client = new AnalysisClient(distDir, (line) => log.appendLine(line));
    const guard = <A extends unknown[]>(fn: (...a: A) => void) => this.faults.guard('analysis', fn, undefined);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument(guard((e) => { if (e.contentChanges.length > 0) this.schedule(e.document); })),
      vscode.workspace.onDidOpenTextDocument(guard((d) => this.schedule(d, 0))),
      vscode.workspace.onDidCloseTextDocument(guard((d) => this.forget(d.uri))),
      vscode.workspace.onDidChangeConfiguration(guard((e) => {
        if (e.affectsConfiguration('keras-lens.kerasVersion') || e.affectsConfiguration('keras-lens.imageDataFormat')) this.refreshAll();
      })),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Models that crossed whole from the worker so far (unchanged ones cross as references), for the e2e measurement. */
  get modelsReceived(): number {
    return this.client.receiver.received;
  }

  /** Whether analyses run off the main thread (for tests and the output channel). */
  get usesWorker(): boolean {
    return this.client.usesWorker;
  }

  static isPython(d: vscode.TextDocument): boolean {
    return d.languageId === 'python' && d.uri.scheme !== 'output';
  }

  /** The latest result for this document version, if analysed. */
  peek(doc: vscode.TextDocument): AnalysisResult | undefined {
    const r = this.cache.get(doc.uri.toString());
    return r && r.version === doc.version ? r : undefined;
  }

  /** The result for the document's current version, analysing now if needed. */
  async get(doc: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    if (!AnalysisService.isPython(doc)) return undefined;
    return this.peek(doc) ?? this.run(doc);
  }

  /** The latest result even if the document changed since (for views that must not flicker). */
  latest(uri: vscode.Uri): AnalysisResult | undefined {
    return this.cache.get(uri.toString());
  }

  private schedule(doc: vscode.TextDocument, delay = readConfig().debounceMs): void {
    if (!AnalysisService.isPython(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // The document may have changed again or closed meanwhile: analyse what is there now.
      if (!doc.isClosed) void this.run(doc);
    }, delay));
  }

  /** Analyses the document's current text in the worker; one request per version, stale answers dropped. */
  private run(doc: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    const key = doc.uri.toString();
    const hit = this.peek(doc);
    if (hit) return Promise.resolve(hit);
    const flying = this.inflight.get(`${key}@${doc.version}`);
    if (flying) return flying;
    const version = doc.version;
    const generation = this.generation;
    this.wanted.set(key, version);
    const config = readConfig();
    const p = this.client.analyzeDocument(key, version, doc.getText(), doc.uri.fsPath || key, config.analysis, config.inlineContent).then(
      ({ summary, figures, millis, version: analysed = version }) => {
        // A newer version's answer may come back for this request (the worker drops stale requests).
        const result: AnalysisResult = { uri: doc.uri, version: Math.max(version, analysed), summary, figures, millis };
        // A newer edit is on its way, or the settings changed meanwhile: this answer is stale.
        if ((this.wanted.get(key) ?? version) > result.version || generation !== this.generation) return result;
        // Requests overtaken by the same newer answer: announce it once.
        const known = this.cache.get(key);
        if (known && known.version >= result.version) return known;
        this.cache.set(key, result);
        const t0 = performance.now();
        this.changed.fire(result);
        this.longestMainThreadMillis = Math.max(this.longestMainThreadMillis, performance.now() - t0);
        return result;
      },
      (e: unknown) => {
        this.log.appendLine(`keras-lens: analysis of ${key} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return undefined;
      },
    ).finally(() => this.inflight.delete(`${key}@${version}`));
    this.inflight.set(`${key}@${version}`, p);
    return p;
  }

  private refreshAll(): void {
    this.generation++;
    this.inflight.clear();
    this.cache.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.client.closeDocument(key);
    this.cache.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    this.client.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}
