// Keras's automatic names: snake_case of the class, numbered per name in creation order.
import type { KerasVersion } from './layerDef';

/** keras/src/utils/naming.py to_snake_case; Keras 2's first pattern also takes digits ([a-z0-9]+): ConvLSTM2D → conv_lst_m2d. */
export function snakeCase(className: string, version: KerasVersion): string {
  if (version === 1) return className.toLowerCase();
  const run = version === 2 ? '[a-z0-9]+' : '[a-z]+';
  let s = className.replace(/\W+/g, '');
  s = s.replace(new RegExp(`(.)([A-Z]${run})`, 'g'), '$1_$2');
  s = s.replace(/([a-z])([A-Z])/g, '$1_$2');
  return s.toLowerCase();
}

/** What one stretch of code read from the counters: each base's count when first used, and whether they were reset. */
export interface NameUse {
  readonly before: Map<string, number>;
  resetSeen: boolean;
}

export class NameCounter {
  private used = new Map<string, number>();
  private use: NameUse | null = null;

  constructor(private readonly version: KerasVersion) {}

  /** The next automatic name for a base (`dense`, `dense_1`… in Keras 3; `dense_1`, `dense_2`… in Keras 1/2). */
  next(base: string): string {
    const n = this.used.get(base) ?? 0;
    if (this.use && !this.use.resetSeen && !this.use.before.has(base)) this.use.before.set(base, n);
    this.used.set(base, n + 1);
    if (this.version === 3) return n === 0 ? base : `${base}_${n}`;
    return `${base}_${n + 1}`;
  }

  forClass(className: string): string {
    return this.next(snakeCase(className, this.version));
  }

  reset(): void {
    this.used.clear();
    if (this.use) this.use.resetSeen = true;
  }

  /** Starts recording which counts are read (the incremental analysis checks them before reusing a result). */
  track(): NameUse {
    this.use = { before: new Map(), resetSeen: false };
    return this.use;
  }

  /** The current counts (a copy). */
  counts(): Map<string, number> {
    return new Map(this.used);
  }

  count(base: string): number {
    return this.used.get(base) ?? 0;
  }

  /** Replaces the counts (a copy is taken). */
  load(counts: ReadonlyMap<string, number>): void {
    this.used = new Map(counts);
  }
}
