// Loads test/fixtures/summaries: NAME.txt is what real Keras printed, NAME.json the rows typed from it.

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LayerSummary, ModelKind, ModelSummaryEntry, Range, SummaryShape } from '../../../src/analysis/summary/types';

export const FIXTURE_DIR = resolve(__dirname, '../../../../test/fixtures/summaries');

interface FixtureLayer {
  name: string;
  type: string;
  shape: SummaryShape | SummaryShape[] | null;
  params: number | null;
  nonTrainable?: number;
  unbuilt?: boolean;
  connectedTo?: string[];
}

interface FixtureModel {
  name: string;
  kind: ModelKind;
  sequentialLike: boolean;
  built: boolean;
  totalParams: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
  layers: FixtureLayer[];
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A LayerSummary with neutral defaults for everything the formatters do not print. */
export function layer(partial: Partial<LayerSummary> & Pick<LayerSummary, 'name' | 'type'>): LayerSummary {
  const params = partial.params === undefined ? 0 : partial.params;
  return {
    range: ZERO_RANGE,
    outputShape: null,
    params,
    trainableParams: params,
    nonTrainableParams: params === null ? null : 0,
    unbuilt: false,
    weights: [],
    paramsExplanation: '',
    shapeExplanation: '',
    connectedTo: [],
    inbound: [],
    inputShapes: [],
    ...partial,
  };
}

export function model(partial: Partial<ModelSummaryEntry> & Pick<ModelSummaryEntry, 'name'>): ModelSummaryEntry {
  return {
    variable: 'model',
    kind: 'sequential',
    range: ZERO_RANGE,
    layers: [],
    totalParams: 0,
    trainableParams: 0,
    nonTrainableParams: 0,
    sequentialLike: true,
    built: true,
    ...partial,
  };
}

export function loadModel(name: string): ModelSummaryEntry {
  const raw = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as FixtureModel;
  return model({
    ...raw,
    layers: raw.layers.map((l) => {
      const nonTrainable = l.nonTrainable ?? 0;
      return layer({
        name: l.name,
        type: l.type,
        outputShape: l.shape,
        params: l.params,
        trainableParams: l.params === null ? null : l.params - nonTrainable,
        nonTrainableParams: l.params === null ? null : nonTrainable,
        unbuilt: l.unbuilt ?? false,
        connectedTo: l.connectedTo ?? [],
        inbound: (l.connectedTo ?? []).map((c) => c.replace(/\[\d+\]\[\d+\]$/, '')),
      });
    }),
  });
}

export function loadKerasText(name: string): string {
  return readFileSync(join(FIXTURE_DIR, `${name}.txt`), 'utf8');
}

/** Every NAME.txt fixture that has a NAME.json (narrow variants reuse another model's JSON). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}
