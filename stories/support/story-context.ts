// What a story gives its element besides args: a fake adapter and host bridge, made once per
// story (args change often; a new adapter would reload the element each time).
import { html, type TemplateResult } from 'lit';
import type { StoryContext } from '@storybook/web-components-vite';
import type { ClientelingAdapter, HostBridge } from '@clienteling/core';

const madeForCanvas = new WeakMap<HTMLElement, Map<string, unknown>>();

/** `make()` once per story and canvas; later renders of the same story (a control changed) reuse it. */
export function perStory<T>(context: StoryContext, what: string, make: () => T): T {
  let made = madeForCanvas.get(context.canvasElement);
  if (!made) madeForCanvas.set(context.canvasElement, (made = new Map()));
  const key = `${context.id}:${what}`;
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

export interface Wiring {
  adapter?: () => ClientelingAdapter;
  bridge?: () => HostBridge;
}

/**
 * `content` inside a provider with the story's adapter and bridge. The provider sets no language or
 * theme, so the toolbar's (from the outer provider of .storybook/preview.ts) apply.
 */
export function wired(context: StoryContext, wiring: Wiring, content: TemplateResult) {
  const adapter = wiring.adapter ? perStory(context, 'adapter', wiring.adapter) : undefined;
  const bridge = wiring.bridge ? perStory(context, 'bridge', wiring.bridge) : undefined;
  if (!adapter && !bridge) return content;
  return html`<cl-provider .adapter=${adapter} .bridge=${bridge}>${content}</cl-provider>`;
}
