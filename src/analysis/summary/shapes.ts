// Output-shape text as each Keras generation prints it.

import type { SummaryShape } from './types';

type OutputShape = SummaryShape | readonly SummaryShape[] | null;

/** A multi-output layer carries an array of shapes; a single shape is an array of dims. */
export function isMultiShape(shape: OutputShape): shape is readonly SummaryShape[] {
  return shape !== null && shape.length > 0 && shape.every((d) => Array.isArray(d));
}

function dimText(d: number | null): string {
  return d === null ? 'None' : String(d);
}

/** Keras 3: `(None, 64)`, 1-D `(None)` (joined dims, no trailing comma), multi-output `[(None, 5), (None, 5)]`, unknown `?`. */
export function shapeToText(shape: OutputShape): string {
  if (shape === null) return '?';
  if (isMultiShape(shape)) {
    // Keras prints a one-element list as the bare shape (it checks the flattened count).
    if (shape.length === 1) return shapeToText(shape[0] ?? null);
    return `[${shape.map((s) => shapeToText(s)).join(', ')}]`;
  }
  return `(${(shape as SummaryShape).map(dimText).join(', ')})`;
}

/** Python tuple repr as tf.keras 2 prints it: `(None, 64)`, 1-D `(None,)`; lists for multi-output. */
export function shapeToPythonText(shape: OutputShape, asList = false): string {
  if (shape === null) return '?';
  if (isMultiShape(shape)) return `[${shape.map((s) => shapeToPythonText(s)).join(', ')}]`;
  const dims = (shape as SummaryShape).map(dimText);
  const tuple = dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
  return asList ? `[${tuple}]` : tuple;
}
