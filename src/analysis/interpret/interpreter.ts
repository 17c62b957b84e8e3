// The abstract interpreter's core: module execution, statements, assignment and control flow.
import { field, named, nodeText, nodeType } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../parse/ranges';
import type { KerasSession } from '../keras/session';
import type { ModelObject } from '../keras/models';
import type { Tensor } from '../keras/graph';
import type { Diagnostic, Severity } from '../summary/types';
import { Budget, BudgetExceeded } from './budget';
import { Scope } from './scope';
import { NONE, str, unknown, type Value, type CallArgs } from './values';
import { evalExpr } from './expressions';
import { iterate } from './iteration';
import { continueMaybe, execFor, execIf, execWhile } from './controlFlow';
import { markCutOff } from './cutOff';
import { identifiersIn, isStackOverflow, pushChildren } from './syntaxWalk';
import { callValue } from './calls';
import { execImport, execImportFrom } from './imports';
import { defineFunction } from './functions';
import { defineClass } from './classes';
import { setAttribute, setSubscript } from './attributes';
import { binaryOp } from './operators';

/**
 * Some of the ways through an undecidable choice left early (return, break, continue) and some did not:
 * what follows runs only on the others. `returns` holds what the early returns gave (valid in the current state).
 */
export interface MaybeFlow {
  readonly kind: 'maybe';
  readonly reason: string;
  readonly exits: ReadonlySet<'break' | 'continue' | 'return'>;
  readonly returns: readonly Returned[];
  /** Some ways reach the end of the block normally. */
  readonly continues: boolean;
}

/** A value an early return gave: the value itself, or (a tensor made on a way since undone) the older tensors it came from. */
export type Returned = { readonly value: Value } | { readonly sources: readonly Tensor[] };

export type Flow =
  | undefined | { kind: 'break' } | { kind: 'continue' } | { kind: 'return'; value: Value }
  /** The code raises: no model comes out of this way. */
  | { kind: 'raise'; value: Value }
  | MaybeFlow;

export interface InterpreterOptions {
  readonly totalSteps: number;
  readonly stepsPerStatement: number;
  readonly maxCallDepth: number;
}

/**
 * A statement may take 150,000 steps (about 60 ms of work when it makes layers all along; ResNet-50 built in one
 * statement takes 17,447, see `node scripts/budget-bench.mjs`); a file 600,000 (four statements cut off, or about
 * four times what a generated 20,000-line file of 200 models needs).
 */
export const DEFAULT_LIMITS: InterpreterOptions = { totalSteps: 600_000, stepsPerStatement: 150_000, maxCallDepth: 40 };

export class Interpreter {
  readonly budget: Budget;
  readonly globals = new Scope(null, true);
  readonly diagnostics: Diagnostic[] = [];
  /** Modules imported with `from X import *`, searched for names not otherwise defined. */
  readonly starModules: Value[] = [];
  callDepth = 0;
  /** How many try bodies are running: there a branch that raises may go on in a handler (not followed). */
  tryDepth = 0;
  /** Set when a call was not followed because calls were nested too deeply: the statement is then marked as cut off. */
  recursionCutOff: string | undefined;
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
  private readonly reported = new Set<string>();

  constructor(readonly session: KerasSession, readonly limits: InterpreterOptions = DEFAULT_LIMITS) {
    this.budget = new Budget(limits.totalSteps, limits.stepsPerStatement);
    session.charge = (steps) => this.budget.tick(steps);
    this.globals.vars.set('__name__', str('__main__'));
  }

  report(at: Node, severity: Severity, message: string): void {
    const range = nodeRange(at);
    // Recursion cut off at every leaf of a call tree says the same thing thousands of times: keep one.
    const key = `${range.start.line}:${range.start.character}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({ range, severity, message });
  }

  /** Reports an undefined name once per top-level statement (once per file after `keepFirstNameReports`). */
  reportName(at: Node, name: string): void {
    if (this.reportedNames.has(name)) return;
    this.reportedNames.add(name);
    const n = this.diagnostics.length;
    this.report(at, 'info', `\`${name}\` is not defined (or keras-lens cannot follow where it comes from); figures that depend on it are shown as ?`);
    // Only if it was new: a repeat (same place, same words) is not pushed, and the last diagnostic is another one.
    if (this.diagnostics.length > n) this.nameReports.set(this.diagnostics[n], name);
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
    this.recursionCutOff = undefined;
    const modelsBefore = this.session.models.length;
    const namesBefore = this.session.names.counts();
    this.budget.startStatement();
    try {
      this.exec(stmt, this.globals);
      if (this.recursionCutOff) markCutOff(this, stmt, modelsBefore, namesBefore, this.recursionCutOff);
    } catch (e) {
      const overflow = isStackOverflow(e);
      if (!(e instanceof BudgetExceeded) && !overflow) throw e;
      this.callDepth = 0;
      this.tryDepth = 0;
      this.session.tracing = 0;
      this.session.callStack.length = 0;
      // Thousands of nested brackets or a 25,000-term sum: the JavaScript stack ends before the expression.
      const reason = overflow ? 'the statement that builds it nests too deeply to follow' : 'the statement that builds it was cut off (analysis budget)';
      this.report(stmt, 'warning', overflow
        ? 'keras-lens stopped following this statement: it nests too deeply to follow; figures that depend on it are shown as ?'
        : 'keras-lens stopped following this statement: it runs too long (a very long loop or deep recursion); figures that depend on it are shown as ?');
      this.taint(stmt, this.globals, reason, true);
      markCutOff(this, stmt, modelsBefore, namesBefore, reason);
    }
  }

  execBlock(block: Node | null, scope: Scope): Flow {
    return block ? this.execStatements(named(block), 0, scope) : undefined;
  }

  private execStatements(stmts: readonly Node[], from: number, scope: Scope): Flow {
    for (let i = from; i < stmts.length; i++) {
      const flow = this.exec(stmts[i], scope);
      if (!flow) continue;
      if (flow.kind === 'maybe' && flow.continues && i + 1 < stmts.length) {
        return continueMaybe(this, flow, scope, stmts.slice(i + 1), () => this.execStatements(stmts, i + 1, scope), stmts[i]);
      }
      return flow;
    }
    return undefined;
  }

  exec(node: Node, scope: Scope): Flow {
    this.budget.tick();
    switch (nodeType(node)) {
      case 'expression_statement':
        for (const c of named(node)) if (c) this.evalStatementExpr(c, scope);
        return undefined;
      case 'import_statement': execImport(this, node, scope); return undefined;
      case 'import_from_statement': case 'future_import_statement': execImportFrom(this, node, scope); return undefined;
      case 'function_definition': defineFunction(this, node, scope); return undefined;
      case 'decorated_definition': {
        const def = field(node, 'definition');
        if (def && nodeType(def) === 'function_definition') defineFunction(this, def, scope);
        else if (def) this.exec(def, scope);
        return undefined;
      }
      case 'class_definition': defineClass(this, node, scope); return undefined;
      case 'return_statement': {
        const e = named(node)[0];
        return { kind: 'return', value: e ? this.eval(e, scope) : NONE };
      }
      case 'if_statement': return execIf(this, node, scope);
      case 'for_statement': return execFor(this, node, scope);
      case 'while_statement': return execWhile(this, node, scope);
      case 'break_statement': return { kind: 'break' };
      case 'continue_statement': return { kind: 'continue' };
      case 'with_statement': {
        for (const item of node.descendantsOfType('with_item')) {
          const v = field(item, 'value');
          if (nodeType(v) === 'as_pattern') {
            const target = field(v, 'alias');
            const val = named(v)[0];
            const value = val ? this.eval(val, scope) : NONE;
            if (target) this.assign(named(target)[0] ?? target, value, scope);
          } else if (v) this.eval(v, scope);
        }
        return this.execBlock(field(node, 'body'), scope);
      }
      case 'try_statement': {
        let flow: Flow;
        this.tryDepth++;
        try {
          flow = this.execBlock(field(node, 'body'), scope);
        } finally {
          this.tryDepth--;
        }
        if (flow) return flow;
        for (const c of named(node)) {
          if (nodeType(c) === 'else_clause' || nodeType(c) === 'finally_clause') {
            const f = this.execBlock(field(c, 'body') ?? named(c)[named(c).length - 1], scope);
            if (f) return f;
          }
        }
        return undefined;
      }
      case 'global_statement':
        for (const id of named(node)) if (id) scope.globals.add(nodeText(id));
        return undefined;
      case 'print_statement': case 'pass_statement': case 'assert_statement': case 'delete_statement':
      case 'nonlocal_statement': case 'comment': case 'type_alias_statement':
        return undefined;
      case 'raise_statement':
        return { kind: 'raise', value: unknown('the code raises an exception here') };
      default:
        return undefined;
    }
  }

  private evalStatementExpr(node: Node, scope: Scope): void {
    switch (nodeType(node)) {
      case 'assignment': this.execAssignment(node, scope); return;
      case 'augmented_assignment': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        const op = nodeText(field(node, 'operator'))?.replace('=', '') ?? '+';
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
    while (cur && nodeType(cur) === 'assignment') {
      const left = field(cur, 'left');
      if (left) targets.push(left);
      cur = field(cur, 'right');
    }
    if (!cur) return; // annotation only: `x: int`
    const value = this.eval(cur, scope);
    for (const t of targets) this.assign(t, value, scope);
  }

  /** Binds a value to an assignment target (name, tuple/list pattern, attribute, subscript). */
  assign(target: Node, value: Value, scope: Scope): void {
    switch (nodeType(target)) {
      case 'identifier':
        scope.assign(nodeText(target), value);
        if (scope.isModule && value.k === 'model' && !value.m.variable) value.m.variable = nodeText(target);
        if (scope.isModule && value.k === 'object' && value.model && !value.model.variable) value.model.variable = nodeText(target);
        return;
      case 'pattern_list': case 'tuple_pattern': case 'list_pattern': case 'expression_list': case 'tuple': case 'list': {
        const parts = named(target).filter((c): c is Node => !!c);
        const items = iterate(this, value);
        const star = parts.findIndex((p) => nodeType(p) === 'list_splat_pattern' || nodeType(p) === 'list_splat');
        for (let i = 0; i < parts.length; i++) {
          const p = parts[i];
          if (!items || (star < 0 && items.length !== parts.length)) {
            const why = value.k === 'unknown' ? value : unknown('unpacking a value whose length is not known');
            this.assign(nodeType(p) === 'list_splat_pattern' || nodeType(p) === 'list_splat' ? (named(p)[0] ?? p) : p, why, scope);
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
        const obj = field(target, 'object');
        const attr = field(target, 'attribute');
        if (obj && attr) setAttribute(this, this.eval(obj, scope), nodeText(attr), value, target);
        return;
      }
      case 'subscript': {
        const obj = field(target, 'value');
        const sub = field(target, 'subscript');
        if (obj && sub) setSubscript(this, this.eval(obj, scope), this.eval(sub, scope), value);
        return;
      }
      default:
        return;
    }
  }

  /**
   * What a name becomes when code that may change it was not followed: a tensor stays a tensor (behind a
   * `?` row, so the model is still listed with everything after it unknown); anything else is unknown.
   */
  private unknownLike(current: Value | undefined, reason: string, at: Node): Value {
    if (current?.k !== 'tensor') return unknown(reason);
    // Already behind a `?` row for this reason (marked from what the code changed): one row is enough.
    if (current.t.node.layer.name === '?' && current.t.node.layer.unknownReason === reason) return current;
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
    // An explicit stack, not recursion: the statement may be the one that nested too deeply.
    const stack: Node[] = [node];
    while (stack.length > 0) {
      const n = stack.pop() as Node;
      if (nodeType(n) === 'assignment' || nodeType(n) === 'augmented_assignment' || nodeType(n) === 'for_statement') {
        const left = field(n, 'left');
        if (left) for (const id of identifiersIn(left)) scope.assign(id, this.unknownLike(this.taintLookup(scope, id), reason, n));
      }
      if (nodeType(n) === 'call') {
        const fn = field(n, 'function');
        const obj = nodeType(fn) === 'attribute' ? field(fn, 'object') : null;
        if (obj && nodeType(obj) === 'identifier') {
          const v = this.taintLookup(scope, nodeText(obj));
          if (v?.k === 'model') v.m.tainted ??= reason;
          if (v?.k === 'list' || v?.k === 'dict') scope.assign(nodeText(obj), unknown(reason));
        }
      }
      pushChildren(stack, n);
    }
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
