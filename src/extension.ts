// activate(): wires the editor features to the analysis engine (the features arrive with the extension issue).
import type * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {}
