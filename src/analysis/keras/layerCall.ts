// Runs a catalogue entry's rule for one call: the LayerCall a rule sees, built from shapes and bound args.
import { ArgReader, type ArgValue, type LayerRef } from './args';
import { KerasError, UnknownFigure } from './errors';
import type { DataFormat, KerasVersion, LayerBuild, LayerCall, LayerDef } from './layerDef';
import type { Shape } from './shape';
import { findLayer } from './catalogue';

export interface CallOptions {
  readonly version: KerasVersion;
  readonly defaultDataFormat: DataFormat;
}

export function makeLayerCall(
  args: ArgReader,
  inputs: readonly (Shape | null)[],
  inputIsList: boolean,
  opts: CallOptions,
  callOptions?: ReadonlyMap<string, ArgValue>,
): LayerCall {
  const call: LayerCall = {
    args,
    inputs,
    inputIsList,
    version: opts.version,
    defaultDataFormat: opts.defaultDataFormat,
    input() {
      if (inputIsList && inputs.length !== 1) {
        throw new KerasError(`Layer "${args.className}" expects 1 input, but it received ${inputs.length} input tensors`);
      }
      const s = inputs[0];
      if (s === undefined) throw new KerasError(`Layer "${args.className}" was called without an input tensor`);
      if (s === null) throw new UnknownFigure('the input shape is not known');
      return s;
    },
    inputList() {
      if (!inputIsList) {
        throw new KerasError(`A ${args.className} layer should be called on a list of inputs.`);
      }
      const known: Shape[] = [];
      for (const s of inputs) {
        if (s === null) throw new UnknownFigure('an input shape is not known');
        known.push(s);
      }
      return known;
    },
    dataFormat() {
      // standardize_data_format lower-cases (Keras 2's normalize_data_format too)
      const v = args.optStr('data_format')?.toLowerCase() ?? null;
      if (v === null) return opts.defaultDataFormat;
      if (v === 'channels_last' || v === 'tf') return 'channels_last';
      if (v === 'channels_first' || v === 'th') return 'channels_first';
      if (v === 'default') return opts.defaultDataFormat;
      throw new KerasError(`The \`data_format\` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=${v}`, 'data_format');
    },
    callOption(name: string) {
      return callOptions?.get(name);
    },
    buildInner(layer: LayerRef, input: Shape): LayerBuild {
      return runLayerRule(layer.className, layer.args, [input], false, opts);
    },
  };
  return call;
}

/** Validates and builds one layer class on the given inputs. Throws KerasError / UnknownFigure. */
export function runLayerRule(
  className: string,
  args: ArgReader,
  inputs: readonly (Shape | null)[],
  inputIsList: boolean,
  opts: CallOptions,
): LayerBuild {
  const def = findLayer(className);
  if (!def) throw new UnknownFigure(`keras-lens does not know the layer class \`${className}\``);
  return runDef(def, args, inputs, inputIsList, opts);
}

/** Runs one catalogue entry (or operation) rule. */
export function runDef(
  def: LayerDef,
  args: ArgReader,
  inputs: readonly (Shape | null)[],
  inputIsList: boolean,
  opts: CallOptions,
  callOptions?: ReadonlyMap<string, ArgValue>,
): LayerBuild {
  def.validate?.(args, opts.version);
  const build = def.build(makeLayerCall(args, inputs, inputIsList, opts, callOptions));
  // Past 2**53 a dimension is no longer exact (an image 10**12 pixels wide, flattened): unknown, never wrong.
  const inexact = (s: readonly (number | null)[]): boolean => s.some((d) => d !== null && !Number.isSafeInteger(d));
  if (build.outputs.some(inexact) || build.weights.some((w) => inexact(w.shape))) {
    throw new UnknownFigure(`${def.className}: a dimension is larger than JavaScript counts exactly (2**53)`);
  }
  return build;
}
