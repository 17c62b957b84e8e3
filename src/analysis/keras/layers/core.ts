// Core layers: Dense and the weightless shape-preserving layers.
import type { LayerDef } from '../layerDef';
import { KerasError } from '../errors';
import { commas, requireKnown, requireMinRank } from './util';

const dense: LayerDef = {
  className: 'Dense',
  signature: ['units', 'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer',
    'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint', 'lora_rank', 'lora_alpha', 'quantization_config'],
  legacy: {
    positional: ['output_dim', 'init', 'activation', 'weights', 'W_regularizer', 'b_regularizer', 'activity_regularizer',
      'W_constraint', 'b_constraint', 'bias', 'input_dim'],
    renames: { output_dim: 'units', init: 'kernel_initializer', W_regularizer: 'kernel_regularizer', b_regularizer: 'bias_regularizer',
      W_constraint: 'kernel_constraint', b_constraint: 'bias_constraint', bias: 'use_bias' },
  },
  validate(args, version) {
    const units = args.num('units');
    if (version === 3 && (!Number.isInteger(units) || args.raw('units')?.t !== 'int' || units <= 0)) {
      throw new KerasError(`Received an invalid value for \`units\`, expected a positive integer. Received: units=${units}`, 'units');
    }
  },
  build(call) {
    const x = call.input();
    requireMinRank('Dense', x, 2);
    const inputs = requireKnown('Dense', x[x.length - 1], 'last dimension');
    const units = call.args.int('units', undefined, call.version !== 3);
    const bias = call.args.bool('use_bias', true);
    // keras/src/layers/core/dense.py: kernel (input_dim, units), bias (units,)
    return {
      outputs: [[...x.slice(0, -1), units]],
      weights: [
        { name: 'kernel', shape: [inputs, units], trainable: true },
        ...(bias ? [{ name: 'bias', shape: [units], trainable: true }] : []),
      ],
      formula: bias
        ? { symbolic: 'units × (inputs + 1)', numeric: `${commas(units)} × (${commas(inputs)} + 1)` }
        : { symbolic: 'units × inputs', numeric: `${commas(units)} × ${commas(inputs)}` },
      shapeExplanation: `last axis ${commas(inputs)} → units ${commas(units)}`,
    };
  },
};

export const CORE_LAYERS: readonly LayerDef[] = [dense];
