// The few numpy and math functions model code uses to make shapes and sample inputs.
import { float, int, native, opaque, unknown, type CallArgs, type Value } from './values';

function shapeOf(v: Value | undefined): number[] | undefined {
  if (!v) return undefined;
  if (v.k === 'int') return [v.v];
  if (v.k !== 'tuple' && v.k !== 'list') return undefined;
  const out: number[] = [];
  for (const it of v.items) {
    if (it.k !== 'int') return undefined;
    out.push(it.v);
  }
  return out;
}

const arg = (a: CallArgs, i: number, name: string): Value | undefined =>
  a.keywords.find(([k]) => k === name)?.[1] ?? a.positional[i];

/** np.ones(shape), np.zeros(shape), np.random.rand(d0, d1…), np.random.normal(size=…). */
function arrayMaker(kind: 'shape' | 'dims' | 'size', sizeIndex = 0) {
  return (a: CallArgs): Value => {
    let shape: number[] | undefined;
    if (kind === 'shape') shape = shapeOf(arg(a, 0, 'shape'));
    else if (kind === 'dims') shape = shapeOf({ k: 'tuple', items: a.positional });
    else shape = shapeOf(arg(a, sizeIndex, 'size'));
    return shape ? { k: 'ndarray', shape } : unknown('an array whose shape is not known');
  };
}

function product(a: CallArgs): Value {
  const s = shapeOf(a.positional[0]);
  if (!s) return unknown('np.prod of values that are not known');
  return int(s.reduce((x, y) => x * y, 1));
}

function mathFn(f: (x: number) => number, asInt: boolean) {
  return (a: CallArgs): Value => {
    const v = a.positional[0];
    if (!v || (v.k !== 'int' && v.k !== 'float')) return unknown('math on a value that is not known');
    const r = f(v.v);
    return asInt ? int(r) : float(r);
  };
}

export function numpyAttribute(path: string, name: string): Value {
  const full = `${path}.${name}`;
  if (path === 'math') {
    switch (name) {
      case 'prod': return native('math.prod', product);
      case 'ceil': return native('math.ceil', mathFn(Math.ceil, true));
      case 'floor': return native('math.floor', mathFn(Math.floor, true));
      case 'sqrt': return native('math.sqrt', mathFn(Math.sqrt, false));
      case 'log2': return native('math.log2', mathFn(Math.log2, false));
      case 'pi': return float(Math.PI);
      default: return opaque(full);
    }
  }
  if (path === 'numpy') {
    switch (name) {
      case 'ones': case 'zeros': case 'empty': case 'full': return native(full, arrayMaker('shape'));
      case 'prod': return native(full, product);
      case 'random': return { k: 'module', path: 'numpy.random', keras: false };
      default: return opaque(full);
    }
  }
  if (path === 'numpy.random') {
    switch (name) {
      case 'rand': case 'randn': return native(full, arrayMaker('dims'));
      case 'random': case 'random_sample': return native(full, arrayMaker('size', 0));
      case 'normal': case 'uniform': return native(full, arrayMaker('size', 2));
      case 'randint': return native(full, arrayMaker('size', 2));
      default: return opaque(full);
    }
  }
  return opaque(full);
}
