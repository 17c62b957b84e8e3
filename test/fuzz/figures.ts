// Figures of a summary: sanity rules every reported model must keep, the name-free projection, and a readable diff.
import type { LayerSummary, ModelSummaryEntry, SummaryShape } from '../../src/analysis/summary/types';

const count = (n: number | null): boolean => n === null || (Number.isSafeInteger(n) && n >= 0);
/** total = trainable + non-trainable, when all three are known. */
const splits = (total: number | null, a: number | null, b: number | null): boolean => total === null || a === null || b === null || a + b === total;

function shapeProblems(s: LayerSummary['outputShape'], where: string): string[] {
  if (s === null) return [];
  const shapes = (s.length > 0 && Array.isArray(s[0]) ? s : [s]) as readonly SummaryShape[];
  const bad = shapes.flat().filter((d) => d !== null && !(Number.isSafeInteger(d) && d >= 0));
  return bad.length > 0 ? [`${where}: output shape ${JSON.stringify(s)} has a dimension that is not a whole number`] : [];
}

function layerProblems(l: LayerSummary, where: string): string[] {
  const out: string[] = [];
  const at = `${where} row ${l.name}`;
  if (![l.params, l.trainableParams, l.nonTrainableParams].every(count)) out.push(`${at}: a count is not a safe whole number (${l.params}, ${l.trainableParams}, ${l.nonTrainableParams})`);
  if (!splits(l.params, l.trainableParams, l.nonTrainableParams)) out.push(`${at}: trainable + non-trainable ≠ params`);
  if (l.weights.some((w) => w.shape.some((d) => !(Number.isSafeInteger(d) && d >= 0)))) out.push(`${at}: a weight shape is not whole numbers`);
  out.push(...shapeProblems(l.outputShape, at));
  for (const n of l.nested ?? []) out.push(...layerProblems(n, at));
  return out;
}

/**
 * What must hold for any model, mutated or not: counts are safe whole numbers or unknown, splits add up,
 * and a total is never shown as certain above a row whose count is unknown (unbuilt rows count 0, as in Keras).
 */
export function figureProblems(m: ModelSummaryEntry): string[] {
  const where = `model ${m.variable || m.name}`;
  const out: string[] = [];
  if (![m.totalParams, m.trainableParams, m.nonTrainableParams].every(count)) out.push(`${where}: a total is not a safe whole number (${m.totalParams})`);
  if (!splits(m.totalParams, m.trainableParams, m.nonTrainableParams)) out.push(`${where}: trainable + non-trainable ≠ total`);
  const unknownRow = m.layers.find((l) => l.params === null && !l.unbuilt);
  if (m.totalParams !== null && unknownRow) out.push(`${where}: total ${m.totalParams} shown as certain although row ${unknownRow.name} is ?`);
  for (const l of m.layers) out.push(...layerProblems(l, where));
  return out;
}

/**
 * The figures of a model that code run before it cannot legitimately change: kinds, shapes, counts, weights.
 * Left out: layer, model and weight names and the "Connected to" column (Keras numbers auto-names per file,
 * so an extra Dense above renames every Dense below; a wrapper's weights carry its layer's name),
 * explanations and reasons (they quote names), and ranges.
 */
export function nameFreeFigures(m: ModelSummaryEntry): unknown {
  const layer = (l: LayerSummary): unknown => ({
    type: l.type, outputShape: l.outputShape, params: l.params, trainable: l.trainableParams, nonTrainable: l.nonTrainableParams,
    unbuilt: l.unbuilt, weights: l.weights.map((w) => [w.shape, w.trainable]), inputShapes: l.inputShapes, nested: l.nested?.map(layer),
  });
  return {
    kind: m.kind, sequentialLike: m.sequentialLike, built: m.built,
    total: m.totalParams, trainable: m.trainableParams, nonTrainable: m.nonTrainableParams, layers: m.layers.map(layer),
  };
}

/** The first place two JSON-like values differ, as `path: a ≠ b`; undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path || '(value)'}: ${short(a)} ≠ ${short(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}
