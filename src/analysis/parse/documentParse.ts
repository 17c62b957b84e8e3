// A document parsed in top-level chunks, so an edit re-parses only the chunks it touches. (tree-sitter's
// own incremental re-parse re-reads a whole Python file: its top-level statements begin with tokens it
// does not reuse, so it saves little; see docs/performance.md.)
// Consecutive chunks share one tree (a segment) when parsed together, as at the first parse; an edit
// parses its chunks alone. A tree counts rows from where its text starts (ranges.ts adds the row).
import type { Node, Tree } from 'web-tree-sitter';
import { parseText, parseTimeLimitMs, parseWithin } from './parser';
import { rowOffset, setRowOffset } from './ranges';
import { named } from './nodes';
import { scanChunks, type ChunkSpan } from './chunkScanner';
import { textChange, type TextChange } from './textChange';

export interface Chunk extends ChunkSpan {
  /** Where it is now (updated in place when an edit before it moves it). */
  offset: number;
  row: number;
  readonly text: string;
  /** The tree holding its statements (shared with neighbouring chunks parsed in the same segment). */
  readonly tree: Tree;
  /** Offset of the chunk's text in its tree's text (subtract it from a node's index to index `text`). */
  readonly base: number;
  /**
   * The chunk has a syntax error alone, or may parse differently alone than in the file (then the whole
   * file goes through recover.ts, as analyzeSource does).
   */
  readonly hasError: boolean;
  /** Its top-level statements. */
  readonly statements: readonly Node[];
}

/** Lines per tree at the first parse: one parse call per segment, and at most one segment re-parsed when lines move. */
const SEGMENT_LINES = 256;

export class DocumentParse {
  private text = '';
  private list: Chunk[] = [];
  private errors = 0;
  private readonly refs = new Map<Tree, number>();

  get chunks(): readonly Chunk[] {
    return this.list;
  }

  /** Whether some chunk has a syntax error on its own. */
  get hasError(): boolean {
    return this.errors > 0;
  }

  /** The text the chunks are of. */
  get source(): string {
    return this.text;
  }

  /**
   * Brings the chunks up to date with `text` (the whole new text); `change` is how it differs from the
   * last one (found by comparing when not given).
   */
  update(text: string, change: TextChange | undefined = textChange(this.text, text)): void {
    if (this.list.length === 0) {
      this.splice(0, 0, segments(text, scanChunks(text, 0, 0).spans));
      this.text = text;
      return;
    }
    if (!change) return;
    const old = this.list;
    let first = this.indexAt(change.start);
    // An edit on a chunk's first line can join it to the chunk before (an indent, a new `else`).
    const firstNl = this.text.indexOf('\n', old[first].offset);
    if (first > 0 && (firstNl < 0 || change.start <= firstNl)) first--;
    const last = this.indexAt(change.oldEnd);
    const delta = change.newEnd - change.oldEnd;
    const rows = countLines(text, change.start, change.newEnd) - countLines(this.text, change.start, change.oldEnd);
    // Resume the old chunks at the first old chunk start past the edit where the new scan also starts a chunk.
    let j = last + 1;
    const scan = scanChunks(text, old[first].offset, old[first].row, (offset) => {
      if (offset < change.newEnd) return false;
      while (j < old.length && old[j].offset + delta < offset) j++;
      return j < old.length && old[j].offset + delta === offset;
    });
    const resumed = scan.end < text.length;
    const end = resumed ? j : old.length;
    this.text = text;
    this.splice(first, end - first, scan.spans.map((s) => alone(text, s)));
    if (delta !== 0 || rows !== 0) this.move(first + scan.spans.length, delta, rows, text);
  }

  dispose(): void {
    for (const t of this.refs.keys()) t.delete();
    this.refs.clear();
    this.list = [];
    this.errors = 0;
  }

  /** The chunk holding offset `at` of the current text (the last chunk for the end of the text). */
  private indexAt(at: number): number {
    let lo = 0;
    let hi = this.list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.list[mid].offset <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Replaces the chunks from `index` on by `fresh`, deleting the trees no chunk holds any more. */
  private splice(index: number, count: number, fresh: readonly Chunk[]): void {
    const gone = this.list.slice(index, index + count);
    for (const c of fresh) this.hold(c, 1);
    for (const c of gone) this.hold(c, -1);
    // (No argument spread: a large file has more chunks than a call takes arguments.)
    this.list = [...this.list.slice(0, index), ...fresh, ...this.list.slice(index + count)];
  }

  private hold(c: Chunk, by: 1 | -1): void {
    if (c.hasError) this.errors += by;
    const n = (this.refs.get(c.tree) ?? 0) + by;
    if (n > 0) this.refs.set(c.tree, n);
    else {
      this.refs.delete(c.tree);
      c.tree.delete();
    }
  }

  /**
   * Moves the chunks from `index` on by `delta` characters and `rows` lines, in place. A tree all of whose
   * chunks moved just gets the new row; a tree shared with chunks that did not move is parsed again for
   * the moved ones. (A tree's chunks need not be next to each other: an edit may have re-parsed some between.)
   */
  private move(index: number, delta: number, rows: number, text: string): void {
    const list = this.list;
    for (let i = index; i < list.length; i++) {
      list[i].offset += delta;
      list[i].row += rows;
    }
    if (rows === 0) return;
    // Runs of chunks on one tree, and how many of each tree's chunks moved.
    const runs: [number, number][] = [];
    const movedRefs = new Map<Tree, number>();
    for (let i = index; i < list.length;) {
      let k = i + 1;
      while (k < list.length && list[k].tree === list[i].tree) k++;
      runs.push([i, k]);
      movedRefs.set(list[i].tree, (movedRefs.get(list[i].tree) ?? 0) + k - i);
      i = k;
    }
    const shared = new Set<Tree>();
    for (const [tree, n] of movedRefs) {
      if (n === this.refs.get(tree)) setRowOffset(tree, rowOffset(tree) + rows);
      else shared.add(tree);
    }
    if (shared.size === 0) return;
    // Runs on a shared tree are parsed again (one new list at the end keeps this linear).
    const out: Chunk[] = list.slice(0, index);
    for (const [i, k] of runs) {
      const run = list.slice(i, k);
      if (shared.has(list[i].tree)) {
        const fresh = segments(text, run);
        for (const c of fresh) this.hold(c, 1);
        for (const c of run) this.hold(c, -1);
        for (const c of fresh) out.push(c);
      } else {
        for (const c of run) out.push(c);
      }
    }
    this.list = out;
  }
}

/** A chunk parsed on its own. */
function alone(text: string, span: ChunkSpan): Chunk {
  const own = text.slice(span.offset, span.offset + span.length);
  const parsed = parseWithin(own, parseTimeLimitMs(own.length));
  // Out of time: tree-sitter's error recovery gone slow, so the chunk counts as an error (recover.ts takes the file).
  if (!parsed) return { ...span, text: own, tree: parseText(''), base: 0, hasError: true, statements: [] };
  const tree = parsed;
  setRowOffset(tree, span.row);
  const statements = named(tree.rootNode);
  return { ...span, text: own, tree, base: 0, hasError: tree.rootNode.hasError || mayJoinNext(own, statements), statements };
}

/**
 * Chunks parsed a segment at a time. A segment whose tree has an error, or whose statements do not fall
 * each inside one chunk, is parsed chunk by chunk instead (so errors belong to the chunks that have them).
 */
function segments(text: string, spans: readonly ChunkSpan[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < spans.length;) {
    let k = i + 1;
    while (k < spans.length && spans[k].row - spans[i].row < SEGMENT_LINES) k++;
    if (k === i + 1) out.push(alone(text, spans[i]));
    else out.push(...segment(text, spans.slice(i, k)));
    i = k;
  }
  return out;
}

function segment(text: string, spans: readonly ChunkSpan[]): Chunk[] {
  const start = spans[0].offset;
  const last = spans[spans.length - 1];
  const joined = text.slice(start, last.offset + last.length);
  const tree = parseWithin(joined, parseTimeLimitMs(joined.length));
  if (!tree) return spans.map((sp) => alone(text, sp));
  const whole = tree.rootNode;
  const statements = whole.hasError ? undefined : named(whole);
  const out: Chunk[] = [];
  let s = 0;
  for (const span of spans) {
    if (!statements) break;
    const from = span.offset - start;
    const to = from + span.length;
    const own: Node[] = [];
    for (; s < statements.length && statements[s].startIndex < to; s++) {
      if (statements[s].startIndex < from) break;
      own.push(statements[s]);
    }
    // A statement running past the chunk's end (the next one's start says so, or its own end for the last).
    if (s < statements.length && statements[s].startIndex < to) break;
    if (own.length > 0 && own[own.length - 1].endIndex > to) break;
    const chunkText = text.slice(span.offset, span.offset + span.length);
    out.push({ ...span, text: chunkText, tree, base: from, hasError: mayJoinNext(chunkText, own), statements: own });
  }
  if (out.length < spans.length) {
    tree.delete();
    return spans.map((sp) => alone(text, sp));
  }
  setRowOffset(tree, spans[0].row);
  return out;
}

/**
 * Where tree-sitter can read the next line as part of the chunk's last statement, parsing the chunk alone
 * may differ from parsing the file: after a trailing comma (`a,` then `b = 1` reads as `a, b = 1`), and
 * after a statement indented at the top level (found by a fuzz of chunk pairs; see the incremental tests).
 */
function mayJoinNext(text: string, statements: readonly Node[]): boolean {
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i].startPosition;
    if (s.column > 0 && (i === 0 || statements[i - 1].endPosition.row !== s.row)) return true;
  }
  // The last line with code: a trailing comma there.
  for (let end = text.length; end > 0;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    end = start - 1;
    if (line === '' || line.startsWith('#')) continue;
    return line.endsWith(',') || line.replace(/#.*/, '').trimEnd().endsWith(',');
  }
  return false;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
