// What the code of an undecidable choice can reach, to save only that (a module may hold hundreds of models
// the branch never names): the objects named in its code, the objects named in the code of the functions
// and methods those lead to, everything those objects hold, the names of the scopes it runs in, and the
// Keras session (automatic names, the list of models).
import type { Node } from 'web-tree-sitter';
import { identifierNames } from '../parse/nodes';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import type { FunctionValue, Value } from './values';
import type { Expand } from './world';

/** Names that code reaches without writing them: super() reads the method's class and instance. */
const IMPLICIT = ['__class__', '__self__'];

export interface Reach {
  readonly roots: readonly unknown[];
  readonly expand: Expand;
}

export function reachOf(ip: Interpreter, scope: Scope, code: readonly Node[]): Reach {
  const roots: unknown[] = [ip.session, scope];
  for (const n of code) roots.push(...named(scope, identifierNames(n)));
  const expand: Expand = (o) => {
    // A scope: its bindings are logged as they change (scope.ts), the values of names the code does not use are not saved.
    if (o instanceof Scope) return { deep: [o.parent], shallow: [o.globals] };
    const v = o as { k?: unknown };
    if (v.k === 'func') {
      const fn = o as FunctionValue;
      return { deep: [fn.closure, fn.defaults, ...named(fn.closure, identifierNames(fn.body))], shallow: [] };
    }
    return undefined;
  };
  return { roots, expand };
}

function named(scope: Scope, names: ReadonlySet<string>): Value[] {
  const out: Value[] = [];
  for (const name of [...names, ...IMPLICIT]) {
    const v = scope.lookup(name);
    if (v !== undefined) out.push(v);
  }
  return out;
}
