// A chunk's syntax as plain objects (named nodes, their field and text span), read once with a cursor:
// the name analysis walks it many ways without a call into tree-sitter per step.
import type { Node, Tree } from 'web-tree-sitter';

export interface LiteNode {
  readonly type: string;
  /** The field this node fills in its parent (`left`, `body`…), or null. */
  readonly field: string | null;
  /** Span in the chunk's text. */
  readonly start: number;
  readonly end: number;
  readonly kids: readonly LiteNode[];
}

/** The statements as plain trees; `base` is where the chunk's text starts in its tree's text. */
export function liteStatements(statements: readonly Node[], base: number): LiteNode[] {
  return statements.map((s) => {
    const cursor = s.walk();
    try {
      return { type: cursor.nodeType, field: null, start: cursor.startIndex - base, end: cursor.endIndex - base, kids: readKids(cursor, base) };
    } finally {
      cursor.delete();
    }
  });
}

type Cursor = ReturnType<Tree['walk']>;

function readKids(cursor: Cursor, base: number): LiteNode[] {
  const out: LiteNode[] = [];
  if (!cursor.gotoFirstChild()) return out;
  do {
    if (cursor.nodeIsNamed) {
      const type = cursor.nodeType;
      const field = cursor.currentFieldName;
      const start = cursor.startIndex - base;
      const end = cursor.endIndex - base;
      out.push({ type, field, start, end, kids: readKids(cursor, base) });
    } else {
      // Anonymous tokens have no named children worth reading, except in error recovery.
      for (const k of readKids(cursor, base)) out.push(k);
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return out;
}
