// Syntax-node helpers: named children without the extras (comments, line continuations) that can sit anywhere,
// and a cache of what the interpreter reads from each node. Every read of a web-tree-sitter node goes through
// WebAssembly and makes new node objects; a loop body or a function is read again on every pass, so each
// node's type, text, named children and fields are read once per tree and kept.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../summary/types';

interface NodeInfo {
  readonly type: string;
  text?: string;
  isNamed?: boolean;
  children?: readonly Node[];
  named?: readonly Node[];
  fields?: Map<string, Node | null>;
  fieldLists?: Map<string, readonly Node[]>;
  range?: Range;
  names?: ReadonlySet<string>;
}

const EMPTY: readonly Node[] = [];
/** Per tree (ids are unique within one tree), per node id. Dropped with the tree. */
const cache = new WeakMap<object, Map<number, NodeInfo>>();

function info(n: Node): NodeInfo {
  let byId = cache.get(n.tree);
  if (!byId) {
    byId = new Map();
    cache.set(n.tree, byId);
  }
  let i = byId.get(n.id);
  if (!i) {
    i = { type: n.type };
    byId.set(n.id, i);
  }
  return i;
}

export function named(n: Node | null | undefined): readonly Node[] {
  if (!n) return EMPTY;
  const i = info(n);
  i.named ??= n.namedChildren.filter((c): c is Node => !!c && !c.isExtra && c.type !== 'comment' && c.type !== 'line_continuation');
  return i.named;
}

export function nodeType(n: Node): string;
export function nodeType(n: Node | null | undefined): string | undefined;
export function nodeType(n: Node | null | undefined): string | undefined {
  return n ? info(n).type : undefined;
}

export function nodeText(n: Node): string;
export function nodeText(n: Node | null | undefined): string | undefined;
export function nodeText(n: Node | null | undefined): string | undefined {
  if (!n) return undefined;
  const i = info(n);
  i.text ??= n.text;
  return i.text;
}

export function field(n: Node | null | undefined, name: string): Node | null {
  if (!n) return null;
  const i = info(n);
  i.fields ??= new Map();
  let c = i.fields.get(name);
  if (c === undefined) {
    c = n.childForFieldName(name);
    i.fields.set(name, c);
  }
  return c;
}

export function fields(n: Node | null | undefined, name: string): readonly Node[] {
  if (!n) return EMPTY;
  const i = info(n);
  i.fieldLists ??= new Map();
  let c = i.fieldLists.get(name);
  if (c === undefined) {
    c = n.childrenForFieldName(name).filter((x): x is Node => !!x);
    i.fieldLists.set(name, c);
  }
  return c;
}

/** All children, the anonymous ones (operators, punctuation) included. */
export function children(n: Node): readonly Node[] {
  const i = info(n);
  i.children ??= n.children.filter((c): c is Node => !!c);
  return i.children;
}

export function isNamedNode(n: Node): boolean {
  const i = info(n);
  i.isNamed ??= n.isNamed;
  return i.isNamed;
}

/** The node's range, made once (ranges are never changed, so layers made by one call in a loop share it). */
export function cachedRange(n: Node, make: (n: Node) => Range): Range {
  const i = info(n);
  i.range ??= make(n);
  return i.range;
}

/** Every identifier written anywhere inside a node (what its code can name). */
export function identifierNames(n: Node): ReadonlySet<string> {
  const i = info(n);
  if (i.names) return i.names;
  const out = new Set<string>();
  const stack: Node[] = [n];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (nodeType(c) === 'identifier') out.add(nodeText(c));
    else stack.push(...named(c));
  }
  i.names = out;
  return out;
}
