// Convolution layers (keras/src/layers/convolutional): Conv, ConvTranspose, SeparableConv, DepthwiseConv.
import type { DataFormat, KerasVersion, LayerCall, LayerDef, LegacySpelling, WeightDecl } from '../layerDef';
import { argRepr, type ArgReader, type ArgValue } from '../args';
import { KerasError } from '../errors';
import type { Dim, Shape } from '../shape';
import { convLength, transposeLength, type Length, type Padding } from './convArith';
import { channelAxis, requireKnown, requireMinRank, shapeText, spatialAxes, times, withLora } from './util';

type Rank = 1 | 2 | 3;
type Kind = 'conv' | 'transpose' | 'separable' | 'depthwise';

/** Kernel dim names for formulas: kernel / kernel_h × kernel_w / kernel_d × kernel_h × kernel_w. */
const KERNEL_NAMES: Record<Rank, string[]> = { 1: ['kernel'], 2: ['kernel_h', 'kernel_w'], 3: ['kernel_d', 'kernel_h', 'kernel_w'] };

const INIT_RENAMES = {
  init: 'kernel_initializer', W_regularizer: 'kernel_regularizer', b_regularizer: 'bias_regularizer',
  W_constraint: 'kernel_constraint', b_constraint: 'bias_constraint', bias: 'use_bias', border_mode: 'padding',
  dim_ordering: 'data_format', atrous_rate: 'dilation_rate',
};

/**
 * Keras 1 kernel dims given as separate ints (nb_row, nb_col / kernel_dim1..3) → kernel_size, as Keras 2's
 * legacy conv2d_args_preprocessor did. A tuple in the first slot is already a Keras 2 kernel_size.
 */
export function joinKernelDims(names: readonly string[]) {
  return (args: Map<string, ArgValue>): void => {
    const first = args.get(names[0]);
    if (first === undefined) return;
    if (first.t === 'seq' || names.slice(1).every((nm) => !args.has(nm))) {
      args.set('kernel_size', first);
      args.delete(names[0]);
      return;
    }
    const parts = names.map((nm) => args.get(nm));
    if (parts.every((p): p is ArgValue => p !== undefined && p.t === 'int')) {
      args.set('kernel_size', { t: 'seq', items: parts, tuple: true });
      names.forEach((nm) => args.delete(nm));
    }
  };
}

const K1_TAIL = ['W_regularizer', 'b_regularizer', 'activity_regularizer', 'W_constraint', 'b_constraint', 'bias'];

function legacyFor(kind: Kind, rank: Rank): LegacySpelling | undefined {
  if (kind === 'depthwise') {
    // Keras 2.1.5 DepthwiseConv2D had no dilation_rate: activation is 6th positional.
    return { positional: ['kernel_size', 'strides', 'padding', 'depth_multiplier', 'data_format', 'activation', 'use_bias'] };
  }
  if (kind === 'separable' && rank === 1) return { renames: INIT_RENAMES };
  if (kind === 'transpose' && rank !== 2) {
    // Keras 2 Conv3DTranspose: output_padding precedes data_format (Keras 3 swapped them).
    return { positional: ['filters', 'kernel_size', 'strides', 'padding', 'output_padding', 'data_format'], renames: INIT_RENAMES };
  }
  if (rank === 1) {
    return {
      positional: ['nb_filter', 'filter_length', 'init', 'activation', 'weights', 'border_mode', 'subsample_length', ...K1_TAIL, 'input_dim', 'input_length'],
      renames: { ...INIT_RENAMES, nb_filter: 'filters', filter_length: 'kernel_size', subsample_length: 'strides' },
    };
  }
  const dims = rank === 2 ? ['nb_row', 'nb_col'] : ['kernel_dim1', 'kernel_dim2', 'kernel_dim3'];
  const middle = kind === 'transpose' ? ['output_shape'] : [];
  const after = kind === 'separable' ? ['border_mode', 'subsample', 'depth_multiplier', 'dim_ordering'] : ['border_mode', 'subsample', 'dim_ordering'];
  return {
    positional: ['nb_filter', ...dims, ...middle, 'init', 'activation', 'weights', ...after, ...K1_TAIL],
    renames: { ...INIT_RENAMES, nb_filter: 'filters', subsample: 'strides' },
    convert: joinKernelDims(dims),
  };
}

function signatureFor(kind: Kind, rank: Rank): string[] {
  const tail = ['activation', 'use_bias'];
  switch (kind) {
    case 'conv':
      return ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'groups', ...tail,
        'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer',
        'kernel_constraint', 'bias_constraint', 'lora_rank', 'lora_alpha'];
    case 'transpose':
      // Keras 3 Conv3DTranspose alone puts data_format before output_padding.
      return ['filters', 'kernel_size', 'strides', 'padding',
        ...(rank === 3 ? ['data_format', 'output_padding'] : ['output_padding', 'data_format']), 'dilation_rate', ...tail,
        'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer',
        'kernel_constraint', 'bias_constraint'];
    case 'separable':
      return ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'depth_multiplier', ...tail,
        'depthwise_initializer', 'pointwise_initializer', 'bias_initializer', 'depthwise_regularizer', 'pointwise_regularizer',
        'bias_regularizer', 'activity_regularizer', 'depthwise_constraint', 'pointwise_constraint', 'bias_constraint'];
    case 'depthwise':
      return ['kernel_size', 'strides', 'padding', 'depth_multiplier', 'data_format', 'dilation_rate', ...tail,
        'depthwise_initializer', 'bias_initializer', 'depthwise_regularizer', 'bias_regularizer', 'activity_regularizer',
        'depthwise_constraint', 'bias_constraint'];
  }
}

interface ConvArgs {
  readonly filters: number | null;
  readonly kernel: number[];
  readonly strides: number[];
  readonly dilation: number[];
  readonly padding: Padding;
  readonly groups: number;
  readonly dm: number;
  readonly useBias: boolean;
  readonly outputPadding: number[] | null;
}

/** keras/src/utils/argument_validation.py standardize_tuple: int or `rank` ints, each > 0 (≥ 0 with allowZero). */
function sizes(args: ArgReader, name: string, rank: Rank, def: number | undefined, allowZero = false): number[] {
  const t = args.intTuple(name, rank, def);
  if (t.some((v) => (allowZero ? v < 0 : v <= 0))) {
    throw new KerasError(`The \`${name}\` argument must be a tuple of ${rank} integers. Received ${name}=${argRepr(args.raw(name) ?? { t: 'none' })}, including values that do not satisfy \`value ${allowZero ? '>= 0' : '> 0'}\``, name);
  }
  return t;
}

/** Padding: Keras 3 lower-cases it (standardize_padding); causal only on Conv1D (TF2 also SeparableConv1D); 'full' only in Keras 1/2. */
function readPadding(args: ArgReader, kind: Kind, rank: Rank, version: KerasVersion): Padding {
  const raw = args.known('padding');
  if (raw !== undefined && raw.t === 'seq') {
    throw new KerasError(`${args.className}: explicit padding ${argRepr(raw)} is not supported; use 'valid' or 'same'`, 'padding');
  }
  const p = args.str('padding', 'valid').toLowerCase();
  const allowed = new Set(['valid', 'same']);
  if (rank === 1 && (kind === 'conv' || (kind === 'separable' && version === 2))) allowed.add('causal');
  if (version < 3 && (kind === 'conv' || kind === 'transpose')) allowed.add('full');
  if (!allowed.has(p)) {
    throw new KerasError(`The \`padding\` argument must be a list/tuple or one of {${[...allowed].map((a) => `'${a}'`).join(', ')}}. Received: ${p}`, 'padding');
  }
  return p as Padding;
}

function readConvArgs(args: ArgReader, kind: Kind, rank: Rank, version: KerasVersion): ConvArgs {
  const filters = kind === 'depthwise' ? null : args.int('filters');
  if (filters !== null && filters <= 0) {
    throw new KerasError(`Invalid value for argument \`filters\`. Expected a strictly positive value. Received filters=${filters}.`, 'filters');
  }
  const kernel = sizes(args, 'kernel_size', rank, undefined);
  const strides = sizes(args, 'strides', rank, 1);
  const dilation = sizes(args, 'dilation_rate', rank, 1);
  const padding = readPadding(args, kind, rank, version);
  const groups = kind === 'conv' ? args.int('groups', 1) : 1;
  const dm = kind === 'separable' || kind === 'depthwise' ? args.int('depth_multiplier', 1) : 1;
  const outputPadding = kind === 'transpose' && !args.isNone('output_padding') ? sizes(args, 'output_padding', rank, undefined, true) : null;
  return { filters, kernel, strides, dilation, padding, groups, dm, useBias: args.bool('use_bias', true), outputPadding };
}

/** Constructor checks from base_conv.py / base_conv_transpose.py / base_separable_conv.py / base_depthwise_conv.py. */
function validateConv(args: ArgReader, kind: Kind, rank: Rank, version: KerasVersion): void {
  if (args.has('nb_col') || args.has('kernel_dim2')) {
    throw new KerasError(`${args.className} can accept only 2 positional arguments ('filters', 'kernel_size')`);
  }
  const a = readConvArgs(args, kind, rank, version);
  if (a.groups <= 0) throw new KerasError(`The number of groups must be a positive integer. Received: groups=${a.groups}.`, 'groups');
  if (a.filters !== null && a.filters % a.groups !== 0) {
    throw new KerasError(`The number of filters must be evenly divisible by the number of groups. Received: groups=${a.groups}, filters=${a.filters}.`, 'groups');
  }
  if (a.dm <= 0) {
    throw new KerasError(`Invalid value for argument \`depth_multiplier\`. Expected a strictly positive value. Received depth_multiplier=${a.dm}.`, 'depth_multiplier');
  }
  // Conv and ConvTranspose (not Separable/Depthwise) refuse strides > 1 with dilation > 1 (Keras 3 / tf.keras).
  if (version === 3 && (kind === 'conv' || kind === 'transpose') && Math.max(...a.strides) > 1 && Math.max(...a.dilation) > 1) {
    throw new KerasError(`\`strides > 1\` not supported in conjunction with \`dilation_rate > 1\`. Received: strides=${shapeText(a.strides)} and dilation_rate=${shapeText(a.dilation)}`, 'strides');
  }
  if (a.outputPadding) {
    a.outputPadding.forEach((op, i) => {
      if (op >= a.strides[i]) {
        throw new KerasError(`\`output_padding\` must be strictly less than \`strides\` for all dimensions. At dimension ${i}, \`output_padding\` is ${op} but \`strides\` is ${a.strides[i]}. Received: output_padding=${shapeText(a.outputPadding!)}, strides=${shapeText(a.strides)}`, 'output_padding');
      }
    });
  }
}

/** Keras 1/2 Conv1D is always channels_last; otherwise data_format (or dim_ordering) against the global default. */
function formatOf(call: LayerCall, rank: Rank): DataFormat {
  if (rank === 1 && call.version < 3 && call.args.isNone('data_format')) return 'channels_last';
  return call.dataFormat();
}

function buildConv(call: LayerCall, kind: Kind, rank: Rank): ReturnType<LayerDef['build']> {
  const cls = call.args.className;
  const x = call.input();
  const a = readConvArgs(call.args, kind, rank, call.version);
  // base_conv.py: InputSpec(min_ndim=rank+2); a longer input fails the kernel-length check
  requireMinRank(cls, x, rank + 2);
  if (x.length > rank + 2) {
    throw new KerasError(`Kernel shape must have the same length as input, but received kernel of shape ${shapeText([...a.kernel, null, null])} and input of shape ${shapeText(x)}.`);
  }
  const format = formatOf(call, rank);
  const cAxis = channelAxis(format, x.length);
  const cin = requireKnown(cls, x[cAxis], 'channel dimension');
  if (cin % a.groups !== 0) {
    throw new KerasError(`The number of input channels must be evenly divisible by the number of groups. Received groups=${a.groups}, but the input has ${cin} channels (full input shape is ${shapeText(x)}).`);
  }
  const axes = spatialAxes(format, rank);
  const lengths: Length[] = axes.map((ax, i) => (kind === 'transpose'
    ? transposeLength(x[ax], a.kernel[i], a.strides[i], a.dilation[i], a.padding, a.outputPadding ? a.outputPadding[i] : null)
    : convLength(cls, x[ax], a.kernel[i], a.strides[i], a.dilation[i], a.padding, call.version)));
  let spatial: Dim[] = lengths.map((l) => l.out);
  let shapeExplanation = lengths.map((l) => l.text).join(', ');
  const outChannels = kind === 'depthwise' ? cin * a.dm : (a.filters as number);
  if (kind === 'transpose' && call.version === 1 && !call.args.isNone('output_shape')) {
    // Keras 1 Deconvolution2D: the spatial dims are the user's output_shape (batch included there)
    const given = call.args.shapeTuple('output_shape');
    spatial = axes.map((ax) => given[ax] ?? null);
    shapeExplanation = `spatial dims from output_shape=${shapeText(given)}`;
  }
  const out: Dim[] = [...x];
  axes.forEach((ax, i) => { out[ax] = spatial[i]; });
  out[cAxis] = outChannels;
  const { weights, formula } = weightsFor(kind, rank, a, cin);
  // only Conv1D/2D/3D take lora_rank (base_conv.py)
  return { outputs: [out as Shape], ...withLora(call, weights, kind === 'conv' ? 'kernel' : ''), formula, shapeExplanation };
}

function weightsFor(kind: Kind, rank: Rank, a: ConvArgs, cin: number): { weights: WeightDecl[]; formula: { symbolic: string; numeric: string } } {
  const k = KERNEL_NAMES[rank];
  const bias = (n: number): WeightDecl[] => (a.useBias ? [{ name: 'bias', shape: [n], trainable: true }] : []);
  const plusBias = (sym: string, num: string) => (a.useBias ? { symbolic: `${sym} + 1`, numeric: `${num} + 1` } : { symbolic: sym, numeric: num });
  switch (kind) {
    case 'conv': {
      // base_conv.py build: kernel = kernel_size + (Cin // groups, filters)
      const f = a.filters as number;
      const perGroup = cin / a.groups;
      const inSym = a.groups > 1 ? '(in_channels / groups)' : 'in_channels';
      const inNum = a.groups > 1 ? `(${cin} / ${a.groups})` : String(cin);
      const inner = plusBias(times([...k, inSym]), times([...a.kernel, inNum]));
      return {
        weights: [{ name: 'kernel', shape: [...a.kernel, perGroup, f], trainable: true }, ...bias(f)],
        formula: wrap('filters', f, inner, a.useBias),
      };
    }
    case 'transpose': {
      // base_conv_transpose.py build: kernel = kernel_size + (filters, Cin)
      const f = a.filters as number;
      const inner = plusBias(times([...k, 'in_channels']), times([...a.kernel, cin]));
      return {
        weights: [{ name: 'kernel', shape: [...a.kernel, f, cin], trainable: true }, ...bias(f)],
        formula: wrap('filters', f, inner, a.useBias),
      };
    }
    case 'separable': {
      // base_separable_conv.py build: depthwise k + (Cin, dm); pointwise (1,)*rank + (dm·Cin, filters)
      const f = a.filters as number;
      const dmSym = a.dm > 1 ? ['depth_multiplier'] : [];
      const dmNum = a.dm > 1 ? [a.dm] : [];
      return {
        weights: [
          { name: 'depthwise_kernel', shape: [...a.kernel, cin, a.dm], trainable: true },
          { name: 'pointwise_kernel', shape: [...Array<number>(rank).fill(1), a.dm * cin, f], trainable: true },
          ...bias(f),
        ],
        formula: {
          symbolic: `${times([...k, 'in_channels', ...dmSym])} + ${times(['in_channels', ...dmSym, 'filters'])}${a.useBias ? ' + filters' : ''}`,
          numeric: `${times([...a.kernel, cin, ...dmNum])} + ${times([cin, ...dmNum, f])}${a.useBias ? ` + ${f}` : ''}`,
        },
      };
    }
    case 'depthwise': {
      // base_depthwise_conv.py build: kernel k + (Cin, dm); bias (Cin·dm,)
      const inner = plusBias(times(k), times(a.kernel));
      return {
        weights: [{ name: 'kernel', shape: [...a.kernel, cin, a.dm], trainable: true }, ...bias(cin * a.dm)],
        formula: {
          symbolic: `${times(['in_channels', ...(a.dm > 1 ? ['depth_multiplier'] : [])])} × ${a.useBias ? `(${inner.symbolic})` : inner.symbolic}`,
          numeric: `${times([cin, ...(a.dm > 1 ? [a.dm] : [])])} × ${a.useBias ? `(${inner.numeric})` : inner.numeric}`,
        },
      };
    }
  }
}

/** `filters × (…)`: parenthesised only when there is a `+ 1`. */
function wrap(name: string, value: number, inner: { symbolic: string; numeric: string }, paren: boolean) {
  return paren
    ? { symbolic: `${name} × (${inner.symbolic})`, numeric: `${times([value])} × (${inner.numeric})` }
    : { symbolic: `${name} × ${inner.symbolic}`, numeric: `${times([value])} × ${inner.numeric}` };
}

const NAMES: Record<Kind, (r: Rank) => { className: string; aliases: string[]; legacyAliases: string[] }> = {
  conv: (r) => ({
    className: `Conv${r}D`, aliases: [`Convolution${r}D`],
    legacyAliases: r === 3 ? [] : [`AtrousConvolution${r}D`, `AtrousConv${r}D`],
  }),
  transpose: (r) => ({
    className: `Conv${r}DTranspose`, aliases: [`Convolution${r}DTranspose`],
    legacyAliases: r === 1 ? [] : [`Deconvolution${r}D`, `Deconv${r}D`],
  }),
  separable: (r) => ({ className: `SeparableConv${r}D`, aliases: [`SeparableConvolution${r}D`], legacyAliases: [] }),
  depthwise: (r) => ({ className: `DepthwiseConv${r}D`, aliases: [], legacyAliases: [] }),
};

function convLayer(kind: Kind, rank: Rank): LayerDef {
  return {
    ...NAMES[kind](rank),
    signature: signatureFor(kind, rank),
    required: kind === 'depthwise' ? ['kernel_size'] : ['filters', 'kernel_size'],
    legacy: legacyFor(kind, rank),
    validate: (args, version) => validateConv(args, kind, rank, version),
    build: (call) => buildConv(call, kind, rank),
  };
}

export const CONVOLUTION_LAYERS: readonly LayerDef[] = [
  convLayer('conv', 1), convLayer('conv', 2), convLayer('conv', 3),
  convLayer('transpose', 1), convLayer('transpose', 2), convLayer('transpose', 3),
  convLayer('separable', 1), convLayer('separable', 2),
  convLayer('depthwise', 1), convLayer('depthwise', 2),
];
