// Converts interpreter values into the plain argument data the layer catalogue reads.
import type { ArgValue } from '../keras/args';
import { ArgReader } from '../keras/args';
import type { Value } from './values';

export function toArg(v: Value, depth = 0): ArgValue {
  if (depth > 20) return { t: 'unknown', reason: 'a value nested too deeply' };
  switch (v.k) {
    case 'int': return { t: 'int', v: v.v };
    case 'float': return { t: 'float', v: v.v };
    case 'str': return { t: 'str', v: v.v };
    case 'bool': return { t: 'bool', v: v.v };
    case 'none': return { t: 'none' };
    case 'tuple': case 'list': return { t: 'seq', items: v.items.map((x) => toArg(x, depth + 1)), tuple: v.k === 'tuple' };
    case 'dict': {
      const entries: [string, ArgValue][] = [];
      for (const { key, value } of v.entries.values()) if (key.k === 'str') entries.push([key.v, toArg(value, depth + 1)]);
      return { t: 'dict', entries };
    }
    case 'layer': {
      const l = v.layer;
      return { t: 'layer', layer: { className: l.className, name: l.name, args: l.args, known: !!l.def && !l.error, trainable: l.trainable } };
    }
    case 'unknown': return { t: 'unknown', reason: v.reason };
    case 'range': return { t: 'other', what: 'range' };
    case 'func': return { t: 'other', what: `function ${v.name}` };
    case 'native': return { t: 'other', what: v.name };
    case 'opaque': return { t: 'other', what: v.what };
    case 'module': return { t: 'other', what: v.path };
    case 'layerClass': return { t: 'other', what: v.name };
    case 'tensor': return { t: 'other', what: 'a tensor' };
    case 'model': return { t: 'other', what: `model ${v.m.name}` };
    case 'ndarray': return { t: 'other', what: 'an array' };
    case 'object': {
      const l = v.layer;
      if (l) return { t: 'layer', layer: { className: l.className, name: l.name, args: l.args, known: !!l.custom && !l.error, trainable: l.trainable } };
      return { t: 'other', what: `a ${v.cls.name} object` };
    }
    case 'class': return { t: 'other', what: `class ${v.name}` };
    case 'super': return { t: 'other', what: 'super()' };
  }
}

export function readerOf(className: string, keywords: readonly [string, Value][]): ArgReader {
  return new ArgReader(className, new Map(keywords.map(([k, v]) => [k, toArg(v)])));
}
