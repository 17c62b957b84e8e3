// Helper functions: positional, keyword, default, *args and **kwargs arguments; returning tensors, layers,
// tuples and models; lambdas; nested defs; recursion (followed when it ends, cut off 40 calls deep).
// Every figure is worked by hand in the comments (Dense: units × (inputs + 1)) and was confirmed with
// Keras 3.15.1 (jax) running the same sources: scripts/oracle/check_sources.py test/unit/engine/functions.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';

const CHAIN = `import keras
from keras import layers

U = 8

def dense_block(x, units, dropout=0.0, *, name=None):
    x = layers.Dense(units, name=name)(x)
    if dropout:
        x = layers.Dropout(dropout)(x)
    return x

def stack(x, *widths, **kw):
    for w in widths:
        x = dense_block(x, w, **kw)
    return x

def make_layer(units=U):
    return layers.Dense(units)

U = 99
triple = lambda n: n * 3

inp = keras.Input((10,))
x = dense_block(inp, 32, 0.5, name="first")
x = stack(x, 16, 8, dropout=0.1)
x = make_layer()(x)
x = make_layer(triple(2))(x)
out = dense_block(x, units=4)
chain = keras.Model(inp, out)
`;

test('positional, keyword, default, keyword-only, *args and **kwargs arguments reach the layers', async () => {
  await ready;
  const m = model(analyze(CHAIN), 'chain');
  assert.deepEqual(rows(m), [
    ['InputLayer', [null, 10], 0],
    ['Dense', [null, 32], 352], // first: 32 × (10 + 1); name= keyword-only
    ['Dropout', [null, 32], 0], // dropout 0.5 is truthy
    ['Dense', [null, 16], 528], // stack(*widths=16, 8, **kw): 16 × (32 + 1)
    ['Dropout', [null, 16], 0],
    ['Dense', [null, 8], 136], // 8 × (16 + 1)
    ['Dropout', [null, 8], 0],
    ['Dense', [null, 8], 72], // make_layer(): the default U = 8 was fixed at def time (U = 99 later): 8 × (8 + 1)
    ['Dense', [null, 6], 54], // triple(2) = 6: 6 × (8 + 1)
    ['Dense', [null, 4], 28], // units=4 by keyword, dropout default 0.0: no Dropout; 4 × (6 + 1)
  ]);
  // Explicit names do not use up automatic ones: the unnamed Dense layers are dense … dense_4.
  assert.deepEqual(m.layers.map((l) => l.name), ['input_layer', 'first', 'dropout', 'dense', 'dropout_1', 'dense_1', 'dropout_2', 'dense_2', 'dense_3', 'dense_4']);
  // 352 + 528 + 136 + 72 + 54 + 28 = 1,170
  assert.deepEqual(totals(m), [1170, 1170, 0]);
});

const RETURNS = `import keras
from keras import layers

def two_heads(x):
    return layers.Dense(2, name="head_a")(x), layers.Dense(3, name="head_b")(x)

def tower(units):
    inp = keras.Input((units,))
    return keras.Model(inp, layers.Dense(units // 2)(inp), name=f"tower_{units}")

def outer(x):
    def inner(y, k=4):
        return layers.Dense(k)(y)
    return inner(inner(x), k=2)

inp = keras.Input((6,))
a, b = two_heads(inp)
t = tower(3)
y = outer(t(b))
heads = keras.Model(inp, [a, y])
`;

test('functions returning a tuple of tensors and a model; a nested def with its own default', async () => {
  await ready;
  const f = analyze(RETURNS);
  // tower(3): Input (3,) → Dense(3 // 2 = 1): 1 × (3 + 1) = 4.
  assert.deepEqual(rows(model(f, 't')), [['InputLayer', [null, 3], 0], ['Dense', [null, 1], 4]]);
  const m = model(f, 'heads');
  // Keras orders by depth from the outputs: input (4), head_b (3), tower_3 (2), dense_1 (1), then the two at depth 0 by discovery.
  assert.deepEqual(m.layers.map((l) => l.name), ['input_layer', 'head_b', 'tower_3', 'dense_1', 'head_a', 'dense_2']);
  assert.deepEqual(rows(m), [
    ['InputLayer', [null, 6], 0],
    ['Dense', [null, 3], 21], // head_b: 3 × (6 + 1)
    ['Functional', [null, 1], 4], // the tower model as one row
    ['Dense', [null, 4], 8], // inner(x): k = 4 on 1 input: 4 × (1 + 1)
    ['Dense', [null, 2], 14], // head_a: 2 × (6 + 1)
    ['Dense', [null, 2], 10], // inner(…, k=2): 2 × (4 + 1)
  ]);
  assert.deepEqual(totals(m), [57, 57, 0]);
});

const RECURSION = `import keras
from keras import layers

def deepen(x, n):
    if n == 0:
        return x
    return deepen(layers.Dense(4)(x), n - 1)

inp = keras.Input((4,))
ended = keras.Model(inp, deepen(inp, 3))
`;

test('recursion that ends is followed like a loop', async () => {
  await ready;
  // Three Dense(4) on 4 inputs: 3 × 4 × (4 + 1) = 60.
  assert.deepEqual(rows(model(analyze(RECURSION), 'ended')), [
    ['InputLayer', [null, 4], 0], ['Dense', [null, 4], 20], ['Dense', [null, 4], 20], ['Dense', [null, 4], 20],
  ]);
});

const ENDLESS = `# keras-check: skip Python raises RecursionError
import keras
from keras import layers

def forever(x):
    return forever(layers.Dense(4)(x))

def grow(m):
    m.add(layers.Dense(1))
    shrink(m)

def shrink(m):
    grow(m)

inp = keras.Input((4,))
y = forever(inp)
seq = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
grow(seq)
after = keras.Sequential([keras.Input((784,)), layers.Dense(10)])
`;

test('recursion without end is cut off 40 calls deep, with an info diagnostic and nothing it touched shown as certain', async () => {
  await ready;
  const f = analyze(ENDLESS);
  const cut = f.diagnostics.filter((d) => /40 levels deep/.test(d.message));
  // forever(...) recursing on line 6; grow → shrink → grow …: the 41st call would be shrink's grow(m) on line 13.
  assert.deepEqual(cut.map((d) => [d.range.start.line + 1, d.severity]), [[6, 'info'], [13, 'info']]);
  // y is not a model output: no model is made from it. The model the mutual recursion kept adding to is not certain.
  const seq = model(f, 'seq');
  assert.equal(seq.totalParams, null);
  assert.match(seq.unknownReason ?? '', /recursion cut off/);
  // What was added before the cut keeps its row figures: Dense(2) on 4: 2 × (4 + 1) = 10; Dense(1) on 2: 1 × (2 + 1) = 3.
  assert.deepEqual(rows(seq).slice(0, 2), [['Dense', [null, 2], 10], ['Dense', [null, 1], 3]]);
  // A model the recursion never reached stays exact: 10 × (784 + 1) = 7,850.
  assert.deepEqual(totals(model(f, 'after')), [7850, 7850, 0]);
});
