// Abstract Python values: what the interpreter knows about each expression's result.
import type { Node } from 'web-tree-sitter';
import type { LayerObject, Tensor } from '../keras/graph';
import type { ModelObject } from '../keras/models';
import type { Scope } from './scope';
import type { Interpreter } from './interpreter';

export interface FunctionValue {
  readonly k: 'func';
  readonly name: string;
  readonly params: Node | null; // `parameters` / lambda_parameters node
  readonly body: Node; // block, or the lambda's body expression
  readonly isLambda: boolean;
  readonly closure: Scope;
  readonly defaults: Map<string, Value>;
}

/** A Python callable implemented by the interpreter (builtins, Keras symbols, methods). */
export interface NativeValue {
  readonly k: 'native';
  readonly name: string;
  readonly call: (args: CallArgs, ip: Interpreter) => Value;
  /** A bound method's receiver (`model` in `add = model.add`): what calling it can change. */
  readonly self?: object;
}

export interface CallArgs {
  readonly positional: Value[];
  readonly keywords: [string, Value][];
  /** The call expression, for ranges and diagnostics. */
  readonly node: Node;
  /** Set when *args / **kwargs of unknown content were passed: arguments are incomplete. */
  readonly incomplete?: string;
}

export interface DictValue {
  readonly k: 'dict';
  /** Keys by their repr, to keep Python's insertion order and equality for str/int/tuple keys. */
  readonly entries: Map<string, { key: Value; value: Value }>;
}

/** A user-defined class; `kerasBase` says whether it derives from keras.layers.Layer or keras.Model. */
export interface ClassValue {
  readonly k: 'class';
  readonly name: string;
  readonly bases: readonly Value[];
  readonly attrs: Map<string, Value>;
  readonly kerasBase: 'layer' | 'model' | null;
}

/** An instance of a user-defined class; Keras subclasses carry their layer (and model) object. */
export interface ObjectValue {
  readonly k: 'object';
  readonly cls: ClassValue;
  readonly attrs: Map<string, Value>;
  readonly layer?: LayerObject;
  readonly model?: ModelObject;
  /** The keras base __init__ has run (it names the layer). */
  named: boolean;
}

export type Value =
  | { readonly k: 'none' }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'int'; readonly v: number }
  | { readonly k: 'float'; readonly v: number }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'tuple'; readonly items: readonly Value[] }
  | { readonly k: 'list'; readonly items: Value[] }
  | DictValue
  | { readonly k: 'range'; readonly start: number; readonly stop: number; readonly step: number }
  | FunctionValue
  | NativeValue
  /** A module or namespace: `keras.layers`, `np`, `tf.keras`. `keras` marks Keras's own namespaces. */
  | { readonly k: 'module'; readonly path: string; readonly keras: boolean }
  /** A Keras layer class (known or not). */
  | { readonly k: 'layerClass'; readonly name: string }
  | { readonly k: 'layer'; readonly layer: LayerObject }
  | { readonly k: 'tensor'; readonly t: Tensor }
  | { readonly k: 'model'; readonly m: ModelObject }
  /** A concrete array (numpy): only its shape matters. */
  | { readonly k: 'ndarray'; readonly shape: readonly number[] }
  /** An object keras-lens does not model but that cannot change any figure (a regularizer, an optimizer). */
  | { readonly k: 'opaque'; readonly what: string }
  | ClassValue
  | ObjectValue
  /** super() inside a method of `cls`, bound to `self`. */
  | { readonly k: 'super'; readonly cls: ClassValue; readonly self: ObjectValue }
  | { readonly k: 'unknown'; readonly reason: string };

export const NONE: Value = { k: 'none' };
export const TRUE: Value = { k: 'bool', v: true };
export const FALSE: Value = { k: 'bool', v: false };
export const int = (v: number): Value => (Number.isSafeInteger(v) ? { k: 'int', v } : unknown('an integer too large to follow'));
export const float = (v: number): Value => ({ k: 'float', v });
export const str = (v: string): Value => ({ k: 'str', v });
export const bool = (v: boolean): Value => (v ? TRUE : FALSE);
export const tuple = (items: readonly Value[]): Value => ({ k: 'tuple', items });
export const list = (items: Value[]): Value => ({ k: 'list', items });
export const unknown = (reason: string): Value => ({ k: 'unknown', reason });
export const opaque = (what: string): Value => ({ k: 'opaque', what });
export const native = (name: string, call: (args: CallArgs, ip: Interpreter) => Value, self?: object): NativeValue =>
  (self ? { k: 'native', name, call, self } : { k: 'native', name, call });

export function isUnknown(v: Value): v is { k: 'unknown'; reason: string } {
  return v.k === 'unknown';
}

/** Python truthiness; undefined when it cannot be known. */
export function truthy(v: Value): boolean | undefined {
  switch (v.k) {
    case 'none': return false;
    case 'bool': return v.v;
    case 'int': case 'float': return v.v !== 0;
    case 'str': return v.v.length > 0;
    case 'tuple': case 'list': return v.items.length > 0;
    case 'dict': return v.entries.size > 0;
    case 'range': return rangeLength(v) > 0;
    case 'unknown': case 'opaque': return undefined;
    default: return true;
  }
}

export function rangeLength(r: { start: number; stop: number; step: number }): number {
  if (r.step > 0) return Math.max(0, Math.ceil((r.stop - r.start) / r.step));
  return Math.max(0, Math.ceil((r.start - r.stop) / -r.step));
}

/** A key for dict entries and `in` tests: equal Python values give equal keys (1 == 1.0 == True). */
export function hashKey(v: Value): string | undefined {
  switch (v.k) {
    case 'none': return 'None';
    case 'bool': return `n:${v.v ? 1 : 0}`;
    case 'int': case 'float': return `n:${v.v}`;
    case 'str': return `s:${v.v}`;
    case 'tuple': {
      const parts = v.items.map(hashKey);
      return parts.every((p) => p !== undefined) ? `t:(${parts.join(',')})` : undefined;
    }
    case 'layer': return `l:${v.layer.id}`;
    case 'tensor': return `x:${v.t.id}`;
    case 'model': return `m:${v.m.id}`;
    default: return undefined;
  }
}

/** Python repr, for f-strings and str(). Undefined when not known. */
export function pyStr(v: Value, repr = false): string | undefined {
  switch (v.k) {
    case 'none': return 'None';
    case 'bool': return v.v ? 'True' : 'False';
    case 'int': return String(v.v);
    case 'float': return floatRepr(v.v);
    case 'str': return repr ? `'${v.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : v.v;
    case 'tuple': case 'list': {
      const parts = v.items.map((x) => pyStr(x, true));
      if (parts.some((p) => p === undefined)) return undefined;
      const inner = parts.join(', ');
      return v.k === 'list' ? `[${inner}]` : `(${inner}${parts.length === 1 ? ',' : ''})`;
    }
    case 'dict': {
      const parts: string[] = [];
      for (const { key, value } of v.entries.values()) {
        const a = pyStr(key, true);
        const b = pyStr(value, true);
        if (a === undefined || b === undefined) return undefined;
        parts.push(`${a}: ${b}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'layer': return `<${v.layer.className} name=${v.layer.name}>`;
    default: return undefined;
  }
}

export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  const s = String(x);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

export function typeName(v: Value): string {
  switch (v.k) {
    case 'none': return 'NoneType';
    case 'func': case 'native': return 'function';
    case 'layerClass': return 'type';
    case 'layer': return v.layer.className;
    case 'tensor': return 'KerasTensor';
    case 'model': return v.m.kind === 'sequential' ? 'Sequential' : v.m.kind === 'functional' ? 'Functional' : v.m.asLayer.className;
    case 'class': return 'type';
    case 'object': return v.cls.name;
    default: return v.k;
  }
}
