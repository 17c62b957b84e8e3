// The mutation kinds and how often each is drawn.
import type { Rng } from './prng';
import {
  cutShort, deleteLine, deleteToken, duplicateLine, duplicateToken, lineEnds, mixedIndentation, swapLines, swapTokens,
  tabs, unicodeIdentifier,
} from './edits';
import { deepNesting, hugeLiteral, hugeRange, longLine, longList, selfRecursion, whileTrue } from './snippets';

const MUTATORS = {
  'delete-token': deleteToken,
  'duplicate-token': duplicateToken,
  'swap-tokens': swapTokens,
  'delete-line': deleteLine,
  'duplicate-line': duplicateLine,
  'swap-lines': swapLines,
  'cut-short': cutShort,
  'deep-nesting': deepNesting,
  'huge-literal': hugeLiteral,
  'unicode-identifier': unicodeIdentifier,
  'crlf': lineEnds,
  'tabs': tabs,
  'mixed-indentation': mixedIndentation,
  'while-true': whileTrue,
  'self-recursion': selfRecursion,
  'huge-range': hugeRange,
  'long-list': longList,
  'long-line': longLine,
} satisfies Record<string, (text: string, rng: Rng) => string>;

export type MutationKind = keyof typeof MUTATORS;
export const MUTATION_KINDS = Object.keys(MUTATORS) as MutationKind[];

/**
 * Relative frequencies. Cheap edits dominate. The hostile inserts cost far more each — a statement run
 * into its step budget (endless loops, huge ranges, recursion) or a 100,000-character line, a 10,000-item
 * list or 10,000-deep nesting takes 0.2–1.5 s here against ~5 ms for a corpus file — so they are drawn
 * rarely enough that the fixed 2,000-case set of npm test stays quick (each still drawn several times in it,
 * and hundreds of times in a 100,000-case run).
 */
export const MUTATION_WEIGHTS: Readonly<Record<MutationKind, number>> = {
  'delete-token': 12,
  'duplicate-token': 7,
  'swap-tokens': 7,
  'delete-line': 9,
  'duplicate-line': 7,
  'swap-lines': 7,
  'cut-short': 6,
  'deep-nesting': 1.5,
  'huge-literal': 5,
  'unicode-identifier': 5,
  'crlf': 4,
  'tabs': 4,
  'mixed-indentation': 4,
  'while-true': 0.2,
  'self-recursion': 0.2,
  'huge-range': 0.2,
  'long-list': 0.25,
  'long-line': 0.35,
};

export function mutate(kind: MutationKind, text: string, rng: Rng): string {
  return MUTATORS[kind](text, rng);
}
