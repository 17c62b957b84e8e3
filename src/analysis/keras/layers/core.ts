// Core layers (keras/src/layers/core): Dense, Embedding, Masking, Identity, Lambda.
import type { LayerDef } from '../layerDef';
import { argRepr, argTypeName, type ArgReader } from '../args';
import { KerasError, UnknownFigure } from '../errors';
import type { Dim } from '../shape';
import { commas, dimText, requireKnown, requireMinRank, sameShapeLayer, shapeText, withLora } from './util';

const dense: LayerDef = {
  className: 'Dense',
  required: ['units'],
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
      ...withLora(call, [
        { name: 'kernel', shape: [inputs, units], trainable: true },
        ...(bias ? [{ name: 'bias', shape: [units], trainable: true }] : []),
      ], 'kernel'),
      formula: bias
        ? { symbolic: 'units × (inputs + 1)', numeric: `${commas(units)} × (${commas(inputs)} + 1)` }
        : { symbolic: 'units × inputs', numeric: `${commas(units)} × ${commas(inputs)}` },
      shapeExplanation: `last axis ${commas(inputs)} → units ${commas(units)}`,
    };
  },
};


/** Keras 3 rejects non-int (and bool) sizes: embedding.py checks `isinstance(x, int) and x > 0`. */
function checkPositiveInt(args: ArgReader, name: string): void {
  const v = args.known(name);
  if (v === undefined) return; // Python's missing-argument TypeError comes from `required`
  if (v.t !== 'int' || v.v <= 0) {
    const text = v.t === 'str' ? v.v : argRepr(v);
    throw new KerasError(`\`${name}\` must be a positive integer. Received: ${name}=${text} (of type ${argTypeName(v)}).`, name);
  }
}

const embedding: LayerDef = {
  className: 'Embedding',
  required: ['input_dim', 'output_dim'],
  signature: ['input_dim', 'output_dim', 'embeddings_initializer', 'embeddings_regularizer', 'embeddings_constraint',
    'mask_zero', 'weights', 'lora_rank', 'lora_alpha', 'quantization_config'],
  // K3 pops input_length with a deprecation warning; K1/K2 use it for the output shape.
  keywords: ['input_length'],
  legacy: {
    positional: ['input_dim', 'output_dim', 'init', 'input_length', 'W_regularizer', 'activity_regularizer', 'W_constraint',
      'mask_zero', 'weights', 'dropout'],
    renames: { init: 'embeddings_initializer', W_regularizer: 'embeddings_regularizer', W_constraint: 'embeddings_constraint' },
  },
  validate(args, version) {
    if (version === 3) {
      checkPositiveInt(args, 'input_dim');
      checkPositiveInt(args, 'output_dim');
    }
  },
  build(call) {
    const x = call.input();
    const inputDim = call.args.int('input_dim');
    const outputDim = call.args.int('output_dim');
    let out: Dim[];
    if (call.version === 1) {
      // keras 1.2.2 embeddings.py get_output_shape_for: (B, input_length or in[1], output_dim), always 3-D
      const len = call.args.isNone('input_length') ? (x.length > 1 ? x[1] : null) : call.args.int('input_length');
      out = [x[0], len, outputDim];
    } else if (call.version === 2 && !call.args.isNone('input_length')) {
      // keras 2 embeddings.py compute_output_shape: input_length checked against the input, None is a wildcard
      const raw = call.args.known('input_length');
      const lens: Dim[] = raw?.t === 'seq' ? call.args.shapeTuple('input_length') : [call.args.int('input_length')];
      if (lens.length !== x.length - 1) {
        throw new KerasError(`"input_length" is ${lens.length === 1 ? dimText(lens[0]) : shapeText(lens)}, but received input has shape ${shapeText(x)}`);
      }
      out = [x[0], ...lens.map((l, i) => {
        const d = x[i + 1];
        if (l !== null && d !== null && l !== d) {
          throw new KerasError(`"input_length" is ${dimText(l)}, but received input has shape ${shapeText(x)}`);
        }
        return l ?? d;
      }), outputDim];
    } else {
      // keras/src/layers/core/embedding.py compute_output_shape: input_shape + (output_dim,)
      out = [...x, outputDim];
    }
    return {
      outputs: [out],
      ...withLora(call, [{ name: 'embeddings', shape: [inputDim, outputDim], trainable: true }], 'embeddings'),
      formula: { symbolic: 'input_dim × output_dim', numeric: `${commas(inputDim)} × ${commas(outputDim)}` },
      shapeExplanation: `each index → a vector of ${commas(outputDim)}`,
    };
  },
};

const masking = sameShapeLayer('Masking', ['mask_value']);

const identity = sameShapeLayer('Identity', []);

const lambda: LayerDef = {
  className: 'Lambda',
  signature: ['function', 'output_shape', 'mask', 'arguments'],
  required: ['function'],
  legacy: { positional: ['function', 'output_shape', 'arguments'] },
  build(call) {
    const x = call.input();
    const given = call.args.known('output_shape');
    if (given === undefined || given.t === 'none') {
      // keras/src/layers/core/lambda_layer.py traces the function; keras-lens does not run it.
      throw new UnknownFigure('Lambda without `output_shape=`: the output shape depends on the function, which keras-lens does not run');
    }
    if (given.t !== 'seq') throw new UnknownFigure('Lambda `output_shape` is a function; keras-lens does not run it');
    // lambda_layer.py: a tuple output_shape excludes the batch dim, which comes from the input.
    const target = call.args.shapeTuple('output_shape');
    return { outputs: [[x[0], ...target]], weights: [], shapeExplanation: 'output_shape given to Lambda' };
  },
};

export const CORE_LAYERS: readonly LayerDef[] = [dense, embedding, masking, identity, lambda];
