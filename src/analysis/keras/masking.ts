// Keras 3 masks (keras/src/layers/layer.py): which layers take a `mask` argument, and what mask their outputs carry.
// The ops that compute masks (not_equal, any) are graph operations, so a functional summary lists them as rows.
import type { ArgReader } from './args';

/** Layers whose call() has a `mask` parameter: the incoming mask becomes an input of their node. */
const CONSUMERS = new Set([
  'SimpleRNN', 'LSTM', 'GRU', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D', 'Bidirectional', 'TimeDistributed',
  'BatchNormalization', 'GlobalAveragePooling1D', 'Softmax',
]);

/** Layers that pass the incoming mask on unchanged (supports_masking with the default compute_mask). */
const PASS_THROUGH = new Set([
  'Dense', 'Activation', 'ELU', 'LeakyReLU', 'PReLU', 'ReLU', 'Softmax', 'Identity', 'BatchNormalization',
  'GroupNormalization', 'LayerNormalization', 'UnitNormalization', 'Normalization', 'Rescaling', 'ActivityRegularization',
  'AlphaDropout', 'Dropout', 'GaussianDropout', 'GaussianNoise', 'TimeDistributed',
]);

const SEQUENCES = new Set(['SimpleRNN', 'LSTM', 'GRU', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D', 'Bidirectional']);

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
