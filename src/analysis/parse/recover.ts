// Syntax-error recovery: blank out each top-level statement that has an error, so the rest of the file still parses.
import type { Node, Tree } from 'web-tree-sitter';
import type { Diagnostic } from '../summary/types';
import { parseText, parseTimeLimitMs, parseWithin } from './parser';
import { firstStatementEnd, topLevelChunks } from './chunks';
import { parseableText } from './parseableText';

export interface ParseResult {
  readonly tree: Tree;
  /** The text actually parsed: the source with erroneous statements blanked (same lines and columns). */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

const isError = (c: Node | null): c is Node => !!c && (c.type === 'ERROR' || c.isMissing || c.hasError);

/**
 * Where the error of a node is when none of its children shows one: tree-sitter inserted a hidden token
 * (a MISSING newline between `f()` and `h` in `x = f()h`), which the API does not list. The statement
 * that starts on the row the previous one ended (not after a `;`) is the one after the gap.
 */
function hiddenError(n: Node): Node {
  // Comments are named children too: `x = 1  # note` is not two statements on one row.
  const kids = n.children.filter((c): c is Node => !!c && !c.isExtra);
  for (let i = 1; i < kids.length; i++) {
    const [prev, cur] = [kids[i - 1], kids[i]];
    if (prev.isNamed && cur.isNamed && cur.startPosition.row === prev.endPosition.row) return cur;
  }
  return n;
}

/** The first error node in document order (walked without recursion: a tree can nest 10,000 deep). */
function firstError(root: Node): Node | null {
  let n = root;
  for (;;) {
    if (n.type === 'ERROR' || n.isMissing) return n;
    if (!n.hasError) return null;
    const next = n.children.find(isError);
    if (!next) return hiddenError(n);
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
    const bad = n.children.filter(isError);
    if (bad.length === 0) {
      const e = hiddenError(n);
      out.push([e.startPosition.row, e.endPosition.row]);
    }
    for (const c of bad) stack.push(c);
  }
  return out;
}

const blank = (s: string): string => s.replace(/[^\r]/g, ' ');

const COMPOUND = new Set([
  'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'function_definition',
  'class_definition', 'decorated_definition', 'match_statement',
]);

/**
 * Parses `text`; if it has errors, parses each suspicious top-level statement on its own and
 * blanks those that are wrong by themselves, then parses once more. Each statement is parsed
 * alone at most once, so this stays linear in the file size.
 */
export function parseWithRecovery(source: string, oldTree?: Tree | null): ParseResult {
  const text = parseableText(source);
  const tree = parseWithin(text, parseTimeLimitMs(text.length), oldTree);
  if (tree && !tree.rootNode.hasError) return { tree, text, diagnostics: [] };
  const lines = text.split('\n');
  // A parse that ran out of time is lost in error recovery somewhere: every statement is suspect then.
  const suspicious: [number, number][] = tree ? errorLines(tree) : [[0, lines.length]];
  tree?.delete();
  const diagnostics: Diagnostic[] = [];
  const chunks = topLevelChunks(lines);
  const tested = new Set<number>();
  /**
   * Whether lines [start, row) are simple statements that parse cleanly alone: a stray `)` or indented line
   * after a finished statement joins its chunk, and only the stray part is wrong. A compound statement
   * (a loop, an `if`) cut before its error is not kept: half a block would be a different program.
   */
  const cleanHead = (start: number, row: number): boolean => {
    if (row <= start || lines.slice(start, row).every((l) => l.trim() === '')) return false;
    const text = lines.slice(start, row).join('\n');
    const head = parseWithin(text, parseTimeLimitMs(text.length));
    const ok = !!head && !head.rootNode.hasError && head.rootNode.namedChildren.every((c) => !c || !COMPOUND.has(c.type));
    head?.delete();
    return ok;
  };
  /** Parses chunk k alone (once); if it is wrong by itself, reports and blanks it. */
  const wrongAlone = (k: number): boolean => {
    if (tested.has(k)) return false;
    tested.add(k);
    const [start, end] = chunks[k];
    const chunk = lines.slice(start, end).join('\n');
    const alone = parseWithin(chunk, parseTimeLimitMs(chunk.length));
    if (!alone) {
      // Only error recovery gets this slow: the statement is wrong, but where is not worth the wait.
      diagnostics.push(contextError(start, end, lines[start], 'Syntax error (too tangled to pinpoint)'));
      for (let i = start; i < end; i++) lines[i] = blank(lines[i]);
      return true;
    }
    const e = alone.rootNode.hasError ? firstError(alone.rootNode) : null;
    if (e) {
      let row = start + Math.min(e.startPosition.row, end - start - 1);
      let col = e.startPosition.row < end - start ? e.startPosition.column : 0;
      // Keep what parses before the error, or else the first statement if a stray line follows it.
      const first = firstStatementEnd(lines, start, end);
      const from = cleanHead(start, row) ? row : first !== undefined && first + 1 < end && cleanHead(start, first + 1) ? first + 1 : start;
      if (row < from) {
        // tree-sitter's error began at the statement kept: report the first line skipped instead.
        row = Math.max(0, lines.slice(from, end).findIndex((l) => l.trim() !== '')) + from;
        col = /^\s*/.exec(lines[row])?.[0].length ?? 0;
      }
      const line = lines[row] ?? '';
      diagnostics.push({
        range: { start: { line: row, character: col }, end: { line: row, character: Math.max(col + 1, line.length) } },
        severity: 'error',
        message: `${describe(e, line)}; keras-lens skips the statement on ${linesText(from, end)}`,
      });
      for (let i = from; i < end; i++) lines[i] = blank(lines[i]);
    }
    alone.delete();
    return !!e;
  };
  const holdsError = (c: [number, number] | undefined): boolean => !!c && suspicious.some(([a, b]) => a < c[1] && b >= c[0]);
  // The statement before an error is suspect too: an unclosed bracket shows its error in the next one.
  chunks.forEach((c, k) => { if (holdsError(c) || holdsError(chunks[k + 1])) wrongAlone(k); });
  let final = parseText(lines.join('\n'));
  // Errors left: tree-sitter's error may sit above its cause (a line starting with `,` is glued onto the
  // statement before it) or below it (an unclosed bracket swallows clean code until something cannot
  // continue it). So for the first error, parse alone each statement it spans and the next one, then walk
  // back from its start, to a statement wrong by itself; if there is none, the one where it starts is
  // wrong only in context: skip that. One error at a time: the errors after the first are often its echo.
  const blankChunk = ([start, end]: [number, number]): boolean => lines.slice(start, end).every((l) => l.trim() === '');
  for (let round = 0; round < 5 && final.rootNode.hasError; round++) {
    const [a, b] = errorLines(final).sort((x, y) => x[0] - y[0])[0] ?? [-1, -1];
    const at = chunks.findIndex(([start, end]) => a >= start && a < end);
    if (at < 0) break;
    let found = false;
    let last = at;
    chunks.forEach(([start, end], k) => {
      if (start > b || end <= a) return;
      last = k;
      if (wrongAlone(k)) found = true;
    });
    const next = chunks.findIndex((c, k) => k > last && !blankChunk(c));
    if (!found && next >= 0) found = wrongAlone(next);
    for (let k = at - 1; k >= 0 && !found; k--) found = wrongAlone(k);
    if (!found) {
      const [start, end] = chunks[at];
      if (blankChunk(chunks[at])) break;
      diagnostics.push(contextError(start, end, lines[start]));
      for (let i = start; i < end; i++) lines[i] = blank(lines[i]);
    }
    final.delete();
    final = parseText(lines.join('\n'));
  }
  const spans = final.rootNode.hasError ? errorLines(final).sort((x, y) => x[0] - y[0]) : [];
  if (spans.length > 0) {
    // Last resort: skip every line an error still spans.
    for (const [a, b] of spans) for (let i = a; i <= b && i < lines.length; i++) lines[i] = blank(lines[i]);
    final.delete();
    final = parseText(lines.join('\n'));
    diagnostics.push(contextError(spans[0][0], spans[0][1] + 1, lines[spans[0][0]] ?? ''));
  }
  return { tree: final, text: lines.join('\n'), diagnostics };
}

const linesText = (start: number, end: number): string => (end - start > 1 ? `lines ${start + 1}–${end}` : `line ${start + 1}`);

/** A statement that parses alone but not where it stands: reported on its own first line. */
function contextError(start: number, end: number, line: string, what = 'Syntax error (with the code around it)'): Diagnostic {
  return {
    range: { start: { line: start, character: 0 }, end: { line: start, character: Math.max(1, line.length) } },
    severity: 'error',
    message: `${what}; keras-lens skips the statement on ${linesText(start, end)}`,
  };
}
