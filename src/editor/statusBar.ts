// The status bar shows the total of the model under the cursor; clicking it opens the summary.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { formatBytes, formatCount } from '../analysis/summary/format';
import { modelAtLine } from './lineFigures';
import { readConfig } from './config';
import type { FaultBarrier } from './faultBarrier';

export class StatusBarFeature implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('keras-lens.total', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly analysis: AnalysisService, faults: FaultBarrier) {
    this.item.name = 'keras-lens: model parameters';
    this.item.command = 'keras-lens.showSummary';
    const update = faults.guard('status bar', () => this.update(), undefined);
    this.disposables.push(
      analysis.onDidAnalyze(update),
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.window.onDidChangeTextEditorSelection(update),
    );
    update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const r = editor && this.analysis.latest(editor.document.uri);
    const m = r && editor ? modelAtLine(r.summary, editor.selection.active.line) : undefined;
    if (!m) {
      this.item.hide();
      return;
    }
    const bytes = readConfig().bytesPerParam;
    this.item.text = `$(layers) ${m.name}: ${m.totalParams === null ? '?' : formatCount(m.totalParams)} params`;
    this.item.tooltip = m.totalParams === null
      ? `Total parameters of ${m.name} are not known: ${m.unknownReason ?? ''}`
      : `${m.name}: ${formatCount(m.totalParams)} parameters (${formatBytes(m.totalParams * bytes)}), ${m.trainableParams === null ? '?' : formatCount(m.trainableParams)} trainable. Click for the summary.`;
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
