// Compares the CLI's JSON for one corpus case with the figures real Keras printed (expected.json).
import type { JsonFile, JsonLayer, JsonModel, JsonShape } from '../support/cli';

export type PrintedBy = 'keras3' | 'keras2' | 'keras1';
type Shape = (number | null)[];

export interface ExpectedRow {
  name: string;
  type: string;
  output_shape: Shape | Shape[];
  params: number;
}

export interface ExpectedCheckpoint {
  layer_name: string;
  output_shape: Shape | Shape[];
  params: number;
}

export interface ExpectedModel {
  variable: string;
  layers?: ExpectedRow[];
  checkpoints?: ExpectedCheckpoint[];
  layers_count?: number;
  final_output_shape?: Shape | Shape[];
  total_params: number;
  trainable_params: number;
  non_trainable_params: number;
}

export interface ExpectedCase {
  printed_by?: PrintedBy;
  models: ExpectedModel[];
  error?: { line: number; message: string };
}

export interface CaseResult {
  /** Every difference found, in reading order; empty when the case matches exactly. */
  readonly diffs: string[];
  /** Layer rows (or checkpoints) compared. */
  readonly rows: number;
}

const show = (v: unknown): string => JSON.stringify(v);

function sameShape(a: unknown, b: unknown): boolean {
  return show(a) === show(b);
}

/** Keras 2 printed an InputLayer's shape as a one-element list: `[(None, 784)]`. Keras 3 prints it plain. */
function normaliseExpectedShape(row: ExpectedRow, printedBy: PrintedBy): Shape | Shape[] {
  const s = row.output_shape;
  if (row.type === 'InputLayer' && printedBy !== 'keras3' && s.length === 1 && Array.isArray(s[0])) return s[0];
  return s;
}

function totals(em: ExpectedModel, m: JsonModel, where: string, diffs: string[]): void {
  const pairs: [string, number, number | null][] = [
    ['total params', em.total_params, m.totalParams],
    ['trainable params', em.trainable_params, m.trainableParams],
    ['non-trainable params', em.non_trainable_params, m.nonTrainableParams],
  ];
  for (const [label, want, got] of pairs) {
    if (want !== got) diffs.push(`${where}: ${label} expected ${want}, got ${show(got)}`);
  }
}

function rowDiff(want: ExpectedRow, got: JsonLayer, printedBy: PrintedBy, where: string): string | undefined {
  if (want.type !== got.type) return `${where}: type expected ${want.type}, got ${got.type}`;
  const shape = normaliseExpectedShape(want, printedBy);
  if (!sameShape(shape, got.outputShape)) return `${where} (${want.type}): output shape expected ${show(shape)}, got ${show(got.outputShape)}`;
  if (want.params !== got.params) return `${where} (${want.type}): params expected ${want.params}, got ${show(got.params)}`;
  return undefined;
}

export function compareCase(expected: ExpectedCase, file: JsonFile | undefined): CaseResult {
  const diffs: string[] = [];
  let rows = 0;
  if (!file) return { diffs: ['no output for this file'], rows };
  const printedBy = expected.printed_by ?? 'keras3';
  for (const em of expected.models) {
    const found = file.models.filter((m) => m.variable === em.variable);
    if (found.length === 0) {
      const vars = file.models.map((m) => m.variable || '(unbound)');
      diffs.push(`model \`${em.variable}\` not reported (reported: ${vars.length ? vars.join(', ') : 'none'})`);
      continue;
    }
    // A variable rebound to another model: compare with the last one bound (what it holds at the end).
    const m = found[found.length - 1];
    const where = `\`${em.variable}\``;
    if (em.layers) {
      for (let i = 0; i < Math.min(em.layers.length, m.layers.length); i++) {
        rows++;
        const d = rowDiff(em.layers[i], m.layers[i], printedBy, `${where} row ${i + 1}`);
        if (d) diffs.push(d);
      }
      if (em.layers.length !== m.layers.length) {
        const extra = m.layers.length > em.layers.length
          ? `; first extra: ${m.layers[em.layers.length].type}`
          : `; first missing: ${em.layers[m.layers.length].type}`;
        diffs.push(`${where}: ${em.layers.length} rows expected, got ${m.layers.length}${extra}`);
      }
    }
    if (em.layers_count !== undefined && em.layers_count !== m.layers.length) {
      diffs.push(`${where}: ${em.layers_count} layers expected, got ${m.layers.length}`);
    }
    if (em.final_output_shape !== undefined) {
      const last = m.layers[m.layers.length - 1];
      if (!last || !sameShape(em.final_output_shape, last.outputShape)) {
        diffs.push(`${where}: final output shape expected ${show(em.final_output_shape)}, got ${show(last?.outputShape ?? null)}`);
      }
    }
    for (const cp of em.checkpoints ?? []) {
      rows++;
      const got = m.layers.find((l) => l.name === cp.layer_name);
      if (!got) {
        diffs.push(`${where}: layer \`${cp.layer_name}\` not found`);
      } else if (!sameShape(cp.output_shape, got.outputShape)) {
        diffs.push(`${where} layer ${cp.layer_name}: output shape expected ${show(cp.output_shape)}, got ${show(got.outputShape)}`);
      } else if (cp.params !== got.params) {
        diffs.push(`${where} layer ${cp.layer_name}: params expected ${cp.params}, got ${show(got.params)}`);
      }
    }
    totals(em, m, where, diffs);
  }
  if (expected.error) {
    const line0 = expected.error.line - 1; // expected.json counts lines from 1; the JSON contract from 0
    const hit = file.diagnostics.some((d) => d.severity === 'error' && d.range.start.line <= line0 && line0 <= d.range.end.line);
    if (!hit) {
      const errs = file.diagnostics.filter((d) => d.severity === 'error').map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
      diffs.push(`no error diagnostic on line ${expected.error.line} (Keras: ${expected.error.message}); errors reported: ${errs.length ? errs.join(' | ') : 'none'}`);
    }
  }
  return { diffs, rows };
}

export type { JsonShape };
