// A CodeLens above each model: `sequential · 397,065 params (1.51 MB) · Show summary`.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { formatBytes, formatCount } from '../analysis/summary/format';
import { readConfig } from './config';
import type { FaultBarrier } from './faultBarrier';

export class ModelCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly analysis: AnalysisService, faults: FaultBarrier) {
    analysis.onDidAnalyze(faults.guard('code lens', () => this.changed.fire(), undefined));
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const r = await this.analysis.get(doc);
    if (!r) return [];
    const bytes = readConfig().bytesPerParam;
    return r.summary.models.map((m, index) => {
      const line = Math.min(m.range.start.line, doc.lineCount - 1);
      const total = m.totalParams === null ? '? params' : `${formatCount(m.totalParams)} params (${formatBytes(m.totalParams * bytes)})`;
      const built = m.built ? '' : ' · unbuilt';
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: `${m.name} · ${total}${built} · Show summary`,
        tooltip: `Open the Keras summary of ${m.variable || m.name} beside the editor`,
        command: 'keras-lens.showSummary',
        arguments: [doc.uri, index],
      });
    });
  }
}
