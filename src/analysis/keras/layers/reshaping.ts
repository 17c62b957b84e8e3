// Reshaping layers (keras/src/layers/reshaping): Flatten, Reshape, Permute, RepeatVector, ZeroPadding, Cropping, UpSampling.
import type { KerasVersion, LayerDef } from '../layerDef';
import { argRepr, argTypeName, type ArgReader, type ArgValue } from '../args';
import { KerasError } from '../errors';
import { knownProduct, type Dim } from '../shape';
import { commas, dimText, requireMinRank, requireRank, shapeText, spatialAxes, times } from './util';

const flatten: LayerDef = {
  className: 'Flatten',
  signature: ['data_format'],
  build(call) {
    const x = call.input();
    const rest = x.slice(1);
    if (call.version < 3) {
      // keras 2 core.py Flatten: input_spec min_ndim=3, and every non-batch dim must be known
      requireMinRank('Flatten', x, 3);
      if (rest.some((d) => d === null)) {
        throw new KerasError(`The shape of the input to "Flatten" is not fully defined (got ${shapeText(rest)}). Make sure to pass a complete "input_shape" or "batch_input_shape" argument to the first layer in your model.`);
      }
    } else {
      requireMinRank('Flatten', x, 1);
    }
    // keras/src/layers/reshaping/flatten.py: prod of non-batch dims, None if any is None; (B,) → (B, 1)
    const n = knownProduct(rest);
    return {
      outputs: [[x[0], n]],
      weights: [],
      shapeExplanation: rest.length > 1 ? `${rest.map(dimText).join(' × ')} = ${dimText(n)}` : undefined,
    };
  },
};

const reshape: LayerDef = {
  className: 'Reshape',
  signature: ['target_shape'],
  required: ['target_shape'],
  builtAtConstruction: true,
  validate(args) {
    const v = args.known('target_shape');
    if (v !== undefined && v.t !== 'seq') {
      throw new KerasError(`'${v.t}' object is not iterable: Reshape's target_shape must be a tuple, got ${argRepr(v)}`, 'target_shape');
    }
    // keras/src/ops/operation_utils.py validate_reshape_shape
    const target = args.shapeTuple('target_shape');
    if (target.some((d) => d !== null && d < -1)) {
      throw new KerasError(`Each dimension in \`target_shape\` must be a non-negative integer, or \`-1\` for a single unknown dimension. Received: target_shape=${shapeText(target)}.`, 'target_shape');
    }
    if (target.filter((d) => d === -1).length > 1) {
      throw new KerasError(`There must be at most one unknown dimension (-1) in \`target_shape\`. Received: target_shape=${shapeText(target)}.`, 'target_shape');
    }
  },
  build(call) {
    const x = call.input();
    const target = call.args.shapeTuple('target_shape');
    const rest = x.slice(1);
    // operation_utils.compute_reshape_output_shape: any None → -1 becomes None, no size check
    if (rest.includes(null) || target.includes(null)) {
      return { outputs: [[x[0], ...target.map((d) => (d === -1 ? null : d))]], weights: [] };
    }
    const size = knownProduct(rest) as number;
    const hole = target.indexOf(-1);
    if (hole < 0) {
      if (size !== knownProduct(target)) {
        throw new KerasError(`The total size of the tensor must be unchanged. Received: input_shape=${shapeText(rest)}, target_shape=${shapeText(target)}`);
      }
      return { outputs: [[x[0], ...target]], weights: [], shapeExplanation: `${times(rest as number[])} = ${commas(size)} elements` };
    }
    const known = target.reduce<number>((p, d) => (d === -1 ? p : p * (d as number)), 1);
    if (known === 0 || size % known !== 0) {
      throw new KerasError(`The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in target_shape. Received: input_shape=${shapeText(rest)}, target_shape=${shapeText(target)}`);
    }
    const out = target.map((d) => (d === -1 ? size / known : d));
    return { outputs: [[x[0], ...out]], weights: [], shapeExplanation: `-1 = ${commas(size)} / ${commas(known)} = ${commas(size / known)}` };
  },
};

const permute: LayerDef = {
  className: 'Permute',
  signature: ['dims'],
  required: ['dims'],
  validate(args, version) {
    const dims = args.shapeTuple('dims');
    // permute.py: dims must be a permutation of 1..n (Keras 1/2 did not check)
    const sorted = [...dims].sort((a, b) => (a ?? 0) - (b ?? 0));
    if (version === 3 && !sorted.every((d, i) => d === i + 1)) {
      throw new KerasError(`Invalid permutation argument \`dims\` for Permute Layer. The set of indices in \`dims\` must be consecutive and start from 1. Received dims=${shapeText(dims)}`, 'dims');
    }
  },
  build(call) {
    const x = call.input();
    const dims = call.args.shapeTuple('dims') as number[];
    if (call.version > 1) requireRank('Permute', x, dims.length + 1);
    return { outputs: [[x[0], ...dims.map((d) => x[d] ?? null)]], weights: [] };
  },
};

const repeatVector: LayerDef = {
  className: 'RepeatVector',
  signature: ['n'],
  required: ['n'],
  validate(args, version) {
    if (version !== 3) return;
    const v = args.known('n');
    // repeat_vector.py: n must be a positive int (bool and float are TypeErrors)
    if (v?.t !== 'int') throw new KerasError(`Expected an integer value for \`n\`, got <class '${v ? argTypeName(v) : 'NoneType'}'>.`, 'n');
    if (v.v <= 0) throw new KerasError(`Argument \`n\` should be a positive integer. Received: n=${v.v}`, 'n');
  },
  build(call) {
    const x = call.input();
    requireRank('RepeatVector', x, 2);
    return { outputs: [[x[0], call.args.int('n'), x[1]]], weights: [] };
  },
};

type Pair = readonly [number, number];

function pairOf(className: string, name: string, v: ArgValue, version: KerasVersion): Pair {
  if (v.t === 'int') return [v.v, v.v];
  if (v.t === 'seq' && v.items.length === 2 && v.items.every((i) => i.t === 'int')) {
    return [(v.items[0] as { v: number }).v, (v.items[1] as { v: number }).v];
  }
  void version;
  throw new KerasError(`${className}: each entry of \`${name}\` must be an int or a tuple of 2 ints. Received: ${name}=${argRepr(v)}`, name);
}

/**
 * ZeroPadding/Cropping amounts as (before, after) per spatial dim: int, per-dim ints, or per-dim pairs. Negative
 * amounts are errors, except a bare int given to Keras 3 ZeroPadding2D/3D, which is never checked (it shrinks).
 */
function sidePairs(args: ArgReader, name: string, rank: number, def: Pair[], version: KerasVersion): Pair[] {
  const cls = args.className;
  const v = args.known(name);
  let pairs: Pair[];
  if (v === undefined || v.t === 'none') pairs = def;
  else if (v.t === 'int') pairs = Array(rank).fill([v.v, v.v]);
  else if (rank === 1) pairs = [pairOf(cls, name, v, version)];
  else if (v.t === 'dict' && version < 3) {
    // Keras 1 ZeroPadding2D dict {top_pad, bottom_pad, left_pad, right_pad} (Keras 2 converted it)
    const get = (k: string): number => {
      const e = v.entries.find(([key]) => key === k)?.[1];
      return e?.t === 'int' ? e.v : 0;
    };
    pairs = [[get('top_pad'), get('bottom_pad')], [get('left_pad'), get('right_pad')]];
  } else if (v.t === 'seq' && rank === 2 && v.items.length === 4 && version < 3 && v.items.every((i) => i.t === 'int')) {
    // Keras 1/2 4-tuple (top, bottom, left, right)
    const n = v.items.map((i) => (i as { v: number }).v);
    pairs = [[n[0], n[1]], [n[2], n[3]]];
  } else if (v.t === 'seq' && v.items.length === rank) {
    pairs = v.items.map((it) => pairOf(cls, name, it, version));
  } else {
    throw new KerasError(`\`${name}\` should have ${rank} elements. Received: ${name}=${argRepr(v)}.`, name);
  }
  const unchecked = version === 3 && name === 'padding' && rank > 1 && v?.t === 'int';
  if (!unchecked && pairs.some(([a, b]) => a < 0 || b < 0)) {
    throw new KerasError(`\`${name}\` cannot be negative. Received: ${name}=${argRepr(v ?? { t: 'none' })}.`, name);
  }
  return pairs;
}

function spatialFormat(call: { dataFormat(): 'channels_last' | 'channels_first'; version: KerasVersion }, rank: number, has1dFormat: boolean) {
  // 1D reshaping layers are always channels_last, except Keras 3 ZeroPadding1D which reads data_format.
  if (rank === 1 && !(has1dFormat && call.version === 3)) return 'channels_last';
  return call.dataFormat();
}

function zeroPadding(rank: 1 | 2 | 3): LayerDef {
  const className = `ZeroPadding${rank}D`;
  const def: Pair[] = Array(rank).fill([1, 1]);
  return {
    className,
    signature: ['padding', 'data_format'],
    legacy: { positional: rank === 1 ? ['padding'] : ['padding', 'dim_ordering'], renames: { dim_ordering: 'data_format' } },
    validate(args, version) {
      sidePairs(args, 'padding', rank, def, version);
    },
    build(call) {
      const x = call.input();
      requireRank(className, x, rank + 2);
      const pads = sidePairs(call.args, 'padding', rank, def, call.version);
      const axes = spatialAxes(spatialFormat(call, rank, true), rank);
      const out = [...x];
      // zero_padding2d.py compute_output_shape: dim + before + after (None stays None)
      axes.forEach((a, i) => { const d = x[a]; out[a] = d === null ? null : d + pads[i][0] + pads[i][1]; });
      if (out.some((d) => d !== null && d < 0)) {
        throw new KerasError(`Cannot convert '${shapeText(out)}' to a shape. Negative dimensions are not allowed.`);
      }
      return {
        outputs: [out], weights: [],
        shapeExplanation: axes.map((a, i) => `${dimText(x[a])} + ${pads[i][0]} + ${pads[i][1]} = ${dimText(out[a])}`).join(', '),
      };
    },
  };
}

function cropping(rank: 1 | 2 | 3): LayerDef {
  const className = `Cropping${rank}D`;
  const def: Pair[] = Array(rank).fill(rank === 2 ? [0, 0] : [1, 1]);
  return {
    className,
    signature: rank === 1 ? ['cropping'] : ['cropping', 'data_format'],
    legacy: { positional: rank === 1 ? ['cropping'] : ['cropping', 'dim_ordering'], renames: { dim_ordering: 'data_format' } },
    validate(args, version) {
      sidePairs(args, 'cropping', rank, def, version);
    },
    build(call) {
      const x = call.input();
      requireRank(className, x, rank + 2);
      const crops = sidePairs(call.args, 'cropping', rank, def, call.version);
      const axes = spatialAxes(spatialFormat(call, rank, false), rank);
      const out: Dim[] = [...x];
      axes.forEach((a, i) => {
        const d = x[a];
        if (d === null) return;
        const r = d - crops[i][0] - crops[i][1];
        // cropping2d.py compute_output_shape: the crop must leave at least one element
        if (r <= 0 && call.version === 3 && rank === 1) {
          throw new KerasError(`\`cropping\` parameter of \`Cropping1D\` layer must be smaller than the input length. Received: input_shape=${shapeText(x)}, cropping=(${crops[0].join(', ')})`);
        }
        if (r <= 0 && call.version === 3) {
          throw new KerasError(`Values in \`cropping\` argument should be smaller than the corresponding spatial dimension of the input. Received: input_shape=${shapeText(x)}, cropping=(${crops.map(([l, r]) => `(${l}, ${r})`).join(', ')})`);
        }
        out[a] = r;
      });
      return {
        outputs: [out], weights: [],
        shapeExplanation: axes.map((a, i) => `${dimText(x[a])} − ${crops[i][0]} − ${crops[i][1]} = ${dimText(out[a])}`).join(', '),
      };
    },
  };
}

function upSampling(rank: 1 | 2 | 3): LayerDef {
  const className = `UpSampling${rank}D`;
  return {
    className,
    signature: rank === 1 ? ['size'] : rank === 2 ? ['size', 'data_format', 'interpolation'] : ['size', 'data_format'],
    legacy: rank === 1
      ? { positional: ['length'], renames: { length: 'size' } }
      : { positional: ['size', 'dim_ordering'], renames: { dim_ordering: 'data_format' } },
    validate(args, version) {
      const raw = args.known('size');
      if (rank === 1 && version === 3 && raw !== undefined) {
        // up_sampling1d.py: size must be a positive int
        if (raw.t !== 'int') throw new KerasError(`Expected an integer value for \`size\`, got <class '${argTypeName(raw)}'>.`, 'size');
        if (raw.v <= 0) throw new KerasError(`Argument \`size\` should be a positive integer. Received: size=${raw.v}`, 'size');
      }
      const size = args.intTuple('size', rank, 2);
      if (size.some((s) => s <= 0)) throw new KerasError(`The \`size\` argument must be a tuple of ${rank} positive integers. Received: size=${shapeText(size)}`, 'size');
    },
    build(call) {
      const x = call.input();
      requireRank(className, x, rank + 2);
      const size = call.args.intTuple('size', rank, 2);
      const axes = spatialAxes(spatialFormat(call, rank, false), rank);
      const out: Dim[] = [...x];
      // up_sampling2d.py: spatial dim × size (None stays None)
      axes.forEach((a, i) => { const d = x[a]; out[a] = d === null ? null : d * size[i]; });
      return {
        outputs: [out], weights: [],
        shapeExplanation: axes.map((a, i) => `${dimText(x[a])} × ${size[i]} = ${dimText(out[a])}`).join(', '),
      };
    },
  };
}

export const RESHAPING_LAYERS: readonly LayerDef[] = [
  flatten, reshape, permute, repeatVector,
  zeroPadding(1), zeroPadding(2), zeroPadding(3), cropping(1), cropping(2), cropping(3),
  upSampling(1), upSampling(2), upSampling(3),
];
