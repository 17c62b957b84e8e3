// A feature's error is logged to the output channel and swallowed; the other features and VS Code never see it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultBarrier } from '../../../src/editor/faultBarrier';

function sink(): { lines: string[]; appendLine(l: string): void } {
  const lines: string[] = [];
  return { lines, appendLine: (l: string) => lines.push(l) };
}

test('a throwing listener is reported with its feature and stack, and returns the fallback', () => {
  const log = sink();
  const faults = new FaultBarrier(log);
  const hover = faults.guard('hover', (n: number): number => { if (n > 1) throw new Error('boom'); return n; }, -1);
  assert.equal(hover(1), 1);
  assert.equal(hover(2), -1);
  assert.equal(log.lines.length, 1);
  assert.match(log.lines[0], /keras-lens hover failed: boom\nError: boom\n\s+at /);
});

test('a rejected promise is reported and resolves to the fallback', async () => {
  const log = sink();
  const faults = new FaultBarrier(log);
  const lenses = faults.guard('code lens', async (): Promise<string[]> => { throw new TypeError('no model'); }, []);
  assert.deepEqual(await lenses(), []);
  assert.match(log.lines[0], /keras-lens code lens failed: no model/);
});

test('one feature failing leaves the next listener of the same event running', () => {
  const log = sink();
  const faults = new FaultBarrier(log);
  const ran: string[] = [];
  const listeners = [
    faults.guard('summary panel', () => { throw new Error('panel broke'); }, undefined),
    faults.guard('status bar', () => { ran.push('status bar'); }, undefined),
  ];
  for (const l of listeners) l();
  assert.deepEqual(ran, ['status bar']);
  assert.equal(faults.total, 1);
});

test('an error that repeats on every keystroke is logged three times, then at 10 and 100', () => {
  const log = sink();
  const faults = new FaultBarrier(log);
  for (let i = 0; i < 150; i++) faults.report('inline annotations', new Error('same'));
  assert.equal(log.lines.length, 5);
  assert.match(log.lines[3], /failed again \(10 times so far\): same/);
  assert.match(log.lines[4], /failed again \(100 times so far\): same/);
  assert.equal(faults.total, 150);
});

test('a sink that throws (a disposed channel) does not turn a report into a throw', () => {
  const faults = new FaultBarrier({ appendLine: () => { throw new Error('channel disposed'); } });
  assert.doesNotThrow(() => faults.report('hover', new Error('x')));
});
