// In a module of its own: a tagged `css` template is kept by bundlers wherever its module is, so only the
// elements that import it pay for it.
import { css } from 'lit';

/**
 * A row of underlined tabs (`.tabs` holding `.tab` buttons with `aria-selected`): touch-high, secondary
 * text, the selected one in the text colour and bold over a bar of the element's `--_tab` colour. The
 * element lays the tabs out (equal widths, or one row that scrolls) and gives them their padding.
 */
export const tabStyles = css`
  .tabs {
    display: flex;
    gap: var(--_cl-space-1);
    border-bottom: 1px solid var(--_cl-border);
  }
  .tab {
    min-height: var(--_cl-touch);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_cl-text-2);
    font: inherit;
    cursor: pointer;
    touch-action: manipulation;
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_tab);
    color: var(--_cl-text);
    font-weight: 600;
  }
`;
