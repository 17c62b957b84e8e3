// The engine's entry points: load the parser once, then analyse Python source into a FileSummary.
import type { DataFormat } from './keras/layerDef';
import type { FileSummary } from './summary/types';

export type KerasVersionOption = 'auto' | 1 | 2 | 3;

export interface AnalysisOptions {
  readonly kerasVersion: KerasVersionOption;
  readonly dataFormat: DataFormat;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { kerasVersion: 'auto', dataFormat: 'channels_last' };

/** Loads tree-sitter and the Python grammar; `wasmDir` holds the two .wasm files (dist/ in the bundle). */
export async function initEngine(wasmDir?: string): Promise<void> {
  void wasmDir;
  throw new Error('not implemented yet');
}

/** Analyses one file's text. Never throws; problems become diagnostics. */
export function analyzeSource(text: string, file: string, options: AnalysisOptions = DEFAULT_OPTIONS): FileSummary {
  void text; void options;
  return { file, models: [], diagnostics: [], kerasVersion: 3 };
}
