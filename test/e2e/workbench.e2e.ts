// Proof of the UI layer: what a user sees in code-server with the packaged keras-lens installed.
// The keras-lens scenarios (annotations, hover, summary panel, Problems) go in further *.e2e.ts files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Workbench } from './vscode-ui';

describe('workbench', () => {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open();
  });
  after(async () => {
    await wb?.close();
  });

  it('opens a Python file from the Explorer and shows its text', async () => {
    await wb.openFile('flatten_dense.py');
    await wb.waitForLanguage('Python');
    const lines = await wb.visibleLines();
    const dense = lines.find((l) => l.text.includes('model.add(Dense(10))'));
    assert.ok(dense, `no Dense(10) line among:\n${lines.map((l) => `${l.line}: ${l.text}`).join('\n')}`);
    assert.equal(dense.line, 18);
    assert.ok(lines.some((l) => l.line === 1 && l.text.startsWith('"""Q&A example 1')));
    const shot = await wb.screenshot('workbench-flatten_dense');
    assert.ok(fs.statSync(shot).size > 10_000, `${shot} is suspiciously small`);
  });

  it('shows the installed keras-lens annotation after the Dense(10) line', async () => {
    // An `after` decoration's text is the CSS content of ::after on a span inside .view-line.
    const dense = await wb.waitForLine('an annotation with 7,850 on line 18', (l) => l.line === 18 && l.after.some((a) => a.includes('7,850')));
    assert.match(dense.text, /Dense\(10\)/);
    await wb.screenshot('workbench-annotations');
  });

  it('runs a command from the command palette', async () => {
    await wb.runCommand('View: Toggle Minimap');
    await wb.page.locator('.editor-instance .monaco-editor .minimap').first().waitFor({ state: 'visible', timeout: 10_000 });
    await wb.runCommand('View: Toggle Minimap');
    await wb.page.locator('.editor-instance .monaco-editor .minimap').first().waitFor({ state: 'hidden', timeout: 10_000 });
  });
});
