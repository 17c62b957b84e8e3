// Layer, model and tensor objects at run time: calling them, their attributes and methods.
import { sequentialBuild, sequentialMaybeRebuild } from '../keras/sequential';
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../parse/ranges';
import type { LayerObject, Tensor } from '../keras/graph';
import type { ModelObject } from '../keras/models';
import { mapGraph } from '../keras/functionalOrder';
import { summarizeModel } from '../keras/summarize';
import { sequentialOutputs } from '../keras/models';
import type { Interpreter } from './interpreter';
import { NONE, bool, int, list, native, opaque, str, tuple, unknown, truthy, type CallArgs, type Value } from './values';
import { LAYER_STEP_COST, sequentialAddValue, shapeArg } from './kerasApi';
import { BINARY_OPS } from '../keras/ops';
import type { ArgValue } from '../keras/args';
import { toArg } from './toArgs';

const tensorValue = (t: Tensor): Value => ({ k: 'tensor', t });
const shapeValue = (s: readonly (number | null)[]): Value => tuple(s.map((d) => (d === null ? NONE : int(d))));

interface CallInputs {
  /** Tensors the layer's shape rule reads (the input, or query/value/key). */
  readonly tensors: Tensor[];
  readonly isList: boolean;
  /** Further tensors passed as keywords (initial_state=, mask=…): inputs of the node, not of the rule. */
  readonly extra: Tensor[];
  /** Non-tensor keywords of the call (return_attention_scores=True). */
  readonly options: ReadonlyMap<string, ArgValue>;
}

const RULE_KEYWORDS = ['query', 'value', 'key'];

function flatTensors(v: Value, out: Tensor[]): void {
  if (v.k === 'tensor') out.push(v.t);
  else if (v.k === 'list' || v.k === 'tuple') v.items.forEach((x) => flatTensors(x, out));
  else if (v.k === 'dict') [...v.entries.values()].forEach((e) => flatTensors(e.value, out));
}

/** Tensor arguments of a call: the first argument (tensor or list), further tensors (query, value, key), keyword tensors. */
function callInputs(a: CallArgs): CallInputs | { reason: string } | { array: readonly number[] } {
  const firstKey = a.positional.length > 0 ? undefined : a.keywords.find(([k]) => k === 'inputs' || k === 'query' || k === 'x' || k === 'sequences')?.[0];
  const first = a.positional[0] ?? a.keywords.find(([k]) => k === firstKey)?.[1];
  if (!first) return { reason: 'called without inputs' };
  if (first.k === 'ndarray') return { array: first.shape };
  const tensors: Tensor[] = [];
  let isList = false;
  const take = (v: Value): string | undefined => {
    if (v.k === 'tensor') { tensors.push(v.t); return undefined; }
    if (v.k === 'unknown') return v.reason;
    return `called on a ${v.k}, not a tensor`;
  };
  if (first.k === 'list' || first.k === 'tuple') {
    isList = true;
    for (const it of first.items) { const r = take(it); if (r) return { reason: r }; }
  } else {
    const r = take(first);
    if (r) return { reason: r };
  }
  for (const v of a.positional.slice(1)) if (v.k === 'tensor') tensors.push(v.t);
  const extra: Tensor[] = [];
  // Keras flattens keyword arguments in sorted key order into the node's inputs.
  const kws = a.keywords.filter(([k]) => k !== firstKey).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  for (const k of RULE_KEYWORDS) {
    const v = kws.find(([n]) => n === k)?.[1];
    if (v?.k === 'tensor') tensors.push(v.t);
  }
  for (const [k, v] of kws) if (!RULE_KEYWORDS.includes(k)) flatTensors(v, extra);
  const options = new Map<string, ArgValue>();
  for (const [k, v] of kws) if (v.k !== 'tensor' && v.k !== 'list' && v.k !== 'tuple') options.set(k, toArg(v));
  return { tensors, isList, extra, options };
}

function outputsValue(outs: readonly Tensor[], multi: boolean): Value {
  return multi || outs.length !== 1 ? list(outs.map(tensorValue)) : tensorValue(outs[0]);
}

export function callLayerValue(ip: Interpreter, layer: LayerObject, a: CallArgs): Value {
  ip.budget.tick(LAYER_STEP_COST);
  if (layer.model) return callModelValue(ip, layer.model, a);
  const ins = callInputs(a);
  if ('reason' in ins) return unknown(ins.reason);
  if ('array' in ins) {
    // Inside a traced call(), arrays (ops.arange(...), weights) are inputs like any other.
    if (ip.session.tracing === 0) return unknown(`${layer.name} applied to an array runs eagerly; its result is not followed`);
    const t = ip.session.constantTensor(ins.array, nodeRange(a.node));
    const n = ip.session.callLayer(layer, [t], false, nodeRange(a.node));
    return outputsValue(n.outputs, n.multiOutput);
  }
  const node = ip.session.callLayer(layer, ins.tensors, ins.isList, nodeRange(a.node), ins.extra, ins.options);
  return outputsValue(node.outputs, node.multiOutput);
}

export function callModelValue(ip: Interpreter, m: ModelObject, a: CallArgs): Value {
  ip.touched.add(m);
  const ins = callInputs(a);
  if (m.kind === 'subclassed') {
    if (!('array' in ins)) return callLayerValue(ip, m.asLayer, a);
    // Called on data: the model builds for that shape (batch included), with no graph node.
    ip.session.tracing++;
    try {
      ip.session.callLayer(m.asLayer, [ip.session.constantTensor(ins.array, nodeRange(a.node))], false, nodeRange(a.node));
    } finally {
      ip.session.tracing--;
    }
    return opaque('an eager result');
  }
  if ('array' in ins) {
    // Calling an unbuilt Sequential on data builds it for that shape (batch dimension included).
    if (m.kind === 'sequential' && !m.built) sequentialBuild(ip.session, m, ins.array, nodeRange(a.node));
    return opaque('an eager result');
  }
  if ('reason' in ins) return unknown(ins.reason);
  const node = ip.session.callModel(m, ins.tensors, ins.isList, nodeRange(a.node));
  return outputsValue(node.outputs, node.multiOutput);
}

function layersOf(ip: Interpreter, m: ModelObject): Value {
  const layers = m.kind === 'sequential' ? m.layers : m.kind === 'subclassed' ? m.asLayer.custom?.sublayers ?? []
    : mapGraph(m.inputs, m.outputs).layers.filter((l) => !l.operation);
  return list(layers.map((l): Value => (l.model ? { k: 'model', m: l.model } : { k: 'layer', layer: l })));
}

export function modelAttribute(ip: Interpreter, m: ModelObject, name: string, node: Node): Value {
  const method = (f: (a: CallArgs) => Value) => native(`${m.name}.${name}`, f, m);
  switch (name) {
    case 'add':
      if (m.kind !== 'sequential') return unknown('add() on a functional model');
      return method((a) => {
        ip.budget.tick(LAYER_STEP_COST);
        const item = a.positional[0] ?? a.keywords.find(([k]) => k === 'layer')?.[1] ?? NONE;
        sequentialAddValue(ip, m, item, a);
        sequentialMaybeRebuild(ip.session, m);
        return NONE;
      });
    case 'build':
      return method((a) => {
        ip.touched.add(m);
        const v = a.positional[0] ?? a.keywords.find(([k]) => k === 'input_shape')?.[1];
        const shape = shapeArg(v);
        if (m.kind === 'sequential') {
          if (shape) sequentialBuild(ip.session, m, shape, nodeRange(a.node));
          else m.tainted ??= `it is built with a shape that is not known${v?.k === 'unknown' ? ` (${v.reason})` : ''}`;
        }
        return NONE;
      });
    case 'pop':
      return method(() => {
        if (m.kind !== 'sequential') return unknown('pop() on a functional model');
        ip.touched.add(m);
        const last = m.layers.pop();
        if (last) { m.outputs.delete(last); m.layerNames.delete(last.name); }
        return last ? { k: 'layer', layer: last } : NONE;
      });
    case 'layers': return layersOf(ip, m);
    case 'name': return str(m.name);
    case 'trainable': return bool(m.trainable);
    case 'inputs': case 'input': {
      if (m.kind === 'subclassed') return layerAttribute(ip, m.asLayer, name === 'inputs' ? 'input' : name, node);
      // Keras 3: a Sequential's `input` is that of its first call as a layer (Operation.input); `inputs` its own graph's.
      if (m.kind === 'sequential' && name === 'input' && ip.session.opts.version === 3) return firstCall(ip, m, 'input');
      const t = m.kind === 'sequential' ? (m.input ? [m.input] : null) : m.inputs;
      if (!t) return unknown(`model ${m.name} has no input yet`);
      return name === 'inputs' || t.length !== 1 ? list(t.map(tensorValue)) : tensorValue(t[0]);
    }
    case 'outputs': case 'output': {
      if (m.kind === 'subclassed') return layerAttribute(ip, m.asLayer, 'output', node);
      if (m.kind === 'sequential' && name === 'output' && ip.session.opts.version === 3) return firstCall(ip, m, 'output');
      const t = m.kind === 'sequential' ? sequentialOutputs(m) : m.outputs;
      if (!t) return unknown(`model ${m.name} has no output yet`);
      return name === 'outputs' || t.length !== 1 ? list(t.map(tensorValue)) : tensorValue(t[0]);
    }
    case 'input_shape': case 'output_shape': {
      if (m.kind === 'subclassed') return layerAttribute(ip, m.asLayer, name, node);
      const t = name === 'input_shape' ? (m.kind === 'sequential' ? m.input : m.inputs[0]) : (m.kind === 'sequential' ? sequentialOutputs(m)?.[0] : m.outputs[0]);
      return t?.shape ? shapeValue(t.shape) : unknown(`${name} of model ${m.name} is not known`);
    }
    case 'get_layer':
      return method((a) => {
        const key = a.keywords.find(([k]) => k === 'name')?.[1] ?? a.positional[0];
        const idx = a.keywords.find(([k]) => k === 'index')?.[1];
        const layers = layersOf(ip, m);
        if (layers.k !== 'list') return unknown('layers not known');
        if (idx?.k === 'int') return layers.items[idx.v] ?? unknown('no layer at that index');
        if (key?.k === 'str') {
          return layers.items.find((v) => (v.k === 'layer' ? v.layer.name : v.k === 'model' ? v.m.name : '') === key.v)
            ?? unknown(`no layer named ${key.v}`);
        }
        return unknown('get_layer() with arguments that are not known');
      });
    case 'count_params':
      return method(() => {
        const s = summarizeModel(m);
        return s.totalParams === null ? unknown('the parameter count is not known') : int(s.totalParams);
      });
    default:
      return native(`${m.name}.${name}`, () => opaque(`${m.name}.${name}()`), m);
  }
}

/** A Sequential's input or output as Keras 3 gives it: from the model's first call, an error if it was never called. */
function firstCall(ip: Interpreter, m: ModelObject, which: 'input' | 'output'): Value {
  const node = ip.session.modelLayer(m).nodes[0];
  if (!node) return unknown(`Keras raises: the layer ${m.name} has never been called and thus has no defined ${which} (\`${which}s\` is its own graph's)`);
  if (which === 'output') return outputsValue(node.outputs, node.multiOutput);
  const ins = node.inputs.slice(0, node.ruleInputs);
  return ins.length === 1 ? tensorValue(ins[0]) : list(ins.map(tensorValue));
}

export function setModelAttribute(ip: Interpreter, m: ModelObject, name: string, value: Value, node: Node): void {
  if (name === 'trainable') {
    const t = truthy(value);
    if (t === undefined) {
      m.tainted ??= 'its trainable flag is not known';
      ip.report(node, 'info', 'keras-lens cannot tell whether this model is trainable; its trainable split is shown as ?');
      return;
    }
    m.trainable = t;
    if (m.asLayer) m.asLayer.trainable = t;
  } else if (name === 'name' && value.k === 'str') {
    m.name = value.v;
  }
}

export function layerAttribute(ip: Interpreter, l: LayerObject, name: string, node: Node): Value {
  const last = l.nodes[l.nodes.length - 1];
  switch (name) {
    case 'name': return str(l.name);
    case 'trainable': return bool(l.trainable);
    case 'output': return last ? outputsValue(last.outputs, last.multiOutput) : unknown(`layer ${l.name} has not been called`);
    case 'input': return last ? (last.inputs.length === 1 ? tensorValue(last.inputs[0]) : list(last.inputs.map(tensorValue))) : unknown(`layer ${l.name} has not been called`);
    case 'output_shape': return last?.outputs[0]?.shape ? shapeValue(last.outputs[0].shape) : unknown(`the output shape of ${l.name} is not known`);
    case 'input_shape': return last?.inputs[0]?.shape ? shapeValue(last.inputs[0].shape) : unknown(`the input shape of ${l.name} is not known`);
    default: return native(`${l.name}.${name}`, () => opaque(`${l.name}.${name}()`), l);
  }
}

export function setLayerAttribute(ip: Interpreter, l: LayerObject, name: string, value: Value, node: Node): void {
  if (name === 'trainable') {
    const t = truthy(value);
    if (t === undefined) {
      l.unknownReason = 'its trainable flag is not known';
      ip.report(node, 'info', 'keras-lens cannot tell whether this layer is trainable; its trainable split is shown as ?');
      return;
    }
    l.trainable = t;
  } else if (name === 'name' && value.k === 'str') {
    l.name = value.v;
  }
}

export function tensorAttribute(ip: Interpreter, t: Tensor, name: string): Value {
  switch (name) {
    case 'shape': return t.shape ? shapeValue(t.shape) : unknown(t.unknownReason ?? 'the shape of this tensor is not known');
    case 'ndim': return t.shape ? int(t.shape.length) : unknown('the rank of this tensor is not known');
    case 'get_shape': return native('get_shape', () => (t.shape ? shapeValue(t.shape) : unknown('the shape of this tensor is not known')));
    case 'dtype': return opaque('dtype');
    default: return unknown(`tensor.${name} is not followed`);
  }
}

/** `x + y`, `x * 2`, `-x` on symbolic tensors: Keras 3 records an operation row (Add, Multiply, Negative…). */
export function tensorOperation(ip: Interpreter, op: string, operands: readonly Value[], node: Node): Value {
  if (ip.session.opts.version !== 3) return unknown(`\`${op}\` on symbolic tensors is followed only for Keras 3 (where it records an operation row)`);
  const cls = op === 'neg' ? 'Negative' : BINARY_OPS[op] ?? op;
  const tensors: Tensor[] = [];
  for (const v of operands) {
    if (v.k === 'tensor') tensors.push(v.t);
    else if (v.k === 'unknown') return v;
    // Inside a traced call() weights and constants are arrays: they take part in the broadcast.
    else if (v.k === 'ndarray' && ip.session.tracing > 0) tensors.push(ip.session.constantTensor(v.shape, nodeRange(node)));
    else if (v.k !== 'int' && v.k !== 'float' && v.k !== 'bool') return unknown(`\`${op}\` between a tensor and a ${v.k} is not followed`);
  }
  if (tensors.length === 0) return unknown(`\`${op}\` on values that are not tensors`);
  const layer = cls ? ip.session.createOperation(cls, nodeRange(node)) : undefined;
  if (!layer) return unknown(`the tensor operation \`${op}\` is not followed yet`);
  const n = ip.session.callLayer(layer, tensors, true, nodeRange(node));
  return tensorValue(n.outputs[0]);
}
