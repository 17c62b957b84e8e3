// Entry point of the integration suite, in the @vscode/test-electron convention: VS Code's extension
// host loads this file (extensionTestsPath) and awaits run(). It runs every *.itest.js beside it with
// mocha (bdd: describe/it) against the live `vscode` API.
//
// In code-server the window does not close when run() settles, so run() also writes its results as
// JSON to $KERAS_LENS_TEST_RESULTS (default: <os.tmpdir()>/keras-lens-integration-results.json);
// scripts/e2e/integration.mjs waits for that file and turns it into the exit code.
// $KERAS_LENS_TEST_GREP, if set, runs only the tests whose full title matches it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}
export interface SuiteResults {
  status: 'running' | 'done' | 'error';
  startedAt: string;
  finishedAt?: string;
  vscodeVersion?: string;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  /** Measurements the tests recorded with recordMetric() (helpers.ts). */
  metrics?: { name: string; value: number; unit: string; detail?: string }[];
  error?: string;
}

export const resultsFile = process.env.KERAS_LENS_TEST_RESULTS || path.join(os.tmpdir(), 'keras-lens-integration-results.json');

function write(results: SuiteResults): void {
  // Write then rename, so the harness never reads a half-written file.
  const tmp = `${resultsFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, resultsFile);
}

export async function run(): Promise<void> {
  const results: SuiteResults = { status: 'running', startedAt: new Date().toISOString(), passed: 0, failed: 0, pending: 0, tests: [] };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    results.vscodeVersion = (require('vscode') as typeof import('vscode')).version;
    write(results);
    const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
    if (process.env.KERAS_LENS_TEST_GREP) mocha.grep(process.env.KERAS_LENS_TEST_GREP);
    const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.itest.js')).sort();
    if (files.length === 0) throw new Error(`no *.itest.js files in ${__dirname}`);
    for (const f of files) mocha.addFile(path.join(__dirname, f));
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', (t) => {
        results.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      });
      runner.on('fail', (t, err: Error) => {
        results.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err?.stack ?? String(err) });
      });
      runner.on('pending', (t) => {
        results.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending' });
      });
    });
    results.status = 'done';
    results.metrics = (globalThis as { __kerasLensMetrics?: SuiteResults['metrics'] }).__kerasLensMetrics ?? [];
    results.finishedAt = new Date().toISOString();
    write(results);
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (e) {
    if (results.status !== 'done') {
      results.status = 'error';
      results.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.finishedAt = new Date().toISOString();
      write(results);
    }
    throw e;
  }
}
