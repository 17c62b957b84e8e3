// Corpus cases known not to match real Keras yet, each with the reason. A case listed here is
// reported but does not fail; a listed case that now matches fails the test until it is removed,
// so this list stays honest. Only features outside issue 2's scope belong here.

export interface Gap {
  /** The case directory under test/corpus (or test/corpus-hard for HARD_GAPS). */
  readonly dir: string;
  readonly reason: string;
}

export const EXPECTED_GAPS: readonly Gap[] = [];

export const HARD_GAPS: readonly Gap[] = [];
