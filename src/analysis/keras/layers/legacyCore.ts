// Keras 1 (some kept as Keras 2 legacy layers) core and activation layers that Keras 3 no longer has:
// MaxoutDense, Highway, TimeDistributedDense (keras 1.2.2 layers/core.py), ParametricSoftplus, SReLU
// (keras 1.2.2 layers/advanced_activations.py).
import type { KerasVersion, LayerDef, WeightDecl } from '../layerDef';
import type { ArgValue } from '../args';
import { KerasError } from '../errors';
import type { Shape } from '../shape';
import { commas, removedInKeras3, requireKnown, requireRank, times } from './util';

const K1_TAIL = ['W_regularizer', 'b_regularizer', 'activity_regularizer', 'W_constraint', 'b_constraint', 'bias'];

/** The Keras 1 names without the base-layer keywords (weights, input_dim, input_length), which bind to the base map. */
const own = (names: string[]): string[] => names.filter((n) => !['weights', 'input_dim', 'input_length'].includes(n));

/** Keras 1-only classes: Keras 2 dropped them (to keras-contrib), Keras 3 never had them. */
function keras1Only(className: string, version: KerasVersion): void {
  if (version === 3) throw removedInKeras3(className);
  if (version === 2) throw new KerasError(`module 'keras.layers' has no attribute '${className}' (removed in Keras 2)`);
}

/** Keras 1/2 legacy classes (Keras 2 kept them in keras/legacy/layers.py). */
function legacyOnly(className: string, version: KerasVersion): void {
  if (version === 3) throw removedInKeras3(className);
}

const maxoutDense: LayerDef = {
  className: 'MaxoutDense',
  signature: own(['output_dim', 'nb_feature', 'init', 'weights', ...K1_TAIL, 'input_dim']),
  legacy: { positional: ['output_dim', 'nb_feature', 'init', 'weights', ...K1_TAIL, 'input_dim'] },
  validate: (_args, version) => legacyOnly('MaxoutDense', version),
  build(call) {
    const x = call.input();
    // core.py MaxoutDense: input_spec ndim=2; W (nb_feature, input_dim, output_dim), b (nb_feature, output_dim)
    requireRank('MaxoutDense', x, 2);
    const d = requireKnown('MaxoutDense', x[1], 'last dimension');
    const out = call.args.int('output_dim');
    const nf = call.args.int('nb_feature', 4);
    const bias = call.args.bool('bias', true);
    return {
      outputs: [[x[0], out]],
      weights: [
        { name: 'W', shape: [nf, d, out], trainable: true },
        ...(bias ? [{ name: 'b', shape: [nf, out], trainable: true }] : []),
      ],
      formula: bias
        ? { symbolic: 'nb_feature × output_dim × (inputs + 1)', numeric: `${nf} × ${commas(out)} × (${commas(d)} + 1)` }
        : { symbolic: 'nb_feature × output_dim × inputs', numeric: times([nf, out, d]) },
      shapeExplanation: `max over ${nf} linear pieces → ${commas(out)}`,
    };
  },
};

const highway: LayerDef = {
  className: 'Highway',
  signature: own(['init', 'activation', 'weights', ...K1_TAIL, 'input_dim']),
  legacy: { positional: ['init', 'activation', 'weights', ...K1_TAIL, 'input_dim'] },
  validate: (_args, version) => legacyOnly('Highway', version),
  build(call) {
    const x = call.input();
    // core.py Highway: input_spec ndim=2; W, W_carry (d, d); b, b_carry (d,) when bias
    requireRank('Highway', x, 2);
    const d = requireKnown('Highway', x[1], 'last dimension');
    const bias = call.args.bool('bias', true);
    const weights: WeightDecl[] = [
      { name: 'W', shape: [d, d], trainable: true },
      { name: 'W_carry', shape: [d, d], trainable: true },
    ];
    if (bias) weights.push({ name: 'b', shape: [d], trainable: true }, { name: 'b_carry', shape: [d], trainable: true });
    return {
      outputs: [x],
      weights,
      formula: bias ? { symbolic: '2 × inputs × (inputs + 1)', numeric: `2 × ${commas(d)} × (${commas(d)} + 1)` }
        : { symbolic: '2 × inputs²', numeric: `2 × ${commas(d)} × ${commas(d)}` },
    };
  },
};

const timeDistributedDense: LayerDef = {
  className: 'TimeDistributedDense',
  signature: own(['output_dim', 'init', 'activation', 'weights', ...K1_TAIL, 'input_dim', 'input_length']),
  legacy: { positional: ['output_dim', 'init', 'activation', 'weights', ...K1_TAIL, 'input_dim', 'input_length'] },
  validate: (_args, version) => keras1Only('TimeDistributedDense', version),
  build(call) {
    const x = call.input();
    // core.py TimeDistributedDense: input_spec ndim=3; W (input_dim, output_dim), b (output_dim,)
    requireRank('TimeDistributedDense', x, 3);
    const d = requireKnown('TimeDistributedDense', x[2], 'last dimension');
    const out = call.args.int('output_dim');
    const bias = call.args.bool('bias', true);
    return {
      outputs: [[x[0], x[1], out]],
      weights: [
        { name: 'W', shape: [d, out], trainable: true },
        ...(bias ? [{ name: 'b', shape: [out], trainable: true }] : []),
      ],
      formula: bias
        ? { symbolic: 'output_dim × (inputs + 1)', numeric: `${commas(out)} × (${commas(d)} + 1)` }
        : { symbolic: 'output_dim × inputs', numeric: `${commas(out)} × ${commas(d)}` },
      shapeExplanation: `the same Dense applied at each of the ${x[1] === null ? 'None' : commas(x[1])} steps`,
    };
  },
};

/** advanced_activations.py: param_shape = input_shape[1:] with each (1-based) shared axis set to 1; all dims known. */
function paramShape(className: string, x: Shape, raw: ArgValue | undefined): number[] {
  const shared: number[] = raw === undefined || raw.t === 'none' ? []
    : raw.t === 'int' ? [raw.v]
      : raw.t === 'seq' ? raw.items.map((it) => {
        if (it.t !== 'int') throw new KerasError(`${className}: \`shared_axes\` must contain integers`, 'shared_axes');
        return it.v;
      }) : [];
  const shape = x.slice(1).map((d, i) => (shared.includes(i + 1) ? 1 : d));
  return shape.map((d) => requireKnown(className, d, 'non-shared dimension'));
}

function perElement(className: string, signature: string[], names: string[]): LayerDef {
  return {
    className,
    signature: own(signature),
    legacy: { positional: signature },
    validate: (_args, version) => keras1Only(className, version),
    build(call) {
      const x = call.input();
      const shape = paramShape(className, x, call.args.known('shared_axes'));
      const size = shape.reduce((p, d) => p * d, 1);
      return {
        outputs: [x],
        weights: names.map((name) => ({ name, shape, trainable: true })),
        formula: { symbolic: `${names.length} × parameter size`, numeric: `${names.length} × ${times(shape.length ? shape : [1])}` },
        notes: [`${names.join(', ')}: one value per element${size === 1 ? '' : ' (shared_axes set to 1)'}`],
      };
    },
  };
}

export const LEGACY_CORE_LAYERS: readonly LayerDef[] = [
  maxoutDense, highway, timeDistributedDense,
  perElement('ParametricSoftplus', ['alpha_init', 'beta_init', 'weights', 'shared_axes'], ['alphas', 'betas']),
  perElement('SReLU', ['t_left_init', 'a_left_init', 't_right_init', 'a_right_init', 'shared_axes'], ['t_left', 'a_left', 't_right', 'a_right']),
];
