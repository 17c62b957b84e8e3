// Layer arguments as plain data: what the interpreter knows about each Python value passed to a layer.
import { KerasError, UnknownFigure } from './errors';

export type ArgValue =
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'seq'; items: ArgValue[]; tuple: boolean }
  | { t: 'dict'; entries: [string, ArgValue][] }
  | { t: 'layer'; layer: LayerRef }
  | { t: 'other'; what: string }
  | { t: 'unknown'; reason: string };

/** A layer object passed as an argument (Bidirectional(LSTM(8)), TimeDistributed(Dense(4))). */
export interface LayerRef {
  readonly className: string;
  readonly name: string;
  readonly args: ArgReader;
  readonly known: boolean;
  /** The wrapped layer's own trainable flag (a wrapper's weights follow it, not the wrapper's constructor flag). */
  readonly trainable: boolean;
}

export const int = (v: number): ArgValue => ({ t: 'int', v });
export const float = (v: number): ArgValue => ({ t: 'float', v });
export const str = (v: string): ArgValue => ({ t: 'str', v });
export const bool = (v: boolean): ArgValue => ({ t: 'bool', v });
export const none: ArgValue = { t: 'none' };
export const tuple = (...items: ArgValue[]): ArgValue => ({ t: 'seq', items, tuple: true });

/** A shape argument (`(28, 28, 1)`, `[None, 8]`, or a bare int): dims, null if not all known, undefined if absent/None. */
export function argShape(v: ArgValue | undefined): (number | null)[] | null | undefined {
  if (!v || v.t === 'none') return undefined;
  if (v.t === 'int') return [v.v];
  if (v.t !== 'seq') return null;
  const out: (number | null)[] = [];
  for (const it of v.items) {
    if (it.t === 'int') out.push(it.v);
    else if (it.t === 'none') out.push(null);
    else return null;
  }
  return out;
}

/** Python repr of an argument value, for messages. */
export function argRepr(a: ArgValue): string {
  switch (a.t) {
    case 'int': return String(a.v);
    case 'float': return Number.isInteger(a.v) ? `${a.v}.0` : String(a.v);
    case 'str': return `'${a.v}'`;
    case 'bool': return a.v ? 'True' : 'False';
    case 'none': return 'None';
    case 'seq': {
      const inner = a.items.map(argRepr).join(', ');
      return a.tuple ? `(${inner}${a.items.length === 1 ? ',' : ''})` : `[${inner}]`;
    }
    case 'dict': return `{${a.entries.map(([k, v]) => `'${k}': ${argRepr(v)}`).join(', ')}}`;
    case 'layer': return `<${a.layer.className} ${a.layer.name}>`;
    case 'other': return a.what;
    case 'unknown': return '?';
  }
}

/** Python's type(x).__name__ of an argument value, for messages that quote it. */
export function argTypeName(a: ArgValue): string {
  switch (a.t) {
    case 'none': return 'NoneType';
    case 'seq': return a.tuple ? 'tuple' : 'list';
    case 'layer': return a.layer.className;
    case 'other': case 'unknown': return 'object';
    default: return a.t;
  }
}

/**
 * Typed access to a layer call's bound arguments (Keras 3 names), with the layer's defaults.
 * Every getter throws UnknownFigure when the value is not known statically and KerasError when
 * Keras itself would reject it, so a layer rule reads like the Keras source it mirrors.
 */
export class ArgReader {
  constructor(
    readonly className: string,
    private readonly values: ReadonlyMap<string, ArgValue>,
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The raw value, or undefined when the argument was not passed. */
  raw(name: string): ArgValue | undefined {
    return this.values.get(name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  /** The value as given, throwing UnknownFigure if the interpreter could not work it out. */
  known(name: string): ArgValue | undefined {
    const v = this.values.get(name);
    if (v && v.t === 'unknown') throw new UnknownFigure(`${this.className}: \`${name}\` is not known statically (${v.reason})`);
    if (v && v.t === 'seq') v.items.forEach((it, i) => {
      if (it.t === 'unknown') throw new UnknownFigure(`${this.className}: \`${name}[${i}]\` is not known statically (${it.reason})`);
    });
    return v;
  }

  isNone(name: string): boolean {
    const v = this.known(name);
    return v === undefined || v.t === 'none';
  }

  /** An int argument; `def` when absent. Floats with an integral value are accepted only if `allowFloat`. */
  int(name: string, def?: number, allowFloat = false): number {
    const v = this.known(name);
    if (v === undefined || v.t === 'none') {
      if (def === undefined) throw new KerasError(`${this.className}() missing required argument: '${name}'`, name);
      return def;
    }
    if (v.t === 'int') return v.v;
    if (v.t === 'bool') return v.v ? 1 : 0;
    if (v.t === 'float' && allowFloat) return Math.trunc(v.v);
    throw new KerasError(`${this.className}: \`${name}\` must be an integer, got ${argRepr(v)}`, name);
  }

  /** An optional int: null when absent or None. */
  optInt(name: string): number | null {
    return this.isNone(name) ? null : this.int(name);
  }

  num(name: string, def?: number): number {
    const v = this.known(name);
    if (v === undefined || v.t === 'none') {
      if (def === undefined) throw new KerasError(`${this.className}() missing required argument: '${name}'`, name);
      return def;
    }
    if (v.t === 'int' || v.t === 'float') return v.v;
    if (v.t === 'bool') return v.v ? 1 : 0;
    throw new KerasError(`${this.className}: \`${name}\` must be a number, got ${argRepr(v)}`, name);
  }

  bool(name: string, def: boolean): boolean {
    const v = this.known(name);
    if (v === undefined || v.t === 'none') return def;
    if (v.t === 'bool') return v.v;
    if (v.t === 'int' || v.t === 'float') return v.v !== 0;
    if (v.t === 'str') return v.v.length > 0;
    return true;
  }

  str(name: string, def?: string): string {
    const v = this.known(name);
    if (v === undefined || v.t === 'none') {
      if (def === undefined) throw new KerasError(`${this.className}() missing required argument: '${name}'`, name);
      return def;
    }
    if (v.t === 'str') return v.v;
    throw new KerasError(`${this.className}: \`${name}\` must be a string, got ${argRepr(v)}`, name);
  }

  optStr(name: string): string | null {
    return this.isNone(name) ? null : this.str(name);
  }

  /** An int or a tuple/list of exactly `rank` ints (kernel_size, strides, pool_size…). */
  intTuple(name: string, rank: number, def?: number | readonly number[]): number[] {
    const v = this.known(name);
    if (v === undefined || v.t === 'none') {
      if (def === undefined) throw new KerasError(`${this.className}() missing required argument: '${name}'`, name);
      return typeof def === 'number' ? Array(rank).fill(def) : [...def];
    }
    if (v.t === 'int') return Array(rank).fill(v.v);
    if (v.t === 'seq') {
      if (v.items.length !== rank) {
        throw new KerasError(`${this.className}: the \`${name}\` argument must be a tuple of ${rank} integers. Received: ${argRepr(v)}`, name);
      }
      return v.items.map((it) => {
        if (it.t === 'int') return it.v;
        throw new KerasError(`${this.className}: the \`${name}\` argument must be a tuple of ${rank} integers. Received: ${argRepr(v)}`, name);
      });
    }
    throw new KerasError(`${this.className}: the \`${name}\` argument must be a tuple of ${rank} integers. Received: ${argRepr(v)}`, name);
  }

  /** A shape tuple (ints or None), e.g. Reshape's target_shape or Input's shape. */
  shapeTuple(name: string): (number | null)[] {
    const v = this.known(name);
    if (v === undefined || v.t === 'none') throw new KerasError(`${this.className}() missing required argument: '${name}'`, name);
    if (v.t === 'int') return [v.v];
    if (v.t !== 'seq') throw new KerasError(`${this.className}: \`${name}\` must be a tuple, got ${argRepr(v)}`, name);
    return v.items.map((it) => {
      if (it.t === 'int') return it.v;
      if (it.t === 'none') return null;
      throw new KerasError(`${this.className}: \`${name}\` must contain integers or None, got ${argRepr(v)}`, name);
    });
  }

  /** A wrapped layer argument (Bidirectional's layer). */
  layer(name: string): LayerRef {
    const v = this.known(name);
    if (v === undefined) throw new KerasError(`${this.className}() missing required argument: '${name}'`, name);
    if (v.t !== 'layer') throw new KerasError(`${this.className}: \`${name}\` must be a Keras layer, got ${argRepr(v)}`, name);
    return v.layer;
  }
}
