// Loads web-tree-sitter and the Python grammar once; parses text into syntax trees.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Language, Parser, type Tree } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Where the .wasm files are: beside the bundle (dist/), else in node_modules (tests, tsc output). */
function locate(file: string, wasmDir?: string): string {
  const candidates = [wasmDir, __dirname, path.join(__dirname, '..'), path.join(__dirname, '../../../dist')]
    .filter((d): d is string => !!d)
    .map((d) => path.join(d, file));
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const pkg = file === 'tree-sitter.wasm' ? 'web-tree-sitter/tree-sitter.wasm' : 'tree-sitter-python/tree-sitter-python.wasm';
  return require.resolve(pkg);
}

export function initParser(wasmDir?: string): Promise<void> {
  if (!loading) {
    loading = (async () => {
      await Parser.init({ locateFile: (name: string) => locate(name, wasmDir) });
      const language = await Language.load(locate('tree-sitter-python.wasm', wasmDir));
      const p = new Parser();
      p.setLanguage(language);
      parser = p;
    })();
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}

/** Parses text, reusing `oldTree` (already edit()ed) for incremental parsing. */
export function parseText(text: string, oldTree?: Tree | null): Tree {
  if (!parser) throw new Error('keras-lens: initParser() must finish before parsing');
  const tree = parser.parse(text, oldTree ?? null);
  if (!tree) throw new Error('keras-lens: tree-sitter returned no tree');
  return tree;
}

/**
 * Time allowed for one parse: far above a normal parse (about 1 µs a character), far below tree-sitter's
 * error recovery gone quadratic (an unclosed `import(` before a 30,000-item list: 14 s for 100 KB).
 */
// 20 µs a character: 20 times a normal parse, so a busy machine does not cut a sound file short.
export const parseTimeLimitMs = (chars: number): number => 250 + chars / 50;

/** Parses text, or gives up (null) once it has taken longer than `ms`. */
export function parseWithin(text: string, ms: number, oldTree?: Tree | null): Tree | null {
  if (!parser) throw new Error('keras-lens: initParser() must finish before parsing');
  const deadline = performance.now() + ms;
  // tree-sitter calls this every hundred or so parse operations; returning true cancels the parse.
  const tree = parser.parse(text, oldTree ?? null, { progressCallback: () => performance.now() > deadline });
  // A cancelled parse would otherwise resume on the next call, whatever its text.
  if (!tree) parser.reset();
  return tree;
}

export function grammarAbiVersion(): number {
  if (!parser?.language) throw new Error('keras-lens: parser not initialised');
  return parser.language.abiVersion;
}
