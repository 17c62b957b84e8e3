// Layer cases written as Python and analysed the whole way, as a user's file is: `figures` checks the layer's row
// (output shape, total / trainable / non-trainable), `rejects` checks for an error diagnostic on the layer's line.
// With KERAS_LENS_LAYER_CASES=<file>, every case real Keras 3 can run is also appended there (JSON lines) so
// scripts/oracle/layer_cases.py can replay it under Keras (scripts/check-layer-cases.mjs runs both).
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { analyzeSource, initEngine } from '../../../src/analysis/engine';
import type { DataFormat, KerasVersion } from '../../../src/analysis/keras/layerDef';
import type { Shape } from '../../../src/analysis/keras/shape';
import type { FileSummary } from '../../../src/analysis/summary/types';

const ready = initEngine();

export interface CaseOptions {
  /** Keras version whose rules apply (default 3). Keras 1/2 cases are never replayed under Keras 3. */
  readonly version?: KerasVersion;
  /** keras.config.image_data_format(), what data_format=None means (default channels_last). */
  readonly dataFormat?: DataFormat;
  /** The call's arguments in terms of x0, x1, …; default `x0` for one input, `[x0, x1, …]` for several. */
  readonly call?: string;
  /** dtype of the Input tensors (default float32). */
  readonly dtype?: string;
  /** Why real Keras 3 cannot replay this Keras 3 case (needs TensorFlow, …). */
  readonly notInKeras3?: string;
}

export interface Expected {
  /** One shape, or one per output for a multi-output layer. */
  readonly shape: Shape | readonly Shape[];
  readonly params: number;
  /** Default: all of `params`. */
  readonly trainable?: number;
  /** Default: 0. */
  readonly nonTrainable?: number;
}

const pyDim = (d: number | null) => (d === null ? 'None' : String(d));
const pyTuple = (s: Shape) => `(${s.map(pyDim).join(', ')}${s.length === 1 ? ',' : ''})`;
const isShapeList = (x: Shape | readonly Shape[]): x is readonly Shape[] => x.length > 0 && Array.isArray(x[0]);

interface Source {
  readonly text: string;
  /** 0-based line of the layer call. */
  readonly layerLine: number;
  readonly inputs: readonly Shape[];
  readonly call: string;
}

function source(ctor: string, input: Shape | readonly Shape[], opts: CaseOptions): Source {
  const inputs = isShapeList(input) ? input : [input];
  const names = inputs.map((_, i) => `x${i}`);
  const call = opts.call ?? (isShapeList(input) ? `[${names.join(', ')}]` : 'x0');
  const dtype = opts.dtype ? `, dtype="${opts.dtype}"` : '';
  const lines = [
    'import keras',
    'from keras import layers',
    ...inputs.map((s, i) => `${names[i]} = keras.Input(batch_shape=${pyTuple(s)}${dtype})`),
    `y = layers.${ctor}(${call})`,
    `m = keras.Model(${names.length === 1 ? names[0] : `[${names.join(', ')}]`}, y)`,
  ];
  return { text: lines.join('\n') + '\n', layerLine: 2 + inputs.length, inputs, call };
}

function analyse(src: Source, opts: CaseOptions): FileSummary {
  return analyzeSource(src.text, 'case.py', { kerasVersion: opts.version ?? 3, dataFormat: opts.dataFormat ?? 'channels_last' });
}

const errors = (f: FileSummary) => f.diagnostics.filter((d) => d.severity === 'error');

/** Appends a case for the Keras 3 replay when KERAS_LENS_LAYER_CASES names a file. */
function record(ctor: string, src: Source, opts: CaseOptions, outcome: object): void {
  const file = process.env.KERAS_LENS_LAYER_CASES;
  if (!file || (opts.version ?? 3) !== 3 || opts.notInKeras3) return;
  const line = { ctor, inputs: src.inputs, call: src.call, dtype: opts.dtype ?? null, dataFormat: opts.dataFormat ?? 'channels_last', ...outcome };
  appendFileSync(file, JSON.stringify(line) + '\n');
}

/** `layers.<ctor>` called on Inputs of the given full shapes (batch first) gives these figures, with no error. */
export async function figures(ctor: string, input: Shape | readonly Shape[], expected: Expected, opts: CaseOptions = {}): Promise<void> {
  await ready;
  const src = source(ctor, input, opts);
  const f = analyse(src, opts);
  assert.deepEqual(errors(f).map((d) => d.message), [], `${ctor}: no error expected`);
  const row = f.models[0]?.layers.find((l) => l.range.start.line === src.layerLine);
  assert.ok(row, `${ctor}: no summary row for the layer`);
  assert.equal(row.unknownReason, undefined, `${ctor}: figures unknown`);
  const trainable = expected.trainable ?? expected.params - (expected.nonTrainable ?? 0);
  const nonTrainable = expected.nonTrainable ?? expected.params - trainable;
  assert.deepEqual(
    { shape: row.outputShape, params: row.params, trainable: row.trainableParams, nonTrainable: row.nonTrainableParams },
    { shape: expected.shape, params: expected.params, trainable, nonTrainable },
    ctor,
  );
  record(ctor, src, opts, { expect: { shape: expected.shape, params: expected.params, trainable, nonTrainable } });
}

/** `layers.<ctor>` on Inputs of these shapes is an error diagnostic on the layer's line (and nowhere else) matching `message`. */
export async function rejects(ctor: string, input: Shape | readonly Shape[], message: RegExp, opts: CaseOptions = {}): Promise<void> {
  await ready;
  const src = source(ctor, input, opts);
  const errs = errors(analyse(src, opts)).map((d) => ({ line: d.range.start.line, message: d.message }));
  assert.ok(errs.length > 0, `${ctor}: expected an error matching ${message}`);
  for (const e of errs) assert.equal(e.line, src.layerLine, `${ctor}: error on line ${e.line + 1}, not the layer's: ${e.message}`);
  assert.ok(errs.some((e) => message.test(e.message)), `${ctor}: no error matches ${message}: ${JSON.stringify(errs.map((e) => e.message))}`);
  record(ctor, src, opts, { error: message.source, ours: errs.map((e) => e.message) });
}
