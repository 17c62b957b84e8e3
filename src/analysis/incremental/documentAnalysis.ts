// One open document analysed again after each edit, re-parsing and re-interpreting only what the edit can
// affect. The result is always the one analyzeSource gives for the same text; when the incremental path
// cannot be sure of that (a syntax error, a budget running low, a dependency the syntax did not show),
// it runs analyzeSource itself.
import type { Diagnostic, FileSummary } from '../summary/types';
import { analyzeSource, binarySummary, versionDiagnostic, DEFAULT_OPTIONS, type AnalysisOptions } from '../engine';
import { DEFAULT_LIMITS } from '../interpret/interpreter';
import { detectVersionIn, mayBeLegacy } from '../versionDetect';
import { DocumentParse, type Chunk } from '../parse/documentParse';
import { parseableText } from '../parse/parseableText';
import { chunkFacts, type ChunkFacts } from './facts';
import { liteStatements } from './syntaxLite';
import { planUnits, type Plan } from './grouping';
import { walk, runAll, unitResult, NotIncremental, type ItemOutcome, type UnitResult, type WalkConfig } from './runner';
import { moveResult } from './moveResult';
import { SourceWatch } from './sourceWatch';
import { assembleSummary } from './assemble';

/** How the last update was done, for tests and the benchmark. */
export interface UpdateStats {
  /** full: analyzeSource; fresh: every chunk run in order (nothing to reuse), kept for the next edit; incremental. */
  readonly mode: 'incremental' | 'fresh' | 'full';
  /** Why the full analysis ran, when it did. */
  readonly reason?: string;
  readonly chunks: number;
  readonly units: number;
  /** Units interpreted (the rest were reused). */
  readonly ran: number;
  /** Milliseconds per step of an incremental update (where the time goes; npm run bench prints them). */
  readonly phases?: Readonly<Record<'parse' | 'facts' | 'plan' | 'walk' | 'finish', number>>;
}

/** What is known of a chunk object (chunks an edit does not touch keep their object). */
interface ChunkNote {
  readonly facts: ChunkFacts;
  /** Whether its text may hold a Keras 1/2 spelling (versionDetect's quick test). */
  readonly legacy: boolean;
  /** The id of its text. */
  readonly id: number;
  /** Lines its text spans. */
  readonly lines: number;
}

/** A unit's result and the rows its chunks were on when it was made (a move shifts its ranges). */
interface Placed {
  readonly result: UnitResult;
  /** Where its chunks (items and dependencies, in file order) were, and how many lines each spanned. */
  readonly rows: readonly number[];
  readonly lines: readonly number[];
  /** Whether the result holds any position (most units, definitions and constants, hold none). */
  readonly ranged: boolean;
}

/** The units of the last update, kept while every chunk has the same facts (most edits change none). */
interface PlanMemo {
  readonly facts: readonly ChunkFacts[];
  readonly learnt: number;
  readonly plan: Plan;
  /** Each unit's chunks, items and dependencies, in file order. */
  readonly orders: readonly (readonly number[])[];
  readonly ids: readonly number[];
  readonly rows: readonly number[];
  readonly keys: readonly string[];
  /** Each unit's result, reusable while its key (its chunks' and dependencies' texts, in order) is unchanged. */
  readonly results: readonly (Placed | undefined)[];
}

export class DocumentAnalysis {
  private readonly parse = new DocumentParse();
  private notes = new Map<Chunk, ChunkNote>();
  private readonly factsByText = new Map<string, { facts: ChunkFacts; legacy: boolean }>();
  /** Equal facts as one object, so an unchanged plan is seen by comparing references. */
  private readonly factsBySignature = new Map<string, ChunkFacts>();
  /** A stable id per chunk text: units are known by the ids of their chunks (where they are does not matter). */
  private readonly ids = new Map<string, number>();
  private nextId = 1;
  private memo: PlanMemo | undefined;
  /** Unit results by key, for units whose place in the plan moved (a new plan). */
  private cache = new Map<string, Placed>();
  private cacheVersion: 1 | 2 | 3 | undefined;
  private readonly bodyReads = new Set<string>();
  private readonly taintReads = new Set<string>();
  /** Chunk texts that looked like pure definitions but changed the Keras state when run. */
  private readonly impure = new Set<string>();
  /** A fresh run's outcomes, grouped into units (prepare) before the next update or when the worker is idle. */
  private pending: { chunks: readonly Chunk[]; outcomes: readonly ItemOutcome[] } | undefined;
  /** The last source given to update() (the parse holds it with comment lines blanked), and whether it was binary. */
  private readonly watch = new SourceWatch();
  private last: UpdateStats = { mode: 'full', chunks: 0, units: 0, ran: 0 };

  constructor(readonly file: string, readonly options: AnalysisOptions = DEFAULT_OPTIONS) {}

  get stats(): UpdateStats {
    return this.last;
  }

  /** Analyses the document's new text (the whole text; what changed is found by comparing with the last one). */
  update(source: string): FileSummary {
    try {
      return this.updateOrThrow(source);
    } catch (e) {
      // Never out of the engine (a syntax nested deeper than the stack, a bug): start over, from scratch this time.
      this.dispose();
      return this.full(source, `the incremental path failed (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  private updateOrThrow(source: string): FileSummary {
    this.prepare();
    const t0 = performance.now();
    const { change, binary } = this.watch.next(source, this.parse.chunks.length > 0);
    if (binary) return this.full(source, 'not Python source', binarySummary(this.file, this.options.kerasVersion === 'auto' ? 3 : this.options.kerasVersion, binary));
    // Chunks are of the text tree-sitter is given (comment lines blanked, as analyzeSource does); same length as the source.
    const text = parseableText(source);
    this.parse.update(text, text === source ? change : undefined);
    // The cached results stay: the text before the error usually comes back at the next keystroke.
    if (this.parse.hasError) return this.full(text, 'a syntax error (error recovery parses the whole file)', undefined, true);
    const t1 = performance.now();
    const chunks = this.parse.chunks;
    const diagnostics: Diagnostic[] = [];
    // Facts are read once the units are planned (prepare): a fresh run needs only the quick version test.
    const notes = this.memo ? chunks.map((c) => this.noteOf(c)) : undefined;
    let version: 1 | 2 | 3 = this.options.kerasVersion === 'auto' ? 3 : this.options.kerasVersion;
    if (this.options.kerasVersion === 'auto') {
      const legacy = chunks.filter((c, i) => notes?.[i].legacy ?? this.legacy(c));
      if (legacy.length > 0) {
        const guess = detectVersionIn(legacy.flatMap((c) => c.statements));
        version = guess.version;
        const said = versionDiagnostic(guess);
        if (said) diagnostics.push(said);
      }
    }
    if (version !== this.cacheVersion) {
      this.cache = new Map();
      this.memo = undefined;
      this.cacheVersion = version;
    }
    const config: WalkConfig = { version, dataFormat: this.options.dataFormat, autoVersion: this.options.kerasVersion === 'auto', limits: this.options.limits ?? DEFAULT_LIMITS };
    if (!this.memo || !notes) return this.fresh(text, chunks, config, diagnostics, t0, t1);
    const t2 = performance.now();
    const memo = this.place(this.planFor(notes), chunks);
    const t3 = performance.now();
    let result;
    try {
      result = walk(chunks, memo.plan, memo.results.map((p) => p?.result), config);
    } catch (e) {
      return this.notIncremental(text, chunks, e);
    }
    const t4 = performance.now();
    const unseen = this.unseenReads(memo.plan, result.outcomes);
    if (unseen) return this.full(text, unseen);
    const results = [...memo.results];
    for (const [u, r] of result.fresh) {
      results[u] = this.placed(r, memo.orders[u], chunks);
      this.cache.set(memo.keys[u], results[u]!);
    }
    this.memo = { ...memo, results };
    this.forgetOld(chunks);
    const summary = assembleSummary(this.file, result.outcomes, diagnostics, version);
    const phases = { parse: t1 - t0, facts: t2 - t1, plan: t3 - t2, walk: t4 - t3, finish: performance.now() - t4 };
    this.last = { mode: 'incremental', chunks: chunks.length, units: memo.plan.units.length, ran: result.fresh.size, phases };
    return summary;
  }

  /**
   * Groups the last fresh run's outcomes into units and caches them, so the next edit re-runs only what it
   * affects (the worker calls this when idle; update() does it first otherwise).
   */
  prepare(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    try {
      this.plan(pending);
    } catch {
      // Facts unreadable (nesting deeper than the stack): no plan, so the next update runs every chunk again.
      this.memo = undefined;
    }
  }

  private plan(pending: NonNullable<DocumentAnalysis['pending']>): void {
    const memo = this.planFor(pending.chunks.map((c) => this.noteOf(c)), pending.chunks);
    // Reads the syntax did not show are learnt here; the next update then runs fresh again with them.
    if (this.unseenReads(memo.plan, pending.outcomes)) return;
    const results = memo.plan.units.map((u, k) => this.placed(unitResult(u.items.map((i) => pending.outcomes[i])), memo.orders[k], pending.chunks));
    results.forEach((r, u) => this.cache.set(memo.keys[u], r));
    this.memo = { ...memo, results };
  }

  dispose(): void {
    this.parse.dispose();
    this.watch.reset();
    this.cache.clear();
    this.notes.clear();
    this.memo = undefined;
    this.pending = undefined;
  }

  /** Nothing to reuse: every chunk runs in order (as in analyzeSource), and the outcomes are kept for prepare(). */
  private fresh(text: string, chunks: readonly Chunk[], config: WalkConfig, diagnostics: Diagnostic[], t0: number, t1: number): FileSummary {
    let outcomes: ItemOutcome[];
    try {
      outcomes = runAll(chunks, config);
    } catch (e) {
      return this.notIncremental(text, chunks, e);
    }
    const t2 = performance.now();
    this.pending = { chunks: [...chunks], outcomes };
    const summary = assembleSummary(this.file, outcomes, diagnostics, config.version);
    const phases = { parse: t1 - t0, facts: 0, plan: 0, walk: t2 - t1, finish: performance.now() - t2 };
    this.last = { mode: 'fresh', chunks: chunks.length, units: 0, ran: 0, phases };
    return summary;
  }

  private notIncremental(text: string, chunks: readonly Chunk[], e: unknown): FileSummary {
    if (!(e instanceof NotIncremental)) return this.full(text, `an internal error (${e instanceof Error ? e.message : String(e)})`);
    if (e.item !== undefined && /pure/.test(e.why)) this.impure.add(chunks[e.item].text);
    return this.full(text, e.why);
  }

  /** The whole file from scratch; cached results are dropped unless `keep` (the walk that failed may have left them unsure). */
  private full(text: string, reason: string, summary?: FileSummary, keep = false): FileSummary {
    if (!keep) {
      this.cache = new Map();
      this.memo = undefined;
    }
    this.last = { mode: 'full', reason, chunks: this.parse.chunks.length, units: 0, ran: 0 };
    return summary ?? analyzeSource(text, this.file, this.options);
  }

  /**
   * The units for these chunks: the last plan if no chunk's facts changed, with new keys (and results
   * by key) for the units holding a chunk whose text changed; else a new plan, taking results by key.
   */
  private planFor(notes: readonly ChunkNote[], chunks: readonly Chunk[] = this.parse.chunks): PlanMemo {
    const facts = notes.map((n) => n.facts);
    const ids = notes.map((n) => n.id);
    const learnt = this.bodyReads.size + this.taintReads.size;
    const m = this.memo;
    const keyOf = (plan: Plan, order: readonly number[], u: number): string => {
      const unit = plan.units[u];
      return `${unit.prelude ? 'p' : 'g'}${order.map((i) => `${plan.unitOf[i] === u ? '' : 'd'}${ids[i]}`).join(',')}`;
    };
    if (m && m.learnt === learnt && m.facts.length === facts.length && m.facts.every((f, i) => f === facts[i])) {
      let keys: string[] | undefined;
      let results: (Placed | undefined)[] | undefined;
      const known = [...m.rows];
      const rekeyed = new Set<number>();
      const rekey = (u: number): void => {
        if (rekeyed.has(u)) return;
        rekeyed.add(u);
        keys ??= [...m.keys];
        results ??= [...m.results];
        this.cache.delete(keys[u]);
        keys[u] = keyOf(m.plan, m.orders[u], u);
        results[u] = this.cache.get(keys[u]);
        // A result found by key was made wherever those texts were: place() checks it.
        for (const i of m.orders[u]) known[i] = -1;
      };
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] === m.ids[i]) continue;
        rekey(m.plan.unitOf[i]);
        for (const u of m.plan.depUsers[i]) rekey(u);
      }
      return { ...m, ids, rows: known, keys: keys ?? m.keys, results: results ?? m.results };
    }
    const plan = planUnits(facts, { bodyReads: this.bodyReads, taintReads: this.taintReads });
    const orders = plan.units.map((u) => [...u.items, ...u.deps].sort((a, b) => a - b));
    const keys = plan.units.map((_, u) => keyOf(plan, orders[u], u));
    const results = keys.map((k) => this.cache.get(k));
    this.cache = new Map();
    keys.forEach((k, u) => { if (results[u]) this.cache.set(k, results[u]!); });
    // Rows unknown: every result is checked against where its chunks are (place).
    return { facts, learnt, plan, orders, ids, rows: chunks.map(() => -1), keys, results };
  }

  /**
   * Moves the results of units whose chunks moved (lines inserted or deleted above them) to where the
   * chunks are now; a result with a range outside its chunks is dropped (the unit runs again).
   */
  private place(m: PlanMemo, chunks: readonly Chunk[]): PlanMemo {
    const units = new Set<number>();
    for (let i = 0; i < chunks.length; i++) {
      if (chunks[i].row === m.rows[i]) continue;
      units.add(m.plan.unitOf[i]);
      for (const u of m.plan.depUsers[i]) units.add(u);
    }
    let results: (Placed | undefined)[] | undefined;
    for (const u of units) {
      const p = m.results[u];
      if (!p?.ranged) continue;
      const order = m.orders[u];
      if (order.every((i, k) => chunks[i].row === p.rows[k])) continue;
      const moved = moveResult(p.result, order.map((i, k) => ({ from: p.rows[k], to: chunks[i].row, lines: p.lines[k] })));
      results ??= [...m.results];
      results[u] = moved && this.placed(moved, order, chunks);
      if (results[u]) this.cache.set(m.keys[u], results[u]!);
      else this.cache.delete(m.keys[u]);
    }
    const rows = chunks.map((c) => c.row);
    return { ...m, rows, results: results ?? m.results };
  }

  /** versionDetect's quick test on a chunk's text (remembered with its facts when those are known). */
  private legacy(c: Chunk): boolean {
    return this.notes.get(c)?.legacy ?? this.factsByText.get(c.text)?.legacy ?? mayBeLegacy(c.text);
  }

  private placed(result: UnitResult, order: readonly number[], chunks: readonly Chunk[]): Placed {
    return {
      result,
      rows: order.map((i) => chunks[i].row),
      lines: order.map((i) => this.noteOf(chunks[i]).lines),
      ranged: result.outcomes.some((o) => o.models.length > 0 || o.diagnostics.length > 0 || o.sessionDiagnostics.length > 0),
    };
  }

  private noteOf(c: Chunk): ChunkNote {
    let note = this.notes.get(c);
    if (!note) {
      let f = this.factsByText.get(c.text);
      if (!f) {
        const read = chunkFacts(liteStatements(c.statements, c.base), c.text);
        const sig = signature(read);
        const facts = this.factsBySignature.get(sig) ?? read;
        this.factsBySignature.set(sig, facts);
        f = { facts, legacy: mayBeLegacy(c.text) };
        this.factsByText.set(c.text, f);
      }
      const facts = this.impure.size > 0 && this.impure.has(c.text) ? { ...f.facts, prelude: false } : f.facts;
      // Blank lines at a chunk's end hold nothing: typing them does not change what the chunk does.
      note = { facts, legacy: f.legacy, id: this.idOf(c.text.trimEnd()), lines: lineCount(c.text) };
      this.notes.set(c, note);
    }
    return note;
  }

  private idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(text, id);
    }
    return id;
  }

  /** Keeps the per-chunk and per-text tables to what the document still has. */
  private forgetOld(chunks: readonly Chunk[]): void {
    if (this.notes.size > 2 * chunks.length + 64) {
      const live = new Map<Chunk, ChunkNote>();
      for (const c of chunks) live.set(c, this.notes.get(c)!);
      this.notes = live;
    }
    if (this.ids.size > 2 * chunks.length + 64) {
      const texts = new Set(chunks.map((c) => c.text));
      for (const t of this.factsByText.keys()) if (!texts.has(t)) this.factsByText.delete(t);
      const trimmed = new Set([...texts].map((t) => t.trimEnd()));
      for (const t of this.ids.keys()) if (!trimmed.has(t)) this.ids.delete(t);
    }
  }

  /**
   * Reads the syntax did not show (function bodies and unfollowed code looking names up in the module)
   * are sound only if whatever bound those names ran in the same unit. If not, the names are learnt
   * (later plans join on them) and this text is analysed from scratch.
   */
  private unseenReads(plan: Plan, outcomes: readonly ItemOutcome[]): string | undefined {
    let why: string | undefined;
    outcomes.forEach((o, i) => {
      if (o.bodyReads.length === 0 && o.taintReads.length === 0) return;
      const unit = plan.units[plan.unitOf[i]];
      const ok = (name: string): boolean =>
        plan.ownersBefore(i, name).every((w) => plan.unitOf[w] === plan.unitOf[i])
        && plan.bindersBefore(i, name).every((b) => unit.deps.includes(b) || unit.items.includes(b));
      for (const x of o.bodyReads) if (!ok(x)) { this.bodyReads.add(x); why ??= `a function body reads \`${x}\``; }
      for (const x of o.taintReads) if (!ok(x)) { this.taintReads.add(x); why ??= `unfollowed code reads \`${x}\``; }
    });
    return why;
  }
}

/** Lines a chunk's text spans: its nodes start on that many rows. */
function lineCount(text: string): number {
  let n = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function signature(f: ChunkFacts): string {
  const list = (set: ReadonlySet<string>): string => [...set].sort().join(',');
  return [list(f.loads), list(f.stores), list(f.kills), list(f.free), list(f.globalDecl), f.prelude, f.starImport].join('|');
}
