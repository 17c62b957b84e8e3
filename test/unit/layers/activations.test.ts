// Activation layers: same shape; PReLU's alpha. Figures from keras-layers.md §3.1 (✔ rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { findLayer } from '../../../src/analysis/keras/catalogue';
import { run } from './harness';
import { figures, rejects } from './cases';

test('Activation, ReLU, LeakyReLU, ELU, Softmax keep the shape with 0 params and are built at construction', () => {
  for (const [cls, args] of [['Activation', ['relu']], ['ReLU', []], ['LeakyReLU', []], ['ELU', []], ['Softmax', []]] as const) {
    const r = run(cls, args, {}, [null, 8, 3]);
    assert.deepEqual(r.shape, [null, 8, 3], cls);
    assert.equal(r.total, 0, cls);
    assert.equal(findLayer(cls)?.builtAtConstruction, true, cls);
  }
});

test('Activation with an unknown name is a Keras 3 constructor error', () => {
  assert.throws(() => run('Activation', ['relux'], {}, [null, 3]), /Could not interpret activation function identifier: relux/);
  assert.deepEqual(run('Activation', ['swish'], {}, [null, 3]).shape, [null, 3]);
});

test('ReLU / LeakyReLU argument checks (Keras 3)', () => {
  assert.throws(() => run('ReLU', [-1], {}, [null, 3]), KerasError);
  assert.throws(() => run('ReLU', [], { negative_slope: null }, [null, 3]), KerasError);
  assert.throws(() => run('LeakyReLU', [-0.1], {}, [null, 3]), KerasError);
  assert.deepEqual(run('LeakyReLU', [], { alpha: 0.2 }, [null, 3]).shape, [null, 3]);
  assert.deepEqual(run('LeakyReLU', [0.2], {}, [null, 3], { version: 2 }).shape, [null, 3]);
});

test('PReLU: alpha over in[1:] — (None,10) → 10; (None,8,8,3) → 8·8·3 = 192; shared [1,2] → 1·1·3 = 3', () => {
  assert.equal(run('PReLU', [], {}, [null, 10]).total, 10);
  assert.equal(run('PReLU', [], {}, [null, 8, 8, 3]).total, 192);
  const r = run('PReLU', [], { shared_axes: [1, 2] }, [null, 8, 8, 3]);
  assert.equal(r.total, 3);
  assert.equal(r.trainable, 3);
  assert.deepEqual(r.shape, [null, 8, 8, 3]);
});

test('PReLU on a None non-shared axis is an error; shared_axes=1 makes it fine: alpha (1, 3) = 3', () => {
  assert.throws(() => run('PReLU', [], {}, [null, null, 3]), KerasError);
  assert.equal(run('PReLU', [], { shared_axes: 1 }, [null, null, 3]).total, 3);
});

test('ThresholdedReLU exists only in Keras 1/2', () => {
  assert.deepEqual(run('ThresholdedReLU', [1.0], {}, [null, 5], { version: 2 }).shape, [null, 5]);
  assert.throws(() => run('ThresholdedReLU', [], {}, [null, 5]), /ThresholdedReLU/);
});

// Whole-path cases (cases.ts); the Keras 3 ones are replayed under Keras by scripts/check-layer-cases.mjs.

test('weightless activations: the input shape, 0 params; Keras 2 LeakyReLU(alpha) and ThresholdedReLU', async () => {
  await figures('Activation("relu")', [null, 8, 3], { shape: [null, 8, 3], params: 0 });
  await figures('Activation(None)', [null, 5], { shape: [null, 5], params: 0 }); // None = linear
  await figures('ReLU(max_value=6.0)', [null, 8, 3], { shape: [null, 8, 3], params: 0 });
  await figures('LeakyReLU(negative_slope=0.1)', [null, 4, 4, 2], { shape: [null, 4, 4, 2], params: 0 });
  await figures('LeakyReLU(alpha=0.2)', [null, 5], { shape: [null, 5], params: 0 }); // deprecated spelling still accepted
  await figures('LeakyReLU(0.2)', [null, 5], { shape: [null, 5], params: 0 }, { version: 2 });
  await figures('ELU(alpha=0.5)', [null, 8, 3], { shape: [null, 8, 3], params: 0 });
  await figures('Softmax(axis=1)', [null, 8, 3], { shape: [null, 8, 3], params: 0 });
  await figures('ThresholdedReLU(theta=0.5)', [null, 5], { shape: [null, 5], params: 0 }, { version: 2 });
});

test('PReLU figures: alpha over in[1:] with shared axes set to 1; Keras 1 init=', async () => {
  await figures('PReLU()', [null, 10], { shape: [null, 10], params: 10 });
  await figures('PReLU()', [null, 8, 8, 3], { shape: [null, 8, 8, 3], params: 192 }); // 8·8·3
  await figures('PReLU(shared_axes=[1, 2])', [null, 8, 8, 3], { shape: [null, 8, 8, 3], params: 3 }); // 1·1·3
  await figures('PReLU(shared_axes=1)', [null, null, 3], { shape: [null, null, 3], params: 3 }); // (1, 3)
  await figures('PReLU(init="zero")', [null, 4, 5], { shape: [null, 4, 5], params: 20 }, { version: 1 }); // 4·5
});

test('activation error cases', async () => {
  await rejects('Activation("relux")', [null, 3], /Could not interpret activation function identifier: relux/);
  await rejects('Activation()', [null, 3], /missing 1 required positional argument: 'activation'/);
  await rejects('ReLU(max_value=-1)', [null, 3], /max_value of a ReLU layer cannot be a negative value. Received: max_value=-1/);
  await rejects('ReLU(threshold=-1.0)', [null, 3], /threshold of a ReLU layer cannot be None or a negative value. Received: threshold=-1.0/);
  await rejects('LeakyReLU(negative_slope=-0.1)', [null, 3], /negative_slope value of a Leaky ReLU layer cannot be None or negative value/);
  await rejects('LeakyReLU(alpha=-0.1)', [null, 3], /Received: negative_slope=-0.1/);
  await rejects('ELU(theta=1.0)', [null, 3], /Unrecognized keyword arguments passed to ELU: \{'theta': 1.0\}/);
  await rejects('Softmax(dim=1)', [null, 3], /Unrecognized keyword arguments passed to Softmax: \{'dim': 1\}/);
  await rejects('ThresholdedReLU()', [null, 3], /has no attribute 'ThresholdedReLU'/);
  await rejects('PReLU()', [null, null, 3], /dimension 1 of the input must be defined/);
  await rejects('PReLU(shared_axes=5)', [null, 8, 3], /shared axis 5 is out of range/);
});
