// Every evaluation step is counted, so no input can keep the interpreter busy for long.

export class BudgetExceeded extends Error {
  constructor(readonly what: string) {
    super(`analysis budget exceeded (${what})`);
    this.name = 'BudgetExceeded';
  }
}

export class Budget {
  private steps = 0;
  private sliceEnd: number;

  constructor(readonly total: number, readonly perStatement: number) {
    this.sliceEnd = perStatement;
  }

  /** Starts the allowance of one top-level statement. */
  startStatement(): void {
    this.sliceEnd = Math.min(this.total, this.steps + this.perStatement);
  }

  exhausted(): boolean {
    return this.steps >= this.total;
  }

  used(): number {
    return this.steps;
  }

  /** Sets the steps used so far (the incremental analysis resumes a statement where the file would be). */
  setUsed(steps: number): void {
    this.steps = steps;
  }

  tick(n = 1): void {
    this.steps += n;
    if (this.steps > this.sliceEnd) {
      throw new BudgetExceeded(this.steps > this.total ? 'the whole file' : 'one statement');
    }
  }
}
