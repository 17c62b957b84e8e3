// Syntax-error recovery: blank out the top-level chunk around each error so the rest of the file still parses.
import type { Node, Tree } from 'web-tree-sitter';
import type { Diagnostic } from '../summary/types';
import { parseText } from './parser';

const MAX_ROUNDS = 25;
/** Lines starting at column 0 that continue the previous statement rather than start one. */
const CONTINUATION = /^(\s|$|#|[)\]}]|else\b|elif\b|except\b|finally\b)/;

export interface ParseResult {
  readonly tree: Tree;
  /** The text actually parsed: the source with erroneous chunks blanked (same lines and columns). */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

function firstError(n: Node): Node | null {
  if (n.type === 'ERROR' || n.isMissing) return n;
  if (!n.hasError) return null;
  for (const c of n.children) {
    if (!c) continue;
    const e = firstError(c);
    if (e) return e;
  }
  return n;
}

function describe(e: Node, lines: readonly string[]): string {
  if (e.isMissing) return `Syntax error: missing \`${e.type}\``;
  const text = (lines[e.startPosition.row] ?? '').slice(e.startPosition.column).trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return shown ? `Syntax error near \`${shown}\`` : 'Syntax error';
}

/** Parses `text`; while errors remain, blanks the chunk holding the first one and parses again. */
export function parseWithRecovery(text: string, oldTree?: Tree | null): ParseResult {
  let tree = parseText(text, oldTree);
  const diagnostics: Diagnostic[] = [];
  if (!tree.rootNode.hasError) return { tree, text, diagnostics };
  const lines = text.split('\n');
  for (let round = 0; round < MAX_ROUNDS && tree.rootNode.hasError; round++) {
    const e = firstError(tree.rootNode);
    if (!e) break;
    const row = Math.min(e.startPosition.row, lines.length - 1);
    diagnostics.push({
      range: {
        start: { line: row, character: e.startPosition.column },
        end: e.endPosition.row === row && e.endPosition.column > e.startPosition.column
          ? { line: row, character: e.endPosition.column }
          : { line: row, character: Math.max(e.startPosition.column + 1, (lines[row] ?? '').length) },
      },
      severity: 'error',
      message: `${describe(e, lines)}; the statement starting on line ${chunkStart(lines, row) + 1} is skipped`,
    });
    const start = chunkStart(lines, row);
    let end = row + 1;
    while (end < lines.length && CONTINUATION.test(lines[end])) end++;
    for (let i = start; i < end; i++) lines[i] = lines[i].replace(/[^\r]/g, ' ');
    tree.delete();
    tree = parseText(lines.join('\n'));
  }
  return { tree, text: lines.join('\n'), diagnostics };
}

function chunkStart(lines: readonly string[], row: number): number {
  let start = row;
  while (start > 0 && CONTINUATION.test(lines[start])) start--;
  return start;
}
