// Installs code-server 4.96.4 (VS Code 1.96.4) into a cache folder outside the repo, with the
// work-arounds this offline machine needs (see issue 3), and checks the browser and playwright-core.
//
//   node scripts/e2e/setup.mjs          install what is missing (idempotent; seconds when cached)
//   node scripts/e2e/setup.mjs --force  redo the code-server install even if the marker exists
//
// Cache folder: $KERAS_LENS_E2E_CACHE, else ~/.cache/keras-lens-e2e. A marker file there records a
// finished install; every step is safe to re-run, so an interrupted install resumes on the next run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, symlinkSync, lstatSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';

export const CODE_SERVER_VERSION = '4.96.4';
export const VSCODE_VERSION = '1.96.4';
export const CHROMIUM = '/usr/bin/chromium';
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function cacheDir() {
  return resolve(process.env.KERAS_LENS_E2E_CACHE || join(homedir(), '.cache', 'keras-lens-e2e'));
}
export function codeServerDir(cache = cacheDir()) {
  return join(cache, 'node_modules', 'code-server');
}
export function codeServerEntry(cache = cacheDir()) {
  return join(codeServerDir(cache), 'out', 'node', 'entry.js');
}
function markerPath(cache) {
  return join(cache, `.installed-code-server-${CODE_SERVER_VERSION}.json`);
}

class StepError extends Error {}

function log(msg) {
  console.log(`[e2e setup] ${msg}`);
}

/** Runs a command; throws a StepError naming the step, with the tail of its output, if it fails. */
function run(step, cmd, args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts, env: { ...process.env, ...opts.env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.error || r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new StepError(`step "${step}" failed (${cmd} ${args.join(' ')}${opts.cwd ? ` in ${opts.cwd}` : ''}): ${r.error ? r.error.message : `exit ${r.status}`}\n${out}`);
  }
  log(`${step}: ok (${secs}s)`);
  return r.stdout;
}

/** Creates or replaces a symbolic link. */
function link(step, target, path) {
  try {
    if (existsSync(path) || isLink(path)) rmSync(path, { force: true, recursive: false });
    symlinkSync(target, path);
    log(`${step}: ok`);
  } catch (e) {
    throw new StepError(`step "${step}" failed: ${e.message}`);
  }
}
function isLink(p) {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** apt-get install the Debian packages that are missing (apt-get update first, only if one is). */
export function ensureDebianPackages() {
  const wanted = ['libkrb5-dev', 'ripgrep', 'chromium'];
  const missing = wanted.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return log(`debian packages (${wanted.join(', ')}): present`);
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const [c, ...a] = [...sudo, 'apt-get'];
  run('apt-get update', c, [...a, 'update'], { env });
  run(`apt-get install ${missing.join(' ')}`, c, [...a, 'install', '-y', ...missing], { env });
}

/** Ensures playwright-core resolves from the repo (it is a devDependency; `npm install` brings it). */
export function ensurePlaywright() {
  const require = createRequire(join(REPO, 'package.json'));
  try {
    require.resolve('playwright-core');
    return log('playwright-core: present');
  } catch {
    run('npm install (repo devDependencies, for playwright-core)', 'npm', ['install', '--no-audit', '--no-fund'], { cwd: REPO });
  }
}

/** The code-server install with the offline work-arounds. Each step can be re-run safely. */
export function installCodeServer(cache = cacheDir()) {
  mkdirSync(cache, { recursive: true });
  // A package.json of its own so npm does not walk up into another project.
  const pj = join(cache, 'package.json');
  if (!existsSync(pj)) writeFileSync(pj, JSON.stringify({ name: 'keras-lens-e2e-cache', private: true }, null, 2) + '\n');
  const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];

  run(`npm install code-server@${CODE_SERVER_VERSION} --ignore-scripts`, 'npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', ...npmFlags], { cwd: cache });
  run('npm rebuild argon2', 'npm', ['rebuild', 'argon2', ...npmFlags], { cwd: cache });

  const vscodeDir = join(codeServerDir(cache), 'lib', 'vscode');
  const shrinkwrap = join(vscodeDir, 'npm-shrinkwrap.json');
  try {
    const sw = JSON.parse(readFileSync(shrinkwrap, 'utf8'));
    const entry = sw.packages?.['node_modules/@vscode/proxy-agent'];
    if (!entry) throw new Error('no node_modules/@vscode/proxy-agent entry');
    if ('resolved' in entry || 'integrity' in entry) {
      delete entry.resolved;
      delete entry.integrity;
      writeFileSync(shrinkwrap, JSON.stringify(sw, null, 2) + '\n');
    }
    log(`shrinkwrap: @vscode/proxy-agent@${entry.version} from the registry: ok`);
  } catch (e) {
    throw new StepError(`step "edit lib/vscode/npm-shrinkwrap.json (@vscode/proxy-agent)" failed: ${e.message}`);
  }
  run('npm install --omit=dev --ignore-scripts (lib/vscode)', 'npm', ['install', '--omit=dev', '--ignore-scripts', ...npmFlags], { cwd: vscodeDir });
  run(
    'npm rebuild native modules (lib/vscode)',
    'npm',
    ['rebuild', 'kerberos', '@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'native-watchdog', 'node-pty', ...npmFlags],
    { cwd: vscodeDir },
  );
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  link('link /usr/bin/rg into @vscode/ripgrep', '/usr/bin/rg', join(rgDir, 'rg'));
  // The rest of code-server's postinstall, by hand.
  link('link node_modules.asar', 'node_modules', join(vscodeDir, 'node_modules.asar'));
  link('link bin/remote-cli/code-server', 'code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  link('link bin/helpers/browser.sh', 'browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run('npm install --omit=dev --ignore-scripts (lib/vscode/extensions)', 'npm', ['install', '--omit=dev', '--ignore-scripts', ...npmFlags], {
    cwd: join(vscodeDir, 'extensions'),
  });
  // Smoke check: the entry point runs and reports the expected version.
  const v = run('code-server --version', process.execPath, [codeServerEntry(cache), '--version']);
  if (!v.includes(CODE_SERVER_VERSION) || !v.includes(VSCODE_VERSION.split('.').slice(0, 2).join('.'))) {
    throw new StepError(`step "code-server --version" failed: unexpected output ${JSON.stringify(v.trim())}`);
  }
}

/** Installs whatever is missing. Returns { cache, cached, seconds }. */
export async function setup({ force = false } = {}) {
  const t0 = Date.now();
  const cache = cacheDir();
  log(`cache: ${cache}`);
  ensureDebianPackages();
  const marker = markerPath(cache);
  let cached = existsSync(marker) && existsSync(codeServerEntry(cache)) && !force;
  if (cached) {
    log(`code-server ${CODE_SERVER_VERSION}: cached (${marker})`);
  } else {
    const t1 = Date.now();
    rmSync(marker, { force: true });
    installCodeServer(cache);
    const seconds = (Date.now() - t1) / 1000;
    writeFileSync(marker, JSON.stringify({ codeServer: CODE_SERVER_VERSION, vscode: VSCODE_VERSION, finishedAt: new Date().toISOString(), seconds }, null, 2) + '\n');
    log(`code-server ${CODE_SERVER_VERSION}: installed in ${seconds.toFixed(1)}s`);
  }
  if (!existsSync(CHROMIUM)) throw new StepError(`step "check ${CHROMIUM}" failed: not found after installing the chromium package`);
  ensurePlaywright();
  const seconds = (Date.now() - t0) / 1000;
  log(`done in ${seconds.toFixed(1)}s`);
  return { cache, cached, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  setup({ force: process.argv.includes('--force') }).catch((e) => {
    console.error(`\n[e2e setup] FAILED: ${e instanceof StepError ? e.message : e.stack ?? e}`);
    process.exit(1);
  });
}
