// What of a summary crosses from the worker to the editor. No `vscode` here: the worker bundle uses it.
import type { FileSummary } from '../analysis/summary/types';

/**
 * The summary for the editor: nested models' own rows (Keras's expand_nested view, in the CLI's JSON) are left
 * out, since no view shows them and they can be most of the message (a model wrapped 32 deep repeats 32 levels).
 */
export function withoutNestedRows(s: FileSummary): FileSummary {
  if (!s.models.some((m) => m.layers.some((l) => l.nested))) return s;
  return { ...s, models: s.models.map((m) => ({ ...m, layers: m.layers.map(({ nested: _, ...l }) => l) })) };
}
