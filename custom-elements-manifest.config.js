// The analyzer learns tag names from our `defineElement('cl-x', X)` calls (it only knows
// `customElements.define` by itself), in whatever module they are made.
export default {
  litelement: true,
  plugins: [
    {
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
    },
  ],
};
