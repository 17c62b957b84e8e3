// The incremental walk: goes through a file's chunks in order, carrying the state the whole file would
// have at each chunk (automatic-name counters, object ids, steps used, image data format); a unit whose
// cached result was made from the same state is not run again, the others are interpreted.
import type { Node } from 'web-tree-sitter';
import type { DataFormat, KerasVersion } from '../keras/layerDef';
import type { ModelObject } from '../keras/models';
import type { Diagnostic, LayerSummary, ModelSummaryEntry } from '../summary/types';
import { KerasSession } from '../keras/session';
import { summarizeModel } from '../keras/summarize';
import { Interpreter, type InterpreterOptions } from '../interpret/interpreter';
import type { Plan } from './grouping';

/** The walk cannot give the from-scratch result for this text: the caller analyses it from scratch. */
export class NotIncremental extends Error {
  constructor(readonly why: string, readonly item?: number) {
    super(`incremental analysis not possible: ${why}`);
  }
}

export interface WalkItem {
  readonly statements: readonly Node[];
}

/** What running one chunk did: enough to reuse its results, and its effect on the state, without running it. */
export interface ItemOutcome {
  /** Automatic-name counts the chunk read, as they were when it started. */
  readonly namesBefore: readonly (readonly [string, number])[];
  /** Those counts after it (every count, when it reset them with clear_session()). */
  readonly namesAfter: readonly (readonly [string, number])[];
  readonly namesReset: boolean;
  readonly idStart: number;
  readonly ids: number;
  readonly steps: number;
  readonly formatBefore: DataFormat;
  readonly formatAfter: DataFormat;
  /** Diagnostics from the Keras session (layer errors), then from the interpreter, in the order made. */
  readonly sessionDiagnostics: readonly Diagnostic[];
  readonly diagnostics: readonly Diagnostic[];
  /** For each of `diagnostics`, the undefined name it reports, if it is such a report. */
  readonly undefinedNames: readonly (string | undefined)[];
  /** Module-level names read by function bodies, and by code that was not followed (checked after the walk). */
  readonly bodyReads: readonly string[];
  readonly taintReads: readonly string[];
  /** The models the chunk created, summarised once the whole walk is done. */
  models: readonly ModelSummaryEntry[];
}

export interface UnitResult {
  readonly outcomes: readonly ItemOutcome[];
  /** Its rows carry call-site ids, which depend on the id counter: reuse needs the same counter. */
  readonly callSites: boolean;
}

export interface WalkConfig {
  readonly version: KerasVersion;
  readonly dataFormat: DataFormat;
  readonly autoVersion: boolean;
  readonly limits: InterpreterOptions;
}

interface State {
  readonly names: ReadonlyMap<string, number>;
  readonly nextId: number;
  readonly steps: number;
  readonly format: DataFormat;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/** One interpreter with its session; runs chunks at the state it is given. */
class Executor {
  readonly sessionDiagnostics: Diagnostic[] = [];
  readonly session: KerasSession;
  readonly ip: Interpreter;

  constructor(config: WalkConfig) {
    this.session = new KerasSession(
      { version: config.version, defaultDataFormat: config.dataFormat, autoVersion: config.autoVersion },
      (range, severity, message) => this.sessionDiagnostics.push({ range, severity, message }),
    );
    this.ip = new Interpreter(this.session, config.limits);
  }

  /** Runs a chunk at state `at` (or, without it, where the previous chunk left this interpreter). */
  run(item: WalkItem, at: State | undefined, prelude: boolean, index: number): { outcome: ItemOutcome; models: ModelObject[] } {
    const { session, ip } = this;
    if (at) {
      session.names.load(at.names);
      session.idCounter = at.nextId;
      session.opts.defaultDataFormat = at.format;
      ip.budget.setUsed(at.steps);
    }
    const idStart = session.idCounter;
    const stepsStart = ip.budget.used();
    const formatStart = session.opts.defaultDataFormat;
    const use = session.names.track();
    const approx0 = session.names.approximations;
    const d0 = ip.diagnostics.length;
    const s0 = this.sessionDiagnostics.length;
    const m0 = session.models.length;
    const bodyReads = new Set<string>();
    const taintReads = new Set<string>();
    for (const stmt of item.statements) {
      // Near the end of the file's budget a statement gets less than its own slice: only a full run says how much.
      if (ip.budget.used() + ip.limits.stepsPerStatement > ip.limits.totalSteps) throw new NotIncremental('the analysis budget runs low', index);
      ip.runStatement(stmt);
      for (const x of ip.moduleReads) bodyReads.add(x);
      for (const x of ip.taintReads) taintReads.add(x);
    }
    // Counts set by an undecided choice or a cut-off are not in `use`: such stretches are not reused.
    if (session.names.approximations !== approx0 || session.names.hasUncertain()) throw new NotIncremental('a choice keras-lens could not decide changed the name counts', index);
    const namesBefore = [...use.before];
    const namesAfter: [string, number][] = use.resetSeen ? [...session.names.counts()] : namesBefore.map(([b]) => [b, session.names.count(b)]);
    const diagnostics = d0 === ip.diagnostics.length ? NO_DIAGNOSTICS : ip.diagnostics.slice(d0);
    const outcome: ItemOutcome = {
      namesBefore, namesAfter, namesReset: use.resetSeen,
      idStart, ids: session.idCounter - idStart, steps: ip.budget.used() - stepsStart,
      formatBefore: formatStart, formatAfter: session.opts.defaultDataFormat,
      sessionDiagnostics: s0 === this.sessionDiagnostics.length ? NO_DIAGNOSTICS : this.sessionDiagnostics.slice(s0), diagnostics,
      undefinedNames: diagnostics.map((d) => ip.nameReports.get(d)),
      bodyReads: [...bodyReads], taintReads: [...taintReads], models: [],
    };
    const models = m0 === session.models.length ? [] : session.models.slice(m0);
    if (prelude && (namesBefore.length > 0 || outcome.namesReset || outcome.ids > 0 || models.length > 0 || outcome.formatAfter !== formatStart || outcome.sessionDiagnostics.length > 0)) {
      throw new NotIncremental('a definition thought pure changed the Keras state', index);
    }
    return { outcome, models };
  }
}

/** Whether a cached outcome was made from this state (only the parts of it the chunk read). */
function madeFrom(o: ItemOutcome, names: ReadonlyMap<string, number>, nextId: number, format: DataFormat, callSites: boolean): boolean {
  if (o.formatBefore !== format) return false;
  if (callSites && o.idStart !== nextId) return false;
  return o.namesBefore.length === 0 || o.namesBefore.every(([b, c]) => (names.get(b) ?? 0) === c);
}

function sameEffect(a: ItemOutcome, b: ItemOutcome): boolean {
  return a.ids === b.ids && a.steps === b.steps && a.formatAfter === b.formatAfter && a.namesReset === b.namesReset
    && a.namesAfter.length === b.namesAfter.length && a.namesAfter.every(([k, v], i) => b.namesAfter[i][0] === k && b.namesAfter[i][1] === v);
}

function hasCallSites(rows: readonly LayerSummary[]): boolean {
  return rows.some((l) => (l.callSites?.length ?? 0) > 0 || (l.nested ? hasCallSites(l.nested) : false));
}

/** A unit's result from its chunks' outcomes. */
export function unitResult(outcomes: readonly ItemOutcome[]): UnitResult {
  return { outcomes, callSites: outcomes.some((o) => o.models.some((m) => hasCallSites(m.layers))) };
}

/**
 * Runs every chunk in order in one interpreter, as analyzeSource does, recording each chunk's outcome
 * (to group into units later): the first analysis of a document, when nothing can be reused anyway.
 */
export function runAll(items: readonly WalkItem[], config: WalkConfig): ItemOutcome[] {
  const ex = new Executor(config);
  const made: ModelObject[][] = [];
  const outcomes: ItemOutcome[] = [];
  items.forEach((item, i) => {
    const r = ex.run(item, undefined, false, i);
    outcomes.push(r.outcome);
    made.push(r.models);
    if (ex.ip.budget.used() + config.limits.stepsPerStatement > config.limits.totalSteps) throw new NotIncremental('the analysis budget runs low', i);
  });
  outcomes.forEach((o, i) => { o.models = made[i].map(summarizeModel); });
  return outcomes;
}

export interface WalkResult {
  /** Each chunk's outcome, in file order. */
  readonly outcomes: readonly ItemOutcome[];
  /** The units interpreted this time (the others' results were reused), with their new results. */
  readonly fresh: ReadonlyMap<number, UnitResult>;
}

/**
 * Walks the chunks. `results[u]` is unit u's cached result, if its chunks and dependencies are unchanged
 * (their ranges already moved to where the chunks are); it is reused if made from the same state.
 * Throws NotIncremental when it cannot be sure.
 */
export function walk(items: readonly WalkItem[], plan: Plan, results: readonly (UnitResult | undefined)[], config: WalkConfig): WalkResult {
  const n = items.length;
  const { units, unitOf, depUsers, position: pos } = plan;
  const cached = [...results];
  const runner: (Executor | undefined)[] = new Array<Executor | undefined>(units.length);
  let running = 0;
  const fresh = new Map<number, { outcomes: ItemOutcome[]; models: ModelObject[][] }>();
  let shared: Executor | undefined;
  const start = (u: number, ex: Executor): void => {
    runner[u] = ex;
    running++;
    fresh.set(u, { outcomes: [], models: [] });
  };
  units.forEach((_, u) => {
    if (!cached[u]) start(u, shared ??= new Executor(config));
  });
  const outcomes: ItemOutcome[] = new Array<ItemOutcome>(n);
  // The state at each chunk (names maps are shared until a chunk changes them).
  const namesAt: ReadonlyMap<string, number>[] = new Array<ReadonlyMap<string, number>>(n);
  const idAt = new Float64Array(n);
  const stepsAt = new Float64Array(n);
  const formatAt: DataFormat[] = new Array<DataFormat>(n);
  const stateAt = (i: number): State => ({ names: namesAt[i], nextId: idAt[i], steps: stepsAt[i], format: formatAt[i] });
  let names: ReadonlyMap<string, number> = new Map();
  let nextId = 1;
  let steps = 0;
  let format = config.dataFormat;

  const runOwn = (u: number, i: number, ex: Executor): ItemOutcome => {
    const r = ex.run(items[i], stateAt(i), units[u].prelude, i);
    const f = fresh.get(u)!;
    f.outcomes[pos[i]] = r.outcome;
    f.models[pos[i]] = r.models;
    return r.outcome;
  };
  /** A cached unit met a different state: run it from its start in an interpreter of its own. */
  const startLate = (u: number, i: number): void => {
    const ex = new Executor(config);
    start(u, ex);
    cached[u] = undefined;
    const own = new Set(units[u].items);
    const before = [...units[u].items, ...units[u].deps].filter((j) => j < i).sort((a, b) => a - b);
    for (const j of before) {
      if (!own.has(j)) { ex.run(items[j], stateAt(j), true, j); continue; }
      if (!sameEffect(runOwn(u, j, ex), outcomes[j])) throw new NotIncremental('a chunk run again had another effect', j);
    }
  };
  const runAsDependency = (i: number, own: Executor | undefined): void => {
    const done = new Set<Executor>(own ? [own] : []);
    for (const v of depUsers[i]) {
      const ex = runner[v];
      if (!ex || done.has(ex)) continue;
      done.add(ex);
      ex.run(items[i], stateAt(i), true, i);
    }
  };

  for (let i = 0; i < n; i++) {
    namesAt[i] = names;
    idAt[i] = nextId;
    stepsAt[i] = steps;
    formatAt[i] = format;
    const u = unitOf[i];
    const hit = cached[u];
    if (hit && !madeFrom(hit.outcomes[pos[i]], names, nextId, format, hit.callSites)) startLate(u, i);
    const own = runner[u];
    const out = own ? runOwn(u, i, own) : hit!.outcomes[pos[i]];
    // Prelude chunks also run in every interpreter that needs their definitions.
    if (running > 0 && depUsers[i].length > 0) runAsDependency(i, own);
    outcomes[i] = out;
    if (out.namesReset) names = new Map(out.namesAfter);
    else if (out.namesAfter.length > 0) {
      const next = new Map(names);
      for (const [b, c] of out.namesAfter) next.set(b, c);
      names = next;
    }
    nextId += out.ids;
    steps += out.steps;
    format = out.formatAfter;
    if (steps + config.limits.stepsPerStatement > config.limits.totalSteps) throw new NotIncremental('the analysis budget runs low', i);
  }

  const done = new Map<number, UnitResult>();
  for (const [u, f] of fresh) {
    f.outcomes.forEach((o, p) => {
      o.models = f.models[p].map(summarizeModel);
      outcomes[units[u].items[p]] = o;
    });
    done.set(u, unitResult(f.outcomes));
  }
  return { outcomes, fresh: done };
}
