// ConvLSTM1D/2D/3D (keras-layers.md §3.2 ConvLSTM): input (B, T, *spatial, C); per-step conv lengths as Conv (§1.1);
// params 4F·(prod(k)·(Cin + F) + 1): kernel k + (Cin, 4F), recurrent_kernel k + (F, 4F), bias (4F,).
// Keras 3 cases are replayed under Keras by scripts/check-layer-cases.mjs; Keras 1 ConvLSTM2D(nb_filter, nb_row, nb_col, …)
// is hand-worked from keras 1.2.2 convolutional_recurrent.py (same four W/U/b gates, always biased).
import { test } from 'node:test';
import { figures, rejects } from './cases';

test('ConvLSTM1D figures', async () => {
  await figures('ConvLSTM1D(4, 3)', [null, 5, 10, 2], { shape: [null, 8, 4], params: 304 }); // 16·(3·(2+4)+1)
  await figures('ConvLSTM1D(4, 3, padding="same", return_sequences=True, data_format="channels_first")', [null, 5, 2, 10], { shape: [null, 5, 4, 10], params: 304 });
});

test('ConvLSTM2D figures: strides, states, channels_first, no bias, 0 filters, Keras 1/2 spellings', async () => {
  await figures('ConvLSTM2D(8, 3)', [null, 5, 16, 16, 3], { shape: [null, 14, 14, 8], params: 3200 }); // 32·(9·11+1)
  await figures('ConvLSTM2D(8, 3, strides=2, return_state=True)', [null, 5, 16, 16, 3], { shape: [[null, 7, 7, 8], [null, 7, 7, 8], [null, 7, 7, 8]], params: 3200 }); // ⌊13/2⌋+1
  await figures('ConvLSTM2D(8, (3, 3), data_format="channels_first", use_bias=False)', [null, 5, 3, 16, 16], { shape: [null, 8, 14, 14], params: 3168 }); // 32·99
  await figures('ConvLSTM2D(0, 3)', [null, 5, 16, 16, 3], { shape: [null, 14, 14, 0], params: 0 }); // Keras 3 does not refuse 0 filters
  await figures('ConvLSTM2D(8, 3, 3, border_mode="same", dim_ordering="th")', [null, 5, 3, 16, 16], { shape: [null, 8, 16, 16], params: 3200 }, { version: 1 });
  await figures('ConvLSTM2D(nb_filter=8, nb_row=3, nb_col=3, subsample=(2, 2), return_sequences=True)', [null, 5, 16, 16, 3], { shape: [null, 5, 7, 7, 8], params: 3200 }, { version: 1 });
  await figures('ConvLSTM2D(8, (3, 3), padding="same")', [null, 5, 16, 16, 3], { shape: [null, 16, 16, 8], params: 3200 }, { version: 2 });
});

test('ConvLSTM3D figures', async () => {
  await figures('ConvLSTM3D(2, 3)', [null, 4, 6, 6, 6, 1], { shape: [null, 4, 4, 4, 2], params: 656 }); // 8·(27·3+1)
  // kernel (1, 2, 3) → 6, 5, 4; 8·(6·(1+2)+1) = 152
  await figures('ConvLSTM3D(2, (1, 2, 3), data_format="channels_first", return_sequences=True)', [null, 4, 1, 6, 6, 6], { shape: [null, 4, 2, 6, 5, 4], params: 152 });
});

test('ConvLSTM error cases', async () => {
  await rejects('ConvLSTM1D(4, 3)', [null, 5, null, 2], /spatial dimensions of the input must be defined/);
  await rejects('ConvLSTM1D(4, 3)', [null, 10, 2], /expected ndim=4, found ndim=3/);
  await rejects('ConvLSTM2D(8)', [null, 5, 16, 16, 3], /missing 1 required positional argument: 'kernel_size'/);
  await rejects('ConvLSTM2D(8, 3)', [null, 5, 16, 16, null], /channel dimension of the input must be defined/);
  await rejects('ConvLSTM2D(8, 3, padding="causal")', [null, 5, 16, 16, 3], /padding/);
  await rejects('ConvLSTM2D(8, 3, strides=2, dilation_rate=2)', [null, 5, 16, 16, 3], /Specifying `strides > 1` is not compatible with `dilation_rate > 1`/);
  await rejects('ConvLSTM2D(8, 5)', [null, 5, 4, 4, 3], /Computed output size would be zero or negative/);
  await rejects('ConvLSTM2D(8, 3, stateful=True)', [null, 5, 16, 16, 3], /batch size must be static/);
  await rejects('ConvLSTM3D(2, 3)', [null, 6, 6, 6, 1], /expected ndim=6, found ndim=5/);
  await rejects('ConvLSTM3D(2, (3, 3))', [null, 4, 6, 6, 6, 1], /must be a tuple of 3 integers/);
});
