// Top-level chunks of Python source: the lines that start a statement at column 0, outside multi-line strings.

/** Lines at column 0 that continue the previous statement rather than start one. */
export const CONTINUATION = /^(\s|$|#|[)\]}]|else\b|elif\b|except\b|finally\b|case\b)/;

/**
 * Follows the quotes of one line: the triple quote open at its end (`open` is the one open at its start)
 * and where a comment starts (-1 if none). A cheap scan, not a tokenizer: a wrong guess only moves a
 * chunk boundary, and a chunk cut in the wrong place has a syntax error.
 */
export function followQuotes(line: string, open: string | null): { open: string | null; comment: number } {
  let i = 0;
  while (i < line.length) {
    if (open) {
      const end = line.indexOf(open, i);
      if (end < 0) return { open, comment: -1 };
      // An odd run of backslashes before the quote escapes it.
      let bs = 0;
      for (let j = end - 1; j >= 0 && line[j] === '\\'; j--) bs++;
      i = end + 3;
      if (bs % 2 === 0) open = null;
      continue;
    }
    const c = line[i];
    if (c === '#') return { open, comment: i };
    if (c === '"' || c === "'") {
      const triple = line.startsWith(c.repeat(3), i);
      if (triple) { open = c.repeat(3); i += 3; continue; }
      // A one-line string: skip to its closing quote.
      i++;
      while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    i++;
  }
  return { open, comment: -1 };
}

/** For each line, whether it begins inside a triple-quoted string. */
function insideStringStarts(lines: readonly string[]): boolean[] {
  const inside: boolean[] = [];
  let open: string | null = null; // the triple quote we are in
  for (const line of lines) {
    inside.push(open !== null);
    open = followQuotes(line, open).open;
  }
  return inside;
}

/** [start, end) line ranges of the top-level statements. */
export function topLevelChunks(lines: readonly string[]): [number, number][] {
  const inside = insideStringStarts(lines);
  const starts: number[] = [];
  lines.forEach((l, i) => { if (!inside[i] && !CONTINUATION.test(l)) starts.push(i); });
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((s, k) => [s, starts[k + 1] ?? lines.length]);
}

/**
 * The line on which the first statement of lines [start, end) ends: brackets closed, not ended by `:` or a
 * backslash, outside strings. Undefined if it does not end before `end`. (A cheap scan, as above.)
 */
export function firstStatementEnd(lines: readonly string[], start: number, end: number): number | undefined {
  let depth = 0;
  let open: string | null = null; // the triple quote we are in
  for (let row = start; row < end; row++) {
    const line = lines[row];
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (open) {
        const close = line.indexOf(open, i);
        if (close < 0) { i = line.length; break; }
        i = close + 3;
        if (line[close - 1] !== '\\') open = null;
        continue;
      }
      if (c === '#') break;
      if (c === '"' || c === "'") {
        if (line.startsWith(c.repeat(3), i)) { open = c.repeat(3); i += 3; continue; }
        i++;
        while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      i++;
    }
    const code = line.replace(/#.*$/, '').trimEnd();
    if (!open && depth <= 0 && code !== '' && !code.endsWith(':') && !code.endsWith('\\')) return depth === 0 ? row : undefined;
  }
  return undefined;
}
