// The engine's diagnostics in the Problems panel (source `keras-lens`): Keras's errors, and what could not be followed.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { Diagnostic } from '../analysis/summary/types';
import type { FaultBarrier } from './faultBarrier';

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class DiagnosticsFeature implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('keras-lens');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(analysis: AnalysisService, faults: FaultBarrier) {
    this.disposables.push(
      analysis.onDidAnalyze(faults.guard('diagnostics', (r) => {
        this.collection.set(r.uri, r.summary.diagnostics.map((d) => {
          const { start, end } = d.range;
          const diag = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), d.message, SEVERITY[d.severity]);
          diag.source = 'keras-lens';
          return diag;
        }));
      }, undefined)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
