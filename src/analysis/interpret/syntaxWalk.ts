// Syntax walks without recursion (input may nest deeper than the JavaScript stack), and telling a stack overflow apart.
import type { Node } from 'web-tree-sitter';
import { named, nodeText, nodeType } from '../parse/nodes';

/** Named children onto a stack, last first, so they pop in source order (a loop: a list literal may have 30,000). */
export function pushChildren(stack: Node[], n: Node): void {
  const cs = named(n);
  for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]);
}

export const isStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);

/** The names an assignment target binds, in order (`a, (b, *c)`: a, b, c); attributes and subscripts bind none. */
export function identifiersIn(target: Node): string[] {
  const out: string[] = [];
  const stack: Node[] = [target];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (nodeType(n) === 'identifier') out.push(nodeText(n));
    else if (nodeType(n) !== 'attribute' && nodeType(n) !== 'subscript') pushChildren(stack, n);
  }
  return out;
}
