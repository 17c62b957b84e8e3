// Name scopes: a function's locals chained to its enclosing scopes and the module globals.
import type { Value } from './values';

/** A binding as it was before a change made while alternatives run. */
export interface BindingChange {
  readonly scope: Scope;
  readonly name: string;
  readonly old: Value | undefined;
}

/**
 * While the alternatives of an undecidable choice run (alternatives.ts), every change of a binding is logged,
 * so it can be undone without copying scopes that hold thousands of names.
 */
export const bindingLog: { changes: BindingChange[] | null } = { changes: null };

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
    (this.globals.has(name) ? this.module() : this).bind(name, v);
  }

  /** Binds (or, with undefined, unbinds) a name in this very scope. */
  bind(name: string, v: Value | undefined): void {
    bindingLog.changes?.push({ scope: this, name, old: this.vars.get(name) });
    if (v === undefined) this.vars.delete(name);
    else this.vars.set(name, v);
  }
}
