// The step budget seen from outside (onSteps): the steps a file used, and a cut-off stays within its slice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, ready } from './analyze';

const LIMITS = { totalSteps: 10_000, stepsPerStatement: 2_000, maxCallDepth: 40 };

function steps(src: string): number[] {
  const seen: number[] = [];
  analyze(src, { limits: LIMITS, onSteps: (n) => seen.push(n) });
  return seen;
}

test('onSteps is told once, and a loop of 300 iterations costs more steps than one statement', async () => {
  await ready;
  const one = steps('x = 1\n');
  const loop = steps('for i in range(300):\n    x = i\n');
  assert.equal(one.length, 1);
  assert.equal(loop.length, 1);
  assert.ok(one[0] > 0, `steps for one statement: ${one[0]}`);
  assert.ok(loop[0] > one[0] + 300, `a 300-iteration loop used ${loop[0]} steps, one statement ${one[0]}`);
});

test('while True: is stopped at the end of its statement slice, and the next statement gets a fresh slice', async () => {
  await ready;
  const [forever] = steps('while True:\n    pass\n');
  assert.ok(forever > LIMITS.stepsPerStatement && forever <= LIMITS.stepsPerStatement + 1, `while True used ${forever} steps`);
  const [twice] = steps('while True:\n    pass\nwhile True:\n    pass\n');
  assert.ok(twice > 2 * LIMITS.stepsPerStatement && twice <= 2 * LIMITS.stepsPerStatement + 2, `two loops used ${twice} steps`);
});
