// npm run bench: how long keras-lens takes (cold analysis, re-analysis after a one-character edit) and how
// much memory, on generated files from 100 to 20,000 lines; and, as the baseline a user would otherwise reach
// for, how long real Keras takes to print the same summary. A benchmark, not a test: it prints numbers.
import { readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const quick = process.argv.includes('--quick');
if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const { initEngine, analyzeSource } = require(join(ROOT, 'out/src/analysis/engine.js'));

// Model templates in the three styles the issue names; {v} makes every variable name unique.
const TEMPLATES = [
  (v) => `model_${v} = keras.Sequential(name="mlp_${v}")
model_${v}.add(keras.Input(shape=(784,)))
model_${v}.add(layers.Dense(256, activation="relu"))
model_${v}.add(layers.Dropout(0.2))
model_${v}.add(layers.Dense(128, activation="relu"))
model_${v}.add(layers.Dense(10, activation="softmax"))
`,
  (v) => `inputs_${v} = keras.Input(shape=(32, 32, 3))
x_${v} = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs_${v})
x_${v} = layers.BatchNormalization()(x_${v})
x_${v} = layers.MaxPooling2D()(x_${v})
x_${v} = layers.Conv2D(64, 3, padding="same", activation="relu")(x_${v})
x_${v} = layers.GlobalAveragePooling2D()(x_${v})
outputs_${v} = layers.Dense(10)(x_${v})
cnn_${v} = keras.Model(inputs_${v}, outputs_${v}, name="cnn_${v}")
`,
  (v) => `def block_${v}(x, filters):
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    return layers.add([x, y])

img_${v} = keras.Input(shape=(16, 16, 8))
h_${v} = img_${v}
for _ in range(3):
    h_${v} = block_${v}(h_${v}, 8)
res_${v} = keras.Model(img_${v}, layers.Dense(4)(layers.Flatten()(h_${v})), name="res_${v}")
`,
];
const HEADER = 'import keras\nfrom keras import layers\n\n';
// Lines of plain Python between models, as real files have (comments, constants, helpers).
const FILLER = (i) => `# --- section ${i}: data loading and training settings ---\nBATCH_${i} = 32\nEPOCHS_${i} = 10\nLEARNING_RATE_${i} = 1e-3\n\n`;

function makeFile(lines, models) {
  let text = HEADER;
  const modelText = [];
  for (let i = 0; i < models; i++) modelText.push(TEMPLATES[i % TEMPLATES.length](i));
  const modelLines = modelText.join('\n').split('\n').length;
  const fillerPerGap = Math.max(0, Math.floor((lines - modelLines - 3) / Math.max(1, models) / 5));
  for (let i = 0; i < models; i++) {
    for (let f = 0; f < fillerPerGap; f++) text += FILLER(`${i}_${f}`);
    text += modelText[i] + '\n';
  }
  let k = 0;
  while (text.split('\n').length < lines) text += FILLER(`tail_${k++}`);
  return text;
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
  return { median: at(0.5), p95: at(0.95) };
}

function time(fn, runs) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return stats(xs);
}

/** Peak resident memory of a fresh process that analyses the file once. */
function peakMemory(file) {
  const script = `const e=require(${JSON.stringify(join(ROOT, 'out/src/analysis/engine.js'))});e.initEngine().then(()=>{e.analyzeSource(require('fs').readFileSync(${JSON.stringify(file)},'utf8'),'x.py');console.log(process.resourceUsage().maxRSS)})`;
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
  // A one-character edit in the middle: a unit count changes (256 → 257).
  const at = text.indexOf('Dense(256', Math.floor(text.length / 2));
  const edited = at < 0 ? text + ' ' : text.slice(0, at) + 'Dense(257' + text.slice(at + 'Dense(256'.length);
  const edit = time(() => analyzeSource(edited, file), runs);
  const found = analyzeSource(text, file).models.length;
  rows.push({ lines: text.split('\n').length, models: found, cold, edit, mem: peakMemory(file) });
}

const f1 = (x) => x.toFixed(1).padStart(8);
console.log('\nkeras-lens analysis time (ms; median / p95) and peak memory of a fresh process (MiB)');
console.log('  lines  models     cold med   cold p95   edit med   edit p95   peak MiB   ×time per doubling');
rows.forEach((r, i) => {
  const prev = rows[i - 1];
  const growth = prev ? (r.cold.median / prev.cold.median) ** (1 / Math.log2(r.lines / prev.lines)) : NaN;
  console.log(`${String(r.lines).padStart(7)} ${String(r.models).padStart(7)}   ${f1(r.cold.median)}   ${f1(r.cold.p95)}   ${f1(r.edit.median)}   ${f1(r.edit.p95)}   ${f1(r.mem)}   ${Number.isNaN(growth) ? '       -' : f1(growth)}`);
});

// VGG16 written out in full (test/corpus-hard), in-process.
const vgg = readFileSync(join(ROOT, 'test/corpus-hard/vgg16/model.py'), 'utf8');
analyzeSource(vgg, 'vgg16.py');
const vggT = time(() => analyzeSource(vgg, 'vgg16.py'), 21);
const mlp = TEMPLATES[0](0);
const mlpSrc = HEADER + mlp;
const mlpT = time(() => analyzeSource(mlpSrc, 'mlp.py'), 51);
console.log(`\nVGG16 (test/corpus-hard/vgg16): ${vggT.median.toFixed(2)} ms median, ${vggT.p95.toFixed(2)} ms p95 in-process`);
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
