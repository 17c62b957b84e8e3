// Convolution layers. Figures worked by hand from keras-layers.md §1.1, §1.2 and §3.2 (✔ rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { run } from './harness';
import { figures, rejects } from './cases';

test('Conv2D(32, 3) on (None,28,28,1): (28 − 3)/1 + 1 = 26; 32 × (3·3·1 + 1) = 320', () => {
  const r = run('Conv2D', [32, 3], {}, [null, 28, 28, 1]);
  assert.deepEqual(r.shape, [null, 26, 26, 32]);
  assert.equal(r.total, 320);
  assert.equal(r.build.formula?.symbolic, 'filters × (kernel_h × kernel_w × in_channels + 1)');
  assert.equal(r.build.formula?.numeric, '32 × (3 × 3 × 1 + 1)');
  assert.equal(r.build.shapeExplanation, '(28 − 3) / 1 + 1 = 26, (28 − 3) / 1 + 1 = 26');
});

test('Conv2D(64, (3,3)) on (None,13,13,32): 11×11, 64 × (9·32 + 1) = 18,496 (§6b fixture 1)', () => {
  const r = run('Conv2D', [64, [3, 3]], { activation: 'relu' }, [null, 13, 13, 32]);
  assert.deepEqual(r.shape, [null, 11, 11, 64]);
  assert.equal(r.total, 18496);
});

test('Conv2D(32, (3,5), dilation 2) on 3 ch: dk = 5, 9 → 28−5+1 = 24, 28−9+1 = 20; 32·(15·3+1) = 1472', () => {
  const r = run('Conv2D', [32, [3, 5]], { dilation_rate: 2 }, [null, 28, 28, 3]);
  assert.deepEqual(r.shape, [null, 24, 20, 32]);
  assert.equal(r.total, 1472);
});

test('Conv2D groups=4, 8 → 32 ch, k3: 3·3·(8/4)·32 + 32 = 608', () => {
  const r = run('Conv2D', [32, 3], { groups: 4 }, [null, 10, 10, 8]);
  assert.equal(r.total, 608);
  assert.equal(r.build.formula?.numeric, '32 × (3 × 3 × (8 / 4) + 1)');
});

test('Conv2D strides and same padding: valid s2 ⌊(28−3)/2⌋+1 = 13; same s2 ⌈28/2⌉ = 14; same s1 keeps 28', () => {
  assert.deepEqual(run('Conv2D', [8, 3], { strides: 2 }, [null, 28, 28, 1]).shape, [null, 13, 13, 8]);
  assert.deepEqual(run('Conv2D', [8, 3], { strides: 2, padding: 'same' }, [null, 28, 28, 1]).shape, [null, 14, 14, 8]);
  assert.deepEqual(run('Conv2D', [8, 3], { padding: 'SAME' }, [null, 28, 28, 1]).shape, [null, 28, 28, 8]);
});

test('Conv2D use_bias=False: 16 × 3·3·3 = 432 (§6b fixture 3)', () => {
  const r = run('Conv2D', [16, 3], { padding: 'same', use_bias: false }, [null, 32, 32, 3]);
  assert.equal(r.total, 432);
  assert.equal(r.build.formula?.numeric, '16 × 3 × 3 × 3');
});

test('Conv2D channels_first: (None,3,32,32) → (None,16,30,30); 16·(27+1) = 448', () => {
  const r = run('Conv2D', [16, 3], { data_format: 'channels_first' }, [null, 3, 32, 32]);
  assert.deepEqual(r.shape, [null, 16, 30, 30]);
  assert.equal(r.total, 448);
  // the global image_data_format applies when data_format is omitted
  assert.deepEqual(run('Conv2D', [16, 3], {}, [null, 3, 32, 32], { dataFormat: 'channels_first' }).shape, [null, 16, 30, 30]);
});

test('Conv2D None spatial dims stay None', () => {
  assert.deepEqual(run('Conv2D', [4, 3], {}, [null, null, null, 3]).shape, [null, null, null, 4]);
});

test('Conv1D(16, 5, causal, dilation 2) on (None,100,8) → (None,100,16); 16·(5·8+1) = 656', () => {
  const r = run('Conv1D', [16, 5], { padding: 'causal', dilation_rate: 2 }, [null, 100, 8]);
  assert.deepEqual(r.shape, [null, 100, 16]);
  assert.equal(r.total, 656);
});

test('Conv3D(8, 3) on (None,10,10,10,2): 8×8×8; 8·(27·2+1) = 440', () => {
  const r = run('Conv3D', [8, 3], {}, [null, 10, 10, 10, 2]);
  assert.deepEqual(r.shape, [null, 8, 8, 8, 8]);
  assert.equal(r.total, 440);
});

test('Conv errors: wrong rank, None channel, output ≤ 0, bad padding, groups, strides+dilation', () => {
  assert.throws(() => run('Conv2D', [8, 3], {}, [null, 28]), (e: unknown) => e instanceof KerasError && /min_ndim=4, found ndim=2/.test(e.message));
  assert.throws(() => run('Conv2D', [8, 3], {}, [null, 4, 28, 28, 1]), /Kernel shape must have the same length as input/);
  assert.throws(() => run('Conv2D', [8, 3], {}, [null, 28, 28, null]), KerasError);
  assert.throws(() => run('Conv2D', [8, 5], {}, [null, 4, 4, 1]), /Computed output size would be zero or negative/);
  assert.throws(() => run('Conv2D', [8, 3], { padding: 'causal' }, [null, 28, 28, 1]), /padding/);
  assert.throws(() => run('Conv2D', [8, 3], { padding: 'full' }, [null, 28, 28, 1]), /padding/);
  assert.throws(() => run('Conv2D', [30, 3], { groups: 4 }, [null, 28, 28, 8]), /divisible by the number of groups/);
  assert.throws(() => run('Conv2D', [32, 3], { groups: 4 }, [null, 28, 28, 6]), /input channels must be evenly divisible/);
  assert.throws(() => run('Conv2D', [8, 3], { strides: 2, dilation_rate: 2 }, [null, 28, 28, 1]), /strides > 1/);
  assert.throws(() => run('Conv2D', [0, 3], {}, [null, 28, 28, 1]), /strictly positive/);
  assert.throws(() => run('Conv2D', [8, [3, 3, 3]], {}, [null, 28, 28, 1]), /tuple of 2 integers/);
});

test('Keras 3 reads Conv2D(32, 3, 3) as kernel 3, strides 3: ⌊(28−3)/3⌋+1 = 9', () => {
  assert.deepEqual(run('Conv2D', [32, 3, 3], {}, [null, 28, 28, 1]).shape, [null, 9, 9, 32]);
  assert.deepEqual(run('Convolution2D', [32, 3, 3], {}, [null, 28, 28, 1]).shape, [null, 9, 9, 32]);
});

test('Keras 1/2 read Convolution2D(32, 3, 3, border_mode="same", subsample=(2,2)) as a 3×3 kernel: ⌈28/2⌉ = 14; 320', () => {
  for (const version of [1, 2] as const) {
    const r = run('Convolution2D', [32, 3, 3], { border_mode: 'same', subsample: [2, 2] }, [null, 28, 28, 1], { version });
    assert.deepEqual(r.shape, [null, 14, 14, 32]);
    assert.equal(r.total, 320);
  }
});

test('Keras 2 spellings: Conv2D(32, (3, 3)) and Conv2D(32, 3) under version 2; 3 positional with a tuple is an error', () => {
  assert.equal(run('Conv2D', [32, [3, 3]], { padding: 'same' }, [null, 28, 28, 1], { version: 2 }).total, 320);
  assert.equal(run('Conv2D', [32, 3], {}, [null, 28, 28, 1], { version: 2 }).total, 320);
  assert.throws(() => run('Conv2D', [32, [3, 3], [2, 2]], {}, [null, 28, 28, 1], { version: 2 }), /positional/);
});

test('Keras 1 dim_ordering="th" and init/bias names: 16 × 3·3·3 = 432 with bias=False', () => {
  const r = run('Convolution2D', [16, 3, 3], { dim_ordering: 'th', init: 'he_normal', bias: false }, [null, 3, 32, 32], { version: 1 });
  assert.deepEqual(r.shape, [null, 16, 30, 30]);
  assert.equal(r.total, 432);
});

test('Keras 1 Convolution1D(64, 3, subsample_length=2) on (None,100,8): ⌊97/2⌋+1 = 49; 64·(24+1) = 1600', () => {
  const r = run('Convolution1D', [64, 3], { subsample_length: 2 }, [null, 100, 8], { version: 1 });
  assert.deepEqual(r.shape, [null, 49, 64]);
  assert.equal(r.total, 1600);
});

test('Keras 1 border_mode="full": 28 + 3 − 1 = 30', () => {
  assert.deepEqual(run('Convolution2D', [4, 3, 3], { border_mode: 'full' }, [null, 28, 28, 1], { version: 1 }).shape, [null, 30, 30, 4]);
});

test('Keras 1 AtrousConvolution2D(8, 3, 3, atrous_rate=(2,2)): dk 5 → 28−5+1 = 24', () => {
  assert.deepEqual(run('AtrousConvolution2D', [8, 3, 3], { atrous_rate: [2, 2] }, [null, 28, 28, 1], { version: 1 }).shape, [null, 24, 24, 8]);
});

test('Conv2DTranspose on (None,8,8,4) — the ✔ table of §3.2', () => {
  const t = (kw: Record<string, number | string>, k: number) => run('Conv2DTranspose', [2, k], kw, [null, 8, 8, 4]).shape[1];
  assert.equal(t({}, 3), 10); // (8−1)·1 + max(3,1) = 10
  assert.equal(t({ strides: 2 }, 3), 17); // 7·2 + 3
  assert.equal(t({ strides: 3 }, 2), 24); // 7·3 + max(2,3)
  assert.equal(t({ strides: 2, padding: 'same' }, 3), 16); // 8·2
  assert.equal(t({ strides: 2, padding: 'same', output_padding: 1 }, 3), 16); // 7·2 + 3%2 + 1
  assert.equal(t({ strides: 2, padding: 'same', output_padding: 1 }, 4), 15); // 7·2 + 0 + 1
  assert.equal(t({ strides: 2, output_padding: 1 }, 3), 18); // 7·2 + 3 + 1
  assert.equal(t({ dilation_rate: 2 }, 3), 12); // 7 + 5
});

test('Conv2DTranspose weights: kernel (3,3,filters,Cin): 16·(9·4 + 1) = 592; output_padding ≥ strides is an error', () => {
  const r = run('Conv2DTranspose', [16, 3], {}, [null, 8, 8, 4]);
  assert.equal(r.total, 592);
  assert.deepEqual(r.build.weights[0].shape, [3, 3, 16, 4]);
  assert.throws(() => run('Conv2DTranspose', [16, 3], { strides: 2, output_padding: 2 }, [null, 8, 8, 4]), /strictly less than/);
});

test('Conv3DTranspose: Keras 3 positional order has data_format before output_padding', () => {
  const r = run('Conv3DTranspose', [2, 3, 2, 'same', 'channels_last', 1], {}, [null, 4, 4, 4, 1]);
  // (4−1)·2 + 3 % 2 + 1 = 8; params 2·(27·1 + 1) = 56
  assert.deepEqual(r.shape, [null, 8, 8, 8, 2]);
  assert.equal(r.total, 56);
});

test('Conv1DTranspose(4, 3, strides=2) on (None,10,2): 9·2 + 3 = 21; 4·(3·2+1) = 28', () => {
  const r = run('Conv1DTranspose', [4, 3], { strides: 2 }, [null, 10, 2]);
  assert.deepEqual(r.shape, [null, 21, 4]);
  assert.equal(r.total, 28);
});

test('Keras 1 Deconvolution2D takes its spatial dims from output_shape', () => {
  const r = run('Deconvolution2D', [8, 3, 3, [null, 14, 14, 8]], { subsample: [2, 2], border_mode: 'same' }, [null, 7, 7, 4], { version: 1 });
  assert.deepEqual(r.shape, [null, 14, 14, 8]);
  assert.equal(r.total, 8 * (9 * 4 + 1));
});

test('SeparableConv2D(32, 3) on 3 ch: 9·3 + 3·32 + 32 = 155; depth_multiplier 2: 9·3·2 + 6·32 + 32 = 278', () => {
  assert.equal(run('SeparableConv2D', [32, 3], {}, [null, 28, 28, 3]).total, 155);
  const r = run('SeparableConv2D', [32, 3], { depth_multiplier: 2 }, [null, 28, 28, 3]);
  assert.equal(r.total, 278);
  assert.deepEqual(r.shape, [null, 26, 26, 32]);
  assert.deepEqual(r.build.weights.map((w) => w.shape), [[3, 3, 3, 2], [1, 1, 6, 32], [32]]);
});

test('SeparableConv1D rejects causal in Keras 3', () => {
  assert.throws(() => run('SeparableConv1D', [8, 3], { padding: 'causal' }, [null, 20, 4]), /padding/);
  assert.deepEqual(run('SeparableConv1D', [8, 3], {}, [null, 20, 4]).shape, [null, 18, 8]);
});

test('DepthwiseConv2D(3) on 3 ch: 27 + 3 = 30; dm 2 no bias: 9·3·2 = 54; channels 3·2 = 6', () => {
  assert.equal(run('DepthwiseConv2D', [3], {}, [null, 28, 28, 3]).total, 30);
  const r = run('DepthwiseConv2D', [3], { depth_multiplier: 2, use_bias: false }, [null, 28, 28, 3]);
  assert.equal(r.total, 54);
  assert.deepEqual(r.shape, [null, 26, 26, 6]);
});

test('DepthwiseConv2D(3, padding="same") on 16 ch: 16·(9+1) = 160 (§6b fixture 3); strides 2 + dilation 2 accepted: 28 → 12', () => {
  assert.equal(run('DepthwiseConv2D', [3], { padding: 'same' }, [null, 32, 32, 16]).total, 160);
  // ⌊(28 − 5) / 2⌋ + 1 = 12
  assert.deepEqual(run('DepthwiseConv2D', [3], { strides: 2, dilation_rate: 2 }, [null, 28, 28, 1]).shape, [null, 12, 12, 1]);
});

test('DepthwiseConv1D(5) on (None,20,4): 20−5+1 = 16 steps, dm 1 keeps 4 ch; 4·(5+1) = 24', () => {
  const r = run('DepthwiseConv1D', [5], {}, [null, 20, 4]);
  assert.deepEqual(r.shape, [null, 16, 4]);
  assert.equal(r.total, 24);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.
// Lengths: valid ⌊(in − dk) / s⌋ + 1, same ⌈in / s⌉, dk = d·(k − 1) + 1; params filters × (prod(k)·Cin/groups + 1).

test('Conv1D figures: causal, channels_first, strides, aliases, Keras 1/2 spellings', async () => {
  await figures('Conv1D(16, 5, padding="causal", dilation_rate=2)', [null, 100, 8], { shape: [null, 100, 16], params: 656 }); // 16·(5·8+1)
  await figures('Conv1D(8, 3, data_format="channels_first")', [null, 4, 20], { shape: [null, 8, 18], params: 104 }); // 8·(3·4+1)
  await figures('Conv1D(8, 3, strides=2, padding="same")', [null, 11, 4], { shape: [null, 6, 8], params: 104 }); // ⌈11/2⌉
  await figures('Convolution1D(8, 3)', [null, 10, 4], { shape: [null, 8, 8], params: 104 });
  // Keras 1 Convolution1D(nb_filter, filter_length, subsample_length=2): ⌊(100 − 3)/2⌋ + 1 = 49; 64·(3·8+1) = 1,600
  await figures('Convolution1D(64, 3, subsample_length=2)', [null, 100, 8], { shape: [null, 49, 64], params: 1600 }, { version: 1 });
  await figures('Conv1D(8, 3, border_mode="same")', [null, 10, 4], { shape: [null, 10, 8], params: 104 }, { version: 2 });
  // Keras 1 AtrousConvolution1D(atrous_rate=2): dk = 5 → 10 − 5 + 1 = 6
  await figures('AtrousConvolution1D(8, 3, atrous_rate=2)', [null, 10, 4], { shape: [null, 6, 8], params: 104 }, { version: 1 });
  await figures('AtrousConv1D(8, 3, atrous_rate=2)', [null, 10, 4], { shape: [null, 6, 8], params: 104 }, { version: 2 });
});

test('Conv2D figures: dilation, groups, channels_first (argument and global), 3 positional ints, lora, Keras 1/2', async () => {
  await figures('Conv2D(32, 3)', [null, 28, 28, 1], { shape: [null, 26, 26, 32], params: 320 }); // 32·(9·1+1)
  await figures('Conv2D(32, (3, 5), dilation_rate=2)', [null, 28, 28, 3], { shape: [null, 24, 20, 32], params: 1472 }); // dk 5, 9; 32·(15·3+1)
  await figures('Conv2D(32, 3, groups=4)', [null, 10, 10, 8], { shape: [null, 8, 8, 32], params: 608 }); // 32·(9·2+1)
  await figures('Conv2D(16, 3, data_format="channels_first")', [null, 3, 32, 32], { shape: [null, 16, 30, 30], params: 448 }); // 16·(27+1)
  await figures('Conv2D(16, 3)', [null, 3, 32, 32], { shape: [null, 16, 30, 30], params: 448 }, { dataFormat: 'channels_first' });
  await figures('Conv2D(32, 3, 3)', [null, 28, 28, 1], { shape: [null, 9, 9, 32], params: 320 }); // Keras 3: strides 3, ⌊25/3⌋+1
  // lora_rank=2: kernel (3,3,3,8) 216 frozen; bias 8 + a (3,3,3,2) 54 + b (2,8) 16 = 78 trainable
  await figures('Conv2D(8, 3, lora_rank=2)', [null, 6, 6, 3], { shape: [null, 4, 4, 8], params: 294, trainable: 78, nonTrainable: 216 });
  await figures('Convolution2D(32, 3, 3, border_mode="same", subsample=(2, 2))', [null, 28, 28, 1], { shape: [null, 14, 14, 32], params: 320 }, { version: 1 });
  await figures('Convolution2D(32, 3, 3, border_mode="same", subsample=(2, 2))', [null, 28, 28, 1], { shape: [null, 14, 14, 32], params: 320 }, { version: 2 });
  // Keras 1 'th' + bias=False: 16 × 3·3·3 = 432
  await figures('Convolution2D(16, 3, 3, dim_ordering="th", init="he_normal", bias=False)', [null, 3, 32, 32], { shape: [null, 16, 30, 30], params: 432 }, { version: 1 });
  await figures('Convolution2D(4, 3, 3, border_mode="full")', [null, 28, 28, 1], { shape: [null, 30, 30, 4], params: 40 }, { version: 1 }); // 28 + 3 − 1
  await figures('AtrousConvolution2D(8, 3, 3, atrous_rate=(2, 2))', [null, 28, 28, 1], { shape: [null, 24, 24, 8], params: 80 }, { version: 1 }); // dk 5
  await figures('AtrousConv2D(8, (3, 3), atrous_rate=(2, 2))', [null, 28, 28, 1], { shape: [null, 24, 24, 8], params: 80 }, { version: 2 });
});

test('Conv3D figures', async () => {
  await figures('Conv3D(8, 3)', [null, 10, 10, 10, 2], { shape: [null, 8, 8, 8, 8], params: 440 }); // 8·(27·2+1)
  await figures('Conv3D(4, (1, 2, 3), data_format="channels_first")', [null, 2, 5, 6, 7], { shape: [null, 4, 5, 5, 5], params: 52 }); // 4·(6·2+1)
  await figures('Convolution3D(4, 3, padding="same")', [null, 4, 4, 4, 1], { shape: [null, 4, 4, 4, 4], params: 112 }); // 4·(27+1)
  await figures('Convolution3D(4, 3, 3, 3, border_mode="same", dim_ordering="th")', [null, 1, 4, 4, 4], { shape: [null, 4, 4, 4, 4], params: 112 }, { version: 1 });
});

test('Conv1D/2D/3D error cases', async () => {
  await rejects('Conv1D(8, 5)', [null, 4, 2], /Computed output size would be zero or negative/);
  await rejects('Conv1D(8, 3, strides=2, dilation_rate=2)', [null, 20, 2], /`strides > 1` not supported in conjunction with `dilation_rate > 1`/);
  await rejects('Conv1D(8, 3)', [null, 20, null], /channel dimension of the input must be defined/);
  await rejects('Conv2D(8, 3)', [null, 28], /expected min_ndim=4, found ndim=2/);
  await rejects('Conv2D(8, 3, data_format="channels_first")', [null, 3, 6, 6, 2], /Kernel shape must have the same length as input/);
  await rejects('Conv2D(8, 3, padding="full")', [null, 28, 28, 1], /The `padding` argument must be a list\/tuple or one of \{'valid', 'same'\}. Received: full/);
  await rejects('Conv2D(8, 3, padding="causal")', [null, 28, 28, 1], /Received: causal/);
  await rejects('Conv2D(30, 3, groups=4)', [null, 28, 28, 8], /filters must be evenly divisible by the number of groups/);
  await rejects('Conv2D(32, 3, groups=4)', [null, 28, 28, 6], /input channels must be evenly divisible by the number of groups/);
  await rejects('Conv2D(0, 3)', [null, 28, 28, 1], /Expected a strictly positive value. Received filters=0/);
  await rejects('Conv2D(8)', [null, 10, 10, 3], /missing 1 required positional argument: 'kernel_size'/);
  await rejects('Conv2D(8, 3, padding=(1, 1))', [null, 6, 6, 3], /explicit padding|padding/);
  await rejects('Conv3D(4, 3)', [null, 5, 6, 7], /expected min_ndim=5, found ndim=4/);
  await rejects('Conv3D(4, (3, 3))', [null, 5, 6, 7, 1], /`kernel_size` argument must be a tuple of 3 integers/);
});

test('transposed conv figures: in·s + max(dk − s, 0), same in·s, output_padding; channels_first; aliases; Keras 1/2', async () => {
  await figures('Conv1DTranspose(4, 3, strides=2)', [null, 10, 2], { shape: [null, 21, 4], params: 28 }); // 9·2 + 3; 4·(3·2+1)
  // same + output_padding: (10 − 1)·2 + 3 % 2 + 1 = 20
  await figures('Conv1DTranspose(4, 3, strides=2, padding="same", output_padding=1, data_format="channels_first")', [null, 2, 10], { shape: [null, 4, 20], params: 28 });
  await figures('Convolution1DTranspose(4, 3)', [null, 10, 2], { shape: [null, 12, 4], params: 28 }); // 9 + 3
  // Keras 2 positional order (filters, kernel_size, strides, padding, output_padding): 9·2 + 3 + 1 = 22
  await figures('Conv1DTranspose(4, 3, 2, "valid", 1)', [null, 10, 2], { shape: [null, 22, 4], params: 28 }, { version: 2 });
  await figures('Conv2DTranspose(16, 3)', [null, 8, 8, 4], { shape: [null, 10, 10, 16], params: 592 }); // 16·(9·4+1)
  await figures('Conv2DTranspose(2, 3, strides=2, padding="same", output_padding=1)', [null, 8, 8, 4], { shape: [null, 16, 16, 2], params: 74 }); // 7·2+1+1
  await figures('Conv2DTranspose(2, 4, strides=2, padding="same", data_format="channels_first")', [null, 4, 8, 8], { shape: [null, 2, 16, 16], params: 130 }); // 2·(16·4+1)
  await figures('Convolution2DTranspose(2, 2, strides=3)', [null, 8, 8, 4], { shape: [null, 24, 24, 2], params: 34 }); // 7·3 + max(2, 3)
  // Keras 1 Deconvolution2D: spatial dims from output_shape; 8·(9·4+1) = 296. Keras 2 drops output_shape: ⌈7·2⌉ = 14 anyway
  await figures('Deconvolution2D(8, 3, 3, (None, 14, 14, 8), subsample=(2, 2), border_mode="same")', [null, 7, 7, 4], { shape: [null, 14, 14, 8], params: 296 }, { version: 1 });
  await figures('Deconvolution2D(8, 3, 3, output_shape=(None, 14, 14, 8), subsample=(2, 2), border_mode="same")', [null, 7, 7, 4], { shape: [null, 14, 14, 8], params: 296 }, { version: 2 });
  await figures('Deconv2D(8, (3, 3), strides=(2, 2), padding="same")', [null, 7, 7, 4], { shape: [null, 14, 14, 8], params: 296 }, { version: 2 });
  // Keras 3 Conv3DTranspose positional: data_format before output_padding: (4 − 1)·2 + 3 % 2 + 1 = 8; 2·(27+1) = 56
  await figures('Conv3DTranspose(2, 3, 2, "same", "channels_last", 1)', [null, 4, 4, 4, 1], { shape: [null, 8, 8, 8, 2], params: 56 });
  await figures('Conv3DTranspose(2, 3, 2, "same", 1, "channels_last")', [null, 4, 4, 4, 1], { shape: [null, 8, 8, 8, 2], params: 56 }, { version: 2 });
  await figures('Conv3DTranspose(2, 2, strides=2, data_format="channels_first")', [null, 3, 4, 4, 4], { shape: [null, 2, 8, 8, 8], params: 50 }); // 2·(8·3+1)
  await figures('Convolution3DTranspose(2, 3)', [null, 4, 4, 4, 1], { shape: [null, 6, 6, 6, 2], params: 56 });
  await figures('Deconv3D(2, 3, strides=2)', [null, 4, 4, 4, 1], { shape: [null, 9, 9, 9, 2], params: 56 }, { version: 2 }); // 3·2 + 3
  await figures('Deconvolution3D(2, (3, 3, 3), padding="same")', [null, 4, 4, 4, 1], { shape: [null, 4, 4, 4, 2], params: 56 }, { version: 2 });
});

test('transposed conv error cases', async () => {
  await rejects('Conv1DTranspose(4, 3, strides=2, output_padding=2)', [null, 10, 2], /`output_padding` must be strictly less than `strides`/);
  await rejects('Conv1DTranspose(4, 3, padding="causal")', [null, 10, 2], /one of \{'valid', 'same'\}. Received: causal/);
  await rejects('Conv2DTranspose(2, 3, padding="full")', [null, 8, 8, 4], /Received: full/);
  await rejects('Conv2DTranspose(2, 3)', [null, 8, 4], /expected min_ndim=4, found ndim=3/);
  await rejects('Conv3DTranspose(2, 3, strides=2, dilation_rate=2)', [null, 4, 4, 4, 1], /`strides > 1` not supported/);
  await rejects('Conv3DTranspose(2, 3)', [null, 4, 4, 1], /expected min_ndim=5, found ndim=4/);
});

test('separable and depthwise conv figures: depthwise k·Cin·dm, pointwise Cin·dm·filters, bias', async () => {
  await figures('SeparableConv1D(8, 3)', [null, 20, 4], { shape: [null, 18, 8], params: 52 }); // 3·4 + 4·8 + 8
  await figures('SeparableConv1D(8, 3, depth_multiplier=2, data_format="channels_first")', [null, 4, 20], { shape: [null, 8, 18], params: 96 }); // 24 + 64 + 8
  await figures('SeparableConvolution1D(8, 3, padding="same")', [null, 20, 4], { shape: [null, 20, 8], params: 52 });
  await figures('SeparableConv1D(8, 3, padding="causal")', [null, 20, 4], { shape: [null, 20, 8], params: 52 }, { version: 2 }); // tf.keras allows causal
  await figures('SeparableConv2D(32, 3)', [null, 28, 28, 3], { shape: [null, 26, 26, 32], params: 155 }); // 27 + 96 + 32
  await figures('SeparableConv2D(32, 3, depth_multiplier=2)', [null, 28, 28, 3], { shape: [null, 26, 26, 32], params: 278 }); // 54 + 192 + 32
  await figures('SeparableConv2D(8, 3, data_format="channels_first")', [null, 3, 10, 10], { shape: [null, 8, 8, 8], params: 59 }); // 27 + 24 + 8
  await figures('SeparableConv2D(8, 3, strides=2, dilation_rate=2)', [null, 28, 28, 3], { shape: [null, 12, 12, 8], params: 59 }); // not refused: ⌊23/2⌋+1
  await figures('SeparableConvolution2D(8, 3)', [null, 10, 10, 3], { shape: [null, 8, 8, 8], params: 59 });
  // Keras 1 SeparableConvolution2D(nb_filter, nb_row, nb_col, …, depth_multiplier=2): 9·3·2 + 6·8 + 8 = 110
  await figures('SeparableConvolution2D(8, 3, 3, border_mode="same", depth_multiplier=2)', [null, 10, 10, 3], { shape: [null, 10, 10, 8], params: 110 }, { version: 1 });
  await figures('DepthwiseConv1D(5)', [null, 20, 4], { shape: [null, 16, 4], params: 24 }); // 4·(5+1)
  await figures('DepthwiseConv1D(3, depth_multiplier=2, data_format="channels_first")', [null, 4, 20], { shape: [null, 8, 18], params: 32 }); // 3·4·2 + 8
  // Keras 2 positional (kernel_size, strides, padding, depth_multiplier): 3·4·2 + 8 = 32
  await figures('DepthwiseConv1D(3, 1, "same", 2)', [null, 20, 4], { shape: [null, 20, 8], params: 32 }, { version: 2 });
  await figures('DepthwiseConv2D(3)', [null, 28, 28, 3], { shape: [null, 26, 26, 3], params: 30 }); // 3·(9+1)
  await figures('DepthwiseConv2D(3, depth_multiplier=2, use_bias=False)', [null, 28, 28, 3], { shape: [null, 26, 26, 6], params: 54 }); // 9·3·2
  await figures('DepthwiseConv2D(3, strides=2, dilation_rate=2)', [null, 28, 28, 1], { shape: [null, 12, 12, 1], params: 10 }); // ⌊23/2⌋+1
  await figures('DepthwiseConv2D(3, data_format="channels_first")', [null, 3, 10, 10], { shape: [null, 3, 8, 8], params: 30 });
  await figures('DepthwiseConv2D(3, (1, 1), "same", 2)', [null, 8, 8, 3], { shape: [null, 8, 8, 6], params: 60 }, { version: 2 }); // 9·3·2 + 6
});

test('separable and depthwise conv error cases', async () => {
  await rejects('SeparableConv1D(8, 3, padding="causal")', [null, 20, 4], /Received: causal/);
  await rejects('SeparableConv1D(8, 3)', [null, 20], /expected min_ndim=3, found ndim=2/);
  await rejects('SeparableConv2D(8, 3, depth_multiplier=0)', [null, 10, 10, 3], /Received depth_multiplier=0/);
  await rejects('SeparableConv2D(8, 3)', [null, 10, 10, null], /channel dimension of the input must be defined/);
  await rejects('DepthwiseConv1D(3)', [null, 20], /expected min_ndim=3, found ndim=2/);
  await rejects('DepthwiseConv1D(3, depth_multiplier=0)', [null, 20, 4], /Received depth_multiplier=0/);
  await rejects('DepthwiseConv2D()', [null, 10, 10, 3], /missing 1 required positional argument: 'kernel_size'/);
  await rejects('DepthwiseConv2D(3)', [null, 2, 2, 3], /Computed output size would be zero or negative/);
});
