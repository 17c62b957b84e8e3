// Playwright helpers for the UI end-to-end scenarios (*.e2e.ts), which run in Node (mocha, bdd) and
// drive code-server's workbench in headless Chromium. scripts/e2e/ui.mjs sets the environment:
//   KERAS_LENS_E2E_URL          http://127.0.0.1:PORT of the running code-server
//   KERAS_LENS_E2E_WORKSPACE    the folder it serves (a copy of examples/)
//   KERAS_LENS_E2E_SCREENSHOTS  where screenshot() writes PNGs
//   KERAS_LENS_E2E_USER_DATA    the server's --user-data-dir (for setUserSettings())
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

// This file is compiled without the DOM lib; page.evaluate callbacks run in the browser.
declare const document: any;
declare const getComputedStyle: any;

export const CHROMIUM_PATH = process.env.KERAS_LENS_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the UI scenarios through scripts/e2e/ui.mjs (npm run test:e2e)`);
  return v;
}
export const serverUrl = (): string => env('KERAS_LENS_E2E_URL');
export const workspaceDir = (): string => env('KERAS_LENS_E2E_WORKSPACE');
export const userDataDir = (): string => env('KERAS_LENS_E2E_USER_DATA');
export const screenshotDir = (): string => process.env.KERAS_LENS_E2E_SCREENSHOTS || path.resolve('test-results', 'e2e', 'screenshots');

export interface Metric {
  name: string;
  value: number;
  unit: string;
  detail?: string;
}
/** Measurements the scenarios record; ui.mjs returns them and run.mjs prints them as `metric: …`. */
export const metrics: Metric[] = [];
export function recordMetric(m: Metric): void {
  metrics.push(m);
}

/**
 * Merges `values` into the server's user settings.json; open windows pick the change up (as when a
 * user edits settings.json). A value of undefined removes the key.
 */
export function setUserSettings(values: Record<string, unknown>): void {
  const file = path.join(userDataDir(), 'User', 'settings.json');
  const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete current[k];
    else current[k] = v;
  }
  fs.writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
}

let browser: Browser | undefined;
/** One headless Chromium for the whole run (closed by closeBrowser(), which ui.mjs calls). */
export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  return browser;
}
/** Screenshots every open window (ui.mjs calls it when a scenario fails); returns the files. */
export async function screenshotAllPages(prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (const [i, page] of (browser?.contexts().flatMap((c) => c.pages()) ?? []).entries()) {
    const file = path.join(screenshotDir(), `${prefix}${i ? `-${i}` : ''}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file }).then(() => files.push(file), () => {});
  }
  return files;
}
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface DecoratedLine {
  /** 1-based line number in the editor. */
  line: number;
  /** The line's text (non-breaking spaces turned into spaces). */
  text: string;
  /** Texts of `after` decorations on the line: the CSS content of ::after, without the quotes. */
  after: string[];
}

/** A code-server workbench window (a fresh page) on the served workspace. */
export class Workbench {
  private constructor(readonly page: Page) {}

  /** Opens a new window on the workspace and waits until the Explorer shows its files. */
  static async open(opts: { width?: number; height?: number } = {}): Promise<Workbench> {
    const b = await getBrowser();
    const page = await b.newPage({ viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 } });
    const wb = new Workbench(page);
    await page.goto(`${serverUrl()}/?folder=${encodeURIComponent(workspaceDir())}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return wb;
  }

  /** Opens a file by clicking it in the Explorer (more reliable than quick open) and waits for its editor. */
  async openFile(name: string): Promise<void> {
    if (!(await this.page.locator('.explorer-folders-view').isVisible())) {
      await this.runCommand('View: Show Explorer');
      await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 10_000 });
    }
    const row = this.page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first();
    await row.click();
    await this.page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: 30_000 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor({ timeout: 30_000 });
  }

  /** The language mode shown in the status bar for the active editor, e.g. 'Python'. */
  async languageMode(): Promise<string> {
    return (await this.page.locator('[id="status.editor.mode"]').innerText()).trim();
  }

  /** Waits until the status bar shows the given language mode (the language is known once the built-in extensions load). */
  async waitForLanguage(mode: string, timeoutMs = 30_000): Promise<void> {
    await this.page.locator('[id="status.editor.mode"]').filter({ hasText: mode }).waitFor({ timeout: timeoutMs });
  }

  /**
   * The visible lines of the active editor with their line numbers and `after` decoration texts.
   * (Monaco renders only the lines in view; scroll with revealLine() for others.)
   */
  async visibleLines(): Promise<DecoratedLine[]> {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-instance .monaco-editor');
      if (!editor) return [];
      const numbers = new Map<number, number>();
      for (const m of editor.querySelectorAll('.margin-view-overlays > div')) {
        const n = Number(m.querySelector('.line-numbers')?.textContent ?? NaN);
        if (!Number.isNaN(n)) numbers.set(parseFloat(m.style.top), n);
      }
      const out: { top: number; line: number; text: string; after: string[] }[] = [];
      for (const l of editor.querySelectorAll('.view-lines .view-line')) {
        const top = parseFloat(l.style.top);
        const after: string[] = [];
        for (const span of l.querySelectorAll('span')) {
          const c = getComputedStyle(span, '::after').content;
          if (c && c !== 'none' && c !== 'normal') after.push(JSON.parse(c.startsWith('"') ? c : JSON.stringify(c)));
        }
        out.push({ top, line: numbers.get(top) ?? -1, text: String(l.textContent).replace(/\u00a0/g, ' '), after });
      }
      return out.sort((a, b) => a.top - b.top).map(({ line, text, after }) => ({ line, text, after }));
    });
  }

  /** Polls visibleLines() until `check` passes for one of them (e.g. an annotation appears); returns that line. */
  async waitForLine(what: string, check: (l: DecoratedLine) => boolean, timeoutMs = 15_000): Promise<DecoratedLine> {
    const deadline = Date.now() + timeoutMs;
    let lines: DecoratedLine[] = [];
    for (;;) {
      lines = await this.visibleLines();
      const hit = lines.find(check);
      if (hit) return hit;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; visible lines:\n${lines.map((l) => `${l.line}: ${l.text}${l.after.length ? `   [after: ${l.after.join(' | ')}]` : ''}`).join('\n')}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** The visible text of the active editor, one string per line. */
  async editorText(): Promise<string> {
    return (await this.visibleLines()).map((l) => l.text).join('\n');
  }

  /** Moves the cursor to a line (1-based) with "Go to Line" and waits until it is rendered. */
  async revealLine(line: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction((n: number) => [...document.querySelectorAll('.editor-instance .margin-view-overlays .line-numbers')].some((e: any) => e.textContent === String(n)), line);
  }

  async focusEditor(): Promise<void> {
    // The scrollable viewport, not .view-lines: when the editor is scrolled, the top-left of .view-lines can be out of view.
    await this.page.locator('.editor-instance .monaco-editor .monaco-scrollable-element.editor-scrollable').first().click({ position: { x: 5, y: 5 } });
  }

  /** Runs a command by its title from the command palette (F1), e.g. 'Keras: Show Model Summary'. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input.input');
    // F1 can be swallowed while a webview has focus, and on a loaded machine the palette can take
    // seconds to show: close any half-open palette, give focus back to the workbench and try again.
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape').catch(() => undefined);
        await this.page.locator('.part.statusbar').first().click({ position: { x: 2, y: 2 } }).catch(() => undefined);
      }
    }
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
  }

  /** Frames of webviews (e.g. the summary panel): their DOM is inside the innermost frame. */
  webviewFrames(): Frame[] {
    return this.page.frames().filter((f) => f.url().includes('vscode-webview') || f.url().includes('/webview/'));
  }

  /** Moves the cursor to line:column (1-based) with "Go to Line", e.g. to type at a known place. */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('[id="status.editor.selection"]').filter({ hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 10_000 });
  }

  /** The cursor position as the status bar shows it, e.g. 'Ln 16, Col 11 (10 selected)'. */
  async cursorStatus(): Promise<string> {
    return (await this.page.locator('[id="status.editor.selection"]').innerText()).trim();
  }

  /** The centre of `text` on a visible editor line (1-based), in page coordinates, e.g. to hover it. */
  async textPosition(line: number, text: string): Promise<{ x: number; y: number }> {
    const pos = await this.page.evaluate(([n, needle]: [number, string]) => {
      const editor = document.querySelector('.editor-instance .monaco-editor');
      let top: string | undefined;
      for (const m of editor.querySelectorAll('.margin-view-overlays > div')) if (m.querySelector('.line-numbers')?.textContent === String(n)) top = m.style.top;
      const l = [...editor.querySelectorAll('.view-lines .view-line')].find((v: any) => v.style.top === top);
      if (!l) return undefined;
      // Find the text across the line's token spans, then measure that character range.
      const walker = document.createTreeWalker(l, 4 /* NodeFilter.SHOW_TEXT */);
      const nodes: any[] = [];
      let all = '';
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        nodes.push({ node: t, start: all.length });
        all += t.textContent;
      }
      const at = all.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) return undefined;
      const locate = (i: number) => {
        const n = nodes.filter((x) => x.start <= i).pop();
        return [n.node, i - n.start];
      };
      const r = document.createRange();
      r.setStart(...locate(at));
      r.setEnd(...locate(at + needle.length - 1));
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }, [line, text] as [number, string]);
    if (!pos) throw new Error(`"${text}" is not on visible line ${line}`);
    return pos;
  }

  /** The inner frame of the keras-lens summary webview (where its DOM is), once it shows a table. */
  async summaryFrame(timeoutMs = 20_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const f of this.page.frames()) {
        if (await f.locator('#main table').count().catch(() => 0)) return f;
      }
      if (Date.now() > deadline) throw new Error(`no keras-lens summary table in any of ${this.page.frames().length} frames within ${timeoutMs} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Hides the side bar (e.g. for a screenshot of the editor); openFile() shows the Explorer again when needed. */
  async hideSideBar(): Promise<void> {
    if (!(await this.page.locator('.part.sidebar').isVisible())) return;
    await this.runCommand('View: Close Primary Side Bar');
    await this.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  }

  /**
   * Chooses a colour theme with "Preferences: Color Theme", as a user would (this sets
   * workbench.colorTheme in the user settings), and waits until the workbench uses it.
   */
  async setColorTheme(label: string, kind: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light'): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget .quick-input-box input.input');
    await input.fill(label);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 20_000 });
  }

  /** Drags the sash between the first two editor groups so the first takes `fraction` of the editor area. */
  async resizeEditorGroups(fraction: number): Promise<void> {
    const area = await this.page.locator('.part.editor').boundingBox();
    if (!area) throw new Error('no editor area');
    const sashes = await this.page.locator('.part.editor .monaco-sash.vertical').evaluateAll((els: any[]) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.height > 100).map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })));
    if (sashes.length === 0) throw new Error('no sash between editor groups');
    const s = sashes.sort((a, b) => a.x - b.x)[0];
    await this.page.mouse.move(s.x, s.y);
    await this.page.mouse.down();
    await this.page.mouse.move(area.x + area.width * fraction, s.y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Saves a PNG of the window (or of one element, e.g. '.part.editor') to the screenshot folder and returns its path. */
  async screenshot(name: string, opts: { selector?: string; dir?: string } = {}): Promise<string> {
    const file = path.join(opts.dir ?? screenshotDir(), `${name}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (opts.selector) await this.page.locator(opts.selector).first().screenshot({ path: file });
    else await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
