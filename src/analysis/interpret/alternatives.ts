// Undecidable choices (`if` on a value keras-lens cannot know, `a if c else b`, `x or y`): every alternative
// runs from the same saved state. If they all leave the same state, that state is kept and its figures are
// certain; otherwise the state goes back to before the choice and what any alternative changed becomes unknown.
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import { reachOf } from './reach';
import type { Scope } from './scope';
import { BudgetExceeded } from './budget';
import { WorldSnapshot, putContents, type Contents } from './world';
import { sameOutcome, type Outcome } from './sameOutcome';

/** What one alternative did and produced. */
export interface Ran<R> extends Outcome {
  readonly result: R;
  /** Which alternative this was. */
  readonly index: number;
}

export type Choice<R> =
  /** Every alternative that does not raise left the same state (now in place) and result. */
  | { readonly kind: 'same'; readonly result: R }
  /** Every alternative raises (the last one's result is given). */
  | { readonly kind: 'raises'; readonly result: R }
  /** The alternatives differ: the state is as before the choice; `ran` says what each (that did not raise) did. */
  | { readonly kind: 'different'; readonly ran: readonly Ran<R>[]; readonly before: WorldSnapshot };

/** Saving the state visits every object in it: it costs steps like evaluation does. */
const OBJECTS_PER_STEP = 16;

/** Runs each alternative (the code of them all is `code`, run in `scope`) from the state as it is now, and compares what they did. */
export function runAlternatives<R>(ip: Interpreter, scope: Scope, code: readonly Node[], alternatives: readonly (() => R)[], raises: (r: R) => boolean): Choice<R> {
  const reach = reachOf(ip, scope, code);
  const before = new WorldSnapshot(reach.roots, reach.expand);
  try {
    const ran: Ran<R>[] = [];
    let last: R | undefined;
    for (const [index, run] of alternatives.entries()) {
      ip.budget.tick(Math.ceil(before.saved.size / OBJECTS_PER_STEP));
      let result: R;
      try {
        result = run();
      } catch (e) {
        // Cut off (budget): leave the state as before the choice; the statement is marked by the caller.
        if (e instanceof BudgetExceeded) before.restore(before.changes());
        throw e;
      }
      const changes = before.changes();
      before.restore(changes);
      last = result;
      if (!raises(result)) ran.push({ changes, result, index });
    }
    if (ran.length === 0) return { kind: 'raises', result: last as R };
    const first = ran[0];
    if (ran.every((r) => r === first || sameOutcome(before, first, r))) {
      apply(first.changes);
      return { kind: 'same', result: first.result };
    }
    return { kind: 'different', ran, before };
  } finally {
    before.close();
  }
}

function apply(changes: ReadonlyMap<object, Contents>): void {
  for (const [o, c] of changes) putContents(o, c);
}
