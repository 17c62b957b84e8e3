// The README's pictures, taken from the real extension in code-server at 1280×720 and cropped to the
// editor area: the inline annotations, the hover, and the summary panel beside the editor in a light,
// a dark and a high-contrast theme. They go to $KERAS_LENS_E2E_DOCS (npm run screenshots sets it to
// docs/); in a plain npm run test:e2e, to test-results/e2e/screenshots/readme/, so every run checks
// that they can still be made.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { screenshotDir, setUserSettings, Workbench } from './vscode-ui';

const DIR = process.env.KERAS_LENS_E2E_DOCS || path.join(screenshotDir(), 'readme');
const EDITOR_AREA = '.part.editor';

describe('README screenshots', () => {
  let wb: Workbench;
  before(async () => {
    // VS Code's default theme; the window reads it when it opens.
    setUserSettings({ 'workbench.colorTheme': 'Default Dark Modern' });
    wb = await Workbench.open({ width: 1280, height: 720 });
  });
  after(async () => {
    await wb?.close();
    setUserSettings({ 'workbench.colorTheme': undefined });
  });

  /** A picture of the editor area, with the mouse parked in the (cropped-away) title bar. */
  async function shot(name: string, keepMouse = false): Promise<void> {
    if (!keepMouse) await wb.page.mouse.move(250, 12);
    console.log(`      ${await wb.screenshot(name, { selector: EDITOR_AREA, dir: DIR })}`);
  }

  it('inline annotations (three_conv.py)', async () => {
    await wb.openFile('three_conv.py');
    await wb.waitForLanguage('Python');
    await wb.hideSideBar();
    await wb.waitForLine('the first Conv2D annotation', (l) => l.after.includes('896 params · (None, 224, 224, 32)'));
    await wb.waitForLine('the Dense annotation', (l) => l.after.includes('1,290 params · (None, 10)'));
    await wb.goTo(1, 1);
    await wb.goTo(20, 1);
    await shot('annotations');
  });

  it('hover (flatten_dense.py)', async () => {
    await wb.openFile('flatten_dense.py');
    await wb.hideSideBar();
    await wb.waitForLine('the Dense annotation', (l) => l.line === 18 && l.after.length > 0);
    const { x, y } = await wb.textPosition(18, 'Dense(10)');
    await wb.page.mouse.move(x - 30, y + 40);
    await wb.page.mouse.move(x, y, { steps: 4 });
    await wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: '10 × (784 + 1) = 7,850' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await shot('hover', true);
    await wb.page.keyboard.press('Escape');
  });

  it('the summary panel beside the editor, in a dark, a light and a high-contrast theme (two_dense.py)', async () => {
    await wb.runCommand('View: Close All Editors');
    await wb.openFile('two_dense.py');
    await wb.hideSideBar();
    await wb.goTo(17, 1); // an empty line below the model: no word highlights in the picture
    await wb.runCommand('Keras: Show Model Summary');
    const frame = await wb.summaryFrame();
    await frame.locator('tbody tr.row').filter({ hasText: '132,355' }).waitFor();
    // Give the editor enough room for its annotations; the panel keeps the rest.
    await wb.resizeEditorGroups(0.56);
    await wb.waitForLine('the annotation of Dense(257), in full', (l) => l.after.includes('132,355 params · (None, 257)'));
    const themes = [
      { name: 'dark', label: 'Default Dark Modern', kind: 'vs-dark', body: 'vscode-dark' },
      { name: 'light', label: 'Default Light Modern', kind: 'vs', body: 'vscode-light' },
      { name: 'high-contrast', label: 'Default High Contrast', kind: 'hc-black', body: 'vscode-high-contrast' },
    ] as const;
    for (const t of themes) {
      await wb.setColorTheme(t.label, t.kind);
      // The webview gets the theme through its body class and CSS variables.
      await frame.waitForFunction((cls: string) => (globalThis as any).document.body.classList.contains(cls), t.body);
      const bg = await frame.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).backgroundColor as string);
      assert.ok(t.kind === 'vs' ? bg === 'rgb(255, 255, 255)' : /^rgb\((0|31), (0|31), (0|31)\)$/.test(bg), `${t.name}: panel background ${bg}`);
      await shot(`summary-panel-${t.name}`);
    }
    await wb.setColorTheme('Default Dark Modern', 'vs-dark');
  });
});
