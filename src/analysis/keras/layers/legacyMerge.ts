// Keras 1's Merge layer and merge() function: one class whose `mode` picks the operation (keras 1.2.2 engine/topology.py).
import { ArgReader, type ArgValue } from '../args';
import { KerasError, UnknownFigure } from '../errors';
import type { LayerDef } from '../layerDef';
import { MERGING_LAYERS } from './merging';

const byClass = new Map(MERGING_LAYERS.map((d) => [d.className, d]));
const MODES: Record<string, [string, string | undefined]> = {
  sum: ['Add', undefined], mul: ['Multiply', undefined], ave: ['Average', undefined], max: ['Maximum', undefined],
  concat: ['Concatenate', 'concat_axis'], dot: ['Dot', 'dot_axes'],
};

export const merge: LayerDef = {
  className: 'Merge',
  // merge(inputs, mode, concat_axis, dot_axes, …): the interpreter passes what follows `inputs`.
  signature: ['mode', 'concat_axis', 'dot_axes', 'output_shape', 'output_mask', 'arguments'],
  keywords: ['layers', 'node_indices', 'tensor_indices'],
  takesList: true,
  validate(args, version) {
    if (version === 3) throw new KerasError('Merge was removed in Keras 2.2: use keras.layers.Add/Concatenate/… (or choose Keras 1 rules with --keras-version 1)');
    const mode = args.raw('mode');
    if (mode?.t === 'str' && !(mode.v in MODES) && mode.v !== 'cos') throw new KerasError(`Invalid merge mode: ${mode.v}`, 'mode');
  },
  build(call) {
    const mode = call.args.raw('mode');
    if (mode && mode.t !== 'str') {
      const out = call.args.raw('output_shape');
      if (out?.t !== 'seq') throw new UnknownFigure('Merge with a function as mode: its output shape is not known without output_shape=');
      return { outputs: [[call.inputList()[0][0], ...call.args.shapeTuple('output_shape')]], weights: [] };
    }
    const name = mode?.t === 'str' ? mode.v : 'sum';
    if (name === 'cos') {
      const [a] = call.inputList();
      return { outputs: [[a[0], 1]], weights: [] };
    }
    const [cls, argName] = MODES[name];
    const target = byClass.get(cls)!;
    const given = argName ? call.args.raw(argName) : undefined;
    const args = new Map<string, ArgValue>();
    if (given) args.set(cls === 'Dot' ? 'axes' : 'axis', given);
    return target.build({ ...call, args: new ArgReader(cls, args) });
  },
};
