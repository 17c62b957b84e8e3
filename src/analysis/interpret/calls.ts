// Calling a value: user functions, natives, Keras layer classes, layers and models.
import { field, nodeText, nodeType } from '../parse/nodes';
import type { Interpreter } from './interpreter';
import { opaque, unknown, type CallArgs, type Value } from './values';
import { callFunction } from './functions';
import { constructLayer } from './kerasApi';
import { callLayerValue, callModelValue } from './kerasObjects';
import { nodeRange } from '../parse/ranges';
import { instantiate, objectAttribute } from './classes';

const touchesTensor = (a: CallArgs): boolean =>
  [...a.positional, ...a.keywords.map(([, v]) => v)].some((v) => v.k === 'tensor' || ((v.k === 'list' || v.k === 'tuple') && v.items.some((x) => x.k === 'tensor')));

export function callValue(ip: Interpreter, fn: Value, args: CallArgs): Value {
  ip.budget.tick();
  switch (fn.k) {
    case 'func': return callFunction(ip, fn, args);
    case 'native': return fn.call(args, ip);
    case 'layerClass': return constructLayer(ip, fn.name, args);
    case 'layer': return callLayerValue(ip, fn.layer, args);
    case 'model': return callModelValue(ip, fn.m, args);
    case 'class': return instantiate(ip, fn, args);
    case 'object': {
      if (fn.model) return callModelValue(ip, fn.model, args);
      if (fn.layer) return callLayerValue(ip, fn.layer, args);
      const call = objectAttribute(ip, fn, '__call__', args.node);
      return call.k === 'unknown' ? unknown(`a ${fn.cls.name} object is not callable`) : callValue(ip, call, args);
    }
    case 'unknown':
      // An unknown callable applied to tensors (a layer we cannot resolve): a `?` row keeps the graph connected.
      return touchesTensor(args) ? placeholderCall(ip, fn.reason, args) : fn;
    case 'opaque':
      // Something keras-lens does not model, applied to a tensor (tf.nn.relu(x), tf.concat…): its output is unknown.
      if (touchesTensor(args)) return placeholderCall(ip, `\`${fn.what}\` applied to a tensor is not followed`, args);
      return opaque(`${fn.what}()`);
    case 'module':
      return opaque(`${fn.path}()`);
    default:
      return unknown(`calling a ${fn.k} is not followed`);
  }
}

/** Records a `?` node for an unknown operation on tensors, so the model is still listed with its other rows. */
function placeholderCall(ip: Interpreter, reason: string, args: CallArgs): Value {
  // Name the row after what was called: `Foo` for `Foo(3)(x)`, `relu` for `tf.nn.relu(x)`.
  let fn = field(args.node, 'function');
  if (nodeType(fn) === 'call') fn = field(fn, 'function');
  const callee = nodeText(fn)?.split('.').pop()?.replace(/\W/g, '') || '?';
  const layer = ip.session.createPlaceholder(reason, nodeRange(args.node), callee);
  return callLayerValue(ip, layer, args);
}
