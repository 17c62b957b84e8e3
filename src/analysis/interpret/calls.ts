// Calling a value: user functions, natives, Keras layer classes, layers and models.
import type { Interpreter } from './interpreter';
import { opaque, unknown, type CallArgs, type Value } from './values';
import { callFunction } from './functions';
import { constructLayer } from './kerasApi';
import { callLayerValue, callModelValue } from './kerasObjects';

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
    case 'unknown': return fn;
    case 'opaque':
      // Something keras-lens does not model, applied to a tensor (tf.nn.relu(x), tf.concat…): its output is unknown.
      if (touchesTensor(args)) return unknown(`\`${fn.what}\` applied to a tensor is not followed`);
      return opaque(`${fn.what}()`);
    case 'module':
      return opaque(`${fn.path}()`);
    default:
      return unknown(`calling a ${fn.k} is not followed`);
  }
}
