// What a top-level chunk does with module-level names, read from its syntax: the names it reads and binds,
// the names function bodies in it read when called, and whether it is a pure definition (prelude).
// Everything here errs on the side of more names: an extra name only makes re-analysis do more.
import type { LiteNode } from './syntaxLite';

export interface ChunkFacts {
  /** Module-level names it reads (and may change the value of: a call can mutate what it is given). */
  readonly loads: ReadonlySet<string>;
  /** Module-level names it binds, in any branch. */
  readonly stores: ReadonlySet<string>;
  /** Names it certainly rebinds without reading them first (`x = …` at the top level). */
  readonly kills: ReadonlySet<string>;
  /** Names read or bound inside function, lambda and method bodies (looked up when they are called). */
  readonly free: ReadonlySet<string>;
  /** Names declared `global` in a function body (calling it rebinds them). */
  readonly globalDecl: ReadonlySet<string>;
  /** Imports, defs and classes with constant defaults, immutable constants: cheap to run again, never mutated. */
  readonly prelude: boolean;
  /** `from m import *`: any unknown name may come from it. */
  readonly starImport: boolean;
}

class Acc {
  readonly loads = new Set<string>();
  readonly stores = new Set<string>();
  readonly globals = new Set<string>();
}

/** Reads the facts of the statements of one chunk (`text` is the chunk's text, the nodes' spans index it). */
export function chunkFacts(statements: readonly LiteNode[], text: string): ChunkFacts {
  const w = new NameWalker(text);
  const module = new Acc();
  const kills = new Set<string>();
  let prelude = true;
  for (const s of statements) {
    if (s.type === 'comment') continue;
    w.statement(s, module);
    for (const k of simpleAssignmentTargets(s, w)) kills.add(k);
    if (!w.isPrelude(s)) prelude = false;
  }
  for (const k of [...kills]) if (module.loads.has(k)) kills.delete(k);
  return { loads: module.loads, stores: module.stores, kills, free: w.free, globalDecl: w.globalDecl, prelude, starImport: w.starImport };
}

const kid = (n: LiteNode, field: string): LiteNode | undefined => n.kids.find((k) => k.field === field);
const kidsOf = (n: LiteNode, field: string): LiteNode[] => n.kids.filter((k) => k.field === field);

class NameWalker {
  readonly free = new Set<string>();
  readonly globalDecl = new Set<string>();
  starImport = false;

  constructor(private readonly text: string) {}

  name(n: LiteNode): string {
    return this.text.slice(n.start, n.end);
  }

  statement(n: LiteNode, acc: Acc): void {
    switch (n.type) {
      case 'import_statement':
        for (const k of kidsOf(n, 'name')) this.importBinding(k, acc, true);
        return;
      case 'import_from_statement':
        for (const k of n.kids) {
          if (k.type === 'wildcard_import') this.starImport = true;
          else if (k.field === 'name') this.importBinding(k, acc, false);
        }
        return;
      case 'future_import_statement':
        return;
      default:
        this.visit(n, acc);
    }
  }

  /** `import a.b` binds `a`; `from m import a.b` binds `a.b` as the interpreter does; `as x` binds x. */
  private importBinding(n: LiteNode, acc: Acc, rootOnly: boolean): void {
    if (n.type === 'aliased_import') {
      const alias = kid(n, 'alias');
      if (alias) acc.stores.add(this.name(alias));
    } else if (n.type === 'dotted_name') {
      const full = this.name(n);
      acc.stores.add(rootOnly ? full.split('.')[0].trim() : full);
    }
  }

  /** Reads an expression or statement: identifiers are reads, targets are bindings. */
  visit(n: LiteNode, acc: Acc): void {
    switch (n.type) {
      case 'identifier': acc.loads.add(this.name(n)); return;
      case 'comment': return;
      case 'attribute': {
        const obj = kid(n, 'object');
        if (obj) this.visit(obj, acc);
        return;
      }
      case 'keyword_argument': {
        const v = kid(n, 'value');
        if (v) this.visit(v, acc);
        return;
      }
      case 'assignment': this.assignment(n, acc); return;
      case 'augmented_assignment': {
        const left = kid(n, 'left');
        if (left) { this.target(left, acc); this.visit(left, acc); }
        for (const k of n.kids) if (k.field !== 'left') this.visit(k, acc);
        return;
      }
      case 'for_statement': {
        for (const k of n.kids) if (k.field === 'left') this.target(k, acc); else this.visit(k, acc);
        return;
      }
      case 'as_pattern': {
        for (const k of n.kids) if (k.field === 'alias') this.target(k, acc); else this.visit(k, acc);
        return;
      }
      case 'except_clause': {
        for (const k of n.kids) if (k.field === 'alias') this.target(k, acc); else this.visit(k, acc);
        return;
      }
      case 'named_expression': {
        const name = kid(n, 'name');
        if (name) this.target(name, acc);
        for (const k of n.kids) if (k.field !== 'name') this.visit(k, acc);
        return;
      }
      case 'delete_statement': case 'case_pattern': case 'type_alias_statement':
        // Bindings and reads at once (match captures, `del`): count every name as both.
        for (const k of n.kids) { this.target(k, acc); this.visit(k, acc); }
        return;
      case 'global_statement': case 'nonlocal_statement':
        for (const k of n.kids) if (k.type === 'identifier') acc.globals.add(this.name(k));
        return;
      case 'import_statement': case 'import_from_statement': case 'future_import_statement':
        this.statement(n, acc);
        return;
      case 'function_definition': this.functionDef(n, acc); return;
      case 'lambda': this.lambda(n, acc); return;
      case 'class_definition': this.classDef(n, acc); return;
      default:
        for (const k of n.kids) this.visit(k, acc);
    }
  }

  private assignment(n: LiteNode, acc: Acc): void {
    const targets: LiteNode[] = [];
    let cur: LiteNode | undefined = n;
    while (cur && cur.type === 'assignment') {
      const left = kid(cur, 'left');
      if (left) targets.push(left);
      const type = kid(cur, 'type');
      if (type) this.visit(type, acc);
      cur = kid(cur, 'right');
    }
    if (!cur) {
      // `x: int` binds nothing (the interpreter skips it).
      for (const t of targets) this.visit(t, acc);
      return;
    }
    for (const t of targets) this.target(t, acc);
    this.visit(cur, acc);
  }

  /** An assignment target: names are bindings; attribute and subscript targets read their object. */
  target(n: LiteNode, acc: Acc): void {
    switch (n.type) {
      case 'identifier': acc.stores.add(this.name(n)); return;
      case 'attribute': case 'subscript': this.visit(n, acc); return;
      case 'comment': return;
      default:
        // Patterns (tuples, lists, stars, parentheses, as-targets): every name inside is bound.
        for (const k of n.kids) this.target(k, acc);
    }
  }

  private functionDef(n: LiteNode, acc: Acc): void {
    const name = kid(n, 'name');
    if (name) acc.stores.add(this.name(name));
    for (const k of n.kids) {
      if (k.field === 'parameters') continue;
      if (k.field === 'return_type' || k.field === 'type_parameters') this.visit(k, acc);
    }
    this.functionBody(kid(n, 'parameters'), kid(n, 'body'), acc);
  }

  private lambda(n: LiteNode, acc: Acc): void {
    this.functionBody(kid(n, 'parameters'), kid(n, 'body'), acc);
  }

  /**
   * Parameters' defaults are read now (in `outer`); the body runs at call time: what it names goes to
   * `free`, less the parameters (always bound in a call). Names a body binds are not subtracted: the
   * interpreter looks a not-yet-bound local up in the module.
   */
  private functionBody(params: LiteNode | undefined, body: LiteNode | undefined, outer: Acc): void {
    const inner = new Acc();
    const own = new Set<string>();
    for (const p of params?.kids ?? []) this.parameter(p, own, outer);
    if (body) this.visit(body, inner);
    for (const g of inner.globals) this.globalDecl.add(g);
    for (const set of [inner.loads, inner.stores, inner.globals]) {
      for (const x of set) if (!own.has(x)) this.free.add(x);
    }
  }

  private parameter(p: LiteNode, own: Set<string>, outer: Acc): void {
    switch (p.type) {
      case 'identifier': own.add(this.name(p)); return;
      case 'default_parameter': case 'typed_default_parameter': case 'typed_parameter': {
        for (const k of p.kids) {
          if (k.field === 'value' || k.field === 'type') this.visit(k, outer);
          else if (k.field === 'name' || k.type === 'identifier') this.parameter(k, own, outer);
          else this.parameter(k, own, outer);
        }
        return;
      }
      case 'list_splat_pattern': case 'dictionary_splat_pattern': case 'tuple_pattern':
        for (const k of p.kids) this.parameter(k, own, outer);
        return;
      default:
        this.visit(p, outer);
    }
  }

  /** A class body runs now, in its own scope (its bindings are class attributes); its methods run later. */
  private classDef(n: LiteNode, acc: Acc): void {
    const name = kid(n, 'name');
    if (name) acc.stores.add(this.name(name));
    for (const k of n.kids) {
      if (k.field === 'name') continue;
      if (k.field === 'body') {
        const cls = new Acc();
        this.visit(k, cls);
        for (const x of cls.loads) acc.loads.add(x);
        for (const x of cls.globals) { acc.stores.add(x); acc.loads.add(x); }
      } else {
        this.visit(k, acc);
      }
    }
  }

  /** A pure definition: running it again anywhere gives the same immutable values and touches nothing else. */
  isPrelude(s: LiteNode): boolean {
    switch (s.type) {
      case 'import_statement': case 'import_from_statement': case 'future_import_statement': case 'pass_statement':
        return true;
      case 'expression_statement':
        return s.kids.every((k) => k.type === 'comment' || (k.type === 'assignment' ? this.pureAssignment(k) : isPure(k)));
      case 'function_definition': return this.pureParameters(kid(s, 'parameters'));
      case 'class_definition': return this.pureClass(s);
      case 'decorated_definition': {
        // The interpreter does not run decorators.
        const def = kid(s, 'definition');
        return !!def && this.isPrelude(def);
      }
      default:
        return false;
    }
  }

  private pureAssignment(n: LiteNode): boolean {
    let cur: LiteNode | undefined = n;
    while (cur && cur.type === 'assignment') {
      const left = kid(cur, 'left');
      if (!left || !nameTargets(left)) return false;
      cur = kid(cur, 'right');
    }
    return !!cur && isPure(cur);
  }

  private pureParameters(params: LiteNode | undefined): boolean {
    for (const p of params?.kids ?? []) {
      if (p.type !== 'default_parameter' && p.type !== 'typed_default_parameter') continue;
      const v = kid(p, 'value');
      if (v && !isPure(v)) return false;
    }
    return true;
  }

  private pureClass(s: LiteNode): boolean {
    for (const k of s.kids) {
      if (k.field === 'superclasses' && !k.kids.every((b) => b.type === 'comment' || isPure(b.type === 'keyword_argument' ? kid(b, 'value') ?? b : b))) return false;
      if (k.field === 'type_parameters') return false;
    }
    const body = kid(s, 'body');
    return !!body && body.kids.every((st) => st.type === 'comment' || (st.type !== 'global_statement' && st.type !== 'nonlocal_statement' && this.isPrelude(st) && st.type !== 'import_statement' && st.type !== 'import_from_statement'));
  }
}

/** Names bound by plain assignment targets (`a`, `a, b`, `[a, *b]`); undefined for attribute or subscript targets. */
function nameTargets(n: LiteNode): boolean {
  switch (n.type) {
    case 'identifier': return true;
    case 'pattern_list': case 'tuple_pattern': case 'list_pattern': case 'list_splat_pattern': case 'parenthesized_expression':
    case 'tuple': case 'list': case 'expression_list': case 'list_splat':
      return n.kids.every((k) => k.type === 'comment' || nameTargets(k));
    default:
      return false;
  }
}

/** Targets of a top-level `a = b = value` whose targets are all names: certainly rebound by the statement. */
function simpleAssignmentTargets(s: LiteNode, w: NameWalker): string[] {
  if (s.type !== 'expression_statement') return [];
  const real = s.kids.filter((k) => k.type !== 'comment');
  if (real.length !== 1 || real[0].type !== 'assignment') return [];
  const out: string[] = [];
  let cur: LiteNode | undefined = real[0];
  while (cur && cur.type === 'assignment') {
    const left = kid(cur, 'left');
    if (!left || !nameTargets(left)) return [];
    collectNames(left, w, out);
    cur = kid(cur, 'right');
  }
  return cur ? out : [];
}

function collectNames(n: LiteNode, w: NameWalker, out: string[]): void {
  if (n.type === 'identifier') out.push(w.name(n));
  else for (const k of n.kids) collectNames(k, w, out);
}

/** An expression whose value is immutable and whose evaluation creates nothing: literals, names, operators. */
function isPure(n: LiteNode): boolean {
  switch (n.type) {
    case 'integer': case 'float': case 'true': case 'false': case 'none': case 'ellipsis': case 'identifier': case 'comment':
    case 'string_start': case 'string_content': case 'string_end': case 'escape_sequence': case 'escape_interpolation':
    case 'type_conversion':
      return true;
    case 'string': case 'concatenated_string': case 'interpolation': case 'format_specifier': case 'format_expression':
    case 'tuple': case 'parenthesized_expression': case 'unary_operator': case 'binary_operator': case 'boolean_operator':
    case 'not_operator': case 'comparison_operator': case 'conditional_expression':
      return n.kids.every(isPure);
    case 'attribute': {
      const obj = kid(n, 'object');
      return !!obj && isPure(obj);
    }
    default:
      return false;
  }
}
