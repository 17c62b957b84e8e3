// The step budget: a runaway statement stops with a diagnostic, nothing that depends on its cut-off part is
// shown as certain, and the other models of the file stay exact. Time is not asserted (a shared machine makes
// timed assertions flaky); `node scripts/budget-bench.mjs` prints how long each case takes.
// Figures worked by hand: Dense(10) on 784 inputs: 10 × (784 + 1) = 7,850; Dense(2) on 4: 2 × (4 + 1) = 10.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, model, ready, totals } from './analyze';
import { DEFAULT_LIMITS } from '../../../src/analysis/interpret/interpreter';
import type { FileSummary } from '../../../src/analysis/summary/types';

const HEAD = 'import keras\nfrom keras import layers\nbefore = keras.Sequential([keras.Input((784,)), layers.Dense(10)])\n';
const TAIL = 'after = keras.Sequential([keras.Input((784,)), layers.Dense(10)])\n';

function budgetWarnings(f: FileSummary): number[] {
  return f.diagnostics.filter((d) => d.severity === 'warning' && /runs too long/.test(d.message)).map((d) => d.range.start.line + 1);
}

function assertNeighboursExact(f: FileSummary): void {
  assert.deepEqual(totals(model(f, 'before')), [7850, 7850, 0]);
  assert.deepEqual(totals(model(f, 'after')), [7850, 7850, 0]);
}

const RUNAWAY: Record<string, { body: string; line: number; model?: string }> = {
  'for i in range(10**9): model.add(...)': {
    body: 'model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\nfor i in range(10**9):\n    model.add(layers.Dense(1))\n',
    line: 5, model: 'model',
  },
  'for i in range(10**9): x = Dense(1)(x), then a model of x': {
    body: 'inp = keras.Input((4,))\nx = layers.Dense(2)(inp)\nfor i in range(10**9):\n    x = layers.Dense(1)(x)\nmodel = keras.Model(inp, x)\n',
    line: 6, model: 'model',
  },
  'while True: model.add(...)': {
    body: 'model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\nwhile True:\n    model.add(layers.Dense(1))\n',
    line: 5, model: 'model',
  },
  'while True: pass': { body: 'while True:\n    pass\n', line: 4 },
  'a list of 10**9 layers': { body: 'xs = [layers.Dense(1) for i in range(10**9)]\n', line: 4 },
  'branching recursion': { body: 'def f(n):\n    return f(n + 1) + f(n + 2)\ny = f(1)\n', line: 6 },
  'a helper cut off before it adds to a global model': {
    body: 'model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\ndef grow():\n    while True:\n        pass\n    model.add(layers.Dense(3))\ngrow()\n',
    line: 9, model: 'model',
  },
  'a helper cut off before it finishes the model it makes': {
    body: 'def build():\n    m = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\n    for i in range(10**9):\n        pass\n    m.add(layers.Dense(3))\n    return m\nmodel = build()\n',
    line: 10,
  },
};

for (const [name, c] of Object.entries(RUNAWAY)) {
  test(`budget: ${name} stops with a warning on its statement; the models around it stay exact`, async () => {
    await ready;
    const f = analyze(HEAD + c.body + TAIL);
    assert.deepEqual(budgetWarnings(f), [c.line]);
    assertNeighboursExact(f);
    if (c.model) {
      const m = model(f, c.model);
      assert.deepEqual(totals(m), [null, null, null], 'no total depends on the cut-off part');
      assert.ok(m.unknownReason, 'the model says why its totals are ?');
      // Rows made before the cut keep their own figures: Dense(2) on 4 inputs, 2 × (4 + 1) = 10.
      const dense2 = m.layers.find((l) => l.type === 'Dense');
      assert.equal(dense2?.params, 10);
    }
  });
}

test('budget: the model a cut-off helper was making is listed with ? totals', async () => {
  await ready;
  const f = analyze(HEAD + RUNAWAY['a helper cut off before it finishes the model it makes'].body + TAIL);
  const made = f.models.filter((m) => m.variable !== 'before' && m.variable !== 'after');
  assert.equal(made.length, 1);
  assert.deepEqual(totals(made[0]), [null, null, null]);
});

test('budget: a file of several runaway statements is cut per statement, then for the file, never hangs', async () => {
  await ready;
  const loop = 'for i in range(10**9):\n    pass\n';
  const f = analyze(HEAD + loop.repeat(6) + TAIL);
  // The file allows four statements' worth of steps: four loops are cut, the fifth finds the budget used up.
  assert.equal(DEFAULT_LIMITS.totalSteps / DEFAULT_LIMITS.stepsPerStatement, 4);
  assert.deepEqual(budgetWarnings(f), [4, 6, 8, 10]);
  assert.ok(f.diagnostics.some((d) => d.range.start.line + 1 === 12 && /budget is used up/.test(d.message)));
  assert.deepEqual(totals(model(f, 'before')), [7850, 7850, 0]);
  assert.equal(f.models.some((m) => m.variable === 'after'), false, 'models below the exhausted budget are not shown');
});

test('budget: the largest hard corpus model (ResNet-50, one statement) fits in an eighth of the statement budget', async () => {
  await ready;
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const src = readFileSync(join(__dirname, '../../../../test/corpus-hard/resnet50/model.py'), 'utf8');
  const limits = { ...DEFAULT_LIMITS, stepsPerStatement: DEFAULT_LIMITS.stepsPerStatement / 8 };
  const f = analyze(src, { limits });
  assert.deepEqual(budgetWarnings(f), []);
  // What Keras 3.15.1 counts for the same source (as in test/corpus-hard/resnet50/expected.json).
  assert.deepEqual(totals(f.models[0]), [25636712, 25583592, 53120]);
});
