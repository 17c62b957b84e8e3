// Binds a layer constructor call's arguments to Keras 3 parameter names, reading Keras 1/2 spellings.
import { argRepr, type ArgValue } from './args';
import { KerasError } from './errors';
import type { KerasVersion, LayerDef } from './layerDef';

/** Keyword arguments every Keras layer's base class takes (Keras 3 and the legacy input ones). */
export const BASE_KWARGS: ReadonlySet<string> = new Set([
  'name', 'dtype', 'trainable', 'autocast', 'activity_regularizer', 'input_shape', 'input_dim',
  'batch_input_shape', 'batch_size', 'input_length', 'weights', 'input_dtype', 'dynamic',
]);

/** Base-class keywords that Keras 3 rejects. */
const K3_REJECTED_BASE = new Set(['batch_input_shape', 'batch_size', 'weights', 'dynamic', 'input_dtype']);

export interface BoundArgs {
  /** Layer-specific arguments under their Keras 3 names. */
  readonly args: Map<string, ArgValue>;
  /** Base-class keywords (name, input_shape, trainable…), as given. */
  readonly base: Map<string, ArgValue>;
  readonly errors: KerasError[];
}

export function bindLayerArgs(
  def: LayerDef,
  positional: readonly ArgValue[],
  keywords: readonly (readonly [string, ArgValue])[],
  version: KerasVersion,
  /** Some arguments came from a `*args` / `**kwargs` whose items are not known: a missing one may be in there. */
  partial = false,
): BoundArgs {
  const args = new Map<string, ArgValue>();
  const base = new Map<string, ArgValue>();
  const errors: KerasError[] = [];
  const legacy = version < 3 ? def.legacy : undefined;
  const order = legacy?.positional ?? def.signature;
  if (positional.length > order.length) {
    errors.push(new KerasError(`${def.className}() takes at most ${order.length} positional arguments but ${positional.length} were given`));
  }
  positional.slice(0, order.length).forEach((v, i) => args.set(order[i], v));
  const known = new Set([...def.signature, ...(def.keywords ?? [])]);
  const unrecognized: string[] = [];
  for (const [k, v] of keywords) {
    if (args.has(k) || base.has(k)) {
      errors.push(new KerasError(`${def.className}() got multiple values for argument '${k}'`, k));
      continue;
    }
    if (BASE_KWARGS.has(k) && !known.has(k)) {
      if (version === 3 && def.noBaseKwargs && k !== 'name' && k !== 'dtype') {
        errors.push(new KerasError(`${def.className}.__init__() got an unexpected keyword argument '${k}'`, k));
        continue;
      }
      if (version === 3 && K3_REJECTED_BASE.has(k) && !(k === 'weights' && def.signature.includes('weights'))) unrecognized.push(`'${k}': ${argRepr(v)}`);
      base.set(k, v);
      continue;
    }
    if (known.has(k) || (legacy && (legacy.renames?.[k] !== undefined || legacy.positional?.includes(k)))) {
      args.set(k, v);
      continue;
    }
    unrecognized.push(`'${k}': ${argRepr(v)}`);
  }
  // Keras 1 positional parameters that are base kwargs (Dense's input_dim) move to the base map.
  for (const k of [...args.keys()]) {
    if (BASE_KWARGS.has(k) && !known.has(k)) {
      base.set(k, args.get(k)!);
      args.delete(k);
    }
  }
  if (legacy) {
    for (const [from, to] of Object.entries(legacy.renames ?? {})) {
      if (args.has(from)) {
        if (!args.has(to)) args.set(to, args.get(from)!);
        args.delete(from);
      }
    }
    legacy.convert?.(args, version);
  }
  const format = args.get('data_format');
  if (version === 3 && format?.t === 'str' && !def.ownDataFormatCheck && !['channels_first', 'channels_last'].includes(format.v.toLowerCase())) {
    // backend/config.py standardize_data_format, called by every layer that takes a data_format
    errors.push(new KerasError(`The \`data_format\` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=${format.v.toLowerCase()}`, 'data_format'));
  }
  const missing = version === 3 && !partial ? (def.required ?? []).filter((r) => !args.has(r)) : [];
  if (missing.length > 0) {
    // Python's own wording for a call that leaves out parameters without defaults
    const names = missing.map((m) => `'${m}'`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    errors.push(new KerasError(`${def.className}.__init__() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`, missing[0]));
  }
  if (unrecognized.length > 0) {
    errors.push(new KerasError(`Unrecognized keyword arguments passed to ${def.className}: {${unrecognized.join(', ')}}`, unrecognized[0].slice(1, unrecognized[0].indexOf("'", 1))));
  }
  return { args, base, errors };
}
