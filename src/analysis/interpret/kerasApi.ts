// Keras's own callables: Input, InputLayer, Sequential, Model, layer classes, merge helpers, backend settings.
import { sequentialAdd, sequentialMaybeRebuild } from '../keras/sequential';
import { nodeRange } from '../parse/ranges';
import type { Tensor } from '../keras/graph';
import type { SequentialModel } from '../keras/models';
import type { Shape } from '../keras/shape';
import type { Interpreter } from './interpreter';
import { disconnectedOutput } from '../keras/functionalOrder';
import { NONE, native, str, tuple, unknown, int, type CallArgs, type NativeValue, type Value } from './values';
import { toArg } from './toArgs';
import { argShape } from '../keras/args';
import { callLayerValue } from './kerasObjects';

const kw = (a: CallArgs, name: string): Value | undefined => a.keywords.find(([k]) => k === name)?.[1];

/** A shape argument as dims (int or None); null when not known; an int alone counts as (n,). */
export function shapeArg(v: Value | undefined): (number | null)[] | null {
  return argShape(v ? toArg(v) : undefined) ?? null;
}

function makeInput(ip: Interpreter, a: CallArgs): Value {
  const v3 = ip.session.opts.version === 3;
  // Keras 3: (shape, batch_size, dtype, sparse, batch_shape, name); Keras 1/2: (shape, batch_shape, name, dtype).
  const pos = (i3: number, i2: number) => a.positional[v3 ? i3 : i2];
  const shapeV = kw(a, 'shape') ?? a.positional[0];
  const batchShapeV = kw(a, 'batch_shape') ?? kw(a, 'batch_input_shape') ?? pos(4, 1);
  const batchSizeV = kw(a, 'batch_size') ?? (v3 ? a.positional[1] : undefined);
  const nameV = kw(a, 'name') ?? pos(5, 2);
  const name = nameV?.k === 'str' ? nameV.v : null;
  const site = nodeRange(a.node);
  if (a.incomplete) return { k: 'tensor', t: ip.session.createInput(null, name, site, a.incomplete) };
  let shape: Shape | null = null;
  let reason: string | undefined;
  if (batchShapeV && batchShapeV.k !== 'none') {
    shape = shapeArg(batchShapeV);
    if (!shape) reason = batchShapeV.k === 'unknown' ? batchShapeV.reason : 'the batch_shape is not known';
  } else if (shapeV && shapeV.k !== 'none') {
    const dims = shapeArg(shapeV);
    if (shapeV.k === 'int' && v3) {
      ip.report(a.node, 'warning', `Keras 3 rejects an integer shape (Cannot convert '${shapeV.v}' to a shape); write shape=(${shapeV.v},)`);
    }
    const batch = batchSizeV?.k === 'int' ? batchSizeV.v : null;
    if (dims) shape = [batch, ...dims];
    else reason = shapeV.k === 'unknown' ? shapeV.reason : 'the input shape is not known';
  } else {
    ip.report(a.node, 'error', 'You must pass a `shape` argument to Input.');
    reason = 'Input() without a shape';
  }
  return { k: 'tensor', t: ip.session.createInput(shape, name, site, reason) };
}

function makeInputLayer(ip: Interpreter, a: CallArgs): Value {
  const shapeV = kw(a, 'shape') ?? kw(a, 'input_shape') ?? a.positional[0];
  const batchShapeV = kw(a, 'batch_shape') ?? kw(a, 'batch_input_shape');
  const batchSizeV = kw(a, 'batch_size') ?? a.positional[1];
  const nameV = kw(a, 'name');
  let shape: Shape | null = null;
  if (batchShapeV && batchShapeV.k !== 'none') shape = shapeArg(batchShapeV);
  else if (shapeV && shapeV.k !== 'none') {
    const dims = shapeArg(shapeV);
    shape = dims ? [batchSizeV?.k === 'int' ? batchSizeV.v : null, ...dims] : null;
  }
  const layer = ip.session.createInputLayer(shape, nameV?.k === 'str' ? nameV.v : null, nodeRange(a.node));
  return { k: 'layer', layer };
}

/** Adds one item of a Sequential's layer list (or of `model.add`). */
export function sequentialAddValue(ip: Interpreter, m: SequentialModel, item: Value, a: CallArgs): void {
  ip.touched.add(m);
  const site = nodeRange(a.node);
  switch (item.k) {
    case 'layer': sequentialAdd(ip.session, m, item.layer, site); return;
    case 'tensor': sequentialAdd(ip.session, m, item.t, site); return;
    case 'model': sequentialAdd(ip.session, m, ip.session.modelLayer(item.m), site); return;
    // Something unknown where a layer should be: a `?` row, and what follows it has an unknown input.
    case 'unknown': sequentialAdd(ip.session, m, ip.session.createPlaceholder(item.reason, site), site); return;
    default:
      ip.report(a.node, 'error', `Only instances of \`keras.Layer\` can be added to a Sequential model. Received: ${item.k}`);
  }
}

function makeSequential(ip: Interpreter, a: CallArgs): Value {
  const layersV = kw(a, 'layers') ?? a.positional[0];
  // Keras 3's second positional is `trainable`; tf.keras's is `name`.
  const nameV = kw(a, 'name') ?? (a.positional[1]?.k === 'str' ? a.positional[1] : undefined);
  const m = ip.session.newSequential(nameV?.k === 'str' ? nameV.v : null, nodeRange(a.node));
  ip.touched.add(m);
  const trainable = kw(a, 'trainable');
  if (trainable?.k === 'bool') m.trainable = trainable.v;
  if (a.incomplete) m.tainted = a.incomplete;
  if (layersV && layersV.k !== 'none') {
    if (layersV.k === 'list' || layersV.k === 'tuple') {
      for (const item of layersV.items) sequentialAddValue(ip, m, item, a);
      sequentialMaybeRebuild(ip.session, m);
    } else if (layersV.k === 'unknown') {
      m.tainted = `its list of layers is not known (${layersV.reason})`;
    } else {
      sequentialAddValue(ip, m, layersV, a);
      sequentialMaybeRebuild(ip.session, m);
    }
  }
  return { k: 'model', m };
}

function sortedDictValues(d: Extract<Value, { k: 'dict' }>): Value[] {
  return [...d.entries.values()]
    .sort((a, b) => (pyKey(a.key) < pyKey(b.key) ? -1 : pyKey(a.key) > pyKey(b.key) ? 1 : 0))
    .map((e) => e.value);
}

function pyKey(v: Value): string {
  return v.k === 'str' ? v.v : v.k === 'int' ? String(v.v).padStart(20, '0') : '';
}

/** Tensors of a model's inputs/outputs argument (tensor, list, tuple or dict); a reason if not all are known. */
export function tensorsOf(v: Value | undefined): { tensors: Tensor[]; structure: 'single' | 'list' } | string {
  if (!v) return 'missing';
  if (v.k === 'tensor') return { tensors: [v.t], structure: 'single' };
  // Keras flattens dicts in sorted key order (keras.tree.flatten).
  const items = v.k === 'list' || v.k === 'tuple' ? v.items : v.k === 'dict' ? sortedDictValues(v) : null;
  if (!items) return v.k === 'unknown' ? v.reason : `a ${v.k} is not a tensor`;
  const tensors: Tensor[] = [];
  for (const it of items) {
    if (it.k === 'tensor') tensors.push(it.t);
    else if (it.k === 'list' || it.k === 'tuple' || it.k === 'dict') {
      const inner = tensorsOf(it);
      if (typeof inner === 'string') return inner;
      tensors.push(...inner.tensors);
    } else return it.k === 'unknown' ? it.reason : `a ${it.k} is not a tensor`;
  }
  return { tensors, structure: 'list' };
}

function makeFunctional(ip: Interpreter, a: CallArgs): Value {
  const inputsV = kw(a, 'inputs') ?? kw(a, 'input') ?? a.positional[0];
  const outputsV = kw(a, 'outputs') ?? kw(a, 'output') ?? a.positional[1];
  const nameV = kw(a, 'name') ?? a.positional[2];
  if (!inputsV && !outputsV) {
    return unknown('keras.Model() without inputs and outputs has no layers to summarise');
  }
  const ins = tensorsOf(inputsV);
  const outs = tensorsOf(outputsV);
  if (typeof ins === 'string' || typeof outs === 'string') {
    const why = typeof ins === 'string' ? `its inputs are not known (${ins})` : `its outputs are not known (${outs as string})`;
    ip.report(a.node, 'info', `keras-lens cannot follow this model: ${why}`);
    return unknown(`a model whose tensors are not known: ${why}`);
  }
  const cut = disconnectedOutput(ins.tensors, outs.tensors);
  if (cut >= 0) {
    const path = outs.structure === 'single' ? '' : String(cut);
    ip.report(a.node, 'error', ip.session.opts.version === 3
      ? `Output with path \`${path}\` is not connected to \`inputs\` (it is computed from an Input that is not among this model's inputs)`
      : 'Graph disconnected: an output is computed from an Input that is not among this model\'s inputs');
    return unknown('Keras raises: an output is not connected to the inputs');
  }
  const m = ip.session.newFunctional(ins.tensors, outs.tensors, outs.structure, nameV?.k === 'str' ? nameV.v : null, nodeRange(a.node));
  const trainable = kw(a, 'trainable');
  if (trainable?.k === 'bool') m.trainable = trainable.v;
  return { k: 'model', m };
}

/** keras.layers.add([a, b]), concatenate([..], axis=1)…: make the layer, then call it on the list. */
function mergeHelper(className: string) {
  return (a: CallArgs, ip: Interpreter): Value => {
    const inputs = kw(a, 'inputs') ?? a.positional[0] ?? NONE;
    const layer = constructLayer(ip, className, { ...a, positional: a.positional.slice(1), keywords: a.keywords.filter(([k]) => k !== 'inputs') });
    if (layer.k !== 'layer') return layer;
    return callLayerValue(ip, layer.layer, { positional: [inputs], keywords: [], node: a.node });
  };
}

const MERGE_HELPERS: Record<string, string> = {
  add: 'Add', subtract: 'Subtract', multiply: 'Multiply', average: 'Average', maximum: 'Maximum', minimum: 'Minimum',
  concatenate: 'Concatenate', dot: 'Dot', merge: 'Merge',
};

function setDataFormat(a: CallArgs, ip: Interpreter): Value {
  const v = a.positional[0] ?? kw(a, 'data_format') ?? kw(a, 'dim_ordering');
  if (v?.k === 'str') {
    if (v.v === 'channels_first' || v.v === 'th') ip.session.opts.defaultDataFormat = 'channels_first';
    else if (v.v === 'channels_last' || v.v === 'tf') ip.session.opts.defaultDataFormat = 'channels_last';
  }
  return NONE;
}

export function kerasFunction(name: string): NativeValue | undefined {
  switch (name) {
    case 'Input': return native('Input', (a, ip) => makeInput(ip, a));
    case 'InputLayer': return native('InputLayer', (a, ip) => makeInputLayer(ip, a));
    case 'Sequential': return native('Sequential', (a, ip) => makeSequential(ip, a));
    case 'Model': case 'Functional': return native(name, (a, ip) => makeFunctional(ip, a));
    case 'set_image_data_format': case 'set_image_dim_ordering': return native(name, setDataFormat);
    case 'image_data_format': return native(name, (_a, ip) => str(ip.session.opts.defaultDataFormat));
    case 'image_dim_ordering': return native(name, (_a, ip) => str(ip.session.opts.defaultDataFormat === 'channels_first' ? 'th' : 'tf'));
    case 'clear_session': return native(name, (_a, ip) => { ip.session.names.reset(); return NONE; });
    case 'int_shape': return native(name, (a) => {
      const t = a.positional[0];
      if (t?.k !== 'tensor' || !t.t.shape) return unknown('the shape of this tensor is not known');
      return tuple(t.t.shape.map((d) => (d === null ? NONE : int(d))));
    });
    case 'count_params': return native(name, () => unknown('count_params() is not followed'));
  }
  const merge = MERGE_HELPERS[name];
  return merge ? native(name, mergeHelper(merge)) : undefined;
}

/**
 * Making or calling a layer costs about as much time as 40 plain steps (binding, shape rule, weights, its row):
 * weighed so, the step budget bounds time whatever a loop does (measured with `node scripts/budget-bench.mjs`).
 */
export const LAYER_STEP_COST = 40;

/** Calling a layer class: a new layer object. */
export function constructLayer(ip: Interpreter, className: string, a: CallArgs): Value {
  ip.budget.tick(LAYER_STEP_COST);
  if (className === 'InputLayer') return makeInputLayer(ip, a);
  const positional = a.positional.map((v) => toArg(v));
  const keywords = a.keywords.map(([k, v]): [string, ReturnType<typeof toArg>] => [k, toArg(v)]);
  const layer = ip.session.createLayer(className, positional, keywords, nodeRange(a.node), a.incomplete);
  warnAmbiguousConv(ip, layer.def?.legacy?.positional, positional, a);
  if (a.incomplete && !layer.error) layer.unknownReason = `its arguments are not all known (${a.incomplete})`;
  return { k: 'layer', layer };
}

/** `Conv2D(32, 3, 3)`: Keras 3 reads kernel 3 and strides 3, Keras 1/2 a 3×3 kernel; say so when the version was guessed. */
function warnAmbiguousConv(ip: Interpreter, legacyOrder: readonly string[] | undefined, positional: readonly ReturnType<typeof toArg>[], a: CallArgs): void {
  const opts = ip.session.opts;
  if (!opts.autoVersion || opts.version !== 3 || !legacyOrder?.includes('nb_row') || positional.length < 3) return;
  if (!positional.slice(0, 3).every((p) => p.t === 'int')) return;
  ip.report(a.node, 'info', 'Keras 3 reads the third number as strides (kernel 3, strides 3); Keras 1/2 read `Conv2D(filters, rows, cols)` as a rows × cols kernel. Choose with --keras-version (or the keras-lens.kerasVersion setting).');
}

