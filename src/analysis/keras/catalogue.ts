// The layer catalogue: every known layer class by every name it goes by.
import type { LayerDef } from './layerDef';
import { CORE_LAYERS } from './layers/core';
import { ACTIVATION_LAYERS } from './layers/activations';
import { REGULARIZATION_LAYERS } from './layers/regularization';
import { RESHAPING_LAYERS } from './layers/reshaping';
import { CONVOLUTION_LAYERS } from './layers/convolution';
import { POOLING_LAYERS } from './layers/pooling';
import { NORMALIZATION_LAYERS } from './layers/normalization';
import { RECURRENT_LAYERS } from './layers/recurrent';
import { MERGING_LAYERS } from './layers/merging';
import { PREPROCESSING_LAYERS } from './layers/preprocessing';
import { merge } from './layers/legacyMerge';
import { CONV_LSTM_LAYERS } from './layers/convLstm';
import { ATTENTION_LAYERS } from './layers/attention';
import { EINSUM_LAYERS } from './layers/einsum';
import { RNN_CELL_LAYERS } from './layers/rnnCells';
import { SPECTRAL_NORMALIZATION_LAYERS } from './layers/spectralNormalization';
import { ADAPTIVE_POOLING_LAYERS } from './layers/adaptivePooling';
import { CATEGORICAL_LAYERS } from './layers/categorical';
import { LOCALLY_CONNECTED_LAYERS } from './layers/locallyConnected';
import { LEGACY_CORE_LAYERS } from './layers/legacyCore';

const byName = new Map<string, LayerDef>();

export function registerLayers(defs: readonly LayerDef[]): void {
  for (const def of defs) {
    for (const n of [def.className, ...(def.aliases ?? []), ...(def.legacyAliases ?? [])]) byName.set(n, def);
  }
}

registerLayers(CORE_LAYERS);
registerLayers(ACTIVATION_LAYERS);
registerLayers(REGULARIZATION_LAYERS);
registerLayers(RESHAPING_LAYERS);
registerLayers(CONVOLUTION_LAYERS);
registerLayers(POOLING_LAYERS);
registerLayers(NORMALIZATION_LAYERS);
registerLayers(RECURRENT_LAYERS);
registerLayers(MERGING_LAYERS);
registerLayers(PREPROCESSING_LAYERS);
registerLayers([merge]);
registerLayers(CONV_LSTM_LAYERS);
registerLayers(ATTENTION_LAYERS);
registerLayers(EINSUM_LAYERS);
registerLayers(RNN_CELL_LAYERS);
registerLayers(SPECTRAL_NORMALIZATION_LAYERS);
registerLayers(ADAPTIVE_POOLING_LAYERS);
registerLayers(CATEGORICAL_LAYERS);
registerLayers(LOCALLY_CONNECTED_LAYERS);
registerLayers(LEGACY_CORE_LAYERS);

export function findLayer(name: string): LayerDef | undefined {
  return byName.get(name);
}

export function allLayers(): LayerDef[] {
  return [...new Set(byName.values())];
}
