// Proof that the suite runs inside a real VS Code 1.96.4 with keras-lens loaded from this repo.
// The feature tests (hover, CodeLens, diagnostics, summary panel) go in further *.itest.ts files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, openFile, REPO, waitFor } from './helpers';

describe('VS Code host', () => {
  afterEach(closeAllEditors);

  it('is VS Code 1.96.4 (code-server 4.96.4)', () => {
    assert.equal(vscode.version, '1.96.4');
  });

  it('loads keras-lens from the repo (extensionDevelopmentPath)', () => {
    const ext = extension();
    assert.equal(path.resolve(ext.extensionUri.fsPath), REPO);
    assert.equal(ext.packageJSON.name, 'keras-lens');
  });

  it('activates keras-lens when a Python file is opened', async () => {
    const editor = await openFile('two_dense.py');
    assert.equal(editor.document.languageId, 'python');
    assert.match(editor.document.getText(), /Dense\(/);
    await waitFor('keras-lens to activate', () => extension().isActive);
  });

  it('runs commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.action.closeAllEditors'), `${commands.length} commands, no closeAllEditors`);
  });

  it('applies a WorkspaceEdit to an open document', async () => {
    const editor = await openFile('flatten_dense.py');
    const doc = editor.document;
    const at = doc.getText().indexOf('Dense(10');
    assert.ok(at >= 0, 'flatten_dense.py has no Dense(10');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Dense(10'.length)), 'Dense(20');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.getText().includes('Dense(20'));
    assert.ok(doc.isDirty);
  });
});
