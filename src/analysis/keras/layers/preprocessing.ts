// Preprocessing layers that appear in models (keras/src/layers/preprocessing). Only Normalization has weights.
import type { LayerDef, WeightDecl } from '../layerDef';
import { argRepr, type ArgReader, type ArgValue } from '../args';
import { KerasError } from '../errors';
import type { Dim } from '../shape';
import { commas, sameShape, shapeText, times } from './util';

const rescaling: LayerDef = {
  className: 'Rescaling',
  signature: ['scale', 'offset'],
  required: ['scale'],
  build: (call) => sameShape(call.input()),
};

/** normalization.py: axis None → (), int → (axis,), else a tuple. */
function normAxes(args: ArgReader): number[] {
  const v = args.known('axis');
  if (v === undefined) return [-1];
  if (v.t === 'none') return [];
  if (v.t === 'int') return [v.v];
  if (v.t === 'seq' && v.items.every((i) => i.t === 'int')) return v.items.map((i) => (i as { v: number }).v);
  throw new KerasError('Normalization: `axis` must be None, an int or a tuple of ints', 'axis');
}

const normalization: LayerDef = {
  className: 'Normalization',
  signature: ['axis', 'mean', 'variance', 'invert'],
  validate(args) {
    if (args.isNone('mean') !== args.isNone('variance')) {
      const shown = (n: string) => (args.isNone(n) ? 'None' : pyStr(args.known(n)!));
      throw new KerasError(`When setting values directly, both \`mean\` and \`variance\` must be set. Received: mean=${shown('mean')} and variance=${shown('variance')}`);
    }
  },
  build(call) {
    const x = call.input();
    const axes = normAxes(call.args);
    const n = x.length;
    if (axes.some((a) => a < -n || a >= n)) {
      throw new KerasError(`All \`axis\` values must be in the range [-ndim, ndim). Received inputs with ndim=${n}, while axis=${shapeText(axes)}`, 'axis');
    }
    // normalization.py build: statistics over the kept axes, which must be known
    const keep = [...new Set(axes.map((a) => (a < 0 ? a + n : a)))].sort((a, b) => a - b);
    const shape = keep.map((d) => {
      const v = x[d];
      if (v === null) throw new KerasError(`All \`axis\` values to be kept must have a known shape. Received axis=${shapeText(axes)}, inputs.shape=${shapeText(x)}, with unknown axis at index ${d}`);
      return v;
    });
    if (!call.args.isNone('mean')) return { outputs: [x], weights: [], notes: ['mean and variance given: no weights'] };
    const weights: WeightDecl[] = [
      { name: 'mean', shape, trainable: false },
      { name: 'variance', shape, trainable: false },
      { name: 'count', shape: [], trainable: false },
    ];
    const size = shape.reduce((p, d) => p * d, 1);
    return {
      outputs: [x],
      weights,
      formula: { symbolic: '2 × kept size + count', numeric: `2 × ${shape.length > 0 ? times(shape) : '1'} + 1` },
      notes: [`mean and variance (${commas(size)} each) and count are non-trainable statistics set by adapt()`],
    };
  },
};

/** Resizing/CenterCrop: height and width replaced, batched (rank 4) or not (rank 3). */
function resizeLike(className: string, signature: string[], strictRank: boolean): LayerDef {
  return {
    className,
    signature,
    required: ['height', 'width'],
    build(call) {
      const x = call.input();
      if (strictRank && x.length !== 3 && x.length !== 4) {
        throw new KerasError('`input_shape` must be a non-nested tuple or list of rank-1 with size 3 (unbatched) or 4 (batched). ');
      }
      const h = call.args.int('height');
      const w = call.args.int('width');
      const first = call.dataFormat() === 'channels_first';
      // resizing.py / center_crop.py compute_output_shape
      const hAxis = (x.length === 4 ? 1 : 0) + (first ? 1 : 0);
      const out: Dim[] = [...x];
      out[hAxis] = h;
      out[hAxis + 1] = w;
      return { outputs: [out], weights: [] };
    },
  };
}

const randomCrop: LayerDef = {
  className: 'RandomCrop',
  signature: ['height', 'width', 'seed', 'data_format'],
  required: ['height', 'width'],
  build(call) {
    const x = call.input();
    // random_crop.py: height/width axes counted from the end (-3, -2 channels_last; -2, -1 channels_first)
    const first = call.dataFormat() === 'channels_first';
    const hAxis = x.length + (first ? -2 : -3);
    if (hAxis < 0) throw new KerasError(`RandomCrop expects an image input of rank 3 or 4, got ${shapeText(x)}`);
    const out: Dim[] = [...x];
    out[hAxis] = call.args.int('height');
    out[hAxis + 1] = call.args.int('width');
    return { outputs: [out], weights: [] };
  },
};

/** A number as Python prints it in these messages (str(x)): 1.5, 2, (0.3, 1.5). */
function pyStr(v: ArgValue): string {
  return v.t === 'str' ? v.v : argRepr(v);
}

const numberOf = (v: ArgValue): number | null => (v.t === 'int' || v.t === 'float' ? v.v : null);

/**
 * base_image_preprocessing_layer.py _set_factor (RandomRotation, RandomContrast, RandomBrightness): a number within
 * [lo, hi], or a pair whose first is ≤ hi and second ≥ lo. None means 0.
 */
function baseFactor(args: ArgReader, lo: number, hi: number): void {
  const v = args.known('factor');
  if (v === undefined || v.t === 'none') return;
  const bad = () => new KerasError(`The \`factor\` argument should be a number (or a list of two numbers) in the range [${lo}, ${hi}]. Received: factor=${pyStr(v)}`, 'factor');
  if (v.t === 'seq') {
    const [a, b] = v.items.map(numberOf);
    if (v.items.length !== 2 || a === null || b === null || a > hi || b < lo) throw bad();
    return;
  }
  const n = numberOf(v);
  if (n === null || n < lo || n > hi) throw bad();
}

/** random_zoom.py / random_translation.py _set_factor: a number or a pair, each in (-1, 1] (zoom) or [-1, 1]. */
function sideFactor(args: ArgReader, name: string, zoom: boolean): void {
  const v = args.known(name);
  if (v === undefined || (v.t === 'none' && zoom && name === 'width_factor')) return;
  const head = zoom
    ? 'The `height_factor` and `width_factor` arguments should be a number (or a list of two numbers) in the range (-1.0, 1.0]. '
    : 'The `factor` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]. ';
  const check = (x: ArgValue) => {
    const n = numberOf(x)!;
    if (n > 1 || (zoom ? n <= -1 : n < -1)) throw new KerasError(`${head}Received: input_number=${pyStr(x)}`, name);
  };
  if (v.t === 'seq' && v.items.length === 2 && v.items.every((i) => numberOf(i) !== null)) v.items.forEach(check);
  else if (numberOf(v) !== null) check(v);
  else throw new KerasError(`${head}Received: ${name}=${pyStr(v)}`, name);
}

/** RandomRotation/Zoom/Translation: fill_mode and interpolation from fixed lists (NotImplementedError). */
function fillAndInterpolation(args: ArgReader): void {
  const fill = args.str('fill_mode', 'reflect');
  if (!['reflect', 'wrap', 'constant', 'nearest'].includes(fill)) {
    throw new KerasError(`Unknown \`fill_mode\` ${fill}. Expected of one ('reflect', 'wrap', 'constant', 'nearest').`, 'fill_mode');
  }
  const interpolation = args.str('interpolation', 'bilinear');
  if (!['nearest', 'bilinear'].includes(interpolation)) {
    throw new KerasError(`Unknown \`interpolation\` ${interpolation}. Expected of one ('nearest', 'bilinear').`, 'interpolation');
  }
}

/** The random image augmentations: same shape, no weights; their constructor checks. */
function augmentation(className: string, signature: string[], required: string[], validate?: (args: ArgReader) => void): LayerDef {
  return { className, signature, required, validate, build: (call) => sameShape(call.input()) };
}

export const PREPROCESSING_LAYERS: readonly LayerDef[] = [
  rescaling, normalization,
  resizeLike('Resizing', ['height', 'width', 'interpolation', 'crop_to_aspect_ratio', 'pad_to_aspect_ratio', 'fill_mode',
    'fill_value', 'antialias', 'data_format'], false),
  resizeLike('CenterCrop', ['height', 'width', 'data_format'], true),
  randomCrop,
  augmentation('RandomFlip', ['mode', 'seed', 'data_format'], []),
  augmentation('RandomRotation', ['factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format'], ['factor'], (args) => {
    baseFactor(args, -1, 1);
    fillAndInterpolation(args);
  }),
  augmentation('RandomZoom', ['height_factor', 'width_factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format'], ['height_factor'], (args) => {
    sideFactor(args, 'height_factor', true);
    sideFactor(args, 'width_factor', true);
    fillAndInterpolation(args);
  }),
  augmentation('RandomTranslation', ['height_factor', 'width_factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format'], ['height_factor', 'width_factor'], (args) => {
    sideFactor(args, 'height_factor', false);
    sideFactor(args, 'width_factor', false);
    fillAndInterpolation(args);
  }),
  // random_contrast.py _FACTOR_BOUNDS = (0, 1); random_brightness.py keeps the base (-1, 1) and needs a 2-item value_range
  augmentation('RandomContrast', ['factor', 'value_range', 'seed', 'data_format'], ['factor'], (args) => baseFactor(args, 0, 1)),
  augmentation('RandomBrightness', ['factor', 'value_range', 'seed', 'data_format'], ['factor'], (args) => {
    baseFactor(args, -1, 1);
    const range = args.known('value_range');
    if (range !== undefined && !(range.t === 'seq' && range.items.length === 2)) {
      throw new KerasError(`The \`value_range\` argument should be a list of two numbers. Received: value_range=${pyStr(range)}`, 'value_range');
    }
  }),
];
