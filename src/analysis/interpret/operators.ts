// Python's arithmetic, comparison and membership operators over abstract values.
import { float, hashKey, int, list, str, tuple, unknown, typeName, type Value } from './values';

const numeric = (v: Value): number | undefined =>
  v.k === 'int' || v.k === 'float' ? v.v : v.k === 'bool' ? (v.v ? 1 : 0) : undefined;
const isIntLike = (v: Value): boolean => v.k === 'int' || v.k === 'bool';

function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

/** a OP b; unknown when an operand is unknown or the operation is not modelled. */
export function binaryOp(op: string, a: Value, b: Value): Value {
  if (a.k === 'unknown') return a;
  if (b.k === 'unknown') return b;
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) {
    const ints = isIntLike(a) && isIntLike(b);
    switch (op) {
      case '+': return ints ? int(x + y) : float(x + y);
      case '-': return ints ? int(x - y) : float(x - y);
      case '*': return ints ? int(x * y) : float(x * y);
      case '/': return y === 0 ? unknown('division by zero') : float(x / y);
      case '//': return y === 0 ? unknown('division by zero') : ints ? int(Math.floor(x / y)) : float(Math.floor(x / y));
      case '%': return y === 0 ? unknown('division by zero') : ints ? int(pyMod(x, y)) : float(pyMod(x, y));
      case '**': {
        if (ints && y >= 0) {
          const r = x ** y;
          return Number.isSafeInteger(r) ? int(r) : unknown('an integer too large to follow');
        }
        return float(x ** y);
      }
      case '<<': return ints ? int(x * 2 ** y) : unknown('bad operands for <<');
      case '>>': return ints ? int(Math.floor(x / 2 ** y)) : unknown('bad operands for >>');
      case '&': return ints ? int(x & y) : unknown('bad operands for &');
      case '|': return ints ? int(x | y) : unknown('bad operands for |');
      case '^': return ints ? int(x ^ y) : unknown('bad operands for ^');
    }
  }
  if (op === '+') {
    if (a.k === 'str' && b.k === 'str') return str(a.v + b.v);
    if (a.k === 'list' && b.k === 'list') return list([...a.items, ...b.items]);
    if (a.k === 'tuple' && b.k === 'tuple') return tuple([...a.items, ...b.items]);
  }
  if (op === '*') {
    const [s, n] = y !== undefined && isIntLike(b) ? [a, y] : x !== undefined && isIntLike(a) ? [b, x] : [a, undefined];
    if (n !== undefined) {
      const times = Math.max(0, n);
      if (s.k === 'str') return s.v.length * times > 1e6 ? unknown('a string too long to follow') : str(s.v.repeat(times));
      if (s.k === 'list' || s.k === 'tuple') {
        if (s.items.length * times > 100_000) return unknown('a sequence too long to follow');
        const items: Value[] = [];
        for (let i = 0; i < times; i++) items.push(...s.items);
        return s.k === 'list' ? list(items) : tuple(items);
      }
    }
  }
  if (op === '%' && a.k === 'str') return percentFormat(a.v, b);
  return unknown(`\`${typeName(a)} ${op} ${typeName(b)}\` is not followed`);
}

/** printf-style `'%s_%d' % (a, b)`. */
function percentFormat(fmt: string, arg: Value): Value {
  const args = arg.k === 'tuple' ? arg.items : [arg];
  let i = 0;
  let bad = false;
  const out = fmt.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([sdirfgx%])/g, (_m, _flags: string, conv: string) => {
    if (conv === '%') return '%';
    const v = args[i++];
    if (!v) { bad = true; return ''; }
    const n = numeric(v);
    if (conv === 'd' || conv === 'i') return n === undefined ? ((bad = true), '') : String(Math.trunc(n));
    if (conv === 'f') return n === undefined ? ((bad = true), '') : n.toFixed(6);
    const s = v.k === 'str' ? v.v : v.k === 'int' || v.k === 'float' || v.k === 'bool' || v.k === 'none' ? String(v.k === 'none' ? 'None' : v.k === 'bool' ? (v.v ? 'True' : 'False') : v.v) : undefined;
    if (s === undefined) { bad = true; return ''; }
    return s;
  });
  return bad ? unknown('a %-format whose arguments are not known') : str(out);
}

export function unaryOp(op: string, a: Value): Value {
  if (a.k === 'unknown') return a;
  const x = numeric(a);
  if (x === undefined) return unknown(`unary ${op} on ${typeName(a)} is not followed`);
  if (op === '-') return isIntLike(a) ? int(-x) : float(-x);
  if (op === '+') return isIntLike(a) ? int(x) : float(x);
  if (op === '~') return isIntLike(a) ? int(~x) : unknown('bad operand for ~');
  return unknown(`unary ${op}`);
}

/** Python equality; undefined when unknown. */
export function equals(a: Value, b: Value): boolean | undefined {
  if (a.k === 'unknown' || b.k === 'unknown' || a.k === 'opaque' || b.k === 'opaque') return undefined;
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x === y;
  if (a.k === 'none' || b.k === 'none') return a.k === b.k;
  if (a.k === 'str' && b.k === 'str') return a.v === b.v;
  if ((a.k === 'list' && b.k === 'list') || (a.k === 'tuple' && b.k === 'tuple')) {
    if (a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) {
      const e = equals(a.items[i], b.items[i]);
      if (e !== true) return e;
    }
    return true;
  }
  const ha = hashKey(a);
  const hb = hashKey(b);
  if (ha !== undefined && hb !== undefined) return ha === hb;
  if (a.k !== b.k) return false;
  return undefined;
}

function order(a: Value, b: Value): number | undefined {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (a.k === 'str' && b.k === 'str') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  if ((a.k === 'tuple' && b.k === 'tuple') || (a.k === 'list' && b.k === 'list')) {
    for (let i = 0; i < Math.min(a.items.length, b.items.length); i++) {
      const c = order(a.items[i], b.items[i]);
      if (c !== 0) return c;
    }
    return a.items.length - b.items.length;
  }
  return undefined;
}

export function contains(container: Value, item: Value): boolean | undefined {
  switch (container.k) {
    case 'str': return item.k === 'str' ? container.v.includes(item.v) : undefined;
    case 'list': case 'tuple': {
      let unsure = false;
      for (const x of container.items) {
        const e = equals(x, item);
        if (e === true) return true;
        if (e === undefined) unsure = true;
      }
      return unsure ? undefined : false;
    }
    case 'dict': {
      const h = hashKey(item);
      return h === undefined ? undefined : container.entries.has(h);
    }
    case 'range': {
      const n = numeric(item);
      if (n === undefined || !Number.isInteger(n)) return undefined;
      const { start, stop, step } = container;
      const inside = step > 0 ? n >= start && n < stop : n <= start && n > stop;
      return inside && (n - start) % step === 0;
    }
    default: return undefined;
  }
}

export function compareOp(op: string, a: Value, b: Value): boolean | undefined {
  switch (op) {
    case '==': return equals(a, b);
    case '!=': { const e = equals(a, b); return e === undefined ? undefined : !e; }
    case 'in': return contains(b, a);
    case 'not in': { const c = contains(b, a); return c === undefined ? undefined : !c; }
    case 'is': case 'is not': {
      let same: boolean | undefined;
      if (a.k === 'none' || b.k === 'none') same = a.k === 'unknown' || b.k === 'unknown' ? undefined : a.k === b.k;
      else if (a.k === 'bool' && b.k === 'bool') same = a.v === b.v;
      else same = a === b ? true : equals(a, b) === false ? false : undefined;
      return same === undefined ? undefined : op === 'is' ? same : !same;
    }
  }
  if (a.k === 'unknown' || b.k === 'unknown') return undefined;
  const c = order(a, b);
  if (c === undefined) return undefined;
  switch (op) {
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
  return undefined;
}

