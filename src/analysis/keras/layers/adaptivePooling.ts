// Adaptive pooling (keras/src/layers/pooling/adaptive_*_pooling*d.py, Keras ≥ 3.13): the spatial dims become
// `output_size` whatever the input's, channels unchanged, no weights.
import type { LayerDef } from '../layerDef';
import type { ArgReader } from '../args';
import { argRepr } from '../args';
import { KerasError } from '../errors';
import type { Dim } from '../shape';
import { shapeText } from './util';

type Rank = 1 | 2 | 3;
const WHAT: Record<Rank, string> = { 1: 'integer or tuple of 1 integer', 2: 'integer or (height, width) tuple', 3: 'integer or (depth, height, width) tuple' };

/** adaptive_*_pooling{1,2,3}d.py __init__: an int (repeated) or a tuple/list of exactly `rank` entries, else TypeError. */
function outputSize(args: ArgReader, rank: Rank): number[] {
  const v = args.known('output_size');
  if (v === undefined || v.t === 'none') throw new KerasError(`${args.className}.__init__() missing 1 required positional argument: 'output_size'`, 'output_size');
  if (v.t === 'int') return Array(rank).fill(v.v);
  if (v.t === 'seq' && v.items.length === rank && v.items.every((i) => i.t === 'int')) return v.items.map((i) => (i as { v: number }).v);
  throw new KerasError(`\`output_size\` must be an ${WHAT[rank]}. Received: ${argRepr(v)}`, 'output_size');
}

function adaptive(op: 'Average' | 'Max', rank: Rank): LayerDef {
  const className = `Adaptive${op}Pooling${rank}D`;
  return {
    className,
    signature: ['output_size', 'data_format'],
    ownDataFormatCheck: true,
    validate(args, version) {
      if (version !== 3) throw new KerasError(`module 'keras.layers' has no attribute '${className}' (added in Keras 3.13)`);
      outputSize(args, rank);
      const f = args.optStr('data_format');
      if (f !== null && f !== 'channels_first' && f !== 'channels_last') {
        throw new KerasError(`Invalid data_format: ${f}. Expected 'channels_first' or 'channels_last'.`, 'data_format');
      }
    },
    build(call) {
      const x = call.input();
      const size = outputSize(call.args, rank);
      // base_adaptive_pooling.py compute_output_shape: (B, *output_size, C) / (B, C, *output_size); no InputSpec,
      // so the channel is simply in[-1] (channels_last) or in[1] (channels_first).
      const first = call.dataFormat() === 'channels_first';
      if (x.length < 2) throw new KerasError(`${className}: the input must have a channel axis, got ${shapeText(x)}`);
      const out: Dim[] = first ? [x[0], x[1], ...size] : [x[0], ...size, x[x.length - 1]];
      return { outputs: [out], weights: [], shapeExplanation: `spatial dims set to output_size ${shapeText(size)}` };
    },
  };
}

export const ADAPTIVE_POOLING_LAYERS: readonly LayerDef[] = (['Average', 'Max'] as const).flatMap((op) =>
  ([1, 2, 3] as const).map((r) => adaptive(op, r)));
