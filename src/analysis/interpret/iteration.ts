// Iterating abstract values: lists, tuples, ranges, strings, dicts; nothing when the items are unknown.
import type { Interpreter } from './interpreter';
import { int, rangeLength, str, type Value } from './values';

const MAX_MATERIALISED = 1_000_000;

/** The items of an iterable, lazily (ranges of any length); undefined if they cannot be listed. */
export function iterateLazy(v: Value): Iterable<Value> | undefined {
  switch (v.k) {
    case 'list': case 'tuple': return [...v.items];
    case 'str': return [...v.v].map(str);
    case 'dict': return [...v.entries.values()].map((e) => e.key);
    case 'range': {
      const { start, step } = v;
      const n = rangeLength(v);
      return { *[Symbol.iterator]() { for (let i = 0; i < n; i++) yield int(start + i * step); } };
    }
    case 'ndarray': return undefined;
    default: return undefined;
  }
}

/** The items as an array (bounded); undefined if they cannot be listed. */
export function iterate(ip: Interpreter, v: Value): Value[] | undefined {
  if (v.k === 'range') {
    const n = rangeLength(v);
    if (n > MAX_MATERIALISED) return undefined;
    ip.budget.tick(Math.ceil(n / 64));
  }
  const it = iterateLazy(v);
  return it ? [...it] : undefined;
}
