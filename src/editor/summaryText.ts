// "Keras: Open Model Summary as Text": the Keras-style text in an untitled `keras-summary` editor.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { formatKeras3 } from '../analysis/summary/format';
import { readConfig } from './config';
import { modelAtLine } from './lineFigures';

export async function openSummaryAsText(analysis: AnalysisService, uri?: vscode.Uri, model?: number): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('keras-lens: open a Python file that builds a Keras model first.');
    return undefined;
  }
  const r = await analysis.get(doc);
  if (!r || r.summary.models.length === 0) {
    void vscode.window.showInformationMessage('keras-lens: no Keras model found in this file.');
    return undefined;
  }
  const bytes = readConfig().bytesPerParam;
  const chosen = model !== undefined ? [r.summary.models[model]] : editor && editor.document === doc ? [modelAtLine(r.summary, editor.selection.active.line)!] : r.summary.models;
  const text = chosen.filter(Boolean).map((m) => formatKeras3(m, { bytesPerParam: bytes })).join('\n');
  const out = await vscode.workspace.openTextDocument({ language: 'keras-summary', content: text });
  return vscode.window.showTextDocument(out, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
