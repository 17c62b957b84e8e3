// Categorical preprocessing layers (keras/src/layers/preprocessing): CategoryEncoding, Hashing, Discretization,
// StringLookup, IntegerLookup, TextVectorization. None has weights (lookup tables are not variables); the output shape
// follows each layer's compute_output_shape. Where the encoding depth is a vocabulary size only adapt() knows,
// the figure is unknown.
import type { KerasVersion, LayerDef } from '../layerDef';
import type { ArgReader } from '../args';
import { argRepr } from '../args';
import { KerasError, UnknownFigure } from '../errors';
import type { Dim, Shape } from '../shape';
import { commas } from './util';

function keras3Only(className: string, version: KerasVersion): void {
  if (version !== 3) {
    throw new KerasError(`module 'keras.layers' has no attribute '${className}' (Keras 1/2 have no preprocessing layers; tf.keras has it under layers.experimental.preprocessing before 2.6)`);
  }
}

/** argument_validation.validate_string_arg */
function oneOf(args: ArgReader, name: string, def: string, allowed: readonly string[], aliases: Record<string, string> = {}): string {
  const raw = args.str(name, def);
  const v = aliases[raw] ?? raw;
  if (!allowed.includes(v)) {
    throw new KerasError(`Unknown value for \`${name}\` argument of ${args.className}. Allowed values are: (${allowed.map((a) => `'${a}'`).join(', ')}). Received: ${name}=${raw}`, name);
  }
  return v;
}

/** "Encode the last axis into depth" (multi_hot/count/tf_idf) or "append depth" (one_hot, replacing a trailing 1). */
function encoded(x: Shape, mode: string, depth: Dim, oneHotReplacesOne: boolean): Dim[] {
  if (mode === 'one_hot') {
    if (oneHotReplacesOne && x.length > 1 && x[x.length - 1] === 1) return [...x.slice(0, -1), depth];
    return [...x, depth];
  }
  return [...x.slice(0, -1), depth];
}

const categoryEncoding: LayerDef = {
  className: 'CategoryEncoding',
  signature: ['num_tokens', 'output_mode', 'sparse'],
  validate(args, version) {
    keras3Only('CategoryEncoding', version);
    const mode = args.str('output_mode', 'multi_hot');
    const m = mode === 'binary' ? 'multi_hot' : mode;
    if (!['count', 'one_hot', 'multi_hot'].includes(m)) throw new KerasError(`Unknown arg for output_mode: ${mode}`, 'output_mode');
    if (args.isNone('num_tokens')) {
      throw new KerasError('num_tokens must be set to use this layer. If the number of tokens is not known beforehand, use the IntegerLookup layer instead.', 'num_tokens');
    }
    const n = args.int('num_tokens');
    if (n < 1) throw new KerasError(`\`num_tokens\` must be >= 1. Received: num_tokens=${n}.`, 'num_tokens');
  },
  build(call) {
    const x = call.input();
    const n = call.args.int('num_tokens');
    const raw = call.args.str('output_mode', 'multi_hot');
    const mode = raw === 'binary' ? 'multi_hot' : raw;
    // category_encoding.py compute_output_shape: a scalar → (num_tokens,); one_hot appends unless the last dim is 1
    // (rank ≥ 2); multi_hot/count replace the last dim (so a rank-1 batch of ids becomes one sample: (num_tokens,)).
    let out: Dim[];
    if (x.length === 0) out = [n];
    else if (mode === 'one_hot') out = x[x.length - 1] !== 1 || x.length === 1 ? [...x, n] : [...x.slice(0, -1), n];
    else out = [...x.slice(0, -1), n];
    return { outputs: [out], weights: [], shapeExplanation: `${mode} over num_tokens ${commas(n)}` };
  },
};

const hashing: LayerDef = {
  className: 'Hashing',
  signature: ['num_bins', 'mask_value', 'salt', 'output_mode', 'sparse'],
  validate(args, version) {
    keras3Only('Hashing', version);
    const n = args.optInt('num_bins');
    if (n === null || n <= 0) {
      throw new KerasError(`The \`num_bins\` for \`Hashing\` cannot be \`None\` or non-positive values. Received: num_bins=${n === null ? 'None' : n}.`, 'num_bins');
    }
    const mode = args.str('output_mode', 'int');
    if (!['int', 'one_hot', 'multi_hot', 'count'].includes(mode)) {
      throw new KerasError(`Invalid value for argument \`output_mode\`. Expected one of ('int', 'one_hot', 'multi_hot', 'count'). Received: output_mode=${mode}`, 'output_mode');
    }
  },
  build(call) {
    const x = call.input();
    const n = call.args.int('num_bins');
    const mode = call.args.str('output_mode', 'int');
    // hashing.py compute_output_shape: int keeps the shape; the other modes encode the last axis into num_bins
    if (mode === 'int') return { outputs: [x], weights: [], shapeExplanation: `each value hashed into one of ${commas(n)} bins` };
    return { outputs: [x.length === 0 ? [n] : [...x.slice(0, -1), n]], weights: [] };
  },
};

const discretization: LayerDef = {
  className: 'Discretization',
  signature: ['bin_boundaries', 'num_bins', 'epsilon', 'output_mode', 'sparse'],
  // discretization.py __init__(bin_boundaries, num_bins, epsilon, output_mode, sparse, dtype, name): no **kwargs
  noBaseKwargs: true,
  validate(args, version) {
    keras3Only('Discretization', version);
    oneOf(args, 'output_mode', 'int', ['int', 'one_hot', 'multi_hot', 'count']);
    const n = args.optInt('num_bins');
    if (n !== null && n < 0) throw new KerasError(`\`num_bins\` must be greater than or equal to 0. Received: \`num_bins=${n}\``, 'num_bins');
    const hasBounds = !args.isNone('bin_boundaries');
    if (n !== null && hasBounds) {
      throw new KerasError(`Both \`num_bins\` and \`bin_boundaries\` should not be set. Received: \`num_bins=${n}\` and \`bin_boundaries=${argRepr(args.raw('bin_boundaries')!)}\``, 'num_bins');
    }
    if (n === null && !hasBounds) throw new KerasError('You need to set either `num_bins` or `bin_boundaries`.', 'num_bins');
  },
  build(call) {
    const x = call.input();
    const mode = oneOf(call.args, 'output_mode', 'int', ['int', 'one_hot', 'multi_hot', 'count']);
    if (mode === 'int') return { outputs: [x], weights: [], shapeExplanation: 'each value replaced by its bin index' };
    let depth: number;
    if (!call.args.isNone('bin_boundaries')) {
      const b = call.args.known('bin_boundaries')!;
      if (b.t !== 'seq') throw new UnknownFigure('Discretization: the number of `bin_boundaries` is not known statically');
      depth = b.items.length + 1;
    } else depth = call.args.int('num_bins');
    // discretization.py compute_output_shape: one_hot appends depth (replacing a trailing 1); multi_hot/count
    // drop axis 1 and append depth (rank ≥ 2), else (depth,)
    let out: Dim[];
    if (mode === 'one_hot') out = x.length > 1 && x[x.length - 1] === 1 ? [...x.slice(0, -1), depth] : [...x, depth];
    else out = x.length >= 2 ? [x[0], ...x.slice(2), depth] : [depth];
    return { outputs: [out], weights: [], shapeExplanation: `${mode} over ${commas(depth)} bins` };
  },
};

/** The vocabulary size the lookup encodes into (index_lookup.py compute_output_shape `depth`), or why it is unknown. */
function lookupDepth(args: ArgReader, maskCounted: boolean, defaultOov = 1): number {
  if (args.bool('pad_to_max_tokens', false)) return args.int('max_tokens');
  const v = args.known('vocabulary');
  if (v === undefined || v.t === 'none') {
    throw new UnknownFigure(`${args.className}: the encoding depth is the vocabulary size, known only after adapt()`);
  }
  if (v.t !== 'seq') throw new UnknownFigure(`${args.className}: the vocabulary (${argRepr(v)}) is not a literal list, so its size is not known statically`);
  // vocabulary_size = len(vocab) + num_oov_indices (+ 1 for a mask token, counted in int mode only)
  const oov = args.int('num_oov_indices', defaultOov);
  const mask = maskCounted && !args.isNone('mask_token') ? 1 : 0;
  return v.items.length + oov + mask;
}

const LOOKUP_MODES = ['int', 'one_hot', 'multi_hot', 'count', 'tf_idf'];

function lookupValidate(args: ArgReader): void {
  oneOf(args, 'output_mode', 'int', LOOKUP_MODES, { binary: 'multi_hot' });
  const maxTokens = args.optInt('max_tokens');
  if (maxTokens !== null && maxTokens <= 1) {
    throw new KerasError(`If set, \`max_tokens\` must be greater than 1. Received: max_tokens=${maxTokens}`, 'max_tokens');
  }
  if (args.bool('pad_to_max_tokens', false) && maxTokens === null) {
    throw new KerasError('If pad_to_max_tokens is True, must set `max_tokens`. Received: max_tokens=None', 'pad_to_max_tokens');
  }
  const oov = args.int('num_oov_indices', 1);
  if (oov < 0) throw new KerasError(`\`num_oov_indices\` must be greater than or equal to 0. Received: num_oov_indices=${oov}`, 'num_oov_indices');
}

function lookup(className: 'StringLookup' | 'IntegerLookup', signature: string[]): LayerDef {
  return {
    className,
    signature,
    validate(args, version) {
      keras3Only(className, version);
      lookupValidate(args);
    },
    build(call) {
      const x = call.input();
      const mode = oneOf(call.args, 'output_mode', 'int', LOOKUP_MODES, { binary: 'multi_hot' });
      if (mode === 'int' || call.args.bool('invert', false)) {
        return { outputs: [x], weights: [], shapeExplanation: 'each token replaced by its index' };
      }
      // index_lookup.py compute_output_shape
      const depth = lookupDepth(call.args, false);
      return { outputs: [encoded(x, mode, depth, true)], weights: [], shapeExplanation: `${mode} over a vocabulary of ${commas(depth)} (incl. OOV)` };
    },
  };
}

const textVectorization: LayerDef = {
  className: 'TextVectorization',
  signature: ['max_tokens', 'standardize', 'split', 'ngrams', 'output_mode', 'output_sequence_length',
    'pad_to_max_tokens', 'vocabulary', 'idf_weights', 'sparse', 'ragged', 'encoding'],
  validate(args, version) {
    keras3Only('TextVectorization', version);
    const mode = oneOf(args, 'output_mode', 'int', LOOKUP_MODES, { binary: 'multi_hot', 'tf-idf': 'tf_idf' });
    const seq = args.known('output_sequence_length');
    const hasSeq = seq !== undefined && seq.t !== 'none';
    if (mode === 'int' && hasSeq && seq.t !== 'int') {
      throw new KerasError(`\`output_sequence_length\` must be either None or an integer when \`output_mode\` is 'int'. Received: output_sequence_length=${argRepr(seq)}`, 'output_sequence_length');
    }
    if (mode !== 'int' && hasSeq) {
      throw new KerasError(`\`output_sequence_length\` must not be set if \`output_mode\` is not 'int'. Received output_sequence_length=${argRepr(seq)}.`, 'output_sequence_length');
    }
    const maxTokens = args.optInt('max_tokens');
    if (maxTokens !== null && maxTokens <= 1) {
      throw new KerasError(`If set, \`max_tokens\` must be greater than 1. Received: max_tokens=${maxTokens}`, 'max_tokens');
    }
  },
  build(call) {
    const x = call.input();
    const mode = oneOf(call.args, 'output_mode', 'int', LOOKUP_MODES, { binary: 'multi_hot', 'tf-idf': 'tf_idf' });
    // text_vectorization.py compute_output_shape
    if (mode === 'int') {
      const len = call.args.optInt('output_sequence_length');
      return {
        outputs: [[x[0], len]],
        weights: [],
        shapeExplanation: len === null ? 'a token sequence of variable length (no output_sequence_length)' : `token sequences padded/truncated to ${commas(len)}`,
      };
    }
    const split = call.args.known('split');
    const noSplit = split !== undefined && split.t === 'none';
    const tokens: Dim[] = noSplit ? (x.length <= 1 ? [...x, 1] : [...x]) : [...x, null];
    // The inner StringLookup has mask_token="" and one OOV index; the mask is not counted outside int mode.
    const depth = lookupDepth(call.args, false);
    return { outputs: [encoded(tokens, mode, depth, true)], weights: [], shapeExplanation: `${mode} over a vocabulary of ${commas(depth)} (incl. OOV)` };
  },
};

export const CATEGORICAL_LAYERS: readonly LayerDef[] = [
  categoryEncoding, hashing, discretization,
  lookup('StringLookup', ['max_tokens', 'num_oov_indices', 'mask_token', 'oov_token', 'vocabulary', 'idf_weights', 'invert',
    'output_mode', 'pad_to_max_tokens', 'sparse', 'encoding']),
  lookup('IntegerLookup', ['max_tokens', 'num_oov_indices', 'mask_token', 'oov_token', 'vocabulary', 'vocabulary_dtype',
    'idf_weights', 'invert', 'output_mode', 'sparse', 'pad_to_max_tokens', 'oov_method', 'salt']),
  textVectorization,
];
