// Collapses the formatting whitespace of Lit `html` and `css` template literals in our sources.
// The TypeScript parser finds the templates, so expressions, strings, regular expressions and
// comments are never touched. In `html`, every whitespace run containing a line break becomes one
// space (rendered the same outside `white-space: pre` text, where our templates never break
// lines); in `css`, comments go and whitespace around punctuation and after property names.
import ts from 'typescript';

const minifiers = {
  html: (text) => text.replace(/\s*\n\s*/g, ' '),
  css: (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // `prop: value` → `prop:value` in declarations (right after `{` or `;`, never in selectors).
      .replace(/([{;])([-\w]+):\s+/g, '$1$2:')
      .replace(/;}/g, '}'),
};

export function minifyTemplates(code, fileName = 'file.ts') {
  if (!code.includes('html`') && !code.includes('css`')) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && minifiers[node.tag.text]) {
      const minify = minifiers[node.tag.text];
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(source);
        const text = code.slice(start, part.end);
        const minified = minify(text);
        if (minified !== text) edits.push([start, part.end, minified]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
