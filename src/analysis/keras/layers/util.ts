// Small helpers shared by the layer rules.
import { KerasError } from '../errors';
import type { Shape } from '../shape';

/** 7850 → "7,850", as Keras prints counts. */
export function commas(n: number): string {
  return n.toLocaleString('en-US');
}

/** A dim for explanations: None stays None. */
export function dimText(d: number | null): string {
  return d === null ? 'None' : commas(d);
}

/** Keras 3 shape text: `(None, 10)`, a 1-D shape as `(None)`. */
export function shapeText(s: Shape): string {
  return `(${s.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

export function requireRank(className: string, s: Shape, rank: number): void {
  if (s.length !== rank) {
    throw new KerasError(`Input 0 of layer "${className}" is incompatible with the layer: expected ndim=${rank}, found ndim=${s.length}. Full shape received: ${shapeText(s)}`);
  }
}

export function requireMinRank(className: string, s: Shape, rank: number): void {
  if (s.length < rank) {
    throw new KerasError(`Input 0 of layer "${className}" is incompatible with the layer: expected min_ndim=${rank}, found ndim=${s.length}. Full shape received: ${shapeText(s)}`);
  }
}

/** A dim a weight shape needs: Keras fails when it is None. */
export function requireKnown(className: string, d: number | null, what: string): number {
  if (d === null) {
    throw new KerasError(`${className}: the ${what} of the input must be defined to build the layer; found None (shapes used to initialize variables must be fully-defined)`);
  }
  return d;
}
