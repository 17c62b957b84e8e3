// What the inline annotation of each line says: pure, no `vscode`, so it is unit-tested like the engine.
import type { FileSummary, LayerSummary, ModelSummaryEntry, SummaryShape } from '../analysis/summary/types';
import { formatCount, shapeToText } from '../analysis/summary/format';

export type InlineContent = 'both' | 'params' | 'shape';

export interface LineFigure {
  readonly line: number;
  /** Where the annotated call ends on that line (the annotation goes after the line's text). */
  readonly text: string;
  /** Parameters on the line (the largest, for several layers), for colour thresholds; null if unknown. */
  readonly params: number | null;
  /** The rows behind this annotation. */
  readonly layers: readonly LayerSummary[];
  readonly model: ModelSummaryEntry;
}

export function outputShapeText(s: LayerSummary['outputShape']): string {
  if (s === null) return '?';
  if (s.length > 0 && Array.isArray(s[0])) return `[${(s as readonly SummaryShape[]).map((x) => shapeToText(x)).join(', ')}]`;
  return shapeToText(s as SummaryShape);
}

function paramsText(n: number | null, unbuilt: boolean): string {
  if (unbuilt) return '? params (unbuilt)';
  if (n === null) return '? params';
  return `${formatCount(n)} param${n === 1 ? '' : 's'}`;
}

/** `7,850 params · (None, 10)`; `(None, 784)` for a weightless layer; `?` where unknown. */
export function layerText(l: LayerSummary, content: InlineContent): string {
  const shape = outputShapeText(l.outputShape);
  const weightless = l.params === 0 && !l.unbuilt;
  if (content === 'shape') return shape;
  if (content === 'params') return weightless ? '0 params' : paramsText(l.params, l.unbuilt);
  return weightless ? shape : `${paramsText(l.params, l.unbuilt)} · ${shape}`;
}

/** What an inline annotation needs, without the rows behind it: made in the analysis worker, it crosses to the editor small. */
export interface InlineFigure {
  readonly line: number;
  readonly text: string;
  readonly params: number | null;
}

/** The annotations of every model, for one content setting. */
export interface InlineFigures {
  readonly content: InlineContent;
  readonly list: readonly InlineFigure[];
}

export function inlineFigures(file: FileSummary, content: InlineContent): InlineFigures {
  return { content, list: lineFigures(file, content).map(({ line, text, params }) => ({ line, text, params })) };
}

/** One annotation per line that creates layers; several layers on one line are summed up as `×N`. */
export function lineFigures(file: FileSummary, content: InlineContent, onlyModel?: ModelSummaryEntry): LineFigure[] {
  const byLine = new Map<number, { layers: LayerSummary[]; model: ModelSummaryEntry; seen: Set<string> }>();
  for (const m of onlyModel ? [onlyModel] : file.models) {
    for (const l of m.layers) {
      const line = l.range.start.line;
      const key = `${l.name}@${l.range.start.character}`;
      let entry = byLine.get(line);
      if (!entry) byLine.set(line, (entry = { layers: [], model: m, seen: new Set() }));
      if (entry.seen.has(key)) continue;
      entry.seen.add(key);
      entry.layers.push(l);
    }
  }
  const out: LineFigure[] = [];
  for (const [line, { layers, model }] of byLine) {
    out.push({ line, text: lineText(layers, content), params: maxParams(layers), layers, model });
  }
  // Lines that call a helper get what that call adds (the layers created while it ran).
  for (const [line, calls] of callSiteGroups(file, onlyModel)) {
    if (byLine.has(line)) continue;
    const instances = [...calls.values()];
    const all = instances.flatMap((i) => i.layers);
    out.push({ line, text: callText(instances, content), params: sumParams(all), layers: all, model: instances[0].model });
  }
  return out.sort((a, b) => a.line - b.line);
}

interface CallInstance {
  readonly layers: LayerSummary[];
  readonly model: ModelSummaryEntry;
}

/** For each call-site line, the layers each execution of that call created (deduplicated across models). */
function callSiteGroups(file: FileSummary, onlyModel?: ModelSummaryEntry): Map<number, Map<number, CallInstance>> {
  const groups = new Map<number, Map<number, CallInstance>>();
  const seen = new Set<string>();
  for (const m of onlyModel ? [onlyModel] : file.models) {
    for (const l of m.layers) {
      const key = `${l.name}@${l.range.start.line}:${l.range.start.character}`;
      if (!l.callSites || seen.has(key)) continue;
      seen.add(key);
      for (const cs of l.callSites) {
        const line = cs.range.start.line;
        let byCall = groups.get(line);
        if (!byCall) groups.set(line, (byCall = new Map()));
        let inst = byCall.get(cs.id);
        if (!inst) byCall.set(cs.id, (inst = { layers: [], model: m }));
        inst.layers.push(l);
      }
    }
  }
  return groups;
}

function sumParams(layers: readonly LayerSummary[]): number | null {
  let total = 0;
  for (const l of layers) {
    if (l.params === null || l.unbuilt) return null;
    total += l.params;
  }
  return total;
}

/** `+70,016 params · (None, 14, 14, 256)` for one call; `×4 calls · 70,016–280,320 params` for several. */
function callText(instances: readonly CallInstance[], content: InlineContent): string {
  const lastShape = (i: CallInstance) => outputShapeText(i.layers[i.layers.length - 1].outputShape);
  const sums = instances.map((i) => sumParams(i.layers));
  const shapes = [...new Set(instances.map(lastShape))];
  const known = sums.every((x): x is number => x !== null);
  const shapePart = shapes.length === 1 ? shapes[0] : `${shapes.length} shapes`;
  if (instances.length === 1) {
    const p = sums[0] === null ? '+? params' : `+${formatCount(sums[0])} param${sums[0] === 1 ? '' : 's'}`;
    if (content === 'shape') return shapePart;
    if (content === 'params') return p;
    return sums[0] === 0 ? shapePart : `${p} · ${shapePart}`;
  }
  const lo = known ? Math.min(...(sums as number[])) : null;
  const hi = known ? Math.max(...(sums as number[])) : null;
  const range = lo === null ? '? params' : lo === hi ? `+${formatCount(lo)} params each` : `${formatCount(lo)}–${formatCount(hi!)} params`;
  if (content === 'shape') return `×${instances.length} calls · ${shapePart}`;
  if (content === 'params') return `×${instances.length} calls · ${range}`;
  return `×${instances.length} calls · ${range} · ${shapePart}`;
}

function maxParams(layers: readonly LayerSummary[]): number | null {
  let best: number | null = 0;
  for (const l of layers) {
    if (l.params === null) return null;
    best = Math.max(best ?? 0, l.params);
  }
  return best;
}

function lineText(layers: readonly LayerSummary[], content: InlineContent): string {
  if (layers.length === 1) return layerText(layers[0], content);
  const counts = layers.map((l) => l.params);
  const known = counts.every((c): c is number => c !== null);
  const lo = known ? Math.min(...counts) : null;
  const hi = known ? Math.max(...counts) : null;
  const shapes = [...new Set(layers.map((l) => outputShapeText(l.outputShape)))];
  const range = !known ? '? params' : lo === hi ? `${formatCount(lo!)} params each` : `${formatCount(lo!)}–${formatCount(hi!)} params`;
  const shapePart = shapes.length === 1 ? shapes[0] : `${shapes.length} shapes`;
  if (content === 'shape') return `×${layers.length} · ${shapePart}`;
  if (content === 'params') return `×${layers.length} · ${range}`;
  return hi === 0 ? `×${layers.length} · ${shapePart}` : `×${layers.length} · ${range} · ${shapePart}`;
}

/** The model the cursor is in: the one whose layer lines or creation span hold the line, else the nearest above. */
export function modelAtLine(file: FileSummary, line: number): ModelSummaryEntry | undefined {
  let best: ModelSummaryEntry | undefined;
  let bestSpan = Infinity;
  for (const m of file.models) {
    const lines = [m.range.start.line, m.range.end.line, ...m.layers.map((l) => l.range.start.line)];
    const lo = Math.min(...lines);
    const hi = Math.max(...lines);
    if (line >= lo && line <= hi && hi - lo < bestSpan) {
      best = m;
      bestSpan = hi - lo;
    }
  }
  if (best) return best;
  let above: ModelSummaryEntry | undefined;
  for (const m of file.models) if (m.range.start.line <= line && (!above || m.range.start.line >= above.range.start.line)) above = m;
  return above ?? file.models[0];
}
