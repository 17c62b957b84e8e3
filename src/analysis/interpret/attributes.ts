// Attribute access and subscripts on abstract values; methods of lists, dicts and strings.
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import {
  NONE, bool, int, list, native, opaque, str, tuple, unknown, hashKey,
  type CallArgs, type DictValue, type Value,
} from './values';
import { iterate } from './iteration';
import { moduleAttribute } from './kerasNames';
import { layerAttribute, modelAttribute, setLayerAttribute, setModelAttribute, tensorAttribute } from './kerasObjects';
import { formatValue } from './expressions';
import { objectAttribute, setObjectAttribute, superAttribute } from './classes';

export function getAttribute(ip: Interpreter, obj: Value, name: string, node: Node): Value {
  switch (obj.k) {
    case 'unknown': return obj;
    case 'module': return moduleAttribute(obj, name);
    case 'layerClass': return opaque(`${obj.name}.${name}`);
    case 'layer': return layerAttribute(ip, obj.layer, name, node);
    case 'model': return modelAttribute(ip, obj.m, name, node);
    case 'tensor': return tensorAttribute(ip, obj.t, name);
    case 'list': return listMethod(ip, obj, name);
    case 'dict': return dictMethod(obj, name);
    case 'str': return strMethod(obj.v, name);
    case 'ndarray': return name === 'shape' ? tuple(obj.shape.map(int)) : name === 'ndim' ? int(obj.shape.length) : opaque(`ndarray.${name}`);
    case 'opaque': return opaque(`${obj.what}.${name}`);
    case 'object': return objectAttribute(ip, obj, name, node);
    case 'super': return superAttribute(ip, obj, name, node);
    case 'class': {
      const v = obj.attrs.get(name);
      return v ?? unknown(`attribute \`${name}\` of class ${obj.name} is not known`);
    }
    case 'func': case 'native': return opaque(`function.${name}`);
    default: return unknown(`attribute \`${name}\` of a ${obj.k} is not followed`);
  }
}

export function setAttribute(ip: Interpreter, obj: Value, name: string, value: Value, node: Node): void {
  if (obj.k === 'object') setObjectAttribute(ip, obj, name, value, node);
  else if (obj.k === 'layer') setLayerAttribute(ip, obj.layer, name, value, node);
  else if (obj.k === 'model') setModelAttribute(ip, obj.m, name, value, node);
}

function index(i: number, n: number): number | undefined {
  const j = i < 0 ? n + i : i;
  return j >= 0 && j < n ? j : undefined;
}

function sliceBounds(what: string, n: number): number[] | undefined {
  const m = /^slice:(.*)$/.exec(what);
  if (!m) return undefined;
  const [a, b, c] = JSON.parse(m[1]) as (number | null)[];
  const step = c ?? 1;
  if (step === 0) return undefined;
  const norm = (x: number | null, def: number) => (x === null ? def : x < 0 ? Math.max(n + x, step < 0 ? -1 : 0) : Math.min(x, step < 0 ? n - 1 : n));
  const start = norm(a, step > 0 ? 0 : n - 1);
  const stop = norm(b, step > 0 ? n : -1);
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

export function getSubscript(ip: Interpreter, obj: Value, key: Value, node: Node): Value {
  if (obj.k === 'unknown') return obj;
  if (obj.k === 'tensor') return unknown('slicing a symbolic tensor is not followed yet');
  if (obj.k === 'list' || obj.k === 'tuple' || obj.k === 'str') {
    const seq: Value[] = obj.k === 'str' ? [...obj.v].map(str) : [...obj.items];
    if (key.k === 'int' || key.k === 'bool') {
      const i = index(Number(key.v), seq.length);
      return i === undefined ? unknown('an index out of range') : seq[i];
    }
    if (key.k === 'opaque') {
      const idx = sliceBounds(key.what, seq.length);
      if (!idx) return unknown('a subscript that is not known');
      const picked = idx.map((i) => seq[i]);
      if (obj.k === 'str') return str(picked.map((v) => (v.k === 'str' ? v.v : '')).join(''));
      return obj.k === 'list' ? list(picked) : tuple(picked);
    }
    return unknown('a subscript that is not known');
  }
  if (obj.k === 'dict') {
    const h = hashKey(key);
    const e = h === undefined ? undefined : obj.entries.get(h);
    return e ? e.value : unknown('a dict key that is not known');
  }
  if (obj.k === 'range' && key.k === 'int') {
    const n = Math.max(0, Math.ceil((obj.stop - obj.start) / obj.step));
    const i = index(key.v, n);
    return i === undefined ? unknown('an index out of range') : int(obj.start + i * obj.step);
  }
  if (obj.k === 'model') return getSubscript(ip, modelAttribute(ip, obj.m, 'layers', node), key, node);
  return unknown('a subscript that is not followed');
}

export function setSubscript(ip: Interpreter, obj: Value, key: Value, value: Value): void {
  if (obj.k === 'list' && key.k === 'int') {
    const i = index(key.v, obj.items.length);
    if (i !== undefined) obj.items[i] = value;
  } else if (obj.k === 'dict') {
    const h = hashKey(key);
    if (h !== undefined) obj.entries.set(h, { key, value });
  }
}

function listMethod(ip: Interpreter, l: { k: 'list'; items: Value[] }, name: string): Value {
  const m = (f: (a: CallArgs) => Value) => native(`list.${name}`, f, l);
  switch (name) {
    case 'append': return m((a) => { l.items.push(a.positional[0] ?? NONE); return NONE; });
    case 'extend': return m((a) => { const it = iterate(ip, a.positional[0] ?? NONE); if (it) l.items.push(...it); return NONE; });
    case 'insert': return m((a) => { const i = a.positional[0]; if (i?.k === 'int') l.items.splice(i.v < 0 ? Math.max(0, l.items.length + i.v) : i.v, 0, a.positional[1] ?? NONE); return NONE; });
    case 'pop': return m((a) => { const i = a.positional[0]; const j = i?.k === 'int' ? index(i.v, l.items.length) : l.items.length - 1; return j === undefined || j < 0 ? unknown('pop from an empty list') : l.items.splice(j, 1)[0]; });
    case 'copy': return m(() => list([...l.items]));
    case 'reverse': return m(() => { l.items.reverse(); return NONE; });
    case 'index': return m((a) => { const h = hashKey(a.positional[0] ?? NONE); const i = l.items.findIndex((x) => hashKey(x) === h); return i < 0 || h === undefined ? unknown('list.index of a value not found') : int(i); });
    case 'count': return m((a) => { const h = hashKey(a.positional[0] ?? NONE); return h === undefined ? unknown('list.count') : int(l.items.filter((x) => hashKey(x) === h).length); });
    default: return unknown(`list.${name} is not followed`);
  }
}

function dictMethod(d: DictValue, name: string): Value {
  const m = (f: (a: CallArgs) => Value) => native(`dict.${name}`, f, d);
  const entries = () => [...d.entries.values()];
  switch (name) {
    case 'items': return m(() => list(entries().map((e) => tuple([e.key, e.value]))));
    case 'keys': return m(() => list(entries().map((e) => e.key)));
    case 'values': return m(() => list(entries().map((e) => e.value)));
    case 'get': return m((a) => { const h = hashKey(a.positional[0] ?? NONE); const e = h === undefined ? undefined : d.entries.get(h); return e ? e.value : h === undefined ? unknown('a dict key that is not known') : a.positional[1] ?? NONE; });
    case 'copy': return m(() => ({ k: 'dict', entries: new Map(d.entries) }));
    case 'update': return m((a) => { const s = a.positional[0]; if (s?.k === 'dict') for (const [h, e] of s.entries) d.entries.set(h, e); for (const [k, v] of a.keywords) d.entries.set(`s:${k}`, { key: str(k), value: v }); return NONE; });
    case 'setdefault': return m((a) => { const key = a.positional[0] ?? NONE; const h = hashKey(key); if (h === undefined) return unknown('a dict key that is not known'); if (!d.entries.has(h)) d.entries.set(h, { key, value: a.positional[1] ?? NONE }); return d.entries.get(h)!.value; });
    case 'pop': return m((a) => { const h = hashKey(a.positional[0] ?? NONE); const e = h === undefined ? undefined : d.entries.get(h); if (h !== undefined) d.entries.delete(h); return e ? e.value : a.positional[1] ?? unknown('a dict key that is not known'); });
    default: return unknown(`dict.${name} is not followed`);
  }
}

function strMethod(s: string, name: string): Value {
  const m = (f: (a: CallArgs) => Value) => native(`str.${name}`, f);
  const arg0 = (a: CallArgs) => (a.positional[0]?.k === 'str' ? (a.positional[0] as { v: string }).v : undefined);
  switch (name) {
    case 'upper': return m(() => str(s.toUpperCase()));
    case 'lower': return m(() => str(s.toLowerCase()));
    case 'strip': return m(() => str(s.trim()));
    case 'title': return m(() => str(s.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase())));
    case 'capitalize': return m(() => str(s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()));
    case 'startswith': return m((a) => { const p = arg0(a); return p === undefined ? unknown('str.startswith') : bool(s.startsWith(p)); });
    case 'endswith': return m((a) => { const p = arg0(a); return p === undefined ? unknown('str.endswith') : bool(s.endsWith(p)); });
    case 'replace': return m((a) => { const x = arg0(a); const y = a.positional[1]; return x === undefined || y?.k !== 'str' ? unknown('str.replace') : str(s.split(x).join(y.v)); });
    case 'split': return m((a) => { const sep = arg0(a); return list((sep === undefined ? s.trim().split(/\s+/).filter(Boolean) : s.split(sep)).map(str)); });
    case 'join': return m((a) => {
      const items = a.positional[0];
      if (!items || (items.k !== 'list' && items.k !== 'tuple')) return unknown('str.join of values that are not known');
      const parts = items.items.map((v) => (v.k === 'str' ? v.v : undefined));
      return parts.some((p) => p === undefined) ? unknown('str.join of values that are not known') : str(parts.join(s));
    });
    case 'format': return m((a) => {
      let auto = 0;
      let bad = false;
      const out = s.replace(/\{\{|\}\}|\{([^{}:!]*)(?:![rs])?(?::([^{}]*))?\}/g, (whole, field: string | undefined, spec: string | undefined) => {
        if (whole === '{{') return '{';
        if (whole === '}}') return '}';
        const key = field ?? '';
        const v = key === '' ? a.positional[auto++] : /^\d+$/.test(key) ? a.positional[Number(key)] : a.keywords.find(([k]) => k === key)?.[1];
        const text = v ? formatValue(v, spec ?? '') : undefined;
        if (text === undefined) { bad = true; return ''; }
        return text;
      });
      return bad ? unknown('str.format with values that are not known') : str(out);
    });
    default: return unknown(`str.${name} is not followed`);
  }
}

