// ModelSummary: the plain data every view reads. Nothing here is recomputed by a view.

export interface Position {
  readonly line: number; // 0-based
  readonly character: number; // 0-based, UTF-16 code units (as VS Code counts)
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
}

/** A dimension: a number, or null for Keras's None. */
export type SummaryDim = number | null;
export type SummaryShape = readonly SummaryDim[];

export interface WeightSummary {
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
}

export interface LayerSummary {
  readonly name: string;
  /** Keras 3 class name (`Conv2D` even for a Keras 1 `Convolution2D`); `InputLayer`, `Sequential`, `Functional` for nested models. */
  readonly type: string;
  /** Where the layer was created (the constructor call). */
  readonly range: Range;
  /** One shape; an array of shapes for a multi-output layer; null when unknown. */
  readonly outputShape: SummaryShape | readonly SummaryShape[] | null;
  /** null when unknown. */
  readonly params: number | null;
  readonly trainableParams: number | null;
  readonly nonTrainableParams: number | null;
  /** Keras 3 shows `0 (unbuilt)` for layers of an unbuilt model. */
  readonly unbuilt: boolean;
  readonly weights: readonly WeightSummary[];
  /** `units × (inputs + 1) = 10 × (784 + 1) = 7,850`; empty when the layer has no weights. */
  readonly paramsExplanation: string;
  /** Weight by weight, with the trainable split: `kernel 784 × 10 = 7,840 + bias 10`. */
  readonly weightsExplanation?: string;
  /** How the output shape was worked out. */
  readonly shapeExplanation: string;
  /** Why a figure is `?`, when one is. */
  readonly unknownReason?: string;
  /** Keras's "Connected to" entries, e.g. `dense[0][0]`. */
  readonly connectedTo: readonly string[];
  /** Producer layer names, in order, without node indices (JSON `inbound`). */
  readonly inbound: readonly string[];
  /** The user function calls that created this layer, outermost first (`id` tells executions apart). */
  readonly callSites?: readonly { readonly range: Range; readonly id: number }[];
  /** For a nested model's row: that model's own rows (Keras's expand_nested=True view). */
  readonly nested?: readonly LayerSummary[];
  /** Input shapes of the layer's (last) call, for the hover. */
  readonly inputShapes: readonly (SummaryShape | null)[];
}

export type ModelKind = 'sequential' | 'functional' | 'subclassed';

export interface ModelSummaryEntry {
  readonly name: string;
  /** The module-level variable the model is bound to (first binding), or '' if none. */
  readonly variable: string;
  readonly kind: ModelKind;
  /** Where the model was created. */
  readonly range: Range;
  readonly layers: readonly LayerSummary[];
  readonly totalParams: number | null;
  readonly trainableParams: number | null;
  readonly nonTrainableParams: number | null;
  /** Keras 3 prints 3 columns for sequential-like models, 4 (with Connected to) otherwise. */
  readonly sequentialLike: boolean;
  /** A Sequential without any input shape: Keras prints `?` shapes and `0 (unbuilt)`. */
  readonly built: boolean;
  /** Why totals are unknown, when they are. */
  readonly unknownReason?: string;
}

export interface FileSummary {
  readonly file: string;
  readonly models: readonly ModelSummaryEntry[];
  readonly diagnostics: readonly Diagnostic[];
  /** The Keras version whose rules were applied (after `auto` resolution). */
  readonly kerasVersion: 1 | 2 | 3;
}
