// Test helper: analyse a Python snippet in-process and pick out models and rows.
import { analyzeSource, initEngine, type AnalysisOptions } from '../../../src/analysis/engine';
import type { FileSummary, LayerSummary, ModelSummaryEntry } from '../../../src/analysis/summary/types';

export const ready = initEngine();

export function analyze(src: string, opts: Partial<AnalysisOptions> = {}): FileSummary {
  return analyzeSource(src, 'test.py', { kerasVersion: 'auto', dataFormat: 'channels_last', ...opts });
}

export function model(f: FileSummary, variable: string): ModelSummaryEntry {
  const m = f.models.find((x) => x.variable === variable);
  if (!m) throw new Error(`no model bound to ${variable}; got ${f.models.map((x) => x.variable).join(', ')}`);
  return m;
}

/** [type, shape, params] per row: compact to compare with hand-worked figures. */
export function rows(m: ModelSummaryEntry): [string, unknown, number | null][] {
  return m.layers.map((l: LayerSummary) => [l.type, l.outputShape, l.params]);
}

export function totals(m: ModelSummaryEntry): [number | null, number | null, number | null] {
  return [m.totalParams, m.trainableParams, m.nonTrainableParams];
}
