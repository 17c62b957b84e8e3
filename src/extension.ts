// activate(): wires the editor features to the analysis service, nothing else.
import * as vscode from 'vscode';
import { AnalysisService } from './editor/analysisService';
import { InlineDecorations, type AppliedAnnotation, type DecoratedWindow } from './editor/inlineDecorations';
import { LayerHoverProvider } from './editor/hover';
import { ModelCodeLensProvider } from './editor/codeLens';
import { DiagnosticsFeature } from './editor/diagnostics';
import { StatusBarFeature } from './editor/statusBar';
import { PANEL_VIEW_TYPE, SummaryPanel, SummaryPanelSerializer } from './editor/summaryPanel';
import { openSummaryAsText } from './editor/summaryText';
import type { PanelPayload } from './editor/panelPayload';
import type { FileSummary } from './analysis/summary/types';

/** What the extension exports, for its integration tests (and other extensions). */
export interface KerasLensApi {
  summary(uri: vscode.Uri): Promise<FileSummary | undefined>;
  annotations(uri: vscode.Uri): readonly AppliedAnnotation[];
  /** What the editor was last sent: the lines around the visible ones, and how many annotations they hold. */
  decoratedWindow(uri: vscode.Uri): DecoratedWindow | undefined;
  onDidApplyAnnotations: vscode.Event<vscode.Uri>;
  panelPayload(): PanelPayload | undefined;
  statusText(): string;
  /** True while analyses run in a worker thread, off the extension host's main thread. */
  analysisInWorker(): boolean;
  /** The longest the features spent on the main thread taking in one analysis result (decorations, diagnostics, panel…), in ms. */
  longestMainThreadMillis(): number;
  /** The longest one synchronous call of each feature took (listeners, providers, commands), in ms. */
  longestFeatureMillis(): Record<string, number>;
  /** Starts the longest-time measurements afresh (the e2e measurement of a steady state). */
  resetMainThreadMeasurements(): void;
  /** Models that crossed whole from the worker so far. */
  modelsReceived(): number;
  activationMillis: number;
}

const PYTHON: vscode.DocumentSelector = [{ language: 'python', scheme: 'file' }, { language: 'python', scheme: 'untitled' }, { language: 'python', scheme: 'vscode-remote' }];

export function activate(ctx: vscode.ExtensionContext): KerasLensApi {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('keras-lens');
  const analysis = new AnalysisService(vscode.Uri.joinPath(ctx.extensionUri, 'dist').fsPath, log);
  // Each feature is guarded: one failing to start must not take the others down.
  const guard = <T>(name: string, make: () => T): T | undefined => {
    try {
      return make();
    } catch (e) {
      log.appendLine(`keras-lens: ${name} failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return undefined;
    }
  };
  const faults = analysis.faults;
  const inline = guard('inline annotations', () => new InlineDecorations(analysis, faults));
  const status = guard('status bar', () => new StatusBarFeature(analysis, faults));
  const diagnostics = guard('diagnostics', () => new DiagnosticsFeature(analysis, faults));
  const lenses = guard('code lens', () => new ModelCodeLensProvider(analysis, faults));
  const hover = new LayerHoverProvider(analysis);
  ctx.subscriptions.push(log, analysis, ...[inline, status, diagnostics].filter((x): x is NonNullable<typeof x> => !!x));
  ctx.subscriptions.push(
    // Providers and commands report their own errors to the output channel and answer nothing.
    vscode.languages.registerHoverProvider(PYTHON, { provideHover: faults.guard('hover', (d: vscode.TextDocument, p: vscode.Position) => hover.provideHover(d, p), undefined) }),
    ...(lenses ? [vscode.languages.registerCodeLensProvider(PYTHON, {
      onDidChangeCodeLenses: lenses.onDidChangeCodeLenses,
      provideCodeLenses: faults.guard('code lens', (d: vscode.TextDocument) => lenses.provideCodeLenses(d), []),
    })] : []),
    vscode.commands.registerCommand('keras-lens.showSummary', faults.guard('summary panel', (uri?: vscode.Uri, model?: number) => {
      SummaryPanel.show(ctx, analysis, uri instanceof vscode.Uri ? uri : undefined, typeof model === 'number' ? model : undefined);
    }, undefined)),
    vscode.commands.registerCommand('keras-lens.openSummaryAsText', faults.guard('summary as text', (uri?: vscode.Uri, model?: number) =>
      openSummaryAsText(analysis, uri instanceof vscode.Uri ? uri : undefined, typeof model === 'number' ? model : undefined), undefined)),
    vscode.commands.registerCommand('keras-lens.toggleInline', faults.guard('inline toggle', () => inline?.toggle(), undefined)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, new SummaryPanelSerializer(ctx, analysis)),
  );
  const activationMillis = performance.now() - t0;
  log.appendLine(`keras-lens activated in ${activationMillis.toFixed(1)} ms`);
  return {
    summary: async (uri) => (await analysis.get(await vscode.workspace.openTextDocument(uri)))?.summary,
    annotations: (uri) => inline?.applied.get(uri.toString()) ?? [],
    decoratedWindow: (uri) => inline?.decorated.get(uri.toString()),
    onDidApplyAnnotations: inline?.onDidApply ?? new vscode.EventEmitter<vscode.Uri>().event,
    panelPayload: () => SummaryPanel.instance?.lastPayload,
    statusText: () => status?.text ?? '',
    analysisInWorker: () => analysis.usesWorker,
    longestMainThreadMillis: () => analysis.longestMainThreadMillis,
    longestFeatureMillis: () => Object.fromEntries(analysis.faults.longestMillis),
    modelsReceived: () => analysis.modelsReceived,
    resetMainThreadMeasurements: () => {
      analysis.longestMainThreadMillis = 0;
      analysis.faults.longestMillis.clear();
    },
    activationMillis,
  };
}

export function deactivate(): void {}
