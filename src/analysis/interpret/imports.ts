// import / from-import in every common spelling: keras, tf.keras, Keras 1 module paths, aliases, star imports.
import { field, named, nodeText, nodeType } from '../parse/nodes';
import type { Node } from 'web-tree-sitter';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';
import { moduleAttribute, moduleValue } from './kerasNames';
import type { Value } from './values';


export function execImport(ip: Interpreter, node: Node, scope: Scope): void {
  for (const c of named(node)) {
    if (!c) continue;
    if (nodeType(c) === 'dotted_name') {
      // `import a.b.c` binds `a`.
      const root = nodeText(c).split('.')[0];
      scope.assign(root, moduleValue(root));
    } else if (nodeType(c) === 'aliased_import') {
      const name = field(c, 'name');
      const alias = field(c, 'alias');
      if (name && alias) scope.assign(nodeText(alias), moduleValue(nodeText(name)));
    }
  }
}

export function execImportFrom(ip: Interpreter, node: Node, scope: Scope): void {
  if (nodeType(node) === 'future_import_statement') return;
  const modNode = field(node, 'module_name');
  if (!modNode) return;
  const mod = moduleValue(nodeText(modNode).replace(/^\.+/, ''));
  if (mod.k !== 'module') return;
  for (const c of named(node)) {
    if (!c || c === modNode || c.id === modNode.id) continue;
    if (nodeType(c) === 'wildcard_import') {
      ip.starModules.push(mod);
      continue;
    }
    let name: string | undefined;
    let alias: string | undefined;
    if (nodeType(c) === 'dotted_name') name = alias = nodeText(c);
    else if (nodeType(c) === 'aliased_import') {
      name = nodeText(field(c, 'name'));
      alias = nodeText(field(c, 'alias'));
    }
    if (!name || !alias) continue;
    const value: Value = moduleAttribute(mod, name);
    scope.assign(alias, value);
  }
}
