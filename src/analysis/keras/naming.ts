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

/** What one stretch of code read from the counters: each base's count when first used, and whether they were reset. */
export interface NameUse {
  readonly before: Map<string, number>;
  resetSeen: boolean;
}

export class NameCounter {
  private used = new Map<string, number>();
  /** Bases whose count depends on a choice keras-lens could not decide (or on code it did not follow to the end). */
  private readonly uncertain = new Set<string>();
  private use: NameUse | null = null;
  /** Bumped whenever a count is set from outside next(): the incremental analysis does not reuse such stretches. */
  approximations = 0;

  constructor(private readonly version: KerasVersion) {}

  /**
   * The next automatic name for a base (`dense`, `dense_1`… in Keras 3; `dense_1`, `dense_2`… in Keras 1/2).
   * When the count is not certain the name ends in `?`: the number shown is the smallest it can be.
   */
  next(base: string): string {
    const n = this.used.get(base) ?? 0;
    if (this.use && !this.use.resetSeen && !this.use.before.has(base)) this.use.before.set(base, n);
    this.used.set(base, n + 1);
    const name = this.version === 3 ? (n === 0 ? base : `${base}_${n}`) : `${base}_${n + 1}`;
    return this.uncertain.has(base) ? `${name}?` : name;
  }

  forClass(className: string): string {
    return this.next(snakeCase(className, this.version));
  }

  /** The count of a base is at least `atLeast`, and not certain from now on. */
  setUncertain(base: string, atLeast: number): void {
    this.approximations++;
    this.used.set(base, atLeast);
    this.uncertain.add(base);
  }

  /** The count of a base is `count` (the ways through a choice all gave that many names). */
  setCount(base: string, count: number): void {
    this.approximations++;
    this.used.set(base, count);
  }

  reset(): void {
    this.used.clear();
    this.uncertain.clear();
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
    this.uncertain.clear();
  }

  /** Whether some count is not certain (the incremental analysis then runs the file whole). */
  hasUncertain(): boolean {
    return this.uncertain.size > 0;
  }
}
