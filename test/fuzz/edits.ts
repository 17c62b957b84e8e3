// Mutations that edit what is already in the file: tokens, lines, the end, identifiers, line ends, indentation.
import type { Rng } from './prng';
import { join, significant, tokenize } from './tokens';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type', 'print',
]);

/** Identifiers of the text that are not keywords (candidates for renaming and for snippets to use). */
export function identifiers(text: string): string[] {
  return [...new Set(tokenize(text).filter((t) => t.kind === 'name' && !KEYWORDS.has(t.text)).map((t) => t.text))];
}

export function deleteToken(text: string, rng: Rng): string {
  const toks = tokenize(text);
  const sig = significant(toks);
  if (sig.length === 0) return text;
  const n = rng.chance(0.8) ? 1 : rng.between(2, 5);
  const at = rng.int(sig.length);
  for (let k = 0; k < n && at + k < sig.length; k++) toks[sig[at + k]] = { kind: 'space', text: '' };
  return join(toks);
}

export function duplicateToken(text: string, rng: Rng): string {
  const toks = tokenize(text);
  const sig = significant(toks);
  if (sig.length === 0) return text;
  const i = rng.pick(sig);
  const t = toks[i];
  // The copy goes right after the original, or somewhere else in the file.
  const where = rng.chance(0.6) ? i : rng.pick(sig);
  toks[where] = { kind: toks[where].kind, text: toks[where].text + (rng.chance(0.5) ? ' ' : '') + t.text };
  return join(toks);
}

export function swapTokens(text: string, rng: Rng): string {
  const toks = tokenize(text);
  const sig = significant(toks);
  if (sig.length < 2) return text;
  const a = rng.int(sig.length);
  // Near neighbours give plausible typos; far pairs give nonsense.
  const b = rng.chance(0.6) ? Math.min(sig.length - 1, a + rng.between(1, 4)) : rng.int(sig.length);
  const [i, j] = [sig[a], sig[b]];
  [toks[i], toks[j]] = [toks[j], toks[i]];
  return join(toks);
}

const splitLines = (text: string): string[] => text.split('\n');

export function deleteLine(text: string, rng: Rng): string {
  const lines = splitLines(text);
  const at = rng.int(lines.length);
  lines.splice(at, rng.chance(0.8) ? 1 : rng.between(2, 6));
  return lines.join('\n');
}

export function duplicateLine(text: string, rng: Rng): string {
  const lines = splitLines(text);
  const at = rng.int(lines.length);
  const n = rng.chance(0.8) ? 1 : rng.between(2, 6);
  const block = lines.slice(at, at + n);
  lines.splice(rng.chance(0.6) ? at : rng.int(lines.length + 1), 0, ...block);
  return lines.join('\n');
}

export function swapLines(text: string, rng: Rng): string {
  const lines = splitLines(text);
  if (lines.length < 2) return text;
  const a = rng.int(lines.length);
  const b = rng.chance(0.5) ? Math.min(lines.length - 1, a + 1) : rng.int(lines.length);
  [lines[a], lines[b]] = [lines[b], lines[a]];
  return lines.join('\n');
}

export function cutShort(text: string, rng: Rng): string {
  if (rng.chance(0.3)) {
    const lines = splitLines(text);
    return lines.slice(0, rng.int(lines.length)).join('\n');
  }
  return text.slice(0, rng.int(text.length + 1));
}

/**
 * Valid letters from other scripts, an astral-plane letter (two UTF-16 units), a combining accent,
 * a ligature Python folds (NFKC) into ASCII, and characters no identifier may hold.
 */
const UNICODE_NAMES = [
  'módel', 'μ', 'слой', '层_1', 'Δx', 'x\u0301', '𝑥𝑦', 'ﬁlters', 'ℌ', 'ꓚ_ꓚ', '_ñ2',
  'x🙂', 'a\u200bb', 'x\u00a0y', '٣x',
];

export function unicodeIdentifier(text: string, rng: Rng): string {
  const ids = identifiers(text);
  if (ids.length === 0) return text;
  const old = rng.pick(ids);
  const repl = rng.chance(0.3) ? `${old}${rng.pick(UNICODE_NAMES)}` : rng.pick(UNICODE_NAMES);
  const toks = tokenize(text);
  const hits = toks.map((t, i) => (t.kind === 'name' && t.text === old ? i : -1)).filter((i) => i >= 0);
  // Renaming every occurrence keeps the program's meaning; renaming one breaks a reference.
  const chosen = rng.chance(0.7) ? hits : [rng.pick(hits)];
  for (const i of chosen) toks[i] = { kind: 'name', text: repl };
  return join(toks);
}

export function lineEnds(text: string, rng: Rng): string {
  switch (rng.int(5)) {
    case 0: return text.replace(/\r?\n/g, '\r\n');
    case 1: return text.replace(/\r?\n/g, (m) => (rng.chance(0.5) ? '\r\n' : m));
    case 2: return text.replace(/\r?\n/g, '\r'); // old Mac line ends: Python reads them as newlines
    case 3: return text.replace(/\n/g, (m) => (rng.chance(0.1) ? '\r\r\n' : m));
    default: return text.replace(/\n(?=\S)/g, (m) => (rng.chance(0.3) ? '\n\f' : m)); // form feeds at column 0
  }
}

/** Leading indentation as tabs, consistently (valid Python), or tabs between tokens. */
export function tabs(text: string, rng: Rng): string {
  if (rng.chance(0.7)) return text.replace(/^( {4})+/gm, (m) => '\t'.repeat(m.length / 4));
  return text.replace(/ /g, (m) => (rng.chance(0.3) ? '\t' : m));
}

/** Indentation Python rejects: tabs on some lines only, a stray extra space, a line dedented. */
export function mixedIndentation(text: string, rng: Rng): string {
  const lines = splitLines(text);
  const indented = lines.map((l, i) => (/^[ \t]+\S/.test(l) ? i : -1)).filter((i) => i >= 0);
  const variant = rng.int(4);
  if (variant === 0 && indented.length > 0) {
    for (const i of indented) if (rng.chance(0.4)) lines[i] = lines[i].replace(/^ {4}/, '\t');
  } else if (variant === 1 && indented.length > 0) {
    const i = rng.pick(indented);
    lines[i] = lines[i].replace(/^ {4}/, rng.pick(['  \t', '\t  ', '\t\t', ' \t ']));
  } else if (variant === 2) {
    const i = rng.int(lines.length);
    lines[i] = ' '.repeat(rng.between(1, 5)) + lines[i];
  } else if (indented.length > 0) {
    const i = rng.pick(indented);
    lines[i] = lines[i].replace(/^( +)/, (m) => m.slice(rng.between(1, m.length)));
  }
  return lines.join('\n');
}
