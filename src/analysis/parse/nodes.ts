// Syntax-node helpers: named children without the extras (comments, line continuations) that can sit anywhere.
import type { Node } from 'web-tree-sitter';

export function named(n: Node | null | undefined): Node[] {
  if (!n) return [];
  return n.namedChildren.filter((c): c is Node => !!c && !c.isExtra && c.type !== 'comment' && c.type !== 'line_continuation');
}
