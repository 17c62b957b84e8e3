// The engine's entry points: load the parser once, then analyse Python source into a FileSummary.
import type { DataFormat } from './keras/layerDef';
import type { Diagnostic, FileSummary, ModelSummaryEntry } from './summary/types';
import { initParser } from './parse/parser';
import { parseWithRecovery } from './parse/recover';
import { nodeRange, EMPTY_RANGE } from './parse/ranges';
import { KerasSession } from './keras/session';
import { summarizeModel } from './keras/summarize';
import { Interpreter, DEFAULT_LIMITS, keepFirstNameReports, type InterpreterOptions } from './interpret/interpreter';
import { detectVersion, type VersionGuess } from './versionDetect';

export type KerasVersionOption = 'auto' | 1 | 2 | 3;

export interface AnalysisOptions {
  readonly kerasVersion: KerasVersionOption;
  readonly dataFormat: DataFormat;
  /** Step limits of the interpreter (tests lower them). */
  readonly limits?: InterpreterOptions;
  /** Told how many interpreter steps the file used (the fuzzer checks the budget held). */
  readonly onSteps?: (steps: number) => void;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { kerasVersion: 'auto', dataFormat: 'channels_last' };

/** Loads tree-sitter and the Python grammar; `wasmDir` holds the two .wasm files (dist/ in the bundle). */
export function initEngine(wasmDir?: string): Promise<void> {
  return initParser(wasmDir);
}

/** Analyses one file's text. Never throws; problems become diagnostics. */
export function analyzeSource(text: string, file: string, options: AnalysisOptions = DEFAULT_OPTIONS): FileSummary {
  const diagnostics: Diagnostic[] = [];
  let models: ModelSummaryEntry[] = [];
  let version: 1 | 2 | 3 = options.kerasVersion === 'auto' ? 3 : options.kerasVersion;
  try {
    const binary = binaryReason(text);
    if (binary) return binarySummary(file, version, binary);
    const parsed = parseWithRecovery(text);
    diagnostics.push(...parsed.diagnostics);
    const root = parsed.tree.rootNode;
    if (options.kerasVersion === 'auto') {
      const guess = detectVersion(root, parsed.text);
      version = guess.version;
      const said = versionDiagnostic(guess);
      if (said) diagnostics.push(said);
    }
    const session = new KerasSession({ version, defaultDataFormat: options.dataFormat, autoVersion: options.kerasVersion === 'auto' }, (range, severity, message) => diagnostics.push({ range, severity, message }));
    const ip = new Interpreter(session, options.limits ?? DEFAULT_LIMITS);
    try {
      ip.run(root);
    } finally {
      diagnostics.push(...keepFirstNameReports(ip.diagnostics, (d) => ip.nameReports.get(d)));
      options.onSteps?.(ip.budget.used());
      models = session.models.map(summarizeModel);
      parsed.tree.delete();
    }
  } catch (e) {
    diagnostics.push({
      range: EMPTY_RANGE, severity: 'warning',
      message: `keras-lens hit an internal error and stopped analysing this file: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  return finishSummary(file, models, diagnostics, version);
}

/** The summary as every entry point returns it: diagnostics in source order, without repeats. */
export function finishSummary(file: string, models: ModelSummaryEntry[], diagnostics: Diagnostic[], version: 1 | 2 | 3): FileSummary {
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { file, models, diagnostics: dedupe(diagnostics), kerasVersion: version };
}

/** The note saying which Keras 1/2 spelling made `auto` choose an older version. */
export function versionDiagnostic(guess: VersionGuess): Diagnostic | undefined {
  if (!guess.evidence) return undefined;
  return {
    range: nodeRange(guess.evidence.node), severity: 'info',
    message: `Read with Keras ${guess.version} rules because of the Keras 1/2 spelling \`${guess.evidence.text}\`; choose another version with --keras-version (or the keras-lens.kerasVersion setting)`,
  };
}

export function binarySummary(file: string, version: 1 | 2 | 3, reason: string): FileSummary {
  return { file, models: [], kerasVersion: version, diagnostics: [{ range: EMPTY_RANGE, severity: 'error', message: `This file does not look like Python source (${reason}); keras-lens skipped it` }] };
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.range.start.line}:${d.range.start.character}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** NUL bytes or many control characters: binary data, not source (parsing it would only cost time). */
export function binaryReason(text: string): string | undefined {
  if (text.includes('\0')) return 'it contains NUL bytes';
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  return control > 32 && control > sample.length / 20 ? 'it is mostly control characters' : undefined;
}
