// The file's summary from its chunks' outcomes, in file order: as analyzeSource makes it from one interpreter run.
import type { Diagnostic, FileSummary, ModelSummaryEntry } from '../summary/types';
import { finishSummary } from '../engine';
import { keepFirstNameReports } from '../interpret/interpreter';
import type { ItemOutcome } from './runner';

/** `diagnostics` (the version note, if any) are added to. */
export function assembleSummary(file: string, outcomes: readonly ItemOutcome[], diagnostics: Diagnostic[], version: 1 | 2 | 3): FileSummary {
  const models: ModelSummaryEntry[] = [];
  const fromInterpreter: Diagnostic[] = [];
  const names = new Map<Diagnostic, string>();
  for (const o of outcomes) {
    for (const m of o.models) models.push(m);
    for (const d of o.sessionDiagnostics) diagnostics.push(d);
    o.diagnostics.forEach((d, k) => {
      fromInterpreter.push(d);
      const name = o.undefinedNames[k];
      if (name !== undefined) names.set(d, name);
    });
  }
  // Each undefined name is reported once per file, as analyzeSource does.
  for (const d of keepFirstNameReports(fromInterpreter, (d) => names.get(d))) diagnostics.push(d);
  return finishSummary(file, models, diagnostics, version);
}
