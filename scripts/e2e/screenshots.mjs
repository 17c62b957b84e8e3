// npm run screenshots: regenerates the README's pictures in docs/ from the real extension in
// code-server (the "README screenshots" UI scenarios in test/e2e/readme-screenshots.e2e.ts, run by
// run.mjs --ui-only against the packaged .vsix), then lists them with their sizes.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './setup.mjs';

const docs = join(REPO, 'docs');
const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'e2e', 'run.mjs'), '--ui-only', '--grep', 'README screenshots'], {
  cwd: REPO,
  stdio: 'inherit',
  env: { ...process.env, KERAS_LENS_E2E_DOCS: docs },
});
if (r.status !== 0) {
  console.error('\nscreenshots: FAILED (see above)');
  process.exit(r.status ?? 1);
}
console.log('\nscreenshots in docs/:');
for (const f of readdirSync(docs).filter((f) => f.endsWith('.png')).sort()) console.log(`  docs/${f}  ${(statSync(join(docs, f)).size / 1024).toFixed(0)} KiB`);
