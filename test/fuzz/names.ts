// Which names a piece of Python binds and reads, and renaming the names a file binds: what keeps anchor models apart.
import type { Node, Tree } from 'web-tree-sitter';
import { parseText } from '../../src/analysis/parse/parser';

/** Every node, without recursion (mutated files nest 10,000 deep). */
function* walk(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    yield n;
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c) stack.push(c);
    }
  }
}

/** The identifiers a target pattern binds (`a`, `a, b`, `[a, *b]`), not attributes or subscripts. */
function patternNames(n: Node | null, out: Set<string>): void {
  if (!n) return;
  if (n.type === 'identifier') { out.add(n.text); return; }
  if (n.type === 'attribute' || n.type === 'subscript') return;
  for (const c of n.namedChildren) patternNames(c, out);
}

/** The name a `def`/lambda parameter binds. */
function parameterName(p: Node): Node | null {
  if (p.type === 'identifier') return p;
  const name = p.childForFieldName('name');
  if (name) return name;
  return p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
}

/** Names bound anywhere in the nodes `within` accepts: assignments, loops, definitions, parameters, imports, `global`. */
export function boundNames(root: Node, within: (n: Node) => boolean = () => true): { names: Set<string>; wildcard: boolean } {
  const names = new Set<string>();
  let wildcard = false;
  for (const n of walk(root)) {
    if (!within(n)) continue;
    switch (n.type) {
      case 'assignment': case 'augmented_assignment': case 'for_statement': case 'for_in_clause':
        patternNames(n.childForFieldName('left'), names);
        break;
      case 'named_expression': case 'function_definition': case 'class_definition': {
        const name = n.childForFieldName('name');
        if (name) names.add(name.text);
        break;
      }
      case 'parameters': case 'lambda_parameters':
        for (const p of n.namedChildren) { const id = p && parameterName(p); if (id) names.add(id.text); }
        break;
      case 'as_pattern': patternNames(n.childForFieldName('alias'), names); break;
      case 'aliased_import': { const a = n.childForFieldName('alias'); if (a) names.add(a.text); break; }
      case 'import_statement':
        for (const c of n.namedChildren) if (c?.type === 'dotted_name') names.add(c.namedChildren[0]?.text ?? '');
        break;
      case 'import_from_statement':
        n.childrenForFieldName('name').forEach((c) => { if (c?.type === 'dotted_name') names.add(c.text); });
        break;
      case 'wildcard_import': wildcard = true; break;
      case 'global_statement': case 'nonlocal_statement': case 'delete_statement':
        for (const c of walk(n)) if (c.type === 'identifier') names.add(c.text);
        break;
    }
  }
  names.delete('');
  return { names, wildcard };
}

/** Identifiers used as names (not `obj.attr` attribute parts, not `kw=` keyword names). */
function nameUses(root: Node): Node[] {
  const out: Node[] = [];
  for (const n of walk(root)) {
    if (n.type !== 'identifier') continue;
    const p = n.parent;
    if (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === n.id) continue;
    if (p?.type === 'keyword_argument' && p.childForFieldName('name')?.id === n.id) continue;
    out.push(n);
  }
  return out;
}

/** Names a clean file reads but never binds itself: builtins, mostly. Code run before it could rebind them. */
export function freeNames(text: string): Set<string> {
  const tree = parseText(text);
  try {
    const bound = boundNames(tree.rootNode).names;
    return new Set(nameUses(tree.rootNode).filter((n) => !insideImport(n)).map((n) => n.text).filter((t) => !bound.has(t)));
  } finally {
    tree.delete();
  }
}

/** Names the module binds at the top level (outside functions and classes), imports excluded. */
function moduleBindings(tree: Tree): Set<string> {
  const inside = (n: Node): boolean => {
    for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'lambda') return false;
    return true;
  };
  const all = boundNames(tree.rootNode, (n) => inside(n) && !n.type.startsWith('import') && n.type !== 'aliased_import').names;
  const imported = boundNames(tree.rootNode, (n) => n.type.startsWith('import') || n.type === 'aliased_import').names;
  for (const i of imported) all.delete(i);
  return all;
}

/**
 * Renames every name the file binds at module level (except imported names) to `prefix + name`,
 * so code placed around it cannot reach its models by name. Attribute parts and keyword names are kept.
 * The file must parse cleanly and be ASCII (tree-sitter indexes then equal string indexes).
 */
export function renameModuleNames(text: string, prefix: string): string {
  const tree = parseText(text);
  try {
    if (tree.rootNode.hasError) throw new Error('renameModuleNames needs a file without syntax errors');
    if (/[^\x00-\x7f]/.test(text)) throw new Error('renameModuleNames needs ASCII source');
    const bound = moduleBindings(tree);
    const uses = nameUses(tree.rootNode).filter((n) => bound.has(n.text) && !insideImport(n)).sort((a, b) => b.startIndex - a.startIndex);
    let out = text;
    for (const n of uses) out = out.slice(0, n.startIndex) + prefix + out.slice(n.startIndex);
    return out;
  } finally {
    tree.delete();
  }
}

function insideImport(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'import_statement' || p.type === 'import_from_statement') return true;
  return false;
}
