// Counts and explanations derived from a layer's declared weights, the same way for every layer.
import type { Formula, WeightDecl } from './layerDef';
import { commas } from './layers/util';

export interface WeightCounts {
  readonly total: number | null;
  readonly trainable: number | null;
  readonly nonTrainable: number | null;
}

/** Sums weight sizes; an overflow past 2^53 makes the counts unknown rather than wrong. */
export function countWeights(weights: readonly WeightDecl[], layerTrainable: boolean): WeightCounts {
  let t = 0;
  let nt = 0;
  for (const w of weights) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    if (w.trainable && layerTrainable) t += n;
    else nt += n;
  }
  if (!Number.isSafeInteger(t) || !Number.isSafeInteger(nt) || !Number.isSafeInteger(t + nt)) {
    return { total: null, trainable: null, nonTrainable: null };
  }
  return { total: t + nt, trainable: t, nonTrainable: nt };
}

function weightSize(w: WeightDecl): string {
  const n = w.shape.reduce((a, b) => a * b, 1);
  return w.shape.length <= 1 ? `${w.name} ${commas(n)}` : `${w.name} ${w.shape.map(commas).join(' × ')} = ${commas(n)}`;
}

/** `units × (inputs + 1) = 10 × (784 + 1) = 7,850`, or weight by weight when the rule gives no formula. */
export function paramsExplanation(weights: readonly WeightDecl[], formula: Formula | undefined, total: number): string {
  if (weights.length === 0) return '';
  if (formula) return `${formula.symbolic} = ${formula.numeric} = ${commas(total)}`;
  return `${weights.map(weightSize).join(' + ')}${weights.length > 1 ? ` = ${commas(total)}` : ''}`;
}

/** Weight-by-weight breakdown with the trainable split, for the hover. */
export function weightBreakdown(weights: readonly WeightDecl[], layerTrainable: boolean): string {
  return weights
    .map((w) => `${weightSize(w)}${w.trainable && layerTrainable ? '' : ' (non-trainable)'}`)
    .join(' + ');
}
