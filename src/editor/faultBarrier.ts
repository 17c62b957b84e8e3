// Keeps one feature's failure from reaching the others or the user: errors go to the output channel, never to pop-ups.
// Only types come from 'vscode' here, so the barrier is unit-tested in plain Node.

export interface LineSink {
  appendLine(line: string): void;
}

/** How often an error that keeps repeating is logged again: the first few, then at these counts. */
const FULL_REPORTS = 3;
const REPEAT_MARKS = new Set([10, 100, 1000, 10_000, 100_000]);

export class FaultBarrier {
  private readonly counts = new Map<string, number>();
  /** The longest one synchronous call of each feature took on the main thread (ms), for the e2e measurement. */
  readonly longestMillis = new Map<string, number>();

  constructor(private readonly sink: LineSink) {}

  /** Errors seen so far, per feature (for tests and the output channel). */
  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** Logs an error of a feature; a repeating error is logged a few times, then only at 10, 100, 1,000… */
  report(feature: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${feature}\u0000${message}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    try {
      if (n <= FULL_REPORTS) {
        const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
        this.sink.appendLine(`[${new Date().toISOString()}] keras-lens ${feature} failed: ${message}${stack}`);
      } else if (REPEAT_MARKS.has(n)) {
        this.sink.appendLine(`[${new Date().toISOString()}] keras-lens ${feature} failed again (${n.toLocaleString('en-US')} times so far): ${message}`);
      }
    } catch {
      // A closed output channel must not turn a logged error into a thrown one.
    }
  }

  /**
   * Wraps a listener, provider method or command: a throw, or a rejected promise, is reported and
   * `fallback` is returned instead, so the caller (VS Code, an event emitter) never sees it.
   */
  guard<A extends unknown[], R>(feature: string, fn: (...args: A) => R, fallback: Awaited<R>): (...args: A) => R {
    return (...args: A): R => {
      const t0 = performance.now();
      try {
        const r = fn(...args);
        if (isThenable(r)) {
          return Promise.resolve(r).catch((e: unknown) => {
            this.report(feature, e);
            return fallback;
          }) as R;
        }
        return r;
      } catch (e) {
        this.report(feature, e);
        return fallback as R;
      } finally {
        const ms = performance.now() - t0;
        if (ms > (this.longestMillis.get(feature) ?? 0)) this.longestMillis.set(feature, ms);
      }
    };
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}
