// Top-level chunks for statement-by-statement parsing: the lines that start a statement at column 0.
// Parsing each chunk alone gives the same statements as parsing the file when every chunk parses
// without error; a chunk cut in the wrong place has an error, and the caller then parses the whole file.

/** Lines at column 0 that continue the previous statement rather than start one (as parse/chunks.ts). */
const CONTINUATION = /^(\s|$|#|[)\]}]|else\b|elif\b|except\b|finally\b|case\b)/;

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
    const commentAt = this.scanQuotes(text);
    const body = (commentAt < 0 ? text : text.slice(0, commentAt)).replace(/\r$/, '');
    this.joined = this.open === null && ((commentAt < 0 && body.endsWith('\\')) || (starts && text.startsWith('@')));
    return starts;
  }

  /** Follows quotes through the line (updating the open triple quote); the index of a comment, or -1. */
  private scanQuotes(line: string): number {
    let i = 0;
    while (i < line.length) {
      if (this.open) {
        const end = line.indexOf(this.open, i);
        if (end < 0) return -1;
        // An odd run of backslashes before the quote escapes it.
        let bs = 0;
        for (let j = end - 1; j >= 0 && line[j] === '\\'; j--) bs++;
        i = end + 3;
        if (bs % 2 === 0) this.open = null;
        continue;
      }
      const c = line[i];
      if (c === '#') return i;
      if (c === '"' || c === "'") {
        if (line.startsWith(c.repeat(3), i)) {
          this.open = c.repeat(3);
          i += 3;
          continue;
        }
        // A one-line string: skip to its closing quote.
        i++;
        while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      i++;
    }
    return -1;
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
