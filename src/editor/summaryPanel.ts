// "Keras: Show Model Summary": a webview beside the editor with the summary table, live as the user types.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AnalysisService } from './analysisService';
import { formatKeras3, formatMarkdown } from '../analysis/summary/format';
import { readConfig } from './config';
import { modelAtLine } from './lineFigures';
import { panelPayload, type PanelPayload } from './panelPayload';

export const PANEL_VIEW_TYPE = 'keras-lens.summary';

interface PanelState {
  readonly uri: string;
  readonly model: number;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; index: number }
  | { type: 'select'; index: number }
  | { type: 'copy'; format: 'markdown' | 'keras' };

export class SummaryPanel implements vscode.Disposable {
  private static current: SummaryPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;
  private model = 0;
  /** Set when the user picked a model explicitly: the cursor no longer moves the selection until it leaves that model. */
  private pinned = false;
  /** The last payload sent, for tests. */
  lastPayload: PanelPayload | undefined;

  static show(ctx: vscode.ExtensionContext, analysis: AnalysisService, uri?: vscode.Uri, model?: number): SummaryPanel {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? editor?.document.uri;
    if (SummaryPanel.current) {
      SummaryPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Keras Summary', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(ctx.extensionUri, 'media')],
      });
      SummaryPanel.current = new SummaryPanel(panel, ctx, analysis);
    }
    const p = SummaryPanel.current;
    if (target) p.track(target, model);
    return p;
  }

  static restore(panel: vscode.WebviewPanel, ctx: vscode.ExtensionContext, analysis: AnalysisService, state: PanelState | undefined): void {
    SummaryPanel.current?.dispose();
    const p = new SummaryPanel(panel, ctx, analysis);
    SummaryPanel.current = p;
    if (state?.uri) p.track(vscode.Uri.parse(state.uri), state.model);
  }

  static get instance(): SummaryPanel | undefined {
    return SummaryPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly ctx: vscode.ExtensionContext, private readonly analysis: AnalysisService) {
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'icon.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ctx.extensionUri, 'media')] };
    panel.webview.html = this.html();
    const guard = <A extends unknown[]>(fn: (...a: A) => void) => analysis.faults.guard('summary panel', fn, undefined);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(guard((m: FromWebview) => this.onMessage(m).catch((e: unknown) => analysis.faults.report('summary panel', e)))),
      analysis.onDidAnalyze(guard((r) => { if (this.uri && r.uri.toString() === this.uri.toString()) this.post(); })),
      vscode.window.onDidChangeTextEditorSelection(guard((e) => this.follow(e.textEditor))),
      vscode.window.onDidChangeActiveTextEditor(guard((e) => { if (e) this.follow(e); })),
    );
  }

  private track(uri: vscode.Uri, model?: number): void {
    this.uri = uri;
    this.pinned = model !== undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const r = this.analysis.latest(uri);
    if (model !== undefined) this.model = model;
    else if (r && editor) this.model = Math.max(0, r.summary.models.indexOf(modelAtLine(r.summary, editor.selection.active.line)!));
    void vscode.workspace.openTextDocument(uri).then((d) => this.analysis.get(d)).then(() => this.post(), () => this.post());
  }

  /** The panel follows the cursor's model in Python editors. */
  private follow(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'python') return;
    const r = this.analysis.latest(editor.document.uri);
    if (!r) return;
    const m = modelAtLine(r.summary, editor.selection.active.line);
    const index = m ? r.summary.models.indexOf(m) : 0;
    const sameDoc = this.uri?.toString() === editor.document.uri.toString();
    if (sameDoc && (index === this.model || this.pinned && !m)) return;
    this.pinned = false;
    this.uri = editor.document.uri;
    this.model = index;
    this.post();
  }

  private post(): void {
    if (!this.uri) return;
    const r = this.analysis.latest(this.uri);
    if (!r) return;
    this.model = Math.min(this.model, Math.max(0, r.summary.models.length - 1));
    const payload = panelPayload(r.summary, path.basename(this.uri.fsPath || this.uri.path), this.model, readConfig().bytesPerParam);
    this.lastPayload = payload;
    this.panel.title = payload.models.length ? `Keras: ${r.summary.models[this.model].name}` : 'Keras Summary';
    void this.panel.webview.postMessage({ ...payload, state: { uri: this.uri.toString(), model: this.model } });
  }

  private async onMessage(m: FromWebview): Promise<void> {
    const r = this.uri && this.analysis.latest(this.uri);
    switch (m.type) {
      case 'ready': this.post(); return;
      case 'select': this.model = m.index; this.pinned = true; this.post(); return;
      case 'reveal': {
        const layer = r?.summary.models[this.model]?.layers[m.index];
        if (!layer || !this.uri) return;
        const doc = await vscode.workspace.openTextDocument(this.uri);
        const { start, end } = layer.range;
        const range = new vscode.Range(start.line, start.character, end.line, end.character);
        const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'copy': {
        const model = r?.summary.models[this.model];
        if (!model) return;
        const text = m.format === 'markdown' ? formatMarkdown(model) : formatKeras3(model, { bytesPerParam: readConfig().bytesPerParam });
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage(`keras-lens: summary of ${model.name} copied as ${m.format === 'markdown' ? 'Markdown' : 'Keras text'}`, 3000);
      }
    }
  }

  private html(): string {
    const w = this.panel.webview;
    const nonce = randomBytes(18).toString('base64');
    const media = (f: string) => w.asWebviewUri(vscode.Uri.joinPath(this.ctx.extensionUri, 'media', f)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${w.cspSource}; script-src 'nonce-${nonce}'; img-src ${w.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('panel.css')}">
<title>Keras Summary</title>
</head>
<body>
<header>
  <select id="model" aria-label="Model"></select>
  <span class="spacer"></span>
  <button id="copy-md" title="Copy the summary as a Markdown table">Copy Markdown</button>
  <button id="copy-keras" title="Copy the summary as Keras prints it">Copy Keras text</button>
</header>
<main id="main" aria-live="polite"><p class="note">Analysing…</p></main>
<script nonce="${nonce}" src="${media('panel.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (SummaryPanel.current === this) SummaryPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

export class SummaryPanelSerializer implements vscode.WebviewPanelSerializer<PanelState> {
  constructor(private readonly ctx: vscode.ExtensionContext, private readonly analysis: AnalysisService) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    SummaryPanel.restore(panel, this.ctx, this.analysis, state);
  }
}
