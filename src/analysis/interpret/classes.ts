// User classes: plain Python classes, and subclasses of keras.layers.Layer / keras.Model whose
// __init__, build() and call() are interpreted (the weights they create are counted).
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../parse/ranges';
import { field, named, nodeText, nodeType } from '../parse/nodes';
import type { Tensor } from '../keras/graph';
import type { ArgValue } from '../keras/args';
import type { Shape } from '../keras/shape';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import { callFunction } from './functions';
import { NONE, native, int, tuple, list, unknown, str, truthy, type CallArgs, type ClassValue, type FunctionValue, type NativeValue, type ObjectValue, type Value } from './values';
import { modelAttribute, setModelAttribute } from './kerasObjects';
import { shapeArg } from './kerasApi';

/** Which Keras base a class value stands for. */
function kerasBaseOf(v: Value): 'layer' | 'model' | null {
  if (v.k === 'class') return v.kerasBase;
  if (v.k === 'layerClass' && v.name === 'Layer') return 'layer';
  if (v.k === 'native' && (v.name === 'Model' || v.name === 'Functional')) return 'model';
  if (v.k === 'opaque' && /(^|\.)Layer$/.test(v.what)) return 'layer';
  if (v.k === 'opaque' && /(^|\.)Model$/.test(v.what)) return 'model';
  return null;
}

export function defineClass(ip: Interpreter, node: Node, scope: Scope): void {
  const nameNode = field(node, 'name');
  const body = field(node, 'body');
  if (!nameNode || !body) return;
  const bases = named(field(node, 'superclasses')).filter((b) => nodeType(b) !== 'keyword_argument').map((b) => ip.eval(b, scope));
  let kerasBase: ClassValue['kerasBase'] = null;
  for (const b of bases) kerasBase ??= kerasBaseOf(b);
  const classScope = new Scope(scope);
  ip.execBlock(body, classScope);
  const cls: ClassValue = { k: 'class', name: nodeText(nameNode), bases, attrs: new Map(classScope.vars), kerasBase };
  scope.assign(cls.name, cls);
}

/** Finds an attribute in a class or its user-defined bases (depth-first, as in simple hierarchies). */
function lookupClassAttr(cls: ClassValue, name: string): { value: Value; owner: ClassValue } | undefined {
  const own = cls.attrs.get(name);
  if (own) return { value: own, owner: cls };
  for (const b of cls.bases) {
    if (b.k !== 'class') continue;
    const found = lookupClassAttr(b, name);
    if (found) return found;
  }
  return undefined;
}

/** Binds a method to an instance: `self` first, and the defining class for super(). */
function bind(ip: Interpreter, fn: FunctionValue, owner: ClassValue, self: ObjectValue): NativeValue {
  return native(`${owner.name}.${fn.name}`, (a) =>
    callFunction(ip, fn, { ...a, positional: [self, ...a.positional] }, new Map<string, Value>([['__class__', owner], ['__self__', self]])), { self, fn, owner });
}

export function instantiate(ip: Interpreter, cls: ClassValue, a: CallArgs): Value {
  const site = nodeRange(a.node);
  let obj: ObjectValue;
  if (cls.kerasBase) {
    const layer = ip.session.createCustomLayer(cls.name, '', site);
    const model = cls.kerasBase === 'model' ? ip.session.newSubclassed(layer, site) : undefined;
    obj = { k: 'object', cls, attrs: new Map(), layer, model, named: false };
    layer.custom!.trace = (inputs, isList, options) => traceCall(ip, obj, inputs, isList, options, a.node);
    layer.custom!.instance = obj;
  } else {
    obj = { k: 'object', cls, attrs: new Map(), named: true };
  }
  const init = lookupClassAttr(cls, '__init__');
  if (init?.value.k === 'func') {
    const r = callFunction(ip, init.value, { ...a, positional: [obj, ...a.positional] }, new Map<string, Value>([['__class__', init.owner], ['__self__', obj]]));
    if (r.k === 'unknown' && r.reason.includes('raises')) return r;
  } else if (cls.kerasBase) {
    kerasInit(ip, obj, a);
  }
  if (obj.layer && !obj.named) kerasInit(ip, obj, { positional: [], keywords: [], node: a.node });
  return obj;
}

/** keras.layers.Layer.__init__ / keras.Model.__init__: the name (auto-named now if not given) and trainable. */
function kerasInit(ip: Interpreter, obj: ObjectValue, a: CallArgs): Value {
  const layer = obj.layer;
  if (!layer || obj.named) return NONE;
  obj.named = true;
  const nameV = a.keywords.find(([k]) => k === 'name')?.[1];
  layer.name = nameV?.k === 'str' ? nameV.v : ip.session.names.forClass(layer.className);
  if (obj.model) obj.model.name = layer.name;
  const trainable = a.keywords.find(([k]) => k === 'trainable')?.[1];
  if (trainable?.k === 'bool') layer.trainable = trainable.v;
  return NONE;
}

/** self.add_weight(shape=..., trainable=...) (Keras 3 order: shape, initializer, dtype, trainable; Keras 2: name, shape, …). */
function addWeight(ip: Interpreter, obj: ObjectValue, a: CallArgs): Value {
  const layer = obj.layer!;
  const kw = (n: string) => a.keywords.find(([k]) => k === n)?.[1];
  const legacyOrder = a.positional[0]?.k === 'str';
  const shapeV = kw('shape') ?? (legacyOrder ? a.positional[1] : a.positional[0]);
  const nameV = kw('name') ?? (legacyOrder ? a.positional[0] : undefined);
  const trainableV = kw('trainable') ?? (legacyOrder ? undefined : a.positional[3]);
  const dims = shapeV === undefined || shapeV.k === 'none' ? [] : shapeArg(shapeV);
  if (!dims || dims.some((d) => d === null)) {
    layer.unknownReason = `the shape of a weight made by add_weight() is not known`;
    return unknown('a weight whose shape is not known');
  }
  const trainable = trainableV === undefined ? true : truthy(trainableV) ?? true;
  layer.custom!.weights.push({ name: nameV?.k === 'str' ? nameV.v : `weight_${layer.custom!.weights.length}`, shape: dims as number[], trainable });
  return { k: 'ndarray', shape: dims as number[] };
}

/** Methods every Keras layer has, for `self.x` and `super().x` when the user's class does not define them. */
function kerasBaseAttribute(ip: Interpreter, obj: ObjectValue, name: string, node: Node): Value | undefined {
  switch (name) {
    case '__init__': return native('Layer.__init__', (a) => kerasInit(ip, obj, a), obj);
    case 'add_weight': return native('add_weight', (a) => addWeight(ip, obj, a), obj);
    case 'build': return native('build', () => { if (obj.layer?.custom) obj.layer.custom.built = true; return NONE; }, obj);
    case 'call': return native('call', () => unknown('Layer.call() of the base class is not defined'));
    case 'get_config': return native('get_config', () => ({ k: 'dict', entries: new Map() }));
    case 'name': return str(obj.layer?.name ?? '');
    case 'trainable': return { k: 'bool', v: obj.layer?.trainable ?? true };
    case 'built': return { k: 'bool', v: obj.layer?.custom?.built ?? false };
  }
  if (obj.model) return modelAttribute(ip, obj.model, name, node);
  return undefined;
}

export function objectAttribute(ip: Interpreter, obj: ObjectValue, name: string, node: Node): Value {
  const own = obj.attrs.get(name);
  if (own) return own;
  const found = lookupClassAttr(obj.cls, name);
  if (found) return found.value.k === 'func' ? bind(ip, found.value, found.owner, obj) : found.value;
  if (obj.cls.kerasBase) return kerasBaseAttribute(ip, obj, name, node) ?? unknown(`attribute \`${name}\` of ${obj.cls.name} is not known`);
  return unknown(`attribute \`${name}\` of ${obj.cls.name} is not known`);
}

/** `super().name`: the next definition after the method's class, else Keras's base class. */
export function superAttribute(ip: Interpreter, sup: { cls: ClassValue; self: ObjectValue }, name: string, node: Node): Value {
  for (const b of sup.cls.bases) {
    if (b.k !== 'class') continue;
    const found = lookupClassAttr(b, name);
    if (found) return found.value.k === 'func' ? bind(ip, found.value, found.owner, sup.self) : found.value;
  }
  if (sup.cls.kerasBase) return kerasBaseAttribute(ip, sup.self, name, node) ?? unknown(`super().${name} is not known`);
  if (name === '__init__') return native('object.__init__', () => NONE);
  return unknown(`super().${name} is not known`);
}

/** Layers a value holds, for Keras's attribute tracking (a layer, a model, a custom layer, or lists of them). */
function trackedLayers(ip: Interpreter, v: Value, out: Tensor['node']['layer'][] = []): Tensor['node']['layer'][] {
  if (v.k === 'layer') out.push(v.layer);
  else if (v.k === 'model') out.push(ip.session.modelLayer(v.m));
  else if (v.k === 'object' && v.layer) out.push(v.layer);
  else if (v.k === 'list' || v.k === 'tuple') v.items.forEach((x) => trackedLayers(ip, x, out));
  else if (v.k === 'dict') [...v.entries.values()].forEach((e) => trackedLayers(ip, e.value, out));
  return out;
}

export function setObjectAttribute(ip: Interpreter, obj: ObjectValue, name: string, value: Value, node: Node): void {
  obj.attrs.set(name, value);
  const layer = obj.layer;
  if (!layer?.custom) return;
  if (name === 'trainable') {
    if (obj.model) setModelAttribute(ip, obj.model, name, value, node);
    else layer.trainable = truthy(value) ?? layer.trainable;
    return;
  }
  for (const l of trackedLayers(ip, value)) if (l !== layer && !layer.custom.sublayers.includes(l)) layer.custom.sublayers.push(l);
}

const tensorV = (t: Tensor): Value => ({ k: 'tensor', t });

/** Runs build() once, then call() on these inputs while the session records no graph nodes. */
function traceCall(ip: Interpreter, obj: ObjectValue, inputs: readonly Tensor[], isList: boolean, options: ReadonlyMap<string, ArgValue> | undefined, site: Node): (Shape | null)[] | string {
  const layer = obj.layer!;
  const custom = layer.custom!;
  const args: Value = isList ? list(inputs.map(tensorV)) : tensorV(inputs[0]);
  if (!custom.built) {
    custom.built = true;
    const build = lookupClassAttr(obj.cls, 'build');
    if (build?.value.k === 'func') {
      const shapeOf = (t: Tensor): Value => (t.shape ? tuple(t.shape.map((d) => (d === null ? NONE : int(d)))) : unknown('an input shape that is not known'));
      const inputShape = isList ? list(inputs.map(shapeOf)) : shapeOf(inputs[0]);
      bind(ip, build.value, build.owner, obj).call({ positional: [inputShape], keywords: [], node: site }, ip);
    }
  }
  const call = lookupClassAttr(obj.cls, 'call');
  if (call?.value.k !== 'func') return `${obj.cls.name} defines no call() keras-lens can follow`;
  const extra = isList ? [] : inputs.slice(1).map(tensorV);
  const keywords: [string, Value][] = [...(options ?? new Map())].filter(([k]) => k === 'training' || k === 'mask').map(([k]) => [k, NONE]);
  ip.session.tracing++;
  let result: Value;
  try {
    result = callFunction(ip, call.value, { positional: [obj, args, ...extra], keywords, node: site }, new Map<string, Value>([['__class__', call.owner], ['__self__', obj]]));
  } finally {
    ip.session.tracing--;
  }
  const shapes = (v: Value): (Shape | null)[] | string => {
    if (v.k === 'tensor') return [v.t.shape];
    if (v.k === 'ndarray') return [v.shape];
    if (v.k === 'list' || v.k === 'tuple') {
      const out: (Shape | null)[] = [];
      for (const x of v.items) {
        const s = shapes(x);
        if (typeof s === 'string') return s;
        out.push(...s);
      }
      return out;
    }
    return v.k === 'unknown' ? v.reason : `its call() returns a ${v.k}, not tensors`;
  };
  return shapes(result);
}

