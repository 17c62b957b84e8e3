// User-defined functions and lambdas: definition, argument binding and inlined calls.
import { field, named, nodeText, nodeType } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import { nodeRange } from '../parse/ranges';
import { returnValue } from './controlFlow';
import { NONE, tuple, unknown, type CallArgs, type DictValue, type FunctionValue, type Value } from './values';

export function defineFunction(ip: Interpreter, node: Node, scope: Scope): void {
  const name = field(node, 'name');
  const body = field(node, 'body');
  if (!name || !body) return;
  const params = field(node, 'parameters');
  scope.assign(nodeText(name), {
    k: 'func', name: nodeText(name), params, body, isLambda: false, closure: scope, defaults: evalDefaults(ip, params, scope),
  });
}

export function makeLambda(ip: Interpreter, node: Node, scope: Scope): Value {
  const body = field(node, 'body');
  if (!body) return unknown('incomplete lambda');
  const params = field(node, 'parameters');
  return { k: 'func', name: '<lambda>', params, body, isLambda: true, closure: scope, defaults: evalDefaults(ip, params, scope) };
}

function evalDefaults(ip: Interpreter, params: Node | null, scope: Scope): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const p of named(params) ?? []) {
    if (!p) continue;
    if (nodeType(p) === 'default_parameter' || nodeType(p) === 'typed_default_parameter') {
      const n = field(p, 'name');
      const v = field(p, 'value');
      if (n && v) out.set(nodeText(n), ip.eval(v, scope));
    }
  }
  return out;
}

function paramName(p: Node): string | undefined {
  if (nodeType(p) === 'identifier') return nodeText(p);
  const n = field(p, 'name');
  if (n) return nodeText(n);
  const first = named(p)[0];
  return nodeType(first) === 'identifier' ? nodeText(first) : undefined;
}

/** Calls a user function by interpreting its body with the arguments bound. */
export function callFunction(ip: Interpreter, fn: FunctionValue, args: CallArgs, seed?: ReadonlyMap<string, Value>): Value {
  if (ip.callDepth >= ip.limits.maxCallDepth) {
    ip.report(args.node, 'info', `keras-lens stops following calls ${ip.limits.maxCallDepth} levels deep (recursion?); the result is shown as ?`);
    ip.recursionCutOff ??= 'calls nested too deeply were not followed (recursion cut off)';
    return unknown('calls nested too deeply (recursion cut off)');
  }
  const scope = new Scope(fn.closure);
  // A method's scope knows its class and instance, for zero-argument super().
  for (const [k, v] of seed ?? []) scope.vars.set(k, v);
  const positional = [...args.positional];
  const keywords = new Map(args.keywords);
  let keywordOnly = false;
  for (const p of named(fn.params) ?? []) {
    if (!p) continue;
    if (nodeType(p) === 'keyword_separator') { keywordOnly = true; continue; }
    if (nodeType(p) === 'positional_separator') continue;
    if (nodeType(p) === 'list_splat_pattern' || (nodeType(p) === 'typed_parameter' && nodeType(named(p)[0]) === 'list_splat_pattern')) {
      const n = nodeText(named(nodeType(p) === 'list_splat_pattern' ? p : named(p)[0])[0]);
      if (n) scope.vars.set(n, args.incomplete ? unknown(args.incomplete) : tuple(positional.splice(0)));
      keywordOnly = true;
      continue;
    }
    if (nodeType(p) === 'dictionary_splat_pattern' || (nodeType(p) === 'typed_parameter' && nodeType(named(p)[0]) === 'dictionary_splat_pattern')) {
      const n = nodeText(named(nodeType(p) === 'dictionary_splat_pattern' ? p : named(p)[0])[0]);
      const d: DictValue = { k: 'dict', entries: new Map() };
      for (const [k, v] of keywords) d.entries.set(`s:${k}`, { key: { k: 'str', v: k }, value: v });
      keywords.clear();
      if (n) scope.vars.set(n, args.incomplete ? unknown(args.incomplete) : d);
      continue;
    }
    const name = paramName(p);
    if (!name) continue;
    if (!keywordOnly && positional.length > 0) scope.vars.set(name, positional.shift()!);
    else if (keywords.has(name)) { scope.vars.set(name, keywords.get(name)!); keywords.delete(name); }
    else if (fn.defaults.has(name)) scope.vars.set(name, fn.defaults.get(name)!);
    else scope.vars.set(name, unknown(args.incomplete ?? `argument \`${name}\` of ${fn.name}() was not passed`));
  }
  ip.callDepth++;
  // Layers created inside remember this call (the editor shows at the call what it adds).
  ip.session.callStack.push({ range: nodeRange(args.node), id: ip.session.id() });
  try {
    if (fn.isLambda) return ip.eval(fn.body, scope);
    const flow = ip.execBlock(fn.body, scope);
    if (flow?.kind === 'return' || flow?.kind === 'raise') return flow.value;
    // Returned on some ways only: the value they agree on, or a `?` tensor fed by what they returned.
    if (flow?.kind === 'maybe') return returnValue(ip, flow.continues ? [...flow.returns, { value: NONE }] : flow.returns, flow.reason, args.node);
    return NONE;
  } finally {
    ip.session.callStack.pop();
    ip.callDepth--;
  }
}
