// Mutations that insert hostile code: deep nesting, huge literals, endless loops, recursion, huge ranges, long lists and lines.
import type { Rng } from './prng';
import { identifiers } from './edits';
import { tokenize, join } from './tokens';

/**
 * Inserts `snippet` (lines written at column 0) before a random line, indented like that line,
 * so it lands inside function bodies and loops as often as at the top level.
 */
export function insertLines(text: string, snippet: readonly string[], rng: Rng): string {
  const lines = text.split('\n');
  const at = rng.int(lines.length + 1);
  const next = lines.slice(at).find((l) => l.trim() !== '') ?? '';
  const indent = rng.chance(0.5) ? /^[ \t]*/.exec(next)?.[0] ?? '' : '';
  lines.splice(at, 0, ...snippet.map((l) => indent + l));
  return lines.join('\n');
}

/** A name from the file (so inserted code touches the model), or a fresh one. */
function someName(text: string, rng: Rng): string {
  const ids = identifiers(text);
  return ids.length > 0 && rng.chance(0.7) ? rng.pick(ids) : rng.pick(['x', 'model', 'inputs', 'fuzz_value']);
}

/** A layer expression in the file's own spelling when it has one (`layers.Dense(4)`, `Dense(4)`). */
function someLayer(text: string, rng: Rng): string {
  const ids = new Set(identifiers(text));
  const forms = ['layers.Dense(4)', 'keras.layers.Dense(4)', 'Dense(4)', 'layers.Conv2D(8, 3)', 'layers.LSTM(4)'];
  const usable = forms.filter((f) => ids.has(f.split(/[.(]/)[0]));
  return usable.length > 0 ? rng.pick(usable) : rng.pick(forms);
}

/** Nesting depths, the deep ones rarer: 10,000 levels cost ~0.5 s to parse and walk. */
const DEPTHS = [50, 50, 200, 200, 500, 1000, 1000, 3000, 10_000];

export function deepNesting(text: string, rng: Rng): string {
  const d = rng.pick(DEPTHS);
  const n = someName(text, rng);
  const variant = rng.int(11);
  if (variant === 0) {
    // Wrap a number already in the file (a layer's units, a kernel size): the meaning is unchanged.
    const toks = tokenize(text);
    const nums = toks.map((t, i) => (t.kind === 'number' ? i : -1)).filter((i) => i >= 0);
    if (nums.length > 0) {
      const i = rng.pick(nums);
      toks[i] = { kind: 'op', text: `${'('.repeat(d)}${toks[i].text}${')'.repeat(d)}` };
      return join(toks);
    }
  }
  const line = [
    `${n} = ${'('.repeat(d)}1${')'.repeat(d)}`,
    `${n} = ${'['.repeat(d)}${']'.repeat(d)}`,
    `${n} = ${'{"k": '.repeat(d)}1${'}'.repeat(d)}`,
    `${n} = ${`${n}(`.repeat(d)}1${')'.repeat(d)}`,
    `${n} = ${'-'.repeat(d)}1`,
    `${n} = ${'not '.repeat(d)}${n}`,
    `${n} = ${'lambda: '.repeat(d)}1`,
    `${n} = ${n}${'[0]'.repeat(d)}`,
    `${n} = ${'('.repeat(d)}`,
    `${n} = ${'[1, '.repeat(d)}`,
  ][variant % 10];
  if (variant === 10) {
    // Nested blocks (Python allows 100 levels; keras-lens must survive more).
    const levels = Math.min(d, 300);
    const block: string[] = [];
    for (let k = 0; k < levels; k++) block.push(`${'    '.repeat(k)}${rng.chance(0.5) ? 'if True:' : `for _i${k} in range(1):`}`);
    block.push(`${'    '.repeat(levels)}${n} = 1`);
    return insertLines(text, block, rng);
  }
  return insertLines(text, [line], rng);
}

export function hugeLiteral(text: string, rng: Rng): string {
  const digits = rng.pick([20, 400, 5000, 100_000]);
  const huge = rng.pick([
    '9'.repeat(digits), `10**${rng.pick([18, 30, 400, 100_000])}`, '2**53 + 1', '1e308', '1e309', '-1e309',
    `0x${'f'.repeat(rng.pick([16, 64, 1000]))}`, '2**2**2**2**2', '10**10**10', '1_000_000_000_000', '-(2**63)',
  ]);
  const toks = tokenize(text);
  const nums = toks.map((t, i) => (t.kind === 'number' ? i : -1)).filter((i) => i >= 0);
  if (nums.length > 0 && rng.chance(0.5)) {
    // A layer argument becomes huge: counts past 2**53 must turn unknown, never wrong.
    const i = rng.pick(nums);
    toks[i] = { kind: 'number', text: huge };
    return join(toks);
  }
  const n = someName(text, rng);
  const line = rng.pick([
    `${n} = ${huge}`,
    `${n} = "${'a'.repeat(rng.pick([1000, 100_000]))}"`,
    `${n} = "a" * ${huge}`,
    `${n} = [0] * ${huge}`,
    `${n} = (${n},) * 10**12`,
    `${n} = b"\\x00" * 10**12`,
    `${n} = ${someLayer(text, rng).replace(/\d+/, huge)}`,
    `${n} = float("inf")`,
  ]);
  return insertLines(text, [line], rng);
}

export function whileTrue(text: string, rng: Rng): string {
  const n = someName(text, rng);
  const body = rng.pick([
    ['pass'], ['continue'], [`${n} = ${n}`], [`${n} = [${n}]`], [`${n}.add(${someLayer(text, rng)})`],
    [`${n} = ${someLayer(text, rng)}(${n})`], ['try:', '    pass', 'except Exception:', '    break'], ['break'],
    [`${n} = ${/\bkeras\b/.test(text) ? 'keras.' : ''}Sequential([${n}])`],
  ]);
  const head = rng.pick(['while True:', 'while 1:', `while ${n} is not None or True:`, 'while not False:']);
  return insertLines(text, [head, ...body.map((l) => `    ${l}`)], rng);
}

export function selfRecursion(text: string, rng: Rng): string {
  const n = someName(text, rng);
  const snippet = rng.pick([
    ['def fuzz_f(x):', '    return fuzz_f(x)', `${n} = fuzz_f(${n})`],
    ['def fuzz_f(n):', '    return fuzz_f(n + 1) + fuzz_f(n + 2)', 'fuzz_f(0)'],
    ['def fuzz_f(x):', '    for _ in range(100):', '        x = fuzz_f(x)', '    return x', `${n} = fuzz_f(1)`],
    ['class FuzzR:', '    def go(self):', '        return self.go()', 'FuzzR().go()'],
    ['fuzz_g = lambda n: fuzz_g(n)', `${n} = fuzz_g(1)`],
    ['def fuzz_a():', '    return fuzz_b()', 'def fuzz_b():', '    return fuzz_a()', 'fuzz_a()'],
    ['def fuzz_grow(t):', `    return fuzz_grow(${someLayer(text, rng)}(t))`, `${n} = fuzz_grow(${n})`],
  ]);
  return insertLines(text, snippet, rng);
}

export function hugeRange(text: string, rng: Rng): string {
  const n = someName(text, rng);
  if (/range\(\s*\w+\s*\)/.test(text) && rng.chance(0.3)) {
    return text.replace(/range\(\s*\w+\s*\)/, 'range(10**12)');
  }
  const snippet = rng.pick([
    ['for i in range(10**12):', '    pass'],
    ['for i in range(10**12):', `    ${n} = i`],
    [`${n} = list(range(10**12))`],
    [`${n} = [i for i in range(10**12)]`],
    [`${n} = sum(range(10**12))`],
    [`${n} = len(range(10**12))`],
    [`${n} = range(10**12)[-1]`],
    ['for a in range(1000):', '    for b in range(1000):', '        pass'],
    [`for i in range(10**12):`, `    ${n}.add(${someLayer(text, rng)})`],
  ]);
  return insertLines(text, snippet, rng);
}

const count = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));

export function longList(text: string, rng: Rng): string {
  const n = someName(text, rng);
  const N = 10_000;
  const variant = rng.int(7);
  if (variant === 0) return insertLines(text, [`${n} = [${count(N, String).join(', ')}]`], rng);
  if (variant === 1) return insertLines(text, [`${n} = [`, ...count(N, (i) => `    ${i},`), ']'], rng);
  if (variant === 2) return insertLines(text, [`${n} = (${count(N, (i) => `"s${i}"`).join(', ')})`], rng);
  if (variant === 3) return insertLines(text, [`${n} = {${count(N, (i) => `${i}: ${i}`).join(', ')}}`], rng);
  // A model with 10,000 layers, literal or built by a comprehension.
  const layer = someLayer(text, rng);
  if (variant === 4) return insertLines(text, [`${n} = [${count(N, () => layer).join(', ')}]`], rng);
  const k = /\bkeras\b/.test(text) ? 'keras.' : '';
  if (variant === 5) return insertLines(text, [`${n} = ${k}Sequential([${layer} for _ in range(${N})])`], rng);
  // A functional chain 10,000 layers deep: graph walks must not recurse per layer.
  return insertLines(text, [
    `fuzz_in = ${k}Input((4,))`, 'fuzz_x = fuzz_in', `for _ in range(${N}):`, `    fuzz_x = ${layer}(fuzz_x)`, `${n} = ${k}Model(fuzz_in, fuzz_x)`,
  ], rng);
}

export function longLine(text: string, rng: Rng): string {
  const n = someName(text, rng);
  const L = 100_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(L / unit.length));
  const variant = rng.int(10);
  if (variant === 0) {
    // An existing line made 100,000 characters long by a trailing comment.
    const lines = text.split('\n');
    const i = rng.int(lines.length);
    lines[i] = `${lines[i]}  # ${fill('x')}`;
    return lines.join('\n');
  }
  if (variant === 1 && text.includes(', ')) return text.replace(', ', `,${' '.repeat(L)}`);
  const line = [
    `${n} = 1${fill(' + 1')}`,
    `${n} = "${fill('a')}"`,
    `# ${fill('x')}`,
    `${n} = [${fill('0, ')}]`,
    `${fill('a')} = 1`,
    `${n} = ${n}${fill('.a')}`,
    `${n} = 1${fill(' if 1 else 1')}`,
    `${n} = "a"${fill(' "a"')}`,
  ][variant - 2] ?? `${n} = ${n}${fill(' and x')}`;
  return insertLines(text, [line], rng);
}
