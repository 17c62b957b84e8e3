// Bundles the VS Code test suites with esbuild:
//   test/integration/index.ts and test/integration/*.itest.ts -> dist/test/integration/   (run in the extension host; vscode, mocha external)
//   test/e2e/vscode-ui.ts and test/e2e/*.e2e.ts                 -> dist/test/e2e/           (run in Node by scripts/e2e/ui.mjs; playwright-core, mocha external)
// The test files are named *.itest.ts / *.e2e.ts, not *.test.ts, so `npm test` (node --test over out/**/*.test.js) leaves them alone.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const list = (dir, suffix) => readdirSync(join(repo, dir)).filter((f) => f.endsWith(suffix)).sort().map((f) => join(repo, dir, f));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', absWorkingDir: repo };

rmSync(join(repo, 'dist', 'test'), { recursive: true, force: true });
const t0 = Date.now();
await Promise.all([
  build({
    ...common,
    entryPoints: [join(repo, 'test/integration/index.ts'), ...list('test/integration', '.itest.ts')],
    outdir: join(repo, 'dist/test/integration'),
    external: ['vscode', 'mocha'],
  }),
  build({
    ...common,
    // vscode-ui is its own file, shared by all scenarios (one browser), not copied into each bundle.
    entryPoints: [join(repo, 'test/e2e/vscode-ui.ts'), ...list('test/e2e', '.e2e.ts')],
    outdir: join(repo, 'dist/test/e2e'),
    external: ['playwright-core', 'mocha', './vscode-ui'],
  }),
]);
console.log(`[e2e] built dist/test/integration and dist/test/e2e in ${Date.now() - t0} ms`);
