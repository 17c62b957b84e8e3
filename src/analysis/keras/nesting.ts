// How deeply models nest inside one another: counted level by level (no recursion), and only up to a limit.
import type { LayerObject } from './graph';
import type { ModelObject } from './models';
import { mapGraph } from './functionalOrder';

/**
 * Models nested deeper than this are not followed: reapplying one gives up at the same depth (reapply.ts),
 * and Keras itself runs into Python's recursion limit long before a loop that wraps a model 10,000 times ends.
 */
export const MAX_MODEL_NESTING = 32;

function modelContents(m: ModelObject): readonly LayerObject[] {
  if (m.kind === 'sequential') return m.layers;
  if (m.kind === 'subclassed') return m.asLayer.custom?.sublayers ?? [];
  return mapGraph(m.inputs, m.outputs).layers;
}

/** A layer that holds layers: a nested model or a custom layer with sublayers. */
const holdsLayers = (l: LayerObject): boolean => !!l.model || !!l.custom;

/** Steps per row a nested model adds to the summary of the model holding it (as many as making a layer: kerasApi.ts). */
export const NESTED_ROW_STEPS = 40;

/** The rows `m`'s summary holds, nested ones included (level by level; call after nestsTooDeeply). */
export function nestedRows(m: ModelObject): number {
  let rows = 0;
  let level: readonly LayerObject[] = modelContents(m);
  for (let depth = 0; level.length > 0 && depth <= MAX_MODEL_NESTING; depth++) {
    rows += level.length;
    level = level.flatMap((l) => (l.model ? modelContents(l.model) : []));
  }
  return rows;
}

/** True when `m` holds models (or custom layers) nested more than MAX_MODEL_NESTING levels deep. */
export function nestsTooDeeply(m: ModelObject): boolean {
  const seen = new Set<LayerObject>();
  let level = modelContents(m).filter(holdsLayers);
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_MODEL_NESTING) return true;
    const next: LayerObject[] = [];
    for (const l of level) {
      for (const c of l.model ? modelContents(l.model) : l.custom?.sublayers ?? []) {
        if (holdsLayers(c) && !seen.has(c)) {
          seen.add(c);
          next.push(c);
        }
      }
    }
    level = next;
  }
  return false;
}
