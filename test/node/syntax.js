// Which syntax newer than ES2019 a script uses. Shipped browser files must use none (older Android
// WeChat/WeCom kernels), except dynamic `import()`, which those kernels (Chrome 63+) support and
// which lazy chunks need.
import { parse } from 'acorn';

const rules = [
  [(n) => n.type === 'ChainExpression', 'optional chaining (?.)'],
  [(n) => n.type === 'LogicalExpression' && n.operator === '??', 'nullish coalescing (??)'],
  [(n) => n.type === 'AssignmentExpression' && ['&&=', '||=', '??='].includes(n.operator), 'logical assignment'],
  [(n) => n.type === 'Literal' && typeof n.bigint === 'string', 'BigInt literal'],
  [(n) => n.type === 'Literal' && typeof n.value === 'number' && /_/.test(n.raw), 'numeric separator'],
  [(n) => n.type === 'PropertyDefinition', 'class field'],
  [(n) => n.type === 'PrivateIdentifier', 'private class member (#x)'],
  [(n) => n.type === 'StaticBlock', 'class static block'],
  [(n) => n.type === 'MetaProperty' && n.meta.name === 'import', 'import.meta'],
  [(n) => n.type === 'ExportAllDeclaration' && n.exported, 'export * as name'],
];

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/** Lists the post-ES2019 features used in `code`, with their positions. */
export function post2019Features(code) {
  const ast = parse(code, {
    ecmaVersion: 2022,
    sourceType: 'module',
    allowAwaitOutsideFunction: false,
    locations: true,
  });
  const found = [];
  walk(ast, (node) => {
    for (const [test, label] of rules)
      if (test(node)) found.push(`${label} at ${node.loc.start.line}:${node.loc.start.column}`);
  });
  return found;
}
