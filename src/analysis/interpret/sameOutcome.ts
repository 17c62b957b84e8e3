// Whether two alternatives of an undecidable choice left the same state: the objects that existed before
// must hold equal contents, and the objects each one made must correspond one to one (a layer for a layer,
// a tensor for a tensor) with equal contents. Source positions and ids do not count; names do.
import { ArgReader } from '../keras/args';
import { isLeafValue, isStateful, liveContents, type Contents, type WorldSnapshot } from './world';
import { Scope } from './scope';

/** What one alternative did: the contents it left in objects that existed before, and what it produced. */
export interface Outcome {
  readonly changes: ReadonlyMap<object, Contents>;
  readonly result: unknown;
}

/** Where an object was made or changed: which positions to skip, in what order entries count. */
interface Context {
  /** Entries of a Python dict keep their order; a scope's names or a layer's arguments do not. */
  readonly ordered: boolean;
  /** A layer's arguments: those that change no shape or count (activation, initialisers…) are skipped. */
  readonly layerArgs: boolean;
}

const PLAIN: Context = { ordered: false, layerArgs: false };
const DICT: Context = { ordered: true, layerArgs: false };
const LAYER_ARGS: Context = { ordered: false, layerArgs: true };
/** Source positions and ids differ between two branches that do the same; a custom layer's tracer is a closure (its `instance` is compared). */
const NOT_COMPARED = new Set(['id', 'site', 'range', 'callSites', 'trace']);
/** Layer arguments that never change an output shape or a weight (keras/src/layers: they only reach call()). */
const NO_FIGURE_ARG = /^(activation|recurrent_activation|activity_regularizer|seed|\w+_initializer|\w+_regularizer|\w+_constraint)$/;

/** Whether `a` and `b` (run from the same saved state `before`) leave the same state and result. */
export function sameOutcome(before: WorldSnapshot, a: Outcome, b: Outcome): boolean {
  return new Comparison(before, a, b).same();
}

/** Whether two values are the same in a single world (for names the alternatives bind: `units = 64` in each). */
export function sameValue(before: WorldSnapshot, x: unknown, y: unknown, a: Outcome, b: Outcome): boolean {
  const c = new Comparison(before, a, b);
  return c.pushValues(x, y, PLAIN) && c.drain();
}

class Comparison {
  private readonly pairs = new Map<object, object>();
  private readonly paired = new Set<object>();
  private readonly work: [object, object, Context][] = [];

  constructor(private readonly before: WorldSnapshot, private readonly a: Outcome, private readonly b: Outcome) {}

  same(): boolean {
    const changed = new Set([...this.a.changes.keys(), ...this.b.changes.keys()]);
    for (const o of changed) {
      if (o instanceof Scope) {
        if (!this.sameNames(o)) return false;
      } else {
        this.pushSameObject(o, contextOf(o, this.before.holder.get(o)));
      }
    }
    return this.pushValues(this.a.result, this.b.result, PLAIN) && this.drain();
  }

  /** A scope's names either alternative bound: each the same on both ways (a name neither changed is as before). */
  private sameNames(scope: Scope): boolean {
    const ca = this.a.changes.get(scope);
    const cb = this.b.changes.get(scope);
    const na = ca?.kind === 'names' ? ca.now : new Map<string, undefined>();
    const nb = cb?.kind === 'names' ? cb.now : new Map<string, undefined>();
    for (const name of new Set([...na.keys(), ...nb.keys()])) {
      const x = na.has(name) ? na.get(name) : scope.vars.get(name);
      const y = nb.has(name) ? nb.get(name) : scope.vars.get(name);
      if (x !== y && !this.pushValues(x, y, PLAIN)) return false;
    }
    return true;
  }

  drain(): boolean {
    while (this.work.length > 0) {
      const [x, y, ctx] = this.work.pop()!;
      if (!this.sameContents(this.viewA(x), this.viewB(y), ctx, x)) return false;
    }
    return true;
  }

  /** Contents of an object after A: what A left in it, else as before, else (made by A) as it is now. */
  private viewA(o: object): Contents {
    return this.a.changes.get(o) ?? this.before.saved.get(o) ?? liveContents(o);
  }

  private viewB(o: object): Contents {
    return this.b.changes.get(o) ?? this.before.saved.get(o) ?? liveContents(o);
  }

  private pushSameObject(o: object, ctx: Context): void {
    this.work.push([o, o, ctx]);
  }

  pushValues(x: unknown, y: unknown, ctx: Context): boolean {
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) return Object.is(x, y);
    // One older object: the same in both unless one changed it, and every changed one is compared by same().
    if (x === y) return true;
    if (this.before.has(x) || this.before.has(y)) return false;
    if (isLeafValue(x) || isLeafValue(y)) return sameLeaf(x, y);
    if (!isStateful(x) || !isStateful(y)) return x === y || sameSyntax(x, y);
    const known = this.pairs.get(x);
    if (known) return known === y;
    if (this.paired.has(y)) return false;
    this.pairs.set(x, y);
    this.paired.add(y);
    this.work.push([x, y, ctx]);
    return true;
  }

  private sameContents(p: Contents, q: Contents, ctx: Context, owner: object): boolean {
    if (p.kind !== q.kind) return false;
    switch (p.kind) {
      case 'array': {
        const r = (q as typeof p).items;
        return p.items.length === r.length && p.items.every((v, i) => this.pushValues(v, r[i], PLAIN));
      }
      case 'set': {
        // Sets hold names (a scope's `global`s, a model's layer names): order does not count.
        const r = new Set((q as typeof p).values);
        return p.values.length === r.size && p.values.every((v) => r.has(v));
      }
      case 'map': return this.sameMap(p.entries, (q as typeof p).entries, ctx);
      case 'names': return false;
      case 'object': {
        const r = (q as typeof p).props;
        let n = 0;
        for (const k in p.props) {
          const v = p.props[k];
          if (v === undefined || NOT_COMPARED.has(k)) continue;
          n++;
          if (!(k in r) || !this.pushValues(v, r[k], contextOf(v, owner))) return false;
        }
        let m = 0;
        for (const k in r) if (r[k] !== undefined && !NOT_COMPARED.has(k)) m++;
        return n === m;
      }
    }
  }

  private sameMap(p: ReadonlyMap<unknown, unknown>, q: ReadonlyMap<unknown, unknown>, ctx: Context): boolean {
    const keep = (m: ReadonlyMap<unknown, unknown>): [unknown, unknown][] =>
      [...m].filter(([k]) => !(ctx.layerArgs && typeof k === 'string' && NO_FIGURE_ARG.test(k)));
    const objectKeys = [...p.keys()].some((k) => typeof k === 'object' && k !== null);
    if (ctx.ordered || objectKeys) {
      const x = keep(p);
      const y = keep(q);
      return x.length === y.length && x.every(([k, v], i) => this.pushValues(k, y[i][0], PLAIN) && this.pushValues(v, y[i][1], PLAIN));
    }
    // Names (a scope's, a layer's arguments): by key; a module's scope can hold thousands, compared where they differ.
    let n = 0;
    for (const [k, v] of p) {
      if (ctx.layerArgs && typeof k === 'string' && NO_FIGURE_ARG.test(k)) continue;
      n++;
      if (!q.has(k)) return false;
      const w = q.get(k);
      if (v !== w && !this.pushValues(v, w, PLAIN)) return false;
    }
    let m = 0;
    for (const k of q.keys()) if (!(ctx.layerArgs && typeof k === 'string' && NO_FIGURE_ARG.test(k))) m++;
    return n === m;
  }
}

/** How to compare an object held by `holder`: a dict's entries in order; a layer's arguments without the figure-free ones. */
function contextOf(o: unknown, holder: object | undefined): Context {
  if (!holder || typeof o !== 'object' || o === null) return PLAIN;
  const h = holder as Record<string, unknown>;
  if (h.k === 'dict' && h.entries === o) return DICT;
  if (holder instanceof ArgReader || (typeof h.className === 'string' && h.base === o)) return LAYER_ARGS;
  return PLAIN;
}


/** Immutable values compare by content (two `64`s made in two branches are the same 64). */
function sameLeaf(x: object, y: object): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Syntax nodes (a function defined in each branch) are the same when their source text is. */
function sameSyntax(x: object, y: object): boolean {
  const tx = (x as { text?: unknown }).text;
  return typeof tx === 'string' && typeof (y as { startIndex?: unknown }).startIndex === 'number' && tx === (y as { text?: unknown }).text;
}
