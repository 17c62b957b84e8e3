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

  // Depth-first from each output, with an explicit stack: a chain of thousands of layers must not overflow the call stack.
  const visit = (root: Tensor): void => {
    const stack: { node: LayerNode; inputs: readonly Tensor[]; next: number }[] = [];
    const enter = (t: Tensor): void => {
      const node = t.node;
      if (finished.has(node) || inProgress.has(node)) return;
      if (!layerIndex.has(node.layer)) layerIndex.set(node.layer, layerIndex.size);
      inProgress.add(node);
      stack.push({ node, inputs: node.inputs.length > 0 && !inputSet.has(t) ? node.inputs : [], next: 0 });
    };
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.inputs.length) {
        enter(top.inputs[top.next++]);
        continue;
      }
      stack.pop();
      finished.add(top.node);
      inProgress.delete(top.node);
      order.push(top.node);
    }
  };
  for (const o of outputs) visit(o);

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

/**
 * The first output that cannot be computed from the inputs (-1 if all can): Keras walks the graph from the
 * given inputs only, so an Input that is not among them (another model's, say) leaves what follows it
 * unreachable (keras/src/ops/function.py: "Output with path … is not connected to `inputs`").
 */
export function disconnectedOutput(inputs: readonly Tensor[], outputs: readonly Tensor[]): number {
  const known = new Map<Tensor, boolean>(inputs.map((t) => [t, true]));
  const computable = (root: Tensor): boolean => {
    const stack: Tensor[] = [root];
    while (stack.length > 0) {
      const t = stack[stack.length - 1];
      if (known.has(t)) { stack.pop(); continue; }
      const ins = t.node.inputs;
      if (ins.length === 0) { known.set(t, false); stack.pop(); continue; }
      const pending = ins.filter((x) => !known.has(x));
      if (pending.length > 0) { stack.push(...pending); continue; }
      known.set(t, ins.every((x) => known.get(x)));
      stack.pop();
    }
    return known.get(root) ?? false;
  };
  return outputs.findIndex((t) => !computable(t));
}
