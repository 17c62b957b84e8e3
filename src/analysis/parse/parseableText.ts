// The text tree-sitter is given: the source with the same length, lines and columns, minus what makes it slow or wrong.

/**
 * A lone CR ends a line for Python and VS Code but not for tree-sitter: it is read as LF. Comment-only lines
 * become spaces: tree-sitter-python takes seconds on thousands of consecutive comment lines (6 s for 8,000
 * here). A `#` line inside a triple-quoted string is blanked too (no figure reads it), unless it holds a quote.
 */
export function parseableText(source: string): string {
  const unCR = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  // Not a line with a quote: inside a triple-quoted string it could hold the closing quotes (found by the fuzzer).
  return unCR.includes('#') ? unCR.replace(/^([ \t]*)(#[^\n\r"']*)(?=[\r\n]|$)/gm, (_m, indent: string, c: string) => indent + ' '.repeat(c.length)) : unCR;
}
