// The model graph the interpreter records: layer objects, their calls (nodes) and symbolic tensors.
import type { ArgReader, ArgValue } from './args';
import type { LayerBuild, LayerDef, WeightDecl } from './layerDef';
import type { Shape } from './shape';
import type { Range } from '../summary/types';
import type { ModelObject } from './models';

/** A symbolic tensor: the output of a node. */
export interface Tensor {
  readonly id: number;
  /** null when keras-lens does not know the shape. */
  readonly shape: Shape | null;
  readonly node: LayerNode;
  /** Position among the node's flattened outputs. */
  readonly index: number;
  readonly unknownReason?: string;
  /** Keras 3's `_keras_mask`: the tensor holding this tensor's mask, if any. */
  mask?: Tensor;
}

/** One call of a layer on tensors (Keras's Node). */
export interface LayerNode {
  readonly layer: LayerObject;
  readonly inputs: readonly Tensor[];
  readonly inputIsList: boolean;
  outputs: Tensor[];
  /** Which call of the layer this is (0 = first). */
  readonly index: number;
  readonly site: Range;
  readonly build: LayerBuild | null;
  readonly multiOutput: boolean;
  /** How many of `inputs` the shape rule read; the rest came as keyword tensors (initial_state=…). */
  readonly ruleInputs: number;
  /** Non-tensor keywords of the call (return_attention_scores=…). */
  readonly callOptions?: ReadonlyMap<string, ArgValue>;
}

/** What keras-lens knows about an instance of a user's `keras.layers.Layer` subclass. */
export interface CustomLayerState {
  /** Weights made with self.add_weight(...). */
  readonly weights: WeightDecl[];
  /** Layers (and models) assigned to attributes of the instance, in assignment order (Keras's tracking). */
  readonly sublayers: LayerObject[];
  /** build() has run (or was not needed). */
  built: boolean;
  /** Interprets the instance's call() on inputs of these shapes: the output shapes, or why they are unknown. */
  trace?: (inputs: readonly Tensor[], isList: boolean, callOptions?: ReadonlyMap<string, ArgValue>) => (Shape | null)[] | string;
  /** The interpreter's object for the instance (what `trace` works on), so a saved state reaches it. */
  instance?: object;
}

/** One execution of a user function call that was active when a layer was created. */
export interface CallSite {
  readonly range: Range;
  /** Distinguishes executions of the same call expression (a call in a loop runs many times). */
  readonly id: number;
}

/** A layer object: created once by a constructor call, possibly called several times. */
export interface LayerObject {
  readonly id: number;
  /** The user function calls (outermost first) that led to the constructor call. */
  readonly callSites?: readonly CallSite[];
  /** Keras 3 class name; for an unknown class, the name as written. */
  readonly className: string;
  readonly def: LayerDef | undefined;
  name: string;
  readonly args: ArgReader;
  readonly base: ReadonlyMap<string, ArgValue>;
  /** Where the constructor was called. */
  readonly site: Range;
  trainable: boolean;
  readonly nodes: LayerNode[];
  /** Weights fixed by the first successful build (shared layers reuse them). */
  weights: LayerBuild['weights'] | null;
  /** The first successful build (formula, notes). */
  firstBuild: LayerBuild | null;
  /** Why the figures are unknown, if they are. */
  unknownReason?: string;
  /** Changed on some of the ways through a choice keras-lens cannot decide: its counts are not certain. */
  uncertain?: string;
  /** Its trainable flag was set on some of those ways only: the count is certain, the trainable split is not. */
  trainableUncertain?: string;
  /** Keras would raise for this layer. */
  error?: string;
  /** Why some constructor arguments are not known (an unknown `**kwargs`): what looks missing may be in there. */
  argsIncomplete?: string;
  /** A user-defined Layer subclass: its own weights, the layers it tracks, and how to trace its call(). */
  readonly custom?: CustomLayerState;
  /** Output shapes of the last call made while tracing another layer's call() (no graph node is recorded then). */
  traceOutputs?: readonly (Shape | null)[];
  /** A nested model used as a layer. */
  readonly model?: ModelObject;
  /** A Keras 3 operation (`x + y`): a summary row but not one of `model.layers`. */
  readonly operation?: boolean;
  /** InputLayer's batch shape. */
  readonly inputShape?: Shape | null;
}
