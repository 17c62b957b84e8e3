// A rough Python tokenizer for mutating source: good enough to pick tokens, not to judge syntax.

export type TokenKind = 'space' | 'newline' | 'comment' | 'name' | 'number' | 'string' | 'op';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

// Order matters: strings before names (prefixes like f"…" tokenize as one string), ** before *.
const TOKEN = new RegExp(
  [
    String.raw`(?<newline>\r\n|\r|\n)`,
    String.raw`(?<space>[ \t\f]+|\\(?:\r\n|\r|\n))`,
    String.raw`(?<comment>#[^\r\n]*)`,
    String.raw`(?<string>(?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\r\n])*"?|'(?:\\.|[^'\\\r\n])*'?))`,
    String.raw`(?<name>[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*)`,
    String.raw`(?<number>(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJlL]?|0[xXoObB][\da-fA-F_]+)`,
    String.raw`(?<op>\*\*=?|//=?|>>=?|<<=?|->|:=|[-+*/%@&|^<>=!]=|[\s\S])`,
  ].join('|'),
  'gu',
);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups ?? {};
    const kind = (Object.keys(g) as TokenKind[]).find((k) => g[k] !== undefined) ?? 'op';
    out.push({ kind, text: m[0] });
  }
  return out;
}

export const join = (tokens: readonly Token[]): string => tokens.map((t) => t.text).join('');

/** Indexes of the tokens a mutation may touch (not whitespace). */
export function significant(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => { if (t.kind !== 'space' && t.kind !== 'newline') out.push(i); });
  return out;
}

/** The distinct names in the text (identifiers and keywords alike). */
export function names(tokens: readonly Token[]): string[] {
  return [...new Set(tokens.filter((t) => t.kind === 'name').map((t) => t.text))];
}
