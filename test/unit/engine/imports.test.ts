// Every common import spelling resolves to the same Keras classes: Flatten((1, 28, 28)) + Dense(10) = 7,850.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows } from './analyze';

const BODY = (flatten: string, dense: string, seq: string) =>
  `model = ${seq}()\nmodel.add(${flatten}(input_shape=(1, 28, 28)))\nmodel.add(${dense}(10))\n`;

// 784 = 1 × 28 × 28 inputs; Dense(10): 10 × (784 + 1) = 7,850.
const EXPECTED: [string, unknown, number | null][] = [['Flatten', [null, 784], 0], ['Dense', [null, 10], 7850]];

const spellings: [string, string][] = [
  ['import keras', 'import keras\n' + BODY('keras.layers.Flatten', 'keras.layers.Dense', 'keras.Sequential')],
  ['from keras import layers', 'import keras\nfrom keras import layers\n' + BODY('layers.Flatten', 'layers.Dense', 'keras.Sequential')],
  ['from keras.layers import … as …', 'from keras.layers import Dense as D, Flatten as F\nfrom keras.models import Sequential\n' + BODY('F', 'D', 'Sequential')],
  ['from tensorflow import keras', 'from tensorflow import keras\n' + BODY('keras.layers.Flatten', 'keras.layers.Dense', 'keras.Sequential')],
  ['import tensorflow as tf', 'import tensorflow as tf\n' + BODY('tf.keras.layers.Flatten', 'tf.keras.layers.Dense', 'tf.keras.Sequential')],
  ['tf.keras.models', 'import tensorflow as tf\n' + BODY('tf.keras.layers.Flatten', 'tf.keras.layers.Dense', 'tf.keras.models.Sequential')],
  ['from tensorflow.keras.layers import', 'from tensorflow.keras.layers import Dense, Flatten\nfrom tensorflow.keras.models import Sequential\n' + BODY('Flatten', 'Dense', 'Sequential')],
  ['Keras 1 module paths', 'from keras.layers.core import Dense, Flatten\nfrom keras.models import Sequential\n' + BODY('Flatten', 'Dense', 'Sequential')],
  ['star import', 'from keras.layers import *\nfrom keras.models import *\n' + BODY('Flatten', 'Dense', 'Sequential')],
  ['no import at all (snippet)', BODY('Flatten', 'Dense', 'Sequential')],
  ['import keras.layers as kl', 'import keras\nimport keras.layers as kl\n' + BODY('kl.Flatten', 'kl.Dense', 'keras.Sequential')],
];

for (const [title, src] of spellings) {
  test(`imports: ${title}`, async () => {
    await ready;
    const f = analyze(src);
    assert.deepEqual(rows(model(f, 'model')), EXPECTED);
    assert.equal(model(f, 'model').totalParams, 7850);
  });
}

test('imports: a Keras 1 module path alone does not change the figures but selects Keras 2 rules', async () => {
  await ready;
  const f = analyze(spellings[7][1]);
  assert.equal(f.kerasVersion, 2);
  assert.ok(f.diagnostics.some((d) => d.severity === 'info' && /Keras 2 rules/.test(d.message)));
});
