// Attention layers (keras-layers.md §3.7), called the way Keras calls them: mha(query, value[, key]), attention([q, v[, k]]).
// MultiHeadAttention params (Dq, Dk, Dv last dims; H heads; K key_dim; V value_dim; O output size):
//   query Dq·H·K + H·K, key Dk·H·K + H·K, value Dv·H·V + H·V, output H·V·O + O (biases when use_bias).
// Keras 3 cases are replayed under Keras by scripts/check-layer-cases.mjs.
import { test } from 'node:test';
import { figures, rejects } from './cases';

const qv = { call: 'x0, x1' };
const qvk = { call: 'x0, x1, x2' };

test('MultiHeadAttention figures', async () => {
  // 3·(32·64 + 64) + (64·32 + 32) = 6,336 + 2,080
  await figures('MultiHeadAttention(4, 16)', [[null, 10, 32], [null, 10, 32]], { shape: [null, 10, 32], params: 8416 }, qv);
  // query 32·64+64 = 2,112; key 40·64+64 = 2,624; value 24·32+32 = 800; output 32·20+20 = 660
  await figures('MultiHeadAttention(4, 16, value_dim=8, output_shape=20)', [[null, 10, 32], [null, 6, 24], [null, 6, 40]], { shape: [null, 10, 20], params: 6196 }, qvk);
  await figures('MultiHeadAttention(4, 16, use_bias=False)', [[null, 10, 32], [null, 10, 32]], { shape: [null, 10, 32], params: 8192 }, qv); // 4·2,048
  // 3·(32·16 + 16) + (16·20 + 20) = 1,584 + 340
  await figures('MultiHeadAttention(2, 8, output_shape=(4, 5))', [[null, 10, 32], [null, 10, 32]], { shape: [null, 10, 4, 5], params: 1924 }, qv);
  // scores (B, H, Tq, Tq): Keras 3 uses the query length twice; 3·528 + (16·32 + 32) = 2,128
  await figures('MultiHeadAttention(2, 8)', [[null, 5, 32], [null, 7, 32]], { shape: [[null, 5, 32], [null, 2, 5, 5]], params: 2128 }, { call: 'x0, x1, return_attention_scores=True' });
  await figures('MultiHeadAttention(2, 8, use_gate=True)', [[null, 5, 32], [null, 7, 32]], { shape: [null, 5, 32], params: 2656 }, qv); // + gate 32·16+16
  await figures('MultiHeadAttention(2, 8)', [[null, 4, 5, 16], [null, 4, 5, 16]], { shape: [null, 4, 5, 16], params: 1088 }, qv); // 4·(16·16+16)
});

test('MultiHeadAttention error cases', async () => {
  await rejects('MultiHeadAttention(0, 8)', [[null, 5, 32], [null, 7, 32]], /invalid value for argument `num_heads`, expected a positive integer. Received: num_heads=0/, qv);
  await rejects('MultiHeadAttention(2)', [[null, 5, 32], [null, 7, 32]], /missing 1 required positional argument: 'key_dim'/, qv);
  await rejects('MultiHeadAttention(2, 8)', [null, 5, 32], /needs a query and a value/);
  await rejects('MultiHeadAttention(2, 8)', [[null, 5, 32], [null, 7, 32], [null, 6, 32]], /All dimensions of `value` and `key`, except the last one, must be equal/, qvk);
  await rejects('MultiHeadAttention(2, 8)', [[null, 5, null], [null, 7, 32]], /last dimension of the query/, qv);
});

test('GroupQueryAttention figures: query Dq·Hq·hd, key/value D·Hkv·hd, output Hq·hd·Dq (+ biases)', async () => {
  // 32·4·8 + 32 = 1,056; key and value 32·2·8 + 16 = 528 each; output 4·8·32 + 32 = 1,056
  await figures('GroupQueryAttention(8, 4, 2)', [[null, 10, 32], [null, 10, 32]], { shape: [null, 10, 32], params: 3168 }, qv);
  // no bias: 1,024 + key 16·2·8 = 256 + value 32·2·8 = 512 + 1,024
  await figures('GroupQueryAttention(8, 4, 2, use_bias=False)', [[null, 10, 32], [null, 6, 32], [null, 6, 16]], { shape: [null, 10, 32], params: 2816 }, qvk);
});

test('GroupQueryAttention error cases; Keras 3 exports no GroupedQueryAttention name', async () => {
  await rejects('GroupQueryAttention(8, 4, 3)', [[null, 10, 32], [null, 10, 32]], /`num_query_heads` must be divisible by `num_key_value_heads`/, qv);
  await rejects('GroupQueryAttention(8, 4, 2)', [[null, 10, 32], [null, 10, 16]], /The last dimension of `query_shape` and `value_shape` must be equal, but are 32, 16/, qv);
  await rejects('GroupQueryAttention(8, 4)', [[null, 10, 32], [null, 10, 32]], /missing 1 required positional argument: 'num_key_value_heads'/, qv);
  await rejects('GroupedQueryAttention(8, 4, 2)', [[null, 10, 32], [null, 10, 32]], /module 'keras.layers' has no attribute 'GroupedQueryAttention'/, qv);
});

test('Attention and AdditiveAttention figures: (*query[:-1], value[-1])', async () => {
  await figures('Attention()', [[null, 5, 16], [null, 7, 8]], { shape: [null, 5, 8], params: 0 });
  await figures('Attention(use_scale=True, score_mode="concat")', [[null, 5, 16], [null, 7, 16]], { shape: [null, 5, 16], params: 2 }); // two scalars
  // scores (*query[:-1], key[-2]) = (None, 5, 7)
  await figures('Attention()', [[null, 5, 16], [null, 7, 8], [null, 7, 16]], { shape: [[null, 5, 8], [null, 5, 7]], params: 0 }, { call: '[x0, x1, x2], return_attention_scores=True' });
  await figures('AdditiveAttention()', [[null, 5, 32], [null, 7, 32]], { shape: [null, 5, 32], params: 32 }); // scale (query[-1],)
  await figures('AdditiveAttention()', [[null, 5, 32], [null, 7, 16]], { shape: [null, 5, 16], params: 32 });
  await figures('AdditiveAttention(use_scale=False)', [[null, 5, 32], [null, 7, 32]], { shape: [[null, 5, 32], [null, 5, 7]], params: 0 }, { call: '[x0, x1], return_attention_scores=True' });
});

test('Attention and AdditiveAttention error cases', async () => {
  await rejects('Attention(score_mode="foo")', [[null, 5, 16], [null, 7, 16]], /Invalid value for argument score_mode. Expected one of \{'dot', 'concat'\}. Received: score_mode=foo/);
  await rejects('Attention()', [null, 5, 16], /must be called on a list of inputs, namely \[query, value\] or \[query, value, key\]/);
  await rejects('Attention()', [[null, 5, 16]], /accepts inputs list of length 2 or 3/);
  await rejects('AdditiveAttention()', [[null, 5, null], [null, 7, 32]], /last dimension of the query/);
  await rejects('AdditiveAttention()', [null, 5, 16], /must be called on a list of inputs/);
});
