// Keras 3 masks (keras/src/layers/layer.py): which layers take a `mask` argument, and what mask their outputs carry.
// The ops that compute masks (not_equal, any) are graph operations, so a functional summary lists them as rows.
import type { ArgReader } from './args';
import type { LayerNode, LayerObject, Tensor } from './graph';
import type { Range } from '../summary/types';
import type { KerasSession } from './session';
import { UnknownFigure } from './errors';

/** Layers whose call() has a `mask` parameter: the incoming mask becomes an input of their node. */
const CONSUMERS = new Set([
  'RNN', 'SimpleRNN', 'LSTM', 'GRU', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D', 'Bidirectional', 'TimeDistributed',
  'BatchNormalization', 'GlobalAveragePooling1D', 'Softmax', 'Lambda',
]);

/** Layers that pass the incoming mask on unchanged (supports_masking with the default compute_mask). */
const PASS_THROUGH = new Set([
  'Dense', 'Activation', 'ELU', 'LeakyReLU', 'PReLU', 'ReLU', 'Softmax', 'Identity', 'BatchNormalization',
  'GroupNormalization', 'LayerNormalization', 'UnitNormalization', 'Normalization', 'Rescaling', 'ActivityRegularization',
  'AlphaDropout', 'Dropout', 'GaussianDropout', 'GaussianNoise', 'TimeDistributed',
]);

const SEQUENCES = new Set(['RNN', 'SimpleRNN', 'LSTM', 'GRU', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D', 'Bidirectional']);

export function consumesMask(className: string): boolean {
  return CONSUMERS.has(className);
}

/** What mask the layer's first output carries. */
export function outputMaskRule(className: string, args: ArgReader): 'not_equal' | 'not_equal_any' | 'pass' | 'or' | 'concat' | 'none' {
  if (className === 'Embedding') return args.bool('mask_zero', false) ? 'not_equal' : 'none';
  // base_merge.py: the masks OR-ed when every input has one; concatenate.py: masks widened and concatenated.
  if (['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum'].includes(className)) return 'or';
  if (className === 'Concatenate') return 'concat';
  if (className === 'Masking') return 'not_equal_any';
  if (PASS_THROUGH.has(className)) return 'pass';
  // rnn.py / bidirectional.py compute_mask: the mask follows the sequence output only.
  if (SEQUENCES.has(className)) {
    const inner = className === 'Bidirectional' ? args.raw('layer') : undefined;
    const seq = inner?.t === 'layer' ? inner.layer.args.bool('return_sequences', false) : args.bool('return_sequences', false);
    return seq ? 'pass' : 'none';
  }
  return 'none';
}

/** Sets the mask the layer's first output carries (layer.py _set_mask_metadata), creating the mask ops. */
export function attachMask(session: KerasSession, layer: LayerObject, node: LayerNode, inputs: readonly Tensor[], site: Range): void {
  const first = inputs[0];
  const out = node.outputs[0];
  if (!first || !out) return;
  const op = (cls: string, ...of: Tensor[]): Tensor | undefined => {
    const o = session.createOperation(cls, site);
    return o ? session.callLayer(o, of, true, site).outputs[0] : undefined;
  };
  let rule: ReturnType<typeof outputMaskRule>;
  try {
    rule = outputMaskRule(layer.className, layer.args);
  } catch (e) {
    // `return_sequences=flag` with an unknown flag: the output (and its mask) is already `?`.
    if (e instanceof UnknownFigure) return;
    throw e;
  }
  switch (rule) {
    case 'not_equal': out.mask = op('NotEqual', first); return;
    case 'not_equal_any': {
      const ne = op('NotEqual', first);
      out.mask = ne && op('Any', ne);
      return;
    }
    case 'pass': if (first.mask) out.mask = first.mask; return;
    case 'or': {
      if (!node.inputIsList || !inputs.every((t) => t.mask)) return;
      let m: Tensor | undefined = inputs[0].mask;
      for (const t of inputs.slice(1)) m = m && op('LogicalOr', m, t.mask!);
      out.mask = m;
      return;
    }
    case 'concat': {
      if (!node.inputIsList || !inputs.some((t) => t.mask)) return;
      const parts: Tensor[] = [];
      for (const t of inputs) {
        let m: Tensor | undefined;
        if (!t.mask) m = op('OnesLike', t);
        else if (t.mask.shape && t.shape && t.mask.shape.length < t.shape.length) {
          const e = op('ExpandDims', t.mask);
          const z = op('ZerosLike', t);
          m = e && z && op('LogicalOr', e, z);
        } else m = t.mask;
        if (!m) return;
        parts.push(m);
      }
      const axis = layer.args.raw('axis');
      const cat = session.createOperation('Concatenate', site, new Map(axis ? [['axis', axis]] : []));
      const joined = cat && session.callLayer(cat, parts, true, site).outputs[0];
      out.mask = joined && op('Any', joined);
      return;
    }
    case 'none': return;
  }
}
