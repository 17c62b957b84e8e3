// Top-level chunks for statement-by-statement parsing: the lines that start a statement at column 0, as
// chunks.ts finds them for error recovery, but a line after a backslash or a decorator joins its chunk.
// Parsing each chunk alone gives the same statements as parsing the file when no chunk is flagged
// (documentParse.ts); a chunk cut in the wrong place has an error, and the whole file is parsed instead.
import { CONTINUATION, followQuotes } from './chunks';

/** A chunk of the text: whole lines, the last one with its newline (unless at the end of the text). */
export interface ChunkSpan {
  readonly offset: number;
  readonly length: number;
  readonly row: number;
}

/** Reads lines in order and says which start a chunk; its state is the open triple quote and line joining. */
export class ChunkScanner {
  private open: string | null = null;
  /** The previous line ends with a backslash, or is a decorator: the next line belongs to the same statement. */
  private joined = false;

  /** Feeds one line (without its newline); true when it starts a new chunk. */
  line(text: string): boolean {
    const starts = this.open === null && !this.joined && !CONTINUATION.test(text);
    const { open, comment } = followQuotes(text, this.open);
    this.open = open;
    const body = (comment < 0 ? text : text.slice(0, comment)).replace(/\r$/, '');
    this.joined = this.open === null && ((comment < 0 && body.endsWith('\\')) || (starts && text.startsWith('@')));
    return starts;
  }
}

/**
 * Splits `text` from `offset` (a chunk start on line `row`) into chunks. Before each further chunk start,
 * `stopBefore(offset)` may end the scan (the old chunks from there on still hold); returns the chunks and
 * where the scan stopped (text.length at the end).
 */
export function scanChunks(text: string, offset: number, row: number, stopBefore: (offset: number) => boolean = () => false): { spans: ChunkSpan[]; end: number } {
  const spans: ChunkSpan[] = [];
  const scanner = new ChunkScanner();
  let start = offset;
  let startRow = row;
  let at = offset;
  let r = row;
  let first = true;
  while (at < text.length || first) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const starts = scanner.line(text.slice(at, lineEnd));
    if (starts && !first) {
      spans.push({ offset: start, length: at - start, row: startRow });
      if (stopBefore(at)) return { spans, end: at };
      start = at;
      startRow = r;
    }
    first = false;
    if (nl < 0) { at = text.length; break; }
    at = nl + 1;
    r++;
  }
  spans.push({ offset: start, length: at - start, row: startRow });
  return { spans, end: text.length };
}
