// Which Python names mean Keras: module paths in every spelling, and Keras symbols found in them.
import { findLayer } from '../keras/catalogue';
import { opaque, type Value } from './values';
import { kerasFunction } from './kerasApi';
import { numpyAttribute } from './numpyApi';
import { kerasOpsAttribute } from './kerasOps';

/** Module paths whose contents are Keras's (keras, tf.keras, tf_keras, keras_core, keras.src…). */
export function isKerasPath(path: string): boolean {
  return /^(keras|tf_keras|keras_core)(\.|$)/.test(path) || /^tensorflow\.(python\.)?keras(\.|$)/.test(path);
}

export function moduleValue(path: string): Value {
  return { k: 'module', path, keras: isKerasPath(path) };
}

/** Names that are Keras callables rather than layer classes. */
const KERAS_CALLABLES = new Set([
  'Input', 'Sequential', 'Model', 'Functional', 'InputLayer',
  'add', 'subtract', 'multiply', 'average', 'maximum', 'minimum', 'concatenate', 'dot', 'merge',
  'set_image_data_format', 'set_image_dim_ordering', 'clear_session', 'int_shape', 'image_data_format', 'image_dim_ordering', 'count_params',
]);

/** Attribute `name` of a Keras namespace. */
function kerasAttribute(path: string, name: string): Value {
  if (/(^|\.)ops$/.test(path)) return kerasOpsAttribute(name);
  const fn = KERAS_CALLABLES.has(name) ? kerasFunction(name) : undefined;
  if (fn) return fn;
  const inLayers = /(^|\.)layers(\.|$)/.test(path) || /^(keras|tf_keras|keras_core|tensorflow\.(python\.)?keras)$/.test(path);
  if (findLayer(name) && inLayers) return { k: 'layerClass', name };
  if (/^[A-Z]/.test(name)) {
    // A class Keras has but keras-lens does not model: a layer if it lives in a layers namespace.
    if (/(^|\.)layers(\.|$)/.test(path)) return { k: 'layerClass', name };
    if (findLayer(name)) return { k: 'layerClass', name };
    return opaque(`${path}.${name}`);
  }
  if (/^[a-z_][a-z0-9_]*$/.test(name)) return moduleValue(`${path}.${name}`);
  return opaque(`${path}.${name}`);
}

/** Attribute of any module value. */
export function moduleAttribute(mod: { path: string; keras: boolean }, name: string): Value {
  if (mod.keras) return kerasAttribute(mod.path, name);
  if (mod.path === 'tensorflow' && name === 'keras') return moduleValue('tensorflow.keras');
  if (mod.path === 'tensorflow.python' && name === 'keras') return moduleValue('tensorflow.python.keras');
  if (mod.path === 'numpy' || mod.path.startsWith('numpy.')) return numpyAttribute(mod.path, name);
  if (mod.path === 'math') return numpyAttribute('math', name);
  return opaque(`${mod.path}.${name}`);
}

/** A bare name that is unambiguously Keras's (a snippet without imports). */
export function kerasGlobalFallback(name: string): Value | undefined {
  if (findLayer(name) || name === 'InputLayer') return { k: 'layerClass', name };
  if (name === 'Input' || name === 'Sequential' || name === 'Model') return kerasFunction(name);
  return undefined;
}
