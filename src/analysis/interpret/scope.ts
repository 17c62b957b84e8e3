// Name scopes: a function's locals chained to its enclosing scopes and the module globals.
import type { Value } from './values';

export class Scope {
  readonly vars = new Map<string, Value>();
  /** Names declared `global` in this function scope. */
  readonly globals = new Set<string>();

  constructor(readonly parent: Scope | null, readonly isModule = false) {}

  lookup(name: string): Value | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  module(): Scope {
    let s: Scope = this;
    while (s.parent) s = s.parent;
    return s;
  }

  assign(name: string, v: Value): void {
    if (this.globals.has(name)) this.module().vars.set(name, v);
    else this.vars.set(name, v);
  }
}
