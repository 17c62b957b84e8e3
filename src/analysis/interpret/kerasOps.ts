// keras.ops functions that model code calls on tensors: shape queries, arange, and elementwise operations.
import type { Interpreter } from './interpreter';
import { NONE, int, native, opaque, tuple, unknown, type CallArgs, type Value } from './values';
import { tensorOperation } from './kerasObjects';

const ELEMENTWISE: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', true_divide: '/', floor_divide: '//', power: '**', mod: '%', matmul: '@',
};
const UNARY: Record<string, string> = {
  cast: 'Cast', sqrt: 'Sqrt', exp: 'Exp', log: 'Log', square: 'Square', relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh',
  negative: 'neg', abs: 'Absolute', absolute: 'Absolute',
};

function shapeOf(a: CallArgs): Value {
  const v = a.positional[0];
  if (v?.k === 'tensor') return v.t.shape ? tuple(v.t.shape.map((d) => (d === null ? NONE : int(d)))) : unknown('the shape of this tensor is not known');
  if (v?.k === 'ndarray') return tuple(v.shape.map(int));
  return unknown('ops.shape of a value that is not a tensor');
}

/** ops.arange(stop) / ops.arange(start, stop, step): a constant of known length. */
function arange(a: CallArgs): Value {
  const n = a.positional.map((v) => (v.k === 'int' ? v.v : undefined));
  if (n.length === 0 || n.some((x) => x === undefined)) return unknown('ops.arange of values that are not known');
  const [x, y, z] = n as number[];
  const [start, stop, step] = n.length === 1 ? [0, x, 1] : [x, y, z ?? 1];
  if (step === 0) return unknown('ops.arange with step 0');
  return { k: 'ndarray', shape: [Math.max(0, Math.ceil((stop - start) / step))] };
}

export function kerasOpsAttribute(name: string): Value {
  if (name === 'shape') return native('ops.shape', shapeOf);
  if (name === 'arange') return native('ops.arange', arange);
  const bin = ELEMENTWISE[name];
  if (bin) return native(`ops.${name}`, (a, ip: Interpreter) => tensorOperation(ip, bin, a.positional.slice(0, 2), a.node));
  const un = UNARY[name];
  if (un) return native(`ops.${name}`, (a, ip: Interpreter) => tensorOperation(ip, un, a.positional.slice(0, 1), a.node));
  return opaque(`keras.ops.${name}`);
}
