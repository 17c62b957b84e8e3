// if/elif/else, conditional expressions, comparisons and boolean operators — on known values, and on values
// keras-lens cannot know (here os.environ): every branch is followed from the same state; figures the
// branches agree on are certain, what depends on the choice is ? with the condition and its line as reason.
// Every figure is worked by hand in the comments (Dense: units × (inputs + 1)) and was confirmed with
// Keras 3.15.1 (jax) running the same sources, with the variable unset and set (`# keras-check: env`):
// where keras-lens shows a figure both runs printed it, where it shows ? the runs differ.
// scripts/oracle/check_sources.py test/unit/engine/branches.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, rows, totals } from './analyze';
import type { FileSummary } from '../../../src/analysis/summary/types';

const KNOWN = `import keras
from keras import layers

DEPTH = 2
USE_BN = False
ACT = "relu"
inp = keras.Input((20,))
x = inp
if DEPTH > 3:
    x = layers.Dense(64)(x)
elif DEPTH == 2 and not USE_BN:
    x = layers.Dense(32)(x)
else:
    x = layers.Dense(16)(x)
if USE_BN or ACT in ("gelu", "swish"):
    x = layers.BatchNormalization()(x)
if ACT is not None and ACT != "tanh":
    x = layers.Activation(ACT)(x)
units = 10 if 1 <= DEPTH < 5 else 5
x = layers.Dense(units)(x)
extra = [] or [layers.Dense(2)]
out = extra[0](x)
known = keras.Model(inp, out)
`;

test('known conditions: elif, and/or/not, in, is not, chained comparisons, conditional expressions', async () => {
  await ready;
  const m = model(analyze(KNOWN), 'known');
  assert.deepEqual(rows(m), [
    ['InputLayer', [null, 20], 0],
    ['Dense', [null, 32], 672], // elif DEPTH == 2 and not USE_BN: 32 × (20 + 1)
    ['Activation', [null, 32], 0], // "relu" is not None and != "tanh"; no BatchNormalization ("relu" not in the tuple)
    ['Dense', [null, 10], 330], // 1 <= 2 < 5: units = 10; 10 × (32 + 1)
    ['Dense', [null, 2], 22], // [] or [...] is the list: 2 × (10 + 1)
  ]);
  assert.deepEqual(totals(m), [1024, 1024, 0]);
  assert.deepEqual(analyze(KNOWN).diagnostics.filter((d) => /cannot decide/.test(d.message)), []);
});

/** The `?` rows and model reasons must name the condition and its line. */
function reasons(f: FileSummary, variable: string): string[] {
  const m = model(f, variable);
  return [m.unknownReason ?? '', ...m.layers.map((l) => l.unknownReason ?? '')].filter((r) => r);
}

const SAME = `# keras-check: env KL_FLAG=1
import os
import keras
from keras import layers

FLAG = os.environ.get("KL_FLAG")
inp = keras.Input((8,))
if FLAG:
    x = layers.Dense(16, activation="relu")(inp)
else:
    x = layers.Dense(16, activation="gelu")(inp)
mode = os.environ.get("KL_MODE")
if mode == "a":
    x = layers.Dense(4)(x)
elif mode == "b":
    x = layers.Dense(4, kernel_initializer="zeros")(x)
else:
    x = layers.Dense(4)(x)
units = 8 if FLAG else 8
same = keras.Model(inp, layers.Dense(units)(x))
`;

test('an undecidable condition whose branches give the same figures: the figures are certain', async () => {
  await ready;
  const f = analyze(SAME);
  const m = model(f, 'same');
  // Both branches make one Dense(16) (auto-named dense either way; the activation changes no figure): 16 × (8 + 1) = 144.
  // All three of the elif chain make Dense(4) (an initializer changes no figure): 4 × (16 + 1) = 68.
  // 8 if FLAG else 8 is 8 either way: 8 × (4 + 1) = 40.
  assert.deepEqual(rows(m), [['InputLayer', [null, 8], 0], ['Dense', [null, 16], 144], ['Dense', [null, 4], 68], ['Dense', [null, 8], 40]]);
  assert.deepEqual(m.layers.map((l) => l.name), ['input_layer', 'dense', 'dense_1', 'dense_2']);
  assert.deepEqual(totals(m), [252, 252, 0]);
  assert.deepEqual(f.diagnostics.filter((d) => /cannot decide/.test(d.message)), []);
});

const DIFFERENT = `# keras-check: env KL_FLAG=1
import os
import keras
from keras import layers

FLAG = os.environ.get("KL_FLAG")
inp = keras.Input((8,))
y = layers.Dense(4)(inp)
if FLAG:
    y = layers.Dense(4)(y)
out = layers.Dense(2)(y)
differs = keras.Model(inp, out)
units = 64 if FLAG else 32
inp2 = keras.Input((8,))
by_expr = keras.Model(inp2, layers.Dense(units)(inp2))
`;

test('branches that give different figures: what follows the choice is ?, with the condition and its line', async () => {
  await ready;
  const f = analyze(DIFFERENT);
  const m = model(f, 'differs');
  // Before the if: Dense(4) on 8 is certain, 4 × (8 + 1) = 36. Keras prints 36 + 10 = 46 without KL_FLAG and
  // 36 + 20 + 10 = 66 with it: the branch is a ? row and Dense(2) after it has no known input.
  assert.deepEqual(rows(m), [['InputLayer', [null, 8], 0], ['Dense', [null, 4], 36], ['?', null, null], ['Dense', null, null]]);
  assert.deepEqual(totals(m), [null, null, null]);
  assert.ok(reasons(f, 'differs').some((r) => r.includes('`FLAG` (line 9)')), reasons(f, 'differs').join('\n'));
  const info = f.diagnostics.filter((d) => /cannot decide/.test(d.message)).map((d) => [d.range.start.line + 1, d.severity]);
  assert.deepEqual(info, [[9, 'info'], [13, 'info']]);
  // 64 if FLAG else 32: Dense(64) 576 or Dense(32) 288 on 8 inputs.
  const e = model(f, 'by_expr');
  assert.deepEqual(rows(e), [['InputLayer', [null, 8], 0], ['Dense', null, null]]);
  assert.ok(reasons(f, 'by_expr').some((r) => r.includes('`FLAG` (line 13)')));
  // Keras names it dense_2 without KL_FLAG and dense_3 with it (the if on line 9 made one more Dense): an
  // automatic name that depends on the choice shows the smallest number it can have, with `?`.
  assert.equal(e.layers[1].name, 'dense_2?');
  assert.deepEqual(m.layers.map((l) => l.name), ['input_layer', 'dense', '?', 'dense_1?']);
});

const EFFECTS = `# keras-check: env KL_FLAG=1
import os
import keras
from keras import layers

FLAG = os.environ.get("KL_FLAG")

def check(n):
    if n <= 0:
        raise ValueError("n must be positive")
    return n

def head(x, skip):
    if skip:
        return x
    return layers.Dense(3)(x)

n = check(int(os.environ.get("KL_N", "4")))
inp = keras.Input((8,))
short = keras.Model(inp, head(inp, FLAG))
base = keras.Sequential([keras.Input((8,)), layers.Dense(4)], name="base")
if FLAG:
    base.trainable = False
inp2 = keras.Input((8,))
tuned = keras.Model(inp2, layers.Dense(2)(base(inp2)))
blocks = [layers.Dense(5)]
if FLAG:
    blocks.append(layers.Dense(5))
grown = keras.Sequential([keras.Input((8,))] + blocks)
`;

test('raise in one branch, return in one branch, a trainable flag and a list changed in one branch', async () => {
  await ready;
  const f = analyze(EFFECTS);
  // check() raises on one way only: the other way is the only one that goes on, so nothing is unknown.
  assert.deepEqual(f.diagnostics.filter((d) => d.range.start.line + 1 === 9), []);
  // head() returns x on one way and Dense(3)(x) on the other: its result is a ? row fed by the input.
  const s = model(f, 'short');
  assert.deepEqual(rows(s), [['InputLayer', [null, 8], 0], ['?', null, null]]);
  assert.ok(reasons(f, 'short').some((r) => r.includes('`skip` (line 14)')));
  // base.trainable = False on one way: Dense(4) on 8 has 4 × (8 + 1) = 36 weights either way, and Dense(2) on 4
  // has 2 × (4 + 1) = 10: the total 46 is certain, the trainable split (46/0 or 10/36) is not.
  assert.deepEqual(totals(model(f, 'tuned')), [46, null, null]);
  assert.deepEqual(totals(model(f, 'base')), [36, null, null]);
  // head() made a Dense on one way only: base's Dense is dense (KL_FLAG set) or dense_1 (unset).
  assert.equal(model(f, 'base').layers[0].name, 'dense?');
  assert.ok((model(f, 'tuned').unknownReason ?? '').includes('`FLAG` (line 22)'));
  // blocks has one or two Dense(5): its length is not known, so neither is the model built from it.
  const g = model(f, 'grown');
  assert.deepEqual(g.layers, []);
  assert.deepEqual(totals(g), [null, null, null]);
  assert.ok((g.unknownReason ?? '').includes('`FLAG` (line 27)'));
});

const LOOPS = `# keras-check: env KL_MIN=4
import os
import keras
from keras import layers

MIN = int(os.environ.get("KL_MIN", "2"))
inp = keras.Input((16,))
x = inp
while x.shape[-1] > MIN:
    x = layers.Dense(x.shape[-1] // 2)(x)
halving = keras.Model(inp, x)

def add_block(m, units):
    m.add(layers.Dense(units))

model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
for u in os.environ.get("KL_UNITS", "").split(","):
    if u:
        add_block(model, int(u))
plain = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
`;

test('a while whose condition and a for whose items cannot be known: what they change is ?', async () => {
  await ready;
  const f = analyze(LOOPS);
  // Keras: 16 → 8 → 4 → 2 with MIN 2 (Dense 136, 36, 10) or 16 → 8 → 4 with MIN 4: after the input, unknown.
  const h = model(f, 'halving');
  assert.deepEqual(rows(h), [['InputLayer', [null, 16], 0], ['?', null, null]]);
  assert.ok(reasons(f, 'halving').some((r) => r.includes('`x.shape[-1] > MIN` (line 9)')));
  // The loop adds through a helper: the model is changed, so its totals are ?; Dense(2) on 4 = 10 stays.
  const m = model(f, 'model');
  assert.deepEqual(totals(m), [null, null, null]);
  assert.equal(m.layers[0].params, 10);
  // A model the loop does not touch is exact: 3 × (4 + 1) = 15.
  assert.deepEqual(totals(model(f, 'plain')), [15, 15, 0]);
});

const TRY = `# keras-check: env KL_FLAG=1
import os
import keras
from keras import layers

def maybe_deeper(x, flag):
    try:
        if flag:
            raise ValueError("no")
        x = layers.Dense(6)(x)
    except ValueError:
        pass
    return x

inp = keras.Input((4,))
caught = keras.Model(inp, layers.Dense(2)(maybe_deeper(inp, os.environ.get("KL_FLAG"))))
`;

test('a branch that raises inside a try is not left out: the handler may go on', async () => {
  await ready;
  const f = analyze(TRY);
  // Keras: Dense(2) on 4 = 10 with KL_FLAG (caught), Dense(6) on 4 = 30 then Dense(2) on 6 = 14 without.
  const m = model(f, 'caught');
  assert.deepEqual(rows(m), [['InputLayer', [null, 4], 0], ['?', null, null], ['Dense', null, null]]);
  assert.deepEqual(totals(m), [null, null, null]);
  assert.ok(reasons(f, 'caught').some((r) => r.includes('`flag` (line 8)')));
});

const REACH = `# keras-check: env KL_FLAG=1
import os
import keras
from keras import layers

FLAG = os.environ.get("KL_FLAG")
first = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
second = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
add_to_first = first.add

def grow_second():
    second.add(layers.Dense(2))

if FLAG:
    add_to_first(layers.Dense(2))
    grow_second()
else:
    add_to_first(layers.Dense(2))
    grow_second()
same_both = keras.Sequential([keras.Input((4,)), layers.Dense(5)])
if FLAG:
    grow_second()
`;

test('branches that change models through a stored bound method or a helper: both ways are followed from the same start', async () => {
  await ready;
  const f = analyze(REACH);
  // Each way adds one Dense(2) to each model, once: Dense(3) on 4: 3 × (4 + 1) = 15; Dense(2) on 3: 2 × (3 + 1) = 8.
  assert.deepEqual(rows(model(f, 'first')), [['Dense', [null, 3], 15], ['Dense', [null, 2], 8]]);
  assert.deepEqual(totals(model(f, 'first')), [23, 23, 0]);
  // The last if adds another Dense(2) to second on one way only (8 + 2 × (2 + 1) = 6 more): its total is ?.
  assert.deepEqual(totals(model(f, 'second')), [null, null, null]);
  assert.deepEqual(rows(model(f, 'second')).slice(0, 2), [['Dense', [null, 3], 15], ['Dense', [null, 2], 8]]);
  // 5 × (4 + 1) = 25, untouched by either if.
  assert.deepEqual(totals(model(f, 'same_both')), [25, 25, 0]);
});

const LATER_PASS = `# keras-check: env KL_STEPS=6
import os
import keras
from keras import layers

model = keras.Sequential([keras.Input((4,)), layers.Dense(3)])

def widen(m):
    m.add(layers.Dense(2))

steps = int(os.environ.get("KL_STEPS", "2"))
i = 0
while i < steps:
    if i > 3:
        widen(model)
    i += 1
`;

test('a loop of unknown length: a model only a later pass changes (through a helper) is not shown as certain', async () => {
  await ready;
  const f = analyze(LATER_PASS);
  // Keras: 15 with KL_STEPS=2 (the helper never runs); with 6, passes 4 and 5 add Dense(2) twice (15 + 8 + 6 = 29).
  // The one pass keras-lens follows (i = 0) adds nothing, so the model is marked from the loop's source.
  const m = model(f, 'model');
  assert.deepEqual(totals(m), [null, null, null]);
  assert.deepEqual(rows(m), [['Dense', [null, 3], 15]]);
  assert.ok((m.unknownReason ?? '').includes('`i < steps` (line 13)'));
});
