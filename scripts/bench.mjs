// npm run bench: how long keras-lens takes (cold analysis from scratch, incremental re-analysis after a
// one-character edit) and how much memory, on generated files from 100 to 20,000 lines; and, as the baseline
// a user would otherwise reach for, how long real Keras takes to print the same summary. A benchmark, not a
// test: it prints numbers (the machine may be busy: medians and 95th percentiles over repeated runs).
import { readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { TEMPLATES, HEADER, makeFile, editPoint } from './bench-files.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const quick = process.argv.includes('--quick');
if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const { initEngine, analyzeSource } = require(join(ROOT, 'out/src/analysis/engine.js'));
const { DocumentAnalysis } = require(join(ROOT, 'out/src/analysis/incremental/documentAnalysis.js'));

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
  return { median: at(0.5), p95: at(0.95) };
}

/** CPU milliseconds this process used (its own threads: on a busy machine, closer to the work than wall time). */
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall-time median and p95 of `runs` calls, with the median CPU time as `cpu`. */
function time(fn, runs) {
  const xs = [];
  const cs = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
    cs.push(cpuMs() - c0);
  }
  return { ...stats(xs), cpu: stats(cs).median };
}

/** Peak resident memory (MiB) of a fresh process that analyses the file once from scratch. */
function peakMemory(file) {
  const script = `const e=require(${JSON.stringify(join(ROOT, 'out/src/analysis/engine.js'))});e.initEngine().then(()=>{e.analyzeSource(require('fs').readFileSync(${JSON.stringify(file)},'utf8'),'x.py');console.log(process.resourceUsage().maxRSS)})`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(r.stdout.trim()) / 1024;
}

/** Peak resident memory (MiB) of a fresh process that keeps the file's incremental analysis through 20 edits. */
function peakMemoryIncremental(file) {
  const script = `const e=require(${JSON.stringify(join(ROOT, 'out/src/analysis/engine.js'))});const {DocumentAnalysis}=require(${JSON.stringify(join(ROOT, 'out/src/analysis/incremental/documentAnalysis.js'))});
e.initEngine().then(()=>{const t=require('fs').readFileSync(${JSON.stringify(file)},'utf8');const d=new DocumentAnalysis('x.py');d.update(t);
const p=t.indexOf('Dense(256',Math.floor(t.length/2))+8;for(let k=0;k<20;k++)d.update(p<8?t+' '.repeat(k):t.slice(0,p)+String(k%10)+t.slice(p+1));console.log(process.resourceUsage().maxRSS)})`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(r.stdout.trim()) / 1024;
}

const SIZES = quick ? [[100, 1], [2000, 20]] : [[100, 1], [500, 5], [1000, 10], [2000, 20], [5000, 50], [10000, 100], [20000, 200]];
await initEngine();
const dir = mkdtempSync(join(tmpdir(), 'keras-lens-bench-'));
const rows = [];
for (const [lines, models] of SIZES) {
  const text = makeFile(lines, models);
  const file = join(dir, `bench_${lines}.py`);
  writeFileSync(file, text);
  const runs = lines <= 2000 ? 21 : lines <= 5000 ? 9 : 5;
  analyzeSource(text, file); // warm up the JIT
  const cold = time(() => analyzeSource(text, file), runs);
  // The editor's path: the document's incremental analysis, then one-character edits in the middle of the
  // file, each a new text (the last digit of a Dense unit count cycles 0-9), timed one by one.
  const doc = new DocumentAnalysis(file);
  doc.update(text);
  const at = editPoint(text);
  const variant = (k) => (at < 0 ? text + ' '.repeat(k % 2) : text.slice(0, at) + String(k % 10) + text.slice(at + 1));
  for (let k = 1; k <= 10; k++) doc.update(variant(k)); // warm up the JIT
  const edits = lines <= 2000 ? 101 : lines <= 5000 ? 41 : 21;
  let k = 0;
  let last;
  const phases = {};
  const edit = time(() => {
    last = doc.update(variant(k++));
    for (const [p, ms] of Object.entries(doc.stats.phases ?? {})) (phases[p] ??= []).push(ms);
  }, edits);
  const { mode, units, ran } = doc.stats;
  if (!isDeepStrictEqual(last, analyzeSource(variant(k - 1), file))) throw new Error(`incremental result differs from analyzeSource on ${file}`);
  // Enter and Backspace at the start of the edited line: every line below moves by one.
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const moved = (j) => (j % 2 === 0 ? text : text.slice(0, lineStart) + '\n' + text.slice(lineStart));
  let j = 1;
  doc.update(text);
  const enter = time(() => { last = doc.update(moved(j++)); }, edits);
  if (!isDeepStrictEqual(last, analyzeSource(moved(j - 1), file))) throw new Error(`incremental result differs from analyzeSource on ${file} (lines moved)`);
  doc.dispose();
  const found = analyzeSource(text, file).models.length;
  const phaseMedians = Object.fromEntries(Object.entries(phases).map(([p, xs]) => [p, stats(xs).median]));
  rows.push({ lines: text.split('\n').length, models: found, cold, edit, enter, mode, units, ran, phases: phaseMedians, mem: peakMemory(file), memInc: peakMemoryIncremental(file) });
}

const f1 = (x) => x.toFixed(1).padStart(8);
const f2 = (x) => x.toFixed(2).padStart(8);
const growth = (r, prev, key) => (prev ? (r[key].median / prev[key].median) ** (1 / Math.log2(r.lines / prev.lines)) : NaN);
const g = (x) => (Number.isNaN(x) ? '       -' : f2(x));
console.log('\nkeras-lens analysis time (ms; median / p95 over repeated runs), time growth per doubling of the file');
console.log('(cold = analyzeSource from scratch; edit = incremental re-analysis after a one-character edit in a layer in');
console.log(' the middle of the file) and peak memory (MiB) of a fresh process: one cold analysis / incremental + 20 edits');
console.log('(cpu: median CPU time of the same runs; the machine may be shared, when wall times run far above it)');
console.log('  lines  models   cold med   cold p95   cold cpu   ×cold/2×   edit med   edit p95   edit cpu   ×edit/2×   units re-run   peak MiB   peak inc');
rows.forEach((r, i) => {
  const prev = rows[i - 1];
  console.log(`${String(r.lines).padStart(7)} ${String(r.models).padStart(7)} ${f1(r.cold.median)}   ${f1(r.cold.p95)}   ${f1(r.cold.cpu)}   ${g(growth(r, prev, 'cold'))}   ${f2(r.edit.median)}   ${f2(r.edit.p95)}   ${f2(r.edit.cpu)}   ${g(growth(r, prev, 'edit'))}   ${`${r.mode === 'incremental' ? r.ran : 'all'}/${r.units}`.padStart(12)}   ${f1(r.mem)}   ${f1(r.memInc)}`);
});

console.log('\nre-analysis after a line break typed and deleted at the start of that line (every line below moves; ms)');
console.log('  lines   enter med   enter p95');
for (const r of rows) console.log(`${String(r.lines).padStart(7)}    ${f2(r.enter.median)}    ${f2(r.enter.p95)}`);

console.log('\nwhere an edit\'s time goes (ms, median per step of DocumentAnalysis.update): find the changed chunks and parse them;');
console.log('read the names of new chunks; plan units; walk the chunks, running the changed unit; check and assemble');
console.log('  lines     parse     facts      plan      walk    finish');
for (const r of rows) console.log(`${String(r.lines).padStart(7)} ${['parse', 'facts', 'plan', 'walk', 'finish'].map((p) => f2(r.phases[p] ?? NaN)).join('  ')}`);

// VGG16 written out in full (test/corpus-hard), in-process.
const vgg = readFileSync(join(ROOT, 'test/corpus-hard/vgg16/model.py'), 'utf8');
analyzeSource(vgg, 'vgg16.py');
const vggT = time(() => analyzeSource(vgg, 'vgg16.py'), 21);
const mlp = TEMPLATES[0](0);
const mlpSrc = HEADER + mlp;
const mlpT = time(() => analyzeSource(mlpSrc, 'mlp.py'), 51);
console.log(`\nVGG16 (test/corpus-hard/vgg16): ${vggT.median.toFixed(2)} ms median, ${vggT.p95.toFixed(2)} ms p95 in-process (${vggT.cpu.toFixed(2)} ms CPU)`);
console.log(`small MLP: ${mlpT.median.toFixed(2)} ms median`);

// The baseline: real Keras printing the same summaries (the venv of npm run test:keras).
const venv = process.env.KERAS_LENS_VENV || join(ROOT, '.venv-keras');
const py = join(venv, 'bin', 'python');
if (!existsSync(py)) {
  console.log(`\nreal Keras baseline skipped: no venv at ${venv} (npm run test:keras creates it)`);
} else {
  const runKeras = (src) => {
    const f = join(dir, 'keras_baseline.py');
    writeFileSync(f, `${src}\nimport keras as _k\nfor _v in list(globals().values()):\n    if isinstance(_v, _k.Model): _v.summary()\n`);
    const t0 = performance.now();
    const r = spawnSync(py, [f], { env: { ...process.env, KERAS_BACKEND: 'jax' }, encoding: 'utf8' });
    const ms = performance.now() - t0;
    return r.status === 0 ? ms : NaN;
  };
  const kMlp = runKeras(mlpSrc);
  const kVgg = runKeras(vgg.replace(/\nmodel\.summary\(\)\s*$/m, '\n'));
  console.log('\nreal Keras 3.15.1 (jax), import + build + summary, one process each:');
  console.log(`  small MLP: ${(kMlp / 1000).toFixed(1)} s  → keras-lens is ${(kMlp / mlpT.median).toFixed(0)}× faster`);
  console.log(`  VGG16:     ${(kVgg / 1000).toFixed(1)} s  → keras-lens is ${(kVgg / vggT.median).toFixed(0)}× faster`);
}
