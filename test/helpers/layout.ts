/** Layout measured in the browser: on how many lines a phrase of an element's text is laid out. */

/** The text nodes under `root`, in its shadow root too. */
function textNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(node as Text);
    const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    children.forEach(walk);
  };
  walk(root);
  return nodes;
}

/**
 * How many lines `phrase` (found in `root`'s text, possibly across elements) takes: 1 when it never
 * breaks. Throws when the phrase is not there.
 */
export function linesOf(root: Node, phrase: string): number {
  const nodes = textNodes(root);
  const whole = nodes.map((node) => node.data).join('');
  const start = whole.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not found in "${whole}"`);
  const locate = (offset: number) => {
    let rest = offset;
    for (const node of nodes) {
      if (rest <= node.data.length) return [node, rest] as const;
      rest -= node.data.length;
    }
    throw new Error('offset out of range');
  };
  const range = document.createRange();
  range.setStart(...locate(start));
  range.setEnd(...locate(start + phrase.length));
  const tops = new Set<number>();
  for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
  // Rectangles of one line differ by a pixel or two between fonts (CJK and Latin).
  const sorted = [...tops].sort((a, b) => a - b);
  return sorted.filter((top, i) => i === 0 || top - sorted[i - 1]! > 4).length;
}

/** The words (Latin letters and digits, at least two) of an element's text, each within one text node. */
export function splitWords(root: Node): string[] {
  const words = textNodes(root).flatMap((node) => node.data.match(/[A-Za-z0-9’']{2,}/g) ?? []);
  return [...new Set(words)];
}
