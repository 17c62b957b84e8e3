// Bundles the extension and the CLI with esbuild and copies the two tree-sitter .wasm files beside them.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');

// Type-check everything (src and test) and emit the test build into out/.
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

mkdirSync('dist', { recursive: true });
// web-tree-sitter's ESM build needs import.meta.url; bundle its CommonJS build instead.
const alias = { 'web-tree-sitter': require.resolve('web-tree-sitter') };
const common = { alias, bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The extension analyses in a worker thread, so a large file never blocks the editor.
  build({ ...common, entryPoints: ['src/editor/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  // The engine for the extension host, loaded only if the worker cannot start (workerClient.ts).
  build({ ...common, entryPoints: ['src/editor/inProcessEngine.ts'], outfile: 'dist/inProcessEngine.js' }),
]);
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), 'dist/tree-sitter-python.wasm');
chmodSync('dist/cli.js', 0o755);
if (watch) console.log('watch mode is not supported; run npm run build again');
