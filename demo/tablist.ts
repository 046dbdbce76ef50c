// A row of tabs for the demo pages (the customer's views under the profile, the sidebar's views):
// one tab stop, arrow keys and Home/End move between tabs, as the ARIA tabs pattern describes.
import { css, html, type TemplateResult } from 'lit';
import { tabKeyTarget } from '@clienteling/core/elements.js';

export interface TablistOptions<View extends string> {
  /** The tabs, in their order. */
  views: readonly View[];
  selected: View;
  /** Each tab's visible name. */
  label: (view: View) => string;
  /** The tablist's accessible name. */
  name: string;
  /** The id of the tab panel the tabs control. */
  panelId: string;
  onSelect: (view: View) => void;
}

/** The id of a view's tab, for the panel's `aria-labelledby`. */
export const tabId = (view: string) => `tab-${view}`;

export function renderTablist<View extends string>(options: TablistOptions<View>): TemplateResult {
  const { views, selected, onSelect } = options;
  const handleKeydown = (event: KeyboardEvent) => {
    const target = tabKeyTarget(event.key, views.indexOf(selected), views.length);
    if (target === undefined) return;
    event.preventDefault();
    onSelect(views[target]!);
    const tablist = (event.currentTarget as HTMLElement).parentElement;
    requestAnimationFrame(() => tablist?.querySelector<HTMLElement>(`#${tabId(views[target]!)}`)?.focus());
  };
  return html`<div class="tabs" role="tablist" aria-label=${options.name}>
    ${views.map(
      (view) =>
        html`<button
          role="tab"
          id=${tabId(view)}
          aria-selected=${view === selected}
          aria-controls=${options.panelId}
          tabindex=${view === selected ? 0 : -1}
          @click=${() => onSelect(view)}
          @keydown=${handleKeydown}
          >${options.label(view)}</button
        >`,
    )}
  </div>`;
}

/** The tabs' look: a segmented control in the theme's colours. */
export const tablistStyles = css`
  .tabs {
    display: flex;
    gap: 4px;
    margin: 8px 8px 0;
    padding: 4px;
    border-radius: 10px;
    background: var(--cl-color-surface, #fff);
  }
  .tabs button {
    flex: 1;
    min-height: 44px;
    border: 0;
    border-radius: 8px;
    background: none;
    color: inherit;
    font: inherit;
  }
  .tabs button[aria-selected='true'] {
    background: var(--cl-color-primary, #0a7d3e);
    color: var(--cl-color-on-primary, #fff);
    font-weight: 600;
  }
  .tabs button:focus-visible {
    outline: 2px solid var(--cl-color-focus, #1764c0);
    outline-offset: 2px;
  }
`;
