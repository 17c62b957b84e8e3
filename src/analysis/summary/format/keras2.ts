// tf.keras 2.13–2.15 model.summary() text (keras/utils/layer_utils.py print_summary, print_row).

import { formatBytes, formatPlainCount } from '../numbers';
import { shapeToPythonText } from '../shapes';
import type { LayerSummary, ModelSummaryEntry } from '../types';

export interface Keras2Options {
  /** Bytes per parameter for the size figures; float32 = 4. */
  readonly bytesPerParam?: number;
}

// Fixed layouts: L = 65 with positions [.45, .85, 1]; L = 98 with [.3, .6, .7, 1] (2.13+).
const SEQUENTIAL = { length: 65, positions: [0.45, 0.85, 1.0] } as const;
const WITH_CONNECTIONS = { length: 98, positions: [0.3, 0.6, 0.7, 1.0] } as const;

// tf.keras prefers to break a long cell just after the end of a tuple, dict, list or string.
const BREAK_AFTER = ['),', '},', '],', "',"] as const;

/** One logical row, printed over as many lines as the longest wrapped field needs. */
export function keras2Row(fields: readonly string[], ends: readonly number[]): string[] {
  const left = [...fields];
  const lines: string[] = [];
  while (left.some((f) => f.length > 0)) {
    let line = '';
    left.forEach((field, col) => {
      const start = col > 0 ? (ends[col - 1] ?? 0) : 0;
      const end = ends[col] ?? 0;
      const last = col === ends.length - 1;
      const space = last ? 0 : 2;
      // Non-last columns give up one more character so the leading space keeps columns aligned.
      let cutoff = end - start - space - (last ? 0 : 1);
      let fit = field.slice(0, Math.max(0, cutoff));
      const candidates = BREAK_AFTER.filter((b) => fit.includes(b)).map((b) => fit.indexOf(b) + b.length);
      if (candidates.length) {
        cutoff = Math.min(...candidates);
        fit = fit.slice(0, cutoff);
      }
      if (col === 0) line += ' ';
      line += fit + ' '.repeat(space);
      left[col] = field.slice(Math.max(0, cutoff));
      line += ' '.repeat(Math.max(0, end - line.length));
    });
    lines.push(line);
  }
  return lines;
}

function pythonList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}

function layerFields(layer: LayerSummary, withConnections: boolean): string[] {
  // tf.keras prints an InputLayer's output_shape as a one-element list.
  const shape = shapeToPythonText(layer.outputShape, layer.type === 'InputLayer');
  const params = layer.unbuilt ? '0 (unused)' : formatPlainCount(layer.params);
  const fields = [`${layer.name} (${layer.type})`, shape, params];
  if (withConnections) fields.push(pythonList(layer.connectedTo));
  return fields;
}

function totalLine(label: string, count: number | null, bytesPerParam: number): string {
  if (count === null) return `${label}: ?`;
  return `${label}: ${formatPlainCount(count)} (${formatBytes(count * bytesPerParam, 'keras2')})`;
}

export function formatKeras2(model: ModelSummaryEntry, opts: Keras2Options = {}): string {
  const layout = model.sequentialLike ? SEQUENTIAL : WITH_CONNECTIONS;
  const length = layout.length;
  const ends = layout.positions.map((p) => Math.trunc(p * length));
  const headers = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'].slice(0, ends.length);
  const bytesPerParam = opts.bytesPerParam ?? 4;
  const lines = [`Model: "${model.name}"`, '_'.repeat(length), ...keras2Row(headers, ends), '='.repeat(length)];
  for (const layer of model.layers) {
    lines.push(...keras2Row(layerFields(layer, !model.sequentialLike), ends));
    lines.push(' '.repeat(length));
  }
  lines.push('='.repeat(length));
  lines.push(totalLine('Total params', model.totalParams, bytesPerParam));
  lines.push(totalLine('Trainable params', model.trainableParams, bytesPerParam));
  lines.push(totalLine('Non-trainable params', model.nonTrainableParams, bytesPerParam));
  lines.push('_'.repeat(length));
  return lines.join('\n') + '\n';
}
