// The order Keras lists a functional model's layers in, and which nodes belong to the model.
// Mirrors keras/src/ops/function.py map_graph: DFS discovery index, then depth, deepest first.
import type { LayerNode, LayerObject, Tensor } from './graph';

export interface FunctionalGraph {
  /** Layers in summary order. */
  readonly layers: LayerObject[];
  /** Nodes of this model (for "Connected to"). */
  readonly nodes: ReadonlySet<LayerNode>;
  /** Nodes grouped by depth (for the sequential-like test). */
  readonly nodesByDepth: Map<number, LayerNode[]>;
}

export function mapGraph(inputs: readonly Tensor[], outputs: readonly Tensor[]): FunctionalGraph {
  const finished = new Set<LayerNode>();
  const inProgress = new Set<LayerNode>();
  const order: LayerNode[] = [];
  const layerIndex = new Map<LayerObject, number>();
  const inputSet = new Set(inputs);

  // Depth-first with an explicit stack, not recursion: a chain of 10,000 layers is 10,000 deep.
  const stack: { t: Tensor; next: number }[] = [];
  const enter = (t: Tensor): void => {
    const node = t.node;
    if (finished.has(node) || inProgress.has(node)) return;
    if (!layerIndex.has(node.layer)) layerIndex.set(node.layer, layerIndex.size);
    inProgress.add(node);
    stack.push({ t, next: 0 });
  };
  for (const o of outputs) {
    enter(o);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const inputs = top.t.node.inputs;
      if (top.next < inputs.length && !inputSet.has(top.t)) {
        enter(inputs[top.next++]);
        continue;
      }
      stack.pop();
      finished.add(top.t.node);
      inProgress.delete(top.t.node);
      order.push(top.t.node);
    }
  }

  const nodeDepth = new Map<LayerNode, number>();
  const layerDepth = new Map<LayerObject, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    let depth = nodeDepth.get(node) ?? 0;
    depth = Math.max(depth, layerDepth.get(node.layer) ?? 0);
    layerDepth.set(node.layer, depth);
    nodeDepth.set(node, depth);
    if (node.inputs.length === 0) continue;
    for (const x of node.inputs) {
      const parent = x.node;
      nodeDepth.set(parent, Math.max(depth + 1, nodeDepth.get(parent) ?? 0));
    }
  }
  for (const t of inputs) {
    const layer = t.node.layer;
    if (!layerDepth.has(layer)) {
      layerDepth.set(layer, 0);
      layerIndex.set(layer, -1);
      nodeDepth.set(t.node, 0);
    }
  }
  const nodesByDepth = new Map<number, LayerNode[]>();
  for (const [node, d] of nodeDepth) {
    if (!nodesByDepth.has(d)) nodesByDepth.set(d, []);
    nodesByDepth.get(d)!.push(node);
  }
  const layers = [...layerDepth.keys()].sort((a, b) =>
    (layerDepth.get(b)! - layerDepth.get(a)!) || (layerIndex.get(a)! - layerIndex.get(b)!));
  return { layers, nodes: new Set(nodeDepth.keys()), nodesByDepth };
}

/** keras/src/utils/summary_utils.py: one node per depth, one input tensor each, no layer used twice. */
export function isSequentialLike(g: FunctionalGraph): boolean {
  const nodes = new Set<LayerNode>();
  for (const v of g.nodesByDepth.values()) {
    if (v.length > 1 || (v.length === 1 && v[0].inputs.length > 1)) return false;
    v.forEach((n) => nodes.add(n));
  }
  for (const layer of g.layers) {
    if (layer.nodes.filter((n) => nodes.has(n)).length > 1) return false;
  }
  return true;
}
