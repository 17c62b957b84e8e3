// RNN cells (SimpleRNNCell, LSTMCell, GRUCell, StackedRNNCells) and the generic RNN wrapper (keras/src/layers/rnn).
//
// A cell is a layer object the user creates (`keras.layers.LSTMCell(16)`, which consumes the auto-name `lstm_cell`)
// and passes to `RNN(cell)`; it is never a row of its own. Cells therefore have catalogue entries (for binding, names
// and constructor checks), but their `build` is only what Keras does when a cell is called directly — it needs a
// `states` argument, so keras-lens reports that. The RNN wrapper does not go through `build`: it reads each cell's
// bound arguments and uses `cellSpec` below, the cell's own build() arithmetic (weights on the per-step input size,
// state sizes, output size), which is also how StackedRNNCells chains cells.
import type { KerasVersion, LayerDef, WeightDecl } from '../layerDef';
import type { ArgReader, ArgValue, LayerRef } from '../args';
import { argRepr } from '../args';
import { KerasError, UnknownFigure } from '../errors';
import type { Dim, Shape } from '../shape';
import { commas, shapeText } from './util';

type CellKind = 'SimpleRNNCell' | 'LSTMCell' | 'GRUCell';

const INITS = ['kernel_initializer', 'recurrent_initializer', 'bias_initializer'];
const REGS = ['kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint'];

const CELL_SIGNATURES: Record<CellKind, string[]> = {
  SimpleRNNCell: ['units', 'activation', 'use_bias', ...INITS, ...REGS, 'dropout', 'recurrent_dropout', 'seed'],
  LSTMCell: ['units', 'activation', 'recurrent_activation', 'use_bias', ...INITS, 'unit_forget_bias', ...REGS,
    'dropout', 'recurrent_dropout', 'seed'],
  GRUCell: ['units', 'activation', 'recurrent_activation', 'use_bias', ...INITS, ...REGS, 'dropout', 'recurrent_dropout',
    'reset_after', 'seed'],
};
const GATES: Record<CellKind, number> = { SimpleRNNCell: 1, LSTMCell: 4, GRUCell: 3 };

/** Keras 2 cells took Keras 2 names only; the Keras 1 renames of the recurrent layers do not apply (cells are Keras 2+). */
const CELL_KEYWORDS = ['implementation'];

/** What a cell contributes when an RNN builds it on a per-step input of `inputDim` features. */
export interface CellSpec {
  readonly weights: WeightDecl[];
  /** Flattened state sizes, in Keras's order. */
  readonly states: number[];
  readonly outputSize: number;
  /** A compact formula for this cell's parameter count. */
  readonly formula: string;
}

function notInKeras1(className: string, version: KerasVersion): void {
  if (version === 1) throw new KerasError(`module 'keras.layers' has no attribute '${className}' (Keras 1 has no ${className}; it came with Keras 2.0.9)`);
}

function checkUnits(args: ArgReader, version: KerasVersion): void {
  const units = args.int('units');
  if (version === 3 && units <= 0) {
    throw new KerasError(`Received an invalid value for argument \`units\`, expected a positive integer, got ${units}.`, 'units');
  }
}

function requireFeatures(d: Dim, cell: string): number {
  if (d === null) {
    throw new KerasError(`Shapes used to initialize variables must be fully-defined (no \`None\` dimensions). Received: shape=(None, …) for variable path='${cell}/kernel' (the RNN input's feature dimension is None)`);
  }
  return d;
}

/** A cell's build() arithmetic (simple_rnn.py / lstm.py / gru.py …Cell.build, stacked_rnn_cells.py). */
export function cellSpec(ref: LayerRef, inputDim: Dim, version: KerasVersion): CellSpec {
  if (!ref.known) throw new UnknownFigure(`the RNN cell \`${ref.name}\` is not known`);
  if (ref.className === 'StackedRNNCells') return stackedSpec(cellList(ref.args.known('cells'), 'StackedRNNCells', 'cells'), inputDim, version);
  const kind = ref.className as CellKind;
  if (!(kind in GATES)) {
    throw new KerasError(`The RNN cell should have a \`state_size\` attribute (single integer or list of integers, one integer per RNN state). Received: cell=<${ref.className} name=${ref.name}>`, 'cell');
  }
  const d = requireFeatures(inputDim, ref.name);
  const u = ref.args.int('units');
  const g = GATES[kind];
  const bias = ref.args.bool('use_bias', true);
  // gru.py: reset_after (Keras 3 default True; Keras 2 GRUCell default False) → bias (2, 3u)
  const double = kind === 'GRUCell' && ref.args.bool('reset_after', version === 3);
  // The weights belong to the cell: its own trainable flag decides (RNN(cell, trainable=False) leaves them trainable).
  const t = ref.trainable;
  const weights: WeightDecl[] = [
    { name: `${ref.name}/kernel`, shape: [d, g * u], trainable: t },
    { name: `${ref.name}/recurrent_kernel`, shape: [u, g * u], trainable: t },
  ];
  if (bias) weights.push({ name: `${ref.name}/bias`, shape: double ? [2, g * u] : [g * u], trainable: t });
  const b = bias ? (double ? ' + 2' : ' + 1') : '';
  return {
    weights,
    states: kind === 'LSTMCell' ? [u, u] : [u],
    outputSize: u,
    formula: `${g > 1 ? `${g} × ` : ''}${commas(u)} × (${commas(u)} + ${commas(d)}${b})`,
  };
}

/** stacked_rnn_cells.py build: each cell is built on the previous cell's output size. */
function stackedSpec(cells: LayerRef[], inputDim: Dim, version: KerasVersion): CellSpec {
  if (cells.length === 0) throw new KerasError('RNN: the list of cells is empty (list index out of range)', 'cell');
  const weights: WeightDecl[] = [];
  const states: number[] = [];
  const parts: string[] = [];
  let d = inputDim;
  for (const c of cells) {
    const s = cellSpec(c, d, version);
    weights.push(...s.weights);
    states.push(...s.states);
    parts.push(s.formula);
    d = s.outputSize;
  }
  return { weights, states, outputSize: d as number, formula: parts.join(' + ') };
}

/** A `cell` / `cells` argument: one cell object or a list/tuple of them. */
function cellList(v: ArgValue | undefined, owner: string, name: string): LayerRef[] {
  if (v === undefined || v.t === 'none') throw new KerasError(`${owner}() missing required argument: '${name}'`, name);
  if (v.t === 'layer') return [v.layer];
  if (v.t === 'seq') {
    return v.items.map((it) => {
      if (it.t === 'layer') return it.layer;
      if (it.t === 'unknown') throw new UnknownFigure(`${owner}: a cell is not known statically (${it.reason})`);
      throw new KerasError(`All cells must have a \`call\` method. Received cell without a \`call\` method: ${argRepr(it)}`, name);
    });
  }
  throw new KerasError(`Argument \`cell\` should have a \`call\` method. Received: cell=${argRepr(v)}`, name);
}

/** The RNN's `cell` argument: a list becomes a StackedRNNCells (rnn.py __init__). */
function rnnCell(args: ArgReader): { refs: LayerRef[]; stacked: boolean } {
  const v = args.known('cell');
  const refs = cellList(v, 'RNN', 'cell');
  return { refs, stacked: v?.t === 'seq' || (refs.length === 1 && refs[0].className === 'StackedRNNCells') };
}

/** How many tensors RNN(...) returns, from the arguments alone. */
function stateCount(ref: LayerRef): number {
  if (ref.className === 'LSTMCell') return 2;
  if (ref.className === 'StackedRNNCells') {
    const v = ref.args.raw('cells');
    return v?.t === 'seq' ? v.items.reduce((n, it) => n + (it.t === 'layer' ? stateCount(it.layer) : 1), 0) : 1;
  }
  return 1;
}

export function rnnOutputCount(args: ArgReader): number {
  if (!args.bool('return_state', false)) return 1;
  return 1 + rnnCell(args).refs.reduce((n, r) => n + stateCount(r), 0);
}

function cell(kind: CellKind): LayerDef {
  return {
    className: kind,
    signature: CELL_SIGNATURES[kind],
    required: ['units'],
    keywords: CELL_KEYWORDS,
    validate(args, version) {
      notInKeras1(kind, version);
      checkUnits(args, version);
    },
    build() {
      // A cell's call is `cell(inputs, states)`: one step, not a sequence layer.
      throw new KerasError(`${kind}.call() missing a required argument: 'states' (wrap the cell in keras.layers.RNN to run it over a sequence)`);
    },
  };
}

const stackedRNNCells: LayerDef = {
  className: 'StackedRNNCells',
  signature: ['cells'],
  required: ['cells'],
  validate(args, version) {
    notInKeras1('StackedRNNCells', version);
    cellList(args.known('cells'), 'StackedRNNCells', 'cells');
  },
  build() {
    throw new KerasError("StackedRNNCells.call() missing a required argument: 'states' (wrap the cells in keras.layers.RNN)");
  },
};

const rnn: LayerDef = {
  className: 'RNN',
  required: ['cell'],
  signature: ['cell', 'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'zero_output_for_mask'],
  keywords: ['time_major'],
  outputCount: rnnOutputCount,
  validate(args, version) {
    notInKeras1('RNN', version);
    if (version === 3 && args.has('time_major')) {
      throw new KerasError(`Unrecognized keyword arguments passed to RNN: {'time_major': ${argRepr(args.raw('time_major')!)}}`, 'time_major');
    }
    const { refs } = rnnCell(args);
    for (const r of refs) {
      if (r.known && !(r.className in GATES) && r.className !== 'StackedRNNCells') {
        throw new KerasError(`The RNN cell should have a \`state_size\` attribute (single integer or list of integers, one integer per RNN state). Received: cell=<${r.className} name=${r.name}>`, 'cell');
      }
    }
  },
  build(call) {
    const x = call.input();
    // rnn.py: no InputSpec; the cell is built on the step shape (B, *in[2:]) and reads its last dim.
    const step: Shape = [x[0], ...x.slice(2)];
    const { refs, stacked } = rnnCell(call.args);
    const spec = stacked
      ? (refs.length === 1 && refs[0].className === 'StackedRNNCells' ? cellSpec(refs[0], step[step.length - 1], call.version) : stackedSpec(refs, step[step.length - 1], call.version))
      : cellSpec(refs[0], step[step.length - 1], call.version);
    if (call.args.bool('stateful', false) && x[0] === null) {
      throw new KerasError(`When using \`stateful=True\` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=${shapeText(x)}`, 'stateful');
    }
    if (x.length < 2) throw new KerasError(`RNN: the input must have a time axis, got ${shapeText(x)}`);
    // rnn.py compute_output_shape: (B, output_size) or (B, T, output_size); states (B, s) in the cells' order
    const out: Dim[] = call.args.bool('return_sequences', false) ? [x[0], x[1], spec.outputSize] : [x[0], spec.outputSize];
    const outputs: Shape[] = [out];
    if (call.args.bool('return_state', false)) for (const s of spec.states) outputs.push([x[0], s]);
    return {
      outputs,
      multiOutput: outputs.length > 1,
      weights: spec.weights,
      formula: { symbolic: stacked ? 'sum over the stacked cells' : 'the cell\'s weights', numeric: spec.formula },
      shapeExplanation: `the cell's output size ${commas(spec.outputSize)}${call.args.bool('return_sequences', false) ? ' at every step' : ' at the last step'}`,
    };
  },
};

export const RNN_CELL_LAYERS: readonly LayerDef[] = [cell('SimpleRNNCell'), cell('LSTMCell'), cell('GRUCell'), stackedRNNCells, rnn];
