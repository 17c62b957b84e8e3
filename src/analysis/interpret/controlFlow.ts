// if/elif/else, for and while. On known values they run as Python runs them. On a value keras-lens cannot
// know, every way the code could go is run from the same state (alternatives.ts); when the ways differ,
// what depends on the choice is marked unknown (uncertain.ts), and an early return/break in only some of
// them makes the rest of the block a "maybe" that is followed the same way.
import { nodeRange } from '../parse/ranges';
import type { Node } from 'web-tree-sitter';
import { field, fields, nodeText, nodeType } from '../parse/nodes';
import type { Interpreter, Flow, MaybeFlow, Returned } from './interpreter';
import type { Scope } from './scope';
import { hashKey, truthy, unknown, type Value } from './values';
import { iterateLazy } from './iteration';
import { runAlternatives, type Ran } from './alternatives';
import { frontier, markChanges, placeholderTensor, plainValue } from './uncertain';
import type { WorldSnapshot } from './world';
import { markNamedIn } from './cutOff';

type Exit = MaybeFlow['exits'] extends ReadonlySet<infer E> ? E : never;

/** A way that raises makes no model and is left out — unless a try around it may catch it and go on. */
const raisesOut = (ip: Interpreter) => (f: Flow): boolean => f?.kind === 'raise' && ip.tryDepth === 0;

/** Why a figure is unknown: the condition as written, and its line. */
export function conditionReason(cond: Node, what = 'the condition'): string {
  return `it depends on ${what} \`${short(nodeText(cond))}\` (line ${nodeRange(cond).start.line + 1}), which keras-lens cannot decide`;
}

interface Clause {
  readonly cond: Node | null;
  readonly body: Node | null;
  readonly isElse: boolean;
}

export function execIf(ip: Interpreter, node: Node, scope: Scope): Flow {
  const clauses: Clause[] = [{ cond: field(node, 'condition'), body: field(node, 'consequence'), isElse: false }];
  for (const c of fields(node, 'alternative')) {
    if (!c) continue;
    if (nodeType(c) === 'else_clause') clauses.push({ cond: null, body: field(c, 'body'), isElse: true });
    else clauses.push({ cond: field(c, 'condition'), body: field(c, 'consequence'), isElse: false });
  }
  return ifFrom(ip, clauses, 0, scope);
}

/** The if/elif chain from clause `from` on: a condition that cannot be decided splits it in two. */
function ifFrom(ip: Interpreter, clauses: readonly Clause[], from: number, scope: Scope): Flow {
  for (let i = from; i < clauses.length; i++) {
    const { cond, body, isElse } = clauses[i];
    if (isElse) return ip.execBlock(body, scope);
    if (!cond) return undefined;
    const t = truthy(ip.eval(cond, scope));
    if (t === true) return ip.execBlock(body, scope);
    if (t === false) continue;
    return choose(ip, scope, cond, clauses.slice(i).flatMap((c) => [c.cond, c.body]).filter((n): n is Node => !!n),
      [() => ip.execBlock(body, scope), () => ifFrom(ip, clauses, i + 1, scope)]);
  }
  return undefined;
}

function choose(ip: Interpreter, scope: Scope, cond: Node, code: readonly Node[], alternatives: readonly (() => Flow)[]): Flow {
  const reason = conditionReason(cond);
  const choice = runAlternatives(ip, scope, code, alternatives, raisesOut(ip));
  if (choice.kind !== 'different') return choice.result;
  markChanges(ip, choice.before, choice.ran, reason, cond);
  ip.report(cond, 'info', 'keras-lens cannot decide this condition, and its branches give different figures; what depends on it is shown as ?');
  return mergeFlows(ip, choice.before, choice.ran, reason, cond);
}

/** One flow for alternatives that ended differently: certain when they all break, continue or return; else a maybe. */
function mergeFlows(ip: Interpreter, before: WorldSnapshot, ran: readonly Ran<Flow>[], reason: string, at: Node): Flow {
  let continues = false;
  const exits = new Set<Exit>();
  const returns: Returned[] = [];
  for (const { result: f } of ran) {
    if (!f) continues = true;
    // A raise kept inside a try leaves like a return: what follows it is not certain either.
    else if (f.kind === 'return' || f.kind === 'raise') { exits.add('return'); returns.push(...safe([{ value: f.value }], before, reason)); }
    else if (f.kind === 'maybe') {
      f.exits.forEach((e) => exits.add(e));
      returns.push(...safe(f.returns, before, reason));
      continues ||= f.continues;
    } else if (f.kind === 'break' || f.kind === 'continue') exits.add(f.kind);
  }
  if (exits.size === 0) return undefined;
  if (!continues && exits.size === 1) {
    const only = [...exits][0];
    return only === 'return' ? { kind: 'return', value: returnValue(ip, returns, reason, at) } : { kind: only };
  }
  return { kind: 'maybe', reason, exits, returns, continues };
}

/** Returned values made valid for the state before the choice: constants and older objects stay, new tensors give their sources. */
function safe(returned: readonly Returned[], before: WorldSnapshot, reason: string): Returned[] {
  return returned.map((r): Returned => {
    if ('sources' in r) return { sources: frontier(r.sources.map((t): Value => ({ k: 'tensor', t })), before) };
    if (plainValue(r.value, before)) return r;
    const sources = r.value.k === 'tensor' ? frontier([r.value], before) : [];
    return sources.length > 0 ? { sources } : { value: unknown(reason) };
  });
}

/** What a call returns when it may return any of these: that value if they agree, a `?` tensor if tensors are among them. */
export function returnValue(ip: Interpreter, returned: readonly Returned[], reason: string, at: Node): Value {
  const values = returned.flatMap((r) => ('value' in r ? [r.value] : []));
  const first = values[0];
  const key = first === undefined ? undefined : hashKey(first);
  if (first && values.length === returned.length && values.every((v) => v === first || (key !== undefined && hashKey(v) === key))) return first;
  const tensors = [...new Set(returned.flatMap((r) => ('sources' in r ? r.sources : r.value.k === 'tensor' ? [r.value.t] : [])))];
  return tensors.length > 0 ? placeholderTensor(ip, tensors, reason, at) : unknown(reason);
}

/**
 * The rest of a block after a statement some ways through which left early: it runs only on the other ways,
 * so it is followed as a maybe (its changes marked), and the block's flow gathers both.
 */
export function continueMaybe(ip: Interpreter, flow: MaybeFlow, scope: Scope, rest: readonly Node[], runRest: () => Flow, at: Node): Flow {
  const choice = runAlternatives(ip, scope, rest, [() => undefined, runRest], raisesOut(ip));
  if (choice.kind === 'same') return flow;
  if (choice.kind === 'raises') return { ...flow, continues: false };
  markChanges(ip, choice.before, choice.ran, flow.reason, at);
  const restRun = choice.ran.find((r) => r.index === 1);
  const f = restRun?.result;
  const exits = new Set(flow.exits);
  const returns = [...flow.returns];
  // If the rest raises (it is not among `ran`), only the ways that left early remain.
  let continues = false;
  if (!restRun) continues = false;
  else if (!f) continues = true;
  else if (f.kind === 'return' || f.kind === 'raise') { exits.add('return'); returns.push(...safe([{ value: f.value }], choice.before, flow.reason)); }
  else if (f.kind === 'maybe') {
    f.exits.forEach((e) => exits.add(e));
    returns.push(...safe(f.returns, choice.before, flow.reason));
    continues = f.continues;
  } else if (f.kind === 'break' || f.kind === 'continue') exits.add(f.kind);
  return { kind: 'maybe', reason: flow.reason, exits, returns, continues };
}

export function execFor(ip: Interpreter, node: Node, scope: Scope): Flow {
  const left = field(node, 'left');
  const right = field(node, 'right');
  const body = field(node, 'body');
  if (!left || !right) return undefined;
  const iterable = ip.eval(right, scope);
  const items = iterateLazy(iterable);
  if (!items) {
    const reason = `it depends on how many times the loop over \`${short(nodeText(right))}\` (line ${nodeRange(right).start.line + 1}) runs, which keras-lens cannot list`;
    return unknownLoop(ip, node, scope, reason, right, () => {
      ip.assign(left, unknown(iterable.k === 'unknown' ? iterable.reason : reason), scope);
      return ip.execBlock(body, scope);
    });
  }
  return forRest(ip, node, left, body, items[Symbol.iterator](), scope);
}

/** The iterations still to come (and the else clause). */
function forRest(ip: Interpreter, node: Node, left: Node, body: Node | null, it: Iterator<Value>, scope: Scope): Flow {
  for (let r = it.next(); !r.done; r = it.next()) {
    ip.budget.tick();
    ip.assign(left, r.value, scope);
    const flow = ip.execBlock(body, scope);
    const next = afterPass(ip, flow, scope, node, () => forRest(ip, node, left, body, it, scope));
    if (next !== 'next') return next;
  }
  return loopElse(ip, node, scope);
}

export function execWhile(ip: Interpreter, node: Node, scope: Scope): Flow {
  const cond = field(node, 'condition');
  const body = field(node, 'body');
  if (!cond) return undefined;
  const rest = (): Flow => {
    for (;;) {
      ip.budget.tick();
      const t = truthy(ip.eval(cond, scope));
      if (t === undefined) return unknownLoop(ip, node, scope, conditionReason(cond, 'the loop condition'), cond, () => ip.execBlock(body, scope));
      if (!t) return loopElse(ip, node, scope);
      const next = afterPass(ip, ip.execBlock(body, scope), scope, node, rest);
      if (next !== 'next') return next;
    }
  };
  return rest();
}

function loopElse(ip: Interpreter, node: Node, scope: Scope): Flow {
  const alt = field(node, 'alternative');
  return alt ? ip.execBlock(field(alt, 'body') ?? alt, scope) : undefined;
}

/** After one pass of a loop body: go on ('next'), or the loop's own flow (a break ends it, a return leaves it). */
function afterPass(ip: Interpreter, flow: Flow, scope: Scope, node: Node, rest: () => Flow): Flow | 'next' {
  if (!flow || flow.kind === 'continue') return 'next';
  if (flow.kind === 'break') return undefined;
  if (flow.kind !== 'maybe') return flow;
  if (!flow.exits.has('break') && !flow.exits.has('return')) return 'next';
  return loopMaybe(ip, flow, scope, rest, node);
}

/** A pass that broke or returned only some ways: the remaining passes run only on the others. */
function loopMaybe(ip: Interpreter, flow: MaybeFlow, scope: Scope, rest: () => Flow, loop: Node): Flow {
  const at = loop;
  const returns = [...flow.returns];
  let after = flow.exits.has('break');
  if (flow.continues || flow.exits.has('continue')) {
    const choice = runAlternatives(ip, scope, [loop], [() => undefined, rest], raisesOut(ip));
    if (choice.kind === 'same') after = true;
    else if (choice.kind === 'different') {
      markChanges(ip, choice.before, choice.ran, flow.reason, at);
      const ranRest = choice.ran.find((r) => r.index === 1);
      const f = ranRest?.result;
      if (ranRest && !f) after = true;
      else if (f?.kind === 'return' || f?.kind === 'raise') returns.push(...safe([{ value: f.value }], choice.before, flow.reason));
      else if (f?.kind === 'maybe') {
        returns.push(...safe(f.returns, choice.before, flow.reason));
        after ||= f.continues;
      }
    }
  }
  if (returns.length === 0) return undefined;
  if (!after) return { kind: 'return', value: returnValue(ip, returns, flow.reason, at) };
  return { kind: 'maybe', reason: flow.reason, exits: new Set<Exit>(['return']), returns, continues: true };
}

/** A loop that may run any number of times: one pass is followed to find what it changes, and that is marked. */
function unknownLoop(ip: Interpreter, node: Node, scope: Scope, reason: string, at: Node, pass: () => Flow): Flow {
  const choice = runAlternatives(ip, scope, [node], [() => undefined, pass], raisesOut(ip));
  // A pass that changes nothing leaves the state as it found it: so would any number of them.
  if (choice.kind !== 'different') return undefined;
  markChanges(ip, choice.before, choice.ran, reason, node);
  // Later passes may change what the first did not (another branch, another name, through a helper).
  ip.taint(node, scope, reason);
  markNamedIn(node, scope, reason);
  ip.report(at, 'info', 'keras-lens cannot tell how many times this loop runs; what it changes is shown as ?');
  const f = choice.ran.find((r) => r.index === 1)?.result;
  const returned: readonly Returned[] = f?.kind === 'return' || f?.kind === 'raise' ? [{ value: f.value }] : f?.kind === 'maybe' ? f.returns : [];
  if (returned.length === 0) return undefined;
  return { kind: 'maybe', reason, exits: new Set<Exit>(['return']), returns: safe(returned, choice.before, reason), continues: true };
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
