// What the summary panel shows, worked out on the extension side (pure, no `vscode`): the webview only draws it.
import type { FileSummary, ModelSummaryEntry, Range } from '../analysis/summary/types';
import { formatBytes, formatCount } from '../analysis/summary/format';
import { outputShapeText } from './lineFigures';

export interface PanelRow {
  readonly name: string;
  readonly type: string;
  readonly shape: string;
  readonly params: string;
  /** For the proportional bar; null when unknown. */
  readonly paramsValue: number | null;
  readonly connectedTo: string;
  readonly range: Range;
  readonly tooltip: string;
}

export interface PanelPayload {
  readonly type: 'render';
  readonly file: string;
  readonly models: readonly { readonly label: string }[];
  readonly selected: number;
  readonly title: string;
  readonly columns: 3 | 4;
  readonly rows: readonly PanelRow[];
  readonly totals: readonly string[];
  readonly note: string;
}

function totalLine(label: string, n: number | null, bytes: number): string {
  return n === null ? `${label}: ?` : `${label}: ${formatCount(n)} (${formatBytes(n * bytes)})`;
}

export function modelLabel(m: ModelSummaryEntry): string {
  const total = m.totalParams === null ? '?' : formatCount(m.totalParams);
  return `${m.variable || m.name} — ${m.name} · ${total} params (line ${m.range.start.line + 1})`;
}

export function panelPayload(file: FileSummary, fileLabel: string, selected: number, bytesPerParam: number): PanelPayload {
  const m = file.models[selected];
  if (!m) {
    return { type: 'render', file: fileLabel, models: [], selected: 0, title: '', columns: 3, rows: [], totals: [], note: 'No Keras model found in this file.' };
  }
  const rows: PanelRow[] = m.layers.map((l) => ({
    name: l.name,
    type: l.type,
    shape: outputShapeText(l.outputShape),
    params: l.unbuilt ? '0 (unbuilt)' : l.params === null ? '?' : formatCount(l.params),
    paramsValue: l.unbuilt ? null : l.params,
    connectedTo: l.connectedTo.length ? l.connectedTo.join(', ') : '-',
    range: l.range,
    tooltip: l.params === null || l.unbuilt ? (l.unknownReason ?? '') : (l.paramsExplanation || 'no parameters'),
  }));
  return {
    type: 'render',
    file: fileLabel,
    models: file.models.map((x) => ({ label: modelLabel(x) })),
    selected,
    title: `Model: "${m.name}"`,
    columns: m.sequentialLike ? 3 : 4,
    rows,
    totals: [
      totalLine('Total params', m.totalParams, bytesPerParam),
      totalLine('Trainable params', m.trainableParams, bytesPerParam),
      totalLine('Non-trainable params', m.nonTrainableParams, bytesPerParam),
    ],
    note: m.unknownReason ? `Some figures are unknown: ${m.unknownReason}` : m.built ? '' : 'This model is not built yet: give it an input shape to see shapes and counts.',
  };
}
