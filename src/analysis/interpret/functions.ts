// User-defined functions and lambdas: definition, argument binding and inlined calls.
import { named } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import { nodeRange } from '../parse/ranges';
import { returnValue } from './controlFlow';
import { NONE, tuple, unknown, type CallArgs, type DictValue, type FunctionValue, type Value } from './values';

export function defineFunction(ip: Interpreter, node: Node, scope: Scope): void {
  const name = node.childForFieldName('name');
  const body = node.childForFieldName('body');
  if (!name || !body) return;
  const params = node.childForFieldName('parameters');
  scope.assign(name.text, {
    k: 'func', name: name.text, params, body, isLambda: false, closure: scope, defaults: evalDefaults(ip, params, scope),
  });
}

export function makeLambda(ip: Interpreter, node: Node, scope: Scope): Value {
  const body = node.childForFieldName('body');
  if (!body) return unknown('incomplete lambda');
  const params = node.childForFieldName('parameters');
  return { k: 'func', name: '<lambda>', params, body, isLambda: true, closure: scope, defaults: evalDefaults(ip, params, scope) };
}

function evalDefaults(ip: Interpreter, params: Node | null, scope: Scope): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const p of named(params) ?? []) {
    if (!p) continue;
    if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const n = p.childForFieldName('name');
      const v = p.childForFieldName('value');
      if (n && v) out.set(n.text, ip.eval(v, scope));
    }
  }
  return out;
}

function paramName(p: Node): string | undefined {
  if (p.type === 'identifier') return p.text;
  const n = p.childForFieldName('name');
  if (n) return n.text;
  const first = named(p)[0];
  return first?.type === 'identifier' ? first.text : undefined;
}

/** Calls a user function by interpreting its body with the arguments bound. */
export function callFunction(ip: Interpreter, fn: FunctionValue, args: CallArgs, seed?: ReadonlyMap<string, Value>): Value {
  if (ip.callDepth >= ip.limits.maxCallDepth) {
    ip.report(args.node, 'info', `keras-lens stops following calls ${ip.limits.maxCallDepth} levels deep (recursion?); the result is shown as ?`);
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
    if (p.type === 'keyword_separator') { keywordOnly = true; continue; }
    if (p.type === 'positional_separator') continue;
    if (p.type === 'list_splat_pattern' || (p.type === 'typed_parameter' && named(p)[0]?.type === 'list_splat_pattern')) {
      const n = named(p.type === 'list_splat_pattern' ? p : named(p)[0])[0]?.text;
      if (n) scope.vars.set(n, args.incomplete ? unknown(args.incomplete) : tuple(positional.splice(0)));
      keywordOnly = true;
      continue;
    }
    if (p.type === 'dictionary_splat_pattern' || (p.type === 'typed_parameter' && named(p)[0]?.type === 'dictionary_splat_pattern')) {
      const n = named(p.type === 'dictionary_splat_pattern' ? p : named(p)[0])[0]?.text;
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
