// One open document analysed again after each edit, re-parsing and re-interpreting only what the edit can
// affect. The result is always the one analyzeSource gives for the same text; when the incremental path
// cannot be sure of that (a syntax error, a budget running low, a dependency the syntax did not show),
// it runs analyzeSource itself.
import type { Diagnostic, FileSummary, ModelSummaryEntry } from '../summary/types';
import { analyzeSource, binaryReason, binarySummary, finishSummary, versionDiagnostic, DEFAULT_OPTIONS, type AnalysisOptions } from '../engine';
import { DEFAULT_LIMITS, keepFirstNameReports } from '../interpret/interpreter';
import { detectVersionIn, mayBeLegacy } from '../versionDetect';
import { DocumentParse, type Chunk } from './documentParse';
import { chunkFacts, type ChunkFacts } from './facts';
import { liteStatements } from './syntaxLite';
import { planUnits, type Plan } from './grouping';
import { walk, NotIncremental, type ItemOutcome, type UnitResult } from './runner';

/** How the last update was done, for tests and the benchmark. */
export interface UpdateStats {
  readonly mode: 'incremental' | 'full';
  /** Why the full analysis ran, when it did. */
  readonly reason?: string;
  readonly chunks: number;
  readonly units: number;
  /** Units interpreted (the rest were reused). */
  readonly ran: number;
}

interface TextFacts {
  readonly facts: ChunkFacts;
  readonly legacy: boolean;
}

/** The plan of the last update, reused while every chunk has the same facts (most edits change none). */
interface PlanMemo {
  readonly facts: readonly ChunkFacts[];
  readonly learnt: number;
  readonly plan: Plan;
  readonly ids: readonly number[];
  readonly keys: readonly string[];
}

export class DocumentAnalysis {
  private readonly parse = new DocumentParse();
  private readonly factsByText = new Map<string, TextFacts>();
  /** Equal facts as one object, so an unchanged plan is seen by comparing references. */
  private readonly factsBySignature = new Map<string, ChunkFacts>();
  /** A stable id per (row, text) of a chunk: units are cached by the ids of their chunks. */
  private readonly ids = new Map<string, number>();
  /** The same, looked up by chunk object (chunks the edit did not touch keep their object). */
  private readonly chunkIds = new WeakMap<Chunk, number>();
  private readonly chunkFactsOf = new WeakMap<Chunk, TextFacts>();
  private nextId = 1;
  private memo: PlanMemo | undefined;
  /** The start of the last text and whether it looked binary (only the start and NUL bytes decide). */
  private sample: { text: string; binary: string | undefined } | undefined;
  private cache = new Map<string, UnitResult>();
  private cacheVersion: 1 | 2 | 3 | undefined;
  private readonly bodyReads = new Set<string>();
  private readonly taintReads = new Set<string>();
  /** Chunk texts that looked like pure definitions but changed the Keras state when run. */
  private readonly impure = new Set<string>();
  private last: UpdateStats = { mode: 'full', chunks: 0, units: 0, ran: 0 };

  constructor(readonly file: string, readonly options: AnalysisOptions = DEFAULT_OPTIONS) {}

  get stats(): UpdateStats {
    return this.last;
  }

  /** Analyses the document's new text (the whole text; what changed is found by comparing with the last one). */
  update(text: string): FileSummary {
    const binary = this.binaryCheck(text);
    if (binary) return this.full(text, 'not Python source', binarySummary(this.file, this.options.kerasVersion === 'auto' ? 3 : this.options.kerasVersion, binary));
    this.parse.update(text);
    if (this.parse.hasError) return this.full(text, 'a syntax error (error recovery parses the whole file)');
    const chunks = this.parse.chunks;
    const known = chunks.map((c) => this.factsOf(c));
    const diagnostics: Diagnostic[] = [];
    let version: 1 | 2 | 3 = this.options.kerasVersion === 'auto' ? 3 : this.options.kerasVersion;
    if (this.options.kerasVersion === 'auto') {
      const guess = detectVersionIn(chunks.filter((_, i) => known[i].legacy).flatMap((c) => c.statements));
      version = guess.version;
      const said = versionDiagnostic(guess);
      if (said) diagnostics.push(said);
    }
    if (version !== this.cacheVersion) {
      this.cache = new Map();
      this.cacheVersion = version;
    }
    const { plan, keys } = this.planFor(chunks, known.map((k) => k.facts));
    let result;
    try {
      result = walk(chunks, plan, keys, this.cache, {
        version, dataFormat: this.options.dataFormat, autoVersion: this.options.kerasVersion === 'auto', limits: this.options.limits ?? DEFAULT_LIMITS,
      });
    } catch (e) {
      if (!(e instanceof NotIncremental)) return this.full(text, `an internal error (${e instanceof Error ? e.message : String(e)})`);
      if (e.item !== undefined && /pure/.test(e.why)) this.impure.add(chunks[e.item].text);
      return this.full(text, e.why);
    }
    const unseen = this.unseenReads(plan, result.outcomes);
    if (unseen) return this.full(text, unseen);
    this.cache = new Map(result.results);
    this.forgetOld(chunks);
    this.last = { mode: 'incremental', chunks: chunks.length, units: plan.units.length, ran: result.ran };
    return this.assemble(result.outcomes, diagnostics, version);
  }

  dispose(): void {
    this.parse.dispose();
    this.cache.clear();
  }

  /** The whole file from scratch; the cache is dropped (it may hold results of this text's predecessors only). */
  private full(text: string, reason: string, summary?: FileSummary): FileSummary {
    this.cache = new Map();
    const chunks = this.parse.chunks;
    this.last = { mode: 'full', reason, chunks: chunks.length, units: 0, ran: 0 };
    return summary ?? analyzeSource(text, this.file, this.options);
  }

  /** The plan for these chunks: the last one if no chunk's facts changed (then only changed chunks' units get new keys). */
  private planFor(chunks: readonly Chunk[], facts: readonly ChunkFacts[]): { plan: Plan; keys: readonly string[] } {
    const ids = chunks.map((c) => this.idOf(c));
    const learnt = this.bodyReads.size + this.taintReads.size;
    const m = this.memo;
    const keyOf = (plan: Plan, u: number): string => {
      const unit = plan.units[u];
      return `${unit.prelude ? 'p' : 'g'}${unit.items.map((i) => ids[i]).join(',')}|${unit.deps.map((i) => ids[i]).join(',')}`;
    };
    if (m && m.learnt === learnt && m.facts.length === facts.length && m.facts.every((f, i) => f === facts[i])) {
      const keys = [...m.keys];
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] === m.ids[i]) continue;
        keys[m.plan.unitOf[i]] = keyOf(m.plan, m.plan.unitOf[i]);
        for (const u of m.plan.depUsers[i]) keys[u] = keyOf(m.plan, u);
      }
      this.memo = { ...m, ids, keys };
      return { plan: m.plan, keys };
    }
    const plan = planUnits(facts, { bodyReads: this.bodyReads, taintReads: this.taintReads });
    const keys = plan.units.map((_, u) => keyOf(plan, u));
    this.memo = { facts, learnt, plan, ids, keys };
    return { plan, keys };
  }

  private factsOf(c: Chunk): TextFacts {
    let f = this.chunkFactsOf.get(c) ?? this.factsByText.get(c.text);
    if (!f) {
      const read = chunkFacts(liteStatements(c.statements, c.base), c.text);
      const sig = signature(read);
      const facts = this.factsBySignature.get(sig) ?? read;
      this.factsBySignature.set(sig, facts);
      f = { facts, legacy: mayBeLegacy(c.text) };
      this.factsByText.set(c.text, f);
    }
    this.chunkFactsOf.set(c, f);
    return this.impure.size > 0 && this.impure.has(c.text) ? { ...f, facts: { ...f.facts, prelude: false } } : f;
  }

  private idOf(c: Chunk): number {
    const known = this.chunkIds.get(c);
    if (known !== undefined) return known;
    const key = `${c.row}\n${c.text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(key, id);
    }
    this.chunkIds.set(c, id);
    return id;
  }

  /** binaryReason: NUL anywhere, or control characters in the first 64 KiB (only looked at again when those change). */
  private binaryCheck(text: string): string | undefined {
    if (text.includes('\0')) return binaryReason(text);
    const head = text.slice(0, 65536);
    if (this.sample?.text !== head) this.sample = { text: head, binary: binaryReason(head) };
    return this.sample.binary;
  }

  /** Keeps the per-text tables to the texts the document still has. */
  private forgetOld(chunks: readonly Chunk[]): void {
    if (this.ids.size <= 2 * chunks.length + 64) return;
    const texts = new Set(chunks.map((c) => c.text));
    const keys = new Set(chunks.map((c) => `${c.row}\n${c.text}`));
    for (const t of this.factsByText.keys()) if (!texts.has(t)) this.factsByText.delete(t);
    for (const k of this.ids.keys()) if (!keys.has(k)) this.ids.delete(k);
  }

  /**
   * Reads the syntax did not show (function bodies and unfollowed code looking names up in the module)
   * are sound only if whatever bound those names ran in the same unit. If not, the names are learnt
   * (later plans join on them) and this text is analysed from scratch.
   */
  private unseenReads(plan: Plan, outcomes: readonly ItemOutcome[]): string | undefined {
    let why: string | undefined;
    outcomes.forEach((o, i) => {
      const unit = plan.units[plan.unitOf[i]];
      const ok = (name: string): boolean =>
        plan.ownersBefore(i, name).every((w) => plan.unitOf[w] === plan.unitOf[i])
        && plan.bindersBefore(i, name).every((b) => unit.deps.includes(b) || unit.items.includes(b));
      for (const x of o.bodyReads) if (!ok(x)) { this.bodyReads.add(x); why ??= `a function body reads \`${x}\``; }
      for (const x of o.taintReads) if (!ok(x)) { this.taintReads.add(x); why ??= `unfollowed code reads \`${x}\``; }
    });
    return why;
  }

  private assemble(outcomes: readonly ItemOutcome[], diagnostics: Diagnostic[], version: 1 | 2 | 3): FileSummary {
    const models: ModelSummaryEntry[] = [];
    const fromInterpreter: Diagnostic[] = [];
    const names = new Map<Diagnostic, string>();
    for (const o of outcomes) {
      models.push(...o.models);
      diagnostics.push(...o.sessionDiagnostics);
      o.diagnostics.forEach((d, k) => {
        fromInterpreter.push(d);
        const name = o.undefinedNames[k];
        if (name !== undefined) names.set(d, name);
      });
    }
    diagnostics.push(...keepFirstNameReports(fromInterpreter, (d) => names.get(d)));
    return finishSummary(this.file, models, diagnostics, version);
  }
}

function signature(f: ChunkFacts): string {
  const list = (set: ReadonlySet<string>): string => [...set].sort().join(',');
  return [list(f.loads), list(f.stores), list(f.kills), list(f.free), list(f.globalDecl), f.prelude, f.starImport].join('|');
}
