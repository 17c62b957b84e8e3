// Turns the recorded models into ModelSummary entries: rows in Keras order, counts, explanations.
import type { LayerNode, LayerObject, Tensor } from './graph';
import type { FunctionalModel, ModelObject, SequentialModel } from './models';
import { mapGraph, isSequentialLike } from './functionalOrder';
import { countWeights, paramsExplanation, weightBreakdown } from './explain';
import type { Shape } from './shape';
import type { LayerSummary, ModelSummaryEntry, SummaryShape } from '../summary/types';
import { shapeText } from './layers/util';

interface Counts { total: number | null; trainable: number | null; nonTrainable: number | null; reason?: string }

/** Every layer whose weights a model owns, nested models flattened, each once. */
function ownedLayers(m: ModelObject, seen = new Set<number>()): LayerObject[] {
  const out: LayerObject[] = [];
  const rows = m.kind === 'sequential' ? m.layers : mapGraph(m.inputs, m.outputs).layers;
  for (const l of rows) {
    if (l.model) {
      if (seen.has(l.model.id)) continue;
      seen.add(l.model.id);
      out.push(...ownedLayers(l.model, seen).filter((x) => !out.includes(x)));
    } else if (!out.includes(l)) {
      out.push(l);
    }
  }
  return out;
}

/** Counts for one row: a layer's own weights, or a nested model's total. */
function layerCounts(l: LayerObject, frozen: boolean): Counts {
  if (l.model) return modelCounts(l.model, frozen || !l.trainable);
  if (l.className === 'InputLayer') return { total: 0, trainable: 0, nonTrainable: 0 };
  if (!l.weights) return { total: null, trainable: null, nonTrainable: null, reason: l.error ? `Keras raises: ${l.error}` : l.unknownReason ?? 'the layer was never called on a tensor' };
  return countWeights(l.weights, l.trainable && !frozen);
}

function modelCounts(m: ModelObject, frozen = false): Counts {
  let total = 0;
  let trainable = 0;
  let nonTrainable = 0;
  const seen = new Set<LayerObject>();
  const walk = (mm: ModelObject, fz: boolean): string | undefined => {
    const rows = mm.kind === 'sequential' ? mm.layers : mapGraph(mm.inputs, mm.outputs).layers;
    for (const l of rows) {
      if (seen.has(l)) continue;
      seen.add(l);
      if (l.model) {
        const r = walk(l.model, fz || !l.trainable || !l.model.trainable);
        if (r) return r;
        continue;
      }
      // An unbuilt Sequential counts only the layers that were built elsewhere.
      if (mm.kind === 'sequential' && !mm.built && l.nodes.length === 0) continue;
      const c = layerCounts(l, fz || !mm.trainable);
      if (c.total === null || c.trainable === null || c.nonTrainable === null) return `${l.name}: ${c.reason ?? 'unknown'}`;
      total += c.total;
      trainable += c.trainable;
      nonTrainable += c.nonTrainable;
    }
    return undefined;
  };
  const reason = m.tainted ?? walk(m, frozen || !m.trainable);
  if (reason) return { total: null, trainable: null, nonTrainable: null, reason };
  return { total, trainable, nonTrainable };
}

function summaryShape(s: Shape | null): SummaryShape | null {
  return s ? [...s] : null;
}

function nodeShapes(outs: readonly Tensor[] | undefined, multi: boolean): SummaryShape | SummaryShape[] | null {
  if (!outs || outs.length === 0) return null;
  if (outs.some((t) => t.shape === null)) return null;
  if (outs.length === 1 && !multi) return summaryShape(outs[0].shape);
  return outs.map((t) => [...(t.shape as Shape)]);
}

function shapeExplanation(l: LayerObject, node: LayerNode | undefined): string {
  if (!node) return '';
  if (l.className === 'InputLayer') return 'the declared input shape, with the batch dimension first';
  const ins = node.inputs.map((t) => (t.shape ? shapeText(t.shape) : '?')).join(', ');
  const outs = node.outputs.map((t) => (t.shape ? shapeText(t.shape) : '?')).join(', ');
  const how = node.build?.shapeExplanation ?? (l.firstBuild === node.build ? l.firstBuild?.shapeExplanation : undefined);
  return `${ins} → ${outs}${how ? `: ${how}` : ''}`;
}

function row(l: LayerObject, node: LayerNode | undefined, nodesInModel: ReadonlySet<LayerNode> | null, modelBuilt: boolean, frozen: boolean): LayerSummary {
  // A layer of an unbuilt Sequential may still have been built by a call elsewhere.
  const built = modelBuilt || l.nodes.length > 0;
  const c: Counts = built || l.def?.builtAtConstruction ? layerCounts(l, frozen) : { total: null, trainable: null, nonTrainable: null };
  const unbuilt = !built && !l.def?.builtAtConstruction;
  const zero = !built && l.def?.builtAtConstruction;
  const nodes = nodesInModel ? l.nodes.filter((n) => nodesInModel.has(n)) : node ? [node] : [];
  const connectedTo: string[] = [];
  const inbound: string[] = [];
  for (const n of nodes) {
    for (const t of n.inputs) {
      connectedTo.push(`${t.node.layer.name}[${t.node.index}][${t.index}]`);
      if (!inbound.includes(t.node.layer.name)) inbound.push(t.node.layer.name);
    }
  }
  const weights = l.weights ?? [];
  const trainableFlag = l.trainable && !frozen;
  const explanation = c.total !== null && weights.length > 0
    ? paramsExplanation(weights, l.firstBuild?.formula, c.total) : '';
  const notes = [...(l.firstBuild?.notes ?? [])];
  if (weights.length > 0 && !trainableFlag) notes.push(`${l.name} is frozen (trainable=False): all its weights count as non-trainable`);
  const last = l.nodes[l.nodes.length - 1];
  const shown = built ? (last ?? node) : undefined;
  return {
    name: l.name,
    type: l.className,
    range: l.site,
    outputShape: l.className === 'InputLayer' && !shown ? summaryShape(l.inputShape ?? null) : nodeShapes(shown?.outputs, shown?.multiOutput ?? false),
    params: zero ? 0 : c.total,
    trainableParams: zero ? 0 : c.trainable,
    nonTrainableParams: zero ? 0 : c.nonTrainable,
    unbuilt,
    weights: weights.map((w) => ({ name: w.name, shape: [...w.shape], trainable: w.trainable && trainableFlag })),
    paramsExplanation: explanation + (notes.length > 0 && explanation ? `; ${notes.join('; ')}` : ''),
    shapeExplanation: shapeExplanation(l, shown),
    unknownReason: unbuilt ? 'the model is not built: give the first layer an input shape, start with keras.Input(...), or call model.build(...)' : c.reason,
    connectedTo,
    inbound,
    inputShapes: (shown?.inputs ?? []).map((t) => summaryShape(t.shape)),
    ...(weights.length > 0 ? { weightsExplanation: weightBreakdown(weights, trainableFlag) } : {}),
  };
}

function summarizeSequential(m: SequentialModel): ModelSummaryEntry {
  const layers = m.layers.map((l) => {
    const outs = m.outputs.get(l);
    return row(l, outs?.[0]?.node, null, m.built, !m.trainable);
  });
  const c = modelCounts(m);
  return {
    name: m.name, variable: m.variable, kind: 'sequential', range: m.site, layers,
    totalParams: c.total, trainableParams: c.trainable, nonTrainableParams: c.nonTrainable,
    sequentialLike: true, built: m.built, unknownReason: c.reason,
  };
}

function summarizeFunctional(m: FunctionalModel): ModelSummaryEntry {
  const g = mapGraph(m.inputs, m.outputs);
  const layers = g.layers.map((l) => {
    const mine = l.nodes.filter((n) => g.nodes.has(n));
    return row(l, mine[mine.length - 1], g.nodes, true, !m.trainable);
  });
  const c = modelCounts(m);
  return {
    name: m.name, variable: m.variable, kind: 'functional', range: m.site, layers,
    totalParams: c.total, trainableParams: c.trainable, nonTrainableParams: c.nonTrainable,
    sequentialLike: isSequentialLike(g), built: true, unknownReason: c.reason,
  };
}

export function summarizeModel(m: ModelObject): ModelSummaryEntry {
  return m.kind === 'sequential' ? summarizeSequential(m) : summarizeFunctional(m);
}

export { ownedLayers };
