// What of a summary crosses from the worker to the editor. No `vscode` here: the worker bundle uses it.
// Each crossing is structured-cloned on the editor's main thread, so only what changed crosses.
import type { ModelSummaryEntry } from '../analysis/summary/types';

/**
 * A model for the editor: nested models' own rows (Keras's expand_nested view, in the CLI's JSON) are left out,
 * since no view shows them and they can be most of the message (a model wrapped 32 deep repeats 32 levels).
 */
function withoutNested(m: ModelSummaryEntry): ModelSummaryEntry {
  return m.layers.some((l) => l.nested) ? { ...m, layers: m.layers.map(({ nested: _, ...l }) => l) } : m;
}

/** A model sent whole, or the index of the same model in the list last sent for the document. */
export type SentModel = ModelSummaryEntry | number;

/**
 * Worker side: the incremental analysis keeps the model objects of units it did not re-run, so a model that is
 * the same object as last time is sent as its old index (an edit in one of 110 models sends one).
 */
export class ModelSender {
  private readonly last = new Map<string, Map<ModelSummaryEntry, number>>();

  send(doc: string, models: readonly ModelSummaryEntry[]): SentModel[] {
    const before = this.last.get(doc);
    const now = new Map<ModelSummaryEntry, number>();
    const out = models.map((m, i): SentModel => {
      now.set(m, i);
      return before?.get(m) ?? withoutNested(m);
    });
    this.last.set(doc, now);
    return out;
  }

  forget(doc: string): void {
    this.last.delete(doc);
  }
}

/** Editor side: the model list rebuilt from what was sent and the list before it. */
export class ModelReceiver {
  private readonly last = new Map<string, readonly ModelSummaryEntry[]>();
  /** Models that crossed whole so far (for tests and the e2e measurement). */
  received = 0;

  /** The models, or undefined if a reference is to a list this side no longer has (a closed document's late answer). */
  receive(doc: string, sent: readonly SentModel[]): ModelSummaryEntry[] | undefined {
    const before = this.last.get(doc) ?? [];
    const models: ModelSummaryEntry[] = [];
    let whole = 0;
    for (const s of sent) {
      if (typeof s !== 'number') {
        models.push(s);
        whole++;
      } else if (s < before.length) models.push(before[s]);
      else return undefined;
    }
    this.received += whole;
    this.last.set(doc, models);
    return models;
  }

  forget(doc: string): void {
    this.last.delete(doc);
  }
}
