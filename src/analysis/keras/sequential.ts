// Sequential models as Keras 3 builds them: add(), the input a first layer declares, build(), and the layer chain.
import { argShape } from './args';
import type { LayerObject, Tensor } from './graph';
import type { SequentialModel } from './models';
import type { Shape } from './shape';
import type { Range } from '../summary/types';
import type { KerasSession } from './session';

/** Sequential.add without Keras's rebuild step (see sequentialMaybeRebuild): an Input tensor, an InputLayer, a layer or a model. */
export function sequentialAdd(session: KerasSession, m: SequentialModel, item: LayerObject | Tensor, site: Range): void {
  if ('node' in item) {
    const origin = item.node.layer;
    if (origin.className !== 'InputLayer') {
      session.report(site, 'error', `Only layers can be added to a Sequential model; received a tensor (the output of "${origin.name}")`);
      return;
    }
    item = origin;
  }
  const layer = item;
  if (layer.model) session.chargeNestedRows(layer.model);
  if (layer.className === 'InputLayer') {
    if (m.inputLayer) {
      session.report(site, 'error', `Sequential model '${m.name}' has already been configured to use an input shape. You cannot add a different Input layer to it.`);
      return;
    }
    m.inputLayer = layer;
    m.input = layer.nodes[0].outputs[0];
    extendChain(session, m);
    return;
  }
  if (m.layerNames.has(layer.name) || m.inputLayer?.name === layer.name) {
    session.report(site, 'error', `All layers added to a Sequential model should have unique names. Name "${layer.name}" is already the name of a layer in this model.`);
    return;
  }
  if (m.layers.length === 0 && !m.inputLayer) {
    const shape = declaredInputShape(session, layer);
    if (shape !== undefined) {
      m.inputLayer = session.createInputLayer(shape, null, layer.site);
      m.input = m.inputLayer.nodes[0].outputs[0];
    } else {
      // A first layer that knows its input shape (a built model, a layer already called) gives it (Sequential._maybe_rebuild).
      const t = knownInput(layer);
      const len = layer.base.get('input_length');
      if (!t && session.opts.autoVersion && session.opts.version === 3 && layer.className === 'Embedding' && len && len.t !== 'none') {
        session.report(layer.site, 'info', 'Keras 3 ignores `input_length`, so this Sequential model stays unbuilt (shapes `?`); Keras 2 (tf.keras) would build it for inputs of that length. Choose with --keras-version (or the keras-lens.kerasVersion setting).');
      }
      if (t) {
        m.inputLayer = session.createInputLayer(t.shape, null, site);
        m.input = m.inputLayer.nodes[0].outputs[0];
      }
    }
  }
  m.layers.push(layer);
  m.layerNames.add(layer.name);
  extendChain(session, m);
}

/** Keras 3 rebuilds a Sequential after each add() once it has an input and a layer, consuming a `functional` name. */
export function sequentialMaybeRebuild(session: KerasSession, m: SequentialModel): void {
  if (session.opts.version === 3 && m.input && m.layers.length > 0) session.names.next('functional');
}

/** The batch input shape a first layer declares with input_shape= / input_dim= / batch_input_shape= (undefined if none). */
function declaredInputShape(session: KerasSession, layer: LayerObject): Shape | null | undefined {
  const b = layer.base;
  const dims = argShape;
  const batchSize = b.get('batch_size');
  const batch = batchSize?.t === 'int' ? batchSize.v : null;
  const bis = dims(b.get('batch_input_shape'));
  if (bis !== undefined) return bis;
  const is = dims(b.get('input_shape'));
  if (is !== undefined) return is === null ? null : [batch, ...is];
  const dim = b.get('input_dim');
  const len = b.get('input_length');
  if (dim && dim.t !== 'none') {
    if (dim.t !== 'int') return null;
    if (len && len.t !== 'none' && session.opts.version < 3) return [batch, len.t === 'int' ? len.v : null, dim.v];
    return [batch, dim.v];
  }
  // Keras 1/2 Embedding always declares its input: (input_length,) or (None,).
  if (session.opts.version < 3 && layer.className === 'Embedding') {
    return [batch, len?.t === 'int' ? len.v : null];
  }
  return undefined;
}

/** model.build(shape), or the first call of an unbuilt Sequential. */
export function sequentialBuild(session: KerasSession, m: SequentialModel, batchShape: Shape | null, site: Range): void {
  if (m.layers.length === 0) {
    session.report(site, 'error', `Sequential model ${m.name} cannot be built because it has no layers. Call \`model.add(layer)\`.`);
    return;
  }
  if (m.inputLayer) {
    const have = m.inputLayer.inputShape;
    if (have && batchShape && JSON.stringify(have) !== JSON.stringify(batchShape)) {
      session.report(site, 'error', `Sequential model '${m.name}' was built with input shape ${JSON.stringify(have)}, which differs from ${JSON.stringify(batchShape)}`);
    }
    return;
  }
  m.inputLayer = session.createInputLayer(batchShape, null, site);
  m.input = m.inputLayer.nodes[0].outputs[0];
  extendChain(session, m);
  if (session.opts.version === 3) session.names.next('functional');
}

/** Calls every layer not yet in the chain on the previous output (the chain grows with each add()). */
function extendChain(session: KerasSession, m: SequentialModel): void {
  if (!m.input || m.layers.length === 0) return;
  m.built = true;
  // The chain covers a prefix of the layers; continue after it (each add() costs O(1)).
  for (let i = m.outputs.size; i < m.layers.length; i++) {
    const layer = m.layers[i];
    const prev = i === 0 ? [m.input] : m.outputs.get(m.layers[i - 1]);
    if (!prev) return;
    if (prev.length !== 1) {
      session.report(layer.site, 'error', `Layer "${layer.name}" follows a layer with ${prev.length} outputs in Sequential model "${m.name}"; only the last layer of a Sequential model may have several outputs`);
    }
    const node = session.callLayer(layer, [prev[0]], false, layer.site);
    m.outputs.set(layer, node.outputs);
  }
}

/** The input tensor of a nested model used as first layer (Keras checks `hasattr(layer, "input_shape")`, which only models have). */
function knownInput(layer: LayerObject): Tensor | null {
  const inner = layer.model;
  if (!inner || inner.kind === 'subclassed') return null;
  if (inner.kind === 'functional') return inner.inputs[0] ?? null;
  return inner.built ? inner.input : null;
}
