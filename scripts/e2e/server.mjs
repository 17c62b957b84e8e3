// Starts and stops code-server (VS Code 1.96.4 in the browser) for the e2e tests.
//
//   const server = await startCodeServer({ workspace, dataDir });   // free 127.0.0.1 port, waits for /healthz
//   server.url, server.port, server.workspace, server.pid, server.logFile
//   await server.stop();                                              // SIGTERM the process group, SIGKILL after 5 s
//   await installVsix('keras-lens.vsix', { dataDir });              // same extensions-dir as the server
//
// The server runs in its own process group (detached), so stop() ends it and everything it forked
// (extension hosts, pty host, file watcher). Servers still running when this process exits, or on
// SIGINT/SIGTERM/SIGHUP, are killed too.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync, openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheDir, codeServerEntry } from './setup.mjs';

/** User settings for a quiet, deterministic window (no welcome page, tips, recommendations or updates). */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'editor.minimap.enabled': false,
  // VS Code in the browser defaults to 'afterDelay': edits made by UI tests (or in npm start) would be
  // written to disk a second later. Off, as in desktop VS Code: files change only when saved.
  'files.autoSave': 'off',
};

const running = new Set();

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function dirsFor(dataDir) {
  return { extensionsDir: join(dataDir, 'extensions'), userDataDir: join(dataDir, 'user-data') };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const s of running) killGroup(s.pid, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      console.error(`\n[e2e] ${sig}: stopping code-server`);
      Promise.allSettled([...running].map((s) => s.stop())).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
    });
  }
}

/**
 * Starts code-server on a free loopback port and resolves once it answers HTTP.
 * @param {object} o
 * @param {string} o.workspace    folder to open
 * @param {string} o.dataDir      holds extensions/ and user-data/ (created; settings.json written if absent)
 * @param {object} [o.settings]   user settings merged over DEFAULT_SETTINGS
 * @param {object} [o.env]        extra environment for the server (the extension host inherits it)
 * @param {string} [o.logFile]    server output (default dataDir/code-server.log)
 * @param {number} [o.timeoutMs]  how long to wait for it to answer (default 60 s)
 * @param {number} [o.port]       a fixed port (default: a free one, picked by the OS)
 */
export async function startCodeServer({ workspace, dataDir, settings = {}, env = {}, logFile, timeoutMs = 60_000, cache = cacheDir(), port: fixedPort }) {
  const entry = codeServerEntry(cache);
  if (!existsSync(entry)) throw new Error(`code-server is not installed at ${entry}: run node scripts/e2e/setup.mjs`);
  dataDir = resolve(dataDir);
  workspace = resolve(workspace);
  const { extensionsDir, userDataDir } = dirsFor(dataDir);
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2) + '\n');
  logFile = resolve(logFile ?? join(dataDir, 'code-server.log'));
  installExitHandlers();

  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = fixedPort ?? (await freePort());
    const fd = openSync(logFile, 'a');
    const args = [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      workspace,
    ];
    const child = spawn(process.execPath, args, {
      detached: true, // own process group: stop() kills it and all it forked
      stdio: ['ignore', fd, fd],
      env: { ...process.env, ...env },
    });
    closeSync(fd);
    const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
    const server = {
      port,
      pid: child.pid,
      url: `http://127.0.0.1:${port}`,
      workspace,
      dataDir,
      extensionsDir,
      userDataDir,
      logFile,
      exited,
      /** Stops the server and its process group; resolves when the group is gone. Safe to call twice. */
      async stop() {
        if (!running.has(server)) return;
        killGroup(child.pid, 'SIGTERM');
        const deadline = Date.now() + 5000;
        while (groupAlive(child.pid) && Date.now() < deadline) await sleep(100);
        if (groupAlive(child.pid)) {
          killGroup(child.pid, 'SIGKILL');
          while (groupAlive(child.pid)) await sleep(50);
        }
        running.delete(server);
      },
    };
    running.add(server);
    child.unref();
    try {
      await waitForHttp(`${server.url}/healthz`, timeoutMs, exited, logFile);
      return server;
    } catch (e) {
      lastError = e;
      await server.stop();
      if (fixedPort || !/EADDRINUSE/.test(tail(logFile))) break; // only a lost port race is worth a retry
    }
  }
  throw lastError;
}

async function waitForHttp(url, timeoutMs, exited, logFile) {
  const deadline = Date.now() + timeoutMs;
  let gone = null;
  exited.then((x) => (gone = x));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`code-server exited (code ${gone.code}, signal ${gone.signal}) before answering; log ${logFile}:\n${tail(logFile)}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000}s; log ${logFile}:\n${tail(logFile)}`);
}

/**
 * Installs a .vsix into dataDir's extensions-dir with code-server's CLI (run it before startCodeServer
 * so the server picks it up at start).
 */
export function installVsix(vsixPath, { dataDir, cache = cacheDir() }) {
  const { extensionsDir, userDataDir } = dirsFor(resolve(dataDir));
  mkdirSync(extensionsDir, { recursive: true });
  const r = spawnSync(
    process.execPath,
    [codeServerEntry(cache), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', resolve(vsixPath), '--force'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsixPath} into ${extensionsDir} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out}`);
  }
  return out;
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
