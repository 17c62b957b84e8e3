// Preprocessing layers that appear in models (keras/src/layers/preprocessing). Only Normalization has weights.
import type { LayerDef, WeightDecl } from '../layerDef';
import type { ArgReader } from '../args';
import { KerasError } from '../errors';
import type { Dim } from '../shape';
import { commas, sameShape, shapeText, times } from './util';

const rescaling: LayerDef = {
  className: 'Rescaling',
  signature: ['scale', 'offset'],
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
      throw new KerasError('When setting values directly, both `mean` and `variance` must be set.');
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

function augmentation(className: string, signature: string[]): LayerDef {
  return { className, signature, build: (call) => sameShape(call.input()) };
}

export const PREPROCESSING_LAYERS: readonly LayerDef[] = [
  rescaling, normalization,
  resizeLike('Resizing', ['height', 'width', 'interpolation', 'crop_to_aspect_ratio', 'pad_to_aspect_ratio', 'fill_mode',
    'fill_value', 'antialias', 'data_format'], false),
  resizeLike('CenterCrop', ['height', 'width', 'data_format'], true),
  randomCrop,
  augmentation('RandomFlip', ['mode', 'seed', 'data_format']),
  augmentation('RandomRotation', ['factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format']),
  augmentation('RandomZoom', ['height_factor', 'width_factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format']),
  augmentation('RandomTranslation', ['height_factor', 'width_factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format']),
  augmentation('RandomContrast', ['factor', 'value_range', 'seed', 'data_format']),
  augmentation('RandomBrightness', ['factor', 'value_range', 'seed', 'data_format']),
];
