// A model called on new inputs: its output shapes for those input shapes, without recording nodes.
import type { LayerNode, LayerObject, Tensor } from './graph';
import { runDef } from './layerCall';
import type { ModelObject } from './models';
import { modelOutputShapes } from './models';
import type { Shape } from './shape';
import { shapesEqual } from './shape';
import type { KerasSession } from './session';

const MAX_DEPTH = 32;

/** Output shapes of `m` applied to inputs of these shapes; null if they cannot be worked out. */
export function reapplyModel(session: KerasSession, m: ModelObject, inputShapes: readonly (Shape | null)[], depth = 0): (Shape | null)[] | null {
  if (depth > MAX_DEPTH || m.kind === 'subclassed') return null;
  const original = m.kind === 'sequential' ? (m.input ? [m.input.shape] : []) : m.inputs.map((t) => t.shape);
  const same = original.length === inputShapes.length && original.every((s, i) => {
    const t = inputShapes[i];
    return s !== null && t !== null && shapesEqual(s, t);
  });
  if (same) return modelOutputShapes(m);
  if (m.kind === 'sequential') {
    let cur: (Shape | null)[] = [inputShapes[0] ?? null];
    for (const layer of m.layers) {
      const next = applyLayer(session, layer, cur, false, depth);
      if (!next) return null;
      cur = next;
    }
    return cur;
  }
  const memo = new Map<number, Shape | null>();
  m.inputs.forEach((t, i) => memo.set(t.id, inputShapes[i] ?? null));
  // Post-order with an explicit stack (a long chain must not overflow the call stack): inputs first, then the node.
  const evalTensor = (root: Tensor): Shape | null => {
    const stack: Tensor[] = [root];
    while (stack.length > 0) {
      const t = stack[stack.length - 1];
      if (memo.has(t.id)) { stack.pop(); continue; }
      const node = t.node;
      if (node.inputs.length === 0) { memo.set(t.id, t.shape); stack.pop(); continue; }
      const ruleInputs = node.inputs.slice(0, node.ruleInputs);
      const pending = ruleInputs.filter((x) => !memo.has(x.id));
      if (pending.length > 0) { stack.push(...pending.reverse()); continue; }
      stack.pop();
      const outs = applyLayer(session, node.layer, ruleInputs.map((x) => memo.get(x.id) ?? null), node.inputIsList, depth, node.callOptions);
      memo.set(t.id, outs ? outs[t.index] ?? null : null);
    }
    return memo.get(root.id) ?? null;
  };
  return m.outputs.map(evalTensor);
}

function applyLayer(session: KerasSession, layer: LayerObject, inputs: (Shape | null)[], isList: boolean, depth: number, callOptions?: LayerNode['callOptions']): (Shape | null)[] | null {
  if (layer.model) return reapplyModel(session, layer.model, inputs, depth + 1);
  if (!layer.def || layer.error) return null;
  try {
    return [...runDef(layer.def, layer.args, inputs, isList, session.opts, callOptions).outputs];
  } catch {
    return null;
  }
}
