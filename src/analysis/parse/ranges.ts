// Syntax-node positions as 0-based line/character ranges (tree-sitter columns are UTF-16 units for JS strings).
import type { Node } from 'web-tree-sitter';
import type { Range } from '../summary/types';
import { cachedRange } from './nodes';

export function nodeRange(n: Node): Range {
  return cachedRange(n, makeRange);
}

function makeRange(n: Node): Range {
  return {
    start: { line: n.startPosition.row, character: n.startPosition.column },
    end: { line: n.endPosition.row, character: n.endPosition.column },
  };
}

export const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
