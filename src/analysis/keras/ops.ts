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

/** `x @ w` / ops.matmul: numpy's matmul (keras/src/ops/operation_utils.py compute_matmul_output_shape). */
const matmul: LayerDef = {
  className: 'Matmul',
  signature: [],
  build(call) {
    const [a, b] = call.inputList();
    // A 1-D operand is promoted to a matrix, and its temporary axis dropped from the result.
    const x = a.length === 1 ? [1, a[0]] : a;
    const y = b.length === 1 ? [b[0], 1] : b;
    const inner = x[x.length - 1];
    const rows = y[y.length - 2];
    if (inner !== null && rows !== null && inner !== rows) {
      throw new KerasError(`Inner dimensions (\`x1.shape[-1]\` and \`x2.shape[-2]\`) must be equal, but received \`x1.shape=${shapeText(x)}\` and \`x2.shape=${shapeText(y)}\``);
    }
    const out: Dim[] = [...broadcastFull(x.slice(0, -2), y.slice(0, -2)), x[x.length - 2], y[y.length - 1]];
    if (a.length === 1) out.splice(out.length - 2, 1);
    if (b.length === 1) out.splice(out.length - 1, 1);
    return { outputs: [out], weights: [], shapeExplanation: `(…, ${inner ?? 'None'}) @ (…, ${rows ?? 'None'}, ${y[y.length - 1] ?? 'None'}): the inner axis is summed over` };
  },
};

const DEFS = new Map<string, LayerDef>(
  [...['Add', 'Subtract', 'Multiply', 'TrueDivide', 'FloorDivide', 'Power', 'Mod', 'Negative', 'Absolute', 'NotEqual',
    'LogicalOr', 'ZerosLike', 'OnesLike', 'Cast', 'Sqrt', 'Exp', 'Log', 'Square', 'Relu', 'Sigmoid', 'Tanh', 'Maximum', 'Minimum']
    .map((c): [string, LayerDef] => [c, elementwiseOp(c)]),
  ['Any', anyLastAxis], ['ExpandDims', expandLast], ['Matmul', matmul]],
);

export function operationDef(className: string): LayerDef | undefined {
  return DEFS.get(className);
}
