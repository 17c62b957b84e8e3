// The interpreter's mutable state as one graph of objects: saved before an undecidable choice, compared
// with what each alternative left, and put back — so every alternative runs from the same start.
import { Scope, bindingLog } from './scope';
import type { Value } from './values';
import { KerasSession } from '../keras/session';
import { NameCounter } from '../keras/naming';
import { ArgReader } from '../keras/args';

/** The contents of one mutable object, shallow: its elements, entries or own properties. */
export type Contents =
  | { readonly kind: 'array'; readonly items: readonly unknown[] }
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<unknown, unknown> }
  | { readonly kind: 'set'; readonly values: readonly unknown[] }
  | { readonly kind: 'object'; readonly props: Readonly<Record<string, unknown>>; readonly count: number }
  /** The names of a scope that changed: what they are bound to now and were bound to before (undefined: unbound). */
  | { readonly kind: 'names'; readonly scope: Scope; readonly now: ReadonlyMap<string, Value | undefined>; readonly was: ReadonlyMap<string, Value | undefined> };

/** Values that never change once made: not part of the state (they are compared by content). */
const LEAF_KINDS = new Set(['none', 'bool', 'int', 'float', 'str', 'range', 'module', 'layerClass', 'opaque', 'unknown', 'ndarray']);

/** Properties that are not state: `nextId` keeps ids unique across alternatives; the reporter and a layer's catalogue entry never change. */
const NOT_STATE = new Set(['nextId', 'report', 'def']);

/**
 * Properties holding data that is never changed once made (source ranges, shapes, a layer's bound arguments
 * and build results): not saved, which keeps saving the state cheap. They still count when states are compared.
 */
const IMMUTABLE = new Set(['site', 'range', 'callSites', 'build', 'firstBuild', 'args', 'base', 'shape', 'inputShape', 'callOptions', 'traceOutputs']);

let ownClasses: Set<unknown> | undefined;
/** Our own classes whose instances hold state; any other class instance (a syntax node, the budget) is left alone. */
function stateful(o: object): boolean {
  const proto: unknown = Object.getPrototypeOf(o);
  if (proto === Object.prototype || proto === Array.prototype || proto === Map.prototype || proto === Set.prototype || proto === null) return true;
  ownClasses ??= new Set([Scope.prototype, KerasSession.prototype, NameCounter.prototype, ArgReader.prototype]);
  return ownClasses.has(proto);
}

export function isLeafValue(o: object): boolean {
  const k = (o as { k?: unknown }).k;
  return typeof k === 'string' && LEAF_KINDS.has(k);
}

function contentsOf(o: object): Contents {
  if (Array.isArray(o)) return { kind: 'array', items: o.slice() };
  // A copy of the map itself: a module's names can be thousands, and a map copies fastest as a map.
  if (o instanceof Map) return { kind: 'map', entries: new Map(o) };
  if (o instanceof Set) return { kind: 'set', values: [...o] };
  const props: Record<string, unknown> = {};
  let count = 0;
  for (const k in o) {
    if (NOT_STATE.has(k) || !Object.prototype.hasOwnProperty.call(o, k)) continue;
    props[k] = (o as Record<string, unknown>)[k];
    count++;
  }
  return { kind: 'object', props, count };
}

/** Whether an object still holds the contents saved for it (references compared by identity). */
function unchanged(o: object, c: Contents): boolean {
  switch (c.kind) {
    case 'array': {
      const a = o as unknown[];
      if (a.length !== c.items.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== c.items[i]) return false;
      return true;
    }
    case 'map': {
      const m = o as Map<unknown, unknown>;
      if (m.size !== c.entries.size) return false;
      // Same keys in the same order, each with the same value.
      const saved = c.entries.entries();
      for (const [k, v] of m) {
        const e = saved.next().value as [unknown, unknown];
        if (e[0] !== k || e[1] !== v) return false;
      }
      return true;
    }
    case 'set': {
      const s = o as Set<unknown>;
      if (s.size !== c.values.length) return false;
      let i = 0;
      for (const v of s) if (c.values[i++] !== v) return false;
      return true;
    }
    case 'names': return true;
    case 'object': {
      const r = o as Record<string, unknown>;
      let n = 0;
      for (const k in r) {
        if (NOT_STATE.has(k)) continue;
        if (r[k] !== c.props[k] || !(k in c.props)) return false;
        n++;
      }
      return n === c.count;
    }
  }
}

/**
 * Where saving goes from an object, when not into everything it holds: `deep` objects are followed further,
 * `shallow` ones saved without following what they hold (a scope's names: only those the code uses matter).
 */
export type Expand = (o: object) => { readonly deep: readonly unknown[]; readonly shallow: readonly object[] } | undefined;

/** The state reachable from some roots at one moment: every mutable object with its contents, and who holds it. */
export class WorldSnapshot {
  readonly saved = new Map<object, Contents>();
  /** The first object found holding each saved object (to tell whose array or map changed). */
  readonly holder = new Map<object, object>();

  constructor(roots: readonly unknown[], expand?: Expand) {
    this.ownsLog = !bindingLog.changes;
    bindingLog.changes ??= [];
    this.logStart = bindingLog.changes.length;
    const stack: unknown[] = [...roots];
    const from: (object | undefined)[] = roots.map(() => undefined);
    const sealed = new Set<object>();
    while (stack.length > 0) {
      const o = stack.pop();
      const h = from.pop();
      if (typeof o !== 'object' || o === null || this.saved.has(o) || isLeafValue(o) || !stateful(o) || Object.isFrozen(o)) continue;
      const c = contentsOf(o);
      this.saved.set(o, c);
      if (h) this.holder.set(o, h);
      if (sealed.has(o)) continue;
      const visit = (x: unknown): void => {
        if (typeof x === 'object' && x !== null) { stack.push(x); from.push(o); }
      };
      const special = expand?.(o);
      if (special) {
        special.deep.forEach(visit);
        for (const x of special.shallow) { sealed.add(x); visit(x); }
        continue;
      }
      switch (c.kind) {
        case 'array': c.items.forEach(visit); break;
        case 'map': for (const [k, v] of c.entries) { visit(k); visit(v); } break;
        case 'set': c.values.forEach(visit); break;
        case 'object':
          for (const k in c.props) {
            // A layer's weights are fixed by its first build (a custom layer's own list does grow: `sublayers` beside it).
            if (IMMUTABLE.has(k) || (k === 'weights' && !('sublayers' in c.props))) continue;
            // The session's list of models is state, but a model only it holds cannot be reached by the code.
            if (k === 'models' && o instanceof KerasSession) { const list = c.props[k] as object; stack.push(list); from.push(o); sealed.add(list); continue; }
            visit(c.props[k]);
          }
          break;
      }
    }
  }

  /** Whether an object already existed (and was reachable) when the snapshot was taken. */
  has(o: unknown): boolean {
    return typeof o === 'object' && o !== null && this.saved.has(o);
  }

  /** The saved objects whose contents are different now, with their contents now; changed names under their scope. */
  changes(): Map<object, Contents> {
    const out = new Map<object, Contents>();
    for (const [o, before] of this.saved) if (!unchanged(o, before)) out.set(o, contentsOf(o));
    const log = bindingLog.changes ?? [];
    const was = new Map<Scope, Map<string, Value | undefined>>();
    for (let i = this.logStart; i < log.length; i++) {
      const { scope, name, old } = log[i];
      // Scopes made since (a call's locals) are not part of the state the alternatives share.
      if (!this.saved.has(scope)) continue;
      let m = was.get(scope);
      if (!m) was.set(scope, (m = new Map()));
      if (!m.has(name)) m.set(name, old);
    }
    for (const [scope, before] of was) {
      const now = new Map<string, Value | undefined>();
      for (const [name, old] of before) if (scope.vars.get(name) !== old) now.set(name, scope.vars.get(name));
      if (now.size > 0) out.set(scope, { kind: 'names', scope, now, was: new Map([...now.keys()].map((n) => [n, before.get(n)])) });
    }
    return out;
  }

  /** Puts back what an alternative changed: the saved contents of these objects, and every binding since the snapshot. */
  restore(changes: ReadonlyMap<object, Contents>): void {
    for (const [o, c] of changes) {
      const saved = this.saved.get(o);
      if (c.kind !== 'names' && saved) putContents(o, saved);
    }
    const log = bindingLog.changes;
    if (!log) return;
    for (let i = log.length - 1; i >= this.logStart; i--) {
      const { scope, name, old } = log[i];
      if (old === undefined) scope.vars.delete(name);
      else scope.vars.set(name, old);
    }
    log.length = this.logStart;
  }

  /** Ends the binding log if this snapshot started it. */
  close(): void {
    if (this.ownsLog) bindingLog.changes = null;
  }

  private readonly logStart: number;
  private readonly ownsLog: boolean;
}

export function putContents(o: object, c: Contents): void {
  switch (c.kind) {
    case 'names': for (const [name, v] of c.now) c.scope.bind(name, v); return;
    case 'array': { const a = o as unknown[]; a.length = 0; a.push(...c.items); return; }
    case 'map': {
      const m = o as Map<unknown, unknown>;
      // Keys unchanged (in order): write back only the values that differ; else rebuild, keeping the saved order.
      let sameKeys = m.size === c.entries.size;
      if (sameKeys) {
        const saved = c.entries.keys();
        for (const k of m.keys()) if (saved.next().value !== k) { sameKeys = false; break; }
      }
      if (sameKeys) {
        for (const [k, v] of c.entries) if (m.get(k) !== v) m.set(k, v);
      } else {
        m.clear();
        for (const [k, v] of c.entries) m.set(k, v);
      }
      return;
    }
    case 'set': { const s = o as Set<unknown>; s.clear(); for (const v of c.values) s.add(v); return; }
    case 'object': {
      const rec = o as Record<string, unknown>;
      // Only what differs is written, so objects keep their shape (and V8 its fast paths).
      for (const k of Object.keys(rec)) if (!NOT_STATE.has(k) && !(k in c.props)) delete rec[k];
      for (const k in c.props) if (rec[k] !== c.props[k]) rec[k] = c.props[k];
    }
  }
}

/** The live contents of an object (for comparing an alternative's new objects). */
export function liveContents(o: object): Contents {
  return contentsOf(o);
}

export function isStateful(o: object): boolean {
  return !isLeafValue(o) && stateful(o) && !Object.isFrozen(o);
}
