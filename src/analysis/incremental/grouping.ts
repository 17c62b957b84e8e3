// Splits a file's top-level chunks into units that can be interpreted apart: each non-prelude chunk is
// joined to the chunks whose bindings it may read or change; each prelude chunk (pure definitions) is a
// unit of its own and is run again, as a dependency, by every unit that names what it binds.
import type { ChunkFacts } from './facts';

/** Names learnt from earlier runs that the syntax did not show (see DocumentAnalysis). */
export interface LearntNames {
  /** Read by function bodies from the module scope: every non-prelude chunk counts as reading them. */
  readonly bodyReads: ReadonlySet<string>;
  /** Read by code that was not followed (`taint`) where a chunk binds them: a binding counts as a read. */
  readonly taintReads: ReadonlySet<string>;
}

export interface UnitPlan {
  /** Chunk indices in file order. */
  readonly items: readonly number[];
  /** Prelude chunks it runs as well, each at its place in file order among `items`. */
  readonly deps: readonly number[];
  readonly prelude: boolean;
}

export interface Plan {
  readonly units: readonly UnitPlan[];
  /** The unit of each chunk. */
  readonly unitOf: Int32Array;
  /** Each chunk's position among its unit's items. */
  readonly position: Int32Array;
  /** For each prelude chunk, the units that run it as a dependency. */
  readonly depUsers: readonly (readonly number[])[];
  /** The non-prelude chunks that may have bound or changed `name` before chunk `at`. */
  ownersBefore(at: number, name: string): readonly number[];
  /** The prelude chunks before `at` that bind `name`. */
  bindersBefore(at: number, name: string): readonly number[];
}

const NONE: readonly number[] = [];

export function planUnits(facts: readonly ChunkFacts[], learnt: LearntNames): Plan {
  const n = facts.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const globalDecl = new Set<string>();
  const free = new Set<string>();
  for (const f of facts) {
    for (const g of f.globalDecl) globalDecl.add(g);
    for (const x of f.free) free.add(x);
  }
  const owners = new Map<string, readonly number[]>();
  // Each name's owner sets over the file, for ownersBefore: [chunk index, owners after it].
  const history = new Map<string, [number, readonly number[]][]>();
  const binders = new Map<string, number[]>();
  const setOwners = (name: string, at: number, list: readonly number[]): void => {
    owners.set(name, list);
    let h = history.get(name);
    if (!h) history.set(name, (h = []));
    h.push([at, list]);
  };
  const prelude: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const f = facts[i];
    const isPrelude = f.prelude && [...f.loads].every((x) => (owners.get(x) ?? NONE).length === 0);
    prelude.push(isPrelude);
    if (isPrelude) {
      // A prelude chunk rebinds its names to immutable values: earlier owners no longer matter.
      for (const x of f.stores) {
        if ((owners.get(x) ?? NONE).length > 0) setOwners(x, i, NONE);
        let b = binders.get(x);
        if (!b) binders.set(x, (b = []));
        b.push(i);
      }
      continue;
    }
    const loads = new Set(f.loads);
    for (const x of learnt.bodyReads) loads.add(x);
    for (const x of globalDecl) loads.add(x);
    for (const x of f.stores) if (learnt.taintReads.has(x) || globalDecl.has(x)) loads.add(x);
    for (const x of loads) {
      const before = owners.get(x) ?? NONE;
      for (const o of before) union(i, o);
      // Reading may change the value (a call can mutate what it is given): later readers see this chunk.
      if (before.length > 0 || f.stores.has(x) || globalDecl.has(x)) setOwners(x, i, [i]);
    }
    for (const x of f.stores) {
      if (loads.has(x)) continue;
      if (f.kills.has(x)) setOwners(x, i, [i]);
      else setOwners(x, i, [...(owners.get(x) ?? NONE), i]);
    }
  }

  // Units: one per group of joined non-prelude chunks, one per prelude chunk; numbered in file order.
  const unitOf = new Int32Array(n);
  const units: { items: number[]; deps: number[]; prelude: boolean }[] = [];
  const unitOfRoot = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (prelude[i]) {
      unitOf[i] = units.length;
      units.push({ items: [i], deps: [], prelude: true });
      continue;
    }
    const r = find(i);
    let u = unitOfRoot.get(r);
    if (u === undefined) {
      u = units.length;
      unitOfRoot.set(r, u);
      units.push({ items: [], deps: [], prelude: false });
    }
    units[u].items.push(i);
    unitOf[i] = u;
  }
  const stars: number[] = [];
  for (let i = 0; i < n; i++) if (prelude[i] && facts[i].starImport) stars.push(i);
  for (const u of units) u.deps = dependencies(u, facts, binders, stars, u.prelude ? NONE_SET : free, learnt);
  const position = new Int32Array(n);
  const depUsers: number[][] = Array.from({ length: n }, () => []);
  units.forEach((unit, u) => {
    unit.items.forEach((it, p) => { position[it] = p; });
    for (const d of unit.deps) depUsers[d].push(u);
  });

  const bisect = <T>(list: readonly [number, T][], at: number): T | undefined => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid][0] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1][1] : undefined;
  };
  return {
    units,
    unitOf,
    position,
    depUsers,
    ownersBefore: (at, name) => bisect(history.get(name) ?? [], at) ?? NONE,
    bindersBefore: (at, name) => (binders.get(name) ?? []).filter((b) => b < at),
  };
}

const NONE_SET: ReadonlySet<string> = new Set();

/**
 * The prelude chunks a unit must run: those before its last chunk binding a name it reads or binds, or
 * a name function bodies read, or that those prelude chunks read in turn; and every star import.
 */
function dependencies(u: UnitPlan, facts: readonly ChunkFacts[], binders: ReadonlyMap<string, number[]>, stars: readonly number[], free: ReadonlySet<string>, learnt: LearntNames): number[] {
  const last = u.items[u.items.length - 1];
  const own = new Set(u.items);
  const deps = new Set<number>();
  const seen = new Set<string>();
  const todo: string[] = [];
  const want = (x: string): void => {
    if (!seen.has(x)) { seen.add(x); todo.push(x); }
  };
  for (const i of u.items) {
    for (const x of facts[i].loads) want(x);
    for (const x of facts[i].stores) want(x);
  }
  for (const x of free) want(x);
  if (!u.prelude) for (const x of learnt.bodyReads) want(x);
  for (const s of stars) if (s < last && !own.has(s)) deps.add(s);
  while (todo.length > 0) {
    const x = todo.pop()!;
    for (const b of binders.get(x) ?? NONE) {
      if (b >= last || own.has(b) || deps.has(b)) continue;
      deps.add(b);
      for (const y of facts[b].loads) want(y);
    }
  }
  return [...deps].sort((a, b) => a - b);
}
