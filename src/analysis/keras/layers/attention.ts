// Attention layers (keras/src/layers/attention): MultiHeadAttention, GroupedQueryAttention, Attention, AdditiveAttention.
import type { LayerCall, LayerDef, WeightDecl } from '../layerDef';
import { KerasError, UnknownFigure } from '../errors';
import { argRepr, argShape } from '../args';
import type { Dim, Shape } from '../shape';
import { commas, requireKnown, shapeText } from './util';

const TAIL = ['kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer',
  'kernel_constraint', 'bias_constraint'];

/** query, value and key (key defaults to value) of a call `mha(query, value, key=None)`. */
function qvk(call: LayerCall, cls: string): [Shape, Shape, Shape] {
  if (call.inputs.some((x) => x === null)) throw new UnknownFigure('an input shape is not known');
  const shapes = call.inputs as Shape[];
  if (shapes.length < 2) throw new KerasError(`${cls} needs a query and a value: call it as layer(query, value)`);
  return [shapes[0], shapes[1], shapes[2] ?? shapes[1]];
}

const last = (s: Shape, what: string, cls: string): number => requireKnown(cls, s[s.length - 1], `last dimension of the ${what}`);
const same = (a: readonly Dim[], b: readonly Dim[]) => a.length === b.length && a.every((d, i) => d === b[i]);

const multiHeadAttention: LayerDef = {
  className: 'MultiHeadAttention',
  signature: ['num_heads', 'key_dim', 'value_dim', 'dropout', 'use_bias', 'output_shape', 'attention_axes',
    'flash_attention', ...TAIL, 'use_gate', 'seed'],
  keywords: ['sliding_window'],
  required: ['num_heads', 'key_dim'],
  validate(args) {
    // multi_head_attention.py: num_heads, key_dim positive ints; value_dim None or a positive int
    for (const name of ['num_heads', 'key_dim', 'value_dim']) {
      const v = args.known(name);
      if (v === undefined || (name === 'value_dim' && v.t === 'none')) continue;
      if (v.t !== 'int' || v.v <= 0) {
        throw new KerasError(`Received an invalid value for argument \`${name}\`, expected a positive integer${name === 'value_dim' ? ' or `None`' : ''}. Received: ${name}=${v.t === 'str' ? v.v : argRepr(v)}`, name);
      }
    }
  },
  build(call) {
    const cls = 'MultiHeadAttention';
    const [q, v, k] = qvk(call, cls);
    // multi_head_attention.py compute_output_shape: value and key agree except the last dim
    if (!same(v.slice(1, -1), k.slice(1, -1))) {
      throw new KerasError(`All dimensions of \`value\` and \`key\`, except the last one, must be equal. Received: value_shape=${shapeText(v)} and key_shape=${shapeText(k)}`);
    }
    const h = call.args.int('num_heads');
    const kd = call.args.int('key_dim');
    const vd = call.args.optInt('value_dim') ?? kd;
    const b = call.args.bool('use_bias', true);
    const gate = call.args.bool('use_gate', false);
    const dq = last(q, 'query', cls);
    const dk = last(k, 'key', cls);
    const dv = last(v, 'value', cls);
    const outShape = argShape(call.args.known('output_shape')) ?? undefined;
    if (outShape && outShape.some((d) => d === null)) throw new KerasError('MultiHeadAttention: output_shape must be fully defined', 'output_shape');
    const o = outShape ? (outShape as number[]) : [dq];
    const dense = (name: string, din: number, heads: number, size: number): WeightDecl[] => [
      { name: `${name}/kernel`, shape: [din, heads, size], trainable: true },
      ...(b ? [{ name: `${name}/bias`, shape: [heads, size], trainable: true }] : []),
    ];
    const weights: WeightDecl[] = [
      ...dense('query', dq, h, kd), ...dense('key', dk, h, kd), ...dense('value', dv, h, vd),
      ...(gate ? dense('gate', dq, h, vd) : []),
      { name: 'attention_output/kernel', shape: [h, vd, ...o], trainable: true },
      ...(b ? [{ name: 'attention_output/bias', shape: [...o], trainable: true }] : []),
    ];
    const out: Dim[] = [...q.slice(0, -1), ...o];
    const scores = call.callOption('return_attention_scores');
    const outputs: Shape[] = [out];
    // compute_output_spec: Keras 3 gives the scores (B, H, Tq, Tq), the query length for both axes
    if (scores?.t === 'bool' && scores.v) outputs.push([q[0], h, q[1] ?? null, q[1] ?? null]);
    const size = (prefix: string) => weights.filter((w) => w.name.startsWith(prefix)).reduce((t, w) => t + w.shape.reduce((x, y) => x * y, 1), 0);
    const parts: [string, string][] = [['query', 'query'], ['key', 'key'], ['value', 'value'], ...(gate ? [['gate', 'gate'] as [string, string]] : []), ['output', 'attention_output']];
    return {
      outputs,
      multiOutput: outputs.length > 1,
      weights,
      formula: {
        symbolic: parts.map(([label]) => label).join(' + '),
        numeric: parts.map(([, prefix]) => commas(size(prefix))).join(' + '),
      },
      shapeExplanation: outShape ? `the query's shape with its last axis replaced by output_shape ${shapeText([null, ...o]).replace('None, ', '')}` : 'the same shape as the query',
    };
  },
};

const groupedQueryAttention: LayerDef = {
  className: 'GroupedQueryAttention',
  aliases: ['GroupQueryAttention'],
  // grouped_query_attention.py: @keras_export("keras.layers.GroupQueryAttention") on class GroupedQueryAttention
  unexportedInKeras3: ['GroupedQueryAttention'],
  signature: ['head_dim', 'num_query_heads', 'num_key_value_heads', 'dropout', 'use_bias', 'flash_attention', ...TAIL, 'seed'],
  required: ['head_dim', 'num_query_heads', 'num_key_value_heads'],
  validate(args) {
    if (args.int('num_query_heads') % args.int('num_key_value_heads') !== 0) {
      throw new KerasError('`num_query_heads` must be divisible by `num_key_value_heads`.', 'num_key_value_heads');
    }
  },
  build(call) {
    const cls = 'GroupedQueryAttention';
    const [q, v, k] = qvk(call, cls);
    const hd = call.args.int('head_dim');
    const hq = call.args.int('num_query_heads');
    const hkv = call.args.int('num_key_value_heads');
    const b = call.args.bool('use_bias', true);
    const dq = last(q, 'query', cls);
    const dk = last(k, 'key', cls);
    const dv = last(v, 'value', cls);
    if (dq !== dv) throw new KerasError(`The last dimension of \`query_shape\` and \`value_shape\` must be equal, but are ${dq}, ${dv}. Received: query_shape=${shapeText(q)}, value_shape=${shapeText(v)}`);
    const dense = (name: string, shape: number[], bias: number[]): WeightDecl[] => [
      { name: `${name}/kernel`, shape, trainable: true }, ...(b ? [{ name: `${name}/bias`, shape: bias, trainable: true }] : []),
    ];
    return {
      outputs: [q],
      weights: [...dense('query', [dq, hq, hd], [hq, hd]), ...dense('key', [dk, hkv, hd], [hkv, hd]),
        ...dense('value', [dv, hkv, hd], [hkv, hd]), ...dense('attention_output', [hq, hd, dq], [dq])],
      shapeExplanation: 'the same shape as the query',
    };
  },
};

/** Attention / AdditiveAttention take a list [query, value] or [query, value, key]. */
function listAttention(className: string, additive: boolean): LayerDef {
  return {
    className,
    signature: additive ? ['use_scale', 'dropout'] : ['use_scale', 'score_mode', 'dropout', 'seed'],
    takesList: true,
    validate(args) {
      if (!additive) {
        const mode = args.str('score_mode', 'dot');
        if (mode !== 'dot' && mode !== 'concat') throw new KerasError(`Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. Received: score_mode=${mode}`, 'score_mode');
      }
    },
    build(call) {
      if (!call.inputIsList) throw new KerasError(`${className} layer must be called on a list of inputs, namely [query, value] or [query, value, key].`);
      const xs = call.inputList();
      if (xs.length < 2 || xs.length > 3) throw new KerasError(`${className} layer accepts inputs list of length 2 or 3, namely [query, value] or [query, value, key]. Received length: ${xs.length}.`);
      const [q, v] = xs;
      const key = xs[2] ?? v;
      const out: Dim[] = [...q.slice(0, -1), v[v.length - 1]];
      const weights: WeightDecl[] = [];
      if (additive) {
        if (call.args.bool('use_scale', true)) weights.push({ name: 'scale', shape: [requireKnown(className, q[q.length - 1], 'last dimension of the query')], trainable: true });
      } else {
        if (call.args.bool('use_scale', false)) weights.push({ name: 'scale', shape: [], trainable: true });
        if (call.args.str('score_mode', 'dot') === 'concat') weights.push({ name: 'concat_score_weight', shape: [], trainable: true });
      }
      const scores = call.callOption('return_attention_scores');
      const outputs: Shape[] = [out];
      if (scores?.t === 'bool' && scores.v) outputs.push([...q.slice(0, -1), key[key.length - 2] ?? null]);
      return { outputs, multiOutput: outputs.length > 1, weights, shapeExplanation: "the query's shape with the value's last dimension" };
    },
  };
}

export const ATTENTION_LAYERS: readonly LayerDef[] = [
  multiHeadAttention, groupedQueryAttention, listAttention('Attention', false), listAttention('AdditiveAttention', true),
];
