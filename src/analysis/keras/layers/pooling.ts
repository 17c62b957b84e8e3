// Pooling layers (keras/src/layers/pooling): no weights; spatial dims by §1.3, channels unchanged.
import type { DataFormat, LayerCall, LayerDef } from '../layerDef';
import type { ArgReader } from '../args';
import { KerasError } from '../errors';
import type { Dim } from '../shape';
import { poolLength } from './convArith';
import { channelAxis, requireRank, shapeText, spatialAxes } from './util';

type Rank = 1 | 2 | 3;

/** Keras 3 pooling takes padding as given (no lower-casing): 'SAME' is an error there, not in Keras 1/2. */
function readPadding(args: ArgReader, version: number): 'valid' | 'same' {
  const raw = args.str('padding', 'valid');
  const p = version === 3 ? raw : raw.toLowerCase();
  if (p !== 'valid' && p !== 'same') {
    throw new KerasError(`Argument \`padding\` must be either 'valid' or 'same'. Received: padding=${raw}`, 'padding');
  }
  return p;
}

/** Keras 1/2 (and tf.keras) 1D pooling default to channels_last rather than the global image format. */
function formatOf(call: LayerCall, rank: Rank): DataFormat {
  if (rank === 1 && call.version < 3 && call.args.isNone('data_format')) return 'channels_last';
  return call.dataFormat();
}

function positive(args: ArgReader, name: string, rank: Rank, def: number | undefined): number[] {
  const t = args.intTuple(name, rank, def);
  if (t.some((v) => v <= 0)) {
    throw new KerasError(`The \`${name}\` argument must be a tuple of ${rank} integers, including values that do not satisfy \`value > 0\`. Received ${name}=${shapeText(t)}`, name);
  }
  return t;
}

function pooling(op: 'Max' | 'Average', rank: Rank): LayerDef {
  const className = `${op}Pooling${rank}D`;
  // base_pooling: AveragePooling*D(pool_size) has no default in Keras 3 (Keras 1/2 default 2).
  const required = op === 'Average';
  const readPool = (args: ArgReader, version: number) => positive(args, 'pool_size', rank, required && version === 3 ? undefined : 2);
  return {
    className,
    aliases: [`${op === 'Max' ? 'Max' : 'Avg'}Pool${rank}D`],
    signature: ['pool_size', 'strides', 'padding', 'data_format'],
    legacy: rank === 1
      ? { positional: ['pool_length', 'stride', 'border_mode'], renames: { pool_length: 'pool_size', stride: 'strides', border_mode: 'padding' } }
      : { positional: ['pool_size', 'strides', 'border_mode', 'dim_ordering'], renames: { border_mode: 'padding', dim_ordering: 'data_format' } },
    builtAtConstruction: true,
    validate(args, version) {
      if (required && version === 3 && args.isNone('pool_size')) {
        throw new KerasError(`${className}.__init__() missing 1 required positional argument: 'pool_size'`, 'pool_size');
      }
      readPool(args, version);
      if (!args.isNone('strides')) positive(args, 'strides', rank, undefined);
      readPadding(args, version);
    },
    build(call) {
      const x = call.input();
      requireRank(className, x, rank + 2);
      const pool = readPool(call.args, call.version);
      const strides = call.args.isNone('strides') ? pool : positive(call.args, 'strides', rank, undefined);
      const padding = readPadding(call.args, call.version);
      const axes = spatialAxes(formatOf(call, rank), rank);
      const lengths = axes.map((ax, i) => poolLength(className, x[ax], pool[i], strides[i], padding));
      const out: Dim[] = [...x];
      axes.forEach((ax, i) => { out[ax] = lengths[i].out; });
      return { outputs: [out], weights: [], shapeExplanation: lengths.map((l) => l.text).join(', ') };
    },
  };
}

function globalPooling(op: 'Max' | 'Average', rank: Rank): LayerDef {
  const className = `Global${op}Pooling${rank}D`;
  return {
    className,
    aliases: [`Global${op === 'Max' ? 'Max' : 'Avg'}Pool${rank}D`],
    signature: ['data_format', 'keepdims'],
    legacy: rank === 1 ? { positional: [] } : { positional: ['dim_ordering'], renames: { dim_ordering: 'data_format' } },
    builtAtConstruction: true,
    build(call) {
      const x = call.input();
      requireRank(className, x, rank + 2);
      const format = formatOf(call, rank);
      const c = x[channelAxis(format, x.length)];
      // global_*_pooling*.py compute_output_shape: (B, C), or spatial dims kept as 1 with keepdims
      if (call.args.bool('keepdims', false)) {
        const ones: Dim[] = Array(rank).fill(1);
        return { outputs: [format === 'channels_first' ? [x[0], c, ...ones] : [x[0], ...ones, c]], weights: [] };
      }
      return { outputs: [[x[0], c]], weights: [], shapeExplanation: `${op === 'Max' ? 'maximum' : 'mean'} over the spatial dims` };
    },
  };
}

export const POOLING_LAYERS: readonly LayerDef[] = (['Max', 'Average'] as const).flatMap((op) =>
  ([1, 2, 3] as const).flatMap((r) => [pooling(op, r), globalPooling(op, r)]));
