// Small helpers shared by the layer rules.
import { KerasError } from '../errors';
import type { Shape } from '../shape';
import type { LayerCall, LayerDef, WeightDecl } from '../layerDef';

/** 7850 → "7,850", as Keras prints counts. */
export function commas(n: number): string {
  // toLocaleString is slow enough to show up when a file creates thousands of layers.
  const s = String(Math.abs(n));
  const out = s.length <= 3 || s.includes('e') || s.includes('.') ? s : s.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${out}` : out;
}

/** A dim for explanations: None stays None. */
export function dimText(d: number | null): string {
  return d === null ? 'None' : commas(d);
}

/** A shape as Keras's messages print it (a Python tuple): `(None, 10)`, a 1-D shape as `(None,)`. */
export function shapeText(s: Shape): string {
  const dims = s.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
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

/** Keras's ValueError for an argument outside its allowed range, at construction. */
export function badArg(name: string, expected: string, got: string): KerasError {
  return new KerasError(`Invalid value received for argument \`${name}\`. Expected ${expected}. Received: ${name}=${got}`, name);
}

/** A Python-style axis (negative counts from the end) turned into 0..rank-1, or a Keras error. */
export function normalizeAxis(className: string, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) {
    throw new KerasError(`${className}: axis ${axis} is out of bounds for an input of rank ${rank}`, 'axis');
  }
  return a;
}

/** Product written the way a person would: `3 × 3 × 64`. */
export function times(parts: readonly (number | string)[]): string {
  return parts.map((p) => (typeof p === 'number' ? commas(p) : p)).join(' × ');
}

/** Output of a layer that keeps its input shape and has no weights. */
/** A weightless layer that Keras 3 builds at construction and whose output has its input's shape. */
export function sameShapeLayer(className: string, signature: readonly string[]): LayerDef {
  return { className, signature, builtAtConstruction: true, build: (call) => sameShape(call.input()) };
}

export function sameShape(x: Shape): { outputs: Shape[]; weights: [] } {
  return { outputs: [x], weights: [] };
}

/** "Keras 3 no longer has this layer": legacy-only classes read as Keras 3 code. */
export function removedInKeras3(className: string): KerasError {
  return new KerasError(`module 'keras.layers' has no attribute '${className}' (removed in Keras 3)`);
}

/** Indices of the spatial axes of a rank-N input (batch first): channels_last 1..N, channels_first 2..N+1. */
export function spatialAxes(format: 'channels_last' | 'channels_first', rank: number): number[] {
  const first = format === 'channels_first' ? 2 : 1;
  return Array.from({ length: rank }, (_, i) => first + i);
}

/** The channel axis for a data format. */
export function channelAxis(format: 'channels_last' | 'channels_first', ndim: number): number {
  return format === 'channels_first' ? 1 : ndim - 1;
}

/**
 * Keras 3 LoRA (`lora_rank=r`, enable_lora in dense.py / embedding.py / base_conv.py / einsum_dense.py): the kernel
 * is frozen and lora_kernel_a `kernel[:-1] + (r,)` and lora_kernel_b `(r, kernel[-1])` are trained.
 */
export function withLora(call: LayerCall, weights: readonly WeightDecl[], kernelName: string): { weights: WeightDecl[]; notes?: string[] } {
  const rank = call.version === 3 ? call.args.optInt('lora_rank') : null;
  const kernel = weights.find((w) => w.name === kernelName);
  if (!rank || !kernel) return { weights: [...weights] };
  const k = kernel.shape;
  return {
    weights: [
      ...weights.map((w) => (w === kernel ? { ...w, trainable: false } : w)),
      { name: 'lora_kernel_a', shape: [...k.slice(0, -1), rank], trainable: true },
      { name: 'lora_kernel_b', shape: [rank, k[k.length - 1]], trainable: true },
    ],
    notes: [`lora_rank=${rank}: ${kernelName} is non-trainable; lora_kernel_a and lora_kernel_b are trained`],
  };
}
