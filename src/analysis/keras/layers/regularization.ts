// Regularization layers (keras/src/layers/regularization): same shape, no weights; RNG seeds are not weights.
import type { KerasVersion, LayerDef } from '../layerDef';
import type { ArgReader } from '../args';
import { badArg, requireRank, sameShape, sameShapeLayer } from './util';

/** dropout.py & co.: `rate` (or stddev) must lie in [0, 1] — a Keras 3 constructor check. */
function inUnitInterval(name: string) {
  return (args: ArgReader, version: KerasVersion): void => {
    if (version !== 3) return;
    const r = args.num(name);
    if (r < 0 || r > 1) throw badArg(name, 'a float value between 0 and 1', String(r));
  };
}

const dropout: LayerDef = {
  className: 'Dropout',
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
  signature: ['stddev', 'seed'],
  legacy: { positional: ['sigma'], renames: { sigma: 'stddev' } },
  builtAtConstruction: true,
  // gaussian_noise.py (Keras 3 only) validates stddev like a rate.
  validate: inUnitInterval('stddev'),
  build: (call) => sameShape(call.input()),
};

const gaussianDropout: LayerDef = {
  className: 'GaussianDropout',
  signature: ['rate', 'seed'],
  legacy: { positional: ['p'], renames: { p: 'rate' } },
  builtAtConstruction: true,
  validate: inUnitInterval('rate'),
  build: (call) => sameShape(call.input()),
};

const alphaDropout: LayerDef = {
  className: 'AlphaDropout',
  signature: ['rate', 'noise_shape', 'seed'],
  builtAtConstruction: true,
  validate: inUnitInterval('rate'),
  build: (call) => sameShape(call.input()),
};

const activityRegularization = sameShapeLayer('ActivityRegularization', ['l1', 'l2']);

export const REGULARIZATION_LAYERS: readonly LayerDef[] = [
  dropout, spatialDropout(1), spatialDropout(2), spatialDropout(3), gaussianNoise, gaussianDropout, alphaDropout,
  activityRegularization,
];
