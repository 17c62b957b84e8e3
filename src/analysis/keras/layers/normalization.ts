// Normalization layers (keras/src/layers/normalization): BatchNormalization, LayerNormalization, GroupNormalization,
// UnitNormalization, RMSNormalization.
import type { LayerDef, WeightDecl } from '../layerDef';
import type { ArgReader } from '../args';
import { argRepr } from '../args';
import { KerasError } from '../errors';
import type { Shape } from '../shape';
import { commas, requireKnown, shapeText, times } from './util';

/** An int or a list of ints (the axis argument), as given. */
function axisList(args: ArgReader, name: string, def: number): { axes: number[]; isList: boolean } {
  const v = args.known(name);
  if (v === undefined || v.t === 'none') return { axes: [def], isList: false };
  if (v.t === 'int') return { axes: [v.v], isList: false };
  if (v.t === 'seq' && v.items.every((i) => i.t === 'int')) return { axes: v.items.map((i) => (i as { v: number }).v), isList: true };
  throw new KerasError(`Expected an int or a list/tuple of ints for the argument '${name}', but received: ${argRepr(v)}`, name);
}

/** `input_shape[axis]` with Python indexing; Keras: "Axis … is out of bounds for input shape …". */
function dimAt(className: string, x: Shape, axis: number, allAxes: readonly number[]): number {
  const i = axis < 0 ? axis + x.length : axis;
  if (i < 0 || i >= x.length) {
    throw new KerasError(`Axis ${axis} is out of bounds for input shape ${shapeText(x)}. Received: axis=${allAxes.length === 1 ? allAxes[0] : `[${allAxes.join(', ')}]`}`, 'axis');
  }
  return requireKnown(className, x[i], `dimension at axis ${axis}`);
}

const batchNormalization: LayerDef = {
  className: 'BatchNormalization',
  signature: ['axis', 'momentum', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer',
    'moving_mean_initializer', 'moving_variance_initializer', 'beta_regularizer', 'gamma_regularizer', 'beta_constraint',
    'gamma_constraint', 'renorm', 'renorm_clipping', 'renorm_momentum', 'synchronized'],
  legacy: {
    // Keras 1 BatchNormalization(epsilon, mode, axis, momentum, weights, beta_init, gamma_init, …): epsilon first
    positional: ['epsilon', 'mode', 'axis', 'momentum', 'weights', 'beta_init', 'gamma_init', 'gamma_regularizer', 'beta_regularizer'],
    renames: { beta_init: 'beta_initializer', gamma_init: 'gamma_initializer' },
  },
  validate(args, version) {
    const { isList } = axisList(args, 'axis', -1);
    // batch_normalization.py: Keras 3 takes a single int axis (a list is a TypeError)
    if (version === 3 && isList) {
      throw new KerasError(`BatchNormalization: \`axis\` must be an int in Keras 3, got ${argRepr(args.raw('axis')!)}`, 'axis');
    }
    if (version === 2 && !args.isNone('mode') && args.int('mode') !== 0) {
      throw new KerasError('The `mode` argument of `BatchNormalization` no longer exists. `mode=1` and `mode=2` are no longer supported.', 'mode');
    }
  },
  build(call) {
    const x = call.input();
    const { axes } = axisList(call.args, 'axis', -1);
    // tf.keras list axis: every weight spans the product of those dims
    const c = axes.map((a) => dimAt('BatchNormalization', x, a, axes)).reduce((p, d) => p * d, 1);
    const k1 = call.version === 1;
    const scale = k1 || call.args.bool('scale', true);
    const center = k1 || call.args.bool('center', true);
    const renorm = !k1 && call.args.bool('renorm', false);
    const vec = (name: string, trainable: boolean): WeightDecl => ({ name, shape: [c], trainable });
    // batch_normalization.py build: gamma, beta trainable; moving statistics not (Keras 1: running_mean/running_std)
    const weights: WeightDecl[] = [
      ...(scale ? [vec('gamma', true)] : []),
      ...(center ? [vec('beta', true)] : []),
      vec(k1 ? 'running_mean' : 'moving_mean', false),
      vec(k1 ? 'running_std' : 'moving_variance', false),
      ...(renorm ? [vec('moving_stddev', false), vec('renorm_mean', false), vec('renorm_stddev', false)] : []),
    ];
    const stats = k1 ? 'running_mean and running_std' : renorm ? 'moving_mean, moving_variance and the 3 renorm statistics' : 'moving_mean and moving_variance';
    return {
      outputs: [x],
      weights,
      formula: { symbolic: `${weights.length} × channels`, numeric: times([weights.length, c]) },
      notes: [`${stats} (${times([weights.length - (scale ? 1 : 0) - (center ? 1 : 0), c])}) are non-trainable`],
    };
  },
};

const layerNormalization: LayerDef = {
  className: 'LayerNormalization',
  signature: ['axis', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'beta_regularizer',
    'gamma_regularizer', 'beta_constraint', 'gamma_constraint'],
  keywords: ['rms_scaling'],
  validate(args, version) {
    const { axes } = axisList(args, 'axis', -1);
    // tf.keras checks for duplicates; Keras 3 does not (axis=[1, 1] builds gamma/beta of shape (d1, d1))
    if (version === 2 && new Set(axes).size !== axes.length) throw new KerasError(`Duplicate axis value in LayerNormalization: axis=[${axes.join(', ')}]`, 'axis');
  },
  build(call) {
    const x = call.input();
    // layer_normalization.py build: gamma/beta over input_shape[a] for a in sorted(axis)
    const { axes } = axisList(call.args, 'axis', -1);
    const shape = [...axes].sort((a, b) => a - b).map((a) => dimAt('LayerNormalization', x, a, axes));
    const rms = call.args.bool('rms_scaling', false);
    const scale = call.args.bool('scale', true) || rms;
    const center = call.args.bool('center', true) && !rms;
    const weights: WeightDecl[] = [
      ...(scale ? [{ name: 'gamma', shape, trainable: true }] : []),
      ...(center ? [{ name: 'beta', shape, trainable: true }] : []),
    ];
    const n = weights.length;
    return {
      outputs: [x],
      weights,
      formula: n === 0 ? undefined : { symbolic: `${n === 2 ? '2 × ' : ''}normalized size`, numeric: times([...(n === 2 ? [2] : []), ...shape]) },
    };
  },
};

const groupNormalization: LayerDef = {
  className: 'GroupNormalization',
  signature: ['groups', 'axis', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'beta_regularizer',
    'gamma_regularizer', 'beta_constraint', 'gamma_constraint'],
  validate(args) {
    const g = args.int('groups', 32);
    if (g <= 0 && g !== -1) {
      throw new KerasError(`Received an invalid value for argument \`groups\`, expected a positive integer (or \`-1\` for instance normalization). Received: groups=${g}`, 'groups');
    }
  },
  build(call) {
    const x = call.input();
    const axis = call.args.int('axis', -1);
    const i = axis < 0 ? axis + x.length : axis;
    if (i < 0 || i >= x.length) throw new KerasError(`Axis ${axis} is out of bounds for input shape ${shapeText(x)}. Received: axis=${axis}`, 'axis');
    const dim = x[i];
    // group_normalization.py build
    if (dim === null) {
      throw new KerasError(`Axis ${axis} of input tensor should have a defined dimension but the layer received an input with shape ${shapeText(x)}.`);
    }
    let groups = call.args.int('groups', 32);
    if (groups === -1) groups = dim;
    if (dim < groups) throw new KerasError(`Number of groups (${groups}) cannot be more than the number of channels (${dim}).`, 'groups');
    if (dim % groups !== 0) throw new KerasError(`Number of groups (${groups}) must be a multiple of the number of channels (${dim}).`, 'groups');
    const weights: WeightDecl[] = [
      ...(call.args.bool('scale', true) ? [{ name: 'gamma', shape: [dim], trainable: true }] : []),
      ...(call.args.bool('center', true) ? [{ name: 'beta', shape: [dim], trainable: true }] : []),
    ];
    return {
      outputs: [x],
      weights,
      formula: weights.length === 0 ? undefined : { symbolic: `${weights.length === 2 ? '2 × ' : ''}channels`, numeric: weights.length === 2 ? `2 × ${commas(dim)}` : commas(dim) },
      notes: [`${groups} groups of ${commas(dim / groups)} channels`],
    };
  },
};

const unitNormalization: LayerDef = {
  className: 'UnitNormalization',
  signature: ['axis'],
  builtAtConstruction: true,
  validate(args) {
    // unit_normalization.py: an int or a list/tuple of ints, else TypeError
    const v = args.known('axis');
    if (v !== undefined && v.t !== 'int' && !(v.t === 'seq' && v.items.every((i) => i.t === 'int'))) {
      throw new KerasError(`Invalid value for \`axis\` argument: expected an int or a list/tuple of ints. Received: axis=${v.t === 'str' ? v.v : argRepr(v)}`, 'axis');
    }
  },
  build(call) {
    const x = call.input();
    // call → ops.normalize: every axis must index the input
    for (const a of axisList(call.args, 'axis', -1).axes) {
      if (a >= x.length || a < -x.length) throw new KerasError(`Axis ${a} is out of bounds for input shape ${shapeText(x)}.`, 'axis');
    }
    return { outputs: [x], weights: [] };
  },
};

const rmsNormalization: LayerDef = {
  className: 'RMSNormalization',
  signature: ['axis', 'epsilon'],
  validate(args, version) {
    if (version !== 3) throw new KerasError("module 'keras.layers' has no attribute 'RMSNormalization' (added in Keras 3.9)");
    axisList(args, 'axis', -1);
  },
  build(call) {
    const x = call.input();
    // rms_normalization.py build: scale over input_shape[a] for a in sorted(axis), trainable
    const { axes } = axisList(call.args, 'axis', -1);
    const shape = [...axes].sort((a, b) => a - b).map((a) => dimAt('RMSNormalization', x, a, axes));
    return {
      outputs: [x],
      weights: [{ name: 'scale', shape, trainable: true }],
      formula: { symbolic: 'normalized size', numeric: times(shape) },
    };
  },
};

export const NORMALIZATION_LAYERS: readonly LayerDef[] = [batchNormalization, layerNormalization, groupNormalization, unitNormalization,
  rmsNormalization];
