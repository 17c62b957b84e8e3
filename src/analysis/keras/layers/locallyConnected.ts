// LocallyConnected1D / LocallyConnected2D (Keras 1, Keras 2, tf.keras; removed in Keras 3): a convolution whose
// weights are not shared across positions, so every output position has its own kernel and bias.
import type { LayerDef, LegacySpelling } from '../layerDef';
import type { ArgValue } from '../args';
import { KerasError } from '../errors';
import type { Dim } from '../shape';
import { convLength } from './convArith';
import { channelAxis, removedInKeras3, requireKnown, requireRank, spatialAxes, times } from './util';

type Rank = 1 | 2;

const TAIL = ['activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer',
  'activity_regularizer', 'kernel_constraint', 'bias_constraint'];
const K1_TAIL = ['W_regularizer', 'b_regularizer', 'activity_regularizer', 'W_constraint', 'b_constraint', 'bias'];
const RENAMES = {
  init: 'kernel_initializer', W_regularizer: 'kernel_regularizer', b_regularizer: 'bias_regularizer',
  W_constraint: 'kernel_constraint', b_constraint: 'bias_constraint', bias: 'use_bias', border_mode: 'padding',
  dim_ordering: 'data_format', nb_filter: 'filters',
};

/** Keras 1 nb_row + nb_col → kernel_size (a tuple in the first slot already is one), as Keras 2's preprocessor did. */
function joinRowCol(args: Map<string, ArgValue>): void {
  const row = args.get('nb_row');
  if (row === undefined) return;
  const col = args.get('nb_col');
  if (row.t === 'seq' || col === undefined) args.set('kernel_size', row);
  else args.set('kernel_size', { t: 'seq', items: [row, col], tuple: true });
  args.delete('nb_row');
  args.delete('nb_col');
}

const LEGACY: Record<Rank, LegacySpelling> = {
  1: {
    // keras 1.2.2 local.py LocallyConnected1D(nb_filter, filter_length, init, activation, weights, border_mode, subsample_length, …)
    positional: ['nb_filter', 'filter_length', 'init', 'activation', 'weights', 'border_mode', 'subsample_length', ...K1_TAIL, 'input_dim', 'input_length'],
    renames: { ...RENAMES, filter_length: 'kernel_size', subsample_length: 'strides' },
  },
  2: {
    positional: ['nb_filter', 'nb_row', 'nb_col', 'init', 'activation', 'weights', 'border_mode', 'subsample', 'dim_ordering', ...K1_TAIL],
    renames: { ...RENAMES, subsample: 'strides' },
    convert: joinRowCol,
  },
};

function locallyConnected(rank: Rank): LayerDef {
  const className = `LocallyConnected${rank}D`;
  return {
    className,
    signature: ['filters', 'kernel_size', 'strides', 'padding', 'data_format', ...TAIL, 'implementation'],
    legacy: LEGACY[rank],
    validate(args, version) {
      if (version === 3) throw removedInKeras3(className);
      if (args.int('filters') <= 0) throw new KerasError(`${className}: \`filters\` must be a positive integer, got ${args.int('filters')}`, 'filters');
      args.intTuple('kernel_size', rank);
      const p = args.str('padding', 'valid').toLowerCase();
      // local.py: Keras 1/2 only 'valid'; tf.keras also 'same' with implementation 2 or 3
      const same = p === 'same' && version === 2 && args.int('implementation', 1) > 1;
      if (p !== 'valid' && !same) {
        throw new KerasError(`Invalid border mode for ${className} (only "valid" is supported${version === 2 ? ', or "same" with implementation 2 or 3 in tf.keras' : ''}): ${p}`, 'padding');
      }
    },
    build(call) {
      const x = call.input();
      requireRank(className, x, rank + 2);
      const f = call.args.int('filters');
      const k = call.args.intTuple('kernel_size', rank);
      const s = call.args.intTuple('strides', rank, 1);
      const padding = call.args.str('padding', 'valid').toLowerCase() === 'same' ? 'same' : 'valid';
      // Keras 1 LocallyConnected1D has no data_format; tf.keras / Keras 2 read it (None → image_data_format)
      const format = rank === 1 && call.version === 1 ? 'channels_last' : call.dataFormat();
      const cin = requireKnown(className, x[channelAxis(format, x.length)], 'channel dimension');
      const axes = spatialAxes(format, rank);
      const out = axes.map((ax, i) => {
        // local.py build: the output length must be known for the per-position kernels
        const len = requireKnown(className, x[ax], 'spatial dimension (every position has its own kernel)');
        return convLength(className, len, k[i], s[i], 1, padding, call.version);
      });
      const o = out.map((l) => l.out as number);
      const inLens = axes.map((ax) => x[ax] as number);
      const bias = call.version === 1 || call.args.bool('use_bias', true);
      const shape: Dim[] = format === 'channels_first' ? [x[0], f, ...o] : [x[0], ...o, f];
      const implementation = call.version === 2 ? call.args.int('implementation', 1) : 1;
      const kernel = kernelShape(implementation, format, inLens, o, k, s, padding, cin, f);
      return {
        outputs: [shape],
        weights: [
          { name: 'kernel', shape: kernel, trainable: true },
          ...(bias ? [{ name: 'bias', shape: [...o, f], trainable: true }] : []),
        ],
        formula: implementation !== 1
          ? { symbolic: `kernel (implementation ${implementation})${bias ? ' + bias' : ''}`, numeric: `${times(kernel)}${bias ? ` + ${times([...o, f])}` : ''}` }
          : bias
            ? { symbolic: 'positions × filters × (kernel × channels + 1)', numeric: `${times(o)} × ${f} × (${times([...k, cin])} + 1)` }
            : { symbolic: 'positions × filters × kernel × channels', numeric: `${times(o)} × ${f} × ${times([...k, cin])}` },
        shapeExplanation: out.map((l) => l.text).join(', '),
        notes: ['unshared weights: every output position has its own kernel and bias'],
      };
    },
  };
}

/**
 * The kernel by tf.keras local.py `implementation`: 1 one (k·Cin, F) matrix per output position; 2 a dense
 * input × output matrix (masked at run time); 3 one value per connection (conv_utils.conv_kernel_idxs), which with
 * 'same' padding leaves out the window positions that fall outside the input.
 */
function kernelShape(implementation: number, format: 'channels_first' | 'channels_last', inLens: number[], o: number[],
  k: number[], s: number[], padding: 'valid' | 'same', cin: number, f: number): number[] {
  if (implementation === 2) return format === 'channels_first' ? [cin, ...inLens, f, ...o] : [...inLens, cin, ...o, f];
  if (implementation === 3) {
    // conv_connected_inputs: window [max(0, c − ⌊k/2⌋), min(in, c + k − ⌊k/2⌋)) around c = o·s (+ ⌊k/2⌋ when valid)
    const connections = inLens.map((len, d) => {
      const left = Math.floor(k[d] / 2);
      let n = 0;
      for (let p = 0; p < o[d]; p++) {
        const c = p * s[d] + (padding === 'valid' ? left : 0);
        n += Math.min(len, c + k[d] - left) - Math.max(0, c - left);
      }
      return n;
    });
    return [connections.reduce((a, b) => a * b, 1) * cin * f];
  }
  return [o.reduce((p, d) => p * d, 1), k.reduce((p, d) => p * d, 1) * cin, f];
}

export const LOCALLY_CONNECTED_LAYERS: readonly LayerDef[] = [locallyConnected(1), locallyConnected(2)];
