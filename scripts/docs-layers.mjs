// Regenerates the layer table in docs/supported.md from the catalogue (npm run build first).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { allLayers } = require('../out/src/analysis/keras/catalogue.js');
const rows = allLayers().map((d) => {
  const also = [...(d.aliases ?? []), ...(d.legacyAliases ?? [])].map((a) => `\`${a}\``).join(', ');
  return `| ${d.className} | ${also} |`;
});
const table = ['| Keras 3 class | Also accepted as |', '| --- | --- |', ...rows].join('\n');
const file = 'docs/supported.md';
const text = readFileSync(file, 'utf8');
const start = text.indexOf('| Keras 3 class');
const end = text.indexOf('\n\n', start);
writeFileSync(file, text.slice(0, start) + table + text.slice(end));
console.log(`docs/supported.md: ${rows.length} layer classes`);
