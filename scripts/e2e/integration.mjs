// Runs the integration suite (dist/test/integration) inside code-server's extension host.
//
// It opens, in headless Chromium, the workbench with a `payload` that sets extensionDevelopmentPath
// (the repo) and extensionTestsPath (dist/test/integration/index.js); the extension host then loads
// keras-lens from the repo and awaits run() from that file. run() writes its results as JSON to
// $KERAS_LENS_TEST_RESULTS, which must be set in the code-server's environment (startCodeServer's env);
// this waits for that file, prints the results and returns them.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './setup.mjs';
import { sleep } from './server.mjs';

export function integrationUrl(server, repo = REPO) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repo)],
    ['extensionTestsPath', remote(join(repo, 'dist', 'test', 'integration', 'index.js'))],
  ];
  return `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * @param {{ server: object, browser: import('playwright-core').Browser, resultsFile: string,
 *           timeoutMs?: number, startTimeoutMs?: number }} o
 * @returns {Promise<{ passed: number, failed: number, pending: number, metrics: object[], ok: boolean }>}
 */
export async function runIntegration({ server, browser, resultsFile, timeoutMs = 5 * 60_000, startTimeoutMs = 90_000 }) {
  if (!existsSync(join(REPO, 'dist', 'test', 'integration', 'index.js'))) throw new Error('dist/test/integration/index.js is missing: run node scripts/e2e/build-tests.mjs');
  rmSync(resultsFile, { force: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  try {
    await page.goto(integrationUrl(server), { waitUntil: 'domcontentloaded' });
    const t0 = Date.now();
    let results;
    for (;;) {
      results = read(resultsFile);
      if (results && results.status !== 'running') break;
      const waited = Date.now() - t0;
      if (!results && waited > startTimeoutMs) {
        throw new Error(
          `run() in dist/test/integration/index.js did not start within ${startTimeoutMs / 1000}s (no ${resultsFile}).` +
            ` Server log: ${server.logFile}` + (pageErrors.length ? `\nbrowser errors:\n  ${pageErrors.slice(-10).join('\n  ')}` : ''),
        );
      }
      if (waited > timeoutMs) throw new Error(`the integration suite did not finish within ${timeoutMs / 1000}s; partial results:\n${JSON.stringify(results, null, 2)}`);
      await sleep(250);
    }
    print(results);
    return { passed: results.passed, failed: results.failed, pending: results.pending, metrics: results.metrics ?? [], ok: results.status === 'done' && results.failed === 0 && results.passed > 0 };
  } finally {
    await page.close().catch(() => {});
  }
}

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function print(r) {
  console.log(`  VS Code ${r.vscodeVersion ?? '?'} extension host`);
  for (const t of r.tests) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip';
    console.log(`  ${mark} ${t.title}${t.durationMs != null ? ` (${t.durationMs} ms)` : ''}`);
    if (t.error) console.log(t.error.replace(/^/gm, '         '));
  }
  if (r.status === 'error') console.log(`  run() failed before the tests finished:\n${String(r.error).replace(/^/gm, '    ')}`);
  console.log(`integration: ${r.passed} passed, ${r.failed} failed, ${r.pending} skipped`);
}
