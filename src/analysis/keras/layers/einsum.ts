// EinsumDense (keras/src/layers/core/einsum_dense.py): a dense layer written as an einsum equation.
import type { LayerDef } from '../layerDef';
import { KerasError } from '../errors';
import type { Dim, Shape } from '../shape';
import { shapeText, times, withLora } from './util';

interface Split {
  readonly input: string;
  readonly weight: string;
  readonly output: string;
  readonly leftElided: boolean;
}

/**
 * einsum_dense.py _analyze_einsum_string: `...` becomes `0`, then three anchored (prefix) regexes:
 * `X,Y->Z`, `0X,Y->0Z` (ellipsis on the left), `XX0,Y->Z0` (ellipsis on the right, ≥ 2 input letters).
 * Like Python's re.match, text after the match is ignored.
 */
export function splitEquation(equation: string): Split {
  const s = equation.replace(/\.\.\./g, '0');
  let m = /^([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)/.exec(s);
  if (m) return { input: m[1], weight: m[2], output: m[3], leftElided: false };
  m = /^0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)/.exec(s);
  if (m) return { input: m[1], weight: m[2], output: m[3], leftElided: true };
  m = /^([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0/.exec(s);
  if (m) return { input: m[1], weight: m[2], output: m[3], leftElided: false };
  throw new KerasError(`Invalid einsum equation '${equation}'. Equations must be in the form [X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]....`, 'equation');
}

/** Python indexing of a tuple: negative from the end, IndexError when out of range. */
function at(x: readonly Dim[], i: number): Dim {
  const j = i < 0 ? i + x.length : i;
  if (j < 0 || j >= x.length) throw new KerasError('EinsumDense: tuple index out of range (the input rank does not fit the equation)');
  return x[j];
}

/** einsum_dense.py _analyze_split_string: kernel shape, bias shape, full output shape. */
export function analyzeEinsum(sp: Split, biasAxes: string | null, x: Shape, partial: readonly Dim[]): {
  kernel: Dim[]; bias: Dim[] | null; output: Dim[];
} {
  const { input, weight, output, leftElided } = sp;
  const elided = x.length - input.length;
  const out: Dim[] = [x[0], ...partial];
  if (elided > 0 && leftElided) {
    for (let i = 1; i < elided; i++) out.splice(1, 0, x[i]);
  } else if (elided > 0) {
    for (let i = x.length - elided; i < x.length; i++) out.push(x[i]);
  }
  const inMap = new Map<string, number>();
  const outMap = new Map<string, number>();
  [...input].forEach((c, i) => inMap.set(c, leftElided ? i + elided - x.length : i));
  [...output].forEach((c, i) => outMap.set(c, leftElided ? i + elided : i));
  for (const c of input) {
    const inDim = at(x, inMap.get(c)!);
    if (outMap.has(c)) {
      const o = at(out, outMap.get(c)!);
      if (o !== null && o !== inDim) {
        throw new KerasError(`Input shape and output shape do not match at shared dimension '${c}'. Input shape is ${inDim === null ? 'None' : inDim}, and output shape is ${o}.`, 'output_shape');
      }
    }
  }
  for (const c of output) {
    if (!input.includes(c) && !weight.includes(c)) {
      throw new KerasError(`Dimension '${c}' was specified in the output '${output}' but has no corresponding dim in the input spec '${input}' or weight spec '${output}'`, 'equation');
    }
  }
  const kernel: Dim[] = [...weight].map((c) => {
    if (outMap.has(c)) return at(out, outMap.get(c)!);
    if (inMap.has(c)) return at(x, inMap.get(c)!);
    throw new KerasError(`Weight dimension '${c}' did not have a match in either the input spec '${input}' or the output spec '${output}'. For this layer, the weight must be fully specified.`, 'equation');
  });
  let bias: Dim[] | null = null;
  if (biasAxes !== null) {
    const leftN = leftElided ? elided : 0;
    for (const c of biasAxes) {
      if (!output.includes(c)) throw new KerasError(`Bias dimension '${c}' was requested, but is not part of the output spec '${output}'`, 'bias_axes');
    }
    const first = Math.min(...[...biasAxes].map((c) => output.indexOf(c)));
    bias = [...output.slice(first)].map((c) => (biasAxes.includes(c) ? at(out, output.indexOf(c) + leftN) : 1));
    if (!leftElided) for (let i = 0; i < elided; i++) bias.push(1);
  }
  return { kernel, bias, output: out };
}

/** A weight shape with a None is Keras's "Shapes used to initialize variables must be fully-defined". */
function fully(name: string, shape: readonly Dim[]): number[] {
  if (shape.some((d) => d === null)) {
    throw new KerasError(`Shapes used to initialize variables must be fully-defined (no \`None\` dimensions). Received: shape=${shapeText(shape)} for variable path='einsum_dense/${name}'`);
  }
  return shape as number[];
}

const einsumDense: LayerDef = {
  className: 'EinsumDense',
  required: ['equation', 'output_shape'],
  signature: ['equation', 'output_shape', 'activation', 'bias_axes', 'kernel_initializer', 'bias_initializer',
    'kernel_regularizer', 'bias_regularizer', 'kernel_constraint', 'bias_constraint', 'lora_rank', 'lora_alpha',
    'gptq_unpacked_column_size', 'quantization_config'],
  validate(args, version) {
    if (version === 1) throw new KerasError("module 'keras.layers' has no attribute 'EinsumDense' (added in tf.keras 2.x / Keras 3)");
    args.shapeTuple('output_shape');
  },
  build(call) {
    const x = call.input();
    const sp = splitEquation(call.args.str('equation'));
    const partial = call.args.shapeTuple('output_shape');
    const biasAxes = call.args.optStr('bias_axes');
    const { kernel, bias, output } = analyzeEinsum(sp, biasAxes, x, partial);
    const k = fully('kernel', kernel);
    const b = bias ? fully('bias', bias) : null;
    const { weights, notes } = withLora(call, [{ name: 'kernel', shape: k, trainable: true }, ...(b ? [{ name: 'bias', shape: b, trainable: true }] : [])], 'kernel');
    const kText = times(k);
    const bText = b ? times(b) : '';
    return {
      outputs: [output],
      weights,
      formula: b
        ? { symbolic: 'kernel + bias', numeric: `${kText} + ${bText}` }
        : { symbolic: 'kernel', numeric: kText },
      shapeExplanation: `${call.args.str('equation')}: kernel ${shapeText(k)}${b ? `, bias ${shapeText(b)}` : ''}`,
      notes,
    };
  },
};

export const EINSUM_LAYERS: readonly LayerDef[] = [einsumDense];
