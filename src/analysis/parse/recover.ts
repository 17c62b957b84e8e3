// Syntax-error recovery: blank out each top-level statement that has an error, so the rest of the file still parses.
import type { Node, Tree } from 'web-tree-sitter';
import type { Diagnostic } from '../summary/types';
import { parseText } from './parser';
import { topLevelChunks } from './chunks';

export interface ParseResult {
  readonly tree: Tree;
  /** The text actually parsed: the source with erroneous statements blanked (same lines and columns). */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

/** The first error node in document order (walked without recursion: a tree can nest 10,000 deep). */
function firstError(root: Node): Node | null {
  let n = root;
  for (;;) {
    if (n.type === 'ERROR' || n.isMissing) return n;
    if (!n.hasError) return null;
    const next = n.children.find((c) => !!c && (c.type === 'ERROR' || c.isMissing || c.hasError));
    if (!next) return n;
    n = next;
  }
}

function describe(e: Node, line: string): string {
  if (e.isMissing) return `Syntax error: missing \`${e.type}\``;
  const text = line.slice(e.startPosition.column).trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return shown ? `Syntax error near \`${shown}\`` : 'Syntax error';
}

/** Line ranges that hold an error in `tree` (an ERROR spanning everything marks everything); no recursion. */
function errorLines(tree: Tree): [number, number][] {
  const out: [number, number][] = [];
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (!n.hasError && !n.isMissing) continue;
    if (n.type === 'ERROR' || n.isMissing) {
      out.push([n.startPosition.row, n.endPosition.row]);
      continue;
    }
    for (const c of n.children) if (c) stack.push(c);
  }
  return out;
}

const blank = (s: string): string => s.replace(/[^\r]/g, ' ');

/**
 * Parses `text`; if it has errors, parses each suspicious top-level statement on its own and
 * blanks those that are wrong by themselves, then parses once more. Linear in the file size.
 */
export function parseWithRecovery(text: string, oldTree?: Tree | null): ParseResult {
  const tree = parseText(text, oldTree);
  if (!tree.rootNode.hasError) return { tree, text, diagnostics: [] };
  const lines = text.split('\n');
  const suspicious = errorLines(tree);
  tree.delete();
  const diagnostics: Diagnostic[] = [];
  for (const [start, end] of topLevelChunks(lines)) {
    if (!suspicious.some(([a, b]) => a < end && b >= start)) continue;
    const chunk = lines.slice(start, end).join('\n');
    const alone = parseText(chunk);
    const e = alone.rootNode.hasError ? firstError(alone.rootNode) : null;
    if (e) {
      const row = start + Math.min(e.startPosition.row, end - start - 1);
      const line = lines[row] ?? '';
      const col = e.startPosition.row < end - start ? e.startPosition.column : 0;
      diagnostics.push({
        range: { start: { line: row, character: col }, end: { line: row, character: Math.max(col + 1, line.length) } },
        severity: 'error',
        message: `${describe(e, line)}; keras-lens skips the statement on line${end - start > 1 ? `s ${start + 1}–${end}` : ` ${start + 1}`}`,
      });
      for (let i = start; i < end; i++) lines[i] = blank(lines[i]);
    }
    alone.delete();
  }
  const fixed = lines.join('\n');
  let final = parseText(fixed);
  if (final.rootNode.hasError) {
    // A statement that is only wrong in context (rare): skip what still fails at the top level.
    for (const [a, b] of errorLines(final)) for (let i = a; i <= b && i < lines.length; i++) lines[i] = blank(lines[i]);
    final.delete();
    final = parseText(lines.join('\n'));
    if (diagnostics.length === 0) {
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'error', message: 'Syntax error: keras-lens skipped the statements it could not parse' });
    }
  }
  return { tree: final, text: lines.join('\n'), diagnostics };
}
