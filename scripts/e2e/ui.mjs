// Runs the UI end-to-end scenarios (dist/test/e2e/*.e2e.js) with mocha in this Node process, against
// a running code-server. The scenarios reach it through KERAS_LENS_E2E_* variables (see test/e2e/vscode-ui.ts).
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { REPO } from './setup.mjs';

const require = createRequire(join(REPO, 'package.json'));

/** @returns {Promise<{ passed: number, failed: number, pending: number, ok: boolean }>} */
export async function runUi({ server, screenshotDir, grep, timeoutMs = 120_000 }) {
  const Mocha = require('mocha');
  const dir = join(REPO, 'dist', 'test', 'e2e');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.e2e.js')).sort() : [];
  if (files.length === 0) throw new Error(`no *.e2e.js files in ${dir}: run node scripts/e2e/build-tests.mjs`);
  process.env.KERAS_LENS_E2E_URL = server.url;
  process.env.KERAS_LENS_E2E_WORKSPACE = server.workspace;
  process.env.KERAS_LENS_E2E_SCREENSHOTS = screenshotDir;
  process.env.KERAS_LENS_E2E_USER_DATA = server.userDataDir;
  const ui = require(join(dir, 'vscode-ui.js')); // the same module instance the scenarios use
  const mocha = new Mocha({ ui: 'bdd', timeout: timeoutMs, reporter: 'spec', color: false });
  // On failure, keep a picture of every open window.
  mocha.rootHooks({
    async afterEach() {
      const t = this.currentTest;
      if (t?.state !== 'failed') return;
      const name = `FAILED-${t.fullTitle().replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80)}`;
      for (const f of await ui.screenshotAllPages(name)) console.log(`      screenshot: ${f}`);
    },
  });
  if (grep) mocha.grep(grep);
  for (const f of files) mocha.addFile(join(dir, f));
  const counts = { passed: 0, failed: 0, pending: 0 };
  try {
    await new Promise((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', () => counts.passed++);
      runner.on('fail', () => counts.failed++);
      runner.on('pending', () => counts.pending++);
    });
  } finally {
    // The browser is shared by all scenarios; close it even when one failed.
    await ui.closeBrowser();
  }
  console.log(`ui: ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} skipped`);
  return { ...counts, metrics: [...ui.metrics], ok: counts.failed === 0 && counts.passed > 0 };
}
