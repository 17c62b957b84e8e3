// Python builtins that model-building code uses: len, range, zip, enumerate, int, str, min, max, sum…
import {
  NONE, bool, float, int, list, native, opaque, pyStr, str, truthy, tuple, unknown, rangeLength, hashKey,
  type CallArgs, type DictValue, type Value,
} from './values';
import { iterateLazy } from './iteration';
import { compareOp } from './operators';

const MAX_ITEMS = 1_000_000;

function items(v: Value | undefined): Value[] | undefined {
  if (!v) return undefined;
  if (v.k === 'range' && rangeLength(v) > MAX_ITEMS) return undefined;
  const it = iterateLazy(v);
  return it ? [...it] : undefined;
}

function len(a: CallArgs): Value {
  const v = a.positional[0];
  if (!v) return unknown('len() of nothing');
  switch (v.k) {
    case 'str': return int([...v.v].length);
    case 'list': case 'tuple': return int(v.items.length);
    case 'dict': return int(v.entries.size);
    case 'range': return int(rangeLength(v));
    case 'ndarray': return v.shape.length > 0 ? int(v.shape[0]) : unknown('len() of a scalar');
    case 'model': return v.m.kind === 'sequential' ? int(v.m.layers.length) : unknown('len() of a model');
    default: return unknown('len() of a value that is not known');
  }
}

function range(a: CallArgs): Value {
  const nums = a.positional.map((v) => (v.k === 'int' ? v.v : v.k === 'bool' ? Number(v.v) : undefined));
  if (nums.length === 0 || nums.some((n) => n === undefined)) return unknown('range() of values that are not known');
  const [x, y, z] = nums as number[];
  if (nums.length === 1) return { k: 'range', start: 0, stop: x, step: 1 };
  if (z === 0) return unknown('range() step 0');
  return { k: 'range', start: x, stop: y, step: z ?? 1 };
}

function zip(a: CallArgs): Value {
  const lists = a.positional.map(items);
  if (lists.some((l) => !l)) return unknown('zip() of values that cannot be listed');
  const n = Math.min(...(lists as Value[][]).map((l) => l.length));
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(tuple((lists as Value[][]).map((l) => l[i])));
  return list(out);
}

function enumerate(a: CallArgs): Value {
  const l = items(a.positional[0]);
  const startV = a.positional[1] ?? a.keywords.find(([k]) => k === 'start')?.[1];
  const start = startV?.k === 'int' ? startV.v : 0;
  if (!l) return unknown('enumerate() of values that cannot be listed');
  return list(l.map((v, i) => tuple([int(start + i), v])));
}

function toInt(a: CallArgs): Value {
  const v = a.positional[0];
  if (!v) return int(0);
  if (v.k === 'int') return v;
  if (v.k === 'bool') return int(v.v ? 1 : 0);
  if (v.k === 'float') return int(Math.trunc(v.v));
  if (v.k === 'str' && /^\s*[-+]?\d+\s*$/.test(v.v)) return int(parseInt(v.v, 10));
  return unknown('int() of a value that is not known');
}

function toFloat(a: CallArgs): Value {
  const v = a.positional[0];
  if (!v) return float(0);
  if (v.k === 'int' || v.k === 'float') return float(v.v);
  if (v.k === 'str' && v.v.trim() !== '' && !Number.isNaN(Number(v.v))) return float(Number(v.v));
  return unknown('float() of a value that is not known');
}

function extreme(kind: 'min' | 'max') {
  return (a: CallArgs): Value => {
    const vals = a.positional.length === 1 ? items(a.positional[0]) : a.positional;
    if (!vals || vals.length === 0) return unknown(`${kind}() of values that are not known`);
    let best = vals[0];
    for (const v of vals.slice(1)) {
      const c = compareOp(kind === 'min' ? '<' : '>', v, best);
      if (c === undefined) return unknown(`${kind}() of values that are not known`);
      if (c) best = v;
    }
    return best;
  };
}

function sum(a: CallArgs): Value {
  const vals = items(a.positional[0]);
  if (!vals) return unknown('sum() of values that are not known');
  let total = a.positional[1]?.k === 'int' || a.positional[1]?.k === 'float' ? (a.positional[1] as { v: number }).v : 0;
  let isFloat = a.positional[1]?.k === 'float';
  for (const v of vals) {
    if (v.k === 'int' || v.k === 'bool') total += Number(v.v);
    else if (v.k === 'float') { total += v.v; isFloat = true; }
    else return unknown('sum() of values that are not known');
  }
  return isFloat ? float(total) : int(total);
}

function dict(a: CallArgs): Value {
  const d: DictValue = { k: 'dict', entries: new Map() };
  const src = a.positional[0];
  if (src?.k === 'dict') for (const [h, e] of src.entries) d.entries.set(h, e);
  else if (src) {
    const pairs = items(src);
    if (!pairs) return unknown('dict() of values that are not known');
    for (const p of pairs) {
      const kv = items(p);
      const h = kv && kv.length === 2 ? hashKey(kv[0]) : undefined;
      if (!kv || h === undefined) return unknown('dict() of values that are not known');
      d.entries.set(h, { key: kv[0], value: kv[1] });
    }
  }
  for (const [k, v] of a.keywords) d.entries.set(`s:${k}`, { key: str(k), value: v });
  return d;
}

function sorted(a: CallArgs): Value {
  const vals = items(a.positional[0]);
  if (!vals) return unknown('sorted() of values that are not known');
  let bad = false;
  const out = [...vals].sort((x, y) => {
    const lt = compareOp('<', x, y);
    const gt = compareOp('>', x, y);
    if (lt === undefined || gt === undefined) bad = true;
    return lt ? -1 : gt ? 1 : 0;
  });
  const rev = a.keywords.find(([k]) => k === 'reverse')?.[1];
  if (rev && truthy(rev)) out.reverse();
  return bad ? unknown('sorted() of values that cannot be compared') : list(out);
}

function round(a: CallArgs): Value {
  const v = a.positional[0];
  const nd = a.positional[1];
  if (!v || (v.k !== 'int' && v.k !== 'float')) return unknown('round() of a value that is not known');
  if (nd && nd.k === 'int') return float(Number(v.v.toFixed(nd.v)));
  // Python rounds half to even.
  const f = Math.floor(v.v);
  const diff = v.v - f;
  return int(diff > 0.5 || (diff === 0.5 && f % 2 !== 0) ? f + 1 : f);
}

const table: [string, (a: CallArgs) => Value][] = [
  ['len', len], ['range', range], ['zip', zip], ['enumerate', enumerate], ['int', toInt], ['float', toFloat],
  ['str', (a) => { const s = a.positional[0] ? pyStr(a.positional[0]) : ''; return s === undefined ? unknown('str() of a value that is not known') : str(s); }],
  ['repr', (a) => { const s = a.positional[0] ? pyStr(a.positional[0], true) : ''; return s === undefined ? unknown('repr() of a value that is not known') : str(s); }],
  ['bool', (a) => { const t = a.positional[0] ? truthy(a.positional[0]) : false; return t === undefined ? unknown('bool() of a value that is not known') : bool(t); }],
  ['list', (a) => { const l = a.positional[0] ? items(a.positional[0]) : []; return l ? list(l) : unknown('list() of values that are not known'); }],
  ['tuple', (a) => { const l = a.positional[0] ? items(a.positional[0]) : []; return l ? tuple(l) : unknown('tuple() of values that are not known'); }],
  ['reversed', (a) => { const l = items(a.positional[0]); return l ? list(l.reverse()) : unknown('reversed() of values that are not known'); }],
  ['dict', dict], ['min', extreme('min')], ['max', extreme('max')], ['sum', sum], ['sorted', sorted], ['round', round],
  ['abs', (a) => { const v = a.positional[0]; return v?.k === 'int' ? int(Math.abs(v.v)) : v?.k === 'float' ? float(Math.abs(v.v)) : unknown('abs() of a value that is not known'); }],
  ['any', (a) => { const l = items(a.positional[0]); if (!l) return unknown('any() of values that are not known'); const t = l.map(truthy); return t.includes(true) ? bool(true) : t.includes(undefined) ? unknown('any() of values that are not known') : bool(false); }],
  ['all', (a) => { const l = items(a.positional[0]); if (!l) return unknown('all() of values that are not known'); const t = l.map(truthy); return t.includes(false) ? bool(false) : t.includes(undefined) ? unknown('all() of values that are not known') : bool(true); }],
  ['print', () => NONE], ['isinstance', () => unknown('isinstance() is not followed')],
  ['map', (a) => unknown(`map() is not followed${a.positional.length ? '' : ''}`)],
  ['super', () => unknown('super() is not followed yet')],
  ['open', () => opaque('file')], ['input', () => unknown('input() is only known at run time')],
  ['divmod', (a) => { const [x, y] = a.positional; return x?.k === 'int' && y?.k === 'int' && y.v !== 0 ? tuple([int(Math.floor(x.v / y.v)), int(x.v - Math.floor(x.v / y.v) * y.v)]) : unknown('divmod() of values that are not known'); }],
  ['pow', (a) => { const [x, y] = a.positional; return x?.k === 'int' && y?.k === 'int' && y.v >= 0 ? int(x.v ** y.v) : unknown('pow() of values that are not known'); }],
];

export const BUILTINS: ReadonlyMap<string, Value> = new Map<string, Value>([
  ...table.map(([n, f]): [string, Value] => [n, native(n, f)]),
  ['None', NONE],
  ['object', opaque('object')],
]);
