// What changed between two versions of a text: one range, found by comparing (no editor edit list needed).

export interface TextChange {
  /** First changed offset (the same in both texts). */
  readonly start: number;
  /** End of the replaced part in the old text. */
  readonly oldEnd: number;
  /** End of the replacement in the new text. */
  readonly newEnd: number;
}

/** The smallest single range that turns `before` into `after`; undefined when they are equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Compare in blocks first (native string comparison), then character by character.
  for (let step = 1024; step >= 1; step >>= 4) {
    while (start + step <= max && before.slice(start, start + step) === after.slice(start, start + step)) start += step;
  }
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const maxTail = max - start;
  for (let step = 1024; step >= 1; step >>= 4) {
    while (tail + step <= maxTail && before.slice(before.length - tail - step, before.length - tail) === after.slice(after.length - tail - step, after.length - tail)) tail += step;
  }
  while (tail < maxTail && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}
