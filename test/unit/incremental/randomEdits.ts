// Random small edits for the incremental-analysis tests: deterministic (a fixed LCG per seed).

export type Rng = () => number;

export function rng(seed: number): Rng {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const CHARS = '0123456789abcxyz_()[],.=:+* \n#"\'';

/** One edit of the kinds typing makes: a character in or out, a digit changed, a line removed, doubled or moved. */
export function randomEdit(text: string, r: Rng): string {
  const pick = (n: number): number => Math.floor(r() * n);
  const lines = text.split('\n');
  const at = pick(text.length + 1);
  switch (pick(8)) {
    case 0: return text.slice(0, at) + CHARS[pick(CHARS.length)] + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1);
    case 2: {
      const digits = [...text.matchAll(/\d/g)];
      if (digits.length === 0) return text + '\n';
      const d = digits[pick(digits.length)].index ?? 0;
      return text.slice(0, d) + String(pick(10)) + text.slice(d + 1);
    }
    case 3: { const i = pick(lines.length); lines.splice(i, 1); return lines.join('\n'); }
    case 4: { const i = pick(lines.length); lines.splice(i, 0, lines[i]); return lines.join('\n'); }
    case 5: { const i = pick(lines.length); lines.splice(i, 0, ''); return lines.join('\n'); }
    case 6: {
      const i = pick(Math.max(1, lines.length - 1));
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      return lines.join('\n');
    }
    default: {
      // Indent or unindent a line (joins or splits top-level statements).
      const i = pick(lines.length);
      lines[i] = lines[i].startsWith('    ') ? lines[i].slice(4) : `    ${lines[i]}`;
      return lines.join('\n');
    }
  }
}
