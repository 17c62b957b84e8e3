// npm start: see keras-lens working in VS Code in the browser, with nothing else to install.
//
//   npm start                 build, package keras-lens.vsix, install it into the cached code-server
//   npm start -- --port 8080  (default: a free port)
//
// Installs code-server 4.96.4 (VS Code 1.96.4) on first use (scripts/e2e/setup.mjs; cached in
// $KERAS_LENS_E2E_CACHE or ~/.cache/keras-lens-e2e), starts it on 127.0.0.1 serving examples/ (the
// real folder; auto-save is off, so files change only when you save them), prints the address, and
// runs until Ctrl+C, which stops the server and everything it started. Its own settings and
// extensions live in <cache>/start/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setup, REPO, cacheDir } from './e2e/setup.mjs';
import { startCodeServer, installVsix } from './e2e/server.mjs';

const argv = process.argv.slice(2);
const port = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error('usage: npm start [-- --port N]');
  process.exit(2);
}

function step(name, fn) {
  process.stdout.write(`[start] ${name}… `);
  const t0 = Date.now();
  try {
    const r = fn();
    console.log(`ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return r;
  } catch (e) {
    console.log('FAILED');
    console.error(`[start] ${name} failed: ${e?.message ?? e}`);
    process.exit(1);
  }
}

function npm(script) {
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run ${script} exited ${r.status ?? r.signal}:\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n')}`);
}

try {
  await setup();
} catch (e) {
  console.error(`[start] installing code-server failed: ${e?.message ?? e}`);
  process.exit(1);
}
step('build', () => npm('build'));
step('package keras-lens.vsix', () => npm('package'));
const dataDir = join(cacheDir(), 'start');
step('install it into code-server', () => installVsix(join(REPO, 'keras-lens.vsix'), { dataDir }));

const workspace = join(REPO, 'examples');
if (!existsSync(workspace)) {
  console.error(`[start] ${workspace} is missing`);
  process.exit(1);
}
let server;
try {
  server = await startCodeServer({ workspace, dataDir, logFile: join(dataDir, 'code-server.log'), port });
} catch (e) {
  console.error(`[start] code-server did not start: ${e?.message ?? e}`);
  process.exit(1);
}
console.log(`
  keras-lens in VS Code:  ${server.url}

  Open it in a browser; the Explorer shows examples/ (flatten_dense.py, two_dense.py, three_conv.py).
  Try: hover a layer call; "Keras: Show Model Summary" from the command palette (F1); edit a Dense(…).
  Server log: ${server.logFile}
  Ctrl+C stops it.
`);
// Runs until Ctrl+C (server.mjs stops the server's whole process group on SIGINT/SIGTERM/SIGHUP and
// exits). The server is unref'd, so keep this process alive until then.
const keepAlive = setInterval(() => {}, 1 << 30);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => (stopping = true));
const { code, signal } = await server.exited;
if (stopping) await new Promise(() => {}); // server.mjs finishes the stop and exits
clearInterval(keepAlive);
console.error(`[start] code-server exited on its own (code ${code}, signal ${signal}); log: ${server.logFile}`);
await server.stop();
process.exit(1);
