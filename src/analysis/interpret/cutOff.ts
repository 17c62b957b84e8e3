// A top-level statement that was not followed to its end (step budget, recursion cut off): whatever its
// unfollowed part could have changed must not be shown as certain. That part is not known, so this marks
// everything the statement could reach: models it touched or made, and the models and layers named in it
// or in the functions and classes it names (transitively, by their source).
import type { Node } from 'web-tree-sitter';
import { named, nodeText, nodeType } from '../parse/nodes';
import type { Interpreter } from './interpreter';
import type { Value } from './values';
import type { Scope } from './scope';

export function markCutOff(ip: Interpreter, stmt: Node, modelsBefore: number, namesBefore: ReadonlyMap<string, number>, reason: string): void {
  for (const m of ip.touched) m.tainted ??= reason;
  // The part not followed may have made more layers of the kinds this one made: later automatic names get a `?`.
  for (const [base, n] of ip.session.names.counts()) if (n !== (namesBefore.get(base) ?? 0)) ip.session.names.setUncertain(base, n);
  for (const m of ip.session.models.slice(modelsBefore)) m.tainted ??= reason;
  markNamedIn(stmt, ip.globals, reason);
}

/**
 * Marks the models and layers that code names, or that the functions and classes it names name (their
 * names looked up in their own scopes): code that was not followed in full may have changed them.
 */
export function markNamedIn(code: Node, scope: Scope, reason: string): void {
  const seenCode = new Set<number>();
  const seenValues = new Set<Value>();
  const todo: [Node, Scope][] = [[code, scope]];
  while (todo.length > 0) {
    const [n, where] = todo.pop()!;
    if (seenCode.has(n.id)) continue;
    seenCode.add(n.id);
    if (nodeType(n) === 'identifier') {
      const v = where.lookup(nodeText(n));
      if (v) markValue(v, reason, seenValues, todo);
    }
    for (const c of named(n)) todo.push([c, where]);
  }
}

/** Marks the models and layers a value holds; queues the source of functions and classes it names. */
function markValue(v: Value, reason: string, seen: Set<Value>, code: [Node, Scope][]): void {
  const stack = [v];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    switch (x.k) {
      case 'model': x.m.tainted ??= reason; break;
      case 'layer': x.layer.uncertain ??= reason; break;
      case 'func': code.push([x.body, x.closure]); break;
      case 'class': stack.push(...x.attrs.values()); break;
      case 'object':
        if (x.model) x.model.tainted ??= reason;
        else if (x.layer) x.layer.uncertain ??= reason;
        stack.push(x.cls, ...x.attrs.values());
        break;
      case 'list': case 'tuple': stack.push(...x.items); break;
      case 'dict': for (const e of x.entries.values()) stack.push(e.value); break;
      default: break;
    }
  }
}
