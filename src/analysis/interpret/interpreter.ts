// The abstract interpreter's core: module execution, statements, assignment and control flow.
import { named } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../parse/ranges';
import type { KerasSession } from '../keras/session';
import type { ModelObject } from '../keras/models';
import type { Diagnostic, Severity } from '../summary/types';
import { Budget, BudgetExceeded } from './budget';
import { Scope } from './scope';
import { NONE, str, truthy, unknown, type Value, type CallArgs } from './values';
import { evalExpr } from './expressions';
import { iterate, iterateLazy } from './iteration';
import { callValue } from './calls';
import { execImport, execImportFrom } from './imports';
import { defineFunction } from './functions';
import { defineClass } from './classes';
import { setAttribute, setSubscript } from './attributes';
import { binaryOp } from './operators';

export type Flow = undefined | { kind: 'break' } | { kind: 'continue' } | { kind: 'return'; value: Value };

export interface InterpreterOptions {
  readonly totalSteps: number;
  readonly stepsPerStatement: number;
  readonly maxCallDepth: number;
}

export const DEFAULT_LIMITS: InterpreterOptions = { totalSteps: 1_500_000, stepsPerStatement: 250_000, maxCallDepth: 40 };

export class Interpreter {
  readonly budget: Budget;
  readonly globals = new Scope(null, true);
  readonly diagnostics: Diagnostic[] = [];
  /** Modules imported with `from X import *`, searched for names not otherwise defined. */
  readonly starModules: Value[] = [];
  callDepth = 0;
  /** Models changed while the current top-level statement runs (tainted if it is cut off). */
  readonly touched = new Set<ModelObject>();
  /**
   * Undefined-name reports (diagnostic → name), at most one per name per top-level statement; only the
   * first per name in the file is kept (`keepFirstNameReports`), so a statement's reports do not depend on
   * the statements before it (the incremental analysis reuses them).
   */
  readonly nameReports = new Map<Diagnostic, string>();
  /**
   * Module-level names whose bindings the current top-level statement read while marking code it did not
   * follow (`taint`): reads no syntax shows, which the incremental analysis checks after the fact.
   */
  readonly taintReads = new Set<string>();
  /** Module-level names that function, method and class bodies looked up while the current statement ran. */
  readonly moduleReads = new Set<string>();
  private readonly reportedNames = new Set<string>();

  constructor(readonly session: KerasSession, readonly limits: InterpreterOptions = DEFAULT_LIMITS) {
    this.budget = new Budget(limits.totalSteps, limits.stepsPerStatement);
    this.globals.vars.set('__name__', str('__main__'));
  }

  report(at: Node, severity: Severity, message: string): void {
    this.diagnostics.push({ range: nodeRange(at), severity, message });
  }

  /** Reports an undefined name once per top-level statement (once per file after `keepFirstNameReports`). */
  reportName(at: Node, name: string): void {
    if (this.reportedNames.has(name)) return;
    this.reportedNames.add(name);
    this.report(at, 'info', `\`${name}\` is not defined (or keras-lens cannot follow where it comes from); figures that depend on it are shown as ?`);
    this.nameReports.set(this.diagnostics[this.diagnostics.length - 1], name);
  }

  eval(node: Node, scope: Scope): Value {
    return evalExpr(this, node, scope);
  }

  call(fn: Value, args: CallArgs): Value {
    return callValue(this, fn, args);
  }

  /** Runs the module: each top-level statement with its own slice of the step budget. */
  run(root: Node): void {
    for (const stmt of named(root)) {
      if (!stmt) continue;
      if (this.budget.exhausted()) {
        this.report(stmt, 'warning', 'keras-lens stopped following this file here: its analysis budget is used up; models below are not shown');
        return;
      }
      this.runStatement(stmt);
    }
  }

  /** Runs one top-level statement within its slice of the budget (the incremental analysis calls this directly). */
  runStatement(stmt: Node): void {
    this.touched.clear();
    this.reportedNames.clear();
    this.taintReads.clear();
    this.moduleReads.clear();
    this.budget.startStatement();
    try {
      this.exec(stmt, this.globals);
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      this.callDepth = 0;
      this.report(stmt, 'warning', 'keras-lens stopped following this statement: it runs too long (a very long loop or deep recursion); figures that depend on it are shown as ?');
      this.taint(stmt, this.globals, 'the statement that builds it was cut off (analysis budget)', true);
    }
  }

  execBlock(block: Node | null, scope: Scope): Flow {
    if (!block) return undefined;
    for (const stmt of named(block)) {
      if (!stmt) continue;
      const flow = this.exec(stmt, scope);
      if (flow) return flow;
    }
    return undefined;
  }

  exec(node: Node, scope: Scope): Flow {
    this.budget.tick();
    switch (node.type) {
      case 'expression_statement':
        for (const c of named(node)) if (c) this.evalStatementExpr(c, scope);
        return undefined;
      case 'import_statement': execImport(this, node, scope); return undefined;
      case 'import_from_statement': case 'future_import_statement': execImportFrom(this, node, scope); return undefined;
      case 'function_definition': defineFunction(this, node, scope); return undefined;
      case 'decorated_definition': {
        const def = node.childForFieldName('definition');
        if (def?.type === 'function_definition') defineFunction(this, def, scope);
        else if (def) this.exec(def, scope);
        return undefined;
      }
      case 'class_definition': defineClass(this, node, scope); return undefined;
      case 'return_statement': {
        const e = named(node)[0];
        return { kind: 'return', value: e ? this.eval(e, scope) : NONE };
      }
      case 'if_statement': return this.execIf(node, scope);
      case 'for_statement': return this.execFor(node, scope);
      case 'while_statement': return this.execWhile(node, scope);
      case 'break_statement': return { kind: 'break' };
      case 'continue_statement': return { kind: 'continue' };
      case 'with_statement': {
        for (const item of node.descendantsOfType('with_item')) {
          const v = item?.childForFieldName('value');
          if (v?.type === 'as_pattern') {
            const target = v.childForFieldName('alias');
            const val = named(v)[0];
            const value = val ? this.eval(val, scope) : NONE;
            if (target) this.assign(named(target)[0] ?? target, value, scope);
          } else if (v) this.eval(v, scope);
        }
        return this.execBlock(node.childForFieldName('body'), scope);
      }
      case 'try_statement': {
        const flow = this.execBlock(node.childForFieldName('body'), scope);
        if (flow) return flow;
        for (const c of named(node)) {
          if (c?.type === 'else_clause' || c?.type === 'finally_clause') {
            const f = this.execBlock(c.childForFieldName('body') ?? named(c)[named(c).length - 1], scope);
            if (f) return f;
          }
        }
        return undefined;
      }
      case 'global_statement':
        for (const id of named(node)) if (id) scope.globals.add(id.text);
        return undefined;
      case 'print_statement': case 'pass_statement': case 'assert_statement': case 'delete_statement':
      case 'nonlocal_statement': case 'comment': case 'type_alias_statement':
        return undefined;
      case 'raise_statement':
        return { kind: 'return', value: unknown('the code raises an exception here') };
      default:
        return undefined;
    }
  }

  private evalStatementExpr(node: Node, scope: Scope): void {
    switch (node.type) {
      case 'assignment': this.execAssignment(node, scope); return;
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const op = node.childForFieldName('operator')?.text.replace('=', '') ?? '+';
        if (!left || !right) return;
        const cur = this.eval(left, scope);
        const rhs = this.eval(right, scope);
        if (op === '+' && cur.k === 'list') {
          // list += iterable extends in place (other names bound to the same list see it).
          const items = iterate(this, rhs);
          if (items) cur.items.push(...items);
          else this.assign(left, unknown('extended with values that are not known'), scope);
          return;
        }
        this.assign(left, binaryOp(op, cur, rhs), scope);
        return;
      }
      default: this.eval(node, scope);
    }
  }

  private execAssignment(node: Node, scope: Scope): void {
    const targets: Node[] = [];
    let cur: Node | null = node;
    while (cur && cur.type === 'assignment') {
      const left = cur.childForFieldName('left');
      if (left) targets.push(left);
      cur = cur.childForFieldName('right');
    }
    if (!cur) return; // annotation only: `x: int`
    const value = this.eval(cur, scope);
    for (const t of targets) this.assign(t, value, scope);
  }

  /** Binds a value to an assignment target (name, tuple/list pattern, attribute, subscript). */
  assign(target: Node, value: Value, scope: Scope): void {
    switch (target.type) {
      case 'identifier':
        scope.assign(target.text, value);
        if (scope.isModule && value.k === 'model' && !value.m.variable) value.m.variable = target.text;
        if (scope.isModule && value.k === 'object' && value.model && !value.model.variable) value.model.variable = target.text;
        return;
      case 'pattern_list': case 'tuple_pattern': case 'list_pattern': case 'expression_list': case 'tuple': case 'list': {
        const parts = named(target).filter((c): c is Node => !!c);
        const items = iterate(this, value);
        const star = parts.findIndex((p) => p.type === 'list_splat_pattern' || p.type === 'list_splat');
        for (let i = 0; i < parts.length; i++) {
          const p = parts[i];
          if (!items || (star < 0 && items.length !== parts.length)) {
            const why = value.k === 'unknown' ? value : unknown('unpacking a value whose length is not known');
            this.assign(p.type === 'list_splat_pattern' || p.type === 'list_splat' ? (named(p)[0] ?? p) : p, why, scope);
            continue;
          }
          if (i === star) {
            const rest = items.slice(i, items.length - (parts.length - 1 - i));
            this.assign(named(p)[0] ?? p, { k: 'list', items: rest }, scope);
          } else {
            const idx = star >= 0 && i > star ? items.length - (parts.length - i) : i;
            this.assign(p, items[idx], scope);
          }
        }
        return;
      }
      case 'parenthesized_expression': {
        const inner = named(target)[0];
        if (inner) this.assign(inner, value, scope);
        return;
      }
      case 'attribute': {
        const obj = target.childForFieldName('object');
        const attr = target.childForFieldName('attribute');
        if (obj && attr) setAttribute(this, this.eval(obj, scope), attr.text, value, target);
        return;
      }
      case 'subscript': {
        const obj = target.childForFieldName('value');
        const sub = target.childForFieldName('subscript');
        if (obj && sub) setSubscript(this, this.eval(obj, scope), this.eval(sub, scope), value);
        return;
      }
      default:
        return;
    }
  }

  private execIf(node: Node, scope: Scope): Flow {
    const cond = node.childForFieldName('condition');
    const t = cond ? truthy(this.eval(cond, scope)) : undefined;
    if (t === true) return this.execBlock(node.childForFieldName('consequence'), scope);
    const clauses = node.childrenForFieldName('alternative').filter((c): c is Node => !!c);
    if (t === undefined) {
      this.taint(node, scope, 'it depends on a condition keras-lens cannot decide');
      if (cond) this.report(cond, 'info', 'keras-lens cannot decide this condition; what either branch builds is shown as ?');
      return undefined;
    }
    for (const clause of clauses) {
      if (clause.type === 'else_clause') return this.execBlock(clause.childForFieldName('body'), scope);
      const c = clause.childForFieldName('condition');
      const ct = c ? truthy(this.eval(c, scope)) : undefined;
      if (ct === true) return this.execBlock(clause.childForFieldName('consequence'), scope);
      if (ct === undefined) {
        this.taint(clause, scope, 'it depends on a condition keras-lens cannot decide');
        return undefined;
      }
    }
    return undefined;
  }

  private execFor(node: Node, scope: Scope): Flow {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const body = node.childForFieldName('body');
    if (!left || !right) return undefined;
    const iterable = this.eval(right, scope);
    const items = iterateLazy(iterable);
    if (!items) {
      this.taint(node, scope, iterable.k === 'unknown' ? iterable.reason : 'it loops over values keras-lens cannot list');
      this.report(right, 'info', 'keras-lens cannot list what this loop iterates over; what it builds is shown as ?');
      return undefined;
    }
    let broke = false;
    for (const item of items) {
      this.budget.tick();
      this.assign(left, item, scope);
      const flow = this.execBlock(body, scope);
      if (flow?.kind === 'break') { broke = true; break; }
      if (flow?.kind === 'return') return flow;
    }
    const alt = node.childForFieldName('alternative');
    if (!broke && alt) return this.execBlock(alt.childForFieldName('body') ?? alt, scope);
    return undefined;
  }

  private execWhile(node: Node, scope: Scope): Flow {
    const cond = node.childForFieldName('condition');
    const body = node.childForFieldName('body');
    if (!cond) return undefined;
    for (;;) {
      this.budget.tick();
      const t = truthy(this.eval(cond, scope));
      if (t === undefined) {
        this.taint(node, scope, 'it depends on a loop condition keras-lens cannot decide');
        return undefined;
      }
      if (!t) break;
      const flow = this.execBlock(body, scope);
      if (flow?.kind === 'break') break;
      if (flow?.kind === 'return') return flow;
    }
    return undefined;
  }

  /**
   * What a name becomes when code that may change it was not followed: a tensor stays a tensor (behind a
   * `?` row, so the model is still listed with everything after it unknown); anything else is unknown.
   */
  private unknownLike(current: Value | undefined, reason: string, at: Node): Value {
    if (current?.k !== 'tensor') return unknown(reason);
    const site = nodeRange(at);
    const layer = this.session.createPlaceholder(reason, site);
    return { k: 'tensor', t: this.session.callLayer(layer, [current.t], false, site).outputs[0] };
  }

  /**
   * Code that was not (fully) followed: names it assigns become unknown, and models it changes
   * (`m.add(...)`, or changed before a cut-off) are marked so no figure of theirs is shown as certain.
   */
  taint(node: Node, scope: Scope, reason: string, touchedToo = false): void {
    if (touchedToo) for (const m of this.touched) m.tainted ??= reason;
    const visit = (n: Node): void => {
      if (n.type === 'assignment' || n.type === 'augmented_assignment' || n.type === 'for_statement') {
        const left = n.childForFieldName('left');
        if (left) for (const id of identifiersIn(left)) scope.assign(id, this.unknownLike(this.taintLookup(scope, id), reason, n));
      }
      if (n.type === 'call') {
        const fn = n.childForFieldName('function');
        const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
        if (obj?.type === 'identifier') {
          const v = this.taintLookup(scope, obj.text);
          if (v?.k === 'model') v.m.tainted ??= reason;
          if (v?.k === 'list' || v?.k === 'dict') scope.assign(obj.text, unknown(reason));
        }
      }
      for (const c of named(n)) if (c) visit(c);
    };
    visit(node);
  }

  /** scope.lookup, noting reads that reach the module scope (found there or not found at all). */
  private taintLookup(scope: Scope, name: string): Value | undefined {
    for (let s: Scope | null = scope; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v === undefined) continue;
      if (s.isModule) this.taintReads.add(name);
      return v;
    }
    this.taintReads.add(name);
    return undefined;
  }
}

/** The diagnostics with only the first undefined-name report per name (in the order given). */
export function keepFirstNameReports(diagnostics: readonly Diagnostic[], nameOf: (d: Diagnostic) => string | undefined): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const name = nameOf(d);
    if (name === undefined) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

function identifiersIn(target: Node): string[] {
  if (target.type === 'identifier') return [target.text];
  if (target.type === 'attribute' || target.type === 'subscript') return [];
  return named(target).flatMap((c) => (c ? identifiersIn(c) : []));
}
