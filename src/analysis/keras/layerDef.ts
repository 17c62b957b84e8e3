// What one entry of the layer catalogue declares: how its arguments bind, its shape rule and its weights.
import type { ArgReader, ArgValue, LayerRef } from './args';
import type { Shape } from './shape';

export type KerasVersion = 1 | 2 | 3;
export type DataFormat = 'channels_last' | 'channels_first';

/** One weight variable, declared the way the layer's Keras build() declares it. */
export interface WeightDecl {
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
}

/** What a layer rule sees when the layer is called on tensors. */
export interface LayerCall {
  readonly args: ArgReader;
  /** Shapes of the input tensors in call order; null where keras-lens does not know the shape. */
  readonly inputs: readonly (Shape | null)[];
  /** True when the layer was called on a list/tuple of tensors (merge layers, Attention). */
  readonly inputIsList: boolean;
  readonly version: KerasVersion;
  /** keras.config.image_data_format(): what `data_format=None` means. */
  readonly defaultDataFormat: DataFormat;
  /** The single input's shape; throws UnknownFigure if unknown, KerasError if the call passed a list. */
  input(): Shape;
  /** All input shapes of a list call; throws UnknownFigure if any is unknown. */
  inputList(): Shape[];
  /** The data_format argument resolved against the default (also maps Keras 1 dim_ordering). */
  dataFormat(): DataFormat;
  /** A keyword of the call itself, not of the constructor (`return_attention_scores=True`). */
  callOption(name: string): ArgValue | undefined;
  /** Builds a wrapped layer (Bidirectional, TimeDistributed) on the given input shape. */
  buildInner(layer: LayerRef, input: Shape): LayerBuild;
}

/** A formula for the parameter count, with names and with the numbers substituted. */
export interface Formula {
  readonly symbolic: string;
  readonly numeric: string;
}

export interface LayerBuild {
  /** One shape per output tensor. */
  readonly outputs: readonly Shape[];
  /** The call returns a list of tensors (return_state=True, Bidirectional merge_mode=None…). */
  readonly multiOutput?: boolean;
  readonly weights: readonly WeightDecl[];
  /** The compact formula a person would write; the engine appends `= total`. Omit for weightless layers. */
  readonly formula?: Formula;
  /** How the output shape follows from the input, e.g. `(28 − 3) / 1 + 1 = 26`. */
  readonly shapeExplanation?: string;
  /** Extra remarks for the hover, e.g. which weights are non-trainable. */
  readonly notes?: readonly string[];
}

/** How Keras 1/2 spellings map onto this layer's Keras 3 arguments. */
export interface LegacySpelling {
  /** Keras 1 positional order (Keras 1 names), used when reading code as Keras 1/2. */
  readonly positional?: readonly string[];
  /** Keras 1/2 keyword → Keras 3 keyword (output_dim → units, border_mode → padding…). */
  readonly renames?: Readonly<Record<string, string>>;
  /** Further normalisation after renaming, in place (nb_row + nb_col → kernel_size, dim_ordering values…). */
  convert?(args: Map<string, ArgValue>, version: KerasVersion): void;
}

export interface LayerDef {
  /** The Keras 3 class name, as the summary prints it. */
  readonly className: string;
  /** Other names of the same class (Convolution2D, MaxPool2D…); auto-names still come from className. */
  readonly aliases?: readonly string[];
  /** Names keras.layers does not export in Keras 3 (GroupedQueryAttention is public only as GroupQueryAttention). */
  readonly unexportedInKeras3?: readonly string[];
  /** Keras 1/2-only class names that map to this class (shown as this class). */
  readonly legacyAliases?: readonly string[];
  /** Keras 3 parameters in positional order; keyword-only parameters after them are listed in `keywords`. */
  readonly signature: readonly string[];
  readonly keywords?: readonly string[];
  /** Keras 3 parameters without a default: leaving one out is Python's TypeError at construction. */
  readonly required?: readonly string[];
  readonly legacy?: LegacySpelling;
  /** Keras 3 (≥ 3.6) builds it at construction: an unbuilt model still shows `0` for it. */
  readonly builtAtConstruction?: boolean;
  /** Keras 3's constructor takes no **kwargs: base keywords other than name/dtype are a TypeError (SpatialDropout*). */
  readonly noBaseKwargs?: boolean;
  /** Its validate() checks data_format itself (adaptive pooling: no lower-casing, its own message). */
  readonly ownDataFormatCheck?: boolean;
  /** Called on a list of tensors (merge layers, Attention). */
  readonly takesList?: boolean;
  /** How many tensors a call returns, from the arguments alone (for unpacking when the shapes are unknown). */
  outputCount?(args: ArgReader): number;
  /** Keras's constructor checks; throw KerasError. */
  validate?(args: ArgReader, version: KerasVersion): void;
  build(call: LayerCall): LayerBuild;
}
