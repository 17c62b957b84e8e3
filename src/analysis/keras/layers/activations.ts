// Activation layers (keras/src/layers/activations): same shape; only PReLU has a weight.
import type { LayerDef } from '../layerDef';
import { argRepr, type ArgReader } from '../args';
import { KerasError } from '../errors';
import { removedInKeras3, requireKnown, sameShape, sameShapeLayer, times } from './util';

/** keras/src/activations/__init__.py ALL_OBJECTS_DICT names (with the aliases of later 3.x releases). */
const K3_ACTIVATIONS = new Set([
  'relu', 'leaky_relu', 'relu6', 'softmax', 'elu', 'selu', 'softplus', 'softsign', 'silu', 'swish', 'gelu', 'tanh',
  'sigmoid', 'exponential', 'hard_sigmoid', 'hard_silu', 'hard_swish', 'linear', 'mish', 'log_softmax', 'crelu', 'celu',
  'glu', 'hard_tanh', 'hard_shrink', 'soft_shrink', 'tanh_shrink', 'squareplus', 'sparse_plus', 'sparsemax', 'threshold',
  'log_sigmoid', 'sparse_sigmoid',
]);

const activation: LayerDef = {
  className: 'Activation',
  signature: ['activation'],
  required: ['activation'],
  builtAtConstruction: true,
  validate(args, version) {
    const v = args.known('activation');
    if (v === undefined) return;
    // keras/src/activations/__init__.py get(): an unknown name is a ValueError.
    if (version === 3 && v.t === 'str' && !K3_ACTIVATIONS.has(v.v)) {
      throw new KerasError(`Could not interpret activation function identifier: ${v.v}`, 'activation');
    }
  },
  build: (call) => sameShape(call.input()),
};

/** An optional float argument that must be ≥ 0 (relu.py / leaky_relu.py constructor checks, in their words). */
function nonNegative(args: ArgReader, name: string, allowNone: boolean, shownAs = name): void {
  const v = args.known(name);
  if (v === undefined || (v.t === 'none' && allowNone)) return;
  const n = v.t === 'none' ? null : args.num(name);
  if (n !== null && n >= 0) return;
  const got = `Received: ${shownAs}=${n === null ? 'None' : argRepr(v)}`;
  if (args.className === 'LeakyReLU') {
    throw new KerasError(`The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. ${got}`, name);
  }
  throw new KerasError(`${name} of a ReLU layer cannot be ${allowNone ? '' : 'None or '}a negative value. ${got}`, name);
}

const relu: LayerDef = {
  className: 'ReLU',
  signature: ['max_value', 'negative_slope', 'threshold'],
  builtAtConstruction: true,
  validate(args, version) {
    if (version !== 3) return;
    nonNegative(args, 'max_value', true);
    nonNegative(args, 'negative_slope', false);
    nonNegative(args, 'threshold', false);
  },
  build: (call) => sameShape(call.input()),
};

const leakyRelu: LayerDef = {
  className: 'LeakyReLU',
  signature: ['negative_slope'],
  // leaky_relu.py: the old `alpha=` keyword is still accepted (with a warning).
  keywords: ['alpha'],
  legacy: { positional: ['alpha'] },
  builtAtConstruction: true,
  validate(args, version) {
    if (version !== 3) return;
    nonNegative(args, args.has('negative_slope') ? 'negative_slope' : 'alpha', false, 'negative_slope');
  },
  build: (call) => sameShape(call.input()),
};

const elu = sameShapeLayer('ELU', ['alpha']);

const softmax = sameShapeLayer('Softmax', ['axis']);

const thresholdedRelu: LayerDef = {
  className: 'ThresholdedReLU',
  signature: ['theta'],
  validate(_args, version) {
    if (version === 3) throw removedInKeras3('ThresholdedReLU');
  },
  build: (call) => sameShape(call.input()),
};

const prelu: LayerDef = {
  className: 'PReLU',
  signature: ['alpha_initializer', 'alpha_regularizer', 'alpha_constraint', 'shared_axes'],
  legacy: { positional: ['init', 'weights', 'shared_axes'], renames: { init: 'alpha_initializer' } },
  build(call) {
    const x = call.input();
    // keras/src/layers/activations/prelu.py build: alpha over input_shape[1:], shared axes (1-based) set to 1
    const shape = x.slice(1);
    const raw = call.args.known('shared_axes');
    const shared: number[] = raw === undefined || raw.t === 'none' ? []
      : raw.t === 'seq' ? raw.items.map((it) => {
        if (it.t !== 'int') throw new KerasError(`PReLU: \`shared_axes\` must contain integers`, 'shared_axes');
        return it.v;
      }) : [call.args.int('shared_axes')];
    for (const a of shared) {
      const i = a - 1 < 0 ? a - 1 + shape.length : a - 1;
      if (i < 0 || i >= shape.length) throw new KerasError(`PReLU: shared axis ${a} is out of range for input of rank ${x.length}`, 'shared_axes');
      shape[i] = 1;
    }
    const alpha = shape.map((d, i) => requireKnown('PReLU', d, `dimension ${i + 1}`));
    return {
      outputs: [x],
      weights: [{ name: 'alpha', shape: alpha, trainable: true }],
      formula: { symbolic: shared.length > 0 ? 'one slope per non-shared position' : 'one slope per input position', numeric: times(alpha) },
    };
  },
};

export const ACTIVATION_LAYERS: readonly LayerDef[] = [activation, relu, leakyRelu, elu, softmax, thresholdedRelu, prelu];
