// Name lookup: local and enclosing scopes, module globals, builtins, star imports, then Keras's own names.
import { nodeText } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';
import { unknown, type Value } from './values';
import { BUILTINS } from './builtins';
import { getAttribute } from './attributes';
import { kerasGlobalFallback } from './kerasNames';

export function lookupName(ip: Interpreter, node: Node, scope: Scope): Value {
  const name = nodeText(node);
  for (let s: Scope | null = scope; s; s = s.parent) {
    const v = s.vars.get(name);
    if (v === undefined) continue;
    // A body reading a module-level name: no syntax of the calling statement shows it (incremental analysis).
    if (s.isModule && s !== scope) ip.moduleReads.add(name);
    return v;
  }
  if (!scope.isModule) ip.moduleReads.add(name);
  const b = BUILTINS.get(name);
  if (b) return b;
  for (const m of ip.starModules) {
    const a = getAttribute(ip, m, name, node);
    if (a.k !== 'unknown') return a;
  }
  // Snippets often omit imports: a Keras name used bare still resolves.
  const k = kerasGlobalFallback(name);
  if (k) return k;
  ip.reportName(node, name);
  return unknown(`\`${name}\` is not defined`);
}
