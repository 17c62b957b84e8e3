// Syntax-node positions as 0-based line/character ranges (tree-sitter columns are UTF-16 units for JS strings).
import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../summary/types';
import { cachedRange } from './nodes';

/**
 * Trees parsed from one top-level statement's text alone (incremental analysis) count rows from 0:
 * the line the text starts on in the document is added here. Whole-file trees have no entry.
 */
const rowOffsets = new WeakMap<Tree, number>();

export function setRowOffset(tree: Tree, row: number): void {
  rowOffsets.set(tree, row);
}

export function rowOffset(tree: Tree): number {
  return rowOffsets.get(tree) ?? 0;
}

export function nodeRange(n: Node): Range {
  // The cache holds tree-relative rows: a statement tree's offset moves when lines are inserted above it.
  const r = cachedRange(n, makeRange);
  const off = rowOffsets.get(n.tree) ?? 0;
  if (off === 0) return r;
  return { start: { line: r.start.line + off, character: r.start.character }, end: { line: r.end.line + off, character: r.end.character } };
}

function makeRange(n: Node): Range {
  return {
    start: { line: n.startPosition.row, character: n.startPosition.column },
    end: { line: n.endPosition.row, character: n.endPosition.column },
  };
}

export const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
