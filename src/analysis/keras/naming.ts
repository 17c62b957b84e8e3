// Keras's automatic names: snake_case of the class, numbered per name in creation order.
import type { KerasVersion } from './layerDef';

/** keras/src/utils/naming.py to_snake_case; Keras 2's first pattern also takes digits ([a-z0-9]+): ConvLSTM2D → conv_lst_m2d. */
export function snakeCase(className: string, version: KerasVersion): string {
  const key = `${version}:${className}`;
  let s = snakeCases.get(key);
  if (s === undefined) {
    s = toSnakeCase(className, version);
    if (snakeCases.size > 10_000) snakeCases.clear();
    snakeCases.set(key, s);
  }
  return s;
}

/** Worked out once per class name (a loop making thousands of layers asks again for each). */
const snakeCases = new Map<string, string>();

function toSnakeCase(className: string, version: KerasVersion): string {
  if (version === 1) return className.toLowerCase();
  const run = version === 2 ? '[a-z0-9]+' : '[a-z]+';
  let s = className.replace(/\W+/g, '');
  s = s.replace(new RegExp(`(.)([A-Z]${run})`, 'g'), '$1_$2');
  s = s.replace(/([a-z])([A-Z])/g, '$1_$2');
  return s.toLowerCase();
}

export class NameCounter {
  private readonly used = new Map<string, number>();

  constructor(private readonly version: KerasVersion) {}

  /** The next automatic name for a base (`dense`, `dense_1`… in Keras 3; `dense_1`, `dense_2`… in Keras 1/2). */
  next(base: string): string {
    const n = this.used.get(base) ?? 0;
    this.used.set(base, n + 1);
    if (this.version === 3) return n === 0 ? base : `${base}_${n}`;
    return `${base}_${n + 1}`;
  }

  forClass(className: string): string {
    return this.next(snakeCase(className, this.version));
  }

  reset(): void {
    this.used.clear();
  }
}
