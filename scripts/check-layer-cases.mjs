// Replays the layer unit tests' hand-worked cases under real Keras 3 (npm run build first):
//   node scripts/check-layer-cases.mjs [filter…] [-v]
// Each test/unit/layers file is run with KERAS_LENS_LAYER_CASES set, so its figures()/rejects() cases are written
// to out/layer-cases/<file>.jsonl; scripts/oracle/layer_cases.py then runs them all in one Keras process.
// Python: $KERAS_LENS_VENV/bin/python (default .venv-keras/, as scripts/keras-diff uses).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const filters = args.filter((a) => a !== '-v');
const dir = 'out/test/unit/layers';
const outDir = 'out/layer-cases';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const files = readdirSync(dir).filter((f) => f.endsWith('.test.js') && (filters.length === 0 || filters.some((x) => f.includes(x)))).sort();
const written = [];
for (const f of files) {
  const target = join(outDir, f.replace('.test.js', '.jsonl'));
  const r = spawnSync(process.execPath, ['--test', join(dir, f)], { env: { ...process.env, KERAS_LENS_LAYER_CASES: target }, stdio: ['ignore', 'ignore', 'inherit'] });
  // a failing test stops at its first failed assertion, so its later cases are never written
  if (r.status !== 0) console.error(`${f}: the unit tests fail; the cases before each failure are replayed, later ones are missing`);
  written.push(target);
}
const venv = process.env.KERAS_LENS_VENV ?? '.venv-keras';
const present = written.filter((p) => readdirSync(outDir).includes(p.slice(outDir.length + 1)));
const py = spawnSync(join(venv, 'bin', 'python'), ['scripts/oracle/layer_cases.py', ...present, ...(args.includes('-v') ? ['-v'] : [])], { stdio: 'inherit' });
process.exit(py.status ?? 1);
