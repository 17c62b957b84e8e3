// Automatic names follow Keras's snake_case and numbering rules (keras-layers.md §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snakeCase, NameCounter } from '../../../src/analysis/keras/naming';

test('snake_case per version', () => {
  const cases: [string, string, string, string][] = [
    // class, Keras 3, Keras 2, Keras 1
    ['Conv2D', 'conv2d', 'conv2d', 'conv2d'],
    ['ConvLSTM2D', 'conv_lstm2d', 'conv_lst_m2d', 'convlstm2d'],
    ['MaxPooling2D', 'max_pooling2d', 'max_pooling2d', 'maxpooling2d'],
    ['GlobalAveragePooling2D', 'global_average_pooling2d', 'global_average_pooling2d', 'globalaveragepooling2d'],
    ['PReLU', 'p_re_lu', 'p_re_lu', 'prelu'],
    ['SimpleRNN', 'simple_rnn', 'simple_rnn', 'simplernn'],
    ['Conv2DTranspose', 'conv2d_transpose', 'conv2d_transpose', 'conv2dtranspose'],
    ['CuDNNLSTM', 'cu_dnnlstm', 'cu_dnnlstm', 'cudnnlstm'],
  ];
  for (const [cls, k3, k2, k1] of cases) {
    assert.equal(snakeCase(cls, 3), k3, cls);
    assert.equal(snakeCase(cls, 2), k2, cls);
    assert.equal(snakeCase(cls, 1), k1, cls);
  }
});

test('numbering: zero-based in Keras 3, one-based before', () => {
  const k3 = new NameCounter(3);
  assert.deepEqual([k3.forClass('Dense'), k3.forClass('Dense'), k3.forClass('Conv2D')], ['dense', 'dense_1', 'conv2d']);
  const k2 = new NameCounter(2);
  assert.deepEqual([k2.forClass('Dense'), k2.forClass('Dense')], ['dense_1', 'dense_2']);
});
