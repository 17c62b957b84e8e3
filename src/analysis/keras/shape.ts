// Tensor shapes as Keras sees them: the batch dimension first, `null` for Keras's `None`.
export type Dim = number | null;
export type Shape = readonly Dim[];

/** Product of the dims, or null if any is None. */
export function knownProduct(dims: readonly Dim[]): number | null {
  let p = 1;
  for (const d of dims) {
    if (d === null) return null;
    p *= d;
  }
  return p;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
