// The `--format json` contract other tools read. Field names and order are fixed: only append.

import type {
  Diagnostic,
  FileSummary,
  LayerSummary,
  ModelKind,
  ModelSummaryEntry,
  Range,
  Severity,
  SummaryShape,
} from './types';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type JsonShape = (number | null)[];

export interface JsonWeight {
  name: string;
  shape: number[];
  trainable: boolean;
}

export interface JsonLayer {
  name: string;
  type: string;
  range: JsonRange;
  outputShape: JsonShape | JsonShape[] | null;
  params: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
  paramsExplanation: string;
  shapeExplanation: string;
  inbound: string[];
  // Extras after the contract fields.
  connectedTo: string[];
  unbuilt: boolean;
  weights: JsonWeight[];
  weightsExplanation?: string;
  unknownReason?: string;
  callSites?: { range: JsonRange; id: number }[];
  /** A nested model's own rows (expand_nested). */
  nested?: JsonLayer[];
}

export interface JsonModel {
  name: string;
  variable: string;
  kind: ModelKind;
  range: JsonRange;
  layers: JsonLayer[];
  totalParams: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
  // Extras after the contract fields.
  sequentialLike: boolean;
  built: boolean;
  unknownReason?: string;
}

export interface JsonDiagnostic {
  range: JsonRange;
  severity: Severity;
  message: string;
}

export interface JsonFile {
  file: string;
  models: JsonModel[];
  diagnostics: JsonDiagnostic[];
  // Extra after the contract fields.
  kerasVersion: 1 | 2 | 3;
}

export interface SummaryJson {
  files: JsonFile[];
}

/** Positions stay 0-based, as LSP/VS Code count them (the `character` field's meaning). */
function range(r: Range): JsonRange {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

/** A figure that is not a finite safe integer is unknown, never a wrong number. */
function figure(n: number | null): number | null {
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

function dims(shape: SummaryShape): JsonShape {
  return shape.map((d) => (d === null || !Number.isFinite(d) ? null : d));
}

function outputShape(shape: LayerSummary['outputShape']): JsonLayer['outputShape'] {
  if (shape === null) return null;
  if (shape.length > 0 && shape.every((d) => Array.isArray(d))) {
    return (shape as readonly SummaryShape[]).map(dims);
  }
  return dims(shape as SummaryShape);
}

function layer(l: LayerSummary): JsonLayer {
  const out: JsonLayer = {
    name: l.name,
    type: l.type,
    range: range(l.range),
    outputShape: outputShape(l.outputShape),
    params: figure(l.params),
    trainableParams: figure(l.trainableParams),
    nonTrainableParams: figure(l.nonTrainableParams),
    paramsExplanation: l.paramsExplanation,
    shapeExplanation: l.shapeExplanation,
    inbound: [...l.inbound],
    connectedTo: [...l.connectedTo],
    unbuilt: l.unbuilt,
    weights: l.weights.map((w) => ({ name: w.name, shape: [...w.shape], trainable: w.trainable })),
  };
  if (l.weightsExplanation !== undefined) out.weightsExplanation = l.weightsExplanation;
  if (l.unknownReason !== undefined) out.unknownReason = l.unknownReason;
  if (l.callSites) out.callSites = l.callSites.map((c) => ({ range: range(c.range), id: c.id }));
  if (l.nested) out.nested = l.nested.map(layer);
  return out;
}

function model(m: ModelSummaryEntry): JsonModel {
  const out: JsonModel = {
    name: m.name,
    variable: m.variable,
    kind: m.kind,
    range: range(m.range),
    layers: m.layers.map(layer),
    totalParams: figure(m.totalParams),
    trainableParams: figure(m.trainableParams),
    nonTrainableParams: figure(m.nonTrainableParams),
    sequentialLike: m.sequentialLike,
    built: m.built,
  };
  if (m.unknownReason !== undefined) out.unknownReason = m.unknownReason;
  return out;
}

function diagnostic(d: Diagnostic): JsonDiagnostic {
  return { range: range(d.range), severity: d.severity, message: d.message };
}

export function toJson(files: readonly FileSummary[]): SummaryJson {
  return {
    files: files.map((f) => ({
      file: f.file,
      models: f.models.map(model),
      diagnostics: f.diagnostics.map(diagnostic),
      kerasVersion: f.kerasVersion,
    })),
  };
}
