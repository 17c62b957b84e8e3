// Runs the engine for open Python documents: debounced, cached per document version, errors to the output channel.
import * as vscode from 'vscode';
import { analyzeSource, initEngine } from '../analysis/engine';
import type { FileSummary } from '../analysis/summary/types';
import { readConfig } from './config';

export interface AnalysisResult {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly summary: FileSummary;
  /** Milliseconds the analysis took. */
  readonly millis: number;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, AnalysisResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<AnalysisResult>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private ready: Promise<void>;
  /** Fired after a document's analysis is refreshed. */
  readonly onDidAnalyze = this.changed.event;

  constructor(wasmDir: string, readonly log: vscode.OutputChannel) {
    this.ready = initEngine(wasmDir).catch((e: unknown) => {
      this.log.appendLine(`keras-lens: cannot load the Python parser: ${String(e)}`);
      throw e;
    });
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) this.schedule(e.document); }),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('keras-lens.kerasVersion') || e.affectsConfiguration('keras-lens.imageDataFormat')) this.refreshAll();
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
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
    const hit = this.peek(doc);
    if (hit) return hit;
    await this.ready;
    return this.run(doc);
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
      void this.ready.then(() => {
        // The document may have changed again or closed meanwhile: analyse what is there now.
        if (!doc.isClosed) this.run(doc);
      }, () => undefined);
    }, delay));
  }

  private run(doc: vscode.TextDocument): AnalysisResult | undefined {
    const hit = this.peek(doc);
    if (hit) return hit;
    try {
      const t0 = performance.now();
      const summary = analyzeSource(doc.getText(), doc.uri.fsPath || doc.uri.toString(), readConfig().analysis);
      const result: AnalysisResult = { uri: doc.uri, version: doc.version, summary, millis: performance.now() - t0 };
      this.cache.set(doc.uri.toString(), result);
      this.changed.fire(result);
      return result;
    } catch (e) {
      this.log.appendLine(`keras-lens: analysis of ${doc.uri.toString()} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return undefined;
    }
  }

  private refreshAll(): void {
    this.cache.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}
