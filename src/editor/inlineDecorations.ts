// Inline annotations: `7,850 params · (None, 10)` after each line that creates a layer (one decoration type).
// A 10,000-line file has a thousand annotations: the worker makes their texts (here that took up to 117 ms of
// the extension host's main thread), and only those of the lines around the visible ones are sent to the editor.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { readConfig, SECTION } from './config';
import { lineFigures, modelAtLine, type InlineFigure } from './lineFigures';
import type { FaultBarrier } from './faultBarrier';

export interface AppliedAnnotation {
  readonly line: number;
  readonly text: string;
  readonly level: 'normal' | 'medium' | 'large';
}

export interface DecoratedWindow {
  readonly from: number;
  readonly to: number;
  /** Annotations on those lines. */
  readonly count: number;
}

/** Lines above and below the visible ones annotated too, so scrolling shows annotations at once. */
const MARGIN = 300;

interface Shown {
  readonly figures: readonly (InlineFigure & { readonly level: AppliedAnnotation['level'] })[];
  /** The lines decorated now (visible ones plus the margin). */
  from: number;
  to: number;
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
  /** Per editor: its annotations and the lines decorated. */
  private readonly shown = new WeakMap<vscode.TextEditor, Shown>();
  /** What each document's editors were last sent (for tests: the window, not the file). */
  readonly decorated = new Map<string, DecoratedWindow>();
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
      vscode.window.onDidChangeTextEditorVisibleRanges(guard((e) => this.scrolled(e.textEditor))),
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
      this.shown.delete(editor);
      this.decorated.delete(key);
      this.applied.set(key, []);
      this.appliedEmitter.fire(editor.document.uri);
      return;
    }
    const only = cfg.inlineScope === 'cursorModel' ? modelAtLine(result.summary, editor.selection.active.line) : undefined;
    // The worker made the annotations of every model (a thousand lines took up to 117 ms here); one model's are quick.
    const lineFigs: readonly InlineFigure[] = cfg.inlineScope === 'cursorModel'
      ? (only ? lineFigures(result.summary, cfg.inlineContent, only) : [])
      : result.figures?.content === cfg.inlineContent ? result.figures.list : lineFigures(result.summary, cfg.inlineContent);
    const figures = lineFigs.filter((f) => f.line < editor.document.lineCount).map((f) => ({ ...f, level: this.level(f, cfg.mediumThreshold, cfg.largeThreshold) }));
    const shown: Shown = { figures, from: 0, to: -1 };
    this.shown.set(editor, shown);
    this.decorate(editor, shown);
    this.applied.set(key, figures.map((f) => ({ line: f.line, text: f.text, level: f.level })));
    this.appliedEmitter.fire(editor.document.uri);
  }

  /** Scrolled: the window moves once the visible lines come within half a margin of its edge. */
  private scrolled(editor: vscode.TextEditor): void {
    const shown = this.shown.get(editor);
    if (!shown) return;
    const [top, bottom] = visibleSpan(editor);
    const last = editor.document.lineCount - 1;
    if ((top - shown.from < MARGIN / 2 && shown.from > 0) || (shown.to - bottom < MARGIN / 2 && shown.to < last)) this.decorate(editor, shown);
  }

  /** Sends the annotations of the visible lines and the margin around them. */
  private decorate(editor: vscode.TextEditor, shown: Shown): void {
    const [top, bottom] = visibleSpan(editor);
    shown.from = Math.max(0, top - MARGIN);
    shown.to = bottom + MARGIN;
    const options: vscode.DecorationOptions[] = [];
    for (const f of shown.figures) {
      if (f.line < shown.from || f.line > shown.to) continue;
      const end = editor.document.lineAt(f.line).range.end;
      const after: vscode.ThemableDecorationAttachmentRenderOptions = { contentText: f.text };
      if (f.level !== 'normal') after.color = new vscode.ThemeColor(f.level === 'large' ? 'kerasLens.inlineLargeForeground' : 'kerasLens.inlineMediumForeground');
      options.push({ range: new vscode.Range(end, end), renderOptions: { after } });
    }
    editor.setDecorations(this.type, options);
    this.decorated.set(editor.document.uri.toString(), { from: shown.from, to: shown.to, count: options.length });
  }

  private level(f: InlineFigure, medium: number, large: number): AppliedAnnotation['level'] {
    if (f.params === null) return 'normal';
    return f.params >= large ? 'large' : f.params >= medium ? 'medium' : 'normal';
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The first and last visible line (an editor not laid out yet reports none: its first screen then). */
function visibleSpan(editor: vscode.TextEditor): [number, number] {
  const r = editor.visibleRanges;
  if (r.length === 0) return [0, 100];
  return [r[0].start.line, r[r.length - 1].end.line];
}
