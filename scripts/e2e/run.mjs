// npm run test:e2e: tests keras-lens in a real VS Code (code-server 4.96.4 = VS Code 1.96.4).
//
//   setup      install code-server, Chromium and playwright-core when missing (cached; scripts/e2e/setup.mjs)
//   build      npm run build, then bundle the test suites (scripts/e2e/build-tests.mjs)
//   package    vsce package -> keras-lens.vsix, installed into a fresh extensions-dir
//   server     code-server on a free 127.0.0.1 port, serving a temporary copy of examples/ and
//              test/e2e/fixtures/ (files side by side)
//   integration  dist/test/integration in the extension host, with keras-lens loaded from the repo
//   ui         dist/test/e2e/*.e2e.js with playwright-core, against the installed .vsix
//
// Options: --integration-only, --ui-only, --grep PATTERN (both layers), --keep (keep the temporary
// folder). Output: test-results/e2e/ (code-server.log, screenshots/; KERAS_LENS_E2E_SCREENSHOTS overrides).
// Ends with the measurements both layers recorded (`metric: NAME VALUE UNIT`) and the .vsix size.
// The server and the browser are always stopped; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { setup, REPO, CHROMIUM } from './setup.mjs';
import { startCodeServer, installVsix } from './server.mjs';
import { runIntegration } from './integration.mjs';
import { runUi } from './ui.mjs';

const argv = process.argv.slice(2);
const opt = (name) => argv.includes(name);
const grep = argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined;
const doIntegration = !opt('--ui-only');
const doUi = !opt('--integration-only');

const outDir = join(REPO, 'test-results', 'e2e');
const screenshotDir = resolve(process.env.KERAS_LENS_E2E_SCREENSHOTS || join(outDir, 'screenshots'));
const timings = [];
const metrics = [];
let failure;

async function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n=== ${name}`);
  try {
    const r = await fn();
    timings.push([name, (Date.now() - t0) / 1000, 'ok']);
    return r;
  } catch (e) {
    timings.push([name, (Date.now() - t0) / 1000, 'FAILED']);
    failure ??= `step "${name}" failed: ${e?.message ?? e}`;
    throw e;
  }
}

function sh(name, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${name}: ${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}`);
}

let server;
let tmp;
let integrationBrowser;
const t0 = Date.now();
try {
  mkdirSync(outDir, { recursive: true });
  rmSync(join(outDir, 'code-server.log'), { force: true });
  // Pictures of failures from earlier runs would be mistaken for this run's.
  if (existsSync(screenshotDir)) for (const f of readdirSync(screenshotDir)) if (f.startsWith('FAILED-')) rmSync(join(screenshotDir, f));
  await step('setup', () => setup());
  await step('build', () => {
    sh('npm run build', 'npm', ['run', '--silent', 'build']);
    sh('build tests', process.execPath, [join(REPO, 'scripts', 'e2e', 'build-tests.mjs')]);
  });
  tmp = mkdtempSync(join(tmpdir(), 'keras-lens-e2e-'));
  // Also on Ctrl+C / SIGTERM (server.mjs stops the server, then exits; `finally` below does not run then).
  process.on('exit', () => tmp && !opt('--keep') && rmSync(tmp, { recursive: true, force: true }));
  const dataDir = join(tmp, 'data');
  const workspace = join(tmp, 'workspace');
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  cpSync(join(REPO, 'test', 'e2e', 'fixtures'), workspace, { recursive: true });

  let vsix;
  if (doUi) {
    vsix = await step('package', () => {
      const vsce = join(REPO, 'node_modules', '.bin', 'vsce');
      if (!existsSync(vsce)) throw new Error('@vscode/vsce is not installed (npm install)');
      sh('npm run package', 'npm', ['run', '--silent', 'package']);
      const file = join(REPO, 'keras-lens.vsix');
      const size = statSync(file).size;
      console.log(`keras-lens.vsix: ${(size / 1024).toFixed(1)} KiB`);
      metrics.push({ name: '.vsix size', value: size / 1024, unit: 'KiB', detail: `${size.toLocaleString('en-US')} bytes` });
      installVsix(file, { dataDir });
      console.log(`installed into ${join(dataDir, 'extensions')}`);
      return file;
    });
  }

  const resultsFile = join(tmp, 'integration-results.json');
  server = await step('start code-server', async () => {
    const s = await startCodeServer({
      workspace,
      dataDir,
      logFile: join(outDir, 'code-server.log'),
      env: { KERAS_LENS_TEST_RESULTS: resultsFile, ...(grep ? { KERAS_LENS_TEST_GREP: grep } : {}) },
    });
    console.log(`code-server ${s.url} (pid ${s.pid}), workspace ${workspace}`);
    return s;
  });

  const results = {};
  if (doIntegration) {
    results.integration = await step('integration suite', async () => {
      const { chromium } = createRequire(join(REPO, 'package.json'))('playwright-core');
      integrationBrowser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      const r = await runIntegration({ server, browser: integrationBrowser, resultsFile });
      await integrationBrowser.close();
      integrationBrowser = undefined;
      metrics.push(...r.metrics);
      if (!r.ok) throw new Error(`${r.failed} failed, ${r.passed} passed`);
      return r;
    });
  }
  if (doUi) {
    results.ui = await step('ui scenarios', async () => {
      const r = await runUi({ server, screenshotDir, grep });
      metrics.push(...r.metrics);
      console.log(`screenshots: ${screenshotDir}`);
      if (!r.ok) throw new Error(`${r.failed} failed, ${r.passed} passed`);
      return r;
    });
  }
} catch (e) {
  failure ??= String(e?.stack ?? e);
} finally {
  await integrationBrowser?.close().catch(() => {});
  if (server) {
    const t = Date.now();
    await server.stop();
    timings.push(['stop code-server', (Date.now() - t) / 1000, 'ok']);
  }
  if (tmp && !opt('--keep')) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`kept ${tmp}`);
}

if (metrics.length) {
  console.log('\n=== measurements');
  for (const m of metrics) console.log(`metric: ${m.name} ${m.value.toFixed(1)} ${m.unit}${m.detail ? `   (${m.detail})` : ''}`);
}
console.log('\n=== timings');
for (const [name, s, state] of timings) console.log(`  ${name.padEnd(20)} ${s.toFixed(1).padStart(7)} s  ${state}`);
console.log(`  ${'total'.padEnd(20)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
if (failure) {
  console.error(`\ntest:e2e FAILED: ${failure}\n(code-server log: ${join(outDir, 'code-server.log')})`);
  process.exit(1);
}
console.log('\ntest:e2e passed');
