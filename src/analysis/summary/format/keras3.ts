// Keras 3 model.summary() as plain text (keras/src/utils/summary_utils.py print_summary).

import { formatBytes, formatCount } from '../numbers';
import { shapeToText } from '../shapes';
import type { LayerSummary, ModelSummaryEntry } from '../types';
import { type RichColumn, renderRichTable } from './richTable';

export interface Keras3Options {
  /** Keras's `line_length`; default 88 (sequential-like) or 108 (with Connected to). */
  readonly lineLength?: number;
  /** Bytes per parameter for the size figures; float32 = 4. */
  readonly bytesPerParam?: number;
}

const SEQUENTIAL = { length: 88, positions: [0.45, 0.8, 1.0] } as const;
const WITH_CONNECTIONS = { length: 108, positions: [0.3, 0.56, 0.74, 1.0] } as const;

/** Keras's requested column widths: int(p·L) minus the previous boundary; null when any is < 4 (Keras raises). */
export function keras3ColumnWidths(positions: readonly number[], lineLength: number): number[] | null {
  const widths: number[] = [];
  let current = 0;
  for (const p of positions) {
    const width = Math.trunc(p * lineLength) - current;
    if (width < 4) return null;
    widths.push(width);
    current += width;
  }
  return widths;
}

export function layerParamsText(layer: LayerSummary): string {
  if (layer.unbuilt) return '0 (unbuilt)';
  return formatCount(layer.params);
}

function layerCells(layer: LayerSummary, withConnections: boolean): string[] {
  const cells = [`${layer.name} (${layer.type})`, shapeToText(layer.outputShape), layerParamsText(layer)];
  if (withConnections) cells.push(layer.connectedTo.length ? layer.connectedTo.join(', ') : '-');
  return cells;
}

function sizeOf(count: number | null, bytesPerParam: number): number | null {
  return count === null ? null : count * bytesPerParam;
}

/** ` Total params: 34,826 (136.04 KB)`; an unknown count prints `?` without a size. */
export function keras3TotalLine(label: string, count: number | null, bytesPerParam: number): string {
  if (count === null) return ` ${label}: ?`;
  return ` ${label}: ${formatCount(count)} (${formatBytes(sizeOf(count, bytesPerParam))})`;
}

export function formatKeras3(model: ModelSummaryEntry, opts: Keras3Options = {}): string {
  const layout = model.sequentialLike ? SEQUENTIAL : WITH_CONNECTIONS;
  const bytesPerParam = opts.bytesPerParam ?? 4;
  const requested = opts.lineLength ?? layout.length;
  // A line length Keras would reject (a column under 4) falls back to the default rather than failing.
  const lineLength = keras3ColumnWidths(layout.positions, requested) ? requested : layout.length;
  const widths = keras3ColumnWidths(layout.positions, lineLength) ?? [];
  const headers = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'];
  const columns: RichColumn[] = widths.map((width, i) => ({
    header: headers[i] ?? '',
    justify: i === 2 ? 'right' : 'left',
    width,
  }));
  const rows = model.layers.map((l) => layerCells(l, !model.sequentialLike));
  const lines = [`Model: "${model.name}"`, ...renderRichTable(columns, rows, lineLength)];
  lines.push(keras3TotalLine('Total params', model.totalParams, bytesPerParam));
  lines.push(keras3TotalLine('Trainable params', model.trainableParams, bytesPerParam));
  lines.push(keras3TotalLine('Non-trainable params', model.nonTrainableParams, bytesPerParam));
  return lines.join('\n') + '\n';
}
