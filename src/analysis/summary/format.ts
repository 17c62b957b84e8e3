// The summary formatters every view uses: Keras 3 text, tf.keras 2 text, Markdown, JSON.

export { formatKeras3, type Keras3Options } from './format/keras3';
export { formatBytes, formatCount } from './numbers';
export { shapeToText } from './shapes';
