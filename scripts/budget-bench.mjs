// node scripts/budget-bench.mjs [--no-build]: how long the step budget lets a runaway statement run
// (a loop of 10**9 layers, while True, unbounded and branching recursion), each in a file that also holds
// a small model; and how many steps the hard corpus models use against the per-statement budget, with
// their analysis time. A benchmark, not a test: it prints numbers (median of repeated in-process runs
// after a warm-up; CPU time beside wall time, since the machine may be shared).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const out = (p) => require(join(ROOT, 'out/src/analysis', p));
const { initEngine, analyzeSource } = out('engine.js');
const { parseWithRecovery } = out('parse/recover.js');
const { KerasSession } = out('keras/session.js');
const { Interpreter, DEFAULT_LIMITS } = out('interpret/interpreter.js');

const IMPORTS = 'import keras\nfrom keras.models import Sequential\nfrom keras.layers import Dense\n';
const OK = 'ok = Sequential([Dense(10, input_shape=(784,))])\n';
const RUNAWAY = {
  'for range(10**9): model.add(Dense(1))': `model = Sequential()\nmodel.add(Dense(10, input_dim=784))\nfor i in range(10**9):\n    model.add(Dense(1))\n`,
  'for range(10**9): x = Dense(1)(x)': `inp = keras.Input((4,))\nx = inp\nfor i in range(10**9):\n    x = Dense(1)(x)\nm = keras.Model(inp, x)\n`,
  'while True: pass': 'while True:\n    pass\n',
  'while True: model.add(Dense(1))': `model = Sequential()\nmodel.add(Dense(10, input_dim=784))\nwhile True:\n    model.add(Dense(1))\n`,
  'def f(x): return f(x)': 'def f(x):\n    return f(x)\ny = f(1)\n',
  'mutual recursion': 'def f(x):\n    return g(x)\ndef g(x):\n    return f(x)\ny = f(1)\n',
  'recursion making layers': 'def f(x):\n    return f(Dense(1)(x))\ny = f(keras.Input((4,)))\n',
  'branching recursion f(n+1) + f(n+2)': 'def f(n):\n    return f(n + 1) + f(n + 2)\ny = f(1)\n',
  'list of 10**9 layers': 'xs = [Dense(1) for i in range(10**9)]\n',
};

function timed(fn, runs) {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: med(wall), cpu: med(cpu) };
}

/** The analysis of `text` as analyzeSource runs it, returning the steps used overall and by the largest statement. */
function steps(text) {
  const parsed = parseWithRecovery(text);
  const session = new KerasSession({ version: 3, defaultDataFormat: 'channels_last', autoVersion: true }, () => {});
  const ip = new Interpreter(session, DEFAULT_LIMITS);
  let largest = 0;
  let last = 0;
  const start = ip.budget.startStatement.bind(ip.budget);
  ip.budget.startStatement = () => {
    largest = Math.max(largest, ip.budget.used() - last);
    last = ip.budget.used();
    start();
  };
  ip.run(parsed.tree.rootNode);
  largest = Math.max(largest, ip.budget.used() - last);
  parsed.tree.delete();
  return { total: ip.budget.used(), largest };
}

const f1 = (x) => x.toFixed(1).padStart(7);
await initEngine();
// Warm up the whole engine first, so the first case is not charged for compiling it.
for (const body of Object.values(RUNAWAY)) analyzeSource(IMPORTS + body + OK, 'warm-up.py');
console.log(`budget: ${DEFAULT_LIMITS.stepsPerStatement.toLocaleString('en-US')} steps per top-level statement, ${DEFAULT_LIMITS.totalSteps.toLocaleString('en-US')} per file, calls ${DEFAULT_LIMITS.maxCallDepth} deep\n`);
console.log('runaway statement (in a file with one more model)   wall ms    cpu ms   steps    `ok` exact');
for (const [name, body] of Object.entries(RUNAWAY)) {
  const text = IMPORTS + body + OK;
  const t = timed(() => analyzeSource(text, 'runaway.py'), 9);
  const s = analyzeSource(text, 'runaway.py');
  const ok = s.models.find((m) => m.variable === 'ok')?.totalParams === 7850;
  console.log(`${name.padEnd(50)} ${f1(t.wall)}   ${f1(t.cpu)}   ${String(steps(text).total).padStart(7)}    ${ok ? 'yes' : 'NO'}`);
}

console.log('\nhard corpus model                    steps (largest statement)   share of the statement budget   wall ms   cpu ms');
const hard = join(ROOT, 'test/corpus-hard');
for (const name of readdirSync(hard).sort()) {
  const text = readFileSync(join(hard, name, 'model.py'), 'utf8');
  const s = steps(text);
  const t = timed(() => analyzeSource(text, `${name}.py`), 21);
  const share = ((100 * s.largest) / DEFAULT_LIMITS.stepsPerStatement).toFixed(1);
  console.log(`${name.padEnd(36)} ${String(s.total).padStart(7)} (${String(s.largest).padStart(6)})            ${share.padStart(5)} %                  ${f1(t.wall)}  ${f1(t.cpu)}`);
}
