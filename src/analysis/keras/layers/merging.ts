// Merge layers (keras/src/layers/merging): called on a list of tensors, no weights.
import type { LayerCall, LayerDef } from '../layerDef';
import { KerasError } from '../errors';
import type { Dim, Shape } from '../shape';
import { shapeText } from './util';

/** Python list repr of several shapes, for messages. */
const shapesText = (xs: readonly Shape[]) => `[${xs.map(shapeText).join(', ')}]`;

/** The input list, with Keras 1/2's "at least 2 inputs" rule (Keras 3 accepts 1). */
function inputsOf(call: LayerCall, exactly?: number): Shape[] {
  const xs = call.inputList();
  const cls = call.args.className;
  if (exactly !== undefined && xs.length !== exactly) {
    throw new KerasError(`A \`${cls}\` layer should be called on exactly ${exactly} inputs. Received: input_shape=${shapesText(xs)}`);
  }
  const min = call.version === 3 ? 1 : 2;
  if (xs.length < min) {
    throw new KerasError(`A merge layer should be called on a list of at least ${min} input${min > 1 ? 's' : ''}. Got ${xs.length} inputs.`);
  }
  return xs;
}

/** base_merge.py _compute_elemwise_op_output_shape: right-aligned broadcasting of the non-batch dims. */
function broadcast(a: readonly Dim[], b: readonly Dim[]): Dim[] {
  if (a.length < b.length) return broadcast(b, a);
  if (b.length === 0) return [...a];
  const out: Dim[] = a.slice(0, a.length - b.length);
  const tail = a.slice(a.length - b.length);
  tail.forEach((i, k) => {
    const j = b[k];
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1) out.push(i);
    else if (i !== j) throw new KerasError(`Inputs have incompatible shapes. Received shapes ${shapeText(a)} and ${shapeText(b)}`);
    else out.push(i);
  });
  return out;
}

function elementwise(className: string, exactly?: number): LayerDef {
  return {
    className,
    signature: [],
    takesList: true,
    build(call) {
      const xs = inputsOf(call, exactly);
      const batches = new Set(xs.map((s) => s[0]).filter((d) => d !== null));
      if (batches.size > 1) throw new KerasError(`Cannot merge tensors with different batch sizes. Received tensors with shapes ${shapesText(xs)}`);
      if (call.version === 1 && xs.some((s) => shapeText(s) !== shapeText(xs[0]))) {
        // Keras 1 Merge: elementwise modes need identical shapes (no broadcasting)
        throw new KerasError(`Only layers of same output shape can be merged using ${className.toLowerCase()} mode. Layer shapes: ${shapesText(xs)}`);
      }
      let out: Dim[] = xs[0].slice(1);
      for (const s of xs.slice(1)) out = broadcast(out, s.slice(1));
      const batch = batches.size === 1 ? [...batches][0] : null;
      return { outputs: [[batch, ...out]], weights: [] };
    },
  };
}

/** Python index into a shape: negative counts from the end. */
function pyIndex(axis: number, rank: number): number {
  return axis < 0 ? ((axis % rank) + rank) % rank : axis;
}

const concatenate: LayerDef = {
  className: 'Concatenate',
  signature: ['axis'],
  legacy: { positional: ['axis'], renames: { concat_axis: 'axis' } },
  takesList: true,
  build(call) {
    const xs = inputsOf(call);
    const axis = call.args.int('axis', -1);
    const err = () => new KerasError(`A \`Concatenate\` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=${shapesText(xs)}`);
    if (new Set(xs.map((s) => s.length)).size !== 1) throw err();
    const rank = xs[0].length;
    const a = pyIndex(axis, rank);
    if (a >= rank) throw new KerasError(`Concatenate: axis ${axis} is out of bounds for inputs of rank ${rank}`, 'axis');
    // concatenate.py build: non-axis dims must agree where known (None is a wildcard; Keras 1 is strict)
    for (let d = 0; d < rank; d++) {
      if (d === a) continue;
      const dims = xs.map((s) => s[d]);
      const known = new Set(dims.filter((v) => v !== null));
      if (known.size > 1 || (call.version === 1 && d > 0 && dims.some((v) => v !== dims[0]))) throw err();
    }
    // compute_output_shape: the first input's shape, axis dim summed (None if any None)
    const out: Dim[] = [...xs[0]];
    out[a] = xs.some((s) => s[a] === null) ? null : xs.reduce((p, s) => p + (s[a] as number), 0);
    return {
      outputs: [out], weights: [],
      shapeExplanation: `axis ${axis}: ${xs.map((s) => (s[a] === null ? 'None' : String(s[a]))).join(' + ')} = ${out[a] === null ? 'None' : out[a]}`,
    };
  },
};

function dotAxes(call: LayerCall, x1: Shape, x2: Shape): [number, number] {
  const v = call.args.known('axes');
  if (v !== undefined && v.t === 'seq') {
    if (v.items.length !== 2 || v.items.some((i) => i.t !== 'int')) {
      throw new KerasError('Invalid format for argument `axes`: list should have 2 elements.', 'axes');
    }
    const [a, b] = v.items.map((i) => (i as { v: number }).v);
    return [pyIndex(a, x1.length), pyIndex(b, x2.length)];
  }
  const n = call.args.int('axes', -1);
  return [pyIndex(n, x1.length), pyIndex(n, x2.length)];
}

const dot: LayerDef = {
  className: 'Dot',
  signature: ['axes', 'normalize'],
  required: ['axes'],
  legacy: { positional: ['axes', 'normalize'], renames: { dot_axes: 'axes' } },
  takesList: true,
  build(call) {
    const [x1, x2] = inputsOf(call, 2);
    if (x1.length < 2 || x2.length < 2) {
      throw new KerasError(`Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes ${shapeText(x1)} and ${shapeText(x2)}.`);
    }
    const [a1, a2] = dotAxes(call, x1, x2);
    // dot.py build: the contracted dims must be equal (None vs 5 is an error too)
    if (x1[a1] !== x2[a2]) {
      throw new KerasError(`Incompatible input shapes: axis values ${x1[a1] ?? 'None'} (at axis ${a1}) != ${x2[a2] ?? 'None'} (at axis ${a2}). Full input shapes: ${shapeText(x1)}, ${shapeText(x2)}`);
    }
    // dot.py compute_output_shape: x1 without a1, then x2 without a2 and its batch; a lone batch dim gets a 1
    const out: Dim[] = [...x1.filter((_, i) => i !== a1), ...x2.filter((_, i) => i !== a2).slice(1)];
    if (out.length === 1) out.push(1);
    return { outputs: [out], weights: [] };
  },
};

export const MERGING_LAYERS: readonly LayerDef[] = [
  elementwise('Add'), elementwise('Subtract', 2), elementwise('Multiply'), elementwise('Average'),
  elementwise('Maximum'), elementwise('Minimum'), concatenate, dot,
];

