// Activation layers: same shape; PReLU's alpha. Figures from keras-layers.md §3.1 (✔ rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KerasError } from '../../../src/analysis/keras/errors';
import { findLayer } from '../../../src/analysis/keras/catalogue';
import { run } from './harness';

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
