// Whether Python source ends inside a triple-quoted string: then everything after it is that string, for Python too.

export function endsInsideTripleQuote(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c !== '"' && c !== "'") { i++; continue; }
    const triple = text.startsWith(c.repeat(3), i);
    const quote = triple ? c.repeat(3) : c;
    i += quote.length;
    for (;;) {
      if (i >= text.length) return triple;
      const d = text[i];
      if (d === '\\') { i += 2; continue; }
      // A one-quote string ends at the end of its line, closed or not.
      if (!triple && (d === '\n' || d === '\r')) break;
      if (text.startsWith(quote, i)) { i += quote.length; break; }
      i++;
    }
  }
  return false;
}
