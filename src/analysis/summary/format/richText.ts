// A port of the parts of the `rich` library (15.x) that lay out one table cell of text:
// word wrapping (rich/_wrap.py divide_line), justification and the `…` ellipsis overflow.

export type Justify = 'left' | 'right';

/** Terminal cells a code point takes: East Asian wide/fullwidth ranges take 2 (rich's cell_len). */
function charWidth(cp: number): number {
  if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

export function cellLen(text: string): number {
  let n = 0;
  for (const ch of text) n += charWidth(ch.codePointAt(0) ?? 0);
  return n;
}

/** rich's set_cell_size: crop (a split wide char becomes a space) or pad to exactly `width` cells. */
function setCellSize(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

/** rich's truncate with overflow "ellipsis": too long → cut to width − 1 and end with `…`. */
function truncate(line: string, width: number): string {
  return cellLen(line) > width ? setCellSize(line, width - 1) + '…' : line;
}

/** rich's divide_line with fold=False: offsets where the text breaks onto a new line. */
function divideLine(text: string, width: number): number[] {
  const breaks: number[] = [];
  let offset = 0;
  // A "word" is the non-space run plus the whitespace around it (rich's re_word).
  const wordRe = /\s*\S+\s*/y;
  let match: RegExpExecArray | null;
  let pos = 0;
  wordRe.lastIndex = 0;
  while ((match = wordRe.exec(text)) !== null && match.index === pos) {
    const start = match.index;
    const word = match[0];
    pos = start + word.length;
    const wordLength = cellLen(word.trimEnd());
    if (width - offset >= wordLength) {
      offset += cellLen(word);
    } else if (wordLength > width) {
      // Too long for any line: it goes on a line of its own and is cut with `…` later.
      if (start) breaks.push(start);
      offset = cellLen(word);
    } else if (offset && start) {
      breaks.push(start);
      offset = cellLen(word);
    }
  }
  return breaks;
}

/** rich's rstrip_end: drop trailing whitespace only as far as it sticks out past `width`. */
function rstripEnd(line: string, width: number): string {
  const excess = line.length - width;
  if (excess <= 0) return line;
  const trailing = line.length - line.trimEnd().length;
  return line.slice(0, line.length - Math.min(trailing, excess));
}

/** The lines of a cell's text, each exactly `width` cells wide (rich Text.wrap + pad). */
export function wrapCell(text: string, width: number, justify: Justify): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const offsets = [...divideLine(paragraph, width), paragraph.length];
    let from = 0;
    for (const to of offsets) {
      const line = rstripEnd(paragraph.slice(from, to), width);
      from = to;
      if (justify === 'left') {
        const cut = truncate(line, width);
        out.push(cut + ' '.repeat(Math.max(0, width - cellLen(cut))));
      } else {
        const cut = truncate(line.trimEnd(), width);
        out.push(' '.repeat(Math.max(0, width - cellLen(cut))) + cut);
      }
    }
  }
  return out;
}
