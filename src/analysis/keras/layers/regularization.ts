// Regularization layers (keras/src/layers/regularization): same shape, no weights; RNG seeds are not weights.
import type { KerasVersion, LayerDef } from '../layerDef';
import { argRepr, type ArgReader } from '../args';
import { KerasError } from '../errors';
import { badArg, requireRank, sameShape } from './util';

/** dropout.py & co.: `rate` (or stddev) must lie in [0, 1] — a Keras 3 constructor check. */
function inUnitInterval(name: string) {
  return (args: ArgReader, version: KerasVersion): void => {
    if (version !== 3) return;
    const r = args.num(name);
    if (r < 0 || r > 1) throw badArg(name, 'a float value between 0 and 1', argRepr(args.raw(name)!));
  };
}

const dropout: LayerDef = {
  className: 'Dropout',
  required: ['rate'],
  signature: ['rate', 'noise_shape', 'seed'],
  legacy: { positional: ['p', 'noise_shape', 'seed'], renames: { p: 'rate' } },
  builtAtConstruction: true,
  validate: inUnitInterval('rate'),
  build: (call) => sameShape(call.input()),
};

function spatialDropout(rank: 1 | 2 | 3): LayerDef {
  const className = `SpatialDropout${rank}D`;
  return {
    className,
    signature: rank === 1 ? ['rate', 'seed'] : ['rate', 'data_format', 'seed'],
    required: ['rate'],
    legacy: rank === 1
      ? { positional: ['p'], renames: { p: 'rate' } }
      : { positional: ['p', 'dim_ordering'], renames: { p: 'rate', dim_ordering: 'data_format' } },
    builtAtConstruction: true,
    noBaseKwargs: true,
    validate: inUnitInterval('rate'),
    build(call) {
      const x = call.input();
      // spatial_dropout.py: input_spec ndim = rank + 2
      requireRank(className, x, rank + 2);
      return sameShape(x);
    },
  };
}

const gaussianNoise: LayerDef = {
  className: 'GaussianNoise',
  required: ['stddev'],
  signature: ['stddev', 'seed'],
  legacy: { positional: ['sigma'], renames: { sigma: 'stddev' } },
  builtAtConstruction: true,
  // gaussian_noise.py (Keras 3 only) validates stddev like a rate.
  validate: inUnitInterval('stddev'),
  build: (call) => sameShape(call.input()),
};

const gaussianDropout: LayerDef = {
  className: 'GaussianDropout',
  required: ['rate'],
  signature: ['rate', 'seed'],
  legacy: { positional: ['p'], renames: { p: 'rate' } },
  builtAtConstruction: true,
  validate: inUnitInterval('rate'),
  build: (call) => sameShape(call.input()),
};

const alphaDropout: LayerDef = {
  className: 'AlphaDropout',
  required: ['rate'],
  signature: ['rate', 'noise_shape', 'seed'],
  builtAtConstruction: true,
  validate: inUnitInterval('rate'),
  build: (call) => sameShape(call.input()),
};

const activityRegularization: LayerDef = {
  className: 'ActivityRegularization',
  signature: ['l1', 'l2'],
  builtAtConstruction: true,
  validate(args, version) {
    if (version !== 3) return;
    // regularizers.py L1L2 → validate_float_arg: a non-negative finite number
    for (const name of ['l1', 'l2']) {
      const v = args.known(name);
      if (v === undefined || v.t === 'none') continue; // L1L2 reads None as 0.0
      const ok = (v.t === 'int' || v.t === 'float' || v.t === 'bool') && Number.isFinite(args.num(name)) && args.num(name) >= 0;
      if (!ok) throw new KerasError(`Invalid value for argument ${name}: expected a non-negative float. Received: ${name}=${v.t === 'str' ? v.v : argRepr(v)}`, name);
    }
  },
  build: (call) => sameShape(call.input()),
};

export const REGULARIZATION_LAYERS: readonly LayerDef[] = [
  dropout, spatialDropout(1), spatialDropout(2), spatialDropout(3), gaussianNoise, gaussianDropout, alphaDropout,
  activityRegularization,
];
