// Keras 3 operations on symbolic tensors (`x + y`, `x * 2`, `-x`): summary rows with 0 params (keras/src/ops/numpy.py).
import { KerasError } from './errors';
import type { LayerDef } from './layerDef';
import type { Dim, Shape } from './shape';
import { shapeText } from './layers/util';

/** numpy broadcasting over whole shapes, batch included; None matches anything. */
function broadcastFull(a: Shape, b: Shape): Dim[] {
  const n = Math.max(a.length, b.length);
  const out: Dim[] = [];
  for (let i = 0; i < n; i++) {
    const ia = a.length - n + i;
    const ib = b.length - n + i;
    const x = ia >= 0 ? a[ia] : 1;
    const y = ib >= 0 ? b[ib] : 1;
    if (x === 1) out.push(y);
    else if (y === 1) out.push(x);
    else if (x === null || y === null) out.push(x === null ? y : x);
    else if (x !== y) throw new KerasError(`Cannot broadcast shapes ${shapeText(a)} and ${shapeText(b)}`);
    else out.push(x);
  }
  return out;
}

function elementwiseOp(className: string): LayerDef {
  return {
    className,
    signature: [],
    build(call) {
      const xs = call.inputList();
      let out: Shape = xs[0];
      for (const s of xs.slice(1)) out = broadcastFull(out, s);
      return { outputs: [out], weights: [], shapeExplanation: xs.length > 1 ? 'the operands broadcast against each other' : 'elementwise, same shape' };
    },
  };
}

/** Python operator → Keras 3 operation class. */
export const BINARY_OPS: Readonly<Record<string, string>> = {
  '+': 'Add', '-': 'Subtract', '*': 'Multiply', '/': 'TrueDivide', '//': 'FloorDivide', '**': 'Power', '%': 'Mod', '@': 'Matmul',
};

/** ops.any(x, axis=-1): the last axis reduced away. */
const anyLastAxis: LayerDef = {
  className: 'Any',
  signature: [],
  build(call) {
    const [x] = call.inputList();
    return { outputs: [x.slice(0, -1)], weights: [], shapeExplanation: 'reduced over the last axis' };
  },
};

/** ops.expand_dims(x, axis=-1). */
const expandLast: LayerDef = {
  className: 'ExpandDims',
  signature: [],
  build(call) {
    const [x] = call.inputList();
    return { outputs: [[...x, 1]], weights: [] };
  },
};

const DEFS = new Map<string, LayerDef>(
  [...['Add', 'Subtract', 'Multiply', 'TrueDivide', 'FloorDivide', 'Power', 'Mod', 'Negative', 'Absolute', 'NotEqual',
    'LogicalOr', 'ZerosLike', 'OnesLike', 'Cast', 'Sqrt', 'Exp', 'Log', 'Square', 'Relu', 'Sigmoid', 'Tanh', 'Maximum', 'Minimum']
    .map((c): [string, LayerDef] => [c, elementwiseOp(c)]),
  ['Any', anyLastAxis], ['ExpandDims', expandLast]],
);

export function operationDef(className: string): LayerDef | undefined {
  return DEFS.get(className);
}
