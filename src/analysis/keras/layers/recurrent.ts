// Recurrent layers (keras/src/layers/rnn): SimpleRNN, LSTM, GRU, CuDNN*, Bidirectional, TimeDistributed.
import type { LayerBuild, LayerDef, WeightDecl } from '../layerDef';
import type { ArgReader } from '../args';
import { KerasError } from '../errors';
import type { Dim, Shape } from '../shape';
import { commas, removedInKeras3, requireKnown, requireMinRank, requireRank, shapeText } from './util';
import { rnnOutputCount } from './rnnCells';

type Cell = 'SimpleRNN' | 'LSTM' | 'GRU' | 'CuDNNLSTM' | 'CuDNNGRU';

/** Gates per cell: the kernel's second dim is gates × units. */
const GATES: Record<Cell, number> = { SimpleRNN: 1, LSTM: 4, GRU: 3, CuDNNLSTM: 4, CuDNNGRU: 3 };
const STATES: Record<Cell, number> = { SimpleRNN: 1, LSTM: 2, GRU: 1, CuDNNLSTM: 2, CuDNNGRU: 1 };

const RNN_TAIL = ['dropout', 'recurrent_dropout'];
const INITS = ['kernel_initializer', 'recurrent_initializer', 'bias_initializer'];
const REGS = ['kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer',
  'kernel_constraint', 'recurrent_constraint', 'bias_constraint'];

const SIGNATURES: Record<Cell, string[]> = {
  SimpleRNN: ['units', 'activation', 'use_bias', ...INITS, ...REGS, ...RNN_TAIL, 'return_sequences', 'return_state',
    'go_backwards', 'stateful', 'unroll', 'seed'],
  LSTM: ['units', 'activation', 'recurrent_activation', 'use_bias', ...INITS, 'unit_forget_bias', ...REGS, ...RNN_TAIL, 'seed',
    'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'use_cudnn'],
  GRU: ['units', 'activation', 'recurrent_activation', 'use_bias', ...INITS, ...REGS, ...RNN_TAIL, 'seed',
    'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'reset_after', 'use_cudnn'],
  // Keras 2 cudnn_recurrent.py
  CuDNNLSTM: ['units', ...INITS, 'unit_forget_bias', ...REGS, 'return_sequences', 'return_state', 'stateful'],
  CuDNNGRU: ['units', ...INITS, ...REGS, 'return_sequences', 'return_state', 'stateful'],
};

/** Keras 1 recurrent positional orders; the other Keras 1 names are keywords Keras 2 renamed. */
const K1_POSITIONAL: Partial<Record<Cell, string[]>> = {
  SimpleRNN: ['output_dim', 'init', 'inner_init', 'activation', 'W_regularizer', 'U_regularizer', 'b_regularizer', 'dropout_W', 'dropout_U'],
  GRU: ['output_dim', 'init', 'inner_init', 'activation', 'inner_activation', 'W_regularizer', 'U_regularizer', 'b_regularizer', 'dropout_W', 'dropout_U'],
  LSTM: ['output_dim', 'init', 'inner_init', 'forget_bias_init', 'activation', 'inner_activation', 'W_regularizer', 'U_regularizer',
    'b_regularizer', 'dropout_W', 'dropout_U'],
};

const K1_RENAMES = {
  output_dim: 'units', init: 'kernel_initializer', inner_init: 'recurrent_initializer', inner_activation: 'recurrent_activation',
  W_regularizer: 'kernel_regularizer', U_regularizer: 'recurrent_regularizer', b_regularizer: 'bias_regularizer',
  dropout_W: 'dropout', dropout_U: 'recurrent_dropout', consume_less: 'implementation', forget_bias_init: 'unit_forget_bias',
};

/** Output shapes shared by every recurrent layer: (B, units) or (B, T, units), then the states with return_state. */
function rnnOutputs(args: ArgReader, x: Shape, units: number, states: number): { outputs: Shape[]; multiOutput: boolean } {
  const out: Dim[] = args.bool('return_sequences', false) ? [x[0], x[1], units] : [x[0], units];
  if (!args.bool('return_state', false)) return { outputs: [out], multiOutput: false };
  return { outputs: [out, ...Array.from({ length: states }, () => [x[0], units])], multiOutput: true };
}

function recurrent(cell: Cell): LayerDef {
  const cudnn = cell.startsWith('CuDNN');
  return {
    className: cell,
    signature: SIGNATURES[cell],
    required: cudnn ? undefined : ['units'],
    keywords: ['implementation'],
    legacy: { positional: K1_POSITIONAL[cell], renames: K1_RENAMES },
    outputCount: (args) => (args.bool('return_state', false) ? 1 + STATES[cell] : 1),
    validate(args, version) {
      if (cudnn && version === 3) throw removedInKeras3(cell);
      const units = args.int('units');
      if (version === 3 && units <= 0) {
        throw new KerasError(`Received an invalid value for argument \`units\`, expected a positive integer, got ${units}.`, 'units');
      }
    },
    build(call) {
      const x = call.input();
      // rnn.py: input_spec ndim=3 (B, T, D); the feature dim builds the kernel
      requireRank(cell, x, 3);
      const d = requireKnown(cell, x[2], 'feature (last) dimension');
      // rnn.py: the state variables of a stateful RNN need a static batch size (Keras 1/2 say so in other words)
      if (call.args.bool('stateful', false) && x[0] === null) {
        throw new KerasError(call.version === 3
          ? `When using \`stateful=True\` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=${shapeText(x)}`
          : 'If a RNN is stateful, it needs to know its batch size. Specify the batch size of your input tensors (batch_shape= on the Input, or batch_input_shape= on the first layer).', 'stateful');
      }
      const u = call.args.int('units', undefined, call.version !== 3);
      const g = GATES[cell];
      // Keras 1 recurrent layers always have biases; CuDNN layers always have double biases.
      const useBias = cudnn || call.version === 1 || call.args.bool('use_bias', true);
      // gru.py: reset_after defaults to True in Keras 3, False in Keras 1/2 (bias (2, 3u) when True)
      const doubleBias = cudnn || (cell === 'GRU' && call.version !== 1 && call.args.bool('reset_after', call.version === 3));
      const weights: WeightDecl[] = [
        { name: 'kernel', shape: [d, g * u], trainable: true },
        { name: 'recurrent_kernel', shape: [u, g * u], trainable: true },
      ];
      if (useBias) weights.push({ name: 'bias', shape: doubleBias ? (cudnn ? [2 * g * u] : [2, g * u]) : [g * u], trainable: true });
      const b = useBias ? (doubleBias ? ' + 2' : ' + 1') : '';
      const lead = g > 1 ? `${g} × ` : '';
      return {
        ...rnnOutputs(call.args, x, u, STATES[cell]),
        weights,
        formula: {
          symbolic: `${lead}units × (units + inputs${b})`,
          numeric: `${lead}${commas(u)} × (${commas(u)} + ${commas(d)}${b})`,
        },
        notes: doubleBias && cell === 'GRU' ? ['reset_after=True: separate input and recurrent biases, shape (2, 3 × units)'] : undefined,
      };
    },
  };
}

const RECURRENT_CLASSES = new Set(['SimpleRNN', 'LSTM', 'GRU', 'CuDNNLSTM', 'CuDNNGRU', 'RNN', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D']);

function paramCount(b: LayerBuild): number {
  return b.weights.reduce((s, w) => s + w.shape.reduce((p, d) => p * d, 1), 0);
}

const bidirectional: LayerDef = {
  className: 'Bidirectional',
  signature: ['layer', 'merge_mode', 'weights', 'backward_layer'],
  required: ['layer'],
  outputCount(args) {
    const inner = args.layer('layer');
    const merged = (args.has('merge_mode') ? args.optStr('merge_mode') : 'concat') === null ? 2 : 1;
    const states = inner.className === 'RNN' ? rnnOutputCount(inner.args) - 1
      : inner.args.bool('return_state', false) ? (inner.className.includes('LSTM') ? 2 : 1) : 0;
    return merged + 2 * states;
  },
  validate(args) {
    const mode = args.has('merge_mode') ? args.optStr('merge_mode') : 'concat';
    if (mode !== null && !['concat', 'sum', 'mul', 'ave'].includes(mode)) {
      throw new KerasError(`Invalid merge mode. Received: ${mode}. Merge mode should be one of {"sum", "mul", "ave", "concat", None}`, 'merge_mode');
    }
    const layer = args.layer('layer');
    if (layer.known && !RECURRENT_CLASSES.has(layer.className)) {
      throw new KerasError(`Bidirectional: \`layer\` must be a recurrent layer (RNN, LSTM, GRU…). Received: ${layer.className}`, 'layer');
    }
    // bidirectional.py: the backward layer (a go_backwards-flipped copy unless given) must differ in go_backwards
    // and agree on stateful / return_sequences / return_state
    const backward = args.isNone('backward_layer') ? null : args.layer('backward_layer');
    const py = (b: boolean) => (b ? 'True' : 'False');
    const fwBack = layer.args.bool('go_backwards', false);
    const bwBack = backward ? backward.args.bool('go_backwards', false) : !fwBack;
    if (fwBack === bwBack || (!backward && fwBack)) {
      throw new KerasError(`Forward layer and backward layer should have different \`go_backwards\` value. Received: forward_layer.go_backwards ${py(fwBack)}, backward_layer.go_backwards=${py(backward ? bwBack : fwBack)}`, backward ? 'backward_layer' : 'layer');
    }
    for (const attr of backward ? ['stateful', 'return_sequences', 'return_state'] : []) {
      const fw = layer.args.bool(attr, false);
      const bw = backward!.args.bool(attr, false);
      if (fw !== bw) {
        throw new KerasError(`Forward layer and backward layer are expected to have the same value for attribute "${attr}", got "${py(fw)}" for forward layer and "${py(bw)}" for backward layer`, 'backward_layer');
      }
    }
  },
  build(call) {
    const x = call.input();
    const fwRef = call.args.layer('layer');
    const fw = call.buildInner(fwRef, x);
    const bwRef = call.args.isNone('backward_layer') ? null : call.args.layer('backward_layer');
    const bw = bwRef ? call.buildInner(bwRef, x) : fw;
    const mode = call.args.has('merge_mode') ? call.args.optStr('merge_mode') : 'concat';
    const o = fw.outputs[0];
    const states = fw.outputs.length - 1;
    let merged: Shape[];
    if (mode === null) merged = [o, bw.outputs[0]];
    else if (mode === 'concat') {
      // bidirectional.py compute_output_shape doubles the forward last dim (Keras 3 even with a differently sized backward_layer)
      const last = o[o.length - 1];
      const bwLast = bw.outputs[0][bw.outputs[0].length - 1];
      const sum = call.version === 3 || last === null || bwLast === null ? (last === null ? null : 2 * last) : last + bwLast;
      merged = [[...o.slice(0, -1), sum]];
    } else merged = [o];
    const outputs = [...merged, ...fw.outputs.slice(1), ...bw.outputs.slice(1, 1 + states)];
    const prefix = (p: string, ws: readonly WeightDecl[]) => ws.map((w) => ({ ...w, name: `${p}_${w.name}` }));
    const fwName = `forward_${fwRef.name}`;
    const bwName = `backward_${(bwRef ?? fwRef).name}`;
    return {
      outputs,
      multiOutput: outputs.length > 1,
      weights: [...prefix(fwName, fw.weights), ...prefix(bwName, bw.weights)],
      formula: bwRef || !fw.formula
        ? { symbolic: 'forward + backward', numeric: `${commas(paramCount(fw))} + ${commas(paramCount(bw))}` }
        : { symbolic: `2 × ${fw.formula.symbolic}`, numeric: `2 × ${fw.formula.numeric}` },
      shapeExplanation: mode === 'concat' ? 'forward and backward outputs concatenated on the last axis' : mode === null ? 'forward and backward outputs as a list' : `forward and backward outputs merged by ${mode}`,
    };
  },
};

const timeDistributed: LayerDef = {
  className: 'TimeDistributed',
  signature: ['layer'],
  required: ['layer'],
  build(call) {
    const x = call.input();
    // time_distributed.py: input rank ≥ 3; the inner layer sees (B, *in[2:]); output (B, T, *inner[1:])
    requireMinRank('TimeDistributed', x, 3);
    const inner = call.buildInner(call.args.layer('layer'), [x[0], ...x.slice(2)]);
    return {
      outputs: inner.outputs.map((s) => [x[0], x[1], ...s.slice(1)]),
      multiOutput: inner.multiOutput,
      weights: inner.weights,
      formula: inner.formula,
      shapeExplanation: `the wrapped layer applied to each of the ${x[1] === null ? 'None' : commas(x[1])} steps`,
      notes: inner.notes,
    };
  },
};

export const RECURRENT_LAYERS: readonly LayerDef[] = [
  recurrent('SimpleRNN'), recurrent('LSTM'), recurrent('GRU'), recurrent('CuDNNLSTM'), recurrent('CuDNNGRU'),
  bidirectional, timeDistributed,
];
