// SpectralNormalization (keras/src/layers/normalization/spectral_normalization.py): a wrapper that normalises the
// wrapped layer's kernel. Output and weights are the wrapped layer's, plus a non-trainable `vector_u`.
import type { LayerDef } from '../layerDef';
import { argRepr } from '../args';
import { KerasError } from '../errors';
import { commas, requireMinRank } from './util';

const spectralNormalization: LayerDef = {
  className: 'SpectralNormalization',
  signature: ['layer', 'power_iterations'],
  validate(args, version) {
    if (version === 1) throw new KerasError("module 'keras.layers' has no attribute 'SpectralNormalization' (added in tf.keras 2.13 / Keras 3)");
    const v = args.known('layer');
    if (v === undefined) throw new KerasError("SpectralNormalization() missing required argument: 'layer'", 'layer');
    if (v.t !== 'layer') {
      throw new KerasError(`Layer ${argRepr(v)} supplied to Wrapper isn't a supported layer type. Please ensure wrapped layer is a valid Keras layer.`, 'layer');
    }
    const n = args.int('power_iterations', 1);
    if (n <= 0) throw new KerasError(`\`power_iterations\` should be greater than zero. Received: \`power_iterations=${n}\``, 'power_iterations');
  },
  build(call) {
    const x = call.input();
    requireMinRank('SpectralNormalization', x, 1);
    const ref = call.args.layer('layer');
    const inner = call.buildInner(ref, x);
    // build: self.kernel = layer.kernel, else layer.embeddings, else ValueError
    const kernel = inner.weights.find((w) => w.name === 'kernel') ?? inner.weights.find((w) => w.name === 'embeddings');
    if (!kernel || !KERNEL_OWNERS.has(ref.className)) {
      throw new KerasError(`${ref.className} object has no attribute 'kernel' nor 'embeddings'`, 'layer');
    }
    const u = kernel.shape[kernel.shape.length - 1];
    const innerCount = inner.weights.reduce((s, w) => s + w.shape.reduce((p, d) => p * d, 1), 0);
    return {
      outputs: inner.outputs,
      multiOutput: inner.multiOutput,
      // The wrapped layer's weights follow its own trainable flag (Dense(…, trainable=False) inside → all frozen);
      // the wrapper's constructor flag does not reach them in Keras 3 (that part is the engine's, see session.ts).
      weights: [...inner.weights.map((w) => ({ ...w, trainable: w.trainable && ref.trainable })), { name: 'vector_u', shape: [1, u], trainable: false }],
      formula: { symbolic: 'wrapped layer + vector_u', numeric: `${commas(innerCount)} + ${commas(u)}` },
      shapeExplanation: `the output of the wrapped ${ref.className}`,
      notes: [`vector_u (1, ${commas(u)}) is non-trainable: the power-iteration estimate of the kernel's top singular vector`],
    };
  },
};

/** Layers whose Keras 3 object has a `kernel` (or `embeddings`) attribute; LSTM/GRU keep theirs on the cell. */
const KERNEL_OWNERS = new Set(['Dense', 'EinsumDense', 'Embedding', 'Conv1D', 'Conv2D', 'Conv3D', 'Conv1DTranspose',
  'Conv2DTranspose', 'Conv3DTranspose', 'DepthwiseConv1D', 'DepthwiseConv2D']);

export const SPECTRAL_NORMALIZATION_LAYERS: readonly LayerDef[] = [spectralNormalization];
