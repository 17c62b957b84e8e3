// `auto` Keras version: Keras 3 unless the code uses spellings only Keras 1/2 accepted.
import type { Node } from 'web-tree-sitter';
import type { KerasVersion } from './keras/layerDef';
import { findLayer } from './keras/catalogue';

/** Keyword arguments that exist only in Keras 1 (and Keras 2's legacy support). */
const LEGACY_KWARGS = new Set([
  'output_dim', 'nb_filter', 'nb_row', 'nb_col', 'border_mode', 'subsample', 'subsample_length', 'init', 'inner_init',
  'W_regularizer', 'b_regularizer', 'U_regularizer', 'W_constraint', 'b_constraint', 'U_constraint', 'dim_ordering',
  'filter_length', 'pool_length', 'inner_activation', 'dropout_W', 'dropout_U', 'forget_bias_init', 'consume_less',
  'beta_init', 'gamma_init', 'atrous_rate', 'batch_input_shape', 'kernel_dim1',
]);
/** Keras 1 module paths that Keras 3 no longer has. */
const LEGACY_MODULE = /^keras\.(layers\.(core|convolutional|recurrent|pooling|normalization|embeddings|wrappers|advanced_activations|noise|local|merge)|legacy)\b/;
const KERAS1_ONLY = new Set(['Merge', 'merge', 'TimeDistributedDense', 'MaxoutDense', 'Highway']);

export interface VersionGuess {
  readonly version: KerasVersion;
  /** The spelling that decided it, with its node. */
  readonly evidence?: { readonly text: string; readonly node: Node };
}

/** A cheap text test first: most files have none of the old spellings, and walking the tree is not free. */
const MAYBE_LEGACY = new RegExp(`\\b(${[...LEGACY_KWARGS].join('|')})\\s*=|${LEGACY_MODULE.source.slice(1)}|\\b(${[...KERAS1_ONLY].join('|')})\\s*\\(`);

export function detectVersion(root: Node, text?: string): VersionGuess {
  if (text !== undefined && !mayBeLegacy(text)) return { version: 3 };
  return detectVersionIn([root]);
}

/** Whether `text` has any of the old spellings at all (if not, no tree walk is needed). */
export function mayBeLegacy(text: string): boolean {
  return MAYBE_LEGACY.test(text);
}

/** The guess from several trees read in order as one file (the incremental analysis parses statement by statement). */
export function detectVersionIn(roots: Iterable<Node>): VersionGuess {
  let found: VersionGuess | undefined;
  let k1: VersionGuess | undefined;
  // An explicit stack in source order, not recursion: a file may nest expressions 10,000 deep.
  const stack: Node[] = [...roots].reverse();
  while (stack.length > 0 && !(found && k1)) {
    const n = stack.pop() as Node;
    if (n.type === 'keyword_argument') {
      const name = n.childForFieldName('name')?.text;
      const callee = calleeName(n);
      // Only arguments of Keras layer calls count; Embedding's output_dim is still current.
      if (name && LEGACY_KWARGS.has(name) && callee && findLayer(callee) && !(name === 'output_dim' && callee === 'Embedding')) {
        found ??= { version: 2, evidence: { text: `${name}=`, node: n } };
      }
    } else if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name')?.text ?? '';
      if (LEGACY_MODULE.test(mod)) found ??= { version: 2, evidence: { text: `from ${mod} import`, node: n } };
    } else if (n.type === 'identifier' && KERAS1_ONLY.has(n.text) && n.parent?.type === 'call') {
      k1 ??= { version: 1, evidence: { text: n.text, node: n } };
    }
    const cs = n.namedChildren;
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      if (c) stack.push(c);
    }
  }
  return k1 ?? found ?? { version: 3 };
}

/** The called name of the call a keyword argument belongs to: `Dense` for `layers.Dense(output_dim=3)`. */
function calleeName(kw: Node): string | undefined {
  const call = kw.parent?.parent;
  if (call?.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text;
  if (fn?.type === 'attribute') return fn.childForFieldName('attribute')?.text;
  return undefined;
}
