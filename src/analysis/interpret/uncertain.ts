// After alternatives that differ: the state is back to before the choice, and everything any alternative
// changed is marked so that no figure depending on the choice is shown as certain — names become unknown
// (a tensor stays a tensor behind a `?` row), lists and dicts become unknown, layers and models get a reason.
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import { NameCounter } from '../keras/naming';
import { nodeRange } from '../parse/ranges';
import type { Tensor } from '../keras/graph';
import { unknown, type Value } from './values';
import type { Contents, WorldSnapshot } from './world';
import { sameValue, type Outcome } from './sameOutcome';

type Entity =
  | { readonly kind: 'scope'; readonly scope: Scope }
  | { readonly kind: 'names'; readonly map: Map<string, Value> }
  | { readonly kind: 'container'; readonly value: Value }
  | { readonly kind: 'layer'; readonly layer: { uncertain?: string; trainableUncertain?: string } }
  | { readonly kind: 'model'; readonly model: { tainted?: string; trainableUncertain?: string } }
  | { readonly kind: 'autoNames'; readonly counter: NameCounter; readonly used: object; readonly uncertain: object };

/** Marks what the alternatives changed (the state must already be back to `before`). */
export function markChanges(ip: Interpreter, before: WorldSnapshot, ran: readonly Outcome[], reason: string, at: Node): void {
  const groups = new Map<object, { entity: Entity; objects: Set<object> }>();
  for (const r of ran) {
    for (const o of r.changes.keys()) {
      const e = entityOf(o, before);
      if (!e) continue;
      const g = groups.get(e.key) ?? { entity: e.entity, objects: new Set<object>() };
      g.objects.add(o);
      groups.set(e.key, g);
    }
  }
  for (const [key, g] of groups) {
    // `layer.trainable = False` on some ways only: the count is certain, its trainable split is not.
    const onlyFlag = (g.entity.kind === 'layer' || g.entity.kind === 'model') && g.objects.size === 1 && g.objects.has(key)
      && ran.every((r) => changedProps(before.saved.get(key), r.changes.get(key)).every((p) => p === 'trainable'));
    if (onlyFlag && g.entity.kind === 'layer') g.entity.layer.trainableUncertain ??= reason;
    else if (onlyFlag && g.entity.kind === 'model') g.entity.model.trainableUncertain ??= reason;
    else mark(ip, g.entity, before, ran, reason, at);
  }
}

/** Properties whose values differ between two contents of one object. */
function changedProps(was: Contents | undefined, now: Contents | undefined): string[] {
  if (!now) return [];
  if (was?.kind !== 'object' || now.kind !== 'object') return ['*'];
  const a = was.props;
  const b = now.props;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
}

function mark(ip: Interpreter, e: Entity, before: WorldSnapshot, ran: readonly Outcome[], reason: string, at: Node): void {
  switch (e.kind) {
    case 'names': {
      // Only the names some alternative bound differently (a module may hold thousands of names).
      const was = entries(before.saved.get(e.map)) as ReadonlyMap<string, Value>;
      const after = ran.map((r) => (entries(r.changes.get(e.map)) ?? was) as ReadonlyMap<string, Value>);
      const names = new Set<string>();
      for (const m of after) {
        if (m === was) continue;
        let kept = 0;
        for (const [k, v] of m) {
          if (was.has(k)) kept++;
          if (was.get(k) !== v) names.add(k);
        }
        // Some name was unbound on that way: find which (rare, so only then).
        if (kept !== was.size) for (const k of was.keys()) if (!m.has(k)) names.add(k);
      }
      for (const name of names) {
        const values = after.map((m) => m.get(name));
        const merged = mergeValues(ip, before, ran, values, reason, at);
        if (merged === undefined) e.map.delete(name);
        else e.map.set(name, merged);
      }
      return;
    }
    case 'scope': {
      // Names the alternatives bound (the state is back: the scope holds what they were before).
      const bound = ran.map((r) => {
        const c = r.changes.get(e.scope);
        return c?.kind === 'names' ? c.now : new Map<string, Value | undefined>();
      });
      for (const name of new Set(bound.flatMap((m) => [...m.keys()]))) {
        const values = bound.map((m) => (m.has(name) ? m.get(name) : e.scope.vars.get(name)));
        e.scope.bind(name, mergeValues(ip, before, ran, values, reason, at));
      }
      return;
    }
    case 'container': forget(e.value, reason); return;
    case 'layer': e.layer.uncertain ??= reason; return;
    case 'model': e.model.tainted ??= reason; return;
    case 'autoNames': {
      // Later automatic names (`dense_3`) depend on how many each way made: kept if they agree, else marked `?`.
      const counts = ran.map((r) => (entries(r.changes.get(e.used) ?? before.saved.get(e.used)) ?? new Map()) as ReadonlyMap<string, number>);
      const marked = new Set(ran.flatMap((r) => {
        const c = r.changes.get(e.uncertain) ?? before.saved.get(e.uncertain);
        return c?.kind === 'set' ? (c.values as string[]) : [];
      }));
      const bases = new Set(counts.flatMap((c) => [...c.keys()]));
      for (const base of bases) {
        const n = counts.map((c) => c.get(base) ?? 0);
        if (n.every((x) => x === n[0]) && !marked.has(base)) e.counter.setCount(base, n[0]);
        else e.counter.setUncertain(base, Math.min(...n));
      }
      return;
    }
  }
}

/**
 * One value for a name the alternatives bound differently: kept if they all bound the same plain value
 * (`units = 64` in each), a tensor behind a `?` row if any bound a tensor, otherwise unknown.
 */
export function mergeValues(ip: Interpreter, before: WorldSnapshot, ran: readonly Outcome[], values: readonly (Value | undefined)[], reason: string, at: Node): Value | undefined {
  const first = values[0];
  const agree = values.every((v, i) => v !== undefined && (i === 0 || sameValue(before, first, v, ran[0], ran[i])));
  if (agree && first !== undefined && plainValue(first, before)) return first;
  const inputs = frontier(values, before);
  if (inputs.length > 0) return placeholderTensor(ip, inputs, reason, at);
  if (values.every((v) => v === undefined)) return undefined;
  return unknown(reason);
}

/** A value that stays valid once the state is back to before the choice: made of constants and older objects. */
export function plainValue(v: Value, before: WorldSnapshot): boolean {
  if (before.has(v)) return true;
  switch (v.k) {
    case 'none': case 'bool': case 'int': case 'float': case 'str': case 'range': case 'module': case 'layerClass': case 'opaque': case 'unknown': case 'ndarray':
      return true;
    case 'tuple': case 'list': return v.items.every((x) => plainValue(x, before));
    case 'dict': return [...v.entries.values()].every((x) => plainValue(x.key, before) && plainValue(x.value, before));
    default: return false;
  }
}

/** The tensors that existed before the choice and that the alternatives' tensors were computed from. */
export function frontier(values: readonly (Value | undefined)[], before: WorldSnapshot): Tensor[] {
  const out: Tensor[] = [];
  const seen = new Set<Tensor>();
  const stack: Tensor[] = [];
  for (const v of values) if (v?.k === 'tensor') stack.push(v.t);
  stack.reverse();
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    if (before.has(t)) out.push(t);
    else for (let i = t.node.inputs.length - 1; i >= 0; i--) stack.push(t.node.inputs[i]);
  }
  return out;
}

/** A `?` row fed by these tensors: the model stays listed, with what follows it unknown. */
export function placeholderTensor(ip: Interpreter, inputs: readonly Tensor[], reason: string, at: Node): Value {
  // Already behind a `?` row for this reason: one row is enough.
  const only = inputs.length === 1 ? inputs[0].node.layer : undefined;
  if (only && only.name === '?' && only.unknownReason === reason) return { k: 'tensor', t: inputs[0] };
  const site = nodeRange(at);
  const layer = ip.session.createPlaceholder(reason, site);
  return { k: 'tensor', t: ip.session.callLayer(layer, inputs, inputs.length > 1, site).outputs[0] };
}

/** A list or dict some alternative changed: its length and items are unknown now, wherever it is referenced. */
function forget(v: Value, reason: string): void {
  const r = v as unknown as Record<string, unknown>;
  for (const k of Object.keys(r)) delete r[k];
  r.k = 'unknown';
  r.reason = reason;
}

function entries(c: Contents | undefined): ReadonlyMap<unknown, unknown> | undefined {
  return c?.kind === 'map' ? c.entries : undefined;
}


/** The thing whose figures a changed object belongs to: a scope's names, a list, a layer, a model. */
function entityOf(o: object, before: WorldSnapshot): { key: object; entity: Entity } | undefined {
  for (let cur: object | undefined = o; cur; cur = before.holder.get(cur)) {
    const r = cur as Record<string, unknown>;
    if (cur instanceof Scope) return { key: cur, entity: { kind: 'scope', scope: cur } };
    if (cur instanceof NameCounter) {
      const own = before.saved.get(cur);
      const props = own?.kind === 'object' ? own.props : {};
      const used = props.used;
      const marked = props.uncertain;
      if (typeof used !== 'object' || used === null || typeof marked !== 'object' || marked === null) return undefined;
      return { key: cur, entity: { kind: 'autoNames', counter: cur, used, uncertain: marked } };
    }
    if (r.k === 'list' || r.k === 'dict') return { key: cur, entity: { kind: 'container', value: cur as Value } };
    if ((r.k === 'object' || r.k === 'class') && r.attrs instanceof Map) return { key: r.attrs, entity: { kind: 'names', map: r.attrs as Map<string, Value> } };
    if ((r.kind === 'sequential' || r.kind === 'functional' || r.kind === 'subclassed') && 'site' in r) return { key: cur, entity: { kind: 'model', model: cur } };
    if (typeof r.className === 'string' && Array.isArray(r.nodes)) return { key: cur, entity: { kind: 'layer', layer: cur } };
    if ('layer' in r && Array.isArray(r.outputs) && Array.isArray(r.inputs)) return entityOf(r.layer as object, before);
    if ('node' in r && typeof r.index === 'number' && 'shape' in r) return entityOf(r.node as object, before);
  }
  return undefined;
}
