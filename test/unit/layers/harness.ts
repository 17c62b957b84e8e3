// Test harness for layer rules: bind Python-like arguments, run the rule, sum the declared weights.
import { ArgReader, type ArgValue } from '../../../src/analysis/keras/args';
import { bindLayerArgs } from '../../../src/analysis/keras/binding';
import { findLayer } from '../../../src/analysis/keras/catalogue';
import { runLayerRule } from '../../../src/analysis/keras/layerCall';
import type { DataFormat, KerasVersion, LayerBuild } from '../../../src/analysis/keras/layerDef';
import type { Shape } from '../../../src/analysis/keras/shape';

/** A Python literal written in JS: integers → int, other numbers → float, arrays → tuples, null → None. */
export type Py = number | string | boolean | null | ArgValue | readonly Py[];

function isArgValue(p: Py): p is ArgValue {
  return typeof p === 'object' && p !== null && !Array.isArray(p) && 't' in p;
}

export function py(p: Py): ArgValue {
  if (p === null) return { t: 'none' };
  if (typeof p === 'number') return Number.isInteger(p) ? { t: 'int', v: p } : { t: 'float', v: p };
  if (typeof p === 'string') return { t: 'str', v: p };
  if (typeof p === 'boolean') return { t: 'bool', v: p };
  if (isArgValue(p)) return p;
  return { t: 'seq', items: (p as readonly Py[]).map(py), tuple: true };
}

/** A Python list (not a tuple). */
export function list(...items: Py[]): ArgValue {
  return { t: 'seq', items: items.map(py), tuple: false };
}

export interface RunOptions {
  readonly version?: KerasVersion;
  readonly dataFormat?: DataFormat;
  /** The layer is called on a list of tensors (merge layers). */
  readonly list?: boolean;
}

export interface RunResult {
  readonly build: LayerBuild;
  readonly outputs: readonly Shape[];
  /** The first output, for single-output layers. */
  readonly shape: Shape;
  readonly total: number;
  readonly trainable: number;
  readonly nonTrainable: number;
}

/** Binds a constructor call the way the interpreter will, throwing the first binding error. */
export function bind(cls: string, positional: readonly Py[] = [], keywords: Readonly<Record<string, Py>> = {}, version: KerasVersion = 3): ArgReader {
  const def = findLayer(cls);
  if (!def) throw new Error(`no catalogue entry for ${cls}`);
  const bound = bindLayerArgs(def, positional.map(py), Object.entries(keywords).map(([k, v]) => [k, py(v)] as const), version);
  if (bound.errors.length > 0) throw bound.errors[0];
  return new ArgReader(def.className, bound.args);
}

/** A layer object as an argument (Bidirectional(LSTM(8)), TimeDistributed(Dense(4))). */
export function layerArg(cls: string, positional: readonly Py[] = [], keywords: Readonly<Record<string, Py>> = {}, version: KerasVersion = 3): ArgValue {
  const args = bind(cls, positional, keywords, version);
  return { t: 'layer', layer: { className: args.className, name: args.className.toLowerCase(), args, known: true, trainable: true } };
}

/**
 * Runs `cls(*positional, **keywords)(inputs)`. `inputs` is one shape, or several shapes when
 * `opts.list` is set (a call on a Python list).
 */
export function run(
  cls: string,
  positional: readonly Py[],
  keywords: Readonly<Record<string, Py>>,
  inputs: Shape | readonly (Shape | null)[] | null,
  opts: RunOptions = {},
): RunResult {
  const version = opts.version ?? 3;
  const args = bind(cls, positional, keywords, version);
  const shapes: readonly (Shape | null)[] = opts.list ? (inputs as readonly (Shape | null)[]) : [inputs as Shape | null];
  const build = runLayerRule(args.className, args, shapes, opts.list ?? false, {
    version,
    defaultDataFormat: opts.dataFormat ?? 'channels_last',
  });
  let trainable = 0;
  let nonTrainable = 0;
  for (const w of build.weights) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    if (w.trainable) trainable += n;
    else nonTrainable += n;
  }
  return { build, outputs: build.outputs, shape: build.outputs[0], total: trainable + nonTrainable, trainable, nonTrainable };
}
