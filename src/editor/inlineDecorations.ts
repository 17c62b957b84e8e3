// Inline annotations: `7,850 params · (None, 10)` after each line that creates a layer (one decoration type).
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { readConfig, SECTION } from './config';
import { lineFigures, modelAtLine, type LineFigure } from './lineFigures';
import type { FaultBarrier } from './faultBarrier';

export interface AppliedAnnotation {
  readonly line: number;
  readonly text: string;
  readonly level: 'normal' | 'medium' | 'large';
}

export class InlineDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    after: {
      margin: '0 0 0 2.5em',
      color: new vscode.ThemeColor('kerasLens.inlineForeground'),
      fontStyle: 'italic',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [this.type];
  /** What each document currently shows, for tests and the status bar (key: document URI). */
  readonly applied = new Map<string, AppliedAnnotation[]>();
  private readonly appliedEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidApply = this.appliedEmitter.event;

  constructor(private readonly analysis: AnalysisService, private readonly faults: FaultBarrier) {
    const guard = <A extends unknown[]>(fn: (...a: A) => void) => faults.guard('inline annotations', fn, undefined);
    this.disposables.push(
      this.appliedEmitter,
      analysis.onDidAnalyze(guard((r) => {
        for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === r.uri.toString()) this.render(e);
      })),
      vscode.window.onDidChangeVisibleTextEditors(guard((es) => es.forEach((e) => this.refresh(e)))),
      vscode.window.onDidChangeTextEditorSelection(guard((e) => {
        if (readConfig().inlineScope === 'cursorModel') this.render(e.textEditor);
      })),
      vscode.workspace.onDidChangeConfiguration(guard((e) => {
        if (e.affectsConfiguration(SECTION)) this.refreshAll();
      })),
    );
    this.refreshAll();
  }

  async toggle(): Promise<void> {
    const c = vscode.workspace.getConfiguration(SECTION);
    await c.update('inline.enabled', !c.get<boolean>('inline.enabled', true), vscode.ConfigurationTarget.Global);
  }

  private refreshAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.refresh(e);
  }

  private refresh(editor: vscode.TextEditor): void {
    void this.analysis.get(editor.document).then(() => this.render(editor)).catch((e: unknown) => this.faults.report('inline annotations', e));
  }

  private render(editor: vscode.TextEditor): void {
    const key = editor.document.uri.toString();
    const cfg = readConfig();
    const result = this.analysis.latest(editor.document.uri);
    if (!cfg.inlineEnabled || !result) {
      editor.setDecorations(this.type, []);
      this.applied.set(key, []);
      this.appliedEmitter.fire(editor.document.uri);
      return;
    }
    const only = cfg.inlineScope === 'cursorModel' ? modelAtLine(result.summary, editor.selection.active.line) : undefined;
    const figures = cfg.inlineScope === 'cursorModel' && !only ? [] : lineFigures(result.summary, cfg.inlineContent, only);
    const options: vscode.DecorationOptions[] = [];
    const applied: AppliedAnnotation[] = [];
    for (const f of figures) {
      if (f.line >= editor.document.lineCount) continue;
      const level = this.level(f, cfg.mediumThreshold, cfg.largeThreshold);
      const end = editor.document.lineAt(f.line).range.end;
      const after: vscode.ThemableDecorationAttachmentRenderOptions = { contentText: f.text };
      if (level !== 'normal') after.color = new vscode.ThemeColor(level === 'large' ? 'kerasLens.inlineLargeForeground' : 'kerasLens.inlineMediumForeground');
      options.push({ range: new vscode.Range(end, end), renderOptions: { after } });
      applied.push({ line: f.line, text: f.text, level });
    }
    editor.setDecorations(this.type, options);
    this.applied.set(key, applied);
    this.appliedEmitter.fire(editor.document.uri);
  }

  private level(f: LineFigure, medium: number, large: number): AppliedAnnotation['level'] {
    if (f.params === null) return 'normal';
    return f.params >= large ? 'large' : f.params >= medium ? 'medium' : 'normal';
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
