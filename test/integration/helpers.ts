// Helpers for the integration suite (*.itest.ts), which runs inside VS Code's extension host.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'keras-lens.keras-lens';
/** The repo root: this bundle lives in <repo>/dist/test/integration/. */
export const REPO = path.resolve(__dirname, '..', '..', '..');

/** The keras-lens extension as VS Code sees it (loaded from the repo via extensionDevelopmentPath). */
export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
  return ext;
}

/** URI of a file in the test workspace (a copy of examples/ made by the harness). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openFile(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc);
}

/** Polls until `check` returns a truthy value (or stops throwing), or fails after timeoutMs. */
type Falsy = undefined | null | false | 0 | '';

export async function waitFor<T>(what: string, check: () => T | Falsy | Promise<T | Falsy>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as T;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : String(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Reverts and closes every editor, so each test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export interface Metric {
  name: string;
  value: number;
  unit: string;
  detail?: string;
}
/**
 * Records a measurement; run() writes them with the results and the harness prints them as
 * `metric: NAME VALUE UNIT`. (A global: each *.itest.js is its own bundle with its own copy of this module.)
 */
export function recordMetric(m: Metric): void {
  const g = globalThis as { __kerasLensMetrics?: Metric[] };
  (g.__kerasLensMetrics ??= []).push(m);
}
