// In a module of its own: a tagged `css` template is kept by bundlers wherever its module is, so only the
// elements that import it pay for it.
import { css } from 'lit';

/**
 * The frame of a panel element (script library, task list, staff results, customer profile): a block on
 * the element's `--_bg` with the kit's padding (an element may give itself more), headings, paragraphs and
 * lists without the browser's margins, a centred `.note` (no adapter, a load error), and room under an
 * error's words before Retry. The element sets `--_bg` from its own public custom property.
 */
export const panelStyles = css`
  :host {
    display: block;
    padding: var(--_cl-space-3);
    background: var(--_bg);
  }
  p,
  h3,
  ul {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .note {
    padding: var(--_cl-space-5) 0;
    color: var(--_cl-text-2);
    text-align: center;
  }
  [part~='error'] p {
    margin-bottom: var(--_cl-space-3);
  }
`;
