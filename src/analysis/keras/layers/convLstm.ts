// ConvLSTM1D/2D/3D (keras/src/layers/rnn/conv_lstm.py): an LSTM whose gates are convolutions.
import type { LayerDef, LegacySpelling, WeightDecl } from '../layerDef';
import { KerasError } from '../errors';
import type { Dim } from '../shape';
import { convLength } from './convArith';
import { joinKernelDims } from './convolution';
import { commas, requireKnown, requireRank, shapeText } from './util';

type Rank = 1 | 2 | 3;

/** Keras 1.2 ConvLSTM2D(nb_filter, nb_row, nb_col, init, inner_init, forget_bias_init, activation, inner_activation, …). */
const K1_CONV_LSTM_2D: LegacySpelling = {
  positional: ['nb_filter', 'nb_row', 'nb_col', 'init', 'inner_init', 'forget_bias_init', 'activation', 'inner_activation',
    'dim_ordering', 'border_mode', 'subsample', 'W_regularizer', 'U_regularizer', 'b_regularizer', 'dropout_W', 'dropout_U'],
  renames: {
    nb_filter: 'filters', init: 'kernel_initializer', inner_init: 'recurrent_initializer', forget_bias_init: 'unit_forget_bias',
    inner_activation: 'recurrent_activation', dim_ordering: 'data_format', border_mode: 'padding', subsample: 'strides',
    W_regularizer: 'kernel_regularizer', U_regularizer: 'recurrent_regularizer', b_regularizer: 'bias_regularizer',
    dropout_W: 'dropout', dropout_U: 'recurrent_dropout',
  },
  convert: joinKernelDims(['nb_row', 'nb_col']),
};

function convLstm(rank: Rank): LayerDef {
  const className = `ConvLSTM${rank}D`;
  return {
    className,
    signature: ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'activation',
      'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
      'unit_forget_bias', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer',
      'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'seed',
      'return_sequences', 'return_state', 'go_backwards', 'stateful'],
    keywords: ['unroll'],
    required: ['filters', 'kernel_size'],
    legacy: rank === 2 ? K1_CONV_LSTM_2D : undefined,
    validate(args) {
      // Keras 3 builds ConvLSTM*(0, k) (no weights, 0 channels); a negative count cannot make a weight
      if (args.int('filters') < 0) throw new KerasError(`${className}: \`filters\` cannot be negative. Received: filters=${args.int('filters')}`, 'filters');
      const s = args.intTuple('strides', rank, 1);
      const d = args.intTuple('dilation_rate', rank, 1);
      // conv_lstm.py ConvLSTMCell
      if (Math.max(...s) > 1 && Math.max(...d) > 1) {
        throw new KerasError(`Specifying \`strides > 1\` is not compatible with \`dilation_rate > 1\`. Please provide \`strides=1\` or \`dilation_rate=1\`. Received: strides=${shapeText(s)} and dilation_rate=${shapeText(d)}`, 'strides');
      }
    },
    build(call) {
      const x = call.input();
      // Input (B, T, *spatial, C) with channels_last, (B, T, C, *spatial) with channels_first.
      requireRank(className, x, rank + 3);
      if (call.args.bool('stateful', false) && x[0] === null) {
        throw new KerasError(`When using \`stateful=True\` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=${shapeText(x)}`, 'stateful');
      }
      const first = call.dataFormat() === 'channels_first';
      const cin = requireKnown(className, first ? x[2] : x[x.length - 1], 'channel dimension');
      const spatial = first ? x.slice(3) : x.slice(2, -1);
      const f = call.args.int('filters');
      const k = call.args.intTuple('kernel_size', rank);
      const s = call.args.intTuple('strides', rank, 1);
      const d = call.args.intTuple('dilation_rate', rank, 1);
      const padding = call.args.str('padding', 'valid').toLowerCase();
      if (padding !== 'valid' && padding !== 'same') throw new KerasError(`${className}: padding must be 'valid' or 'same', got '${padding}'`, 'padding');
      const lengths = spatial.map((len, i) => {
        // conv_lstm.py builds on the full spatial shape: an unknown spatial size cannot build the layer
        requireKnown(className, len, 'spatial dimensions');
        return convLength(className, len, k[i], s[i], d[i], padding, call.version);
      });
      const o: Dim[] = lengths.map((l) => l.out);
      const step = first ? [f, ...o] : [...o, f];
      const out: Dim[] = call.args.bool('return_sequences', false) ? [x[0], x[1], ...step] : [x[0], ...step];
      const outputs = call.args.bool('return_state', false) ? [out, [x[0], ...step], [x[0], ...step]] : [out];
      const kp = k.reduce((a, b) => a * b, 1);
      const bias = call.args.bool('use_bias', true);
      const weights: WeightDecl[] = [
        { name: 'kernel', shape: [...k, cin, 4 * f], trainable: true },
        { name: 'recurrent_kernel', shape: [...k, f, 4 * f], trainable: true },
        ...(bias ? [{ name: 'bias', shape: [4 * f], trainable: true }] : []),
      ];
      const kt = k.join(' × ');
      return {
        outputs,
        multiOutput: outputs.length > 1,
        weights,
        formula: {
          symbolic: `4 × filters × (kernel × (in_channels + filters)${bias ? ' + 1' : ''})`,
          numeric: `4 × ${commas(f)} × (${kp === 1 ? '1' : kt} × (${commas(cin)} + ${commas(f)})${bias ? ' + 1' : ''})`,
        },
        shapeExplanation: lengths.map((l) => l.text).join('; '),
      };
    },
  };
}

export const CONV_LSTM_LAYERS: readonly LayerDef[] = [convLstm(1), convLstm(2), convLstm(3)];
