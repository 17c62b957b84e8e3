// A port of how `rich.table.Table(width=L, show_lines=True)` with fixed-width columns and the
// default HEAVY_HEAD box renders as plain text — the table Keras 3's model.summary() prints.

import { type Justify, wrapCell } from './richText';

export interface RichColumn {
  readonly header: string;
  readonly justify: Justify;
  /** The `width=` Keras passes to rich.table.Column. */
  readonly width: number;
}

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** rich's ratio_reduce: take `total` away from `values`, spread by `ratios`, each capped by `maximums`. */
function ratioReduce(total: number, ratios: number[], maximums: number[], values: number[]): number[] {
  const used = ratios.map((r, i) => ((maximums[i] ?? 0) ? r : 0));
  let totalRatio = used.reduce((a, b) => a + b, 0);
  if (!totalRatio) return [...values];
  let remaining = total;
  return values.map((value, i) => {
    const ratio = used[i] ?? 0;
    if (ratio && totalRatio > 0) {
      const distributed = Math.min(maximums[i] ?? 0, pyRound((ratio * remaining) / totalRatio));
      remaining -= distributed;
      totalRatio -= ratio;
      return value - distributed;
    }
    return value;
  });
}

/**
 * Rendered column widths (padding included, borders excluded), as rich's _calculate_column_widths
 * does for columns that all have a fixed width: each wants width + 2, the box takes n + 1 cells,
 * and the overflow is taken back evenly because fixed columns cannot be collapsed.
 */
export function richColumnWidths(columns: readonly RichColumn[], tableWidth: number): number[] {
  const maxWidth = tableWidth - (columns.length + 1);
  const measure = (want: number, limit: number): number => (limit < 1 ? 0 : Math.min(want, limit));
  let widths = columns.map((c) => measure(c.width + 2, maxWidth) || 1);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total > maxWidth) {
    const reduced = ratioReduce(total - maxWidth, widths.map(() => 1), widths, widths);
    widths = columns.map((c, i) => measure(c.width + 2, reduced[i] ?? 0));
  }
  return widths;
}

const HEAVY_HEAD = {
  top: ['┏', '━', '┳', '┓'],
  head: ['┃', '┃', '┃'],
  headRule: ['┡', '━', '╇', '┩'],
  body: ['│', '│', '│'],
  rowRule: ['├', '─', '┼', '┤'],
  bottom: ['└', '─', '┴', '┘'],
} as const;

function rule(widths: readonly number[], parts: readonly [string, string, string, string]): string {
  const [left, fill, cross, right] = parts;
  return left + widths.map((w) => fill.repeat(w)).join(cross) + right;
}

/** One table row: each cell wrapped inside 1-space padding; short cells filled with blank lines. */
function renderRow(
  cells: readonly string[],
  columns: readonly RichColumn[],
  widths: readonly number[],
  border: readonly [string, string, string],
  alignBottom: boolean,
): string[] {
  const wrapped = columns.map((col, i) => {
    const width = widths[i] ?? 0;
    const inner = Math.max(0, width - 2);
    return wrapCell(cells[i] ?? '', inner, col.justify).map((l) => (width >= 2 ? ` ${l} ` : l.slice(0, width)));
  });
  const height = Math.max(1, ...wrapped.map((w) => w.length));
  const [left, mid, right] = border;
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    const parts = wrapped.map((cell, i) => {
      const blank = ' '.repeat(widths[i] ?? 0);
      // Headers sit at the bottom of their row, body cells at the top (rich's vertical alignment).
      const index = alignBottom ? row - (height - cell.length) : row;
      return index >= 0 && index < cell.length ? (cell[index] ?? blank) : blank;
    });
    lines.push(left + parts.join(mid) + right);
  }
  return lines;
}

/** The whole table as text lines (no trailing newline). */
export function renderRichTable(
  columns: readonly RichColumn[],
  rows: readonly (readonly string[])[],
  tableWidth: number,
): string[] {
  const widths = richColumnWidths(columns, tableWidth);
  const lines = [rule(widths, HEAVY_HEAD.top)];
  lines.push(...renderRow(columns.map((c) => c.header), columns, widths, HEAVY_HEAD.head, true));
  lines.push(rule(widths, HEAVY_HEAD.headRule));
  rows.forEach((cells, i) => {
    if (i > 0) lines.push(rule(widths, HEAVY_HEAD.rowRule));
    lines.push(...renderRow(cells, columns, widths, HEAVY_HEAD.body, false));
  });
  lines.push(rule(widths, HEAVY_HEAD.bottom));
  return lines;
}
