// Models as the interpreter builds them: Sequential (a list of layers) and functional (a graph of tensors).
import type { LayerObject, Tensor } from './graph';
import type { Shape } from './shape';
import type { Range } from '../summary/types';

interface ModelBase {
  readonly id: number;
  name: string;
  readonly site: Range;
  /** The module-level variable first bound to the model. */
  variable: string;
  /** Set when something the model depends on could not be followed (budget, unknown branch). */
  tainted?: string;
  /** The layer object representing this model when it is nested in another model. */
  asLayer?: LayerObject;
  trainable: boolean;
  /** Its trainable flag was set on some ways through an undecidable choice only: the trainable split is not certain. */
  trainableUncertain?: string;
}

export interface SequentialModel extends ModelBase {
  readonly kind: 'sequential';
  /** Layers in order, without the InputLayer (as model.layers). */
  readonly layers: LayerObject[];
  /** The InputLayer, once an input shape is known. */
  inputLayer: LayerObject | null;
  /** The input tensor the chain starts from. */
  input: Tensor | null;
  /** Names of the layers, to check uniqueness in O(1). */
  readonly layerNames: Set<string>;
  /** The output tensors of each layer in this model's chain. */
  readonly outputs: Map<LayerObject, readonly Tensor[]>;
  /** Set once an input shape is known and at least one layer follows it. */
  built: boolean;
  /** Why the chain stopped (a layer whose output is unknown, or an error). */
  chainBroken?: string;
}

export interface FunctionalModel extends ModelBase {
  readonly kind: 'functional';
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  /** How inputs / outputs were given (list, dict, single): decides what a call returns. */
  readonly outputStructure: 'single' | 'list';
}

/** A user's keras.Model subclass: its rows are the layers it tracks; it is built by a call. */
export interface SubclassedModel extends ModelBase {
  readonly kind: 'subclassed';
  /** The instance as a layer (custom state: tracked sublayers, own weights, call() tracing). */
  readonly asLayer: LayerObject;
}

export type ModelObject = SequentialModel | FunctionalModel | SubclassedModel;

/** The output shape of a Sequential: its last layer's output, or its input if it has no layers. */
export function sequentialOutputs(m: SequentialModel): readonly Tensor[] | null {
  if (!m.built || !m.input) return null;
  const last = m.layers[m.layers.length - 1];
  if (!last) return [m.input];
  return m.outputs.get(last) ?? null;
}

export function modelOutputShapes(m: ModelObject): (Shape | null)[] | null {
  if (m.kind === 'subclassed') return null;
  const outs = m.kind === 'sequential' ? sequentialOutputs(m) : m.outputs;
  return outs ? outs.map((t) => t.shape) : null;
}
