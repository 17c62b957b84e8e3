// Runs the built CLI (dist/cli.js) as a child process, the way CI and other tools use it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest directory above this file holding package.json and scripts/. */
export const ROOT: string = (() => {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scripts'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${__dirname}`);
    dir = up;
  }
})();

export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function runCli(args: readonly string[], opts: { input?: string; cwd?: string } = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t0 };
}

// The parts of the `--format json` contract the tests read (field names from issue 2).
export interface JsonPos { line: number; character: number }
export interface JsonRange { start: JsonPos; end: JsonPos }
export type JsonShape = (number | null)[];
export interface JsonLayer {
  name: string;
  type: string;
  range: JsonRange;
  outputShape: JsonShape | JsonShape[] | null;
  params: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
  paramsExplanation: string;
  shapeExplanation: string;
  inbound: string[];
}
export interface JsonModel {
  name: string;
  variable: string;
  kind: string;
  range: JsonRange;
  layers: JsonLayer[];
  totalParams: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
}
export interface JsonDiagnostic { range: JsonRange; severity: 'error' | 'warning' | 'info'; message: string }
export interface JsonFile { file: string; models: JsonModel[]; diagnostics: JsonDiagnostic[] }
export interface JsonOutput { files: JsonFile[] }

/** Runs `summary --format json` over `files` (paths relative to ROOT) and parses the output. */
export function summarizeJson(files: readonly string[], extra: readonly string[] = []): { json: JsonOutput; result: CliResult } {
  const result = runCli(['summary', ...files, '--format', 'json', ...extra]);
  if (result.status !== 0) {
    throw new Error(`keras-lens exited with ${result.status}: ${result.stderr.slice(0, 2000)}`);
  }
  return { json: JSON.parse(result.stdout) as JsonOutput, result };
}
