// Turns the recorded models into ModelSummary entries: rows in Keras order, counts, explanations.
import type { LayerNode, LayerObject, Tensor } from './graph';
import type { FunctionalModel, ModelObject, SequentialModel, SubclassedModel } from './models';
import { mapGraph, isSequentialLike } from './functionalOrder';
import { countWeights, paramsExplanation, weightBreakdown, type WeightCounts } from './explain';
import type { Shape } from './shape';
import type { LayerSummary, ModelSummaryEntry, SummaryShape } from '../summary/types';
import { commas } from './layers/util';
import { shapeToText } from '../summary/shapes';

interface Counts { total: number | null; trainable: number | null; nonTrainable: number | null; reason?: string }

/** The layers a model lists: Sequential's layers, a functional graph's operations, a subclass's tracked layers. */
function modelRows(m: ModelObject): readonly LayerObject[] {
  if (m.kind === 'sequential') return m.layers;
  if (m.kind === 'subclassed') return m.asLayer.custom?.sublayers ?? [];
  return mapGraph(m.inputs, m.outputs).layers;
}

/** A custom layer or nested model: what its count is made of (`d1 72 + d2 72 = 144`). */
function compositeExplanation(l: LayerObject, frozen: boolean, total: number): string {
  const parts: string[] = [];
  if (l.custom) {
    for (const w of l.custom.weights) parts.push(`${w.name} ${commas(w.shape.reduce((a, b) => a * b, 1))}`);
    for (const sub of l.custom.sublayers) {
      const c = layerCounts(sub, frozen);
      if (c.total) parts.push(`${sub.name} ${commas(c.total)}`);
    }
  } else if (l.model) {
    return `the weights of model ${l.model.name}: ${commas(total)}`;
  }
  return parts.length > 1 ? `${parts.join(' + ')} = ${commas(total)}` : parts.length === 1 ? `${parts[0]}` : '';
}

/** A layer that was never built has no weights yet: Keras counts 0 for it (and shows `0 (unbuilt)`). */
function neverBuilt(l: LayerObject): boolean {
  if (l.custom) return !l.custom.built;
  return l.weights === null && l.nodes.length === 0 && !l.traceOutputs && !l.error && !l.model;
}

/** Sums the weights of layers (nested models and custom layers' sublayers included), each layer once. */
class WeightTally {
  total = 0;
  trainable = 0;
  nonTrainable = 0;
  /** Why the trainable / non-trainable split is not certain (a flag set on some ways only), if it is not. */
  private splitReason: string | undefined;
  private readonly seen = new Set<LayerObject>();

  /** A trainable flag that is not certain matters unless an enclosing model freezes everything anyway. */
  private flag(owner: { name: string; trainableUncertain?: string }, frozen: boolean): void {
    if (owner.trainableUncertain && !frozen) this.splitReason ??= `${owner.name}: ${owner.trainableUncertain}`;
  }

  /** Adds a layer's weights; returns why they are unknown, if they are. */
  layer(l: LayerObject, frozen: boolean, skipUnbuilt: boolean): string | undefined {
    if (this.seen.has(l)) return undefined;
    this.seen.add(l);
    if (l.uncertain) return `${l.name}: ${l.uncertain}`;
    this.flag(l, frozen);
    if (l.model && l.model.kind !== 'subclassed') return this.model(l.model, frozen || !l.trainable || !l.model.trainable, false);
    if (l.className === 'InputLayer') return undefined;
    if (skipUnbuilt && neverBuilt(l)) return undefined;
    if (l.custom) {
      if (!l.custom.built) return undefined;
      if (l.unknownReason && !l.nodes.length && !l.traceOutputs) return `${l.name}: ${l.unknownReason}`;
      this.add(countWeights(l.custom.weights, l.trainable && !frozen));
      for (const sub of l.custom.sublayers) {
        const r = this.layer(sub, frozen || !l.trainable, true);
        if (r) return r;
      }
      return undefined;
    }
    if (!l.weights) return `${l.name}: ${l.error ? `Keras raises: ${l.error}` : l.unknownReason ?? 'the layer was never called on a tensor'}`;
    return this.add(countWeights(l.weights, l.trainable && !frozen));
  }

  model(m: ModelObject, frozen: boolean, skipUnbuilt: boolean): string | undefined {
    // A nested model whose own figures are not certain makes its row (and the totals) not certain either.
    if (m.tainted) return `${m.name}: ${m.tainted}`;
    this.flag(m, frozen);
    if (m.kind === 'subclassed') return this.layer(m.asLayer, frozen || !m.trainable, true);
    // An unbuilt Sequential counts only the layers that were built elsewhere.
    const skip = skipUnbuilt || (m.kind === 'sequential' && !m.built);
    for (const l of modelRows(m)) {
      const r = this.layer(l, frozen || !m.trainable, skip);
      if (r) return r;
    }
    return undefined;
  }

  private add(c: WeightCounts): string | undefined {
    if (c.total === null || c.trainable === null || c.nonTrainable === null) return 'a count too large to represent exactly';
    this.total += c.total;
    this.trainable += c.trainable;
    this.nonTrainable += c.nonTrainable;
    return undefined;
  }

  counts(reason: string | undefined): Counts {
    if (reason) return { total: null, trainable: null, nonTrainable: null, reason };
    if (this.splitReason) return { total: this.total, trainable: null, nonTrainable: null, reason: this.splitReason };
    return { total: this.total, trainable: this.trainable, nonTrainable: this.nonTrainable };
  }
}

/** Counts for one row: a layer's own weights, a custom layer's with its sublayers', or a nested model's total. */
function layerCounts(l: LayerObject, frozen: boolean): Counts {
  const t = new WeightTally();
  return t.counts(t.layer(l, frozen, false));
}

function modelCounts(m: ModelObject, frozen = false): Counts {
  const t = new WeightTally();
  return t.counts(m.tainted ?? t.model(m, frozen, false));
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
  const ins = node.inputs.map((t) => (t.shape ? shapeToText(t.shape) : '?')).join(', ');
  const outs = node.outputs.map((t) => (t.shape ? shapeToText(t.shape) : '?')).join(', ');
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
    ? paramsExplanation(weights, l.firstBuild?.formula, c.total)
    : c.total !== null && c.total > 0 ? compositeExplanation(l, frozen, c.total) : '';
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
    ...(l.callSites ? { callSites: l.callSites } : {}),
    ...(l.model ? { nested: summarizeModel(l.model).layers } : {}),
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

/** A keras.Model subclass: its tracked layers, with the shapes they were built for (custom layers show `?`, as Keras does). */
function summarizeSubclassed(m: SubclassedModel): ModelSummaryEntry {
  const layers = (m.asLayer.custom?.sublayers ?? []).map((l) => {
    const r = row(l, undefined, null, !neverBuilt(l), !m.trainable);
    if (l.nodes.length > 0 || l.custom || !l.traceOutputs) return l.custom && l.nodes.length === 0 ? { ...r, outputShape: null } : r;
    const outs = l.traceOutputs;
    const shape = outs.some((x) => x === null) ? null : outs.length === 1 ? [...(outs[0] as Shape)] : outs.map((x) => [...(x as Shape)]);
    return { ...r, outputShape: shape };
  });
  const c = modelCounts(m);
  return {
    name: m.name, variable: m.variable, kind: 'subclassed', range: m.site, layers,
    totalParams: c.total, trainableParams: c.trainable, nonTrainableParams: c.nonTrainable,
    sequentialLike: true, built: !neverBuilt(m.asLayer), unknownReason: c.reason,
  };
}

export function summarizeModel(m: ModelObject): ModelSummaryEntry {
  if (m.kind === 'subclassed') return summarizeSubclassed(m);
  return m.kind === 'sequential' ? summarizeSequential(m) : summarizeFunctional(m);
}

