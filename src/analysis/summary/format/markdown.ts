// The summary as a GitHub-flavoured Markdown table, with the same figures as the Keras 3 text.

import { formatBytes, formatCount } from '../numbers';
import { shapeToText } from '../shapes';
import type { ModelSummaryEntry } from '../types';
import { layerParamsText } from './keras3';

export interface MarkdownOptions {
  /** Bytes per parameter for the size figures; float32 = 4. */
  readonly bytesPerParam?: number;
}

/** A table cell: `|` would end the cell and a newline the row. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function total(label: string, count: number | null, bytesPerParam: number): string {
  if (count === null) return `- ${label}: ?`;
  return `- ${label}: ${formatCount(count)} (${formatBytes(count * bytesPerParam)})`;
}

export function formatMarkdown(model: ModelSummaryEntry, opts: MarkdownOptions = {}): string {
  const withConnections = !model.sequentialLike;
  const bytesPerParam = opts.bytesPerParam ?? 4;
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  const align = ['---', '---', '---:'];
  if (withConnections) {
    header.push('Connected to');
    align.push('---');
  }
  const lines = [`**Model: "${escapeCell(model.name)}"**`, '', row(header), `| ${align.join(' | ')} |`];
  for (const layer of model.layers) {
    const cells = [`${layer.name} (${layer.type})`, shapeToText(layer.outputShape), layerParamsText(layer)];
    if (withConnections) cells.push(layer.connectedTo.length ? layer.connectedTo.join(', ') : '-');
    lines.push(row(cells));
  }
  lines.push('');
  lines.push(total('Total params', model.totalParams, bytesPerParam));
  lines.push(total('Trainable params', model.trainableParams, bytesPerParam));
  lines.push(total('Non-trainable params', model.nonTrainableParams, bytesPerParam));
  return lines.join('\n') + '\n';
}
