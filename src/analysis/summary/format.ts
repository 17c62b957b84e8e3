// The summary formatters every view uses: Keras 3 text, tf.keras 2 text, Markdown, JSON.

export { formatKeras3, type Keras3Options } from './format/keras3';
export { formatKeras2, type Keras2Options } from './format/keras2';
export { formatMarkdown, type MarkdownOptions } from './format/markdown';
export { toJson, type SummaryJson, type JsonFile, type JsonModel, type JsonLayer, type JsonDiagnostic } from './json';
export { formatBytes, formatCount, formatPlainCount } from './numbers';
export { shapeToText, shapeToPythonText } from './shapes';
