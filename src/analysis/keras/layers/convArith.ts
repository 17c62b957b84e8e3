// Output-length arithmetic for convolution, transposed convolution and pooling (keras-layers.md §1.1–1.3).
import { KerasError } from '../errors';
import type { Dim } from '../shape';
import type { KerasVersion } from '../layerDef';
import { commas } from './util';

export type Padding = 'valid' | 'same' | 'causal' | 'full';

/** One spatial dim's output length and how it was worked out. */
export interface Length {
  readonly out: Dim;
  readonly text: string;
}

const n = commas;

/** `(28 − 3) / 1`, or `⌊(28 − 3) / 2⌋` when the division is not exact. */
function divided(num: string, value: number, s: number): string {
  return value % s === 0 ? `${num} / ${s}` : `⌊${num} / ${s}⌋`;
}

/** The dilated kernel `d·(k−1)+1`, written out only when dilation is used. */
function dilated(k: number, d: number): { dk: number; text: string } {
  const dk = d * (k - 1) + 1;
  return { dk, text: d === 1 ? n(k) : `(${d} × (${k} − 1) + 1)` };
}

/** Conv output length: keras/src/ops/operation_utils.py compute_conv_output_shape (K1/K2 conv_output_length agree). */
export function convLength(className: string, len: Dim, k: number, s: number, d: number, padding: Padding, version: KerasVersion): Length {
  if (len === null) return { out: null, text: 'None' };
  const { dk, text: kt } = dilated(k, d);
  if (padding === 'valid') {
    const out = Math.floor((len - dk) / s) + 1;
    if (out <= 0) {
      throw new KerasError(`Computed output size would be zero or negative. ${className}: input length ${n(len)}, kernel ${n(k)}${d > 1 ? ` (dilation ${d})` : ''}, strides ${s}, padding 'valid' (keras ${version})`);
    }
    return { out, text: `${divided(`(${n(len)} − ${kt})`, len - dk, s)} + 1 = ${n(out)}` };
  }
  if (padding === 'full') {
    // Keras 1 conv_utils.conv_output_length 'full': in + dk − 1, then ceil division by the stride
    const out = Math.floor((len + dk - 1 + s - 1) / s);
    return { out, text: s === 1 ? `${n(len)} + ${kt} − 1 = ${n(out)}` : `⌈(${n(len)} + ${kt} − 1) / ${s}⌉ = ${n(out)}` };
  }
  // same / causal: ceil(in / s)
  const out = Math.floor((len - 1) / s) + 1;
  return { out, text: s === 1 ? `${n(len)} (${padding})` : `⌈${n(len)} / ${s}⌉ = ${n(out)}` };
}

/** Transposed conv: keras/src/backend/common/backend_utils.py _get_output_shape_given_tf_padding (K2 deconv_length for 'full'). */
export function transposeLength(len: Dim, k: number, s: number, d: number, padding: Padding, op: number | null): Length {
  if (len === null) return { out: null, text: 'None' };
  const { dk, text: kt } = dilated(k, d);
  if (padding === 'valid') {
    if (op === null) {
      const out = (len - 1) * s + Math.max(dk, s);
      return { out, text: `(${n(len)} − 1) × ${s} + max(${kt}, ${s}) = ${n(out)}` };
    }
    const out = (len - 1) * s + dk + op;
    return { out, text: `(${n(len)} − 1) × ${s} + ${kt} + ${op} = ${n(out)}` };
  }
  if (padding === 'same') {
    if (op === null) return { out: len * s, text: `${n(len)} × ${s} = ${n(len * s)}` };
    const out = (len - 1) * s + (dk % 2) + op;
    return { out, text: `(${n(len)} − 1) × ${s} + ${dk} mod 2 + ${op} = ${n(out)}` };
  }
  // 'full' (Keras 2): in·s − (s + dk − 2), or with output_padding (in−1)·s − dk + 2 + op
  const out = op === null ? len * s - (s + dk - 2) : (len - 1) * s - dk + 2 + op;
  return { out, text: op === null ? `${n(len)} × ${s} − (${s} + ${kt} − 2) = ${n(out)}` : `(${n(len)} − 1) × ${s} − ${kt} + 2 + ${op} = ${n(out)}` };
}

/** Pooling: operation_utils.py compute_pooling_output_shape (K1/K2 conv_output_length give the same values). */
export function poolLength(className: string, len: Dim, p: number, s: number, padding: 'valid' | 'same'): Length {
  if (len === null) return { out: null, text: 'None' };
  if (padding === 'valid') {
    const out = Math.floor((len - p) / s) + 1;
    if (out <= 0) {
      throw new KerasError(`Computed output size would be zero or negative. ${className}: input length ${n(len)}, pool_size ${p}, strides ${s}, padding 'valid'`);
    }
    return { out, text: `${divided(`(${n(len)} − ${p})`, len - p, s)} + 1 = ${n(out)}` };
  }
  const out = Math.floor((len - 1) / s) + 1;
  return { out, text: s === 1 ? `${n(len)} (same)` : `⌈${n(len)} / ${s}⌉ = ${n(out)}` };
}
