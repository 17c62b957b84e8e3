// import / from-import in every common spelling: keras, tf.keras, Keras 1 module paths, aliases, star imports.
import { named } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';
import { moduleAttribute, moduleValue } from './kerasNames';
import type { Value } from './values';


export function execImport(ip: Interpreter, node: Node, scope: Scope): void {
  for (const c of named(node)) {
    if (!c) continue;
    if (c.type === 'dotted_name') {
      // `import a.b.c` binds `a`.
      const root = c.text.split('.')[0];
      scope.assign(root, moduleValue(root));
    } else if (c.type === 'aliased_import') {
      const name = c.childForFieldName('name');
      const alias = c.childForFieldName('alias');
      if (name && alias) scope.assign(alias.text, moduleValue(name.text));
    }
  }
}

export function execImportFrom(ip: Interpreter, node: Node, scope: Scope): void {
  if (node.type === 'future_import_statement') return;
  const modNode = node.childForFieldName('module_name');
  if (!modNode) return;
  const mod = moduleValue(modNode.text.replace(/^\.+/, ''));
  if (mod.k !== 'module') return;
  for (const c of named(node)) {
    if (!c || c === modNode || c.id === modNode.id) continue;
    if (c.type === 'wildcard_import') {
      ip.starModules.push(mod);
      continue;
    }
    let name: string | undefined;
    let alias: string | undefined;
    if (c.type === 'dotted_name') name = alias = c.text;
    else if (c.type === 'aliased_import') {
      name = c.childForFieldName('name')?.text;
      alias = c.childForFieldName('alias')?.text;
    }
    if (!name || !alias) continue;
    const value: Value = moduleAttribute(mod, name);
    scope.assign(alias, value);
  }
}
