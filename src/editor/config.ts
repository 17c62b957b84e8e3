// The extension's settings (contributes.configuration), read in one place.
import * as vscode from 'vscode';
import type { AnalysisOptions, KerasVersionOption } from '../analysis/engine';
import type { InlineContent } from './lineFigures';

export const SECTION = 'keras-lens';

export interface LensConfig {
  readonly inlineEnabled: boolean;
  readonly inlineScope: 'all' | 'cursorModel';
  readonly inlineContent: InlineContent;
  readonly mediumThreshold: number;
  readonly largeThreshold: number;
  readonly analysis: AnalysisOptions;
  readonly bytesPerParam: number;
  readonly debounceMs: number;
}

const BYTES: Record<string, number> = { float32: 4, float16: 2, bfloat16: 2, int8: 1, float64: 8 };

export function readConfig(): LensConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  const version = c.get<string>('kerasVersion', 'auto');
  const kerasVersion: KerasVersionOption = version === '1' || version === '2' || version === '3' ? (Number(version) as 1 | 2 | 3) : 'auto';
  return {
    inlineEnabled: c.get<boolean>('inline.enabled', true),
    inlineScope: c.get<string>('inline.scope', 'all') === 'cursorModel' ? 'cursorModel' : 'all',
    inlineContent: (['both', 'params', 'shape'] as const).find((x) => x === c.get<string>('inline.content', 'both')) ?? 'both',
    mediumThreshold: c.get<number>('inline.mediumThreshold', 100_000),
    largeThreshold: c.get<number>('inline.largeThreshold', 1_000_000),
    analysis: {
      kerasVersion,
      dataFormat: c.get<string>('imageDataFormat', 'channels_last') === 'channels_first' ? 'channels_first' : 'channels_last',
    },
    bytesPerParam: BYTES[c.get<string>('parameterDtype', 'float32')] ?? 4,
    debounceMs: Math.max(0, c.get<number>('debounceMs', 150)),
  };
}
