// A unit's cached result moved to where its chunks are now: lines inserted or deleted above a chunk
// change no figure, only the positions in the result (every range lies in one of the unit's chunks).
import type { Diagnostic, LayerSummary, ModelSummaryEntry, Range } from '../summary/types';
import type { ItemOutcome, UnitResult } from './runner';

/** Where each of a unit's chunks (its items and dependencies, in file order) was, and is now. */
export interface ChunkMove {
  readonly from: number;
  readonly to: number;
  /** Lines the chunk's text spans (its nodes start on rows from..from + lines - 1). */
  readonly lines: number;
}

/** The result with every range moved with its chunk; undefined if a range lies in none of them. */
export function moveResult(result: UnitResult, moves: readonly ChunkMove[]): UnitResult | undefined {
  const shift = (line: number): number | undefined => {
    for (const m of moves) if (line >= m.from && line < m.from + m.lines) return m.to - m.from;
    return undefined;
  };
  let lost = false;
  const range = (r: Range): Range => {
    const d = shift(r.start.line);
    if (d === undefined) { lost = true; return r; }
    return d === 0 ? r : { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
  };
  // Reasons name the line of a condition or loop (controlFlow.ts: `` `cond` (line N) ``); it lies in one of the chunks too.
  const text = <T extends string | undefined>(s: T): T => {
    if (s === undefined || !s.includes('` (line ')) return s;
    return s.replace(/` \(line (\d+)\)/g, (all, n: string) => {
      const d = shift(Number(n) - 1);
      if (d === undefined) { lost = true; return all; }
      return `\` (line ${Number(n) + d})`;
    }) as T;
  };
  const diagnostic = (x: Diagnostic): Diagnostic => ({ ...x, range: range(x.range), message: text(x.message) });
  const layer = (l: LayerSummary): LayerSummary => ({
    ...l,
    range: range(l.range),
    paramsExplanation: text(l.paramsExplanation),
    shapeExplanation: text(l.shapeExplanation),
    ...(l.weightsExplanation !== undefined ? { weightsExplanation: text(l.weightsExplanation) } : {}),
    ...(l.unknownReason !== undefined ? { unknownReason: text(l.unknownReason) } : {}),
    ...(l.callSites ? { callSites: l.callSites.map((c) => ({ ...c, range: range(c.range) })) } : {}),
    ...(l.nested ? { nested: l.nested.map(layer) } : {}),
  });
  const model = (m: ModelSummaryEntry): ModelSummaryEntry => ({
    ...m,
    range: range(m.range),
    layers: m.layers.map(layer),
    ...(m.unknownReason !== undefined ? { unknownReason: text(m.unknownReason) } : {}),
  });
  let changed = false;
  const outcomes = result.outcomes.map((o): ItemOutcome => {
    // Most chunks (definitions, constants) carry no position at all.
    if (o.models.length === 0 && o.diagnostics.length === 0 && o.sessionDiagnostics.length === 0) return o;
    changed = true;
    return { ...o, sessionDiagnostics: o.sessionDiagnostics.map(diagnostic), diagnostics: o.diagnostics.map(diagnostic), models: o.models.map(model) };
  });
  if (lost) return undefined;
  return changed ? { ...result, outcomes } : result;
}
