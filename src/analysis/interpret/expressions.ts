// Expression evaluation: literals, names, operators, calls, attributes, subscripts, comprehensions.
import { children, field, fields, isNamedNode, named, nodeText, nodeType } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import {
  NONE, TRUE, FALSE, bool, float, int, list, str, tuple, unknown, truthy, pyStr, hashKey,
  type Value, type DictValue, type CallArgs,
} from './values';
import { binaryOp, compareOp, unaryOp } from './operators';
import { iterate, iterateLazy } from './iteration';
import { getAttribute, getSubscript } from './attributes';
import { lookupName } from './names';
import { makeLambda } from './functions';
import { tensorOperation } from './kerasObjects';
import { runAlternatives } from './alternatives';
import { markChanges, mergeValues } from './uncertain';
import { conditionReason } from './controlFlow';

export function evalExpr(ip: Interpreter, node: Node, scope: Scope): Value {
  ip.budget.tick();
  switch (nodeType(node)) {
    case 'integer': return parseInteger(nodeText(node));
    case 'float': return float(Number(nodeText(node).replace(/_/g, '').replace(/[jJ]$/, '')));
    case 'true': return TRUE;
    case 'false': return FALSE;
    case 'none': return NONE;
    case 'ellipsis': return { k: 'opaque', what: 'Ellipsis' };
    case 'string': return evalString(ip, node, scope);
    case 'concatenated_string': {
      let out = '';
      for (const c of named(node)) {
        if (!c) continue;
        const v = evalString(ip, c, scope);
        if (v.k !== 'str') return v;
        out += v.v;
      }
      return str(out);
    }
    case 'identifier': return lookupName(ip, node, scope);
    case 'parenthesized_expression': {
      const inner = named(node).find((c) => c && nodeType(c) !== 'comment');
      return inner ? evalExpr(ip, inner, scope) : tuple([]);
    }
    case 'tuple': case 'expression_list': {
      const items = evalItems(ip, node, scope);
      return items ? tuple(items) : unknown('a tuple with a starred item that is not known');
    }
    case 'list': {
      const items = evalItems(ip, node, scope);
      return items ? list(items) : unknown('a list with a starred item that is not known');
    }
    case 'set': return { k: 'opaque', what: 'set' };
    case 'dictionary': return evalDict(ip, node, scope);
    case 'binary_operator': {
      const l = field(node, 'left');
      const r = field(node, 'right');
      const op = nodeText(field(node, 'operator')) ?? '';
      if (!l || !r) return unknown('incomplete expression');
      const lv = evalExpr(ip, l, scope);
      const rv = evalExpr(ip, r, scope);
      if (lv.k === 'tensor' || rv.k === 'tensor') return tensorOperation(ip, op, [lv, rv], node);
      return binaryOp(op, lv, rv);
    }
    case 'unary_operator': {
      const arg = field(node, 'argument');
      const op = nodeText(field(node, 'operator')) ?? '-';
      if (!arg) return unknown('incomplete expression');
      const v = evalExpr(ip, arg, scope);
      if (v.k === 'tensor') return op === '+' ? v : tensorOperation(ip, op === '-' ? 'neg' : op, [v], node);
      return unaryOp(op, v);
    }
    case 'not_operator': {
      const arg = field(node, 'argument');
      const t = arg ? truthy(evalExpr(ip, arg, scope)) : undefined;
      return t === undefined ? unknown('a condition that is not known') : bool(!t);
    }
    case 'boolean_operator': {
      const l = field(node, 'left');
      const r = field(node, 'right');
      const op = nodeText(field(node, 'operator'));
      if (!l || !r) return unknown('incomplete expression');
      const lv = evalExpr(ip, l, scope);
      const t = truthy(lv);
      // `a or b` / `a and b` on an `a` that cannot be decided: either `a` or `b` (which runs only then).
      if (t === undefined) return chooseValue(ip, scope, l, [() => lv, () => evalExpr(ip, r, scope)]);
      if (op === 'and') return t ? evalExpr(ip, r, scope) : lv;
      return t ? lv : evalExpr(ip, r, scope);
    }
    case 'comparison_operator': return evalComparison(ip, node, scope);
    case 'conditional_expression': {
      const [a, cond, b] = named(node);
      if (!a || !cond || !b) return unknown('incomplete expression');
      const t = truthy(evalExpr(ip, cond, scope));
      if (t === undefined) return chooseValue(ip, scope, cond, [() => evalExpr(ip, a, scope), () => evalExpr(ip, b, scope)]);
      return evalExpr(ip, t ? a : b, scope);
    }
    case 'call': return evalCall(ip, node, scope);
    case 'attribute': {
      const obj = field(node, 'object');
      const attr = field(node, 'attribute');
      if (!obj || !attr) return unknown('incomplete expression');
      return getAttribute(ip, evalExpr(ip, obj, scope), nodeText(attr), node);
    }
    case 'subscript': {
      const obj = field(node, 'value');
      const subs = fields(node, 'subscript').filter((c): c is Node => !!c);
      if (!obj || subs.length === 0) return unknown('incomplete expression');
      const key = subs.length === 1 ? evalExpr(ip, subs[0], scope) : tuple(subs.map((s) => evalExpr(ip, s, scope)));
      return getSubscript(ip, evalExpr(ip, obj, scope), key, node);
    }
    case 'slice': {
      const parts: (Value | null)[] = [null, null, null];
      let i = 0;
      for (const c of children(node)) {
        if (!c) continue;
        if (nodeType(c) === ':') { i++; continue; }
        if (isNamedNode(c)) parts[i] = evalExpr(ip, c, scope);
      }
      return { k: 'opaque', what: `slice:${JSON.stringify(parts.map((p) => (p && (p.k === 'int') ? p.v : null)))}` };
    }
    case 'lambda': return makeLambda(ip, node, scope);
    case 'list_comprehension': case 'generator_expression': case 'set_comprehension': {
      const out: Value[] = [];
      const body = field(node, 'body');
      if (!body) return unknown('incomplete comprehension');
      const ok = comprehend(ip, node, scope, (inner) => { out.push(evalExpr(ip, body, inner)); });
      if (!ok) return unknown('a comprehension over values keras-lens cannot list');
      return nodeType(node) === 'generator_expression' ? tuple(out) : nodeType(node) === 'set_comprehension' ? { k: 'opaque', what: 'set' } : list(out);
    }
    case 'dictionary_comprehension': {
      const d: DictValue = { k: 'dict', entries: new Map() };
      const pair = field(node, 'body');
      const kNode = field(pair, 'key');
      const vNode = field(pair, 'value');
      if (!kNode || !vNode) return unknown('incomplete comprehension');
      let bad = false;
      const ok = comprehend(ip, node, scope, (inner) => {
        const key = evalExpr(ip, kNode, inner);
        const h = hashKey(key);
        if (h === undefined) bad = true;
        else d.entries.set(h, { key, value: evalExpr(ip, vNode, inner) });
      });
      return ok && !bad ? d : unknown('a dict comprehension keras-lens cannot follow');
    }
    case 'named_expression': {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (!name || !value) return unknown('incomplete expression');
      const v = evalExpr(ip, value, scope);
      scope.assign(nodeText(name), v);
      return v;
    }
    case 'await': case 'yield':
      return unknown(`\`${nodeType(node)}\` is not followed`);
    case 'keyword_argument': case 'list_splat': case 'dictionary_splat':
      return unknown('misplaced argument');
    default:
      return unknown(`\`${nodeType(node).replace(/_/g, ' ')}\` expressions are not followed`);
  }
}

/** An expression whose value depends on a condition keras-lens cannot decide: each side runs from the same state. */
function chooseValue(ip: Interpreter, scope: Scope, cond: Node, sides: readonly (() => Value)[]): Value {
  const choice = runAlternatives(ip, scope, cond.parent ? [cond.parent] : [cond], sides, () => false);
  if (choice.kind !== 'different') return choice.result;
  const reason = conditionReason(cond);
  markChanges(ip, choice.before, choice.ran, reason, cond);
  ip.report(cond, 'info', 'keras-lens cannot decide this condition, and the two sides give different values; what depends on it is shown as ?');
  return mergeValues(ip, choice.before, choice.ran, choice.ran.map((r) => r.result), reason, cond) ?? unknown(reason);
}

function parseInteger(text: string): Value {
  const t = text.replace(/_/g, '').toLowerCase();
  if (t.endsWith('j')) return { k: 'opaque', what: 'complex' };
  const n = t.startsWith('0x') ? parseInt(t.slice(2), 16) : t.startsWith('0o') ? parseInt(t.slice(2), 8) : t.startsWith('0b') ? parseInt(t.slice(2), 2) : Number(t.replace(/l$/, ''));
  return int(n);
}

/** Items of a tuple/list display, expanding `*x`; undefined if a starred item cannot be listed. */
function evalItems(ip: Interpreter, node: Node, scope: Scope): Value[] | undefined {
  const out: Value[] = [];
  for (const c of named(node)) {
    if (!c || nodeType(c) === 'comment') continue;
    if (nodeType(c) === 'list_splat') {
      const inner = named(c)[0];
      const items = inner ? iterate(ip, evalExpr(ip, inner, scope)) : undefined;
      if (!items) return undefined;
      out.push(...items);
    } else {
      out.push(evalExpr(ip, c, scope));
    }
  }
  return out;
}

function evalDict(ip: Interpreter, node: Node, scope: Scope): Value {
  const d: DictValue = { k: 'dict', entries: new Map() };
  for (const c of named(node)) {
    if (!c || nodeType(c) === 'comment') continue;
    if (nodeType(c) === 'pair') {
      const kn = field(c, 'key');
      const vn = field(c, 'value');
      if (!kn || !vn) continue;
      const key = evalExpr(ip, kn, scope);
      const h = hashKey(key);
      if (h === undefined) return unknown('a dict key that is not known');
      d.entries.set(h, { key, value: evalExpr(ip, vn, scope) });
    } else if (nodeType(c) === 'dictionary_splat') {
      const inner = named(c)[0];
      const v = inner ? evalExpr(ip, inner, scope) : NONE;
      if (v.k !== 'dict') return unknown('a dict merged from values that are not known');
      for (const [h, e] of v.entries) d.entries.set(h, e);
    }
  }
  return d;
}

function evalComparison(ip: Interpreter, node: Node, scope: Scope): Value {
  const operands = named(node).filter((c): c is Node => !!c);
  const ops: string[] = [];
  // Operators sit between operands as anonymous children; `not in` / `is not` are two tokens.
  let pending = '';
  for (const c of children(node)) {
    if (!c) continue;
    if (isNamedNode(c)) {
      if (pending) { ops.push(pending.trim()); pending = ''; }
    } else {
      pending += ` ${nodeText(c)}`;
    }
  }
  let left = evalExpr(ip, operands[0], scope);
  for (let i = 0; i < ops.length && i + 1 < operands.length; i++) {
    const right = evalExpr(ip, operands[i + 1], scope);
    const r = compareOp(ops[i].replace(/\s+/g, ' '), left, right);
    if (r === undefined) return unknown('a comparison of values that are not known');
    if (!r) return FALSE;
    left = right;
  }
  return TRUE;
}

/** Runs the for/if clauses of a comprehension, calling `emit` in the innermost scope. */
function comprehend(ip: Interpreter, node: Node, scope: Scope, emit: (inner: Scope) => void): boolean {
  const clauses = named(node).filter((c): c is Node => !!c && (nodeType(c) === 'for_in_clause' || nodeType(c) === 'if_clause'));
  const inner = new Scope(scope);
  const step = (i: number): boolean => {
    if (i === clauses.length) { emit(inner); return true; }
    const c = clauses[i];
    if (nodeType(c) === 'if_clause') {
      const cond = named(c)[0];
      const t = cond ? truthy(evalExpr(ip, cond, inner)) : true;
      if (t === undefined) return false;
      return t ? step(i + 1) : true;
    }
    const left = field(c, 'left');
    const right = field(c, 'right');
    if (!left || !right) return false;
    const items = iterateLazy(evalExpr(ip, right, inner));
    if (!items) return false;
    for (const item of items) {
      ip.budget.tick();
      ip.assign(left, item, inner);
      if (!step(i + 1)) return false;
    }
    return true;
  };
  return step(0);
}

function evalString(ip: Interpreter, node: Node, scope: Scope): Value {
  if (nodeType(node) !== 'string') return evalExpr(ip, node, scope);
  const start = nodeText(children(node)[0]) ?? '"';
  const prefix = start.replace(/['"]/g, '').toLowerCase();
  const raw = prefix.includes('r');
  const isBytes = prefix.includes('b');
  let out = '';
  for (const c of children(node)) {
    if (!c) continue;
    if (nodeType(c) === 'string_content') out += raw ? nodeText(c) : unescape(nodeText(c));
    else if (nodeType(c) === 'escape_sequence') out += raw ? nodeText(c) : unescape(nodeText(c));
    else if (nodeType(c) === 'interpolation') {
      const e = field(c, 'expression') ?? named(c)[0];
      if (!e) continue;
      const v = evalExpr(ip, e, scope);
      const spec = field(c, 'format_specifier');
      const s = formatValue(v, spec ? nodeText(spec).replace(/^:/, '') : '');
      if (s === undefined) return unknown('an f-string with a value that is not known');
      out += s;
    }
  }
  return isBytes ? { k: 'opaque', what: 'bytes' } : str(out);
}

/** str.format / f-string formatting for the common specs. */
export function formatValue(v: Value, spec: string): string | undefined {
  if (!spec) return pyStr(v);
  const m = /^([<>^]?)(0?)(\d*)(,?)(?:\.(\d+))?([dfsx%e]?)$/.exec(spec);
  if (!m) return pyStr(v);
  const [, align, zero, width, comma, prec, type] = m;
  let s: string | undefined;
  if ((v.k === 'int' || v.k === 'float') && (type === 'f' || prec)) s = v.v.toFixed(Number(prec ?? 6));
  else if (v.k === 'int' && comma) s = v.v.toLocaleString('en-US');
  else s = pyStr(v);
  if (s === undefined) return undefined;
  const w = Number(width || 0);
  if (s.length < w) {
    if (zero) s = s.padStart(w, '0');
    else if (align === '<' || (!align && v.k === 'str')) s = s.padEnd(w);
    else if (align === '^') s = s.padStart(Math.floor((w + s.length) / 2)).padEnd(w);
    else s = s.padStart(w);
  }
  return s;
}

function unescape(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|N\{[^}]*\}|[0-7]{1,3}|\n|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n': return e === 'n' ? '\n' : e;
      case 't': return '\t';
      case 'r': return '\r';
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': return String.fromCharCode(parseInt(e, 8));
      case 'x': case 'u': return String.fromCharCode(parseInt(e.slice(1), 16));
      case '\n': return '';
      case 'N': return '?';
      default: return e === '\\' || e === "'" || e === '"' ? e : `\\${e}`;
    }
  });
}

/** Evaluates a call's arguments: positional (with *x), keywords (with **d). */
export function evalArguments(ip: Interpreter, node: Node, scope: Scope): CallArgs {
  const positional: Value[] = [];
  const keywords: [string, Value][] = [];
  let incomplete: string | undefined;
  const argList = field(node, 'arguments');
  if (argList && nodeType(argList) === 'generator_expression') {
    positional.push(evalExpr(ip, argList, scope));
    return { positional, keywords, node };
  }
  for (const a of named(argList) ?? []) {
    if (!a || nodeType(a) === 'comment') continue;
    if (nodeType(a) === 'keyword_argument') {
      const name = field(a, 'name');
      const value = field(a, 'value');
      if (name && value) keywords.push([nodeText(name), evalExpr(ip, value, scope)]);
    } else if (nodeType(a) === 'list_splat') {
      const inner = named(a)[0];
      const v = inner ? evalExpr(ip, inner, scope) : NONE;
      const items = iterate(ip, v);
      if (items) positional.push(...items);
      else incomplete = v.k === 'unknown' ? v.reason : '*args whose items are not known';
    } else if (nodeType(a) === 'dictionary_splat') {
      const inner = named(a)[0];
      const v = inner ? evalExpr(ip, inner, scope) : NONE;
      if (v.k === 'dict') {
        for (const { key, value } of v.entries.values()) if (key.k === 'str') keywords.push([key.v, value]);
      } else {
        incomplete = v.k === 'unknown' ? v.reason : '**kwargs whose items are not known';
      }
    } else {
      positional.push(evalExpr(ip, a, scope));
    }
  }
  return { positional, keywords, node, incomplete };
}

function evalCall(ip: Interpreter, node: Node, scope: Scope): Value {
  const fnNode = field(node, 'function');
  if (!fnNode) return unknown('incomplete call');
  if (nodeType(fnNode) === 'identifier' && nodeText(fnNode) === 'super') {
    // super() / super(Cls, self) inside a method: the scope knows the method's class and instance.
    const cls = scope.lookup('__class__');
    const self = scope.lookup('__self__');
    return cls?.k === 'class' && self?.k === 'object' ? { k: 'super', cls, self } : unknown('super() outside a method keras-lens follows');
  }
  const fn = evalExpr(ip, fnNode, scope);
  const args = evalArguments(ip, node, scope);
  return ip.call(fn, args);
}
