// The extension's features in a real VS Code: annotations, edits, hover, CodeLens, diagnostics, summary panel.
// Expected figures are Keras's (the examples' real summaries) or worked by hand in the comments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KerasLensApi } from '../../src/extension';
import { closeAllEditors, extension, openFile, waitFor, workspaceUri } from './helpers';

async function api(): Promise<KerasLensApi> {
  const ext = extension();
  return (ext.isActive ? ext.exports : await ext.activate()) as KerasLensApi;
}

/** Waits until the annotations of `uri` satisfy `check`, and returns them. */
async function annotations(uri: vscode.Uri, what: string, check: (texts: string[]) => boolean, timeoutMs = 10_000): Promise<string[]> {
  const a = await api();
  return waitFor(what, () => {
    const texts = a.annotations(uri).map((x) => `${x.line + 1}: ${x.text}`);
    return check(texts) ? texts : undefined;
  }, timeoutMs);
}

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

describe('keras-lens features', () => {
  afterEach(closeAllEditors);

  it('analyses in a worker thread, off the extension host\'s main thread', async () => {
    await openFile('two_dense.py');
    const a = await api();
    await annotations(workspaceUri('two_dense.py'), 'annotations', (t) => t.length > 0);
    assert.equal(a.analysisInWorker(), true);
  });

  it('annotates the three Q&A examples with Keras\'s figures', async () => {
    const expected: [string, string[]][] = [
      ['flatten_dense.py', ['7,850 params · (None, 10)']],
      ['two_dense.py', ['264,710 params · (None, 514)', '132,355 params · (None, 257)']],
      ['three_conv.py', ['896 params', '18,496 params', '73,856 params', '1,290 params']],
    ];
    for (const [file, parts] of expected) {
      const editor = await openFile(file);
      await annotations(editor.document.uri, `${file} annotations`, (t) => parts.every((p) => t.some((x) => x.includes(p))));
    }
  });

  it('updates the annotation after an edit (Dense(10) → Dense(20): 20 × (784 + 1) = 15,700)', async () => {
    const editor = await openFile('flatten_dense.py');
    const doc = editor.document;
    await annotations(doc.uri, 'the first annotation', (t) => t.some((x) => x.includes('7,850')));
    const at = doc.getText().indexOf('Dense(10)');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Dense(10)'.length)), 'Dense(20)');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await annotations(doc.uri, 'the updated annotation', (t) => t.some((x) => x.includes('15,700 params · (None, 20)')));
  });

  it('hover shows the formula with the numbers', async () => {
    const editor = await openFile('flatten_dense.py');
    const doc = editor.document;
    const at = doc.positionAt(doc.getText().indexOf('Dense(10)') + 2);
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const text = h.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return text.includes('keras') || text.includes('Dense') ? text : undefined;
    });
    assert.match(hovers, /10 × \(784 \+ 1\) = 7,850/);
    assert.match(hovers, /\(None, 784\)/);
  });

  it('a CodeLens above each model gives its total and opens the summary', async () => {
    const editor = await openFile('two_dense.py');
    const lenses = await waitFor('code lenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return l.length > 0 ? l : undefined;
    });
    // 397,065 × 4 B = 1,588,260 B = 1.51 MB.
    assert.equal(lenses[0].command?.title, 'sequential · 397,065 params (1.51 MB) · Show summary');
    assert.equal(lenses[0].command?.command, 'keras-lens.showSummary');
  });

  it('"Keras: Show Model Summary" opens the panel with the rows and totals', async () => {
    await openFile('two_dense.py');
    await vscode.commands.executeCommand('keras-lens.showSummary');
    const a = await api();
    const p = await waitFor('the panel payload', () => a.panelPayload()?.rows.length ? a.panelPayload() : undefined);
    assert.deepEqual(p.rows.map((r) => [r.name, r.shape, r.params]), [['dense', '(None, 514)', '264,710'], ['dense_1', '(None, 257)', '132,355']]);
    assert.deepEqual(p.totals, ['Total params: 397,065 (1.51 MB)', 'Trainable params: 397,065 (1.51 MB)', 'Non-trainable params: 0 (0.00 B)']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shape errors go to the Problems panel with source keras-lens; unknown layers are not errors', async () => {
    const uri = await writeFile('shape_error.py', 'import keras\nfrom keras import layers\nx = keras.Input((10,))\ny = layers.Conv2D(4, 3)(x)\nz = layers.Mystery()(x)\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'keras-lens');
      return d.length >= 2 ? d : undefined;
    });
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.range.start.line), [3]);
    assert.ok(diags.some((d) => d.range.start.line === 4 && d.severity !== vscode.DiagnosticSeverity.Error && /Mystery/.test(d.message)));
  });

  it('a file with a syntax error still annotates the models that parse', async () => {
    const uri = await writeFile('broken.py', 'import keras\nfrom keras import layers\nabove = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\nbad = layers.Dense(4\nbelow = keras.Sequential([keras.Input((5,)), layers.Dense(1)])\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // 2 × (3 + 1) = 8 and 1 × (5 + 1) = 6.
    await annotations(uri, 'annotations above and below the error', (t) => t.includes('3: 8 params · (None, 2)') && t.includes('5: 6 params · (None, 1)'));
  });

  it('the status bar shows the total of the model under the cursor', async () => {
    const editor = await openFile('two_dense.py');
    editor.selection = new vscode.Selection(15, 0, 15, 0);
    const a = await api();
    await waitFor('the status bar total', () => a.statusText().includes('397,065'));
  });

  it('the toggle command hides and shows the annotations', async () => {
    const editor = await openFile('flatten_dense.py');
    const uri = editor.document.uri;
    await annotations(uri, 'annotations', (t) => t.length > 0);
    await vscode.commands.executeCommand('keras-lens.toggleInline');
    await annotations(uri, 'no annotations', (t) => t.length === 0);
    await vscode.commands.executeCommand('keras-lens.toggleInline');
    await annotations(uri, 'annotations again', (t) => t.length > 0);
  });

  it('a long file: the editor gets the annotations around the visible lines, and more as it scrolls', async () => {
    const many = (await vscode.workspace.openTextDocument(workspaceUri('many_models.py'))).getText();
    // Five copies of the 1,000-line file: the last model's Dense(10) is near line 5,000, far below the first screen.
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: Array(5).fill(many).join('\n') });
    const editor = await vscode.window.showTextDocument(doc);
    const a = await api();
    const last = doc.positionAt(doc.getText().lastIndexOf('layers.Dense(10, activation="softmax")')).line;
    await waitFor('annotations on the 5,000-line file', () => a.annotations(doc.uri).some((x) => x.line === last), 30_000);
    const all = a.annotations(doc.uri).length;
    const first = a.decoratedWindow(doc.uri);
    assert.ok(first && first.count > 0 && first.count < all / 2 && first.to < last, `sent ${JSON.stringify(first)} of ${all}`);
    editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.InCenter);
    const moved = await waitFor('the window following the scroll', () => {
      const w = a.decoratedWindow(doc.uri);
      return w && w.from <= last && last <= w.to ? w : undefined;
    }, 10_000);
    assert.ok(moved.count > 0 && moved.count < all / 2, `sent ${JSON.stringify(moved)} of ${all}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
