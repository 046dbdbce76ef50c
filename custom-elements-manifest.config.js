import { existsSync, readFileSync } from 'node:fs';

// Plugins of the manifest analyzer, which runs once inside each package (scripts/analyze.js):
// - tag names from our `defineElement('cl-x', X)` calls (the analyzer only knows `customElements.define`);
// - public API only: private and protected members, and attributes of no public field, are dropped;
// - members inherited from `ClientelingElement` (`adapter`, `bridge`) appear on every element, read
//   from core's own manifest, since the analyzer cannot follow a superclass into another package;
// - every event must carry its type (`@event {CustomEvent<Detail>} cl-x - …`), or the analysis fails.

const BASE_CLASS = 'ClientelingElement';
const BASE_PACKAGE = '@clienteling/core/elements.js';

const isPublic = (member) => member.privacy !== 'private' && member.privacy !== 'protected';

const findBase = (manifest) =>
  manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .find((decl) => decl.kind === 'class' && decl.name === BASE_CLASS);

/**
 * The public members of ClientelingElement: from the manifest being made when it is core's, else
 * from core's manifest (core is analyzed before the element packages).
 */
function inheritedMembers(current) {
  const coreManifest = '../core/custom-elements.json';
  const base =
    findBase(current) ?? (existsSync(coreManifest) && findBase(JSON.parse(readFileSync(coreManifest, 'utf8'))));
  if (!base) return [];
  return (base.members ?? []).filter(isPublic).filter((m) => !m.inheritedFrom);
}

const defineElementPlugin = {
  name: 'clienteling-define-element',
  analyzePhase({ ts, node, context }) {
    if (!ts.isCallExpression(node) || node.expression.getText?.() !== 'defineElement') return;
    const [tag, cls] = node.arguments;
    if (tag && cls && ts.isStringLiteral(tag) && ts.isIdentifier(cls)) {
      (context.clDefinitions ??= []).push({ tagName: tag.text, className: cls.text });
    }
  },
  packageLinkPhase({ customElementsManifest, context }) {
    for (const { tagName, className } of context.clDefinitions ?? []) {
      for (const mod of customElementsManifest.modules) {
        const decl = mod.declarations?.find((d) => d.kind === 'class' && d.name === className);
        if (!decl) continue;
        decl.tagName = tagName;
        decl.customElement = true;
        mod.exports ??= [];
        if (!mod.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tagName)) {
          mod.exports.push({
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name: className, module: mod.path },
          });
        }
      }
    }
  },
};

const publicApiPlugin = {
  name: 'clienteling-public-api',
  packageLinkPhase({ customElementsManifest }) {
    const inherited = inheritedMembers(customElementsManifest);
    const untyped = [];
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.kind !== 'class') continue;
        let members = (decl.members ?? []).filter(isPublic);
        if (decl.superclass?.name === BASE_CLASS) {
          const own = new Set(members.map((m) => m.name));
          const fromBase = inherited
            .filter((m) => !own.has(m.name))
            .map((m) => ({ ...m, inheritedFrom: { name: BASE_CLASS, package: BASE_PACKAGE } }));
          members = [...members, ...fromBase];
        }
        decl.members = members;
        if (decl.attributes) {
          const fields = new Set(members.map((m) => m.name));
          decl.attributes = decl.attributes.filter((a) => !a.fieldName || fields.has(a.fieldName));
        }
        for (const event of decl.events ?? []) {
          if (!event.type?.text) untyped.push(`${mod.path}: ${decl.name} event ${event.name}`);
        }
      }
    }
    if (untyped.length) {
      throw new Error(
        `Events without a type (write @event {CustomEvent<Detail>} name - …):\n  ${untyped.join('\n  ')}`,
      );
    }
  },
};

export default {
  litelement: true,
  plugins: [defineElementPlugin, publicApiPlugin],
};
