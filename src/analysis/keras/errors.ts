// The two ways a layer rule can stop: Keras itself would raise, or keras-lens cannot know.

/** Keras would raise this error (ValueError/TypeError); shown as an error diagnostic. */
export class KerasError extends Error {
  constructor(message: string, readonly argName?: string) {
    super(message);
    this.name = 'KerasError';
  }
}

/** keras-lens cannot work the figure out statically; shown as `?` with this reason. */
export class UnknownFigure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnknownFigure';
  }
}
