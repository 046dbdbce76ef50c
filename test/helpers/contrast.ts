/** WCAG contrast measured in the browser: an element's text colour against what paints behind it. */

type Rgba = [number, number, number, number];

/** A computed colour (`rgb(…)`, `rgba(…)`, `color(srgb …)`) as 0–255 channels and alpha. */
export function parseColor(value: string): Rgba {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(value);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const rgb = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)/.exec(value);
  if (!rgb) throw new Error(`unparsed colour ${value}`);
  return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] === undefined ? 1 : +rgb[4]];
}

const luminance = ([r, g, b]: Rgba) => {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};

/** The contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: string | Rgba, b: string | Rgba): number {
  const first = luminance(typeof a === 'string' ? parseColor(a) : a);
  const second = luminance(typeof b === 'string' ? parseColor(b) : b);
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
}

/** The parent in the flat tree: the slot an element is assigned to, or the host of a shadow root. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The background that shows behind `el`: its own or the nearest painted one (white at the top). */
export function backgroundBehind(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = flatParent(node)) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  let result: Rgba = [255, 255, 255, 1];
  for (const layer of layers.reverse()) {
    const alpha = layer[3];
    result = [0, 1, 2].map((i) => layer[i]! * alpha + result[i]! * (1 - alpha)) as unknown as Rgba;
    result[3] = 1;
  }
  return result;
}

/** The contrast of `el`'s text colour (or `color`) against the background behind it. */
export function textContrast(el: Element, color = getComputedStyle(el).color): number {
  return contrastRatio(parseColor(color), backgroundBehind(el));
}
